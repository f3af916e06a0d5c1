"""Database work after a push, on the window's database worker (Qt-free).

A push moves the local status from the publishing thread (see
:mod:`editor.services.publish_status`): a new version of the post that this window did not
write. These jobs let the window build on it, so the next autosave of words typed meanwhile
is not taken for a clash with someone else's edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from editor.store.database import Store
    from editor.ui.review.jobs import ReviewData
    from editor.ui.window.jobs import EditState


def adopt_pushed(store: Store, state: EditState, post_id: int) -> bool:
    """If the post changed since this window's version only by pushes' status moves, the
    window's next save builds on the version now, and leaves the status alone while the form
    still shows the one from before the push. False when anything else changed it."""
    from editor.services.publish_status import pushed_since

    seen = state.versions.get(post_id)
    if seen is None or post_id in state.conflicted:
        return False
    with store.reading() as s:
        found = pushed_since(s, post_id, seen)
    if found is None:
        return False
    state.versions[post_id], state.followed[post_id] = found
    return True


def follow_push(store: Store, state: EditState, post_id: int) -> ReviewData:
    """After a push of the open post: adopt its status move, then read the post's status and
    log for the form and the Review panel."""
    from editor.ui.review.jobs import load

    adopt_pushed(store, state, post_id)
    return load(store, post_id)


def form_caught_up(state: EditState, post_id: int) -> None:
    """The form shows the pushed status now: a status picked from here on is meant."""
    state.followed.pop(post_id, None)
