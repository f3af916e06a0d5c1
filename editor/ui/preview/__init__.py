"""The live preview: a locked-down QWebEngineView that follows the typing by DOM patches.

Wiring (the main window owns the layout; this package owns the behaviour):

    # app.py, before QApplication(...):
    from editor.ui.preview.engine_setup import prepare_webengine
    prepare_webengine()          # --no-sandbox as root, --expose-gc, byline-media: scheme,
                                 # PySide6 6.12 refcount work-around

    # main window, right-hand area:
    from editor.ui.preview.controller import PreviewController
    from editor.ui.preview.pane import PreviewPane
    from editor.ui.preview.wiring import block_index_at, page_builder_for
    pane = PreviewPane()                        # the web view is created after the first paint
    controller = PreviewController(pane, BodyRenderer(data.photos.get),
                                   page_builder_for(data, theme))
    # on opening a post (data = page_data_for(post), theme = load_theme(...)):
    controller.set_page_builder(page_builder_for(data, theme))   # when data/theme change
    controller.open_post(post.body, post_media=media_dir, assets=theme.assets_dir)
    # editor.textChanged:
    controller.body_edited(text, block_index_at(text, cursor.position()))
    # cursorPositionChanged (optional): controller.cursor_moved(block_index_at(text, pos))
    # headline/deck/byline/photo edits: controller.page_edited()
    pane.blocked_count_changed.connect(status_label_setter)      # int
    controller.rendered.connect(lambda body: show_removed(body.removed))
    view_menu_toggle.toggled.connect(pane.setVisible)            # hidden pane renders nothing
    app.aboutToQuit is handled by the pane (it deletes its page before the engine goes).
"""

from editor.ui.preview.engine_setup import MEDIA_SCHEME, prepare_webengine

__all__ = ["MEDIA_SCHEME", "prepare_webengine"]
