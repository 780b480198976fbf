"""The longest text each column takes: what a form, a file or a script may store.

SQLite does not enforce a column's declared length, so a 16 MB "title" used to be stored
and then echoed in every list and letter. Every flush of an edit is checked here first;
a text column without a declared length (a matter, a note, a board's charter) takes
`MAX_TEXT_CHARS`. Only what an edit changes is checked: a value stored before the limits
existed does not block an edit of another field of its row.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import String, inspect
from sqlalchemy.orm import Session

MAX_TEXT_CHARS = 100_000


class TextTooLongError(ValueError):
    """A text longer than its column takes: which row and field, the limit and the length."""

    def __init__(self, table: str, object_id: int | None, field: str, limit: int, length: int):
        super().__init__(f"{table}.{field}: {length} tecken, högst {limit}")
        self.table = table
        self.object_id = object_id
        self.field = field
        self.limit = limit
        self.length = length


def too_long(length: int, limit: int) -> tuple[str, str]:
    """The refusal of a text too long for its field, in Swedish and English (the same words
    wherever it is refused: a form, a service, an import's dry run)."""
    shown, most = f"{length:,}".replace(",", " "), f"{limit:,}".replace(",", " ")
    return (
        f"Texten är {shown} tecken lång; fältet rymmer högst {most}.",
        f"The text is {shown} characters long; the field takes at most {most}.",
    )


def column_limit(model: type[Any], field: str) -> int:
    """The longest text the model's column takes (for a check before anything is written,
    e.g. an import's dry run, to name the row and column as the save would refuse it)."""
    column = inspect(model).columns[field]
    length = column.type.length if isinstance(column.type, String) else None
    return length or MAX_TEXT_CHARS


def refuse_overlong_text(session: Session, _context: Any = None, _instances: Any = None) -> None:
    """A `before_flush` listener: raise `TextTooLongError` for the first text too long."""
    dirty = set(session.dirty)
    for instance in (*session.new, *dirty):
        state = inspect(instance)
        for attribute in state.mapper.column_attrs:
            column = attribute.columns[0]
            if not isinstance(column.type, String):
                continue
            if instance in dirty and not state.attrs[attribute.key].history.added:
                continue  # not changed: a long value stored earlier does not block other edits
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
