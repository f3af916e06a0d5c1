"""A shared newsroom: edit leases (every database), and on PostgreSQL each person's own role,
a per-blog list of editors and row-level security on posts.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01

What PostgreSQL enforces (whatever program connects): a writer changes only their own posts
while they are drafts (or sent back with changes requested) and may submit them; only the
blog's editors (``blog_editors``) and the database owner's role move a post past "submitted",
approve, schedule, publish, trash or delete it. A post's photos follow the post. ``FORCE`` makes the rules bind the tables'
owner too (only its members count as editors everywhere); superusers always bypass them.
"""

import sqlalchemy as sa
from alembic import op

from editor.model.base import UTCDateTime
from editor.store.changes import drop_trigger_sql, trigger_sql

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

# Whether the person at this connection edits ``blog``: a member of the role owning ``posts``
# (the newsroom's administrator) or of a role listed for the blog. Roles dropped since they
# were listed simply match nobody (pg_has_role would raise on an unknown name).
# Each function pins its search_path (pg_temp last): otherwise a writer's own TEMP TABLE
# blog_editors, searched first by default, would make them an editor of every blog.
IS_EDITOR = """
CREATE OR REPLACE FUNCTION byline_is_editor(blog integer) RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, {schema}, pg_temp AS $$
    SELECT pg_has_role(current_user,
                       (SELECT relowner FROM pg_class WHERE oid = 'posts'::regclass), 'MEMBER')
        OR EXISTS (SELECT 1 FROM blog_editors e JOIN pg_roles r ON r.rolname = e.role_name
                   WHERE e.blog_id = blog AND pg_has_role(current_user, r.oid, 'MEMBER'))
$$
"""

# Whether the person at this connection may change the post (and so its photos) as it is now.
MAY_EDIT_POST = """
CREATE OR REPLACE FUNCTION byline_may_edit_post(post integer) RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, {schema}, pg_temp AS $$
    SELECT byline_is_editor(p.blog_id)
        OR (p.owner = current_user AND p.status IN ('draft', 'changes_requested'))
    FROM posts p WHERE p.id = post
$$
"""

POLICIES = (
    "ALTER TABLE posts ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE posts FORCE ROW LEVEL SECURITY",
    "CREATE POLICY posts_read ON posts FOR SELECT USING (true)",
    """CREATE POLICY posts_create ON posts FOR INSERT WITH CHECK (
        byline_is_editor(blog_id)
        OR (owner = current_user AND status IN ('draft', 'submitted') AND deleted_at IS NULL))""",
    # USING: the row as it is (which rows may be touched); WITH CHECK: the row as it would be.
    """CREATE POLICY posts_edit ON posts FOR UPDATE
        USING (byline_is_editor(blog_id)
               OR (owner = current_user AND status IN ('draft', 'changes_requested')))
        WITH CHECK (byline_is_editor(blog_id)
               OR (owner = current_user AND deleted_at IS NULL
                   AND status IN ('draft', 'submitted', 'changes_requested')))""",
    "CREATE POLICY posts_delete ON posts FOR DELETE USING (byline_is_editor(blog_id))",
    # A post's photos (captions, credits, alt text, lead) change with the post.
    "ALTER TABLE photos ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE photos FORCE ROW LEVEL SECURITY",
    "CREATE POLICY photos_read ON photos FOR SELECT USING (true)",
    "CREATE POLICY photos_create ON photos FOR INSERT WITH CHECK (byline_may_edit_post(post_id))",
    """CREATE POLICY photos_edit ON photos FOR UPDATE USING (byline_may_edit_post(post_id))
        WITH CHECK (byline_may_edit_post(post_id))""",
    "CREATE POLICY photos_delete ON photos FOR DELETE USING (byline_may_edit_post(post_id))",
)


def upgrade() -> None:
    op.create_table(
        "leases",
        sa.Column(
            "post_id", sa.Integer, sa.ForeignKey("posts.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("token", sa.String(36), nullable=False),
        sa.Column("holder_role", sa.String(63), nullable=False, server_default=""),
        sa.Column("holder_name", sa.String(300), nullable=False, server_default=""),
        sa.Column("holder_email", sa.String(300), nullable=False, server_default=""),
        sa.Column("taken_at", UTCDateTime, nullable=False),
        sa.Column("renewed_at", UTCDateTime, nullable=False),
        sa.Column("expires_at", UTCDateTime, nullable=False),
    )
    # Plain ADD COLUMN on SQLite (batch mode would recreate posts and drop its FTS triggers).
    op.add_column("posts", sa.Column("owner", sa.String(63), nullable=False, server_default=""))
    if op.get_bind().dialect.name != "postgresql":
        return
    # A lease taken, renewed, released or taken over announces itself (migration 0011's
    # trigger function): the window that lost its post hears it at once, not at its next renewal.
    op.execute(trigger_sql("leases"))
    op.execute("UPDATE posts SET owner = current_user")
    op.execute("ALTER TABLE posts ALTER COLUMN owner SET DEFAULT current_user")
    op.create_table(
        "blog_editors",
        sa.Column(
            "blog_id", sa.Integer, sa.ForeignKey("blogs.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("role_name", sa.String(63), primary_key=True),
    )
    bind = op.get_bind()
    schema = bind.dialect.identifier_preparer.quote(bind.execute(sa.text("SELECT current_schema()")).scalar())
    op.execute(IS_EDITOR.format(schema=schema))
    op.execute(MAY_EDIT_POST.format(schema=schema))
    for statement in POLICIES:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(drop_trigger_sql("leases"))
        for table in ("posts", "photos"):
            for verb in ("read", "create", "edit", "delete"):
                op.execute(f"DROP POLICY IF EXISTS {table}_{verb} ON {table}")
            op.execute(f"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY")
            op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
        op.execute("DROP FUNCTION IF EXISTS byline_may_edit_post(integer)")
        op.execute("DROP FUNCTION IF EXISTS byline_is_editor(integer)")
        op.drop_table("blog_editors")
    op.drop_column("posts", "owner")
    op.drop_table("leases")
