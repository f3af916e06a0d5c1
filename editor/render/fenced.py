"""The ``:::`` boxes' shared part: taking a box's inner text out of Python-Markdown's blocks."""

from __future__ import annotations

import re

BOX_CLOSE = re.compile(r"^:::[ \t]*$")


def take_box(rest: str, blocks: list[str]) -> list[str]:
    """The inner chunks of a box whose opening line was just read (``rest`` is what followed
    it in its block): blocks are taken from ``blocks`` up to the closing ``:::`` line, and what
    follows that line goes back for the parser. An unclosed box runs to the end."""
    inner: list[str] = []
    pending = rest
    while True:
        lines = pending.split("\n")
        close = next((i for i, line in enumerate(lines) if BOX_CLOSE.match(line)), None)
        if close is not None:
            inner.append("\n".join(lines[:close]))
            after = "\n".join(lines[close + 1 :])
            if after.strip():
                blocks.insert(0, after)
            return inner
        inner.append(pending)
        if not blocks:
            return inner
        pending = blocks.pop(0)
