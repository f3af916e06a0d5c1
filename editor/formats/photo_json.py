"""Photos as plain JSON-ready dictionaries (``--json`` output, the export bundle)."""

from __future__ import annotations

from typing import Any

from editor.model import PHOTO_TEXT_FIELDS, Photo


def photo_to_json(photo: Photo) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": photo.id,
        "uuid": photo.uuid,
        "post_id": photo.post_id,
        "role": photo.role,
        "position": photo.position,
        "sha256": photo.sha256,
        "filename": photo.filename,
        "mime": photo.mime,
        "width": photo.width,
        "height": photo.height,
    }
    for name in PHOTO_TEXT_FIELDS:
        data[name] = getattr(photo, name)
    data["from_file"] = sorted(photo.file_fields or [])
    data["from_user"] = sorted(photo.user_fields or [])
    data["missing"] = photo.missing
    return data
