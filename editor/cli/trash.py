"""Deleting posts to the Trash and getting them back: ``byline delete`` and ``byline trash``."""

from __future__ import annotations

import argparse
import sys

from editor.cli.context import CommandContext
from editor.cli.lease import add_take_over, respect_lease
from editor.errors import InputError
from editor.services import posts, trash


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "delete", help="move a post to the Trash (restorable until the Trash is emptied)"
    )
    p.add_argument("post", metavar="ID")
    add_take_over(p)
    p.set_defaults(handler=cmd_delete)

    t = sub.add_parser("trash", help="the posts in the Trash: list, restore, empty")
    verbs = t.add_subparsers(dest="verb", metavar="ACTION", required=True)

    p = verbs.add_parser("list", help="posts in the Trash, most recently deleted first")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_list)

    p = verbs.add_parser("restore", help="take a post out of the Trash, as it was")
    p.add_argument("post", metavar="ID")
    p.set_defaults(handler=cmd_restore)

    p = verbs.add_parser(
        "empty", help="delete every post in the Trash for good, with its revisions and photos"
    )
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(handler=cmd_empty)


def cmd_delete(ctx: CommandContext) -> int:
    with ctx.store.session() as session:
        respect_lease(ctx, session, posts.get_post(session, ctx.args.post).id)
        gone = trash.trash_post(session, ctx.args.post)
    ctx.print(f"moved post {gone.id} to the Trash (byline trash restore {gone.id} brings it back)")
    return 0


def cmd_list(ctx: CommandContext) -> int:
    with ctx.store.session() as session:
        rows = trash.list_trash(session)
    if ctx.args.json:
        ctx.print_json([r.to_json() for r in rows])
        return 0
    for r in rows:
        when = r.deleted_at.astimezone().strftime("%Y-%m-%d %H:%M")
        ctx.print(f"{r.id:>6}  deleted {when}  {r.blog_name[:20]:<20}  {r.headline}")
    return 0


def cmd_restore(ctx: CommandContext) -> int:
    with ctx.store.session() as session:
        back = trash.restore_post(session, ctx.args.post)
    ctx.print(f"restored post {back.id} from the Trash")
    return 0


def cmd_empty(ctx: CommandContext) -> int:
    with ctx.store.session() as session:
        count = len(trash.list_trash(session))
    if count == 0:
        ctx.print("the Trash is empty")
        return 0
    if not ctx.args.yes and not _confirmed(ctx, count):
        raise InputError(
            f"not emptied: {count} post(s) would be deleted for good; confirm, or pass --yes"
        )
    with ctx.store.session() as session:
        gone = trash.empty_trash(session)
    ctx.print(f"deleted {len(gone)} post(s) for good")
    return 0


def _confirmed(ctx: CommandContext, count: int) -> bool:
    """Ask on a terminal; without one (a script), only --yes empties the Trash."""
    if not sys.stdin.isatty():
        return False
    print(f"Delete {count} post(s) in the Trash for good? [y/N] ", end="", file=ctx.err, flush=True)
    try:
        answer = sys.stdin.readline()
    except (OSError, KeyboardInterrupt):
        return False
    return answer.strip().lower() in ("y", "yes")
