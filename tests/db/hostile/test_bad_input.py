"""Bad input exits 2 with one line naming the file and the field, never 'unexpected error', a
hang or a traceback; and nothing is stored (issue 14, items 4-7)."""

from __future__ import annotations

import os
import time

import pytest

from tests.db.hostile.conftest import make_bundle, stored_posts

BOMB = "\n".join(
    [f"a0: &a0 [{', '.join(['x'] * 9)}]"]
    + [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)]
)

FRONT_MATTER = {
    "alias bomb": (BOMB + "\nheadline: x", "alias"),
    "impossible day": ("headline: x\ndate: 2024-02-30T10:00:00", "date"),
    "impossible day (text)": ("headline: x\ndate: '2024-02-30'", "date"),
    "impossible offset": ("headline: x\ndate: 2024-01-01T10:00:00+25:00", "date"),
    "year 1 with offset": ("headline: x\ndate: '0001-01-01T00:00:00+05:00'", "date"),
    "year 9999 with offset": ("headline: x\ndate: '9999-12-31T23:00:00-05:00'", "date"),
    "non-text key": ("headline: x\n1: 2", "key"),
    "non-text key in lead photo": ("headline: x\nlead_photo: {file: a.jpg, 3: x}", "lead_photo"),
    "deep nesting": ("headline: x\ntags: " + "[" * 5000 + "]" * 5000, "nest"),
    "deep mappings": ("headline: x\nextra: " + "{a: " * 3000 + "1" + "}" * 3000, "nest"),
    "lone surrogate in headline": ('headline: "\\ud800"', "headline"),
    "lone surrogate in tags": ('headline: x\ntags: ["\\udfff"]', "tags"),
    "lone surrogate in unknown key": ('headline: x\nnote2: "\\ud83d"', "note2"),
    "time zone without a date": ("headline: x\ntimezone: Europe/Paris", "timezone"),
    "headline too long": ("headline: " + "x" * 600, "headline"),
    "bad uuid": ("headline: x\nuuid: not-a-uuid", "uuid"),
    "slug too long": ("headline: x\nslug: " + "s" * 300, "slug"),
    "byline too long": ("headline: x\nbyline: " + "b" * 400, "byline"),
}


@pytest.mark.parametrize("front", FRONT_MATTER.values(), ids=FRONT_MATTER.keys())
def test_bad_front_matter_exits_2_naming_file_and_field(cli, tmp_path, front):
    text, needle = front
    path = tmp_path / "bad.md"
    path.write_text(f"---\n{text}\n---\nBody\n", encoding="utf-8")
    started = time.monotonic()
    code, _, err = cli("import", str(path))
    assert code == 2, err
    assert str(path) in err and needle in err.lower(), err
    assert len(err.strip().splitlines()) == 1, err
    assert "unexpected" not in err and "Traceback" not in err
    assert time.monotonic() - started < 30  # the alias bomb used to take minutes
    assert stored_posts(cli) == []


def test_body_over_16_mb_is_refused(cli, tmp_path):
    path = tmp_path / "huge.md"
    path.write_text("---\nheadline: x\n---\n" + "a" * (16 * 1024 * 1024 + 10))
    code, _, err = cli("import", str(path))
    assert code == 2 and str(path) in err and len(err.strip().splitlines()) == 1, err
    assert stored_posts(cli) == []


def test_two_bad_files_give_one_line(cli, tmp_path):
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text("---\nheadline: [x\n---\n")
    code, _, err = cli("import", str(tmp_path / "a.md"), str(tmp_path / "b.md"))
    assert code == 2
    assert len(err.strip().splitlines()) == 1, err
    assert "a.md" in err and "b.md" in err and "nothing imported" in err


def test_a_fifo_is_refused_without_blocking(cli, tmp_path):
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    code, _, err = cli("import", str(fifo))
    assert code == 2 and str(fifo) in err and "not a regular file" in err, err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null"])
def test_a_device_is_refused(cli, device):
    code, _, err = cli("import", device)
    assert code == 2 and device in err and "not a regular file" in err, err


