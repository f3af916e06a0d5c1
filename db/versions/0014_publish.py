"""A blog's category base: the path segment before a category's slug in its links
("category" in WordPress unless the site changed it, e.g. "topics" gives /topics/harbour/).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "blogs",
        sa.Column("category_base", sa.String(200), nullable=False, server_default="category"),
    )


def downgrade() -> None:
    op.drop_column("blogs", "category_base")
