"""Entry point of the ``byline`` command.

Exit codes: 0 done, 1 the operation failed, 2 bad input. Errors are one clear line on stderr,
never a traceback (that goes to the log file when one is configured).

Start-up is kept to what ``python -c pass`` does plus argparse: this module imports nothing
else until the command is known (``tests/unit/test_cli_startup.py``), then only that
command's module (see ``editor.cli.commands``).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from editor import __version__
from editor.cli.commands import COMMANDS

TYPE_CHECKING = False  # not typing's: importing typing costs a tenth of `byline --version`
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from editor.cli.context import CommandContext


class _StandIn(argparse.ArgumentParser):
    """A command's place in the first pass: it takes whatever follows the command's name,
    which the second pass parses with the command's own parser. (Building 31 real parsers
    would take a quarter of `byline --version`.)"""

    def __init__(self, **_kwargs: object) -> None:  # nothing to set up: it never parses
        pass

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: object = None
    ) -> tuple[argparse.Namespace, list[str]]:
        return argparse.Namespace(), list(args or [])


def _top_parser(stand_ins: bool) -> tuple[argparse.ArgumentParser, argparse._SubParsersAction]:
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
    sub = parser.add_subparsers(
        dest="command", metavar="COMMAND",
        parser_class=_StandIn if stand_ins else argparse.ArgumentParser,
    )  # fmt: skip
    return parser, sub


def _register(sub: argparse._SubParsersAction, module: str) -> None:
    importlib.import_module(f"editor.cli.{module}").register(sub)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The ``byline`` parser. Without ``command``, each command is only its name and help line
    from ``COMMANDS`` (all ``byline --help`` shows), so nothing heavy is imported; with one,
    its module is imported and registers the real parser; ``"*"`` registers every module."""
    parser, sub = _top_parser(stand_ins=command is None)
    if command is None:
        for name, (_, help_text) in COMMANDS.items():
            sub.add_parser(name, help=help_text)
    elif command == "*":
        for module in dict.fromkeys(module for module, _ in COMMANDS.values()):
            _register(sub, module)
    else:
        _register(sub, COMMANDS[command][0])
    return parser


def _parse(argv: list[str]) -> argparse.Namespace:
    """Two passes: find the command among stand-ins (or print the top-level help or version),
    then parse again with the command's own parser, importing only its module."""
    stand_ins = build_parser()
    first, _ = stand_ins.parse_known_args(argv)
    if first.command is None:
        return stand_ins.parse_args(argv)
    return build_parser(first.command).parse_args(argv)


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


# What a shell reports for a program ended by SIGPIPE (128 + 13), as `yes | head -1` does.
EXIT_CLOSED_PIPE = 141


def main(argv: Sequence[str] | None = None) -> int:
    try:
        try:
            return _main(sys.argv[1:] if argv is None else list(argv))
        finally:  # also after --help and --version, which end in SystemExit
            sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (`byline list | head -1`): stop quietly, like Unix tools do.
        _discard_stdout()
        return EXIT_CLOSED_PIPE


def _discard_stdout() -> None:
    """Point stdout at /dev/null so that Python's flush at exit does not fail a second time
    (the recipe in Python's `signal` documentation)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # not a real file (tests capture it): nothing to flush
        pass


def _main(argv: list[str]) -> int:
    gui = _gui_request(argv)
    if gui is not None:
        from editor.app import run_gui  # logs to a file; to stderr too with --verbose

        return run_gui(db=gui.db, read_only=gui.read_only, verbose=gui.verbose)
    args = _parse(argv)
    if args.command is None:
        from editor.app import run_gui

        return run_gui(db=args.db, read_only=args.read_only, verbose=args.verbose)
    import logging

    from editor.cli.context import CommandContext
    from editor.errors import BylineError

    log = logging.getLogger("byline")
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="byline: %(message)s",
    )
    handler: Callable[[CommandContext], int] = args.handler
    ctx = CommandContext(args)
    try:
        return handler(ctx)
    except BrokenPipeError:
        raise
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
