"""Puts Suggest mode, the suggestions list and Compare into the main window (one object, so
main_window.py only creates it)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDockWidget, QLabel

from editor.review import suggestions as critic
from editor.ui.review.suggest_mode import SuggestMode
from editor.ui.review.suggestions_list import SuggestionsList
from editor.ui.window.actions import Act
from editor.ui.window.docks import bind_panel, open_panel

if TYPE_CHECKING:
    from editor.ui.review.compare_dialog import CompareDialog
    from editor.ui.window.main_window import MainWindow

LIST_DELAY_MS = 300


def _authors(store: Any, post_id: int) -> dict[str, str]:
    """Worker: each recorded body mark's text -> "Name, 2026-12-01 14:03"."""
    from editor.services import posts
    from editor.services.suggestions import list_suggestions

    with store.session() as s:
        views = list_suggestions(s, posts.get_post(s, post_id))
        return {
            v.mark.raw: f"{v.author.label}, {v.created_at.astimezone():%Y-%m-%d %H:%M}"
            for v in views
            if v.field == "body" and v.created_at is not None
        }


def _snapshot(store: Any, post_id: int, number: int) -> dict[str, Any]:
    from editor.services import posts

    with store.session() as s:
        return dict(posts.get_revision(s, post_id, number).snapshot)


