"""Damaged, foreign and read-only files on the command line (issue 11): `check` and `import`
refuse a damaged file with exit 3 naming the newest backup and write nothing; `doctor` shows
the damage and the backups; `restore` puts a backup back and keeps the damaged file aside;
a read-only file or folder gives `check` and exports the same answers as a writable one."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from openpyxl import load_workbook

from nacka_desktop import cli
from nacka_desktop.services.context import Services
from nacka_desktop.storage import health
from nacka_desktop.storage.backups import list_backups
from tests.conftest import TODAY
from tests.damage import DATA_PAGE, PAGES, damage, digest, read_only, side_files

from ..services.builders import add_person

# "file" (0444) and "folder" (0555) need the permission bits to hold: as root, they run in a
# child without root's capabilities (tests/conftest.py).
READ_ONLY_KINDS = [
    "simulated",
    pytest.param("file", marks=pytest.mark.unprivileged),
    pytest.param("folder", marks=pytest.mark.unprivileged),
]


def no_gui(database: str | None) -> int:
    raise AssertionError(f"the window must not open (database {database!r})")


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(argv, launch_gui=no_gui)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The sample, and its KS order exported as a register: a file to import."""
    folder = tmp_path_factory.mktemp("doctor")
    database, register = folder / "demo.db", folder / "ks.xlsx"
    assert cli.main(["demo", "--db", str(database)], launch_gui=no_gui) == cli.EXIT_OK
    argv = ["export", "register", "delegations", "--out", str(register), "--db", str(database)]
    assert cli.main(argv, launch_gui=no_gui) == cli.EXIT_OK
    return database, register


@pytest.fixture
def db(prepared: tuple[Path, Path], tmp_path: Path) -> Path:
    """A copy of the sample with one edit made today: today's backup exists."""
    path = tmp_path / "nacka.db"
    path.write_bytes(prepared[0].read_bytes())
    services = Services.open(path, clock=lambda: TODAY, create=False)
    add_person(services, "T-1", "Dagny", "Dagsson")
    services.close()
    assert len(list_backups(path)) == 1
    return path


def newest(path: Path) -> Path:
    return list_backups(path)[0].path


def import_argv(register: Path, database: Path) -> list[str]:
    return [
        *("import", "delegations", str(register), "--board", "KS"),
        *("--adopted", "2026-11-30", "--paragraph", "§ 99", "--db", str(database)),
    ]


