"""``make package-test``: the standalone build and the Debian package, used as a person would.

The archive is unpacked into a temporary folder and run with a clean environment (``env -i
HOME=... PATH=/usr/bin:/bin``), away from the source tree and the venv. Run once, after
``make package`` (not part of the normal test run: building takes minutes).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from editor import __version__  # noqa: E402

DIST = ROOT / "dist"
ARCHIVE = DIST / f"byline-{__version__}-linux-x86_64.tar.gz"
DEB = DIST / f"byline_{__version__}_amd64.deb"
REPORT = ROOT / "build" / "package" / "package-test.txt"
SAMPLE_HEADLINE = "In the high Andes, a radio station runs on sunlight and stubbornness"
TIMEOUT = 180


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    return {"HOME": str(home), "PATH": "/usr/bin:/bin", **extra}


def run(cmd: list[str], home: Path, cwd: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(cmd, env=clean_env(home, **extra), cwd=cwd, capture_output=True,
                          text=True, timeout=TIMEOUT)  # fmt: skip
    assert done.returncode == 0, f"{cmd}: {done.returncode}\n{done.stdout}\n{done.stderr[-3000:]}"
    return done


def note(line: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Figures for the person reading CI's output (and kept in build/package/)."""
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    with REPORT.open("a", encoding="utf-8") as f:
        f.write(line + "\n")
    with capsys.disabled():
        print(f"\n{line}")


@pytest.fixture(scope="module")
def app(tmp_path_factory) -> Path:
    """The archive unpacked in a temporary folder: the ``byline`` executable."""
    assert ARCHIVE.exists(), f"{ARCHIVE.name} is missing: run `make package` first"
    where = tmp_path_factory.mktemp("unpacked")
    with tarfile.open(ARCHIVE) as tar:
        tar.extractall(where, filter="tar")
    exe = where / f"byline-{__version__}" / "byline"
    assert os.access(exe, os.X_OK)
    dangling = [p for p in exe.parent.rglob("*") if p.is_symlink() and not p.exists()]
    assert dangling == []
    return exe


@pytest.fixture
def home(tmp_path) -> Path:
    (tmp_path / "home").mkdir()
    return tmp_path / "home"


def preview_check(cmd: list[str], home: Path, cwd: Path) -> dict[str, object]:
    """Start the window offscreen; it opens the sample post (first run) and quits once the
    preview's page has loaded, printing what the page's DOM holds."""
    done = run(cmd, home, cwd, QT_QPA_PLATFORM="offscreen", BYLINE_EXIT_AFTER_PREVIEW="report")
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("preview-page ")]
    assert lines, f"no preview report:\n{done.stdout}\n{done.stderr[-3000:]}"
    return json.loads(lines[0].removeprefix("preview-page "))


def test_version_runs_without_source_or_venv(app, home, tmp_path):
    done = run([str(app), "--version"], home, tmp_path)
    assert done.stdout == f"byline {__version__}\n"


def test_the_window_paints_and_the_preview_renders_the_sample_post(app, home, tmp_path):
    page = preview_check([str(app)], home, tmp_path)
    assert page["h1"] == SAMPLE_HEADLINE
    assert int(page["chars"]) > 1000  # the whole post, not an empty page
    assert (home / ".local" / "share" / "Byline" / "byline.sqlite3").exists()
    log = (home / ".local" / "state" / "Byline" / "log" / "byline.log").read_text("utf-8")
    assert "Traceback" not in log


def test_portable_mode_keeps_everything_beside_the_program(app, home, tmp_path):
    portable = tmp_path / "stick"
    shutil.copytree(app.parent, portable, symlinks=True)
    (portable / "portable").write_text("")
    page = preview_check([str(portable / "byline")], home, tmp_path)
    assert page["h1"] == SAMPLE_HEADLINE
    assert (portable / "data" / "byline.sqlite3").exists()
    assert (portable / "config" / "config.toml").exists()
    assert (portable / "logs" / "byline.log").exists()
    assert not (home / ".local").exists() and not (home / ".config").exists()


