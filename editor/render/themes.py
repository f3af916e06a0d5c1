"""Themes: a folder a user can copy and edit — ``theme.toml``, ``templates/``, ``assets/``.

Shipped themes live in ``resources/themes/``; the user's own in ``<user data>/themes/`` (a user
theme with a shipped theme's name replaces it). A theme that cannot be used still loads, with
``error`` set: the page then shows that error instead of crashing the preview.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from editor.errors import InputError
from editor.paths import resources_root, user_data_dir
from editor.values import DEFAULT_THEME

MANIFEST = "theme.toml"


class ThemeError(InputError):
    """A theme is missing or broken; the message names the theme and the file."""


@dataclass(frozen=True)
class Stylesheet:
    file: str  # relative to the theme's assets/ folder
    media: str = "all"


@dataclass(frozen=True)
class Theme:
    name: str
    folder: Path
    title: str = ""
    description: str = ""
    template: str = "page.html"
    stylesheets: tuple[Stylesheet, ...] = ()
    error: str | None = None  # why the theme cannot be used (then render_page shows it)
    user: bool = False

    @property
    def templates_dir(self) -> Path:
        return self.folder / "templates"

    @property
    def assets_dir(self) -> Path:
        return self.folder / "assets"

    def asset_files(self) -> list[Path]:
        """Every file of ``assets/`` (what an export copies), relative to that folder."""
        if not self.assets_dir.is_dir():
            return []
        return sorted(
            p.relative_to(self.assets_dir)
            for p in self.assets_dir.rglob("*")
            if p.is_file() and not p.is_symlink()
        )


@dataclass(frozen=True)
class ThemeInfo:
    name: str
    title: str
    user: bool
    error: str | None = None
    folder: Path = field(default=Path())


def shipped_themes_dir() -> Path:
    return resources_root() / "themes"


def user_themes_dir() -> Path:
    return user_data_dir() / "themes"


def _folder_for(name: str) -> tuple[Path, bool] | None:
    for base, user in ((user_themes_dir(), True), (shipped_themes_dir(), False)):
        folder = base / name
        if (folder / MANIFEST).is_file():
            return folder, user
    return None


def load_theme(name: str | None = None) -> Theme:
    """The theme called ``name`` (default: newsroom). Never raises: a broken or missing theme
    comes back with ``error`` set (see :func:`require_theme` for callers that must stop)."""
    name = (name or DEFAULT_THEME).strip()
    if not name or "/" in name or "\\" in name or name.startswith("."):
        return Theme(name=name, folder=Path(), error=f"{name!r} is not a theme name")
    found = _folder_for(name)
    if found is None:
        where = f"{user_themes_dir()} or {shipped_themes_dir()}"
        return Theme(name=name, folder=Path(), error=f"theme {name!r} not found in {where}")
    folder, user = found
    try:
        return _read(name, folder, user)
    except ThemeError as exc:
        return Theme(name=name, folder=folder, user=user, error=str(exc))


def require_theme(name: str | None = None) -> Theme:
    """Like :func:`load_theme`, but a broken theme raises :class:`ThemeError`."""
    theme = load_theme(name)
    if theme.error:
        raise ThemeError(theme.error)
    return theme


def _read(name: str, folder: Path, user: bool) -> Theme:
    manifest = folder / MANIFEST
    try:
        data = tomllib.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ThemeError(f"{manifest}: cannot read ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ThemeError(f"{manifest}: not valid TOML ({exc})") from None
    template = str(data.get("template", "page.html"))
    if not (folder / "templates" / template).is_file():
        raise ThemeError(f"{manifest}: template {template!r} not found in {folder / 'templates'}")
    sheets: list[Stylesheet] = []
    for index, entry in enumerate(data.get("stylesheets", [])):
        if not isinstance(entry, dict) or not isinstance(entry.get("file"), str):
            raise ThemeError(f"{manifest}: stylesheets[{index}] needs a 'file'")
        file = entry["file"]
        path = (folder / "assets" / file).resolve()
        if not path.is_relative_to((folder / "assets").resolve()) or not path.is_file():
            raise ThemeError(f"{manifest}: stylesheet {file!r} not found in assets/")
        sheets.append(Stylesheet(file=file, media=str(entry.get("media", "all"))))
    return Theme(
        name=name,
        folder=folder,
        title=str(data.get("title", name)),
        description=str(data.get("description", "")),
        template=template,
        stylesheets=tuple(sheets),
        user=user,
    )


def available_themes() -> list[ThemeInfo]:
    """Every theme a blog can pick (user themes first, then shipped ones not replaced)."""
    seen: dict[str, ThemeInfo] = {}
    for base, user in ((user_themes_dir(), True), (shipped_themes_dir(), False)):
        if not base.is_dir():
            continue
        for folder in sorted(base.iterdir()):
            if folder.name in seen or not (folder / MANIFEST).is_file():
                continue
            theme = load_theme(folder.name)
            seen[folder.name] = ThemeInfo(folder.name, theme.title or folder.name, user,
                                          theme.error, folder)  # fmt: skip
    return sorted(seen.values(), key=lambda t: t.name)
