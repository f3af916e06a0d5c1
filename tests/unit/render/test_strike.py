"""Byline's ``~~strike~~`` gives exactly ``pymdownx.tilde``'s HTML (as Byline configures it,
without subscript): the same converter built once with each."""

from __future__ import annotations

import markdown
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pymdownx.tilde import DeleteSubExtension

from bench.bench_render import article
from editor.render import markdown_ext
from editor.render.strike import StrikeExtension


def _converter(strike: type) -> markdown.Markdown:
    extensions = [strike(subscript=False) if isinstance(e, StrikeExtension) else e
                  for e in markdown_ext._extensions()]  # fmt: skip
    assert any(isinstance(e, strike) for e in extensions)
    return markdown.Markdown(extensions=[*extensions, markdown_ext.BylineExtension(None)])


TILDE = _converter(DeleteSubExtension)
OURS = _converter(StrikeExtension)

PIECES = st.sampled_from(
    ["~", "~~", "~~~", "~~~~", " ", "\n", "\n\n", "word", "a", ".", ",", "!", "*", "**", "_",
     "__", "\\~", "`~~x~~`", "[l](https://e.org/~x~)", "<del>", "</del>", "'", '"', "--",
     "# ", "> ", "- ", "1. ", "{: .c}", "[^1]", "\n\n[^1]: ~~n~~", "&amp;", "x~~y", "~~ ",
     " ~~", "~~~\ncode\n~~~", "    ", "|", "\n|---|---|\n"]
)  # fmt: skip


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, max_size=40).map("".join))
def test_any_text_comes_out_as_pymdownx_tilde_makes_it(text):
    TILDE.reset()
    OURS.reset()
    assert OURS.convert(text) == TILDE.convert(text)


@pytest.mark.parametrize("seed", range(3))
def test_articles_with_struck_words_come_out_the_same(seed):
    text = article(2000, seed).replace(" the ", " ~~the~~ ").replace(" of ", " ~~of ~~a~~ b~~ ")
    TILDE.reset()
    OURS.reset()
    ours = OURS.convert(text)
    assert "<del>" in ours
    assert ours == TILDE.convert(text)


def test_the_strike_does_not_import_urllib_request():
    import subprocess
    import sys

    code = ("import sys; from editor.render.markdown_ext import byline_markdown\n"
            "md, _ = byline_markdown(); assert '<del>' in md.convert('~~x~~')\n"
            "print('urllib.request' in sys.modules, 'pymdownx.tilde' in sys.modules)")  # fmt: skip
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_subscript_is_refused_rather_than_ignored():
    with pytest.raises(ValueError, match="subscript"):
        StrikeExtension(subscript=True)