def test_the_archive_can_add_itself_to_the_applications_menu(app, home, tmp_path):
    _validators()
    done = run([str(app.parent / "add-to-menu.sh")], home, tmp_path)
    assert "applications menu" in done.stdout
    entry = home / ".local" / "share" / "applications" / "byline.desktop"
    assert f'Exec="{app}"' in entry.read_text("utf-8").splitlines()
    assert (
        home / ".local" / "share" / "icons" / "hicolor" / "scalable" / "apps" / "byline.svg"
    ).exists()
    subprocess.run(["desktop-file-validate", str(entry)], check=True)


def _post_with_photo(folder: Path) -> Path:
    folder.mkdir()
    photo = Image.new("RGB", (1200, 800), (200, 120, 40))
    photo.save(folder / "lead.jpg", quality=90)
    post = folder / "post.md"
    post.write_text(
        "---\n"
        "blog: Package Test Blog\n"
        'headline: "A headline with “quotes” and an accent: café"\n'
        "byline: Ana Torres\n"
        'date: "2026-11-20T08:30:00-04:00"\n'
        "uuid: 0b6f3c1e-5d1a-4b8e-9a57-3f5e2c9d7a10\n"
        "lead_photo:\n"
        "  file: lead.jpg\n"
        "  caption: The roof\n"
        "  credit: Ana Torres\n"
        "  alt: A corrugated roof in the sun\n"
        "---\n"
        "First paragraph with *emphasis* and a [link](https://example.org/).\n\n"
        "## A subhead\n\n> A quote -- with dashes...\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
        encoding="utf-8",
    )
    return post


def _without_generator(html: str) -> str:
    return "\n".join(ln for ln in html.splitlines() if 'name="generator"' not in ln)


def test_import_render_and_export_match_the_source_tree(app, home, tmp_path):
    post = _post_with_photo(tmp_path / "in")
    db = tmp_path / "posts.sqlite3"
    done = run([str(app), "--db", str(db), "import", str(post), "--json"], home, tmp_path)
    (post_id,) = json.loads(done.stdout)
    source_db = tmp_path / "source.sqlite3"
    shutil.copyfile(db, source_db)  # the same stored post for the source tree's run
    venv = [sys.executable, "-m", "editor"]
    for label, cmd, where in (("packaged", [str(app), "--db", str(db)], tmp_path),
                              ("source", [*venv, "--db", str(source_db)], ROOT)):  # fmt: skip
        extra = {"PYTHONPATH": str(ROOT)} if label == "source" else {}
        (tmp_path / label).mkdir()
        run([*cmd, "export", str(post_id), "-o", str(tmp_path / label / "bundle")], home, where,
            **extra)  # fmt: skip
        run([*cmd, "render", str(post_id), "-o", str(tmp_path / label / "page.html")], home,
            where, **extra)  # fmt: skip
    ours, theirs = tmp_path / "packaged", tmp_path / "source"
    html = (ours / "bundle" / "index.html").read_text("utf-8")
    assert "A headline with “quotes” and an accent: café" in html
    assert _without_generator(html) == _without_generator(
        (theirs / "bundle" / "index.html").read_text("utf-8")
    )
    files = sorted(p.relative_to(ours / "bundle") for p in (ours / "bundle").rglob("*"))
    assert files == sorted(p.relative_to(theirs / "bundle") for p in (theirs / "bundle").rglob("*"))
    # Photo renditions: Pillow's JPEG and WebP codecs are in the build.
    webps = [p for p in (ours / "bundle").rglob("*.webp")]
    jpegs = [p for p in (ours / "bundle").rglob("*.jpg")]
    assert webps and jpegs
    for rendition in webps + jpegs:
        with Image.open(rendition) as im:
            im.load()
            assert im.width <= 1600
    # render: the same page apart from where each finds its theme's assets
    page = (ours / "page.html").read_text("utf-8")
    assert (app.parent / "_internal" / "resources").as_uri() in page
    assert _without_generator(page).replace(
        (app.parent / "_internal" / "resources").as_uri(), "RESOURCES"
    ) == _without_generator((theirs / "page.html").read_text("utf-8")).replace(
        (ROOT / "resources").as_uri(), "RESOURCES"
    )


