"""Damaged, foreign and read-only database files (issue 11): each is recognised on opening,
before anything writes to it. A damaged file is refused naming its newest backup; another
program's file is left byte for byte as it was; a read-only file or folder opens for reading
only, and one that would need migrating is refused, never migrated."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from nacka_desktop.services.context import Services
from nacka_desktop.storage import health
from nacka_desktop.storage.backups import backup_folder, list_backups
from nacka_desktop.storage.database import HEAD_REVISION, current_revision, open_database
from nacka_desktop.storage.errors import (
    DatabaseDamagedError,
    DatabaseReadOnlyError,
    DatabaseUnavailableError,
    ForeignDatabaseError,
    ReadOnlyNeedsUpgradeError,
)
from nacka_desktop.storage.models import Unit
from tests.conftest import TODAY
from tests.damage import PAGES, damage, digest, read, read_only, side_files

from ..services.builders import add_person, build_line

FIXTURES = Path(__file__).parents[1] / "fixtures"
# "file" (0444) and "folder" (0555) need the permission bits to hold: as root, they run in a
# child without root's capabilities (tests/conftest.py).
READ_ONLY_KINDS = [
    "simulated",
    pytest.param("file", marks=pytest.mark.unprivileged),
    pytest.param("folder", marks=pytest.mark.unprivileged),
]


@pytest.fixture
def app_db(db_path: Path) -> Path:
    """A small organisation, then an edit in a second session: that day's backup exists."""
    services = Services.open(db_path, clock=lambda: TODAY)
    build_line(services)
    services.close()
    services = Services.open(db_path, clock=lambda: TODAY, create=False)
    add_person(services, "99", "Dagny", "Dagsson")
    assert services.database.daily_backup_path is not None
    services.close()
    return db_path


def unit_names(path: Path) -> list[str]:
    connection = read(path)
    try:
        return [name for (name,) in connection.execute("SELECT name FROM unit ORDER BY id")]
    finally:
        connection.close()


# --- damage -------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("create", [False, True], ids=["command", "window"])
def test_a_damaged_page_is_refused_on_opening_naming_the_newest_backup(
    app_db: Path, name: str, create: bool
) -> None:
    newest = list_backups(app_db)[0].path
    damage(app_db, name)
    before = digest(app_db)
    with pytest.raises(DatabaseDamagedError) as raised:
        open_database(app_db, create=create)
    message = raised.value.message_sv
    assert f"Databasen {app_db} är skadad" in message
    assert f"nacka-desktop restore {newest} --db {app_db}" in message
    assert f"nacka-desktop doctor --db {app_db}" in raised.value.message_en
    assert raised.value.newest_backup == str(newest)
    assert digest(app_db) == before  # nothing written: no WAL switch, no migration
    assert side_files(app_db) == []


def test_a_damaged_file_without_a_backup_says_so(db_path: Path) -> None:
    services = Services.open(db_path, clock=lambda: TODAY)
    build_line(services)
    services.close()
    damage(db_path, "unit")
    with pytest.raises(DatabaseDamagedError, match="Det finns ingen säkerhetskopia av den"):
        open_database(db_path, create=False)


# --- someone else's file ------------------------------------------------------------------------


def test_another_programs_file_is_left_byte_for_byte_as_it_was(db_path: Path) -> None:
    connection = sqlite3.connect(db_path)
    with connection:
        connection.execute("CREATE TABLE notes (text TEXT)")
        connection.execute("INSERT INTO notes VALUES ('viktigt')")
    connection.close()
    before = digest(db_path)
    with pytest.raises(ForeignDatabaseError, match="lämnas orörd"):
        open_database(db_path)
    # Not switched to WAL (the journal mode is kept in the file), nothing else either.
    assert digest(db_path) == before
    assert side_files(db_path) == []


def test_another_programs_alembic_database_is_foreign_not_a_newer_app_database(
    db_path: Path,
) -> None:
    """Another program that also uses Alembic: its version row is no app revision, and it
    has none of the app's tables. It used to be switched to WAL and called "newer"."""
    connection = sqlite3.connect(db_path)
    with connection:
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32))")
        connection.execute("INSERT INTO alembic_version VALUES ('3f2a9c1b7d4e')")
        connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    connection.close()
    before = digest(db_path)
    with pytest.raises(ForeignDatabaseError):
        open_database(db_path)
    assert digest(db_path) == before
    assert side_files(db_path) == []


def test_an_empty_sqlite_file_is_not_made_an_app_database_by_a_command_that_reads(
    db_path: Path,
) -> None:
    connection = sqlite3.connect(db_path)
    connection.execute("PRAGMA user_version = 1")  # a valid, table-less SQLite file
    connection.close()
    before = digest(db_path)
    with pytest.raises(DatabaseUnavailableError, match="tom SQLite-databas"):
        open_database(db_path, create=False)
    assert digest(db_path) == before


