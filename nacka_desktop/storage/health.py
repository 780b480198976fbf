"""What state a database file is in, found before anything can write to it: read-only or not,
the app's or another program's, whole or damaged.

Every open runs SQLite's `PRAGMA quick_check` (every page of every table and index read and its
structure checked: a damaged data, index or audit page is found; 0.1 s for the 48 MB
Stockholm-sized database). `doctor` runs the full `integrity_check`, which also compares every
index with its table.

The file is read through a connection that cannot write to it: `mode=ro`, or a plain
connection for a WAL file nobody has open (it only reads, and removes the -wal and -shm it made
when it closes, which a read-only one cannot). A read-only file or folder is read with
`immutable=1` when no -wal, -shm or -journal beside it shows another connection: SQLite then
takes no locks and creates no side files (in a read-only folder it could not, and `mode=ro`
alone fails on a WAL file there). `immutable` is only correct while nobody writes the file;
the missing side files say nobody has it open now, and nobody without write access can start.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from nacka_desktop.storage.backups import newest_backup
from nacka_desktop.storage.errors import (
    DatabaseDamagedError,
    DatabaseLockedError,
    DatabaseUnavailableError,
    ForeignDatabaseError,
    NotADatabaseError,
)

MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100
WAL_FORMAT = 2  # bytes 18 and 19 of the header: 1 rollback journal, 2 write-ahead log
SIDE_FILES = ("-wal", "-shm", "-journal")
DAMAGE_MARKERS = ("malformed", "not a database")


# Tables every schema revision of the app has had, from the first (0001) on.
APP_TABLES = frozenset({"unit", "person", "appointment", "audit_entry"})


@dataclass(frozen=True)
class FileState:
    read_only: bool  # the file or its folder cannot be written
    immutable: bool  # read with immutable=1 (see the module's description)
    wal: bool  # the header says write-ahead log
    revision: str | None  # alembic_version, None if there is none
    tables: frozenset[str]  # its own tables (alembic_version and SQLite's not counted)

    @property
    def foreign(self) -> bool:
        """Someone else's database (or one that lost its version row): tables without a
        version, or a version (another program's Alembic) without the tables every version
        of this app has had since its first."""
        if self.revision is None:
            return bool(self.tables)
        return not self.tables >= APP_TABLES

    @property
    def empty(self) -> bool:
        """An SQLite file with no tables at all: not an app database (yet)."""
        return self.revision is None and not self.tables


def is_read_only(path: Path) -> bool:
    """Whether this process cannot write the file, or cannot create files beside it (SQLite's
    -wal, -shm and -journal go in the same folder)."""
    folder = path.resolve().parent
    return not os.access(path, os.W_OK) or not os.access(folder, os.W_OK)


def side_files(path: Path) -> list[Path]:
    return [p for p in (Path(f"{path}{s}") for s in SIDE_FILES) if p.exists()]


def read_only_uri(path: Path, *, immutable: bool) -> str:
    """An SQLite URI that opens the file for reading only (the path percent-encoded)."""
    return f"{path.resolve().as_uri()}?mode=ro" + ("&immutable=1" if immutable else "")


def header(path: Path) -> bytes | None:
    """The file's 100-byte SQLite header; None if it is not an SQLite file."""
    with path.open("rb") as file:
        head = file.read(HEADER_SIZE)
    return head if len(head) == HEADER_SIZE and head.startswith(MAGIC) else None


def says_damaged(text: str) -> bool:
    """SQLite's words for a damaged file (SQLITE_CORRUPT, SQLITE_NOTADB)."""
    return any(marker in text.lower() for marker in DAMAGE_MARKERS)


def is_damage(error: BaseException) -> bool:
    return isinstance(error, sqlite3.DatabaseError) and says_damaged(str(error))


@contextmanager
def reading(
    path: Path, *, read_only: bool, wal: bool, timeout: float
) -> Iterator[tuple[sqlite3.Connection, bool]]:
    """A connection that only reads the file (see the module's description), and whether it
    reads it as immutable."""
    immutable = read_only and not side_files(path)
    if not read_only and wal and not side_files(path):
        connection = sqlite3.connect(path, timeout=timeout)  # see the module's description
    else:
        uri = read_only_uri(path, immutable=immutable)
        connection = sqlite3.connect(uri, uri=True, timeout=timeout)
    try:
        yield connection, immutable
    finally:
        connection.close()


def run_check(connection: sqlite3.Connection, pragma: str) -> list[str]:
    """The problems `PRAGMA quick_check` or `integrity_check` reports; [] if none."""
    try:
        rows = connection.execute(f"PRAGMA {pragma}").fetchall()
    except sqlite3.DatabaseError as error:
        if is_damage(error):
            return [str(error)]
        raise
    lines = [line for (text,) in rows for line in str(text).splitlines()]
    lines = [line for line in lines if not line.startswith("*** in database")]
    return [] if lines == ["ok"] else lines


def read_state(
    connection: sqlite3.Connection, read_only: bool, immutable: bool, wal: bool
) -> FileState:
    names = {
        name
        for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    revision = None
    if "alembic_version" in names:
        value = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = str(value[0]) if value is not None else None
    tables = frozenset(n for n in names if n != "alembic_version" and not n.startswith("sqlite_"))
    return FileState(read_only, immutable, wal, revision, tables)


def probe(path: Path, shown: str, timeout: float) -> FileState:
    """The state of an existing, non-empty SQLite file, read without writing to it. Refuses
    (raises) a file that is not an SQLite database, someone else's database, a damaged one
    (naming its newest backup), and one locked by another program."""
    head = header(path)
    if head is None:
        raise NotADatabaseError(shown)
    read_only, wal = is_read_only(path), head[18] == WAL_FORMAT
    try:
        with reading(path, read_only=read_only, wal=wal, timeout=timeout) as (connection, fixed):
            state = read_state(connection, read_only, fixed, wal)
            if state.foreign:
                raise ForeignDatabaseError(shown)  # before the check: it is not ours to judge
            problems = run_check(connection, "quick_check")
    except sqlite3.DatabaseError as error:
        if is_damage(error):
            raise damaged(path, shown, [str(error)]) from error
        if "locked" in str(error).lower() or "busy" in str(error).lower():
            raise DatabaseLockedError(shown) from error
        raise DatabaseUnavailableError(shown, str(error)) from error
    if problems:
        raise damaged(path, shown, problems)
    return state


def damaged(path: Path | None, shown: str, problems: list[str]) -> DatabaseDamagedError:
    first = problems[0] if len(problems[0]) <= 200 else problems[0][:200] + "…"
    more = f" och {len(problems) - 1} fel till" if len(problems) > 1 else ""
    newest = newest_backup(path) if path is not None else None
    return DatabaseDamagedError(shown, f"{first}{more}", str(newest) if newest else None)


def damage_found(
    error: BaseException, path: Path | None, shown: str
) -> DatabaseDamagedError | None:
    """A damaged page met while working (damaged since the check on opening): the same
    refusal as on opening; None if the error is not about damage."""
    original = getattr(error, "orig", None) or error
    if not is_damage(original):
        return None
    return damaged(path, shown, [str(original)])


def _per_table(connection: sqlite3.Connection, tables: frozenset[str]) -> list[str]:
    """The check gave up at the first damaged page: which tables (with their indexes) are
    damaged, one check each."""
    found = []
    for table in sorted(tables):
        quoted = '"' + table.replace('"', '""') + '"'
        for problem in run_check(connection, f"integrity_check({quoted})"):
            found.append(f"tabellen {table}: {problem}")
    return found


@dataclass(frozen=True)
class Examination:
    """What `doctor` reports of a file: `state` None if it is missing, not an SQLite file,
    or so damaged that its table of tables cannot be read."""

    path: Path
    size: int | None  # None: there is no file
    is_sqlite: bool
    state: FileState | None
    problems: tuple[str, ...]  # what the check found; () if whole
    error: str | None = None  # it could not be read at all (e.g. locked)

    @property
    def whole(self) -> bool:
        """An SQLite file without damage that the app can read (or a new one)."""
        return self.is_sqlite and not self.problems and self.error is None


def examine(path: Path, timeout: float, *, full: bool = True) -> Examination:
    """The full check (`integrity_check`, or with full=False `quick_check`) of a file that may
    be damaged, missing or not a database, without writing to it and without refusing."""
    if not path.is_file():
        return Examination(path, None, False, None, ())
    size = path.stat().st_size
    head = header(path) if size else None
    if head is None:
        return Examination(path, size, False, None, ())
    read_only, wal = is_read_only(path), head[18] == WAL_FORMAT
    state: FileState | None = None
    try:
        with reading(path, read_only=read_only, wal=wal, timeout=timeout) as (connection, fixed):
            try:
                state = read_state(connection, read_only, fixed, wal)
            except sqlite3.DatabaseError as error:
                if not is_damage(error):
                    raise
            problems = run_check(connection, "integrity_check" if full else "quick_check")
            if full and state is not None and len(problems) == 1 and says_damaged(problems[0]):
                versioned = {"alembic_version"} if state.revision is not None else set()
                problems += _per_table(connection, state.tables | versioned)
    except sqlite3.DatabaseError as error:
        if is_damage(error):
            return Examination(path, size, True, state, (str(error),))
        return Examination(path, size, True, state, (), str(error))
    return Examination(path, size, True, state, tuple(problems))
