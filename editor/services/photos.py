"""Attaching photos to posts, and editing their caption, credit and alt text.

Every function takes the caller's session: an attach that fails anywhere leaves nothing behind,
because the original, the photo row and any change of lead are one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from editor.errors import InputError, NotFoundError
from editor.model import PHOTO_TEXT_FIELDS, Photo, PhotoBlob, PhotoRole, Post
from editor.services import newsroom

if TYPE_CHECKING:  # Pillow comes in with the first photo read, not with the first page shown
    from editor.formats.markdown_file import LeadPhotoRef
    from editor.media.metadata import PhotoMetadata
    from editor.media.probe import ProbedImage

#: Fields the user may set by hand (the file's values never overwrite them afterwards).
EDITABLE_FIELDS = PHOTO_TEXT_FIELDS


def attach(
    session: Session,
    post: Post,
    source: Path | bytes,
    *,
    filename: str | None = None,
    lead: bool = False,
    caption: str | None = None,
    credit: str | None = None,
    alt: str | None = None,
) -> Photo:
    """Attach an image file (a path, or the bytes of a pasted image) to ``post``.

    The image is checked in full first (see :func:`editor.media.probe.probe`); caption, credit
    and the other fields are prefilled from its metadata, and the given overrides count as typed
    by the user. ``lead=True`` makes it the post's one lead photo (the previous lead becomes an
    inline photo).
    """
    from editor.media.probe import probe, read_file

    if isinstance(source, bytes):
        name = filename or "pasted image"
        data = source
    else:
        name = filename or source.name
        data = read_file(source)
    newsroom.check_edit(session, post)
    probed = probe(data, str(source) if isinstance(source, Path) else name)
    existing = session.scalar(
        select(Photo).where(Photo.post_id == post.id, Photo.sha256 == probed.sha256)
    )
    if existing is not None:
        raise InputError(f"{name}: already attached to post {post.id} as photo {existing.id}")
    _store_blob(session, probed)
    photo = Photo(
        post_id=post.id,
        sha256=probed.sha256,
        filename=name,
        mime=probed.mime,
        width=probed.width,
        height=probed.height,
        role=PhotoRole.INLINE.value,
        position=_next_position(session, post.id),
        user_fields=[],
        file_fields=[],
    )
    _apply_file_metadata(photo, probed.metadata)
    _apply_user_fields(photo, {"caption": caption, "credit": credit, "alt": alt})
    session.add(photo)
    session.flush()
    if lead:
        set_lead(session, photo)
    return photo


def _store_blob(session: Session, probed: ProbedImage) -> None:
    """Keep the original once, byte for byte, however many photos use it."""
    if session.get(PhotoBlob, probed.sha256) is None:
        session.add(PhotoBlob(sha256=probed.sha256, size=len(probed.data), data=probed.data))
        session.flush()


def _next_position(session: Session, post_id: int) -> int:
    top = session.scalar(select(func.max(Photo.position)).where(Photo.post_id == post_id))
    return 0 if top is None else top + 1


def _apply_file_metadata(photo: Photo, meta: PhotoMetadata) -> None:
    """Fill each field from the file unless the user has typed it."""
    from_file: list[str] = []
    for name in EDITABLE_FIELDS:
        if name in photo.user_fields:
            continue
        value = getattr(meta, name, "")
        setattr(photo, name, value)
        if value:
            from_file.append(name)
    photo.file_fields = from_file


def _apply_user_fields(photo: Photo, values: dict[str, str | None]) -> None:
    user = list(photo.user_fields or [])
    file_fields = list(photo.file_fields or [])
    for name, value in values.items():
        if value is None:
            continue
        if name not in EDITABLE_FIELDS:
            raise InputError(f"photo field {name!r} cannot be edited")
        setattr(photo, name, value.strip())
        if name not in user:
            user.append(name)
        if name in file_fields:
            file_fields.remove(name)
    photo.user_fields = user
    photo.file_fields = file_fields


def list_photos(session: Session, post_id: int) -> list[Photo]:
    """The post's photos: the lead first, then the inline ones in their order."""
    lead_first = (Photo.role != PhotoRole.LEAD.value).asc()
    return list(
        session.scalars(
            select(Photo).where(Photo.post_id == post_id).order_by(lead_first, Photo.position)
        )
    )


def lead_photo(session: Session, post_id: int) -> Photo | None:
    return session.scalar(
        select(Photo).where(Photo.post_id == post_id, Photo.role == PhotoRole.LEAD.value)
    )


def get_photo(session: Session, post_id: int, ref: str | int) -> Photo:
    """A photo of this post by its id or uuid."""
    text = str(ref).strip()
    query = select(Photo).where(Photo.post_id == post_id)
    if text.isdigit():
        photo = session.scalar(query.where(Photo.id == int(text)))
    else:
        photo = session.scalar(query.where(Photo.uuid == text))
    if photo is None:
        raise NotFoundError(f"post {post_id} has no photo {text!r}")
    return photo


