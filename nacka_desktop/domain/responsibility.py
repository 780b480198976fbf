"""Who is responsible for a unit, and whose chief is whom, on a given date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from nacka_desktop.domain.enums import Role, UnitKind
from nacka_desktop.domain.records import AppointmentRecord, OrgSnapshot
from nacka_desktop.domain.structure import (
    OPERATING_AREA_EXTRA_ROLES,
    OPERATING_AREA_LEADERS,
    shape_of,
)


def leading_roles_for(snapshot: OrgSnapshot, unit_id: int) -> frozenset[Role]:
    unit = snapshot.units[unit_id]
    if unit.kind is UnitKind.OPERATING_AREA:
        branch = snapshot.welfare_branch_of(unit_id)
        if branch is not None:
            return OPERATING_AREA_LEADERS[branch]
    return shape_of(unit.kind).leading_roles


def roles_for(snapshot: OrgSnapshot, unit_id: int) -> list[Role]:
    """The roles a person can hold in the unit, leading roles first (ORG-1…ORG-7)."""
    unit = snapshot.units[unit_id]
    leading = leading_roles_for(snapshot, unit_id)
    others = shape_of(unit.kind).other_roles
    branch = snapshot.welfare_branch_of(unit_id)
    if unit.kind is UnitKind.OPERATING_AREA and branch is not None:
        others = OPERATING_AREA_EXTRA_ROLES[branch]
    order = list(Role)
    return sorted(leading, key=order.index) + sorted(others - leading, key=order.index)


def is_leading(snapshot: OrgSnapshot, appointment: AppointmentRecord) -> bool:
    return appointment.role in leading_roles_for(snapshot, appointment.unit_id)


def responsible_manager(snapshot: OrgSnapshot, unit_id: int, on: date) -> AppointmentRecord | None:
    """The unit's responsible manager on the date: an acting one while it lasts (ORG-8)."""
    key = ("responsible_manager", unit_id, on)
    if key in snapshot.memo:
        manager: AppointmentRecord | None = snapshot.memo[key]
        return manager
    manager = snapshot.memo[key] = _responsible_manager(snapshot, unit_id, on)
    return manager


def _responsible_manager(snapshot: OrgSnapshot, unit_id: int, on: date) -> AppointmentRecord | None:
    candidates = [
        a
        for a in snapshot.appointments_in(unit_id)
        if a.is_valid_on(on) and is_leading(snapshot, a)
    ]
    if not candidates:
        return None
    candidates.sort(key=lambda a: (not a.acting, a.valid_from or date.min, a.id))
    return candidates[0]


@dataclass(frozen=True)
class ChiefLink:
    """The chief of one of a person's appointments, or None where the line ends at a body."""

    appointment: AppointmentRecord
    chief: AppointmentRecord | None
    through_unit_id: int | None


def chief_of_appointment(
    snapshot: OrgSnapshot, appointment: AppointmentRecord, on: date
) -> ChiefLink:
    key = ("chief_of_appointment", appointment, on)
    link: ChiefLink | None = snapshot.memo.get(key)
    if link is None:
        link = snapshot.memo[key] = _chief_of_appointment(snapshot, appointment, on)
    return link


def _chief_of_appointment(
    snapshot: OrgSnapshot, appointment: AppointmentRecord, on: date
) -> ChiefLink:
    if appointment.role.is_political:
        return ChiefLink(appointment, None, None)
    unit_ids = [appointment.unit_id] + [u.id for u in snapshot.ancestors(appointment.unit_id)]
    if is_leading(snapshot, appointment):
        unit_ids = unit_ids[1:]
    for unit_id in unit_ids:
        if snapshot.units[unit_id].kind.is_political:
            return ChiefLink(appointment, None, unit_id)
        manager = responsible_manager(snapshot, unit_id, on)
        if manager is not None and manager.person_id != appointment.person_id:
            return ChiefLink(appointment, manager, unit_id)
    return ChiefLink(appointment, None, None)


def chiefs_of_person(snapshot: OrgSnapshot, person_id: int, on: date) -> list[ChiefLink]:
    return [
        chief_of_appointment(snapshot, a, on)
        for a in snapshot.appointments_of(person_id)
        if a.is_valid_on(on)
    ]


def subordinates_of(snapshot: OrgSnapshot, person_id: int, on: date) -> list[AppointmentRecord]:
    """Appointments whose chief, on the date, is one of the person's appointments."""
    own = {a.id for a in snapshot.appointments_of(person_id) if a.is_valid_on(on)}
    result = []
    for appointment in snapshot.appointments.values():
        if not appointment.is_valid_on(on) or appointment.person_id == person_id:
            continue
        link = chief_of_appointment(snapshot, appointment, on)
        if link.chief is not None and link.chief.id in own:
            result.append(appointment)
    return result
