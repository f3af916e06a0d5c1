"""Python-Markdown's ``smarty`` (curly quotes, dashes, ellipses) without its cost.

smarty runs a second whole inline pass over every text of the document: its 18 patterns are
tried one by one through Python-Markdown's general-purpose ``InlineProcessor``, which doubled
the time of a conversion (~60 of ~125 ms for 20,000 words), nearly all of it spent on texts
none of the patterns matches. :class:`SmartPunctuation` takes smarty's place with smarty's own
patterns, in smarty's order, and applies them as that pass does: each pattern left to right,
every substitution hidden behind a placeholder that later patterns cannot match, the entity
kept in Markdown's HTML stash. It only skips, with one search, a text no pattern matches, and
the general machinery (ancestor lists, element stashes) that smarty's string results never
use. The output is byte-identical to smarty's (``tests/unit/render/test_smart_punctuation.py``).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections import deque
from typing import TYPE_CHECKING

from markdown.extensions import smarty
from markdown.extensions.smarty import SmartyExtension, SubstituteTextPattern
from markdown.treeprocessors import Treeprocessor
from markdown.util import INLINE_PLACEHOLDER, INLINE_PLACEHOLDER_RE, AtomicString

if TYPE_CHECKING:
    from markdown import Markdown


class SmartPunctuationExtension(SmartyExtension):
    """``smarty`` with the same options, its pass done by :class:`SmartPunctuation`."""

    def extendMarkdown(self, md: Markdown) -> None:
        super().extendMarkdown(md)  # smarty's patterns, its ESCAPED_CHARS and its step, ...
        patterns: list[SubstituteTextPattern] = list(self.inlinePatterns)
        # ... that step replaced by ours, under the same name and priority
        md.treeprocessors.register(SmartPunctuation(md, patterns), "smarty", 6)


# What a match of each smarty pattern always contains: a text without it is not searched with
# that pattern (an unknown pattern, such as the angled quotes smarty can add, always is).
NEEDLES = {
    r"(?<!-)---(?!-)": "---",
    r"(?<!-)--(?!-)": "--",
    r"(?<!\.)\.{3}(?!\.)": "...",
    smarty.singleQuoteStartRe: "'",
    smarty.doubleQuoteStartRe: '"',
    smarty.doubleQuoteSetsRe: "\"'",
    smarty.singleQuoteSetsRe: "'\"",
    smarty.doubleQuoteSetsRe2: "'\"",
    smarty.singleQuoteSetsRe2: "\"'",
    smarty.decadeAbbrRe: "'",
    smarty.openingSingleQuotesRegex: "'",
    smarty.closingSingleQuotesRegex: "'",
    smarty.closingSingleQuotesRegex2: "'",
    smarty.remainingSingleQuotesRegex: "'",
    smarty.openingDoubleQuotesRegex: '"',
    smarty.closingDoubleQuotesRegex: '"',
    smarty.closingDoubleQuotesRegex2: '"',
    smarty.remainingDoubleQuotesRegex: '"',
}


class SmartPunctuation(Treeprocessor):
    def __init__(self, md: Markdown, patterns: list[SubstituteTextPattern]) -> None:
        super().__init__(md)
        self.patterns = [(NEEDLES.get(p.compiled_re.pattern, ""), p.compiled_re, p)
                         for p in patterns]  # fmt: skip

    def run(self, root: etree.Element) -> None:
        # The elements in the order smarty's InlineProcessor visits them (breadth first), so
        # even the stash fills in the same order.
        queue = deque([root])
        while queue:
            for child in queue.popleft():
                if child.text and not isinstance(child.text, AtomicString):
                    child.text = self.educate(child.text)
                if child.tail and not isinstance(child.tail, AtomicString):
                    child.tail = self.educate(child.tail)
                if len(child):
                    queue.append(child)

    def educate(self, text: str) -> str:
        results: list[str] = []
        for needle, regex, pattern in self.patterns:
            if needle not in text:
                continue
            start = 0
            while (match := regex.search(text, start)) is not None:
                result, begin, end = pattern.handleMatch(match, text)
                placeholder = INLINE_PLACEHOLDER % f"{len(results):04d}"
                results.append(result)
                text = text[:begin] + placeholder + text[end:]
                start = begin + len(placeholder)
        return INLINE_PLACEHOLDER_RE.sub(lambda m: results[int(m.group(1))], text)
