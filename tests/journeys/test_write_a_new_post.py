"""Write a new post from nothing, by keyboard alone, watching the preview follow (issue 9).

New Post, headline, deck, byline, five paragraphs, a subhead, a list, a quote, bold and a link,
each by its shortcut; after every pause the article in the preview is what the renderer makes of
the body, and the page's headline is the one typed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from editor.render.typography import smarten

HEADLINE = "Flood barrier opens a year late"
DECK = "The river town's defences finally work. Nobody can agree who pays."
BYLINE = "Ana Quispe"
PARAGRAPHS = [
    "The gates swung shut at dawn on Tuesday.",
    "Engineers had waited eleven months for the last hinge.",
    "Shopkeepers on the quay watched from behind sandbags.",
    "By noon the water stood a metre higher outside than in.",
    "Then the arguments about the bill began again.",
]
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | SHIFT


def test_write_a_new_post_from_nothing_by_keyboard(journey, db_path):
    j = journey(db_path)
    window = j.window
    form = window.form
    sample_id = window.controller.current.id

    j.focus(window.body)
    j.shortcut("Ctrl+N")
    j.wait(lambda: window.controller.current.id != sample_id)
    j.wait(form.headline.hasFocus)  # a new post starts at its headline
    assert window.body.toPlainText() == ""

    j.type(HEADLINE)
    j.wait(lambda: j.preview_text("h1") == HEADLINE)
    j.focus(form.deck)
    j.type(DECK)
    j.wait(lambda: j.preview_text(".deck") == smarten(DECK))  # the page curls the quotes
    j.focus(form.byline)
    j.type(BYLINE)
    j.wait(lambda: BYLINE in j.preview_text(".byline"))

    j.focus(window.body)
    for paragraph in PARAGRAPHS:
        j.type(paragraph)
        j.type("\n", paced=True)
        j.type("\n", paced=True)
        j.wait_preview_matches()
    assert [p.strip() for p in window.body.toPlainText().split("\n\n") if p] == PARAGRAPHS

    j.type("Who pays for the gates")
    j.shortcut("Ctrl+Alt+2")
    j.wait_preview_matches()
    assert j.preview_text("#article-body h2") == "Who pays for the gates"

    j.type("\n\nThe council\nThe port authority\nThe shopkeepers")
    j.press(Qt.Key.Key_Up, SHIFT)
    j.press(Qt.Key.Key_Up, SHIFT)
    j.press(Qt.Key.Key_Home, SHIFT)
    j.shortcut("Ctrl+Shift+8")
    j.press(Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    j.wait_preview_matches()
    assert j.js("document.querySelectorAll('#article-body ul li').length") == 3

    j.type("\n\nNobody wants the bill, the mayor said.")
    j.shortcut("Ctrl+Shift+.")
    j.wait_preview_matches()
    assert "the mayor said" in j.preview_text("#article-body blockquote")

    j.type("\n\nThe river is very patient")
    j.press(Qt.Key.Key_Left, CTRL_SHIFT)  # select "patient"
    j.shortcut("Ctrl+B")
    j.press(Qt.Key.Key_End)
    j.wait_preview_matches()
    assert j.preview_text("#article-body strong") == "patient"

    j.type(". Read the report")
    j.press(Qt.Key.Key_Left, CTRL_SHIFT)
    j.press(Qt.Key.Key_Left, CTRL_SHIFT)  # select "the report"
    j.shortcut("Ctrl+K")  # the link's address is selected, ready to be typed over
    j.type("https://example.org/report")
    j.press(Qt.Key.Key_End)
    j.type(".")
    j.wait_preview_matches()
    link = "document.querySelector('#article-body a')"
    assert j.js(f"{link}.textContent") == "the report"
    assert j.js(f"{link}.getAttribute('href')") == "https://example.org/report"

    assert j.preview_text("h1") == HEADLINE
    j.wait_preview_idle()
    j.wait_saved()
