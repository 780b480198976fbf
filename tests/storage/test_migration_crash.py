"""A migration is all or nothing: killed at any moment, the database is either as it was or
fully upgraded, and opens; one left half-migrated by an older version is repaired from its
backup (issue 11)."""

from __future__ import annotations

import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from nacka_desktop.storage.database import current_revision, head_revision, open_database
from tests.kills import kill_moments, run_and_kill

FIXTURES = Path(__file__).parents[1] / "fixtures"

CHILD = """
import sys
from nacka_desktop.storage.database import open_database
print("ready", flush=True)
open_database(sys.argv[1]).close()
print("done", flush=True)
"""


def _tables(path: Path) -> set[str]:
    connection = sqlite3.connect(path)
    try:
        return {
            name
            for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
    finally:
        connection.close()


def _integrity(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return str(connection.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        connection.close()


def _revision(path: Path) -> str | None:
    database = open_database(path)  # also: it opens (and finishes the upgrade)
    try:
        return current_revision(database.engine)
    finally:
        database.close()


def _migrate_and_kill(path: Path, delay: float) -> bool:
    """Upgrade in a child process, killed `delay` seconds in; True if it finished first."""
    return run_and_kill(CHILD, [str(path)], delay)


def test_a_migration_killed_at_any_moment_leaves_all_or_nothing(tmp_path: Path) -> None:
    original = FIXTURES / "schema_0001.db"
    before = _tables(original)
    # How long an upgrade takes here, so that the kills fall inside it.
    timing = tmp_path / "timing.db"
    shutil.copy2(original, timing)
    started = time.perf_counter()
    assert _migrate_and_kill(timing, 60.0)
    span = time.perf_counter() - started  # from "ready" on, start-up included
    outcomes = []
    for attempt, moment in enumerate(kill_moments(span, 11)):
        path = tmp_path / f"kill-{attempt}.db"
        shutil.copy2(original, path)
        finished = _migrate_and_kill(path, moment)
        assert _integrity(path) == "ok", attempt
        tables = _tables(path)
        connection = sqlite3.connect(path)
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        connection.close()
        if revision == "0001":  # nothing of the upgrade: the tables as they were
            assert tables == before, (attempt, sorted(tables - before))
        else:
            assert revision == head_revision(), attempt
        outcomes.append(finished or revision != "0001")
        assert _revision(path) == head_revision()  # and it opens, upgraded, afterwards
    assert not all(outcomes) and any(outcomes)  # the kills fell before, inside and after


def test_a_database_half_migrated_by_an_older_version_is_repaired_from_its_backup(
    tmp_path: Path,
) -> None:
    path = tmp_path / "nacka.db"
    shutil.copy2(FIXTURES / "schema_0001.db", path)
    backup = tmp_path / "nacka.db.backup-0001-20261201T080000Z"
    shutil.copy2(path, backup)
    connection = sqlite3.connect(path)
    with connection:  # what a crash used to leave: a later revision's table, version 0001
        connection.execute("CREATE TABLE work_task (id INTEGER PRIMARY KEY)")
    connection.close()

    database = open_database(path)
    try:
        assert database.repaired_from == backup
        assert current_revision(database.engine) == head_revision()
    finally:
        database.close()
    assert list(tmp_path.glob("nacka.db.damaged-*"))  # the damaged file is kept aside


def test_without_a_backup_a_half_migrated_database_is_refused_with_a_message(
    tmp_path: Path,
) -> None:
    from nacka_desktop.storage.errors import DatabaseUnavailableError

    path = tmp_path / "nacka.db"
    shutil.copy2(FIXTURES / "schema_0001.db", path)
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("CREATE TABLE work_task (id INTEGER PRIMARY KEY)")
    connection.close()
    with pytest.raises(DatabaseUnavailableError, match="säkerhetskopia"):
        open_database(path)
