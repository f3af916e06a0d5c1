"""The proofreader: spelling in each passage's language, the word lists, then house style."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from editor.proofing import dictionaries, style
from editor.proofing.engine import EngineUnavailable, SpellEngine, load_engine
from editor.proofing.problems import SPELLING, Problem
from editor.proofing.tokens import (
    DEFAULT_OPTIONS,
    Lines,
    TokenOptions,
    language_at,
    language_regions,
    lookup_form,
    words,
)


class Languages:
    """Spelling engines by language, each loaded on first use (~0.15 s, a few MB each)."""

    def __init__(
        self,
        available: dict[str, dictionaries.DictionaryFile] | None = None,
        prefer: str | None = None,
    ) -> None:
        self._available = available
        self._prefer = prefer
        self._engines: dict[str, SpellEngine | None] = {}
        self._lock = threading.Lock()

    @property
    def available(self) -> dict[str, dictionaries.DictionaryFile]:
        if self._available is None:
            self._available = dictionaries.discover()
        return self._available

    def dictionary_for(self, language: str) -> dictionaries.DictionaryFile | None:
        return dictionaries.find(language, self.available) if language else None

    def engine(self, language: str) -> SpellEngine | None:
        if language in self._engines:
            return self._engines[language]
        with self._lock:
            if language not in self._engines:
                found = self.dictionary_for(language)
                engine: SpellEngine | None = None
                if found is not None:
                    try:
                        engine = load_engine(found.dic, self._prefer)
                    except EngineUnavailable:
                        engine = None
                self._engines[language] = engine
        return self._engines[language]

    def loaded(self) -> list[str]:
        return [lang for lang, engine in self._engines.items() if engine is not None]


@cache
def shared_languages() -> Languages:
    """One set of loaded dictionaries per process, for callers with no composition root of
    their own (the publish checklist); the window passes its own in."""
    return Languages()


@dataclass
class WordLists:
    """Words accepted on top of the dictionary: the writer's, the blog's, this post's."""

    personal: set[str] = field(default_factory=set)
    blog: set[str] = field(default_factory=set)
    ignored: set[str] = field(default_factory=set)

    def key(self) -> tuple[int, ...]:
        """Changes when a list is replaced or a word is added or removed."""
        lists = (self.blog, self.personal, self.ignored)
        return tuple(n for s in lists for n in (id(s), len(s)))

    def accepts(self, word: str) -> bool:
        for words_ in (self.blog, self.personal, self.ignored):
            # A word listed in lower case accepts any capitalisation; "Humala" only itself.
            if word in words_ or word.lower() in words_:
                return True
        return False


@dataclass
class PhotoText:
    label: str  # "photo 2" / "lead photo"
    caption: str = ""
    alt: str = ""
    credit: str = ""


@dataclass
class PostText:
    """The checkable parts of a post, whether stored, in a file or in the window."""

    headline: str = ""
    deck: str = ""
    body: str = ""
    language: str = "en"
    photos: list[PhotoText] = field(default_factory=list)


