"""The Review panel mounted on the main window: it follows the open post, records who acts
(``user.name``/``user.email``), keeps the form's status combo to the workflow's moves,
highlights commented words in the body, and runs Ctrl+Alt+M (comment on the selection).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QDockWidget, QLineEdit, QPlainTextEdit, QTextEdit

from editor.ui.review.panel import ReviewPanel
from editor.ui.window.actions import Act
from editor.ui.window.docks import bind_panel, open_panel

if TYPE_CHECKING:
    from editor.ui.review.jobs import ReviewData
    from editor.ui.window.jobs import Opened, PostData
    from editor.ui.window.main_window import MainWindow

HIGHLIGHT_DELAY_MS = 300  # highlights follow typing at most this late


class ReviewUi(QObject):
    review_loaded = Signal(object)  # ReviewData

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.store: Any = None
        self.data: ReviewData | None = None
        self._pending: tuple[str, tuple[int, int], str] | None = None  # field, span, quote
        self.panel = ReviewPanel()
        self.panel.setEnabled(False)
        self.dock = QDockWidget("Review", window, objectName="review_dock")
        self.dock.setWidget(self.panel)
        self.dock.hide()
        window.add_side_panel(self.dock)
        bind_panel(window, Act.REVIEW, self.dock)
        from editor.ui.review.markers import CommentMarkers

        self.markers = CommentMarkers(window.body)
        self.markers.hide()
        self._highlight_timer = QTimer(self, singleShot=True, interval=HIGHLIGHT_DELAY_MS)
        self._highlight_timer.timeout.connect(self._highlight)
        self._wire()

    def _wire(self) -> None:
        w, c, p = self.window, self.window.controller, self.panel
        c.store_opened.connect(self._store_opened)
        c.current_post_changed.connect(self._post_changed)
        c.post_saved.connect(lambda _o: self.reload())
        c.body_text_changed.connect(self._highlight_timer.start)
        w.actions_.connect(Act.COMMENT, self.comment_on_selection)
        w.actions_.connect(Act.SUBMIT_FOR_REVIEW, lambda: self.change_status("submitted"))
        w.actions_.connect(Act.REQUEST_CHANGES, lambda: self.change_status("changes_requested"))
        w.actions_.connect(Act.APPROVE, lambda: self.change_status("approved"))
        p.submit_clicked.connect(lambda: self.change_status("submitted"))
        p.request_changes_clicked.connect(lambda: self.change_status("changes_requested"))
        p.approve_clicked.connect(lambda: self.change_status("approved"))
        p.comment_requested.connect(self._add_comment)
        p.reply_requested.connect(self._reply)
        p.resolve_requested.connect(self._resolve)
        p.jump_requested.connect(self.jump_to)
        p.filter_changed.connect(self._show)
        self.markers.clicked.connect(self.show_comment)

    # -- following the post -----------------------------------------------------------------
    def _store_opened(self, opened: Opened) -> None:
        from editor.config import person

        self.store = opened.store
        config = self.window.preferences.config
        self.store.whoami = lambda: person(config)
        self.panel.setEnabled(True)
        self._post_changed(self.window.controller.current)

    def _post_changed(self, data: PostData | None) -> None:
        self._pending = None
        self.panel.clear_new_comment()
        if data is None:
            self.data = None
            self._show()
            return
        self.reload()

    def reload(self) -> None:
        current = self.window.controller.current
        if self.store is None or current is None:
            return
        from editor.ui.review import jobs

        store, post_id = self.store, current.id
        self.window.executor.submit(lambda: jobs.load(store, post_id), self._loaded)

    def _loaded(self, data: ReviewData, *, status_moved: bool = False) -> None:
        current = self.window.controller.current
        if current is None or current.id != data.post_id:
            return
        self.data = data
        self._sync_status_combo(data, force=status_moved)
        self._show()
        self.review_loaded.emit(data)

    def show_moved(self, data: ReviewData) -> None:
        """The status moved outside this panel (a push): the form's combo and the log follow,
        even over an unsaved pick in the combo."""
        self._loaded(data, status_moved=True)

    def _show(self) -> None:
        data, writable = self.data, not self.window.controller.read_only
        self.panel.show_status(data.status if data else "", data.allowed if data else (), writable)
        self.panel.show_log(data.log if data else [])
        self.panel.show_comments(data.comments if data else [])
        self._highlight()

    def _sync_status_combo(self, data: ReviewData, *, force: bool) -> None:
        """The form's status combo offers the stored status and the moves the workflow allows
        without a note (asking for changes takes the panel, where the note goes)."""
        form = self.window.form
        combo, model = form.status, form.status.model()
        for i in range(combo.count()):
            value = combo.itemData(i)
            ok = value == data.status or (value in data.allowed and value != "changes_requested")
            model.item(i).setEnabled(ok)  # type: ignore[attr-defined]
            model.item(i).setToolTip(  # type: ignore[attr-defined]
                "" if ok else "Not a next step from here (see the Review panel)"
            )
        # Not over a pick in the combo that is still to be saved, unless the status just moved.
        if combo.currentData() != data.status and (
            force or not self.window.controller.autosave.dirty
        ):
            loading, form._loading = form._loading, True
            try:
                combo.setCurrentIndex(combo.findData(data.status))
            finally:
                form._loading = loading

    # -- status -----------------------------------------------------------------------------
    def change_status(self, target: str) -> None:
        current, store = self.window.controller.current, self.store
        if current is None or store is None or self.window.controller.read_only:
            return
        note = self.panel.note.text().strip()
        if target == "changes_requested" and not note:
            open_panel(self.dock, focus=False)
            self.panel.note.setFocus()
            self._say("Write what to change in the note, then Request changes again.")
            return
        from editor.ui.review import jobs

        self.window.controller.flush()  # the text as it is now goes with the decision
        c, post_id = self.window.controller, current.id
        state = c._state
        self.window.executor.submit(
            lambda: jobs.change_status(store, state, post_id, target, note),
            self._status_changed,
            lambda exc: self._say(str(exc)),
        )

    def _status_changed(self, data: ReviewData) -> None:
        self.panel.note.clear()
        self._loaded(data, status_moved=True)
        self.window.controller.posts_changed.emit()  # the list shows the new status
        self._say(f"The post is now {data.status.replace('_', ' ')}.")

    # -- comments ---------------------------------------------------------------------------
    def comment_on_selection(self) -> None:
        """Ctrl+Alt+M: the selected words of the body, headline, deck or a photo's caption or
        credit (nothing selected: the whole post) become the new comment's anchor; the
        keyboard goes to the comment box."""
        if self.window.controller.current is None:
            return
        field, span, quote = self._selection()
        self._pending = (field, span, quote)
        self.panel.set_new_quote(quote, field)
        open_panel(self.dock, focus=False)
        self.panel.tabs.setCurrentIndex(0)
        self.panel.new_comment.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _selection(self) -> tuple[str, tuple[int, int], str]:
        from PySide6.QtWidgets import QApplication

        from editor.ui.review.photo_comments import selection_in_card

        form = self.window.form
        focus = QApplication.focusWidget()
        if (in_card := selection_in_card(focus)) is not None:
            return in_card
        if isinstance(focus, QLineEdit) and focus is form.headline and focus.hasSelectedText():
            start = focus.selectionStart()
            return "headline", (start, start + len(focus.selectedText())), focus.selectedText()
        deck = form.deck
        widget = deck if focus is deck and deck.textCursor().hasSelection() else self.window.body
        cursor = widget.textCursor()
        if cursor.hasSelection():
            start, end = cursor.selectionStart(), cursor.selectionEnd()
            name = "deck" if widget is deck else "body"
            return name, (start, end), widget.toPlainText()[start:end]
        return "post", (0, 0), ""

    def _add_comment(self, text: str) -> None:
        current, store = self.window.controller.current, self.store
        if current is None or store is None or not text.strip():
            return
        field, span, quote = self._pending or ("post", (0, 0), "")
        from editor.ui.review import jobs

        self.window.controller.flush()  # the offsets are of the text as it is now
        post_id = current.id

        def done(data: ReviewData) -> None:
            self._pending = None
            self.panel.clear_new_comment()
            self._loaded(data)

        self.window.executor.submit(
            lambda: jobs.add_comment(store, post_id, field, span, quote, text),
            done,
            lambda exc: self._say(str(exc)),
        )

    def _reply(self, comment_id: int, text: str) -> None:
        from editor.ui.review import jobs

        store, post_id = self.store, self.window.controller.current.id

        def done(data: ReviewData) -> None:
            self.panel.reply_text.clear()
            self._loaded(data)

        self.window.executor.submit(
            lambda: jobs.reply(store, post_id, comment_id, text), done, lambda e: self._say(str(e))
        )

    def _resolve(self, comment_id: int, resolved: bool) -> None:
        from editor.ui.review import jobs

        store, post_id = self.store, self.window.controller.current.id
        self.window.executor.submit(
            lambda: jobs.set_resolved(store, post_id, comment_id, resolved),
            self._loaded,
            lambda e: self._say(str(e)),
        )

    def jump_to(self, comment_id: int, focus: bool = True) -> None:
        """Select the comment's words in its field (where they are now) and show them."""
        view = self._view(comment_id)
        if view is not None and view.field.partition(":")[0] in ("caption", "credit"):
            from editor.ui.review.photo_comments import select_in_card

            if problem := select_in_card(self.window, view, focus=focus):
                self._say(problem)
            return
        if view is None or view.field not in ("body", "headline", "deck"):
            return
        widget = self._widget(view.field)
        span = self._live_span(view, widget)
        if span is None:
            self._say(f"The words “{view.anchor.quote}” are no longer in the {view.field}.")
            return
        if isinstance(widget, QLineEdit):
            widget.setSelection(span.start, span.end - span.start)
        else:
            cursor = widget.textCursor()
            cursor.setPosition(span.start)
            cursor.setPosition(span.end, QTextCursor.MoveMode.KeepAnchor)
            widget.setTextCursor(cursor)
            widget.ensureCursorVisible()
        if focus:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_comment(self, comment_id: int) -> None:
        """A margin marker clicked: the comment, chosen in the panel, and its words selected."""
        open_panel(self.dock, focus=False)
        self.panel.tabs.setCurrentIndex(0)
        self.panel.choose(comment_id)
        self.jump_to(comment_id, focus=False)

    # -- highlights -------------------------------------------------------------------------
    def _highlight(self) -> None:
        """Open comments' words in the body get a marker colour (extra selections)."""
        body = self.window.body
        selections, marks = [], []
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(255, 214, 102, 110))
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        for view in self.data.comments if self.data else []:
            if view.resolved or view.field != "body":
                continue
            span = self._live_span(view, body)
            if span is None:
                continue
            sel = QTextEdit.ExtraSelection()
            sel.cursor = QTextCursor(body.document())
            sel.cursor.setPosition(span.start)
            sel.cursor.setPosition(span.end, QTextCursor.MoveMode.KeepAnchor)
            sel.format = fmt
            selections.append(sel)
            marks.append((view.id, span.start))
        body.setExtraSelections(selections)
        self.markers.set_marks(marks)

    def highlighted(self) -> list[str]:
        """The words highlighted in the body now (for tests and accessibility checks)."""
        return [s.cursor.selectedText() for s in self.window.body.extraSelections()]

    # -- helpers ----------------------------------------------------------------------------
    def _view(self, comment_id: int) -> Any:
        return next((v for v in (self.data.comments if self.data else []) if v.id == comment_id),
                    None)  # fmt: skip

    def _widget(self, field: str) -> Any:
        form = self.window.form
        return {"body": self.window.body, "headline": form.headline, "deck": form.deck}[field]

    @staticmethod
    def _live_span(view: Any, widget: Any) -> Any:
        from editor.services.anchors import locate

        text = widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()
        return locate(text, view.anchor) if isinstance(widget, (QLineEdit, QPlainTextEdit)) \
            else None  # fmt: skip

    def _say(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 10000)
