"""The pieces behind Preferences: where window state is kept, the colour scheme switch, the
Edit menu entry, and when the first-run welcome is (not) offered."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QWidget

WINDOW = QPalette.ColorRole.Window


def test_window_state_goes_to_the_platform_config_folder(tmp_path, monkeypatch):
    from editor.ui.window.settings import WindowSettings

    monkeypatch.setenv("BYLINE_CONFIG_DIR", str(tmp_path / "moved"))
    assert Path(WindowSettings().path) == tmp_path / "moved" / "byline.ini"
    monkeypatch.delenv("BYLINE_CONFIG_DIR")
    import platformdirs

    seen = []

    def platform_folder(app: str, author: str) -> str:
        seen.append((app, author))
        return str(tmp_path / "platform")

    monkeypatch.setattr(platformdirs, "user_config_dir", platform_folder)
    assert Path(WindowSettings().path) == tmp_path / "platform" / "byline.ini"
    assert seen == [("Byline", "Byline")]


@pytest.fixture
def app_palette(qapp):
    app = qapp
    yield app
    from editor.ui.window.theme import set_color_scheme

    set_color_scheme(app, "system")
    app.setPalette(app.style().standardPalette())


def test_the_scheme_goes_dark_and_back_to_the_systems(app_palette):
    from editor.ui.window.theme import is_dark, set_color_scheme

    set_color_scheme(app_palette, "system")
    assert not is_dark()  # offscreen: the platform's palette is light
    set_color_scheme(app_palette, "dark")
    assert is_dark() and app_palette.palette().color(WINDOW).lightness() < 100
    set_color_scheme(app_palette, "system")  # not misled by our own dark palette
    assert not is_dark() and app_palette.palette().color(WINDOW).lightness() > 150
    set_color_scheme(app_palette, "light")
    assert not is_dark()


def test_the_environment_still_wins_over_the_choice(app_palette, monkeypatch):
    from editor.ui.window.theme import is_dark, set_color_scheme

    monkeypatch.setenv("BYLINE_COLOR_SCHEME", "light")
    set_color_scheme(app_palette, "dark")
    assert not is_dark()


def test_preferences_is_in_the_edit_menu_with_ctrl_comma(open_window, db_path):
    from editor.ui.window.actions import Act

    window = open_window(db_path)
    action = window.actions_[Act.PREFERENCES]
    assert action.shortcut().toString() == "Ctrl+,"
    edit = next(m for m in window.menuBar().actions() if m.text() == "&Edit")
    assert action in edit.menu().actions()


def test_no_welcome_when_the_name_comes_from_the_environment(
    open_window, db_path, first_run, monkeypatch
):
    monkeypatch.setenv("BYLINE_USER_NAME", "Env Person")
    window = open_window(db_path)
    assert not window.preferences.needs_welcome()
    assert window.preferences.welcome is None and QApplication.activeModalWidget() is None


def test_every_control_of_the_dialogs_has_a_name(qtbot):
    from editor.ui.preferences.dialog import PreferencesDialog
    from editor.ui.preferences.welcome import WelcomeDialog

    for dialog in (
        PreferencesDialog({"name": "Ana"}, {"name": "BYLINE_USER_NAME"}),
        WelcomeDialog(),
    ):
        qtbot.addWidget(dialog)
        unnamed = [
            w.objectName() or type(w).__name__
            for w in dialog.findChildren(QWidget)
            if w.isVisibleTo(dialog)
            and w.focusPolicy() != w.focusPolicy().NoFocus
            and not w.accessibleName()
            and not getattr(w, "text", lambda: "")()
        ]
        assert unnamed == [], dialog.objectName()
