from __future__ import annotations

import pytest

from editor.store.database import Store, open_store
from tests.helpers.databases import fresh_postgres_database, postgres_available
from tests.helpers.services import require_service


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request, tmp_path) -> Store:
    """The same test against a fresh SQLite file and a fresh PostgreSQL database."""
    if request.param == "sqlite":
        st = open_store(tmp_path / "byline.sqlite3")
        yield st
        st.close()
        return
    ok, reason = postgres_available()
    require_service(ok, reason)
    with fresh_postgres_database() as url:
        st = open_store(url)
        yield st
        st.close()


@pytest.fixture
def run(tmp_path, capsys):
    """``run(*args)`` -> (exit code, stdout, stderr) of ``byline --db <a fresh file> *args``,
    called in this process (the CLI's ``main``)."""
    from editor.cli.main import main

    db = str(tmp_path / "cli.sqlite3")

    def _run(*args: str) -> tuple[int, str, str]:
        code = main(["--db", db, *args])
        out, err = capsys.readouterr()
        return code, out, err

    return _run
