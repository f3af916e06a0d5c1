"""What metadata a published copy carries.

By default a rendition carries only what the newsroom means to publish: the caption, the credit
and the copyright (plus the photographer), written twice so every reader finds them:

- XMP (Unicode): dc:creator, dc:description, dc:rights, photoshop:Credit, photoshop:Source,
  photoshop:Headline, Iptc4xmpCore:AltTextAccessibility;
- EXIF IFD0: Artist, Copyright, ImageDescription (UTF-8 bytes, as exiftool and browsers read them).

Nothing else from the original is copied, so GPS coordinates, camera body serial numbers (0xA431),
owner names (0xA430), maker notes, embedded thumbnails and the IPTC block are gone. Pillow never
writes IPTC (APP13), which is why the credit goes into XMP and EXIF.

``keep_all`` (an export option) instead keeps the original's EXIF (orientation reset, since it is
applied to the pixels) and XMP unchanged; the IPTC block still cannot be carried over by Pillow.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from xml.sax.saxutils import escape

from PIL import Image

ORIENTATION = 0x0112
ARTIST = 0x013B
COPYRIGHT = 0x8298
IMAGE_DESCRIPTION = 0x010E


@dataclass(frozen=True)
class Credits:
    """The texts a rendition carries about itself."""

    caption: str = ""
    credit: str = ""
    copyright: str = ""
    byline: str = ""
    source: str = ""
    headline: str = ""
    alt: str = ""

    def digest(self) -> str:
        text = json.dumps(asdict(self), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def published_exif(credits: Credits) -> bytes:
    """A fresh EXIF block with only Artist, Copyright and ImageDescription."""
    exif = Image.Exif()
    artist = credits.byline or credits.credit
    for tag, value in (
        (ARTIST, artist),
        (COPYRIGHT, credits.copyright),
        (IMAGE_DESCRIPTION, credits.caption),
    ):
        if value:
            exif[tag] = value.encode("utf-8")  # ASCII-typed tag; bytes keep non-ASCII intact
    return exif.tobytes() if len(exif) else b""


def kept_exif(original: Image.Exif) -> bytes:
    """The original EXIF as it is, with the orientation marked as applied."""
    if not len(original):
        return b""
    if ORIENTATION in original:
        original[ORIENTATION] = 1
    return original.tobytes()


def published_xmp(credits: Credits) -> bytes:
    """An XMP packet with the credits (UTF-8)."""
    props: list[str] = []
    if credits.byline or credits.credit:
        props.append(_seq("dc:creator", credits.byline or credits.credit))
    if credits.caption:
        props.append(_alt("dc:description", credits.caption))
    if credits.copyright:
        props.append(_alt("dc:rights", credits.copyright))
    if credits.alt:
        props.append(_alt("Iptc4xmpCore:AltTextAccessibility", credits.alt))
    for name, value in (
        ("photoshop:Credit", credits.credit),
        ("photoshop:Source", credits.source),
        ("photoshop:Headline", credits.headline),
    ):
        if value:
            props.append(f"<{name}>{escape(value)}</{name}>")
    if not props:
        return b""
    body = "\n".join(props)
    packet = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '<rdf:Description rdf:about=""'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"'
        ' xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/">\n'
        f"{body}\n"
        "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    )
    return packet.encode("utf-8")


def _seq(name: str, value: str) -> str:
    return f"<{name}><rdf:Seq><rdf:li>{escape(value)}</rdf:li></rdf:Seq></{name}>"


def _alt(name: str, value: str) -> str:
    return (
        f'<{name}><rdf:Alt><rdf:li xml:lang="x-default">{escape(value)}</rdf:li></rdf:Alt></{name}>'
    )
