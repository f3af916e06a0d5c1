"""The whole review of issue 10 in one window: the writer submits; the editor comments on a
sentence, suggests two edits in Suggest mode and requests changes; the writer accepts one
suggestion, rejects the other, replies to and resolves the comment and resubmits; the editor
approves. The log, the suggestions' authors, Compare and the final text are checked."""

from __future__ import annotations

from PySide6.QtCore import Qt

from editor.ui.window.actions import Act
from tests.journeys.test_review import _as, _click_item
from tests.journeys.test_suggest_and_compare import _select

SHIFT, CTRL = Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.ControlModifier
TEXT = "The station runs on sunlight. Its volunteers built the panels. It rarely fails."
COMMENTED = "Its volunteers built the panels."


def test_a_whole_review_with_suggested_edits(journey, db_path, monkeypatch):
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
    j.type(TEXT)
    j.wait_saved()
    j.shortcut("Ctrl+Alt+R")
    j.wait(lambda: panel.submit.isEnabled())
    j.click(panel.submit)
    j.wait(lambda: panel.status.text() == "Status: Submitted")

    # The editor comments on a sentence, then suggests two edits by typing in Suggest mode.
    _as(monkeypatch, "Eda Editor")
    j.focus(w.body)
    _select(j, COMMENTED)
    j.shortcut("Ctrl+Alt+M")
    j.wait(panel.new_comment.hasFocus)
    j.type("Who are they?")
    j.click(panel.add_button)
    j.wait(lambda: panel.comments.topLevelItemCount() == 1)
    j.focus(w.body)
    j.shortcut("Ctrl+Alt+S")
    _select(j, "sunlight")
    j.type("solar power")
    _select(j, " It rarely fails.")
    j.press(Qt.Key.Key_Delete)
    assert w.body.toPlainText() == (
        "The station runs on {~~sunlight~>solar power~~}. Its volunteers built the panels."
        "{-- It rarely fails.--}"
    )
    j.shortcut("Ctrl+Alt+S")  # Suggest mode off again
    j.wait_saved()
    j.click(panel.request_changes)
    j.wait(panel.note.hasFocus)
    j.type("See my suggestions and the comment.")
    j.click(panel.request_changes)
    j.wait(lambda: panel.status.text() == "Status: Changes requested")

    # The writer: the Suggestions tab names the editor; accept one, reject the other.
    _as(monkeypatch, "Wren Writer")
    j.menu(w.actions_[Act.SUGGESTIONS])
    listing = w.suggest.list
    j.wait(lambda: listing.list.count() == 2 and "Eda Editor" in listing.list.item(1).text())
    assert "Eda Editor" in listing.list.item(0).text()
    listing.list.setCurrentRow(0)
    j.click(listing.accept_button)
    j.wait(lambda: listing.list.count() == 1)
    j.click(listing.reject_button)
    j.wait(lambda: listing.list.count() == 0)
    final = "The station runs on solar power. Its volunteers built the panels. It rarely fails."
    assert w.body.toPlainText() == final
    j.wait(lambda: review.highlighted() == [COMMENTED])  # the comment kept its words

    # ... replies to the comment, resolves it and resubmits.
    panel.tabs.setCurrentIndex(0)
    _click_item(j, panel.comments, panel.comments.topLevelItem(0))
    j.focus(panel.reply_text)
    j.type("Ana and Luis.\n")
    j.wait(lambda: panel.comments.topLevelItem(0).childCount() == 1)
    _click_item(j, panel.comments, panel.comments.topLevelItem(0))
    j.click(panel.resolve_button)
    j.wait(lambda: panel.comments.topLevelItemCount() == 0)
    j.wait_saved()
    j.click(panel.submit)
    j.wait(lambda: panel.status.text() == "Status: Submitted")

    # The editor approves; the log says who did what; Compare shows the one word change.
    _as(monkeypatch, "Eda Editor")
    j.click(panel.approve)
    j.wait(lambda: panel.status.text() == "Status: Approved")
    panel.tabs.setCurrentIndex(panel.tabs.indexOf(panel.log))
    steps = [panel.log.item(i).text().split("\n")[0] for i in range(panel.log.count())]
    assert steps[:4] == ["In review → Approved", "Submitted → In review",
                         "Changes requested → Submitted", "In review → Changes requested"]  # fmt: skip
    j.shortcut("Ctrl+Shift+H")
    history = w.revisions
    j.wait(lambda: history.list.count() >= 2)
    history.list.setCurrentRow(history.list.count() - 1)  # the first revision: the empty post
    j.click(history.compare_button)
    j.wait(lambda: w.suggest.compare is not None and bool(w.suggest.compare.diffs))
    dialog = w.suggest.compare
    body = next(d for d in dialog.diffs if d.field == "body")
    assert "".join(op.new for op in body.ops) == final
    dialog.close()
    j.wait_preview_matches()
    assert "solar power" in j.preview_text() and "Who are they" not in j.preview_text()
