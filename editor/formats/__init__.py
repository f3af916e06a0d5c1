"""Files Byline reads and writes: Markdown with front matter (and, later, export bundles)."""
