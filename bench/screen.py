"""What a person sees, on a real X server (issue 15): ``python -m bench.screen`` (also run by
``python -m bench`` when Xvfb is there; ``python -m bench --screen`` runs only this;
``python -m bench.screen --starts-only``: only the two start-up figures, ~2 minutes).

One Xvfb screen of 1920x1080; the windows full size (the first start of each app is a warm-up
that sizes its window and quits with Ctrl+Q, so the later starts reopen it full size). Key
events go to the focused window through XTEST (as xdotool sends them); frames are seen through
X DAMAGE and read off the screen (see :mod:`bench.xscreen`). A latency ends at the first frame
whose watched part of the preview equals its settled state, i.e. the first frame showing the
edit. Measured in the same run, one app at a time, repetitions interleaved where they are cheap:

- a word typed (a key every 100 ms) into a paragraph near the top → shown, from the last key;
  one key after a pause → shown; Enter twice at the end of the first paragraph, then a new
  paragraph typed → shown, from the last key:
  Byline and ReText 8.1 (its WebEngine live preview), 5,000 and 20,000-word posts;
- start → first paint: Byline against a bare PySide6 window of the same size;
- start → the post visible in the preview (20,000 words): Byline against ReText.
The offscreen figure of ``bench_preview`` is printed beside them.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

from bench.common import Figure, report
from bench.screen_apps import OUT, App, bare, byline, retext, retext_python
from bench.xscreen import Frame, Rect, Screen, Xvfb

SIZE = (1920, 1080)
WORD = " quick"  # typed after the caret, a key every GAP
GAP = 0.100
PARAGRAPH = "\n\nA new paragraph."
UNSHOWN = float("inf")


@dataclass
class Typing:
    word: list[float]
    key: list[float]
    paragraph: list[float]


def missing_tools() -> str | None:
    """Why the screen bench cannot run here, or None."""
    for tool in ("Xvfb", "xdotool"):
        if shutil.which(tool) is None:
            return f"{tool} is missing (Debian: apt-get install xvfb xdotool)"
    try:
        import Xlib  # noqa: F401
    except ImportError:
        return "python-xlib is missing (pip install python-xlib)"
    return None


def shown_after(sent: float, frames: list[Frame], final: int, before: int) -> float:
    """Seconds from ``sent`` (the last key) to the first frame equal to the settled state
    ``final``; UNSHOWN when the last key changed nothing in sight."""
    shown_before = [f.checksum for f in frames if f.at < sent]
    if final == (shown_before[-1] if shown_before else before):
        return UNSHOWN
    for frame in frames:
        if frame.at >= sent and frame.checksum == final:
            return frame.at - sent
    return UNSHOWN


def edit(screen: Screen, rect: Rect, send: Callable[[], tuple[float, list[Frame]]]) -> float:
    before = screen.settle(rect, quiet=0.5)
    screen.drain()
    sent, frames = send()
    frames += screen.frames(rect, quiet=1.2, limit=15)
    return shown_after(sent, frames, screen.checksum(rect), before)


def open_and_settle(screen: Screen, app: App) -> None:
    screen.drain()
    app.start()
    screen.wait_painted(Rect(0, SIZE[1] // 2, SIZE[0], 1), 60)
    screen.frames(app.preview, quiet=3.0, limit=90, at_least=5.0)
    app.focus()


def typing(screen: Screen, app: App, tries: int) -> Typing:
    result = Typing([], [], [])
    try:
        open_and_settle(screen, app)
        screen.click(*app.text)  # the caret in a paragraph near the top
        screen.settle(app.preview, quiet=0.8)  # the preview brings it into view
        for _ in range(tries):
            result.word.append(edit(screen, app.preview,
                                    lambda: screen.type_watching(WORD, GAP, app.preview)))  # fmt: skip
            result.key.append(edit(screen, app.preview,
                                   lambda: screen.type_watching("x", GAP, app.preview)))  # fmt: skip
        for _ in range(max(3, tries // 2)):
            screen.key("Home", ctrl=True)  # the end of the post's first paragraph (one line)
            screen.key("End")
            screen.settle(app.preview, quiet=0.8)  # the preview brings it into view
            result.paragraph.append(edit(screen, app.preview,
                                         lambda: screen.type_watching(PARAGRAPH, GAP, app.preview)))  # fmt: skip
    finally:
        app.stop()
    return result


def first_paint(screen: Screen, app: App) -> float:
    screen.drain()
    started = app.start()
    try:
        at = screen.wait_painted(Rect(0, SIZE[1] // 2, SIZE[0], 1), 60)
    finally:
        app.stop()
    return UNSHOWN if at is None else at - started


def post_visible(screen: Screen, app: App) -> float:
    """Start → the preview's watched part reaches the state it settles in (the post shown)."""
    screen.drain()
    started = app.start()
    try:
        frames = screen.frames(app.preview, quiet=3.0, limit=90, at_least=6.0)
    finally:
        app.stop()
    if not frames:
        return UNSHOWN
    final = frames[-1].checksum
    return next(f.at for f in frames if f.checksum == final) - started


def warm_up(screen: Screen, app: App) -> None:
    """First start: size the window to the screen, quit with Ctrl+Q (the size is kept)."""
    try:
        open_and_settle(screen, app)
        app.fill_screen(*SIZE)
        screen.frames(app.preview, quiet=1.5, limit=30)
        app.quit(screen)
    finally:
        app.stop()


def median(values: list[float]) -> float:
    return statistics.median(values) if values else UNSHOWN


