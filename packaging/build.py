"""``make package``: the standalone folder (PyInstaller onedir), its archive and a Debian package.

    python packaging/build.py [--skip-freeze] [--no-deb]

Writes ``build/package/byline/`` (the application folder),
``dist/byline-VERSION-linux-x86_64.tar.gz`` and ``dist/byline_VERSION_amd64.deb``, and prints
their sizes and what makes up most of them. See packaging/README.md for why PyInstaller and what
is left out.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from editor import __version__  # noqa: E402
from editor.platform_check import DEBIAN_PACKAGES  # noqa: E402

BUILD = ROOT / "build" / "package"
DIST = ROOT / "dist"
APP = BUILD / "byline"
PACKAGING = ROOT / "packaging"
APP_ID = "org.byline.Byline"
# Loaded by Qt at run time (dlopen), so no ELF file names them: the xcb plugin's cursor library
# and the GL/EGL drivers' front ends.
RUNTIME_PACKAGES = ["libxcb-cursor0", "libgl1", "libegl1", "libopengl0", "fontconfig"]
PORTABLE_NOTE = """Byline {version}, standalone build for Linux (x86-64)

Start it with ./byline (or a double click on "byline" in a file manager).
./add-to-menu.sh puts it in your desktop's applications menu.
Your posts are kept in your user folders (~/.local/share/Byline and friends).

Portable use (a USB stick): create an empty file named "portable" beside the byline
program; the database, preferences, cache and logs are then kept in data/, config/,
cache/ and logs/ beside it. Passwords for publishing targets still go to the system's
keychain.

Byline needs the usual desktop libraries (X11 or Wayland, OpenGL, fontconfig, NSS); on
Debian or Ubuntu the .deb package installs them for you.
"""


def freeze() -> None:
    """PyInstaller, from the spec, into build/package (the work files stay there too)."""
    env = dict(os.environ, BYLINE_SOURCE_ROOT=str(ROOT))
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
           "--distpath", str(BUILD), "--workpath", str(BUILD / "work"),
           str(PACKAGING / "byline.spec")]  # fmt: skip
    subprocess.run(cmd, check=True, env=env, cwd=ROOT)


def complete_folder() -> None:
    """What PyInstaller does not do: strip libpython, add the folder's README, and the empty
    ``resources/locales`` folder that QtWebEngine creates at first start if it is missing (so it
    belongs to the .deb and goes with it, and nothing is written into /opt)."""
    # A Python built from source (pyenv) keeps its debug symbols: ~18 MiB of the folder. Only
    # libpython is stripped: strip damages the wheels' patched libraries (Pillow's, Qt's).
    for lib in (APP / "_internal").glob("libpython3*.so*"):
        if shutil.which("strip") and not lib.is_symlink():
            subprocess.run(["strip", "--strip-debug", str(lib)], check=True)
    (APP / "README.txt").write_text(PORTABLE_NOTE.format(version=__version__), encoding="utf-8")
    (APP / "_internal" / "PySide6" / "Qt" / "resources" / "locales").mkdir(exist_ok=True)
    shutil.copyfile(PACKAGING / "byline.desktop", APP / "_internal" / "byline.desktop")
    shutil.copy2(PACKAGING / "add-to-menu.sh", APP / "add-to-menu.sh")


def archive() -> subprocess.Popen[bytes]:
    """The folder as ``byline-VERSION/`` in a .tar.gz (owner root, modes kept); started in the
    background, so that it compresses while the .deb does (two cores)."""
    DIST.mkdir(exist_ok=True)
    target = DIST / f"byline-{__version__}-linux-x86_64.tar.gz"
    target.unlink(missing_ok=True)
    rename = f"s,^byline,byline-{__version__},S"
    cmd = ["tar", "--owner=0", "--group=0", "--numeric-owner", "-czf", str(target),
           "-C", str(BUILD), "--transform", rename, "byline"]  # fmt: skip
    return subprocess.Popen(cmd)  # gzip -6, its default


def _elf_files(folder: Path) -> list[Path]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as f:
                if f.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def _needed(path: Path) -> set[str]:
    out = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True).stdout
    return set(re.findall(r"\(NEEDED\)\s+Shared library: \[(.+?)\]", out))


def _system_library(soname: str) -> str | None:
    out = subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, text=True).stdout
    for line in out.splitlines():
        parts = line.strip().split(" => ")
        if len(parts) == 2 and parts[0].split(" ")[0] == soname and "x86-64" in parts[0]:
            return parts[1]
    return None


def debian_depends(folder: Path) -> list[str]:
    """The Debian packages that provide the libraries the folder links but does not carry:
    platform_check's table first, then dpkg's own record of which package owns the file."""
    bundled = {p.name for p in folder.rglob("*")}
    wanted: set[str] = set()
    for path in _elf_files(folder):
        wanted |= _needed(path) - bundled
    packages, unknown = set(RUNTIME_PACKAGES), []
    for soname in sorted(wanted):
        if soname in DEBIAN_PACKAGES:
            packages.add(DEBIAN_PACKAGES[soname])
            continue
        path = _system_library(soname)
        owner = None
        if path:
            done = subprocess.run(["dpkg", "-S", path], capture_output=True, text=True)
            if done.returncode == 0:
                owner = done.stdout.split(":", 1)[0]
        if owner:
            packages.add(owner)
        else:
            unknown.append(soname)
    if unknown:
        raise SystemExit(f"build.py: no Debian package known for {', '.join(unknown)}")
    return sorted(packages)


def _folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def stage_deb(depends: list[str]) -> Path:
    """/opt/byline, the `byline` command, the desktop entry, icon and AppStream metainfo, laid
    out for dpkg-deb (hard links to the folder: staged before tar reads the folder, since a new
    link changes a file's ctime and tar would call the file changed)."""
    stage = BUILD / "deb"
    shutil.rmtree(stage, ignore_errors=True)
    (stage / "opt").mkdir(parents=True)
    shutil.copytree(APP, stage / "opt" / "byline", symlinks=True, copy_function=os.link)
    (stage / "opt" / "byline" / "add-to-menu.sh").unlink()  # the package installs the entry
    usr = stage / "usr"
    (usr / "bin").mkdir(parents=True)
    (usr / "bin" / "byline").symlink_to("/opt/byline/byline")
    files = {
        PACKAGING / "byline.desktop": usr / "share" / "applications" / "byline.desktop",
        ROOT / "resources" / "icons" / "byline.svg":
            usr / "share" / "icons" / "hicolor" / "scalable" / "apps" / "byline.svg",
        PACKAGING / "byline.metainfo.xml": usr / "share" / "metainfo" / f"{APP_ID}.metainfo.xml",
        PACKAGING / "copyright": usr / "share" / "doc" / "byline" / "copyright",
    }  # fmt: skip
    for source, target in files.items():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    control = stage / "DEBIAN" / "control"
    control.parent.mkdir()
    installed_kib = (_folder_size(stage) + 1023) // 1024
    control.write_text(
        f"Package: byline\n"
        f"Version: {__version__}\n"
        f"Architecture: amd64\n"
        f"Maintainer: Byline developers <byline@localhost>\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {', '.join(depends)}\n"
        f"Section: editors\n"
        f"Priority: optional\n"
        f"Description: offline desktop newsroom editor\n"
        f" Byline is a desktop editor for a news site's blog: guest writers draft posts\n"
        f" offline with photos, captions and credits, see the page as it will be\n"
        f" published while they type, and publish to WordPress or MetaWeblog blogs.\n"
        f" .\n"
        f" This package carries its own Python, Qt and QtWebEngine under /opt/byline.\n",
        encoding="utf-8",
    )
    for path in stage.rglob("*"):  # dpkg wants 0755 folders and no group/other write bits
        if path.is_dir():
            path.chmod(0o755)
    return stage


def build_deb(stage: Path) -> Path:
    target = DIST / f"byline_{__version__}_amd64.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zgzip", "-z6", "--build", str(stage),
                    str(target)], check=True, stdout=subprocess.DEVNULL)  # fmt: skip
    return target


