"""Opening a Byline database: resolving where it is, checking it is ours and current, and
handing out sessions. Any SQLAlchemy URL works; a plain path means an SQLite file."""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError

from editor.errors import (
    BylineError,
    InputError,
    PermissionDeniedError,
    ReadOnlyStoreError,
    StoreError,
)
from editor.store.file_watch import CommitCounter
from editor.store.location import SQLITE_MAGIC as SQLITE_MAGIC
from editor.store.location import resolve_location as resolve_location
from editor.store.schema import SCHEMA_HEAD
from editor.store.schema_upgrade import ensure_schema, judge_revision

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)

# PostgreSQL's SQLSTATE for a missing grant and for a row-level security refusal alike.
INSUFFICIENT_PRIVILEGE = "42501"


@dataclass
class Store:
    """An open database. Hand out one session per user action with :meth:`session`."""

    engine: Engine
    url: URL
    read_only: bool
    # Made on first use: the ORM is imported only by what needs sessions (``byline list``
    # reads through :meth:`connect` and never loads it).
    _session_factory: sessionmaker[Session] | None = None
    _readers: sessionmaker[Session] | None = None
    # Who acts through this store (``editor.model.Person``), asked at each session so a change
    # of ``user.name`` applies at once; revisions, status changes and comments record it.
    whoami: Callable[[], Any] | None = None
    _intact: bool = False  # PRAGMA quick_check passed (SQLite, checked before the first write)
    # PostgreSQL: this store's connections' application_name, named in change notifications
    # (editor.store.changes) so a window can tell its own changes from everyone else's.
    origin: str = ""
    commits: Any = None  # SQLite: a file_watch.CommitCounter of this store's commits

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def description(self) -> str:
        if self.dialect == "sqlite":
            return str(self.url.database)
        return self.url.render_as_string(hide_password=True)

    @property
    def _sessions(self) -> sessionmaker[Session]:
        if self._session_factory is None:
            from sqlalchemy.orm import sessionmaker

            self._session_factory = sessionmaker(self.engine, expire_on_commit=False)
            if self.read_only:
                event.listen(self._session_factory, "before_flush", _refuse_writes(self.url))
            elif self.origin:
                from editor.store.postgres import announce_person

                announce_person(self._session_factory)
        return self._session_factory

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that commits when the block ends and rolls back on an exception."""
        try:
            if self.read_only:
                with self._sessions() as session:
                    yield session
            else:
                self.check_intact()
                with self._sessions.begin() as session:
                    if self.whoami is not None:
                        session.info["author"] = self.whoami()
                    yield session
        except DatabaseError as exc:
            raise _explain(exc, self.url, opening=False) from None

    def check_intact(self) -> None:
        """Refuse to write to a damaged SQLite file. ``PRAGMA quick_check`` reads every page
        (about 0.3-0.8 s for 10,000 posts, 130 MB), so it runs once per open store, before
        the first write, never for reading: listing a large database stays instant."""
        if self._intact or self.dialect != "sqlite" or self.url.database in (None, "", ":memory:"):
            return
        problems = quick_check(Path(str(self.url.database)))
        if problems:
            raise DamagedStoreError(
                f"{self.url.database} is damaged ({problems[0]}); nothing was written. "
                "Run `byline doctor --recover NEW_FILE` to save what can be read."
            )
        self._intact = True

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reads only (lists, searches): it takes no write lock, so it never
        waits for, or holds up, a save in another window or process."""
        if self._readers is None:
            from sqlalchemy.orm import sessionmaker

            self._readers = sessionmaker(
                self.engine.execution_options(byline_read=True), expire_on_commit=False
            )
            event.listen(self._readers, "before_flush", _refuse_writes(self.url))
        try:
            with self._readers() as session:
                yield session
        except DatabaseError as exc:
            raise _explain(exc, self.url, opening=False) from None

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """A Core connection for reads only, without the ORM (as :meth:`reading`: no write
        lock is taken; each SELECT is its own consistent snapshot)."""
        try:
            with self.engine.connect().execution_options(byline_read=True) as conn:
                yield conn
        except DatabaseError as exc:
            raise _explain(exc, self.url, opening=False) from None

    def close(self) -> None:
        self.engine.dispose()


