"""Finds the system libraries Qt needs and names the Debian packages that provide them.

``python -m editor.platform_check [--platform offscreen|xcb|wayland|auto] [--install]`` prints
nothing and exits 0 when all is there; otherwise it names the packages (exit 3), or installs them
with apt-get when ``--install`` is given and it runs as root.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path

# Shared object -> Debian 12 package. Covers what PySide6's widgets, WebEngine and the
# offscreen/xcb/wayland platform plugins link against beyond libc.
DEBIAN_PACKAGES = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libOpenGL.so.0": "libopengl0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-dri3.so.0": "libxcb-dri3-0",
    "libXcomposite.so.1": "libxcomposite1",
    "libXdamage.so.1": "libxdamage1",
    "libXext.so.6": "libxext6",
    "libXfixes.so.3": "libxfixes3",
    "libXrandr.so.2": "libxrandr2",
    "libXtst.so.6": "libxtst6",
    "libXrender.so.1": "libxrender1",
    "libxkbfile.so.1": "libxkbfile1",
    "libxshmfence.so.1": "libxshmfence1",
    "libnss3.so": "libnss3",
    "libnssutil3.so": "libnss3",
    "libsmime3.so": "libnss3",
    "libnspr4.so": "libnspr4",
    "libplc4.so": "libnspr4",
    "libplds4.so": "libnspr4",
    "libgbm.so.1": "libgbm1",
    "libdrm.so.2": "libdrm2",
    "libasound.so.2": "libasound2",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
    "libwayland-server.so.0": "libwayland-server0",
    "libudev.so.1": "libudev1",
    "libexpat.so.1": "libexpat1",
    "libpng16.so.16": "libpng16-16",
    "libz.so.1": "zlib1g",
}

LIBRARIES = ["libQt6Core", "libQt6Gui", "libQt6Widgets", "libQt6WebEngineCore",
             "libQt6WebEngineWidgets"]  # fmt: skip
PLUGINS = {"offscreen": "libqoffscreen.so", "xcb": "libqxcb.so", "wayland": "libqwayland.so"}


def qt_dir() -> Path | None:
    spec = find_spec("PySide6")
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent / "Qt"


def wanted_platform(choice: str) -> str:
    if choice != "auto":
        return choice
    if os.environ.get("QT_QPA_PLATFORM"):
        return os.environ["QT_QPA_PLATFORM"].split(":")[0]
    if os.environ.get("WAYLAND_DISPLAY"):
        return "wayland"
    return "xcb" if os.environ.get("DISPLAY") else "offscreen"


def missing_libraries(platform: str) -> set[str]:
    base = qt_dir()
    if base is None or shutil.which("ldd") is None:
        return set()
    files = [p for name in LIBRARIES for p in (base / "lib").glob(f"{name}.so.6")]
    plugin = PLUGINS.get(platform)
    if plugin:
        files.append(base / "plugins" / "platforms" / plugin)
    missing: set[str] = set()
    for path in files:
        if not path.exists():
            continue
        out = subprocess.run(["ldd", str(path)], capture_output=True, text=True).stdout
        missing.update(re.findall(r"^\s*(\S+) => not found", out, flags=re.MULTILINE))
    if platform == "xcb":  # loaded at run time by the xcb plugin, not linked
        for lib in ("libxcb-cursor.so.0",):
            if not _loadable(lib):
                missing.add(lib)
    return missing


def _loadable(soname: str) -> bool:
    import ctypes

    try:
        ctypes.CDLL(soname)
        return True
    except OSError:
        return False


def packages_for(libraries: set[str]) -> tuple[list[str], list[str]]:
    known = sorted({DEBIAN_PACKAGES[lib] for lib in libraries if lib in DEBIAN_PACKAGES})
    unknown = sorted(lib for lib in libraries if lib not in DEBIAN_PACKAGES)
    return known, unknown


def _apt_install(packages: list[str], *, verbose: bool) -> bool:
    """apt-get update + install, its (dpkg) chatter shown only with ``verbose`` or on failure."""
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    output = None if verbose else subprocess.PIPE
    steps = (["apt-get", "update", "-qq"],
             ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages])  # fmt: skip
    for step in steps:
        done = subprocess.run(step, env=env, stdout=output, stderr=subprocess.STDOUT, text=True)
        if done.returncode != 0 and step[1] == "install":
            if done.stdout:
                print(done.stdout.rstrip()[-4000:], file=sys.stderr)
            return False
    return True


def check_dictionaries(*, install: bool, verbose: bool) -> list[str]:
    """Install (as root, with apt-get) or name the missing dictionary packages; what is still
    missing. Spelling works without them, in the languages that are there."""
    if not shutil.which("apt-get"):
        return []
    from editor.proofing import dictionaries

    missing = dictionaries.missing_debian_packages(dictionaries.discover())
    if missing and install and os.geteuid() == 0:
        print(f"Installing spelling dictionaries: {' '.join(missing)}", file=sys.stderr)
        if _apt_install(missing, verbose=verbose):
            missing = dictionaries.missing_debian_packages(dictionaries.discover())
    if missing:
        print(
            "Spelling: some dictionaries are missing. Install them with:\n"
            f"    sudo apt-get install {' '.join(missing)}",
            file=sys.stderr,
        )
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--platform", default="auto", choices=["auto", *PLUGINS])
    parser.add_argument("--install", action="store_true", help="apt-get install what is missing")
    parser.add_argument("-v", "--verbose", action="store_true", help="show apt-get's output")
    parser.add_argument(
        "--dictionaries", action="store_true",
        help="also the Hunspell dictionaries of en, es, pt and fr (spelling; never fatal)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    if args.dictionaries:
        check_dictionaries(install=args.install, verbose=args.verbose)
    platform = wanted_platform(args.platform)
    packages, unknown = packages_for(missing_libraries(platform))
    if not packages and not unknown:
        return 0
    if packages and args.install and os.geteuid() == 0 and shutil.which("apt-get"):
        print(f"Installing system libraries Qt needs: {' '.join(packages)}", file=sys.stderr)
        done = _apt_install(packages, verbose=args.verbose)
        if done:
            packages, unknown = packages_for(missing_libraries(platform))
            if not packages and not unknown:
                return 0
    if packages:
        print(
            f"Qt ({platform}) needs system libraries that are missing. Install them with:\n"
            f"    sudo apt-get install {' '.join(packages)}",
            file=sys.stderr,
        )
    if unknown:
        print(f"Also missing (no known Debian package): {', '.join(unknown)}", file=sys.stderr)
    return 3


if __name__ == "__main__":
    sys.exit(main())
