"""The command line starts instantly: the parser is built without importing a command's
dependencies, each command imports only its own module, and the command table stays in step
with what the modules register."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

import pytest

from editor.cli.commands import COMMANDS
from editor.cli.main import build_parser

HEAVY = ("sqlalchemy", "PIL", "jinja2", "markdown", "nh3", "editor.render", "editor.model")


def _imported_after(code: str) -> list[str]:
    probe = (
        f"{code}\nimport sys\n"
        f"print(','.join(sorted(n for n in sys.modules if n.split('.')[0] in {HEAVY!r} "
        f"or n in {HEAVY!r} or n.startswith(('editor.render', 'editor.model')))))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return [name for name in out.stdout.strip().split(",") if name]


def test_building_and_using_the_parser_imports_nothing_heavy():
    code = (
        "import contextlib, io\n"
        "from editor.cli.main import build_parser, main\n"
        "build_parser().format_help()\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        "    main(['--version'])\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        "    main(['--help'])\n"
    )
    assert _imported_after(code) == []


def test_list_does_not_load_the_orm_models_or_the_renderer(tmp_path):
    db = tmp_path / "list.sqlite3"
    subprocess.run(
        [sys.executable, "-m", "editor", "--db", str(db), "new", "--headline", "Listed"],
        check=True, capture_output=True,
    )  # fmt: skip
    code = (
        "import contextlib, io\n"
        "from editor.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['--db', {str(db)!r}, 'list']) == 0\n"
    )
    loaded = _imported_after(code)
    assert "sqlalchemy" in loaded  # it did query the database
    assert not [n for n in loaded if n.startswith(("sqlalchemy.orm", "editor.model", "editor."
                                                   "render", "jinja2", "PIL", "markdown"))]  # fmt: skip


def test_render_reads_a_current_sqlite_file_without_sqlalchemy(tmp_path):
    """`byline render` of a post without photos: the ORM (and SQLAlchemy itself, and Pillow)
    cost more to import than converting a long post; editor.store.sqlite_read reads it."""
    db = tmp_path / "render.sqlite3"
    (tmp_path / "body.md").write_text("It's *fast*.\n")
    subprocess.run(
        [sys.executable, "-m", "editor", "--db", str(db), "new", "--headline", "Rendered",
         "--body-file", str(tmp_path / "body.md")],
        check=True, capture_output=True,
    )  # fmt: skip
    code = (
        "import contextlib, io\n"
        "from editor.cli.main import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        f"    assert main(['--db', {str(db)!r}, 'render', '1']) == 0\n"
        "assert 'It\u2019s <em>fast</em>' in out.getvalue(), out.getvalue()\n"
    )
    loaded = _imported_after(code)
    assert "markdown" in loaded and "jinja2" in loaded  # it did render
    assert not [n for n in loaded if n.startswith(("sqlalchemy", "editor.model", "PIL"))]


def test_the_table_matches_what_each_module_registers():
    """Every command in the table is registered by its module with the same help line, and
    every command a module registers is in the table (a new one must be added there)."""
    registered: dict[str, tuple[str, str]] = {}
    for module in dict.fromkeys(module for module, _ in COMMANDS.values()):
        parser = argparse.ArgumentParser(prog="byline")
        sub = parser.add_subparsers(dest="command")
        __import__(f"editor.cli.{module}", fromlist=["register"]).register(sub)
        helps = {action.dest: action.help for action in sub._choices_actions}
        for name in sub.choices:
            registered[name] = (module, helps[name] or "")
    assert registered == COMMANDS


def test_every_command_has_its_full_help(capsys):
    """`byline --help` lists every command with its help line; `byline CMD --help` shows the
    command's own options (its module is imported for it)."""
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--help"])
    top = capsys.readouterr().out
    for name in COMMANDS:
        assert f"\n    {name}" in top
    with pytest.raises(SystemExit):
        build_parser("list").parse_args(["list", "--help"])
    assert "--search SEARCH" in capsys.readouterr().out


def test_options_and_errors_are_parsed_as_before(capsys):
    from editor.cli.main import _parse

    args = _parse(["--db", "x.sqlite3", "--read-only", "list", "--status", "draft", "--json"])
    assert (args.command, args.db, args.read_only, args.status, args.json) == (
        "list", "x.sqlite3", True, "draft", True,
    )  # fmt: skip
    args = _parse(["comment", "add", "3", "--text", "why?"])
    assert (args.command, args.verb, args.post, args.text) == ("comment", "add", "3", "why?")
    with pytest.raises(SystemExit) as unknown:
        _parse(["frobnicate"])
    assert unknown.value.code == 2
    assert "invalid choice: 'frobnicate'" in capsys.readouterr().err
    with pytest.raises(SystemExit) as bad_option:
        _parse(["list", "--bogus"])
    assert bad_option.value.code == 2
    assert "unrecognized arguments: --bogus" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "code"),
    [(["list"], 141), (["list", "--json"], 141), (["show", "1"], 141), (["--help"], 0)],
)
def test_a_closed_pipe_ends_the_command_quietly(tmp_path, argv, code):
    """`byline list | head -1`: when the reader is gone, no error message and the exit status
    a shell reports for SIGPIPE, as Unix tools do. (argparse itself ignores a failed write of
    --help or --version and exits 0.)"""
    db = tmp_path / "pipe.sqlite3"
    subprocess.run(
        [sys.executable, "-m", "editor", "--db", str(db), "new", "--headline", "Kept"],
        check=True, capture_output=True,
    )  # fmt: skip
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has already gone: the first write fails
    try:
        done = subprocess.run(
            [sys.executable, "-m", "editor", "--db", str(db), *argv],
            stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=60,
        )  # fmt: skip
    finally:
        os.close(write_end)
    assert done.stderr == ""
    assert done.returncode == code
