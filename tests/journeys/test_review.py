"""A whole review in the window: the writer submits; the editor comments on a sentence with
Ctrl+Alt+M and requests changes with a note; the writer replies, resolves the comment and
resubmits; the editor approves. Each person is who the config says (BYLINE_USER_NAME), and the
Review panel's log shows every step with who took it. Comments never reach the page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from editor.services import comments, workflow
from editor.store.database import open_store

SHIFT, CTRL = Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.ControlModifier
SENTENCE = "Its volunteers built the panels."
COMMENT = "Which volunteers? Name them."


def _as(monkeypatch, name: str) -> None:
    monkeypatch.setenv("BYLINE_USER_NAME", name)
    monkeypatch.setenv("BYLINE_USER_EMAIL", name.split()[0].lower() + "@example.org")


def _click_item(j, tree, item) -> None:
    rect = tree.visualItemRect(item)
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_writer_submits_editor_comments_and_requests_changes_writer_fixes_editor_approves(
    journey, db_path, monkeypatch
):
    _as(monkeypatch, "Wren Writer")
    j = journey(db_path)
    w = j.window
    review, panel = w.review, w.review.panel
    old = w.controller.current.id
    j.focus(w.body)
    j.shortcut("Ctrl+N")
    j.wait(lambda: w.controller.current.id != old and w.form.headline.hasFocus())
    j.type("Solar radio")
    j.focus(w.body)
    j.type(f"The station runs on sunlight.\n{SENTENCE}")
    j.wait_saved()

    # The writer opens the Review panel and submits.
    j.shortcut("Ctrl+Alt+R")
    j.wait(lambda: "review_dock" in j.visible_docks())
    j.wait(lambda: panel.submit.isEnabled())
    assert not panel.approve.isEnabled() and panel.status.text() == "Status: Draft"
    j.click(panel.submit)
    j.wait(lambda: panel.status.text() == "Status: Submitted")
    assert w.form.status.currentData() == "submitted"

    # The editor selects the second sentence and comments on it with Ctrl+Alt+M.
    _as(monkeypatch, "Eda Editor")
    j.focus(w.body)
    j.press(Qt.Key.Key_End, CTRL)
    j.press(Qt.Key.Key_Home, SHIFT)
    assert w.body.textCursor().selectedText() == SENTENCE
    j.shortcut("Ctrl+Alt+M")
    j.wait(panel.new_comment.hasFocus)
    assert panel.new_quote.text() == f"On “{SENTENCE}” in the body:"
    j.type(COMMENT)
    j.click(panel.add_button)
    j.wait(lambda: panel.comments.topLevelItemCount() == 1)
    assert review.highlighted() == [SENTENCE]
    first = panel.comments.topLevelItem(0).text(0)
    assert COMMENT in first and "Eda Editor" in first and SENTENCE in first

    # Request changes asks for a note first, then sends the post back with it.
    j.click(panel.request_changes)
    j.wait(panel.note.hasFocus)
    assert "note" in j.status_text()
    j.type("Name the volunteers, please.")
    j.click(panel.request_changes)
    j.wait(lambda: panel.status.text() == "Status: Changes requested")
    assert w.form.status.currentData() == "changes_requested"

    # The writer finds the comment by its marker in the margin, edits around it, replies and
    # resolves it.
    _as(monkeypatch, "Wren Writer")
    j.focus(w.body)
    j.press(Qt.Key.Key_Home, CTRL)  # nothing selected
    j.wait(lambda: len(review.markers.shown()) == 1 and review.markers.isVisible())
    [(comment_id, bar)] = review.markers.shown()
    QTest.mouseClick(review.markers, Qt.MouseButton.LeftButton, pos=bar.center())
    j.wait(lambda: w.body.textCursor().selectedText() == SENTENCE)  # jumped to the words
    assert panel.chosen_id() == comment_id
    _click_item(j, panel.comments, panel.comments.topLevelItem(0))  # a click in the list too
    j.wait(lambda: w.body.textCursor().selectedText() == SENTENCE)
    j.focus(w.body)
    j.press(Qt.Key.Key_Home, CTRL)
    j.type("Since 1994. ")
    j.wait(lambda: review.highlighted() == [SENTENCE])  # still on the same words
    j.wait_saved()
    _click_item(j, panel.comments, panel.comments.topLevelItem(0))
    j.focus(panel.reply_text)
    j.type("Ana and Luis Quispe; added.\n")
    j.wait(lambda: panel.comments.topLevelItem(0).childCount() == 1)
    assert "Wren Writer" in panel.comments.topLevelItem(0).child(0).text(0)
    _click_item(j, panel.comments, panel.comments.topLevelItem(0))
    assert panel.resolve_button.text() == "Resolve"
    j.click(panel.resolve_button)
    j.wait(lambda: panel.comments.topLevelItemCount() == 0)  # the filter shows open ones
    assert review.highlighted() == [] and not review.markers.isVisible()
    panel.filter.setCurrentIndex(panel.filter.findData("resolved"))
    j.wait(lambda: panel.comments.topLevelItemCount() == 1)
    _click_item(j, panel.comments, panel.comments.topLevelItem(0))
    assert panel.resolve_button.text() == "Reopen"
    j.click(panel.submit)
    j.wait(lambda: panel.status.text() == "Status: Submitted")

    # The editor approves (the post is taken into review on the way).
    _as(monkeypatch, "Eda Editor")
    j.click(panel.approve)
    j.wait(lambda: panel.status.text() == "Status: Approved")
    assert w.form.status.currentData() == "approved"
    panel.tabs.setCurrentIndex(panel.tabs.indexOf(panel.log))
    log = [panel.log.item(i).text() for i in range(panel.log.count())]
    steps = [(line.split("\n")[0], line.split("\n")[1].split(" · ")[0]) for line in log]
    assert steps == [
        ("In review → Approved", "Eda Editor"),
        ("Submitted → In review", "Eda Editor"),
        ("Changes requested → Submitted", "Wren Writer"),
        ("In review → Changes requested", "Eda Editor"),
        ("Submitted → In review", "Eda Editor"),
        ("Draft → Submitted", "Wren Writer"),
        ("Created (Draft)", "Wren Writer"),
    ]
    assert "“Name the volunteers, please.”" in log[3]

    # The combo offers only the workflow's next steps; the page never shows a comment.
    model = w.form.status.model()
    enabled = {w.form.status.itemData(i) for i in range(w.form.status.count())
               if model.item(i).isEnabled()}  # fmt: skip
    assert enabled == {"approved", "scheduled", "in_review"}
    j.wait_preview_matches()
    assert SENTENCE.rstrip(".") in j.preview_text() and "Which volunteers" not in j.preview_text()
    post_id = w.controller.current.id
    w.close()
    store = open_store(db_path)
    try:
        with store.session() as s:
            [c] = comments.list_comments(s, post_id)
            assert (c.resolved, c.author.name) == (True, "Eda Editor")
            assert c.state_by.name == "Wren Writer"
            assert c.span is not None and not c.detached
            assert workflow.status_log(s, post_id)[-1].author.email == "eda@example.org"
    finally:
        store.close()
