"""The harness itself: a window opens on the sample post and the preview shows its body."""

from __future__ import annotations


def test_a_new_database_opens_on_the_sample_post_with_its_page(journey, db_path):
    j = journey(db_path)
    assert j.window.body.toPlainText().strip()
    j.wait_preview_matches()
    assert "preview_dock" in j.visible_docks()