def test_cold_start_against_the_venv_app(app, capsys):
    from bench.bench_package import cold_starts

    packaged, venv = cold_starts(app, runs=3)
    note(f"cold start to first paint (median of 3): packaged {packaged * 1000:.0f} ms, "
         f"venv {venv * 1000:.0f} ms ({packaged / venv:.2f}x)", capsys)  # fmt: skip
    assert packaged > 0 and venv > 0


def _validators() -> None:
    for tool in ("desktop-file-validate", "appstreamcli"):
        assert shutil.which(tool), f"{tool} is missing (make package-test installs it)"


def _apt(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    return subprocess.run(["apt-get", "-y", "-qq", *args], env=env, capture_output=True,
                          text=True, timeout=600)  # fmt: skip


@pytest.fixture
def installed_deb():
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        if os.environ.get("BYLINE_REQUIRE_SERVICES") == "1":
            pytest.fail("installing the .deb needs root and apt-get")
        pytest.skip("installing the .deb needs root and apt-get")
    assert DEB.exists(), f"{DEB.name} is missing: run `make package` first"
    done = _apt("install", "--reinstall", "--no-install-recommends", str(DEB))
    if done.returncode != 0:  # stale package lists on a fresh machine
        _apt("update")
        done = _apt("install", "--reinstall", "--no-install-recommends", str(DEB))
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    listed = subprocess.run(["dpkg", "-L", "byline"], capture_output=True, text=True, check=True)
    files = [Path(p) for p in listed.stdout.splitlines() if p.strip()]
    try:
        yield files
    finally:
        _apt("remove", "byline")


def test_the_deb_installs_runs_and_removes_cleanly(installed_deb, home, tmp_path):
    _validators()
    assert Path("/usr/bin/byline").resolve() == Path("/opt/byline/byline")
    desktop = Path("/usr/share/applications/byline.desktop")
    metainfo = Path("/usr/share/metainfo/org.byline.Byline.metainfo.xml")
    icon = Path("/usr/share/icons/hicolor/scalable/apps/byline.svg")
    for path in (desktop, metainfo, icon):
        assert path in installed_deb and path.exists()
    assert not Path("/opt/byline/add-to-menu.sh").exists()  # the archive's, not the package's
    subprocess.run(["desktop-file-validate", str(desktop)], check=True)
    subprocess.run(["appstreamcli", "validate", "--explain", "--no-net", str(metainfo)],
                   check=True)  # fmt: skip

    done = run(["byline", "--version"], home, tmp_path)
    assert done.stdout == f"byline {__version__}\n"
    page = preview_check(["byline"], home, tmp_path)
    assert page["h1"] == SAMPLE_HEADLINE
    user_data = home / ".local" / "share" / "Byline" / "byline.sqlite3"
    assert user_data.exists()
    written = set(Path("/opt/byline").rglob("*")) - set(installed_deb)
    assert written == set(), "the app wrote into /opt at run time"

    removed = _apt("remove", "byline")
    assert removed.returncode == 0, removed.stdout[-3000:] + removed.stderr[-3000:]
    status = subprocess.run(["dpkg-query", "-W", "-f=${db:Status-Status}", "byline"],
                            capture_output=True, text=True)  # fmt: skip
    assert status.stdout in ("", "not-installed"), status.stdout
    left = [p for p in installed_deb if p.exists() and not p.is_dir()]
    assert left == []
    assert not Path("/opt/byline").exists()
    assert user_data.exists()  # the person's posts stay


def test_desktop_entry_and_metainfo_validate():
    _validators()
    subprocess.run(["desktop-file-validate", str(ROOT / "packaging" / "byline.desktop")],
                   check=True)  # fmt: skip
    done = subprocess.run(["appstreamcli", "validate", "--explain", "--no-net",
                           str(ROOT / "packaging" / "byline.metainfo.xml")],
                          capture_output=True, text=True)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    metainfo = (ROOT / "packaging" / "byline.metainfo.xml").read_text("utf-8")
    assert f'<release version="{__version__}"' in metainfo
    assert '<screenshot type="default">' in metainfo and "oars-1.1" in metainfo
