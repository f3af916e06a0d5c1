"""The live preview: a locked-down QWebEngineView that follows the typing by DOM patches."""

from editor.ui.preview.engine_setup import MEDIA_SCHEME, prepare_webengine

__all__ = ["MEDIA_SCHEME", "prepare_webengine"]
