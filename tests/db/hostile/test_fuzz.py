"""Property-based fuzzing of what `byline import` reads (issue 14, item 8): front matter,
post.json and the zip structure. Whatever comes in, the command exits 0 or 2; on 2 it prints
one line and stores nothing; it never prints a traceback or "unexpected error".

Each example imports into a copy of one prepared database, through main() in process.
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import string
import tempfile
import warnings
import zipfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.cli.main import main
from editor.formats.bundle import sha256
from editor.store.database import open_store

EXAMPLES = 60
FUZZ = settings(
    max_examples=EXAMPLES, deadline=None, derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)  # fmt: skip
RUNS: dict[str, int] = {}


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("fuzz") / "template.sqlite3"
    open_store(path).close()
    return path


def _import(template: Path, make_input) -> tuple[int, str, int]:
    """Import what ``make_input(folder)`` writes; (exit code, stderr, posts stored)."""
    with tempfile.TemporaryDirectory(prefix="byline-fuzz-") as folder:
        db = Path(folder) / "db.sqlite3"
        shutil.copyfile(template, db)
        target = make_input(Path(folder))
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["--db", str(db), "import", str(target)])
        store = open_store(db, read_only=True)
        try:
            with store.reading() as session:
                from sqlalchemy import func, select

                from editor.model import Post

                count = session.scalar(select(func.count(Post.id))) or 0
        finally:
            store.close()
    return code, err.getvalue(), count


def _assert_clean(name: str, code: int, err: str, count: int) -> None:
    RUNS[name] = RUNS.get(name, 0) + 1
    assert code in (0, 2), err
    assert "Traceback" not in err and "unexpected error" not in err, err
    if code == 2:
        assert len(err.strip().splitlines()) == 1, err
        assert count == 0
    else:
        assert count == 1, err


# Text that reaches every corner: lone surrogates, NUL, control and bidi characters, YAML syntax.
texts = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec=None, min_codepoint=0, max_codepoint=0x10FFFF),
            max_size=20),
    st.sampled_from(["", "~", "null", "*a", "&a x", "!!python/object:os.system", "\ud800", "\x00",
                     "2024-02-30", "9999-12-31T23:59:59-05:00", "0001-01-01T00:00:00+14:00",
                     "Europe/Paris", "+25:00", "[", "{", "'", '"', "---", "\u202e"]),
)  # fmt: skip
scalars = st.one_of(
    texts, st.integers(), st.floats(allow_nan=True), st.booleans(), st.none(),
    st.dates(), st.datetimes(),
)  # fmt: skip
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.one_of(texts, st.integers()), inner, max_size=4)),
    max_leaves=12,
)  # fmt: skip
KEYS = ["blog", "headline", "deck", "byline", "byline_role", "date", "timezone", "slug", "tags",
        "categories", "status", "editor_note", "lead_photo", "uuid"]  # fmt: skip
front_matter = st.dictionaries(st.one_of(st.sampled_from(KEYS), texts), values, max_size=8)


def _yaml(meta: dict) -> str:
    try:
        return yaml.safe_dump(meta, allow_unicode=True)
    except (yaml.YAMLError, UnicodeEncodeError, TypeError):
        return yaml.safe_dump({str(k): repr(v) for k, v in meta.items()}, allow_unicode=False)


@FUZZ
@given(meta=front_matter, body=st.text(max_size=200))
def test_fuzzed_front_matter(template, meta, body):
    def write(folder: Path) -> Path:
        path = folder / "post.md"
        path.write_bytes(f"---\n{_yaml(meta)}---\n{body}".encode("utf-8", "surrogatepass"))
        return path

    _assert_clean("front matter", *_import(template, write))


@FUZZ
@given(raw=st.text(alphabet=string.printable + "&*!|>{}[]-:#'\"\\\u00e9\u2028", max_size=300))
def test_fuzzed_raw_front_matter_text(template, raw):
    def write(folder: Path) -> Path:
        path = folder / "post.md"
        path.write_text(f"---\n{raw}\n---\nBody\n", encoding="utf-8")
        return path

    _assert_clean("raw front matter", *_import(template, write))


POST_KEYS = [
    "headline",
    "deck",
    "byline",
    "byline_role",
    "published_at",
    "published_tz",
    "slug",
    "slug_auto",
    "tags",
    "categories",
    "body",
    "editor_note",
    "status",
    "uuid",
    "blog",
]
photo = st.fixed_dictionaries(
    {}, optional={"uuid": values, "role": st.sampled_from(["lead", "inline", 3]),
                  "caption": values, "credit": values, "filename": values,
                  "renditions": st.one_of(values, st.lists(st.dictionaries(
                      st.sampled_from(["file", "format", "width"]), values), max_size=3))},
)  # fmt: skip
post_json = st.dictionaries(st.sampled_from(POST_KEYS), values, max_size=10)
blog_json = st.dictionaries(
    st.sampled_from(["name", "site_url", "description", "theme", "language",
                     "comments_url_pattern", "default_byline_role"]),
    values, max_size=5,
)  # fmt: skip


def _json(data) -> str:
    return json.dumps(data, default=str)  # dates as text; surrogates escape as \\udXXX


@FUZZ
@given(post=post_json, blog=blog_json, photos=st.lists(photo, max_size=2))
def test_fuzzed_post_json(template, post, blog, photos):
    def write(folder: Path) -> Path:
        members = {"post.md": b"---\nheadline: x\n---\n"}
        manifest = {
            "format": "byline-bundle",
            "schema_version": 1,
            "post": post,
            "blog": blog,
            "photos": photos,
            "files": [{"path": n, "sha256": sha256(b)} for n, b in members.items()],
        }
        target = folder / "bundle.zip"
        with zipfile.ZipFile(target, "w") as archive:
            archive.writestr("post.json", _json(manifest))
            for name, data in members.items():
                archive.writestr(name, data)
        return target

    _assert_clean("post.json", *_import(template, write))


member_names = st.one_of(
    st.sampled_from(["post.json", "post.md", "index.html", "images/a.jpg", "../evil", "/abs",
                     "a\\b", "dir/", "C:x", "", "x/../../y", "post.json/"]),
    st.text(max_size=12),
)  # fmt: skip


@FUZZ
@given(
    members=st.lists(st.tuples(member_names, st.binary(max_size=64),
                               st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])),
                     max_size=5),
    valid_manifest=st.booleans(),
    flip=st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), max_size=4),
)  # fmt: skip
def test_fuzzed_zip_structure(template, members, valid_manifest, flip):
    def write(folder: Path) -> Path:
        target = folder / "bundle.zip"
        listed = {"post.md": b"---\nheadline: fuzz\n---\n"}
        with zipfile.ZipFile(target, "w") as archive, warnings.catch_warnings():
            warnings.simplefilter("ignore")  # duplicate names are part of the fuzz
            if valid_manifest:
                manifest = {
                    "format": "byline-bundle",
                    "schema_version": 1,
                    "post": {},
                    "blog": {"name": "Fuzz"},
                    "photos": [],
                    "files": [{"path": n, "sha256": sha256(b)} for n, b in listed.items()],
                }
                archive.writestr("post.json", json.dumps(manifest))
                archive.writestr("post.md", listed["post.md"])
            for name, data, method in members:
                try:
                    archive.writestr(zipfile.ZipInfo(name or "x"), data, compress_type=method)
                except (ValueError, UnicodeEncodeError):
                    continue
        raw = bytearray(target.read_bytes())
        for offset, value in flip:  # damage a few bytes anywhere: headers, data, directory
            raw[offset % len(raw)] = value
        target.write_bytes(bytes(raw))
        return target

    _assert_clean("zip structure", *_import(template, write))


def test_every_fuzz_target_ran():
    """Run last in this file: the counts the issue's closing note reports."""
    if len(RUNS) < 4:
        pytest.skip("run with the fuzz tests above")
    print(f"fuzz examples run: {RUNS}")
    assert all(count >= EXAMPLES // 2 for count in RUNS.values()), RUNS
