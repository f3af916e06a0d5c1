"""What every publishing client offers, whatever the protocol underneath."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Protocol


@dataclass
class PhotoUpload:
    """A photo to send, prepared by the caller (the rendition the CMS should use).

    ``ref`` is how the body's Markdown refers to the photo (defaults to ``filename``); image
    references matching it are rewritten to the uploaded URL in what is sent.
    """

    filename: str
    mime: str
    sha256: str
    caption: str = ""
    credit: str = ""
    alt: str = ""
    title: str = ""
    is_lead: bool = False
    path: Path | None = None
    data: bytes | None = None
    ref: str = ""

    def read(self) -> bytes:
        if self.data is not None:
            return self.data
        if self.path is None:
            raise ValueError(f"photo {self.filename}: neither bytes nor a path")
        return self.path.read_bytes()

    @property
    def full_caption(self) -> str:
        """The caption as sent: the credit is always part of it."""
        if self.credit and self.credit not in self.caption:
            return f"{self.caption} ({self.credit})" if self.caption else self.credit
        return self.caption


@dataclass
class RemoteEntry:
    """A post as the site has it. ``content`` is the raw (editable) HTML."""

    id: str
    url: str = ""
    title: str = ""
    content: str = ""
    excerpt: str = ""
    slug: str = ""
    status: str = ""
    modified: str = ""
    date: str = ""
    tags: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)


@dataclass
class MediaItem:
    id: str
    url: str


@dataclass
class PostFields:
    """What is sent for a post. Terms are names; each client maps them to what its API wants."""

    title: str
    content: str
    excerpt: str
    slug: str
    status: str
    date: datetime | None
    tags: list[str]
    categories: list[str]
    featured_media: str | None
    # Term ids already known for this target ("tags:name" -> id): a hint that saves lookups;
    # clients that take names ignore it. Not part of what is sent, nor of the fingerprint.
    term_ids: dict[str, int] = field(default_factory=dict)


class TargetClient(Protocol):
    """A connection to one target. Every method raises a ``PublishError`` naming its step."""

    kind: str

    def check_login(self) -> str: ...
    def find_post_by_marker(self, marker: str) -> RemoteEntry | None: ...
    def create_post(self, fields: PostFields) -> RemoteEntry: ...
    def update_post(self, remote_id: str, fields: PostFields) -> RemoteEntry: ...
    def get_post(self, remote_id: str) -> RemoteEntry: ...
    def upload_media(self, photo: PhotoUpload, marker: str) -> MediaItem: ...
    def update_media(self, media_id: str, photo: PhotoUpload, marker: str) -> None: ...
    def find_media(self, marker: str) -> MediaItem | None: ...
    def recent_posts(self, limit: int) -> list[RemoteEntry]: ...
    def close(self) -> None: ...
