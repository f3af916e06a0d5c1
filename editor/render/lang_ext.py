"""Passages in another language, marked so screen readers switch voice.

``[texto]{lang=es}`` becomes ``<span lang="es">texto</span>``; a ``::: lang es`` ... ``:::`` box
becomes ``<div lang="es">``. Spelling (editor.proofing.tokens) reads the same two forms.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

import markdown
from markdown.blockprocessors import BlockProcessor
from markdown.inlinepatterns import InlineProcessor
from markdown.preprocessors import Preprocessor

from editor.render.fenced import take_box

LANG_TAG = r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*"
LANG_SPAN = rf"\[([^\]\n]+)\]\{{\s*lang=({LANG_TAG})\s*\}}"
LANG_BOX_OPEN = re.compile(rf"^:::[ \t]*lang[ \t]+({LANG_TAG})[ \t]*$")


def _tag(code: str) -> str:
    return code.replace("_", "-")


class LangSpanProcessor(InlineProcessor):
    def handleMatch(self, m: re.Match[str], data: str) -> tuple[etree.Element, int, int]:
        span = etree.Element("span", {"lang": _tag(m.group(2))})
        span.text = m.group(1)
        return span, m.start(0), m.end(0)


class LangBoxProcessor(BlockProcessor):
    def test(self, parent: etree.Element, block: str) -> bool:
        return bool(LANG_BOX_OPEN.match(block.split("\n", 1)[0]))

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        head, _, rest = blocks.pop(0).partition("\n")
        match = LANG_BOX_OPEN.match(head)
        assert match is not None
        inner = take_box(rest, blocks)
        div = etree.SubElement(parent, "div", {"lang": _tag(match.group(1))})
        self.parser.parseChunk(div, "\n\n".join(inner))
        return True


class LangSpanSwitch(Preprocessor):
    """A span needs a ``{``: a text without one (most posts, and every block the preview
    converts in a batch) is converted without the span pattern. Python-Markdown tries every
    inline pattern on every run of text, so one pattern fewer is ~5% of a conversion."""

    def __init__(self, md: markdown.Markdown, span: LangSpanProcessor) -> None:
        super().__init__(md)
        self.span = span

    def run(self, lines: list[str]) -> list[str]:
        patterns = self.md.inlinePatterns
        wanted = any("{" in line for line in lines)
        if wanted and "byline_lang" not in patterns:
            patterns.register(self.span, "byline_lang", 175)
        elif not wanted and "byline_lang" in patterns:
            patterns.deregister("byline_lang")
        return lines


def register(md: markdown.Markdown) -> None:
    span = LangSpanProcessor(LANG_SPAN, md)
    md.inlinePatterns.register(span, "byline_lang", 175)
    md.preprocessors.register(LangSpanSwitch(md, span), "byline_lang_switch", 35)
    md.parser.blockprocessors.register(LangBoxProcessor(md.parser), "byline_lang_box", 106)
