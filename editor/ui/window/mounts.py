"""The window's features, mounted in the second build step (:meth:`MainWindow.complete`), after
the form and controller exist and while the database opens on its worker. Each feature is one
object on the window (``window.proofing``, ``window.review``…) that wires itself to the window's
views and controller; the order below is the order they hear the window's signals in."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from editor.ui.window.main_window import MainWindow


def mount_features(window: MainWindow) -> None:
    from editor.ui.publishing.mount import PublishingUi
    from editor.ui.window.main_window import PREVIEW_HIDDEN
    from editor.ui.window.panels import Panels

    window.preview = None
    if window.with_preview:
        from editor.ui.preview.live_preview import LivePreview

        window.preview = LivePreview(window)
        if not window.settings.flag(PREVIEW_HIDDEN):  # shown when the window last closed
            window.preview.start_engine()
    window.add_side_panel(window.revisions)  # below the preview (see window/docks.py)
    window.panels = Panels(window)
    from editor.ui.proofing.mount import ProofingUi

    window.proofing = ProofingUi(window)
    window.publishing = PublishingUi(window)
    from editor.config import Config
    from editor.ui.preferences.mount import PreferencesUi

    window.preferences = PreferencesUi(window, window.config or Config.load_or_defaults()[0])
    from editor.ui.writing.import_ui import ImportUi
    from editor.ui.writing.trash_ui import TrashUi

    window.trash = TrashUi(window)
    window.importer = ImportUi(window)
    from editor.ui.writing.lease_banner import LeaseUi

    window.leases = LeaseUi(window)
    window.leases.lease_changed.connect(
        lambda mine: window.panels.photo_panel.set_read_only(not mine)
    )
    from editor.ui.review.mount import ReviewUi

    window.review = ReviewUi(window)
    from editor.ui.review.suggest_mount import SuggestUi

    window.suggest = SuggestUi(window)
    from editor.ui.review.handoff import HandoffUi

    window.handoff = HandoffUi(window)
    from editor.ui.live.mount import LiveUi

    window.live = LiveUi(window)  # other people's changes, on a shared PostgreSQL database
    if window.preview is not None:
        preview = window.preview
        window.panels.page_changed.connect(lambda: preview.reload_page_data(full=False))
