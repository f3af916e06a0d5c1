"""A killed export leaves no temporaries behind for good, and exported zips get the user's
normal file mode (issue 14, item 12)."""

from __future__ import annotations

import os
import time

from editor.render.bundle import write_bundle

FILES = {"post.json": b'{"format": "byline-bundle"}', "index.html": b"<!doctype html>"}


def test_stale_temporaries_of_earlier_exports_are_removed(tmp_path):
    target = tmp_path / "x.zip"
    dead = tmp_path / f".x.zip.{2**22 + 12345}.k1.tmp"  # a pid no process has
    legacy = tmp_path / ".x.zip.a1b2c3.tmp"  # from a version without pids in the name
    alive = tmp_path / ".x.zip.1.k2.tmp"  # pid 1 is running: maybe exporting right now
    other = tmp_path / ".y.zip.a1b2c3.tmp"  # another target's
    for path in (dead, legacy, alive, other):
        path.write_bytes(b"partial")
    old = time.time() - 2 * 3600
    os.utime(legacy, (old, old))
    os.utime(other, (old, old))
    write_bundle(target, FILES)
    assert not dead.exists() and not legacy.exists()
    assert alive.exists() and other.exists()
    leftovers = sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp"))
    assert leftovers == sorted([alive.name, other.name])


def test_stale_folder_temporaries_are_removed(tmp_path):
    stale = tmp_path / f".out.{2**22 + 4321}.k3.tmp"
    stale.mkdir()
    (stale / "index.html").write_bytes(b"x")
    write_bundle(tmp_path / "out", FILES)
    assert not stale.exists()


def test_an_exported_zip_has_the_users_normal_mode(tmp_path):
    umask = os.umask(0o022)
    os.umask(umask)
    target = tmp_path / "x.zip"
    write_bundle(target, FILES)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
