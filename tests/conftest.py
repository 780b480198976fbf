"""Shared fixtures: offscreen Qt, a temp-file database, services on a fixed 'today'."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from nacka_desktop.services.context import Services

TODAY = date(2026, 11, 26)


@pytest.fixture
def today() -> date:
    return TODAY


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "nacka.db"


@pytest.fixture
def services(db_path: Path) -> Iterator[Services]:
    opened = Services.open(db_path, clock=lambda: TODAY)
    yield opened
    opened.close()


def without_delegation_orders(services: Services) -> Services:
    """The sample organisation minus its delegation orders, for tests that build their own."""
    from sqlalchemy import text

    with services.database.transaction() as session:
        for table in (
            "council_matter",
            "delegated_decision",
            "subdelegation",
            "delegation_item",
            "delegation_order",
        ):
            session.execute(text(f"DELETE FROM {table}"))
    return services
