"""What a person sees on a real X server, for ``bench.screen``: key events sent the way xdotool
sends them (XTEST), and the screen's frames watched through the X DAMAGE extension.

Every drawing request an application makes (Qt's xcb backend puts each frame's changed
rectangles) is reported to us as a damage event with its rectangle: we wake on each, read the
watched region of the screen (XGetImage) and keep a checksum of it. "The first frame showing
it" is then the first read whose checksum equals the region's final, settled state. Nothing is
polled, so the watcher costs the measured applications nothing between frames.
"""

from __future__ import annotations

import os
import select
import subprocess
import time
import zlib
from dataclasses import dataclass

from Xlib import XK, X, display
from Xlib.ext import damage, xtest


@dataclass(frozen=True)
class Rect:
    x: int
    y: int
    width: int
    height: int

    def meets(self, x: int, y: int, width: int, height: int) -> bool:
        return (
            x < self.x + self.width
            and self.x < x + width
            and y < self.y + self.height
            and self.y < y + height
        )


@dataclass(frozen=True)
class Frame:
    """The watched region as read after a damage event: when (``time.perf_counter()``), what."""

    at: float
    checksum: int


class Xvfb:
    """An Xvfb server of ``size`` (``WxH``) on a free display, for a ``with`` block."""

    def __init__(self, size: str = "1920x1080") -> None:
        self.size = size
        self.display = ""

    def __enter__(self) -> Xvfb:
        read, write = os.pipe()
        self.proc = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{self.size}x24", "-nolisten",
             "tcp", "-dpi", "96", "-noreset"],
            pass_fds=(write,), stderr=subprocess.DEVNULL,
        )  # fmt: skip
        os.close(write)
        with os.fdopen(read) as f:
            number = f.readline().strip()
        if not number:
            self.proc.kill()
            raise RuntimeError("Xvfb did not start")
        self.display = f":{number}"
        return self

    def __exit__(self, *_exc: object) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


