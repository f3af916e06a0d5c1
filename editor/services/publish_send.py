"""One attempt at a push (see :mod:`editor.services.publish`): read the post, check it, find or
create the remote post, send the photos, send the fields, record what the site answered."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from editor.errors import InputError
from editor.publish.base import MediaItem, PhotoUpload, PostFields, RemoteEntry
from editor.publish.content import (
    build_content,
    photo_fields_fingerprint,
    photo_marker,
    post_marker,
    remote_fingerprint,
)
from editor.publish.errors import RemoteConflict, RemoteNotFound
from editor.publish.secrets import SecretStore
from editor.services import targets
from editor.services.category_base import learn_category_base
from editor.services.publish_body import RenderBody, cms_body
from editor.services.publish_checks import CheckReport, check_post, proofing_warning
from editor.services.publish_records import Snapshot, load_snapshot, record_media, record_post
from editor.services.publish_result import Progress, PushResult, Timed
from editor.services.publish_status import follow_remote_status
from editor.services.targets import ClientFactory
from editor.store.database import Store

log = logging.getLogger(__name__)


def push_once(
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

    client = Timed(targets.connect(snap.target, secrets, factory), result.calls)
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
    result.followed = follow_remote_status(store, snap.post_id, entry.status, target_name, now=now)
    if base := _learn_category_base(store, snap, getattr(client, "category_links", None)):
        told(f"category links now go under /{base}/, as on the site")
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


def _learn_category_base(
    store: Store, snap: Snapshot, links: dict[str, tuple[str, str]] | None
) -> str | None:
    """Best effort: the push succeeded whatever happens here (e.g. a writer on a newsroom
    database may not change the blog)."""
    if not links:
        return None
    try:
        return learn_category_base(store, snap.post_id, snap.target.site_url, links)
    except Exception as exc:  # logged: it never fails a push that succeeded
        log.warning("category base not learned from the site: %s", exc)
        return None
