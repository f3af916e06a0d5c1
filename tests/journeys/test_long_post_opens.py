"""A long post opens with its start in the preview first (a screenful, converted and laid out
at once), then the rest: the page ends up exactly what a fresh render of the whole post gives,
and typing at its end shows there."""

from __future__ import annotations

from editor.model.post import PostContent
from editor.services.blogs import get_or_create_blog
from editor.services.posts import create_post
from editor.store.database import open_store
from editor.ui.preview.wiring import first_screen
from tests.helpers.preview import long_post

WORDS = 5_000


def _long_post_database(path) -> str:
    text = long_post(WORDS)
    store = open_store(path)
    try:
        with store.session() as s:
            blog = get_or_create_blog(s, "Harbour Blog")
            content = PostContent(headline="The long budget night", byline="Ana", body=text)
            create_post(s, content, blog=blog)
            s.commit()
    finally:
        store.close()
    return text


def test_a_long_post_shows_whole_in_the_preview_and_follows_typing(journey, db_path):
    text = _long_post_database(db_path)
    assert first_screen(text) is not None  # long enough to open by its first screen
    j = journey(db_path)
    j.wait_preview_matches()
    last = text.rsplit("\n\n", 1)[1]
    assert last[:40] in j.preview_text()
    assert "The long budget night" in j.preview_text("h1")

    j.caret_to_end()
    j.type(" Closing words.")
    j.wait_preview_matches()
    assert "Closing words." in j.preview_text()


def test_first_screen_is_whole_blocks_from_the_start():
    text = long_post(WORDS)
    head = first_screen(text, 3000)
    assert head is not None and text.startswith(head)
    assert 3000 <= len(head) < 3000 + 1000  # a paragraph or so past the mark
    assert text[len(head) : len(head) + 2] == "\n\n"  # cut between blocks
    assert first_screen(text[:5000], 3000) is None  # short: shown whole at once
    footnoted = text + "\n\nA claim.[^1]\n\n[^1]: The source."
    assert first_screen(footnoted, 3000) is None  # document-global: converted whole
