"""Damaged, read-only and empty SQLite files (issue 14, items 9-10)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat

from editor.cli.main import main
from editor.store.database import open_store

SAMPLE_MD = "---\nheadline: Story {n}\n---\n" + "Words and more words. " * 400 + "\n"


def _db_with_posts(tmp_path, capsys, count=60):
    db = tmp_path / "news.sqlite3"
    files = []
    for n in range(count):
        path = tmp_path / f"p{n}.md"
        path.write_text(SAMPLE_MD.format(n=n))
        files.append(str(path))
    assert main(["--db", str(db), "import", *files]) == 0
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    capsys.readouterr()
    return db


def _damage_middle(db):
    """Overwrite one page in the middle of the posts table with garbage (the header and
    sqlite_master stay intact, so the file still opens)."""
    with sqlite3.connect(db) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    raw = bytearray(db.read_bytes())
    victim = pages // 2
    start = (victim - 1) * page_size  # pages count from 1
    raw[start : start + page_size] = bytes([0xA5]) * page_size
    db.write_bytes(bytes(raw))


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_damaged_file_is_never_written(tmp_path, capsys):
    db = _db_with_posts(tmp_path, capsys)
    _damage_middle(db)
    before = _digest(db)
    extra = tmp_path / "more.md"
    extra.write_text("---\nheadline: More\n---\nx\n")
    code = main(["--db", str(db), "import", str(extra)])
    err = capsys.readouterr().err
    assert code == 1, err
    assert "damaged" in err and "doctor" in err and len(err.strip().splitlines()) == 1, err
    code = main(["--db", str(db), "set", "1", "--headline", "changed"])
    assert code == 1 and "damaged" in capsys.readouterr().err
    assert _digest(db) == before
    assert (
        not (tmp_path / "news.sqlite3-wal").exists()
        or (tmp_path / "news.sqlite3-wal").stat().st_size == 0
    )


def test_doctor_reports_and_recovers_into_a_new_file(tmp_path, capsys):
    db = _db_with_posts(tmp_path, capsys)
    _damage_middle(db)
    before = _digest(db)
    code = main(["--db", str(db), "doctor"])
    out, err = capsys.readouterr()
    assert code == 1 and "damaged" in (out + err), out + err
    rescued = tmp_path / "rescued.sqlite3"
    code = main(["--db", str(db), "doctor", "--recover", str(rescued)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert _digest(db) == before
    store = open_store(rescued)
    store.close()
    assert main(["--db", str(rescued), "list", "--json"]) == 0
    assert '"headline"' in capsys.readouterr().out
    assert main(["--db", str(rescued), "doctor"]) == 0
    assert "ok" in capsys.readouterr().out


def test_doctor_on_a_healthy_file_says_ok(tmp_path, capsys):
    db = _db_with_posts(tmp_path, capsys, count=2)
    assert main(["--db", str(db), "doctor"]) == 0
    assert "ok" in capsys.readouterr().out


def test_a_database_in_a_read_only_folder_is_read(tmp_path, capsys, monkeypatch):
    db = _db_with_posts(tmp_path, capsys, count=2)
    folder = tmp_path
    # As root, permissions do not stop writes; simulate what a read-only folder makes SQLite do.
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **k: (
        False if mode & os.W_OK and str(p).startswith(str(folder)) else real_access(p, mode, **k)
    ))  # fmt: skip
    uris = []
    real_connect = sqlite3.connect
    monkeypatch.setattr(sqlite3, "connect", lambda target, *a, **k: (
        uris.append(str(target)), real_connect(target, *a, **k))[1])  # fmt: skip
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        code = main(["--db", str(db), "list", "--json"])
        out, err = capsys.readouterr()
        assert code == 0, err
        assert "Story" in out and "read-only" in err
    finally:
        folder.chmod(stat.S_IRWXU)
    # SQLite cannot create the -shm file a WAL read needs there: immutable, nothing else writes
    assert uris and all("immutable=1" in uri for uri in uris), uris


def test_a_zero_byte_file_is_not_a_database(tmp_path, capsys):
    db = tmp_path / "empty.sqlite3"
    db.write_bytes(b"")
    code = main(["--db", str(db), "list"])
    err = capsys.readouterr().err
    assert code == 1 and "empty" in err and "not a database" in err, err
    assert db.stat().st_size == 0
