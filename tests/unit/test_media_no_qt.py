"""The photo core runs without Qt (the CLI and the export use it headless)."""

from __future__ import annotations

import subprocess
import sys


def test_photo_core_does_not_import_qt():
    code = (
        "import sys, editor.media.export, editor.media.thumbnails, editor.services.photos, "
        "editor.cli.photos; print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
