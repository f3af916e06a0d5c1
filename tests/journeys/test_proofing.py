"""Proofing a Spanish post as it is typed (issue 12).

A writer of a Spanish blog types a paragraph with two misspellings and a name; all three get a
red wavy underline. She picks the right spelling from the right-click menu, adds the name to the
blog's word list, sees the Proofing panel (F7) and the status bar count one problem left; the
blog's other post, which has the same name, shows no problem at all.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from editor.ui.proofing.spell_layer import is_underlined

PARAGRAPH = "El alcalde Humala dijo ke hubo un probelma en la plaza de Cajamarca."
OTHER_BODY = "Según Humala, la reunión terminó tarde."


def _seed(db_path: Path) -> None:
    from editor.model import PostContent
    from editor.services import blogs, posts
    from editor.store.database import open_store

    store = open_store(db_path)
    start = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
    try:
        with store.session() as s:
            blog = blogs.create_blog(s, "Diario Andino", language="es")
            posts.create_post(
                s,
                PostContent(headline="Segunda nota", byline="Ana", body=OTHER_BODY),
                blog=blog,
                now=start,
            )
            posts.create_post(s, PostContent(headline="Primera nota", byline="Ana"),
                              blog=blog, now=start + timedelta(minutes=1))  # fmt: skip
    finally:
        store.close()


def underlined(body) -> list[str]:
    """The words the highlighter has given a red wavy underline, in order."""
    found = []
    block = body.document().begin()
    while block.isValid():
        text = block.text()
        for r in block.layout().formats():
            if is_underlined(r.format):
                found.append(text.encode("utf-16-le")[r.start * 2 : (r.start + r.length) * 2]
                             .decode("utf-16-le"))  # fmt: skip
        block = block.next()
    return found


def _word_point(body, word: str):
    text = body.toPlainText()
    cursor = QTextCursor(body.document())
    cursor.setPosition(text.index(word) + len(word) // 2)
    return body.cursorRect(cursor).center()


def _blog_words(db_path: Path) -> list[str]:
    from editor.model import Blog
    from editor.services import proofing
    from editor.store.database import open_store

    store = open_store(db_path)
    try:
        with store.session() as s:
            return proofing.blog_words(s, s.query(Blog).filter_by(name="Diario Andino").one())
    finally:
        store.close()


def test_spanish_paragraph_underlined_corrected_and_name_added_for_the_whole_blog(journey, db_path):
    _seed(db_path)
    j = journey(db_path, preview=False)
    window = j.window
    body = window.body
    j.wait(lambda: window.controller.current is not None
           and window.controller.current.fields["headline"] == "Primera nota")  # fmt: skip
    j.focus(body)
    j.type(PARAGRAPH)
    j.wait(lambda: underlined(body) == ["Humala", "ke", "probelma"])

    menu = j.context_menu(body, _word_point(body, "probelma"))
    texts = [a.text() for a in menu.actions()]
    assert texts[0] == "problema"
    assert {"Add to my dictionary", "Add to the blog's word list", "Ignore in this post"} <= set(
        texts
    )
    j.choose(menu, "problema")
    j.wait(lambda: "un problema en" in body.toPlainText())
    j.wait(lambda: underlined(body) == ["Humala", "ke"])

    menu = j.context_menu(body, _word_point(body, "Humala"))
    j.choose(menu, "Add to the blog's word list")
    j.wait(lambda: underlined(body) == ["ke"])
    j.wait(lambda: _blog_words(db_path) == ["Humala"])

    j.focus(body)
    j.shortcut("F7")
    j.wait(lambda: "proofing_dock" in j.visible_docks())
    panel = window.proofing.panel
    j.wait(lambda: [p.word for p in panel.problems()] == ["ke"])
    assert window.proofing.count.text() == "1 spelling · 0 style"
    # Jump to it from the panel: the word is selected in the body.
    item = panel.list.item(0)
    QTest.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.list.visualItemRect(item).center())  # fmt: skip
    j.wait(lambda: body.textCursor().selectedText() == "ke")

    # The blog's other post has the name too: nothing to flag there.
    tree = window.post_list.tree
    row = tree.findItems("Segunda nota", Qt.MatchFlag.MatchExactly, 0)[0]
    j.focus(tree)
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=tree.visualItemRect(row).center())  # fmt: skip
    j.wait(lambda: window.controller.current.fields["headline"] == "Segunda nota")
    j.wait(lambda: window.proofing.count.text() == "No spelling or style problems")
    assert underlined(body) == []
    assert panel.problems() == []


def _red_under(field, left: float, right: float) -> bool:
    """Whether the field, as painted on screen, has the red wave between ``left`` and ``right``."""
    image = field.grab().toImage()
    ratio = image.devicePixelRatio()
    for x in range(int(left * ratio) + 1, int(right * ratio) - 1):
        for y in range(image.height() // 2, image.height()):
            c = image.pixelColor(x, y)
            if c.red() > 150 and c.green() < 110 and c.blue() < 110:
                return True
    return False


def test_misspelt_words_in_the_headline_and_deck_are_underlined_where_they_stand(journey, db_path):
    """A typo in a headline is the one readers see first: it gets the same red wave as in the
    body, moves with its word while the writer types before it, and goes once corrected."""
    from editor.model import PostContent
    from editor.services import blogs, posts
    from editor.store.database import open_store

    store = open_store(db_path)
    with store.session() as s:
        blog = blogs.create_blog(s, "Coast Desk", language="en")
        posts.create_post(s, PostContent(headline="City lights", byline="Ana"), blog=blog)
    store.close()
    j = journey(db_path, preview=False)
    form, proofing = j.window.form, j.window.proofing
    j.wait(lambda: form.headline.text() == "City lights")
    headline, overlay = form.headline, proofing.fields.overlay

    j.focus(headline)
    j.press(Qt.Key.Key_End, widget=headline)
    j.type(": the mayor anounced a plan", widget=headline)
    j.wait(lambda: len(overlay.ranges()) == 1)
    ((left, right),) = overlay.ranges()
    word_width = headline.fontMetrics().horizontalAdvance("anounced")
    assert abs((right - left) - word_width) <= 2
    middle = QPoint(int((left + right) / 2), headline.height() // 2)
    assert headline.text()[headline.cursorPositionAt(middle) - 1] in "anounced"
    j.wait(lambda: _red_under(headline, left, right))
    assert not _red_under(headline, 2, left - 4)  # "City lights: the mayor" is spelt right

    j.focus(form.deck)
    j.type("Residents recieve the news at dawn.", widget=form.deck)
    j.wait(lambda: proofing.fields.deck_underlined() == ["recieve"])

    # Typing before the word: its wave moves with it, before the next pass.
    j.focus(headline)
    j.press(Qt.Key.Key_Home, widget=headline)
    j.type("Late: ", widget=headline)
    ((moved, _),) = overlay.ranges()
    assert moved > left + 10
    # Right-click the wave: the spelling is fixed from the menu, as in the body.
    ((left, right),) = overlay.ranges()
    menu = j.context_menu(headline, QPoint(int((left + right) / 2), headline.height() // 2))
    assert menu.actions()[0].text() == "announced"
    assert "Ignore in this post" in [a.text() for a in menu.actions()]
    assert any("Paste" in a.text() for a in menu.actions())  # the field's own menu below
    j.choose(menu, "announced")
    j.wait(lambda: overlay.ranges() == [])
    assert headline.text() == "Late: City lights: the mayor announced a plan"

    deck = form.deck
    cursor = deck.textCursor()
    cursor.setPosition(deck.toPlainText().index("recieve") + 3)
    menu = j.context_menu(deck, deck.cursorRect(cursor).center())
    j.choose(menu, "receive")
    j.wait(lambda: proofing.fields.deck_underlined() == [])
    assert deck.toPlainText() == "Residents receive the news at dawn."
    j.wait_saved()
    stored = _stored_fields(db_path)
    assert stored == ("Late: City lights: the mayor announced a plan",
                      "Residents receive the news at dawn.")  # fmt: skip


def _stored_fields(db_path: Path) -> tuple[str, str]:
    from editor.model import Post
    from editor.store.database import open_store

    store = open_store(db_path)
    try:
        with store.session() as s:
            post = s.query(Post).one()
            return post.headline, post.deck
    finally:
        store.close()


def test_a_word_ignored_in_a_post_stays_ignored_after_reopening(journey, db_path):
    """ "Ignore in this post" is kept with the post: closing Byline and opening it again, the
    name is still accepted there (it was forgotten on closing)."""
    from editor.model import PostContent
    from editor.services import blogs, posts
    from editor.store.database import open_store

    store = open_store(db_path)
    with store.session() as s:
        blog = blogs.create_blog(s, "Coast Desk", language="en")
        body = "The Quispe family still runs the station."
        posts.create_post(s, PostContent(headline="Night shift", byline="Ana", body=body),
                          blog=blog)  # fmt: skip
    store.close()
    j = journey(db_path, preview=False)
    body = j.window.body
    j.wait(lambda: underlined(body) == ["Quispe"])
    menu = j.context_menu(body, _word_point(body, "Quispe"))
    j.choose(menu, "Ignore in this post")
    j.wait(lambda: underlined(body) == [])
    j.wait(lambda: j.window.proofing.count.text() == "No spelling or style problems")
    j.close()

    again = journey(db_path, preview=False)
    again.wait(lambda: again.window.proofing.count.text() == "No spelling or style problems")
    assert underlined(again.window.body) == []
    assert _post_words(db_path) == ["Quispe"]


def _post_words(db_path: Path) -> list[str]:
    from editor.services import proofing
    from editor.store.database import open_store

    store = open_store(db_path)
    try:
        with store.session() as s:
            return proofing.post_words(s, 1)
    finally:
        store.close()
