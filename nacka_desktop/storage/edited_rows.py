"""Which rows an edit wrote, so that the check after it reads only those again.

Recorded from the session's own unit of work (every insert, update and delete the ORM flushes).
A bulk ORM statement run through the session is not itemised; it marks the record incomplete,
and the check then reads every changed table whole, as it does after a change by someone else.
Not seen at all: SQL text run with `session.execute(text(...))`, anything run on
`session.connection()`, and what the database itself does (ON DELETE actions). An edit must not
write that way; none does, but for the first history period of a new unit (storage/models.py),
which counts as the new unit's own row."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import ORMExecuteState, Session

# Rows of these tables belong to another row: an edit of one is an edit of that row (table →
# the owner's table and the column naming it). A unit's history periods are the unit's.
PART_OF: dict[str, tuple[str, str]] = {
    "task_distribution_unit": ("task_distribution", "distribution_id"),
    "task_distribution_item": ("task_distribution", "distribution_id"),
    "task_return": ("task_distribution", "distribution_id"),
    "unit_history": ("unit", "unit_id"),
}


@dataclass
class EditedRows:
    """The ids written per table during one edit (a distribution's own rows count as the
    distribution's, a unit's history as the unit's), and the table versions the edit started
    from."""

    start: dict[str, int]
    rows: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    complete: bool = True

    def ids(self, table: str) -> set[int]:
        return self.rows.get(table, set())

    def writes_without_audit(self) -> bool:
        """Rows were written, none of them an audit entry (a bulk statement is not itemised:
        it is given the benefit of the doubt only if an entry was written too)."""
        wrote = any(ids for table, ids in self.rows.items() if table != "audit_entry")
        return (wrote or not self.complete) and not self.rows.get("audit_entry")

    def _note(self, instance: Any) -> None:
        state = inspect(instance)
        table = state.mapper.local_table.name
        if table in PART_OF:
            owner_table, column = PART_OF[table]
            history = getattr(state.attrs, column).history
            for owner_id in (*history.unchanged, *history.added, *history.deleted):
                if owner_id is not None:
                    self.rows[owner_table].add(owner_id)
            owner_id = getattr(instance, column, None)
            if owner_id is not None:
                self.rows[owner_table].add(owner_id)
            return
        # (A new row has no identity key yet in `after_flush`, but its primary key is set.)
        identity = state.mapper.primary_key_from_instance(instance)
        if len(identity) != 1 or not isinstance(identity[0], int):
            self.complete = False  # a row this record cannot name
            return
        self.rows[table].add(identity[0])


@contextmanager
def recording(session: Session, start: dict[str, int]) -> Iterator[EditedRows]:
    """Record the rows the session writes until the block ends."""
    edited = EditedRows(start)

    def after_flush(flushed: Session, _context: Any) -> None:
        for instance in (*flushed.new, *flushed.dirty, *flushed.deleted):
            edited._note(instance)

    def on_execute(state: ORMExecuteState) -> None:
        if state.is_insert or state.is_update or state.is_delete:
            edited.complete = False

    event.listen(session, "after_flush", after_flush)
    event.listen(session, "do_orm_execute", on_execute)
    try:
        yield edited
    finally:
        event.remove(session, "after_flush", after_flush)
        event.remove(session, "do_orm_execute", on_execute)
