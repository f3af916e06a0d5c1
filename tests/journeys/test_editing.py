"""Editing basics, as a writer uses them: find and replace across the post, the clipboard from
the Edit menu and by shortcut, pasting from a browser, and undo that takes back one burst of
typing at a time. The preview follows every change."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from editor.ui.window.actions import Act
from editor.ui.window.theme import colors

SHIFT = Qt.KeyboardModifier.ShiftModifier


def _new_post(j) -> None:
    w = j.window
    old = w.controller.current.id
    j.focus(w.body)
    j.shortcut("Ctrl+N")
    j.wait(lambda: w.controller.current.id != old and w.form.headline.hasFocus())


def test_replace_all_across_the_post_then_one_undo_brings_it_back(journey, db_path):
    j = journey(db_path)
    w = j.window
    original = w.body.toPlainText()
    n = original.lower().count("station")
    assert n > 3 and "wavehouse" not in original
    j.focus(w.body)
    j.shortcut("Ctrl+H")
    bar = w.edit_commands.find_bar
    j.wait(bar.find_text.hasFocus)
    j.type("station")
    assert bar.count.text() == f"1 of {n}"
    assert w.body.textCursor().selectedText() == "station"  # found as typed
    j.press(Qt.Key.Key_Tab)
    assert bar.replace_text.hasFocus()
    j.type("wavehouse")
    j.click(bar.replace_all)
    text = w.body.toPlainText()
    assert "station" not in text.lower() and text.count("wavehouse") == n
    assert bar.count.text() == f"Replaced {n}"
    j.wait_preview_matches()
    assert "wavehouse" in j.preview_text() and "station" not in j.preview_text()

    j.press(Qt.Key.Key_Escape)
    assert not bar.isVisible() and w.body.hasFocus()
    j.shortcut("Ctrl+Z")  # one step for the whole Replace All
    assert w.body.toPlainText() == original
    j.wait_preview_matches()
    assert "station" in j.preview_text()


def test_replace_one_match_at_a_time(journey, db_path):
    j = journey(db_path, preview=False)
    w = j.window
    _new_post(j)
    j.focus(w.body)
    j.type("cat dog cat dog cat")
    j.shortcut("Ctrl+H")
    bar = w.edit_commands.find_bar
    j.wait(bar.find_text.hasFocus)
    j.type("cat")
    j.press(Qt.Key.Key_Tab)
    j.type("owl\n")  # Enter in the replace field: replace this one, go to the next
    assert w.body.toPlainText() == "owl dog cat dog cat"
    assert bar.count.text() == "1 of 2"
    j.click(bar.replace)
    assert w.body.toPlainText() == "owl dog owl dog cat"
    j.focus(w.body)
    j.shortcut("Ctrl+Z")
    assert w.body.toPlainText() == "owl dog cat dog cat"


def test_find_next_and_previous_with_match_case_and_whole_words(journey, db_path):
    j = journey(db_path, preview=False)
    w = j.window
    _new_post(j)
    j.focus(w.body)
    text = "Sun and sunny days. The SUN rose; a sun-dial, a sun."
    j.type(text)
    j.shortcut("Ctrl+F")
    bar = w.edit_commands.find_bar
    j.wait(bar.find_text.hasFocus)
    assert not bar.replace_text.isVisible()  # Ctrl+F is find only

    def selected() -> int:
        cur = w.body.textCursor()
        assert cur.selectedText().lower() == "sun"
        return cur.selectionStart()

    j.type("sun")
    assert (bar.count.text(), selected()) == ("1 of 5", 0)  # wrapped from the caret at the end
    j.press(Qt.Key.Key_Return)
    assert (bar.count.text(), selected()) == ("2 of 5", text.index("sunny"))
    j.press(Qt.Key.Key_Return, SHIFT)
    assert (bar.count.text(), selected()) == ("1 of 5", 0)
    j.press(Qt.Key.Key_Return, SHIFT)  # wraps back to the last one
    assert (bar.count.text(), selected()) == ("5 of 5", text.rindex("sun"))

    j.click(bar.match_case)
    assert bar.count.text() == "3 of 3"  # sunny, sun-dial, sun
    j.click(bar.whole_word)
    assert bar.count.text() == "2 of 2"  # sun-dial, sun
    j.shortcut("F3")
    assert (bar.count.text(), selected()) == ("1 of 2", text.index("sun-dial"))
    j.shortcut("Shift+F3")
    assert (bar.count.text(), selected()) == ("2 of 2", text.rindex("sun"))
    j.click(bar.match_case)
    assert bar.count.text() == "4 of 4"  # Sun, SUN, sun-dial, sun

    j.focus(bar.find_text)
    j.shortcut("Ctrl+A")
    j.type("moon")
    assert bar.count.text() == "No matches"
    j.press(Qt.Key.Key_Escape)
    j.wait(lambda: not bar.isVisible() and w.body.hasFocus())
    assert w.body.toPlainText() == text


def test_cut_copy_paste_select_all_from_the_edit_menu_and_by_shortcut(journey, db_path):
    j = journey(db_path)
    w = j.window
    clipboard = QGuiApplication.clipboard()
    headline = w.form.headline.text()
    j.focus(w.form.headline)
    j.menu(w.actions_[Act.SELECT_ALL])
    assert w.form.headline.selectedText() == headline
    j.menu(w.actions_[Act.CUT])
    assert w.form.headline.text() == "" and clipboard.text() == headline
    j.menu(w.actions_[Act.PASTE])
    assert w.form.headline.text() == headline

    j.focus(w.form.byline)
    j.shortcut("Ctrl+A")
    j.shortcut("Ctrl+C")
    assert clipboard.text() == "Lucía Ferreira"
    j.caret_to_end()
    j.type(" By ")
    j.shortcut("Ctrl+V")
    assert w.body.toPlainText().endswith(" By Lucía Ferreira")
    j.menu(w.actions_[Act.PASTE])
    assert w.body.toPlainText().endswith(" By Lucía FerreiraLucía Ferreira")
    j.wait_preview_matches()
    assert "By Lucía FerreiraLucía Ferreira" in j.preview_text()
    j.menu(w.actions_[Act.COPY])  # nothing selected: the clipboard keeps what it had
    assert clipboard.text() == "Lucía Ferreira"

    view = w.preview.pane.view  # the preview's text can be copied from the menu too
    j.focus(view)
    j.menu(w.actions_[Act.SELECT_ALL])
    j.menu(w.actions_[Act.COPY])
    j.wait(lambda: "Doña Remedios Quispe" in clipboard.text())


def test_paste_from_a_browser_keeps_links_and_paste_as_plain_text_does_not(journey, db_path):
    j = journey(db_path)
    w = j.window
    mime = QMimeData()
    mime.setHtml(
        '<meta charset="utf-8"><span style="color:#333;font-family:Georgia"> the '
        '<b>full</b> <a href="https://example.org/report">report</a></span>'
    )
    mime.setText(" the full report")
    QGuiApplication.clipboard().setMimeData(mime)
    j.caret_to_end()
    j.type(" Read")
    before = w.body.toPlainText()

    j.shortcut("Ctrl+V")
    assert w.body.toPlainText() == before + " the **full** [report](https://example.org/report)"
    j.wait_preview_matches()
    assert j.js("document.querySelector('#article-body a[href=\"https://example.org/report\"]')"
                ".textContent") == "report"  # fmt: skip
    j.shortcut("Ctrl+Z")  # the paste was one step of its own
    assert w.body.toPlainText() == before

    j.shortcut("Ctrl+Shift+V")
    assert w.body.toPlainText() == before + " the full report"
    j.wait_preview_matches()
    assert j.js("document.querySelectorAll('#article-body a[href*=\"example.org/report\"]')"
                ".length") == 0  # fmt: skip
    j.shortcut("Ctrl+Z")
    assert w.body.toPlainText() == before


def test_undo_takes_back_one_burst_of_typing_at_a_time(journey, db_path):
    j = journey(db_path)
    w = j.window
    body = w.body
    j.caret_to_end()
    start = body.toPlainText()
    with j.qtbot.waitSignal(body.burst_ended, timeout=10_000):  # the writer pauses
        j.type(" First burst.")
    j.wait_saved()  # an autosave in between changes nothing about undo
    j.type(" Second burst.")
    j.wait_saved()
    j.shortcut("Ctrl+Z")
    assert body.toPlainText() == start + " First burst."
    j.wait_preview_matches()
    j.shortcut("Ctrl+Z")
    assert body.toPlainText() == start
    j.shortcut("Ctrl+Shift+Z")
    assert body.toPlainText() == start + " First burst."

    # A caret moved elsewhere also starts a new step.
    j.type(" Third.")
    j.press(Qt.Key.Key_Home)
    j.type("Fourth. ")
    j.shortcut("Ctrl+Z")
    assert body.toPlainText() == start + " First burst. Third."
    j.wait_preview_matches()


def test_the_find_and_replace_bar_fits_the_default_window(journey, db_path):
    """At 1280x800 the fields read a phrase (they were ~35 px: "onal"), opening the bar does
    not squeeze the post list, and "Replaced 2" is not shown as an error."""
    j = journey(db_path)
    w = j.window
    list_width = w.post_list.width()
    j.focus(w.body)
    j.shortcut("Ctrl+H")
    bar = w.findChild(QWidget, "find_bar")
    j.wait(lambda: bar.isVisible() and bar.replace_text.isVisible())
    for field in (bar.find_text, bar.replace_text):
        assert field.width() >= field.fontMetrics().horizontalAdvance("x" * 16), field.width()
    assert w.post_list.width() == list_width
    j.type("the", widget=bar.find_text)
    j.type("a", widget=bar.replace_text)
    count = len(bar.matches())
    assert count >= 2
    j.click(bar.replace_all)
    assert bar.count.text() == f"Replaced {count}"
    assert colors().ok.name() in bar.count.styleSheet()
