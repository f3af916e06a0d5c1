"""Every command of the window, declared once: text, shortcut, icon and where it appears.

Menus, the toolbar and shortcuts are all built from :class:`Act`; a handler is connected once
with :meth:`ActionRegistry.connect`.
"""

from __future__ import annotations

import enum
from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QToolBar, QWidget

Key = QKeySequence.StandardKey


class Spec:
    """How an action looks and where it goes. (A plain class: a dataclass would cost
    compile time before the first paint.)"""

    def __init__(
        self,
        text: str,
        shortcut: str | Key | None = None,
        menu: str = "",
        toolbar: bool = False,
        icon: str | None = None,
        tip: str = "",
        writes: bool = False,  # disabled when the database is read-only
    ) -> None:
        self.text, self.shortcut, self.menu, self.toolbar = text, shortcut, menu, toolbar
        self.icon, self.tip, self.writes = icon, tip, writes


class Act(enum.Enum):
    NEW_POST = Spec("&New Post", Key.New, "&File", True, "new-post",
                    writes=True)  # fmt: skip
    IMPORT = Spec("&Import…", "Ctrl+Shift+I", "&File",
                  tip="Import Markdown files or export bundles (or drop them on the post list)",
                  writes=True)  # fmt: skip
    SAVE_VERSION = Spec("Save &Version…", "Ctrl+Shift+S", "&File", True,
                        "save-version", "Keep a named snapshot",
                        writes=True)  # fmt: skip
    BLOGS = Spec("&Blogs…", "Ctrl+Shift+B", "&File", tip="Blogs and their settings",
                 writes=True)  # fmt: skip
    QUIT = Spec("&Quit", Key.Quit, "&File")
    UNDO = Spec("&Undo", Key.Undo, "&Edit")
    REDO = Spec("&Redo", Key.Redo, "&Edit")
    CUT = Spec("Cu&t", Key.Cut, "&Edit", writes=True)
    COPY = Spec("&Copy", Key.Copy, "&Edit")
    PASTE = Spec("&Paste", Key.Paste, "&Edit", writes=True)
    PASTE_PLAIN = Spec("Paste as Plain Te&xt", "Ctrl+Shift+V", "&Edit",
                       tip="Paste without links or formatting", writes=True)  # fmt: skip
    SELECT_ALL = Spec("Select &All", Key.SelectAll, "&Edit")
    # Ctrl+F finds in the post, as in every editor and browser; the post search is Ctrl+E.
    FIND = Spec("&Find in Post…", Key.Find, "&Edit", tip="Find in this post (Ctrl+F)")
    FIND_NEXT = Spec("Find &Next", "F3", "&Edit")
    FIND_PREVIOUS = Spec("Find Pre&vious", "Shift+F3", "&Edit")
    REPLACE = Spec("R&eplace…", "Ctrl+H", "&Edit", tip="Find and replace in this post (Ctrl+H)",
                   writes=True)  # fmt: skip
    PREFERENCES = Spec("Pre&ferences…", "Ctrl+,", "&Edit",
                       tip="Your name, default byline role, language and appearance")  # fmt: skip
    BOLD = Spec("&Bold", Key.Bold, "F&ormat", True, tip="Bold (Ctrl+B)", writes=True)
    ITALIC = Spec("&Italic", Key.Italic, "F&ormat", True, tip="Italic (Ctrl+I)", writes=True)
    LINK = Spec("&Link", "Ctrl+K", "F&ormat", True, tip="Link (Ctrl+K)", writes=True)
    SUBHEAD = Spec("&Subhead", "Ctrl+Alt+2", "F&ormat", True, tip="Subhead (Ctrl+Alt+2)",
                   writes=True)  # fmt: skip
    QUOTE = Spec("&Quote", "Ctrl+Shift+.", "F&ormat", True, tip="Quote (Ctrl+Shift+.)",
                 writes=True)  # fmt: skip
    BULLETS = Spec("Bulleted &List", "Ctrl+Shift+8", "F&ormat", True,
                   tip="List (Ctrl+Shift+8)", writes=True)  # fmt: skip
    DELETE_POST = Spec("&Delete Post", "Del", "&Edit",
                       tip="Move the post to the Trash (Undo brings it back)",
                       writes=True)  # fmt: skip
    RESTORE_POST = Spec("Restore from &Trash", None, "&Edit",
                        tip="Take the post out of the Trash", writes=True)  # fmt: skip
    EMPTY_TRASH = Spec("&Empty Trash…", None, "&Edit", tip="Delete the posts in the Trash for good",
                       writes=True)  # fmt: skip
    FIND_POSTS = Spec("&Search Posts", "Ctrl+E", "&View", tip="Search all posts (Ctrl+E)")
    SHOW_TRASH = Spec("Tr&ash", None, "&View", tip="Show the posts in the Trash")
    PREVIEW = Spec("&Preview", "F8", "&View", tip="Show or hide the live preview (F8)")
    HISTORY = Spec("Revision &History", "Ctrl+Shift+H", "&View")
    PHOTOS = Spec("Pho&tos", "Ctrl+Shift+F", "&View", tip="Photos of this post")
    PROOFING = Spec("Proo&fing", "F7", "&View",
                    tip="Spelling and house-style problems of this post (F7)")  # fmt: skip
    SIDEBAR = Spec("&Recent Posts Sidebar", "Ctrl+Shift+R", "&View",
                   tip="The blog's Recent posts links")  # fmt: skip
    PUBLISH = Spec("&Publish…", "Ctrl+Alt+P", "&File", True, "publish",
                   "Send this post to a publishing target", writes=True)  # fmt: skip
    EXPORT = Spec("&Export…", "Ctrl+Shift+E", "&File", tip="Export this post as a bundle")
    SEND_FOR_REVIEW = Spec("Send for Re&view…", None, "&File",
                           tip="Write this post, its comments and photos to a review package "
                           "for someone without the shared database", writes=True)  # fmt: skip
    OPEN_REVIEW_PACKAGE = Spec("Open Review Pac&kage…", None, "&File",
                               tip="Bring in a review package, merging it with the post here "
                               "(or drop the .bylinereview file on the post list)",
                               writes=True)  # fmt: skip
    OPEN_FROM_BLOG = Spec("&Open from Blog…", "Ctrl+Shift+O", "&File",
                          tip="Bring a target's recent posts in as drafts",
                          writes=True)  # fmt: skip
    TARGETS = Spec("Publishing &Targets…", "Ctrl+Shift+T", "&File", tip="Sites Byline publishes to",
                   writes=True)  # fmt: skip
    SUGGESTIONS = Spec("S&uggestions", "Ctrl+Alt+G", "&View",
                       tip="Suggested edits in this post (a tab of the Review panel)")  # fmt: skip
    SUGGEST_MODE = Spec("S&uggest Changes", "Ctrl+Alt+S", "&Review",
                        tip="Typing records suggested edits instead of changing the text "
                        "(Ctrl+Alt+S)")  # fmt: skip
    ACCEPT_SUGGESTION = Spec("Acc&ept Suggestion", "Ctrl+Alt+Y", "&Review",
                             tip="Accept the suggestion at the caret", writes=True)  # fmt: skip
    REJECT_SUGGESTION = Spec("&Reject Suggestion", "Ctrl+Alt+J", "&Review",
                             tip="Reject the suggestion at the caret", writes=True)  # fmt: skip
    ACCEPT_ALL = Spec("Accept A&ll Suggestions", None, "&Review", writes=True)
    REJECT_ALL = Spec("Reject All Su&ggestions", None, "&Review", writes=True)
    PREVIEW_MARKS = Spec("Show Suggestions in &Preview", None, "&Review",
                         tip="The preview shows suggested edits marked, not accepted")  # fmt: skip
    OUTBOX = Spec("&Outbox", "Ctrl+Alt+O", "&View", tip="Pushes waiting for the network")
    REVIEW = Spec("Re&view Panel", "Ctrl+Alt+R", "&View",
                  tip="Comments, the status and its log (Ctrl+Alt+R)")  # fmt: skip
    COMMENT = Spec("&Comment on Selection", "Ctrl+Alt+M", "&Review",
                   tip="Comment on the selected words (Ctrl+Alt+M)", writes=True)  # fmt: skip
    SUBMIT_FOR_REVIEW = Spec("&Submit for Review", None, "&Review", writes=True)
    REQUEST_CHANGES = Spec("Request C&hanges", None, "&Review",
                           tip="Send the post back with the note in the Review panel",
                           writes=True)  # fmt: skip
    APPROVE = Spec("&Approve", None, "&Review", writes=True)

    @property
    def spec(self) -> Spec:
        return self.value