# --- a damaged file -----------------------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES)
def test_check_of_a_damaged_file_exits_3_naming_the_newest_backup(
    db: Path, page: str, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = newest(db)
    damage(db, page)
    before = digest(db)
    code, out, err = run(["check", "--db", str(db)], capsys)
    assert code == cli.EXIT_CANNOT_OPEN
    assert out == ""
    assert err.startswith(f"nacka-desktop: Databasen {db} är skadad")
    assert f"nacka-desktop restore {backup} --db {db}" in err
    assert "Traceback" not in err
    assert digest(db) == before and side_files(db) == []


@pytest.mark.parametrize("page", PAGES)
def test_import_into_a_damaged_file_writes_nothing(
    db: Path, page: str, prepared: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    damage(db, page)
    before = digest(db)
    code, _, err = run(import_argv(prepared[1], db), capsys)
    assert code == cli.EXIT_CANNOT_OPEN
    assert "är skadad" in err
    assert digest(db) == before and side_files(db) == []


def test_a_damaged_page_the_check_on_opening_missed_still_exits_3(
    db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # As if quick_check had not seen it: the damage is met while the rules read the rows.
    real = health.run_check
    monkeypatch.setattr(
        health, "run_check", lambda c, pragma: [] if pragma == "quick_check" else real(c, pragma)
    )
    backup = newest(db)
    damage(db, DATA_PAGE)
    code, _, err = run(["check", "--db", str(db)], capsys)
    assert code == cli.EXIT_CANNOT_OPEN  # not 1, which means rule errors
    assert f"Databasen {db} är skadad" in err and str(backup) in err


@pytest.mark.parametrize("page", PAGES)
def test_doctor_reports_the_damage_and_lists_the_backups(
    db: Path, page: str, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = newest(db)
    damage(db, page)
    before = digest(db)
    code, out, _ = run(["doctor", "--db", str(db)], capsys)
    assert code == cli.EXIT_CANNOT_OPEN
    assert "Fullständig kontroll (PRAGMA integrity_check): filen är SKADAD" in out
    assert "daglig" in out and str(backup) in out
    if page == DATA_PAGE:
        assert "tabellen person" in out
    assert digest(db) == before and side_files(db) == []


def test_doctor_of_a_whole_file_exits_0(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["doctor", "--db", str(db)], capsys)
    assert code == cli.EXIT_OK
    assert "Fullständig kontroll (PRAGMA integrity_check): inga fel." in out
    assert str(newest(db)) in out


def test_restore_puts_the_backup_back_and_keeps_the_damaged_file_aside(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = newest(db)
    backup_digest = digest(backup)
    damage(db, DATA_PAGE)
    damaged = digest(db)
    code, out, err = run(["restore", backup.name, "--db", str(db)], capsys)  # by its name
    assert (code, err) == (cli.EXIT_OK, "")
    [aside] = db.parent.glob("nacka.db.damaged-*")
    assert out == f"Återställde {db} från {backup}.\nDen tidigare filen sparades som {aside}.\n"
    assert digest(aside) == damaged
    assert digest(backup) == backup_digest  # the backup stays as it was
    code, out, _ = run(["check", "--db", str(db), "--json"], capsys)
    assert code == cli.EXIT_OK and json.loads(out)["counts"]["error"] == 0


def test_restore_refuses_a_damaged_backup_and_changes_nothing(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = newest(db)
    damage(backup, DATA_PAGE)
    before = digest(db)
    code, _, err = run(["restore", str(backup), "--db", str(db)], capsys)
    assert code == cli.EXIT_CANNOT_OPEN
    assert "går inte att återställa" in err and "inget har ändrats" in err
    assert digest(db) == before and list(db.parent.glob("nacka.db.*")) == []


# --- someone else's file ------------------------------------------------------------------------


def test_check_of_another_programs_file_leaves_it_byte_for_byte(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    path = tmp_path / "other.sqlite"
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("CREATE TABLE notes (text TEXT)")
    connection.close()
    before = digest(path)
    code, _, err = run(["check", "--db", str(path)], capsys)
    assert code == cli.EXIT_CANNOT_OPEN and "inte en Nacka Desktop-databas" in err
    assert digest(path) == before and side_files(path) == []


# --- read-only ----------------------------------------------------------------------------------


def register_rows(path: Path) -> list[tuple[object, ...]]:
    workbook = load_workbook(path, read_only=True)
    try:
        return [row for sheet in workbook.worksheets for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


@pytest.mark.parametrize("kind", READ_ONLY_KINDS)
def test_a_read_only_database_gives_check_and_exports_as_a_writable_one(
    db: Path,
    kind: str,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out_dir = tmp_path_factory.mktemp("exports")
    check = ["check", "--db", str(db), "--json", "--on", "2026-11-26"]
    writable = run(check, capsys)
    export = ["export", "register", "delegations", "--db", str(db), "--on", "2026-11-26"]
    assert run([*export, "--out", str(out_dir / "writable.xlsx")], capsys)[0] == cli.EXIT_OK
    before, listing = digest(db), sorted(os.listdir(db.parent))
    with read_only(db, kind, monkeypatch):
        assert run(check, capsys) == writable
        code, _, err = run([*export, "--out", str(out_dir / "read-only.xlsx")], capsys)
        assert (code, err) == (cli.EXIT_OK, "")
        assert digest(db) == before
        assert sorted(os.listdir(db.parent)) == listing  # no -wal, -shm nor journal
    assert register_rows(out_dir / "read-only.xlsx") == register_rows(out_dir / "writable.xlsx")


@pytest.mark.parametrize("kind", READ_ONLY_KINDS)
def test_an_import_into_a_read_only_database_is_refused_with_exit_4(
    db: Path,
    kind: str,
    prepared: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = digest(db)
    with read_only(db, kind, monkeypatch):
        code, _, err = run(import_argv(prepared[1], db), capsys)
    assert code == cli.EXIT_CANNOT_WRITE
    assert f"Databasen {db} är skrivskyddad" in err and "ändringen sparades inte" in err
    assert digest(db) == before
