"""The preview controller never waits for an answer that will not come (issue 9, item 1).

A stand-in pane answers, or does not, in every way the real one can: a patch sent and answered
later, a patch that fails, nothing to do, a page loading, no page at all, the pane hidden, the
post switched, the renderer failing. Whatever the order, once every answer the pane owes has
come in and the timers have run, the controller is idle and the next edit reaches the pane.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule
from PySide6.QtCore import QCoreApplication, QObject, Signal

from editor.ui.preview.controller import PreviewController
from editor.ui.preview.pane import Patch


@dataclass
class Body:
    text: str
    blocks: list[str] = field(default_factory=list)
    removed: tuple[()] = ()


class Renderer:
    def __init__(self) -> None:
        self.fail_next = False

    def render(self, markdown: str) -> Body:
        if self.fail_next:
            self.fail_next = False
            raise ValueError("a broken extension")
        return Body(markdown, markdown.split("\n\n"))


class StandInPane(QObject):
    """The signals and calls of ``PreviewPane`` the controller uses; answers are held back
    until the test delivers them, as the web engine's would be."""

    reload_needed = Signal()
    body_patched = Signal(int)
    page_loaded = Signal(bool)
    link_clicked = Signal(object)
    open_in_browser_requested = Signal()
    shown_changed = Signal(bool)

    def __init__(self) -> None:
        super().__init__()
        self.visible = True
        self.next_outcome = Patch.SENT
        self.patch_fails = False
        self.owed: deque[tuple[str, Body | None]] = deque()  # answers still to come
        self.shown: Body | None = None
        self.loads = 0
        self.patches = 0

    # what the controller calls
    def isVisible(self) -> bool:
        return self.visible

    @property
    def loading(self) -> bool:
        return any(kind == "load" for kind, _ in self.owed)

    def set_roots(self, **_roots: object) -> None:
        pass

    def forget_scroll(self) -> None:
        pass

    def show_page(self, _html: str, *_args: object, body: Body | None = None) -> None:
        self.loads += 1
        self.owed.append(("load", body))

    def update_body(self, body: Body, _focus: int | None = None) -> Patch:
        self.patches += 1
        outcome = Patch.QUEUED if self.loading else self.next_outcome
        if outcome is Patch.QUEUED and not self.loading:
            self.owed.append(("load", body))  # a load under way (the pane queues the patch)
        if outcome is Patch.SENT:
            self.owed.append(("fail" if self.patch_fails else "patch", body))
        return outcome

    def scroll_to_block(self, _index: int) -> None:
        pass

    # what the test does
    def answer_one(self) -> None:
        kind, body = self.owed.popleft()
        if kind == "load":
            self.shown = body
            self.page_loaded.emit(True)
        elif kind == "patch":
            self.shown = body
            self.body_patched.emit(len(body.blocks) if body else 0)
        else:
            self.reload_needed.emit()

    def set_visible(self, visible: bool) -> None:
        self.visible = visible
        self.shown_changed.emit(visible)


def run_timers(controller: PreviewController) -> None:
    """Let the zero-length debounce timers fire (a handful of passes of the event loop)."""
    for _ in range(20):
        QCoreApplication.processEvents()
        if not (controller._body_timer.isActive() or controller._page_timer.isActive()):
            return


def settle(pane: StandInPane, controller: PreviewController) -> None:
    """Every owed answer delivered, every timer run, until nothing more happens."""
    for _ in range(200):
        run_timers(controller)
        if not pane.owed:
            return
        pane.answer_one()
    raise AssertionError("the controller kept the pane busy forever")


def make(qapp, debounce_ms: int = 0) -> tuple[StandInPane, Renderer, PreviewController]:
    pane = StandInPane()
    renderer = Renderer()
    controller = PreviewController(
        pane,  # type: ignore[arg-type]
        renderer,
        lambda body, _mode: f"<page>{body.text}</page>",
        debounce_ms=debounce_ms,
        page_debounce_ms=0,
    )
    return pane, renderer, controller


def test_a_keystroke_after_a_pause_is_patched_at_once(qapp):
    """No debounce before the first patch: the edit is sent within the call, before the event
    loop could run any timer (the debounce is set to a minute to be sure none is waited for)."""
    pane, _renderer, controller = make(qapp, debounce_ms=60_000)
    controller.open_post("First.")
    pane.answer_one()  # the page loaded
    assert controller.idle
    controller.body_edited("First, edited.")
    assert pane.patches == 1
    assert list(pane.owed) == [("patch", Body("First, edited.", ["First, edited."]))]
    pane.answer_one()
    assert controller.idle
    controller.body_edited("First, edited again.")  # the next pause, the next key: at once too
    assert pane.patches == 2