class Proofreader:
    """Checks text. Thread-safe: the window checks long posts in a worker thread while the
    highlighter asks about single paragraphs on the GUI thread (one lock around the engines,
    which are not re-entrant)."""

    def __init__(
        self,
        languages: Languages | None = None,
        word_lists: WordLists | None = None,
        options: TokenOptions = DEFAULT_OPTIONS,
        rules_off: Iterable[str] = (),
    ) -> None:
        self.languages = languages or Languages()
        self.word_lists = word_lists or WordLists()
        self.options = options
        self.rules_off = frozenset(rules_off)
        self.missing: set[str] = set()
        self._cache: dict[tuple[str, str], bool] = {}  # what the engine said
        # What check_word answers, by language then word (word lists included): one dict
        # lookup per word of a long post. Dropped whenever a word list changes.
        self._verdicts: dict[str, dict[str, bool]] = {}
        self._lists_key: tuple[int, ...] = ()
        self._lock = threading.Lock()

    # words
    def _verdicts_for(self, language: str) -> dict[str, bool]:
        key = self.word_lists.key()
        if key != self._lists_key:
            self._verdicts, self._lists_key = {}, key
        found = self._verdicts.get(language)
        if found is None:
            found = self._verdicts[language] = {}
        return found

    def known(self, word: str, language: str) -> bool | None:
        """From the caches only: True/False, or None when the engine has not been asked yet."""
        verdict = self._verdicts_for(language).get(word)
        if verdict is not None:
            return verdict
        if self.word_lists.accepts(word):
            return True
        return self._cache.get((language, word))

    def check_word(self, word: str, language: str) -> bool:
        verdict = self._verdicts_for(language).get(word)
        return self._decide(word, language) if verdict is None else verdict

    def _decide(self, word: str, language: str) -> bool:
        verdict = self.word_lists.accepts(word) or self._engine_check(word, language)
        self._verdicts_for(language)[word] = verdict
        return verdict

    def _engine_check(self, word: str, language: str) -> bool:
        key = (language, word)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        engine = self.languages.engine(language)
        if engine is None:
            self.missing.add(language)
            return True
        form = lookup_form(word)
        with self._lock:
            good = engine.check(form)
        self._cache[key] = good
        return good

    def suggest(self, word: str, language: str) -> list[str]:
        engine = self.languages.engine(language)
        if engine is None:
            return []
        with self._lock:
            return engine.suggest(lookup_form(word))

    # text
    def misspelt(
        self, text: str, language: str, regions: list[tuple[int, int, str]] | None = None
    ) -> list[tuple[int, int, str, str]]:
        """``(start, end, word, language)`` of each unknown word of ``text``."""
        if regions is None:
            regions = language_regions(text)
        bad = []
        check = self.check_word
        for start, end, word in words(text, self.options):
            lang = language_at(regions, start, language) if regions else language
            if not check(word, lang):
                bad.append((start, end, word, lang))
        return bad

    def check_text(
        self,
        field_name: str,
        text: str,
        language: str,
        *,
        markdown: bool = True,
        suggestions: bool = False,
    ) -> list[Problem]:
        found: list[Problem] = []
        regions = language_regions(text) if markdown else []
        tokens = words(text, self.options)
        check = self.check_word
        verdicts = self._verdicts_for(language)
        good: bool | None
        for start, end, word in tokens:
            if regions:
                lang = language_at(regions, start, language)
                good = check(word, lang)
            else:
                lang = language
                good = verdicts.get(word)
                if good is None:
                    good = verdicts[word] = self.word_lists.accepts(word) or self._engine_check(
                        word, lang
                    )
            if not good:
                found.append(
                    Problem(field_name, start, end, word, SPELLING,
                            f"“{word}” is not in the {lang} dictionary", language=lang,
                            suggestions=self.suggest(word, lang) if suggestions else [])
                )  # fmt: skip
        if field_name in ("headline", "deck"):
            found.extend(style.plain_field_checks(field_name, text))
        if markdown:
            found.extend(style.body_checks(text, tokens, field_name))
        found = [p for p in found if p.rule not in self.rules_off]
        if found:
            lines = Lines(text)
            for problem in found:
                problem.line, problem.column = lines.position(problem.start)
        found.sort(key=lambda p: (p.start, p.rule))
        return found

    def check_post(self, post: PostText, *, suggestions: bool = False) -> list[Problem]:
        lang = post.language
        problems = self.check_text("headline", post.headline, lang, markdown=False,
                                   suggestions=suggestions)  # fmt: skip
        problems += self.check_text("deck", post.deck, lang, markdown=False,
                                    suggestions=suggestions)  # fmt: skip
        problems += self.check_text("body", post.body, lang, suggestions=suggestions)
        for photo in post.photos:
            for part, text in (("caption", photo.caption), ("alt", photo.alt)):
                if text.strip():
                    label = f"{photo.label} {part}"
                    problems += self.check_text(
                        label, text, lang, markdown=False, suggestions=suggestions
                    )
            problems += [
                p for p in style.photo_checks(photo.label, photo.alt, photo.credit)
                if p.rule not in self.rules_off
            ]  # fmt: skip
        return problems


def personal_dictionary_path() -> Path:
    """The writer's own words, one a line (``Add to my dictionary``)."""
    return dictionaries.user_data_dir() / "personal-dictionary.txt"


def read_personal_words(path: Path | None = None) -> set[str]:
    path = path or personal_dictionary_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return set()
    return {line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")}


def write_personal_words(words_: Iterable[str], path: Path | None = None) -> None:
    path = path or personal_dictionary_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    body = "".join(f"{w}\n" for w in sorted(set(words_), key=str.casefold))
    temporary = path.with_suffix(".tmp")
    temporary.write_text(body, encoding="utf-8")
    temporary.replace(path)