def test_set_from_a_fifo_and_body_file_fifo_are_refused(cli, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert cli("new", "--headline", "x")[0] == 0
    code, _, err = cli("set", "1", "--from-md", str(fifo))
    assert code == 2 and "not a regular file" in err, err
    code, _, err = cli("set", "1", "--body-file", str(fifo))
    assert code == 2 and "not a regular file" in err, err


def test_lone_surrogate_on_the_command_line_is_refused(cli):
    code, _, err = cli("new", "--headline", "bad \udcff byte")
    assert code == 2 and "headline" in err, err
    assert stored_posts(cli) == []


POST_JSON = {
    "wrong type renditions": (
        {"headline": "x"},
        [{"uuid": "p", "renditions": "nope"}],
        "renditions",
    ),
    "wrong type width": (
        {"headline": "x"},
        [
            {
                "uuid": "p",
                "renditions": [{"format": "jpeg", "file": "images/a.jpg", "width": "wide"}],
            }
        ],
        "width",
    ),
    "missing rendition file": (
        {"headline": "x"},
        [{"uuid": "p", "renditions": [{"format": "jpeg", "width": 10}]}],
        "file",
    ),
    "photos entry not an object": ({"headline": "x"}, ["photo"], "photos"),
    "photo caption not text": (
        {"headline": "x"},
        [
            {
                "uuid": "p",
                "caption": ["a"],
                "renditions": [{"format": "jpeg", "file": "images/a.jpg", "width": 10}],
            }
        ],
        "caption",
    ),
    "lone surrogate in body": ({"headline": "x", "body": "\ud800"}, [], "body"),
    "lone surrogate in headline": ({"headline": "\udc80"}, [], "headline"),
    "bad uuid": ({"headline": "x", "uuid": "zzz"}, [], "uuid"),
    "impossible published_at": (
        {"headline": "x", "published_at": "2024-02-30T00:00:00+00:00"},
        [],
        "published_at",
    ),
    "edge published_at": (
        {"headline": "x", "published_at": "9999-12-31T23:00:00-05:00"},
        [],
        "published_at",
    ),
    "time zone without date": (
        {"headline": "x", "published_tz": "Europe/Paris"},
        [],
        "published_tz",
    ),
    "unknown time zone": (
        {
            "headline": "x",
            "published_at": "2024-01-01T00:00:00+00:00",
            "published_tz": "Mars/Olympus",
        },
        [],
        "published_tz",
    ),
    "headline too long": ({"headline": "h" * 600}, [], "headline"),
}


@pytest.mark.parametrize("case", POST_JSON.values(), ids=POST_JSON.keys())
def test_bad_post_json_exits_2_naming_the_field(cli, tmp_path, case):
    post, photos, needle = case
    bundle = make_bundle(tmp_path / "b.zip", post=post, photos=photos)
    code, _, err = cli("import", str(bundle))
    assert code == 2, err
    assert str(bundle) in err and needle in err, err
    assert len(err.strip().splitlines()) == 1 and "unexpected" not in err
    assert stored_posts(cli) == []


def test_lone_surrogate_in_blog_settings_is_refused(cli, tmp_path):
    bundle = make_bundle(tmp_path / "b.zip", post={"headline": "x"},
                         blog={"name": "B", "description": "\ud800"})  # fmt: skip
    code, _, err = cli("import", str(bundle))
    assert code == 2 and "description" in err, err
    assert stored_posts(cli) == []


def test_deep_post_json_is_refused(cli, tmp_path):
    bundle = tmp_path / "deep.zip"
    import zipfile

    with zipfile.ZipFile(bundle, "w") as archive:
        archive.writestr("post.json", "[" * 100000 + "]" * 100000)
    code, _, err = cli("import", str(bundle))
    assert code == 2 and "post.json" in err and "unexpected" not in err, err


def _damage(path, offset_from_data: int, replacement: bytes, name="post.md"):
    import zipfile

    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(name)
    raw = bytearray(path.read_bytes())
    header = info.header_offset
    name_len = int.from_bytes(raw[header + 26 : header + 28], "little")
    extra_len = int.from_bytes(raw[header + 28 : header + 30], "little")
    start = header + 30 + name_len + extra_len + offset_from_data
    raw[start : start + len(replacement)] = replacement
    path.write_bytes(bytes(raw))


def test_damaged_zip_member_crc(cli, tmp_path):
    bundle = make_bundle(tmp_path / "b.zip", post={"headline": "x"})
    _damage(bundle, 5, b"Z")
    code, _, err = cli("import", str(bundle))
    assert code == 2 and "post.md" in err and "unexpected" not in err, err


def test_damaged_deflate_stream(cli, tmp_path):
    import zipfile

    bundle = tmp_path / "b.zip"
    with zipfile.ZipFile(bundle, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("post.json", '{"format": "byline-bundle"}' * 10)
    _damage(bundle, 0, b"\xff\xff\xff", name="post.json")
    code, _, err = cli("import", str(bundle))
    assert code == 2 and "post.json" in err and "unexpected" not in err, err


def test_unknown_compression(cli, tmp_path):
    bundle = make_bundle(tmp_path / "b.zip", post={"headline": "x"})
    raw = bytearray(bundle.read_bytes())
    # compression method 99 in every header that names one (local and central)
    for sig, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        start = 0
        while (at := raw.find(sig, start)) != -1:
            raw[at + offset : at + offset + 2] = (99).to_bytes(2, "little")
            start = at + 4
    bundle.write_bytes(bytes(raw))
    code, _, err = cli("import", str(bundle))
    assert code == 2 and str(bundle) in err and "unexpected" not in err, err


def test_a_database_error_never_prints_a_detail_block(cli, monkeypatch):
    from sqlalchemy.exc import IntegrityError

    from editor.services import posts

    def refuse(*_a, **_k):
        orig = Exception('duplicate key value violates unique constraint "uq"\n'
                         "DETAIL:  Key (slug)=(secret-slug) already exists.\n")  # fmt: skip
        raise IntegrityError("INSERT", {}, orig)

    monkeypatch.setattr(posts, "create_post", refuse)
    code, _, err = cli("new", "--headline", "x")
    assert code == 1 and len(err.strip().splitlines()) == 1, err
    assert "DETAIL" not in err and "secret-slug" not in err
    assert "Cannot open" not in err and "duplicate key" in err


@pytest.mark.parametrize("kind", ["fifo", "/dev/zero"])
def test_a_photo_from_a_device_or_fifo_is_refused(cli, tmp_path, kind):
    if kind == "fifo":
        path = tmp_path / "pipe.jpg"
        os.mkfifo(path)
    else:
        path = kind
    assert cli("new", "--headline", "x")[0] == 0
    code, _, err = cli("photo", "add", "1", str(path))
    assert code == 2 and "not a regular file" in err, err