class SuggestUi(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.mode = SuggestMode(window.body, self)
        self.list = SuggestionsList()
        review = getattr(window, "review", None)
        if review is not None:  # a tab of the Review panel
            self.dock = review.dock
            self._tabs = review.panel.tabs
            self._tabs.addTab(self.list, "Suggestions")
            window.actions_.connect(Act.SUGGESTIONS, self.show_list)
        else:  # a window without the Review panel: a dock of its own
            self.dock = QDockWidget("Suggestions", window, objectName="suggestions_dock")
            self.dock.setWidget(self.list)
            self.dock.hide()
            window.add_side_panel(self.dock)
            bind_panel(window, Act.SUGGESTIONS, self.dock)
        self.state_label = QLabel(objectName="suggest_state")
        self.state_label.setAccessibleName("Suggest mode")
        window.statusBar().addPermanentWidget(self.state_label)
        self.compare: CompareDialog | None = None
        self._authors: dict[str, str] = {}
        self._list_timer = QTimer(self, singleShot=True, interval=LIST_DELAY_MS)
        self._list_timer.timeout.connect(self.refresh_list)
        a = window.actions_
        mode_action = a[Act.SUGGEST_MODE]
        mode_action.setCheckable(True)
        mode_action.toggled.connect(self._mode_toggled)
        a.connect(Act.ACCEPT_SUGGESTION, lambda: self.mode.resolve_at_caret(accept=True))
        a.connect(Act.REJECT_SUGGESTION, lambda: self.mode.resolve_at_caret(accept=False))
        a.connect(Act.ACCEPT_ALL, lambda: self.mode.resolve_all(accept=True))
        a.connect(Act.REJECT_ALL, lambda: self.mode.resolve_all(accept=False))
        marks = a[Act.PREVIEW_MARKS]
        marks.setCheckable(True)
        marks.toggled.connect(self._preview_marks)
        self._preview_marks(False)
        self.mode.refused.connect(lambda text: window.statusBar().showMessage(text, 5000))
        self.mode.resolved.connect(self._resolved)
        self.list.accept_requested.connect(lambda m: self.mode.resolve_marks([m], accept=True))
        self.list.reject_requested.connect(lambda m: self.mode.resolve_marks([m], accept=False))
        self.list.all_requested.connect(self._resolve_all)
        self.list.jump_requested.connect(self._jump)
        window.body.textChanged.connect(self._list_timer.start)
        c = window.controller
        c.current_post_changed.connect(lambda _d: self.load_authors())
        c.post_saved.connect(lambda _o: self.load_authors())
        window.revisions.compare_requested.connect(self.open_compare)
        mode_action.setChecked(window.settings.flag(self._setting_key()))

    # -- Suggest mode -------------------------------------------------------------------------
    def _person(self) -> tuple[str, str]:
        from editor.config import USER_EMAIL, USER_NAME

        config = self.window.preferences.config
        return config.get(USER_NAME), config.get(USER_EMAIL)

    def _setting_key(self) -> str:
        name, email = self._person()
        who = (email or name or "anyone").replace("/", "_").replace("\\", "_")
        return f"suggest_mode/{who}"

    def _mode_toggled(self, on: bool) -> None:
        self.mode.set_on(on)
        self.window.settings.set_flag(self._setting_key(), on)
        self.state_label.setText("Suggesting" if on else "")
        self.state_label.setToolTip("Typing records suggested edits (Review ▸ Suggest Changes)")

    # -- the list and the preview ---------------------------------------------------------------
    def show_list(self) -> None:
        """The Review panel, open at its Suggestions tab."""
        open_panel(self.dock, focus=False)
        self._tabs.setCurrentWidget(self.list)
        self.list.list.setFocus()

    def refresh_list(self) -> None:
        self.list.show_marks(critic.find_marks(self.window.body.toPlainText()), self._authors)

    def load_authors(self) -> None:
        c = self.window.controller
        store, current = c.store, c.current
        if store is None or current is None:
            self._authors = {}
            self.refresh_list()
            return
        post_id = current.id
        self.window.executor.submit(lambda: _authors(store, post_id), self._authors_loaded)

    def _authors_loaded(self, authors: dict[str, str]) -> None:
        self._authors = authors
        self.refresh_list()

    def _preview_marks(self, marked: bool) -> None:
        preview = self.window.preview
        if preview is not None:
            show = critic.with_marks_as_html if marked else critic.accepted
            preview.controller.set_text_filter(show)

    def _resolve_all(self, accept: bool) -> None:
        self.mode.resolve_all(accept=accept)
        # Back to the text: the button just pressed is disabled now (nothing left) and the
        # keyboard went on to the post search, where Ctrl+Z undid nothing of it.
        self.window.body.setFocus(Qt.FocusReason.OtherFocusReason)

    def _resolved(self, accepted: bool, count: int) -> None:
        done = "Accepted" if accepted else "Rejected"
        self.window.statusBar().showMessage(
            f"{done} {count} suggestion{'s' if count != 1 else ''} (Ctrl+Z undoes it)", 5000
        )

    def _jump(self, position: int) -> None:
        cur = QTextCursor(self.window.body.document())
        cur.setPosition(min(position, len(self.window.body.toPlainText())))
        self.window.body.setTextCursor(cur)
        self.window.body.setFocus()

    # -- Compare ------------------------------------------------------------------------------
    def open_compare(self, number: int) -> None:
        from editor.ui.history.revisions_panel import NUMBER_ROLE
        from editor.ui.review.compare_dialog import CURRENT, CompareDialog

        c = self.window.controller
        if c.store is None or c.current is None:
            return
        store, post_id = c.store, c.current.id
        revisions = []
        for row in range(self.window.revisions.list.count()):
            item = self.window.revisions.list.item(row)
            revisions.append((item.data(NUMBER_ROLE), item.text()))

        def load(n: int, done: Any) -> None:
            if n == CURRENT:
                fields, _status, _blog = c.collect()
                done({**fields, "photos": self._photos_now()})
            else:
                self.window.executor.submit(lambda: _snapshot(store, post_id, n), done)

        if self.compare is not None:
            self.compare.close()
        self.compare = CompareDialog(revisions, load, first=number, parent=self.window)
        self.compare.show()

    def _photos_now(self) -> list[dict[str, Any]]:
        """The photos' captions and credits as the cards show them (typed, maybe not saved)."""
        panel = self.window.panels.photo_panel
        return [
            {"id": card.item.id, "filename": card.item.filename,
             "caption": card.fields["caption"].text().strip(),
             "credit": card.fields["credit"].text().strip()}
            for card in panel.cards
        ]  # fmt: skip
