"""Live updates: on PostgreSQL, every change to a post, its comments, suggestions, status log,
revisions and photos, and to the sidebar links, sends a NOTIFY on ``byline_changes`` (what
changed, which post, by whom), so every open window refreshes within a second whoever wrote it
(another window, the command line, psql). SQLite (one person): nothing to do.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01
"""

from alembic import op

from editor.store.changes import drop_trigger_sql, trigger_sql

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

# Frozen here (a later change needs a new migration). The post is the row's ``post_id``, or the
# column named as the trigger's argument; a table added later attaches it with
# ``editor.store.changes.trigger_sql(TABLE)``.
FUNCTION_SQL = """
CREATE OR REPLACE FUNCTION byline_notify_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    r jsonb := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
    post_col text := coalesce(TG_ARGV[0], 'post_id');
BEGIN
    PERFORM pg_notify('byline_changes', json_build_object(
        'table', TG_TABLE_NAME,
        'op', lower(TG_OP),
        'post_id', (r ->> post_col)::bigint,
        'blog_id', (r ->> 'blog_id')::bigint,
        'version', (r ->> 'version')::bigint,
        'origin', current_setting('application_name', true),
        'person', coalesce(nullif(current_setting('byline.person', true), ''),
                           r ->> 'author_name', '')
    )::text);
    RETURN NULL;
END $$
"""

# table -> the column naming its post
TABLES = {
    "posts": "id",
    "comments": "post_id",
    "suggestions": "post_id",
    "status_changes": "post_id",
    "revisions": "post_id",
    "photos": "post_id",
    "sidebar_links": "post_id",
}


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(FUNCTION_SQL)
    for table, column in TABLES.items():
        op.execute(trigger_sql(table, column))


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in TABLES:
        op.execute(drop_trigger_sql(table))
    op.execute("DROP FUNCTION IF EXISTS byline_notify_change()")
