"""The main window: post list beside the editor, history dock on the right, status bar.
Layout and wiring only; the logic is in :class:`EditorController`.

Built in two steps so the window paints early: the frame (menus, toolbar, list, body, status
bar) first; the post form, history dock and controller right after the first paint
(:meth:`MainWindow.complete`), before the database is opened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from editor.ui.window.actions import Act, ActionRegistry
from editor.ui.window.docks import LAYOUT_VERSION, add_side_panel, bind_panel, hidden_by_choice
from editor.ui.window.status_line import StatusLine
from editor.ui.window.theme import apply_palette, colors
from editor.ui.writing.body_editor import BodyEditor
from editor.ui.writing.edit_commands import EditCommands
from editor.ui.writing.post_list import PostList

if TYPE_CHECKING:
    from editor.config import Config
    from editor.ui.history.revisions_panel import RevisionsPanel
    from editor.ui.live.mount import LiveUi
    from editor.ui.preferences.mount import PreferencesUi
    from editor.ui.preview.live_preview import LivePreview
    from editor.ui.proofing.mount import ProofingUi
    from editor.ui.publishing.mount import PublishingUi
    from editor.ui.review.handoff import HandoffUi
    from editor.ui.review.mount import ReviewUi
    from editor.ui.review.suggest_mount import SuggestUi
    from editor.ui.window.db_worker import Executor
    from editor.ui.window.jobs import Choices, Opened, PostData, SaveOutcome
    from editor.ui.window.panels import Panels
    from editor.ui.window.settings import WindowSettings
    from editor.ui.writing.controller import EditorController
    from editor.ui.writing.import_ui import ImportUi
    from editor.ui.writing.lease_banner import LeaseUi
    from editor.ui.writing.post_form import PostForm
    from editor.ui.writing.trash_ui import TrashUi

PREVIEW_HIDDEN = "preview/hidden"  # the preview was closed when the window last closed


class MainWindow(QMainWindow):
    first_painted = Signal()  # the frame has painted and been flushed
    editor_built = Signal()  # the controller exists: the database may be opened (on its worker)
    ready = Signal()  # then the second build step is done: time to open the database
    list_refreshed = Signal()
    open_failed = Signal(str)
    completed = False  # class defaults: Qt calls overrides during __init__
    _closed = False
    # The features, mounted by editor.ui.window.mounts in the second build step.
    preview: LivePreview | None
    panels: Panels
    proofing: ProofingUi
    publishing: PublishingUi
    preferences: PreferencesUi
    trash: TrashUi
    importer: ImportUi
    leases: LeaseUi
    review: ReviewUi
    suggest: SuggestUi
    handoff: HandoffUi
    live: LiveUi

    def __init__(
        self,
        executor: Executor,
        settings: WindowSettings,
        database_key: str,
        *,
        with_preview: bool = True,
        config: Config | None = None,
        settle_on_post_shown: bool = False,
    ) -> None:
        super().__init__()
        self._settle_on_post_shown = settle_on_post_shown
        self.config = config
        self.with_preview = with_preview
        self.setWindowTitle("Byline")
        self.settings = settings
        self.database_key = database_key
        self.executor = executor
        self.post_list = PostList()
        self.body = BodyEditor()
        self.body.setEnabled(False)
        self.actions_ = ActionRegistry(self)
        self.form: PostForm
        self.revisions: RevisionsPanel
        self.controller: EditorController
        self.completed = False
        self._painted = False
        self._closed = False
        self._revisions_of: int | None = None
        self._build()
        self._wire_frame()
        self.statusBar().showMessage("Opening the database…")
        self.statusBar().installEventFilter(self)

    def complete(self) -> None:
        """Second step of the build: the form, the history dock and the controller."""
        if self.completed:
            return
        from editor.ui.history.revisions_panel import RevisionsPanel
        from editor.ui.writing.conflict_dialog import ConflictDialog
        from editor.ui.writing.controller import EditorController
        from editor.ui.writing.post_form import PostForm

        self.completed = True
        self.form = PostForm()
        self.form.setEnabled(False)
        self._editor_box.insertWidget(0, self.form)
        QWidget.setTabOrder(self.form.editor_note, self.body)  # Tab reads the form, then the body
        self.revisions = RevisionsPanel(self)
        self.revisions.hide()
        self.controller = EditorController(
            self.form, self.body, self.executor, lambda h: ConflictDialog.ask(self, h), self
        )
        self._wire()
        from editor.ui.window.settling import Settling

        self.settling = Settling(self, wait_for_preview=self._settle_on_post_shown)
        # The database opens on its worker while the rest is built here; its answer comes by
        # a queued signal, so only once every panel below is built and listening.
        self.editor_built.emit()
        from editor.ui.window.mounts import mount_features

        mount_features(self)
        if (state := self.settings.window_state()) is not None:
            self.restoreState(state, LAYOUT_VERSION)
        if self.preview is not None and not hidden_by_choice(self.preview.dock):
            self.preview.start_engine()  # (unless the remembered choice already did)

    # -- layout -----------------------------------------------------------------------------
    def _build(self) -> None:
        editor = QWidget(objectName="editor_area")
        box = QVBoxLayout(editor)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.body, 1)
        self._editor_box = box
        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="main_splitter")
        self.splitter.addWidget(self.post_list)
        self.splitter.addWidget(editor)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 800])
        self.setCentralWidget(self.splitter)
        self.actions_[Act.HISTORY].setCheckable(True)
        self.actions_.fill_menus(self.menuBar())
        toolbar = QToolBar("Main", objectName="main_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.actions_.fill_toolbar(toolbar)
        self.addToolBar(toolbar)
        self.status_line = line = StatusLine(self.statusBar(), self.body)
        self.words_label, self.saved_label, self.mode_label = line.words, line.saved, line.mode
        self.resize(1280, 820)

    def add_side_panel(self, dock: QDockWidget) -> None:
        """Seam for the preview and the tool panels: the preview on the right, the tools tabbed
        together below it (:func:`editor.ui.window.docks.add_side_panel`)."""
        add_side_panel(self, dock)

    def _wire_frame(self) -> None:
        a = self.actions_
        a.connect(Act.NEW_POST, self._new_post)
        a.connect(Act.SAVE_VERSION, self._save_version)
        a.connect(Act.QUIT, self.close)
        a.connect(Act.UNDO, lambda: self._focused_text().undo())
        a.connect(Act.REDO, lambda: self._focused_text().redo())
        a.connect(Act.BOLD, lambda: self.body.wrap_selection("**"))
        a.connect(Act.ITALIC, lambda: self.body.wrap_selection("_"))
        a.connect(Act.LINK, self.body.insert_link)
        a.connect(Act.SUBHEAD, lambda: self.body.set_line_prefix("## "))
        a.connect(Act.QUOTE, lambda: self.body.set_line_prefix("> "))
        a.connect(Act.BULLETS, lambda: self.body.set_line_prefix("- "))
        a.connect(Act.FIND_POSTS, self._focus_search)
        self.edit_commands = EditCommands(a, self.body, self._editor_box)
        self.post_list.filters_changed.connect(self.refresh_list)
        self.post_list.post_chosen.connect(lambda post_id: self.controller.choose(post_id))
        self.body.textChanged.connect(self._mark_edited)

    def _wire(self) -> None:
        c = self.controller
        bind_panel(self, Act.HISTORY, self.revisions)
        self.revisions.revision_chosen.connect(c.show_revision)
        self.revisions.restore_requested.connect(c.restore)
        self.revisions.save_version_requested.connect(self._save_version)
        self.revisions.visibilityChanged.connect(lambda _v: c.load_revisions())
        c.store_opened.connect(self._store_opened)
        c.store_failed.connect(self._store_failed)
        c.choices_loaded.connect(self._choices)
        c.current_post_changed.connect(self._post_changed)
        c.save_started.connect(lambda: self.status_line.say("Saving…"))
        c.post_saved.connect(self._saved)
        c.save_failed.connect(self._save_failed)
        c.posts_changed.connect(self.refresh_list)
        c.revisions_loaded.connect(self._revisions)
        c.revision_text_loaded.connect(self.revisions.show_text)
        c.body_text_changed.connect(self.status_line.count_soon)
        self.form.edited.connect(lambda: self.status_line.say("Edited"))
        hints = QApplication.styleHints()
        hints.colorSchemeChanged.connect(self._scheme_changed)

    # -- start-up ---------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._painted and event.type() == QEvent.Type.Paint:
            self._painted = True
            QTimer.singleShot(0, self.first_painted.emit)  # once this paint is flushed
            QTimer.singleShot(0, self._after_first_paint)
        return super().eventFilter(watched, event)

    def _after_first_paint(self) -> None:
        from editor.ui.window.icons import install_themed_style

        # The style before the second build step: setting it re-polishes every widget there is.
        install_themed_style(QApplication.instance())
        self.complete()
        self.actions_.load_icons()
        self.ready.emit()

    def restore_layout(self) -> None:
        s = self.settings
        if (g := s.geometry()) is not None:
            self.restoreGeometry(g)
        if (sp := s.splitter()) is not None:
            self.splitter.restoreState(sp)

    def _store_opened(self, opened: Opened) -> None:
        store = opened.store
        read_only = store.read_only
        self._set_editing_enabled(True)
        self.form.set_read_only(read_only)
        self.body.setReadOnly(read_only)
        self.actions_.set_writable(not read_only)
        self.revisions.set_writable(not read_only)
        if read_only:
            self.status_line.read_only()
        self.statusBar().showMessage(
            f"Opened {store.description}" + (" (sample post added)" if opened.seeded else ""), 8000
        )
        self.post_list.show_posts(opened.posts, opened.post.id if opened.post else None)
        self.list_refreshed.emit()
        if opened.post is None:
            self.status_line.say("No posts yet: File ▸ New Post")

    def _store_failed(self, message: str) -> None:
        from editor.ui.writing.conflict_dialog import ErrorDialog

        self.statusBar().showMessage("The database could not be opened.")
        ErrorDialog.show(self, "Cannot open the database", message)
        self._closed = True  # nothing to save
        self.close()
        self.open_failed.emit(message)

    def _set_editing_enabled(self, enabled: bool) -> None:
        self.form.setEnabled(enabled)
        self.body.setEnabled(enabled)

    # -- reacting ---------------------------------------------------------------------------
    def refresh_list(self, *, announce: bool = True) -> None:
        """The post list read again, its filters, selection and scroll kept. ``announce``:
        say ``list_refreshed`` (it answers the window's own actions; a live update of
        someone else's change does not)."""
        store = self.controller.store if self.completed else None
        if store is None:
            return
        from editor.ui.window import jobs

        f = self.post_list.filters()
        self.executor.submit(
            lambda: jobs.list_posts(store, blog=f["blog"], status=f["status"], search=f["search"]),
            lambda rows: self._listed(rows, announce),
        )

    def _listed(self, rows: list, announce: bool = True) -> None:
        current = self.controller.current
        self.post_list.show_posts(rows, current.id if current else None)
        if announce:
            self.list_refreshed.emit()

    def _choices(self, choices: Choices) -> None:
        self.form.set_choices(choices.blogs, choices.statuses)
        self.post_list.set_choices(choices.blogs, choices.statuses)

    def _post_changed(self, data: PostData | None) -> None:
        self.post_list.select(data.id if data else None)
        self.settings.set_last_post(self.database_key, data.uuid if data else None)
        headline = data.fields["headline"] if data else ""
        self.setWindowTitle(f"{headline or 'Untitled'} — Byline" if data else "Byline")
        self.status_line.say("Saved" if data else "")
        self.status_line.count_now()

    def _mark_edited(self) -> None:
        if self.completed and self.controller.autosave.dirty:
            self.status_line.say("Edited")

    def _saved(self, outcome: SaveOutcome) -> None:
        current = self.controller.current
        if outcome.changed:
            in_place = (
                current is not None
                and current.id == outcome.post_id
                and self.post_list.update_top_row(
                    outcome.post_id,
                    self.form.headline.text(),
                    self.form.status.currentText(),
                    outcome.updated_at,
                )
            )
            if not in_place:
                self.refresh_list()
        if not self.controller.autosave.dirty:
            self.status_line.saved_at(outcome.updated_at)

    def _save_failed(self, message: str) -> None:
        self.status_line.say("Not saved")
        self.statusBar().showMessage(message, 10000)

    def _revisions(self, post_id: int, rows: list) -> None:
        current = self.controller.current
        if current is not None and current.id == post_id:
            self.revisions.show_revisions(rows, same_post=post_id == self._revisions_of)
            self._revisions_of = post_id

    def _new_post(self) -> None:
        blog = self.post_list.filters()["blog"]
        self.controller.new_post(blog, self.preferences.post_fields())

    def _save_version(self) -> None:
        from editor.ui.writing.conflict_dialog import SaveVersionDialog

        label = SaveVersionDialog.ask(self)
        if label is not None:
            self.controller.save_version(label)

    def _focus_search(self) -> None:
        self.post_list.search.setFocus()
        self.post_list.search.selectAll()

    def _focused_text(self):
        w = QApplication.focusWidget()
        return w if w is not None and hasattr(w, "undo") else self.body

    def _scheme_changed(self, *_args: object) -> None:
        apply_palette(QApplication.instance())
        self.body.highlighter.set_colors(colors())
        if self.completed:
            self.form.refresh_colors()

    # -- leaving ----------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if (
            self.completed
            and event.type() == QEvent.Type.ActivationChange
            and not self.isActiveWindow()
        ):
            self.controller.flush()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        from PySide6.QtWidgets import QDialog

        for dialog in self.findChildren(QDialog):  # e.g. the first-run welcome: it would
            if dialog.isVisible():  # keep the application running after the window
                dialog.reject()
        if not self._closed:
            self._closed = True
            if self.completed:
                self.live.close()
                self.controller.close()
                self.leases.close()
                self.panels.close()
                self.proofing.close()
                if self.preview is not None:
                    self.preview.close()
            if self.preview is not None:
                self.settings.set_flag(PREVIEW_HIDDEN, self.preview.dock.isHidden())
            self.settings.save_window(
                self.saveGeometry(), self.saveState(LAYOUT_VERSION), self.splitter.saveState()
            )
            self.settings.sync()
        event.accept()
