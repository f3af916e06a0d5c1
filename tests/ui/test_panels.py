"""The photo and sidebar panels in the real window follow the open post and write to the store."""

from __future__ import annotations

from editor.services import photos, sidebar
from editor.services.blogs import find_blog
from editor.store.database import open_store
from editor.ui.window.actions import Act
from tests.helpers.photos import jpeg_bytes
from tests.ui.conftest import SAVE_TIMEOUT_MS


def test_panels_are_toggled_from_the_view_menu_and_follow_the_post(
    qtbot, open_window, db_path, tmp_path
):
    window = open_window(db_path)  # a fresh database: the sample post is open
    panels = window.panels
    assert panels.photo_dock.isHidden() and panels.sidebar_dock.isHidden()
    window.actions_[Act.PHOTOS].trigger()
    window.actions_[Act.SIDEBAR].trigger()
    assert not panels.photo_dock.isHidden() and not panels.sidebar_dock.isHidden()
    assert "Latin America Blog" in panels.sidebar.heading.text()

    picture = tmp_path / "market.jpg"
    picture.write_bytes(jpeg_bytes())
    post_id = window.controller.current.id
    with qtbot.waitSignal(panels.photos.photos_changed, timeout=SAVE_TIMEOUT_MS):
        panels.photo_panel.files_dropped.emit([str(picture)])

    store = open_store(db_path)
    try:
        with store.session() as s:
            attached = photos.list_photos(s, post_id)
            assert [p.role for p in attached] == ["lead"]  # the first photo becomes the lead
            blog = find_blog(s, "Latin America Blog")
            assert sidebar.list_links(s, blog) == []
    finally:
        store.close()
