"""Theme templates are compiled once and kept in the user's cache between runs: a later run
renders the same page from the kept code, an edited template is compiled again, and a cache
that cannot be written changes nothing but the speed."""

from __future__ import annotations

import shutil
import tempfile

import pytest

from editor.paths import user_cache_dir
from editor.render import page as page_module
from editor.render.page import render_page
from editor.render.themes import load_theme, shipped_themes_dir, user_themes_dir
from tests.helpers.render_samples import rich_page


@pytest.fixture(autouse=True)
def _fresh_environments(monkeypatch):
    """Each render below as in a new process: no environment (or compiled code) in memory."""
    monkeypatch.setattr(page_module, "_ENVIRONMENTS", {})


def _new_run(monkeypatch) -> None:
    monkeypatch.setattr(page_module, "_ENVIRONMENTS", {})


def _kept() -> list[str]:
    return sorted(p.name for p in (user_cache_dir() / "templates").rglob("*.cache"))


def test_a_later_run_renders_the_same_page_from_the_kept_code(monkeypatch):
    theme = load_theme("newsroom")
    first = render_page(rich_page(), theme=theme).html
    kept = _kept()
    assert kept  # the page template and what it includes
    _new_run(monkeypatch)
    compiled: list[str] = []
    original = page_module.SandboxedEnvironment.compile
    monkeypatch.setattr(page_module.SandboxedEnvironment, "compile",
                        lambda self, *a, **k: compiled.append(a[1]) or original(self, *a, **k))  # fmt: skip
    assert render_page(rich_page(), theme=theme).html == first
    assert compiled == []  # nothing was compiled again
    assert _kept() == kept


def test_an_edited_template_is_compiled_again(monkeypatch):
    folder = user_themes_dir() / "mine"
    shutil.copytree(shipped_themes_dir() / "newsroom", folder)
    theme = load_theme("mine")
    assert "Edited by hand" not in render_page(rich_page(), theme=theme).html
    template = folder / "templates" / "page.html"
    template.write_text(template.read_text().replace("</main>", "<p>Edited by hand</p></main>"))
    _new_run(monkeypatch)
    assert "Edited by hand" in render_page(rich_page(), theme=theme).html


def test_a_cache_that_cannot_be_written_changes_nothing_but_speed(monkeypatch, tmp_path):
    expected = render_page(rich_page(), theme=load_theme("newsroom")).html
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would be")
    monkeypatch.setenv("BYLINE_CACHE_DIR", str(blocked))
    _new_run(monkeypatch)
    assert render_page(rich_page(), theme=load_theme("newsroom")).html == expected

    full = tmp_path / "read-only-cache"
    monkeypatch.setenv("BYLINE_CACHE_DIR", str(full))
    (full / "templates").mkdir(parents=True)
    monkeypatch.setattr(tempfile, "NamedTemporaryFile", _refuse)  # a full or read-only disk
    _new_run(monkeypatch)
    assert render_page(rich_page(), theme=load_theme("newsroom")).html == expected
    assert not list(full.rglob("*.cache"))


def _refuse(*_args: object, **_kwargs: object) -> None:
    raise OSError(28, "No space left on device")
