"""The first edit of each day backs the database up as it was before it; 14 days are kept
(issue 11). The day is the services' clock, so the tests move it."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from nacka_desktop.services.context import Services
from nacka_desktop.storage import health
from nacka_desktop.storage.backups import DAILY, backup_folder, list_backups
from nacka_desktop.storage.errors import DatabaseReadOnlyError
from tests.damage import read

from .builders import add_person, build_line

FIRST_DAY = date(2026, 11, 1)


class Clock:
    def __init__(self, day: date) -> None:
        self.day = day

    def __call__(self) -> date:
        return self.day


@pytest.fixture
def clock() -> Clock:
    return Clock(FIRST_DAY)


@pytest.fixture
def existing(db_path: Path, clock: Clock) -> Services:
    """A database made on an earlier day, opened again."""
    made = Services.open(db_path, clock=lambda: FIRST_DAY - timedelta(days=1))
    build_line(made)
    made.close()
    return Services.open(db_path, clock=clock, create=False)


def daily_backups(path: Path) -> list[str]:
    return sorted(b.path.name for b in list_backups(path) if b.kind == DAILY)


def person_numbers(path: Path) -> set[str]:
    connection = read(path)
    try:
        return {number for (number,) in connection.execute("SELECT employee_number FROM person")}
    finally:
        connection.close()


def test_the_first_edit_of_a_day_backs_up_the_database_as_it_was(
    existing: Services, db_path: Path
) -> None:
    before = person_numbers(db_path)
    add_person(existing, "101", "Första", "Ändringen")
    assert daily_backups(db_path) == ["nacka.db.daily-2026-11-01"]
    backup = existing.database.daily_backup_path
    assert backup is not None and backup.parent == backup_folder(db_path)
    assert person_numbers(backup) == before  # without the day's first edit
    made = backup.stat().st_mtime_ns

    add_person(existing, "102", "Andra", "Ändringen")  # the same day: no new copy
    assert daily_backups(db_path) == ["nacka.db.daily-2026-11-01"]
    assert backup.stat().st_mtime_ns == made
    existing.close()


def test_another_run_the_same_day_makes_no_second_backup(
    existing: Services, db_path: Path, clock: Clock
) -> None:
    add_person(existing, "101", "Första", "Körningen")
    existing.close()
    again = Services.open(db_path, clock=clock, create=False)
    add_person(again, "102", "Andra", "Körningen")
    assert again.database.daily_backup_path is None
    again.close()
    assert daily_backups(db_path) == ["nacka.db.daily-2026-11-01"]


def test_fourteen_days_are_kept_and_the_fifteenth_removes_the_oldest(
    existing: Services, db_path: Path, clock: Clock
) -> None:
    for day in range(14):
        clock.day = FIRST_DAY + timedelta(days=day)
        add_person(existing, f"2{day:02d}", "Dag", f"Nummer{day}")
    kept = daily_backups(db_path)
    assert len(kept) == 14 and kept[0] == "nacka.db.daily-2026-11-01"

    clock.day = FIRST_DAY + timedelta(days=14)
    add_person(existing, "299", "Dag", "Femton")
    kept = daily_backups(db_path)
    assert len(kept) == 14
    assert kept[0] == "nacka.db.daily-2026-11-02" and kept[-1] == "nacka.db.daily-2026-11-15"
    assert not list(backup_folder(db_path).glob("*.partial"))
    existing.close()


def test_a_database_made_today_is_first_backed_up_tomorrow(db_path: Path, clock: Clock) -> None:
    services = Services.open(db_path, clock=clock)  # new: its state before today was nothing
    build_line(services)
    assert daily_backups(db_path) == []
    clock.day = FIRST_DAY + timedelta(days=1)
    add_person(services, "101", "Nästa", "Dag")
    services.close()
    assert daily_backups(db_path) == ["nacka.db.daily-2026-11-02"]


def test_an_edit_in_a_read_only_database_is_refused_in_swedish(
    db_path: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = Services.open(db_path, clock=clock)
    build_line(made)
    made.close()
    before = person_numbers(db_path)
    monkeypatch.setattr(health, "is_read_only", lambda _path: True)
    services = Services.open(db_path, clock=clock, create=False)
    try:
        with pytest.raises(DatabaseReadOnlyError) as raised:
            add_person(services, "101", "Inte", "Sparad")
    finally:
        services.close()
    assert raised.value.message_sv == (
        f"Databasen {db_path} är skrivskyddad (filen eller mappen går inte att skriva i) och "
        "är öppnad bara för läsning: ändringen sparades inte."
    )
    assert person_numbers(db_path) == before
    assert daily_backups(db_path) == []


def test_a_backup_that_cannot_be_written_does_not_stop_the_edit(
    existing: Services, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(_source: sqlite3.Connection, _target: Path) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("nacka_desktop.storage.backups.copy_database", full_disk)
    add_person(existing, "101", "Sparas", "Ändå")
    existing.close()
    assert "101" in person_numbers(db_path)
    assert daily_backups(db_path) == []
