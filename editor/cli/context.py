"""What a command needs: the parsed arguments, the store (opened on first use) and output."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from editor.config import Config
    from editor.store.database import Store


@dataclass
class CommandContext:
    args: argparse.Namespace
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
    _store: Store | None = None
    _config: Config | None = None

    @property
    def store(self) -> Store:
        if self._store is None:
            from editor.store.database import open_store

            self._store = open_store(self.args.db, read_only=self.args.read_only)
            self._store.whoami = self._person
            if self._store.read_only:
                self.warn(f"{self._store.description} is read-only; changes are refused.")
        return self._store

    @property
    def config(self) -> Config:
        """The writer's preferences (``editor.config``), read on first use."""
        if self._config is None:
            from editor.config import Config

            self._config = Config.load()
        return self._config

    def _person(self) -> Any:
        from editor.config import person

        return person(self.config)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()

    def print(self, *parts: Any) -> None:
        print(*parts, file=self.out)

    def warn(self, message: str) -> None:
        print(f"byline: {message}", file=self.err)

    def progress_printer(self, label: str) -> Callable[[int, int], None] | None:
        """A ``done/total`` counter on stderr for long work, only when stderr is a terminal."""
        if not self.err.isatty():
            return None

        def show(done: int, total: int) -> None:
            end = "\n" if done >= total else ""
            print(f"\r{label}: {done}/{total}", end=end, file=self.err, flush=True)

        return show

    def print_json(self, data: Any) -> None:
        json.dump(data, self.out, ensure_ascii=False, indent=2, default=str)
        self.out.write("\n")
