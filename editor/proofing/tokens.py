"""The words of a post worth checking, with where they are.

One pass of one regular expression: the things that are not prose (code, URLs, link targets and
``photo:`` references, HTML, CriticMarkup marks and comments, attribute blocks, ``:::`` box
lines) match first and are passed over; what is left are words. Offsets are Python string
indexes (code points); :func:`utf16_offsets` converts them for Qt.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

# Combining marks that follow a letter belong to the word ("está" typed as e + U+0301).
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
# One character class (an alternation per character costs 2.5x): it takes in "_" too, which
# words() then treats as a separator (Markdown's _emphasis_).
_CHAR = rf"[\w{_MARKS}]"
WORD = rf"{_CHAR}+(?:['’]{_CHAR}+)*"

_SKIP = [
    r"^(?P<fence>`{3,}|~{3,})[^\n]*\n.*?^(?P=fence)[ \t]*$",  # fenced code
    r"(?P<tick>`+).+?(?P=tick)",  # inline code
    r"<!--.*?-->",  # HTML comment
    r"</?[A-Za-z][^>\n]*>",  # HTML tag
    r"\{>>.*?<<\}",  # CriticMarkup comment: a note to the writer, never published
    r"\{\+\+|\+\+\}|\{--|--\}|\{~~|~>|~~\}|\{==|==\}",  # CriticMarkup marks
    r"\{[^{}\n]*[=:#.][^{}\n]*\}",  # attribute blocks: {lang=es}, {: .wide}, {#id}
    r"\]\([^)\n]*\)",  # a link's or a photo's target, incl. photo:UUID
    r"\]\[[^\]\n]*\]",  # a reference link's label
    r"\[\^[^\]\n]*\]",  # a footnote mark
    r"^[ \t]{0,3}\[[^\]\n]+\]:[^\n]*$",  # a reference definition
    r"^:::[ \t]*(?:lang[ \t]+[\w-]+|[\w-]*)",  # a box's opening: its kind, not its label
    r"(?:https?|ftp|mailto|file):(?://)?[^\s<>()\[\]]+",  # URLs
    r"www\.[^\s<>()\[\]]+",
    r"&#?\w+;",  # HTML entities
]
# Most positions of a text start none of these: the lookahead turns them away with one test
# (Python's re would otherwise try every alternative at every character).
_SKIPPED = re.compile(
    r"(?:(?=[`~<{}\[\]&:+=\-hwfmHWFM])|^)(?:" + "|".join(f"(?:{s})" for s in _SKIP) + ")",
    re.MULTILINE | re.DOTALL,
)
_WORD = re.compile(WORD)
_PARTS = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_LANG_SPAN = re.compile(
    r"\[(?P<text>[^\]\n]+)\]\{\s*lang=(?P<lang>[A-Za-z]{2,3}(?:[_-][\w]+)*)\s*\}"
)
_LANG_BOX = re.compile(
    r"^:::[ \t]*lang[ \t]+(?P<lang>[A-Za-z]{2,3}(?:[_-]\w+)*)[ \t]*\n"
    r"(?P<text>.*?)(?:^:::[ \t]*$|\Z)",
    re.MULTILINE | re.DOTALL,
)


@dataclass(frozen=True)
class TokenOptions:
    """What to pass over besides non-prose (the writer's preferences can change these)."""

    skip_all_caps: bool = True  # acronyms: ONU, FIFA
    skip_with_digits: bool = True  # COVID19, G20, mp3


DEFAULT_OPTIONS = TokenOptions()


def words(text: str, options: TokenOptions = DEFAULT_OPTIONS) -> list[tuple[int, int, str]]:
    """``(start, end, word)`` for every word to check in ``text`` (Markdown or plain)."""
    prose = _SKIPPED.sub(_blank, text)  # same length: offsets stay those of ``text``
    if "@" in prose:
        prose = _EMAIL.sub(_blank, prose)
    found: list[tuple[int, int, str]] = []
    append = found.append
    caps, digits = options.skip_all_caps, options.skip_with_digits
    for match in _WORD.finditer(prose):
        word = match.group()
        if "_" in word:
            start = match.start()
            for part in _PARTS.finditer(word):
                if part.group().strip("'’"):
                    append((start + part.start(), start + part.end(), part.group()))
            continue
        if not word.isalpha():
            if any(c.isdigit() for c in word) and (digits or word.isdigit()):
                continue
        elif caps and word.isupper() and len(word) > 1:
            continue
        append((*match.span(), word))
    return found


def _blank(match: re.Match[str]) -> str:
    return " " * (match.end() - match.start())


def lookup_form(word: str) -> str:
    """The form a dictionary knows: composed accents (NFC)."""
    return word if word.isascii() else unicodedata.normalize("NFC", word)


def language_regions(text: str) -> list[tuple[int, int, str]]:
    """Passages in another language: ``[texto]{lang=es}`` and ``::: lang es`` boxes."""
    if "lang" not in text:
        return []
    regions = [(m.start("text"), m.end("text"), m.group("lang")) for m in _LANG_SPAN.finditer(text)]
    regions += [(m.start("text"), m.end("text"), m.group("lang")) for m in _LANG_BOX.finditer(text)]
    return sorted(regions)


def language_boxes(text: str) -> list[tuple[int, int, str]]:
    """Only the ``::: lang xx`` boxes (they span paragraphs)."""
    if "lang" not in text:
        return []
    return [(m.start("text"), m.end("text"), m.group("lang")) for m in _LANG_BOX.finditer(text)]


def language_at(regions: list[tuple[int, int, str]], index: int, default: str) -> str:
    found = default
    for start, end, lang in regions:  # innermost last: a span inside a box wins
        if start <= index < end:
            found = lang
    return found


class Lines:
    """1-based line and column of an index (columns count characters, as editors do)."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def position(self, index: int) -> tuple[int, int]:
        line = bisect_right(self._starts, index)
        return line, index - self._starts[line - 1] + 1


def utf16_offsets(text: str) -> list[int] | None:
    """For each index of ``text`` (and its end), the UTF-16 offset Qt uses; None when they are
    the same (no character outside the Basic Multilingual Plane, e.g. no emoji)."""
    if text.isascii() or all(ord(c) < 0x10000 for c in text):
        return None
    offsets = [0] * (len(text) + 1)
    position = 0
    for index, char in enumerate(text):
        offsets[index] = position
        position += 2 if ord(char) >= 0x10000 else 1
    offsets[len(text)] = position
    return offsets


def to_utf16(offsets: list[int] | None, index: int) -> int:
    return index if offsets is None else offsets[index]