class DamagedStoreError(StoreError):
    """The SQLite file fails its integrity check; it is never written to."""


def quick_check(path: Path, *, full: bool = False, immutable: bool = False) -> list[str]:
    """The problems ``PRAGMA quick_check`` (or ``integrity_check``) finds, [] when intact. Reads
    through its own read-only connection."""
    flags = "mode=ro&immutable=1" if immutable else "mode=ro"
    try:
        conn = sqlite3.connect(f"file:{path}?{flags}", uri=True)
    except sqlite3.Error as exc:
        return [str(exc)]
    try:
        pragma = "integrity_check" if full else "quick_check"
        rows = [str(row[0]) for row in conn.execute(f"PRAGMA {pragma}")]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    finally:
        conn.close()
    return [] if rows == ["ok"] else rows


def open_store(
    location: str | os.PathLike[str] | None = None,
    *,
    read_only: bool = False,
    create: bool = True,
) -> Store:
    """Open (creating and migrating if needed) the database at ``location``.

    Never writes to a database it will refuse: a non-database file, a corrupt one, one from a
    newer Byline, or another application's database is left exactly as it was.
    """
    where = resolve_location(location)
    origin, commits = "", None
    if "://" in where:
        try:
            url = make_url(where)
        except ArgumentError as exc:
            raise InputError(f"--db: {where!r} is not a valid database URL ({exc})") from None
    else:
        url = URL.create("sqlite", database=str(Path(where).expanduser().resolve()))

    current = False  # the schema is known to be this version's: nothing to check or upgrade
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        path = Path(str(url.database))
        read_only = _check_sqlite_file(path, read_only=read_only, create=create)
        # In a folder Byline cannot write to (a read-only mount, a shared folder), SQLite could
        # not even create the -shm file a read needs: nothing else can write there either, so
        # the file is opened as immutable.
        immutable = read_only and path.exists() and not os.access(path.parent, os.W_OK)
        if path.exists() and path.stat().st_size:
            # Look before touching: even switching on WAL would rewrite another program's file.
            revision, has_tables = _probe_sqlite(path, url, immutable=immutable)
            current = revision == SCHEMA_HEAD  # read once; the common case stops here
            if judge_revision(revision, has_tables, str(path), read_only=read_only):
                problems = quick_check(path)  # a migration writes: never to a damaged file
                if problems:
                    raise DamagedStoreError(
                        f"{path} is damaged ({problems[0]}); it was left untouched. Run "
                        "`byline doctor --recover NEW_FILE` to save what can be read."
                    )
        commits = None if read_only else CommitCounter()
        engine = _sqlite_engine(url, read_only=read_only, immutable=immutable, commits=commits)
    elif url.get_backend_name() == "postgresql":
        from editor.store.postgres import postgres_engine

        engine, origin = postgres_engine(url)
    else:
        engine = create_engine(url, pool_pre_ping=True)

    try:
        if not current:
            with engine.connect() as conn:
                ensure_schema(conn, url, read_only=read_only)
    except StoreError:
        engine.dispose()
        raise
    except DatabaseError as exc:
        engine.dispose()
        raise _explain(exc, url) from None
    except ModuleNotFoundError as exc:
        engine.dispose()
        raise StoreError(f"No driver for {url.get_backend_name()}: {exc}") from None

    if read_only:
        log.warning("%s opened read-only", url.database)
    return Store(engine=engine, url=url, read_only=read_only, origin=origin, commits=commits)


def _refuse_writes(url: URL) -> Any:
    def before_flush(session: Session, _context: Any, _instances: Any) -> None:
        if session.new or session.dirty or session.deleted:
            raise ReadOnlyStoreError(f"{url.database} is open read-only; nothing was changed.")

    return before_flush