def _mib(n: int) -> str:
    return f"{n / 2**20:.0f} MiB"


def size_report(tar: Path | None, debfile: Path | None) -> str:
    total = _folder_size(APP)
    parts: dict[str, int] = {}
    for path in APP.rglob("*"):
        if path.is_file() and not path.is_symlink():
            rel = path.relative_to(APP).parts
            key = (
                "/".join(rel[:4])
                if rel[:3] == ("_internal", "PySide6", "Qt")
                else "/".join(rel[:2])
            )
            parts[key] = parts.get(key, 0) + path.stat().st_size
    lines = [f"folder {_mib(total)}"]
    if tar:
        lines.append(f"archive {_mib(tar.stat().st_size)}  {tar.relative_to(ROOT)}")
    if debfile:
        lines.append(f"deb {_mib(debfile.stat().st_size)}  {debfile.relative_to(ROOT)}")
    lines.append("largest parts of the folder:")
    for key, size in sorted(parts.items(), key=lambda kv: -kv[1])[:10]:
        lines.append(f"  {_mib(size):>8}  {key}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-freeze", action="store_true", help="reuse build/package/byline")
    parser.add_argument("--no-deb", action="store_true", help="only the folder and archive")
    args = parser.parse_args(argv)
    start = time.monotonic()
    if not args.skip_freeze:
        print("Freezing Byline with PyInstaller (a few minutes)", flush=True)
        freeze()
    complete_folder()
    frozen = time.monotonic()
    stage = None if args.no_deb else stage_deb(debian_depends(APP))
    tarring = archive()
    debfile = None if stage is None else build_deb(stage)
    if tarring.wait() != 0:
        raise SystemExit("build.py: tar failed")
    if stage is not None:  # only now: unlinking the hard links changes the files tar reads
        shutil.rmtree(stage)
    tar = DIST / f"byline-{__version__}-linux-x86_64.tar.gz"
    report = size_report(tar, debfile)
    report += (f"\ntimes: freeze {frozen - start:.0f} s, archive and .deb "
               f"{time.monotonic() - frozen:.0f} s")  # fmt: skip
    (BUILD / "sizes.txt").write_text(report + "\n", encoding="utf-8")
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
