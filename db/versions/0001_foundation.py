"""Foundation: blogs, posts, revisions and full-text search.

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

from editor.model.base import UTCDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "blogs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("site_url", sa.String(500), nullable=False, server_default=""),
        sa.Column("description", sa.Text, nullable=False, server_default=""),
        sa.Column("theme", sa.String(100), nullable=False, server_default="newsroom"),
        sa.Column("language", sa.String(35), nullable=False, server_default="en"),
        sa.Column("default_byline_role", sa.String(200), nullable=False, server_default=""),
        sa.Column("comments_url_pattern", sa.String(500), nullable=False, server_default=""),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_blogs"),
        sa.UniqueConstraint("name", name="uq_blogs_name"),
    )
    op.create_table(
        "posts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uuid", sa.String(36), nullable=False),
        sa.Column("blog_id", sa.Integer, nullable=False),
        sa.Column("headline", sa.String(500), nullable=False, server_default=""),
        sa.Column("deck", sa.Text, nullable=False, server_default=""),
        sa.Column("byline", sa.String(300), nullable=False, server_default=""),
        sa.Column("byline_role", sa.String(200), nullable=False, server_default=""),
        sa.Column("published_at", UTCDateTime, nullable=True),
        sa.Column("published_tz", sa.String(64), nullable=False, server_default=""),
        sa.Column("slug", sa.String(200), nullable=False),
        sa.Column("slug_auto", sa.Boolean, nullable=False, server_default=sa.true()),
        sa.Column("tags", sa.JSON, nullable=False),
        sa.Column("categories", sa.JSON, nullable=False),
        sa.Column("editor_note", sa.Text, nullable=False, server_default=""),
        sa.Column("status", sa.String(32), nullable=False, server_default="draft"),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("updated_at", UTCDateTime, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        # Last: SQLite stores a long body in overflow pages, and any column after it would
        # make every list and search read those pages too.
        sa.Column("body", sa.Text, nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("id", name="pk_posts"),
        sa.UniqueConstraint("uuid", name="uq_posts_uuid"),
        sa.UniqueConstraint("blog_id", "slug", name="uq_posts_blog_slug"),
        sa.ForeignKeyConstraint(
            ["blog_id"], ["blogs.id"], name="fk_posts_blog_id_blogs", ondelete="RESTRICT"
        ),
    )
    op.create_index("ix_posts_updated_at", "posts", ["updated_at"])
    op.create_index("ix_posts_status_updated_at", "posts", ["status", "updated_at"])
    op.create_index("ix_posts_blog_updated_at", "posts", ["blog_id", "updated_at"])
    op.create_table(
        "revisions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("post_id", sa.Integer, nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("reason", sa.String(32), nullable=False),
        sa.Column("label", sa.String(300), nullable=False, server_default=""),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("post_version", sa.Integer, nullable=False),
        sa.Column("snapshot", sa.JSON, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_revisions"),
        sa.ForeignKeyConstraint(
            ["post_id"], ["posts.id"], name="fk_revisions_post_id_posts", ondelete="CASCADE"
        ),
    )
    op.create_index("ix_revisions_post_created", "revisions", ["post_id", "created_at"])

    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _sqlite_fts()
    elif dialect == "postgresql":
        _postgres_fts()


def _sqlite_fts() -> None:
    # External-content FTS5 table kept in sync by triggers, so every save (from any process)
    # updates the index in the same transaction.
    op.execute(
        "CREATE VIRTUAL TABLE posts_fts USING fts5("
        "headline, deck, body, tags, content='posts', content_rowid='id', "
        "tokenize='unicode61 remove_diacritics 2')"
    )
    op.execute(
        "CREATE TRIGGER posts_fts_ai AFTER INSERT ON posts BEGIN "
        "INSERT INTO posts_fts(rowid, headline, deck, body, tags) "
        "VALUES (new.id, new.headline, new.deck, new.body, new.tags); END"
    )
    op.execute(
        "CREATE TRIGGER posts_fts_ad AFTER DELETE ON posts BEGIN "
        "INSERT INTO posts_fts(posts_fts, rowid, headline, deck, body, tags) "
        "VALUES ('delete', old.id, old.headline, old.deck, old.body, old.tags); END"
    )
    op.execute(
        "CREATE TRIGGER posts_fts_au AFTER UPDATE OF headline, deck, body, tags ON posts BEGIN "
        "INSERT INTO posts_fts(posts_fts, rowid, headline, deck, body, tags) "
        "VALUES ('delete', old.id, old.headline, old.deck, old.body, old.tags); "
        "INSERT INTO posts_fts(rowid, headline, deck, body, tags) "
        "VALUES (new.id, new.headline, new.deck, new.body, new.tags); END"
    )


def _postgres_fts() -> None:
    # Accent-insensitive like SQLite's remove_diacritics: unaccent is a trusted extension in
    # PostgreSQL 13+, but not IMMUTABLE, so a generated column needs an immutable wrapper.
    # Without the extension the wrapper is the identity and search is accent-sensitive.
    op.execute(
        "DO $$ BEGIN CREATE EXTENSION IF NOT EXISTS unaccent; "
        "EXCEPTION WHEN OTHERS THEN RAISE NOTICE 'unaccent unavailable'; END $$"
    )
    op.execute(
        "DO $$ BEGIN "
        "IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'unaccent') THEN "
        "CREATE FUNCTION byline_fold(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE "
        "STRICT AS 'SELECT unaccent(''unaccent''::regdictionary, $1)'; "
        "ELSE CREATE FUNCTION byline_fold(text) RETURNS text LANGUAGE sql IMMUTABLE "
        "PARALLEL SAFE STRICT AS 'SELECT $1'; END IF; END $$"
    )
    op.execute(
        "ALTER TABLE posts ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
        "setweight(to_tsvector('simple', byline_fold(coalesce(headline, ''))), 'A') || "
        "setweight(to_tsvector('simple', byline_fold(coalesce(tags::text, ''))), 'B') || "
        "setweight(to_tsvector('simple', byline_fold(coalesce(deck, ''))), 'B') || "
        "setweight(to_tsvector('simple', byline_fold(coalesce(body, ''))), 'C')) STORED"
    )
    op.execute("CREATE INDEX ix_posts_search_vector ON posts USING gin (search_vector)")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for trigger in ("posts_fts_ai", "posts_fts_ad", "posts_fts_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS posts_fts")
    if dialect == "postgresql":
        op.execute("ALTER TABLE posts DROP COLUMN IF EXISTS search_vector")
        op.execute("DROP FUNCTION IF EXISTS byline_fold(text)")
    op.drop_table("revisions")
    op.drop_table("posts")
    op.drop_table("blogs")
