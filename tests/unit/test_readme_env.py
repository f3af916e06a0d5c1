"""Every ``BYLINE_*`` environment variable the code, tests, benchmarks or CI read is explained
in the README (a variable nobody can find is a setting nobody can use)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WHERE = ["editor", "tests", "bench", ".ci", "Makefile"]
VARIABLE = re.compile(r"(?<![A-Za-z0-9_])BYLINE_[A-Z][A-Z0-9_]*")


def variables_read() -> dict[str, str]:
    found: dict[str, str] = {}
    for top in WHERE:
        base = ROOT / top
        files = [base] if base.is_file() else [p for p in base.rglob("*") if p.is_file()]
        for path in files:
            if path.suffix not in ("", ".py", ".sh", ".php") or "__pycache__" in path.parts:
                continue
            try:
                text = path.read_text(encoding="utf-8")
            except (UnicodeDecodeError, OSError):
                continue
            for name in VARIABLE.findall(text):
                found.setdefault(name, str(path.relative_to(ROOT)))
    return found


def test_every_byline_variable_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    used = variables_read()
    assert "BYLINE_USER_NAME" in used and "BYLINE_DB" in used  # the scan works
    missing = {name: where for name, where in used.items() if f"`{name}`" not in readme}
    assert missing == {}, f"explain these in the README's Settings section: {missing}"
