"""The checks every way in applies to a post's fields (the window, ``byline new``/``set``, Markdown
import and bundles): text that is valid Unicode and fits its column, a real UUID, a time zone
that exists and a date the calendar can show in it. One place, so no way in is more lenient.

Also :func:`check_structure` for parsed front matter and manifests: text keys only, no lone
surrogates anywhere, and nesting no deeper than a post ever needs.
"""

from __future__ import annotations

import re
import uuid as uuid_module
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from editor.errors import InputError

MAX_TEXT_BYTES = 16 * 1024 * 1024  # the body, and post.md / post.json as files
MAX_DEPTH = 32  # front matter and manifests nest a few levels; thousands is an attack
MAX_TAGS = 200
MAX_TAG_CHARS = 200
# Characters, from the columns (headline String(500) ...); deck and note are Text but short.
MAX_CHARS = {
    "headline": 500, "byline": 300, "byline_role": 200, "slug": 200, "published_tz": 64,
    "deck": 100_000, "editor_note": 100_000,
}  # fmt: skip


class FieldError(InputError):
    """A field's value is wrong: the message starts with the field's name."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


def text_problem(value: str) -> str | None:
    """Why ``value`` cannot be stored as text, or None. A lone surrogate (from a ``\\ud800``
    escape in YAML or JSON, or a bad byte on the command line) is not Unicode: SQLite, the
    page and the export all fail on it later; NUL ends strings in PostgreSQL."""
    if value.isascii():
        return "contains a NUL character" if "\x00" in value else None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "contains a lone surrogate (not valid Unicode text)"
    return "contains a NUL character" if "\x00" in value else None


def check_text(field: str, value: Any, max_chars: int | None = None) -> str:
    if not isinstance(value, str):
        raise FieldError(field, "must be text")
    problem = text_problem(value)
    if problem:
        raise FieldError(field, problem)
    if max_chars is not None and len(value) > max_chars:
        raise FieldError(field, f"longer than {max_chars} characters ({len(value)})")
    return value


def check_uuid(value: str, field: str = "uuid") -> str:
    try:
        return str(uuid_module.UUID(value))
    except (ValueError, TypeError, AttributeError):
        raise FieldError(field, f"{value!r} is not a UUID") from None


_OFFSET = re.compile(r"([+-])(\d{2}):(\d{2})")


def zone_of(label: str, field: str = "timezone") -> tzinfo:
    """The zone a ``published_tz`` label names (an IANA name or ``+HH:MM``), or FieldError."""
    match = _OFFSET.fullmatch(label)
    if match:
        hours, minutes = int(match.group(2)), int(match.group(3))
        if hours > 23 or minutes > 59:
            raise FieldError(field, f"offset {label!r} is out of range")
        sign = 1 if match.group(1) == "+" else -1
        return timezone(sign * timedelta(hours=hours, minutes=minutes))
    try:
        return ZoneInfo(label)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise FieldError(field, f"unknown time zone {label!r}") from None


def check_moment(moment: datetime, label: str, field: str = "date") -> None:
    """``moment`` can be shown in UTC and in its zone (no overflow at the calendar's edges)."""
    try:
        instant = moment.astimezone(UTC)
        if label:
            instant.astimezone(zone_of(label))
    except (OverflowError, ValueError):
        raise FieldError(field, f"{moment.isoformat()} is outside the calendar") from None


def check_content(content: Any, *, imported: bool = False) -> None:
    """Every field of a :class:`~editor.model.PostContent`, or :class:`FieldError`. An
    ``imported`` post's time zone also needs a date (the window keeps a zone chosen before
    the date; a file that names a zone but no date has lost something)."""
    for name, limit in MAX_CHARS.items():
        check_text(name, getattr(content, name), limit)
    body = check_text("body", content.body)
    if len(body) > MAX_TEXT_BYTES // 4 and len(body.encode("utf-8")) > MAX_TEXT_BYTES:
        raise FieldError("body", f"larger than {MAX_TEXT_BYTES // (1024 * 1024)} MB")
    for name in ("tags", "categories"):
        words = getattr(content, name)
        if not isinstance(words, list) or len(words) > MAX_TAGS:
            raise FieldError(name, f"must be a list of at most {MAX_TAGS} words")
        for word in words:
            check_text(name, word, MAX_TAG_CHARS)
    if imported and content.published_tz and content.published_at is None:
        raise FieldError("timezone", "a time zone needs a date")
    if content.published_tz:
        zone_of(content.published_tz)
    if content.published_at is not None:
        if content.published_at.tzinfo is None:
            raise FieldError("date", "needs a UTC offset")
        check_moment(content.published_at, content.published_tz)


def check_structure(value: Any, where: str = "", depth: int = 0) -> None:
    """Parsed YAML or JSON: text keys, valid text everywhere, at most :data:`MAX_DEPTH` deep.
    ``where`` is the path shown in the error (``tags[2]``, ``lead_photo.caption``)."""
    if depth > MAX_DEPTH:
        raise FieldError(where or "document", f"nested more than {MAX_DEPTH} levels deep")
    if isinstance(value, str):
        problem = text_problem(value)
        if problem:
            raise FieldError(where or "document", problem)
    elif isinstance(value, Mapping):
        for key, item in value.items():
            if not isinstance(key, str):
                raise FieldError(where or "document", f"key {key!r} is not text")
            path = f"{where}.{key}" if where else key
            problem = text_problem(key)
            if problem:
                raise FieldError(where or "document", f"a key {problem}")
            check_structure(item, path, depth + 1)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            check_structure(item, f"{where}[{index}]", depth + 1)


def read_regular_file(path: Any, limit: int, *, what: str = "a file") -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``limit`` bytes. A FIFO or a
    device is refused before it is opened (reading one blocks forever or never ends)."""
    import os
    import stat

    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{path}: is a folder, not {what}")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{path}: not a regular file (a device, pipe or socket)")
    if info.st_size > limit:
        raise InputError(f"{path}: larger than {limit // (1024 * 1024)} MB")
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    if len(data) > limit:
        raise InputError(f"{path}: larger than {limit // (1024 * 1024)} MB")
    return data
