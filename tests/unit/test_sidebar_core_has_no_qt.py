"""The sidebar's core (services, CLI) must import without Qt."""

from __future__ import annotations

import subprocess
import sys


def test_sidebar_core_imports_without_pyside():
    code = (
        "import sys, editor.services.sidebar, editor.services.sidebar_merge, "
        "editor.services.linkcheck, editor.services.blogs, editor.cli.blogs, editor.cli.sidebar; "
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
