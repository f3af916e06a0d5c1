"""Who is writing and how the window looks: the first run asks the name once, new posts carry
it, Preferences switches the window to dark at once, and all of it survives a restart."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

WINDOW = QPalette.ColorRole.Window


@pytest.fixture
def system_scheme() -> Iterator[None]:
    """Each test (and each 'restart' inside one) begins with the system's scheme, as a new
    process does; the light palette is put back afterwards for the tests that follow."""
    from editor.ui.window.theme import set_color_scheme

    app = QApplication.instance()
    set_color_scheme(app, "system")
    yield
    set_color_scheme(app, "system")
    app.setPalette(app.style().standardPalette())


def new_post_shows_byline(j, name: str) -> None:
    """Ctrl+N, then the form's byline and the preview's byline both carry ``name``."""
    j.focus(j.window.body)
    before = j.window.controller.current.id
    j.shortcut("Ctrl+N")
    j.wait(lambda: j.window.controller.current.id != before)
    assert j.window.form.byline.text() == name
    assert j.window.form.byline_role.text() == "Guest blogger"  # the blog's default role
    shown = (f"By {name}", "Guest blogger")
    j.wait(lambda: (j.preview_text(".byline"), j.preview_text(".role")) == shown)


def test_the_first_run_asks_the_name_once_and_new_posts_carry_it(
    journey, db_path, first_run, system_scheme
):
    j = journey(db_path)
    welcome = j.wait_dialog("welcome_dialog")
    j.wait(welcome.name.hasFocus)
    j.type("Ana Ruiz\n")  # into the focused name field; Enter is "Start writing"
    j.wait(lambda: QApplication.activeModalWidget() is None)
    stored = tomllib.loads(first_run.read_text(encoding="utf-8"))
    assert stored["user"] == {"name": "Ana Ruiz"} and stored["welcome"] == {"done": True}

    new_post_shows_byline(j, "Ana Ruiz")

    j.close()  # restart: a new window on the same database and config
    again = journey(db_path)
    assert QApplication.activeModalWidget() is None  # the welcome does not come back
    new_post_shows_byline(again, "Ana Ruiz")


def test_skipping_the_welcome_is_remembered_too(journey, db_path, first_run, system_scheme):
    j = journey(db_path, preview=False)
    welcome = j.wait_dialog("welcome_dialog")
    j.click(welcome.skip)
    j.wait(lambda: QApplication.activeModalWidget() is None)
    assert tomllib.loads(first_run.read_text(encoding="utf-8"))["welcome"] == {"done": True}
    j.close()
    journey(db_path, preview=False)
    assert QApplication.activeModalWidget() is None


def test_dark_appearance_is_applied_at_once_and_kept_with_the_name(
    journey, db_path, system_scheme, tmp_path
):
    from editor.ui.window.theme import DARK

    j = journey(db_path)
    app = QApplication.instance()
    assert j.window.palette().color(WINDOW).lightness() > 150  # the system's (light) scheme
    j.focus(j.window.body)
    j.shortcut("Ctrl+,")
    prefs = j.wait_dialog("preferences_dialog")
    j.wait(prefs.name.hasFocus)
    j.type("Bea Soto")
    dark = prefs.scheme_buttons["dark"]
    j.click(dark, at=QPoint(8, dark.height() // 2))  # on the radio button's circle
    # applied at once, before OK: the window, the app and the editor's highlighter
    j.wait(lambda: j.window.palette().color(WINDOW).lightness() < 100)
    assert app.palette().color(WINDOW).lightness() < 100
    assert j.window.body.highlighter._heading.foreground().color() == DARK.heading
    j.press(Qt.Key.Key_Return, widget=prefs.name)  # OK
    j.wait(lambda: QApplication.activeModalWidget() is None)
    stored = tomllib.loads((tmp_path / "user-config" / "config.toml").read_text("utf-8"))
    assert stored["appearance"] == {"scheme": "dark"}
    assert stored["user"]["name"] == "Bea Soto"

    j.close()
    from editor.ui.window.theme import set_color_scheme

    set_color_scheme(app, "system")  # what a new process starts from
    assert app.palette().color(WINDOW).lightness() > 150
    again = journey(db_path)
    assert again.window.palette().color(WINDOW).lightness() < 100  # the choice is kept
    new_post_shows_byline(again, "Bea Soto")

    # Preferences shows what was chosen; Cancel (Escape) leaves it as it was
    again.shortcut("Ctrl+,")
    prefs = again.wait_dialog("preferences_dialog")
    assert prefs.name.text() == "Bea Soto" and prefs.scheme_buttons["dark"].isChecked()
    light = prefs.scheme_buttons["light"]
    again.click(light, at=QPoint(8, light.height() // 2))
    again.wait(lambda: again.window.palette().color(WINDOW).lightness() > 150)
    again.press(Qt.Key.Key_Escape, widget=prefs.name)
    again.wait(lambda: QApplication.activeModalWidget() is None)
    again.wait(lambda: again.window.palette().color(WINDOW).lightness() < 100)


def test_a_wrong_e_mail_keeps_preferences_open_and_says_why(journey, db_path, system_scheme):
    j = journey(db_path, preview=False)
    j.focus(j.window.body)
    j.shortcut("Ctrl+,")
    prefs = j.wait_dialog("preferences_dialog")
    j.wait(prefs.name.hasFocus)
    j.press(Qt.Key.Key_Tab)
    j.wait(prefs.email.hasFocus)
    j.type("ana at example")
    j.press(Qt.Key.Key_Tab)  # on to the role field, then Enter: OK
    j.press(Qt.Key.Key_Return)
    assert prefs.isVisible()
    j.wait(prefs.email.hasFocus)  # back on the field that is wrong
    assert (
        prefs.problem.text()
        == "E-mail: 'ana at example' is not an e-mail address (name@example.org)."
    )
    prefs.email.clear()
    j.type("ana@example.org", prefs.email)
    j.press(Qt.Key.Key_Return, widget=prefs.email)
    j.wait(lambda: QApplication.activeModalWidget() is None)
