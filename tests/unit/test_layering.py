"""The core imports without Qt: the CLI and headless use never pay for (or need) PySide6."""

from __future__ import annotations

import subprocess
import sys

CORE = [
    "editor.model",
    "editor.store.database",
    "editor.services.posts",
    "editor.services.importing",
    "editor.formats.markdown_file",
    "editor.cli.main",
]


def test_core_modules_do_not_import_qt():
    code = (
        "import importlib, sys\n"
        f"for name in {CORE!r}: importlib.import_module(name)\n"
        "import pkgutil, editor\n"
        "for m in pkgutil.walk_packages(editor.__path__, 'editor.'):\n"
        "    if '.ui' in m.name or m.name in ('editor.app', 'editor.__main__'): continue\n"
        "    importlib.import_module(m.name)\n"
        "qt = sorted(n for n in sys.modules if n.startswith('PySide6') or n.startswith('shiboken'))\n"
        "print(','.join(qt))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "", f"core pulled in Qt: {out.stdout}"


def test_a_wheel_carries_the_themes_sample_and_migrations(tmp_path):
    """Installed from a wheel (no source tree beside it), Byline still finds its files."""
    import zipfile

    root = __import__("pathlib").Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(tmp_path), str(root)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    (wheel,) = tmp_path.glob("byline-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "editor/_resources/sample/welcome.md" in names
    assert "editor/_resources/themes/newsroom/theme.toml" in names
    assert "editor/_migrations/versions/0001_foundation.py" in names
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    code = "import editor.paths as p; print(p.resources_root()); print(p.migrations_root())"
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           cwd=tmp_path, env={"PYTHONPATH": str(target), "PATH": ""})  # fmt: skip
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.split() == [
        str(target / "editor" / "_resources"),
        str(target / "editor" / "_migrations"),
    ]


def test_without_a_display_the_window_says_so_instead_of_crashing(tmp_path):
    env = {k: v for k, v in __import__("os").environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}  # fmt: skip
    out = subprocess.run([sys.executable, "-m", "editor", "--db", str(tmp_path / "x.sqlite3")],
                         capture_output=True, text=True, env=env, timeout=60)  # fmt: skip
    assert out.returncode == 1
    assert "no display" in out.stderr and "Traceback" not in out.stderr
