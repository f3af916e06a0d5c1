"""A damaged or tampered review package is refused with a message naming the file and the
member, before anything is stored; the command line exits 2 for it."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from editor.errors import InputError
from editor.formats.bundle import sha256
from tests.db.handoff.conftest import new_post


def _rewrite(source: Path, target: Path, change) -> Path:
    """Copy the package member by member, letting ``change(name, data)`` alter each
    (returning None drops it); ``change("+", None)`` may return extra members."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            data = change(info.filename, old.read(info.filename))
            if data is not None:
                new.writestr(info.filename, data)
        for name, data in (change("+", None) or {}).items():
            new.writestr(name, data)
    return target


def _manifest_fixed(files: dict[str, bytes], name: str, data: bytes) -> bytes:
    """The manifest with ``name``'s hash updated (a careful tamperer)."""
    manifest = json.loads(files["manifest.json"])
    for entry in manifest["files"]:
        if entry["path"] == name:
            entry["sha256"], entry["size"] = sha256(data), len(data)
    return json.dumps(manifest).encode()


def _tampered_body(name, data):
    if name == "post.json":
        return data.replace(b"quick driver", b"slow driver")
    return None if name == "+" else data


@pytest.fixture
def package(desks):
    writer, editor = desks
    uuid = new_post(writer)
    return writer, editor, uuid, writer.send(uuid, "good.bylinereview")


def _refused(editor, path: Path, *words: str) -> None:
    from sqlalchemy import func, select

    from editor.model import Post, Revision

    with editor.store.session() as s:
        before = (s.scalar(select(func.count()).select_from(Post)),
                  s.scalar(select(func.count()).select_from(Revision)))  # fmt: skip
    with pytest.raises(InputError) as caught:
        editor.open(path)
    message = str(caught.value)
    assert str(path) in message, message
    for word in words:
        assert word in message, message
    with editor.store.session() as s:
        assert before == (s.scalar(select(func.count()).select_from(Post)),
                          s.scalar(select(func.count()).select_from(Revision)))  # fmt: skip


def test_a_changed_member_is_refused(package, tmp_path):
    _writer, editor, _uuid, good = package
    _refused(editor, _rewrite(good, tmp_path / "bad.bylinereview", _tampered_body),
             "post.json", "SHA-256")  # fmt: skip


def test_a_changed_member_with_a_fixed_manifest_still_fails_the_head_hash(package, tmp_path):
    _writer, editor, _uuid, good = package
    with zipfile.ZipFile(good) as z:
        files = {n: z.read(n) for n in z.namelist()}
    body = files["post.json"].replace(b"quick driver", b"slow driver")

    def change(name, data):
        if name == "+":
            return None
        if name == "post.json":
            return body
        return _manifest_fixed(files, "post.json", body) if name == "manifest.json" else data

    _refused(editor, _rewrite(good, tmp_path / "bad.bylinereview", change),
             "post.json", "head hash")  # fmt: skip


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        ({"../evil.txt": b"x"}, ("../evil.txt", "outside")),
        ({"/etc/evil": b"x"}, ("/etc/evil", "absolute")),
        ({"photos/extra.jpg": b"x"}, ("photos/extra.jpg", "not listed")),
    ],
)
def test_members_outside_or_unlisted_are_refused(package, tmp_path, extra, words):
    _writer, editor, _uuid, good = package
    bad = _rewrite(good, tmp_path / "bad.bylinereview", lambda n, d: extra if n == "+" else d)
    _refused(editor, bad, *words)


def test_a_link_a_missing_member_a_newer_version_and_a_truncated_file(package, tmp_path):
    _writer, editor, _uuid, good = package
    linked = tmp_path / "link.bylinereview"
    with zipfile.ZipFile(good) as old, zipfile.ZipFile(linked, "w") as new:
        for info in old.infolist():
            new.writestr(info, old.read(info.filename))
        link = zipfile.ZipInfo("photos/link")
        link.external_attr = 0o120777 << 16
        new.writestr(link, "/etc/passwd")
    _refused(editor, linked, "photos/link", "link")
    missing = _rewrite(good, tmp_path / "missing.bylinereview",
                       lambda n, d: None if n in ("review.json", "+") else d)  # fmt: skip
    _refused(editor, missing, "review.json", "missing")

    def newer(name, data):
        if name == "manifest.json":
            return data.replace(b'"version": 2', b'"version": 99')
        return None if name == "+" else data

    _refused(editor, _rewrite(good, tmp_path / "new.bylinereview", newer), "newer Byline")
    truncated = tmp_path / "cut.bylinereview"
    truncated.write_bytes(good.read_bytes()[: len(good.read_bytes()) // 2])
    _refused(editor, truncated, "not a review package")


def test_the_command_line_exits_2_and_names_the_member(package, tmp_path, capsys):
    from editor.cli.main import main

    writer, editor, uuid, good = package
    db = str(editor.store.url.render_as_string(hide_password=False))
    bad = _rewrite(good, tmp_path / "bad.bylinereview", _tampered_body)
    assert main(["--db", db, "review", "open", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("byline review: ") and "post.json" in err and len(err.splitlines()) == 1
    assert main(["--db", db, "review", "open", str(tmp_path / "none.bylinereview")]) == 2
    assert "no such file" in capsys.readouterr().err
    assert main(["--db", db, "review", "open", str(good), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["outcome"] == "created"
    assert main(["--db", db, "review", "send", "nope", "-o", str(tmp_path / "x")]) == 2
    assert main(["--db", db, "review", "send", uuid, "-o", str(tmp_path / "back")]) == 0
    assert "Sent post" in capsys.readouterr().out
    assert (tmp_path / "back.bylinereview").is_file()
    assert main(["--db", db, "review", "send", uuid, "-o", str(tmp_path / "no/such/x")]) == 2
