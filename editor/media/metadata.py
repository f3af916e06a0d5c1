"""Reading a photo's caption, credit and rights from the file: IPTC IIM, XMP and EXIF.

Order of precedence, field by field (the first non-empty value wins):

1. **XMP** (dc:creator, photoshop:Credit, photoshop:Source, dc:rights, dc:description,
   photoshop:Headline, Iptc4xmpCore:AltTextAccessibility). XMP is always Unicode and is what
   current tools (Photo Mechanic, Lightroom, exiftool) update first; the Metadata Working Group
   guidance is to prefer it when both are present.
2. **IPTC IIM** (2:80 By-line, 2:110 Credit, 2:115 Source, 2:116 Copyright Notice,
   2:120 Caption-Abstract, 2:105 Headline). Text is decoded by the charset record 1:90
   (``ESC % G`` means UTF-8); without it, as UTF-8 when the bytes are valid UTF-8, else as
   Windows-1252 (a superset of Latin-1, which is what older newsroom software writes).
3. **EXIF** (Artist, Copyright, ImageDescription), the camera's or the photographer's defaults.

The credit line: the file's own Credit (photoshop:Credit or 2:110) when there is one. Without it,
it is built from the photographer and the agency as ``"Photographer/Agency"`` (By-line and
Source, the wire services' convention), or whichever of the two exists alone. Nothing is invented
beyond that: a photo with neither has no credit, and the panel and the publishing checks say so.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import asdict, dataclass, field
from typing import Any

from PIL import Image, ImageFile, IptcImagePlugin

log = logging.getLogger(__name__)

NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "photoshop": "http://ns.adobe.com/photoshop/1.0/",
    "Iptc4xmpCore": "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/",
    "xml": "http://www.w3.org/XML/1998/namespace",
}

#: (XMP namespace prefix, XMP property) per field, and the IPTC dataset and EXIF tag.
_XMP = {
    "byline": ("dc", "creator"),
    "credit": ("photoshop", "Credit"),
    "source": ("photoshop", "Source"),
    "copyright": ("dc", "rights"),
    "caption": ("dc", "description"),
    "headline": ("photoshop", "Headline"),
    "alt": ("Iptc4xmpCore", "AltTextAccessibility"),
}
_IPTC = {
    "byline": (2, 80),
    "credit": (2, 110),
    "source": (2, 115),
    "copyright": (2, 116),
    "caption": (2, 120),
    "headline": (2, 105),
}
_EXIF = {"byline": 0x013B, "copyright": 0x8298, "caption": 0x010E}

IPTC_CHARSET = (1, 90)
IPTC_UTF8 = b"\x1b%G"


@dataclass
class PhotoMetadata:
    """What a file says about itself. ``origin`` maps each filled field to where it came from
    (``"xmp"``, ``"iptc"``, ``"exif"`` or ``"built"`` for a credit made from by-line/source)."""

    byline: str = ""
    credit: str = ""
    source: str = ""
    copyright: str = ""
    caption: str = ""
    headline: str = ""
    alt: str = ""
    origin: dict[str, str] = field(default_factory=dict)

    def filled(self) -> dict[str, str]:
        data = asdict(self)
        data.pop("origin")
        return {k: v for k, v in data.items() if v}


def read_metadata(im: Image.Image) -> PhotoMetadata:
    """Read credits from an opened image (no pixel decoding needed). Never raises on bad
    metadata: a malformed block is logged and skipped, the others still count."""
    layers: list[tuple[str, dict[str, str]]] = []
    for name, reader in (("xmp", _read_xmp), ("iptc", _read_iptc), ("exif", _read_exif)):
        try:
            layers.append((name, reader(im)))
        except Exception as exc:  # a damaged metadata block must not stop an attach
            log.warning("ignoring unreadable %s metadata: %s", name, exc)
    meta = PhotoMetadata()
    for name in _XMP:
        for origin, values in layers:
            value = values.get(name, "").strip()
            if value:
                setattr(meta, name, value)
                meta.origin[name] = origin
                break
    if not meta.credit:
        built = build_credit(meta.byline, meta.source)
        if built:
            meta.credit = built
            meta.origin["credit"] = "built"
    return meta


def build_credit(byline: str, source: str) -> str:
    """``"Photographer/Agency"``; either alone when only one is known; never both twice."""
    byline, source = byline.strip(), source.strip()
    if byline and source and byline.casefold() != source.casefold():
        return f"{byline}/{source}"
    return byline or source


# --- IPTC IIM ---------------------------------------------------------------------------------


def _read_iptc(im: Image.Image) -> dict[str, str]:
    if not isinstance(im, ImageFile.ImageFile):
        return {}
    info = IptcImagePlugin.getiptcinfo(im)
    if not info:
        return {}
    charset = _first(info.get(IPTC_CHARSET))
    utf8 = charset is not None and charset.startswith(IPTC_UTF8)
    out: dict[str, str] = {}
    for name, key in _IPTC.items():
        raw = info.get(key)
        if raw is None:
            continue
        parts = raw if isinstance(raw, list) else [raw]
        texts = [_decode_iptc(p, utf8) for p in parts]
        out[name] = "; ".join(t for t in texts if t)
    return out


def _first(value: Any) -> bytes | None:
    if isinstance(value, list):
        return value[0] if value else None
    return value if isinstance(value, bytes) else None


def _decode_iptc(raw: bytes, utf8: bool) -> str:
    if utf8:
        return raw.decode("utf-8", errors="replace").strip("\x00 ")
    try:
        return raw.decode("utf-8").strip("\x00 ")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace").strip("\x00 ")


# --- XMP ---------------------------------------------------------------------------------------


def raw_xmp(im: Image.Image) -> bytes:
    """The XMP packet as stored (JPEG APP1, PNG iTXt, WebP XMP chunk or TIFF tag 700)."""
    for key in ("xmp", "XML:com.adobe.xmp"):
        value = im.info.get(key)
        if value:
            return value.encode("utf-8") if isinstance(value, str) else bytes(value)
    tags = getattr(im, "tag_v2", None)
    if tags is not None and 700 in tags:
        value = tags[700]
        return value.encode("utf-8") if isinstance(value, str) else bytes(value)
    return b""


# How a packet's first character ('<' of <?xpacket or <x:xmpmeta, or a BOM) looks in each
# encoding the XMP specification allows. UTF-32 before UTF-16: its LE form starts the same.
_XMP_ENCODINGS = (
    (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\x00<", "utf-32-be"), (b"<\x00\x00\x00", "utf-32-le"),
    (b"\xfe\xff", "utf-16-be"), (b"\xff\xfe", "utf-16-le"),
    (b"\x00<", "utf-16-be"), (b"<\x00", "utf-16-le"),
)  # fmt: skip


def _as_utf8(packet: bytes) -> bytes:
    """The packet in UTF-8, whatever Unicode encoding it was stored in."""
    head = packet[:4]
    for signature, encoding in _XMP_ENCODINGS:
        if head.startswith(signature):
            text = packet.decode(encoding, errors="replace").lstrip("\ufeff")
            return text.encode("utf-8")
    return packet


def _read_xmp(im: Image.Image) -> dict[str, str]:
    packet = _as_utf8(raw_xmp(im))
    if not packet:
        return {}
    from defusedxml import ElementTree

    start = packet.find(b"<x:xmpmeta")
    if start < 0:
        start = packet.find(b"<rdf:RDF")
    end_tag = b"</x:xmpmeta>" if packet.find(b"</x:xmpmeta>") >= 0 else b"</rdf:RDF>"
    end = packet.find(end_tag)
    if start < 0 or end < 0:
        return {}
    root = ElementTree.fromstring(packet[start : end + len(end_tag)])
    out: dict[str, str] = {}
    for name, (prefix, prop) in _XMP.items():
        qname = f"{{{NS[prefix]}}}{prop}"
        for desc in root.iter(f"{{{NS['rdf']}}}Description"):
            value = desc.get(qname)
            if value is None:
                element = desc.find(qname)
                value = _xmp_value(element) if element is not None else None
            if value:
                out[name] = value
                break
    return out


def _xmp_value(element: Any) -> str:
    """Text of a simple property, an rdf:Seq/rdf:Bag (joined) or an rdf:Alt (x-default first)."""
    items = element.findall(f"./*/{{{NS['rdf']}}}li")
    if not items:
        return (element.text or "").strip()
    lang = f"{{{NS['xml']}}}lang"
    container = element[0].tag.rsplit("}", 1)[-1]
    if container == "Alt":
        for li in items:
            if li.get(lang) == "x-default" and (li.text or "").strip():
                return (li.text or "").strip()
        return (items[0].text or "").strip()
    return "; ".join((li.text or "").strip() for li in items if (li.text or "").strip())


# --- EXIF --------------------------------------------------------------------------------------


def _read_exif(im: Image.Image) -> dict[str, str]:
    exif = im.getexif()
    out: dict[str, str] = {}
    for name, tag in _EXIF.items():
        value = exif.get(tag)
        if value is None:
            continue
        if isinstance(value, bytes):
            try:
                text = value.decode("utf-8")
            except UnicodeDecodeError:
                text = value.decode("cp1252", errors="replace")
        else:
            text = str(value)
            # Pillow hands EXIF ASCII back as Latin-1; most cameras and tools write UTF-8.
            with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
                text = text.encode("latin-1").decode("utf-8")
        out[name] = text.strip("\x00 ")
    return out
