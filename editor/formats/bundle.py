"""Export bundles as files: the manifest's shape, and reading a bundle someone handed you.

A bundle is a folder or a ``.zip`` with ``index.html``, ``assets/``, ``images/``, ``post.md`` and
``post.json`` (the manifest). Reading treats it as untrusted: member names that escape the
bundle, links, oversized members, hash mismatches and malformed manifests are refused with an
:class:`~editor.errors.InputError` that names the bundle and the problem.
"""

from __future__ import annotations

import hashlib
import json
import stat
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from editor.errors import InputError
from editor.formats.checks import FieldError, check_structure

FORMAT = "byline-bundle"
SCHEMA_VERSION = 1
MANIFEST = "post.json"
MARKDOWN = "post.md"
PAGE = "index.html"
MAX_MEMBERS = 5000
MAX_MEMBER_BYTES = 64 * 1024 * 1024  # one rendition or page
MAX_TEXT_BYTES = 16 * 1024 * 1024  # post.json, post.md
MAX_TOTAL_BYTES = 2 * 1024 * 1024 * 1024


class BundleError(InputError):
    def __init__(self, source: Path, message: str) -> None:
        super().__init__(f"{source}: {message}")


def _reason(exc: BaseException) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def is_bundle(path: Path) -> bool:
    """A folder or a zip file (anything else is left to the Markdown importer)."""
    return path.is_dir() or (path.is_file() and path.suffix.lower() == ".zip")


def check_member_name(source: Path, name: str) -> str:
    """``name`` as a safe relative POSIX path inside the bundle, or :class:`BundleError`."""
    if not name or "\\" in name or "\x00" in name:
        raise BundleError(source, f"member {name!r} has an unsafe name")
    path = PurePosixPath(name)
    if path.is_absolute() or name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        raise BundleError(source, f"member {name!r} has an absolute path")
    if any(part in ("..", "") for part in name.rstrip("/").split("/")) or ".." in path.parts:
        raise BundleError(source, f"member {name!r} points outside the bundle")
    return str(path)


@dataclass
class Bundle:
    """An opened, checked bundle: ``manifest`` is the parsed ``post.json``."""

    source: Path
    manifest: dict[str, Any]
    _files: dict[str, int] = field(default_factory=dict)  # name -> size
    _zip: zipfile.ZipFile | None = None

    def names(self) -> list[str]:
        return sorted(self._files)

    def read(self, name: str, limit: int = MAX_MEMBER_BYTES) -> bytes:
        if name not in self._files:
            raise BundleError(self.source, f"{name} is missing")
        if self._files[name] > limit:
            raise BundleError(self.source, f"{name} is too large ({self._files[name]} bytes)")
        if self._zip is not None:
            try:
                with self._zip.open(name) as handle:
                    data = handle.read(limit + 1)
            except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError,
                    RuntimeError, OSError, ValueError) as exc:  # fmt: skip
                raise BundleError(self.source, f"{name} is damaged ({_reason(exc)})") from None
        else:
            with (self.source / name).open("rb") as handle:
                data = handle.read(limit + 1)
        if len(data) > limit:
            raise BundleError(self.source, f"{name} is larger than it claims")
        return data

    def read_text(self, name: str) -> str:
        try:
            return self.read(name, MAX_TEXT_BYTES).decode("utf-8")
        except UnicodeDecodeError:
            raise BundleError(self.source, f"{name} is not UTF-8 text") from None

    def verified(self, name: str, limit: int = MAX_MEMBER_BYTES) -> bytes:
        """The member's bytes, checked against the SHA-256 the manifest gives for it."""
        data = self.read(name, limit)
        expected = self.file_hashes().get(name)
        if expected is None:
            raise BundleError(self.source, f"{name} is not listed in {MANIFEST}")
        if sha256(data) != expected:
            raise BundleError(self.source, f"{name} does not match its SHA-256 in {MANIFEST} "
                                           "(changed after export?)")  # fmt: skip
        return data

    def file_hashes(self) -> dict[str, str]:
        return {f["path"]: f["sha256"] for f in self.manifest["files"]}

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()

    def __enter__(self) -> Bundle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_bundle(path: Path) -> Bundle:
    """Open and check a bundle folder or zip. The caller closes it (``with``)."""
    if path.is_dir():
        files = _folder_members(path)
        bundle = Bundle(source=path, manifest={}, _files=files)
    elif path.is_file():
        try:
            archive = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
            raise BundleError(path, f"not a readable zip file ({_reason(exc)})") from None
        try:
            files = _zip_members(path, archive)
        except BaseException:
            archive.close()
            raise
        bundle = Bundle(source=path, manifest={}, _files=files, _zip=archive)
    else:
        raise InputError(f"no such file or folder: {path}")
    try:
        bundle.manifest = _manifest(bundle)
    except BaseException:
        bundle.close()
        raise
    return bundle


