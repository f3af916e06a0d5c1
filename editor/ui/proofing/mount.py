"""Proofing mounted on the main window: the body's underlines, the right-click menu, the
Proofing panel (View ▸ Proofing, F7) and the count in the status bar.

The whole post (headline, deck, body, photo captions and alt text) is checked off the GUI
thread, 400 ms after the last edit; the paragraph being typed is checked at once by the
highlighter (:mod:`editor.ui.proofing.spell_layer`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QDockWidget, QLabel, QMenu

from editor.proofing.checker import (
    Languages,
    PostText,
    Proofreader,
    WordLists,
    read_personal_words,
    write_personal_words,
)
from editor.proofing.problems import Problem
from editor.proofing.tokens import options_from, to_utf16, utf16_offsets
from editor.ui.proofing.field_marks import FieldUnderlines
from editor.ui.proofing.panel import ProofingPanel, summary
from editor.ui.proofing.spell_layer import SpellLayer, box_lines
from editor.ui.window.actions import Act
from editor.ui.window.db_worker import DbExecutor
from editor.ui.window.docks import bind_panel, open_panel

if TYPE_CHECKING:
    from editor.ui.window.jobs import Opened, PostData
    from editor.ui.window.main_window import MainWindow

CHECK_PAUSE_MS = 400
MAX_SUGGESTIONS = 6


class ProofingUi(QObject):
    def __init__(self, window: MainWindow, languages: Languages | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.store: Any = None
        self.post_id: int | None = None
        self.blog_id: int | None = None
        self.photos: list[Any] = []
        self.problems: list[Problem] = []
        self._ignored: dict[int, set[str]] = {}
        self._generation = 0
        self._closed = False
        self._full_repaint = False
        self.menu: QMenu | None = None
        config = window.config
        if config is None:
            from editor.config import Config

            config = Config.load_or_defaults()[0]
        self.reader = Proofreader(
            languages or Languages(), WordLists(read_personal_words()), options_from(config)
        )
        body = window.body
        self.layer = SpellLayer(self.reader, lambda: body.textCursor().blockNumber())
        self.worker = DbExecutor(self)  # its own thread: a long check never delays a save
        self.panel = ProofingPanel()
        self.panel.problem_chosen.connect(self.jump_to)
        self.dock = QDockWidget("Proofing", window, objectName="proofing_dock")
        self.dock.setWidget(self.panel)
        self.dock.hide()
        window.add_side_panel(self.dock)
        bind_panel(window, Act.PROOFING, self.dock)
        window.settling.settle_when_shown(self.dock)
        self.fields = FieldUnderlines(window.form.headline, window.form.deck, self.word_actions)
        self.count = QLabel(objectName="proofing_count")
        self.count.setToolTip("Spelling and house-style problems (View ▸ Proofing, F7)")
        self.count.setAccessibleName("Proofing problems")
        window.statusBar().addPermanentWidget(self.count)
        self._soon = QTimer(self, singleShot=True, interval=CHECK_PAUSE_MS)
        self._soon.timeout.connect(self.check_now)
        body.add_menu_section(self._menu_section)
        body.textChanged.connect(self._soon.start)
        window.form.edited.connect(self._soon.start)
        c = window.controller
        c.store_opened.connect(self._store_opened)
        c.current_post_changed.connect(self._post_changed)
        body.highlighter.spelling = self.layer
        # Until the first post is on screen: no underlines (its first highlighting would load
        # the dictionary, ~0.2 s) and no pass; the first pass then repaints every paragraph.
        self.layer.enabled = False
        window.settling.when_settled(self._start)

    def _start(self) -> None:
        self.layer.enabled = True
        self._post_changed(self.window.controller.current)

    # -- following the post -------------------------------------------------------------------
    def _store_opened(self, opened: Opened) -> None:
        self.store = opened.store
        self._post_changed(self.window.controller.current)

    def _post_changed(self, data: PostData | None) -> None:
        if not self.layer.enabled:
            return  # start-up is not over: _start() comes back here
        if data is None or self.store is None:
            self.post_id = None
            self._show([])
            return
        if data.id != self.post_id:
            self.fields.clear()  # the last post's words, until this one's first pass
        self.post_id, self.blog_id = data.id, data.blog_id
        self.reader.word_lists.ignored = self._ignored.setdefault(data.id, set())
        store, post_id, own = self.store, data.id, data.fields.get("language", "")
        self.window.executor.submit(lambda: _settings(store, post_id), self._settings_loaded)
        self.layer.language = own or self.layer.language

    def _settings_loaded(self, settings: dict[str, Any]) -> None:
        if settings["post_id"] != self.post_id or self._closed:
            return
        self.reader.word_lists.blog = settings["words"]
        self.reader.word_lists.ignored |= settings["ignored"]  # the set of this post's words
        self.reader.rules_off = frozenset(settings["rules_off"])
        self.blog_language = settings["blog_language"]
        self.photos = settings["photos"]
        self._full_repaint = True
        self.check_now()

    def post_language(self) -> str:
        own = self.window.form.post_language()
        return own or getattr(self, "blog_language", "") or "en"

    # -- the background pass -------------------------------------------------------------------
    def check_now(self) -> None:
        if self.post_id is None or self._closed or not self.layer.enabled:
            return
        self._soon.stop()
        form = self.window.form
        language = self.post_language()
        if language != self.layer.language:
            self.layer.language = language
            self._full_repaint = True
        text = PostText(
            form.headline.text(), form.deck.toPlainText(), self.window.body.toPlainText(),
            language, list(self.photos),
        )  # fmt: skip
        self._generation += 1
        generation, reader = self._generation, self.reader
        self.worker.submit(
            lambda: (reader.check_post(text), box_lines(text.body)),
            lambda result: self._checked(generation, *result),
        )

    def _checked(
        self, generation: int, problems: list[Problem], boxes: list[tuple[int, int, str]]
    ) -> None:
        if generation != self._generation:
            return  # an edit came after: its pass is on the way
        if boxes != self.layer.box_lines:
            self.layer.box_lines = boxes
            self._full_repaint = True
        self._show(problems)
        body = self.window.body
        highlighter = body.highlighter
        # Repainting marks is no edit: the body would say textChanged (an autosave, a preview
        # render of the whole post) for every pass.
        blocker = QSignalBlocker(body)
        try:
            if self._full_repaint:
                self._full_repaint = False
                highlighter.rehighlight()
                return
            document = body.document()
            for number in sorted(self.layer.deferred):
                block = document.findBlockByNumber(number)
                if block.isValid():
                    highlighter.rehighlightBlock(block)
        finally:
            blocker.unblock()

    def _show(self, problems: list[Problem]) -> None:
        self.problems = problems
        self.panel.show_problems(problems)
        self.fields.show(problems)
        self.count.setText(summary(problems) if self.post_id is not None else "")

    # -- right-click --------------------------------------------------------------------------
    def _menu_section(self, menu: QMenu, at: QTextCursor) -> list[QAction]:
        """Suggestions and the word-list commands in the body's right-click menu, when the
        click is on a misspelt word."""
        block = at.block()
        found = self.layer.misspelt_at(block.text(), block, at.positionInBlock())
        if found is None:
            return []
        start, end, word, lang = found
        begin = block.position() + start
        return self.word_actions(
            menu, word, lambda text: self.replace(begin, begin + end - start, text), lang
        )

    def word_actions(
        self, menu: QMenu, word: str, replace: Callable[[str], None], lang: str = ""
    ) -> list[QAction]:
        """Suggestions for a misspelt ``word`` (``replace`` puts one in its place) and the
        word-list commands: the right-click menu's section in the body, headline and deck."""
        suggestions = self.reader.suggest(word, lang or self.post_language())[:MAX_SUGGESTIONS]
        items: list[QAction] = []
        for suggestion in suggestions:
            action = QAction(suggestion, menu)
            action.triggered.connect(lambda _c=False, s=suggestion: replace(s))
            items.append(action)
        if not suggestions:
            none = QAction("(no suggestions)", menu)
            none.setEnabled(False)
            items.append(none)
        line = QAction(menu)
        line.setSeparator(True)
        mine = QAction("Add to my dictionary", menu, objectName="add_personal")
        mine.triggered.connect(lambda: self.add_personal(word))
        blog = QAction("Add to the blog's word list", menu, objectName="add_blog")
        blog.triggered.connect(lambda: self.add_to_blog(word))
        blog.setEnabled(self.store is not None and not self.store.read_only)
        ignore = QAction("Ignore in this post", menu, objectName="ignore_word")
        ignore.triggered.connect(lambda: self.ignore(word))
        return [*items, line, mine, blog, ignore]

    def replace(self, start: int, end: int, text: str) -> None:
        body = self.window.body
        cursor = QTextCursor(body.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        body.end_undo_step()
        cursor.beginEditBlock()
        cursor.insertText(text)
        cursor.endEditBlock()
        body.end_undo_step()

    def add_personal(self, word: str) -> None:
        self.reader.word_lists.personal.add(word)
        write_personal_words(self.reader.word_lists.personal)
        self._accepted()

    def add_to_blog(self, word: str) -> None:
        if self.store is None or self.blog_id is None:
            return
        from editor.services import proofing as service

        store, blog_id = self.store, self.blog_id

        def job() -> None:
            from editor.model import Blog

            with store.session() as s:
                service.add_blog_words(s, s.get(Blog, blog_id), [word])

        self.reader.word_lists.blog.add(word)
        self._accepted()
        self.window.executor.submit(job, None, self._failed)

    def ignore(self, word: str) -> None:
        """Accept ``word`` in this post from now on (kept with the post, for everyone)."""
        self.reader.word_lists.ignored.add(word)
        self._accepted()
        if self.store is None or self.post_id is None:
            return
        from editor.services import proofing as service

        store, post_id = self.store, self.post_id

        def job() -> None:
            with store.session() as s:
                service.add_post_words(s, post_id, [word])

        self.window.executor.submit(job, None, self._failed)

    def _accepted(self) -> None:
        self._full_repaint = True
        self.check_now()

    def _failed(self, exc: BaseException) -> None:
        self.window.statusBar().showMessage(f"Word list not saved: {exc}", 10000)

    # -- jump to a problem ----------------------------------------------------------------------
    def jump_to(self, problem: Problem) -> None:
        form = self.window.form
        if problem.field == "body":
            body = self.window.body
            block = body.document().findBlockByNumber(problem.line - 1)
            offsets = utf16_offsets(block.text())
            column = problem.column - 1
            start = to_utf16(offsets, column)
            end = to_utf16(offsets, min(len(block.text()), column + problem.end - problem.start))
            cursor = QTextCursor(block)
            cursor.setPosition(block.position() + start)
            cursor.setPosition(block.position() + end, QTextCursor.MoveMode.KeepAnchor)
            body.setTextCursor(cursor)
            body.ensureCursorVisible()
            body.setFocus(Qt.FocusReason.OtherFocusReason)
        elif problem.field == "headline":
            offsets = utf16_offsets(form.headline.text())
            start, end = to_utf16(offsets, problem.start), to_utf16(offsets, problem.end)
            form.headline.setFocus(Qt.FocusReason.OtherFocusReason)
            form.headline.setSelection(start, end - start)
        elif problem.field == "deck":
            offsets = utf16_offsets(form.deck.toPlainText())
            cursor = form.deck.textCursor()
            cursor.setPosition(to_utf16(offsets, problem.start))
            cursor.setPosition(to_utf16(offsets, problem.end), QTextCursor.MoveMode.KeepAnchor)
            form.deck.setTextCursor(cursor)
            form.deck.setFocus(Qt.FocusReason.OtherFocusReason)
        else:  # a photo's caption, alt text or credit: the Photos panel has them
            open_panel(self.window.panels.photo_dock)

    def close(self) -> None:
        self._closed = True
        self._soon.stop()
        self.worker.shutdown()


def _settings(store: Any, post_id: int) -> dict[str, Any]:
    """On the database worker: what the checks need besides the form (blog list, photos)."""
    from editor.services import posts
    from editor.services import proofing as service

    with store.reading() as s:
        post = posts.get_post(s, post_id)
        text = service.post_text(s, post)
        return {
            "post_id": post_id,
            "words": set(service.blog_words(s, post.blog)),
            "ignored": set(service.post_words(s, post_id)),
            "rules_off": service.rules_off(post.blog),
            "blog_language": post.blog.language or "en",
            "photos": text.photos,
        }
