"""Commands on pages: ``render`` (the preview's HTML) and ``export`` (a bundle)."""

from __future__ import annotations

import argparse
import threading
from pathlib import Path

from editor.cli.context import CommandContext
from editor.errors import InputError
from editor.render.context import PageData
from editor.render.page import render_page
from editor.render.themes import require_theme
from editor.services.pages import read_page, show_suggestions


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "render",
        help="write the HTML page of a post, as the preview shows it (with -o, its "
        "photos go to images/ beside the file)",
    )
    p.add_argument("post", metavar="ID")
    p.add_argument("-o", "--output", type=Path, metavar="FILE", help="file (default: stdout)")
    p.add_argument("--theme", help="theme name (default: the blog's)")
    p.add_argument(
        "--report", action="store_true", help="list what sanitising removed from the draft"
    )
    p.add_argument(
        "--suggestions",
        action="store_true",
        help="show suggested edits as struck and added words (default: all accepted)",
    )
    p.set_defaults(handler=cmd_render)

    p = sub.add_parser(
        "export", help="export a post as a bundle: index.html, assets, post.md, post.json"
    )
    p.add_argument("post", metavar="ID")
    p.add_argument("-o", "--output", type=Path, metavar="PATH", required=True,
                   help="a folder, or a zip file when PATH ends in .zip")  # fmt: skip
    p.add_argument("--theme", help="theme name (default: the blog's)")
    p.set_defaults(handler=cmd_export)


def cmd_render(ctx: CommandContext) -> int:
    a = ctx.args
    # With -o, the photos' renditions go to images/ beside the file, as in an export.
    folder = a.output.resolve().parent if a.output else None
    # The everyday case (a current SQLite file) is read without the ORM, which costs more
    # to import than the whole render; the same page either way (tests/db/test_sqlite_read.py).
    data = None if a.read_only else read_page(a.db, a.post, images_folder=folder)
    if data is None:
        data = _page_through_store(ctx, folder)
    show_suggestions(data, marked=a.suggestions)
    theme = require_theme(a.theme or data.blog.theme)
    # Like the preview: the theme's own assets folder, so the file shows styled from disk.
    page = render_page(data, theme=theme, mode="preview",
                       asset_prefix=theme.assets_dir.as_uri() + "/")  # fmt: skip
    if page.error:
        raise InputError(f"theme {theme.name!r}: {page.error}")
    if a.output:
        try:
            a.output.write_text(page.html, encoding="utf-8")
        except OSError as exc:
            raise InputError(f"{a.output}: cannot write ({exc.strerror})") from None
    else:
        ctx.out.write(page.html)
    if a.report:
        stream = ctx.out if a.output else ctx.err
        if not page.removed:
            print("Nothing was removed.", file=stream)
        for removal in page.removed:
            print(f"removed {removal.what}: {removal.why}", file=stream)
    return 0


def _page_through_store(ctx: CommandContext, folder: Path | None) -> PageData:
    from editor.services import posts
    from editor.services.pages import page_for_post

    # A read: no write lock, and no integrity check of the whole file first (that guards
    # writes, and reads every page: ~0.1-0.5 s on a large database).
    with ctx.store.reading() as session:
        post = posts.get_post(session, ctx.args.post)
        return page_for_post(session, post, images_folder=folder).data


def cmd_export(ctx: CommandContext) -> int:
    from editor.services import posts
    from editor.services.bundles import export_post  # Pillow and the bundle: not for render

    a = ctx.args
    with ctx.store.session() as session:
        post = posts.get_post(session, a.post)
        cancel = threading.Event()
        try:
            result = export_post(session, post, a.output, theme=a.theme, cancel=cancel,
                                 progress=ctx.progress_printer("photos"))  # fmt: skip
        except KeyboardInterrupt:
            cancel.set()  # stop the image threads; nothing is written at the target
            raise
    ctx.print(f"exported post {a.post} to {result.target} ({len(result.files)} files)")
    for removal in result.page.removed:
        ctx.warn(f"removed {removal.what}: {removal.why}")
    return 0
