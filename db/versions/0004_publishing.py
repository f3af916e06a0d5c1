"""Publishing: targets, remote posts and media, the outbox.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

from editor.model.base import UTCDateTime

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "targets",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("site_url", sa.String(500), nullable=False),
        sa.Column("api_url", sa.String(500), nullable=False, server_default=""),
        sa.Column("username", sa.String(200), nullable=False),
        sa.Column("allow_http", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("default_for_blog_id", sa.Integer, nullable=True),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_targets"),
        sa.UniqueConstraint("name", name="uq_targets_name"),
        sa.ForeignKeyConstraint(
            ["default_for_blog_id"], ["blogs.id"],
            name="fk_targets_default_for_blog_id_blogs", ondelete="SET NULL",
        ),
    )
    op.create_table(
        "remote_posts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("post_id", sa.Integer, nullable=False),
        sa.Column("target_id", sa.Integer, nullable=False),
        sa.Column("remote_id", sa.String(64), nullable=False),
        sa.Column("url", sa.String(1000), nullable=False, server_default=""),
        sa.Column("fingerprint", sa.String(64), nullable=False, server_default=""),
        sa.Column("remote_fingerprint", sa.String(64), nullable=False, server_default=""),
        sa.Column("remote_modified", sa.String(40), nullable=False, server_default=""),
        sa.Column("remote_status", sa.String(20), nullable=False, server_default=""),
        sa.Column("media_ids", sa.JSON, nullable=False),
        sa.Column("term_ids", sa.JSON, nullable=False),
        sa.Column("pushed_at", UTCDateTime, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_remote_posts"),
        sa.UniqueConstraint("post_id", "target_id", name="uq_remote_posts_post_target"),
        sa.ForeignKeyConstraint(
            ["post_id"], ["posts.id"], name="fk_remote_posts_post_id_posts", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["target_id"], ["targets.id"],
            name="fk_remote_posts_target_id_targets", ondelete="CASCADE",
        ),
    )
    op.create_table(
        "remote_media",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("target_id", sa.Integer, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("media_id", sa.String(64), nullable=False),
        sa.Column("url", sa.String(1000), nullable=False, server_default=""),
        sa.Column("fields_fingerprint", sa.String(64), nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("id", name="pk_remote_media"),
        sa.UniqueConstraint("target_id", "sha256", name="uq_remote_media_target_sha"),
        sa.ForeignKeyConstraint(
            ["target_id"], ["targets.id"],
            name="fk_remote_media_target_id_targets", ondelete="CASCADE",
        ),
    )
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("post_id", sa.Integer, nullable=False),
        sa.Column("target_id", sa.Integer, nullable=False),
        sa.Column("requested_status", sa.String(20), nullable=False, server_default="draft"),
        sa.Column("force", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("next_attempt_at", UTCDateTime, nullable=False),
        sa.Column("last_error", sa.Text, nullable=False, server_default=""),
        sa.Column("state", sa.String(20), nullable=False, server_default="queued"),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("updated_at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_outbox"),
        sa.ForeignKeyConstraint(
            ["post_id"], ["posts.id"], name="fk_outbox_post_id_posts", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["target_id"], ["targets.id"], name="fk_outbox_target_id_targets", ondelete="CASCADE"
        ),
    )
    op.create_index("ix_outbox_state_next", "outbox", ["state", "next_attempt_at"])


def downgrade() -> None:
    op.drop_index("ix_outbox_state_next", table_name="outbox")
    op.drop_table("outbox")
    op.drop_table("remote_media")
    op.drop_table("remote_posts")
    op.drop_table("targets")
