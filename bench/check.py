"""`check` on the scale's database, against bare sqlite3 reading the same rows.

Two figures: the rule check in one process (open the database, every rule, close), against
sqlite3 selecting every row of every table the check reads into tuples; and the command
`nacka-desktop check --db DB --json` as a user runs it (interpreter start-up included), against
a bare `python -c` doing the sqlite3 read."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from .common import (
    ROOT,
    Record,
    child_args,
    emit,
    measuring,
    median,
    num,
    p95,
    ratio,
    repeat,
)

EXPECTED = ["check (in process)", "check (CLI)"]
RATIO_TARGET = 4.0
CLI_TARGET = 5.0
# Not read by the rule check: the audit trail and Alembic's bookkeeping.
NOT_CHECKED = ("audit_entry", "alembic_version", "sqlite_sequence")


def checked_tables(database: Path) -> list[str]:
    with sqlite3.connect(database) as connection:
        names = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
    return [name for name in names if name not in NOT_CHECKED and not name.startswith("sqlite_")]


def bare_read(database: Path, tables: list[str]) -> int:
    connection = sqlite3.connect(database)
    try:
        rows = 0
        for table in tables:
            rows += len(connection.execute(f'SELECT * FROM "{table}"').fetchall())
        return rows
    finally:
        connection.close()


BARE_SCRIPT = """
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
n = sum(len(c.execute(f'SELECT * FROM "{t}"').fetchall()) for t in sys.argv[2:])
c.close()
"""


def main() -> None:
    args = child_args()
    from nacka_desktop.services.context import Services

    tables = checked_tables(args.database)
    rows = bare_read(args.database, tables)

    def app_check() -> None:
        services = Services.open(args.database, create=False)
        try:
            services.queries.check(args.today)
        finally:
            services.close()

    name = EXPECTED[0]
    target = f"≤ {RATIO_TARGET:g}× bare sqlite3"
    with measuring(name, args.scale, target):
        counts = {}
        services = Services.open(args.database, create=False)
        try:
            for violation in services.queries.check(args.today):
                key = violation.severity.value
                counts[key] = counts.get(key, 0) + 1
        finally:
            services.close()  # the first run also warms the page cache for both sides
        app = repeat(app_check, args.repeat, args.budget)
        bare = repeat(lambda: bare_read(args.database, tables), max(args.repeat, len(app)), 10)
        value, base = median(app), median(bare)
        quotient = ratio(value, base)
        emit(
            Record(
                name,
                args.scale,
                median=value,
                p95=p95(app) if len(app) > 1 else None,
                baseline=base,
                ratio=quotient,
                target=target,
                met=quotient is not None and quotient <= RATIO_TARGET,
                runs=len(app),
                note=f"{num(rows)} rows in {len(tables)} tables; violations: "
                + ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items())),
            )
        )

    name = EXPECTED[1]
    target = f"≤ {CLI_TARGET:g} s"
    with measuring(name, args.scale, target):
        command = [sys.executable, str(ROOT / "main.py"), "check", "--db", str(args.database)]

        def cli() -> None:
            done = subprocess.run([*command, "--json"], capture_output=True, text=True, check=False)
            if done.returncode not in (0, 1):
                raise RuntimeError(f"check exited {done.returncode}: {done.stderr.strip()}")

        def bare_cli() -> None:
            subprocess.run(
                [sys.executable, "-c", BARE_SCRIPT, str(args.database), *tables], check=True
            )

        app = repeat(cli, args.repeat, args.budget)
        bare = repeat(bare_cli, max(args.repeat, len(app)), 10)
        value, base = median(app), median(bare)
        emit(
            Record(
                name,
                args.scale,
                median=value,
                p95=p95(app) if len(app) > 1 else None,
                baseline=base,
                ratio=ratio(value, base),
                target=target,
                met=value <= CLI_TARGET,
                runs=len(app),
                note="wall clock of `nacka-desktop check --json`, Python start-up included; "
                "baseline: `python -c` reading the same rows with sqlite3",
            )
        )


if __name__ == "__main__":
    main()
