"""Damaging a database file on purpose, as a failing disk would: garbage over one page of a
named table or index, found with SQLite's `dbstat` table. Shared by the storage and CLI tests."""

from __future__ import annotations

import hashlib
import os
import random
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from nacka_desktop.storage import health

# One page of each kind the issue names: rows of a table, an index, the audit log.
DATA_PAGE, INDEX_PAGE, AUDIT_PAGE = "person", "ix_appointment_unit_role", "audit_entry"
PAGES = [DATA_PAGE, INDEX_PAGE, AUDIT_PAGE]


def page_of(path: Path, name: str) -> tuple[int, int]:
    """A page of the table or index (a leaf, where the rows are) and the page size."""
    connection = read(path)
    try:
        size = int(connection.execute("PRAGMA page_size").fetchone()[0])
        row = connection.execute(
            "SELECT pageno FROM dbstat WHERE name = ? ORDER BY pagetype = 'leaf' DESC, pageno",
            (name,),
        ).fetchone()
    finally:
        connection.close()
    assert row is not None, f"no page of {name} in {path}"
    return int(row[0]), size


def read(path: Path) -> sqlite3.Connection:
    """A connection that reads a closed file and leaves nothing beside it (`mode=ro` alone
    would leave a WAL file's -wal and -shm behind)."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)


def damage(path: Path, name: str, seed: int = 11) -> int:
    """Write a page of random bytes over a page of `name`; returns the page number. The file
    must be closed (everything checkpointed into it, no -wal)."""
    assert not Path(f"{path}-wal").exists(), "close the database first"
    page, size = page_of(path, name)
    garbage = random.Random(seed).randbytes(size)
    with path.open("r+b") as file:
        file.seek((page - 1) * size)
        file.write(garbage)
    return page


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def side_files(path: Path) -> list[str]:
    return [s for s in ("-wal", "-shm", "-journal") if Path(f"{path}{s}").exists()]


@contextmanager
def read_only(path: Path, kind: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The file (0444) or its folder (0555) made read-only; "simulated": this process is
    told so, as the permission bits would tell a user who is not root (root writes anyway)."""
    if kind == "simulated":
        monkeypatch.setattr(health, "is_read_only", lambda _path: True)
        yield
        return
    target = path if kind == "file" else path.parent
    mode = target.stat().st_mode
    target.chmod(0o444 if kind == "file" else 0o555)
    try:
        if os.access(target, os.W_OK):
            pytest.skip("this user writes read-only files anyway (root)")
        yield
    finally:
        target.chmod(mode)
