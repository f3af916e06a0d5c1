"""Live preview: keystroke-to-painted latency and memory after 200 edits (issue 3).

Each measurement runs in its own process (``bench/_preview_session.py``) so memory figures do
not mix. Targets: a one-character edit in a 20,000-word post painted within 50 ms, debounce
included, and so is a new paragraph typed after Enter (issue 9: it used to never show) (baseline: a full render + ``setHtml`` reload of the same page, same run; ReText takes
~650 ms on this machine); the process tree's PSS after 200 edits at most 300 MB (baseline: the
same after 200 full reloads).
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bench.common import Figure, report

ROOT = Path(__file__).resolve().parent.parent
EDITS = 200


@dataclass
class MemoryFigure(Figure):
    """A figure in MB (``seconds`` fields hold megabytes)."""

    def line(self) -> str:
        verdict = "ok" if self.passed else "MISSED"
        return (
            f"{self.name:<52} {self.seconds:9.1f} MB   "
            f"{self.baseline_name}: {self.baseline_seconds:8.1f} MB   "
            f"ratio {self.ratio:6.2f}x   target {self.target:<14} {verdict}"
        )


def _session(mode: str, count: int) -> dict[str, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    result = subprocess.run(
        [sys.executable, "-m", "bench._preview_session", mode, str(count)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=900,
        check=False,
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if result.returncode != 0 or not lines:
        raise RuntimeError(f"preview session {mode} failed:\n{result.stderr[-2000:]}")
    return json.loads(lines[-1])


def run() -> list[Figure]:
    latency = _session("latency", 30)
    figures: list[Figure] = [
        report(
            Figure(
                name="preview: 1-char edit, 20k words, to painted",
                seconds=latency["edit_median"],
                baseline_name="full render+setHtml",
                baseline_seconds=latency["reload_median"],
                target="<= 50 ms",
                passed=latency["edit_median"] <= 0.050 and bool(latency["edit_shown"]),
            )
        )
    ]
    print(
        f"  (keystrokes 150 ms apart; worst {latency['edit_max'] * 1000:.1f} ms; back-to-back "
        f"edits median {latency['burst_median'] * 1000:.1f} ms; ReText ~650 ms)",
        flush=True,
    )
    figures.append(
        report(
            Figure(
                name="preview: Enter, new paragraph typed, to painted",
                seconds=latency["paragraph_median"],
                baseline_name="full render+setHtml",
                baseline_seconds=latency["reload_median"],
                target="<= 50 ms",
                passed=math.isfinite(latency["paragraph_max"])
                and latency["paragraph_median"] <= 0.050
                and bool(latency["paragraph_shown"]),
            )
        )
    )
    print(
        f"  (20k words; Enter twice at the end of a paragraph, then {len('A new paragraph.')} "
        f"keys 150 ms apart; from the last key; worst {latency['paragraph_max'] * 1000:.1f} ms; "
        "before issue 9 the preview never showed it)",
        flush=True,
    )
    edits = _session("edits", EDITS)
    reloads = _session("reloads", EDITS)
    figures.append(
        report(
            MemoryFigure(
                name=f"preview: PSS of process tree after {EDITS} edits",
                seconds=edits["pss_after_mb"],
                baseline_name=f"{EDITS} reloads",
                baseline_seconds=reloads["pss_after_mb"],
                target="<= 300 MB",
                passed=edits["pss_after_mb"] <= 300,
            )
        )
    )
    print(
        f"  (after the first load: {edits['pss_before_mb']:.1f} MB with edits, "
        f"{reloads['pss_before_mb']:.1f} MB before the reloads)",
        flush=True,
    )
    return figures
