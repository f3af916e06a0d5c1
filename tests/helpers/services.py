"""Skipping, or failing, when a test's server is not there."""

from __future__ import annotations

import os

import pytest


def services_required() -> bool:
    return os.environ.get("BYLINE_REQUIRE_SERVICES") == "1"


def require_service(available: bool, reason: str) -> None:
    """Skip with ``reason`` when the service is missing; in CI (BYLINE_REQUIRE_SERVICES=1) fail."""
    if available:
        return
    if services_required():
        pytest.fail(f"required service missing: {reason}", pytrace=False)
    pytest.skip(reason)
