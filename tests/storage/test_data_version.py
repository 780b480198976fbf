"""The data version: every change to any table moves it, whoever makes it (migration 0006)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from nacka_desktop.domain.enums import UnitKind
from nacka_desktop.domain.rules import RuleViolationError
from nacka_desktop.services.context import Services
from nacka_desktop.services.org.units import UnitDraft
from nacka_desktop.storage.models import Base


def _version(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return int(connection.execute("SELECT sum(counter) FROM data_version").fetchone()[0])
    finally:
        connection.close()


def test_every_table_has_its_triggers(services: Services, db_path: Path) -> None:
    connection = sqlite3.connect(db_path)
    try:
        triggers = {
            (table, name)
            for name, table in connection.execute(
                "SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger'"
            )
        }
    finally:
        connection.close()
    for table in Base.metadata.tables:
        if table == "data_version":
            continue
        for operation in ("insert", "update", "delete"):
            assert (table, f"data_version_{table}_{operation}") in triggers


def test_a_change_from_outside_the_app_moves_the_version(services: Services, db_path: Path) -> None:
    before = _version(db_path)
    connection = sqlite3.connect(db_path)
    try:
        connection.execute("UPDATE work_task SET name = name || ' (ändrad)' WHERE id = 1")
        connection.commit()
    finally:
        connection.close()
    assert _version(db_path) > before


def test_a_refused_edit_leaves_the_version_alone(services: Services, db_path: Path) -> None:
    services.units.create(UnitDraft("KF", "Kommunfullmäktige", UnitKind.MUNICIPAL_COUNCIL, None))
    before = _version(db_path)
    with pytest.raises(RuleViolationError):
        services.units.create(UnitDraft("KF", "Ett till KF", UnitKind.MUNICIPAL_COUNCIL, None))
    assert _version(db_path) == before
