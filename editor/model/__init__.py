"""Byline's data model: SQLAlchemy 2 typed models and plain value types. No Qt here."""

from editor.model.base import Base, UTCDateTime, utcnow
from editor.model.blog import DEFAULT_ROLE, DEFAULT_THEME, Blog
from editor.model.photo import PHOTO_TEXT_FIELDS, Photo, PhotoBlob, PhotoRole
from editor.model.post import CONTENT_FIELDS, Post, PostContent, PostStatus
from editor.model.revision import Revision, RevisionReason

__all__ = [
    "CONTENT_FIELDS",
    "DEFAULT_ROLE",
    "DEFAULT_THEME",
    "PHOTO_TEXT_FIELDS",
    "Base",
    "Blog",
    "Photo",
    "PhotoBlob",
    "PhotoRole",
    "Post",
    "PostContent",
    "PostStatus",
    "Revision",
    "RevisionReason",
    "UTCDateTime",
    "utcnow",
]
