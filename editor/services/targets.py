"""Publishing targets: adding (with API discovery), listing, removing, connecting, testing."""

from __future__ import annotations

import re
from collections.abc import Callable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from editor.errors import InputError, NotFoundError
from editor.model import Blog, Target, TargetKind
from editor.publish.base import TargetClient
from editor.publish.clients import open_client
from editor.publish.discovery import discover_rest, discover_xmlrpc
from editor.publish.errors import AuthError
from editor.publish.http import HttpClient, check_url
from editor.publish.secrets import SecretStore
from editor.services import newsroom

ClientFactory = Callable[[Target, str], TargetClient]
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")


def list_targets(session: Session) -> list[Target]:
    return list(session.scalars(select(Target).order_by(func.lower(Target.name))))


def get_target(session: Session, name: str) -> Target:
    target = session.scalar(select(Target).where(Target.name == name))
    if target is None:
        raise NotFoundError(f"No publishing target named {name!r} (see `byline target list`).")
    return target


def add_target(
    session: Session,
    *,
    name: str,
    kind: str,
    site_url: str,
    username: str,
    allow_http: bool = False,
    api_url: str = "",
) -> Target:
    """A new target; the API address is discovered from the site unless ``api_url`` is given."""
    if not _NAME.match(name):
        raise InputError(f"target name {name!r}: use letters, digits, '.', '_' or '-'")
    try:
        kind = TargetKind(kind).value
    except ValueError:
        raise InputError(f"--kind {kind!r}: one of wordpress, metaweblog") from None
    if not username.strip():
        raise InputError("--user: a user name is needed")
    site_url = check_url(site_url, allow_http=allow_http)
    if session.scalar(select(Target.id).where(Target.name == name)) is not None:
        raise InputError(f"a target named {name!r} exists already; remove it first")
    if not api_url:
        http = HttpClient(allow_http=allow_http)
        try:
            finder = discover_rest if kind == TargetKind.WORDPRESS else discover_xmlrpc
            api_url = finder(site_url, http)
        finally:
            http.close()
    api_url = check_url(api_url, allow_http=allow_http, what="API URL")
    target = Target(
        name=name,
        kind=kind,
        site_url=site_url,
        api_url=api_url,
        username=username.strip(),
        allow_http=allow_http,
    )
    session.add(target)
    session.flush()
    return target


def set_default(session: Session, name: str, blog_id: int) -> Target:
    """Make ``name`` the target a post of this blog is pushed to when none is named."""
    target = get_target(session, name)
    for other in session.scalars(select(Target).where(Target.default_for_blog_id == blog_id)):
        other.default_for_blog_id = None
    session.flush()
    target.default_for_blog_id = blog_id
    blog = session.get(Blog, blog_id)
    if blog is not None and blog.default_target != target.name:
        # the blog profile shows (and `blog set --target` edits) the same
        newsroom.check_blog(session, blog.id)
        blog.default_target = target.name
    return target


def default_target_name(session: Session, blog_id: int, blog_name: str) -> str:
    """The blog profile's target (``byline blog set --target``) if it exists, else the one
    marked with ``target add --default-for``."""
    blog = session.get(Blog, blog_id)
    named = blog.default_target if blog is not None else None
    if named and session.scalar(select(Target.name).where(Target.name == named)):
        return named
    name = session.scalar(select(Target.name).where(Target.default_for_blog_id == blog_id))
    if name is None:
        raise InputError(
            f"blog {blog_name!r} has no default target: give --to NAME, or set one with "
            "`byline target add ... --default-for BLOG`"
        )
    return name


def remove_target(session: Session, name: str, secrets: SecretStore | None = None) -> None:
    target = get_target(session, name)
    session.delete(target)
    if secrets is not None:
        secrets.delete(name)


def connect(
    target: Target, secrets: SecretStore, factory: ClientFactory | None = None
) -> TargetClient:
    """A client for ``target``, logged in with the password from ``secrets``."""
    password = secrets.get(target.name, target.username)
    if factory is not None:
        return factory(target, password)
    return open_client(
        target.kind, target.api_url, target.username, password, allow_http=target.allow_http
    )


def test_target(target: Target, secrets: SecretStore, factory: ClientFactory | None = None) -> str:
    """An authenticated call (REST /users/me, XML-RPC wp.getProfile); returns who we are."""
    client = connect(target, secrets, factory)
    try:
        return client.check_login()
    except AuthError:
        secrets.forget(target.name)
        raise
    finally:
        client.close()
