"""Opening a review package (``byline review open``, File ▸ Open review package…, a dropped
file). The caller's session makes it all-or-nothing, and the package is checked whole
(:func:`editor.formats.review_package.read_package`) before this runs.

- The post is not here: it is created as it is, with its history, comments and suggestions.
- Only one side changed since the base: the other side's version is taken (or ours kept).
- Both changed: a three-way merge (:mod:`editor.review.merge_state`); overlapping edits become
  suggestions authored by the sender; the local version before the merge, the incoming one
  ("received") and the result ("merged") are all kept as revisions.
Comments, suggestions, the status log and revisions merge by their global ids.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from editor.formats.checks import check_content
from editor.formats.review_package import Package, state_hash
from editor.model import (
    Handoff,
    Post,
    PostContent,
    Revision,
    RevisionReason,
    StatusChange,
    utcnow,
)
from editor.review.merge_state import StateMerge, merge_states
from editor.services import handoff, posts
from editor.services.handoff_review import merge_review, store_photos
from editor.services.revisions import add_revision


@dataclass
class OpenResult:
    post_id: int
    outcome: str  # created | took_theirs | kept_ours | merged | unchanged
    sender: str
    theirs_fields: list[str] = field(default_factory=list)
    conflicts: int = 0  # suggestions added for overlapping edits: the person resolves them
    kept: list[str] = field(default_factory=list)  # both changed; ours stayed
    added: dict[str, int] = field(default_factory=dict)
    in_trash: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"post": self.post_id, "outcome": self.outcome, "sender": self.sender,
                "merged_fields": self.theirs_fields, "conflicts": self.conflicts,
                "kept_ours": self.kept, "added": self.added,
                "in_trash": self.in_trash}  # fmt: skip

    def summary(self) -> str:
        head = {
            "created": f"Created post {self.post_id} from {self.sender}'s package",
            "took_theirs": f"Took {self.sender}'s version of post {self.post_id} "
                           "(it had not changed here)",
            "kept_ours": f"Kept our version of post {self.post_id} ({self.sender} changed "
                         "nothing in it)",
            "unchanged": f"Post {self.post_id} is the same on both sides",
            "merged": f"Merged {self.sender}'s changes into post {self.post_id}: "
                      f"{len(self.theirs_fields)} field(s) merged, {self.conflicts} "
                      f"conflict(s) to resolve",
        }[self.outcome]  # fmt: skip
        if self.kept:
            head += f"; kept ours where both changed: {', '.join(self.kept)}"
        extra = ", ".join(f"{n} {k}" for k, n in self.added.items() if n)
        trash = " It is in the Trash here (restore it to edit it)." if self.in_trash else ""
        return head + (f" (new: {extra})" if extra else "") + "." + trash


def open_package(session: Session, package: Package) -> OpenResult:
    sender = handoff.person_of(package.sender)
    label = sender.name or sender.email or "the sender"
    post = session.scalar(select(Post).where(Post.uuid == package.post.get("uuid")))
    added: dict[str, int] = {}
    if post is None:
        post = _create(session, package, label, added)
        result = OpenResult(post.id, "created", label, added=added)
    else:
        added["revisions"] = _insert_revisions(session, post, package, label)
        result = _merge(session, post, package, label, added)
    merge_review(session, post, package, sender, added)
    from editor.services.proofing import take_post_words

    take_post_words(session, post.id, package.post)  # both sides' ignored words, kept
    _record(session, post, package, label)
    result.in_trash = post.deleted_at is not None
    return result


def _create(session: Session, package: Package, label: str, added: dict[str, int]) -> Post:
    from editor.services.bundles import _content, _status, _uuid
    from editor.services.handoff_review import blog_for

    source = package.source
    content = _content(source, package.post)
    post = posts.create_post(session, content, blog=blog_for(session, package),
                             status=_status(source, package.post),
                             reason=RevisionReason.RECEIVED,
                             uuid=_uuid(source, package.post.get("uuid")))  # fmt: skip
    # the history and the log come from the package, not from this creation
    session.execute(delete(Revision).where(Revision.post_id == post.id))
    session.execute(delete(StatusChange).where(StatusChange.post_id == post.id))
    url = package.post.get("comments_url")
    post.comments_url = url if isinstance(url, str) else ""
    session.flush()
    added["revisions"] = _insert_revisions(session, post, package, label)
    added["photos"] = len(store_photos(session, post, package, [p["uuid"] for p in package.photos]))
    return post


def _merge(session: Session, post: Post, package: Package, label: str,
           added: dict[str, int]) -> OpenResult:  # fmt: skip
    ours = handoff.current_state(session, post)
    theirs = package.head["state"]
    base = _base(session, post, package)
    ours_hash, theirs_hash = state_hash(ours), package.head["hash"]
    if ours_hash == theirs_hash:
        return OpenResult(post.id, "unchanged", label, added=added)
    if base is not None and theirs_hash == base["hash"]:
        return OpenResult(post.id, "kept_ours", label, added=added)
    merge = merge_states(base["state"] if base else None, ours, theirs)
    took = base is not None and ours_hash == base["hash"]
    if not took:
        add_revision(session, post, RevisionReason.MERGED,
                            label=f"Yours before merging {label}'s changes")  # fmt: skip
    added["photos"] = len(store_photos(session, post, package, merge.new_photos))
    _apply(session, post, merge)
    if not took:
        add_revision(session, post, RevisionReason.MERGED,
                            label=f"Merged with {label}'s changes")  # fmt: skip
    return OpenResult(post.id, "took_theirs" if took else "merged", label, merge.theirs_fields,
                      len(merge.suggestions), merge.kept, added)  # fmt: skip


def _base(session: Session, post: Post, package: Package) -> dict[str, Any] | None:
    """The newest state both sides hold: the package's base, or the last state this database
    received from the sender, whichever comes later in the sender's history."""
    candidates = [package.base] if package.base is not None else []
    row = handoff.last_handoff(session, post.id, peer=package.sender.get("database") or "")
    if row is not None:
        candidates.append({"revision": row.base_revision, "hash": row.base_hash,
                           "state": row.base_state})  # fmt: skip
    if not candidates:
        return None
    order = {uuid: k for k, uuid in enumerate(package.history)}
    return max(candidates, key=lambda c: order.get(c["revision"], -1))


