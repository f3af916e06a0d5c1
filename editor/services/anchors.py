"""Finding a comment's words again after the text has changed.

An anchor keeps the quoted words, a little text either side and the offset where they were.
Re-anchoring tries the exact words first (choosing, among several, the one whose surroundings
and place fit best), then a fuzzy match near the old place (diff-match-patch's Bitap matcher),
accepted only when the found words are still close to the quote. When neither finds them the
comment is *detached*: shown with its quote, never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

CONTEXT = 32
CONTEXT_NEEDED = 8  # characters of agreeing surroundings that tell repeated words apart
FUZZY_MIN_LENGTH = 8  # shorter quotes are found exactly or not at all
FUZZY_MIN_RATIO = 0.75


@dataclass(frozen=True)
class Anchor:
    quote: str
    prefix: str = ""
    suffix: str = ""
    start: int = 0
    # The words occurred only once when the comment was made. If not, the surroundings must
    # still agree for a later match to count: the words may have been deleted, leaving others.
    unique: bool = True


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    exact: bool = True


def anchor_at(text: str, start: int, end: int) -> Anchor:
    quote = text[start:end]
    return Anchor(
        quote=quote,
        prefix=text[max(0, start - CONTEXT) : start],
        suffix=text[end : end + CONTEXT],
        start=start,
        unique=text.count(quote) == 1,
    )


def occurrences(text: str, quote: str) -> list[int]:
    found: list[int] = []
    if not quote:
        return found
    at = text.find(quote)
    while at >= 0:
        found.append(at)
        at = text.find(quote, at + 1)
    return found


def locate(text: str, anchor: Anchor) -> Span | None:
    """Where the anchor's words are in ``text`` now, or None when they are gone."""
    quote = anchor.quote
    if not quote:
        return None
    hits = occurrences(text, quote)
    if hits:
        best = max(hits, key=lambda at: _fit(text, anchor, at))
        agree = _fit(text, anchor, best)[0]
        if anchor.unique or agree >= min(CONTEXT_NEEDED, len(anchor.prefix) + len(anchor.suffix)):
            return Span(best, best + len(quote), True)
        return None
    return _fuzzy(text, anchor) if len(quote) >= FUZZY_MIN_LENGTH else None


def _fit(text: str, anchor: Anchor, at: int) -> tuple[int, int]:
    """Context agreement first (characters matching either side), nearness to the old place next."""
    before = text[max(0, at - CONTEXT) : at]
    after = text[at + len(anchor.quote) : at + len(anchor.quote) + CONTEXT]
    return _common_suffix(before, anchor.prefix) + _common_prefix(after, anchor.suffix), -abs(
        at - anchor.start
    )


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])


def _fuzzy(text: str, anchor: Anchor) -> Span | None:
    from diff_match_patch import diff_match_patch  # only needed when the words changed

    dmp = diff_match_patch()
    dmp.Match_Threshold = 0.35
    dmp.Match_Distance = 10_000
    quote = anchor.quote
    bits = dmp.Match_MaxBits
    head = quote[:bits]
    start = dmp.match_main(text, head, min(anchor.start, len(text)))
    if start < 0:
        return None
    end = start + len(quote)
    if len(quote) > bits:
        tail = quote[-bits:]
        found = dmp.match_main(text, tail, min(start + len(quote) - len(tail), len(text)))
        if found >= start:
            end = found + len(tail)
    end = min(end, len(text))
    found_text = text[start:end]
    if SequenceMatcher(None, quote, found_text, autojunk=False).ratio() < FUZZY_MIN_RATIO:
        return None
    return Span(start, end, False)
