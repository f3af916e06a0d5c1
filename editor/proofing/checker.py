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
    find_words,
    has_marks,
    is_checked,
    language_at,
    language_regions,
    lookup_form,
    prose_of,
    word_texts,
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
        """From the cache only: True/False, or None when the engine has not been asked yet."""
        return self._verdicts_for(language).get(word)

    def check_word(self, word: str, language: str) -> bool:
        verdicts = self._verdicts_for(language)
        verdict = verdicts.get(word)
        if verdict is None:
            self._decide([word], language, verdicts)
            verdict = verdicts[word]
        return verdict

    def _decide(self, new: Iterable[str], language: str, verdicts: dict[str, bool]) -> None:
        """Ask the word lists, then the engine, about words not yet in ``verdicts``."""
        engine = self.languages.engine(language)
        if engine is None:
            self.missing.add(language)
        lists = self.word_lists
        accepted = lists.blog | lists.personal | lists.ignored
        any_case = {w for w in accepted if w.islower()}
        options, lock = self.options, self._lock
        for word in new:
            if (
                not is_checked(word, options)
                or word in accepted
                or word.lower() in any_case
                or engine is None
            ):
                verdicts[word] = True
            else:
                form = lookup_form(word)
                with lock:  # per word: a GUI-thread check never waits for a whole batch
                    verdicts[word] = engine.check(form)

    def suggest(self, word: str, language: str) -> list[str]:
        engine = self.languages.engine(language)
        if engine is None:
            return []
        with self._lock:
            return engine.suggest(lookup_form(word))

    # text
    def misspelt(
        self,
        text: str,
        language: str,
        regions: list[tuple[int, int, str]] | None = None,
        tokens: list[tuple[int, int, str]] | None = None,
    ) -> list[tuple[int, int, str, str]]:
        """``(start, end, word, language)`` of each unknown word of ``text``."""
        if regions is None:
            regions = language_regions(text)
        if tokens is None and not regions:
            prose = prose_of(text)
            if not has_marks(prose):  # the quick way: words first, offsets of the bad only
                verdicts = self._verdicts_for(language)
                texts = set(word_texts(prose))
                self._decide({w for w in texts if w not in verdicts}, language, verdicts)
                bad = {w for w in texts if not verdicts[w]}
                return [(s, e, w, language) for s, e, w in find_words(prose, bad)]
            tokens = words(text, prose)
        if tokens is None:
            tokens = words(text)
        if regions:
            check = self.check_word
            return [
                (start, end, word, lang)
                for start, end, word in tokens
                if not check(word, lang := language_at(regions, start, language))
            ]
        # The common case, in comprehensions: a 20,000-word body in one pass.
        verdicts = self._verdicts_for(language)
        self._decide({w for _, _, w in tokens if w not in verdicts}, language, verdicts)
        return [(s, e, w, language) for s, e, w in tokens if not verdicts[w]]

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
        need_tokens = markdown and not self.rules_off.issuperset(style.BODY_RULES)
        tokens = words(text) if need_tokens else None
        bad = self.misspelt(text, language, regions, tokens)
        for start, end, word, lang in bad:
            found.append(
                Problem(field_name, start, end, word, SPELLING,
                        f"“{word}” is not in the {lang} dictionary", language=lang,
                        suggestions=self.suggest(word, lang) if suggestions else [])
            )  # fmt: skip
        if field_name in ("headline", "deck"):
            found.extend(style.plain_field_checks(field_name, text))
        if tokens is not None:
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
