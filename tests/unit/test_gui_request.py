"""`byline` without a command opens the window without first importing every command."""

from __future__ import annotations

import subprocess
import sys

import pytest

from editor.cli.main import _gui_request


@pytest.mark.parametrize(
    ("argv", "gui"),
    [
        ([], True),
        (["--db", "x.sqlite3", "--read-only"], True),
        (["-v"], True),
        (["list"], False),
        (["--db", "x.sqlite3", "show", "1"], False),
        (["--version"], False),
        (["--help"], False),
    ],
)
def test_gui_request(argv, gui):
    args = _gui_request(argv)
    assert (args is not None) is gui
    if gui and "--db" in argv:
        assert args.db == "x.sqlite3" and args.read_only


def test_cli_module_imports_without_sqlalchemy():
    code = "import sys, editor.cli.main; print('sqlalchemy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
