"""Review: comments anchored to the text, the status workflow's buttons and its log."""
