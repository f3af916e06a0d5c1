"""``byline list``: posts newest first, filtered or searched.

The command people run most, so it imports only the store and the list query: no ORM models,
no renderer (see ``editor.store.listing``)."""

from __future__ import annotations

import argparse

from editor.cli.context import CommandContext
from editor.errors import InputError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("list", help="list posts, newest first")
    p.add_argument("--blog", help="only this blog (name or id)")
    p.add_argument("--status", help="only this status, e.g. draft or in_review")
    p.add_argument("--search", help="full-text search, best matches first")
    p.add_argument("--limit", type=int, default=200)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_list)


def cmd_list(ctx: CommandContext) -> int:
    from editor.post_status import PostStatus
    from editor.store.listing import find_blog_id, list_posts

    a = ctx.args
    try:
        status = PostStatus.parse(a.status) if a.status else None
    except ValueError as exc:
        raise InputError(f"--status: {exc}") from None
    with ctx.store.connect() as conn:
        blog_id = find_blog_id(conn, a.blog) if a.blog else None
        rows = list_posts(conn, blog=blog_id, status=status, search=a.search, limit=a.limit)
    if a.json:
        ctx.print_json([
            {"id": r.id, "uuid": r.uuid, "headline": r.headline, "byline": r.byline,
             "blog": r.blog_name, "status": r.status.value,
             "updated_at": r.updated_at.isoformat(), "version": r.version}
            for r in rows
        ])  # fmt: skip
        return 0
    for r in rows:
        when = r.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
        ctx.print(f"{r.id:>6}  {when}  {r.status.value:<17}  {r.blog_name[:20]:<20}  {r.headline}")
    return 0
