"""Hostile input against the headless core: the CLI's main() in process, a fresh SQLite file."""

from __future__ import annotations

import json
import signal
import zipfile
from pathlib import Path

import pytest

from editor.cli.main import main
from editor.formats.bundle import sha256


@pytest.fixture(autouse=True)
def no_hang():
    """A test that blocks (a FIFO read, an alias bomb) fails after a minute instead of hanging."""

    def stop(*_):
        raise TimeoutError("blocked for a minute")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def cli(tmp_path, capsys):
    db = str(tmp_path / "hostile.sqlite3")

    def run(*args: str) -> tuple[int, str, str]:
        code = main(["--db", db, *args])
        out, err = capsys.readouterr()
        return code, out, err

    run.db = db  # type: ignore[attr-defined]
    return run


def stored_posts(run) -> list:
    code, out, err = run("list", "--json")
    assert code == 0, err
    return json.loads(out)


def make_bundle(target: Path, *, post: dict, blog: dict | None = None, photos: list | None = None,
                extra: dict[str, bytes] | None = None, markdown: str = "---\nheadline: x\n---\n",
                manifest: dict | None = None) -> Path:  # fmt: skip
    """A bundle zip written by hand, with a manifest whose hashes match its members."""
    members = {"post.md": markdown.encode(), **(extra or {})}
    data = manifest or {
        "format": "byline-bundle",
        "schema_version": 1,
        "post": post,
        "blog": blog if blog is not None else {"name": "Hostile"},
        "photos": photos or [],
        "files": [{"path": n, "sha256": sha256(b)} for n, b in members.items()],
    }
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr("post.json", json.dumps(data))
        for name, payload in members.items():
            archive.writestr(name, payload)
    return target
