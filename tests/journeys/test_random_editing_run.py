"""A randomised editing run with real keys, clicks and clipboard pastes (issue 9).

A seeded random walk over the sample post: typing Markdown, Enter, Backspace and Delete (also
across block boundaries), selections typed over, multi-paragraph pastes by Ctrl+V, undo and
redo, and the caret moved anywhere by keys and mouse clicks. At every pause the preview's
article is a fresh whole-document render of the text, and the preview has nothing left in
flight. The seed is in the test id; ``BYLINE_WALK_SEED=N`` replays (or tries) another one.
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

STEPS = 320
SEEDS = [int(os.environ["BYLINE_WALK_SEED"])] if "BYLINE_WALK_SEED" in os.environ else [1201]

K = Qt.Key
NONE = Qt.KeyboardModifier.NoModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier

SNIPPETS = [
    "word", "the council", " and then", "café —", "“quoted”", "it's", "**bold**", "_aside_",
    "`code`", "[a link](https://example.org/x)", "## ", "- ", "> ", "1. ", "---", "<em>raw</em>",
    "https://example.org", "#", "*", "x" * 30,
]  # fmt: skip
PASTES = [
    "A pasted paragraph.\n\nAnd another one.",
    "## A pasted subhead\n\nWith text under it.\n\n- one\n- two",
    "> quoted line\n> and more\n\nafter the quote",
    "first line\nsecond line of the same paragraph",
]
MOVES = [
    (K.Key_Left, NONE), (K.Key_Right, NONE), (K.Key_Up, NONE), (K.Key_Down, NONE),
    (K.Key_Home, NONE), (K.Key_End, NONE), (K.Key_Home, CTRL), (K.Key_End, CTRL),
    (K.Key_PageUp, NONE), (K.Key_PageDown, NONE), (K.Key_Left, CTRL), (K.Key_Right, CTRL),
]  # fmt: skip


class Walk:
    """One random edit at a time on the window's body; keeps a log to replay by eye."""

    def __init__(self, j, rng: random.Random) -> None:
        self.j = j
        self.rng = rng
        self.body = j.window.body
        self.log: list[str] = []

    def key(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = NONE) -> None:
        QTest.keyClick(self.body, key, modifiers)

    def step(self) -> None:
        rng = self.rng
        actions: list[tuple[int, Callable[[], str]]] = [
            (30, self.type_snippet),
            (10, self.enter),
            (10, self.backspace),
            (6, self.delete),
            (5, self.join_blocks),
            (4, self.paste),
            (4, self.undo),
            (3, self.redo),
            (14, self.move),
            (6, self.click),
            (6, self.select_and_replace),
        ]
        action = rng.choices([a for _, a in actions], weights=[w for w, _ in actions])[0]
        self.log.append(action())

    def type_snippet(self) -> str:
        text = self.rng.choice(SNIPPETS)
        self.j.type(text, self.body)
        return f"type {text!r}"

    def enter(self) -> str:
        count = self.rng.choice([1, 1, 2])
        for _ in range(count):
            self.key(K.Key_Return)
        return f"enter x{count}"

    def backspace(self) -> str:
        count = self.rng.randint(1, 4)
        for _ in range(count):
            self.key(K.Key_Backspace)
        return f"backspace x{count}"

    def delete(self) -> str:
        count = self.rng.randint(1, 4)
        for _ in range(count):
            self.key(K.Key_Delete)
        return f"delete x{count}"

    def join_blocks(self) -> str:
        """Backspace at the start of a line: joins it to the block above."""
        self.key(K.Key_Home)
        self.key(K.Key_Backspace)
        return "home, backspace"

    def paste(self) -> str:
        text = self.rng.choice(PASTES)
        QApplication.clipboard().setText(text)
        self.key(K.Key_V, CTRL)
        assert text.split("\n")[0] in self.body.toPlainText(), "Ctrl+V pasted nothing"
        return f"paste {text!r}"

    def undo(self) -> str:
        self.j.shortcut(QKeySequence(QKeySequence.StandardKey.Undo).toString())
        return "undo"

    def redo(self) -> str:
        self.j.shortcut(QKeySequence(QKeySequence.StandardKey.Redo).toString())
        return "redo"

    def move(self) -> str:
        key, modifiers = self.rng.choice(MOVES)
        repeat = self.rng.randint(1, 6)
        for _ in range(repeat):
            self.key(key, modifiers)
        return f"move {key.name}{'+ctrl' if modifiers else ''} x{repeat}"

    def click(self) -> str:
        viewport = self.body.viewport()
        point = QPoint(
            self.rng.randrange(max(1, viewport.width())),
            self.rng.randrange(max(1, viewport.height())),
        )
        QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, NONE, point)
        return f"click {point.x()},{point.y()}"

    def select_and_replace(self) -> str:
        key, _ = self.rng.choice(MOVES[:6])
        repeat = self.rng.randint(1, 8)
        for _ in range(repeat):
            self.key(key, SHIFT)
        if self.rng.random() < 0.5:
            self.key(K.Key_Backspace)
            return f"select {key.name} x{repeat}, backspace"
        text = self.rng.choice(SNIPPETS)
        self.j.type(text, self.body)
        return f"select {key.name} x{repeat}, type {text!r}"


@pytest.mark.parametrize("seed", SEEDS, ids=lambda seed: f"seed={seed}")
def test_random_editing_run_keeps_the_preview_equal_to_a_full_render(journey, db_path, seed):
    j = journey(db_path)
    controller = j.window.preview.controller
    rng = random.Random(seed)
    walk = Walk(j, rng)
    j.focus(j.window.body)
    next_pause = rng.randint(10, 20)
    for number in range(1, STEPS + 1):
        walk.step()
        if rng.random() < 0.25:
            j.wait_preview_idle()  # a short pause: the preview catches up mid-burst
        if number in (next_pause, STEPS):
            next_pause += rng.randint(10, 20)
            j.wait_preview_idle()
            recent = "\n  ".join(walk.log[-12:])
            j.wait_preview_matches(
                full=True, context=f" (seed {seed}, step {number}; last steps:\n  {recent})"
            )
            assert controller.idle, "the preview still waits for something once idle"
    assert len(walk.log) == STEPS
