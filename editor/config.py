"""The writer's preferences: who they are, how new posts start, how the window looks.

Declared once in :data:`SETTINGS` (key, type, default, help, choices, environment override) and
kept in ``config.toml`` in Byline's config folder (:func:`editor.paths.user_config_dir`). The
window's Preferences dialog, ``byline config get|set|unset|list`` and ``byline whoami`` all go
through :class:`Config`. Window state (geometry, docks) is not a preference: it stays in
``byline.ini`` beside this file (``editor.ui.window.settings``).

The file carries a ``version``; :data:`UPGRADES` turns an older file into the current shape when
it is read. Keys this Byline does not know are kept as they are when the file is written.
"""

from __future__ import annotations

import math
import os
import re
import tomllib
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypedDict, TypeVar, cast

from editor.errors import BylineError, InputError
from editor.paths import user_config_dir

if TYPE_CHECKING:
    from editor.model.people import Person

VERSION = 1
FILE_NAME = "config.toml"

T = TypeVar("T", str, bool)


class ConfigError(BylineError):
    """The config file cannot be read or written; it was left as it is."""


class Setting(Generic[T]):
    """One preference, declared once. (A plain class: a dataclass would cost compile time
    before the window's first paint, which reads the colour scheme.)"""

    def __init__(
        self,
        key: str,  # "section.name"
        default: T,
        help: str,
        *,
        choices: tuple[str, ...] = (),
        env: str | None = None,  # an environment variable that overrides the file
        check: Callable[[str], str | None] | None = None,  # text -> why it is wrong, or None
    ) -> None:
        self.key = key
        self.default: T = default
        self.help = help
        self.choices = choices
        self.env = env
        self.check = check

    def __repr__(self) -> str:
        return f"Setting({self.key!r})"

    @property
    def kind(self) -> type:
        return type(self.default)

    def parse(self, text: str) -> T:
        """``text`` (from the command line or the environment) as this setting's value."""
        if isinstance(self.default, bool):
            word = text.strip().lower()
            if word in ("true", "yes", "on", "1"):
                return cast(T, True)
            if word in ("false", "no", "off", "0"):
                return cast(T, False)
            raise InputError(f"{self.key}: give true or false, not {text!r}.")
        value = text.strip()
        if self.choices and value.lower() not in self.choices:
            raise InputError(f"{self.key}: choose one of {', '.join(self.choices)} (not {text!r}).")
        if self.choices:
            value = value.lower()
        if self.check is not None and (why := self.check(value)):
            raise InputError(f"{self.key}: {why}")
        return cast(T, value)


def _short(limit: int) -> Callable[[str], str | None]:
    return lambda text: f"at most {limit} characters." if len(text) > limit else None


def _email(text: str) -> str | None:
    if text and not re.fullmatch(r"[^@\s]+@[^@\s]+", text):
        return f"{text!r} is not an e-mail address (name@example.org)."
    return None


def _language(text: str) -> str | None:
    if not re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", text):
        return f"{text!r} is not a language code (such as en, es or pt-BR)."
    return None


USER_NAME = Setting("user.name", "", "your name, as new posts' bylines show it",
                    env="BYLINE_USER_NAME", check=_short(300))  # fmt: skip
USER_EMAIL = Setting("user.email", "", "your e-mail address (never published)",
                     env="BYLINE_USER_EMAIL", check=_email)  # fmt: skip
ROLE = Setting("writing.role", "",
               "byline role of new posts, e.g. 'Guest blogger'; empty: the blog's own default",
               check=_short(200))  # fmt: skip
LANGUAGE = Setting("writing.language", "en", "language code new blogs start with (en, es, …)",
                   check=_language)  # fmt: skip
SCHEME = Setting("appearance.scheme", "system",
                 "colour scheme of the window: system (follow the desktop), light or dark",
                 choices=("system", "light", "dark"), env="BYLINE_COLOR_SCHEME")  # fmt: skip
