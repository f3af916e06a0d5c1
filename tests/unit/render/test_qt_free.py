"""The renderer, bundles and their commands import without Qt (STYLE.md habit 1)."""

from __future__ import annotations

import subprocess
import sys

MODULES = [
    "editor.render.body", "editor.render.page", "editor.render.bundle", "editor.render.context",
    "editor.render.themes", "editor.formats.bundle", "editor.services.bundles",
    "editor.cli.render",
]  # fmt: skip


def test_render_modules_do_not_import_qt():
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in MODULES)
        + "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, timeout=60)  # fmt: skip
    assert result.stdout.strip() == "[]"
