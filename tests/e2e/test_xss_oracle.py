"""The XSS oracle (issue 14, item 3): every vector of tests/e2e/xss_vectors.py goes into the
body and into every field and URL setting, is rendered and exported, and is loaded in headless
Chromium (the one the page validators use) with every event fired on every element and every
link clicked. Passing means: no dialog, no script run by the page, no request leaving the page's
own folder, and no click that goes anywhere but an http(s)/mailto/tel address or the page's
folder. The browser is the judge, not a second reading of the HTML.

The URL settings are also tried at the way in: each vector is refused there or is a safe link.
"""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from editor.errors import InputError
from editor.formats.urls import is_safe_link, parse_url
from editor.model import Blog
from editor.render.bundle import build_bundle, write_bundle
from editor.render.context import BlogInfo, PageData, SidebarEntry
from editor.render.page import render_page
from editor.render.sanitize import IFRAME_HOSTS
from editor.render.themes import require_theme
from editor.render.views import PhotoView
from editor.services.blogs import _check
from tests.e2e.test_page_validators import CHROMIUM, TOOLS, _lead_jpeg, _need_browser
from tests.e2e.xss_vectors import VECTORS

pytestmark = [pytest.mark.services, pytest.mark.slow]

ORACLE_JS = Path(__file__).with_name("xss_oracle.js")
FIELDS = ("body", "headline", "deck", "byline", "role", "tags", "categories", "slug", "uuid",
          "blog.name", "blog.url", "blog.language", "blog.description",
          "blog.comments_url_pattern", "sidebar.title", "sidebar.url", "sidebar.label",
          "photo.alt", "photo.caption", "photo.credit", "photo.copyright")  # fmt: skip
SAFE_NAVIGATION = ("http:", "https:", "mailto:", "tel:")


def _allowed_embed(url: str) -> bool:
    """A player on the embed allowlist is meant to load (the policy lets it through)."""
    parsed = parse_url(url)
    return (parsed is not None and parsed.scheme == "https" and parsed.host in IFRAME_HOSTS
            and parsed.path.startswith(IFRAME_HOSTS[parsed.host]))  # fmt: skip


def _page(vector: str, *, site_url: str) -> PageData:
    pattern = vector if "{post_url}" in vector else vector + "{post_url}"
    return PageData(
        blog=BlogInfo(name=vector, url=site_url or vector, language=vector, description=vector,
                      comments_url_pattern=pattern),
        headline=vector, body=f"{vector}\n\nText and [a link](https://ok.example/).\n\n{vector}\n",
        deck=vector, byline=vector, role=vector, slug=vector, uuid=vector,
        tags=[vector, "ok"], categories=[vector],
        lead_photo=PhotoView(src="images/lead.jpg", width=640, height=427, alt=vector,
                             caption=vector, credit=vector, copyright=vector),
        sidebar=[SidebarEntry(title=vector, url=vector, label=vector),
                 SidebarEntry(title=vector, url="https://ok.example/s/", label=vector)],
    )  # fmt: skip


@dataclass
class Written:
    path: Path
    vector: str
    how: str


def _write_pages(root: Path) -> list[Written]:
    """Per vector: the newsroom export with the vector as the blog's URL too, and the plain
    theme's preview rendering under a real blog URL (so canonical, category links and the
    search form are built from the vector's slug and categories)."""
    written = []
    newsroom, plain = require_theme("newsroom"), require_theme("plain")
    jpeg = _lead_jpeg()
    for index, vector in enumerate(VECTORS):
        folder = root / f"v{index:03d}"
        files, _ = build_bundle(_page(vector, site_url=""), theme=newsroom,
                                post_json={"headline": vector}, blog_json={"name": vector},
                                markdown=vector, images={"lead.jpg": jpeg})  # fmt: skip
        write_bundle(folder, files)
        written.append(Written(folder / "index.html", vector, "newsroom export"))
        preview = render_page(_page(vector, site_url="https://blog.example/news/"), theme=plain,
                              mode="preview", asset_prefix="assets/")  # fmt: skip
        (folder / "preview.html").write_text(preview.html, encoding="utf-8")
        written.append(Written(folder / "preview.html", vector, "plain preview"))
    return written


def test_corpus_is_large_and_covers_every_class():
    assert len(VECTORS) >= 150
    text = "\n".join(VECTORS).lower()
    for needle in ("<script", "onerror", "<svg", "<math", "javascript:", "srcdoc", "refresh",
                   "<base", "formaction", "url(", "stylesheet", "](", "]: ", "<javascript:",
                   "title"):  # fmt: skip
        assert needle in text, needle


@pytest.mark.parametrize("key", ["site_url", "comments_url_pattern"])
def test_url_settings_refuse_every_vector_or_keep_it_safe(key):
    for vector in VECTORS:
        value = vector if key == "site_url" or "{post_url}" in vector else vector + "{post_url}"
        try:
            kept = _check(None, Blog(), key, value)  # type: ignore[arg-type]
        except InputError:
            continue
        sample = kept.replace("{post_url}", "https://blog.example/p/") if kept else ""
        assert is_safe_link(sample, allow_relative=False), (key, vector)


def test_no_vector_runs_loads_or_navigates_anywhere_in_chromium(tmp_path):
    _need_browser()
    pages = _write_pages(tmp_path)
    listing = tmp_path / "pages.json"
    listing.write_text(json.dumps([str(p.path) for p in pages]))
    result = subprocess.run(
        ["node", str(ORACLE_JS), str(TOOLS), str(listing)],
        capture_output=True, text=True, timeout=900, check=False,
        env={**os.environ, "CHROMIUM": CHROMIUM, "HOME": str(tmp_path)},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    reports = json.loads(result.stdout)
    assert len(reports) == len(pages)
    failures = []
    for written, report in zip(pages, reports, strict=True):
        folder = "file://" + str(written.path.parent) + "/"
        bad_clicks = [u for u in report["navigations"]
                      if not u.startswith(SAFE_NAVIGATION) and not u.startswith(folder)]  # fmt: skip
        report["requests"] = [u for u in report["requests"] if not _allowed_embed(u)]
        problems = {k: report[k] for k in ("dialogs", "scripts", "requests") if report[k]}
        if bad_clicks:
            problems["navigations"] = bad_clicks
        if report.get("error"):
            problems["error"] = report["error"]
        if problems:
            failures.append({"vector": written.vector, "how": written.how, **problems})
    events = sum(r["events"] for r in reports)
    links = sum(r["links"] for r in reports)
    print(f"xss oracle: {len(VECTORS)} vectors x {len(FIELDS)} fields, {len(pages)} pages, "
          f"{events} events fired, {links} links clicked")  # fmt: skip
    assert failures == [], json.dumps(failures[:20], indent=1, ensure_ascii=False)
    assert events > 0 and links > 0
