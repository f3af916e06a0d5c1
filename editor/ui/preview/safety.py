"""The preview's fences: no network, local files only from the post's own folders, no navigation.

A guest's draft is untrusted. The renderer already strips scripts and remote images; these are the
second line, in the browser engine itself.
"""

from __future__ import annotations

import logging
import mimetypes
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QUrl, Signal
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
    QWebEngineUrlRequestJob,
    QWebEngineUrlSchemeHandler,
)
from PySide6.QtWidgets import QMessageBox, QWidget

from editor.ui.preview.engine_setup import MEDIA_SCHEME

log = logging.getLogger(__name__)

# Schemes a preview page may load. Everything else (http, https, ws, ftp, file, ...) is blocked.
LOCAL_SCHEMES = frozenset({MEDIA_SCHEME, "data", "about", "blob"})
# Schemes a clicked link may hand to the system (after asking).
OPENABLE_SCHEMES = frozenset({"http", "https", "mailto"})


class RemoteRequestBlocker(QWebEngineUrlRequestInterceptor):
    """Blocks every request that is not to a local scheme and counts distinct blocked URLs."""

    blocked_count_changed = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._blocked: set[str] = set()

    @property
    def blocked_urls(self) -> list[str]:
        return sorted(self._blocked)

    def reset(self) -> None:
        """Start counting afresh (a new page was loaded)."""
        if self._blocked:
            self._blocked.clear()
            self.blocked_count_changed.emit(0)

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        url = info.requestUrl()
        if url.scheme().lower() in LOCAL_SCHEMES:
            return
        info.block(True)
        text = url.toString()
        if text not in self._blocked:
            self._blocked.add(text)
            log.info("preview blocked a request to %s", text)
            self.blocked_count_changed.emit(len(self._blocked))


class MediaSchemeHandler(QWebEngineUrlSchemeHandler):
    """Serves ``byline-media://ROOT/path`` from the folder registered under ROOT, nothing else.

    Roots are e.g. ``post`` (the post's own media folder) and ``assets`` (the theme's files).
    Paths that escape their root (``..``, symlinks out) are refused.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._roots: dict[str, Path] = {}

    def set_roots(self, roots: dict[str, Path | None]) -> None:
        self._roots = {k.lower(): Path(v).resolve() for k, v in roots.items() if v is not None}

    def resolve(self, url: QUrl) -> Path | None:
        """The file ``url`` names, or None when it is outside every root or missing."""
        root = self._roots.get(url.host().lower())
        if root is None:
            return None
        relative = url.path().lstrip("/")
        if not relative:
            return None
        candidate = (root / relative).resolve()
        if not candidate.is_relative_to(root) or not candidate.is_file():
            return None
        return candidate

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:
        url = job.requestUrl()
        path = self.resolve(url)
        if path is None:
            log.info("preview refused local file %s", url.toString())
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        buffer = QBuffer(job)
        buffer.setData(QByteArray(path.read_bytes()))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        job.reply(mime.encode(), buffer)


class LinkDialog:
    """Asks before a link in the preview is opened in the system browser."""

    @classmethod
    def ask(cls, parent: QWidget | None, url: QUrl) -> bool:
        answer = QMessageBox.question(
            parent,
            "Open link",
            f"Open this link in your web browser?\n\n{url.toDisplayString()}",
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Open


class PreviewPage(QWebEnginePage):
    """A page that never navigates away: link clicks are reported through ``link_clicked``."""

    link_clicked = Signal(QUrl)

    def acceptNavigationRequest(
        self, url: QUrl | str, nav_type: QWebEnginePage.NavigationType, is_main_frame: bool
    ) -> bool:
        url = QUrl(url)
        kind = QWebEnginePage.NavigationType
        if nav_type == kind.NavigationTypeLinkClicked:
            if _same_document(url, self.url()):
                return True  # in-page anchor: skip links, footnotes
            self.link_clicked.emit(url)
            return False
        if nav_type in (
            kind.NavigationTypeTyped,
            kind.NavigationTypeReload,
            kind.NavigationTypeOther,
        ):
            return url.scheme().lower() in LOCAL_SCHEMES
        return False  # form submissions, redirects, history

    def createWindow(self, _type: QWebEnginePage.WebWindowType) -> QWebEnginePage:
        """``target="_blank"`` links: catch the URL, report it, never open a window."""
        return _LinkCatcher(self)


class _LinkCatcher(QWebEnginePage):
    def __init__(self, owner: PreviewPage) -> None:
        super().__init__(owner.profile(), owner)
        self._owner = owner

    def acceptNavigationRequest(
        self, url: QUrl | str, _nav_type: QWebEnginePage.NavigationType, _main: bool
    ) -> bool:
        self._owner.link_clicked.emit(QUrl(url))
        self.deleteLater()
        return False


def _same_document(target: QUrl, current: QUrl) -> bool:
    if not target.hasFragment():
        return False
    a = QUrl(target)
    b = QUrl(current)
    a.setFragment(None)
    b.setFragment(None)
    return a == b
