"""Commands on posts: import, show, export-md, status and revisions (``list`` is in
``cli.listing``)."""

from __future__ import annotations

import argparse
from pathlib import Path

from editor.cli.context import CommandContext
from editor.errors import InputError
from editor.formats.markdown_file import local_time
from editor.formats.post_json import post_to_json, revision_to_json
from editor.model import PostStatus
from editor.services import posts, workflow
from editor.services.importing import (
    UnreadableFilesError,
    export_markdown,
    import_items,
    read_import_files,
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import",
        help="import Markdown files with YAML front matter, or export bundles, as new posts",
    )
    p.add_argument("files", nargs="+", type=Path, metavar="FILE|BUNDLE")
    p.add_argument("--json", action="store_true", help="print the new ids as a JSON list")
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("show", help="show every field of a post")
    p.add_argument("post", metavar="ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_show)

    p = sub.add_parser("export-md", help="write a post as Markdown with front matter")
    p.add_argument("post", metavar="ID")
    p.add_argument("-o", "--output", type=Path, metavar="FILE", help="file (default: stdout)")
    p.set_defaults(handler=cmd_export_md)

    p = sub.add_parser("status", help="move a post to another workflow status")
    p.add_argument("post", metavar="ID")
    p.add_argument("status", choices=[s.value for s in PostStatus])
    p.add_argument("--note", default="", help="why (required for changes_requested)")
    p.add_argument("--force", action="store_true", help="allow a move the workflow refuses")
    p.set_defaults(handler=cmd_status)

    p = sub.add_parser("revisions", help="list a post's revisions, newest first")
    p.add_argument("post", metavar="ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_revisions)

    p = sub.add_parser("revision", help="show one revision's content")
    p.add_argument("post", metavar="ID")
    p.add_argument("number", type=int, metavar="N")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_revision)

    p = sub.add_parser("save-version", help="keep the post as it is now as a named revision")
    p.add_argument("post", metavar="ID")
    p.add_argument("--label", default="")
    p.set_defaults(handler=cmd_save_version)

    p = sub.add_parser("restore", help="restore a revision (the current text stays in history)")
    p.add_argument("post", metavar="ID")
    p.add_argument("number", type=int, metavar="N")
    p.set_defaults(handler=cmd_restore)


def cmd_import(ctx: CommandContext) -> int:
    """Read every Markdown file first; if any is malformed, report them all and import
    nothing. Bundles (folders or .zip files from `byline export`) are checked as they are
    imported; everything goes in one transaction, so a failure anywhere imports nothing."""
    try:
        items = read_import_files(ctx.args.files)
    except UnreadableFilesError as exc:  # one line: every file's problem, then the outcome
        raise InputError(f"{'; '.join(exc.problems)} (nothing imported)") from None
    with ctx.store.session() as session:
        ids = [post.id for post in import_items(session, items)]
    if ctx.args.json:
        ctx.print_json(ids)
    else:
        for post_id in ids:
            ctx.print(post_id)
    return 0


def cmd_show(ctx: CommandContext) -> int:
    with ctx.store.reading() as session:
        post = posts.get_post(session, ctx.args.post)
        data = post_to_json(post)
        local = local_time(post.published_at, post.published_tz)
        if post.deleted_at is not None:
            ctx.warn(f"post {post.id} is in the Trash (byline trash restore {post.id})")
        date_only = post.published_date_only
    if ctx.args.json:
        ctx.print_json(data)
        return 0
    body = data.pop("body")
    if local is not None and date_only:
        data["published_at"] = local.date().isoformat()  # no made-up midnight
    else:
        data["published_at"] = local.isoformat() if local else ""
    width = max(len(k) for k in data)
    for key, value in data.items():
        shown = ", ".join(value) if isinstance(value, list) else value
        ctx.print(f"{key:<{width}}  {shown}")
    ctx.print()
    ctx.print(body)
    return 0


def cmd_export_md(ctx: CommandContext) -> int:
    with ctx.store.reading() as session:
        text = export_markdown(posts.get_post(session, ctx.args.post))
    if ctx.args.output:
        try:
            ctx.args.output.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise InputError(f"{ctx.args.output}: cannot write ({exc.strerror})") from None
    else:
        ctx.out.write(text)
    return 0


def cmd_status(ctx: CommandContext) -> int:
    with ctx.store.session() as session:
        post = posts.get_post(session, ctx.args.post)
        result = workflow.change_status(session, post.id, PostStatus(ctx.args.status),
                                        note=ctx.args.note, force=ctx.args.force)  # fmt: skip
    ctx.print(f"post {result.post_id} is {ctx.args.status} (version {result.version})")
    return 0


def cmd_revisions(ctx: CommandContext) -> int:
    with ctx.store.reading() as session:
        post = posts.get_post(session, ctx.args.post)
        revs = [revision_to_json(r) for r in posts.list_revisions(session, post.id)]
    if ctx.args.json:
        ctx.print_json(revs)
        return 0
    for r in revs:
        label = f" — {r['label']}" if r["label"] else ""
        who = r["author"]["name"] or r["author"]["email"] or "unknown"
        ctx.print(f"{r['number']:>4}  {r['created_at'][:19]}  {r['reason']:<9} "
                  f"{r['words']:>6} words  {who[:20]:<20}  {r['headline']}{label}")  # fmt: skip
    return 0


def cmd_revision(ctx: CommandContext) -> int:
    with ctx.store.reading() as session:
        post = posts.get_post(session, ctx.args.post)
        rev = revision_to_json(
            posts.get_revision(session, post.id, ctx.args.number), with_snapshot=True
        )
    if ctx.args.json:
        ctx.print_json(rev)
    else:
        snap = rev["snapshot"]
        ctx.print(f"# {snap['headline']}\n\n{snap['deck']}\n\n{snap['body']}")
    return 0


def cmd_save_version(ctx: CommandContext) -> int:
    with ctx.store.session() as session:
        post = posts.get_post(session, ctx.args.post)
        rev = posts.save_version(session, post.id, ctx.args.label)
    ctx.print(f"saved revision {rev.number} of post {post.id}")
    return 0


def cmd_restore(ctx: CommandContext) -> int:
    with ctx.store.session() as session:
        post = posts.get_post(session, ctx.args.post)
        result = posts.restore_revision(session, post.id, ctx.args.number)
    ctx.print(f"restored revision {ctx.args.number} of post {result.post_id} "
              f"as revision {result.revision_number}")  # fmt: skip
    return 0
