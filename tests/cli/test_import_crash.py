"""`import delegations --adopted` is one transaction: killed at any moment (kill -9), the
database holds the new adopted version or nothing of it, never an unadopted draft (issue 11)."""

from __future__ import annotations

import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from nacka_desktop import cli
from tests.kills import KILLS, kill_moments, run_and_kill

CHILD = """
import sys
from nacka_desktop import cli
print("ready", flush=True)
sys.exit(cli.main(sys.argv[1:], launch_gui=lambda _db: 0))
"""


def _no_gui(database: str | None) -> int:
    raise AssertionError("the window must not open")


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The sample and the KS order exported as a register: a file to import again."""
    folder = tmp_path_factory.mktemp("import-crash")
    database, register = folder / "demo.db", folder / "ks.xlsx"
    assert cli.main(["demo", "--db", str(database)], launch_gui=_no_gui) == cli.EXIT_OK
    argv = ["export", "register", "delegations", "--out", str(register), "--db", str(database)]
    assert cli.main(argv, launch_gui=_no_gui) == cli.EXIT_OK
    return database, register


def _orders(path: Path) -> list[tuple[str, str | None]]:
    connection = sqlite3.connect(path)
    try:
        return list(
            connection.execute("SELECT status, adopted_on FROM delegation_order ORDER BY id")
        )
    finally:
        connection.close()


def _integrity(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return str(connection.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        connection.close()


def _import_and_kill(database: Path, register: Path, delay: float) -> None:
    argv = [
        *("import", "delegations", str(register), "--board", "KS"),
        *("--adopted", "2026-11-30", "--paragraph", "§ 99", "--db", str(database)),
    ]
    run_and_kill(CHILD, argv, delay)


def test_an_import_killed_at_any_moment_leaves_the_adopted_version_or_nothing(
    prepared: tuple[Path, Path], tmp_path: Path
) -> None:
    database, register = prepared
    before = _orders(database)
    timing = tmp_path / "timing.db"
    shutil.copy2(database, timing)
    started = time.perf_counter()
    _import_and_kill(timing, register, 120.0)
    span = time.perf_counter() - started
    after = _orders(timing)
    assert len(after) == len(before) + 1 and after[-1][1] == "2026-11-30"
    kept = 0
    for attempt, moment in enumerate(kill_moments(span, 12)):
        path = tmp_path / f"kill-{attempt}.db"
        shutil.copy2(database, path)
        _import_and_kill(path, register, moment)
        assert _integrity(path) == "ok", attempt
        orders = _orders(path)
        if orders == before:
            continue  # nothing of it
        kept += 1
        # All of it: one new version, adopted on the date, the one in force before superseded.
        assert len(orders) == len(before) + 1, (attempt, orders)
        assert orders[-1] == after[-1], (attempt, orders)
        assert orders == after, attempt
    assert 0 < kept < KILLS  # the kills fell before and after the commit
