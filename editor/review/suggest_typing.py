"""Typing in Suggest mode: changes to the *live* text become CriticMarkup in the marked text.

:func:`suggest_edit` changes the live text the way a person types in Suggest mode: what was
there is struck, not removed; what is typed is added as a suggestion; deleting one's own
suggested words removes them outright. The marks themselves (finding, resolving, rendering)
are :mod:`editor.review.suggestions`.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from editor.review.suggestions import check_text, find_marks, render_mark


@dataclass
class _Seg:
    """Plain text (``change`` False: old == new) or one change (old -> new)."""

    old: str
    new: str
    change: bool

    def raw(self) -> str:
        if not self.change:
            return self.new
        if not self.old:
            return render_mark("insert", "", self.new)
        if not self.new:
            return render_mark("delete", self.old, "")
        return render_mark("replace", self.old, self.new)


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` with ``text``; the caret then goes to ``caret``."""

    start: int
    end: int
    text: str
    caret: int

    def apply(self, marked: str) -> str:
        return marked[: self.start] + self.text + marked[self.end :]


def _segments(marked: str, lo: int, hi: int) -> tuple[list[_Seg], int, int]:
    """The segments covering at least ``marked[lo:hi]``, widened to whole marks and one
    neighbouring mark on each side (so merges with them happen), and their marked span."""
    marks = [m for m in find_marks(marked) if m.is_suggestion]
    starts = [m.start for m in marks]
    i = max(0, bisect_right(starts, lo) - 2)  # the mark before lo, and one more
    j = min(len(marks), bisect_right(starts, hi) + 1)
    chosen = marks[i:j]
    span_lo = min([lo, *(m.start for m in chosen[:1])])
    span_hi = max([hi, *(m.end for m in chosen[-1:])])
    # widen to cover any mark that straddles the edges (others are inside)
    for m in chosen:
        span_lo, span_hi = min(span_lo, m.start), max(span_hi, m.end)
    segs: list[_Seg] = []
    pos = span_lo
    for m in chosen:
        if m.start > pos:
            segs.append(_Seg(marked[pos : m.start], marked[pos : m.start], False))
        segs.append(_Seg(m.old, m.new, True))
        pos = m.end
    if span_hi > pos:
        segs.append(_Seg(marked[pos:span_hi], marked[pos:span_hi], False))
    return segs, span_lo, span_hi


def live_offset(marked: str, position: int) -> int:
    """The position in the live text of a caret at ``position`` in the marked text (a caret
    inside struck text or inside a mark's braces sits where the mark's live text begins or
    ends)."""
    live = 0
    last = 0
    for m in find_marks(marked):
        if not m.is_suggestion:
            continue
        if m.start >= position:
            break
        live += m.start - last
        if position >= m.end:
            live += len(m.new)
            last = m.end
            continue
        inner = position - m.start - 3  # inside the mark
        if m.kind == "insert":
            live += max(0, min(inner, len(m.new)))
        elif m.kind == "replace":
            live += max(0, min(inner - len(m.old) - 2, len(m.new)))
        return live
    return live + (position - last)


def suggest_edit(marked: str, start: int, end: int, typed: str) -> Edit:
    """Suggest replacing the live text between marked positions ``start`` and ``end`` with
    ``typed`` (an insertion when they are equal, a deletion when ``typed`` is empty).

    Returns the smallest edit of the marked text that records it, and where the caret goes:
    after the typed text, or where the deleted text began."""
    check_text(typed, "the typed text")
    a = live_offset(marked, min(start, end))
    b = live_offset(marked, max(start, end))
    segs, lo, hi = _segments(marked, min(start, end), max(start, end))
    base = live_offset(marked, lo)
    new_segs, caret_live = _edit_segments(segs, a - base, b - base, typed)
    replacement, caret = _serialize(new_segs, caret_live, after_typed=bool(typed))
    old_span = marked[lo:hi]
    # trim what did not change, so the editor rewrites only the edited words
    p = _common_prefix(old_span, replacement)
    p = min(p, caret)
    s = _common_suffix(old_span[p:], replacement[p:])
    s = min(s, len(replacement) - caret)
    return Edit(lo + p, hi - s, replacement[p : len(replacement) - s], lo + caret)


