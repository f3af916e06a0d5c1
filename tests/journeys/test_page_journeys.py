"""Journeys through the page a reader sees: a date without a time, and bringing back an old
revision from the history panel (issue 9, items 8 and the restore journey)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.conftest import SAVE_TIMEOUT_MS


def _dateline(j) -> str:
    return j.preview_text(".post-header .dateline time")


def test_a_date_without_a_time_shows_as_a_date_in_the_preview(journey, db_path):
    j = journey(db_path)
    form = j.window.form
    j.wait(lambda: _dateline(j) == "November 20, 2026, 8:30 a.m. UTC\u221204:00")
    assert form.dated.isChecked() and form.timed.isChecked()

    j.click(form.timed)  # untick "Time": only the date is known
    assert not form.timed.isChecked()
    assert form.when.displayFormat() == "yyyy-MM-dd"
    j.wait(lambda: _dateline(j) == "November 20, 2026")
    assert j.js("document.querySelector('.post-header .dateline time').getAttribute('datetime')") \
        == "2026-11-20"  # fmt: skip
    assert "a.m." not in j.preview_text(".post-header")

    j.wait_saved()
    from editor.services.posts import get_post

    with j.window.controller.store.session() as s:
        post = get_post(s, j.window.controller.current.id)
        assert post.published_date_only and post.published_tz == "America/La_Paz"


def test_restore_an_old_revision_from_the_history_panel(journey, db_path):
    j = journey(db_path)
    window = j.window
    original = window.body.toPlainText()
    j.wait_preview_matches()

    # Write something new at the top and let it save.
    j.focus(window.body)
    j.press(Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    j.type("A paragraph written today, to be taken back.\n\n")
    j.wait(lambda: j.preview_text().strip().startswith("A paragraph written today"))
    j.wait_saved()
    window.controller.save_version("after the new paragraph")  # a second revision to pick from

    # Open the history by its shortcut and pick the first revision (the imported text).
    j.shortcut("Ctrl+Shift+H")
    panel = window.revisions
    j.wait(lambda: "revisions_dock" in j.visible_docks() and panel.list.count() >= 2)
    first = panel.list.item(panel.list.count() - 1)
    assert first.text().startswith("#1 ")
    rect = panel.list.visualItemRect(first)
    from PySide6.QtTest import QTest

    QTest.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    j.wait(lambda: "stubbornness" in panel.view.toPlainText())
    assert "written today" not in panel.view.toPlainText()

    j.click(panel.restore_button)
    j.wait(lambda: window.body.toPlainText() == original, SAVE_TIMEOUT_MS)
    j.wait(lambda: j.preview_text().strip().startswith("The first voice"))
    assert "written today" not in j.preview_text()
    j.wait(lambda: panel.list.item(0).text().endswith("Restored revision 1"))


def test_another_post_opens_at_the_top_of_its_page(journey, db_path):
    """Reading down the sample post's page, then opening another post: its page starts at its
    headline, not half-way down (the scroll of the last page was kept)."""
    from PySide6.QtTest import QTest

    from editor.model import PostContent
    from editor.services import blogs, posts
    from editor.services.sample import seed_sample_post
    from editor.store.database import open_store

    store = open_store(db_path)
    with store.session() as s:
        seed_sample_post(s)
        posts.create_post(s, PostContent(headline="A short note", byline="Ana",
                                         body="\n\n".join(f"Paragraph {n} of a long note." for n in range(60))),
                          blog=blogs.default_blog(s))  # fmt: skip
    store.close()
    j = journey(db_path)
    w = j.window
    tree = w.post_list.tree

    def open_row(starts: str) -> None:
        row = tree.findItems(starts, Qt.MatchFlag.MatchStartsWith, 0)[0]
        QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton,
                         pos=tree.visualItemRect(row).center())  # fmt: skip

    open_row("In the high Andes")
    j.wait(lambda: "Andes" in j.preview_text("h1"))
    j.wait_preview_idle()
    j.js("window.scrollTo(0, 900)")
    j.wait(lambda: j.js("window.scrollY") > 100)
    open_row("A short note")
    j.wait(lambda: "A short note" in j.preview_text("h1"))
    j.wait_preview_idle()
    assert j.js("window.scrollY") == 0
