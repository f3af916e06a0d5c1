"""Commands that only read never pay for the integrity check that guards writes (it reads the
whole file: ~0.1-0.5 s on a large database) and take no write lock."""

from __future__ import annotations

import pytest

from editor.store import database


@pytest.mark.parametrize(
    "argv",
    [["show", "1"], ["export-md", "1"], ["revisions", "1"], ["revision", "1", "1"],
     ["render", "1"], ["list"]],
)  # fmt: skip
def test_reading_commands_skip_the_integrity_check(run, monkeypatch, argv):
    assert run("new", "--headline", "Read me")[0] == 0
    checked: list[object] = []
    monkeypatch.setattr(database, "quick_check", lambda *a, **k: checked.append(a) or [])
    code, out, err = run(*argv)
    assert (code, err) == (0, "")
    assert out
    assert checked == []


def test_a_write_still_checks_first(run, monkeypatch):
    assert run("new", "--headline", "Write me")[0] == 0
    checked: list[object] = []
    monkeypatch.setattr(database, "quick_check", lambda *a, **k: checked.append(a) or [])
    assert run("set", "1", "--headline", "Written")[0] == 0
    assert len(checked) == 1
