"""Inline photos in a post's Markdown body.

Syntax: ``![alt text](photo:UUID)``, or ``![alt text](photo:ID)`` with the photo's number. The
reference survives export and import (the uuid travels in post.json), and a renderer replaces it
with the photo's ``<figure>`` (renditions, caption, credit); the alt text in the brackets is used
only when the photo itself has none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from editor.model import Photo

PHOTO_REF = re.compile(r"!\[(?P<alt>[^\]]*)\]\(photo:(?P<ref>[0-9A-Za-z-]+)\)")


@dataclass(frozen=True)
class PhotoRef:
    alt: str
    ref: str  # a uuid or a number
    start: int
    end: int


def markdown_reference(photo: Photo) -> str:
    """What the editor inserts for a photo placed in the body."""
    alt = photo.alt.replace("[", "(").replace("]", ")").replace("\n", " ")
    return f"![{alt}](photo:{photo.uuid})"


def find_references(body: str) -> list[PhotoRef]:
    return [PhotoRef(m["alt"], m["ref"], m.start(), m.end()) for m in PHOTO_REF.finditer(body)]


def resolve(ref: str, photos: list[Photo]) -> Photo | None:
    for photo in photos:
        if photo.uuid == ref or (ref.isdigit() and photo.id == int(ref)):
            return photo
    return None
