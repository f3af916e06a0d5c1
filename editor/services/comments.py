"""Editors' comments on a post: anchored to words of a field (or to the whole post), with
replies and a resolved/reopened state. Never published: nothing here reaches a page or a push."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from editor.errors import InputError, NotFoundError
from editor.model import Comment, Person, Photo, Post, author_of, utcnow
from editor.services import newsroom, posts
from editor.services.anchors import Anchor, Span, anchor_at, locate, occurrences

TEXT_FIELDS = ("body", "headline", "deck")
PHOTO_FIELDS = ("caption", "credit")
WHOLE_POST = "post"


@dataclass(frozen=True)
class Reply:
    id: int
    author: Person
    when: datetime
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "author": self.author.to_json(), "at": self.when.isoformat(),
                "text": self.text}  # fmt: skip


@dataclass(frozen=True)
class CommentView:
    """A comment as shown: where its words are now (``span``; None when detached)."""

    id: int
    post_id: int
    field: str
    anchor: Anchor
    author: Person
    when: datetime
    text: str
    resolved: bool
    state_by: Person | None
    state_at: datetime | None
    span: Span | None
    replies: list[Reply] = dataclasses.field(default_factory=list)

    @property
    def detached(self) -> bool:
        return self.field != WHOLE_POST and self.span is None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "post": self.post_id, "field": self.field, "quote": self.anchor.quote,
            "author": self.author.to_json(), "at": self.when.isoformat(), "text": self.text,
            "resolved": self.resolved, "detached": self.detached,
            "start": self.span.start if self.span else None,
            "end": self.span.end if self.span else None,
            "exact": self.span.exact if self.span else None,
            "state_by": self.state_by.to_json() if self.state_by else None,
            "state_at": self.state_at.isoformat() if self.state_at else None,
            "replies": [r.to_json() for r in self.replies],
        }  # fmt: skip


def check_field(name: str) -> str:
    """``body``, ``headline``, ``deck``, ``caption:PHOTO``, ``credit:PHOTO`` or ``post``."""
    text = name.strip().lower()
    if text in (*TEXT_FIELDS, WHOLE_POST):
        return text
    kind, _, photo = text.partition(":")
    if kind in PHOTO_FIELDS and photo.isdigit():
        return f"{kind}:{int(photo)}"
    raise InputError(
        f"--field: {name!r} is not body, headline, deck, caption:PHOTO, credit:PHOTO or post."
    )


def field_text(session: Session, post: Post, name: str) -> str:
    if name in TEXT_FIELDS:
        return str(getattr(post, name))
    if name == WHOLE_POST:
        return ""
    kind, _, photo_id = name.partition(":")
    photo = session.get(Photo, int(photo_id))
    if photo is None or photo.post_id != post.id:
        raise InputError(f"--field: post {post.id} has no photo {photo_id}.")
    return str(getattr(photo, kind))


def add_comment(
    session: Session,
    post_id: int,
    text: str,
    *,
    field: str = "body",
    quote: str = "",
    nth: int | None = None,
    span: tuple[int, int] | None = None,
    now: datetime | None = None,
) -> Comment:
    """Comment on ``quote`` (its ``nth`` occurrence, from 1, when it occurs more than once) or
    on the characters ``span`` of ``field``; on the whole post when ``field`` is "post"."""
    text = text.strip()
    if not text:
        raise InputError("--text: a comment needs some text.")
    field = check_field(field)
    post = posts.get_post(session, post_id)
    anchor = Anchor("")
    if field != WHOLE_POST:
        source = field_text(session, post, field)
        if span is not None:
            start, end = span
            if not (0 <= start < end <= len(source)):
                raise InputError(f"{field}: select some words to comment on.")
        else:
            start = _find(source, quote, field, nth)
            end = start + len(quote)
        anchor = anchor_at(source, start, end)
    comment = Comment(post_id=post.id, field=field, quote=anchor.quote, prefix=anchor.prefix,
                      suffix=anchor.suffix, start=anchor.start, quote_unique=anchor.unique,
                      text=text, created_at=now or utcnow())  # fmt: skip
    comment.set_author(author_of(session))
    session.add(comment)
    session.flush()
    return comment


def _find(source: str, quote: str, field: str, nth: int | None) -> int:
    if not quote:
        raise InputError(f"--on: give the words of the {field} to comment on.")
    hits = occurrences(source, quote)
    if not hits:
        raise InputError(f"--on: {quote!r} is not in the {field}.")
    if nth is None:
        if len(hits) > 1:
            raise InputError(
                f"--on: {quote!r} occurs {len(hits)} times in the {field}; "
                f"choose one with --nth 1..{len(hits)}."
            )
        return hits[0]
    if not 1 <= nth <= len(hits):
        raise InputError(f"--nth: {quote!r} occurs {len(hits)} times in the {field}.")
    return hits[nth - 1]


def reply(session: Session, post_id: int, comment_id: int, text: str) -> Comment:
    text = text.strip()
    if not text:
        raise InputError("--text: a reply needs some text.")
    root = _root(session, post_id, comment_id)
    answer = Comment(post_id=root.post_id, parent_id=root.id, field=root.field, text=text,
                     created_at=utcnow())  # fmt: skip
    answer.set_author(author_of(session))
    session.add(answer)
    session.flush()
    return answer


def set_resolved(session: Session, post_id: int, comment_id: int, resolved: bool) -> Comment:
    """Resolve (or reopen) a comment, recording who and when."""
    comment = _root(session, post_id, comment_id)
    if comment.resolved != resolved:
        newsroom.check_resolve(session, posts.get_post(session, post_id), comment.id)
        who = author_of(session)
        comment.resolved = resolved
        comment.state_by_name, comment.state_by_email = who.name, who.email
        comment.state_at = utcnow()
        session.flush()
    return comment


def list_comments(
    session: Session, post_id: int, *, include_resolved: bool = True
) -> list[CommentView]:
    """The post's comments, oldest first, each re-anchored to the text as stored now."""
    post = posts.get_post(session, post_id)
    rows = list(session.scalars(
        select(Comment).where(Comment.post_id == post.id).order_by(Comment.id)
    ))  # fmt: skip
    replies: dict[int, list[Reply]] = {}
    for r in rows:
        if r.parent_id is not None:
            replies.setdefault(r.parent_id, []).append(Reply(r.id, r.author, r.created_at, r.text))
    texts: dict[str, str] = {}
    views = []
    for c in rows:
        if c.parent_id is not None or (c.resolved and not include_resolved):
            continue
        anchor = Anchor(c.quote, c.prefix, c.suffix, c.start, c.quote_unique)
        span = None
        if c.field != WHOLE_POST:
            if c.field not in texts:
                try:
                    texts[c.field] = field_text(session, post, c.field)
                except InputError:  # the photo was removed: the comment stays, detached
                    texts[c.field] = ""
            span = locate(texts[c.field], anchor)
        state_by = Person(c.state_by_name, c.state_by_email) if c.state_at else None
        views.append(CommentView(c.id, c.post_id, c.field, anchor, c.author, c.created_at,
                                 c.text, c.resolved, state_by, c.state_at, span,
                                 replies.get(c.id, [])))  # fmt: skip
    return views


def _root(session: Session, post_id: int, comment_id: int) -> Comment:
    comment = session.get(Comment, comment_id)
    if comment is None or comment.post_id != post_id:
        raise NotFoundError(f"Post {post_id} has no comment {comment_id}.")
    if comment.parent_id is not None:
        parent = session.get(Comment, comment.parent_id)
        assert parent is not None
        return parent
    return comment
