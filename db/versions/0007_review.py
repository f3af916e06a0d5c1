"""Review: who made each revision, a log of status changes, and comments anchored to the text.

Existing revisions keep every row with the author unknown (empty); the status log is rebuilt
from the status recorded in each post's revisions, also with the author unknown.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

from editor.model.base import UTCDateTime

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def _authored() -> list[sa.Column]:
    return [
        sa.Column("author_name", sa.String(300), nullable=False, server_default=""),
        sa.Column("author_email", sa.String(300), nullable=False, server_default=""),
        sa.Column("author_zone", sa.String(64), nullable=False, server_default=""),
        sa.Column("created_at", UTCDateTime, nullable=False),
    ]


def upgrade() -> None:
    for column in _authored()[:3]:
        op.add_column("revisions", column)
    changes = op.create_table(
        "status_changes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "post_id", sa.Integer, sa.ForeignKey("posts.id", ondelete="CASCADE"), nullable=False
        ),  # fmt: skip
        sa.Column("from_status", sa.String(32), nullable=False, server_default=""),
        sa.Column("to_status", sa.String(32), nullable=False),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
        sa.Column("forced", sa.Boolean, nullable=False, server_default=sa.false()),
        *_authored(),
    )
    op.create_index("ix_status_changes_post", "status_changes", ["post_id", "id"])
    op.create_table(
        "comments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "post_id", sa.Integer, sa.ForeignKey("posts.id", ondelete="CASCADE"), nullable=False
        ),  # fmt: skip
        sa.Column(
            "parent_id", sa.Integer, sa.ForeignKey("comments.id", ondelete="CASCADE"), nullable=True
        ),  # fmt: skip
        sa.Column("field", sa.String(40), nullable=False, server_default="body"),
        sa.Column("quote", sa.Text, nullable=False, server_default=""),
        sa.Column("prefix", sa.String(200), nullable=False, server_default=""),
        sa.Column("suffix", sa.String(200), nullable=False, server_default=""),
        sa.Column("start", sa.Integer, nullable=False, server_default="0"),
        sa.Column("quote_unique", sa.Boolean, nullable=False, server_default=sa.true()),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("resolved", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("state_by_name", sa.String(300), nullable=False, server_default=""),
        sa.Column("state_by_email", sa.String(300), nullable=False, server_default=""),
        sa.Column("state_at", UTCDateTime, nullable=True),
        *_authored(),
    )
    op.create_index("ix_comments_post", "comments", ["post_id", "id"])
    _log_from_revisions(changes)


def _log_from_revisions(changes: sa.Table) -> None:
    """Each change of status seen between a post's consecutive revisions, author unknown."""
    revisions = sa.table(
        "revisions",
        sa.column("post_id", sa.Integer),
        sa.column("number", sa.Integer),
        sa.column("status", sa.String),
        sa.column("created_at", UTCDateTime),
    )
    rows = op.get_bind().execute(
        sa.select(revisions.c.post_id, revisions.c.status, revisions.c.created_at).order_by(
            revisions.c.post_id, revisions.c.number
        )
    )
    log: list[dict[str, object]] = []
    last: dict[int, str] = {}
    for post_id, status, created_at in rows:
        before = last.get(post_id)
        if before is not None and status != before:
            log.append({"post_id": post_id, "from_status": before, "to_status": status,
                        "note": "", "forced": False, "created_at": created_at})  # fmt: skip
        last[post_id] = status
    if log:
        op.bulk_insert(changes, log)


def downgrade() -> None:
    op.drop_index("ix_comments_post", table_name="comments")
    op.drop_table("comments")
    op.drop_index("ix_status_changes_post", table_name="status_changes")
    op.drop_table("status_changes")
    with op.batch_alter_table("revisions", recreate="never") as batch:
        for name in ("author_zone", "author_email", "author_name"):
            batch.drop_column(name)
