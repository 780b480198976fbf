"""The audit log as a hash chain: a changed, deleted or inserted entry shows.

Each entry holds `previous_hash`, the `entry_hash` of the entry before it (by id; the first
one holds `GENESIS`), and its own `entry_hash`: SHA-256 over a canonical serialisation of that
previous hash and its content (`content_hash`). Verifying walks the entries in id order:

- an entry whose content no longer gives its hash was changed after it was written;
- an entry whose previous hash is not the hash of the entry before it follows a deleted entry,
  or was inserted, or follows one changed and given a new hash;
- an entry without hashes was written past the app (its listeners below never saw it).

Every new entry is chained when it is flushed, whatever wrote it: `Editor.audit`, the
samples' `session.add`, or an ORM bulk insert `session.execute(insert(AuditEntry), rows)`
(storage/models.py hands both to this module). The previous hash is read inside the flushing
transaction after it has taken the write lock, so two writers cannot fork the chain.
An entry already written is never changed nor deleted through a session
(`AuditEntryChangedError`).

What it cannot show: the newest entries deleted (the chain just ends earlier), nor a chain
rewritten from some entry on by someone who recomputes every hash after it. It makes a change
visible to anyone who verifies; it is not a signature.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection, Result, String, inspect, select, type_coerce, update
from sqlalchemy.orm import ORMExecuteState, Session

from nacka_desktop.storage.models import AuditEntry, DataVersion, utc_now

GENESIS = "0" * 64  # the previous hash of the first entry
TABLE = "audit_entry"
_ROWS_PER_FETCH = 5000
# The canonical serialisation: JSON, keys sorted, no spaces, text as is (UTF-8).
_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


class AuditEntryChangedError(RuntimeError):
    """A session was about to change or delete an audit entry: records never change."""

    def __init__(self) -> None:
        super().__init__("En post i granskningsloggen ändras aldrig och tas aldrig bort.")


class UnchainedAuditWriteError(RuntimeError):
    """An ORM statement that writes audit entries in a form whose rows cannot be chained."""

    def __init__(self) -> None:
        super().__init__(
            "Granskningsloggens poster skrivs med session.add eller "
            "session.execute(insert(AuditEntry), [rader]), så att de kedjas."
        )


class BreakKind(StrEnum):
    CONTENT_CHANGED = "content_changed"  # the content no longer gives the entry's hash
    LINK_BROKEN = "link_broken"  # the previous hash is not the hash of the entry before
    UNCHAINED = "unchained"  # written without hashes, past the app


@dataclass(frozen=True)
class BrokenLink:
    """The first entry where the chain breaks, and why."""

    entry_id: int
    created_at: datetime
    action: str
    kind: BreakKind


@dataclass(frozen=True)
class ChainState:
    """How far the chain was verified: the entries walked, the last one's id and hash, the
    audit table's data_version counter then, and the first broken link found (if any)."""

    entries: int = 0
    last_id: int = 0
    last_hash: str = GENESIS
    counter: int | None = None
    broken: BrokenLink | None = None


# --- the hash -----------------------------------------------------------------------------------


def canonical_time(moment: datetime) -> str:
    """UTC, without offset, to the microsecond: what SQLite hands back of what was written (it
    keeps no offset), and what a database with time zones gives converted to UTC."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.isoformat(timespec="microseconds")


def content_hash(
    previous_hash: str,
    created_at: datetime,
    action: str,
    object_kind: str,
    object_id: int,
    actor: str,
    details: Any,
) -> str:
    """SHA-256 (hex) of the entry's content and the link to the one before it, serialised as
    JSON with sorted keys and no spaces. The details go through JSON first, as the database
    keeps them (tuples become lists, keys strings)."""
    return _digest(
        previous_hash,
        canonical_time(created_at),
        action,
        object_kind,
        object_id,
        actor,
        json.loads(json.dumps(details)),
    )


def _digest(
    previous_hash: str,
    created_at: str,
    action: str,
    object_kind: str,
    object_id: int,
    actor: str,
    details: Any,
) -> str:
    payload = {
        "previous_hash": previous_hash,
        "created_at": created_at,
        "action": action,
        "object_kind": object_kind,
        "object_id": object_id,
        "actor": actor,
        "details": details,
    }
    return hashlib.sha256(_CANONICAL.encode(payload).encode("utf-8")).hexdigest()


# --- writing: every new entry chained -----------------------------------------------------------


def chain_tip(connection: Connection) -> str:
    """The hash a new entry links to: the newest entry's (GENESIS in an empty log). Taken
    after the write lock, so that no other writer can add an entry before this one commits:
    SQLite begins its transaction (deferred) at the first write and locks the file there; a
    server locks the row."""
    connection.execute(
        update(DataVersion)
        .where(DataVersion.table_name == TABLE)
        .values(counter=DataVersion.counter)
    )
    tip = connection.execute(
        select(AuditEntry.entry_hash).order_by(AuditEntry.id.desc()).limit(1)
    ).scalar()
    return GENESIS if tip is None else tip


def _fill(values: dict[str, Any], previous: str) -> str:
    """Give an entry's values (a new row's) their defaults, creation time and hashes."""
    if values.get("created_at") is None:
        values["created_at"] = utc_now()
    elif values["created_at"].tzinfo is not None:  # stored as wall time: hash it as stored
        values["created_at"] = values["created_at"].astimezone(UTC).replace(tzinfo=None)
    # The column takes 100 characters; a longer login name would make every edit fail.
    values["actor"] = str(values.get("actor") or "")[:100]
    if values.get("details") is None:
        values["details"] = {}
    values["previous_hash"] = previous
    values["entry_hash"] = content_hash(
        previous,
        values["created_at"],
        values["action"],
        values["object_kind"],
        values["object_id"],
        values["actor"],
        values["details"],
    )
    return str(values["entry_hash"])


_CHAINED = ("created_at", "action", "object_kind", "object_id", "actor", "details")


def chain_new_entries(session: Session) -> None:
    """Before a flush: the session's new entries, in the order they will be inserted (and so
    numbered), each linked to the one before; a changed or deleted entry refused."""
    if any(isinstance(o, AuditEntry) for o in session.deleted) or any(
        isinstance(o, AuditEntry) and session.is_modified(o) for o in session.dirty
    ):
        raise AuditEntryChangedError()
    new = [o for o in session.new if isinstance(o, AuditEntry)]
    if not new:
        return
    new.sort(key=_insert_order)
    previous = chain_tip(session.connection())
    for entry in new:
        values = {name: getattr(entry, name) for name in _CHAINED}
        previous = _fill(values, previous)
        for name, value in values.items():
            setattr(entry, name, value)


def _insert_order(entry: AuditEntry) -> int:
    order = inspect(entry).insert_order
    return order if order is not None else 0


def chain_bulk_insert(state: ORMExecuteState) -> Result[Any] | None:
    """An ORM statement on the audit table: a bulk insert gets its rows chained (and runs
    with them); one that changes or deletes entries is refused, as is a form of insert whose
    rows are not parameters (`insert(...).values(...)`)."""
    if state.is_update or state.is_delete:
        raise AuditEntryChangedError()
    rows = state.parameters
    if not state.is_executemany and not rows:
        raise UnchainedAuditWriteError()
    listed: Sequence[dict[str, Any]] = rows if isinstance(rows, list) else [rows]  # type: ignore[list-item]
    chained = [dict(row) for row in listed]
    previous = chain_tip(state.session.connection())
    for row in chained:  # in the order given, which is the order of the new ids
        previous = _fill(row, previous)
    return state.invoke_statement(params=chained if isinstance(rows, list) else chained[0])


# --- verifying ----------------------------------------------------------------------------------


def audit_counter(session: Session) -> int:
    """The audit table's data_version counter (moved by every insert, update and delete)."""
    counter = (
        session.connection()
        .execute(select(DataVersion.counter).where(DataVersion.table_name == TABLE))
        .scalar()
    )
    return int(counter or 0)