def suggest_live(marked: str, a: int, b: int, typed: str) -> Edit:
    """``suggest_edit`` in live-text coordinates: the live text ``[a, b)`` becomes ``typed``."""
    return suggest_edit(marked, marked_offset(marked, a), marked_offset(marked, b), typed)


def apply_live_edit(marked: str, a: int, b: int, typed: str) -> str:
    return suggest_live(marked, a, b, typed).apply(marked)


def marked_offset(marked: str, live: int) -> int:
    """A marked-text position for live offset ``live`` (before any struck text there)."""
    pos = 0
    count = 0
    for m in find_marks(marked):
        if not m.is_suggestion:
            continue
        plain = m.start - pos
        if count + plain >= live:
            return pos + (live - count)
        count += plain
        if count + len(m.new) > live or (m.new and count + len(m.new) == live):
            inner = live - count
            return m.start + 3 + (len(m.old) + 2 if m.kind == "replace" else 0) + inner
        count += len(m.new)
        pos = m.end
    return pos + (live - count)


def _edit_segments(segs: list[_Seg], a: int, b: int, typed: str) -> tuple[list[_Seg], int]:
    out: list[_Seg] = []
    live = 0
    inserted = False

    def insert_here() -> None:
        nonlocal inserted
        if typed and not inserted:
            out.append(_Seg("", typed, True))
        inserted = True

    for seg in segs:
        n = len(seg.new)
        s0, s1 = max(a, live), min(b, live + n)  # the part of [a, b) in this segment
        if not seg.change:
            if s0 < s1:
                k0, k1 = s0 - live, s1 - live
                if k0:
                    out.append(_Seg(seg.old[:k0], seg.new[:k0], False))
                out.append(_Seg(seg.new[k0:k1], "", True))
                if k1 == n and live + n == b:
                    insert_here()
                if k1 < n:
                    if live + k1 == b:
                        insert_here()
                    out.append(_Seg(seg.old[k1:], seg.new[k1:], False))
            elif a == b and live < a < live + n:
                k = a - live
                out.append(_Seg(seg.old[:k], seg.new[:k], False))
                insert_here()
                out.append(_Seg(seg.old[k:], seg.new[k:], False))
            else:
                if a == b and a == live:
                    insert_here()
                out.append(seg)
        else:
            if s0 < s1 or (live <= a <= live + n and (n or a == live)):
                k0 = max(0, min(a - live, n))
                k1 = max(k0, min(b - live, n))
                out.append(_Seg(seg.old, seg.new[:k0] + (typed if not inserted else "")
                                + seg.new[k1:], True))  # fmt: skip
                inserted = inserted or bool(typed)
            else:
                out.append(seg)
        live += n
    insert_here()
    merged = _normalize(out)
    return merged, a + len(typed)


def _normalize(segs: list[_Seg]) -> list[_Seg]:
    out: list[_Seg] = []
    for seg in segs:
        if not seg.old and not seg.new:
            continue
        if out and out[-1].change == seg.change:
            prev = out[-1]
            out[-1] = _Seg(prev.old + seg.old, prev.new + seg.new, seg.change)
        else:
            out.append(seg)
    return out


def _serialize(segs: list[_Seg], caret_live: int, *, after_typed: bool) -> tuple[str, int]:
    parts: list[str] = []
    pos = 0
    live = 0
    caret = -1
    for seg in segs:
        raw = seg.raw()
        n = len(seg.new)
        if caret < 0:
            if not seg.change and live <= caret_live <= live + n:
                if caret_live < live + n or not after_typed:
                    caret = pos + caret_live - live
            elif seg.change and n and live < caret_live <= live + n and after_typed:
                inner = 3 + (len(seg.old) + 2 if seg.old else 0)
                caret = pos + inner + caret_live - live
            elif seg.change and live == caret_live and not after_typed:
                caret = pos
        parts.append(raw)
        pos += len(raw)
        live += n
    if caret < 0:
        caret = pos
    return "".join(parts), caret


def _common_prefix(x: str, y: str) -> int:
    lo, hi = 0, min(len(x), len(y))
    while lo < hi:  # binary search: slices compare at C speed
        mid = (lo + hi + 1) // 2
        if x[:mid] == y[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _common_suffix(x: str, y: str) -> int:
    lo, hi = 0, min(len(x), len(y))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if x[len(x) - mid :] == y[len(y) - mid :]:
            lo = mid
        else:
            hi = mid - 1
    return lo


# -- showing marks in a page ----------------------------------------------------------------
