"""Suggested edits kept in the text itself as CriticMarkup, so a body stays readable anywhere.

``{++added++}``, ``{--deleted--}`` and ``{~~old~>new~~}`` are suggestions; ``{==marked==}`` and
``{>>note<<}`` are CriticMarkup too (never published, removed by accepting or rejecting).

Two views of a marked text: the *original* (every suggestion rejected) and the *live* text
(every suggestion accepted, what the editor means). :func:`suggest_edit` changes the live text
the way a person types in Suggest mode (in :mod:`editor.review.suggest_typing`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Kind = Literal["insert", "delete", "replace", "highlight", "comment"]

# The first ``}`` after an opener ends a mark: suggested text cannot hold braces (checked).
_MARK = re.compile(
    r"\{\+\+(?P<ins>.*?)\+\+\}"
    r"|\{--(?P<del>.*?)--\}"
    r"|\{~~(?P<old>.*?)~>(?P<new>.*?)~~\}"
    r"|\{==(?P<hl>.*?)==\}"
    r"|\{>>(?P<note>.*?)<<\}",
    re.DOTALL,
)
_OPENERS = re.compile(r"\{(?:\+\+|--|~~|==|>>)")
FORBIDDEN = ("{", "}", "~>")


class MarkupError(ValueError):
    """Text that would break the CriticMarkup around it."""


@dataclass(frozen=True)
class Mark:
    """One CriticMarkup mark in a text: where it is and what it would do."""

    kind: Kind
    old: str  # the text if rejected (a comment: "")
    new: str  # the text if accepted (a comment: "")
    start: int  # offsets of the whole mark in the marked text
    end: int
    line: int  # 1-based line of ``start``
    note: str = ""  # a comment's text

    @property
    def raw(self) -> str:
        return render_mark(self.kind, self.old, self.new, self.note)

    @property
    def is_suggestion(self) -> bool:
        return self.kind in ("insert", "delete", "replace")

    def summary(self, width: int = 60) -> str:
        def cut(text: str) -> str:
            text = " ".join(text.split())
            return text if len(text) <= width else text[: width - 1] + "…"

        if self.kind == "insert":
            return f"add “{cut(self.new)}”"
        if self.kind == "delete":
            return f"delete “{cut(self.old)}”"
        if self.kind == "replace":
            return f"replace “{cut(self.old)}” with “{cut(self.new)}”"
        if self.kind == "highlight":
            return f"highlight “{cut(self.old)}”"
        return f"note “{cut(self.note)}”"


def render_mark(kind: Kind, old: str, new: str, note: str = "") -> str:
    if kind == "insert":
        return "{++" + new + "++}"
    if kind == "delete":
        return "{--" + old + "--}"
    if kind == "replace":
        return "{~~" + old + "~>" + new + "~~}"
    if kind == "highlight":
        return "{==" + old + "==}"
    return "{>>" + note + "<<}"


def has_markup(text: str) -> bool:
    return _OPENERS.search(text) is not None


def find_marks(text: str) -> list[Mark]:
    """Every mark in ``text``, in order. Cheap when there are none (one regex scan)."""
    if not has_markup(text):
        return []
    marks: list[Mark] = []
    line, counted = 1, 0
    for m in _MARK.finditer(text):
        line += text.count("\n", counted, m.start())
        counted = m.start()
        g = m.groupdict()
        if g["ins"] is not None:
            mark = Mark("insert", "", g["ins"], m.start(), m.end(), line)
        elif g["del"] is not None:
            mark = Mark("delete", g["del"], "", m.start(), m.end(), line)
        elif g["old"] is not None:
            mark = Mark("replace", g["old"], g["new"], m.start(), m.end(), line)
        elif g["hl"] is not None:
            mark = Mark("highlight", g["hl"], g["hl"], m.start(), m.end(), line)
        else:
            mark = Mark("comment", "", "", m.start(), m.end(), line, note=g["note"])
        marks.append(mark)
    return marks


def mark_at(text: str, position: int) -> Mark | None:
    """The mark that contains ``position`` (a caret just after a mark's end counts too)."""
    for mark in find_marks(text):
        if mark.start <= position <= mark.end:
            return mark
    return None


def resolve(text: str, mark: Mark, *, accept: bool) -> str:
    """``text`` with ``mark`` accepted (its new text kept) or rejected (its old text kept)."""
    if text[mark.start : mark.end] != mark.raw:
        raise MarkupError("the text changed since the mark was found")
    return text[: mark.start] + (mark.new if accept else mark.old) + text[mark.end :]


def resolve_all(text: str, *, accept: bool) -> str:
    """Every mark accepted (the live text) or rejected (the original)."""
    out: list[str] = []
    last = 0
    for mark in find_marks(text):
        out.append(text[last : mark.start])
        out.append(mark.new if accept else mark.old)
        last = mark.end
    out.append(text[last:])
    return "".join(out)


def accepted(text: str) -> str:
    return resolve_all(text, accept=True)


def original(text: str) -> str:
    return resolve_all(text, accept=False)


def check_text(text: str, what: str = "text") -> None:
    for bad in FORBIDDEN:
        if bad in text:
            raise MarkupError(f"{what} holds {bad!r}, which CriticMarkup cannot carry")


# -- where marks are, for a person ----------------------------------------------------------
def where(marks_by_field: dict[str, list[Mark]]) -> str:
    """``body line 4, 9; headline`` for a refusal message."""
    parts = []
    for field, marks in marks_by_field.items():
        if not marks:
            continue
        if field in ("headline", "byline"):
            parts.append(field)
        else:
            lines = ", ".join(str(n) for n in dict.fromkeys(m.line for m in marks))
            parts.append(f"{field} line{'s' if ',' in lines else ''} {lines}")
    return "; ".join(parts)


def _wrap(tag: str, text: str) -> str:
    """``<tag>`` around each paragraph of ``text`` (a tag cannot span a blank line in
    Markdown)."""
    if not text:
        return ""
    pieces = re.split(r"(\n\s*\n)", text)
    return "".join(
        p if i % 2 or not p.strip() else f'<{tag} class="suggested">{p}</{tag}>'
        for i, p in enumerate(pieces)
    )


def with_marks_as_html(text: str) -> str:
    """Markdown with every suggestion shown as ``<del>``/``<ins>`` (highlights as ``<mark>``,
    notes left out): what ``byline render --suggestions`` and the preview's marks view show."""
    out: list[str] = []
    last = 0
    for mark in find_marks(text):
        out.append(text[last : mark.start])
        if mark.kind == "highlight":
            out.append(_wrap("mark", mark.old))
        elif mark.kind != "comment":
            out.append(_wrap("del", mark.old) + _wrap("ins", mark.new))
        last = mark.end
    out.append(text[last:])
    return "".join(out)
