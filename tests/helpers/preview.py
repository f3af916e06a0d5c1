"""Stand-ins for the body and page renderers, so the preview can be tested on its own.

``StandInBodyRenderer`` has the shape of ``editor.render.body.BodyRenderer``: blocks split on blank
lines, each converted with Python-Markdown and cached by its source text.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from html.parser import HTMLParser

import markdown

# Qt messages QtWebEngine prints offscreen without a GPU: harmless, and not ours to fix.
WEBENGINE_NOISE = [
    r"QRhiGles2: Failed to create",
    r"Failed to create RHI for backend",
    r"GPUInfo not initialized",
    r"Unable to detect GPU vendor",
    r"This plugin does not support propagateSizeHints",
]


@dataclass(frozen=True)
class Block:
    key: str
    html: str
    nodes: int


@dataclass(frozen=True)
class Body:
    html: str
    blocks: list[Block]
    removed: list[str] = field(default_factory=list)


class _TopLevelCounter(HTMLParser):
    VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "source", "wbr"})

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.count = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if self.depth == 0:
            self.count += 1
        if tag not in self.VOID:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.VOID:
            self.depth -= 1


def count_top_level(fragment: str) -> int:
    counter = _TopLevelCounter()
    counter.feed(fragment)
    counter.close()
    return counter.count


class StandInBodyRenderer:
    def __init__(self) -> None:
        self._cache: dict[str, Block] = {}
        self._md = markdown.Markdown(extensions=["extra", "smarty", "sane_lists"])

    def _block(self, source: str) -> Block:
        block = self._cache.get(source)
        if block is None:
            self._md.reset()
            out = self._md.convert(source)
            block = Block(key=source, html=out, nodes=count_top_level(out))
            self._cache[source] = block
        return block

    def render(self, text: str) -> Body:
        sources = [s for s in text.replace("\r\n", "\n").split("\n\n") if s.strip()]
        blocks = [self._block(s) for s in sources]
        return Body(html="\n".join(b.html for b in blocks), blocks=blocks)


def stand_in_page(body: Body, mode: str = "preview", headline: str = "A headline") -> str:
    return (
        "<!doctype html><html lang=en><head><meta charset=utf-8>"
        f"<title>{html.escape(headline)}</title>"
        "<meta name=viewport content='width=device-width, initial-scale=1'>"
        "<style>body{font:18px/1.5 serif;margin:0}main{max-width:40em;margin:0 auto;"
        "padding:1em}h1{font:bold 2.2em sans-serif}</style></head><body>"
        f"<header><p class=blog>The Test Blog ({mode})</p></header><main><article>"
        f"<h1>{html.escape(headline)}</h1><p class=deck>A deck under it.</p>"
        f"<div id=article-body>{body.html}</div></article></main></body></html>"
    )


def long_post(words: int) -> str:
    """A post of about ``words`` words in paragraphs of ~50 words, with subheads."""
    sentence = "The council voted on the new budget after a long debate about the harbour. "
    paragraphs = []
    count = 0
    i = 0
    while count < words:
        if i % 10 == 0:
            paragraphs.append(f"## Part {i // 10 + 1}")
        paragraphs.append(f"Paragraph {i}. " + sentence * 4)
        count += 50
        i += 1
    return "\n\n".join(paragraphs)
