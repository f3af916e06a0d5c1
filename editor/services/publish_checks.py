"""Checks before a push: what blocks it (errors) and what the writer may want to fix (warnings)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from editor.publish.base import PhotoUpload

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

STATUSES = ("draft", "publish", "future")


@dataclass
class CheckReport:
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def check_post(
    *,
    headline: str,
    body: str,
    byline: str,
    deck: str,
    tags: Sequence[str],
    categories: Sequence[str],
    published_at: datetime | None,
    status: str,
    photos: Sequence[PhotoUpload],
    now: datetime,
) -> CheckReport:
    report = CheckReport()
    if status not in STATUSES:
        report.errors.append(f"status {status!r}: one of {', '.join(STATUSES)}")
    if not headline.strip():
        report.errors.append("headline: empty")
    if not body.strip():
        report.errors.append("body: empty")
    if not byline.strip():
        report.errors.append("byline: empty (who wrote it?)")
    if status == "future" and (published_at is None or published_at <= now):
        report.errors.append("status future: the post needs a publication date in the future")
    for photo in photos:
        if not photo.alt.strip():
            report.errors.append(f"photo {photo.filename}: no alt text")
        if not photo.credit.strip():
            report.errors.append(f"photo {photo.filename}: no credit")
        if not photo.caption.strip():
            report.warnings.append(f"photo {photo.filename}: no caption")
    leads = [p.filename for p in photos if p.is_lead]
    if len(leads) > 1:
        report.errors.append(f"more than one lead photo: {', '.join(leads)}")
    if not deck.strip():
        report.warnings.append("deck: empty (the site's excerpt will be made from the body)")
    if not tags and not categories:
        report.warnings.append("no tags or categories")
    if not leads:
        report.warnings.append("no lead photo: the post will have no featured image")
    return report


def proofing_warning(session: Session, post_id: int) -> str | None:
    """Spelling and house-style problems as one warning (never blocking), with the count."""
    from editor.proofing.checker import shared_languages
    from editor.services import posts
    from editor.services.proofing import check_stored_post

    post = posts.get_post(session, post_id)
    problems, _ = check_stored_post(session, post, languages=shared_languages(), suggestions=False)
    if not problems:
        return None
    spelling = [p for p in problems if p.is_spelling]
    words = ", ".join(dict.fromkeys(p.word for p in spelling[:5]))
    sample = f" ({words}{', ...' if len(spelling) > 5 else ''})" if words else ""
    return (
        f"proofing: {len(problems)} problem(s), {len(spelling)} spelling{sample} and "
        f"{len(problems) - len(spelling)} style; byline check {post_id} lists them"
    )
