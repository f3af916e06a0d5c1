"""The entries of a review package (photos, comments, suggestions, status log, revisions, the
base and head states) checked field by field before anything is stored: every id a real UUID,
every time a date with an offset, every text valid Unicode of a sane length, and the head and
base states matching the hashes the manifest gives for them (a changed text is refused)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from editor.formats.checks import FieldError, check_uuid, text_problem
from editor.model import CONTENT_FIELDS, PHOTO_TEXT_FIELDS, PostContent, PostStatus

if TYPE_CHECKING:
    from editor.formats.review_package import Package

MAX_ENTRY_TEXT = 1_000_000
STATE_KEYS = ("content", "status", "photos")


def state_of(post: dict[str, Any], photos: list[dict[str, Any]]) -> dict[str, Any]:
    """A post's state as the merge sees it: its content, status and each photo's texts (by
    uuid). The same shape whether it comes from a package or from the database."""
    return {
        "content": {k: post.get(k) for k in CONTENT_FIELDS},
        "status": post.get("status", "draft"),
        "photos": {str(p.get("uuid")): {k: p.get(k, "") or "" for k in PHOTO_TEXT_FIELDS}
                   for p in photos},
    }  # fmt: skip


def check_entries(package: Package, base_state: Any) -> None:
    from editor.formats.review_package import MANIFEST, POST_JSON, REVIEW_JSON, state_hash

    _check_state(package, POST_JSON, {"content": package.post, "status":
                 package.post.get("status", "draft"), "photos": {}})  # fmt: skip
    _uuid(package, f"{POST_JSON}: post.uuid", package.post.get("uuid"))
    for k, photo in enumerate(package.photos):
        where = f"{POST_JSON}: photos[{k}]"
        _uuid(package, where, photo.get("uuid"))
        for name in (*PHOTO_TEXT_FIELDS, "filename", "role"):
            _text(package, f"{where}.{name}", photo.get(name, ""))
    head = state_of(package.post, package.photos)
    if state_hash(head) != package.head["hash"]:
        raise _error(package, f"{POST_JSON} does not match the head hash in {MANIFEST} "
                              "(changed after it was sent?)")  # fmt: skip
    package.head = {**package.head, "state": head}
    if package.base is not None:
        if not isinstance(base_state, dict) or set(base_state) != set(STATE_KEYS):
            raise _error(package, f"{REVIEW_JSON}: base_state is missing or malformed")
        _check_state(package, f"{REVIEW_JSON}: base_state", base_state)
        if state_hash(base_state) != package.base["hash"]:
            raise _error(package, f"{REVIEW_JSON}: base_state does not match the base hash "
                                  f"in {MANIFEST}")  # fmt: skip
        package.base = {**package.base, "state": base_state}
    for k, c in enumerate(package.comments):
        where = f"{REVIEW_JSON}: comments[{k}]"
        _object(package, where, c)
        _uuid(package, where + ".uuid", c.get("uuid"))
        if c.get("parent") is not None:
            _uuid(package, where + ".parent", c.get("parent"))
        for name in ("field", "quote", "prefix", "suffix", "text"):
            _text(package, f"{where}.{name}", c.get(name, ""))
        _int(package, where + ".start", c.get("start", 0))
        _flag(package, where + ".resolved", c.get("resolved", False))
        _flag(package, where + ".quote_unique", c.get("quote_unique", True))
        _person(package, where + ".author", c.get("author"))
        _moment(package, where + ".created_at", c.get("created_at"))
        if c.get("state_at") is not None:
            _moment(package, where + ".state_at", c.get("state_at"))
    for k, s in enumerate(package.suggestions):
        where = f"{REVIEW_JSON}: suggestions[{k}]"
        _object(package, where, s)
        _uuid(package, where + ".uuid", s.get("uuid"))
        for name in ("field", "kind", "mark"):
            _text(package, f"{where}.{name}", s.get(name, ""))
        _person(package, where + ".author", s.get("author"))
        _moment(package, where + ".created_at", s.get("created_at"))
    for k, e in enumerate(package.log):
        where = f"{REVIEW_JSON}: log[{k}]"
        _object(package, where, e)
        _uuid(package, where + ".uuid", e.get("uuid"))
        for name in ("from", "to", "note"):
            _text(package, f"{where}.{name}", e.get(name, ""))
        _flag(package, where + ".forced", e.get("forced", False))
        _person(package, where + ".author", e.get("author"))
        _moment(package, where + ".created_at", e.get("created_at"))
    for k, r in enumerate(package.revisions):
        where = f"{REVIEW_JSON}: revisions[{k}]"
        _object(package, where, r)
        _uuid(package, where + ".uuid", r.get("uuid"))
        for name in ("reason", "label", "status"):
            _text(package, f"{where}.{name}", r.get(name, ""))
        _person(package, where + ".author", r.get("author"))
        _moment(package, where + ".created_at", r.get("created_at"))
        if not isinstance(r.get("snapshot"), dict):
            raise _error(package, f"{where}.snapshot must be an object")
    for k, value in enumerate(package.history):
        _uuid(package, f"{REVIEW_JSON}: history[{k}]", value)


def _error(package: Package, message: str) -> Exception:
    from editor.formats.review_package import PackageError

    return PackageError(package.source, message)


def _check_state(package: Package, where: str, state: dict[str, Any]) -> None:
    content = state.get("content")
    if not isinstance(content, dict):
        raise _error(package, f"{where}: content is missing")
    for name in CONTENT_FIELDS:
        value = content.get(name)
        if name in ("tags", "categories"):
            if value is not None and not (isinstance(value, list)
                                          and all(isinstance(v, str) for v in value)):  # fmt: skip
                raise _error(package, f"{where}: {name} must be a list of words")
        elif name in ("slug_auto", "published_date_only"):
            if value is not None and not isinstance(value, bool):
                raise _error(package, f"{where}: {name} must be true or false")
        elif name == "published_at":
            if value is not None:
                _moment(package, f"{where}: published_at", value)
        elif value is not None:
            _text(package, f"{where}: {name}", value)
    try:
        PostContent.from_json({k: v for k, v in content.items() if v is not None})
        PostStatus.parse(str(state.get("status") or "draft"))
    except (ValueError, TypeError) as exc:
        raise _error(package, f"{where}: {exc}") from None
    photos = state.get("photos")
    if not isinstance(photos, dict):
        raise _error(package, f"{where}: photos must be an object")
    for key, texts in photos.items():
        _uuid(package, f"{where}: photos", key)
        if not isinstance(texts, dict):
            raise _error(package, f"{where}: photos.{key} must be an object")
        for name, value in texts.items():
            _text(package, f"{where}: photos.{key}.{name}", value)


def _object(package: Package, where: str, value: Any) -> None:
    if not isinstance(value, dict):
        raise _error(package, f"{where} must be an object")


def _text(package: Package, where: str, value: Any) -> None:
    if not isinstance(value, str):
        raise _error(package, f"{where} must be text")
    problem = text_problem(value)
    if problem or len(value) > MAX_ENTRY_TEXT:
        raise _error(package, f"{where}: {problem or 'too long'}")


def _uuid(package: Package, where: str, value: Any) -> None:
    try:
        check_uuid(value if isinstance(value, str) else repr(value))
    except FieldError:
        raise _error(package, f"{where}: {value!r} is not an id") from None


def _int(package: Package, where: str, value: Any) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < 10**9:
        raise _error(package, f"{where} must be a whole number")


def _flag(package: Package, where: str, value: Any) -> None:
    if not isinstance(value, bool):
        raise _error(package, f"{where} must be true or false")


def _person(package: Package, where: str, value: Any) -> None:
    if value is None:
        return
    _object(package, where, value)
    for key in ("name", "email", "zone"):
        v = value.get(key, "")
        if not isinstance(v, str) or text_problem(v) or len(v) > 300:
            raise _error(package, f"{where}.{key} must be short text")


def _moment(package: Package, where: str, value: Any) -> None:
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        raise _error(package, f"{where}: {value!r} is not a date") from None
    if moment.tzinfo is None:
        raise _error(package, f"{where} needs a UTC offset")
