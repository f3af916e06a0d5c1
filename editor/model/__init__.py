"""Byline's data model: SQLAlchemy 2 typed models and plain value types. No Qt here."""

from editor.model.base import Base, UTCDateTime, utcnow
from editor.model.blog import DEFAULT_ROLE, DEFAULT_THEME, Blog
from editor.model.post import CONTENT_FIELDS, Post, PostContent, PostStatus
from editor.model.publishing import (
    OutboxItem,
    OutboxState,
    RemoteMedia,
    RemotePost,
    Target,
    TargetKind,
)
from editor.model.revision import Revision, RevisionReason

__all__ = [
    "CONTENT_FIELDS",
    "DEFAULT_ROLE",
    "DEFAULT_THEME",
    "Base",
    "Blog",
    "OutboxItem",
    "OutboxState",
    "Post",
    "PostContent",
    "PostStatus",
    "RemoteMedia",
    "RemotePost",
    "Revision",
    "RevisionReason",
    "Target",
    "TargetKind",
    "UTCDateTime",
    "utcnow",
]
