"""Proofing against the store: a blog's word list, a stored post's text, its check."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from editor.errors import InputError
from editor.model import Blog, BlogWord, Post, PostWord
from editor.proofing.checker import (
    Languages,
    PhotoText,
    PostText,
    Proofreader,
    WordLists,
    read_personal_words,
)
from editor.proofing.problems import Problem
from editor.proofing.tokens import DEFAULT_OPTIONS, TokenOptions
from editor.services import photos as photo_service

MAX_WORD = 200


def blog_words(session: Session, blog: Blog) -> list[str]:
    rows = session.scalars(select(BlogWord.word).where(BlogWord.blog_id == blog.id))
    return sorted(rows, key=str.casefold)


def clean_word(word: str) -> str:
    text = word.strip()
    if not text or any(c.isspace() for c in text):
        raise InputError(f"word: {word!r} must be one word, without spaces.")
    if len(text) > MAX_WORD:
        raise InputError(f"word: longer than {MAX_WORD} characters.")
    return text


def add_blog_words(session: Session, blog: Blog, words: Iterable[str]) -> list[str]:
    """Add words to the blog's list; returns those that were new."""
    have = set(blog_words(session, blog))
    added = []
    for word in words:
        text = clean_word(word)
        if text not in have:
            session.add(BlogWord(blog_id=blog.id, word=text))
            have.add(text)
            added.append(text)
    session.flush()
    return added


def remove_blog_words(session: Session, blog: Blog, words: Iterable[str]) -> int:
    wanted = [w.strip() for w in words]
    result = session.execute(
        delete(BlogWord).where(BlogWord.blog_id == blog.id, BlogWord.word.in_(wanted))
    )
    return int(getattr(result, "rowcount", 0) or 0)


def post_words(session: Session, post_id: int) -> list[str]:
    """The words spelling ignores in this post only ("Ignore in this post")."""
    rows = session.scalars(select(PostWord.word).where(PostWord.post_id == post_id))
    return sorted(rows, key=str.casefold)


def add_post_words(session: Session, post_id: int, words: Iterable[str]) -> list[str]:
    """Ignore words in one post; returns those that were new."""
    have = set(post_words(session, post_id))
    added = []
    for word in words:
        text = clean_word(word)
        if text not in have:
            session.add(PostWord(post_id=post_id, word=text))
            have.add(text)
            added.append(text)
    session.flush()
    return added


def take_post_words(session: Session, post_id: int, data: Any) -> list[str]:
    """Add the ``ignored_words`` a bundle or review package carries in its post.json (a list
    of single words; anything else in it is left out): ignoring a word never un-ignores."""
    words = data.get("ignored_words") if isinstance(data, dict) else None
    if not isinstance(words, list):
        return []
    usable = [w for w in words if isinstance(w, str) and w.strip() and len(w) <= MAX_WORD
              and not any(c.isspace() for c in w.strip())]  # fmt: skip
    return add_post_words(session, post_id, usable)


def remove_post_words(session: Session, post_id: int, words: Iterable[str]) -> int:
    wanted = [w.strip() for w in words]
    result = session.execute(
        delete(PostWord).where(PostWord.post_id == post_id, PostWord.word.in_(wanted))
    )
    return int(getattr(result, "rowcount", 0) or 0)


def post_language(post: Post) -> str:
    return post.language or post.blog.language or "en"


def post_text(session: Session, post: Post) -> PostText:
    photos = []
    for number, photo in enumerate(photo_service.list_photos(session, post.id), start=1):
        label = "lead photo" if photo.role == "lead" else f"photo {number}"
        photos.append(PhotoText(label, photo.caption, photo.alt, photo.credit))
    return PostText(
        headline=post.headline,
        deck=post.deck,
        body=post.body,
        language=post_language(post),
        photos=photos,
    )


def rules_off(blog: Blog) -> list[str]:
    return [r for r in (blog.style_off or "").split(",") if r]


def proofreader_for(
    session: Session,
    blog: Blog,
    *,
    languages: Languages | None = None,
    personal: set[str] | None = None,
    options: TokenOptions = DEFAULT_OPTIONS,
    post: Post | None = None,
) -> Proofreader:
    lists = WordLists(
        personal=read_personal_words() if personal is None else personal,
        blog=set(blog_words(session, blog)),
        ignored=set() if post is None else set(post_words(session, post.id)),
    )
    return Proofreader(languages, lists, options, rules_off(blog))


def check_stored_post(
    session: Session,
    post: Post,
    *,
    language: str | None = None,
    languages: Languages | None = None,
    suggestions: bool = True,
    options: TokenOptions = DEFAULT_OPTIONS,
) -> tuple[list[Problem], Proofreader]:
    text = post_text(session, post)
    if language:
        text.language = language
    reader = proofreader_for(session, post.blog, languages=languages, options=options, post=post)
    return reader.check_post(text, suggestions=suggestions), reader
