"""Opening a review package, second half: the review that travels with the post (comments,
suggestions, the status log) merged by global id, the sender's photos, and the blog.

A comment or log entry already here (same id) is never added twice; a comment's resolution
goes to whichever side changed it last; replies from both sides are kept. Suggestion rows keep
who suggested each mark; marks that are new after a merge are the sender's (the conflicts).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from editor.errors import InputError
from editor.formats.review_package import Package
from editor.model import Blog, Comment, Person, Photo, Post, StatusChange, Suggestion
from editor.services import handoff
from editor.services import suggestions as suggested


def blog_for(session: Session, package: Package) -> Blog:
    from editor.services.blogs import get_or_create_blog
    from editor.services.bundles import _one_word
    from editor.services.proofing import add_blog_words

    data, source = package.blog, package.source
    name = data.get("name") or package.post.get("blog")
    if not isinstance(name, str) or not name.strip() or len(name.strip()) > 200:
        raise InputError(f"{source}: post.json: the blog has no usable name")
    settings = {
        k: v for k, v in data.items() if isinstance(v, str) and k not in ("name", "site_url")
    }
    blog = get_or_create_blog(session, name, site_url=str(data.get("site_url") or ""),
                              **settings)  # fmt: skip
    words = data.get("words")
    if isinstance(words, list):
        add_blog_words(session, blog, [w for w in words if isinstance(w, str) and _one_word(w)])
    return blog


def store_photos(session: Session, post: Post, package: Package, wanted: list[str]) -> list[Photo]:
    """Attach the package's photos whose uuids are ``wanted`` (from their scrubbed originals),
    with their texts and place."""
    from editor.services.photos import EDITABLE_FIELDS, attach, update_photo

    made = []
    for entry in package.photos:
        if entry["uuid"] not in wanted:
            continue
        if session.scalar(select(Photo.id).where(Photo.uuid == entry["uuid"])) is not None:
            continue  # the same photo already belongs to a post here
        data = package.photo_files[entry["file"]]
        name = str(entry.get("filename") or entry["file"])
        photo = attach(session, post, data, filename=name, lead=entry.get("role") == "lead")
        photo.uuid = entry["uuid"]
        update_photo(session, photo, **{k: str(entry.get(k) or "") for k in EDITABLE_FIELDS})
        made.append(photo)
    session.flush()
    return made


def merge_review(
    session: Session, post: Post, package: Package, sender: Person, added: dict[str, int]
) -> None:
    id_of = {p.uuid: p.id for p in session.scalars(select(Photo).where(Photo.post_id == post.id))}
    added["comments"] = _comments(session, post, package.comments, id_of)
    added["log"] = _log(session, post, package.log)
    added["suggestions"] = _suggestions(session, post, package.suggestions)
    suggested.sync(session, post, sender)


def _comments(session: Session, post: Post, entries: list[dict[str, Any]],
              id_of: dict[str, int]) -> int:  # fmt: skip
    local = {c.uuid: c for c in session.scalars(select(Comment).where(Comment.post_id == post.id))}
    count = 0
    for entry in sorted(entries, key=lambda e: e.get("parent") is not None):
        comment = local.get(entry["uuid"])
        if comment is None:
            if session.scalar(select(Comment.id).where(Comment.uuid == entry["uuid"])):
                continue  # belongs to another post here: leave it alone
            parent = local.get(entry["parent"]) if entry.get("parent") else None
            if entry.get("parent") and parent is None:
                continue  # a reply whose comment did not travel
            comment = Comment(
                uuid=entry["uuid"], post_id=post.id, parent_id=parent.id if parent else None,
                field=handoff.photo_field_in(str(entry.get("field", "body")), id_of)[:40],
                quote=entry.get("quote", ""), prefix=entry.get("prefix", "")[:200],
                suffix=entry.get("suffix", "")[:200], start=entry.get("start", 0),
                quote_unique=entry.get("quote_unique", True), text=entry.get("text", ""),
                resolved=entry.get("resolved", False),
                created_at=handoff.when(entry["created_at"]),
            )  # fmt: skip
            comment.set_author(handoff.person_of(entry.get("author")))
            _take_state(comment, entry)
            session.add(comment)
            session.flush()
            local[comment.uuid] = comment
            count += 1
        elif entry.get("state_at") and (
            comment.state_at is None or handoff.when(entry["state_at"]) > comment.state_at
        ):
            comment.resolved = bool(entry.get("resolved"))
            _take_state(comment, entry)
    session.flush()
    return count


def _take_state(comment: Comment, entry: dict[str, Any]) -> None:
    if entry.get("state_at"):
        by = entry.get("state_by")
        who: dict[str, Any] = by if isinstance(by, dict) else {}
        comment.state_by_name = str(who.get("name", ""))[:300]
        comment.state_by_email = str(who.get("email", ""))[:300]
        comment.state_at = handoff.when(entry["state_at"])


def _log(session: Session, post: Post, entries: list[dict[str, Any]]) -> int:
    known = set(
        session.scalars(
            select(StatusChange.uuid).where(StatusChange.uuid.in_([e["uuid"] for e in entries]))
        )
    )
    count = 0
    for entry in sorted(entries, key=lambda e: handoff.when(e["created_at"])):
        if entry["uuid"] in known:
            continue
        row = StatusChange(uuid=entry["uuid"], post_id=post.id,
                           from_status=entry.get("from", "")[:32],
                           to_status=entry.get("to", "")[:32], note=entry.get("note", ""),
                           forced=entry.get("forced", False),
                           created_at=handoff.when(entry["created_at"]))  # fmt: skip
        row.set_author(handoff.person_of(entry.get("author")))
        session.add(row)
        count += 1
    session.flush()
    return count


def _suggestions(session: Session, post: Post, entries: list[dict[str, Any]]) -> int:
    """Rows for the marks that travelled (the next :func:`sync` drops those whose mark is not
    in the text any more)."""
    known = set(
        session.scalars(
            select(Suggestion.uuid).where(Suggestion.uuid.in_([e["uuid"] for e in entries]))
        )
    )
    count = 0
    for entry in entries:
        if entry["uuid"] in known or entry.get("field") not in suggested.FIELDS:
            continue
        who = handoff.person_of(entry.get("author"))
        session.add(Suggestion(uuid=entry["uuid"], post_id=post.id, field=entry["field"],
                               kind=entry.get("kind", "")[:16], mark=entry.get("mark", ""),
                               author_name=who.name, author_email=who.email,
                               created_at=handoff.when(entry["created_at"]),
                               created_tz=who.zone))  # fmt: skip
        count += 1
    session.flush()
    return count
