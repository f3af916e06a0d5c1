"""One small interface over a Hunspell dictionary, with two engines behind it.

Measured on this machine (es_ES, 20,000 dictionary words; ``make bench`` repeats it):
libhunspell through ctypes loads in ~0.14 s and checks a word in ~4 µs; pyenchant over the
same library checks in ~26 µs (its provider layer and encoding per call) and cannot load a
dictionary from a path of our choosing (the user folder, an unpacked ``.oxt``); spylls, pure
Python, checks in ~12 µs but needs ~2.3 s and ~60 MB more to load and ~0.6 s per suggestion.
So the system's libhunspell is used directly where it exists, spylls where it does not.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import logging
import warnings
from functools import cache
from pathlib import Path
from typing import Protocol

log = logging.getLogger(__name__)

_LIBRARY_NAMES = ("hunspell-1.7", "hunspell-1.6", "hunspell")
_SONAMES = ("libhunspell-1.7.so.0", "libhunspell-1.6.so.0", "libhunspell.dylib")


class SpellEngine(Protocol):
    """A loaded dictionary: does it know a word, and what might the writer have meant."""

    name: str

    def check(self, word: str) -> bool: ...

    def suggest(self, word: str) -> list[str]: ...

    def add(self, word: str) -> None:
        """Accept ``word`` for the rest of this session (word lists feed this)."""


class EngineUnavailable(RuntimeError):
    pass


@cache
def _libhunspell() -> ctypes.CDLL | None:
    candidates = [ctypes.util.find_library(n) for n in _LIBRARY_NAMES]
    for name in [c for c in candidates if c] + list(_SONAMES):
        try:
            lib = ctypes.CDLL(name)
        except OSError:
            continue
        lib.Hunspell_create.restype = ctypes.c_void_p
        lib.Hunspell_create.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
        lib.Hunspell_destroy.argtypes = [ctypes.c_void_p]
        lib.Hunspell_spell.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
        lib.Hunspell_get_dic_encoding.restype = ctypes.c_char_p
        lib.Hunspell_get_dic_encoding.argtypes = [ctypes.c_void_p]
        lib.Hunspell_suggest.argtypes = [
            ctypes.c_void_p,
            ctypes.POINTER(ctypes.POINTER(ctypes.c_char_p)),
            ctypes.c_char_p,
        ]
        lib.Hunspell_free_list.argtypes = [
            ctypes.c_void_p,
            ctypes.POINTER(ctypes.POINTER(ctypes.c_char_p)),
            ctypes.c_int,
        ]
        lib.Hunspell_add.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
        return lib
    return None


class HunspellEngine:
    """The system's libhunspell, called through ctypes (no compiled wheel needed)."""

    name = "hunspell"

    def __init__(self, dic: Path) -> None:
        lib = _libhunspell()
        if lib is None:
            raise EngineUnavailable("libhunspell is not installed")
        self._lib = lib
        aff = dic.with_suffix(".aff")
        handle = lib.Hunspell_create(bytes(aff), bytes(dic))
        if not handle:
            raise EngineUnavailable(f"{dic}: Hunspell could not load it")
        self._handle = handle
        raw = lib.Hunspell_get_dic_encoding(handle) or b"UTF-8"
        encoding = raw.decode("ascii", "replace").strip().lower()
        self._encoding = {"iso8859-1": "latin-1", "microsoft-cp1251": "cp1251"}.get(
            encoding, encoding
        )
        try:
            "a".encode(self._encoding)
        except LookupError:
            self._encoding = "utf-8"

    def _bytes(self, word: str) -> bytes | None:
        try:
            return word.encode(self._encoding)
        except UnicodeEncodeError:
            return None  # a letter this dictionary's alphabet does not have

    def check(self, word: str) -> bool:
        raw = self._bytes(word)
        return raw is not None and bool(self._lib.Hunspell_spell(self._handle, raw))

    def suggest(self, word: str) -> list[str]:
        raw = self._bytes(word)
        if raw is None:
            return []
        out = ctypes.POINTER(ctypes.c_char_p)()
        count = self._lib.Hunspell_suggest(self._handle, ctypes.byref(out), raw)
        try:
            return [out[i].decode(self._encoding, "replace") for i in range(count)]
        finally:
            self._lib.Hunspell_free_list(self._handle, ctypes.byref(out), count)

    def add(self, word: str) -> None:
        raw = self._bytes(word)
        if raw is not None:
            self._lib.Hunspell_add(self._handle, raw)

    def __del__(self) -> None:
        handle = getattr(self, "_handle", None)
        if handle:
            self._lib.Hunspell_destroy(handle)
            self._handle = None


class SpyllsEngine:
    """Pure-Python Hunspell (spylls), for systems without libhunspell: slower to load."""

    name = "spylls"

    def __init__(self, dic: Path) -> None:
        try:
            from spylls.hunspell import Dictionary
        except ImportError:
            raise EngineUnavailable("neither libhunspell nor spylls is installed") from None
        # spylls leaves its .aff/.dic files for the garbage collector to close: close them here,
        # quietly, rather than warn later from an unrelated place.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ResourceWarning)
            self._dictionary = Dictionary.from_files(str(dic.with_suffix("")))
            gc.collect()
        self._added: set[str] = set()

    def check(self, word: str) -> bool:
        return word in self._added or bool(self._dictionary.lookup(word))

    def suggest(self, word: str) -> list[str]:
        found: list[str] = []
        for suggestion in self._dictionary.suggest(word):
            found.append(suggestion)
            if len(found) >= 10:
                break
        return found

    def add(self, word: str) -> None:
        self._added.add(word)


def load_engine(dic: Path, prefer: str | None = None) -> SpellEngine:
    """The fastest engine available for the ``.dic``/``.aff`` pair at ``dic``."""
    order = ("hunspell", "spylls") if prefer != "spylls" else ("spylls", "hunspell")
    errors: list[str] = []
    for name in order:
        try:
            return HunspellEngine(dic) if name == "hunspell" else SpyllsEngine(dic)
        except EngineUnavailable as exc:
            errors.append(str(exc))
    raise EngineUnavailable("; ".join(errors))
