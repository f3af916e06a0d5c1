"""The body's right-click menu is one menu that every feature adds a section to (spelling
suggestions and Accept/Reject both showed up alone when each replaced the whole menu)."""

from __future__ import annotations

from PySide6.QtGui import QAction

from editor.ui.writing.body_editor import BodyEditor


def test_sections_stack_above_the_usual_commands_in_the_order_added(qtbot):
    body = BodyEditor()
    qtbot.addWidget(body)
    body.set_text("Una palabra mal escrita: probelma.")
    seen: list[int] = []

    def spelling(menu, at):
        seen.append(at.position())
        return [QAction("problema", menu)]

    body.add_menu_section(spelling)
    body.add_menu_section(lambda menu, at: [QAction("Accept: probelma", menu)])
    body.add_menu_section(lambda menu, at: [])  # nothing to offer here: no empty separator
    body.resize(400, 200)
    body.show()
    qtbot.waitExposed(body)
    menu = body.build_context_menu(body.cursorRect(body.textCursor()).center())
    texts = [a.text() for a in menu.actions()]
    assert texts[:4] == ["problema", "", "Accept: probelma", ""]
    assert any(t.startswith("&Undo") for t in texts[4:]) and texts.count("") >= 2
    assert seen and menu.objectName() == "body_menu"
