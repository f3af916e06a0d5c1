"""``byline newsroom``: set up a shared PostgreSQL database for several people, each with
their own PostgreSQL role, and say who edits which blog. Run by the database's owner."""

from __future__ import annotations

import argparse

from editor.cli.context import CommandContext
from editor.services import newsroom_admin as admin

RULES = """\
Each person connects as their own PostgreSQL role
(--db postgresql+psycopg://ROLE@HOST/DBNAME). PostgreSQL itself then enforces (row-level
security): a writer changes only their own posts while they are drafts (or sent back with
changes requested) and submits them; only the blog's editors (and the database's owner) take
a post into review, approve, schedule, publish, trash or delete it, or change it after it was
submitted. Run these commands as the database's owner."""


def register(sub: argparse._SubParsersAction) -> None:
    t = sub.add_parser(
        "newsroom", help="a shared PostgreSQL newsroom: people, roles and blog editors",
        description=RULES, formatter_class=argparse.RawDescriptionHelpFormatter,
    )  # fmt: skip
    verbs = t.add_subparsers(dest="verb", metavar="ACTION", required=True)
    p = verbs.add_parser(
        "setup", help=f"create the group role {admin.MEMBER_ROLE} and grant it Byline's tables"
    )
    p.set_defaults(handler=cmd_setup)

    p = verbs.add_parser(
        "add-person", help="give a PostgreSQL role a place in the newsroom (created if missing)"
    )
    p.add_argument("role", metavar="ROLE", help="the person's PostgreSQL role (login name)")
    p.add_argument(
        "--editor", action="append", default=[], metavar="BLOG",
        help="make them an editor of this blog (repeat for several)",
    )  # fmt: skip
    p.set_defaults(handler=cmd_add_person)

    p = verbs.add_parser("editors", help="list a blog's editors, or add or remove one")
    p.add_argument("blog", metavar="BLOG")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--add", metavar="ROLE", help="make ROLE an editor of the blog")
    group.add_argument("--remove", metavar="ROLE", help="ROLE no longer edits the blog")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_editors)

    p = verbs.add_parser("people", help="everyone in the newsroom and the blogs they edit")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_people)


def cmd_setup(ctx: CommandContext) -> int:
    with ctx.store.session() as session:
        done = admin.setup(session)
    for line in done:
        ctx.print(line)
    ctx.print("next: byline newsroom add-person ROLE [--editor BLOG]")
    return 0


def cmd_add_person(ctx: CommandContext) -> int:
    with ctx.store.session() as session:
        done = admin.add_person(session, ctx.args.role, editor_of=ctx.args.editor)
    for line in done:
        ctx.print(line)
    return 0


def cmd_editors(ctx: CommandContext) -> int:
    a = ctx.args
    with ctx.store.session() as session:
        if a.add or a.remove:
            role = a.add or a.remove
            changed = admin.set_editor(session, a.blog, role, bool(a.add))
            if not a.json:
                verb = "now edits" if a.add else "no longer edits"
                ctx.print(f"{role} {verb} {a.blog}" + ("" if changed else " (already so)"))
        names = admin.editors(session, a.blog)
    if a.json:
        ctx.print_json(names)
    elif not (a.add or a.remove):
        ctx.print("\n".join(names) if names else f"{a.blog} has no editors yet")
    return 0


def cmd_people(ctx: CommandContext) -> int:
    with ctx.store.session() as session:
        members = admin.people(session)
    if ctx.args.json:
        ctx.print_json([m.to_json() for m in members])
        return 0
    for m in members:
        edits = f"editor of {', '.join(m.editor_of)}" if m.editor_of else "writer"
        ctx.print(f"{m.role}: {edits}")
    if not members:
        ctx.print("nobody yet: byline newsroom add-person ROLE")
    return 0
