"""Pushing a post to a target: checks, photo uploads, create-or-update, records, conflicts.

Idempotent by construction: a new post is created first as a draft carrying Byline's post UUID
(see ``editor.publish.content``), every remote id is recorded the moment it is known, and before
any create the target is searched for that marker (posts) or the photo's SHA-256 (media). A
connection cut at any point therefore never leads to a second post or a second upload.

The store, not a session, is passed in: a push waits on the network, and no database
transaction is held open meanwhile. Each record is written in its own short session.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from editor.errors import InputError
from editor.model import utcnow
from editor.publish.base import MediaItem, PhotoUpload, PostFields, RemoteEntry, TargetClient
from editor.publish.cancel import Cancel, PushCancelled, scope
from editor.publish.content import (
    build_content,
    photo_fields_fingerprint,
    photo_marker,
    post_marker,
    remote_fingerprint,
)
from editor.publish.errors import PublishError, RemoteConflict, RemoteNotFound
from editor.publish.secrets import SecretStore
from editor.services import targets
from editor.services.publish_body import RenderBody, cms_body
from editor.services.publish_body import render_body as page_body
from editor.services.publish_checks import CheckReport, check_post, proofing_warning
from editor.services.publish_photos import photos_for
from editor.services.publish_records import Snapshot, load_snapshot, record_media, record_post
from editor.services.targets import ClientFactory
from editor.services.trash import refuse_trashed
from editor.store.database import Store

log = logging.getLogger(__name__)

PUSH_ATTEMPTS = 3
RETRY_PAUSE = 1.0
Progress = Callable[[str], None]


@dataclass
class PushResult:
    post_id: int
    target: str
    action: str  # create | update | dry-run
    status: str
    remote_id: str = ""
    url: str = ""
    checks: CheckReport = field(default_factory=CheckReport)
    uploaded: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    would_send: dict[str, Any] = field(default_factory=dict)
    calls: list[tuple[str, float]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "post_id": self.post_id,
            "target": self.target,
            "action": self.action,
            "status": self.status,
            "remote_id": self.remote_id,
            "url": self.url,
            "errors": self.checks.errors,
            "warnings": self.checks.warnings,
            "uploaded": self.uploaded,
            "reused": self.reused,
            "calls": [{"call": c, "seconds": round(s, 4)} for c, s in self.calls],
            **({"would_send": self.would_send} if self.would_send else {}),
        }


class _Timed:
    """Wraps a client so each network call is timed and listed (benchmark, --json)."""

    def __init__(self, client: TargetClient, calls: list[tuple[str, float]]) -> None:
        self._client, self._calls = client, calls

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._client, name)
        if not callable(attr) or name in ("close",):
            return attr

        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return attr(*args, **kwargs)
            finally:
                self._calls.append((name, time.perf_counter() - start))

        return timed


def push_post(
    store: Store,
    post_ref: int | str,
    target_name: str,
    *,
    secrets: SecretStore,
    status: str = "draft",
    dry_run: bool = False,
    force: bool = False,
    photos: Sequence[PhotoUpload] | None = None,
    render_body: RenderBody = page_body,
    client_factory: ClientFactory | None = None,
    progress: Progress | None = None,
    attempts: int = PUSH_ATTEMPTS,
    sleep: Callable[[float], None] = time.sleep,
    now: datetime | None = None,
    cancel: Cancel | None = None,
) -> PushResult:
    """Push one post. Retryable failures (network, 5xx) are retried ``attempts`` times, each
    attempt starting again from the marker search; then the error is raised for the caller
    (the CLI and the GUI put it in the outbox).

    ``photos`` None (the usual case) sends the post's attached photos
    (:func:`~editor.services.publish_photos.photos_for`; a dry run makes no renditions); pass a
    list only to send something else.

    ``cancel`` (set from another thread) stops the push at its next safe point with
    :class:`~editor.publish.cancel.PushCancelled`, a retryable error."""
    with scope(cancel):
        return _push(store, post_ref, target_name, secrets=secrets, status=status,
                     dry_run=dry_run, force=force, photos=photos, render_body=render_body,
                     client_factory=client_factory, progress=progress, attempts=attempts,
                     sleep=sleep, now=now, cancel=cancel)  # fmt: skip


def _push(
    store: Store,
    post_ref: int | str,
    target_name: str,
    *,
    secrets: SecretStore,
    status: str,
    dry_run: bool,
    force: bool,
    photos: Sequence[PhotoUpload] | None,
    render_body: RenderBody,
    client_factory: ClientFactory | None,
    progress: Progress | None,
    attempts: int,
    sleep: Callable[[float], None],
    now: datetime | None,
    cancel: Cancel | None,
) -> PushResult:
    told = progress or (lambda _msg: None)

    def say(message: str) -> None:
        """Each step's message comes before its network call: a safe point to stop at."""
        if cancel is not None:
            cancel.check(message)
        told(message)

    with store.session() as s:
        refuse_trashed(s, post_ref, "pushed")
    if photos is None:
        if not dry_run:
            say("preparing the photos")
        photos = photos_for(store, post_ref, render=not dry_run)
    for attempt in range(1, attempts + 1):
        try:
            return _push_once(
                store,
                post_ref,
                target_name,
                secrets=secrets,
                status=status,
                dry_run=dry_run,
                force=force,
                photos=photos,
                render_body=render_body,
                factory=client_factory,
                say=say,
                told=told,
                now=now or utcnow(),
            )
        except PublishError as exc:
            if not exc.retryable or attempt == attempts or isinstance(exc, PushCancelled):
                raise
            say(f"{exc}; trying again ({attempt}/{attempts - 1})")
            if cancel is not None and sleep is time.sleep:
                cancel.wait(RETRY_PAUSE * 2 ** (attempt - 1))
            else:
                sleep(RETRY_PAUSE * 2 ** (attempt - 1))
    raise AssertionError("unreachable")  # pragma: no cover


