"""Which top-level elements of ``#article-body`` an edit changed, and the script that patches them.

Pure Python (no Qt) so the diff can be tested on its own. A body is a list of blocks; each block
produced ``nodes`` top-level element nodes inside ``#article-body``, in order. An edit usually
changes one block, so the patch is "remove these N elements at index I, insert this HTML there".
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol


class Block(Protocol):
    """What the preview needs of ``editor.render.body.RenderedBlock``."""

    @property
    def html(self) -> str: ...

    @property
    def nodes(self) -> int: ...


class Body(Protocol):
    """What the preview needs of ``editor.render.body.RenderedBody``."""

    @property
    def blocks(self) -> Sequence[Block]: ...


@dataclass(frozen=True)
class BlockPatch:
    """Replace ``remove`` elements starting at element index ``start`` by ``html``."""

    start: int
    remove: int
    html: str
    total: int  # element count of #article-body once patched, to check the page agrees

    @property
    def empty(self) -> bool:
        return self.remove == 0 and not self.html


def diff_blocks(old: Sequence[Block], new: Sequence[Block]) -> BlockPatch:
    """The smallest contiguous patch turning the elements of ``old`` into those of ``new``."""
    limit = min(len(old), len(new))
    prefix = 0
    while prefix < limit and old[prefix].html == new[prefix].html:
        prefix += 1
    suffix = 0
    while (
        suffix < limit - prefix
        and old[len(old) - 1 - suffix].html == new[len(new) - 1 - suffix].html
    ):
        suffix += 1
    old_mid = old[prefix : len(old) - suffix]
    new_mid = new[prefix : len(new) - suffix]
    return BlockPatch(
        start=sum(b.nodes for b in old[:prefix]),
        remove=sum(b.nodes for b in old_mid),
        html="".join(b.html for b in new_mid),
        total=sum(b.nodes for b in new),
    )


def block_start(blocks: Sequence[Block], index: int) -> int:
    """Element index in ``#article-body`` of the first element of block ``index`` (clamped)."""
    index = max(0, min(index, len(blocks) - 1))
    return sum(b.nodes for b in blocks[:index])


# Runs in QWebEngineScript.ApplicationWorld, so it works with the page's JavaScript disabled.
# Returns the element count of #article-body afterwards (-1: no body; -2: the page disagrees).
_PATCH_JS = """(function (start, remove, html, focus) {
  var body = document.getElementById('article-body');
  if (!body) { return -1; }
  var kids = body.children;
  if (start + remove > kids.length) { return -2; }
  for (var i = 0; i < remove; i++) { body.removeChild(kids[start]); }
  if (html) {
    var t = document.createElement('template');
    t.innerHTML = html;
    var frag = t.content;
    for (var n = frag.firstChild; n; ) {
      var next = n.nextSibling;
      if (n.nodeType === 3 && !n.textContent.trim()) { frag.removeChild(n); }
      n = next;
    }
    body.insertBefore(frag, kids[start] || null);
  }
  %s
  return body.children.length;
})(%s, %s, %s, %s)"""

_SCROLL_JS = """if (focus >= 0) {
    var el = body.children[Math.min(focus, body.children.length - 1)];
    if (el) {
      var r = el.getBoundingClientRect();
      if (r.bottom < 0 || r.top > window.innerHeight) {
        el.scrollIntoView({block: 'center'});
      }
    }
  }"""


def patch_script(patch: BlockPatch, focus: int | None = None) -> str:
    """JavaScript applying ``patch``, then scrolling element ``focus`` into view if off screen."""
    return _PATCH_JS % (
        _SCROLL_JS,
        patch.start,
        patch.remove,
        json.dumps(patch.html),
        -1 if focus is None else int(focus),
    )


def scroll_script(focus: int) -> str:
    """JavaScript scrolling element ``focus`` of ``#article-body`` into view if it is off screen."""
    return _PATCH_JS % (_SCROLL_JS, 0, 0, json.dumps(""), int(focus))
