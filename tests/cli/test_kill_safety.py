"""Killed at any moment (kill -9), `demo` leaves no database or a complete one (never a
half-built file, never the old one removed), and an edit leaves all of it (row and audit
entry) or nothing (issue 11). The migration and the import have their own:
tests/storage/test_migration_crash.py, tests/cli/test_import_crash.py."""

from __future__ import annotations

import random
import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest

from nacka_desktop import cli
from tests.kills import KILLS, kill_moments, run_and_kill

DEMO = """
import sys
from nacka_desktop import cli
print("ready", flush=True)
sys.exit(cli.main(["demo", "--force", "--db", sys.argv[1]], launch_gui=lambda _db: 0))
"""

EDIT = """
import sys
from datetime import date
from nacka_desktop.domain.enums import Role
from nacka_desktop.services.context import Services
from nacka_desktop.services.org.people import AppointmentDraft
services = Services.open(sys.argv[1])
person, unit = int(sys.argv[2]), int(sys.argv[3])
print("ready", flush=True)
for day in range(1, 29):  # one edit after another: each one transaction
    services.appointments.appoint(
        AppointmentDraft(person, unit, Role.EMPLOYEE, date(2027, 2, day), date(2027, 2, day + 1))
    )
services.close()
"""


def _query(path: Path, sql: str) -> list[tuple[Any, ...]]:
    """The rows of `sql`; a column's type is whatever SQLite holds, so the rows are Any."""
    connection = sqlite3.connect(path)
    try:
        return list(connection.execute(sql))
    finally:
        connection.close()


def test_demo_killed_at_any_moment_leaves_the_old_database_or_the_new_one(
    tmp_path: Path,
) -> None:
    target = tmp_path / "demo.db"
    started = time.perf_counter()
    run_and_kill(DEMO, [str(target)], 120.0)
    span = time.perf_counter() - started
    complete = _query(target, "SELECT count(*) FROM unit")
    for attempt, moment in enumerate(kill_moments(span, 13)):
        run_and_kill(DEMO, [str(target)], moment)
        # --force rebuilds over the complete one: killed, the complete one is still there.
        assert _query(target, "PRAGMA integrity_check") == [("ok",)], attempt
        assert _query(target, "SELECT count(*) FROM unit") == complete, attempt


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("edits") / "sample.db"
    assert cli.main(["demo", "--db", str(path)], launch_gui=lambda _db: 0) == cli.EXIT_OK
    return path


def test_edits_killed_at_any_moment_leave_each_one_whole(sample: Path, tmp_path: Path) -> None:
    [(person, unit)] = _query(
        sample,
        "SELECT person_id, unit_id FROM appointment WHERE role = 'employee' ORDER BY id LIMIT 1",
    )
    args = [str(person), str(unit)]
    chance = random.Random(14)
    for attempt in range(KILLS):
        path = tmp_path / f"edit-{attempt}.db"
        path.write_bytes(sample.read_bytes())
        run_and_kill(EDIT, [str(path), *args], chance.uniform(0.2, 2.5))
        assert _query(path, "PRAGMA integrity_check") == [("ok",)], attempt
        made = _query(
            path,
            f"SELECT id FROM appointment WHERE person_id = {person} AND unit_id = {unit} "
            "AND valid_from >= '2027-02-01' ORDER BY id",
        )
        audited = _query(
            path,
            "SELECT object_id FROM audit_entry WHERE action = 'appointment.create' "
            "ORDER BY object_id",
        )
        # Every appointment made has its audit entry, and no entry names one not made.
        made_ids = {row[0] for row in made}
        assert made_ids <= {row[0] for row in audited}, attempt
        assert {row[0] for row in audited if row[0] > max(made_ids, default=0)} == set(), attempt
