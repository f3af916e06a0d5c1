"""The exported page against validators nobody here wrote: the Nu HTML Checker (zero errors)
and axe-core in headless Chromium (zero WCAG 2 A/AA violations). Also takes screenshots of the
page at 1280, 768 and 375 px (``/tmp/byline-page-*.png``) to look at.

The tools come from ``.ci/setup.d/validators.sh`` (into ``.tools/``); without them these tests
skip with the reason (and fail in CI)."""

from __future__ import annotations

import io
import json
import os
import shutil
import struct
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image

from editor.render.bundle import build_bundle, write_bundle
from editor.render.themes import require_theme
from editor.render.views import PhotoView
from tests.helpers.render_samples import HOSTILE_BODY, rich_page
from tests.helpers.services import require_service

pytestmark = [pytest.mark.services, pytest.mark.slow]

TOOLS = Path(__file__).resolve().parents[2] / ".tools"
VNU = TOOLS / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHECK_JS = Path(__file__).with_name("page_check.js")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def _need_vnu() -> None:
    ok = VNU.is_file() and shutil.which("java") is not None
    require_service(ok, f"Nu HTML Checker needs java and {VNU} (.ci/setup.d/validators.sh)")


def _need_browser() -> None:
    ok = (
        shutil.which("node") is not None
        and Path(CHROMIUM).exists()
        and (TOOLS / "node_modules" / "axe-core" / "axe.min.js").is_file()
        and (TOOLS / "node_modules" / "playwright-core").is_dir()
    )
    require_service(ok, "axe-core needs node, chromium, axe-core and playwright-core in .tools/")


def _lead_jpeg(fmt: str = "JPEG") -> bytes:
    image = Image.new("RGB", (640, 427), (196, 164, 120))
    out = io.BytesIO()
    image.save(out, fmt, quality=80)
    return out.getvalue()


def _export(folder: Path, theme: str = "newsroom", **changes) -> Path:
    """The rich page with a lead photo and an inline one, both offered as WebP through
    <picture> with the JPEG as the fallback (what an export of a post with photos writes)."""
    lead = PhotoView(
        src="images/lead-640.jpg", width=640, height=427, alt="Solar panels on a school roof",
        caption="Volunteers sweep the panels after a hailstorm.", credit="Photo: Ana Quispe",
        copyright="© 2026 Ana Quispe", srcset="images/lead-640.jpg 640w",
        webp_srcset="images/lead-640.webp 640w", sizes="(min-width: 50rem) 48rem, 100vw",
    )  # fmt: skip
    base = rich_page()
    body = base.body + "\n\n![The transmitter mast at dawn](photo:1)\n"
    data = replace(base, **{"lead_photo": lead, "photos": {"1": lead}, "body": body, **changes})
    images = {"lead-640.jpg": _lead_jpeg(), "lead-640.webp": _lead_jpeg("WEBP")}
    files, _ = build_bundle(data, theme=require_theme(theme), post_json={"headline": "x"},
                            blog_json={"name": "x"}, markdown="x", images=images)  # fmt: skip
    write_bundle(folder, files)
    return folder


def _vnu(*folders: Path) -> list[dict]:
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--stdout",
         "--skip-non-html", "--also-check-css", *map(str, folders)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    return json.loads(result.stdout)["messages"]


def _browser(page: Path, shots: str, *widths: int) -> dict:
    result = subprocess.run(
        ["node", str(CHECK_JS), str(TOOLS), str(page), shots, *map(str, widths)],
        capture_output=True, text=True, timeout=180, check=False,
        env={**os.environ, "CHROMIUM": CHROMIUM, "HOME": str(page.parent)},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_exported_pages_have_no_html_errors(tmp_path):
    _need_vnu()
    folders = [_export(tmp_path / "newsroom"), _export(tmp_path / "plain", "plain"),
               _export(tmp_path / "hostile", body=HOSTILE_BODY),
               _export(tmp_path / "empty", sidebar=[], lead_photo=None, deck="")]  # fmt: skip
    for folder in folders[:2]:  # the lead photo and the inline one, WebP first
        html = (folder / "index.html").read_text(encoding="utf-8")
        assert html.count("<picture>") == 2 and html.count('type="image/webp"') == 2, html
        assert html.count('srcset="images/lead-640.webp 640w"') == 2
    messages = _vnu(*folders)
    assert messages == [], json.dumps(messages, indent=1)


@pytest.mark.parametrize("theme", ["newsroom", "plain"])
def test_exported_page_has_no_accessibility_violations(tmp_path, theme):
    _need_browser()
    page = _export(tmp_path / theme, theme) / "index.html"
    shots = "/tmp/byline-page" if theme == "newsroom" else "-"
    result = _browser(page, shots, 1280, 768, 375)
    assert result["violations"] == [], json.dumps(result["violations"], indent=1)
    assert result["blocked"] == []  # the page asks for nothing outside the bundle
    for width, shot in zip((1280, 768, 375), result["shots"], strict=False):
        header = Path(shot).read_bytes()[:24]
        assert header[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">I", header[16:20])[0] == width


def test_hostile_draft_page_runs_no_script(tmp_path):
    _need_browser()
    page = _export(tmp_path / "hostile", body=HOSTILE_BODY) / "index.html"
    html = page.read_text(encoding="utf-8")
    assert html.count("<script") == 1 and 'type="application/ld+json"' in html
    result = _browser(page, "-", 1280)
    assert result["blocked"] == []  # no tracking pixel or frame was even requested
    assert result["violations"] == []


def test_page_without_sidebar_with_linked_tags_and_a_date_alone_is_valid(tmp_path):
    """The reader's page in its other shapes: no Recent posts box, tags as links, no time."""
    _need_vnu()
    _need_browser()
    from datetime import UTC, datetime

    blog = replace(rich_page().blog, tag_url_pattern="{blog_url}/tag/{tag}/")
    changes = {"sidebar": [], "blog": blog, "date_only": True, "updated_at": None,
               "published_at": datetime(2011, 5, 3, 4, tzinfo=UTC)}  # fmt: skip
    folders = [_export(tmp_path / "newsroom", **changes),
               _export(tmp_path / "plain", "plain", **changes)]  # fmt: skip
    assert _vnu(*folders) == []
    for folder in folders:
        result = _browser(folder / "index.html", "-", 1280, 375)
        assert result["violations"] == [], json.dumps(result["violations"], indent=1)
