"""`make run`'s system check: silent when all is there; apt-get runs only for what is missing,
and dpkg's chatter is shown only with --verbose or when the install fails."""

from __future__ import annotations

import subprocess

import pytest

from editor import platform_check


@pytest.fixture
def apt(monkeypatch):
    calls: list[tuple[list[str], object]] = []
    state = {"missing": {"libxcb-icccm.so.4"}, "fails": False}

    def run(cmd, **kw):
        calls.append((cmd, kw.get("stdout")))
        failed = state["fails"] and cmd[1] == "install"
        if cmd[1] == "install" and not failed:
            state["missing"] = set()
        chatter = "Selecting previously unselected package libxcb-icccm4.\nSetting up ...\n"
        return subprocess.CompletedProcess(cmd, 100 if failed else 0, chatter, None)

    monkeypatch.setattr(platform_check.subprocess, "run", run)
    monkeypatch.setattr(platform_check, "missing_libraries", lambda _p: set(state["missing"]))
    monkeypatch.setattr(platform_check.os, "geteuid", lambda: 0)
    monkeypatch.setattr(platform_check.shutil, "which", lambda _n: "/usr/bin/apt-get")
    return calls, state


def test_nothing_missing_runs_nothing_and_says_nothing(apt, capsys):
    calls, state = apt
    state["missing"] = set()
    assert platform_check.main(["--platform", "xcb", "--install"]) == 0
    assert calls == [] and capsys.readouterr() == ("", "")


def test_a_missing_library_is_installed_with_one_line_and_no_dpkg_output(apt, capsys):
    calls, _ = apt
    assert platform_check.main(["--platform", "xcb", "--install"]) == 0
    assert [c[0][:2] for c in calls] == [["apt-get", "update"], ["apt-get", "install"]]
    assert all(stdout is subprocess.PIPE for _, stdout in calls)
    out, err = capsys.readouterr()
    assert out == "" and err == "Installing system libraries Qt needs: libxcb-icccm4\n"


def test_verbose_lets_apt_talk(apt):
    calls, _ = apt
    assert platform_check.main(["--platform", "xcb", "--install", "--verbose"]) == 0
    assert all(stdout is None for _, stdout in calls)


def test_a_failed_install_shows_apts_output_and_the_command_to_run(apt, capsys):
    _, state = apt
    state["fails"] = True
    assert platform_check.main(["--platform", "xcb", "--install"]) == 3
    err = capsys.readouterr().err
    assert "Selecting previously unselected package" in err
    assert "sudo apt-get install libxcb-icccm4" in err


def test_make_run_installs_missing_dictionaries_then_is_quiet(monkeypatch, capsys):
    from editor.proofing import dictionaries

    calls: list[list[str]] = []
    state = {"have": {}}

    def run(cmd, **kw):
        calls.append(cmd)
        if cmd[1] == "install":
            state["have"] = {n: object() for n in ("en_US", "en_GB", "es", "pt_BR", "pt_PT", "fr")}
        return subprocess.CompletedProcess(cmd, 0, "", None)

    monkeypatch.setattr(platform_check.subprocess, "run", run)
    monkeypatch.setattr(platform_check.os, "geteuid", lambda: 0)
    monkeypatch.setattr(platform_check.shutil, "which", lambda _n: "/usr/bin/apt-get")
    monkeypatch.setattr(dictionaries, "discover", lambda: dict(state["have"]))
    assert platform_check.check_dictionaries(install=True, verbose=False) == []
    assert calls[-1][-6:] == list(dictionaries.DEBIAN_PACKAGES.values())
    assert "Installing spelling dictionaries: hunspell-en-us" in capsys.readouterr().err
    calls.clear()
    assert platform_check.check_dictionaries(install=True, verbose=False) == []
    assert calls == [] and capsys.readouterr().err == ""


def test_without_root_the_dictionaries_are_named(monkeypatch, capsys):
    from editor.proofing import dictionaries

    monkeypatch.setattr(platform_check.os, "geteuid", lambda: 1000)
    monkeypatch.setattr(platform_check.shutil, "which", lambda _n: "/usr/bin/apt-get")
    monkeypatch.setattr(dictionaries, "discover", lambda: {})
    assert platform_check.check_dictionaries(install=True, verbose=False) == list(
        dictionaries.DEBIAN_PACKAGES.values()
    )
    assert "sudo apt-get install hunspell-en-us hunspell-en-gb" in capsys.readouterr().err
