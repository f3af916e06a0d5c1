"""The window after a push: the post list, and for the open post the form's status, the Review
panel's log and the history, follow the status the push gave the post (see
:mod:`editor.services.publish_status`). Words typed meanwhile stay; their next save builds on
the push's version (:mod:`editor.ui.publishing.jobs`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from editor.ui.window.main_window import MainWindow


class StatusFollower(QObject):
    followed = Signal(str)  # the open post's status after a push moved it

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def follow(self, post_ids: set[int]) -> None:
        """A push moved these posts' status (see :mod:`editor.services.publish_status`): the
        list shows it; for the open post the form's status, the Review panel's log and the
        history follow, words typed meanwhile stay and their save builds on the push."""
        w, c = self.window, self.window.controller
        current = c.current
        if c.store is None or current is None or current.id not in post_ids:
            w.refresh_list()
            return
        from editor.ui.publishing import jobs

        store, state, post_id = c.store, c._state, current.id
        w.executor.submit(lambda: jobs.follow_push(store, state, post_id), self._followed)

    def _followed(self, data: Any) -> None:
        from dataclasses import replace

        from editor.ui.publishing import jobs

        w, c = self.window, self.window.controller
        if c.current is None or c.current.id != data.post_id:
            return
        c.current = replace(c.current, status=data.status)
        w.review.show_moved(data)  # the form's combo and the Review panel
        state, post_id = c._state, data.post_id
        w.executor.submit(lambda: jobs.form_caught_up(state, post_id))  # after the combo moved
        c.load_revisions()
        w.refresh_list()  # after the combo moved: a save's row update reads the combo
        w.statusBar().showMessage(f"The post is now {data.status.replace('_', ' ')}.", 8000)
        self.followed.emit(data.status)
