"""The newsroom's rules reach past posts and photos: comments, suggestions, the status log,
revisions, edit leases, blogs and their Recent posts links; and a blog's changes announce
themselves to live windows. PostgreSQL only (SQLite is one person and has no rules).

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-01

Who wrote a comment, a suggestion, a status change or a revision is recorded as the writing
connection's role (``author_role``, filled by the database itself: a name and e-mail are only
what the program says). What PostgreSQL then enforces, whatever program connects:

- comments and replies: anyone adds them as themselves; only their author changes or deletes
  them; their author, the post's writer and the blog's editors resolve or reopen them;
- suggestions follow the post's text (they are marks in it): added as oneself by whoever may
  change the post, accepted or rejected by the post's writer (while it is theirs to change)
  or the blog's editors;
- the status log: a line is added only as oneself and only for a move the posts' rules let
  that person make; nobody but the database's owner changes or deletes one;
- revisions: added as oneself for a post one may change (its writer may also keep the words
  they could not save, a post sent for review, the status move they made); changed or deleted
  by the blog's editors only;
- edit leases: taken, renewed and released as oneself; taking over (the lease becomes the
  taker's) and ending someone's lease stay open to everyone, as Byline offers them;
- blogs and their sidebar links: changed by the blog's editors only; a blog is added by the
  database's owner.
"""

from alembic import op

from editor.store.changes import drop_trigger_sql, trigger_sql

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

AUTHORED = ("comments", "suggestions", "status_changes", "revisions")
RULED = ("comments", "suggestions", "status_changes", "revisions", "leases", "blogs",
         "sidebar_links")  # fmt: skip
HEADER = "LANGUAGE sql STABLE SET search_path = pg_catalog, {schema}, pg_temp"

FUNCTIONS = (
    # The role owning the tables (the newsroom's administrator), or a member of it.
    f"""CREATE OR REPLACE FUNCTION byline_is_owner() RETURNS boolean {HEADER} AS $$
    SELECT pg_has_role(current_user,
                       (SELECT relowner FROM pg_class WHERE oid = 'posts'::regclass), 'MEMBER')
    $$""",
    # The post's writer or an editor of its blog, whatever its status.
    f"""CREATE OR REPLACE FUNCTION byline_has_post(post integer) RETURNS boolean {HEADER} AS $$
    SELECT byline_is_editor(p.blog_id) OR p.owner = current_user FROM posts p WHERE p.id = post
    $$""",
    f"""CREATE OR REPLACE FUNCTION byline_blog_of(post integer) RETURNS integer {HEADER} AS $$
    SELECT blog_id FROM posts WHERE id = post
    $$""",
    # A move of the post's status this person may log: an editor any; its writer only the
    # moves the posts' rules let them make (from a draft or changes requested to a draft or
    # submitted; "" is a new post's first line).
    f"""CREATE OR REPLACE FUNCTION byline_may_log(post integer, before text, after text)
    RETURNS boolean {HEADER} AS $$
    SELECT byline_is_editor(p.blog_id)
        OR (p.owner = current_user AND before IN ('', 'draft', 'changes_requested')
            AND after IN ('draft', 'submitted', 'changes_requested'))
    FROM posts p WHERE p.id = post
    $$""",
    # Somebody other than a comment's author may only resolve or reopen it; nobody changes
    # whose a row is. A superuser or the owner may (repairs).
    """CREATE OR REPLACE FUNCTION byline_guard_authored() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, {schema}, pg_temp AS $$
    BEGIN
        IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) OR byline_is_owner() THEN
            RETURN NEW;
        END IF;
        IF NEW.author_role IS DISTINCT FROM OLD.author_role THEN
            RAISE EXCEPTION 'only the database owner can change who wrote a %', TG_TABLE_NAME
                USING ERRCODE = '42501';
        END IF;
        IF TG_TABLE_NAME = 'comments' AND OLD.author_role IS DISTINCT FROM current_user
           AND (to_jsonb(NEW) - '{{resolved,state_by_name,state_by_email,state_at}}'::text[])
               IS DISTINCT FROM
               (to_jsonb(OLD) - '{{resolved,state_by_name,state_by_email,state_at}}'::text[]) THEN
            RAISE EXCEPTION 'only its author can change a comment (row-level security)'
                USING ERRCODE = '42501';
        END IF;
        RETURN NEW;
    END $$""",
    # migration 0011's announcement, now also naming the blog of a row whose blog column is
    # not ``blog_id`` (a blog's own ``id``): the trigger's second argument.
    """CREATE OR REPLACE FUNCTION byline_notify_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
    DECLARE
        r jsonb := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
        post_col text := coalesce(TG_ARGV[0], 'post_id');
        blog_col text := coalesce(TG_ARGV[1], 'blog_id');
    BEGIN
        PERFORM pg_notify('byline_changes', json_build_object(
            'table', TG_TABLE_NAME,
            'op', lower(TG_OP),
            'post_id', (r ->> post_col)::bigint,
            'blog_id', (r ->> blog_col)::bigint,
            'version', (r ->> 'version')::bigint,
            'origin', current_setting('application_name', true),
            'person', coalesce(nullif(current_setting('byline.person', true), ''),
                               r ->> 'author_name', '')
        )::text);
        RETURN NULL;
    END $$""",
)

