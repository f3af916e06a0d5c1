"""Commands on publishing targets: add, test, list, remove. Passwords never go in argv."""

from __future__ import annotations

import argparse
import getpass

from editor.cli.context import CommandContext
from editor.publish.secrets import ENV_VAR, SecretStore
from editor.services import blogs, targets


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("target", help="publishing targets (WordPress REST, MetaWeblog XML-RPC)")
    tsub = p.add_subparsers(dest="target_command", metavar="ACTION", required=True)

    a = tsub.add_parser("add", help=f"add a target; the password comes from ${ENV_VAR} or a prompt")
    a.add_argument("name", metavar="NAME")
    a.add_argument("--kind", required=True, choices=["wordpress", "metaweblog"])
    a.add_argument("--url", required=True, help="the site's home page URL")
    a.add_argument("--user", required=True, help="user name on the site")
    a.add_argument("--api-url", default="", help="skip discovery and use this API address")
    a.add_argument(
        "--allow-http",
        action="store_true",
        help="allow plain http to a host other than this machine (unencrypted!)",
    )
    a.add_argument(
        "--default-for",
        metavar="BLOG",
        help="push this blog's posts here when `byline push` has no --to",
    )
    a.set_defaults(handler=cmd_add)

    t = tsub.add_parser("test", help="log in to the target (an authenticated call)")
    t.add_argument("name", metavar="NAME")
    t.set_defaults(handler=cmd_test)

    li = tsub.add_parser("list", help="list targets")
    li.add_argument("--json", action="store_true")
    li.set_defaults(handler=cmd_list)

    r = tsub.add_parser("remove", help="remove a target and its keychain entry")
    r.add_argument("name", metavar="NAME")
    r.set_defaults(handler=cmd_remove)


def cli_secrets(ctx: CommandContext) -> SecretStore:
    """Secrets for one command: the keychain, else $BYLINE_PASSWORD, else a prompt."""
    return SecretStore(prompt=getpass.getpass, notify=ctx.warn)


def cmd_add(ctx: CommandContext) -> int:
    a = ctx.args
    with ctx.store.session() as session:
        target = targets.add_target(
            session,
            name=a.name,
            kind=a.kind,
            site_url=a.url,
            username=a.user,
            allow_http=a.allow_http,
            api_url=a.api_url,
        )
        api_url = target.api_url
        if a.default_for:
            targets.set_default(session, a.name, blogs.find_blog(session, a.default_for).id)
        secrets = cli_secrets(ctx)
        password = secrets.get(a.name, a.user)
        in_keychain = secrets.set(a.name, password)
    where = "the keychain" if in_keychain else "memory for this command only"
    ctx.print(f"target {a.name} added ({a.kind} API at {api_url}); password kept in {where}")
    return 0


def cmd_test(ctx: CommandContext) -> int:
    with ctx.store.session() as session:
        target = targets.get_target(session, ctx.args.name)
        session.expunge(target)
    secrets = cli_secrets(ctx)
    who = targets.test_target(target, secrets)
    ctx.print(f"target {target.name}: logged in as {who}")
    return 0


def cmd_list(ctx: CommandContext) -> int:
    with ctx.store.session() as session:
        rows = [
            {
                "name": t.name,
                "kind": t.kind,
                "site_url": t.site_url,
                "api_url": t.api_url,
                "user": t.username,
                "allow_http": t.allow_http,
            }
            for t in targets.list_targets(session)
        ]
    if ctx.args.json:
        ctx.print_json(rows)
        return 0
    for r in rows:
        ctx.print(f"{r['name']:<20} {r['kind']:<11} {r['user']:<16} {r['site_url']}")
    return 0


def cmd_remove(ctx: CommandContext) -> int:
    with ctx.store.session() as session:
        targets.remove_target(session, ctx.args.name, SecretStore())
    ctx.print(f"target {ctx.args.name} removed")
    return 0
