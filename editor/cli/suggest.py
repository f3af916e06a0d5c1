"""Reviewing headless: ``byline suggest`` (suggested edits as CriticMarkup) and ``byline diff``
(word differences between two versions of a post)."""

from __future__ import annotations

import argparse
import html
from typing import Any

from editor.cli.context import CommandContext
from editor.cli.lease import add_take_over, respect_lease
from editor.errors import InputError
from editor.services import posts
from editor.services import suggestions as sug

ACTIONS = ("list", "accept", "reject")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "suggest",
        help="suggest an edit (kept in the text as CriticMarkup), or list, accept or reject them",
        description="byline suggest ID --replace OLD --with NEW | --delete TEXT | --insert TEXT "
        "--after ANCHOR;  byline suggest list ID;  byline suggest accept|reject ID "
        "(SUGGESTION | --all). Quotes are matched against the text with every suggestion "
        "accepted.",
    )
    p.add_argument("words", nargs="+", metavar="ID | list ID | accept ID [SUGGESTION]")
    p.add_argument("--replace", metavar="OLD", help="the words to replace")
    p.add_argument("--with", dest="with_", metavar="NEW", help="what replaces them")
    p.add_argument("--delete", metavar="TEXT", help="the words to delete")
    p.add_argument("--insert", metavar="TEXT", help="the words to add (with --after)")
    p.add_argument("--after", metavar="ANCHOR", help="the words the insertion follows")
    p.add_argument("--field", default="body", choices=sug.FIELDS, help="default: body")
    p.add_argument("--nth", type=int, metavar="N", help="the Nth occurrence when quoted twice")
    p.add_argument("--all", action="store_true", help="accept or reject every suggestion")
    p.add_argument("--json", action="store_true", help="print JSON")
    add_take_over(p)
    p.set_defaults(handler=cmd_suggest)

    p = sub.add_parser(
        "diff",
        help="word differences between two versions of a post (default: the last revision "
        "against the current text)",
    )
    p.add_argument("post", metavar="ID")
    p.add_argument("a", nargs="?", metavar="A", help="revision number (or 'current')")
    p.add_argument("b", nargs="?", metavar="B", help="revision number (default: current)")
    p.add_argument("--format", choices=("text", "html", "json"), default="text")
    p.set_defaults(handler=cmd_diff)


def cmd_suggest(ctx: CommandContext) -> int:
    a = ctx.args
    words: list[str] = a.words
    if words[0] in ACTIONS:
        if len(words) < 2:
            raise InputError(f"suggest {words[0]}: which post? (byline suggest {words[0]} ID)")
        action, post_ref, rest = words[0], words[1], words[2:]
    else:
        action, post_ref, rest = "make", words[0], words[1:]
    if action == "list":
        return _list(ctx, post_ref)
    if action in ("accept", "reject"):
        if bool(rest) == bool(a.all) or len(rest) > 1:
            raise InputError(f"suggest {action}: give one SUGGESTION id or --all")
        with ctx.store.session() as s:
            respect_lease(ctx, s, posts.get_post(s, post_ref).id)
            n = sug.resolve(s, post_ref, rest[0] if rest else None, accept=action == "accept")
        done = "accepted" if action == "accept" else "rejected"
        ctx.print(f"{done} {n} suggestion{'s' if n != 1 else ''}")
        return 0
    if rest:
        raise InputError(f"suggest: unexpected {' '.join(rest)!r}")
    with ctx.store.session() as s:
        respect_lease(ctx, s, posts.get_post(s, post_ref).id)
        view = sug.suggest(s, post_ref, field=a.field, replace=a.replace,
                           with_=a.with_, delete=a.delete, insert=a.insert, after=a.after,
                           nth=a.nth)  # fmt: skip
        data = view.to_json()
    if a.json:
        ctx.print_json(data)
    else:
        ctx.print(data["id"])
    return 0


