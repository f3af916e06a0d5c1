"""Commands that talk to publishing targets: push, pull, outbox."""

from __future__ import annotations

import argparse

from editor.cli.context import CommandContext
from editor.cli.targets import cli_secrets
from editor.errors import InputError
from editor.publish.errors import PublishError
from editor.services import outbox, targets
from editor.services.posts import get_post
from editor.services.publish import push_post
from editor.services.pull import pull_posts


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("push", help="publish a post to a target (creates it, or updates it)")
    p.add_argument("post", metavar="ID")
    p.add_argument("--to", metavar="NAME", help="target name (default: the blog's default target)")
    p.add_argument("--status", default="draft", choices=["draft", "publish", "future"])
    p.add_argument("--dry-run", action="store_true", help="check and show what would be sent")
    p.add_argument(
        "--force", action="store_true", help="overwrite the post even if it was changed on the site"
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_push)

    p = sub.add_parser("pull", help="bring a target's recent posts in as linked local drafts")
    p.add_argument("--from", dest="source", required=True, metavar="NAME", help="target name")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--blog", help="local blog for new drafts (default: the first blog)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_pull)

    p = sub.add_parser("outbox", help="pushes waiting for the network: list, retry, cancel")
    p.add_argument("action", nargs="?", default="list", choices=["list", "retry", "cancel"])
    p.add_argument(
        "item",
        nargs="?",
        type=int,
        metavar="ID",
        help="outbox item (retry without ID sends everything due now)",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_outbox)


def cmd_push(ctx: CommandContext) -> int:
    a = ctx.args
    if not a.to:
        with ctx.store.session() as s:
            post = get_post(s, a.post)
            a.to = targets.default_target_name(s, post.blog_id, post.blog.name)
    secrets = cli_secrets(ctx)
    progress = None if a.json else (lambda msg: ctx.warn(msg))
    try:
        result = push_post(
            ctx.store,
            a.post,
            a.to,
            secrets=secrets,
            status=a.status,
            dry_run=a.dry_run,
            force=a.force,
            progress=progress,
        )
    except PublishError as exc:
        if not exc.retryable:
            raise
        with ctx.store.session() as s:
            post_id = get_post(s, a.post).id
            item = outbox.enqueue(
                s, post_id=post_id, target_name=a.to, status=a.status, force=a.force, error=str(exc)
            )
            item_id, when = item.id, item.next_attempt_at
        raise outbox.QueuedError(
            f"{exc}. Not published yet: queued as outbox item {item_id}, next try at "
            f"{when.astimezone():%H:%M:%S} (see `byline outbox`).",
            item_id,
        ) from None
    if a.json:
        ctx.print_json(result.to_json())
        return 0 if result.checks.ok else 2
    for w in result.checks.warnings:
        ctx.warn(f"warning: {w}")
    if a.dry_run:
        for e in result.checks.errors:
            ctx.warn(f"error: {e}")
        ctx.print_json(result.would_send)
        return 0 if result.checks.ok else 2
    if result.status == "publish":
        ctx.print(f"Published at {result.url}")
    else:
        ctx.print(f"Sent as {result.status} (post {result.remote_id}): {result.url}")
    if (f := result.followed) is not None and f.moved:  # stdout keeps to the one link line
        ctx.warn(f"Post {result.post_id} is now {f.after} here (was {f.before}).")
    elif f is not None and f.problem:
        ctx.warn(f"warning: {f.problem}")
    return 0


def cmd_pull(ctx: CommandContext) -> int:
    a = ctx.args
    if a.limit < 1:
        raise InputError("--limit: at least 1")
    result = pull_posts(ctx.store, a.source, secrets=cli_secrets(ctx), limit=a.limit, blog=a.blog)
    if a.json:
        ctx.print_json(
            {
                "created": result.created,
                "already_linked": result.already_linked,
                "recent": [vars(i) for i in result.sidebar],
            }
        )
        return 0
    ctx.print(
        f"{len(result.created)} new draft(s): {', '.join(map(str, result.created)) or '-'}; "
        f"{len(result.already_linked)} already linked"
    )
    return 0


def cmd_outbox(ctx: CommandContext) -> int:
    a = ctx.args
    if a.action == "cancel":
        if a.item is None:
            raise InputError("outbox cancel: which item? (an ID from `byline outbox`)")
        with ctx.store.session() as s:
            outbox.cancel(s, a.item)
        ctx.print(f"outbox item {a.item} cancelled")
        return 0
    if a.action == "retry":
        if a.item is not None:
            with ctx.store.session() as s:
                outbox.retry_now(s, a.item)
        rows = outbox.process_outbox(ctx.store, secrets=cli_secrets(ctx))
        for r in rows:
            ctx.print(f"{r.id:>4}  {r.state:<9} {r.last_error}")
        return 0 if all(r.state == "done" for r in rows) else 1
    with ctx.store.session() as s:
        rows = outbox.list_outbox(s)
    if a.json:
        ctx.print_json([vars(r) for r in rows])
        return 0
    for r in rows:
        ctx.print(
            f"{r.id:>4}  {r.state:<9} post {r.post_id:<5} -> {r.target:<12} "
            f"attempts {r.attempts}  next {r.next_attempt_at.astimezone():%H:%M:%S}  "
            f"{r.last_error}"
        )
    return 0
