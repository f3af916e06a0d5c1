"""Python-Markdown set up for news writing, plus Byline's own syntax.

Byline adds two things to standard Markdown:

* in-article boxes, fenced by ``::: KIND ["Label"]`` and ``:::`` (KIND is ``related``, ``promo``
  or ``factbox``); each becomes an ``<aside>`` preceded by a "Skip to next paragraph" link that
  points at the element after the box;
* photos of the post, written ``![alt text](photo:ID)`` and resolved through a callback. No other
  image source is allowed: remote images are removed and reported.

A ``# heading`` in the body becomes an ``h2``: the headline is the page's only ``h1``.
"""

from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from typing import Any

import markdown
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from editor.render import lang_ext
from editor.render.fenced import take_box
from editor.render.sanitize import RESERVED_IDS, Removal, url_scheme
from editor.render.typography import smarten
from editor.render.views import PhotoView

PhotoResolver = Callable[[str], PhotoView | None]

EXTENSIONS: list[str] = [
    "smarty", "tables", "footnotes", "attr_list", "sane_lists", "abbr", "fenced_code", "toc",
    "pymdownx.tilde",
]  # fmt: skip
EXTENSION_CONFIGS: dict[str, dict[str, Any]] = {
    "toc": {"marker": ""},
    "footnotes": {"UNIQUE_IDS": False},
    "pymdownx.tilde": {"subscript": False},
}
BOX_KINDS = {"related": "Related", "promo": "Promotion", "factbox": "Fact box"}
BOX_OPEN = re.compile(r'^:::[ \t]*([a-z]+)[ \t]*(?:"([^"\n]*)")?[ \t]*$')
SKIP_TEXT = "Skip to next paragraph"


def plain_markdown() -> markdown.Markdown:
    """The same extensions without Byline's own (the benchmark's baseline)."""
    return markdown.Markdown(extensions=list(EXTENSIONS), extension_configs=EXTENSION_CONFIGS)


def _extensions() -> list[Extension]:
    """:data:`EXTENSIONS` with :data:`EXTENSION_CONFIGS`, made here: given by name, Python-
    Markdown looks each up among every installed package's entry points (all their metadata
    read, ~15-30 ms) before importing the module it names anyway."""
    from markdown.extensions.abbr import AbbrExtension
    from markdown.extensions.attr_list import AttrListExtension
    from markdown.extensions.fenced_code import FencedCodeExtension
    from markdown.extensions.footnotes import FootnoteExtension
    from markdown.extensions.sane_lists import SaneListExtension
    from markdown.extensions.tables import TableExtension
    from markdown.extensions.toc import TocExtension

    from editor.render.smart_punctuation import SmartPunctuationExtension
    from editor.render.strike import StrikeExtension

    made = {
        "smarty": SmartPunctuationExtension, "tables": TableExtension,
        "footnotes": FootnoteExtension, "attr_list": AttrListExtension,
        "sane_lists": SaneListExtension, "abbr": AbbrExtension,
        "fenced_code": FencedCodeExtension, "toc": TocExtension,
        "pymdownx.tilde": StrikeExtension,
    }  # fmt: skip
    return [made[name](**EXTENSION_CONFIGS.get(name, {})) for name in EXTENSIONS]


def byline_markdown(resolve_photo: PhotoResolver | None = None) -> tuple[markdown.Markdown, Any]:
    """A Markdown converter and the :class:`BylineExtension` whose ``removed``/``trusted``
    lists describe the last conversion."""
    ext = BylineExtension(resolve_photo)
    md = markdown.Markdown(extensions=[*_extensions(), ext], output_format="html")
    return md, ext


class BylineExtension(Extension):
    def __init__(self, resolve_photo: PhotoResolver | None) -> None:
        super().__init__()
        self.resolve_photo = resolve_photo
        self.removed: list[Removal] = []
        self.trusted: set[str] = set()

    def reset(self) -> None:
        self.removed = []
        self.trusted = set()

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.registerExtension(self)
        md.parser.blockprocessors.register(BoxProcessor(md.parser), "byline_box", 105)
        lang_ext.register(md)
        md.treeprocessors.register(PhotoProcessor(md, self), "byline_photos", 4)
        md.treeprocessors.register(PageRulesProcessor(md), "byline_page", 3)


class BoxProcessor(BlockProcessor):
    """``::: related`` ... ``:::`` -> skip link + ``<aside>``."""

    def test(self, parent: etree.Element, block: str) -> bool:
        match = BOX_OPEN.match(block.split("\n", 1)[0])
        return bool(match and match.group(1) in BOX_KINDS)

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        first = blocks.pop(0)
        head, _, rest = first.partition("\n")
        match = BOX_OPEN.match(head)
        assert match is not None
        kind, label = match.group(1), (match.group(2) or "").strip() or BOX_KINDS[match.group(1)]
        inner = take_box(rest, blocks)
        # Whitespace-blind, so where the box's text ends (blank lines) cannot change its id.
        box_text = " ".join(self._unstashed("\n\n".join([head, *inner])).split())
        digest = hashlib.sha1(box_text.encode()).hexdigest()[:8]
        skip = etree.SubElement(parent, "a", {"class": "box-skip", "data-box": f"after-{digest}"})
        skip.text = SKIP_TEXT
        aside = etree.SubElement(parent, "aside", {"class": f"box box-{kind}", "aria-label": label})
        title = etree.SubElement(aside, "p", {"class": "box-label"})
        title.text = label
        self.parser.parseChunk(aside, "\n\n".join(inner))
        return True

    def _unstashed(self, text: str) -> str:
        """``text`` with stash placeholders (their numbers depend on the rest of the document)
        replaced by what they hold, so the box id depends on the box alone."""
        stash = self.parser.md.htmlStash.rawHtmlBlocks

        def content(match: re.Match[str]) -> str:
            index = int(match.group(1))
            return str(stash[index]) if index < len(stash) else ""

        return _PLACEHOLDER.sub(content, text)


