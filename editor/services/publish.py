"""Pushing a post to a target: checks, photo uploads, create-or-update, records, conflicts.

Idempotent by construction: a new post is created first as a draft carrying Byline's post UUID
(see ``editor.publish.content``), every remote id is recorded the moment it is known, and before
any create the target is searched for that marker (posts) or the photo's SHA-256 (media). A
connection cut at any point therefore never leads to a second post or a second upload.

The store, not a session, is passed in: a push waits on the network, and no database
transaction is held open meanwhile. Each record is written in its own short session. This
module retries; :mod:`editor.services.publish_send` makes one attempt;
:mod:`editor.services.publish_result` says what came of it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from datetime import datetime

from editor.model import utcnow
from editor.publish.base import PhotoUpload
from editor.publish.cancel import Cancel, PushCancelled, scope
from editor.publish.errors import PublishError
from editor.publish.secrets import SecretStore
from editor.services.publish_body import RenderBody, cms_body
from editor.services.publish_body import render_body as page_body
from editor.services.publish_checks import CheckReport, check_post
from editor.services.publish_photos import photos_for
from editor.services.publish_result import Progress, PushResult
from editor.services.publish_send import push_once
from editor.services.targets import ClientFactory
from editor.services.trash import refuse_trashed
from editor.store.database import Store

__all__ = ["PushResult", "check_only", "push_post"]

log = logging.getLogger(__name__)

PUSH_ATTEMPTS = 3
RETRY_PAUSE = 1.0


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
            return push_once(
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
        # The same refusal and warning a push would give (they were missing here, so the
        # dialog without a target said nothing of open suggestions or misspellings).
        from editor.services.publish_checks import proofing_warning
        from editor.services.suggestions import markup_problem

        texts = {"body": body, "headline": post.headline, "deck": post.deck}
        if problem := markup_problem(post.id, texts):
            checks.errors.append(problem)
        if proofing := proofing_warning(s, post.id):
            checks.warnings.append(proofing)
    _, removed = cms_body(body, photos, {}, render_body)
    checks.warnings.extend(w for w in removed if w not in checks.warnings)
    return checks
