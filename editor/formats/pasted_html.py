"""Rich text pasted into the body (from a browser, a word processor or the preview) as Markdown.

The body is Markdown, so a paste keeps what the writer can see and Markdown can say: paragraphs,
subheads, bold, italic, links, lists, quotes, code. Everything else (colours, fonts, images,
scripts, layout tables' styling) is dropped. Images are dropped on purpose: photos enter a post
through the Photos panel, where they get a caption, credit and alt text.
"""

from __future__ import annotations

import re
from typing import Any

from markdownify import MarkdownConverter

_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(bold|[6-9]00)", re.IGNORECASE)
_NORMAL_WEIGHT = re.compile(r"font-weight\s*:\s*(normal|[1-4]00)", re.IGNORECASE)
_ITALIC_STYLE = re.compile(r"font-style\s*:\s*italic", re.IGNORECASE)
_BLANK_LINES = re.compile(r"\n{3,}")
_TRAILING_SPACE = re.compile(r"[ \t]+\n")


class _PasteConverter(MarkdownConverter):
    """Byline's house style (``**bold**``, ``_italic_``, ``-`` bullets, ``##`` subheads), and
    the inline styles word processors use instead of ``<b>``/``<i>`` (Google Docs wraps a whole
    copied document in ``<b style="font-weight:normal">``)."""

    def convert_em(self, el: Any, text: str, parent_tags: set[str]) -> str:
        return _inline("_", text, parent_tags)

    convert_i = convert_em

    def convert_b(self, el: Any, text: str, parent_tags: set[str]) -> str:
        if _NORMAL_WEIGHT.search(el.get("style", "")):
            return text
        return _inline("**", text, parent_tags)

    convert_strong = convert_b

    def convert_span(self, el: Any, text: str, parent_tags: set[str]) -> str:
        style = el.get("style", "")
        if _ITALIC_STYLE.search(style):
            text = _inline("_", text, parent_tags)
        if _BOLD_STYLE.search(style):
            text = _inline("**", text, parent_tags)
        return text


def _inline(marker: str, text: str, parent_tags: set[str]) -> str:
    """``text`` wrapped in ``marker``, its outer spaces left outside (``** a**`` is not bold)."""
    core = text.strip()
    if "_noformat" in parent_tags or not core:  # inside code, or nothing to mark
        return text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    return f"{lead}{marker}{core}{marker}{trail}"


def html_to_markdown(html: str) -> str:
    """The Markdown for a pasted HTML fragment (no leading or trailing blank lines)."""
    converter = _PasteConverter(
        heading_style="ATX",
        bullets="-",
        strong_em_symbol="*",
        strip=["img", "picture", "video", "audio", "iframe"],
        escape_underscores=False,  # snake_case stays readable; Markdown leaves it alone
        escape_asterisks=True,
    )
    text = converter.convert(html)
    text = text.replace("\u00a0", " ").replace("\r\n", "\n")
    text = _TRAILING_SPACE.sub("\n", text)
    return _BLANK_LINES.sub("\n\n", text).strip("\n")  # inline spaces are the writer's


def plain_text(text: str) -> str:
    """A plain-text paste, tidied: Windows line ends and no-break spaces become ordinary ones."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
