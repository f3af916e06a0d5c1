"""Entry point of the ``byline`` command.

Exit codes: 0 done, 1 the operation failed, 2 bad input. Errors are one clear line on stderr,
never a traceback (that goes to the log file when one is configured).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from types import ModuleType
from typing import TYPE_CHECKING

from editor import __version__
from editor.errors import BylineError

if TYPE_CHECKING:
    from editor.cli.context import CommandContext

log = logging.getLogger("byline")


def _command_modules() -> list[ModuleType]:
    from editor.cli import (
        blogs,
        config,
        doctor,
        edit,
        lease,
        newsroom,
        photos,
        posts,
        proofing,
        publish,
        render,
        review,
        sidebar,
        suggest,
        targets,
        trash,
    )

    return [
        posts, review, suggest, trash, edit, render, photos, blogs, sidebar, targets, publish,
        proofing, config, doctor, lease, newsroom,
    ]  # fmt: skip


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="byline",
        description="Offline newsroom editor. Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"byline {__version__}")
    parser.add_argument(
        "--db", metavar="PATH|URL",
        help="database file or SQLAlchemy URL (default: $BYLINE_DB, else the user data folder)",
    )  # fmt: skip
    parser.add_argument("--read-only", action="store_true", help="open the database read-only")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in _command_modules():
        module.register(sub)
    return parser


def _gui_request(argv: Sequence[str]) -> argparse.Namespace | None:
    """The arguments when no command is given (open the window), else None.

    Checked before the full parser is built, because building it imports every command and
    with them SQLAlchemy (~0.5 s), which the window does not need before its first paint.
    """
    if any(a in ("-h", "--help", "--version") for a in argv):
        return None
    quick = argparse.ArgumentParser(add_help=False)
    quick.add_argument("--db")
    quick.add_argument("--read-only", action="store_true")
    quick.add_argument("-v", "--verbose", action="store_true")
    try:
        args, rest = quick.parse_known_args(list(argv))
    except SystemExit:
        return None
    return None if rest else args


def _one_line(message: str) -> str:
    """Errors are one line on stderr: a driver's DETAIL lines are joined, never printed apart."""
    return " ".join(part.strip() for part in message.splitlines() if part.strip())


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    gui = _gui_request(argv)
    if gui is not None:
        from editor.app import run_gui  # logs to a file; to stderr too with --verbose

        return run_gui(db=gui.db, read_only=gui.read_only, verbose=gui.verbose)
    from editor.cli.context import CommandContext

    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from editor.app import run_gui

        return run_gui(db=args.db, read_only=args.read_only, verbose=args.verbose)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="byline: %(message)s",
    )
    handler: Callable[[CommandContext], int] = args.handler
    ctx = CommandContext(args)
    try:
        return handler(ctx)
    except BylineError as exc:
        print(f"byline {args.command}: {_one_line(str(exc))}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(f"byline {args.command}: interrupted", file=sys.stderr)
        return 1
    except Exception as exc:  # a bug: say so plainly, keep the details in the log
        log.debug("unexpected error", exc_info=True)
        print(f"byline {args.command}: unexpected error: {_one_line(repr(exc))} "
              "(run with -v for details)",
              file=sys.stderr)  # fmt: skip
        if args.verbose:
            import traceback

            traceback.print_exc()
        return 1
    finally:
        ctx.close()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
