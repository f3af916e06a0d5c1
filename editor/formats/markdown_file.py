"""Markdown files with YAML front matter: the interchange format of ``byline import`` and
``byline export-md``. Exporting then importing reproduces a post exactly."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from frontmatter.default_handlers import YAMLHandler

from editor.errors import InputError
from editor.formats.checks import (
    MAX_DEPTH,
    MAX_TEXT_BYTES,
    FieldError,
    check_content,
    check_moment,
    check_structure,
    check_uuid,
    read_regular_file,
    zone_of,
)
from editor.model import PostContent, PostStatus
from editor.services.slugs import make_slug

KNOWN_KEYS = {
    "blog", "headline", "deck", "byline", "byline_role", "date", "timezone", "slug", "tags",
    "categories", "status", "editor_note", "lead_photo", "uuid", "comments_url", "updated",
    "language",
}  # fmt: skip
LEAD_PHOTO_KEYS = {"file", "caption", "credit", "alt"}


@dataclass
class LeadPhotoRef:
    file: Path
    caption: str = ""
    credit: str = ""
    alt: str = ""


@dataclass
class ParsedPost:
    """A post read from a file, not yet stored."""

    source: str
    content: PostContent
    blog: str | None = None
    status: PostStatus = PostStatus.DRAFT
    uuid: str | None = None
    lead_photo: LeadPhotoRef | None = None
    comments_url: str = ""
    revised_at: datetime | None = None  # ``updated:``: the writer's last change after publication
    unknown_keys: list[str] = field(default_factory=list)


class FrontMatterError(InputError):
    def __init__(self, source: str, line: int | None, message: str) -> None:
        where = f"{source}:{line}" if line else source
        super().__init__(f"{where}: {message}")
        self.source = source
        self.line = line


def read_post_file(path: Path) -> ParsedPost:
    data = read_regular_file(path, MAX_TEXT_BYTES + 64 * 1024, what="a Markdown file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FrontMatterError(str(path), None, f"not UTF-8 text ({exc.reason})") from None
    return parse_post_text(text, source=str(path), base_dir=path.parent)


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader without aliases (a few lines of nested ``*a`` expand to gigabytes)
    and without nesting deep enough to exhaust the stack; an impossible timestamp is a YAML
    error at its line rather than a ValueError from deep inside the constructor."""

    _depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed in front matter", event.start_mark
            )
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise yaml.composer.ComposerError(
                    None, None, f"nested more than {MAX_DEPTH} levels deep",
                    self.peek_event().start_mark,
                )  # fmt: skip
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_yaml_timestamp(self, node: Any) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError) as exc:
            raise yaml.constructor.ConstructorError(
                None, None, f"impossible date {node.value!r} ({exc})", node.start_mark
            ) from None


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)


def _load_yaml(front: str) -> Any:
    try:
        return yaml.load(front, Loader=_Loader)  # a SafeLoader subclass
    except RecursionError:  # flow collections nest in the parser before the composer
        raise yaml.YAMLError(f"nested more than {MAX_DEPTH} levels deep") from None


_OPENING = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n")


