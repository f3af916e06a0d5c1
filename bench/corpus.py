"""Deterministic test text: posts of realistic length built from a fixed vocabulary."""

from __future__ import annotations

import random

WORDS = [
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "is",
    "that",
    "for",
    "it",
    "as",
    "was",
    "with",
    "be",
    "by",
    "on",
    "not",
    "he",
    "i",
    "this",
    "are",
    "or",
    "his",
    "from",
    "at",
    "which",
    "but",
    "have",
    "an",
    "they",
    "you",
    "were",
    "her",
    "she",
    "there",
    "been",
    "one",
    "all",
    "we",
    "their",
    "has",
    "would",
    "when",
    "if",
    "so",
    "no",
    "will",
    "can",
    "more",
    "other",
    "what",
    "up",
    "out",
    "about",
    "time",
    "some",
    "into",
    "them",
    "only",
    "new",
    "could",
    "these",
    "two",
    "may",
    "first",
    "then",
    "do",
    "any",
    "like",
    "my",
    "now",
    "over",
    "such",
    "our",
    "man",
    "me",
    "even",
    "most",
    "made",
    "after",
    "also",
    "did",
    "many",
    "before",
    "must",
    "through",
    "back",
    "years",
    "where",
    "much",
    "your",
    "way",
    "well",
    "down",
    "should",
    "because",
    "each",
    "just",
    "those",
    "people",
    "how",
    "too",
    "little",
    "state",
    "good",
    "very",
    "make",
    "world",
    "still",
    "own",
    "see",
    "men",
    "work",
    "long",
    "get",
    "here",
    "between",
    "both",
    "life",
    "being",
    "under",
    "never",
    "day",
    "same",
    "another",
    "know",
    "while",
    "last",
    "might",
    "us",
    "great",
    "old",
    "year",
    "off",
    "come",
    "since",
    "against",
    "go",
    "came",
    "right",
    "used",
    "take",
    "three",
    "radio",
    "solar",
    "village",
    "market",
    "election",
    "drought",
    "river",
    "mountain",
    "station",
    "volunteer",
    "minister",
    "energy",
    "harvest",
    "festival",
    "council",
    "water",
    "school",
    "road",
    "bridge",
    "clinic",
    "teacher",
    "farmer",
    "cooperative",
    "border",
    "migration",
    "coffee",
    "mine",
]


SYLLABLES = [
    "ba",
    "ca",
    "da",
    "fe",
    "gi",
    "ho",
    "lu",
    "ma",
    "ne",
    "pi",
    "qui",
    "ro",
    "sa",
    "ta",
    "ve",
    "xi",
    "yo",
    "za",
    "bra",
    "cle",
    "dro",
    "fri",
    "glo",
]


def _rare_words(count: int) -> list[str]:
    rng = random.Random(7)
    seen: dict[str, None] = {}
    while len(seen) < count:
        seen["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))] = None
    return list(seen)


# Zipf-like frequencies: a few very common words, a long tail of rare ones (as in real text),
# so that searching a selective word behaves as it would on a real archive.
VOCABULARY = WORDS + _rare_words(30_000)
_CUM: list[float] = []
_total = 0.0
for _rank in range(1, len(VOCABULARY) + 1):
    _total += 1.0 / _rank
    _CUM.append(_total)


def rare_word(rank: int) -> str:
    """The word of this frequency rank (1 = most common)."""
    return VOCABULARY[rank - 1]


def paragraph(rng: random.Random, words: int) -> str:
    out = rng.choices(VOCABULARY, cum_weights=_CUM, k=words)
    out[0] = out[0].capitalize()
    return " ".join(out) + "."


def article(rng: random.Random, words: int) -> str:
    """Markdown with subheads every few paragraphs, a quote and a list now and then."""
    parts: list[str] = []
    written = 0
    n = 0
    while written < words:
        n += 1
        if n % 6 == 0:
            parts.append(f"## {paragraph(rng, 5)[:-1]}")
        elif n % 11 == 0:
            parts.append("> " + paragraph(rng, 30))
        elif n % 13 == 0:
            parts.append("\n".join(f"- {paragraph(rng, 8)}" for _ in range(3)))
            written += 24
        else:
            size = rng.randint(40, 90)
            parts.append(paragraph(rng, size))
            written += size
    return "\n\n".join(parts) + "\n"