def check_only(
    store: Store,
    post_ref: int | str,
    *,
    status: str = "draft",
    photos: Sequence[PhotoUpload] | None = None,
    render_body: RenderBody = page_body,
    now: datetime | None = None,
) -> CheckReport:
    """The checks a push would make, without a target (the Publish dialog shows them before
    one is chosen or even exists): no network, no image work."""
    from editor.services.posts import get_post

    if photos is None:
        photos = photos_for(store, post_ref, render=False)
    with store.session() as s:
        post = get_post(s, post_ref)
        body = post.body
        checks = check_post(
            headline=post.headline,
            body=body,
            byline=post.byline,
            deck=post.deck,
            tags=list(post.tags or []),
            categories=list(post.categories or []),
            published_at=post.published_at,
            status=status,
            photos=photos,
            now=now or utcnow(),
        )
    _, removed = cms_body(body, photos, {}, render_body)
    checks.warnings.extend(w for w in removed if w not in checks.warnings)
    return checks


def _push_once(
    store: Store,
    post_ref: int | str,
    target_name: str,
    *,
    secrets: SecretStore,
    status: str,
    dry_run: bool,
    force: bool,
    photos: Sequence[PhotoUpload],
    render_body: RenderBody,
    factory: ClientFactory | None,
    say: Progress,
    told: Progress,
    now: datetime,
) -> PushResult:
    snap = load_snapshot(store, post_ref, target_name)
    checks = check_post(
        headline=snap.headline,
        body=snap.body,
        byline=snap.byline,
        deck=snap.deck,
        tags=snap.tags,
        categories=snap.categories,
        published_at=snap.published_at,
        status=status,
        photos=photos,
        now=now,
    )
    from editor.services.suggestions import markup_problem

    if problem := markup_problem(snap.post_id, {"body": snap.body, "headline": snap.headline,
                                                "deck": snap.deck}):  # fmt: skip
        checks.errors.append(problem)
    with store.session() as session:
        proofing = proofing_warning(session, snap.post_id)
    if proofing:
        checks.warnings.append(proofing)
    result = PushResult(
        snap.post_id, target_name, "update" if snap.remote else "create", status, checks=checks
    )
    if dry_run:
        known = {sha: MediaItem(m["media_id"], m["url"]) for sha, m in snap.media.items()}
        fields = _fields(snap, status, render_body, photos, known, None, checks)
        result.would_send = {
            "action": result.action,
            "remote_id": (snap.remote or {}).get("remote_id", ""),
            "fields": {**fields.__dict__, "date": fields.date.isoformat() if fields.date else None},
            "photos": [
                {
                    "filename": p.filename,
                    "upload": p.sha256 not in snap.media,
                    "lead": p.is_lead,
                    "alt": p.alt,
                    "caption": p.full_caption,
                    "ref": p.ref,
                    "size": [p.width, p.height],
                }
                for p in photos
            ],
        }
        result.action = "dry-run"
        return result
    if not checks.ok:
        raise InputError(f"post {snap.post_id} cannot be pushed: " + "; ".join(checks.errors))

    client = _Timed(targets.connect(snap.target, secrets, factory), result.calls)
    try:
        remote_id = _resolve_remote(client, snap, force, say)
        uploaded = _send_photos(store, client, snap, photos, result, say)
        lead = next((uploaded[_ref(p)][1].id for p in photos if p.is_lead), None)
        media = {p.sha256: m for p, m in uploaded.values()}
        fields = _fields(snap, status, render_body, photos, media, lead, checks)
        fields.term_ids = dict((snap.remote or {}).get("term_ids") or {})
        if remote_id is None:
            say("creating the post as a draft")
            entry = client.create_post(replace(fields, status="draft"))
            record_post(store, snap, entry, fields=None, media=uploaded)
            result.action = "create"
            if status != "draft":
                say(f"setting the post to {status}")
                entry = client.update_post(entry.id, fields)
        else:
            say("updating the post")
            entry = client.update_post(remote_id, fields)
            result.action = "update"
        terms = dict(getattr(client, "resolved_terms", None) or {})
        record_post(store, snap, entry, fields=fields, media=uploaded, terms=terms)
    finally:
        client.close()
    result.remote_id, result.url, result.status = entry.id, entry.url, entry.status or status
    # Done and recorded: no longer a point to stop at.
    told(f"Published at {entry.url}" if entry.status == "publish" else f"Sent to {entry.url}")
    return result


