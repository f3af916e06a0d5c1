"""``python -m bench [NAME ...]``: run every ``bench/bench_*.py`` (or the ones named), then the
real-screen measurements of :mod:`bench.screen` when Xvfb is there.

``--screen``: only the real-screen measurements; ``--no-screen``: leave them out.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys

import bench


def main(argv: list[str]) -> int:
    flags = {a for a in argv if a.startswith("--")}
    names = [a for a in argv if not a.startswith("--")]
    every = sorted(
        m.name for m in pkgutil.iter_modules(bench.__path__) if m.name.startswith("bench_")
    )
    chosen = (
        [] if "--screen" in flags else [n for n in every if not names or any(a in n for a in names)]
    )
    missed = 0
    for name in chosen:
        print(f"== {name}", flush=True)
        module = importlib.import_module(f"bench.{name}")
        figures = module.run()
        missed += sum(1 for f in figures if not f.passed)
    if "--no-screen" not in flags and ("--screen" in flags or not names or "screen" in names):
        from bench import screen

        print("== screen (Xvfb 1920x1080, real key events, frames read off the screen)", flush=True)
        missed += sum(1 for f in screen.run() if not f.passed)
    print(f"{missed} target(s) missed" if missed else "all targets met")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
