"""Three-way merges of a post's texts against the version both sides last agreed on (the base).

A body is merged paragraph by paragraph first (blank lines separate them); where both sides
changed the same stretch of paragraphs it is merged word by word (the tokens of
:mod:`editor.review.worddiff`). Changes that do not overlap merge by themselves. Where both
sides changed the same words differently, the local words stay and the incoming ones are
offered as a CriticMarkup substitution ``{~~ours~>theirs~~}`` (accepting it takes theirs,
rejecting it keeps ours), so the person resolves it in the Review panel. A stretch that
CriticMarkup cannot carry (it already holds marks or braces) keeps the local words and is
counted as ``kept``: the incoming text is never lost, it stays in the "received" revision.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any, TypeVar

from editor.review.suggestions import FORBIDDEN, has_markup, render_mark
from editor.review.worddiff import tokens, units

T = TypeVar("T", bound=Hashable)
_PARAGRAPHS = re.compile(r"(\n[ \t]*\n\s*)")


@dataclass(frozen=True)
class Chunk:
    """A stretch of the merge: ``stable`` (all three agree), or each side's items."""

    base: tuple[Any, ...]
    ours: tuple[Any, ...]
    theirs: tuple[Any, ...]
    stable: bool = False


@dataclass
class TextMerge:
    """A merged text and what happened to it."""

    text: str
    suggestions: list[str] = field(default_factory=list)  # the marks added, as written
    kept: int = 0  # overlapping changes CriticMarkup could not carry: ours kept
    merged: bool = False  # both sides' changes are in the result
    marks: bool = True  # overlapping edits become marks (else ours is kept)

    @property
    def conflicts(self) -> int:
        return len(self.suggestions) + self.kept


def _matches(base: Sequence[T], other: Sequence[T]) -> dict[int, int]:
    # autojunk (frequent items never anchor a match) only where the exact search would take
    # minutes: a single sentence of thousands of words edited on both sides
    matcher = SequenceMatcher(None, base, other, autojunk=len(base) * len(other) > 4_000_000)
    out: dict[int, int] = {}
    for a, b, n in matcher.get_matching_blocks():
        for k in range(n):
            out[a + k] = b + k
    return out


def diff3(base: Sequence[T], ours: Sequence[T], theirs: Sequence[T]) -> list[Chunk]:
    """The classic diff3 walk: stable runs where base, ours and theirs all match, and the
    unstable stretches between them."""
    ma, mb = _matches(base, ours), _matches(base, theirs)
    chunks: list[Chunk] = []
    io = ia = ib = 0
    while True:
        start = io
        while io < len(base) and ma.get(io) == ia and mb.get(io) == ib:
            io, ia, ib = io + 1, ia + 1, ib + 1
        if io > start:
            run = tuple(base[start:io])
            chunks.append(Chunk(run, run, run, stable=True))
        nxt = next((o for o in range(io, len(base)) if o in ma and o in mb
                    and ma[o] >= ia and mb[o] >= ib), None)  # fmt: skip
        if nxt is None:
            tail = Chunk(tuple(base[io:]), tuple(ours[ia:]), tuple(theirs[ib:]))
            if tail.base or tail.ours or tail.theirs:
                chunks.append(tail)
            return chunks
        if nxt > io or ma[nxt] > ia or mb[nxt] > ib:
            chunks.append(Chunk(tuple(base[io:nxt]), tuple(ours[ia : ma[nxt]]),
                                tuple(theirs[ib : mb[nxt]])))  # fmt: skip
        io, ia, ib = nxt, ma[nxt], mb[nxt]


def paragraphs(text: str) -> list[str]:
    """Paragraphs and the blank lines between them, as separate items (every character kept)."""
    return [p for p in _PARAGRAPHS.split(text) if p]


