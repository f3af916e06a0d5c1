"""A post's place in the editorial workflow. Apart from ``editor.model`` (which re-exports it)
so that ``byline list`` can name statuses without loading the ORM models."""

from __future__ import annotations

import enum


class PostStatus(enum.StrEnum):
    """The editorial workflow, in order."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    IN_REVIEW = "in_review"
    CHANGES_REQUESTED = "changes_requested"
    APPROVED = "approved"
    SCHEDULED = "scheduled"
    PUBLISHED = "published"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()

    @classmethod
    def parse(cls, text: str) -> PostStatus:
        key = text.strip().lower().replace(" ", "_").replace("-", "_")
        try:
            return cls(key)
        except ValueError:
            allowed = ", ".join(s.value for s in cls)
            raise ValueError(f"unknown status {text!r} (one of: {allowed})") from None
