"""Proofing from the command line: ``byline check`` and ``byline words``."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from editor.cli.context import CommandContext
from editor.errors import InputError
from editor.proofing.checker import (
    PostText,
    Proofreader,
    WordLists,
    personal_dictionary_path,
    read_personal_words,
    write_personal_words,
)
from editor.proofing.problems import Problem
from editor.proofing.tokens import options_from


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "check",
        help="spelling and house style of a post, or of a Markdown file (exit 1 on problems)",
    )
    p.add_argument("post", metavar="ID|FILE.md")
    p.add_argument("--json", action="store_true", help="the problems as JSON")
    p.add_argument("--lang", metavar="L", help="check in this language (e.g. es, pt-BR)")
    p.set_defaults(handler=cmd_check)

    w = sub.add_parser("words", help="the blog's word list and your personal dictionary")
    w.description = (
        "Words spelling accepts: the blog's list (every writer of the blog), your personal "
        "dictionary, or one post's ignored words (its 'Ignore in this post')."
    )
    verbs = w.add_subparsers(dest="verb", metavar="ACTION", required=True)
    for verb, text in (("add", "accept these words"), ("remove", "stop accepting these words")):
        p = verbs.add_parser(verb, help=text)
        p.add_argument("words", nargs="+", metavar="WORD")
        _where(p)
        p.set_defaults(handler=cmd_words)
    p = verbs.add_parser("list", help="the words of a list, one a line")
    _where(p)
    p.set_defaults(handler=cmd_words)


def _where(p: argparse.ArgumentParser) -> None:
    group = p.add_mutually_exclusive_group()
    group.add_argument("--blog", metavar="NAME", help="the blog's list (default: the default blog)")
    group.add_argument(
        "--personal", action="store_true", help=f"your own list ({personal_dictionary_path()})"
    )
    group.add_argument("--post", metavar="ID", help="the words ignored in this post only")


def _check_language(code: str) -> str:
    if not re.fullmatch(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*", code):
        raise InputError(f"--lang: {code!r} is not a language code such as es or pt-BR")
    return code


def cmd_check(ctx: CommandContext) -> int:
    from editor.services import posts
    from editor.services import proofing as service

    language = _check_language(ctx.args.lang) if ctx.args.lang else None
    ref = ctx.args.post
    path = Path(ref)
    if ref.endswith((".md", ".markdown", ".txt")) or (not ref.isdigit() and path.is_file()):
        problems, reader = _check_file(ctx, path, language)
    else:
        with ctx.store.session() as session:
            post = posts.get_post(session, ref)
            problems, reader = service.check_stored_post(
                session, post, language=language, options=options_from(ctx.config)
            )
    for missing in sorted(reader.missing):
        ctx.warn(f"no dictionary for {missing!r}: its words were not checked (see the README)")
    if ctx.args.json:
        ctx.print_json([p.to_json() for p in problems])
    else:
        for problem in problems:
            ctx.print(problem.describe())
        spelling = sum(p.is_spelling for p in problems)
        ctx.print(
            f"{len(problems)} problem(s): {spelling} spelling, {len(problems) - spelling} style"
        )
    return 1 if problems else 0


def _check_file(
    ctx: CommandContext, path: Path, language: str | None
) -> tuple[list[Problem], Proofreader]:
    from editor.formats.markdown_file import read_post_file

    if not path.is_file():
        raise InputError(f"{path}: no such file")
    parsed = read_post_file(path)
    content = parsed.content
    lang = language or content.language
    blog_list: set[str] = set()
    rules_off: list[str] = []
    if parsed.blog:  # a file naming no blog is checked without opening the database
        blog = _blog_if_any(ctx, parsed.blog)
        if blog is not None:
            lang = lang or blog[0]
            blog_list, rules_off = blog[1], blog[2]
    text = PostText(content.headline, content.deck, content.body, lang or "en")
    reader = Proofreader(
        word_lists=WordLists(personal=read_personal_words(), blog=blog_list),
        options=options_from(ctx.config),
        rules_off=rules_off,
    )
    return reader.check_post(text, suggestions=True), reader


def _blog_if_any(ctx: CommandContext, name: str) -> tuple[str, set[str], list[str]] | None:
    """The language, word list and rules of the file's blog, when the database has it."""
    from editor.errors import NotFoundError
    from editor.services import blogs
    from editor.services import proofing as service

    with ctx.store.session() as session:
        try:
            blog = blogs.find_blog(session, name)
        except NotFoundError:
            return None
        return blog.language, set(service.blog_words(session, blog)), service.rules_off(blog)


def cmd_words(ctx: CommandContext) -> int:
    from editor.services import proofing as service

    verb = ctx.args.verb
    words = getattr(ctx.args, "words", [])
    if ctx.args.personal:
        have = read_personal_words()
        if verb == "list":
            for word in sorted(have, key=str.casefold):
                ctx.print(word)
            return 0
        cleaned = {service.clean_word(w) for w in words}
        changed = cleaned - have if verb == "add" else cleaned & have
        write_personal_words(have | cleaned if verb == "add" else have - cleaned)
        ctx.print(f"{verb}: {len(changed)} word(s) in {personal_dictionary_path()}")
        return 0
    from editor.services import blogs

    if getattr(ctx.args, "post", None) is not None:
        return _post_words(ctx, verb, words)
    with ctx.store.session() as session:
        if ctx.args.blog:
            blog = blogs.find_blog(session, ctx.args.blog)
        else:
            blog = blogs.default_blog(session)
        if verb == "list":
            for word in service.blog_words(session, blog):
                ctx.print(word)
            return 0
        if verb == "add":
            count = len(service.add_blog_words(session, blog, words))
        else:
            count = service.remove_blog_words(session, blog, words)
        name = blog.name
    ctx.print(f"{verb}: {count} word(s) in the word list of {name!r}")
    return 0


def _post_words(ctx: CommandContext, verb: str, words: list[str]) -> int:
    from editor.services import posts
    from editor.services import proofing as service

    post_id = ctx.args.post
    with ctx.store.session() as session:
        post = posts.get_post(session, post_id)  # "no post with id N" (exit 2) when missing
        if verb == "list":
            for word in service.post_words(session, post.id):
                ctx.print(word)
            return 0
        if verb == "add":
            count = len(service.add_post_words(session, post.id, words))
        else:
            count = service.remove_post_words(session, post.id, words)
    ctx.print(f"{verb}: {count} word(s) ignored in post {post_id}")
    return 0
