"""House-style checks: the slips an editor would catch, each with an id, a message and a fix.

A blog can switch any of them off (``byline blog set NAME style_off=long-sentence,...``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from editor.proofing.problems import Problem

RULES: dict[str, str] = {
    "repeated-word": "a word twice in a row",
    "double-space": "two spaces between words",
    "straight-quotes": "straight quotes or -- in the headline or deck",
    "headline-length": "a headline over 70 characters",
    "deck-length": "a deck over 200 characters",
    "long-sentence": "a sentence over 40 words",
    "click-here": 'a link whose text is "here" or "click here"',
    "http-link": "an http:// link (not https)",
    "photo-alt": "a photo without alt text",
    "photo-credit": "a photo without a credit, or a credit naming nobody",
}
BODY_RULES = frozenset(
    {"repeated-word", "double-space", "long-sentence", "click-here", "http-link", "photo-alt"}
)
HEADLINE_MAX = 70
DECK_MAX = 200
SENTENCE_MAX = 40
_HERE = (
    r"here|click here|this link|aquí|aqui|haz clic aquí|clic aquí|pincha aquí|"
    r"clique aqui|aqui|ici|cliquez ici"
)
_CLICK_HERE = re.compile(rf"\[(?P<text>\s*(?:{_HERE})\s*)\]\(", re.IGNORECASE)
_HTTP = re.compile(r"(?:\]\(|<|^|\s)(?P<url>http://[^\s)>\]]+)", re.MULTILINE)
_DOUBLE_SPACE = re.compile(r"(?<=\S)( {2,})(?=\S)")
_SENTENCE_END = re.compile(r"[.!?…]+[\"”’»)]*(?=\s|$)|\n[ \t]*\n|\n(?=[ \t]*(?:[#>*+-]|\d+\.)\s)")
_EMPTY_ALT = re.compile(r"!\[\s*\]\((?P<target>[^)\s]+)\)")
AGENCIES = (
    "AP", "AFP", "EFE", "Reuters", "Getty", "EPA", "dpa", "ANSA", "Xinhua", "Andina", "Télam",
    "Notimex", "Agência Brasil", "Europa Press", "Bloomberg", "Shutterstock", "Unsplash",
)  # fmt: skip
_NAMED = re.compile(r"[A-ZÁÉÍÓÚÑÇÂÊÔÃÕ][\w'’.-]+\s+[A-ZÁÉÍÓÚÑÇÂÊÔÃÕ][\w'’.-]+")


def plain_field_checks(field: str, text: str) -> Iterator[Problem]:
    """Headline and deck: the page curls their quotes, but a CMS receives them as typed."""
    limit = HEADLINE_MAX if field == "headline" else DECK_MAX
    rule = "headline-length" if field == "headline" else "deck-length"
    if field in ("headline", "deck") and len(text) > limit:
        yield Problem(
            field, limit, len(text), text[limit:], rule,
            f"{field} is {len(text)} characters (house style: at most {limit})",
        )  # fmt: skip
    if field not in ("headline", "deck"):
        return
    for match in re.finditer(r"--|\"|(?<!\w)'|'(?!\w)|(?<=\w)'(?=\w)", text):
        mark = match.group()
        yield Problem(
            field, match.start(), match.end(), mark, "straight-quotes",
            f"{'--' if mark == '--' else 'straight quote ' + mark} in the {field}: "
            f"a CMS gets it as typed (use {_typographic(text, match.start(), mark)})",
            fix=_typographic(text, match.start(), mark),
        )  # fmt: skip


def _typographic(text: str, at: int, mark: str) -> str:
    if mark == "--":
        return "—"
    before = text[at - 1] if at else " "
    opening = before.isspace() or before in "([{—–"
    if mark == '"':
        return "“" if opening else "”"
    return "‘" if opening else "’"


def body_checks(
    text: str, words: list[tuple[int, int, str]], field: str = "body"
) -> Iterator[Problem]:
    yield from _repeated(text, words, field)
    for match in _DOUBLE_SPACE.finditer(text):
        yield Problem(field, match.start(1), match.end(1), match.group(1), "double-space",
                      "two spaces between words", fix=" ")  # fmt: skip
    yield from _long_sentences(text, words, field)
    for match in _CLICK_HERE.finditer(text):
        yield Problem(
            field, match.start("text"), match.end("text"), match.group("text"), "click-here",
            "link text says where to click, not where it goes: name the page instead",
        )  # fmt: skip
    for match in _HTTP.finditer(text):
        url = match.group("url")
        yield Problem(field, match.start("url"), match.end("url"), url, "http-link",
                      "an http:// link: use https:// if the site has it",
                      fix="https://" + url[len("http://"):])  # fmt: skip
    for match in _EMPTY_ALT.finditer(text):
        yield Problem(
            field,
            match.start(),
            match.end(),
            match.group(),
            "photo-alt",
            "an image without alt text: describe it for readers who cannot see it",
        )


def _repeated(text: str, words: list[tuple[int, int, str]], field: str) -> Iterator[Problem]:
    before_end, before = -1, ""
    for start, end, word in words:
        if len(word) == len(before) and word.lower() == before.lower():
            between = text[before_end:start]
            if between.isspace() and "\n\n" not in between and not word.isdigit():
                yield Problem(field, before_end, end, word, "repeated-word",
                              f"“{word}” twice in a row", fix="")  # fmt: skip
        before_end, before = end, word


def _long_sentences(text: str, words: list[tuple[int, int, str]], field: str) -> Iterator[Problem]:
    if len(words) <= SENTENCE_MAX:
        return
    starts = [w[0] for w in words]
    first = 0
    for bound in [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text) + 1]:
        last = bisect_left(starts, bound, first)
        if last - first > SENTENCE_MAX:
            yield Problem(
                field, words[first][0], words[last - 1][1], words[first][2], "long-sentence",
                f"a sentence of {last - first} words (house style: at most {SENTENCE_MAX})",
            )  # fmt: skip
        first = last


def photo_checks(label: str, alt: str, credit: str) -> Iterator[Problem]:
    if not alt.strip():
        yield Problem(
            f"{label} alt",
            0,
            0,
            "",
            "photo-alt",
            "no alt text: describe the photo for readers who cannot see it",
        )
    if not credit.strip():
        yield Problem(f"{label} credit", 0, 0, "", "photo-credit", "no credit")
    elif not credit_names_someone(credit):
        yield Problem(
            f"{label} credit",
            0,
            len(credit),
            credit,
            "photo-credit",
            "the credit names no photographer or agency (e.g. “Ana Pérez / AFP”)",
        )


def credit_names_someone(credit: str) -> bool:
    """A photographer ("Ana Pérez"), an agency ("AFP", "Reuters") or both ("Ana Pérez / EFE")."""
    if "/" in credit or _NAMED.search(credit):
        return True
    lowered = credit.lower()
    return any(re.search(rf"\b{re.escape(a.lower())}\b", lowered) for a in AGENCIES)
