"""The writer's preferences from the command line: ``byline config get|set|unset|list|path``
and ``byline whoami`` (the same file and keys as Edit ▸ Preferences…, see ``editor.config``)."""

from __future__ import annotations

import argparse
from typing import Any

from editor.cli.context import CommandContext
from editor.config import SETTINGS, USER_EMAIL, USER_NAME, find_setting
from editor.errors import BylineError


def register(sub: argparse._SubParsersAction) -> None:
    config = sub.add_parser(
        "config", help="read and change your preferences (name, e-mail, role, look)"
    )
    verbs = config.add_subparsers(dest="verb", metavar="ACTION", required=True)
    keys = ", ".join(s.key for s in SETTINGS)

    p = verbs.add_parser("get", help="print a setting's value in effect")
    p.add_argument("key", metavar="KEY", help=keys)
    p.set_defaults(handler=cmd_get)

    p = verbs.add_parser("set", help="change a setting, e.g. config set user.name 'Ana Ruiz'")
    p.add_argument("key", metavar="KEY", help=keys)
    p.add_argument("value", metavar="VALUE")
    p.set_defaults(handler=cmd_set)

    p = verbs.add_parser("unset", help="go back to a setting's default")
    p.add_argument("key", metavar="KEY", help=keys)
    p.set_defaults(handler=cmd_unset)

    p = verbs.add_parser("list", help="every setting: value, where it comes from, what it does")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_list)

    p = verbs.add_parser("path", help="print where the config file is")
    p.set_defaults(handler=cmd_path)

    p = sub.add_parser("whoami", help="print your name and e-mail (user.name, user.email)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_whoami)


def _shown(value: Any) -> str:
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


def cmd_get(ctx: CommandContext) -> int:
    setting = find_setting(ctx.args.key)
    ctx.print(_shown(ctx.config.get(setting)))
    return 0


def cmd_set(ctx: CommandContext) -> int:
    config = ctx.config
    setting = config.set_text(ctx.args.key, ctx.args.value)
    config.save()
    if setting.env and config.source(setting).startswith("environment"):
        ctx.warn(f"{setting.env} is set and overrides {setting.key} while it is.")
    return 0


def cmd_unset(ctx: CommandContext) -> int:
    config = ctx.config
    config.unset(ctx.args.key)
    config.save()
    return 0


def cmd_list(ctx: CommandContext) -> int:
    config = ctx.config
    rows = [
        {"key": s.key, "value": config.get(s), "source": config.source(s), "help": s.help,
         "choices": list(s.choices), "env": s.env}
        for s in SETTINGS
    ]  # fmt: skip
    if ctx.args.json:
        ctx.print_json({"path": str(config.path), "settings": rows})
        return 0
    for row in rows:
        ctx.print(f"{row['key']} = {_shown(row['value'])!s}    # {row['source']}: {row['help']}")
    return 0


def cmd_path(ctx: CommandContext) -> int:
    from editor.config import config_path

    ctx.print(config_path())
    return 0


def cmd_whoami(ctx: CommandContext) -> int:
    config = ctx.config
    name, email = config.get(USER_NAME), config.get(USER_EMAIL)
    if ctx.args.json:
        ctx.print_json({"name": name, "email": email})
        return 0
    if not name and not email:
        raise BylineError(
            "no name set: byline config set user.name 'Your Name' (or Edit ▸ Preferences…)."
        )
    ctx.print(f"{name} <{email}>" if name and email else name or f"<{email}>")
    return 0
