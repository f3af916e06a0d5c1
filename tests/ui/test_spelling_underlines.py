"""The body's wavy underlines fall on the right letters whatever comes before them (Qt counts
UTF-16 units: an emoji is two), and paragraphs away from the caret wait for the background pass
instead of asking the dictionary while a post opens (issue 12)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor

from editor.proofing import dictionaries
from editor.proofing.checker import Languages, Proofreader
from editor.ui.proofing.spell_layer import SpellLayer, is_underlined
from editor.ui.writing.body_editor import BodyEditor


@pytest.fixture(scope="module")
def languages() -> Languages:
    return Languages(dictionaries.discover())


def underlined(editor: BodyEditor) -> list[str]:
    found = []
    block = editor.document().begin()
    while block.isValid():
        units = block.text().encode("utf-16-le")
        for r in block.layout().formats():
            if is_underlined(r.format):
                found.append(units[r.start * 2 : (r.start + r.length) * 2].decode("utf-16-le"))
        block = block.next()
    return found


def _editor(qtbot, languages, caret_block: int | None = None) -> tuple[BodyEditor, SpellLayer]:
    editor = BodyEditor()
    qtbot.addWidget(editor)
    reader = Proofreader(languages)
    current = (lambda: caret_block) if caret_block is not None else (
        lambda: editor.textCursor().blockNumber()
    )  # fmt: skip
    layer = SpellLayer(reader, current)
    layer.language = "es"
    editor.highlighter.spelling = layer
    return editor, layer


@pytest.mark.parametrize(
    ("line", "word"),
    [
        ("Qué año tan probelma.", "probelma"),  # accents and ñ before it
        ("Ñandú 😀 dijo probelma hoy.", "probelma"),  # an emoji: two UTF-16 units
        ("👩‍👩‍👧 y ke", "ke"),  # a family: three emoji joined by two ZWJ
        ("E\u0301l dijo probelma.", "probelma"),  # a combining accent before it
        ("La accio\u0301nn 🎉 fue buena.", "accio\u0301nn"),  # a combining accent inside it
    ],
)
def test_the_underline_covers_exactly_the_misspelt_word(qtbot, languages, line, word):
    editor, _layer = _editor(qtbot, languages)
    editor.setPlainText(line)
    editor.moveCursor(QTextCursor.MoveOperation.End)
    editor.highlighter.rehighlight()
    assert underlined(editor) == [word]


def test_markdown_formats_stay_under_the_underline(qtbot, languages):
    editor, _layer = _editor(qtbot, languages)
    editor.setPlainText("Un **probelma** y [enlase](https://ejemplo.org/probelma).")
    editor.highlighter.rehighlight()
    assert underlined(editor) == ["probelma", "enlase"]
    block = editor.document().begin()
    bold = next(r for r in block.layout().formats() if is_underlined(r.format))
    assert bold.format.fontWeight() > 400  # still bold


def test_paragraphs_away_from_the_caret_wait_for_the_background_pass(qtbot, languages):
    editor, layer = _editor(qtbot, languages, caret_block=0)
    editor.setPlainText("Hola probelma.\nOtro parrafo con erorr.\nY un tercer textto.")
    # Only the caret's paragraph asked the dictionary; the others are waiting.
    assert underlined(editor) == ["probelma"]
    assert layer.deferred == {1, 2}
    layer.proofreader.misspelt(editor.toPlainText(), "es")  # what the background pass does
    for number in sorted(layer.deferred):
        editor.highlighter.rehighlightBlock(editor.document().findBlockByNumber(number))
    assert underlined(editor) == ["probelma", "parrafo", "erorr", "textto"]
    assert layer.deferred == set()


def test_a_lang_box_is_checked_in_its_own_language(qtbot, languages):
    from editor.ui.proofing.spell_layer import box_lines

    editor, layer = _editor(qtbot, languages)
    text = "El alcalde habló.\n\n::: lang en\nThe mayor spoke.\n:::\n\nFin."
    layer.box_lines = box_lines(text)
    editor.setPlainText(text)
    layer.proofreader.misspelt(text, "es")
    layer.proofreader.misspelt("The mayor spoke.", "en")
    editor.highlighter.rehighlight()
    assert underlined(editor) == []
    assert layer.box_lines == [(3, 3, "en")]  # the box holds line 3
