"""Writing a post: the form, the Markdown body editor, the post list and their controller."""