class Screen:
    """One connection to the X server: sends keys and clicks, watches frames."""

    def __init__(self, name: str) -> None:
        self.d = display.Display(name)
        if not self.d.has_extension("DAMAGE") or not self.d.has_extension("XTEST"):
            raise RuntimeError("the X server lacks the DAMAGE or XTEST extension")
        self.d.damage_query_version()
        self.root = self.d.screen().root
        self.width = self.d.screen().width_in_pixels
        self.height = self.d.screen().height_in_pixels
        # Reported for every drawing request into the root or any window on it.
        self._damage = self.root.damage_create(damage.DamageReportRawRectangles)
        self.d.sync()

    def close(self) -> None:
        self.d.damage_destroy(self._damage)
        self.d.close()

    # -- reading the screen ---------------------------------------------------------------

    def grab(self, rect: Rect) -> bytes:
        image = self.root.get_image(rect.x, rect.y, rect.width, rect.height, X.ZPixmap, 0xFFFFFFFF)
        return bytes(image.data)

    def checksum(self, rect: Rect) -> int:
        return zlib.crc32(self.grab(rect))

    def save(self, path: str, mark: Rect | None = None) -> None:
        """The whole screen as a PNG, ``mark`` outlined in red (to check a watched region)."""
        from PIL import Image, ImageDraw

        whole = Rect(0, 0, self.width, self.height)
        image = Image.frombytes("RGB", (self.width, self.height), self.grab(whole), "raw", "BGRX")
        if mark is not None:
            box = (mark.x, mark.y, mark.x + mark.width - 1, mark.y + mark.height - 1)
            ImageDraw.Draw(image).rectangle(box, outline=(255, 0, 0), width=3)
        image.save(path)

    def colours(self, rect: Rect) -> int:
        """How many distinct pixel values the region holds (1: blank or one flat colour)."""
        data = self.grab(rect)
        return len({data[i : i + 3] for i in range(0, len(data), 4)})

    def drain(self) -> None:
        """Forget the damage reported so far."""
        self.d.sync()
        while self.d.pending_events():
            self.d.next_event()

    def _damage_in(self, rect: Rect, timeout: float) -> float | None:
        """Wait up to ``timeout`` s for damage meeting ``rect``; when the last such event
        already queued was read (the frame's rectangles come together), or None."""
        end = time.perf_counter() + timeout
        while True:
            hit = None
            while self.d.pending_events():
                event = self.d.next_event()
                area = getattr(event, "area", None)
                if area is not None and rect.meets(area.x, area.y, area.width, area.height):
                    hit = time.perf_counter()
            if hit is not None:
                return hit
            left = end - time.perf_counter()
            if left <= 0:
                return None
            select.select([self.d.fileno()], [], [], left)

    def frames(
        self, rect: Rect, *, quiet: float, limit: float, at_least: float = 0.0
    ) -> list[Frame]:
        """Every frame that changed ``rect``, until none did for ``quiet`` s after at least
        ``at_least`` s (or ``limit`` s passed); the last one is the settled state. (A window
        that holds a web view is composed whole: every caret blink redraws all of it.)"""
        frames: list[Frame] = []
        start = last_change = time.perf_counter()
        end = start + limit
        shown = self.checksum(rect)
        while (now := time.perf_counter()) < end:
            if now - last_change >= quiet and now - start >= at_least:
                break
            wait = max(quiet - (now - last_change), at_least - (now - start), 0.001)
            at = self._damage_in(rect, min(wait, end - now))
            if at is None:
                continue
            checksum = self.checksum(rect)
            if checksum != shown:
                frames.append(Frame(at, checksum))
                shown, last_change = checksum, at
        return frames

    def type_watching(self, text: str, gap: float, rect: Rect) -> tuple[float, list[Frame]]:
        """Type ``text`` a key every ``gap`` s while keeping every frame that changed
        ``rect`` (read as they come, between the keys); when the last key was pressed, the
        frames."""
        frames: list[Frame] = []
        shown = self.checksum(rect)
        sent = 0.0
        for char in text:
            sent = self.key(char)
            while (left := sent + gap - time.perf_counter()) > 0:
                at = self._damage_in(rect, left)
                if at is not None and (checksum := self.checksum(rect)) != shown:
                    frames.append(Frame(at, checksum))
                    shown = checksum
        return sent, frames

    def wait_painted(self, rect: Rect, limit: float) -> float | None:
        """When ``rect`` first held more than one colour (a window painted there), or None."""
        end = time.perf_counter() + limit
        while time.perf_counter() < end:
            at = self._damage_in(rect, end - time.perf_counter())
            if at is not None and self.colours(rect) > 1:
                return at
        return None

    def settle(self, rect: Rect, quiet: float = 0.6, limit: float = 30.0) -> int:
        """Wait until ``rect`` has not changed for ``quiet`` s; its checksum then."""
        self.frames(rect, quiet=quiet, limit=limit)
        return self.checksum(rect)

    # -- sending input ----------------------------------------------------------------------

    def _keycode(self, char_or_name: str) -> tuple[int, bool]:
        if len(char_or_name) == 1:
            keysym = {"\n": XK.XK_Return, " ": XK.XK_space}.get(char_or_name, ord(char_or_name))
        else:
            keysym = XK.string_to_keysym(char_or_name)
        code = self.d.keysym_to_keycode(keysym)
        if not code:
            raise ValueError(f"no key for {char_or_name!r}")
        return code, self.d.keycode_to_keysym(code, 0) != keysym

    def key(self, char_or_name: str, *, ctrl: bool = False) -> float:
        """Press and release one key (a character or an X keysym name such as ``End``), as
        ``xdotool key`` does; returns when the server had the press."""
        code, shift = self._keycode(char_or_name)
        mods = [self.d.keysym_to_keycode(XK.XK_Control_L)] if ctrl else []
        if shift:
            mods.append(self.d.keysym_to_keycode(XK.XK_Shift_L))
        for mod in mods:
            xtest.fake_input(self.d, X.KeyPress, mod)
        xtest.fake_input(self.d, X.KeyPress, code)
        self.d.sync()
        sent = time.perf_counter()
        xtest.fake_input(self.d, X.KeyRelease, code)
        for mod in reversed(mods):
            xtest.fake_input(self.d, X.KeyRelease, mod)
        self.d.sync()
        return sent

    def type(self, text: str, gap: float) -> float:
        """Type ``text`` a key every ``gap`` s; when the last key was pressed."""
        sent = 0.0
        for i, char in enumerate(text):
            if i:
                time.sleep(max(0.0, gap - (time.perf_counter() - sent)))
            sent = self.key(char)
        return sent

    def click(self, x: int, y: int) -> None:
        xtest.fake_input(self.d, X.MotionNotify, x=x, y=y)
        xtest.fake_input(self.d, X.ButtonPress, 1)
        xtest.fake_input(self.d, X.ButtonRelease, 1)
        self.d.sync()
