"""`byline config` and `byline whoami`, and what new posts and blogs take from the config."""

from __future__ import annotations

import json


def test_set_get_and_whoami(run, tmp_path):
    assert run("whoami") == (
        1, "", "byline whoami: no name set: byline config set user.name 'Your Name' "
        "(or Edit ▸ Preferences…).\n",
    )  # fmt: skip
    assert run("config", "set", "user.name", "Ana Ruiz")[0] == 0
    assert run("config", "set", "user.email", "ana@example.org")[0] == 0
    assert run("config", "get", "user.name") == (0, "Ana Ruiz\n", "")
    assert run("whoami") == (0, "Ana Ruiz <ana@example.org>\n", "")
    assert json.loads(run("whoami", "--json")[1]) == {
        "name": "Ana Ruiz",
        "email": "ana@example.org",
    }
    assert 'name = "Ana Ruiz"' in (tmp_path / "user-config" / "config.toml").read_text()
    assert run("config", "path")[1].strip() == str(tmp_path / "user-config" / "config.toml")


def test_the_environment_wins_and_list_says_where_each_value_comes_from(run, monkeypatch):
    run("config", "set", "user.name", "Ana Ruiz")
    monkeypatch.setenv("BYLINE_USER_NAME", "Bea Soto")
    assert run("whoami")[1] == "Bea Soto\n"
    rows = {r["key"]: r for r in json.loads(run("config", "list", "--json")[1])["settings"]}
    assert rows["user.name"]["value"] == "Bea Soto"
    assert rows["user.name"]["source"] == "environment (BYLINE_USER_NAME)"
    assert rows["welcome.done"]["source"] == "config file"
    assert rows["writing.role"]["source"] == "default"
    code, _, err = run("config", "set", "user.name", "Cleo")
    assert code == 0 and "BYLINE_USER_NAME is set and overrides user.name" in err


def test_bad_input_exits_2_with_one_line_naming_the_key(run):
    code, out, err = run("config", "set", "appearance.scheme", "purple")
    assert (code, out) == (2, "")
    assert (
        err
        == "byline config: appearance.scheme: choose one of system, light, dark (not 'purple').\n"
    )
    code, _, err = run("config", "get", "user.nmae")
    assert code == 2 and err.count("\n") == 1 and "no setting 'user.nmae'" in err


def test_a_malformed_config_file_fails_with_its_name(run, tmp_path):
    (tmp_path / "user-config" / "config.toml").write_text("[user\n")
    code, _, err = run("whoami")
    assert code == 1 and "config.toml: cannot be read" in err and "Traceback" not in err


def test_byline_new_starts_with_the_writers_name_and_role(run):
    run("config", "set", "user.name", "Ana Ruiz")
    post = run("new", "--headline", "One")[1].strip()
    shown = json.loads(run("show", post, "--json")[1])
    assert (shown["byline"], shown["byline_role"]) == ("Ana Ruiz", "Guest blogger")  # the blog's
    run("config", "set", "writing.role", "Columnist")
    post = run("new", "--headline", "Two")[1].strip()
    shown = json.loads(run("show", post, "--json")[1])
    assert (shown["byline"], shown["byline_role"]) == ("Ana Ruiz", "Columnist")
    post = run("new", "--byline", "Someone Else", "--role", "Guest")[1].strip()
    shown = json.loads(run("show", post, "--json")[1])
    assert (shown["byline"], shown["byline_role"]) == ("Someone Else", "Guest")


def test_new_blogs_take_the_preferred_language(run):
    run("config", "set", "writing.language", "es")
    assert run("blog", "add", "Andes", "--url", "https://andes.example.org")[0] == 0
    assert run("blog", "add", "Paris", "--url", "https://p.example.org", "--language", "fr")[0] == 0
    langs = {b["name"]: b["language"] for b in json.loads(run("blog", "list", "--json")[1])}
    assert langs == {"Andes": "es", "Paris": "fr"}