def parse_post_text(
    text: str, *, source: str = "<text>", base_dir: Path | None = None
) -> ParsedPost:
    if not _OPENING.match(text):
        raise FrontMatterError(source, 1, "no front matter: the file must start with a '---' line")
    try:
        front, body = YAMLHandler().split(text.lstrip("\ufeff"))
    except ValueError:
        raise FrontMatterError(source, 1, "front matter is not closed by a '---' line") from None
    body = body[1:] if body.startswith("\n") else body.removeprefix("\r\n")
    try:
        meta = _load_yaml(front) or {}
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None  # front starts on the '---' line
        raise FrontMatterError(source, line, f"invalid YAML: {exc.problem}") from None
    except yaml.YAMLError as exc:
        raise FrontMatterError(source, None, f"invalid YAML: {exc}") from None
    if not isinstance(meta, dict):
        raise FrontMatterError(source, 2, "front matter must be a mapping of keys to values")
    try:
        check_structure(meta)
    except FieldError as exc:
        raise FrontMatterError(source, None, str(exc)) from None

    def line_of(key: str) -> int | None:
        for number, line in enumerate(front.split("\n"), start=1):
            if line.startswith(f"{key}:"):
                return number
        return None

    def text_field(key: str) -> str:
        value = meta.get(key, "")
        if value is None:
            return ""
        if isinstance(value, (dict, list)):
            raise FrontMatterError(source, line_of(key), f"'{key}' must be text")
        return str(value)

    def list_field(key: str) -> list[str]:
        value = meta.get(key) or []
        if isinstance(value, str):
            value = [part.strip() for part in value.split(",")]
        if not isinstance(value, list) or any(isinstance(v, (dict, list)) for v in value):
            raise FrontMatterError(source, line_of(key), f"'{key}' must be a list of words")
        return [str(v) for v in value if str(v).strip()]

    if meta.get("timezone") not in (None, "") and meta.get("date") in (None, ""):
        raise FrontMatterError(source, line_of("timezone"), "timezone: a time zone needs a date")
    try:
        published_at, tz_name, date_only = parse_when(meta.get("date"), meta.get("timezone"))
    except ValueError as exc:
        raise FrontMatterError(source, line_of("date"), f"date: {exc}") from None
    try:
        revised_at = parse_when(meta.get("updated"), meta.get("timezone"))[0]
    except ValueError as exc:
        raise FrontMatterError(source, line_of("updated"), str(exc)) from None
    comments_url = text_field("comments_url").strip()
    if comments_url:
        try:
            comments_url = check_comments_url(comments_url)
        except ValueError as exc:
            raise FrontMatterError(source, line_of("comments_url"), str(exc)) from None
    try:
        status = PostStatus.parse(str(meta["status"])) if meta.get("status") else PostStatus.DRAFT
    except ValueError as exc:
        raise FrontMatterError(source, line_of("status"), str(exc)) from None

    slug = text_field("slug")
    headline = text_field("headline")
    language = text_field("language").strip()
    if language and not re.fullmatch(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*", language):
        raise FrontMatterError(
            source, line_of("language"), f"language {language!r}: a code such as es or pt-BR"
        )
    content = PostContent(
        headline=headline,
        deck=text_field("deck"),
        byline=text_field("byline"),
        byline_role=text_field("byline_role"),
        published_at=published_at,
        published_tz=tz_name,
        published_date_only=date_only,
        slug=slug,
        # A slug that is just the headline's keeps following the headline.
        slug_auto=not slug or slug == make_slug(headline),
        tags=list_field("tags"),
        categories=list_field("categories"),
        body=body,
        editor_note=text_field("editor_note"),
        language=language,
    )
    uuid = text_field("uuid") or None
    try:
        check_content(content, imported=True)
        if uuid:
            check_uuid(uuid)
    except FieldError as exc:
        key = {"published_tz": "timezone"}.get(exc.field, exc.field)
        raise FrontMatterError(source, line_of(key), str(exc)) from None
    return ParsedPost(
        source=source,
        content=content,
        blog=text_field("blog") or None,
        status=status,
        uuid=uuid,
        lead_photo=_lead_photo(meta.get("lead_photo"), source, line_of("lead_photo"), base_dir),
        comments_url=comments_url,
        revised_at=revised_at,
        unknown_keys=sorted(set(meta) - KNOWN_KEYS),
    )


def _lead_photo(
    value: Any, source: str, line: int | None, base: Path | None
) -> LeadPhotoRef | None:
    if value in (None, ""):
        return None
    if isinstance(value, str):
        value = {"file": value}
    if not isinstance(value, dict) or not value.get("file"):
        raise FrontMatterError(source, line, "'lead_photo' needs at least a 'file'")
    unknown = set(value) - LEAD_PHOTO_KEYS
    if unknown:
        raise FrontMatterError(source, line, f"'lead_photo' has unknown keys: {sorted(unknown)}")
    file = Path(str(value["file"]))
    if base is not None and not file.is_absolute():
        file = base / file
    return LeadPhotoRef(
        file=file,
        caption=str(value.get("caption") or ""),
        credit=str(value.get("credit") or ""),
        alt=str(value.get("alt") or ""),
    )


def parse_date(value: Any, tz_name: Any = None) -> tuple[datetime | None, str]:
    """A front-matter date: an ISO 8601 date-time (with offset), or a date. Returns the UTC
    instant and the zone to show it in (an IANA name or a ``+HH:MM`` offset)."""
    when, label, _date_only = parse_when(value, tz_name)
    return when, label


_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_when(value: Any, tz_name: Any = None) -> tuple[datetime | None, str, bool]:
    """Like :func:`parse_date`, and whether the value was a date without a time (then the
    instant is midnight of that day in the zone, and the page shows the date alone)."""
    if value in (None, ""):
        return None, "", False
    zone: tzinfo | None = None
    if tz_name:
        if not isinstance(tz_name, str):
            raise ValueError(f"unknown timezone {tz_name!r}")
        try:
            zone = zone_of(tz_name)
        except FieldError:
            raise ValueError(f"unknown timezone {tz_name!r}") from None
    date_only = False
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment, date_only = datetime.combine(value, time(0, 0)), True
    else:
        text = str(value).strip()
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            raise ValueError(f"date {value!r} is not an ISO 8601 date or date-time") from None
        date_only = bool(_DATE_ONLY.fullmatch(text))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone or UTC)
    label = str(tz_name) if tz_name else _offset_label(moment)
    try:
        check_moment(moment, label)
    except FieldError as exc:
        raise ValueError(exc.problem) from None
    return moment.astimezone(UTC), label, date_only


