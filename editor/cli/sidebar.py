"""Commands on a blog's "Recent posts" sidebar: ``byline sidebar ...``.

A LINK is named by its position as ``byline sidebar list`` shows it (1 = top) or by its URL.
"""

from __future__ import annotations

import argparse
from datetime import date

from editor.cli.context import CommandContext
from editor.errors import InputError
from editor.services import blogs, sidebar
from editor.services.linkcheck import check_links
from editor.services.sidebar_merge import LinkSpec


def register(sub: argparse._SubParsersAction) -> None:
    side = sub.add_parser("sidebar", help="a blog's 'Recent posts' sidebar links")
    verbs = side.add_subparsers(dest="verb", metavar="ACTION", required=True)

    p = verbs.add_parser("list", help="list the links in order")
    p.add_argument("blog", metavar="BLOG")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_list)

    p = verbs.add_parser("add", help="add a link by hand")
    p.add_argument("blog", metavar="BLOG")
    p.add_argument("--title", required=True)
    p.add_argument("--url", required=True, help="http(s) URL, or relative to the blog's URL")
    p.add_argument("--date", metavar="YYYY-MM-DD")
    p.add_argument("--label", default="")
    p.add_argument("--pin", action="store_true", help="keep it through every refresh, in place")
    p.add_argument("--at", type=int, metavar="N", help="position (1 = top; default: the end)")
    p.set_defaults(handler=cmd_add)

    p = verbs.add_parser("edit", help="change a link's title, URL, date or label")
    p.add_argument("blog", metavar="BLOG")
    p.add_argument("link", metavar="LINK")
    p.add_argument("--title")
    p.add_argument("--url")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="'' to clear")
    p.add_argument("--label")
    p.set_defaults(handler=cmd_edit)

    p = verbs.add_parser("move", help="move a link to another position")
    p.add_argument("blog", metavar="BLOG")
    p.add_argument("link", metavar="LINK")
    p.add_argument("--to", type=int, required=True, metavar="N", help="new position, 1 = top")
    p.set_defaults(handler=cmd_move)

    p = verbs.add_parser("remove", help="remove a link")
    p.add_argument("blog", metavar="BLOG")
    p.add_argument("link", metavar="LINK")
    p.set_defaults(handler=cmd_remove)

    for verb, pinned in (("pin", True), ("unpin", False)):
        p = verbs.add_parser(verb, help=f"{verb} a link (pinned links survive every refresh)")
        p.add_argument("blog", metavar="BLOG")
        p.add_argument("link", metavar="LINK")
        p.set_defaults(handler=cmd_pin, pinned=pinned)

    p = verbs.add_parser(
        "refresh",
        help="fill in the blog's newest posts: from --from TARGET, else the blog's default "
        "target when it answers, else Byline's own published posts",
    )
    p.add_argument("blog", metavar="BLOG")
    p.add_argument("--from", dest="source", metavar="TARGET", help="a publishing target")
    p.set_defaults(handler=cmd_refresh)

    p = verbs.add_parser("check", help="report links that do not answer (needs the network)")
    p.add_argument("blog", metavar="BLOG")
    p.add_argument("--timeout", type=float, default=10.0, metavar="SECONDS")
    p.set_defaults(handler=cmd_check)


def _date(text: str | None, field: str = "--date") -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text.strip()[:10])
    except ValueError:
        raise InputError(f"{field}: {text!r} is not a date like 2026-11-28") from None


def _row(position: int, link: LinkSpec) -> str:
    flags = ("P" if link.pinned else " ") + {"manual": "m", "auto": "a", "cms": "c"}[link.source]
    when = link.date.isoformat() if link.date else " " * 10
    label = f" [{link.label}]" if link.label else ""
    return f"{position:>3}  {flags}  {when}  {link.title}{label}\n          {link.url}"


def cmd_list(ctx: CommandContext) -> int:
    with ctx.store.session() as session:
        links = sidebar.link_specs(session, blogs.find_blog(session, ctx.args.blog))
    if ctx.args.json:
        ctx.print_json([
            {"position": n, "id": link.id, "title": link.title, "url": link.url,
             "date": link.date.isoformat() if link.date else None, "label": link.label,
             "pinned": link.pinned, "source": link.source.value, "post_id": link.post_id}
            for n, link in enumerate(links, start=1)
        ])  # fmt: skip
        return 0
    for n, link in enumerate(links, start=1):
        ctx.print(_row(n, link))
    return 0


