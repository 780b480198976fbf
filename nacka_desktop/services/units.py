"""Creating, renaming, moving, closing and reopening units."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from nacka_desktop.domain.enums import UnitKind, WelfareBranch
from nacka_desktop.domain.records import UnitRecord
from nacka_desktop.domain.rules import ObjectKind
from nacka_desktop.storage import repositories
from nacka_desktop.storage.models import Appointment, Unit
from nacka_desktop.storage.repositories import unit_record

from .editing import Editor, NotFoundError, refusal

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

    def update(self, unit_id: int, **changes: Any) -> dict[str, Any]:
        """Change fields of a unit; returns their previous values (for undo)."""
        unknown = set(changes) - set(UNIT_FIELDS)
        if unknown:
            raise ValueError(f"unknown unit fields: {sorted(unknown)}")
        with self._editor.edit() as session:
            unit = _get_unit(session, unit_id)
            if "code" in changes:
                _refuse_code_in_use(session, changes["code"], unit_id)
            if changes.get("parent_id") is not None:
                _get_unit(session, changes["parent_id"])
            previous = {name: getattr(unit, name) for name in changes}
            for name, value in changes.items():
                setattr(unit, name, value)
            self._editor.audit(
                session,
                "unit.update",
                ObjectKind.UNIT,
                unit_id,
                {"before": previous, "after": changes},
            )
            return previous

    def rename(self, unit_id: int, name: str) -> str:
        return str(self.update(unit_id, name=name)["name"])

    def move(self, unit_id: int, new_parent_id: int | None) -> int | None:
        previous = self.update(unit_id, parent_id=new_parent_id)["parent_id"]
        return int(previous) if previous is not None else None

    def close(self, unit_id: int, end: date) -> ClosedUnits:
        """End-date the unit, every open unit below it and every open appointment in them."""
        with self._editor.edit() as session:
            _get_unit(session, unit_id)
            ids = repositories.subtree_ids(session, unit_id)
            _refuse_starting_after(session, unit_id, ids, end)
            result = ClosedUnits(unit_id)
            for unit in session.query(Unit).filter(Unit.id.in_(ids)):
                if unit.valid_to is None or unit.valid_to > end:
                    result.previous_unit_ends[unit.id] = unit.valid_to
                    unit.valid_to = end
            for appointment in repositories.open_appointments_in_subtree(session, ids, end):
                result.previous_appointment_ends[appointment.id] = appointment.valid_to
                appointment.valid_to = end
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
            if session.query(Unit.id).filter(Unit.parent_id == unit_id).first() is not None:
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
