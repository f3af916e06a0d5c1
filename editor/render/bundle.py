"""Writing an export bundle: the page as readers get it, plus everything to import it again.

Layout: ``index.html`` (relative links only; opens offline from disk), ``assets/`` (the theme's
files), ``images/`` (photo renditions: pass them as ``images``), ``post.md`` (front matter and
body) and ``post.json`` (the manifest: every post field, the blog, photos, sidebar, each file's
SHA-256, Byline's version and the schema version).

Written atomically: into a temporary folder or file beside the target, then renamed over it.
If anything fails the earlier export (if any) is left as it was and the error says what failed.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
import zipfile
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any

from editor import __version__
from editor.errors import BylineError, InputError
from editor.formats.bundle import FORMAT, MANIFEST, MARKDOWN, PAGE, SCHEMA_VERSION, sha256
from editor.model import utcnow
from editor.render.context import PageData
from editor.render.page import RenderedPage, render_page
from editor.render.themes import Theme

ASSETS = "assets/"
IMAGES = "images/"


@dataclass(frozen=True)
class ExportResult:
    target: Path
    files: list[str]
    page: RenderedPage


def build_bundle(
    data: PageData,
    *,
    theme: Theme,
    post_json: dict[str, Any],
    blog_json: dict[str, Any],
    markdown: str,
    images: Mapping[str, bytes] | None = None,
    photos: list[dict[str, Any]] | None = None,
) -> tuple[dict[str, bytes], RenderedPage]:
    """Every file of the bundle by its relative path, and the rendered page.

    ``images`` maps names under ``images/`` to their bytes (the photo renditions the page's
    ``PhotoView``s point at); ``photos`` is their metadata for the manifest.
    """
    if theme.error:
        raise InputError(f"theme {theme.name!r} cannot be used: {theme.error}")
    page = render_page(data, theme=theme, mode="export", asset_prefix=ASSETS)
    if page.error:
        raise InputError(f"theme {theme.name!r} failed to render the page: {page.error}")
    files: dict[str, bytes] = {PAGE: page.html.encode("utf-8")}
    for relative in theme.asset_files():
        try:
            files[ASSETS + relative.as_posix()] = (theme.assets_dir / relative).read_bytes()
        except OSError as exc:
            raise BylineError(f"theme {theme.name!r}: cannot read {relative} ({exc})") from None
    for name, content in (images or {}).items():
        files[IMAGES + name] = content
    files[MARKDOWN] = markdown.encode("utf-8")
    manifest = {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION,
        "byline_version": __version__,
        "exported_at": utcnow().isoformat(),
        "theme": theme.name,
        "post": post_json,
        "blog": blog_json,
        "photos": list(photos or []),
        "sidebar": [_entry(e) for e in (asdict(s) for s in data.sidebar)],
        "removed": [{"what": r.what, "why": r.why} for r in page.removed],
        "files": [
            {"path": name, "sha256": sha256(content), "size": len(content)}
            for name, content in sorted(files.items())
        ],
    }
    text = json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
    files[MANIFEST] = text.encode("utf-8")
    return files, page


def _entry(values: dict[str, Any]) -> dict[str, Any]:
    when = values.get("date")
    values["date"] = when.isoformat() if isinstance(when, date) else None  # datetime is a date
    return values


def write_bundle(target: Path, files: Mapping[str, bytes]) -> None:
    """Write ``files`` as a folder, or a zip when ``target`` ends in ``.zip``; atomically."""
    target = target.expanduser()
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise InputError(f"{target}: the folder {parent} does not exist")
    _remove_stale_temporaries(target, parent)
    try:
        if target.suffix.lower() == ".zip":
            _write_zip(target, parent, files)
        else:
            _write_folder(target, parent, files)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise BylineError(
            f"export to {target} failed ({reason}); any earlier export there is unchanged"
        ) from None


def _write_zip(target: Path, parent: Path, files: Mapping[str, bytes]) -> None:
    if target.is_dir():
        raise InputError(f"{target} is a folder; give a file name ending in .zip")
    handle, temp = tempfile.mkstemp(prefix=_temp_prefix(target), suffix=".tmp", dir=parent)
    os.close(handle)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(temp, 0o666 & ~umask)  # mkstemp makes 0600; an export is an ordinary file
    try:
        with zipfile.ZipFile(temp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for folder in (ASSETS, IMAGES):
                archive.writestr(folder, b"")
            for name, content in sorted(files.items()):
                archive.writestr(name, content)
        _fsync(Path(temp))
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _write_folder(target: Path, parent: Path, files: Mapping[str, bytes]) -> None:
    if target.exists() and not _replaceable(target):
        raise InputError(
            f"{target} exists and is not an earlier Byline export; choose another folder"
        )
    temp = Path(tempfile.mkdtemp(prefix=_temp_prefix(target), suffix=".tmp", dir=parent))
    old: Path | None = None
    try:
        (temp / ASSETS).mkdir()
        (temp / IMAGES).mkdir()
        for name, content in files.items():
            path = temp / name
            path.parent.mkdir(parents=True, exist_ok=True)
            _write_file(path, content)
        temp.chmod(0o755)
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=_temp_prefix(target), suffix=".old", dir=parent))
            old.rmdir()
            os.rename(target, old)
        try:
            os.rename(temp, target)
        except BaseException:
            if old is not None:
                os.rename(old, target)  # put the earlier export back
                old = None
            raise
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


STALE_AFTER = 3600  # seconds: a temporary without a pid in its name is surely abandoned


def _temp_prefix(target: Path) -> str:
    """``.NAME.PID.``: the next export can tell a killed export's leftovers from a running one."""
    return f".{target.name}.{os.getpid()}."


def _remove_stale_temporaries(target: Path, parent: Path) -> None:
    """Leftovers of exports to ``target`` that were killed: ``.NAME.PID.*.tmp`` (and ``.old``)
    whose process is gone, or older than an hour when the name carries no pid."""
    prefix = f".{target.name}."
    now = time.time()
    try:
        candidates = [p for p in parent.iterdir() if p.name.startswith(prefix)
                      and p.name.endswith((".tmp", ".old"))]  # fmt: skip
    except OSError:
        return
    for path in candidates:
        middle = path.name[len(prefix) :].split(".", 1)[0]
        try:
            if middle.isdigit():
                if _running(int(middle)):
                    continue
            elif now - path.lstat().st_mtime < STALE_AFTER:
                continue
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
        except OSError:
            continue


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # someone else's process, or unknowable: leave its file alone
    return True


def _write_file(path: Path, content: bytes) -> None:
    with path.open("wb") as out:
        out.write(content)


def _replaceable(target: Path) -> bool:
    """An empty folder, or one holding an earlier export (never the user's other files)."""
    if target.is_symlink() or not target.is_dir():
        return False
    if not any(target.iterdir()):
        return True
    try:
        manifest = json.loads((target / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(manifest, dict) and manifest.get("format") == FORMAT


def _fsync(path: Path) -> None:
    with path.open("rb") as handle:
        os.fsync(handle.fileno())