# 0012 let a writer touch their own draft while it was in the Trash (and so restore it, which
# is an editor's); now a trashed post is the editors' alone, its photos and suggestions too.
MAY_EDIT_POST = """
CREATE OR REPLACE FUNCTION byline_may_edit_post(post integer) RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, {schema}, pg_temp AS $$
    SELECT byline_is_editor(p.blog_id)
        OR (p.owner = current_user AND p.status IN ('draft', 'changes_requested'){trash})
    FROM posts p WHERE p.id = post
$$
"""
POSTS_EDIT = """CREATE POLICY posts_edit ON posts FOR UPDATE
        USING (byline_is_editor(blog_id)
               OR (owner = current_user AND status IN ('draft', 'changes_requested'){trash}))
        WITH CHECK (byline_is_editor(blog_id)
               OR (owner = current_user AND deleted_at IS NULL
                   AND status IN ('draft', 'submitted', 'changes_requested')))"""
TRASH = " AND deleted_at IS NULL"

POLICIES = (
    "CREATE POLICY comments_create ON comments FOR INSERT WITH CHECK (author_role = current_user)",
    """CREATE POLICY comments_edit ON comments FOR UPDATE
        USING (author_role = current_user OR byline_has_post(post_id))
        WITH CHECK (author_role = current_user OR byline_has_post(post_id))""",
    """CREATE POLICY comments_delete ON comments FOR DELETE
        USING (author_role = current_user OR byline_is_owner())""",
    """CREATE POLICY suggestions_create ON suggestions FOR INSERT
        WITH CHECK (author_role = current_user AND byline_may_edit_post(post_id))""",
    """CREATE POLICY suggestions_edit ON suggestions FOR UPDATE
        USING (byline_may_edit_post(post_id)) WITH CHECK (byline_may_edit_post(post_id))""",
    """CREATE POLICY suggestions_delete ON suggestions FOR DELETE
        USING (byline_may_edit_post(post_id))""",
    """CREATE POLICY status_changes_create ON status_changes FOR INSERT
        WITH CHECK (author_role = current_user
                    AND byline_may_log(post_id, from_status, to_status))""",
    """CREATE POLICY status_changes_edit ON status_changes FOR UPDATE
        USING (byline_is_owner()) WITH CHECK (byline_is_owner())""",
    "CREATE POLICY status_changes_delete ON status_changes FOR DELETE USING (byline_is_owner())",
    """CREATE POLICY revisions_create ON revisions FOR INSERT
        WITH CHECK (author_role = current_user AND (byline_may_edit_post(post_id)
            OR (reason IN ('created', 'status', 'import', 'received', 'sent', 'conflict',
                           'taken_over')
                AND byline_has_post(post_id))))""",
    """CREATE POLICY revisions_edit ON revisions FOR UPDATE
        USING (byline_is_editor(byline_blog_of(post_id)))
        WITH CHECK (byline_is_editor(byline_blog_of(post_id)))""",
    """CREATE POLICY revisions_delete ON revisions FOR DELETE
        USING (byline_is_editor(byline_blog_of(post_id)))""",
    "CREATE POLICY leases_create ON leases FOR INSERT WITH CHECK (holder_role = current_user)",
    # Anyone may take a lease over (it becomes theirs) or end it (it lapses now).
    """CREATE POLICY leases_edit ON leases FOR UPDATE USING (true)
        WITH CHECK (holder_role = current_user OR expires_at <= now())""",
    """CREATE POLICY leases_delete ON leases FOR DELETE
        USING (holder_role = current_user OR byline_is_editor(byline_blog_of(post_id)))""",
    "CREATE POLICY blogs_create ON blogs FOR INSERT WITH CHECK (byline_is_owner())",
    """CREATE POLICY blogs_edit ON blogs FOR UPDATE USING (byline_is_editor(id))
        WITH CHECK (byline_is_editor(id))""",
    "CREATE POLICY blogs_delete ON blogs FOR DELETE USING (byline_is_editor(id))",
    """CREATE POLICY sidebar_links_create ON sidebar_links FOR INSERT
        WITH CHECK (byline_is_editor(blog_id))""",
    """CREATE POLICY sidebar_links_edit ON sidebar_links FOR UPDATE
        USING (byline_is_editor(blog_id)) WITH CHECK (byline_is_editor(blog_id))""",
    """CREATE POLICY sidebar_links_delete ON sidebar_links FOR DELETE
        USING (byline_is_editor(blog_id))""",
)

