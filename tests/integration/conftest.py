"""A real WordPress for the integration tests: one server per session, a fresh site per module."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.helpers.services import require_service
from tests.integration.wordpress.server import Site, WordPressInstance, missing_requirements


@pytest.fixture(scope="session")
def wordpress_instance(tmp_path_factory) -> Iterator[WordPressInstance]:
    reason = missing_requirements()
    require_service(not reason, f"WordPress: {reason} (run .ci/setup.d/wordpress.sh as root)")
    instance = WordPressInstance(tmp_path_factory.mktemp("wp", numbered=True).parent / "bwp")
    try:
        instance.start()
        yield instance
    finally:
        instance.stop()


@pytest.fixture(scope="module")
def wordpress(wordpress_instance: WordPressInstance) -> Site:
    """A fresh WordPress site (empty database and uploads) for each test module."""
    return wordpress_instance.reset()
