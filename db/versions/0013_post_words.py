"""A post's own ignored words: "Ignore in this post" lasts (it was forgotten on closing).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01

On PostgreSQL the words follow the post's rules, like its photos: whoever may change the post
may change its list (``byline_may_edit_post`` from 0012); everyone may read it.
"""

import sqlalchemy as sa
from alembic import op

from editor.model.base import UTCDateTime

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

POLICIES = [
    "ALTER TABLE post_words ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE post_words FORCE ROW LEVEL SECURITY",
    "CREATE POLICY post_words_read ON post_words FOR SELECT USING (true)",
    """CREATE POLICY post_words_create ON post_words FOR INSERT
       WITH CHECK (byline_may_edit_post(post_id))""",
    "CREATE POLICY post_words_delete ON post_words FOR DELETE USING (byline_may_edit_post(post_id))",
]


def upgrade() -> None:
    op.create_table(
        "post_words",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "post_id", sa.Integer, sa.ForeignKey("posts.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("word", sa.String(200), nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.UniqueConstraint("post_id", "word", name="uq_post_words_post_word"),
    )
    op.create_index("ix_post_words_post_id", "post_words", ["post_id"])
    if op.get_bind().dialect.name == "postgresql":
        for statement in POLICIES:
            op.execute(statement)


def downgrade() -> None:
    op.drop_index("ix_post_words_post_id", table_name="post_words")
    op.drop_table("post_words")  # its policies go with it
