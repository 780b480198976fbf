"""Reading and writing units' history periods (domain/unit_history.py), and the organisation's
structure on a date."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Row, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from nacka_desktop.domain.unit_history import UnitPeriod
from nacka_desktop.storage.models import Unit, UnitHistory, utc_now


def period_record(row: UnitHistory | Row[Any]) -> UnitPeriod:
    return UnitPeriod(
        unit_id=row.unit_id,
        valid_from=row.valid_from,
        valid_to=row.valid_to,
        parent_id=row.parent_id,
        kind=row.kind,
        name=row.name,
        code=row.code,
        id=row.id,
    )


def _in_order() -> tuple[Any, ...]:
    return (UnitHistory.unit_id, UnitHistory.valid_from.asc().nulls_first(), UnitHistory.id)


def in_force_on(on: date, history: Any = UnitHistory) -> ColumnElement[bool]:
    """The history period (of `history`, the table or an alias of it) in force on the date
    (valid_to exclusive, None open)."""
    return or_(history.valid_from.is_(None), history.valid_from <= on) & or_(
        history.valid_to.is_(None), history.valid_to > on
    )


def periods_of(session: Session, unit_id: int) -> list[UnitPeriod]:
    rows = session.scalars(
        select(UnitHistory).where(UnitHistory.unit_id == unit_id).order_by(*_in_order())
    )
    return [period_record(row) for row in rows]


def histories(
    session: Session, unit_ids: Collection[int] | None = None
) -> dict[int, list[UnitPeriod]]:
    """The periods of the units that have changed at least once (a unit with one period is
    as its own row says), or of the units named."""
    session.flush()
    statement = select(UnitHistory.__table__).order_by(*_in_order())
    if unit_ids is None:
        changed = select(UnitHistory.unit_id).group_by(UnitHistory.unit_id).having(func.count() > 1)
        statement = statement.where(UnitHistory.unit_id.in_(changed))
    else:
        statement = statement.where(UnitHistory.unit_id.in_(sorted(unit_ids)))
    result: dict[int, list[UnitPeriod]] = defaultdict(list)
    for row in session.connection().execute(statement):
        result[row.unit_id].append(period_record(row))
    return dict(result)


def structure_epoch(session: Session, on: date) -> date | None:
    """The last date on or before `on` when the structure changed (None: it never has): two
    dates with the same epoch see the same tree."""
    return session.scalar(
        select(func.max(UnitHistory.valid_from)).where(UnitHistory.valid_from <= on)
    )


def change_dates_from(session: Session, start: date | None) -> list[date]:
    """Every date from `start` on when some unit's structure changes."""
    statement = select(UnitHistory.valid_from).distinct().where(UnitHistory.valid_from.is_not(None))
    if start is not None:
        statement = statement.where(UnitHistory.valid_from >= start)
    return sorted(d for d in session.scalars(statement) if d is not None)


def write_periods(session: Session, unit: Unit, periods: Sequence[UnitPeriod]) -> None:
    """Make the unit's stored history these periods (kept rows updated in place, the others
    added or removed), and its own row the values of the last one."""
    stored = {
        row.id: row
        for row in session.scalars(select(UnitHistory).where(UnitHistory.unit_id == unit.id))
    }
    kept = {p.id for p in periods if p.id is not None}
    for row_id, removed in stored.items():
        if row_id not in kept:
            session.delete(removed)
    session.flush()  # the removed rows first: their places are taken by the new ones
    for period in periods:
        row = stored.get(period.id) if period.id is not None else None
        if row is None:
            row = UnitHistory(unit_id=unit.id)
            session.add(row)
        for name in ("valid_from", "valid_to", "parent_id", "kind", "name", "code"):
            if getattr(row, name, None) != getattr(period, name):
                setattr(row, name, getattr(period, name))
    last = periods[-1]
    for name in ("parent_id", "kind", "name", "code"):
        if getattr(unit, name) != getattr(last, name):
            setattr(unit, name, getattr(last, name))
    # The unit's row is written (and its version moved) with every change of its history:
    # an edit of the history read before someone else's committed one fails as a
    # concurrent edit instead of overwriting it.
    unit.updated_at = utc_now()
