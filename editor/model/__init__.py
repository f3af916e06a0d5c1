"""Byline's data model: SQLAlchemy 2 typed models and plain value types. No Qt here."""

from editor.model.base import Base, UTCDateTime, utcnow
from editor.model.blog import (
    DEFAULT_CATEGORY_BASE,
    DEFAULT_ROLE,
    DEFAULT_SIDEBAR_COUNT,
    DEFAULT_THEME,
    MAX_SIDEBAR_COUNT,
    Blog,
    BlogWord,
)
from editor.model.handoff import Handoff, StoreMeta
from editor.model.lease import Lease
from editor.model.people import Person, author_of
from editor.model.photo import PHOTO_TEXT_FIELDS, Photo, PhotoBlob, PhotoRole
from editor.model.post import CONTENT_FIELDS, Post, PostContent, PostStatus, PostWord
from editor.model.publishing import (
    OutboxItem,
    OutboxState,
    RemoteMedia,
    RemotePost,
    Target,
    TargetKind,
)
from editor.model.review import Comment, StatusChange
from editor.model.revision import Revision, RevisionReason
from editor.model.sidebar import LinkSource, SidebarLink
from editor.model.suggestion import Suggestion

__all__ = [
    "CONTENT_FIELDS",
    "DEFAULT_CATEGORY_BASE",
    "DEFAULT_ROLE",
    "DEFAULT_SIDEBAR_COUNT",
    "DEFAULT_THEME",
    "MAX_SIDEBAR_COUNT",
    "PHOTO_TEXT_FIELDS",
    "Base",
    "Blog",
    "BlogWord",
    "Comment",
    "Handoff",
    "Lease",
    "LinkSource",
    "OutboxItem",
    "OutboxState",
    "Person",
    "Photo",
    "PhotoBlob",
    "PhotoRole",
    "Post",
    "PostContent",
    "PostStatus",
    "PostWord",
    "RemoteMedia",
    "RemotePost",
    "Revision",
    "RevisionReason",
    "SidebarLink",
    "StatusChange",
    "StoreMeta",
    "Suggestion",
    "Target",
    "TargetKind",
    "UTCDateTime",
    "author_of",
    "utcnow",
]
