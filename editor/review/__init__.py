"""Review in the core (no Qt): suggested edits kept as CriticMarkup, and word diffs."""