_PLACEHOLDER = re.compile(r"\x02wzxhzdk:(\d+)\x03")


class PhotoProcessor(Treeprocessor):
    """Resolves ``photo:ID`` images; removes (and reports) every other image."""

    def __init__(self, md: markdown.Markdown, ext: BylineExtension) -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, root: etree.Element) -> None:
        if next(root.iter("img"), None) is None:
            return
        for parent in list(root.iter()):
            for img in [child for child in parent if child.tag == "img"]:
                self._photo(parent, img)

    def _photo(self, parent: etree.Element, img: etree.Element) -> None:
        src = img.get("src", "").strip()
        view: PhotoView | None = None
        if url_scheme(src) == "photo":
            photo_id = src.split(":", 1)[1].strip()
            view = self.ext.resolve_photo(photo_id) if self.ext.resolve_photo else None
            if view is None:
                self.ext.removed.append(
                    Removal(f"photo {photo_id}", "no such photo in this post (not shown)")
                )
        else:
            scheme = url_scheme(src)
            if scheme in ("http", "https") or src.startswith("//"):
                what = f"remote image {src if len(src) <= 80 else src[:79] + '…'}"
                why = "remote images can track readers; add the photo to the post instead"
            else:
                what = f"{scheme}: image" if scheme else f"image {src or '(no source)'}"
                why = "images come only from the post's photos: write ![alt text](photo:ID)"
            self.ext.removed.append(Removal(what, why))
        if view is None:
            _remove(parent, img)
            return
        alt = img.get("alt") or view.alt
        title = img.get("title")
        img.attrib.pop("title", None)
        img.set("src", view.src)
        img.set("alt", alt)
        img.set("width", str(view.width))
        img.set("height", str(view.height))
        self.ext.trusted.add(view.src)
        if view.srcset:
            img.set("srcset", view.srcset)
            self.ext.trusted.add(view.srcset)
            if view.sizes:
                img.set("sizes", view.sizes)
        img.set("loading", "lazy")
        alone = (
            parent.tag == "p"
            and len(parent) == 1
            and not (parent.text or "").strip()
            and not ((img.tail or "").strip())
        )
        shown = img
        if view.webp_srcset:
            shown = _wrap_in_picture(parent, img, view)
            self.ext.trusted.add(view.webp_srcset)
        if alone:
            _make_figure(parent, shown, title or view.caption, view.credit)


def _wrap_in_picture(parent: etree.Element, img: etree.Element, view: PhotoView) -> etree.Element:
    """``<picture>`` offering the WebP renditions first, with the same ``sizes``; the ``img``
    (JPEG) stays inside as the fallback and carries alt, size and loading."""
    picture = etree.Element("picture")
    source = etree.SubElement(picture, "source", {"type": "image/webp"})
    source.set("srcset", view.webp_srcset)
    if view.sizes:
        source.set("sizes", view.sizes)
    index = list(parent).index(img)
    picture.tail, img.tail = img.tail, None
    parent.remove(img)
    picture.append(img)
    parent.insert(index, picture)
    return picture


def _make_figure(p: etree.Element, shown: etree.Element, caption: str, credit: str) -> None:
    p.tag = "figure"
    p.set("class", " ".join(filter(None, [p.get("class"), "inline-photo"])))
    shown.tail = None
    if not (caption or credit):
        return
    figcaption = etree.SubElement(p, "figcaption")
    if caption:
        span = etree.SubElement(figcaption, "span", {"class": "caption"})
        span.text = smarten(caption)  # added after smarty ran over the body's text
    if credit:
        span = etree.SubElement(figcaption, "span", {"class": "credit"})
        span.text = credit


def _remove(parent: etree.Element, child: etree.Element) -> None:
    """Remove ``child`` but keep the text that follows it."""
    tail = child.tail or ""
    index = list(parent).index(child)
    if tail:
        if index == 0:
            parent.text = (parent.text or "") + tail
        else:
            previous = parent[index - 1]
            previous.tail = (previous.tail or "") + tail
    parent.remove(child)


class PageRulesProcessor(Treeprocessor):
    """Rules the page imposes on the body: no ``h1``, no reserved ids, box skip targets."""

    def run(self, root: etree.Element) -> None:
        used: set[str | None] = set()
        reserved: list[etree.Element] = []
        for el in root.iter():
            if el.tag == "h1":
                el.tag = "h2"
            ident = el.get("id")
            if ident:
                used.add(ident)
                if ident in RESERVED_IDS:
                    reserved.append(el)
        for el in reserved:
            el.set("id", _unique(f"{el.get('id')}-1", used))
        # Boxes inside boxes too (a box left open swallows the next one).
        for parent in [p for p in root.iter() if p.find("a") is not None]:
            for el in [c for c in parent if c.tag == "a" and "data-box" in c.attrib]:
                self._skip_target(parent, el, used)

    @staticmethod
    def _skip_target(parent: etree.Element, el: etree.Element, used: set[str | None]) -> None:
        base = el.attrib.pop("data-box")
        children = list(parent)
        index = children.index(el)
        following = children[index + 2] if index + 2 < len(children) else None
        if following is None:
            following = etree.Element("div", {"class": "box-end"})
            parent.insert(index + 2, following)
        target = following.get("id")
        if not target:
            target = _unique(base, used)
            following.set("id", target)
        el.set("href", f"#{target}")


def _unique(ident: str, used: set[str | None]) -> str:
    candidate, n = ident, 1
    while candidate in used:
        n += 1
        candidate = f"{ident}-{n}"
    used.add(candidate)
    return candidate
