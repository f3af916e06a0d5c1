"""``byline doctor``: check an SQLite database's integrity, and recover what can be read from a
damaged one into a new file. The original is only ever read."""

from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path

from editor.cli.context import CommandContext
from editor.errors import BylineError, InputError
from editor.store.database import SQLITE_MAGIC, open_store, quick_check, resolve_location
from editor.store.salvage import salvage


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "doctor", help="check the database for damage; --recover copies what can be read"
    )
    p.add_argument(
        "--recover", type=Path, metavar="NEW_FILE",
        help="write what can be read into this new file (the original is untouched)",
    )  # fmt: skip
    p.set_defaults(handler=cmd_doctor)


def _sqlite_path(ctx: CommandContext) -> Path:
    where = resolve_location(ctx.args.db)
    if "://" in where and not where.startswith("sqlite"):
        raise InputError("doctor: only SQLite files can be checked this way.")
    path = Path(where.split("///", 1)[-1] if "://" in where else where).expanduser()
    if not path.is_file():
        raise InputError(f"doctor: {path} is not a file.")
    with path.open("rb") as handle:
        if handle.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
            raise InputError(f"doctor: {path} is not an SQLite file.")
    return path


def cmd_doctor(ctx: CommandContext) -> int:
    path = _sqlite_path(ctx)
    problems = quick_check(path, full=True)
    if ctx.args.recover is None:
        if not problems:
            ctx.print(f"{path}: ok (integrity check passed)")
            return 0
        ctx.print(f"{path}: damaged, {len(problems)} problem(s):")
        for line in problems[:20]:
            ctx.print(f"  {line}")
        ctx.print("Recover what can be read with: byline doctor --recover NEW_FILE")
        return 1
    target: Path = ctx.args.recover
    if target.exists():
        raise InputError(f"--recover: {target} exists already; give a new file name.")
    _recover(path, target, ctx)
    rescued = quick_check(target, full=True)
    if rescued:
        target.unlink(missing_ok=True)
        raise BylineError(f"the recovered copy is not sound either ({rescued[0]}); nothing kept.")
    try:
        open_store(target).close()  # the recovered copy must open as a Byline database
    except BylineError as exc:
        raise BylineError(f"recovered {target}, but it does not open: {exc}") from None
    state = "damaged" if problems else "intact"
    ctx.print(f"recovered {path} ({state}) into {target}; the original was not changed")
    return 0


def _recover(source: Path, target: Path, ctx: CommandContext) -> None:
    try:
        report = salvage(source, target)
    except sqlite3.Error as exc:
        target.unlink(missing_ok=True)
        raise BylineError(f"recovery failed: {exc}") from None
    copied = sum(report.tables.values())
    lost = sum(report.lost.values())
    ctx.print(f"copied {copied} rows from {len(report.tables)} tables; "
              f"{lost} rows could not be read")  # fmt: skip