WELCOMED = Setting("welcome.done", False,
                   "the first-run welcome was answered or skipped (not shown again)")  # fmt: skip

SKIP_ALL_CAPS = Setting("spelling.skip_all_caps", True,
                        "spelling passes over words in ALL CAPS (acronyms: ONU, FIFA)")  # fmt: skip
SKIP_WITH_DIGITS = Setting("spelling.skip_with_digits", True,
                           "spelling passes over words with digits (G20, COVID19)")  # fmt: skip

SETTINGS: tuple[Setting[Any], ...] = (USER_NAME, USER_EMAIL, ROLE, LANGUAGE, SCHEME, WELCOMED,
                                      SKIP_ALL_CAPS, SKIP_WITH_DIGITS)  # fmt: skip

# version -> function turning a file of that version into the next one's shape
UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def find_setting(key: str) -> Setting[Any]:
    for setting in SETTINGS:
        if setting.key == key:
            return setting
    known = ", ".join(s.key for s in SETTINGS)
    raise InputError(f"no setting {key!r}; the settings are: {known}.")


def config_path() -> Path:
    return user_config_dir() / FILE_NAME


class Config:
    """The preferences as stored, plus the environment's overrides (which are never saved)."""

    def __init__(
        self,
        path: Path,
        data: dict[str, Any] | None = None,
        env: Mapping[str, str] | None = None,
    ) -> None:
        self.path = path
        self._data: dict[str, Any] = data if data is not None else {}
        self._env = os.environ if env is None else env
        self.newer = False  # written by a newer Byline: read what is known, never overwrite

    @classmethod
    def load(cls, path: Path | None = None, env: Mapping[str, str] | None = None) -> Config:
        """The file at ``path`` (default: :func:`config_path`); a missing file is all defaults.

        Raises :class:`ConfigError` naming the file and the problem when it cannot be read."""
        path = path or config_path()
        try:
            with path.open("rb") as f:
                data = tomllib.load(f)
        except FileNotFoundError:
            return cls(path, {}, env)
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"{path}: cannot be read ({exc}); fix or delete it.") from None
        version = data.get("version", VERSION)
        if not isinstance(version, int) or version < 1:
            raise ConfigError(f"{path}: 'version' must be a whole number, not {version!r}.")
        while version < VERSION:
            data = UPGRADES[version](data)
            version += 1
        config = cls(path, data, env)
        config.newer = version > VERSION
        return config

    @classmethod
    def load_or_defaults(cls, path: Path | None = None) -> tuple[Config, str | None]:
        """For the window: the config, or defaults (never saved over the bad file) and why."""
        try:
            return cls.load(path), None
        except ConfigError as exc:
            return _Unwritable(path or config_path(), str(exc)), str(exc)

    # -- reading ----------------------------------------------------------------------------
    def get(self, setting: Setting[T]) -> T:
        """The value in effect: the environment's override, else the file's, else the default."""
        if setting.env and (text := self._env.get(setting.env, "").strip()):
            try:
                return setting.parse(text)
            except InputError:
                pass  # a bad override is ignored (and shown by `byline config list`)
        stored = self._stored(setting)
        return setting.default if stored is None else stored

    def stored(self, setting: Setting[T]) -> T:
        """The value the file holds (or the default), ignoring the environment: what the
        Preferences dialog edits."""
        stored = self._stored(setting)
        return setting.default if stored is None else stored

    def source(self, setting: Setting[Any]) -> str:
        if setting.env and self._env.get(setting.env, "").strip():
            try:
                setting.parse(self._env[setting.env])
                return f"environment ({setting.env})"
            except InputError as exc:
                return f"ignored environment ({setting.env}: {exc})"
        return "config file" if self._stored(setting) is not None else "default"

    def _stored(self, setting: Setting[T]) -> T | None:
        section, name = setting.key.split(".")
        table = self._data.get(section)
        value = table.get(name) if isinstance(table, dict) else None
        if value is None or not isinstance(value, setting.kind):
            return None
        if setting.choices and value not in setting.choices:
            return None
        return cast(T, value)

    # -- changing ---------------------------------------------------------------------------
    def set(self, setting: Setting[T], value: T) -> None:
        if not isinstance(value, setting.kind):
            raise InputError(f"{setting.key}: expected {setting.kind.__name__}, got {value!r}.")
        if isinstance(value, str):
            value = setting.parse(value)
        section, name = setting.key.split(".")
        table = self._data.setdefault(section, {})
        if not isinstance(table, dict):
            raise ConfigError(f"{self.path}: [{section}] is not a table; fix or delete the file.")
        table[name] = value

    def set_text(self, key: str, text: str) -> Setting[Any]:
        setting = find_setting(key)
        self.set(setting, setting.parse(text))
        return setting

    def unset(self, key: str) -> Setting[Any]:
        setting = find_setting(key)
        section, name = setting.key.split(".")
        table = self._data.get(section)
        if isinstance(table, dict):
            table.pop(name, None)
            if not table:
                del self._data[section]
        return setting

    def save(self) -> None:
        """Write the file (atomically: a reader never sees half of it)."""
        if self.newer:
            raise ConfigError(
                f"{self.path} was written by a newer Byline; it was not changed "
                "(update Byline, or move the file away to start afresh)."
            )
        data = {"version": VERSION, **{k: v for k, v in self._data.items() if k != "version"}}
        text = "# Byline's preferences: `byline config list` explains every key.\n" + dumps(data)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            part = self.path.with_name(f".{self.path.name}.{os.getpid()}.part")
            part.write_text(text, encoding="utf-8")
            part.replace(self.path)
        except OSError as exc:
            raise ConfigError(f"{self.path}: cannot be written ({exc}).") from None


