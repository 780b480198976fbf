"""Opening a database: engine set-up, SQLite pragmas, backup and migration to the app's schema."""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

if TYPE_CHECKING:
    from alembic.config import Config

from .errors import (
    DatabaseLockedError,
    DatabaseTooNewError,
    DatabaseUnavailableError,
    ForeignDatabaseError,
    NotADatabaseError,
)

MIGRATIONS = Path(__file__).with_name("migrations")
SQLITE_BUSY_TIMEOUT_MS = 3000
# The newest migration, so that opening a database already at it needs no Alembic (importing
# it costs a quarter of a second at every start). tests/storage/test_database.py holds it to
# Alembic's own head, so a new migration without it here fails the tests.
HEAD_REVISION = "0009"
log = logging.getLogger(__name__)


def to_url(location: str | Path) -> str:
    """A path or an SQLAlchemy URL (e.g. postgresql+psycopg://…) → an SQLAlchemy URL."""
    text = str(location)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
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


class Database:
    """One open database: its engine and session factory. Built once and passed in."""

    def __init__(self, engine: Engine, location: str) -> None:
        self.engine = engine
        self.location = location
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.backup_path: Path | None = None
        # The backup put back in place of a database a crashed migration had left half done.
        self.repaired_from: Path | None = None

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: commits on success, rolls everything back on any error."""
        with self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def reader(self) -> Iterator[Session]:
        with self._sessions() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()


def open_database(location: str | Path, *, create: bool = True) -> Database:
    """Open (or create) the database and bring its schema to the app's version.

    A database made by a newer app is refused; a SQLite file that needs migrating is copied
    to a dated backup next to it first, so no upgrade can lose a user's data.
    """
    url = to_url(location)
    shown = str(location)
    try:
        is_sqlite = make_url(url).get_backend_name() == "sqlite"
    except ArgumentError as error:
        raise DatabaseUnavailableError(shown, "ogiltig databasadress.") from error
    if is_sqlite:
        path = Path(make_url(url).database or "")
        if not create and not path.exists():
            raise DatabaseUnavailableError(shown, "filen finns inte.")
        if not create and path.is_file() and path.stat().st_size == 0:
            # Opened as a database it would become an empty one (and `check` would find no
            # fault in it): a command that reads a database refuses it, untouched.
            raise DatabaseUnavailableError(shown, "filen är tom (0 byte); det är ingen databas.")
        if path.exists() and path.is_dir():
            raise NotADatabaseError(shown)
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        engine = create_engine(url)
    except (ImportError, ArgumentError) as error:
        raise DatabaseUnavailableError(
            shown, f"adressen eller drivrutinen fungerar inte ({error})."
        ) from error
    if is_sqlite:
        event.listen(engine, "connect", _on_sqlite_connect)
    database = Database(engine, shown)
    try:
        _migrate(database, is_sqlite)
    except (DatabaseTooNewError, ForeignDatabaseError):
        engine.dispose()
        raise
    except OperationalError as error:
        engine.dispose()
        if "locked" in str(error.orig).lower():
            raise DatabaseLockedError(shown) from error
        raise DatabaseUnavailableError(shown, str(error.orig)) from error
    except DatabaseError as error:
        engine.dispose()
        if "not a database" in str(error.orig).lower() or "malformed" in str(error.orig).lower():
            raise NotADatabaseError(shown) from error
        raise DatabaseUnavailableError(shown, str(error.orig)) from error
    return database


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
        database.backup_path = _backup_sqlite(database.engine, current)
    try:
        _upgrade(database, is_sqlite, config)
    except OperationalError as error:
        if not is_sqlite or "already exists" not in str(error.orig):
            raise
        # Left half-migrated by a crash of a version that migrated outside a transaction:
        # the newest backup made before that migration is the database as it was.
        damaged = _restore_backup(database, current)
        log.warning("Databasen %s återställd från %s före uppgraderingen", damaged, current)
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
    database (which is kept beside it, renamed); returns where the damaged file went."""
    source = Path(database.engine.url.database or "")
    backups = sorted(source.parent.glob(f"{source.name}.backup-{revision or 'unversioned'}-*"))
    # The backup this very open made is a copy of the damaged file: the one before it.
    earlier = [b for b in backups if b != database.backup_path]
    if not earlier:
        raise DatabaseUnavailableError(
            database.location,
            f"uppgraderingen avbröts tidigare och ingen säkerhetskopia från version "
            f"{revision} finns att återställa.",
        )
    database.engine.dispose()
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    damaged = source.with_name(f"{source.name}.damaged-{stamp}")
    os.replace(source, damaged)
    for suffix in ("-wal", "-shm"):
        Path(f"{source}{suffix}").unlink(missing_ok=True)
    shutil.copy2(earlier[-1], source)
    database.repaired_from = earlier[-1]
    return damaged


def _has_user_tables(engine: Engine) -> bool:
    return any(name != "alembic_version" for name in inspect(engine).get_table_names())


def _backup_sqlite(engine: Engine, revision: str | None) -> Path:
    source = Path(engine.url.database or "")
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = source.with_name(f"{source.name}.backup-{revision or 'unversioned'}-{stamp}")
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy2(source, target)
    return target
