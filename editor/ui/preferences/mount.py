"""Preferences in the main window: Edit ▸ Preferences… (Ctrl+,), the first-run welcome, the
fields a new post starts with, and the colour scheme, all from one :class:`~editor.config.Config`.

The welcome is offered once the database is open, only when no name is set and the config does
not record it as answered or skipped (``welcome.done``): the test suite's config says it was,
and the journeys that test the first run start from an empty config.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog

from editor.config import SCHEME, USER_NAME, WELCOMED, Config, ConfigError, post_defaults
from editor.ui.window.actions import Act
from editor.ui.window.theme import set_color_scheme

if TYPE_CHECKING:
    from editor.ui.preferences.dialog import PreferencesDialog
    from editor.ui.preferences.welcome import WelcomeDialog
    from editor.ui.window.main_window import MainWindow

log = logging.getLogger(__name__)


class PreferencesUi(QObject):
    saved = Signal()  # the preferences were written to the config file
    welcome_closed = Signal()  # the first-run welcome was answered or skipped

    def __init__(self, window: MainWindow, config: Config) -> None:
        super().__init__(window)
        self.window = window
        self.config = config
        self.dialog: PreferencesDialog | None = None
        self.welcome: WelcomeDialog | None = None
        self._welcome_offered = False
        action = window.actions_[Act.PREFERENCES]
        action.setMenuRole(QAction.MenuRole.PreferencesRole)  # macOS: the application menu
        window.actions_.connect(Act.PREFERENCES, self.open_preferences)
        window.controller.store_opened.connect(lambda _opened: self.offer_welcome())

    def post_fields(self) -> dict[str, str]:
        """What a new post starts with: the writer's byline (and role, when set)."""
        return post_defaults(self.config)

    # -- first run --------------------------------------------------------------------------
    def needs_welcome(self) -> bool:
        return not self.config.get(USER_NAME) and not self.config.get(WELCOMED)

    def offer_welcome(self) -> None:
        """Ask for the name, once (window-modal, not blocking: the window keeps painting)."""
        if self._welcome_offered or not self.needs_welcome():
            return
        from editor.ui.preferences.welcome import WelcomeDialog

        self._welcome_offered = True
        dialog = WelcomeDialog(self.window)
        dialog.finished.connect(lambda _result: self._welcomed(dialog))
        self.welcome = dialog
        dialog.open()

    def _welcomed(self, dialog: WelcomeDialog) -> None:
        if name := dialog.chosen_name():
            self.config.set(USER_NAME, name)
        self.config.set(WELCOMED, True)
        self._save()
        self.welcome = None
        dialog.deleteLater()
        self.welcome_closed.emit()

    # -- the dialog -------------------------------------------------------------------------
    def open_preferences(self) -> None:
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        from editor.ui.preferences.dialog import FIELDS, PreferencesDialog

        values = {key: self.config.stored(setting) for key, setting in FIELDS.items()}
        overridden = {
            key: setting.env
            for key, setting in FIELDS.items()
            if setting.env and self.config.source(setting).startswith("environment")
        }
        dialog = PreferencesDialog(values, overridden, self.window)
        dialog.scheme_chosen.connect(self.apply_scheme)
        dialog.finished.connect(lambda result: self._closed(dialog, result, values["scheme"]))
        self.dialog = dialog
        dialog.open()

    def _closed(self, dialog: PreferencesDialog, result: int, scheme_before: str) -> None:
        self.dialog = None
        dialog.deleteLater()
        if result != QDialog.DialogCode.Accepted:
            self.apply_scheme(scheme_before)  # Cancel undoes the live preview of a scheme
            return
        from editor.ui.preferences.dialog import FIELDS

        values = dialog.values()
        for key, setting in FIELDS.items():
            self.config.set(setting, values[key])
        self._save()
        self.apply_scheme(self.config.get(SCHEME))

    def apply_scheme(self, scheme: str) -> None:
        app: Any = QApplication.instance()
        set_color_scheme(app, scheme)
        self.window._scheme_changed()

    def _save(self) -> None:
        try:
            self.config.save()
        except ConfigError as exc:
            log.warning("preferences not saved: %s", exc)
            self.window.statusBar().showMessage(f"Preferences not saved: {exc}", 15000)
            return
        self.saved.emit()
