"""``byline photo``: attach, list, edit and remove a post's photos; write their renditions."""

from __future__ import annotations

import argparse
import threading
from pathlib import Path

from editor.cli.context import CommandContext
from editor.cli.lease import add_take_over, respect_lease
from editor.formats.photo_json import photo_to_json
from editor.model import Photo
from editor.services import photos, posts

TEXT_OPTIONS = ("caption", "credit", "alt", "copyright", "source", "headline")


def register(sub: argparse._SubParsersAction) -> None:
    photo = sub.add_parser("photo", help="a post's photos: add, list, set, remove, renditions")
    cmds = photo.add_subparsers(dest="photo_command", metavar="ACTION", required=True)

    p = cmds.add_parser("add", help="attach an image file (JPEG, PNG, WebP, GIF, TIFF)")
    p.add_argument("post", metavar="ID")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--lead", action="store_true", help="make it the post's lead photo")
    _text_options(p, ("caption", "credit", "alt"))
    p.add_argument("--json", action="store_true")
    add_take_over(p)
    p.set_defaults(handler=cmd_add)

    p = cmds.add_parser("list", help="list a post's photos, the lead first")
    p.add_argument("post", metavar="ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_list)

    p = cmds.add_parser("set", help="change a photo's texts (what you type wins over the file)")
    p.add_argument("post", metavar="ID")
    p.add_argument("photo", metavar="PHOTO", help="photo id or uuid")
    _text_options(p, TEXT_OPTIONS)
    p.add_argument("--lead", action="store_true", help="make it the post's lead photo")
    p.add_argument("--json", action="store_true")
    add_take_over(p)
    p.set_defaults(handler=cmd_set)

    p = cmds.add_parser("remove", help="detach a photo from the post")
    p.add_argument("post", metavar="ID")
    p.add_argument("photo", metavar="PHOTO", help="photo id or uuid")
    add_take_over(p)
    p.set_defaults(handler=cmd_remove)

    p = cmds.add_parser("renditions", help="write the post's photo renditions into a folder")
    p.add_argument("post", metavar="ID")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FOLDER")
    p.add_argument(
        "--keep-metadata",
        action="store_true",
        help="keep all the originals' metadata (GPS and serial numbers too)",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_renditions)


def _text_options(parser: argparse.ArgumentParser, names: tuple[str, ...]) -> None:
    for name in names:
        parser.add_argument(f"--{name}", metavar="TEXT", default=None)


def _summary(photo: Photo) -> str:
    role = "lead  " if photo.is_lead else "inline"
    missing = f"  MISSING {', '.join(photo.missing)}" if photo.missing else ""
    size = f"{photo.width}x{photo.height}"
    texts = f"credit: {photo.credit or '-'}  caption: {photo.caption or '-'}"
    return f"{photo.id:>6}  {role}  {size}  {photo.filename}  {texts}{missing}"


def _print_photo(ctx: CommandContext, photo: Photo, as_json: bool) -> None:
    if as_json:
        ctx.print_json(photo_to_json(photo))
        return
    data = photo_to_json(photo)
    ctx.print(f"photo {photo.id} (post {photo.post_id})")
    for key in ("role", "filename", "mime", "width", "height", "caption", "credit", "alt",
                "copyright", "source", "headline", "byline"):  # fmt: skip
        origin = " (from file)" if key in data["from_file"] else ""
        ctx.print(f"  {key:<10} {data[key]}{origin}")
    if photo.missing:
        ctx.warn(f"photo {photo.id} has no {' and no '.join(photo.missing)} yet")


def cmd_add(ctx: CommandContext) -> int:
    a = ctx.args
    with ctx.store.session() as session:
        post = posts.get_post(session, a.post)
        respect_lease(ctx, session, post.id)
        photo = photos.attach(session, post, a.file, lead=a.lead, caption=a.caption,
                              credit=a.credit, alt=a.alt)  # fmt: skip
        _print_photo(ctx, photo, a.json)
    return 0


def cmd_list(ctx: CommandContext) -> int:
    with ctx.store.session() as session:
        post = posts.get_post(session, ctx.args.post)
        items = photos.list_photos(session, post.id)
        if ctx.args.json:
            ctx.print_json([photo_to_json(p) for p in items])
        else:
            for p in items:
                ctx.print(_summary(p))
    return 0


def cmd_set(ctx: CommandContext) -> int:
    a = ctx.args
    with ctx.store.session() as session:
        post = posts.get_post(session, a.post)
        respect_lease(ctx, session, post.id)
        photo = photos.get_photo(session, post.id, a.photo)
        photos.update_photo(session, photo, **{n: getattr(a, n) for n in TEXT_OPTIONS})
        if a.lead:
            photos.set_lead(session, photo)
        if a.json:
            ctx.print_json(photo_to_json(photo))
        else:
            ctx.print(_summary(photo))
    return 0


def cmd_remove(ctx: CommandContext) -> int:
    with ctx.store.session() as session:
        post = posts.get_post(session, ctx.args.post)
        respect_lease(ctx, session, post.id)
        photo = photos.get_photo(session, post.id, ctx.args.photo)
        photo_id = photo.id
        photos.remove_photo(session, photo)
    ctx.print(f"removed photo {photo_id} from post {ctx.args.post}")
    return 0


def cmd_renditions(ctx: CommandContext) -> int:
    from editor.media.export import write_post_renditions
    from editor.media.renditions import RenditionSettings

    a = ctx.args
    settings = RenditionSettings(keep_metadata=a.keep_metadata)
    cancel = threading.Event()
    progress = ctx.progress_printer("photos")
    with ctx.store.session() as session:
        post = posts.get_post(session, a.post)
        items = photos.list_photos(session, post.id)
        try:
            entries = write_post_renditions(session, items, a.output, settings=settings,
                                            progress=progress, cancel=cancel)  # fmt: skip
        except KeyboardInterrupt:
            cancel.set()
            raise
    if a.json:
        ctx.print_json(entries)
    else:
        count = sum(len(e["renditions"]) for e in entries)
        ctx.print(f"wrote {count} renditions of {len(entries)} photos to {a.output / 'images'}")
    return 0
