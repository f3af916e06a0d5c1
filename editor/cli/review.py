"""Review from the command line: ``byline log`` (the status log), ``byline comment``
add|list|reply|resolve|reopen and ``byline review send|open`` (review packages). ``byline
status`` (in ``cli.posts``) follows the workflow."""

from __future__ import annotations

import argparse
from pathlib import Path

from editor.cli.context import CommandContext
from editor.model import Person
from editor.services import comments, posts, workflow


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("log", help="a post's status changes: who, when, from, to, note")
    p.add_argument("post", metavar="ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_log)

    comment = sub.add_parser("comment", help="comments on a post's words: add, list, reply, …")
    verbs = comment.add_subparsers(dest="verb", metavar="ACTION", required=True)
    p = verbs.add_parser("add", help="comment on words of the post (prints the comment id)")
    p.add_argument("post", metavar="ID")
    p.add_argument("--on", default="", metavar="TEXT", help="the words to comment on")
    p.add_argument(
        "--field", default="body",
        help="body (default), headline, deck, caption:PHOTO, credit:PHOTO, or post (whole post)",
    )  # fmt: skip
    p.add_argument("--text", required=True, metavar="T")
    p.add_argument("--nth", type=int, metavar="N", help="which occurrence of the words (from 1)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_add)

    p = verbs.add_parser("list", help="the post's open comments (--all: resolved ones too)")
    p.add_argument("post", metavar="ID")
    p.add_argument("--all", action="store_true")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_list)

    p = verbs.add_parser("reply", help="answer a comment")
    p.add_argument("post", metavar="ID")
    p.add_argument("comment", type=int, metavar="COMMENT")
    p.add_argument("--text", required=True, metavar="T")
    p.set_defaults(handler=cmd_reply)

    for verb, text in (("resolve", "mark a comment resolved"), ("reopen", "reopen a comment")):
        p = verbs.add_parser(verb, help=text)
        p.add_argument("post", metavar="ID")
        p.add_argument("comment", type=int, metavar="COMMENT")
        p.set_defaults(handler=cmd_resolve, resolved=verb == "resolve")
    register_packages(sub)


def register_packages(sub: argparse._SubParsersAction) -> None:
    review = sub.add_parser("review", help="review packages: send a post, open one received")
    verbs = review.add_subparsers(dest="verb", metavar="ACTION", required=True)
    p = verbs.add_parser("send", help="write the post, its review and photos to one file")
    p.add_argument("post", metavar="ID")
    p.add_argument("-o", "--output", required=True, metavar="FILE.bylinereview", type=Path)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_send)
    p = verbs.add_parser("open", help="bring a review package in (merging with the post here)")
    p.add_argument("file", metavar="FILE", type=Path)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_open)


def cmd_send(ctx: CommandContext) -> int:
    from editor.services.handoff_send import send_post

    with ctx.store.session() as session:
        result = send_post(session, ctx.args.post, ctx.args.output)
    if ctx.args.json:
        ctx.print_json(result.to_json())
    else:
        ctx.print(result.summary())
    return 0


def cmd_open(ctx: CommandContext) -> int:
    from editor.formats.review_package import read_package
    from editor.services.handoff_open import open_package

    package = read_package(ctx.args.file)  # checked whole before the database is touched
    with ctx.store.session() as session:
        result = open_package(session, package)
    if ctx.args.json:
        ctx.print_json(result.to_json())
    else:
        ctx.print(result.summary())
    return 0


def _when(entry_at: object, who: Person) -> str:
    from editor.formats.markdown_file import zone_for

    at = entry_at.astimezone(zone_for(who.zone))  # type: ignore[attr-defined]
    return at.strftime("%Y-%m-%d %H:%M %Z")


def cmd_log(ctx: CommandContext) -> int:
    with ctx.store.session() as session:
        post = posts.get_post(session, ctx.args.post)
        entries = workflow.status_log(session, post.id)
    if ctx.args.json:
        ctx.print_json([e.to_json() for e in entries])
        return 0
    for e in entries:
        move = f"{e.from_status} → {e.to_status}" if e.from_status else f"created {e.to_status}"
        forced = " (forced)" if e.forced else ""
        note = f": {e.note}" if e.note else ""
        ctx.print(f"{_when(e.when, e.author)}  {e.author.label}  {move}{forced}{note}")
    return 0


def cmd_add(ctx: CommandContext) -> int:
    a = ctx.args
    with ctx.store.session() as session:
        post = posts.get_post(session, a.post)
        made = comments.add_comment(session, post.id, a.text, field=a.field, quote=a.on,
                                    nth=a.nth)  # fmt: skip
        made_id = made.id
    if a.json:
        ctx.print_json({"id": made_id, "post": post.id})
    else:
        ctx.print(made_id)
    return 0


def cmd_list(ctx: CommandContext) -> int:
    with ctx.store.session() as session:
        post = posts.get_post(session, ctx.args.post)
        views = comments.list_comments(session, post.id, include_resolved=ctx.args.all)
    if ctx.args.json:
        ctx.print_json([v.to_json() for v in views])
        return 0
    for v in views:
        state = "resolved" if v.resolved else "open"
        where = v.field if v.field == comments.WHOLE_POST else f"{v.field} “{v.anchor.quote}”"
        if v.detached:
            where += " (detached: its words are gone)"
        ctx.print(f"#{v.id} [{state}] {where}")
        ctx.print(f"    {v.author.label}, {_when(v.when, v.author)}: {v.text}")
        for r in v.replies:
            ctx.print(f"    ↳ #{r.id} {r.author.label}, {_when(r.when, r.author)}: {r.text}")
    return 0


def cmd_reply(ctx: CommandContext) -> int:
    with ctx.store.session() as session:
        post = posts.get_post(session, ctx.args.post)
        made = comments.reply(session, post.id, ctx.args.comment, ctx.args.text)
        made_id = made.id
    ctx.print(made_id)
    return 0


def cmd_resolve(ctx: CommandContext) -> int:
    with ctx.store.session() as session:
        post = posts.get_post(session, ctx.args.post)
        comments.set_resolved(session, post.id, ctx.args.comment, ctx.args.resolved)
    state = "resolved" if ctx.args.resolved else "open"
    ctx.print(f"comment {ctx.args.comment} of post {post.id} is {state}")
    return 0
