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
