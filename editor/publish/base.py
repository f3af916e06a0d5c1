"""What every publishing client offers, whatever the protocol underneath."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Protocol


@dataclass
class PhotoUpload:
    """A photo to send: the rendition the CMS should use (see
    :func:`editor.services.publish_photos.photos_for`, which builds these from a post's photos).

    ``sha256`` identifies the photo on the target (the original's hash: a re-push, or a caption
    edit, never uploads it again). ``ref`` is how the body refers to it (``photo:UUID``) and
    ``aliases`` its other names (``photo:ID``); ``width``/``height`` are the rendition's.
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
    aliases: tuple[str, ...] = ()
    width: int = 0
    height: int = 0

    def read(self) -> bytes:
        if self.data is not None:
            return self.data
        if self.path is None:
            raise ValueError(f"photo {self.filename}: neither bytes nor a path")
        return self.path.read_bytes()

    @property
    def full_caption(self) -> str:
        """The caption as sent, the credit always part of it (:func:`caption_with_credit`)."""
        return caption_with_credit(self.caption, self.credit)


def credit_line(credit: str) -> str:
    """``Photo: Credit``, unless the credit names its own kind (``Illustration: X``, ``Photo: Y``:
    a word or two before a colon), which is kept as it is."""
    credit = credit.strip()
    if not credit:
        return ""
    label, colon, _ = credit.partition(":")
    return credit if colon and 0 < len(label.split()) <= 2 else f"Photo: {credit}"


def caption_with_credit(caption: str, credit: str) -> str:
    """The caption a CMS shows: ``Caption (Photo: Credit)``; just ``Photo: Credit`` without a
    caption; the caption alone when it already names the credit (or there is none)."""
    caption, credit = caption.strip(), credit.strip()
    if not credit or credit in caption:
        return caption
    line = credit_line(credit)
    return f"{caption} ({line})" if caption else line


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
