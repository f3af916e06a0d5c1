"""Blog profiles (logo, sidebar settings, default target) and the sidebar's links.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

from editor.model.base import UTCDateTime

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # batch mode: SQLite cannot add columns with every kind of constraint in place.
    with op.batch_alter_table("blogs") as batch:
        batch.add_column(sa.Column("logo_path", sa.String(1000), nullable=False, server_default=""))
        batch.add_column(
            sa.Column("sidebar_auto", sa.Boolean, nullable=False, server_default=sa.true())
        )
        batch.add_column(sa.Column("sidebar_count", sa.Integer, nullable=False, server_default="5"))
        batch.add_column(sa.Column("default_target", sa.String(200), nullable=True))
    op.create_table(
        "sidebar_links",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("blog_id", sa.Integer, nullable=False),
        sa.Column("title", sa.String(500), nullable=False),
        sa.Column("url", sa.String(2000), nullable=False),
        sa.Column("date", sa.Date, nullable=True),
        sa.Column("label", sa.String(100), nullable=False, server_default=""),
        sa.Column("pinned", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("position", sa.Integer, nullable=False, server_default="0"),
        sa.Column("source", sa.String(16), nullable=False, server_default="manual"),
        sa.Column("post_id", sa.Integer, nullable=True),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("updated_at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sidebar_links"),
        sa.ForeignKeyConstraint(
            ["blog_id"], ["blogs.id"], name="fk_sidebar_links_blog_id_blogs", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["post_id"], ["posts.id"], name="fk_sidebar_links_post_id_posts", ondelete="SET NULL"
        ),
    )
    op.create_index("ix_sidebar_links_blog_position", "sidebar_links", ["blog_id", "position"])


def downgrade() -> None:
    op.drop_index("ix_sidebar_links_blog_position", table_name="sidebar_links")
    op.drop_table("sidebar_links")
    with op.batch_alter_table("blogs") as batch:
        batch.drop_column("default_target")
        batch.drop_column("sidebar_count")
        batch.drop_column("sidebar_auto")
        batch.drop_column("logo_path")
