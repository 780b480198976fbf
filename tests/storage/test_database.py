"""Opening a database: schema at head, reopening, refusals with a message a user can act on."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError

from nacka_desktop.domain.enums import UnitKind
from nacka_desktop.storage.database import (
    HEAD_REVISION,
    SQLITE_BUSY_TIMEOUT_MS,
    current_revision,
    head_revision,
    open_database,
)
from nacka_desktop.storage.errors import (
    DatabaseLockedError,
    DatabaseTooNewError,
    DatabaseUnavailableError,
    ForeignDatabaseError,
    NotADatabaseError,
)
from nacka_desktop.storage.models import Unit

APP_TABLES = {"unit", "person", "appointment", "process", "audit_entry", "alembic_version"}


@contextmanager
def raw(path: Path) -> Iterator[sqlite3.Connection]:
    """A plain sqlite3 connection (another program), committed and closed afterwards."""
    connection = sqlite3.connect(path)
    try:
        yield connection
        connection.commit()
    finally:
        connection.close()


def tables(path: Path) -> set[str]:
    with raw(path) as connection:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {name for (name,) in rows}


def add_council(path: Path) -> None:
    database = open_database(path)
    with database.transaction() as session:
        session.add(Unit(code="KF", name="Kommunfullmäktige", kind=UnitKind.MUNICIPAL_COUNCIL))
    database.close()


def unit_names(path: Path) -> list[str]:
    with raw(path) as connection:
        return [name for (name,) in connection.execute("SELECT name FROM unit ORDER BY id")]


@contextmanager
def exclusive_lock(path: Path) -> Iterator[None]:
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_new_database_is_created_at_the_head_revision(db_path: Path) -> None:
    database = open_database(db_path)
    try:
        assert current_revision(database.engine) == head_revision()
        assert database.backup_path is None  # nothing to back up in a new file
    finally:
        database.close()
    assert tables(db_path) >= APP_TABLES


def test_reopening_keeps_the_data_and_makes_no_backup(db_path: Path) -> None:
    add_council(db_path)
    database = open_database(db_path)
    try:
        assert database.backup_path is None
        assert current_revision(database.engine) == head_revision()
    finally:
        database.close()
    assert unit_names(db_path) == ["Kommunfullmäktige"]
    assert [p.name for p in db_path.parent.iterdir() if ".backup-" in p.name] == []


def test_missing_file_is_refused_when_not_creating(db_path: Path) -> None:
    with pytest.raises(DatabaseUnavailableError) as raised:
        open_database(db_path, create=False)
    assert str(db_path) in raised.value.message_sv
    assert not db_path.exists()


def test_foreign_keys_are_enforced_and_journal_is_wal(db_path: Path) -> None:
    database = open_database(db_path)
    try:
        with database.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            timeout = connection.exec_driver_sql("PRAGMA busy_timeout").scalar()
            assert timeout == SQLITE_BUSY_TIMEOUT_MS
    finally:
        database.close()


def test_unit_with_a_missing_parent_is_refused_by_the_database(db_path: Path) -> None:
    database = open_database(db_path)
    try:
        with pytest.raises(IntegrityError, match="FOREIGN KEY"), database.transaction() as session:
            session.add(Unit(code="X", name="X", kind=UnitKind.GROUP, parent_id=999))
    finally:
        database.close()
    assert unit_names(db_path) == []


def test_random_bytes_are_not_a_database(db_path: Path) -> None:
    db_path.write_bytes(os.urandom(4096))
    with pytest.raises(NotADatabaseError) as raised:
        open_database(db_path)
    assert str(db_path) in raised.value.message_sv
    assert str(db_path) in raised.value.message_en
    assert "ingen Nacka Desktop-databas" in str(raised.value)


def test_short_text_file_is_not_a_database(db_path: Path) -> None:
    db_path.write_text("hej\n", encoding="utf-8")
    with pytest.raises(NotADatabaseError, match=r"nacka\.db"):
        open_database(db_path)
    assert db_path.read_text(encoding="utf-8") == "hej\n"  # left untouched


def test_directory_is_not_a_database(tmp_path: Path) -> None:
    with pytest.raises(NotADatabaseError):
        open_database(tmp_path)


def test_database_from_a_newer_app_is_refused(db_path: Path) -> None:
    add_council(db_path)
    with raw(db_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'ffff_from_the_future'")
    with pytest.raises(DatabaseTooNewError) as raised:
        open_database(db_path)
    assert "ffff_from_the_future" in raised.value.message_sv
    assert "nyare version" in raised.value.message_sv
    assert unit_names(db_path) == ["Kommunfullmäktige"]


def test_database_locked_by_another_program_is_refused(db_path: Path) -> None:
    # A file in rollback-journal mode (e.g. made by another tool) cannot even be switched to
    # WAL while another connection holds an exclusive lock: opening waits the busy timeout.
    add_council(db_path)
    with raw(db_path) as connection:
        connection.execute("PRAGMA journal_mode = DELETE")
    with exclusive_lock(db_path), pytest.raises(DatabaseLockedError) as raised:
        open_database(db_path)
    assert str(db_path) in raised.value.message_sv
    assert "låst" in raised.value.message_sv


def test_wal_database_can_be_opened_and_read_while_another_program_writes(
    db_path: Path,
) -> None:
    add_council(db_path)
    with exclusive_lock(db_path):
        database = open_database(db_path)
        try:
            with database.reader() as session:
                assert [u.name for u in session.query(Unit)] == ["Kommunfullmäktige"]
        finally:
            database.close()


def test_foreign_sqlite_file_is_refused_and_left_untouched(db_path: Path) -> None:
    # A file with tables of its own but no alembic_version is someone else's database:
    # the app must not add its tables to it.
    with raw(db_path) as connection:
        connection.execute("CREATE TABLE notes (text TEXT)")
        connection.execute("INSERT INTO notes VALUES ('viktigt')")
    with pytest.raises(ForeignDatabaseError, match="inte en Nacka Desktop-databas"):
        open_database(db_path)
    assert tables(db_path) == {"notes"}
    with raw(db_path) as connection:
        assert connection.execute("SELECT text FROM notes").fetchall() == [("viktigt",)]


def test_app_database_that_lost_its_revision_is_refused_with_data_intact(
    db_path: Path,
) -> None:
    add_council(db_path)
    with raw(db_path) as connection:
        connection.execute("DELETE FROM alembic_version")
    with pytest.raises(ForeignDatabaseError):
        open_database(db_path)
    assert unit_names(db_path) == ["Kommunfullmäktige"]


def test_the_head_revision_constant_is_alembics_head() -> None:
    assert head_revision() == HEAD_REVISION


def test_opening_an_up_to_date_database_does_not_load_alembic(db_path: Path) -> None:
    open_database(db_path).close()  # created and migrated here
    script = (
        "import sys\n"
        "from nacka_desktop.storage.database import open_database\n"
        f"open_database({str(db_path)!r}).close()\n"
        "print('alembic' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"