def verify(session: Session, counter: int | None = None) -> ChainState:
    """Walk the whole chain; `counter` is the audit table's data_version counter to remember
    with the result (read here when not given)."""
    if counter is None:
        counter = audit_counter(session)
    return _walk(_rows(session, after=0), ChainState(), counter)


def verify_chain(session: Session) -> BrokenLink | None:
    """The first broken link of the whole chain, or None if it is whole."""
    return verify(session).broken


def follow(session: Session, known: ChainState | None, counter: int) -> ChainState:
    """The chain verified as of `counter` (the audit table's data_version counter), from what
    was verified before: when the counter moved by exactly the number of entries after the
    last one verified, nothing but those was written (every insert, update and delete moves
    it by one), so only they are walked; anything else walks the whole chain again."""
    if known is not None and known.counter is not None and counter >= known.counter:
        if counter == known.counter:
            return known
        added = list(_rows(session, after=known.last_id))
        if counter - known.counter == len(added):
            return _walk(added, known, counter)
    return verify(session, counter)


# id, created_at (canonical), action, object_kind, object_id, actor, details, previous, own
_Row = tuple[int, str, str, str, int, str, Any, str, str]


def _rows(session: Session, after: int) -> Iterator[_Row]:
    """The entries after an id, in id order, as the hash reads them. The time and the details
    are read as the database hands them over and converted here (SQLite's text through
    `fromisoformat` and `json.loads`: a third of the time SQLAlchemy's own conversion takes
    at 100,000 entries; a server's driver gives a datetime and a dict)."""
    statement = (
        select(
            AuditEntry.id,
            type_coerce(AuditEntry.created_at, String),
            AuditEntry.action,
            AuditEntry.object_kind,
            AuditEntry.object_id,
            AuditEntry.actor,
            type_coerce(AuditEntry.details, String),
            AuditEntry.previous_hash,
            AuditEntry.entry_hash,
        )
        .where(AuditEntry.id > after)
        .order_by(AuditEntry.id)
    )
    result = session.connection().execute(statement)
    for rows in result.partitions(_ROWS_PER_FETCH):
        for entry_id, created, action, kind, object_id, actor, details, previous, own in rows:
            moment = created if isinstance(created, datetime) else datetime.fromisoformat(created)
            if isinstance(details, str | bytes):
                details = json.loads(details)
            yield (
                entry_id,
                canonical_time(moment),
                action,
                kind,
                object_id,
                actor,
                details,
                previous,
                own,
            )


def _walk(rows: Iterable[_Row], start: ChainState, counter: int) -> ChainState:
    entries, last_id, last_hash, broken = (
        start.entries,
        start.last_id,
        start.last_hash,
        start.broken,
    )
    for entry_id, created_at, action, kind, object_id, actor, details, previous, own in rows:
        if broken is None:
            problem: BreakKind | None = None
            if not own or not previous:
                problem = BreakKind.UNCHAINED
            elif _digest(previous, created_at, action, kind, object_id, actor, details) != own:
                problem = BreakKind.CONTENT_CHANGED
            elif previous != last_hash:
                problem = BreakKind.LINK_BROKEN
            if problem is not None:
                broken = BrokenLink(entry_id, datetime.fromisoformat(created_at), action, problem)
        entries, last_id, last_hash = entries + 1, entry_id, own
    return ChainState(entries, last_id, last_hash, counter, broken)
