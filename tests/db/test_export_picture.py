"""An exported page (and `byline render -o`) offers the lead photo's WebP renditions through
<picture>: every WebP file it names is written beside it, JPEG remains the fallback."""

from __future__ import annotations

import re

from editor.cli.main import main
from tests.helpers.photos import write_jpeg


def test_render_writes_a_picture_whose_webp_and_jpeg_files_all_exist(tmp_path, capsys):
    db = str(tmp_path / "pic.sqlite3")
    photo = write_jpeg(tmp_path / "lead.jpg", size=(2000, 1000))
    assert main(["--db", db, "new", "--headline", "With a photo"]) == 0
    assert main(["--db", db, "photo", "add", "1", str(photo), "--lead", "--alt", "A street",
                 "--credit", "Ana/AP"]) == 0  # fmt: skip
    out = tmp_path / "site" / "page.html"
    out.parent.mkdir()
    assert main(["--db", db, "render", "1", "-o", str(out)]) == 0
    capsys.readouterr()
    html = out.read_text(encoding="utf-8")
    figure = html.split('<figure class="lead-photo">', 1)[1].split("</figure>", 1)[0]
    source = re.search(r'<source type="image/webp" srcset="([^"]+)" sizes="([^"]+)">', figure)
    img = re.search(r'<img src="([^"]+)" srcset="([^"]+)" sizes="([^"]+)"', figure)
    assert source and img, figure
    assert source.group(2) == img.group(3)  # the same sizes for both
    webp = [c.split()[0] for c in source.group(1).split(", ")]
    jpeg = [c.split()[0] for c in img.group(2).split(", ")]
    assert [n.rsplit("-", 1)[1] for n in webp] == ["320.webp", "640.webp", "1024.webp", "1600.webp"]
    assert [n.rsplit("-", 1)[1] for n in jpeg] == ["320.jpg", "640.jpg", "1024.jpg", "1600.jpg"]
    for name in [*webp, *jpeg, img.group(1)]:
        assert (out.parent / name).is_file(), name
    assert (out.parent / webp[-1]).read_bytes()[8:12] == b"WEBP"
