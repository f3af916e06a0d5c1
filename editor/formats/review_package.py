"""Review packages (``.bylinereview``): one zip that carries a post between two databases.

Members: ``manifest.json`` (format, version, sender, the base and head states' revision ids and
hashes, and every member's SHA-256 and size), ``post.md`` and ``post.json`` (as in an export
bundle, plus the photos' texts), ``review.json`` (comments, suggestions, status log, revisions
since the base, the sender's revision ids in order, and the base state) and ``photos/`` (each
photo's original with GPS, serial numbers and owner names removed).

Reading treats the file as untrusted, like an export bundle (:mod:`editor.formats.bundle`):
names outside the package, links, oversized or unlisted members, hash mismatches, a manifest
from a newer Byline and malformed entries are refused with a :class:`PackageError` naming the
file and the member, before anything is stored. Version 1 (an older Byline) had no status log,
no revision list and no global ids on comments and suggestions: they get ids derived from what
they say, so opening the same old package twice still adds nothing twice.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import uuid as uuid_module
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from editor.errors import InputError
from editor.formats.bundle import (
    MAX_TEXT_BYTES,
    Bundle,
    BundleError,
    _zip_members,
    check_member_name,
    sha256,
)
from editor.formats.checks import FieldError, check_structure, check_uuid, text_problem

FORMAT = "byline-review"
VERSION = 2
SUFFIX = ".bylinereview"
MANIFEST = "manifest.json"
POST_JSON = "post.json"
POST_MD = "post.md"
REVIEW_JSON = "review.json"
PHOTOS = "photos/"
_OLD_IDS = uuid_module.UUID("6c1d0b8e-5f0a-4c55-9a8e-2b7e0c0f1a11")  # names ids for version 1


class PackageError(BundleError):
    """A package that cannot be opened: the message names the file and the member."""


def state_hash(state: dict[str, Any]) -> str:
    """The content hash of a post's state (content, status, photo texts): equal states, equal
    hashes on every machine."""
    text = json.dumps(state, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Package:
    """An opened, checked package, read whole (the zip is closed)."""

    source: Path
    version: int
    sender: dict[str, str]
    post: dict[str, Any]
    blog: dict[str, Any]
    photos: list[dict[str, Any]]
    photo_files: dict[str, bytes]
    comments: list[dict[str, Any]]
    suggestions: list[dict[str, Any]]
    log: list[dict[str, Any]]
    revisions: list[dict[str, Any]]
    history: list[str]
    head: dict[str, Any]
    base: dict[str, Any] | None = None
    markdown: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def write_package(target: Path, files: dict[str, bytes]) -> None:
    """``files`` plus a manifest listing them, as a zip at ``target``, atomically (a temporary
    file beside it, renamed over it)."""
    target = target.expanduser()
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise InputError(f"{target}: the folder {parent} does not exist")
    if target.is_dir():
        raise InputError(f"{target} is a folder; give a file name ending in {SUFFIX}")
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent)
    os.close(handle)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(temp, 0o666 & ~umask)
    try:
        with zipfile.ZipFile(temp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name, content in sorted(files.items()):
                archive.writestr(name, content)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def manifest_for(files: dict[str, bytes], head: dict[str, Any], base: dict[str, Any] | None,
                 **extra: Any) -> bytes:  # fmt: skip
    from editor import __version__

    manifest = {
        "format": FORMAT, "version": VERSION, "byline_version": __version__, **extra,
        "head": head, "base": base,
        "files": [{"path": n, "sha256": sha256(c), "size": len(c)}
                  for n, c in sorted(files.items())],
    }  # fmt: skip
    return (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def read_package(path: Path) -> Package:
    """Open and check ``path`` whole. Raises :class:`PackageError` (exit 2) when it is not a
    package Byline can open, naming the member at fault."""
    if not path.is_file():
        raise InputError(f"{path}: no such file" if not path.exists() else f"{path}: not a file")
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
        raise PackageError(path, f"not a review package (not a readable zip: {exc})") from None
    with archive:
        try:
            members = _zip_members(path, archive)
        except BundleError as exc:
            raise PackageError(path, str(exc).split(": ", 1)[-1]) from None
        box = Bundle(source=path, manifest={}, _files=members, _zip=archive)
        if MANIFEST not in members:
            raise PackageError(path, f"no {MANIFEST}: not a Byline review package")
        manifest = _json(box, MANIFEST)
        box.manifest = _check_manifest(path, manifest, members)
        data = {name: box.verified(name, MAX_TEXT_BYTES) for name in (POST_JSON, REVIEW_JSON)}
        markdown = box.verified(POST_MD, MAX_TEXT_BYTES) if POST_MD in members else b""
        post_json = _parse(path, POST_JSON, data[POST_JSON])
        review = _parse(path, REVIEW_JSON, data[REVIEW_JSON])
        photos = _list(path, POST_JSON, post_json, "photos")
        files = {}
        for k, photo in enumerate(photos):
            name = photo.get("file")
            if not isinstance(name, str) or not name.startswith(PHOTOS):
                raise PackageError(path, f"{POST_JSON}: photos[{k}].file must name a photo")
            files[name] = box.verified(name)
    from editor.formats.review_entries import check_entries

    package = Package(
        source=path, version=box.manifest["version"], sender=_sender(path, box.manifest),
        post=_dict(path, POST_JSON, post_json, "post"),
        blog=_dict(path, POST_JSON, post_json, "blog"),
        photos=photos, photo_files=files,
        comments=_list(path, REVIEW_JSON, review, "comments"),
        suggestions=_list(path, REVIEW_JSON, review, "suggestions"),
        log=_list(path, REVIEW_JSON, review, "log", old=box.manifest["version"] < 2),
        revisions=_list(path, REVIEW_JSON, review, "revisions", old=box.manifest["version"] < 2),
        history=_list(path, REVIEW_JSON, review, "history", old=box.manifest["version"] < 2),
        head=box.manifest["head"], base=box.manifest.get("base"),
        markdown=markdown.decode("utf-8", errors="replace"),
    )  # fmt: skip
    if package.version < 2:
        _upgrade_v1(package)
    check_entries(package, review.get("base_state"))
    return package


def _json(box: Bundle, name: str) -> Any:
    return _parse(box.source, name, box.read(name, MAX_TEXT_BYTES))


def _parse(source: Path, name: str, raw: bytes) -> Any:
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise PackageError(source, f"{name} is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise PackageError(
            source, f"{name} is not valid JSON (line {exc.lineno}: {exc.msg})"
        ) from None
    except RecursionError:
        raise PackageError(source, f"{name} is nested too deeply") from None
    try:
        check_structure(data)
    except FieldError as exc:
        raise PackageError(source, f"{name}: {exc}") from None
    if not isinstance(data, dict):
        raise PackageError(source, f"{name} must hold an object")
    return data


def _check_manifest(source: Path, data: dict[str, Any], members: dict[str, int]) -> dict[str, Any]:
    if data.get("format") != FORMAT:
        raise PackageError(source, f"{MANIFEST} is not a Byline review package manifest")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise PackageError(source, f"{MANIFEST}: version must be a positive number")
    if version > VERSION:
        raise PackageError(source, f"{MANIFEST}: made by a newer Byline (package version "
                                   f"{version}); update Byline to open it")  # fmt: skip
    files = data.get("files")
    if not isinstance(files, list):
        raise PackageError(source, f"{MANIFEST}: 'files' is missing or malformed")
    listed: set[str] = set()
    for k, entry in enumerate(files):
        if not (isinstance(entry, dict) and isinstance(entry.get("path"), str)
                and isinstance(entry.get("sha256"), str)):  # fmt: skip
            raise PackageError(source, f"{MANIFEST}: files[{k}] needs 'path' and 'sha256'")
        listed.add(check_member_name(source, entry["path"]))
        if entry["path"] not in members:
            raise PackageError(source, f"{entry['path']} is listed in {MANIFEST} but missing")
    for name in members:
        if name != MANIFEST and name not in listed:
            raise PackageError(source, f"{name} is not listed in {MANIFEST} (added afterwards?)")
    for name in (POST_JSON, REVIEW_JSON):
        if name not in listed:
            raise PackageError(source, f"{name} is missing")
    for key in ("head", "base"):
        value = data.get(key)
        if key == "base" and value is None:
            continue
        if not (isinstance(value, dict) and isinstance(value.get("hash"), str)
                and isinstance(value.get("revision"), str)):  # fmt: skip
            raise PackageError(source, f"{MANIFEST}: '{key}' needs a revision and a hash")
    return data


def _sender(source: Path, manifest: dict[str, Any]) -> dict[str, str]:
    sender = manifest.get("sender") or {}
    if not isinstance(sender, dict):
        raise PackageError(source, f"{MANIFEST}: 'sender' must be an object")
    out = {}
    for key in ("name", "email", "zone", "database"):
        value = sender.get(key, "")
        if not isinstance(value, str) or text_problem(value) or len(value) > 300:
            raise PackageError(source, f"{MANIFEST}: sender.{key} must be short text")
        out[key] = value
    if out["database"]:
        try:
            check_uuid(out["database"])
        except FieldError:
            raise PackageError(source, f"{MANIFEST}: sender.database is not an id") from None
    return out


def _dict(source: Path, name: str, data: dict[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key)
    if not isinstance(value, dict):
        raise PackageError(source, f"{name}: '{key}' is missing or malformed")
    return value


def _list(source: Path, name: str, data: dict[str, Any], key: str, *, old: bool = False) -> list:
    value = data.get(key, [] if old else None)
    if not isinstance(value, list):
        raise PackageError(source, f"{name}: '{key}' is missing or malformed")
    return value


def _upgrade_v1(package: Package) -> None:
    """Version 1 entries carry no global ids: name them by what they say (stable)."""
    post = str(package.post.get("uuid", ""))
    for kind, entries in (("comment", package.comments), ("suggestion", package.suggestions)):
        for entry in entries:
            if isinstance(entry, dict) and not entry.get("uuid"):
                author = entry.get("author")
                who: dict[str, Any] = author if isinstance(author, dict) else {}
                words = entry.get("text", entry.get("mark", ""))
                name = f"{post}/{kind}/{who.get('email', '')}/{entry.get('created_at')}/{words}"
                entry["uuid"] = str(uuid_module.uuid5(_OLD_IDS, name))
    by_old: dict[Any, str] = {e.get("id"): e["uuid"] for e in package.comments
                              if isinstance(e, dict) and "id" in e}  # fmt: skip
    for entry in package.comments:
        if isinstance(entry, dict) and "parent" not in entry:
            entry["parent"] = by_old.get(entry.get("parent_id"))
