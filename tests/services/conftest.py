"""Fixtures of the service tests."""

from __future__ import annotations

import pytest

from nacka_desktop.services.context import Services
from tests.conftest import TODAY, build_sample, without_delegation_orders


@pytest.fixture
def sample(services: Services) -> Services:
    """The sample organisation without its own orders: each test builds the ones it needs."""
    build_sample(services.database, TODAY)
    without_delegation_orders(services)
    return services
