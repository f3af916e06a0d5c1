"""What the window tells the writer while they work: bold looks bold, the word count keeps up
with the typing, and "Open in browser" says why when no browser shows the page."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QDesktopServices, QFont, QGuiApplication, QTextCharFormat
from PySide6.QtWidgets import QMessageBox, QPushButton

from editor.ui.preview import browser_message


def _formats_at(body, block: int, column: int):
    """The highlighter's format over ``column`` of block ``block``."""
    layout = body.document().findBlockByNumber(block).layout()
    spans = [f for f in layout.formats() if f.start <= column < f.start + f.length]
    assert spans, f"nothing highlighted at column {column}"
    return QTextCharFormat(spans[-1].format)  # a copy: the range is a temporary


def test_bold_is_bold_and_italic_is_italic_as_typed(journey, db_path):
    j = journey(db_path, preview=False)
    w = j.window
    j.focus(w.body)
    j.shortcut("Ctrl+N")
    j.wait(w.form.headline.hasFocus)
    j.focus(w.body)
    j.type("Some **bold** and _italic_ and **bold with _both_ inside**.")
    bold = _formats_at(w.body, 0, len("Some **"))
    italic = _formats_at(w.body, 0, len("Some **bold** and _"))
    both = _formats_at(w.body, 0, len("Some **bold** and _italic_ and **bold with _"))
    assert bold.fontWeight() >= QFont.Weight.Bold and not bold.fontItalic()
    assert italic.fontItalic() and italic.fontWeight() < QFont.Weight.Bold
    assert both.fontItalic() and both.fontWeight() >= QFont.Weight.Bold


def test_word_count_follows_the_typing_and_a_new_post_starts_at_zero(journey, db_path):
    j = journey(db_path, preview=False)
    w = j.window
    assert not w.words_label.text().startswith("0 words")  # the sample post
    j.focus(w.body)
    j.shortcut("Ctrl+N")
    j.wait(lambda: w.body.toPlainText() == "" and w.form.headline.hasFocus())
    assert w.words_label.text().startswith("0 words")  # at once, not after a pause
    j.focus(w.body)
    finished = j.type_at_pace("one two three four five six seven eight nine ten " * 3, 60)
    j.wait(lambda: not w.words_label.text().startswith("0 words"))
    assert not finished()  # the count moved while the typing was still going on
    j.wait(finished)
    j.wait(lambda: w.words_label.text().startswith("30 words"))


@pytest.mark.parametrize(
    ("as_root", "opened", "says"),
    [(True, True, "root user"), (False, False, "No web browser could be started")],
)
def test_open_in_browser_says_why_no_page_appeared_and_copies_the_path(
    journey, db_path, monkeypatch, as_root, opened, says
):
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda _url: opened))
    monkeypatch.setattr(browser_message, "running_as_root", lambda: as_root)
    j = journey(db_path)
    pane = j.window.preview.pane
    j.click(pane._toolbar.widgetForAction(pane.open_action))

    def message() -> QMessageBox | None:
        box = pane.findChild(QMessageBox, "browser_not_opened")
        return box if box is not None and box.isVisible() else None

    j.wait(lambda: message() is not None)
    box = message()
    assert says in box.informativeText()
    path = Path(box.informativeText().splitlines()[-1])
    assert path.name == "index.html" and path.is_file()
    j.click(box.findChild(QPushButton, "copy_path"))
    assert QGuiApplication.clipboard().text() == str(path)
    j.wait(lambda: message() is None)


def test_open_in_browser_stays_quiet_when_the_browser_opened(journey, db_path, monkeypatch):
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda _url: True))
    monkeypatch.setattr(browser_message, "running_as_root", lambda: False)
    j = journey(db_path)
    pane = j.window.preview.pane
    with j.qtbot.waitSignal(j.window.preview.controller.browser_opened):
        j.click(pane._toolbar.widgetForAction(pane.open_action))
    assert pane.findChild(QMessageBox, "browser_not_opened") is None
