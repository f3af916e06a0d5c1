"""A disk cache of renditions, so a second export or preview does no image work.

Entries are keyed by (the original's SHA-256, width, format, settings): the settings part covers
the encoder settings, the pipeline version and the texts written into the file (caption, credit,
copyright), so editing a caption makes fresh copies of that photo only. Files are written
atomically (temporary file, then rename), so a crash or a parallel export never leaves half a
file under a valid name. Everything here can be deleted at any time.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from editor.paths import user_cache_dir


class RenditionCache:
    def __init__(self, root: Path | None = None) -> None:
        self.root = Path(root) if root is not None else default_cache_root()

    def path(self, sha256: str, width: int, ext: str, variant: str) -> Path:
        return self.root / sha256[:2] / f"{sha256}-{width}-{variant}.{ext}"

    def put(self, sha256: str, width: int, ext: str, variant: str, data: bytes) -> Path:
        target = self.path(sha256, width, ext, variant)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=f".{ext}")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                os.fchmod(fh.fileno(), 0o644)  # mkstemp's 0600 would follow into exports
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return target

    def clear(self) -> None:
        import shutil

        shutil.rmtree(self.root, ignore_errors=True)


def default_cache_root() -> Path:
    """The user's cache folder (platformdirs; ``BYLINE_CACHE_DIR`` overrides it)."""
    return user_cache_dir() / "renditions"