def _list(ctx: CommandContext, post_ref: str) -> int:
    with ctx.store.session() as s:
        post = posts.get_post(s, post_ref)
        views = sug.list_suggestions(s, post)
        rows = [v.to_json() for v in views]
        summaries = [(v, v.mark.summary()) for v in views]
    if ctx.args.json:
        ctx.print_json(rows)
        return 0
    if not views:
        ctx.print("No suggestions.")
    for view, summary in summaries:
        when = f"{view.created_at:%Y-%m-%d %H:%M}Z" if view.created_at else "unrecorded"
        where = view.field if view.field == "headline" else f"{view.field}:{view.mark.line}"
        ctx.print(f"{view.id:>4}  {where:<10} {summary}  — {view.author.label}, {when}")
    return 0


# -- diff -----------------------------------------------------------------------------------
def _snapshot(session: Any, post: Any, which: str | None) -> tuple[str, dict[str, Any]]:
    if which is None or which.lower() in ("current", "now"):
        return "current", posts.snapshot_of(session, post)
    try:
        number = int(which.lstrip("#"))
    except ValueError:
        raise InputError(f"{which!r} is not a revision number (or 'current')") from None
    return f"revision {number}", posts.get_revision(session, post.id, number).snapshot


def cmd_diff(ctx: CommandContext) -> int:
    from editor.review.worddiff import diff_snapshots

    a = ctx.args
    with ctx.store.session() as s:
        post = posts.get_post(s, a.post)
        if a.a is None:
            revisions = posts.list_revisions(s, post.id)
            if not revisions:
                raise InputError(f"post {post.id} has no revisions to compare with")
            first = str(revisions[0].number)
        else:
            first = a.a
        name_a, old = _snapshot(s, post, first)
        name_b, new = _snapshot(s, post, a.b)
        post_id = post.id
    diffs, note = diff_snapshots(old, new, old_name=name_a, new_name=name_b)
    if a.format == "json":
        ctx.print_json(
            {
                "post": post_id,
                "from": name_a,
                "to": name_b,
                "note": note,
                "fields": [
                    {
                        "field": d.field,
                        "label": d.label,
                        "changed": d.changed,
                        "added": d.counts()[0],
                        "removed": d.counts()[1],
                        "ops": [{"op": op.tag, "old": op.old, "new": op.new} for op in d.ops]
                        if d.changed
                        else [],
                    }
                    for d in diffs
                ],
            }
        )
    elif a.format == "html":
        ctx.out.write(diff_page(f"Post {post_id}: {name_a} → {name_b}", diffs, note))
    else:
        changed = [d for d in diffs if d.changed]
        ctx.print(f"post {post_id}: {name_a} → {name_b}")
        if note:
            ctx.print(note)
        if not changed:
            ctx.print("No differences.")
        from editor.review.worddiff import inline_text

        for d in changed:
            added, removed = d.counts()
            ctx.print(f"== {d.label} (+{added} −{removed} words)")
            ctx.print(inline_text(d.ops))
    return 0


def diff_page(title: str, diffs: list[Any], note: str = "") -> str:
    """A self-contained HTML page: each changed field side by side, then inline."""
    from editor.review.worddiff import inline_html, side_html

    parts = [
        "<!doctype html><html><head><meta charset='utf-8'>",
        f"<title>{html.escape(title)}</title><style>",
        "body{font:15px/1.5 sans-serif;margin:2em}table{width:100%;border-collapse:collapse}"
        "td{vertical-align:top;width:50%;padding:.5em;border:1px solid #ccc}"
        "del{background:#fdd;color:#900}ins{background:#dfd;color:#060;text-decoration:none}",
        f"</style></head><body><h1>{html.escape(title)}</h1>",
    ]
    if note:
        parts.append(f"<p class='note'>{html.escape(note)}</p>")
    changed = [d for d in diffs if d.changed]
    if not changed:
        parts.append("<p>No differences.</p>")
    for d in changed:
        parts.append(f"<h2>{html.escape(d.label)}</h2><table><tr>")
        parts.append(f"<td>{side_html(d.ops, 'old')}</td><td>{side_html(d.ops, 'new')}</td>")
        parts.append(f"</tr></table><p class='inline'>{inline_html(d.ops)}</p>")
    parts.append("</body></html>\n")
    return "".join(parts)
