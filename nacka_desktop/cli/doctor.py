"""`nacka-desktop doctor` and `restore`: the full check of a database file with the list of its
backups, and a backup put back in place of the file (which is kept beside it).

Neither opens the database the way the other commands do (a damaged file is refused there):
both read it through storage/health.py, which never writes to it.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:  # the storage layer (SQLAlchemy) only when a command runs, not for --help
    from nacka_desktop.storage.backups import Backup
    from nacka_desktop.storage.health import Examination

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_DAMAGED = 3  # as cli.EXIT_CANNOT_OPEN: the app would refuse the file
EXIT_CANNOT_WRITE = 4


def add_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], db_help: str
) -> None:
    doctor = commands.add_parser(
        "doctor",
        help="kontrollera databasfilen fullständigt (PRAGMA integrity_check) och lista dess "
        "säkerhetskopior; avslutas med 3 om filen är skadad",
    )
    doctor.add_argument("--db", help=db_help, dest="sub_db")
    restore = commands.add_parser(
        "restore",
        help="lägg tillbaka en säkerhetskopia i stället för databasen (den nuvarande filen "
        "sparas bredvid)",
    )
    restore.add_argument(
        "backup", metavar="SÄKERHETSKOPIA", help="filen, eller dess namn som doctor visar det"
    )
    restore.add_argument("--db", help=db_help, dest="sub_db")


def sqlite_path(location: str) -> Path | None:
    from nacka_desktop.storage.database import to_url

    url = to_url(location)
    return Path(url.removeprefix("sqlite:///")) if url.startswith("sqlite:///") else None


def _timeout() -> float:
    from nacka_desktop.storage.database import SQLITE_BUSY_TIMEOUT_MS

    return SQLITE_BUSY_TIMEOUT_MS / 1000


def run_doctor(location: str, out: TextIO, err: TextIO) -> int:
    from nacka_desktop.storage.health import examine

    path = sqlite_path(location)
    if path is None:
        print("nacka-desktop: doctor gäller en databasfil (SQLite), inte en URL.", file=err)
        return EXIT_USAGE
    report = examine(path, _timeout())
    for line in _describe(report):
        print(line, file=out)
    _print_backups(path, out)
    usable = report.whole and not (report.state is not None and report.state.foreign)
    return EXIT_OK if usable else EXIT_DAMAGED


def _describe(report: Examination) -> list[str]:
    lines = [f"Databas: {report.path}"]
    if report.size is None:
        return [*lines, "  Filen finns inte."]
    if not report.is_sqlite:
        return [*lines, f"  {_size(report.size)}; inte en SQLite-databas."]
    state = report.state
    if state is not None:
        journal = "WAL" if state.wal else "återställningsjournal"
        read_only = "ja (öppnas bara för läsning)" if state.read_only else "nej"
        lines.append(f"  {_size(report.size)}, journal: {journal}, skrivskyddad: {read_only}")
        if state.foreign:
            lines.append("  Inte en Nacka Desktop-databas (ingen schemaversion).")
        else:
            lines.append(f"  Schemaversion: {state.revision or 'ingen (ny databas)'}")
    if report.error is not None:
        lines.append(f"Filen kunde inte läsas: {report.error}")
    elif report.problems:
        lines.append(
            f"Fullständig kontroll (PRAGMA integrity_check): filen är SKADAD, "
            f"{len(report.problems)} fel:"
        )
        lines += [f"  {problem}" for problem in report.problems[:20]]
        if len(report.problems) > 20:
            lines.append(f"  … och {len(report.problems) - 20} till")
    else:
        lines.append("Fullständig kontroll (PRAGMA integrity_check): inga fel.")
    return lines


def _print_backups(path: Path, out: TextIO) -> None:
    from nacka_desktop.storage.backups import KEEP, backup_folder, list_backups

    backups = list_backups(path)
    folder = backup_folder(path)
    if not backups:
        print(
            f"Säkerhetskopior: inga. De görs i {folder} före varje uppgradering och före "
            "dagens första ändring.",
            file=out,
        )
        return
    print(
        f"Säkerhetskopior, nyast först (i {folder}; de {KEEP} senaste av varje slag sparas):",
        file=out,
    )
    for backup in backups:
        print(f"  {_row(backup)}", file=out)
    print(
        f"Återställ en med: nacka-desktop restore SÄKERHETSKOPIA --db {path}",
        file=out,
    )


def _row(backup: Backup) -> str:
    from nacka_desktop.storage.backups import DAILY

    made = backup.made.astimezone().strftime("%Y-%m-%d %H:%M")
    kind = "daglig" if backup.kind == DAILY else "före uppgradering"
    return f"{made}  {kind:<17}  {_size(backup.size):>9}  {backup.path}"


def _size(size: int) -> str:
    if size < 1024:
        return f"{size} byte"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} kB".replace(".", ",")
    return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")


def run_restore(args: argparse.Namespace, location: str, out: TextIO, err: TextIO) -> int:
    from nacka_desktop.storage.backups import put_back
    from nacka_desktop.storage.file_use import open_elsewhere
    from nacka_desktop.storage.health import examine

    path = sqlite_path(location)
    if path is None:
        print("nacka-desktop: restore gäller en databasfil (SQLite), inte en URL.", file=err)
        return EXIT_USAGE
    backup = _find_backup(args.backup, path)
    if backup is None:
        print(f"nacka-desktop: säkerhetskopian {args.backup} finns inte.", file=err)
        return EXIT_USAGE
    if path.exists() and backup.resolve() == path.resolve():
        print("nacka-desktop: säkerhetskopian är databasen själv.", file=err)
        return EXIT_USAGE
    checked = examine(backup, _timeout())
    if not checked.whole or checked.state is None or checked.state.revision is None:
        reason = "; ".join(checked.problems[:1]) or checked.error or "ingen Nacka Desktop-databas"
        print(
            f"nacka-desktop: säkerhetskopian {backup} går inte att återställa ({reason}); "
            "inget har ändrats.",
            file=err,
        )
        return EXIT_DAMAGED
    if open_elsewhere(path):
        print(
            f"nacka-desktop: {path} är öppen i ett annat program (Nacka Desktop?); stäng det "
            "först. Inget har ändrats.",
            file=err,
        )
        return EXIT_CANNOT_WRITE
    current = examine(path, _timeout(), full=False)
    aside = "replaced" if current.whole else "damaged"
    try:
        kept = put_back(backup, path, aside)
    except OSError as error:
        print(
            f"nacka-desktop: kunde inte återställa {path}: {error.strerror or error}",
            file=err,
        )
        return EXIT_CANNOT_WRITE
    print(f"Återställde {path} från {backup}.", file=out)
    if kept is not None:
        print(f"Den tidigare filen sparades som {kept}.", file=out)
    return EXIT_OK


def _find_backup(given: str, database: Path) -> Path | None:
    """The file named, or a backup of the database by the name doctor shows."""
    from nacka_desktop.storage.backups import backup_folder

    candidates = [Path(given).expanduser()]
    if Path(given).name == given:
        candidates += [backup_folder(database) / given, database.parent / given]
    return next((c for c in candidates if c.is_file()), None)
