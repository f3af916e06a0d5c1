import pytest

from editor.proofing import dictionaries
from editor.proofing.checker import Languages

NEEDED = ("en_US", "es", "pt_BR", "fr")


@pytest.fixture(scope="session")
def languages() -> Languages:
    """The system's dictionaries (.ci/setup.d/dictionaries.sh installs them in CI)."""
    found = dictionaries.discover()
    missing = [lang for lang in NEEDED if dictionaries.find(lang, found) is None]
    assert not missing, f"install the dictionaries: bash .ci/setup.d/dictionaries.sh ({missing})"
    return Languages(found)
