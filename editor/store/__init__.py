"""Opening databases, migrations and full-text search (no Qt)."""
