"""Small pure parts of the window: length guidance, word counts, list fields, the registry."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from editor.ui.window.actions import Act, ActionRegistry
from editor.ui.writing.body_editor import WordCounter, count_words, reading_minutes
from editor.ui.writing.post_form import DECK_TARGET, HEADLINE_TARGET, guidance, split_list


@pytest.mark.parametrize(
    ("length", "target", "level"),
    [(0, 70, "ok"), (70, 70, "ok"), (80, 70, "near"), (88, 70, "over"), (260, 200, "over")],
)
def test_guidance_informs_by_level(length, target, level):
    text, got = guidance(length, target)
    assert got == level and text.startswith(f"{length} / ~{target}")


def test_targets_are_the_issues():
    assert (HEADLINE_TARGET, DECK_TARGET) == (70, 200)


def test_word_count_and_reading_time():
    assert count_words("It's a well-known fact — twelve panels, 3.5 kW.") == 8
    assert reading_minutes(0) == 0 and reading_minutes(10) == 1 and reading_minutes(2300) == 10


@given(st.lists(st.text(alphabet="ab’'.-\n ", max_size=30), min_size=1, max_size=6))
def test_the_word_counter_counts_every_text_as_count_words(texts):
    """Counted again line by line after each edit: always the whole count."""
    counter = WordCounter()
    for text in texts:
        assert counter.count(text) == count_words(text), repr(text)


@given(st.lists(st.text(alphabet="abc xyz", min_size=1).map(str.strip).filter(bool)))
def test_split_list_round_trips_joined_lists(items):
    items = [i for i in items if "," not in i]
    assert split_list(", ".join(items)) == items


def test_registry_gives_every_action_one_qaction_with_its_shortcut(qtbot):
    from PySide6.QtWidgets import QMainWindow

    window = QMainWindow()
    qtbot.addWidget(window)
    registry = ActionRegistry(window)
    registry.fill_menus(window.menuBar())
    keys = [registry[a].shortcut() for a in Act]
    shortcuts = [k.toString() for k in keys if not k.isEmpty()]  # several have none
    assert len(shortcuts) == len(set(shortcuts)), "two actions share a shortcut"
    assert registry[Act.BOLD].shortcut().toString() == "Ctrl+B"
    assert registry[Act.LINK].shortcut().toString() == "Ctrl+K"
    registry.set_writable(False)
    assert not registry[Act.NEW_POST].isEnabled() and registry[Act.QUIT].isEnabled()
