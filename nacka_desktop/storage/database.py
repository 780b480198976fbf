"""Opening a database: the file's state found first (storage/health.py: read-only, someone
else's, damaged), then the engine, SQLite pragmas, backup and migration to the app's schema."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

if TYPE_CHECKING:
    from alembic.config import Config

from nacka_desktop.storage.backups import (
    make_daily_backup,
    make_migration_backup,
    migration_backups,
    put_back,
)
from nacka_desktop.storage.errors import (
    DatabaseLockedError,
    DatabaseReadOnlyError,
    DatabaseTooNewError,
    DatabaseUnavailableError,
    ForeignDatabaseError,
    NotADatabaseError,
    ReadOnlyNeedsUpgradeError,
)
from nacka_desktop.storage.health import FileState, damaged, probe, read_only_uri, side_files

MIGRATIONS = Path(__file__).with_name("migrations")
SQLITE_BUSY_TIMEOUT_MS = 3000
# The newest migration, so that opening a database already at it needs no Alembic (importing
# it costs a quarter of a second at every start). tests/storage/test_database.py holds it to
# Alembic's own head, so a new migration without it here fails the tests.
HEAD_REVISION = "0012"
log = logging.getLogger(__name__)


def to_url(location: str | Path) -> str:
    """A path or an SQLAlchemy URL (e.g. postgresql+psycopg://…) → an SQLAlchemy URL."""
    text = str(location)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    """Settings of the connection only: nothing here writes to the file. (WAL, which is kept in
    the file, is set once by `open_database`, and only in the app's own writable database.)"""
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def alembic_config() -> Config:
    from alembic.config import Config  # only when migrating (see HEAD_REVISION)

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    """Alembic's head, read from the migration scripts."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def remembered_location(location: str | Path) -> str:
    """How to remember a database between runs: a file as an absolute path, a URL as given."""
    text = str(location)
    return text if "://" in text else str(Path(text).expanduser().resolve())


def without_password(location: str) -> str:
    """The location as it may be written down (a list of recent databases): a server's
    address without its password, which comes from ~/.pgpass or is asked for."""
    if "://" not in location:
        return location
    try:
        url = make_url(location)
    except Exception:  # not an address SQLAlchemy reads: kept as given, it opened as such
        return location
    # URL.set(password=None) keeps the password (None means "unchanged" there).
    return url._replace(password=None).render_as_string(hide_password=False)


class Database:
    """One open database: its engine and session factory. Built once and passed in."""

    def __init__(
        self,
        engine: Engine,
        location: str,
        *,
        path: Path | None = None,
        read_only: bool = False,
        created: bool = False,
    ) -> None:
        self.engine = engine
        self.location = location
        self.path = path  # the SQLite file; None for a server database
        # The file or its folder cannot be written: opened for reading only, edits refused.
        self.read_only = read_only
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.backup_path: Path | None = None
        # The backup put back in place of a database a crashed migration had left half done.
        self.repaired_from: Path | None = None
        self.daily_backup_path: Path | None = None
        # The day whose first edit has been backed up (a new file: the day it was made on,
        # whose state before the first edit is an empty database, not worth keeping).
        self._backed_up_day: date | None = None
        self._created = created

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: commits on success, rolls everything back on any error."""
        if self.read_only:
            raise DatabaseReadOnlyError(self.location)
        with self._sessions() as session, session.begin():
            yield session

    def back_up_daily(self, today: date) -> None:
        """Before the first edit of each day, a copy of the database as it was (backups.py).
        One comparison per edit; the copy at most once a day (and not at all if another run
        has made that day's). A backup that fails is logged and the edit goes on: the user's
        work is not refused for want of a copy."""
        if today == self._backed_up_day:
            return
        first = self._backed_up_day is None
        self._backed_up_day = today
        if self.path is None or self.read_only or (first and self._created):
            return
        try:
            with self.engine.connect() as connection:
                source = connection.connection.driver_connection
                assert isinstance(source, sqlite3.Connection)
                made = make_daily_backup(source, self.path, today)
        except (OSError, sqlite3.Error) as error:
            log.warning("Ingen daglig säkerhetskopia av %s: %s", self.location, error)
            return
        if made is not None:
            self.daily_backup_path = made

    @contextmanager
    def reader(self) -> Iterator[Session]:
        with self._sessions() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()


def open_database(location: str | Path, *, create: bool = True) -> Database:
    """Open (or create) the database and bring its schema to the app's version.

    An existing SQLite file is examined first, through a connection that cannot write to it
    (storage/health.py): someone else's database and a damaged one are refused with every byte
    as it was (the damaged one naming its newest backup), and a file or folder this process
    cannot write is opened read-only, as it is: never switched to WAL, never migrated (one that
    would need it is refused). A database made by a newer app is refused; one that needs
    migrating is backed up first (backups.py), so no upgrade can lose a user's data.
    """
    url = to_url(location)
    shown = str(location)
    try:
        is_sqlite = make_url(url).get_backend_name() == "sqlite"
    except ArgumentError as error:
        raise DatabaseUnavailableError(shown, "ogiltig databasadress.") from error
    path = Path(make_url(url).database or "") if is_sqlite else None
    state = _examine_file(path, shown, create) if path is not None else None
    read_only = state is not None and state.read_only
    try:
        if read_only:
            assert path is not None and state is not None
            engine = _read_only_engine(path, state.immutable)
        else:
            engine = create_engine(url)
    except (ImportError, ArgumentError) as error:
        raise DatabaseUnavailableError(
            shown, f"adressen eller drivrutinen fungerar inte ({error})."
        ) from error
    if is_sqlite:
        event.listen(engine, "connect", _on_sqlite_connect)
    database = Database(
        engine, shown, path=path, read_only=read_only, created=is_sqlite and state is None
    )
    try:
        if not read_only:
            if is_sqlite:  # the app's own file (the probe refused any other), or a new one
                with engine.connect() as connection:
                    connection.exec_driver_sql("PRAGMA journal_mode = WAL")
            _migrate(database, is_sqlite)
    except (DatabaseTooNewError, ForeignDatabaseError, DatabaseUnavailableError):
        engine.dispose()
        raise
    except DatabaseError as error:
        engine.dispose()
        raise _refusal_of(error, path, shown) from error
    return database


def _examine_file(path: Path, shown: str, create: bool) -> FileState | None:
    """An existing SQLite file's state, read without writing to it (None: a new file); what
    may not be opened is refused here, untouched."""
    if not create and not path.exists():
        raise DatabaseUnavailableError(shown, "filen finns inte.")
    if not create and path.is_file() and path.stat().st_size == 0:
        # Opened as a database it would become an empty one (and `check` would find no
        # fault in it): a command that reads a database refuses it, untouched.
        raise DatabaseUnavailableError(shown, "filen är tom (0 byte); det är ingen databas.")
    if path.exists() and path.is_dir():
        raise NotADatabaseError(shown)
    if not (path.is_file() and path.stat().st_size > 0):
        path.parent.mkdir(parents=True, exist_ok=True)
        return None
    state = probe(path, shown, SQLITE_BUSY_TIMEOUT_MS / 1000)
    if not create and state.empty:
        # A command that reads a database would make this one an empty app database.
        raise DatabaseUnavailableError(
            shown, "filen är en tom SQLite-databas, ingen Nacka Desktop-databas."
        )
    if state.read_only and state.revision != HEAD_REVISION:
        _refuse_read_only_upgrade(shown, state.revision)
    return state


def _refusal_of(error: DatabaseError, path: Path | None, shown: str) -> Exception:
    """What a database error met while opening means to the user."""
    reason = str(error.orig)
    if isinstance(error, OperationalError):
        if "locked" in reason.lower():
            return DatabaseLockedError(shown)
        return DatabaseUnavailableError(shown, reason)
    if "malformed" in reason.lower():
        return damaged(path, shown, [reason])
    if "not a database" in reason.lower():
        return NotADatabaseError(shown)
    return DatabaseUnavailableError(shown, reason)


def _read_only_engine(path: Path, immutable: bool) -> Engine:
    """An engine whose every connection opens the file with `mode=ro` (and `immutable=1`
    when health.py found that safe): SQLite itself refuses any write."""
    uri = read_only_uri(path, immutable=immutable)

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(uri, uri=True, check_same_thread=False)

    engine = create_engine("sqlite://", creator=connect, poolclass=QueuePool)
    if immutable:
        # `immutable` lets SQLite trust that nobody writes the file. Someone who can (another
        # user, on a shared folder) may start later: then every read is refused instead of
        # mixing old and new pages (the window says to open the database again).
        opened = _file_stamp(path)

        def still_unchanged(*_args: Any) -> None:
            if _file_stamp(path) != opened:
                raise DatabaseUnavailableError(
                    str(path),
                    "någon annan har ändrat databasen sedan den öppnades skrivskyddad; öppna "
                    "den igen för att se ändringarna.",
                )

        event.listen(engine, "checkout", still_unchanged)
    return engine


def _file_stamp(path: Path) -> tuple[int, int, bool]:
    """When and how big the file was, and whether side files showed a connection."""
    status = path.stat()
    return status.st_mtime_ns, status.st_size, bool(side_files(path))


def _refuse_read_only_upgrade(shown: str, revision: str | None) -> None:
    from alembic.script import ScriptDirectory

    known = {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
    if revision is not None and revision not in known:
        raise DatabaseTooNewError(shown, revision)
    raise ReadOnlyNeedsUpgradeError(shown, revision, HEAD_REVISION)


def current_revision(engine: Engine) -> str | None:
    """The schema revision the database records (None: no version table, or it is empty)."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        return str(revision) if revision is not None else None


def _migrate(database: Database, is_sqlite: bool) -> None:
    current = current_revision(database.engine)
    if current == HEAD_REVISION:
        return
    from alembic.script import ScriptDirectory

    config = alembic_config()
    script = ScriptDirectory.from_config(config)
    if current is not None and current not in {rev.revision for rev in script.walk_revisions()}:
        raise DatabaseTooNewError(database.location, current)
    if current is None and _has_user_tables(database.engine):
        # Someone else's database (or one that lost its version row): never write into it.
        raise ForeignDatabaseError(database.location)
    if is_sqlite and _has_user_tables(database.engine):
        database.backup_path = _backup_sqlite(database, current)
    try:
        _upgrade(database, is_sqlite, config)
    except OperationalError as error:
        if not is_sqlite or "already exists" not in str(error.orig):
            raise
        # Left half-migrated by a crash of a version that migrated outside a transaction:
        # the newest backup made before that migration is the database as it was.
        aside = _restore_backup(database, current)
        log.warning("Databasen %s återställd från %s före uppgraderingen", aside, current)
        _upgrade(database, is_sqlite, config)


def _upgrade(database: Database, is_sqlite: bool, config: Config) -> None:
    """Every pending revision in one transaction: all of them or none. SQLite's DDL is
    transactional, but the sqlite3 module starts its transactions only before DML, so a
    crash used to leave the tables of a revision without its version row; here the
    transaction is begun explicitly (BEGIN IMMEDIATE: no other writer meanwhile)."""
    from alembic import command

    with database.engine.connect() as connection:
        if is_sqlite:
            connection.connection.dbapi_connection.isolation_level = None  # type: ignore[union-attr]
            event.listen(connection, "begin", _begin_immediate)
        try:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
        finally:
            if is_sqlite:
                connection.invalidate()  # not back into the pool with the changed settings


def _begin_immediate(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def _restore_backup(database: Database, revision: str | None) -> Path:
    """Put the newest backup made before migrating from `revision` in place of the
    database (which is kept beside it, renamed); returns where the damaged file went. The
    backups are looked for in the backup folder and, from earlier versions, beside the file."""
    assert database.path is not None
    source = database.path
    # The backup this very open made is a copy of the damaged file: the one before it.
    earlier = [b for b in migration_backups(source, revision) if b != database.backup_path]
    if not earlier:
        raise DatabaseUnavailableError(
            database.location,
            f"uppgraderingen avbröts tidigare och ingen säkerhetskopia från version "
            f"{revision} finns att återställa.",
        )
    database.engine.dispose()
    aside = put_back(earlier[-1], source, "damaged")
    assert aside is not None
    database.repaired_from = earlier[-1]
    with database.engine.connect() as connection:  # a backup is a rollback-journal file
        connection.exec_driver_sql("PRAGMA journal_mode = WAL")
    return aside


def _has_user_tables(engine: Engine) -> bool:
    return any(name != "alembic_version" for name in inspect(engine).get_table_names())


def _backup_sqlite(database: Database, revision: str | None) -> Path:
    """A copy of the database before migrating it (backups.py: the online backup API gives a
    consistent copy with whatever is still in the -wal, no checkpoint needed)."""
    assert database.path is not None
    try:
        with database.engine.connect() as connection:
            source = connection.connection.driver_connection
            assert isinstance(source, sqlite3.Connection)
            return make_migration_backup(source, database.path, revision)
    except (OSError, sqlite3.Error) as error:  # no upgrade without its backup
        raise DatabaseUnavailableError(
            database.location,
            f"säkerhetskopian före uppgraderingen kunde inte skrivas ({error}); databasen har "
            "inte uppgraderats.",
        ) from error
