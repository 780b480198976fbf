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


@pytest.fixture(autouse=True, scope="session")
def private_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The app's data directory (backups, the sample) in a temporary folder, for this process
    and the ones the tests start: never the user's own."""
    from nacka_desktop.paths import DATA_DIR_VARIABLE

    folder = tmp_path_factory.mktemp("data-dir")
    before = os.environ.get(DATA_DIR_VARIABLE)
    os.environ[DATA_DIR_VARIABLE] = str(folder)
    yield folder
    if before is None:
        del os.environ[DATA_DIR_VARIABLE]
    else:
        os.environ[DATA_DIR_VARIABLE] = before


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
