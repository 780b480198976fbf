"""The guarded edit: one audit line per edit, concurrent changes, locks, pre-existing errors."""

from __future__ import annotations

import getpass
import os
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from nacka_desktop.domain.enums import Role, UnitKind
from nacka_desktop.domain.rules import ObjectKind
from nacka_desktop.services.context import Services
from nacka_desktop.services.editing import ConcurrentEditError, StaleEditError
from nacka_desktop.services.org.units import UnitDraft
from nacka_desktop.storage import database as database_module
from nacka_desktop.storage.errors import DatabaseOpenError
from nacka_desktop.storage.repositories import org as repositories

from .builders import (
    Line,
    add_person,
    appoint,
    audit_trail,
    build_line,
    dump,
    execute,
    rows,
)

TODAY = date(2026, 11, 26)
REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def line(services: Services) -> Line:
    return build_line(services)


def test_every_successful_edit_writes_one_audit_entry(services: Services) -> None:
    line = build_line(services)  # 5 units, 3 persons, 3 appointments
    services.units.rename(line.lon, "Lön")
    closed = services.units.close(line.lon, date(2027, 1, 1))
    services.units.reopen(closed)
    actions = [entry.action for entry in audit_trail(services)]
    assert actions == (
        ["unit.create"] * 5
        + ["person.create"] * 3
        + ["appointment.create"] * 3
        + ["unit.update", "unit.close", "unit.reopen"]
    )
    assert all(entry.created_at is not None for entry in audit_trail(services))
    # Who did it: the operating-system user (the actor used to be always empty).
    assert {entry.actor for entry in audit_trail(services)} == {getpass.getuser()}


def test_version_goes_up_with_each_edit(services: Services, line: Line, db_path: Path) -> None:
    assert rows(db_path, "SELECT version FROM unit WHERE id = ?", line.lon) == [(1,)]
    services.units.rename(line.lon, "Lön")
    services.units.rename(line.lon, "Löneenheten")
    assert rows(db_path, "SELECT version FROM unit WHERE id = ?", line.lon) == [(3,)]


