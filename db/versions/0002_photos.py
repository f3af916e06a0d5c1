"""Photos: originals stored once by SHA-256, and the photos attached to posts.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

from editor.model.base import UTCDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "photo_blobs",
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("sha256", name="pk_photo_blobs"),
    )
    op.create_table(
        "photos",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uuid", sa.String(36), nullable=False),
        sa.Column("post_id", sa.Integer, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("filename", sa.String(500), nullable=False, server_default=""),
        sa.Column("mime", sa.String(50), nullable=False),
        sa.Column("width", sa.Integer, nullable=False),
        sa.Column("height", sa.Integer, nullable=False),
        sa.Column("role", sa.String(16), nullable=False, server_default="inline"),
        sa.Column("position", sa.Integer, nullable=False, server_default="0"),
        sa.Column("caption", sa.Text, nullable=False, server_default=""),
        sa.Column("credit", sa.String(500), nullable=False, server_default=""),
        sa.Column("alt", sa.Text, nullable=False, server_default=""),
        sa.Column("copyright", sa.String(500), nullable=False, server_default=""),
        sa.Column("source", sa.String(500), nullable=False, server_default=""),
        sa.Column("headline", sa.String(500), nullable=False, server_default=""),
        sa.Column("byline", sa.String(300), nullable=False, server_default=""),
        sa.Column("user_fields", sa.JSON, nullable=False),
        sa.Column("file_fields", sa.JSON, nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_photos"),
        sa.UniqueConstraint("uuid", name="uq_photos_uuid"),
        sa.ForeignKeyConstraint(
            ["post_id"], ["posts.id"], name="fk_photos_post_id_posts", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["sha256"], ["photo_blobs.sha256"], name="fk_photos_sha256_photo_blobs",
            ondelete="RESTRICT",
        ),
    )
    op.create_index("ix_photos_post_position", "photos", ["post_id", "position"])


def downgrade() -> None:
    op.drop_index("ix_photos_post_position", table_name="photos")
    op.drop_table("photos")
    op.drop_table("photo_blobs")