class ActionRegistry:
    def __init__(self, owner: QWidget) -> None:
        self._owner = owner
        self._actions: dict[Act, QAction] = {}
        for act in Act:
            spec = act.spec
            action = QAction(spec.text, owner)
            action.setObjectName(act.name.lower())
            if spec.shortcut is not None:
                action.setShortcut(QKeySequence(spec.shortcut))
            if spec.tip:
                action.setToolTip(spec.tip)
            owner.addAction(action)
            self._actions[act] = action

    def load_icons(self) -> None:
        """Icons come after the first paint: QStyle's enums take time to build in PySide6.
        ``SP_…`` names are the style's icons; other names are ``resources/icons/<name>.svg``,
        drawn in the palette's text colour."""
        from PySide6.QtWidgets import QStyle

        from editor.ui.window.icons import themed_icon

        style = self._owner.style()
        for act, action in self._actions.items():
            name = act.spec.icon
            if name is None:
                continue
            if name.startswith("SP_"):
                action.setIcon(style.standardIcon(getattr(QStyle.StandardPixmap, name)))
            else:
                action.setIcon(themed_icon(name))

    def __getitem__(self, act: Act) -> QAction:
        return self._actions[act]

    def connect(self, act: Act, handler: Callable[[], object]) -> None:
        self._actions[act].triggered.connect(lambda _checked=False: handler())

    def replace(self, act: Act, action: QAction) -> None:
        """Use a ready-made action (e.g. a dock's toggle) under this registry's name."""
        spec = act.spec
        action.setText(spec.text)
        if spec.shortcut is not None:
            action.setShortcut(QKeySequence(spec.shortcut))
        self._owner.removeAction(self._actions[act])
        self._owner.addAction(action)
        self._actions[act] = action

    def set_writable(self, writable: bool) -> None:
        for act, action in self._actions.items():
            if act.spec.writes:
                action.setEnabled(writable)

    def fill_menus(self, bar: QMenuBar) -> None:
        menus: dict[str, QMenu] = {}
        # Quit ends the File menu, below a line, whatever features add after it.
        for act in [a for a in Act if a is not Act.QUIT] + [Act.QUIT]:
            title = act.spec.menu
            if not title:
                continue
            if title not in menus:
                menus[title] = bar.addMenu(title)
            if act is Act.QUIT:
                menus[title].addSeparator()
            menus[title].addAction(self._actions[act])

    def fill_toolbar(self, toolbar: QToolBar) -> None:
        last_menu = None
        for act in Act:
            if not act.spec.toolbar:
                continue
            if last_menu is not None and act.spec.menu != last_menu:
                toolbar.addSeparator()
            last_menu = act.spec.menu
            toolbar.addAction(self._actions[act])
