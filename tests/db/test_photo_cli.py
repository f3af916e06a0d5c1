"""``byline photo`` end to end: output, JSON and exit codes."""

from __future__ import annotations

import json

import pytest

from editor.cli.main import main
from tests.helpers.photos import exiftool, write_jpeg


@pytest.fixture
def db(tmp_path, capsys):
    path = tmp_path / "cli.sqlite3"
    md = tmp_path / "post.md"
    md.write_text("---\nheadline: With photos\n---\nBody.\n", encoding="utf-8")
    assert main(["--db", str(path), "import", str(md)]) == 0
    capsys.readouterr()
    return str(path)


def _run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_add_list_set_remove(db, tmp_path, capsys):
    photo = write_jpeg(tmp_path / "rain.jpg")
    exiftool(photo, "-IPTC:By-line=Ana Lima", "-IPTC:Source=AP", "-IPTC:Caption-Abstract=Rain")
    code, out, _ = _run(capsys, "--db", db, "photo", "add", "1", str(photo), "--lead", "--json")
    assert code == 0
    data = json.loads(out)
    assert (data["credit"], data["caption"], data["role"]) == ("Ana Lima/AP", "Rain", "lead")
    assert data["missing"] == ["alt"]
    pid = str(data["id"])

    code, out, _ = _run(capsys, "--db", db, "photo", "list", "1")
    assert code == 0 and "Ana Lima/AP" in out and "MISSING alt" in out

    code, out, _ = _run(capsys, "--db", db, "photo", "set", "1", pid, "--alt", "Umbrellas",
                        "--credit", "Desk/AP", "--json")  # fmt: skip
    assert code == 0
    assert (json.loads(out)["alt"], json.loads(out)["credit"]) == ("Umbrellas", "Desk/AP")

    code, out, _ = _run(capsys, "--db", db, "photo", "renditions", "1", "-o",
                        str(tmp_path / "export"), "--json")  # fmt: skip
    assert code == 0
    entry = json.loads(out)[0]
    assert entry["view"]["credit"] == "Desk/AP"
    assert all((tmp_path / "export" / f["file"]).is_file() for f in entry["renditions"])

    code, out, _ = _run(capsys, "--db", db, "photo", "remove", "1", pid)
    assert code == 0
    code, out, _ = _run(capsys, "--db", db, "photo", "list", "1", "--json")
    assert json.loads(out) == []


def test_plain_add_prints_id_and_metadata(db, tmp_path, capsys):
    photo = write_jpeg(tmp_path / "plain.jpg")
    code, out, err = _run(capsys, "--db", db, "photo", "add", "1", str(photo), "--credit", "Me")
    assert code == 0
    assert out.startswith("photo 1 (post 1)")
    assert "credit     Me" in out
    assert "no alt" in err


def test_exit_codes_for_bad_input(db, tmp_path, capsys):
    fake = tmp_path / "fake.jpg"
    fake.write_text("hello")
    code, _, err = _run(capsys, "--db", db, "photo", "add", "1", str(fake))
    assert code == 2 and "fake.jpg: not an image" in err and "Traceback" not in err
    code, _, err = _run(capsys, "--db", db, "photo", "add", "1", str(tmp_path / "none.jpg"))
    assert code == 2 and "no such file" in err
    code, _, err = _run(capsys, "--db", db, "photo", "add", "99", str(fake))
    assert code == 2
    code, _, err = _run(capsys, "--db", db, "photo", "set", "1", "42", "--alt", "x")
    assert code == 2 and "no photo '42'" in err
    code, out, _ = _run(capsys, "--db", db, "photo", "list", "1", "--json")
    assert json.loads(out) == []