def _folder_members(root: Path) -> dict[str, int]:
    if root.is_symlink():
        raise BundleError(root, "the bundle folder is a link")
    files: dict[str, int] = {}
    total = 0
    for path in sorted(root.rglob("*")):
        name = path.relative_to(root).as_posix()
        info = path.lstat()
        if stat.S_ISLNK(info.st_mode):
            raise BundleError(root, f"{name} is a link; bundles may hold only plain files")
        if stat.S_ISDIR(info.st_mode):
            continue
        if not stat.S_ISREG(info.st_mode):
            raise BundleError(root, f"{name} is not a plain file")
        files[check_member_name(root, name)] = info.st_size
        total += info.st_size
        _check_sizes(root, name, info.st_size, len(files), total)
    return files


def _zip_members(source: Path, archive: zipfile.ZipFile) -> dict[str, int]:
    files: dict[str, int] = {}
    total = 0
    for info in archive.infolist():
        name = check_member_name(source, info.filename)
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise BundleError(source, f"{info.filename} is a link; bundles may hold only files")
        if info.flag_bits & 0x1:
            raise BundleError(source, f"{info.filename} is encrypted")
        if info.is_dir():
            continue
        if name in files:
            raise BundleError(source, f"{info.filename} appears twice")
        files[name] = info.file_size
        total += info.file_size
        _check_sizes(source, name, info.file_size, len(files), total)
    return files


def _check_sizes(source: Path, name: str, size: int, count: int, total: int) -> None:
    if count > MAX_MEMBERS:
        raise BundleError(source, f"more than {MAX_MEMBERS} files")
    if size > MAX_MEMBER_BYTES:
        raise BundleError(source, f"{name} is too large ({size} bytes)")
    if total > MAX_TOTAL_BYTES:
        raise BundleError(source, "the bundle is too large")


def _manifest(bundle: Bundle) -> dict[str, Any]:
    source = bundle.source
    if MANIFEST not in bundle._files:
        raise BundleError(source, f"no {MANIFEST}: not a Byline export bundle")
    try:
        data = json.loads(bundle.read_text(MANIFEST))
    except json.JSONDecodeError as exc:
        raise BundleError(
            source, f"{MANIFEST} is not valid JSON (line {exc.lineno}: {exc.msg})"
        ) from None
    except RecursionError:
        raise BundleError(source, f"{MANIFEST} is nested too deeply") from None
    try:
        check_structure(data)
    except FieldError as exc:
        raise BundleError(source, f"{MANIFEST}: {exc}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BundleError(source, f"{MANIFEST} is not a Byline bundle manifest")
    version = data.get("schema_version")
    if not isinstance(version, int) or version < 1:
        raise BundleError(source, f"{MANIFEST}: schema_version must be a positive number")
    if version > SCHEMA_VERSION:
        raise BundleError(source, f"{MANIFEST}: made by a newer Byline (schema {version}); "
                                  "update Byline to import it")  # fmt: skip
    for key, kind in (("post", dict), ("blog", dict), ("files", list), ("photos", list)):
        if not isinstance(data.get(key), kind):
            raise BundleError(source, f"{MANIFEST}: '{key}' is missing or malformed")
    for index, entry in enumerate(data["files"]):
        if not (
            isinstance(entry, dict)
            and isinstance(entry.get("path"), str)
            and isinstance(entry.get("sha256"), str)
        ):
            raise BundleError(source, f"{MANIFEST}: files[{index}] needs 'path' and 'sha256'")
        check_member_name(source, entry["path"])
    return data
