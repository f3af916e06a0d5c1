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
# Letters and digits, not "_" (Markdown's _emphasis_): one negated class. (An alternation
# with the marks costs 2.5x per character: words() turns marks into letters first instead.)
WORD = r"[^\W_]+(?:['’][^\W_]+)*"
_MARK = re.compile(f"[{_MARKS}]+")

# What is not prose, in three groups so that most characters are turned away by one test
# (Python's re would otherwise try every alternative at every position of the text).
_AT_SYMBOL = [  # each starts with one of the characters of the lookahead below
    r"``.+?``|`[^`\n]*`",  # inline code (no group first: see _SYMBOLS)
    r"<!--.*?-->",  # HTML comment
    r"</?[A-Za-z][^>\n]*>",  # HTML tag
    r"\{>>.*?<<\}",  # CriticMarkup comment: a note to the writer, never published
    r"\{\+\+|\+\+\}|\{--|--\}|\{~~|~>|~~\}|\{==|==\}",  # CriticMarkup marks
    r"\{[^{}\n]*[=:#.][^{}\n]*\}",  # attribute blocks: {lang=es}, {: .wide}, {#id}
    r"\]\([^)\n]*\)",  # a link's or a photo's target, incl. photo:UUID
    r"\]\[[^\]\n]*\]",  # a reference link's label
    r"\[\^[^\]\n]*\]",  # a footnote mark
    r"&#?\w+;",  # HTML entities
]
_AT_LINE_START = [
    r"(?P<fence>`{3,}|~{3,})[^\n]*\n.*?^(?P=fence)[ \t]*$",  # fenced code
    r"[ \t]{0,3}\[[^\]\n]+\]:[^\n]*$",  # a reference definition
    r":::[ \t]*(?:lang[ \t]+[\w-]+|[\w-]*)",  # a box's opening: its kind, not its label
]
_AT_WORD_START = [
    r"(?:https?|ftp|mailto|file):(?://)?[^\s<>()\[\]]+",  # URLs
    r"www\.[^\s<>()\[\]]+",
]
# Each group is one pattern whose alternatives all start with a character or a class, so that
# the regular expression engine skips from candidate to candidate in C; the line-start and URL
# groups run only when the text has what they look for.
_LINES = re.compile(
    "^(?:" + "|".join(f"(?:{s})" for s in _AT_LINE_START) + ")", re.MULTILINE | re.DOTALL
)
_SYMBOLS = re.compile("|".join(f"(?:{s})" for s in _AT_SYMBOL), re.DOTALL)
_URLS = re.compile("|".join(f"(?:{s})" for s in _AT_WORD_START))
_WORD = re.compile(WORD)
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


def options_from(config: object) -> TokenOptions:
    """The writer's choices (``spelling.*`` in editor.config) as options."""
    from editor.config import SKIP_ALL_CAPS, SKIP_WITH_DIGITS

    get = config.get  # type: ignore[attr-defined]
    return TokenOptions(bool(get(SKIP_ALL_CAPS)), bool(get(SKIP_WITH_DIGITS)))


def prose_of(text: str) -> str:
    """``text`` with what is not prose turned into spaces (the same length, so offsets stay
    those of ``text``)."""
    prose = text
    if "```" in prose or "~~~" in prose or ":::" in prose or "]:" in prose:
        prose = _LINES.sub(_blank, prose)
    prose = _SYMBOLS.sub(_blank, prose)
    if "://" in prose or "www." in prose or "mailto:" in prose:
        prose = _URLS.sub(_blank, prose)
    if "@" in prose:
        prose = _EMAIL.sub(_blank, prose)
    return prose


def has_marks(prose: str) -> bool:
    return not prose.isascii() and _MARK.search(prose) is not None


def words(text: str, prose: str | None = None) -> list[tuple[int, int, str]]:
    """``(start, end, word)`` for every word of ``text`` (Markdown or plain) that is prose:
    numbers and acronyms included (:func:`is_checked` says which the dictionary sees)."""
    if prose is None:
        prose = prose_of(text)
    if has_marks(prose):
        prose = _MARK.sub(lambda m: "a" * len(m.group()), prose)  # to the word, as a letter
        return [(m.start(), m.end(), text[m.start() : m.end()]) for m in _WORD.finditer(prose)]
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(prose)]


def word_texts(prose: str) -> list[str]:
    """The words alone (no offsets: several times quicker), for prose without combining marks."""
    return _WORD.findall(prose)


def find_words(prose: str, wanted: set[str]) -> list[tuple[int, int, str]]:
    """Where the words of ``wanted`` are in ``prose`` (as whole words, as :func:`words` cuts
    them). A few words: ``str.find`` for each (a scan in C); many: one pass over the words."""
    if not wanted:
        return []
    if len(wanted) > 40:
        return [
            (m.start(), m.end(), word)
            for m in _WORD.finditer(prose)
            if (word := m.group()) in wanted
        ]
    found = []
    for word in wanted:
        start = prose.find(word)
        while start >= 0:
            end = start + len(word)
            match = _WORD.match(prose, start)
            if (
                match is not None
                and match.end() == end
                and (start == 0 or not _inside(prose, start))
            ):
                found.append((start, end, word))
            start = prose.find(word, end)
    found.sort()
    return found


def _inside(prose: str, start: int) -> bool:
    """Whether ``start`` is within a word rather than at its beginning."""
    before = prose[start - 1]
    if before.isalnum():
        return True
    return before in "'’" and start >= 2 and prose[start - 2].isalnum()


def is_checked(word: str, options: TokenOptions = DEFAULT_OPTIONS) -> bool:
    """Whether the dictionary is asked about ``word``: never a number; acronyms (ALL CAPS)
    and words with digits only when the options say so."""
    if word.isalpha():
        return not (options.skip_all_caps and word.isupper() and len(word) > 1)
    if any(c.isdigit() for c in word):
        return not (options.skip_with_digits or word.isdigit())
    return not (options.skip_all_caps and word.isupper() and len(word) > 1)


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
