"""Writing headless: ``byline new`` and ``byline set`` change a post as the window's form does,
through the same version-checked save (a concurrent edit elsewhere is never overwritten)."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from editor.cli.context import CommandContext
from editor.cli.lease import add_take_over, respect_lease
from editor.errors import InputError
from editor.formats.checks import MAX_TEXT_BYTES, read_regular_file
from editor.formats.markdown_file import check_comments_url, parse_when, read_post_file
from editor.model import PostContent, PostStatus
from editor.services import blogs, posts, workflow

TEXT_OPTIONS = {
    "headline": "the headline",
    "deck": "the deck (summary under the headline)",
    "byline": "the writer's name",
    "role": "the byline role, e.g. 'Guest blogger'",
    "slug": "the URL slug (stops following the headline)",
    "note": "the editor's note (never published)",
}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("new", help="create an empty post (or with the fields given)")
    p.add_argument("--blog", help="blog name or id (default: the first blog)")
    _field_options(p)
    p.set_defaults(handler=cmd_new)

    p = sub.add_parser("set", help="change fields of a post (the rest stays as it is)")
    p.add_argument("post", metavar="ID")
    p.add_argument("--blog", help="move the post to this blog")
    p.add_argument(
        "--from-md", type=Path, metavar="FILE",
        help="take every field and the body from a Markdown file with front matter",
    )  # fmt: skip
    _field_options(p)
    add_take_over(p)
    p.set_defaults(handler=cmd_set)


def _field_options(p: argparse.ArgumentParser) -> None:
    for name, text in TEXT_OPTIONS.items():
        p.add_argument(f"--{name}", help=text)
    p.add_argument(
        "--date",
        help="publication date-time, ISO 8601 (e.g. 2026-11-20T08:30-04:00), or a date alone "
        "(2026-11-20: the page shows no time)",
    )
    p.add_argument("--timezone", help="IANA zone to show the date in, e.g. America/La_Paz")
    p.add_argument("--tags", help="comma-separated tags")
    p.add_argument("--categories", help="comma-separated categories")
    p.add_argument("--body-file", type=Path, metavar="FILE", help="Markdown body ('-': stdin)")
    p.add_argument("--status", choices=[s.value for s in PostStatus])
    p.add_argument(
        "--comments-url", metavar="URL",
        help="this post's own comments page, http(s) (default: the blog's pattern; '' clears)",
    )  # fmt: skip


def _apply(ctx: CommandContext, content: PostContent) -> PostContent:
    a = ctx.args
    values: dict[str, object] = {}
    for name, field in (("headline", "headline"), ("deck", "deck"), ("byline", "byline"),
                        ("role", "byline_role"), ("note", "editor_note")):  # fmt: skip
        if getattr(a, name) is not None:
            values[field] = getattr(a, name)
    if a.slug is not None:
        values.update(slug=a.slug, slug_auto=False)
    if a.date is not None or a.timezone is not None:
        when = a.date if a.date is not None else content.published_at
        try:
            at, zone, date_only = parse_when(when, a.timezone)
        except ValueError as exc:
            raise InputError(f"--date: {exc}") from None
        values["published_at"], values["published_tz"] = at, zone
        values["published_date_only"] = (
            date_only if a.date is not None else (content.published_date_only)
        )
    for name in ("tags", "categories"):
        if getattr(a, name) is not None:
            values[name] = [w.strip() for w in getattr(a, name).split(",") if w.strip()]
    if a.body_file is not None:
        values["body"] = _read_body(a.body_file)
    return replace(content, **values)  # type: ignore[arg-type]


def _checked_comments_url(value: str | None) -> str | None:
    """``--comments-url`` checked before anything is written (``""`` clears it)."""
    if value is None or not value.strip():
        return value
    try:
        return check_comments_url(value)
    except ValueError as exc:
        raise InputError(f"--comments-url: {exc}") from None


def _read_body(path: Path) -> str:
    if str(path) == "-":
        return sys.stdin.read()
    data = read_regular_file(path, MAX_TEXT_BYTES, what="a Markdown file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"--body-file {path}: not UTF-8 text ({exc.reason})") from None


def cmd_new(ctx: CommandContext) -> int:
    from editor.config import post_defaults

    comments_url = _checked_comments_url(ctx.args.comments_url)
    content = _apply(ctx, PostContent(**post_defaults(ctx.config)))
    with ctx.store.session() as session:
        blog = (
            blogs.find_blog(session, ctx.args.blog)
            if ctx.args.blog
            else blogs.default_blog(session)
        )
        status = PostStatus(ctx.args.status) if ctx.args.status else PostStatus.DRAFT
        post = posts.create_post(session, content, blog=blog, status=status)
        if comments_url is not None:
            posts.set_comments_url(session, post.id, comments_url)
    ctx.print(post.id)
    return 0


def cmd_set(ctx: CommandContext) -> int:
    a = ctx.args
    comments_url = _checked_comments_url(a.comments_url)
    parsed = read_post_file(a.from_md) if a.from_md else None
    with ctx.store.session() as session:
        post = posts.get_post(session, a.post)
        respect_lease(ctx, session, post.id)
        content = parsed.content if parsed else post.content()
        content = _apply(ctx, content)
        result = posts.save_post(session, post.id, content, expected_version=post.version)
        if comments_url is None and parsed is not None and parsed.comments_url:
            comments_url = parsed.comments_url
        if comments_url is not None:
            result = posts.set_comments_url(
                session, post.id, comments_url, expected_version=result.version
            )
        status = a.status or (parsed.status.value if parsed and parsed.status else None)
        if status:
            result = workflow.change_status(session, post.id, PostStatus(status))
        target_blog = a.blog or (parsed.blog if parsed else None)
        if target_blog:
            blog = blogs.get_or_create_blog(session, target_blog)
            if blog.id != post.blog_id:
                result = posts.move_post(session, post.id, blog.id, expected_version=result.version)
    ctx.print(f"post {result.post_id} saved (version {result.version}, slug {result.slug})")
    return 0
