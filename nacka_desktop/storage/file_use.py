"""Whether another process has an SQLite database open, before a file is replaced under it.

A connection to a database in WAL mode holds a shared lock on one byte of the `-shm` file
(SQLite's "dead man switch", offset 128) for as long as it is open, reading or not. A
process that replaced the file would leave the other one writing into a deleted file: its
work would be lost without a word. POSIX locks are per process, so our own connections do
not count; where there are no POSIX locks (Windows), the file cannot be replaced while it
is open anyway.
"""

from __future__ import annotations

import os
from pathlib import Path

_DEAD_MAN_SWITCH = 128  # WALINDEX_LOCK_OFFSET (120) + SQLITE_SHM_NLOCK (8)


def open_elsewhere(database: Path) -> bool:
    """True if another process has the database open (in WAL mode, as the app opens it).

    Never ask while this process has the database open: closing the descriptor used here
    drops every POSIX lock this process holds on the file, SQLite's included."""
    try:
        import fcntl
    except ImportError:  # Windows: replacing an open file fails there by itself
        return False
    shm = Path(f"{database}-shm")
    if not shm.exists():
        return False
    try:
        descriptor = os.open(shm, os.O_RDWR)
    except OSError:
        return True  # cannot tell: do not replace a file that may be in use
    try:
        fcntl.lockf(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, _DEAD_MAN_SWITCH)
    except OSError:
        return True
    else:
        fcntl.lockf(descriptor, fcntl.LOCK_UN, 1, _DEAD_MAN_SWITCH)
        return False
    finally:
        os.close(descriptor)
