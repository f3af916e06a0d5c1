"""The publishing core and its CLI import without Qt (the GUI parts live in editor/ui only)."""

from __future__ import annotations

import subprocess
import sys


def test_publishing_modules_do_not_import_pyside6():
    code = (
        "import sys\n"
        "import editor.publish.clients, editor.publish.discovery, editor.services.publish\n"
        "import editor.services.outbox, editor.services.pull, editor.cli.publish\n"
        "import editor.cli.targets, bench.bench_publish\n"
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
