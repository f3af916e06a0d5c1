"""The writer's preferences file: declared keys, defaults, checks, the environment's overrides,
versions, and a TOML writer whose output tomllib reads back unchanged."""

from __future__ import annotations

import tomllib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from editor.config import (
    LANGUAGE,
    ROLE,
    SCHEME,
    SETTINGS,
    USER_EMAIL,
    USER_NAME,
    WELCOMED,
    Config,
    ConfigError,
    config_path,
    dumps,
    post_defaults,
)
from editor.errors import InputError


def test_the_file_lives_in_the_config_folder_which_byline_config_dir_moves(tmp_path, monkeypatch):
    monkeypatch.setenv("BYLINE_CONFIG_DIR", str(tmp_path / "elsewhere"))
    assert config_path() == tmp_path / "elsewhere" / "config.toml"
    monkeypatch.delenv("BYLINE_CONFIG_DIR")
    import platformdirs

    assert config_path().parent == __import__("pathlib").Path(
        platformdirs.user_config_dir("Byline", "Byline")
    )


def test_a_missing_file_is_all_defaults(tmp_path):
    config = Config.load(tmp_path / "none.toml", env={})
    assert [config.get(s) for s in SETTINGS] == ["", "", "", "en", "system", False, True, True]
    assert all(config.source(s) == "default" for s in SETTINGS)


def test_values_survive_a_save_and_unknown_keys_are_kept(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('version = 1\nfuture = "x"\n[user]\nnickname = "Lu"\n', encoding="utf-8")
    config = Config.load(path, env={})
    config.set(USER_NAME, 'Ana "la" Ruiz\\')
    config.set_text("user.email", "ana@example.org")
    config.set_text("appearance.scheme", "Dark")
    config.set_text("welcome.done", "yes")
    config.save()
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == 1 and data["future"] == "x" and data["user"]["nickname"] == "Lu"
    again = Config.load(path, env={})
    assert again.get(USER_NAME) == 'Ana "la" Ruiz\\'
    assert again.get(USER_EMAIL) == "ana@example.org"
    assert again.get(SCHEME) == "dark"
    assert again.get(WELCOMED) is True
    assert again.source(USER_NAME) == "config file"
    again.unset("user.email")
    assert again.get(USER_EMAIL) == ""


@pytest.mark.parametrize(
    ("key", "text", "says"),
    [
        ("user.email", "ana at example", "user.email: 'ana at example' is not an e-mail"),
        ("appearance.scheme", "purple", "appearance.scheme: choose one of system, light, dark"),
        ("writing.language", "English", "writing.language: 'English' is not a language code"),
        ("welcome.done", "maybe", "welcome.done: give true or false"),
        ("user.nmae", "x", "no setting 'user.nmae'; the settings are: user.name"),
    ],
)
def test_bad_values_are_refused_naming_the_key(tmp_path, key, text, says):
    config = Config.load(tmp_path / "c.toml", env={})
    with pytest.raises(InputError, match="^" + __import__("re").escape(says)):
        config.set_text(key, text)


def test_the_environment_overrides_name_and_email_without_being_saved(tmp_path):
    path = tmp_path / "config.toml"
    env = {"BYLINE_USER_NAME": "Env Person", "BYLINE_USER_EMAIL": "env@example.org"}
    config = Config.load(path, env=env)
    config.set(USER_NAME, "Ana Ruiz")
    config.save()
    assert config.get(USER_NAME) == "Env Person"
    assert config.stored(USER_NAME) == "Ana Ruiz"
    assert config.source(USER_NAME) == "environment (BYLINE_USER_NAME)"
    assert config.get(USER_EMAIL) == "env@example.org"
    assert "Env" not in path.read_text(encoding="utf-8")
    bad = Config.load(path, env={"BYLINE_COLOR_SCHEME": "purple"})
    assert bad.get(SCHEME) == "system"
    assert bad.source(SCHEME).startswith("ignored environment (BYLINE_COLOR_SCHEME")


def test_a_malformed_file_is_named_and_never_overwritten(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("[user\nname = 1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"config\.toml: cannot be read"):
        Config.load(path)
    config, problem = Config.load_or_defaults(path)
    assert problem and config.get(USER_NAME) == ""
    with pytest.raises(ConfigError):
        config.save()
    assert path.read_text(encoding="utf-8") == "[user\nname = 1\n"


def test_a_file_from_a_newer_byline_is_read_but_not_overwritten(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('version = 7\n[user]\nname = "Ana"\n', encoding="utf-8")
    config = Config.load(path, env={})
    assert config.get(USER_NAME) == "Ana"
    config.set(USER_NAME, "Bea")
    with pytest.raises(ConfigError, match="newer Byline"):
        config.save()
    assert "Ana" in path.read_text(encoding="utf-8")


def test_a_value_of_the_wrong_type_in_the_file_reads_as_the_default(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('[user]\nname = 3\n[appearance]\nscheme = "neon"\n', encoding="utf-8")
    config = Config.load(path, env={})
    assert config.get(USER_NAME) == "" and config.get(SCHEME) == "system"


def test_new_posts_start_with_the_name_and_the_role_only_when_one_is_set(tmp_path):
    config = Config.load(tmp_path / "c.toml", env={})
    assert post_defaults(config) == {"byline": ""}
    config.set(USER_NAME, "Ana Ruiz")
    config.set(ROLE, "Columnist")
    assert post_defaults(config) == {"byline": "Ana Ruiz", "byline_role": "Columnist"}
    assert config.get(LANGUAGE) == "en"


@given(
    st.dictionaries(
        st.text(min_size=1, max_size=8),
        st.one_of(st.text(), st.booleans(), st.integers(-(2**63), 2**63 - 1)),
        max_size=4,
    ),
    st.text(),
)
def test_the_writer_round_trips_through_tomllib(table, top):
    data = {"version": 1, "top": top, "section": table}
    assert tomllib.loads(dumps(data)) == data
