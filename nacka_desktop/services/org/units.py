"""Creating, renaming, moving, closing and reopening units."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, field, replace
from datetime import date, timedelta
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from nacka_desktop.domain.enums import UnitKind, WelfareBranch
from nacka_desktop.domain.records import OrgSnapshot, UnitRecord
from nacka_desktop.domain.rules import ObjectKind, RuleViolationError, Violation
from nacka_desktop.domain.rules.org import check_units
from nacka_desktop.domain.text import clean_text
from nacka_desktop.domain.unit_history import (
    STRUCTURE_FIELDS,
    UnitPeriod,
    as_of,
    change_dates,
    changed_from,
    period_on,
)
from nacka_desktop.services.editing import (
    Editor,
    NotFoundError,
    expect_on_undo,
    refusal,
    refuse_stale,
)
from nacka_desktop.storage.models import Appointment, Unit, UnitHistory
from nacka_desktop.storage.repositories import org as repositories
from nacka_desktop.storage.repositories.org import load_tree, unit_record
from nacka_desktop.storage.unit_history import change_dates_from, periods_of, write_periods

UNIT_FIELDS = (
    "code",
    "name",
    "kind",
    "parent_id",
    "welfare_branch",
    "seats",
    "charter",
    "valid_from",
    "valid_to",
)


# The unit's own fields that its place in a tree is checked against (DATA-5 with its parent's
# and children's dates, ORG-6/7 with the branch): a charter or a number of seats is not.
_PLACE_FIELDS = frozenset({"valid_from", "valid_to", "welfare_branch"})


@dataclass
class UnitDraft:
    code: str
    name: str
    kind: UnitKind
    parent_id: int | None
    valid_from: date | None = None
    valid_to: date | None = None
    welfare_branch: WelfareBranch | None = None
    seats: int | None = None
    charter: str = ""


@dataclass
class ClosedUnits:
    """What closing a unit ended, with the previous end dates, so it can be undone exactly."""

    unit_id: int
    previous_unit_ends: dict[int, date | None] = field(default_factory=dict)
    previous_appointment_ends: dict[int, date | None] = field(default_factory=dict)


class UnitService:
    def __init__(self, editor: Editor) -> None:
        self._editor = editor

    def create(self, draft: UnitDraft, unit_id: int | None = None) -> UnitRecord:
        draft = replace(draft, name=clean_text(draft.name), code=clean_text(draft.code))
        with self._editor.edit() as session:
            _refuse_code_in_use(session, draft.code, None)
            if draft.parent_id is not None:
                _get_unit(session, draft.parent_id)
            unit = Unit(**asdict(draft))
            if unit_id is not None:
                unit.id = unit_id
            session.add(unit)
            session.flush()
            self._editor.audit(session, "unit.create", ObjectKind.UNIT, unit.id, asdict(draft))
            return unit_record(unit)

    def update(
        self,
        unit_id: int,
        from_date: date | None = None,
        expected_version: int | None = None,
        shown: Mapping[str, Any] | None = None,
        **changes: Any,
    ) -> dict[str, Any]:
        """Change fields of a unit; returns their previous values (for undo: `update(unit_id,
        **previous)` puts everything back, its history included).

        A change of place, kind, name or code is a change of the unit's history from
        `from_date` (None: from the start, a correction of what was wrong all along); the
        other fields are the unit's own. `history` (a list of periods, as returned) puts a
        whole earlier history back. `expected_version` is the unit's version when the form
        was filled: a unit changed since is refused (`StaleEditError`), never overwritten."""
        history = changes.pop("history", None)
        changes = {k: clean_text(v) if k in ("name", "code") else v for k, v in changes.items()}
        unknown = set(changes) - set(UNIT_FIELDS)
        if unknown:
            raise ValueError(f"unknown unit fields: {sorted(unknown)}")
        structure = {k: v for k, v in changes.items() if k in STRUCTURE_FIELDS}
        own = {k: v for k, v in changes.items() if k not in STRUCTURE_FIELDS}
        with self._editor.edit() as session:
            unit = _get_unit(session, unit_id)
            refuse_stale(expected_version, unit.version, "enheten", "the unit")
            if shown:  # what the tree or a dialog showed of the unit on the date it changes
                then = as_of(
                    unit_record(unit),
                    periods_of(session, unit_id),
                    from_date or self._editor.clock(),
                )
                now = {name: getattr(then, name) for name in shown}
                refuse_stale(dict(shown), now, "enheten", "the unit")
            if "code" in changes:
                _refuse_code_in_use(session, changes["code"], unit_id)
            if changes.get("parent_id") is not None:
                _get_unit(session, changes["parent_id"])
            previous: dict[str, Any] = {name: getattr(unit, name) for name in own}
            for name, value in own.items():
                setattr(unit, name, value)
            before = periods_of(session, unit_id)
            if history is not None or structure:
                after = (
                    history if history is not None else changed_from(before, from_date, structure)
                )
                if after != before:
                    previous["history"] = before
                    write_periods(session, unit, after)
            own_before = {k: v for k, v in previous.items() if k != "history"}

            def as_before(on: date, units: dict[int, UnitRecord]) -> dict[int, UnitRecord]:
                record = units.get(unit_id)
                if record is None:
                    return units
                return {**units, unit_id: as_of(replace(record, **own_before), before, on)}

            if structure or history is not None or own.keys() & _PLACE_FIELDS:
                _refuse_errors_on_later_trees(
                    session,
                    {unit_id},
                    from_date if structure and history is None else None,
                    self._editor.clock(),
                    as_before,
                    change_dates(before),
                )
            details: dict[str, Any] = {
                "before": {k: v for k, v in previous.items() if k != "history"},
                "after": changes,
            }
            if structure or history is not None:
                was = period_on(before, from_date) if from_date is not None else before[0]
                details["before"].update({k: getattr(was, k) for k in structure})
                details["from"] = from_date
                details["history_before"] = [_period_details(p) for p in before]
                details["history_after"] = [
                    _period_details(p) for p in periods_of(session, unit_id)
                ]
            self._editor.audit(session, "unit.update", ObjectKind.UNIT, unit_id, details)
            expect_on_undo(session, previous, expected_version, unit)
            return previous

    def rename(
        self, unit_id: int, name: str, from_date: date | None = None, shown_name: str | None = None
    ) -> dict[str, Any]:
        """Rename the unit from the date; returns what `update` puts back to undo it.
        `shown_name`: the name the tree showed (someone renamed it since: refused)."""
        shown = {"name": shown_name} if shown_name is not None else None
        return self.update(unit_id, from_date, shown=shown, name=name)

    def move(
        self,
        unit_id: int,
        new_parent_id: int | None,
        from_date: date | None = None,
        shown_parent_id: int | Literal["unknown"] | None = "unknown",
    ) -> dict[str, Any]:
        """Place the unit under another from the date; returns what `update` puts back to
        undo it. `shown_parent_id`: where the user saw it on that date (someone moved it since:
        refused)."""
        shown = None if shown_parent_id == "unknown" else {"parent_id": shown_parent_id}
        return self.update(unit_id, from_date, shown=shown, parent_id=new_parent_id)

    def close(self, unit_id: int, end: date) -> ClosedUnits:
        """End-date the unit, every open unit below it and every open appointment in them."""
        with self._editor.edit() as session:
            _get_unit(session, unit_id)
            # What lies below it on its last day and still does on the day it closes closes
            # with it (a unit moved elsewhere from that day, the usual reorganisation, stays).
            ids = sorted(
                set(repositories.subtree_ids(session, unit_id, end - timedelta(days=1)))
                & set(repositories.subtree_ids(session, unit_id, end))
            )
            _refuse_starting_after(session, unit_id, ids, end)
            result = ClosedUnits(unit_id)
            for unit in session.query(Unit).filter(Unit.id.in_(ids)):
                if unit.valid_to is None or unit.valid_to > end:
                    result.previous_unit_ends[unit.id] = unit.valid_to
                    unit.valid_to = end
            for appointment in repositories.open_appointments_in_subtree(session, ids, end):
                result.previous_appointment_ends[appointment.id] = appointment.valid_to
                appointment.valid_to = end
            ends = result.previous_unit_ends

            def as_before(_on: date, units: dict[int, UnitRecord]) -> dict[int, UnitRecord]:
                return {
                    **units,
                    **{u: replace(units[u], valid_to=ends[u]) for u in ends if u in units},
                }

            _refuse_errors_on_later_trees(
                session, set(ends), end, self._editor.clock(), as_before, ()
            )
            self._editor.audit(
                session,
                "unit.close",
                ObjectKind.UNIT,
                unit_id,
                {
                    "end": end,
                    "units": sorted(result.previous_unit_ends),
                    "appointments": sorted(result.previous_appointment_ends),
                },
            )
            return result

    def reopen(self, closed: ClosedUnits) -> None:
        """Undo a close: give back exactly the end dates the units and appointments had."""
        with self._editor.edit() as session:
            for unit_id, previous in closed.previous_unit_ends.items():
                _get_unit(session, unit_id).valid_to = previous
            for appointment_id, previous in closed.previous_appointment_ends.items():
                appointment = session.get(Appointment, appointment_id)
                if appointment is not None:
                    appointment.valid_to = previous
            self._editor.audit(session, "unit.reopen", ObjectKind.UNIT, closed.unit_id, {})

    def delete(self, unit_id: int) -> UnitRecord:
        """Remove a unit that nothing refers to (the undo of creating it)."""
        with self._editor.edit() as session:
            unit = _get_unit(session, unit_id)
            below = select(UnitHistory.id).where(UnitHistory.parent_id == unit_id).limit(1)
            if session.scalar(below) is not None:
                raise refusal(
                    "DATA-5",
                    f"{unit.name} har underliggande enheter och kan inte tas bort; avsluta den "
                    "i stället.",
                    f"{unit.name} has units below it and cannot be removed; close it instead.",
                    ObjectKind.UNIT,
                    unit_id,
                )
            if (
                session.query(Appointment.id).filter(Appointment.unit_id == unit_id).first()
                is not None
            ):
                raise refusal(
                    "DATA-5",
                    f"{unit.name} har förordnanden och kan inte tas bort; avsluta den i stället.",
                    f"{unit.name} has appointments and cannot be removed; close it instead.",
                    ObjectKind.UNIT,
                    unit_id,
                )
            record = unit_record(unit)
            for period in session.scalars(
                select(UnitHistory).where(UnitHistory.unit_id == unit_id)
            ):
                session.delete(period)
            session.flush()  # before the unit, whose delete would cascade to them
            session.delete(unit)
            self._editor.audit(session, "unit.delete", ObjectKind.UNIT, unit_id, asdict(record))
            return record


def _refuse_starting_after(session: Session, unit_id: int, unit_ids: list[int], end: date) -> None:
    """Closing cannot end what has not begun: name what starts on or after the end date."""
    late_units = [
        u.name
        for u in session.query(Unit).filter(Unit.id.in_(unit_ids))
        if u.valid_from is not None and u.valid_from >= end
    ]
    late_appointments = [
        f"{person.first_name} {person.last_name} ({unit.name}, fr.o.m. {a.valid_from})"
        for a, person, unit in repositories.appointments_starting_from(session, unit_ids, end)
    ]
    if late_units or late_appointments:
        names = ", ".join([*late_units, *late_appointments])
        raise refusal(
            "DATA-5",
            f"Enheten kan inte avslutas {end}: detta börjar först på eller efter det datumet: "
            f"{names}. Ändra eller ta bort det först.",
            f"The unit cannot be closed on {end}: these start on or after that date: {names}. "
            "Change or remove them first.",
            ObjectKind.UNIT,
            unit_id,
            "valid_to",
        )


def _refuse_errors_on_later_trees(
    session: Session,
    unit_ids: set[int],
    start: date | None,
    today: date,
    as_before: Callable[[date, dict[int, UnitRecord]], dict[int, UnitRecord]],
    dates_before: Iterable[date],
) -> None:
    """The Editor checks the tree of today; an edit of units must hold on every other tree
    from `start` on (None: every tree) too: on each date from then when the structure
    changes, the edit may not add an error of the units' own rules (a unit below itself, in
    a place its kind may not have or outside its parent's dates, a code in use) to the units
    or the units then below them. `as_before` gives the units of a tree as they were before
    the edit; `dates_before` the dates the edit took out of the history."""
    changes = sorted(set(change_dates_from(session, None)) | set(dates_before))

    def epoch(on: date) -> date | None:
        """The last change on or before the date: dates of one epoch see one tree."""
        index = bisect_right(changes, on)
        return changes[index - 1] if index else None

    first = start or date.min
    dates = [first, *(d for d in changes if d > first)]
    for on in (d for d in dates if epoch(d) != epoch(today)):
        after = load_tree(session, on)
        before = OrgSnapshot(units=as_before(on, after.units))
        near = set(unit_ids)
        for tree in (after, before):
            near |= {child.id for u in unit_ids for child in tree.children(u)}
        had = {v.key for v in _unit_errors(before, near)}
        added = [v for v in _unit_errors(after, near) if v.key not in had]
        if added:
            when = "från start" if on == date.min else f"den {on.isoformat()}"
            when_en = "from the start" if on == date.min else f"on {on.isoformat()}"
            raise RuleViolationError(
                [
                    replace(
                        v,
                        message=f"{v.message} (Trädet {when}.)",
                        message_en=f"{v.message_en} (The tree {when_en}.)",
                    )
                    for v in added
                ]
            )


def _unit_errors(tree: OrgSnapshot, near: set[int]) -> list[Violation]:
    # DATA-1 (a unit's own dates in order) does not depend on the tree: the Editor has it.
    return [
        v
        for v in check_units(_only(tree, near))
        if v.is_error and v.object_id in near and v.rule_id != "DATA-1"
    ]


def _only(tree: OrgSnapshot, unit_ids: set[int]) -> OrgSnapshot:
    """The tree with the units named, their lines upwards and every unit sharing a code with
    them: all `check_units` reads about these units."""
    codes = {tree.units[u].code.strip().casefold() for u in unit_ids if u in tree.units}
    kept = {u for u in unit_ids if u in tree.units}
    for unit_id in list(kept):
        kept |= {a.id for a in tree.ancestors(unit_id)}
    kept |= {u.id for u in tree.units.values() if u.code.strip().casefold() in codes}
    return OrgSnapshot(units={u: tree.units[u] for u in sorted(kept)})


def _period_details(period: UnitPeriod) -> dict[str, Any]:
    return {
        "from": period.valid_from,
        "to": period.valid_to,
        "parent_id": period.parent_id,
        "kind": period.kind,
        "name": period.name,
        "code": period.code,
    }


def draft_of(record: UnitRecord) -> UnitDraft:
    return UnitDraft(**{name: getattr(record, name) for name in UNIT_FIELDS})


def _get_unit(session: Session, unit_id: int) -> Unit:
    unit = session.get(Unit, unit_id)
    if unit is None:
        raise NotFoundError("Enheten", unit_id)
    return unit


def _refuse_code_in_use(session: Session, code: str, unit_id: int | None) -> None:
    if code.strip() and repositories.code_in_use(session, code, unit_id):
        raise refusal(
            "DATA-3",
            f"Koden {code} används redan av en annan enhet.",
            f"The code {code} is already used by another unit.",
            ObjectKind.UNIT,
            unit_id or 0,
            "code",
        )