def merge_text(
    base: str, ours: str, theirs: str, *, by_paragraph: bool = True, marks: bool = True
) -> TextMerge:
    """Merge ``theirs`` into ``ours`` against ``base``. Without ``marks`` (a one-line field
    the window cannot show suggestions in) overlapping edits keep ours and are counted."""
    if ours == theirs or base == theirs:
        return TextMerge(ours)
    if base == ours:
        return TextMerge(theirs)
    result = TextMerge("", merged=True, marks=marks)
    if not by_paragraph:
        result.text = _merge_words(base, ours, theirs, result)
        return result
    out: list[str] = []
    for chunk in diff3(paragraphs(base), paragraphs(ours), paragraphs(theirs)):
        b, o, t = ("".join(x) for x in (chunk.base, chunk.ours, chunk.theirs))
        if chunk.stable or o == t or b == t:
            out.append(o)
        elif b == o:
            out.append(t)
        else:
            out.append(_merge_words(b, o, t, result))
    result.text = "".join(out)
    return result


def _merge_words(base: str, ours: str, theirs: str, result: TextMerge) -> str:
    if has_markup(ours) or has_markup(theirs):
        # marks cannot nest: the stretch stays ours; theirs is in the received revision
        result.kept += 1
        return ours
    out: list[str] = []
    for chunk in diff3(units(base), units(ours), units(theirs)):  # sentence by sentence first
        b, o, t = ("".join(x) for x in (chunk.base, chunk.ours, chunk.theirs))
        if chunk.stable or o == t or b == t:
            out.append(o)
        elif b == o:
            out.append(t)
        else:
            out.append(_merge_tokens(b, o, t, result))
    return "".join(out)


def _merge_tokens(base: str, ours: str, theirs: str, result: TextMerge) -> str:
    out: list[str] = []
    for chunk in diff3(tokens(base), tokens(ours), tokens(theirs)):
        b, o, t = ("".join(x) for x in (chunk.base, chunk.ours, chunk.theirs))
        if chunk.stable or o == t or b == t:
            out.append(o)
        elif b == o:
            out.append(t)
        elif not result.marks or any(bad in o or bad in t for bad in FORBIDDEN):
            result.kept += 1
            out.append(o)
        else:
            mark = _mark(o, t)
            result.suggestions.append(mark)
            out.append(mark)
    return "".join(out)


def _mark(ours: str, theirs: str) -> str:
    """``{~~ours~>theirs~~}`` (or an insertion or deletion), white space at the ends left
    outside the mark so the words read naturally."""
    lead = 0
    while (
        lead < min(len(ours), len(theirs)) and ours[lead] == theirs[lead] and ours[lead].isspace()
    ):
        lead += 1
    trail = 0
    while (trail < min(len(ours), len(theirs)) - lead and ours[-1 - trail] == theirs[-1 - trail]
           and ours[-1 - trail].isspace()):  # fmt: skip
        trail += 1
    o, t = ours[lead : len(ours) - trail], theirs[lead : len(theirs) - trail]
    before, after = ours[:lead], ours[len(ours) - trail :]
    if not o:
        return before + render_mark("insert", "", t) + after
    if not t:
        return before + render_mark("delete", o, "") + after
    return before + render_mark("replace", o, t) + after


def merge_value(base: Any, ours: Any, theirs: Any) -> tuple[Any, bool]:
    """A field that cannot hold marks: the side that changed wins; when both changed
    differently ours stays and the second value says so (a conflict)."""
    if ours == theirs or base == theirs:
        return ours, False
    if base == ours:
        return theirs, False
    return ours, True


def merge_list(base: list[str], ours: list[str], theirs: list[str]) -> list[str]:
    """Tags and categories: ours, plus what they added, minus what they removed."""
    if base == theirs:
        return list(ours)
    if base == ours:
        return list(theirs)
    removed = set(base) - set(theirs)
    out = [x for x in ours if x not in removed]
    out += [x for x in theirs if x not in base and x not in out]
    return out
