"""An original photo made safe to hand to someone else (a review package): GPS, camera and lens
serial numbers and owner names removed, everything else kept.

A JPEG is rewritten segment by segment without touching its pixels: the EXIF block loses its GPS
directory, serial numbers, owner name and maker notes; the XMP packet loses the same properties;
other application segments that can carry them (vendor blocks, comments, a second MPO frame or
a trailer after the image) are dropped. The IPTC block (caption, credit) and the colour profile
stay. Other formats are decoded and saved again losslessly with the cleaned EXIF and XMP.
"""

from __future__ import annotations

import re
import struct
from io import BytesIO

from PIL import Image

from editor.errors import InputError

GPS_IFD = 0x8825
EXIF_IFD = 0x8769
#: EXIF tags that identify a person or a camera body: owner name, body and lens serial
#: numbers, the camera serial of DNG files, and maker notes (which hold serials too).
PRIVATE_EXIF = (0xA430, 0xA431, 0xA435, 0xC62F, 0x927C, 0xFDE8, 0xFDE9, 0xFDEA)
_XMP_PRIVATE = r"[\w.-]+:(?:GPS\w*|\w*SerialNumber|\w*OwnerName|CameraOwner\w*)"
_XMP_ELEMENT = re.compile(r"<(" + _XMP_PRIVATE + r")\b[^>]*?(?:/>|>.*?</\1\s*>)", re.DOTALL)
_XMP_ATTRIBUTE = re.compile(r"\s" + _XMP_PRIVATE + r"\s*=\s*(?:\"[^\"]*\"|'[^']*')")
EXIF_HEADER = b"Exif\x00\x00"
XMP_HEADER = b"http://ns.adobe.com/xap/1.0/\x00"
_KEEP_APP = {0xE0, 0xE2, 0xED, 0xEE}  # JFIF, ICC profile, IPTC (Photoshop), Adobe colour


def clean_exif(data: bytes) -> bytes:
    """An EXIF block (with or without the ``Exif\\0\\0`` header) without the private tags."""
    exif = Image.Exif()
    exif.load(data[len(EXIF_HEADER) :] if data.startswith(EXIF_HEADER) else data)
    if GPS_IFD in exif:
        del exif[GPS_IFD]
    exif._ifds.pop(GPS_IFD, None)  # Pillow writes cached sub-IFDs back
    inner = exif.get_ifd(EXIF_IFD)
    for tag in PRIVATE_EXIF:
        inner.pop(tag, None)
        if tag in exif:
            del exif[tag]
    if not len(exif):
        return b""
    block = exif.tobytes()  # Pillow puts the ``Exif\0\0`` header in front
    return block[len(EXIF_HEADER) :] if block.startswith(EXIF_HEADER) else block


def clean_xmp(data: bytes) -> bytes:
    text = data.decode("utf-8", errors="replace")
    text = _XMP_ELEMENT.sub("", text)
    return _XMP_ATTRIBUTE.sub("", text).encode("utf-8")


def scrub(data: bytes, name: str) -> bytes:
    """``data`` without GPS, serial numbers and owner names (see the module's note)."""
    if data[:2] == b"\xff\xd8":
        try:
            return _scrub_jpeg(data)
        except (ValueError, struct.error, IndexError) as exc:
            raise InputError(
                f"{name}: cannot remove its location and serial numbers ({exc})"
            ) from None
    return _resave(data, name)


def _scrub_jpeg(data: bytes) -> bytes:
    out = [b"\xff\xd8"]
    pos = 2
    while True:
        while data[pos] == 0xFF and data[pos + 1] == 0xFF:  # fill bytes
            pos += 1
        if data[pos] != 0xFF:
            raise ValueError("broken JPEG segment")
        marker = data[pos + 1]
        if marker == 0xD9:
            out.append(b"\xff\xd9")
            return b"".join(out)
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        payload = data[pos + 4 : pos + 2 + length]
        end = pos + 2 + length
        if marker == 0xDA:  # start of scan: entropy-coded data follows, up to the next marker
            end = _scan_end(data, end)
            out.append(data[pos:end])
        elif 0xE0 <= marker <= 0xEF or marker == 0xFE:
            kept = _app_segment(marker, payload)
            if kept is not None:
                out.append(_segment(marker, kept))
        else:
            out.append(data[pos:end])
        pos = end


def _scan_end(data: bytes, pos: int) -> int:
    """Where the entropy-coded data after a start of scan ends (the next real marker)."""
    while True:
        pos = data.index(b"\xff", pos)
        nxt = data[pos + 1]
        if nxt == 0x00 or 0xD0 <= nxt <= 0xD7 or nxt == 0xFF:
            pos += 1
            continue
        return pos


def _app_segment(marker: int, payload: bytes) -> bytes | None:
    if marker == 0xE1 and payload.startswith(EXIF_HEADER):
        cleaned = clean_exif(payload)
        return EXIF_HEADER + cleaned if cleaned else None
    if marker == 0xE1 and payload.startswith(XMP_HEADER):
        return XMP_HEADER + clean_xmp(payload[len(XMP_HEADER) :])
    if marker == 0xE2 and not payload.startswith(b"ICC_PROFILE\x00"):
        return None  # e.g. MPF: the index of a second frame, which is dropped
    return payload if marker in _KEEP_APP else None


def _segment(marker: int, payload: bytes) -> bytes:
    if len(payload) + 2 > 0xFFFF:
        raise ValueError("a metadata block is too large")
    return bytes((0xFF, marker)) + struct.pack(">H", len(payload) + 2) + payload


def _resave(data: bytes, name: str) -> bytes:
    try:
        with Image.open(BytesIO(data)) as im:
            fmt = im.format or "PNG"
            exif = im.info.get("exif")
            xmp = im.info.get("xmp") or im.info.get("XML:com.adobe.xmp")
            if not exif and not xmp and fmt == "GIF":
                return data  # nothing private to remove
            extra: dict[str, object] = {}
            if exif:
                extra["exif"] = clean_exif(exif if isinstance(exif, bytes) else b"")
            if isinstance(xmp, str):
                xmp = xmp.encode("utf-8")
            if xmp and fmt == "PNG":  # PNG keeps XMP in an iTXt chunk
                from PIL.PngImagePlugin import PngInfo

                info = PngInfo()
                info.add_itxt("XML:com.adobe.xmp", clean_xmp(xmp).decode("utf-8"))
                extra["pnginfo"] = info
            elif xmp:
                extra["xmp"] = clean_xmp(xmp)
            if fmt == "WEBP":
                extra["lossless"] = True
            if "icc_profile" in im.info:
                extra["icc_profile"] = im.info["icc_profile"]
            buffer = BytesIO()
            im.save(buffer, fmt, **extra)
            return buffer.getvalue()
    except (OSError, ValueError, SyntaxError) as exc:
        raise InputError(f"{name}: cannot remove its location and serial numbers ({exc})") from None
