"""Comparing two versions of a post (issue 10).

A 20,000-word body with 300 scattered word edits (replacements, deletions, insertions):
:func:`editor.review.worddiff.diff_words` must take at most 100 ms. Reported as a ratio to
``difflib.SequenceMatcher`` over the same word lists in the same run (the tokenising is in
both timings).
"""

from __future__ import annotations

import random
from difflib import SequenceMatcher

from bench.common import Figure, paired, report
from bench.corpus import article, rare_word
from editor.review.worddiff import diff_words, tokens

TARGET_S = 0.100


def edited(text: str, edits: int, rng: random.Random) -> str:
    words = text.split(" ")
    for _ in range(edits):
        i = rng.randrange(1, len(words) - 1)
        kind = rng.choice(("replace", "delete", "insert"))
        if kind == "replace":
            words[i] = rare_word(rng.randint(500, 20_000))
        elif kind == "delete":
            del words[i]
        else:
            words.insert(i, rare_word(rng.randint(500, 20_000)))
    return " ".join(words)


def run() -> list[Figure]:
    rng = random.Random(10)
    old = article(rng, 20_000)
    new = edited(old, 300, rng)

    def ours() -> object:
        return diff_words(old, new)

    def baseline() -> object:
        return SequenceMatcher(None, tokens(old), tokens(new)).get_opcodes()

    seconds, base = paired(ours, baseline, repeat=3)
    print(f"  ({base / seconds:.0f}x faster than difflib on the same word lists)", flush=True)
    return [
        report(
            Figure(
                "word diff, 20k words, 300 edits",
                seconds,
                "difflib.SequenceMatcher",
                base,
                f"<= {TARGET_S * 1000:.0f} ms",
                seconds <= TARGET_S,
            )
        )
    ]


if __name__ == "__main__":
    run()
