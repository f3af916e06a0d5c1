"""Page fields: a date without a time, the writer's last change after publication, a post's
own comments link, and a blog's tag URL pattern.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

from editor.model.base import UTCDateTime

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN, not batch mode: recreating ``posts`` on SQLite would drop its
    # full-text search triggers.
    op.add_column(
        "posts",
        sa.Column("published_date_only", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    op.add_column("posts", sa.Column("revised_at", UTCDateTime, nullable=True))
    op.add_column(
        "posts", sa.Column("comments_url", sa.String(1000), nullable=False, server_default="")
    )
    op.add_column(
        "blogs", sa.Column("tag_url_pattern", sa.String(500), nullable=False, server_default="")
    )


def downgrade() -> None:
    op.drop_column("blogs", "tag_url_pattern")
    op.drop_column("posts", "comments_url")
    op.drop_column("posts", "revised_at")
    op.drop_column("posts", "published_date_only")
