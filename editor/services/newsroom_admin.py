"""Setting up a shared PostgreSQL newsroom: the group role every person belongs to, each
person's own login role, and each blog's editors. Run by the database's owner
(``byline newsroom ...``); the rules themselves are in migration 0010.

Roles are PostgreSQL's own: a person connects as theirs
(``--db postgresql+psycopg://lucia@host/newsroom``), and PostgreSQL knows who they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from editor.errors import InputError, PermissionDeniedError
from editor.model import Blog

MEMBER_ROLE = "byline_member"
# PostgreSQL identifiers Byline creates or names: plain lower-case words, so they never need
# quoting in a URL or a psql session and cannot smuggle SQL.
ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
# Members read and write everything Byline stores; the editors list and the schema stamp are
# the owner's alone (row-level security then narrows what each may do with posts).
OWNER_ONLY = ("blog_editors", "alembic_version")


@dataclass(frozen=True)
class Member:
    role: str
    editor_of: list[str]

    def to_json(self) -> dict[str, object]:
        return {"role": self.role, "editor_of": self.editor_of}


def check_role_name(name: str) -> str:
    name = name.strip()
    if not ROLE_NAME.match(name):
        raise InputError(
            f"ROLE: {name!r} is not a usable role name (lower-case letters, digits and _, "
            "starting with a letter, at most 63)."
        )
    return name


def require_postgres(session: Session) -> None:
    if session.get_bind().dialect.name != "postgresql":
        raise InputError(
            "--db: a newsroom needs a shared PostgreSQL database "
            "(--db postgresql+psycopg://OWNER@HOST/DBNAME); an SQLite file is for one person."
        )


def require_owner(session: Session) -> str:
    """The current role, when it owns Byline's tables (only the owner administers)."""
    require_postgres(session)
    me, owner, owns = session.execute(
        text(
            "SELECT current_user, pg_get_userbyid(relowner), "
            "pg_has_role(current_user, relowner, 'MEMBER') "
            "FROM pg_class WHERE oid = 'posts'::regclass"
        )
    ).one()
    if not owns:
        raise PermissionDeniedError(
            f"Only the database's owner ({owner}) can administer the newsroom; you are {me}."
        )
    return str(me)


def setup(session: Session) -> list[str]:
    """Create the group role (if missing) and grant it what Byline needs. Idempotent; says
    what it did."""
    require_owner(session)
    done: list[str] = []
    if not _role_exists(session, MEMBER_ROLE):
        _as_owner(session, f"CREATE ROLE {MEMBER_ROLE} NOLOGIN", MEMBER_ROLE)
        done.append(f"created the group role {MEMBER_ROLE}")
    database = session.scalar(text("SELECT current_database()"))
    quoted = _quote(session, str(database))
    for statement in (
        f"GRANT CONNECT ON DATABASE {quoted} TO {MEMBER_ROLE}",
        f"GRANT USAGE ON SCHEMA public TO {MEMBER_ROLE}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {MEMBER_ROLE}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {MEMBER_ROLE}",
        # Tables later migrations add (run by this same owner) are granted as they appear.
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA public "
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {MEMBER_ROLE}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA public "
        f"GRANT USAGE, SELECT ON SEQUENCES TO {MEMBER_ROLE}",
        *(f"REVOKE INSERT, UPDATE, DELETE ON {t} FROM {MEMBER_ROLE}" for t in OWNER_ONLY),
    ):
        session.execute(text(statement))
    done.append(f"granted {MEMBER_ROLE} what Byline needs in {database}")
    return done


def add_person(session: Session, role: str, *, editor_of: list[str] | None = None) -> list[str]:
    """Give ``role`` a place in the newsroom (creating the login role if missing), and make
    it an editor of the blogs named."""
    role = check_role_name(role)
    require_owner(session)
    blogs = [_blog(session, name) for name in editor_of or []]
    if not _role_exists(session, MEMBER_ROLE):
        raise InputError("The newsroom is not set up yet: run `byline newsroom setup` first.")
    done: list[str] = []
    if not _role_exists(session, role):
        _as_owner(session, f"CREATE ROLE {role} LOGIN", role)
        done.append(f"created the login role {role}")
    _as_owner(session, f"GRANT {MEMBER_ROLE} TO {role}", role)
    done.append(f"{role} is a member of the newsroom")
    for blog in blogs:
        set_editor(session, blog.name, role, True)
        done.append(f"{role} edits {blog.name}")
    return done


def set_editor(session: Session, blog_name: str, role: str, editor: bool) -> bool:
    """Add (or remove) ``role`` to the blog's editors; whether anything changed."""
    role = check_role_name(role)
    require_owner(session)
    blog = _blog(session, blog_name)
    if editor:
        if not _role_exists(session, role):
            raise InputError(f"ROLE: there is no PostgreSQL role {role!r} (add-person makes it).")
        stmt = (
            "INSERT INTO blog_editors (blog_id, role_name) VALUES (:b, :r) ON CONFLICT DO NOTHING"
        )
    else:
        stmt = "DELETE FROM blog_editors WHERE blog_id = :b AND role_name = :r"
    return bool(session.execute(text(stmt), {"b": blog.id, "r": role}).rowcount)  # type: ignore[attr-defined]


def editors(session: Session, blog_name: str) -> list[str]:
    require_postgres(session)
    blog = _blog(session, blog_name)
    rows = session.scalars(
        text("SELECT role_name FROM blog_editors WHERE blog_id = :b ORDER BY role_name"),
        {"b": blog.id},
    )
    return [str(r) for r in rows]


def people(session: Session) -> list[Member]:
    """Every member of the newsroom with the blogs they edit."""
    require_postgres(session)
    rows = session.execute(
        text(
            "SELECT m.rolname, b.name FROM pg_auth_members am "
            "JOIN pg_roles g ON g.oid = am.roleid JOIN pg_roles m ON m.oid = am.member "
            "LEFT JOIN blog_editors e ON e.role_name = m.rolname "
            "LEFT JOIN blogs b ON b.id = e.blog_id "
            "WHERE g.rolname = :group ORDER BY m.rolname, b.name"
        ),
        {"group": MEMBER_ROLE},
    )
    found: dict[str, list[str]] = {}
    for role, blog in rows:
        found.setdefault(str(role), [])
        if blog is not None:
            found[str(role)].append(str(blog))
    return [Member(role, blogs) for role, blogs in found.items()]


def _blog(session: Session, name: str) -> Blog:
    from editor.services.blogs import find_blog

    return find_blog(session, name)


def _role_exists(session: Session, role: str) -> bool:
    found = session.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role})
    return found is not None


def _as_owner(session: Session, statement: str, role: str) -> None:
    """Run a role statement, turning a missing CREATEROLE into what to do about it."""
    try:
        with session.begin_nested():
            session.execute(text(statement))
    except DBAPIError as exc:
        if getattr(exc.orig, "sqlstate", None) != "42501":
            raise
        raise PermissionDeniedError(
            f"Your PostgreSQL role may not manage roles ({statement.split(' TO ')[0]}): ask a "
            f"superuser to run `{statement}` (or give you CREATEROLE), then run this again."
        ) from None


def _quote(session: Session, name: str) -> str:
    return session.get_bind().dialect.identifier_preparer.quote(name)
