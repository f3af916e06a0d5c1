"""Bringing a database to this Byline's schema when it opens: judging the stamped revision
(another application's database, a newer Byline, a read-only file), and upgrading it, under an
advisory lock on PostgreSQL (several processes may open a new database at once) and only by
the role owning the tables (a shared newsroom's writers never half-upgrade it)."""

from __future__ import annotations

import logging

from sqlalchemy import text
from sqlalchemy.engine import URL, Connection

from editor.errors import StoreError
from editor.store.schema import SCHEMA_HEAD

log = logging.getLogger("editor.store.database")


def _current_revision(conn: Connection) -> tuple[str | None, bool]:
    """(revision stamped in the database, whether it has any tables at all)."""
    if conn.dialect.name == "sqlite":  # one query: the reflection API costs ~10 ms to import
        names = conn.exec_driver_sql(
            "SELECT name FROM sqlite_master "
            "WHERE type='table' AND name NOT LIKE 'sqlite~_%' ESCAPE '~'"
        )
        tables = {row[0] for row in names}
    else:
        from sqlalchemy import inspect

        tables = set(inspect(conn).get_table_names())
    if "alembic_version" not in tables:
        return None, bool(tables)
    rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    return (rows[0] if rows else None), True


def judge_revision(revision: str | None, has_tables: bool, where: str, *, read_only: bool) -> bool:
    """Refuse what Byline must not touch; say whether migrations must run."""
    if revision == SCHEMA_HEAD:
        return False
    if revision is None and has_tables:
        raise StoreError(
            f"{where} is a database of another application (it has tables but no Byline "
            "schema); it was left untouched."
        )
    from editor.store.migrations import known_revisions

    if revision is not None and revision not in known_revisions():
        raise StoreError(
            f"{where} was written by a newer version of Byline (schema {revision}); "
            "update Byline to open it. The database was left untouched."
        )
    if read_only:
        raise StoreError(
            f"{where} is read-only and needs an upgrade to this version's schema; "
            "open a writable copy instead."
        )
    return True


# Any fixed number: every Byline process takes it before looking at or upgrading the schema.
_SCHEMA_LOCK = 0x42796C696E65


def ensure_schema(conn: Connection, url: URL, *, read_only: bool) -> None:
    if conn.dialect.name != "postgresql" or read_only:
        _ensure_schema_locked(conn, url, read_only=read_only)
        return
    if _postgres_revision(conn) == SCHEMA_HEAD:
        return  # current: no lock, no reflection (every `byline` command opens the store)
    # Several processes opening a new PostgreSQL database at once would all create the tables
    # (SQLite serialises this with its write lock; PostgreSQL needs to be told).
    conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _SCHEMA_LOCK})
    conn.commit()
    try:
        _ensure_schema_locked(conn, url, read_only=read_only)
    finally:
        conn.rollback()
        conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _SCHEMA_LOCK})
        conn.commit()


def _postgres_revision(conn: Connection) -> str | None:
    """The stamped revision in one look, None when there is none (the locked path decides)."""
    try:
        stamped = conn.exec_driver_sql("SELECT to_regclass('alembic_version') IS NOT NULL")
        revision = None
        if stamped.scalar():
            revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    finally:
        conn.rollback()
    return revision


def _ensure_schema_locked(conn: Connection, url: URL, *, read_only: bool) -> None:
    revision, has_tables = _current_revision(conn)
    conn.rollback()
    where = url.database if url.get_backend_name() == "sqlite" else url.render_as_string(True)
    if not judge_revision(revision, has_tables, str(where), read_only=read_only):
        return
    from editor.store.migrations import upgrade

    if conn.dialect.name == "postgresql" and has_tables and not _owns_schema(conn):
        raise StoreError(
            f"{where} needs an upgrade to this Byline's schema, which only its owner may "
            "make: ask them to open it with this version first."
        )
    log.info("upgrading %s from %s to %s", where, revision or "empty", SCHEMA_HEAD)
    if conn.dialect.name != "sqlite":
        upgrade(conn)
        conn.commit()
        return
    # SQLite alters a table by copying it; with foreign keys on, dropping the old copy of a
    # referenced table (blogs) would fail. SQLite's documented recipe: keys off (outside any
    # transaction), migrate, check every reference still holds, keys back on.
    raw = conn.connection.dbapi_connection
    assert raw is not None
    raw.execute("PRAGMA foreign_keys=OFF")
    try:
        upgrade(conn)
        broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if broken:
            conn.rollback()
            raise StoreError(f"Upgrading {where} would break references ({broken[:3]}); "
                             "nothing was changed.")  # fmt: skip
        conn.commit()
    finally:
        raw.execute("PRAGMA foreign_keys=ON")


def _owns_schema(conn: Connection) -> bool:
    """Whether this PostgreSQL role owns Byline's tables (in a shared newsroom, only the owner
    upgrades them; a writer's attempt would fail half-way on a missing privilege)."""
    sql = "SELECT pg_has_role(current_user, relowner, 'MEMBER') FROM pg_class WHERE oid = "
    owns = conn.execute(text(sql + "to_regclass('alembic_version')")).scalar()
    conn.rollback()
    return owns is not False
