"""Byline's cheap smarty pass gives exactly smarty's HTML: the same converter built once with
Python-Markdown's own ``smarty`` and once with :mod:`editor.render.smart_punctuation`."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown.extensions.smarty import SmartyExtension

from bench.bench_render import article
from editor.render import markdown_ext
from editor.render.smart_punctuation import SmartPunctuationExtension

ROOT = Path(__file__).resolve().parents[3]


def _converter(smarty: type[SmartyExtension]) -> markdown.Markdown:
    extensions = [smarty() if isinstance(e, SmartyExtension) else e
                  for e in markdown_ext._extensions()]  # fmt: skip
    assert any(isinstance(e, smarty) for e in extensions)
    return markdown.Markdown(extensions=[*extensions, markdown_ext.BylineExtension(None)])


SMARTY = _converter(SmartyExtension)
OURS = _converter(SmartPunctuationExtension)


def _both(text: str) -> tuple[str, str]:
    SMARTY.reset()
    OURS.reset()
    return SMARTY.convert(text), OURS.convert(text)


# Quotes, dashes and dots next to everything their patterns look at: spaces, words, digits,
# punctuation, entities, escapes, code, links, emphasis, headings (toc ids), footnotes, boxes.
PIECES = st.sampled_from(
    ["'", '"', "''", '""', "'\"", "\"'", "--", "---", "----", "...", "....", ".", "-", " ",
     "  ", "\n", "\n\n", "word", "it's", "'80s", "rock 'n' roll", "x", "1", "99", "s", "s ",
     "(", ")", "[", "]", "{", "}", ",", ";", "!", "?", "&nbsp;", "&mdash;", "&#8211;", "–",
     "—", "\\'", '\\"', "\\-", "`'code'`", "*", "**", "_", "[a 'b'](https://e.org/'x')",
     "<b>'", "</b>", "# ", "## ", "> ", "- ", "1. ", "[^1]", "\n\n[^1]: '", "::: factbox\n",
     "\n:::\n", "{: .c}", "*[HTML]: 'Hyper'", "HTML", "~~", "|", "\n|---|---|\n", "    "]
)  # fmt: skip


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, max_size=40).map("".join))
def test_any_text_comes_out_as_smarty_makes_it(text):
    ours, theirs = _both(text)[::-1]
    assert ours == theirs


@pytest.mark.parametrize("seed", range(4))
def test_whole_articles_come_out_as_smarty_makes_them(seed):
    smarty, ours = _both(article(3000, seed))
    assert "&rdquo;" in ours and "&ndash;" in ours  # the article has quotes and dashes
    assert ours == smarty


@pytest.mark.parametrize("name", ["README.md", "docs"])
def test_the_projects_own_documents_come_out_as_smarty_makes_them(name):
    paths = [ROOT / name] if name.endswith(".md") else sorted((ROOT / name).glob("*.md"))
    assert paths
    for path in paths:
        smarty, ours = _both(path.read_text(encoding="utf-8"))
        assert ours == smarty, path


def test_every_smarty_pattern_has_its_needle():
    """A pattern missing from NEEDLES still works (it searches every text), only slower: a
    Python-Markdown upgrade that changes smarty's patterns shows up here."""
    from editor.render.smart_punctuation import NEEDLES

    smarty = markdown.Markdown(extensions=["smarty"]).treeprocessors["smarty"]
    patterns = [p.compiled_re.pattern for p in smarty.inlinePatterns]  # type: ignore[attr-defined]
    assert len(patterns) == 18
    assert set(patterns) == set(NEEDLES)
