"""The writing window. Qt lives only in this package; the core never imports it.

Seams for later panels: :class:`editor.ui.writing.controller.EditorController` emits
``current_post_changed(PostData | None)`` and ``body_text_changed()`` (pull the text with
``body_text()``); :meth:`editor.ui.window.main_window.MainWindow.add_side_panel` docks a
widget on the right-hand side (preview, photos, sidebar).
"""
