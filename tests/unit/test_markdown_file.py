"""Front matter parsing: what is accepted, and errors that name the file and line."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from editor.formats.markdown_file import (
    FrontMatterError,
    dump_post,
    parse_date,
    parse_post_text,
)
from editor.model import PostContent, PostStatus


def test_full_front_matter():
    text = (
        "---\nblog: Latin America Blog\nheadline: Héllo\ndeck: A deck\nbyline: Ana\n"
        "byline_role: Guest blogger\ndate: 2026-11-20T08:30:00-04:00\nslug: custom\n"
        "tags: [a, b]\ncategories: News, Dispatches\nstatus: in review\neditor_note: hush\n"
        "lead_photo:\n  file: pic.jpg\n  caption: C\n  credit: P/A\n  alt: Alt\n---\nBody\n"
    )
    parsed = parse_post_text(text, source="x.md")
    c = parsed.content
    assert parsed.blog == "Latin America Blog"
    assert (c.headline, c.deck, c.byline, c.byline_role) == (
        "Héllo",
        "A deck",
        "Ana",
        "Guest blogger",
    )
    assert c.published_at == datetime(2026, 11, 20, 12, 30, tzinfo=UTC)
    assert c.published_tz == "-04:00"
    assert (c.slug, c.slug_auto) == ("custom", False)
    assert c.tags == ["a", "b"] and c.categories == ["News", "Dispatches"]
    assert parsed.status is PostStatus.IN_REVIEW
    assert c.body == "Body\n"
    assert parsed.lead_photo is not None and parsed.lead_photo.credit == "P/A"


@pytest.mark.parametrize(
    ("text", "line", "needle"),
    [
        ("no front matter\n", 1, "no front matter"),
        ("---\nheadline: x\n", 1, "not closed"),
        ("---\nheadline: x\ntags: [a, b\n---\nbody", 4, "invalid YAML"),
        ("---\nheadline: x\ndate: yesterday\n---\n", 3, "ISO 8601"),
        ("---\nheadline: x\nstatus: lost\n---\n", 3, "unknown status"),
        ("---\n- a list\n---\n", 2, "mapping"),
        ("---\nheadline: x\ntags: {a: 1}\n---\n", 3, "list of words"),
    ],
)
def test_errors_name_file_and_line(text, line, needle):
    with pytest.raises(FrontMatterError) as err:
        parse_post_text(text, source="draft.md")
    assert err.value.line == line
    assert str(err.value).startswith(f"draft.md:{line}:")
    assert needle in str(err.value)


def test_dates_with_zone_names_and_plain_dates():
    when, tz = parse_date("2026-03-01T10:00:00", "America/La_Paz")
    assert tz == "America/La_Paz"
    assert when == datetime(2026, 3, 1, 14, 0, tzinfo=UTC)
    when, tz = parse_date("2026-03-01")
    assert when == datetime(2026, 3, 1, tzinfo=UTC) and tz == "+00:00"


@pytest.mark.parametrize(
    "body", ["", "x", "Line\n\n## Head\n", "trailing spaces   \n\n\n", "---\nhr"]
)
def test_dump_then_parse_is_exact(body):
    content = PostContent(
        headline="Título: with colon", deck="Deck\nwith newline", byline="Ana", byline_role="Guest",
        published_at=datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC), published_tz="Europe/Madrid",
        slug="titulo-with-colon", slug_auto=True, tags=["x", "y z"], categories=["News"],
        body=body, editor_note="note",
    )  # fmt: skip
    text = dump_post(
        content, blog="B", status=PostStatus.APPROVED, uuid="0b7e1f52-6a4e-4c1e-9d3a-2f1c8e5b7a90"
    )
    parsed = parse_post_text(text)
    assert parsed.content == content
    assert (
        parsed.status is PostStatus.APPROVED
        and parsed.uuid == "0b7e1f52-6a4e-4c1e-9d3a-2f1c8e5b7a90"
        and parsed.blog == "B"
    )