def test_keys_typed_while_a_patch_is_in_flight_go_out_as_one_patch(qapp):
    pane, _renderer, controller = make(qapp)
    controller.open_post("First.")
    pane.answer_one()
    controller.body_edited("First. a")  # sent at once: in flight until the page answers
    for text in ("First. ab", "First. abc", "First. abcd"):
        controller.body_edited(text)
        run_timers(controller)
    assert pane.patches == 1  # held back while the page works on the first
    assert not controller.idle
    pane.answer_one()
    run_timers(controller)
    assert pane.patches == 2  # the three that waited, as one patch with the latest text
    assert pane.owed[-1][1] is not None and pane.owed[-1][1].text == "First. abcd"
    settle(pane, controller)
    assert controller.idle
    assert pane.shown is not None and pane.shown.text == "First. abcd"


@pytest.mark.parametrize("outcome", list(Patch))
def test_every_outcome_of_a_patch_leaves_the_controller_idle(qapp, outcome):
    pane, _renderer, controller = make(qapp)
    controller.open_post("First.")
    settle(pane, controller)
    pane.next_outcome = outcome
    controller.body_edited("First.\n")  # e.g. an Enter that changes no element
    settle(pane, controller)
    assert controller.idle, outcome
    pane.next_outcome = Patch.SENT
    before = pane.patches
    controller.body_edited("First.\n\nSecond.")
    run_timers(controller)
    assert pane.patches == before + 1  # the next edit is sent, not held back for ever
    settle(pane, controller)
    assert controller.idle
    assert pane.shown is not None and pane.shown.text == "First.\n\nSecond."


def test_an_unanswered_patch_costs_a_reload_not_the_preview(qapp, qtbot, caplog):
    pane, _renderer, controller = make(qapp)
    controller._answer_timer.setInterval(10)
    controller.open_post("First.")
    settle(pane, controller)
    controller.body_edited("First, edited.")
    run_timers(controller)
    pane.owed.clear()  # the render process died with the patch: no answer will ever come
    loads = pane.loads
    qtbot.waitUntil(lambda: pane.loads == loads + 1, timeout=2_000)
    assert "did not answer" in caplog.text
    settle(pane, controller)
    assert controller.idle
    assert pane.shown is not None and pane.shown.text == "First, edited."


TEXTS = st.text(alphabet="ab \n", max_size=12)


class ControllerMachine(RuleBasedStateMachine):
    """Edits, answers and interruptions in any order; once everything owed has been
    answered the controller is idle and shows the latest text."""

    def __init__(self) -> None:
        super().__init__()
        self.pane, self.renderer, self.controller = make(QCoreApplication.instance())
        self.text = "Start."
        self.controller.open_post(self.text)

    @rule(text=TEXTS)
    def edit(self, text: str) -> None:
        self.text = text
        self.controller.body_edited(text)

    @rule(outcome=st.sampled_from(list(Patch)), fails=st.booleans())
    def pane_will(self, outcome: Patch, fails: bool) -> None:
        self.pane.next_outcome = outcome
        self.pane.patch_fails = fails

    @rule()
    def timers_run(self) -> None:
        run_timers(self.controller)

    @precondition(lambda self: bool(self.pane.owed))
    @rule()
    def pane_answers(self) -> None:
        self.pane.answer_one()

    @rule(visible=st.booleans())
    def pane_shown_or_hidden(self, visible: bool) -> None:
        self.pane.set_visible(visible)

    @rule(text=TEXTS)
    def another_post(self, text: str) -> None:
        self.text = text
        self.controller.open_post(text)

    @rule()
    def headline_edited(self) -> None:
        self.controller.page_edited()

    @rule()
    def renderer_fails_once(self) -> None:
        self.renderer.fail_next = True

    @invariant()
    def never_in_flight_without_an_answer_owed(self) -> None:
        if self.controller._in_flight:
            assert self.pane.owed, "waiting for an answer nobody owes"

    def teardown(self) -> None:
        self.pane.set_visible(True)
        self.pane.next_outcome = Patch.SENT
        self.pane.patch_fails = False
        self.renderer.fail_next = False
        settle(self.pane, self.controller)
        assert self.controller.idle
        # The next edit is shown: nothing was left stuck.
        self.controller.body_edited(self.text + " z")
        settle(self.pane, self.controller)
        assert self.controller.idle
        assert self.pane.shown is not None and self.pane.shown.text == self.text + " z"
        self.controller.deleteLater()
        self.pane.deleteLater()


@pytest.fixture
def machine_settings(qapp):
    return settings(
        max_examples=150,
        stateful_step_count=30,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )


def test_any_order_of_edits_and_answers_leaves_the_controller_idle(qapp, machine_settings):
    ControllerMachine.TestCase.settings = machine_settings
    ControllerMachine.TestCase().runTest()
