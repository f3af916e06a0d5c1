"""Sending a post for review as a package (``byline review send``, File ▸ Send for review…).

The post as it is now is kept as a "sent" revision (the package's head); the base is the last
state this database agreed on with a peer (the newest hand-off recorded for the post). The file
is written atomically, and the "sent" revision is stored only if the file was written.
"""

from __future__ import annotations

import json
import mimetypes
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from editor.formats.post_json import blog_to_json, post_to_json
from editor.formats.review_package import (
    MANIFEST,
    PHOTOS,
    POST_JSON,
    POST_MD,
    REVIEW_JSON,
    manifest_for,
    state_hash,
    write_package,
)
from editor.media.scrub import scrub
from editor.model import (
    PHOTO_TEXT_FIELDS,
    Comment,
    Revision,
    RevisionReason,
    StatusChange,
    Suggestion,
    author_of,
)
from editor.services import handoff, posts
from editor.services.photos import list_photos, original_bytes
from editor.services.revisions import add_revision


@dataclass(frozen=True)
class SendResult:
    post_id: int
    target: Path
    revisions: int
    comments: int
    suggestions: int
    photos: int
    has_base: bool

    def to_json(self) -> dict[str, Any]:
        return {"post": self.post_id, "file": str(self.target), "revisions": self.revisions,
                "comments": self.comments, "suggestions": self.suggestions,
                "photos": self.photos, "base": self.has_base}  # fmt: skip

    def summary(self) -> str:
        return (f"Sent post {self.post_id} to {self.target.name}: {self.revisions} revision(s), "
                f"{self.comments} comment(s), {self.suggestions} suggestion(s), "
                f"{self.photos} photo(s)"
                + ("" if self.has_base else " (first hand-off: the whole history)"))  # fmt: skip


def send_post(session: Session, post_ref: int | str, target: Path) -> SendResult:
    post = posts.get_post(session, post_ref)
    suffix_ok = target.suffix.lower() == ".bylinereview"
    if not suffix_ok:
        target = target.with_name(target.name + ".bylinereview")
    me = handoff.database_id(session)
    base_row = handoff.last_handoff(session, post.id)
    head = add_revision(session, post, RevisionReason.SENT, label="Sent for review")
    state = handoff.current_state(session, post)
    revisions = list(session.scalars(
        select(Revision).where(Revision.post_id == post.id).order_by(Revision.number)
    ))  # fmt: skip
    history = [r.uuid for r in revisions]
    since = revisions
    if base_row is not None and base_row.base_revision in history:
        since = revisions[history.index(base_row.base_revision) + 1 :]
    photos = list_photos(session, post.id)
    uuid_of = {p.id: p.uuid for p in photos}
    files: dict[str, bytes] = {}
    photo_entries = []
    for p in photos:
        ext = mimetypes.guess_extension(p.mime) or ".img"
        member = f"{PHOTOS}{p.uuid}{'.jpg' if ext in ('.jpe', '.jpeg') else ext}"
        files[member] = scrub(original_bytes(session, p), p.filename or member)
        entry = {k: getattr(p, k) for k in ("uuid", "filename", "role", "position", "mime")}
        entry.update({k: getattr(p, k) or "" for k in PHOTO_TEXT_FIELDS})
        photo_entries.append({**entry, "file": member})
    comments = list(session.scalars(
        select(Comment).where(Comment.post_id == post.id).order_by(Comment.id)
    ))  # fmt: skip
    by_id = {c.id: c.uuid for c in comments}
    suggestions = list(session.scalars(
        select(Suggestion).where(Suggestion.post_id == post.id).order_by(Suggestion.id)
    ))  # fmt: skip
    log = session.scalars(
        select(StatusChange).where(StatusChange.post_id == post.id).order_by(StatusChange.id)
    )
    from editor.services.importing import export_markdown
    from editor.services.proofing import blog_words, post_words

    post_json = {
        "post": {**post_to_json(post), "ignored_words": post_words(session, post.id)},
        "blog": {**blog_to_json(post.blog), "words": blog_words(session, post.blog)},
        "photos": photo_entries,
    }
    review = {
        "comments": [handoff.comment_json(c, by_id.get(c.parent_id or -1), uuid_of)
                     for c in comments],
        "suggestions": [handoff.suggestion_json(s) for s in suggestions],
        "log": [handoff.log_json(e) for e in log],
        "revisions": [_revision_json(r) for r in since],
        "history": history,
        "base_state": base_row.base_state if base_row is not None else None,
    }  # fmt: skip
    files[POST_JSON] = _dump(post_json)
    files[POST_MD] = export_markdown(post).encode("utf-8")
    files[REVIEW_JSON] = _dump(review)
    base = ({"revision": base_row.base_revision, "hash": base_row.base_hash}
            if base_row is not None else None)  # fmt: skip
    who = author_of(session)
    files[MANIFEST] = manifest_for(
        files, {"revision": head.uuid, "hash": state_hash(state)}, base,
        sender={**handoff.person_json(who), "database": me}, post=post.uuid,
        sent_at=head.created_at.isoformat(),
    )  # fmt: skip
    write_package(target, files)
    return SendResult(post.id, target, len(since), len(comments), len(suggestions),
                      len(photos), base_row is not None)  # fmt: skip


def _revision_json(r: Revision) -> dict[str, Any]:
    return {"uuid": r.uuid, "reason": r.reason, "label": r.label, "status": r.status,
            "created_at": r.created_at.isoformat(), "author": handoff.person_json(r.author),
            "snapshot": r.snapshot}  # fmt: skip


def _dump(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
