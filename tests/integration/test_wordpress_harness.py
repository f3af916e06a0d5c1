"""The test WordPress itself answers like a real site: REST with application passwords, XML-RPC."""

from __future__ import annotations

import httpx


def test_rest_accepts_the_application_password_and_refuses_a_wrong_one(wordpress):
    me = httpx.get(
        f"{wordpress.url}/wp-json/wp/v2/users/me", auth=(wordpress.user, wordpress.app_password)
    )
    assert me.status_code == 200
    assert me.json()["slug"] == "editor"
    bad = httpx.get(f"{wordpress.url}/wp-json/wp/v2/users/me", auth=(wordpress.user, "nope"))
    assert bad.status_code == 401


def test_home_page_advertises_the_rest_api(wordpress):
    home = httpx.get(wordpress.url + "/")
    assert 'rel="https://api.w.org/"' in home.headers["link"]
