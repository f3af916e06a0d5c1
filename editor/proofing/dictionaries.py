"""Finding Hunspell dictionaries: the system's, and a user folder anyone can drop one into.

The user folder is ``<data folder>/dictionaries`` (``byline config`` prints the data folder;
``BYLINE_DATA_DIR`` moves it): a ``xx_YY.dic`` + ``xx_YY.aff`` pair, or a LibreOffice
extension (``.oxt``) whose pairs are unpacked into the cache folder on first use.
A user's dictionary wins over the system's of the same name.
"""

from __future__ import annotations

import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from editor.paths import user_cache_dir, user_data_dir

SYSTEM_FOLDERS = (
    "/usr/share/hunspell",
    "/usr/share/myspell",
    "/usr/share/myspell/dicts",
    "/usr/local/share/hunspell",
    "/opt/homebrew/share/hunspell",
    "/Library/Spelling",
)
# The Debian package that holds each language's dictionary ("make run" offers to install).
DEBIAN_PACKAGES = {
    "en_US": "hunspell-en-us",
    "en_GB": "hunspell-en-gb",
    "es": "hunspell-es",
    "pt_BR": "hunspell-pt-br",
    "pt_PT": "hunspell-pt-pt",
    "fr": "hunspell-fr",
}
# What a bare language code means when several regions exist.
PREFERRED_REGION = {"en": "en_US", "es": "es_ES", "pt": "pt_BR", "fr": "fr_FR", "de": "de_DE"}

_NAME = re.compile(r"^[a-z]{2,3}(?:[_-][A-Za-z0-9]+)*$")


@dataclass(frozen=True)
class DictionaryFile:
    """A ``.dic`` whose ``.aff`` sits beside it; ``name`` is e.g. ``es_AR`` or ``fr``."""

    name: str
    dic: Path
    origin: str  # "user" or "system"


def user_dictionary_dir() -> Path:
    return user_data_dir() / "dictionaries"


def normalise(code: str) -> str:
    """``es-ar`` / ``es_AR`` / ``ES`` -> ``es_AR`` / ``es``."""
    parts = code.strip().replace("-", "_").split("_")
    head = parts[0].lower()
    return "_".join([head, *(p.upper() if len(p) == 2 else p for p in parts[1:] if p)])


def _pairs_in(folder: Path, origin: str) -> dict[str, DictionaryFile]:
    found: dict[str, DictionaryFile] = {}
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return found
    for entry in entries:
        if entry.suffix == ".dic" and _NAME.match(entry.stem):
            if entry.with_suffix(".aff").is_file():
                found[normalise(entry.stem)] = DictionaryFile(normalise(entry.stem), entry, origin)
        elif entry.is_dir() and origin == "user":
            found.update(_pairs_in(entry, origin))
    return found


def _unpack_oxt(oxt: Path) -> Path:
    """The folder (in the cache) holding the ``.dic``/``.aff`` pairs of a LibreOffice ``.oxt``."""
    target = user_cache_dir() / "dictionaries" / f"{oxt.stem}-{int(oxt.stat().st_mtime)}"
    if target.is_dir():
        return target
    target.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(oxt) as archive:
        for member in archive.namelist():
            name = Path(member).name
            if Path(name).suffix in (".dic", ".aff") and _NAME.match(Path(name).stem):
                (target / name).write_bytes(archive.read(member))
    return target


def discover(extra_folders: tuple[str, ...] = ()) -> dict[str, DictionaryFile]:
    """Every dictionary this computer has, by normalised name."""
    found: dict[str, DictionaryFile] = {}
    env = os.environ.get("DICPATH", "")
    folders = [*extra_folders, *(p for p in env.split(os.pathsep) if p), *SYSTEM_FOLDERS]
    for folder in reversed(folders):  # earlier folders win
        found.update(_pairs_in(Path(folder), "system"))
    user = user_dictionary_dir()
    if user.is_dir():
        for oxt in sorted(user.glob("*.oxt")):
            try:
                found.update(_pairs_in(_unpack_oxt(oxt), "user"))
            except (OSError, zipfile.BadZipFile):
                continue
        found.update(_pairs_in(user, "user"))
    return found


def find(language: str, available: dict[str, DictionaryFile]) -> DictionaryFile | None:
    """The dictionary for a language tag: exact region, then the preferred one, then any."""
    code = normalise(language)
    if code in available:
        return available[code]
    base = code.split("_")[0]
    preferred = PREFERRED_REGION.get(base)
    if preferred and preferred in available:
        return available[preferred]
    if base in available:
        return available[base]
    regional = sorted(name for name in available if name.split("_")[0] == base)
    return available[regional[0]] if regional else None


def missing_debian_packages(available: dict[str, DictionaryFile]) -> list[str]:
    """Debian packages of the languages Byline promises that this computer lacks."""

    def has(lang: str) -> bool:
        if "_" in lang:  # a regional variant is its own dictionary (en_GB is not en_US)
            return lang in available
        return find(lang, available) is not None

    return [pkg for lang, pkg in DEBIAN_PACKAGES.items() if not has(lang)]