class _Unwritable(Config):
    """Defaults in place of a config file that could not be read: saving would destroy it."""

    def __init__(self, path: Path, why: str) -> None:
        super().__init__(path, {})
        self.why = why

    def save(self) -> None:
        raise ConfigError(self.why)


class NewPostFields(TypedDict, total=False):
    byline: str
    byline_role: str


def post_defaults(config: Config) -> NewPostFields:
    """The fields a new post starts with: the writer's name and, when set, their role (without
    one, the blog's default role applies)."""
    fields: NewPostFields = {"byline": config.get(USER_NAME)}
    if role := config.get(ROLE):
        fields["byline_role"] = role
    return fields


def person(config: Config) -> Person:
    """Who is at this install, as revisions, status changes and comments record them."""
    from editor.model.people import Person, local_zone

    return Person(config.get(USER_NAME), config.get(USER_EMAIL), local_zone())


# -- a small TOML writer (tomllib only reads) ---------------------------------------------------
def dumps(data: Mapping[str, Any]) -> str:
    lines: list[str] = []
    tables: list[tuple[str, Mapping[str, Any]]] = []
    for key, value in data.items():
        if isinstance(value, Mapping):
            tables.append((_key(key), value))
        else:
            lines.append(f"{_key(key)} = {_value(value)}")
    for name, table in tables:
        lines.extend(_table(name, table))
    return "\n".join(lines) + "\n"


def _table(name: str, table: Mapping[str, Any]) -> Iterator[str]:
    yield ""
    yield f"[{name}]"
    nested = []
    for key, value in table.items():
        if isinstance(value, Mapping):
            nested.append((f"{name}.{_key(key)}", value))
        else:
            yield f"{_key(key)} = {_value(value)}"
    for sub, value in nested:
        yield from _table(sub, value)


def _key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else _string(key)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if hasattr(value, "isoformat"):  # dates and times read by tomllib
        return str(value.isoformat())
    raise ConfigError(f"cannot write {value!r} to the config file.")


_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f",
            "\r": "\\r"}  # fmt: skip


def _string(text: str) -> str:
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'
