"""Curly quotes, dashes and ellipses for text shown outside the body (headline, deck, captions,
the page title), by the very rules the body's Markdown ``smarty`` extension applies, so a
headline and the paragraph under it never disagree. The stored text is never changed.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markdown.extensions import smarty as _s

LSQUO, RSQUO, LDQUO, RDQUO = "\u2018", "\u2019", "\u201c", "\u201d"

# smarty's patterns in the order its inline processor tries them (highest priority first);
# each part of a replacement is a group number or literal text.
_RULES: tuple[tuple[str, tuple[int | str, ...]], ...] = (
    (r"(?<!-)---(?!-)", ("\u2014",)),  # em dash, priority 50
    (r"(?<!-)--(?!-)", ("\u2013",)),  # en dash, 45
    (_s.singleQuoteStartRe, (RSQUO,)),  # quotes, 30 and down
    (_s.doubleQuoteStartRe, (RDQUO,)),
    (_s.doubleQuoteSetsRe, (LDQUO + LSQUO,)),
    (_s.singleQuoteSetsRe, (LSQUO + LDQUO,)),
    (_s.doubleQuoteSetsRe2, (RSQUO + RDQUO,)),
    (_s.singleQuoteSetsRe2, (RDQUO + RSQUO,)),
    (_s.decadeAbbrRe, (RSQUO,)),
    (_s.openingSingleQuotesRegex, (1, LSQUO)),
    (_s.closingSingleQuotesRegex, (RSQUO,)),
    (_s.closingSingleQuotesRegex2, (RSQUO, 1)),
    (_s.remainingSingleQuotesRegex, (LSQUO,)),
    (_s.openingDoubleQuotesRegex, (1, LDQUO)),
    (_s.closingDoubleQuotesRegex, (RDQUO,)),
    (_s.closingDoubleQuotesRegex2, (RDQUO,)),
    (_s.remainingDoubleQuotesRegex, (LDQUO,)),
    (r"(?<!\.)\.{3}(?!\.)", ("\u2026",)),  # ellipsis, 10
)
# Compiled as Python-Markdown compiles smarty's own (no "." outside a [class] here, so DOTALL
# changes nothing): the body's converter then finds each already in re's cache.
_COMPILED = tuple((re.compile(pattern, re.DOTALL | re.UNICODE), parts) for pattern, parts in _RULES)
# Markdown hides each substitution behind a placeholder (STX n ETX) that later rules do not
# match; the same here, so a quote next to an educated one is judged as smarty judges it.
_STX, _ETX = "\u0002", "\u0003"
_PLACEHOLDER = re.compile(f"{_STX}(\\d+){_ETX}")


@lru_cache(maxsize=1024)
def smarten(text: str) -> str:
    """``text`` with typographer's quotes, dashes and ellipses (plain text in, plain out)."""
    if not text or not any(c in text for c in "'\"-."):
        return text
    stash: list[str] = []
    for regex, parts in _COMPILED:
        start = 0
        while True:
            match = regex.search(text, start)
            if match is None:
                break
            replaced = ""
            for part in parts:
                if isinstance(part, int):
                    replaced += match.group(part)
                else:
                    replaced += f"{_STX}{len(stash)}{_ETX}"
                    stash.append(part)
            text = text[: match.start()] + replaced + text[match.end() :]
            start = match.start() + len(replaced)
    return _PLACEHOLDER.sub(lambda m: stash[int(m.group(1))], text)
