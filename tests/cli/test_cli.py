"""The command line: `demo`, `check` and opening the window, in-process and end to end."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from nacka_desktop import cli
from nacka_desktop.domain.dates import today
from nacka_desktop.domain.enums import UnitKind
from nacka_desktop.services.context import Services
from nacka_desktop.services.org.units import UnitDraft

from ..services.builders import build_line

REPO_ROOT = Path(__file__).resolve().parents[2]


def no_gui(database: str | None) -> int:
    raise AssertionError(f"the window must not open (database {database!r})")


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(argv, launch_gui=no_gui)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    assert cli.main(["demo", "--db", str(path)], launch_gui=no_gui) == cli.EXIT_OK
    return path


@pytest.fixture
def broken_db(db_path: Path) -> Path:
    """A database with an error the services would never allow (DATA-1, written by SQL)."""
    services = Services.open(db_path)
    line = build_line(services)
    group = services.units.create(UnitDraft("GR", "Gruppen", UnitKind.GROUP, line.lon)).id
    services.close()
    connection = sqlite3.connect(db_path)
    connection.execute(
        "UPDATE unit SET valid_from = '2025-01-01', valid_to = '2024-01-01' WHERE id = ?",
        (group,),
    )
    connection.commit()
    connection.close()
    return db_path


# --- demo ---------------------------------------------------------------------------------------


def test_demo_creates_the_sample_organisation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "x.db"
    code, out, err = run(["demo", "--db", str(path)], capsys)
    assert code == cli.EXIT_OK
    assert out.startswith(f"Exempelorganisationen skapad i {path}:")
    assert "enheter" in out
    assert "personer" in out
    assert err == ""
    services = Services.open(path, create=False)
    try:
        assert len(services.queries.snapshot().units) > 10
    finally:
        services.close()


def test_demo_refuses_an_existing_file_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "x.db"
    path.write_text("mina anteckningar", encoding="utf-8")
    code, out, err = run(["demo", "--db", str(path)], capsys)
    assert code == cli.EXIT_USAGE
    assert "finns redan" in err
    assert "--force" in err
    assert out == ""
    assert path.read_text(encoding="utf-8") == "mina anteckningar"


def test_demo_with_force_replaces_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "x.db"
    path.write_text("mina anteckningar", encoding="utf-8")
    code, out, _ = run(["demo", "--db", str(path), "--force"], capsys)
    assert code == cli.EXIT_OK
    assert "Exempelorganisationen skapad" in out
    code, out, _ = run(["check", "--db", str(path), "--json"], capsys)
    assert code == cli.EXIT_OK
    assert json.loads(out)["counts"]["error"] == 0


def test_demo_with_force_refuses_a_database_another_process_has_open(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Replaced under it, the other program would write on into a deleted file and lose it."""
    path = tmp_path / "x.db"
    assert run(["demo", "--db", str(path)], capsys)[0] == cli.EXIT_OK
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            "c.execute('SELECT count(*) FROM unit').fetchone(); print('open', flush=True); "
            "sys.stdin.read()",
            str(path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        before = path.read_bytes()
        code, _, err = run(["demo", "--db", str(path), "--force"], capsys)
        assert code == cli.EXIT_CANNOT_WRITE
        assert "öppen i ett annat program" in err
        assert path.read_bytes() == before
    finally:
        holder.communicate("")  # the other program closes the database
    assert run(["demo", "--db", str(path), "--force"], capsys)[0] == cli.EXIT_OK


# --- check --------------------------------------------------------------------------------------


def test_check_json_of_the_demo_lists_the_vacancy_and_exits_0(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["check", "--db", str(demo_db), "--json"], capsys)
    report = json.loads(out)
    assert code == cli.EXIT_OK
    assert err == ""
    assert report["on"] == today().isoformat()
    assert report["counts"]["error"] == 0
    vacancies = [
        v for v in report["violations"] if v["rule"] == "ORG-8" and v["severity"] == "warning"
    ]
    assert vacancies
    assert vacancies[0]["object"]["kind"] == "unit"
    assert "vakant" in vacancies[0]["message"]


def test_check_on_a_given_date(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", "--db", str(demo_db), "--json", "--on", "2026-01-15"], capsys)
    assert code in (cli.EXIT_OK, cli.EXIT_RULE_ERRORS)
    assert json.loads(out)["on"] == "2026-01-15"


def test_check_as_a_table_ends_with_the_counts(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["check", "--db", str(demo_db)], capsys)
    assert code == cli.EXIT_OK
    last = out.strip().splitlines()[-1]
    assert last.startswith(f"Kontroll {today().isoformat()}: fel: 0,")
    assert "ORG-8" in out


def test_check_exits_1_when_there_is_an_error(
    broken_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["check", "--db", str(broken_db), "--json"], capsys)
    report = json.loads(out)
    assert code == cli.EXIT_RULE_ERRORS
    assert report["counts"]["error"] == 1
    [error] = [v for v in report["violations"] if v["severity"] == "error"]
    assert error["rule"] == "DATA-1"
    assert error["object_label"] == "Gruppen (GR)"
    assert report["violations"][0] == error  # errors are listed first


def test_check_of_a_missing_file_exits_3_in_swedish(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "saknas.db"
    code, out, err = run(["check", "--db", str(path)], capsys)
    assert code == cli.EXIT_CANNOT_OPEN
    assert out == ""
    assert err.startswith("nacka-desktop: Databasen")
    assert "filen finns inte" in err
    assert "Traceback" not in err
    assert not path.exists()  # check never creates a database


def test_check_of_a_file_that_is_not_a_database_exits_3_in_swedish(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bild.db"
    path.write_bytes(os.urandom(2048))
    code, _, err = run(["check", "--db", str(path)], capsys)
    assert code == cli.EXIT_CANNOT_OPEN
    assert "ingen Nacka Desktop-databas" in err
    assert str(path) in err
    assert "Traceback" not in err


def test_check_of_a_database_from_a_newer_app_exits_3(
    broken_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    connection = sqlite3.connect(broken_db)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    code, _, err = run(["check", "--db", str(broken_db)], capsys)
    assert code == cli.EXIT_CANNOT_OPEN
    assert "nyare version" in err


def test_bad_date_is_a_usage_error(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(["check", "--db", str(demo_db), "--on", "2026-13-01"], launch_gui=no_gui)
    assert exited.value.code == cli.EXIT_USAGE
    assert "ogiltigt datum '2026-13-01'" in capsys.readouterr().err


def test_db_may_come_before_the_command(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["--db", str(demo_db), "check", "--json"], capsys)
    assert code == cli.EXIT_OK
    assert json.loads(out)["counts"]["error"] == 0


def test_check_needs_a_database(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(["check"], launch_gui=no_gui)
    assert exited.value.code == cli.EXIT_USAGE
    assert "--db" in capsys.readouterr().err


# --- the window ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("argv", "expected"), [(["--db", "mitt.db"], "mitt.db"), ([], None)])
def test_no_sub_command_opens_the_window_with_the_database(
    argv: list[str], expected: str | None
) -> None:
    opened: list[str | None] = []

    def fake_gui(database: str | None) -> int:
        opened.append(database)
        return 42

    assert cli.main(argv, launch_gui=fake_gui) == 42
    assert opened == [expected]


# --- end to end, as a user runs it --------------------------------------------------------------


def main_py(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, str(REPO_ROOT / "main.py"), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_main_py_demo_then_check_json(tmp_path: Path) -> None:
    demo = main_py("demo", "--db", "x.db", cwd=tmp_path)
    assert demo.returncode == 0, demo.stderr
    assert (tmp_path / "x.db").exists()

    check = main_py("check", "--db", "x.db", "--json", cwd=tmp_path)
    assert check.returncode == 0, check.stderr
    report = json.loads(check.stdout)
    assert any(v["rule"] == "ORG-8" and v["severity"] == "warning" for v in report["violations"])
    assert report["counts"]["error"] == 0

    again = main_py("demo", "--db", "x.db", cwd=tmp_path)
    assert again.returncode == 2
    assert "--force" in again.stderr


def test_main_py_check_of_a_missing_file(tmp_path: Path) -> None:
    result = main_py("check", "--db", "saknas.db", cwd=tmp_path)
    assert result.returncode == 3
    assert "filen finns inte" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("on", ["2019-06-01", "2021-03-15", "2024-01-01"])
def test_the_sample_is_free_of_errors_on_earlier_dates_too(
    demo_db: Path, capsys: pytest.CaptureFixture[str], on: str
) -> None:
    # Process owners have no history; an earlier date must not report today's owner as wrong.
    code, out, _ = run(["check", "--db", str(demo_db), "--on", on, "--json"], capsys)
    assert code == cli.EXIT_OK, out


@pytest.mark.parametrize("kind", ["symlink", "fifo"])
def test_export_onto_a_link_or_a_pipe_is_refused_and_leaves_it(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    """Writing beside the target and moving over it would replace a link or a pipe (as root
    even a device): only a new path or a regular file is written (issue 11)."""
    import os
    import stat

    target = tmp_path / "register.xlsx"
    if kind == "symlink":
        real = tmp_path / "real.xlsx"
        real.write_bytes(b"keep")
        target.symlink_to(real)
    else:
        os.mkfifo(target)
    argv = ["export", "register", "delegations", "--out", str(target), "--db", str(demo_db)]
    code, _out, err = run(argv, capsys)
    assert code == cli.EXIT_CANNOT_WRITE
    assert "ingen vanlig fil" in err
    mode = target.lstat().st_mode
    assert stat.S_ISLNK(mode) if kind == "symlink" else stat.S_ISFIFO(mode)
    if kind == "symlink":
        assert (tmp_path / "real.xlsx").read_bytes() == b"keep"


def test_a_zero_byte_file_is_refused_by_check_and_left_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Opened, it would have become an empty app database that `check` passes (issue 11)."""
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    code, _out, err = run(["check", "--db", str(empty), "--json"], capsys)
    assert code == cli.EXIT_CANNOT_OPEN
    assert "tom (0 byte)" in err
    assert empty.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.db"]  # no WAL, no backup
