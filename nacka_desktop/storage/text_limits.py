"""The longest text each column takes: what a form, a file or a script may store.

SQLite does not enforce a column's declared length, so a 16 MB "title" used to be stored
and then echoed in every list and letter. Every flush of an edit is checked here first;
a text column without a declared length (a matter, a note) takes `MAX_TEXT_CHARS`.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import String, inspect
from sqlalchemy.orm import Session

MAX_TEXT_CHARS = 20_000


class TextTooLongError(ValueError):
    """A text longer than its column takes: which row and field, the limit and the length."""

    def __init__(self, table: str, object_id: int | None, field: str, limit: int, length: int):
        super().__init__(f"{table}.{field}: {length} tecken, högst {limit}")
        self.table = table
        self.object_id = object_id
        self.field = field
        self.limit = limit
        self.length = length


def refuse_overlong_text(session: Session, _context: Any = None, _instances: Any = None) -> None:
    """A `before_flush` listener: raise `TextTooLongError` for the first text too long."""
    for instance in (*session.new, *session.dirty):
        state = inspect(instance)
        for attribute in state.mapper.column_attrs:
            column = attribute.columns[0]
            if not isinstance(column.type, String):
                continue
            value = state.dict.get(attribute.key)
            if not isinstance(value, str):
                continue
            limit = column.type.length or MAX_TEXT_CHARS
            if len(value) > limit:
                object_id = state.dict.get("id")
                raise TextTooLongError(
                    state.mapper.local_table.name,
                    object_id if isinstance(object_id, int) else None,
                    attribute.key,
                    limit,
                    len(value),
                )