def update_photo(session: Session, photo: Photo, **values: str | None) -> Photo:
    """Set fields typed by the user (``caption=``, ``credit=``, ``alt=`` ...; None = unchanged).
    An empty string is a deliberate choice too: the file's value will not come back."""
    _may_change(session, photo)
    _apply_user_fields(photo, values)
    session.flush()
    return photo


def reread_metadata(session: Session, photo: Photo) -> Photo:
    """Read the original's metadata again; only fields the user has not typed change."""
    from io import BytesIO

    from PIL import Image

    from editor.media.metadata import read_metadata

    _may_change(session, photo)
    with Image.open(BytesIO(photo.blob.data)) as im:
        meta = read_metadata(im)
    _apply_file_metadata(photo, meta)
    session.flush()
    return photo


def set_lead(session: Session, photo: Photo) -> Photo:
    """Make ``photo`` its post's one lead photo; the previous lead becomes inline."""
    _may_change(session, photo)
    for other in session.scalars(
        select(Photo).where(
            Photo.post_id == photo.post_id,
            Photo.role == PhotoRole.LEAD.value,
            Photo.id != photo.id,
        )
    ):
        other.role = PhotoRole.INLINE.value
    photo.role = PhotoRole.LEAD.value
    session.flush()
    return photo


def unset_lead(session: Session, photo: Photo) -> Photo:
    _may_change(session, photo)
    photo.role = PhotoRole.INLINE.value
    session.flush()
    return photo


def move_photo(session: Session, photo: Photo, position: int) -> None:
    """Put an inline photo at ``position`` (0-based) among the post's photos."""
    _may_change(session, photo)
    photos = [p for p in list_photos(session, photo.post_id) if p.id != photo.id]
    position = max(0, min(position, len(photos)))
    photos.insert(position, photo)
    for index, item in enumerate(photos):
        item.position = index
    session.flush()


def remove_photo(session: Session, photo: Photo) -> None:
    """Detach a photo; its original is deleted too when no other photo uses it."""
    _may_change(session, photo)
    sha = photo.sha256
    session.delete(photo)
    session.flush()
    delete_orphan_blobs(session, [sha])


def _may_change(session: Session, photo: Photo) -> None:
    """The newsroom's rules for the photo's post, in words before PostgreSQL refuses."""
    post = session.get(Post, photo.post_id)
    if post is not None:
        newsroom.check_edit(session, post)


def delete_orphan_blobs(session: Session, hashes: Sequence[str] | None = None) -> int:
    """Delete originals no photo refers to (all of them, or only those in ``hashes``)."""
    used = select(Photo.sha256)
    stmt = delete(PhotoBlob).where(PhotoBlob.sha256.not_in(used))
    if hashes is not None:
        stmt = stmt.where(PhotoBlob.sha256.in_(list(hashes)))
    result = session.execute(stmt)
    return int(getattr(result, "rowcount", 0) or 0)


def original_bytes(session: Session, photo: Photo) -> bytes:
    blob = session.get(PhotoBlob, photo.sha256)
    if blob is None:  # pragma: no cover - the foreign key prevents it
        raise InputError(f"photo {photo.id}: its original is missing from the database")
    return blob.data


def attach_lead_from_front_matter(session: Session, post: Post, ref: LeadPhotoRef) -> Photo:
    """Honour a Markdown file's ``lead_photo`` (``file`` already resolved against the Markdown
    file's folder by the parser): attach it as the lead, the front matter's texts winning."""
    return attach(
        session, post, Path(ref.file), lead=True,
        caption=ref.caption or None, credit=ref.credit or None, alt=ref.alt or None,
    )  # fmt: skip


def attach_from_bundle(
    session: Session,
    post: Post,
    read: Callable[[str], bytes],
    entries: Sequence[dict[str, object]],
    *,
    source: str = "bundle",
) -> list[Photo]:
    """Bring a bundle's photos back (``post.json``'s ``photos`` list): each is re-attached from
    its largest JPEG rendition (a bundle carries no originals: they may hold GPS and serial
    numbers), with its texts and role. ``read`` returns a bundle member's (checked) bytes."""
    attached: list[Photo] = []
    for entry in entries:
        files = [f for f in entry.get("renditions") or [] if isinstance(f, dict)]  # type: ignore[attr-defined]
        jpegs = sorted((f for f in files if f.get("format") == "jpeg"),
                       key=lambda f: int(f.get("width") or 0))  # fmt: skip
        if not jpegs:
            raise InputError(f"{source}: photo {entry.get('uuid')} has no JPEG rendition")
        member = str(jpegs[-1]["file"])
        photo = attach(session, post, read(member),
                       filename=str(entry.get("filename") or Path(member).name),
                       lead=entry.get("role") == PhotoRole.LEAD.value)  # fmt: skip
        texts = {name: str(entry[name]) for name in EDITABLE_FIELDS if name in entry}
        update_photo(session, photo, **texts)
        attached.append(photo)
    return attached
