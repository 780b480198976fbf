"""Backups of a database file: where they go, how they are made, listed and put back.

Where: `data_dir()/backups/FILE-HASH/`, one folder per database (HASH: the first 12 hex digits
of the SHA-256 of its absolute path, so two `nacka.db` in different folders keep their own).
Versions before this one wrote their migration backups beside the database; those are still
listed, named by `doctor` and used by the repair of a half-migrated file, and never removed.

When: before a migration (`FILE.backup-REVISION-STAMP`, the database as that revision left it)
and before the first edit of each day (`FILE.daily-YYYY-MM-DD`, the database as it was before
that day's edits). How many: the newest 14 of each kind; an older one is removed only after a
new one has been written whole.

How: SQLite's online backup API, from a connection to the database into `NAME.partial`, then
renamed. The copy is one consistent state of the database even while the app has it open in
WAL mode and another program writes (a plain file copy could catch the file in the middle of a
checkpoint, or miss what is still only in the -wal), and no half-written file ever carries a
backup's name.
"""

from __future__ import annotations

import glob
import hashlib
import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from nacka_desktop.paths import data_dir

KEEP = 14
MIGRATION = "backup"  # FILE.backup-REVISION-STAMP
DAILY = "daily"  # FILE.daily-YYYY-MM-DD
PARTIAL = ".partial"
_SIDE_SUFFIXES = ("-wal", "-shm", "-journal")  # SQLite's files beside a backup opened once


@dataclass(frozen=True)
class Backup:
    path: Path
    kind: str  # MIGRATION or DAILY
    made: datetime  # when the file was written (UTC)
    size: int  # bytes


def backup_folder(database: Path) -> Path:
    resolved = database.expanduser().resolve()
    digest = hashlib.sha256(str(resolved).encode("utf-8")).hexdigest()[:12]
    return data_dir() / "backups" / f"{resolved.name}-{digest}"


def stamp(now: datetime | None = None) -> str:
    return (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")


def _named(folder: Path, database: Path, kind: str) -> list[Path]:
    if not folder.is_dir():
        return []
    pattern = f"{glob.escape(database.name)}.{kind}-*"
    return [
        p
        for p in folder.glob(pattern)
        if p.is_file() and PARTIAL not in p.name and not p.name.endswith(_SIDE_SUFFIXES)
    ]


def _age_key(path: Path) -> str:
    """Sorts backups of one kind oldest first: by the stamp (migration) or day (daily)."""
    return path.name.rsplit("-", 1)[-1] if f".{MIGRATION}-" in path.name else path.name


def migration_backups(database: Path, revision: str | None) -> list[Path]:
    """The backups made before migrating from `revision`, oldest first, in the backup folder
    and (from earlier versions) beside the database."""
    prefix = f"{database.name}.{MIGRATION}-{revision or 'unversioned'}-"
    found = [
        p
        for folder in (backup_folder(database), database.parent)
        for p in _named(folder, database, MIGRATION)
        if p.name.startswith(prefix)
    ]
    return sorted(found, key=lambda p: p.name)


def list_backups(database: Path) -> list[Backup]:
    """Every backup of the database, newest first."""
    found: dict[Path, str] = {}
    for kind in (MIGRATION, DAILY):
        for path in _named(backup_folder(database), database, kind):
            found[path] = kind
    for path in _named(database.parent, database, MIGRATION):  # beside it: earlier versions
        found[path] = MIGRATION
    backups = []
    for path, kind in found.items():
        status = path.stat()
        made = datetime.fromtimestamp(status.st_mtime, UTC)
        backups.append(Backup(path, kind, made, status.st_size))
    return sorted(backups, key=lambda b: (b.made, b.path.name), reverse=True)


def newest_backup(database: Path) -> Path | None:
    backups = list_backups(database)
    return backups[0].path if backups else None


def copy_database(source: sqlite3.Connection, target: Path) -> Path:
    """One consistent copy of the source connection's database at `target` (written beside it
    first, then renamed over it)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    # Each process its own partial file: two making the same day's backup at once must not
    # rename each other's half-written copy into place.
    partial = target.with_name(f"{target.name}{PARTIAL}-{os.getpid()}")
    partial.unlink(missing_ok=True)
    try:
        destination = sqlite3.connect(partial)
        try:
            source.backup(destination)
            # A plain rollback-journal file: read later with `mode=ro` (doctor, restore), a
            # WAL one would get a -wal and -shm beside it that such a reader cannot remove.
            destination.execute("PRAGMA journal_mode = DELETE")
        finally:
            destination.close()
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target


def prune(database: Path, kind: str, keep: int = KEEP) -> list[Path]:
    """Remove all but the newest `keep` backups of the kind from the backup folder (never the
    older versions' backups beside the database); returns the removed ones."""
    made = sorted(_named(backup_folder(database), database, kind), key=_age_key)
    removed = made[: max(len(made) - keep, 0)]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def make_migration_backup(source: sqlite3.Connection, database: Path, revision: str | None) -> Path:
    name = f"{database.name}.{MIGRATION}-{revision or 'unversioned'}-{stamp()}"
    target = copy_database(source, backup_folder(database) / name)
    prune(database, MIGRATION)
    return target


def daily_backup_path(database: Path, day: date) -> Path:
    return backup_folder(database) / f"{database.name}.{DAILY}-{day.isoformat()}"


def make_daily_backup(source: sqlite3.Connection, database: Path, day: date) -> Path | None:
    """The day's backup, unless there is one already (another run made it); None then."""
    target = daily_backup_path(database, day)
    if target.exists():
        return None
    copy_database(source, target)
    prune(database, DAILY)
    return target


def put_back(backup: Path, database: Path, aside: str) -> Path | None:
    """Put a copy of the backup in place of the database. The file that was there is kept
    beside it as `FILE.ASIDE-STAMP` (with its -wal, which holds part of its content); returns
    that path, or None if there was no file. The backup itself is left as it is."""
    incoming = database.with_name(f"{database.name}.restoring")
    # Nobody writes a backup: read as immutable, nothing is created beside it.
    source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        copy_database(source, incoming)
    finally:
        source.close()
    kept: Path | None = None
    if database.exists():
        kept = database.with_name(f"{database.name}.{aside}-{stamp()}")
        os.replace(database, kept)
    for suffix in ("-wal", "-journal"):
        side = Path(f"{database}{suffix}")
        if side.exists():
            if kept is not None:
                os.replace(side, Path(f"{kept}{suffix}"))
            else:
                side.unlink()
    Path(f"{database}-shm").unlink(missing_ok=True)  # an index of the -wal, rebuilt from it
    os.replace(incoming, database)
    return kept
