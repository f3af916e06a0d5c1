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