def _resolve_remote(client: Any, snap: Snapshot, force: bool, say: Progress) -> str | None:
    """The remote id to update, or None to create; refuses to overwrite a change on the site."""
    rec = snap.remote
    if rec:
        try:
            current: RemoteEntry = client.get_post(rec["remote_id"])
        except RemoteNotFound:
            say(f"post {rec['remote_id']} is gone from the site; it will be created again")
            current = None  # type: ignore[assignment]
        if current is not None:
            changed = rec["fingerprint"] and (
                current.modified != rec["remote_modified"]
                or remote_fingerprint(current) != rec["remote_fingerprint"]
            )
            if changed and not force:
                raise RemoteConflict(
                    "checking for changes on the site",
                    f"post {current.id} was changed on the site since Byline's last push "
                    f"(modified {current.modified or 'at an unknown time'}); push with --force "
                    "to overwrite it, or pull it first",
                )
            return current.id
    say("looking for an earlier, interrupted push")
    found = client.find_post_by_marker(post_marker(snap.uuid))
    return found.id if found is not None else None


def _send_photos(
    store: Store,
    client: Any,
    snap: Snapshot,
    photos: Sequence[PhotoUpload],
    result: PushResult,
    say: Progress,
) -> dict[str, tuple[PhotoUpload, MediaItem]]:
    uploaded: dict[str, tuple[PhotoUpload, MediaItem]] = {}
    for photo in photos:
        marker = photo_marker(photo.sha256)
        fields_fp = photo_fields_fingerprint(photo)
        known = snap.media.get(photo.sha256)
        if known:
            media = MediaItem(known["media_id"], known["url"])
            if known["fields_fingerprint"] != fields_fp:
                say(f"updating caption and alt text of {photo.filename}")
                client.update_media(media.id, photo, marker)
            result.reused.append(photo.filename)
        else:
            found = client.find_media(marker)
            if found is not None:
                media = found
                client.update_media(media.id, photo, marker)
                result.reused.append(photo.filename)
            else:
                say(f"uploading {photo.filename}")
                media = client.upload_media(photo, marker)
                result.uploaded.append(photo.filename)
        record_media(store, snap.target_id, photo.sha256, media, fields_fp)
        snap.media[photo.sha256] = {
            "media_id": media.id,
            "url": media.url,
            "fields_fingerprint": fields_fp,
        }
        uploaded[_ref(photo)] = (photo, media)
    return uploaded


def _ref(photo: PhotoUpload) -> str:
    return photo.ref or photo.filename


def _fields(
    snap: Snapshot,
    status: str,
    render: RenderBody,
    photos: Sequence[PhotoUpload],
    media: dict[str, MediaItem],
    featured: str | None,
    checks: CheckReport,
) -> PostFields:
    """What is sent; what the sanitiser removed from the body joins the warnings."""
    body_html, removed = cms_body(snap.body, photos, media, render)
    checks.warnings.extend(w for w in removed if w not in checks.warnings)
    return PostFields(
        title=snap.headline,
        content=build_content(snap.uuid, snap.byline, snap.role, body_html),
        excerpt=snap.deck,
        slug=snap.slug,
        status=status,
        date=snap.published_at,
        tags=list(snap.tags),
        categories=list(snap.categories),
        featured_media=featured,
    )
