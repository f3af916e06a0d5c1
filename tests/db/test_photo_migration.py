"""Migration 0002 (photos) goes up and down on both backends."""

from __future__ import annotations

from sqlalchemy import inspect


def test_photo_tables_up_and_down(store):
    from alembic import command

    from editor.store.migrations import _config

    with store.engine.connect() as conn:
        assert {"photos", "photo_blobs"} <= set(inspect(conn).get_table_names())
        command.downgrade(_config(conn), "0001")
        conn.commit()
        assert not {"photos", "photo_blobs"} & set(inspect(conn).get_table_names())
        command.upgrade(_config(conn), "head")
        conn.commit()
        assert {"photos", "photo_blobs"} <= set(inspect(conn).get_table_names())
