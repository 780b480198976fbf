"""A unit's place, kind, name and code over time (issue 10: effective-dated structure).

A unit's history is a list of periods that follow each other without gap or overlap: the first
starts at None (as long as the unit exists), the last ends at None, and each ends where the next
starts (valid_to exclusive, as everywhere in the app). A move or a rename "from a date" splits
the period in force on that date; a correction ("from the start") changes the first period.

The change runs from its date until the field's own next change: a unit renamed from March
while a move from next January is planned keeps the new name after the move too, and a move
from March into Y while it is planned to go to Z in January still goes to Z in January.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from nacka_desktop.domain.dates import is_valid_on
from nacka_desktop.domain.enums import UnitKind
from nacka_desktop.domain.records import UnitRecord

STRUCTURE_FIELDS = ("parent_id", "kind", "name", "code")


@dataclass(frozen=True, slots=True)
class UnitPeriod:
    unit_id: int
    valid_from: date | None
    valid_to: date | None
    parent_id: int | None
    kind: UnitKind
    name: str
    code: str
    id: int | None = None  # None until stored

    def is_valid_on(self, on: date) -> bool:
        return is_valid_on(self.valid_from, self.valid_to, on)

    def values(self) -> tuple[Any, ...]:
        return (self.parent_id, self.kind, self.name, self.code)


def first_period(unit: UnitRecord) -> UnitPeriod:
    """The history of a unit that has never changed: its present values, always."""
    return UnitPeriod(unit.id, None, None, unit.parent_id, unit.kind, unit.name, unit.code)


def period_on(periods: Sequence[UnitPeriod], on: date) -> UnitPeriod:
    """The period in force on the date (the history covers every date)."""
    for period in periods:
        if is_valid_on(period.valid_from, period.valid_to, on):
            return period
    first = periods[0]  # a history with a start or an end: before it, the first; after, the last
    return first if first.valid_from is not None and on < first.valid_from else periods[-1]


def as_of(unit: UnitRecord, periods: Sequence[UnitPeriod] | None, on: date) -> UnitRecord:
    """The unit as it was (or will be) on the date: its place, kind, name and code then."""
    if not periods:
        return unit
    period = period_on(periods, on)
    placed = (period.valid_from, period.valid_to) if len(periods) > 1 else (None, None)
    if period.values() == (unit.parent_id, unit.kind, unit.name, unit.code) and placed == (
        unit.placed_from,
        unit.placed_to,
    ):
        return unit
    return replace(
        unit,
        parent_id=period.parent_id,
        kind=period.kind,
        name=period.name,
        code=period.code,
        placed_from=placed[0],
        placed_to=placed[1],
    )


def changed_from(
    periods: Sequence[UnitPeriod], start: date | None, changes: Mapping[str, Any]
) -> list[UnitPeriod]:
    """The history with the fields changed from `start` (None: from the beginning, a
    correction) until each field's own next change. Neighbouring periods left alike are
    joined, so undoing by changing back leaves no trace of a split."""
    unknown = set(changes) - set(STRUCTURE_FIELDS)
    if unknown:
        raise ValueError(f"not structure fields: {sorted(unknown)}")
    result = _split_at(list(periods), start)
    first = next(i for i, p in enumerate(result) if _starts_by(p, start))
    for name, value in changes.items():
        old = getattr(result[first], name)
        for index in range(first, len(result)):
            if getattr(result[index], name) != old:
                break  # the field's own next change: it stands
            result[index] = replace(result[index], **{name: value})
    return _joined(result)


def change_dates(periods: Iterable[UnitPeriod]) -> set[date]:
    """The dates on which something in these histories changes."""
    return {p.valid_from for p in periods if p.valid_from is not None}


def _starts_by(period: UnitPeriod, start: date | None) -> bool:
    """The period is the one that begins at `start` (after `_split_at`)."""
    return period.valid_from == start or (start is None and period.valid_from is None)


def _split_at(periods: list[UnitPeriod], start: date | None) -> list[UnitPeriod]:
    if start is None or (periods[0].valid_from is not None and start <= periods[0].valid_from):
        return periods
    result: list[UnitPeriod] = []
    for period in periods:
        if period.valid_from != start and period.is_valid_on(start):
            result.append(replace(period, valid_to=start))
            result.append(replace(period, valid_from=start, id=None))
        else:
            result.append(period)
    return result


def _joined(periods: list[UnitPeriod]) -> list[UnitPeriod]:
    result = [periods[0]]
    for period in periods[1:]:
        if period.values() == result[-1].values():
            result[-1] = replace(result[-1], valid_to=period.valid_to)
        else:
            result.append(period)
    return result