# 0011's function as it was, for the downgrade.
OLD_NOTIFY = """
CREATE OR REPLACE FUNCTION byline_notify_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    r jsonb := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
    post_col text := coalesce(TG_ARGV[0], 'post_id');
BEGIN
    PERFORM pg_notify('byline_changes', json_build_object(
        'table', TG_TABLE_NAME,
        'op', lower(TG_OP),
        'post_id', (r ->> post_col)::bigint,
        'blog_id', (r ->> 'blog_id')::bigint,
        'version', (r ->> 'version')::bigint,
        'origin', current_setting('application_name', true),
        'person', coalesce(nullif(current_setting('byline.person', true), ''),
                           r ->> 'author_name', '')
    )::text);
    RETURN NULL;
END $$
"""


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    schema = bind.dialect.identifier_preparer.quote(
        bind.exec_driver_sql("SELECT current_schema()").scalar()
    )
    for table in AUTHORED:
        # Rows already there are the owner's (who runs this upgrade); new ones the writer's.
        op.execute(
            f"ALTER TABLE {table} ADD COLUMN author_role varchar(63) NOT NULL DEFAULT current_user"
        )
    for statement in FUNCTIONS:
        op.execute(statement.replace("{schema}", schema).replace("{{", "{").replace("}}", "}"))
    op.execute(MAY_EDIT_POST.format(schema=schema, trash=TRASH.replace(" deleted", " p.deleted")))
    op.execute("DROP POLICY posts_edit ON posts")
    op.execute(POSTS_EDIT.format(trash=TRASH))
    for table in RULED:
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY {table}_read ON {table} FOR SELECT USING (true)")
    for statement in POLICIES:
        op.execute(statement)
    for table in ("comments", "suggestions", "status_changes", "revisions"):
        op.execute(
            f"CREATE TRIGGER {table}_guard BEFORE UPDATE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION byline_guard_authored()"
        )
    op.execute(trigger_sql("blogs", "none", "id"))


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    schema = bind.dialect.identifier_preparer.quote(
        bind.exec_driver_sql("SELECT current_schema()").scalar()
    )
    op.execute(drop_trigger_sql("blogs"))
    op.execute("DROP POLICY posts_edit ON posts")
    op.execute(POSTS_EDIT.format(trash=""))  # as 0012 had them
    op.execute(MAY_EDIT_POST.format(schema=schema, trash=""))
    op.execute(OLD_NOTIFY)
    for table in ("comments", "suggestions", "status_changes", "revisions"):
        op.execute(f"DROP TRIGGER IF EXISTS {table}_guard ON {table}")
    for table in RULED:
        for verb in ("read", "create", "edit", "delete"):
            op.execute(f"DROP POLICY IF EXISTS {table}_{verb} ON {table}")
        op.execute(f"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY")
        op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
    for signature in ("byline_guard_authored()", "byline_may_log(integer, text, text)",
                      "byline_blog_of(integer)", "byline_has_post(integer)",
                      "byline_is_owner()"):  # fmt: skip
        op.execute(f"DROP FUNCTION IF EXISTS {signature}")
    for table in AUTHORED:
        op.execute(f"ALTER TABLE {table} DROP COLUMN author_role")
