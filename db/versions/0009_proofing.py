"""Proofing: a post's language, a blog's word list and its house-style rules switched off.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

from editor.model.base import UTCDateTime

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN, not batch mode: recreating ``posts`` on SQLite would drop its
    # full-text search triggers.
    op.add_column("posts", sa.Column("language", sa.String(35), nullable=False, server_default=""))
    op.add_column(
        "blogs", sa.Column("style_off", sa.String(1000), nullable=False, server_default="")
    )
    op.create_table(
        "blog_words",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "blog_id", sa.Integer, sa.ForeignKey("blogs.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("word", sa.String(200), nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.UniqueConstraint("blog_id", "word", name="uq_blog_words_blog_word"),
    )
    op.create_index("ix_blog_words_blog_id", "blog_words", ["blog_id"])


def downgrade() -> None:
    op.drop_index("ix_blog_words_blog_id", table_name="blog_words")
    op.drop_table("blog_words")
    op.drop_column("blogs", "style_off")
    op.drop_column("posts", "language")
