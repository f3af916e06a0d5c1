"""Suggested edits of a stored post: make them, list them with who and when, accept or reject
them, and refuse to export or push a post while CriticMarkup remains.

The marks live in the post's text fields; a :class:`~editor.model.Suggestion` row keeps the
author and time of each, matched to its mark by the mark's text (then, for marks that grew
while being typed, by kind and order)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from editor.errors import InputError
from editor.model import Post, Suggestion, utcnow
from editor.model.people import Person, author_of
from editor.review import suggest_typing
from editor.review import suggestions as critic
from editor.review.suggestions import Mark, MarkupError
from editor.services import posts
from editor.services.pages import show_suggestions as show_suggestions  # moved there

FIELDS = ("body", "headline", "deck")


# Who made a suggestion: the person a store session acts for (``Store.whoami``) unless given.
Author = Person


@dataclass(frozen=True)
class SuggestionView:
    """One mark in a field, with its author when the store knows it."""

    id: str  # the row id ("12"), or "u1", "u2"… for marks nobody recorded (typed by hand)
    field: str
    mark: Mark
    author: Author
    created_at: datetime | None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "field": self.field,
            "kind": self.mark.kind,
            "old": self.mark.old,
            "new": self.mark.new,
            "note": self.mark.note,
            "line": self.mark.line,
            "start": self.mark.start,
            "end": self.mark.end,
            "author": {"name": self.author.name, "email": self.author.email},
            "created_at": self.created_at.isoformat() if self.created_at else None,
            "zone": self.author.zone,
        }


def marks_by_field(post: Post) -> dict[str, list[Mark]]:
    return {f: critic.find_marks(getattr(post, f) or "") for f in FIELDS}


def _match(
    rows: list[Suggestion], marks: list[Mark]
) -> tuple[list[tuple[Mark, Suggestion | None]], list[Suggestion]]:
    """Pair rows with marks: same text first, then same kind in order. Returns each mark with
    its row (or None) and the rows left over."""
    free = list(rows)
    paired: dict[int, Suggestion] = {}
    for k, mark in enumerate(marks):
        row = next((r for r in free if r.mark == mark.raw), None)
        if row is not None:
            paired[k] = row
            free.remove(row)
    for k, mark in enumerate(marks):
        if k in paired:
            continue
        row = next((r for r in free if r.kind == mark.kind), None)
        if row is not None:
            paired[k] = row
            free.remove(row)
    return [(mark, paired.get(k)) for k, mark in enumerate(marks)], free


def _rows(session: Session, post_id: int) -> dict[str, list[Suggestion]]:
    out: dict[str, list[Suggestion]] = {}
    stmt = select(Suggestion).where(Suggestion.post_id == post_id).order_by(Suggestion.id)
    for row in session.scalars(stmt):
        out.setdefault(row.field, []).append(row)
    return out


def list_suggestions(session: Session, post: Post) -> list[SuggestionView]:
    rows = _rows(session, post.id)
    views: list[SuggestionView] = []
    unknown = 0
    for field, marks in marks_by_field(post).items():
        for mark, row in _match(rows.get(field, []), marks)[0]:
            if row is None:
                unknown += 1
                views.append(SuggestionView(f"u{unknown}", field, mark, Author(), None))
            else:
                author = Author(row.author_name, row.author_email, row.created_tz)
                views.append(SuggestionView(str(row.id), field, mark, author, row.created_at))
    return views


def sync(
    session: Session, post: Post, author: Author | None = None, *, now: datetime | None = None
) -> None:
    """Bring the rows in line with the marks now in the post: a new mark is recorded as
    ``author``'s (default: the session's person), a mark that grew keeps its author, a row
    whose mark is gone is dropped."""
    now = now or utcnow()
    author = author or author_of(session)
    rows = _rows(session, post.id)
    for field, marks in marks_by_field(post).items():
        pairs, left = _match(rows.get(field, []), marks)
        for mark, row in pairs:
            if row is None:
                session.add(Suggestion(post_id=post.id, field=field, kind=mark.kind,
                                       mark=mark.raw, author_name=author.name,
                                       author_email=author.email, created_at=now,
                                       created_tz=author.zone))  # fmt: skip
            elif row.mark != mark.raw:
                row.mark, row.kind = mark.raw, mark.kind
        for row in left:
            session.delete(row)
    for field, field_rows in rows.items():
        if field not in FIELDS:
            for row in field_rows:
                session.delete(row)
    session.flush()


def _find(live: str, quote: str, field: str, nth: int | None) -> int:
    if not quote:
        raise InputError(f"{field}: the text to find is empty")
    hits = []
    at = live.find(quote)
    while at >= 0:
        hits.append(at)
        at = live.find(quote, at + 1)
    if not hits:
        raise InputError(f"{field}: {quote!r} is not in the text")
    if nth is not None:
        if not 1 <= nth <= len(hits):
            raise InputError(f"{field}: {quote!r} occurs {len(hits)} time(s), not {nth}")
        return hits[nth - 1]
    if len(hits) > 1:
        raise InputError(
            f"{field}: {quote!r} occurs {len(hits)} times; quote more of it or pass --nth N"
        )
    return hits[0]


def suggest(
    session: Session,
    post_ref: int | str,
    *,
    author: Author | None = None,
    field: str = "body",
    replace: str | None = None,
    with_: str | None = None,
    delete: str | None = None,
    insert: str | None = None,
    after: str | None = None,
    nth: int | None = None,
) -> SuggestionView:
    """Suggest one edit of ``field`` by quoting the words (as they read with every earlier
    suggestion accepted). Exactly one of replace+with_, delete, insert+after."""
    if field not in FIELDS:
        raise InputError(f"--field: one of {', '.join(FIELDS)}, not {field!r}")
    post = posts.get_post(session, post_ref)
    marked = getattr(post, field) or ""
    live = critic.accepted(marked)
    if replace is not None:
        if with_ is None:
            raise InputError("--replace needs --with")
        a = _find(live, replace, field, nth)
        b, typed = a + len(replace), with_
    elif delete is not None:
        a = _find(live, delete, field, nth)
        b, typed = a + len(delete), ""
    elif insert is not None:
        if after is None:
            raise InputError("--insert needs --after")
        a = b = _find(live, after, field, nth) + len(after)
        typed = insert
    else:
        raise InputError("say what to suggest: --replace/--with, --delete or --insert/--after")
    try:
        changed = suggest_typing.apply_live_edit(marked, a, b, typed)
    except MarkupError as exc:
        raise InputError(f"{field}: {exc}") from None
    if changed == marked:
        raise InputError(f"{field}: that suggestion changes nothing")
    content = post.content()
    setattr(content, field, changed)
    posts.save_post(session, post.id, content, expected_version=post.version)
    sync(session, post, author)
    caret = suggest_typing.marked_offset(changed, a)
    views = [v for v in list_suggestions(session, post) if v.field == field]
    return next((v for v in views if v.mark.start <= caret <= v.mark.end), views[-1])


def resolve(
    session: Session,
    post_ref: int | str,
    ref: str | None,
    *,
    accept: bool,
    author: Author | None = None,
) -> int:
    """Accept or reject one suggestion (``ref`` as :func:`list_suggestions` names it) or, with
    ``ref`` None, all of them. Returns how many were resolved."""
    post = posts.get_post(session, post_ref)
    views = list_suggestions(session, post)
    chosen = views if ref is None else [v for v in views if v.id == ref.lstrip("#")]
    if not chosen:
        known = ", ".join(v.id for v in views) or "none"
        raise InputError(f"post {post.id} has no suggestion {ref!r} (it has: {known})")
    content = post.content()
    for view in sorted(chosen, key=lambda v: v.mark.start, reverse=True):
        text = getattr(content, view.field)
        setattr(content, view.field, critic.resolve(text, view.mark, accept=accept))
    posts.save_post(session, post.id, content, expected_version=post.version)
    sync(session, post, author)
    return len(chosen)


def refuse_markup(post: Post, doing: str) -> None:
    """Raise :class:`InputError` when CriticMarkup remains in ``post``, saying how much and
    where (``doing``: "exported", "pushed")."""
    message = markup_problem(post.id, {f: getattr(post, f) or "" for f in FIELDS})
    if message:
        raise InputError(f"post {post.id} cannot be {doing}: {message}")


def markup_problem(post_id: int, texts: dict[str, str]) -> str:
    """ "2 suggestions remain (body lines 3, 7): …" or "" when the texts are clean."""
    found = {f: critic.find_marks(t) for f, t in texts.items()}
    marks = [m for ms in found.values() for m in ms]
    if not marks:
        return ""
    n_sug = sum(1 for m in marks if m.is_suggestion)
    n_other = len(marks) - n_sug
    parts = []
    if n_sug:
        parts.append(f"{n_sug} suggestion{'s' if n_sug > 1 else ''}")
    if n_other:
        parts.append(f"{n_other} other CriticMarkup mark{'s' if n_other > 1 else ''}")
    verb = "remains" if len(marks) == 1 else "remain"
    return (
        f"{' and '.join(parts)} {verb} ({critic.where(found)}); accept or reject "
        f"{'it' if len(marks) == 1 else 'them'} first (byline suggest list {post_id})"
    )
