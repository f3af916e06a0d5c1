from editor.store.migrations import script_head
from editor.store.schema import SCHEMA_HEAD


def test_schema_head_constant_matches_newest_migration():
    assert script_head() == SCHEMA_HEAD
