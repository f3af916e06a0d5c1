"""Themes load from the shipped folder and the user's; a broken one gives an error page."""

from __future__ import annotations

import shutil

import pytest

from editor.render.page import render_page
from editor.render.themes import (
    ThemeError,
    available_themes,
    load_theme,
    require_theme,
    shipped_themes_dir,
    user_themes_dir,
)
from tests.helpers.render_samples import rich_page


def _user_copy(name: str = "mine"):
    folder = user_themes_dir() / name
    shutil.copytree(shipped_themes_dir() / "newsroom", folder)
    return folder


def test_shipped_themes_load():
    names = {t.name: t for t in available_themes()}
    assert {"newsroom", "plain"} <= set(names)
    newsroom = require_theme("newsroom")
    assert [s.file for s in newsroom.stylesheets] == ["style.css", "print.css"]
    assert newsroom.stylesheets[1].media == "print"
    assert {p.as_posix() for p in newsroom.asset_files()} == {"style.css", "print.css"}
    assert load_theme(None).name == "newsroom"


def test_user_theme_is_found_and_can_replace_a_shipped_one():
    folder = _user_copy()
    (folder / "templates" / "page.html").write_text(
        "<!DOCTYPE html><title>{{ title }}</title><p>custom {{ blog.name }}</p>", encoding="utf-8"
    )
    page = render_page(rich_page(), theme=load_theme("mine"))
    assert page.error is None and "custom Latin America Blog" in page.html
    _user_copy("plain")
    assert load_theme("plain").user
    assert {t.name: t.user for t in available_themes()}["plain"] is True


@pytest.mark.parametrize(
    ("breakage", "expected"),
    [
        (lambda f: (f / "theme.toml").write_text("title = [unclosed", encoding="utf-8"),
         "not valid TOML"),
        (lambda f: (f / "templates" / "page.html").unlink(), "template 'page.html' not found"),
        (lambda f: (f / "assets" / "style.css").unlink(), "stylesheet 'style.css' not found"),
        (lambda f: (f / "templates" / "page.html").write_text("{% if %}", encoding="utf-8"),
         "page.html, line 1: Expected an expression"),
        (lambda f: (f / "templates" / "page.html").write_text("{{ nosuch.thing }}",
                                                             encoding="utf-8"),
         "'nosuch' is undefined (in page.html, line 1)"),
        (lambda f: (f / "templates" / "page.html").write_text(
            "{{ page.__class__.__mro__ }}", encoding="utf-8"), "SecurityError"),
    ],
)  # fmt: skip
def test_broken_theme_shows_an_error_page_instead_of_raising(breakage, expected):
    folder = _user_copy("broken")
    breakage(folder)
    data = rich_page()
    page = render_page(data, theme=load_theme("broken"))
    assert page.error is not None and expected in page.error
    assert "cannot show this page" in page.html
    assert "The first voice most people in Achacachi" in page.html  # the text is still there
    assert 'id="article-body"' in page.html


def test_missing_theme_is_reported_not_raised():
    theme = load_theme("nowhere")
    assert theme.error and "not found" in theme.error
    page = render_page(rich_page(), theme=theme)
    assert page.error == theme.error
    with pytest.raises(ThemeError, match="nowhere"):
        require_theme("nowhere")


@pytest.mark.parametrize("name", ["../newsroom", ".hidden", "a/b"])
def test_theme_names_cannot_leave_the_themes_folder(name):
    assert load_theme(name).error


def test_stylesheet_outside_assets_is_refused():
    folder = _user_copy("sneaky")
    (folder / "theme.toml").write_text(
        'title = "S"\n[[stylesheets]]\nfile = "../theme.toml"\n', encoding="utf-8"
    )
    assert "not found in assets" in (load_theme("sneaky").error or "")