def test_change_committed_by_another_program_during_an_edit_is_a_concurrent_edit(
    services: Services, line: Line, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    check_code = repositories.code_in_use

    def someone_else_saves_first(*args: object, **kwargs: object) -> bool:
        # runs inside UnitService.update, after the unit was read and before it is written
        execute(
            db_path,
            "UPDATE unit SET name = 'Annans namn', version = version + 1 WHERE id = ?",
            line.lon,
        )
        return check_code(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(repositories, "code_in_use", someone_else_saves_first)
    with pytest.raises(ConcurrentEditError) as raised:
        services.units.update(line.lon, code="LON2", name="Mitt namn")
    assert "Någon annan har ändrat" in raised.value.message
    assert rows(db_path, "SELECT code, name, version FROM unit WHERE id = ?", line.lon) == [
        ("LON", "Annans namn", 2)
    ]
    assert audit_trail(services)[-1].action == "appointment.create"  # no audit of the refusal


def test_edit_after_another_program_changed_the_row_overwrites_it(
    services: Services, line: Line, db_path: Path
) -> None:
    """Without the version a form loaded (an undo, a script) the edit applies to the row as it
    is now; a form passes its version and is refused instead (tests/services/
    test_two_sessions.py)."""
    loaded = services.queries.version(ObjectKind.UNIT, line.lon)
    execute(db_path, "UPDATE unit SET name = 'Annans namn', version = 7 WHERE id = ?", line.lon)
    with pytest.raises(StaleEditError):
        services.units.update(line.lon, expected_version=loaded, name="Formulärets namn")
    services.units.rename(line.lon, "Mitt namn")
    assert rows(db_path, "SELECT name, version FROM unit WHERE id = ?", line.lon) == [
        ("Mitt namn", 8)
    ]


@pytest.fixture
def quick_lock_services(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Services]:
    monkeypatch.setattr(database_module, "SQLITE_BUSY_TIMEOUT_MS", 200)
    opened = Services.open(db_path, clock=lambda: TODAY)
    build_line(opened)
    yield opened
    opened.close()


@contextmanager
def other_program_writing(path: Path) -> Iterator[None]:
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_edit_while_another_program_holds_the_write_lock_changes_nothing(
    quick_lock_services: Services, db_path: Path
) -> None:
    before = dump(db_path)
    refusals = (OperationalError, ConcurrentEditError, DatabaseOpenError)
    with other_program_writing(db_path), pytest.raises(refusals):
        quick_lock_services.units.rename(5, "Lön")
    assert dump(db_path) == before


def test_edit_while_another_program_holds_the_write_lock_gives_a_swedish_message(
    quick_lock_services: Services, db_path: Path
) -> None:
    with other_program_writing(db_path), pytest.raises(DatabaseOpenError) as refused:
        quick_lock_services.units.rename(5, "Lön")
    assert "låst av ett annat program" in refused.value.message_sv


def test_renaming_a_unit_with_a_pre_existing_error_is_allowed(
    services: Services, line: Line, db_path: Path
) -> None:
    group = services.units.create(UnitDraft("GR", "Gruppen", UnitKind.GROUP, line.lon)).id
    execute(
        db_path,
        "UPDATE unit SET valid_from = '2025-01-01', valid_to = '2024-01-01' WHERE id = ?",
        group,
    )
    assert any(v.rule_id == "DATA-1" for v in services.queries.check(None))
    services.units.rename(group, "Lönegruppen")


def test_unrelated_edit_is_allowed_while_an_old_error_remains(
    services: Services, line: Line, db_path: Path
) -> None:
    group = services.units.create(UnitDraft("GR", "Gruppen", UnitKind.GROUP, line.lon)).id
    execute(
        db_path,
        "UPDATE unit SET valid_from = '2025-01-01', valid_to = '2024-01-01' WHERE id = ?",
        group,
    )
    person = add_person(services, "1001", "Åsa", "Öberg")
    appoint(services, person, line.lon, Role.EMPLOYEE)
    assert [v.rule_id for v in services.queries.check(None) if v.is_error] == ["DATA-1"]


def test_closing_a_unit_in_a_pre_existing_cycle_returns(db_path: Path) -> None:
    services = Services.open(db_path, clock=lambda: TODAY)
    line = build_line(services)
    services.close()
    execute(db_path, "UPDATE unit SET parent_id = ? WHERE id = ?", line.lon, line.per)
    script = textwrap.dedent(
        f"""
        from datetime import date
        from nacka_desktop.services.context import Services
        services = Services.open({str(db_path)!r}, clock=lambda: date(2026, 11, 26))
        try:
            services.units.close({line.per}, date(2027, 1, 1))
        except Exception as error:  # a refusal is fine; hanging is not
            print(type(error).__name__)
        """
    )
    subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPO_ROOT,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
        timeout=8,
        check=True,
        capture_output=True,
    )


def test_an_edit_that_writes_without_an_audit_entry_is_rolled_back(
    services: Services, line: Line, db_path: Path
) -> None:
    """Every change is a record of something done: a service path that forgot its audit
    entry fails (and writes nothing) instead of changing the data silently."""
    from nacka_desktop.services.editing import MissingAuditError
    from nacka_desktop.storage.models import Unit

    before = dump(db_path)
    with pytest.raises(MissingAuditError, match="unit"), services.units._editor.edit() as session:
        unit = session.get(Unit, line.lon)
        assert unit is not None
        unit.charter = "Skrivet utan spår"
    assert dump(db_path) == before


def test_undo_paths_and_deletions_leave_an_audit_entry(services: Services, line: Line) -> None:
    """The paths issue 11 found silent: creating titled positions, removing a decision,
    a vidaredelegation and the restore_* undos each write their entry now."""
    created = services.delegation_orders.ensure_titled_positions(["Kommunjurist"])
    assert created == ["Kommunjurist"]
    entry = audit_trail(services)[-1]
    assert (entry.action, entry.details) == ("titled_position.create", {"titles": created})
    services.delegated_decisions.restore_reported({})
    assert audit_trail(services)[-1].action == "delegated_decision.reported.undo"