def cmd_add(ctx: CommandContext) -> int:
    a = ctx.args
    with ctx.store.session() as session:
        blog = blogs.find_blog(session, a.blog)
        link = sidebar.add_link(
            session, blog, title=a.title, url=a.url, date=_date(a.date), label=a.label,
            pinned=a.pin, index=None if a.at is None else a.at - 1,
        )  # fmt: skip
        ctx.print(f"added link {link.position + 1}: {link.url}")
    return 0


def cmd_edit(ctx: CommandContext) -> int:
    a = ctx.args
    changes: dict[str, object] = {}
    if a.title is not None:
        changes["title"] = a.title
    if a.url is not None:
        changes["url"] = a.url
    if a.date is not None:
        changes["date"] = _date(a.date)
    if a.label is not None:
        changes["label"] = a.label
    if not changes:
        raise InputError("nothing to change: give --title, --url, --date or --label")
    with ctx.store.session() as session:
        blog = blogs.find_blog(session, a.blog)
        link = sidebar.resolve_link(session, blog, a.link)
        sidebar.edit_link(session, blog, link.id, **changes)  # type: ignore[arg-type]
        ctx.print(f"updated link {link.position + 1}: {link.url}")
    return 0


def cmd_move(ctx: CommandContext) -> int:
    if ctx.args.to < 1:
        raise InputError("--to: positions start at 1")
    with ctx.store.session() as session:
        blog = blogs.find_blog(session, ctx.args.blog)
        link = sidebar.resolve_link(session, blog, ctx.args.link)
        sidebar.move_link(session, blog, link.id, ctx.args.to - 1)
        ctx.print(f"moved {link.url} to position {link.position + 1}")
    return 0


def cmd_remove(ctx: CommandContext) -> int:
    with ctx.store.session() as session:
        blog = blogs.find_blog(session, ctx.args.blog)
        link = sidebar.resolve_link(session, blog, ctx.args.link)
        removed = sidebar.remove_link(session, blog, link.id)
    ctx.print(f"removed {removed.url}")
    return 0


def cmd_pin(ctx: CommandContext) -> int:
    with ctx.store.session() as session:
        blog = blogs.find_blog(session, ctx.args.blog)
        link = sidebar.resolve_link(session, blog, ctx.args.link)
        sidebar.set_pinned(session, blog, link.id, ctx.args.pinned)
        ctx.print(f"{'pinned' if ctx.args.pinned else 'unpinned'} {link.url}")
    return 0


def cmd_refresh(ctx: CommandContext) -> int:
    from editor.cli.targets import cli_secrets
    from editor.services.sidebar_remote import refresh_blog_sidebar

    result, used = refresh_blog_sidebar(
        ctx.store, ctx.args.blog, secrets=cli_secrets(ctx), source=ctx.args.source
    )
    ctx.print(f"source: {used.describe()}")
    for link in result.added:
        ctx.print(f"+ {link.title}  {link.url}")
    for link in result.removed:
        ctx.print(f"- {link.title}  {link.url}")
    ctx.print(f"{len(result.after)} links ({len(result.added)} added, "
              f"{len(result.removed)} removed)")  # fmt: skip
    return 0


def cmd_check(ctx: CommandContext) -> int:
    """Exit 1 when a link is dead, so scripts can act on it; nothing is removed."""
    with ctx.store.session() as session:
        links = sidebar.link_specs(session, blogs.find_blog(session, ctx.args.blog))
    dead = check_links(links, timeout=ctx.args.timeout)
    for d in dead:
        ctx.print(f"dead  {d.reason:<24}  {d.title}  {d.url}")
    ctx.print(
        f"{len(links) - len(dead)} of {len(links)} links answer"
        + (" (dead links were kept; remove them with byline sidebar remove)" if dead else "")
    )
    return 1 if dead else 0
