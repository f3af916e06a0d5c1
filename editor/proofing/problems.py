"""What a check finds: one problem, with where it is and what would fix it."""

from __future__ import annotations

import dataclasses
from dataclasses import asdict, dataclass
from typing import Any

SPELLING = "spelling"


@dataclass
class Problem:
    """A misspelt word or a house-style slip in one field of a post.

    ``start``/``end`` index the field's text (code points); ``line``/``column`` are 1-based.
    ``fix`` is the replacement for ``text[start:end]`` when one is obvious.
    """

    field: str
    start: int
    end: int
    word: str
    rule: str
    message: str
    line: int = 1
    column: int = 1
    suggestions: list[str] = dataclasses.field(default_factory=list)
    fix: str | None = None
    language: str = ""

    @property
    def is_spelling(self) -> bool:
        return self.rule == SPELLING

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    def describe(self) -> str:
        where = f"{self.field}:{self.line}:{self.column}"
        extra = f" (try: {', '.join(self.suggestions[:5])})" if self.suggestions else ""
        return f"{where}: {self.rule}: {self.message}{extra}"
