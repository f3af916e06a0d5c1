"""Markdown -> sanitised HTML -> Jinja2 page, themes and the export bundle. No Qt here.

The live preview and the export share this code, so the preview shows exactly the page a reader
will get: :class:`~editor.render.body.BodyRenderer` turns the body into safe HTML (with a block
cache for the preview), :func:`~editor.render.page.render_page` wraps it in a theme's page.
"""