def check_comments_url(url: str) -> str:
    """A post's own comments link: an absolute http(s) URL (read the way browsers read it, no
    credentials), or ValueError saying why not."""
    from editor.formats.urls import check_web_url

    try:
        return check_web_url(url, field="comments_url")
    except InputError as exc:
        raise ValueError(str(exc).rstrip(".")) from None


def _offset_label(moment: datetime) -> str:
    offset = moment.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def zone_for(label: str) -> tzinfo:
    """The tzinfo a stored ``published_tz`` label stands for (UTC when empty or unknown)."""
    if not label:
        return UTC
    match = re.fullmatch(r"([+-])(\d{2}):(\d{2})", label)
    if match:
        sign = 1 if match.group(1) == "+" else -1
        return timezone(sign * timedelta(hours=int(match.group(2)), minutes=int(match.group(3))))
    try:
        return ZoneInfo(label)
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def local_time(published_at: datetime | None, label: str) -> datetime | None:
    return published_at.astimezone(zone_for(label)) if published_at else None


def dump_post(
    content: PostContent,
    *,
    blog: str,
    status: PostStatus,
    uuid: str | None = None,
    comments_url: str = "",
    revised_at: datetime | None = None,
    extra: dict[str, Any] | None = None,
) -> str:
    """Front matter plus body, in the form :func:`parse_post_text` reads back exactly."""
    meta: dict[str, Any] = {"blog": blog, "headline": content.headline, "deck": content.deck}
    meta["byline"] = content.byline
    meta["byline_role"] = content.byline_role
    if content.published_at is not None:
        local = local_time(content.published_at, content.published_tz)
        assert local is not None
        if content.published_date_only:
            meta["date"] = local.date()  # YAML writes a plain date: read back as date-only
            if content.published_tz and content.published_tz != "+00:00":
                meta["timezone"] = content.published_tz
        else:
            meta["date"] = local.isoformat()
            offset = re.fullmatch(r"[+-]\d{2}:\d{2}", content.published_tz)
            if content.published_tz and not offset:
                meta["timezone"] = content.published_tz
    meta["slug"] = content.slug
    meta["tags"] = list(content.tags)
    meta["categories"] = list(content.categories)
    meta["status"] = status.value
    if content.editor_note:
        meta["editor_note"] = content.editor_note
    if content.language:
        meta["language"] = content.language
    if uuid:
        meta["uuid"] = uuid
    if comments_url:
        meta["comments_url"] = comments_url
    if revised_at is not None:
        revised = local_time(revised_at, content.published_tz)
        assert revised is not None
        meta["updated"] = revised.isoformat()
    if extra:
        meta.update(extra)
    front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=100)
    return f"---\n{front}---\n{content.body}"
