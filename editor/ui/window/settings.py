"""Window state kept between runs, in an ini file in Byline's config folder
(``BYLINE_CONFIG_DIR`` overrides it, so tests never touch the real one)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from editor.paths import user_config_dir

VERSION = 1


class WindowSettings:
    """Geometry, dock/toolbar state, splitter sizes and the last open post (per database)."""

    def __init__(self, settings: QSettings | None = None) -> None:
        if settings is None:
            path = user_config_dir() / "byline.ini"
            settings = QSettings(str(path), QSettings.Format.IniFormat)
        self._s = settings
        if int(self._s.value("version", 0) or 0) != VERSION:
            self._s.setValue("version", VERSION)

    @property
    def path(self) -> str:
        return self._s.fileName()

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._s.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    def splitter(self) -> QByteArray | None:
        return self._bytes("window/splitter")

    def save_window(self, geometry: QByteArray, state: QByteArray, splitter: QByteArray) -> None:
        self._s.setValue("window/geometry", geometry)
        self._s.setValue("window/state", state)
        self._s.setValue("window/splitter", splitter)

    def last_post(self, database: str) -> str | None:
        value = self._s.value(f"last_post/{_key(database)}")
        return str(value) if value else None

    def set_last_post(self, database: str, uuid: str | None) -> None:
        self._s.setValue(f"last_post/{_key(database)}", uuid or "")

    def preview_width(self) -> str | None:
        """The preview's page width choice by name ("Fit", "Desktop"...), if one was made."""
        value = self._s.value("preview/page_width")
        return str(value) if value else None

    def set_preview_width(self, name: str) -> None:
        self._s.setValue("preview/page_width", name)

    def lease_token(self) -> str:
        """This install's edit-lease token (editor.ui.writing.lease_banner), made once: a
        window restarted after a crash goes on holding the posts it held, and two windows of
        one install never lock each other out (optimistic concurrency settles those)."""
        value = self._s.value("leases/token")
        if not value:
            import uuid

            value = str(uuid.uuid4())
            self._s.setValue("leases/token", value)
        return str(value)

    def flag(self, key: str) -> bool:
        """A remembered on/off choice (``group/name``), off when never made."""
        return str(self._s.value(key, "false")).lower() == "true"

    def set_flag(self, key: str, on: bool) -> None:
        self._s.setValue(key, "true" if on else "false")

    def sync(self) -> None:
        self._s.sync()


def _key(database: str) -> str:
    """The database location as one ini key (no slashes: they would nest groups)."""
    return database.replace("\\", "/").replace("/", "|")
