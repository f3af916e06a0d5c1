"""Opening the side panels: by shortcut and from the View menu, in the default layout and in the
layout the writer left behind, each panel comes into sight with the keyboard in it, and the same
command puts it away again. The preview stays in sight while a panel is open beside it."""

from __future__ import annotations

import pytest

# (shortcut, View menu item, dock)
PANELS = [
    ("Ctrl+Shift+H", "Revision History", "revisions_dock"),
    ("Ctrl+Shift+F", "Photos", "photos_dock"),
    ("Ctrl+Shift+R", "Recent Posts Sidebar", "sidebar_dock"),
    ("Ctrl+Alt+O", "Outbox", "outbox_dock"),
]


def _dock(j, name):
    from PySide6.QtWidgets import QDockWidget

    return j.window.findChild(QDockWidget, name)


def _open_and_close(j, how: str) -> None:
    for shortcut, item, name in PANELS:
        dock = _dock(j, name)
        j.focus(j.window.body)
        if how == "shortcut":
            j.shortcut(shortcut)
        else:
            j.menu("View", item)
        j.wait(lambda n=name: n in j.visible_docks())
        j.wait(lambda d=dock: j.focused_in(d))
        assert "preview_dock" in j.visible_docks(), f"opening {name} hid the preview"
        assert dock.widget().width() >= 200 and dock.widget().height() >= 150, (
            f"{name} opened too small to use: {dock.widget().size()}"
        )
        if how == "shortcut":
            j.shortcut(shortcut)
        else:
            j.menu("View", item)
        j.wait(lambda n=name: n not in j.visible_docks())
        assert j.focused_in(j.window.body), f"closing {name} left the keyboard nowhere useful"


@pytest.mark.parametrize("how", ["shortcut", "menu"])
def test_each_panel_opens_in_sight_with_the_keyboard_in_it(journey, db_path, how):
    j = journey(db_path)
    assert j.visible_docks() == {"preview_dock"}  # the default layout
    _open_and_close(j, how)


def test_panels_open_in_sight_in_the_layout_restored_from_the_last_run(journey, db_path):
    j = journey(db_path)
    j.focus(j.window.body)
    j.shortcut("Ctrl+Shift+F")  # the writer leaves Photos and the Outbox open
    j.shortcut("Ctrl+Alt+O")
    j.wait(lambda: {"photos_dock", "outbox_dock"} <= j.visible_docks())
    j.window.close()

    again = journey(db_path)
    assert again.visible_docks() == {"photos_dock", "outbox_dock", "preview_dock"}
    # Put them away, then open each one again, both ways.
    again.focus(again.window.body)
    again.shortcut("Ctrl+Shift+F")
    again.menu("View", "Outbox")
    again.wait(lambda: again.visible_docks() == {"preview_dock"})
    _open_and_close(again, "shortcut")
    _open_and_close(again, "menu")


def test_a_panel_behind_another_tab_is_brought_forward_not_closed(journey, db_path):
    j = journey(db_path)
    j.focus(j.window.body)
    j.shortcut("Ctrl+Shift+F")
    j.shortcut("Ctrl+Shift+R")  # shares the tool column with Photos
    j.wait(lambda: "sidebar_dock" in j.visible_docks())
    j.shortcut("Ctrl+Shift+F")
    j.wait(lambda: "photos_dock" in j.visible_docks())
    j.wait(lambda: j.focused_in(_dock(j, "photos_dock")))


def test_the_view_menu_has_one_letter_per_command(journey, db_path):
    """Alt+V, then a letter: two items sharing a letter would make the letter only cycle."""
    j = journey(db_path)
    view = next(a.menu() for a in j.window.menuBar().actions() if a.text() == "&View")
    letters = [a.text()[a.text().index("&") + 1].lower() for a in view.actions() if "&" in a.text()]
    assert len(letters) == len([a for a in view.actions() if not a.isSeparator()])
    assert len(set(letters)) == len(letters), letters


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
def test_a_photo_card_shows_a_whole_credit_at_the_window_size(journey, db_path, size):
    """At the default size the Photos dock is under 400 px wide: the card puts its fields below
    the thumbnail so a credit like "Rodrigo Abd/The Associated Press" reads whole (beside the thumbnail
    it was cut to its first 24 letters); in a wide dock they stay beside it."""
    from editor.services import photos, posts
    from editor.services.sample import seed_sample_post
    from editor.store.database import open_store
    from tests.helpers.photos import jpeg_bytes

    credit = "Rodrigo Abd/The Associated Press"
    store = open_store(db_path)
    with store.session() as s:
        post = posts.get_post(s, seed_sample_post(s).id)
        photos.attach(s, post, jpeg_bytes((900, 600)), filename="solar-panels-at-the-station.jpg",
                      lead=True, caption="Volunteers carry a solar panel across the yard.",
                      credit=credit, alt="Four people carry a solar panel.")  # fmt: skip
    store.close()
    j = journey(db_path, size=size)
    j.focus(j.window.body)
    j.shortcut("Ctrl+Shift+F")
    panel = j.window.panels.photo_panel
    j.wait(lambda: len(panel.cards) == 1 and panel.cards[0].isVisible())
    card = panel.cards[0]
    field = card.fields["credit"]
    j.wait(lambda: field.width() > 0)
    room = (
        field.width()
        - 2 * field.style().pixelMetric(field.style().PixelMetric.PM_DefaultFrameWidth)
        - 8
    )
    assert field.fontMetrics().horizontalAdvance(credit) <= room, (
        f"the credit is cut at {size}: the field is {field.width()} px"
    )
    assert card.stacked == (card.width() < 480)
    if size == (1920, 1080):
        assert not card.stacked, f"a {card.width()} px card stacked its fields"


def test_quit_ends_the_file_menu(journey, db_path):
    """Features add their File commands (Publish, Send for Review…): none lands below Quit."""
    j = journey(db_path)
    file_menu = next(a.menu() for a in j.window.menuBar().actions() if a.text() == "&File")
    texts = [a.text() for a in file_menu.actions()]
    assert texts[-1] == "&Quit" and texts[-2] == "", texts  # a line, then Quit
    assert "Send for Re&view…" in texts and "Open Review Pac&kage…" in texts
