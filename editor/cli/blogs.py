"""Commands on blogs: ``byline blog add|list|set|remove``."""

from __future__ import annotations

import argparse
from typing import Any

from editor.cli.context import CommandContext
from editor.errors import InputError
from editor.formats.post_json import blog_to_json
from editor.services import blogs

# option name -> Blog setting, shared by ``add`` and ``set``
_SETTINGS = {
    "url": "site_url", "theme": "theme", "language": "language", "role": "default_byline_role",
    "description": "description", "comments_url": "comments_url_pattern", "logo": "logo_path",
    "tag_url": "tag_url_pattern", "category_base": "category_base",
    "sidebar_count": "sidebar_count", "sidebar_auto": "sidebar_auto", "target": "default_target",
    "style_off": "style_off",
}  # fmt: skip


def register(sub: argparse._SubParsersAction) -> None:
    blog = sub.add_parser("blog", help="create, list, change and remove blogs")
    verbs = blog.add_subparsers(dest="verb", metavar="ACTION", required=True)

    p = verbs.add_parser("add", help="create a blog")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--url", required=True, help="the blog's site URL (http or https)")
    _setting_options(p)
    p.set_defaults(handler=cmd_add)

    p = verbs.add_parser("list", help="list blogs")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_list)

    p = verbs.add_parser("set", help="change a blog's settings")
    p.add_argument("name", metavar="NAME", help="the blog (name or id)")
    p.add_argument("--name", dest="new_name", metavar="NEW", help="rename the blog")
    p.add_argument("--url", help="the blog's site URL (http or https)")
    _setting_options(p)
    p.set_defaults(handler=cmd_set)

    p = verbs.add_parser("remove", help="delete a blog (say what happens to its posts)")
    p.add_argument("name", metavar="NAME", help="the blog (name or id)")
    what = p.add_mutually_exclusive_group()
    what.add_argument("--move-posts-to", metavar="BLOG", help="move its posts to this blog")
    what.add_argument("--delete-posts", action="store_true", help="delete its posts too")
    p.set_defaults(handler=cmd_remove)


def _setting_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--theme", metavar="T")
    p.add_argument("--language", metavar="L", help="language code, e.g. en or es")
    p.add_argument("--role", metavar="R", help="default byline role, e.g. 'Guest blogger'")
    p.add_argument("--description", metavar="D")
    p.add_argument("--comments-url", metavar="PATTERN", help="e.g. '{post_url}#comments'")
    p.add_argument(
        "--tag-url", metavar="PATTERN",
        help="where a tag's page is, e.g. '{blog_url}/tag/{tag}/' ('' : tags are plain labels)",
    )  # fmt: skip
    p.add_argument(
        "--category-base", metavar="PATH",
        help="the path before a category's slug in its links (WordPress: 'category')",
    )  # fmt: skip
    p.add_argument("--logo", metavar="FILE", help="an image file ('' for none)")
    p.add_argument("--sidebar-count", type=int, metavar="N", help="newest posts in the sidebar")
    p.add_argument("--sidebar-auto", choices=["on", "off"], help="fill the sidebar on refresh")
    p.add_argument("--target", metavar="NAME", help="default publishing target ('' for none)")
    p.add_argument(
        "--style-off", metavar="IDS",
        help="house-style checks this blog does without, e.g. 'long-sentence,double-space'",
    )  # fmt: skip


def _settings(args: argparse.Namespace) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for option, setting in _SETTINGS.items():
        value = getattr(args, option, None)
        if value is not None:
            values[setting] = value == "on" if option == "sidebar_auto" else value
    return values


def cmd_add(ctx: CommandContext) -> int:
    from editor.config import LANGUAGE

    settings = _settings(ctx.args)
    settings.setdefault("language", ctx.config.get(LANGUAGE))  # the writer's preference
    with ctx.store.session() as session:
        blog = blogs.create_blog(session, ctx.args.name, **settings)
        ctx.print(f"added blog {blog.id}: {blog.name}")
    return 0


def cmd_list(ctx: CommandContext) -> int:
    with ctx.store.session() as session:
        rows = [
            {**blog_to_json(b), "posts": blogs.count_posts(session, b)}
            for b in blogs.list_blogs(session)
        ]
    if ctx.args.json:
        ctx.print_json(rows)
        return 0
    for r in rows:
        ctx.print(f"{r['id']:>4}  {r['name'][:30]:<30}  {r['posts']:>5} posts  {r['site_url']}")
    return 0


def cmd_set(ctx: CommandContext) -> int:
    changes = _settings(ctx.args)
    if ctx.args.new_name is not None:
        changes["name"] = ctx.args.new_name
    if not changes:
        raise InputError("nothing to change: give at least one option (see byline blog set -h)")
    with ctx.store.session() as session:
        blog = blogs.update_blog(session, blogs.find_blog(session, ctx.args.name), **changes)
        ctx.print(f"updated blog {blog.id}: {blog.name}")
    return 0


def cmd_remove(ctx: CommandContext) -> int:
    a = ctx.args
    with ctx.store.session() as session:
        blog = blogs.find_blog(session, a.name)
        target = blogs.find_blog(session, a.move_posts_to) if a.move_posts_to else None
        try:
            result = blogs.delete_blog(session, blog, move_posts_to=target,
                                       delete_posts=a.delete_posts)  # fmt: skip
        except blogs.BlogHasPostsError as exc:
            raise InputError(f"{exc} Use --move-posts-to BLOG or --delete-posts.") from None
    if result.moved_to:
        ctx.print(f"removed blog {result.name}; moved {result.moved_posts} posts to "
                  f"{result.moved_to}")  # fmt: skip
        for old, new in result.renamed_slugs:
            ctx.warn(f"slug {old!r} was taken in {result.moved_to}; the post is now {new!r}")
    elif result.deleted_posts:
        ctx.print(f"removed blog {result.name} and its {result.deleted_posts} posts")
    else:
        ctx.print(f"removed blog {result.name}")
    return 0