def _apply(session: Session, post: Post, merge: StateMerge) -> None:
    from editor.services.photos import list_photos, update_photo

    state = merge.state
    content = PostContent.from_json({k: v for k, v in state["content"].items() if v is not None})
    check_content(content)
    content = posts._with_slug(session, post, content)
    before = post.version
    if post.content() != content or post.status != state["status"]:
        post.apply(content)
        post.status = state["status"]
        post.updated_at = utcnow()
        posts._flush(session, post, before)
    for photo in list_photos(session, post.id):
        texts = state["photos"].get(photo.uuid) or {}
        changed = {k: v for k, v in texts.items() if getattr(photo, k, None) != v}
        if changed:
            update_photo(session, photo, **changed)


def _insert_revisions(session: Session, post: Post, package: Package, label: str) -> int:
    wanted = [e["uuid"] for e in package.revisions]
    known = set(session.scalars(select(Revision.uuid).where(Revision.uuid.in_(wanted))))
    number = session.scalar(select(func.max(Revision.number))
                            .where(Revision.post_id == post.id)) or 0  # fmt: skip
    head = package.head["revision"]
    count = 0
    for entry in package.revisions:
        if entry["uuid"] in known:
            continue
        number += 1
        who = handoff.person_of(entry.get("author"))
        is_head = entry["uuid"] == head and label
        session.add(Revision(
            uuid=entry["uuid"], post_id=post.id, number=number,
            created_at=handoff.when(entry["created_at"]),
            reason=RevisionReason.RECEIVED.value if is_head else str(entry.get("reason")),
            label=f"Received from {label}" if is_head else str(entry.get("label", "")),
            status=str(entry.get("status") or post.status), post_version=post.version,
            snapshot=entry["snapshot"], author_name=who.name, author_email=who.email,
            author_zone=who.zone,
        ))  # fmt: skip
        count += 1
    session.flush()
    return count


def _record(session: Session, post: Post, package: Package, label: str) -> None:
    peer = package.sender.get("database") or ""
    row = handoff.last_handoff(session, post.id, peer=peer)
    if row is None:
        row = Handoff(post_id=post.id, peer=peer)
        session.add(row)
    row.peer_name = label[:300]
    row.base_revision = package.head["revision"]
    row.base_hash = package.head["hash"]
    row.base_state = package.head["state"]
    row.updated_at = utcnow()
    session.flush()
