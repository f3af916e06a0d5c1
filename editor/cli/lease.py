"""Edit leases from the command line: ``byline lease show|take|release ID``, and the check
every editing command makes before it writes (someone else has the post open: refused with
their name, unless ``--take-over``)."""

from __future__ import annotations

import argparse

from sqlalchemy.orm import Session

from editor.cli.context import CommandContext
from editor.errors import InputError, LeaseHeldError
from editor.services import leases, posts


def register(sub: argparse._SubParsersAction) -> None:
    t = sub.add_parser(
        "lease",
        help="who has a post open for writing: show, take, release",
        description="A window that opens a post for writing holds its lease, renewed every "
        f"{leases.RENEW_SECONDS} s and lapsing {leases.LEASE_SECONDS // 60} minutes after the "
        "last renewal. Times are the database's clock.",
    )
    verbs = t.add_subparsers(dest="verb", metavar="ACTION", required=True)
    p = verbs.add_parser("show", help="who holds the post's lease, since when, until when")
    p.add_argument("post", metavar="ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_show)

    p = verbs.add_parser("take", help="hold the post's lease (for scripts; windows do it)")
    p.add_argument("post", metavar="ID")
    p.add_argument(
        "--minutes", type=int, default=leases.LEASE_SECONDS // 60,
        help="how long it lasts (default: %(default)s)",
    )  # fmt: skip
    add_take_over(p)
    p.set_defaults(handler=cmd_take)

    p = verbs.add_parser("release", help="give up your lease on the post")
    p.add_argument("post", metavar="ID")
    p.add_argument("--force", action="store_true", help="release it whoever holds it")
    p.set_defaults(handler=cmd_release)


def add_take_over(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--take-over", action="store_true",
        help="write even though someone else has the post open: their window turns "
        "read-only and keeps their unsaved text as a revision",
    )  # fmt: skip


def respect_lease(ctx: CommandContext, session: Session, post_id: int) -> None:
    """Before a command writes to a post: refuse while someone else holds a live lease on it,
    or (``--take-over``) take it from them; the command's own lease lapses when it ends."""
    if getattr(ctx.args, "take_over", False):
        token = leases.new_token()
        taken = leases.acquire(session, post_id, token, take_over=True).taken_from
        leases.release(session, post_id, token)
        if taken is not None and not leases.is_mine(session, taken):
            ctx.warn(f"took post {post_id} over from {taken.who}")
        return
    leases.check_free(session, post_id)


def cmd_show(ctx: CommandContext) -> int:
    with ctx.store.reading() as session:
        post = posts.get_post(session, ctx.args.post)
        lease = leases.current(session, post.id)
    if ctx.args.json:
        ctx.print_json(lease.to_json() if lease else None)
    elif lease is None or not lease.live:
        ctx.print(f"post {post.id}: nobody is editing it")
    else:
        until = lease.expires_at.astimezone()
        ctx.print(f"post {post.id}: {lease.describe()} (until {until:%H:%M:%S} unless renewed)")
    return 0


def cmd_take(ctx: CommandContext) -> int:
    if ctx.args.minutes < 1:
        raise InputError("--minutes: at least 1.")
    with ctx.store.session() as session:
        post = posts.get_post(session, ctx.args.post)
        held = leases.live_lease(session, post.id)
        take_over = ctx.args.take_over or (held is not None and leases.is_mine(session, held))
        result = leases.acquire(session, post.id, leases.new_token(), take_over=take_over,
                                seconds=ctx.args.minutes * 60)  # fmt: skip
        if not result.held:
            assert result.lease is not None
            raise LeaseHeldError(
                f"post {post.id}: {result.lease.describe()}; not taken (--take-over takes it)."
            )
        assert result.lease is not None
        until = result.lease.expires_at.astimezone()
        taken = result.taken_from
        if taken is not None and not leases.is_mine(session, taken):
            ctx.warn(f"took post {post.id} over from {taken.who}")
    ctx.print(f"post {post.id}: lease taken until {until:%H:%M:%S}")
    return 0


def cmd_release(ctx: CommandContext) -> int:
    with ctx.store.session() as session:
        post = posts.get_post(session, ctx.args.post)
        held = leases.live_lease(session, post.id)
        if held is None:
            ctx.print(f"post {post.id}: nobody is editing it")
            return 0
        if not (ctx.args.force or leases.is_mine(session, held)):
            raise LeaseHeldError(
                f"post {post.id}: {held.describe()}; it is not yours (--force releases it)."
            )
        leases.release(session, post.id, None)
    ctx.print(f"post {post.id}: lease released")
    return 0