# --- read-only ----------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", READ_ONLY_KINDS)
def test_a_read_only_database_opens_for_reading_and_refuses_writes(
    app_db: Path, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = unit_names(app_db)
    before, listing = digest(app_db), sorted(os.listdir(app_db.parent))
    with read_only(app_db, kind, monkeypatch):
        database = open_database(app_db, create=False)
        try:
            assert database.read_only
            with database.reader() as session:
                assert list(session.scalars(text("SELECT name FROM unit ORDER BY id"))) == names
            refused = pytest.raises(DatabaseReadOnlyError, match="skrivskyddad")
            with refused, database.transaction() as session:
                session.add(Unit(code="X", name="X"))
            database.back_up_daily(TODAY)  # no copy of a file nobody can change
            assert database.daily_backup_path is None
        finally:
            database.close()
        assert digest(app_db) == before
        assert sorted(os.listdir(app_db.parent)) == listing  # no -wal, -shm nor journal


@pytest.mark.parametrize("kind", READ_ONLY_KINDS)
def test_a_read_only_database_that_needs_migrating_is_refused_unmigrated(
    db_path: Path, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy2(FIXTURES / "schema_0001.db", db_path)
    before = digest(db_path)
    with read_only(db_path, kind, monkeypatch):
        with pytest.raises(ReadOnlyNeedsUpgradeError) as raised:
            open_database(db_path)
        assert "skrivskyddad" in raised.value.message_sv
        assert f"behöver {HEAD_REVISION}" in raised.value.message_sv
    assert digest(db_path) == before
    assert side_files(db_path) == []
    assert list_backups(db_path) == []


# --- backups before a migration -----------------------------------------------------------------


def test_the_backup_before_a_migration_goes_to_the_data_directory(db_path: Path) -> None:
    shutil.copy2(FIXTURES / "schema_0001.db", db_path)
    folder = backup_folder(db_path)
    folder.mkdir(parents=True)
    # 14 earlier ones: the oldest goes once the new one is written.
    for day in range(1, 15):
        (folder / f"nacka.db.backup-0001-202601{day:02d}T080000Z").write_bytes(b"x")
    database = open_database(db_path)
    try:
        assert current_revision(database.engine) == HEAD_REVISION
        made = database.backup_path
    finally:
        database.close()
    assert made is not None and made.parent == folder
    assert made.name.startswith("nacka.db.backup-0001-2")
    assert unit_names(made)[:1] == ["Kommunfullmäktige"]  # a whole database, as it was
    assert not list(db_path.parent.glob("nacka.db.backup-*"))  # nothing beside the file
    kept = sorted(p.name for p in folder.iterdir())
    assert len(kept) == 14 and "nacka.db.backup-0001-20260101T080000Z" not in kept
    assert made.name in kept


def test_backups_beside_the_file_from_earlier_versions_are_still_listed(db_path: Path) -> None:
    shutil.copy2(FIXTURES / "schema_0001.db", db_path)
    old = db_path.with_name("nacka.db.backup-0001-20251201T080000Z")
    shutil.copy2(db_path, old)
    open_database(db_path).close()
    listed = [b.path for b in list_backups(db_path)]
    assert old in listed and len(listed) == 2


def test_no_migration_without_its_backup(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy2(FIXTURES / "schema_0001.db", db_path)

    def full_disk(_source: sqlite3.Connection, _target: Path) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("nacka_desktop.storage.backups.copy_database", full_disk)
    with pytest.raises(DatabaseUnavailableError, match="har inte uppgraderats"):
        open_database(db_path)
    connection = read(db_path)
    try:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [
            ("0001",)
        ]
    finally:
        connection.close()


def test_a_read_only_database_changed_by_someone_who_can_write_is_refused_not_misread(
    app_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opened `immutable` (nobody had it open, this user cannot write it); another user who
    can then changes it: reading on would mix old and new pages without an error."""
    monkeypatch.setattr(health, "is_read_only", lambda _path: True)
    database = open_database(app_db, create=False)
    try:
        with database.reader() as session:
            assert session.execute(text("SELECT count(*) FROM unit")).scalar()
        writer = sqlite3.connect(app_db)
        with writer:
            writer.execute("UPDATE unit SET name = name || ' (ny)'")
        writer.close()
        with (
            pytest.raises(DatabaseUnavailableError, match="öppna den igen"),
            database.reader() as session,
        ):
            session.execute(text("SELECT count(*) FROM unit")).scalar()
    finally:
        database.close()