def _check_sqlite_file(path: Path, *, read_only: bool, create: bool) -> bool:
    """Refuse what is not an SQLite file before SQLite can touch it; say if it must be read-only."""
    if path.exists():
        if path.is_dir():
            raise StoreError(f"{path} is a folder, not a database file.")
        try:
            with path.open("rb") as fh:
                head = fh.read(len(SQLITE_MAGIC))
        except OSError as exc:
            raise StoreError(f"Cannot read {path}: {exc.strerror}.") from None
        if head and head != SQLITE_MAGIC:
            raise StoreError(
                f"{path} is not a Byline database (not an SQLite file); it was left untouched."
            )
        if not head:
            raise StoreError(
                f"{path} is empty (0 bytes): not a database. It was left untouched; delete it "
                "to start a new database there, or open another file with --db."
            )
        writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
        return read_only or not writable
    if read_only or not create:
        raise StoreError(f"{path} does not exist.")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"Cannot create the folder for {path}: {exc.strerror}.") from None
    return False


def _sqlite_engine(
    url: URL, *, read_only: bool, immutable: bool = False, commits: Any = None
) -> Engine:
    database = str(url.database)
    if read_only:
        uri = f"file:{database}?mode=ro" + ("&immutable=1" if immutable else "")
        engine = create_engine(
            "sqlite://", creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False)
        )
    else:
        args: dict[str, Any] = {"check_same_thread": False}
        if commits is not None:  # counted, so a watcher can tell our commits from others'
            args["factory"] = commits.connection_class()
        engine = create_engine(url, connect_args=args)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy own transactions (pysqlite's own BEGIN handling is off).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=5000")
        if not read_only:
            cur.execute("PRAGMA journal_mode=WAL")
            # FULL: a commit survives power loss too, not only a killed process.
            cur.execute("PRAGMA synchronous=FULL")
        cur.close()

    # IMMEDIATE takes the write lock up front, so a read-then-write (the version check of a
    # save) never fails half-way with "database is locked" when another process writes.
    begin = "BEGIN" if read_only else "BEGIN IMMEDIATE"

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        if conn.get_execution_options().get("byline_read", False):
            return  # a read session: each SELECT is its own consistent snapshot, no BEGIN needed
        conn.exec_driver_sql(begin)

    return engine


def _probe_sqlite(path: Path, url: URL, *, immutable: bool = False) -> tuple[str | None, bool]:
    flags = "mode=ro&immutable=1" if immutable else "mode=ro"
    try:
        conn = sqlite3.connect(f"file:{path}?{flags}", uri=True)
    except sqlite3.Error as exc:
        raise StoreError(f"Cannot open {path}: {exc}") from None
    try:
        tables = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        if "alembic_version" not in tables:
            return None, bool(tables)
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return (row[0] if row else None), True
    except sqlite3.DatabaseError as exc:
        raise _explain(DatabaseError("probe", None, exc), url) from None
    finally:
        conn.close()


def _explain(exc: DatabaseError, url: URL, *, opening: bool = True) -> BylineError:
    # The driver's first line only: PostgreSQL adds DETAIL/HINT lines (with the row's values).
    message = (str(getattr(exc, "orig", exc)).strip().splitlines() or [type(exc).__name__])[0]
    if getattr(getattr(exc, "orig", None), "sqlstate", None) == INSUFFICIENT_PRIVILEGE:
        return PermissionDeniedError.from_database(url.username or "", message)
    where = url.database if url.get_backend_name() == "sqlite" else url.render_as_string(True)
    if "file is not a database" in message or "malformed" in message:
        return StoreError(
            f"{where} is damaged or not a database ({message}); it was left untouched. "
            "Restore it from a backup, or open another database with --db."
        )
    if isinstance(exc, OperationalError) and "readonly" in message.replace("-", ""):
        return ReadOnlyStoreError(f"{where} is read-only: {message}.")
    if opening:
        return StoreError(f"Cannot open {where}: {message}")
    return StoreError(f"{where}: the database refused the change ({message}); nothing was saved.")
