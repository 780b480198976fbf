"""What follows from a risky edit, shown for the user to confirm before it is made: the units
and appointments that end with it, and what the rules would find new on the day it takes
effect (distributions that lapse, delegation items left with no holder, units left without a
manager). Each is the edit itself, tried and rolled back (`Editor.preview`): the same rules,
never a second copy of them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from nacka_desktop.domain.dates import periods_overlap
from nacka_desktop.domain.enums import Role
from nacka_desktop.domain.records import AppointmentRecord, UnitRecord
from nacka_desktop.domain.responsibility import is_leading, leading_roles_for
from nacka_desktop.domain.rules import Violation, sort_violations
from nacka_desktop.services.editing import Editor
from nacka_desktop.services.org.people import AppointmentService
from nacka_desktop.services.org.queries import OrgQueries
from nacka_desktop.services.org.units import UnitService


@dataclass(frozen=True)
class Consequences:
    on: date  # the day the edit takes effect, on which the rules were asked
    units: list[UnitRecord]  # ending with it (besides the one the edit names)
    appointments: list[AppointmentRecord]  # ending with it
    added: list[Violation]  # new on that day, warnings included
    refused: list[Violation]  # the errors that would refuse the edit

    @property
    def worth_asking(self) -> bool:
        """Something follows that the user may not expect (or the edit would be refused)."""
        return bool(self.units or self.appointments or self.added or self.refused)


class ConsequenceService:
    def __init__(
        self,
        editor: Editor,
        units: UnitService,
        appointments: AppointmentService,
        queries: OrgQueries,
    ) -> None:
        self._editor = editor
        self._units = units
        self._appointments = appointments
        self._queries = queries

    def of_closing(self, unit_id: int, end: date) -> Consequences:
        preview = self._editor.preview(lambda: self._units.close(unit_id, end), on=end)
        org = self._queries.snapshot()
        closed = preview.result
        units = (
            [org.units[u] for u in sorted(closed.previous_unit_ends) if u != unit_id]
            if closed is not None
            else []
        )
        appointments = (
            [org.appointments[a] for a in sorted(closed.previous_appointment_ends)]
            if closed is not None
            else []
        )
        return Consequences(
            end, units, appointments, sort_violations(preview.added), preview.refused
        )

    def of_ending(self, appointment_id: int, end: date) -> Consequences:
        preview = self._editor.preview(lambda: self._appointments.end(appointment_id, end), on=end)
        return Consequences(end, [], [], sort_violations(preview.added), preview.refused)

    def of_moving(
        self, unit_id: int, new_parent_id: int | None, from_date: date | None = None
    ) -> Consequences:
        """What moving the unit from the date (default today) would bring on that date."""
        on = from_date or self._editor.clock()
        preview = self._editor.preview(
            lambda: self._units.move(unit_id, new_parent_id, from_date), on=on
        )
        return Consequences(on, [], [], sort_violations(preview.added), preview.refused)

    def leading_elsewhere(
        self,
        person_id: int,
        unit_id: int,
        role: Role,
        start: date | None,
        end: date | None,
    ) -> list[AppointmentRecord]:
        """When the role leads the unit: the person's appointments leading another unit at
        some time of the period. A manager of two units is allowed, but rarely meant (ORG-8:
        one responsible manager per unit, not one unit per manager)."""
        org = self._queries.snapshot()
        if unit_id not in org.units or role not in leading_roles_for(org, unit_id):
            return []
        return [
            a
            for a in org.appointments_of(person_id)
            if a.unit_id != unit_id
            and a.unit_id in org.units
            and is_leading(org, a)
            and periods_overlap(a.valid_from, a.valid_to, start, end)
        ]
