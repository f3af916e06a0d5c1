"""Every ``byline`` command: its name, the module under ``editor.cli`` that registers it, and
the one line ``byline --help`` shows for it.

The table lets the parser start without importing any command module (they import the store,
SQLAlchemy, the renderer, Pillow...): only the module of the command being run is imported,
and its ``register(sub)`` adds the real parser with every option.

To add a command: write ``register(sub)`` and the handler in a module of ``editor.cli`` (as the
others do), then add a row here, in the order ``byline --help`` lists them, with the same help
text the module gives ``sub.add_parser``. ``tests/unit/test_cli_commands.py`` fails until the
two agree.
"""

from __future__ import annotations

# name -> (module in editor.cli, help), in the order `byline --help` lists them.
COMMANDS: dict[str, tuple[str, str]] = {
    "import": (
        "posts",
        "import Markdown files with YAML front matter, or export bundles, as new posts",
    ),
    "list": ("listing", "list posts, newest first"),
    "show": ("posts", "show every field of a post"),
    "export-md": ("posts", "write a post as Markdown with front matter"),
    "status": ("posts", "move a post to another workflow status"),
    "revisions": ("posts", "list a post's revisions, newest first"),
    "revision": ("posts", "show one revision's content"),
    "save-version": ("posts", "keep the post as it is now as a named revision"),
    "restore": ("posts", "restore a revision (the current text stays in history)"),
    "log": ("review", "a post's status changes: who, when, from, to, note"),
    "comment": ("review", "comments on a post's words: add, list, reply, …"),
    "review": ("review", "review packages: send a post, open one received"),
    "suggest": (
        "suggest",
        "suggest an edit (kept in the text as CriticMarkup), or list, accept or reject them",
    ),
    "diff": (
        "suggest",
        "word differences between two versions of a post (default: the last revision "
        "against the current text)",
    ),
    "delete": ("trash", "move a post to the Trash (restorable until the Trash is emptied)"),
    "trash": ("trash", "the posts in the Trash: list, restore, empty"),
    "new": ("edit", "create an empty post (or with the fields given)"),
    "set": ("edit", "change fields of a post (the rest stays as it is)"),
    "render": (
        "render",
        "write the HTML page of a post, as the preview shows it (with -o, its photos go to "
        "images/ beside the file)",
    ),
    "export": ("render", "export a post as a bundle: index.html, assets, post.md, post.json"),
    "photo": ("photos", "a post's photos: add, list, set, remove, renditions"),
    "blog": ("blogs", "create, list, change and remove blogs"),
    "sidebar": ("sidebar", "a blog's 'Recent posts' sidebar links"),
    "target": ("targets", "publishing targets (WordPress REST, MetaWeblog XML-RPC)"),
    "push": ("publish", "publish a post to a target (creates it, or updates it)"),
    "pull": ("publish", "bring a target's recent posts in as linked local drafts"),
    "outbox": ("publish", "pushes waiting for the network: list, retry, cancel"),
    "check": (
        "proofing",
        "spelling and house style of a post, or of a Markdown file (exit 1 on problems)",
    ),
    "words": ("proofing", "the blog's word list and your personal dictionary"),
    "config": ("config", "read and change your preferences (name, e-mail, role, look)"),
    "whoami": ("config", "print your name and e-mail (user.name, user.email)"),
    "doctor": ("doctor", "check the database for damage; --recover copies what can be read"),
}
