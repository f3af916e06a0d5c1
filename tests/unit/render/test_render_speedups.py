"""What the cold preview's speed-ups must not change: the batch's sentinel is a thematic
break, so the post's own rules (and raw <hr>) must come out as before; the language-span
pattern is left out of conversions without a "{", and back for the next one that has one."""

from __future__ import annotations

import pytest

from editor.render.body import BodyRenderer
from editor.render.markdown_ext import byline_markdown

PARAS = [f"Paragraph {i} with *emphasis* and a [link](https://example.org/{i})." for i in range(12)]


@pytest.mark.parametrize("rule", ["* * *", "---", "___", "- - -", "<hr>", "> ***"])
def test_a_posts_own_rule_survives_the_batch(rule):
    text = "\n\n".join([*PARAS[:6], rule, *PARAS[6:]]) + "\n"
    batched = BodyRenderer()
    batched.batch_min = 1
    one_by_one = BodyRenderer()
    one_by_one.batch_min = 10**9
    result = batched.render(text)
    assert result.blocks == one_by_one.render(text).blocks
    assert result.html.count("<hr>") == 1
    assert result.html.count("<p>") == 12


def test_the_language_span_works_after_a_conversion_without_braces():
    md, _ = byline_markdown()
    assert 'lang="es"' in md.convert("Dijo [buenos días]{lang=es} al llegar.")
    md.reset()
    assert md.convert("No braces at all.") == "<p>No braces at all.</p>"
    md.reset()
    assert '<span lang="pt-BR">bom dia</span>' in md.convert("E [bom dia]{lang=pt-BR}.")
