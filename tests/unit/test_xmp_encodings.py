"""XMP packets in UTF-16 and UTF-32 (the XMP specification allows them) are read like UTF-8
ones (issue 14, item 13): the photo's XMP credit is used, not a field from another layer."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from editor.media.metadata import read_metadata

PACKET = (
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    '<rdf:Description rdf:about="" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" '
    'photoshop:Credit="Agencia Andina — Lucía"/>'
    "</rdf:RDF></x:xmpmeta>"
    '<?xpacket end="w"?>'
)


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16-le", "utf-16-be", "utf-16", "utf-32-le",
                 "utf-32-be", "utf-32"],
)  # fmt: skip
def test_xmp_credit_is_read_in_every_unicode_encoding(encoding):
    out = io.BytesIO()
    Image.new("RGB", (8, 8)).save(out, "JPEG", xmp=PACKET.encode(encoding))
    meta = read_metadata(Image.open(io.BytesIO(out.getvalue())))
    assert meta.credit == "Agencia Andina — Lucía"
    assert meta.origin["credit"] == "xmp"