def run(tries: int = 8, starts: int = 5, *, typing_too: bool = True) -> list[Figure]:
    problem = missing_tools()
    if problem:
        print(f"  (screen bench skipped: {problem})", flush=True)
        return []
    python = retext_python()
    if python is None:
        print("  (ReText could not be installed: its figures are left out)", flush=True)
    for home in OUT.glob("screen-*"):  # fresh posts and settings: every run starts alike
        shutil.rmtree(home, ignore_errors=True)
    figures: list[Figure] = []
    with Xvfb(f"{SIZE[0]}x{SIZE[1]}") as server:
        screen = Screen(server.display)
        try:
            if typing_too:
                figures = _measure(screen, server.display, python, tries, starts)
            else:  # each app still starts once first, to size its window to the screen
                warm_up(screen, byline(server.display, 20_000, SIZE))
                if python is not None:
                    warm_up(screen, retext(server.display, 20_000, SIZE, python))
                figures = _starts(screen, server.display, python, starts)
        finally:
            screen.close()
    return figures


def _measure(screen: Screen, display: str, python, tries: int, starts: int) -> list[Figure]:
    figures: list[Figure] = []
    typed: dict[str, Typing] = {}
    for words in (5_000, 20_000):
        apps = [byline(display, words, SIZE)]
        if python is not None:
            apps.append(retext(display, words, SIZE, python))
        for app in apps:
            warm_up(screen, app)
            typed[app.name] = typing(screen, app, tries)
            t = typed[app.name]
            print(f"  {app.name}: word {_ms(t.word)}; key {_ms(t.key)}; paragraph "
                  f"{_ms(t.paragraph)}", flush=True)  # fmt: skip
    for words in (5, 20):
        ours, peer = typed[f"Byline {words}k"], typed.get(f"ReText {words}k")
        base = ("ReText", median(peer.word)) if peer else ("(no ReText)", UNSHOWN)
        figures.append(_figure(f"screen: word typed → shown, {words}k words", ours.word, base,
                               "<= 50 ms", 0.050))  # fmt: skip
        base = ("ReText", median(peer.paragraph)) if peer else ("(no ReText)", UNSHOWN)
        figures.append(_figure(f"screen: Enter×2 + paragraph → shown, {words}k", ours.paragraph,
                               base, "<= 80 ms", 0.080))  # fmt: skip
        base = ("ReText", median(peer.key)) if peer else ("(no ReText)", UNSHOWN)
        figures.append(_figure(f"screen: one key after a pause → shown, {words}k", ours.key,
                               base, "<= 50 ms", 0.050))  # fmt: skip
    figures += _starts(screen, display, python, starts)
    return figures


def _starts(screen: Screen, display: str, python, starts: int) -> list[Figure]:
    ours_app, floor_app = byline(display, 20_000, SIZE), bare(display, SIZE)
    peer_app = retext(display, 20_000, SIZE, python) if python is not None else None
    paint, floor, visible, peer = [], [], [], []
    for _ in range(starts):  # interleaved: the machine's noise falls on all alike
        paint.append(first_paint(screen, ours_app))
        floor.append(first_paint(screen, floor_app))
        visible.append(post_visible(screen, ours_app))
        if peer_app is not None:
            peer.append(post_visible(screen, peer_app))
    mine, base = median(paint), median(floor)
    figures = [report(Figure("screen: start → first paint", mine, "bare PySide6 window", base,
                             "<= 1.3x", mine <= 1.3 * base))]  # fmt: skip
    mine = median(visible)
    if peer:
        base = median(peer)
        ok = mine <= 1.2 and mine <= 0.5 * base
        figures.append(report(Figure("screen: start → post visible in preview, 20k", mine,
                                     "ReText", base, "<= 1.2 s, 0.5x", ok)))  # fmt: skip
    else:
        figures.append(report(Figure("screen: start → post visible in preview, 20k", mine,
                                     "bare window paint", median(floor), "<= 1.2 s",
                                     mine <= 1.2)))  # fmt: skip
    return figures


def _figure(name: str, values: list[float], base: tuple[str, float], target: str,
            limit: float) -> Figure:  # fmt: skip
    value = median(values)
    shown_every_time = all(v != UNSHOWN for v in values)
    return report(Figure(name, value, base[0], base[1], target,
                         value <= limit and shown_every_time))  # fmt: skip


def _ms(values: list[float]) -> str:
    if not values:
        return "-"
    shown = [v for v in values if v != UNSHOWN]
    text = f"median {median(values) * 1000:.0f} ms"
    if shown:
        text += f" (best {min(shown) * 1000:.0f}, worst {max(shown) * 1000:.0f})"
    if len(shown) < len(values):
        text += f", not shown {len(values) - len(shown)}/{len(values)}"
    return text


def offscreen() -> None:
    """The offscreen figures of ``bench_preview`` (edit → the view painted), for comparison."""
    from bench.bench_preview import _session

    latency = _session("latency", 20)
    print(f"  (offscreen, same run: 1-char edit, 20k words → painted "
          f"{latency['edit_median'] * 1000:.1f} ms; Enter×2 + paragraph → painted "
          f"{latency['paragraph_median'] * 1000:.1f} ms)", flush=True)  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.screen", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    parser.add_argument("--tries", type=int, default=8, help="edits of each kind per app")
    parser.add_argument("--starts", type=int, default=5, help="starts of each app")
    parser.add_argument("--starts-only", action="store_true", help="only the start-up figures")
    args = parser.parse_args(argv)
    started = time.monotonic()
    figures = run(args.tries, args.starts, typing_too=not args.starts_only)
    if figures and not args.starts_only:
        offscreen()
    missed = sum(1 for f in figures if not f.passed)
    print(f"{missed} target(s) missed" if missed else "all targets met",
          f"({time.monotonic() - started:.0f} s)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
