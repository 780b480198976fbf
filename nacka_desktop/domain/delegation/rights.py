"""Who may decide what on a board's behalf, on a given date (the question users ask most).

A person may decide a matter when one of their appointments that day fills the item's
delegate (a role or titled position, within the part of the organisation the item names),
or its ersättare (who decides when the delegate is absent), or when they are the chief of
someone who may (a chief may always decide what their subordinates may), or, for rights a
law gives a role directly (DEL-5), when they hold that role.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date

from nacka_desktop.domain.delegation.orders import (
    BELOW_OPERATIONS_MANAGER,
    COMMUNITY_SERVICE_RESERVED,
    ELECTED_DELEGATES,
    Delegate,
    DelegateKind,
    DelegationItem,
    DelegationOrder,
    LegalBasis,
    Subdelegation,
)
from nacka_desktop.domain.enums import Role, UnitKind, WelfareBranch
from nacka_desktop.domain.language import LabelledEnum
from nacka_desktop.domain.records import AppointmentRecord, OrgSnapshot
from nacka_desktop.domain.responsibility import chief_of_appointment, is_leading


class Via(LabelledEnum):
    DELEGATE = "delegate"
    SUBSTITUTE = "substitute"
    CHIEF = "chief"
    LAW = "law"
    SUBDELEGATION = "subdelegation"


@dataclass(frozen=True)
class Right:
    order: DelegationOrder
    item: DelegationItem
    appointment: AppointmentRecord
    via: Via
    through: AppointmentRecord | None = None  # for CHIEF: the subordinate's appointment


def orders_in_force(orders: Iterable[DelegationOrder], on: date) -> list[DelegationOrder]:
    """Per board, the adopted version with the latest adoption date on or before the date."""
    latest: dict[int, DelegationOrder] = {}
    for order in orders:
        if order.adopted_on is None or order.adopted_on > on or order.status.value == "draft":
            continue
        current = latest.get(order.board_unit_id)
        if current is None or (order.adopted_on, order.id) > (current.adopted_on, current.id):
            latest[order.board_unit_id] = order
    return list(latest.values())


def _who_could_fill(
    org: OrgSnapshot, order: DelegationOrder, delegate: Delegate
) -> list[AppointmentRecord]:
    """A superset of the appointments that can fill the delegate's place, from the
    snapshot's indexes (in the snapshot's order), so `fills` need not test every one."""
    if delegate.kind in ELECTED_DELEGATES:
        return org.appointments_in(order.board_unit_id)
    if delegate.kind is DelegateKind.COMMITTEE:
        return org.appointments_in(delegate.unit_id) if delegate.unit_id is not None else []
    if delegate.role is not None:
        candidates = org.appointments_with_role(delegate.role)
    elif delegate.title:
        candidates = org.appointments_with_title(delegate.title)
    else:
        return []
    if delegate.unit_id is not None and delegate.unit_id in org.units:
        # A position limited to part of the organisation: that part may be far smaller.
        below = org.appointments_below(delegate.unit_id)
        if len(below) < len(candidates):
            return below
    return candidates


def has_holder(org: OrgSnapshot, order: DelegationOrder, item: DelegationItem, on: date) -> bool:
    """Does anyone fill the item's delegate or ersättare on the date (`direct_holders` is not
    empty), found without listing them all."""
    return any(
        _is_filled(org, order, delegate, on)
        for delegate in (item.delegate, item.substitute)
        if delegate is not None
    )


def _is_filled(org: OrgSnapshot, order: DelegationOrder, delegate: Delegate, on: date) -> bool:
    """Someone fills the delegate's place on the date. Worked out once per snapshot: the
    same positions are named by many items (`fills` reads the order's board alone)."""
    key = ("filled", order.board_unit_id, delegate, on)
    found: bool | None = org.memo.get(key)
    if found is None:
        found = org.memo[key] = any(
            fills(org, order, delegate, a, on) for a in _who_could_fill(org, order, delegate)
        )
    return found


def _filled_by(
    org: OrgSnapshot, order: DelegationOrder, delegate: Delegate, on: date
) -> list[AppointmentRecord]:
    return [a for a in _who_could_fill(org, order, delegate) if fills(org, order, delegate, a, on)]


def fills(
    org: OrgSnapshot,
    order: DelegationOrder,
    delegate: Delegate,
    appointment: AppointmentRecord,
    on: date,
) -> bool:
    """Does this appointment, on this date, hold the delegate's place?"""
    if not appointment.is_valid_on(on):
        return False
    unit = org.units.get(appointment.unit_id)
    if unit is None:
        return False
    if delegate.kind is DelegateKind.CHAIR:
        return appointment.role is Role.CHAIR and appointment.unit_id == order.board_unit_id
    if delegate.kind is DelegateKind.VICE_CHAIR:
        return appointment.role is Role.VICE_CHAIR and appointment.unit_id == order.board_unit_id
    if delegate.kind is DelegateKind.MEMBER:
        return appointment.unit_id == order.board_unit_id and appointment.role in (
            Role.CHAIR,
            Role.VICE_CHAIR,
            Role.MEMBER,
        )
    if delegate.kind is DelegateKind.COMMITTEE:
        return (
            appointment.unit_id == delegate.unit_id
            and unit.kind is UnitKind.COMMITTEE
            and appointment.role in (Role.CHAIR, Role.VICE_CHAIR, Role.MEMBER)
        )
    if appointment.role.is_political or not org.is_within(appointment.unit_id, delegate.unit_id):
        return False
    if displaced(org, appointment, on):
        return False
    if delegate.role is not None and appointment.role is not delegate.role:
        return False
    if delegate.title:
        person = org.persons.get(appointment.person_id)
        if person is None or person.title.strip().casefold() != delegate.title.strip().casefold():
            return False
    return delegate.role is not None or bool(delegate.title)


def displaced(org: OrgSnapshot, appointment: AppointmentRecord, on: date) -> bool:
    """ORG-8: one responsible manager at a time. While someone is appointed t.f. (acting) in
    the same role in the same unit, the regular holder does not decide in that role."""
    if appointment.acting or appointment.role is Role.EMPLOYEE:
        return False
    return any(
        other.acting and other.role is appointment.role and other.is_valid_on(on)
        for other in org.appointments_in(appointment.unit_id)
    )


def direct_holders(
    org: OrgSnapshot, order: DelegationOrder, item: DelegationItem, on: date
) -> list[Right]:
    """Appointments that fill the item's delegate or its ersättare (not via a chief)."""
    via = Via.LAW if item.legal_basis is LegalBasis.ROLE_BY_LAW else Via.DELEGATE
    rights = [Right(order, item, a, via) for a in _filled_by(org, order, item.delegate, on)]
    if item.substitute is not None:
        rights += [
            Right(order, item, a, Via.SUBSTITUTE)
            for a in _filled_by(org, order, item.substitute, on)
        ]
    return [r for r in rights if not reserved_from(org, item, r.appointment)]


def reserved_from(org: OrgSnapshot, item: DelegationItem, appointment: AppointmentRecord) -> bool:
    """HR-5: within Välfärd samhällsservice only the verksamhetschef decides on warnings and
    other disciplinary measures, refilling and employment rates, whatever an item says."""
    return (
        item.decision_kind in COMMUNITY_SERVICE_RESERVED
        and appointment.role in BELOW_OPERATIONS_MANAGER
        and appointment.unit_id in org.units
        and org.welfare_branch_of(appointment.unit_id) is WelfareBranch.COMMUNITY_SERVICE
    )


def subdelegated_holders(
    org: OrgSnapshot,
    order: DelegationOrder,
    item: DelegationItem,
    subdelegations: Iterable[Subdelegation],
    on: date,
) -> list[Right]:
    """Appointments that hold the item through a vidaredelegation valid on the date, from a
    delegate who still holds it themselves (DEL-10)."""
    if not item.subdelegation_allowed:
        return []
    givers = {
        r.appointment.id: r.appointment
        for r in direct_holders(org, order, item, on)
        if r.via is Via.DELEGATE
    }
    rights = []
    for sub in subdelegations:
        if sub.item_id != item.id or not sub.is_valid_on(on) or sub.by_appointment_id not in givers:
            continue
        rights += [
            Right(order, item, a, Via.SUBDELEGATION, givers[sub.by_appointment_id])
            for a in _filled_by(org, order, sub.to, on)
            if not reserved_from(org, item, a)
        ]
    return rights


def rights_of_person(
    org: OrgSnapshot,
    orders: Iterable[DelegationOrder],
    person_id: int,
    on: date,
    subdelegations: Iterable[Subdelegation] = (),
    item_ids: Collection[int] | None = None,
) -> list[Right]:
    """Every matter the person may decide on the date (of `item_ids`, when given), and how.

    Asked from the person's side: their own appointments are tested against each item, and
    a chief's right is looked for only among the holders below the units the person leads
    (a chief is always the responsible manager of a unit above, or of, the holder's unit)."""
    own = [a for a in org.appointments_of(person_id) if a.is_valid_on(on)]
    own_ids = {a.id for a in own}
    leading = [a for a in own if a.unit_id in org.units and is_leading(org, a)]
    below: list[AppointmentRecord] | None = None  # everyone under the units the person leads
    by_item: dict[int, list[Subdelegation]] = {}
    for sub in subdelegations:
        by_item.setdefault(sub.item_id, []).append(sub)
    result: list[Right] = []
    for order in orders_in_force(orders, on):
        for item in order.items:
            if item_ids is not None and item.id not in item_ids:
                continue
            mine = _own_rights(org, order, item, own, by_item.get(item.id, []), on)
            if mine:
                result.extend(mine)
                continue
            # Only a delegate's chief: not the ersättare's, and not above a right the law
            # gives the role itself (DEL-5: that is no delegation a chief could take over).
            if not leading or item.legal_basis is LegalBasis.ROLE_BY_LAW:
                continue
            candidates = _who_could_fill(org, order, item.delegate)
            if below is None:
                below = _appointments_below_all(org, [a.unit_id for a in leading])
            if len(below) < len(candidates):
                candidates = below
            for holder in candidates:
                if (
                    holder.role.is_political
                    or not any(org.is_within(holder.unit_id, a.unit_id) for a in leading)
                    or not fills(org, order, item.delegate, holder, on)
                ):
                    continue
                chief = _chief_line(org, holder, on, own_ids)
                if chief is not None:
                    result.append(Right(order, item, chief, Via.CHIEF, holder))
                    break
    return result


def _own_rights(
    org: OrgSnapshot,
    order: DelegationOrder,
    item: DelegationItem,
    own: list[AppointmentRecord],
    subdelegations: list[Subdelegation],
    on: date,
) -> list[Right]:
    """The rights the person's own appointments hold on the item: as delegate (or by law),
    as ersättare, through a vidaredelegation; in `direct_holders` order."""
    via = Via.LAW if item.legal_basis is LegalBasis.ROLE_BY_LAW else Via.DELEGATE
    rights = [Right(order, item, a, via) for a in own if fills(org, order, item.delegate, a, on)]
    if item.substitute is not None:
        rights += [
            Right(order, item, a, Via.SUBSTITUTE)
            for a in own
            if fills(org, order, item.substitute, a, on)
        ]
    if subdelegations:
        own_ids = {a.id for a in own}
        rights += [
            r
            for r in subdelegated_holders(org, order, item, subdelegations, on)
            if r.appointment.id in own_ids
        ]
    return [r for r in rights if not reserved_from(org, item, r.appointment)]


def _appointments_below_all(org: OrgSnapshot, unit_ids: list[int]) -> list[AppointmentRecord]:
    found = {a.id: a for unit_id in unit_ids for a in org.appointments_below(unit_id)}
    return [found[i] for i in sorted(found)]


def who_may_decide(
    org: OrgSnapshot,
    orders: Iterable[DelegationOrder],
    item_id: int,
    unit_id: int | None,
    on: date,
    subdelegations: Iterable[Subdelegation] = (),
) -> list[Right]:
    """For one matter: who may decide it on the date (for the unit, when given), and how.

    The same rights `rights_of_person` finds from a person's side (a test holds the two to
    each other over the whole sample): the delegate, the ersättare, a vidaredelegation, the
    chiefs of the delegate, or the law itself. A person is listed once, with the first way:
    as `rights_of_person` gives a person their own rights before a chief's."""
    for order in orders_in_force(orders, on):
        item = next((i for i in order.items if i.id == item_id), None)
        if item is None:
            continue
        holders = direct_holders(org, order, item, on)
        holders += subdelegated_holders(org, order, item, subdelegations, on)
        own_people = {r.appointment.person_id for r in holders}
        chiefs: list[Right] = []
        if item.legal_basis is not LegalBasis.ROLE_BY_LAW:
            for holder in _filled_by(org, order, item.delegate, on):
                if not holder.role.is_political:
                    chiefs += [
                        Right(order, item, chief, Via.CHIEF, holder)
                        for chief in _chiefs(org, holder, on)
                        if chief.person_id not in own_people
                    ]
        found: list[Right] = []
        seen: set[int] = set()
        for right in holders:  # once per person: the delegate and the ersättare may be one
            if right.appointment.person_id not in seen and answers_for(org, right, unit_id):
                seen.add(right.appointment.person_id)
                found.append(right)
        for right in chiefs:  # one chief's right per person: through a holder in the unit
            if right.appointment.person_id not in seen and answers_for(org, right, unit_id):
                seen.add(right.appointment.person_id)
                found.append(right)
        return found
    return []


def answers_for(org: OrgSnapshot, right: Right, unit_id: int | None) -> bool:
    """Does the right reach the unit? An elected member's and a titled position's without a
    limit reach the whole kommun (a kommunjurist, a registrator); a line manager's reach the
    units below theirs; a chief's reach what the subordinate's does."""
    if unit_id is None or right.appointment.role.is_political:
        return True
    if right.via is Via.CHIEF and right.through is not None:
        return _reaches(org, right.item.delegate, right.through, unit_id)
    if right.via is Via.SUBSTITUTE and right.item.substitute is not None:
        return _reaches(org, right.item.substitute, right.appointment, unit_id)
    if right.via in (Via.DELEGATE, Via.LAW):
        return _reaches(org, right.item.delegate, right.appointment, unit_id)
    return org.is_within(unit_id, right.appointment.unit_id)


def _reaches(
    org: OrgSnapshot, delegate: Delegate, appointment: AppointmentRecord, unit_id: int
) -> bool:
    if delegate.kind is DelegateKind.POSITION and delegate.role is None:
        # A titled position serves the part of the organisation it is limited to, or all.
        return delegate.unit_id is None or org.is_within(unit_id, delegate.unit_id)
    return org.is_within(unit_id, appointment.unit_id)


def _chiefs(org: OrgSnapshot, appointment: AppointmentRecord, on: date) -> list[AppointmentRecord]:
    """The appointment's chiefs, nearest first."""
    found: list[AppointmentRecord] = []
    seen = {appointment.id}
    current = appointment
    while True:
        link = chief_of_appointment(org, current, on)
        if link.chief is None or link.chief.id in seen:
            return found
        seen.add(link.chief.id)
        found.append(link.chief)
        current = link.chief


def _chief_line(
    org: OrgSnapshot, appointment: AppointmentRecord, on: date, own_ids: set[int]
) -> AppointmentRecord | None:
    """The first of `own_ids` found walking up the appointment's chiefs, if any."""
    seen: set[int] = set()
    current = appointment
    while current.id not in seen:
        seen.add(current.id)
        link = chief_of_appointment(org, current, on)
        if link.chief is None:
            return None
        if link.chief.id in own_ids:
            return link.chief
        current = link.chief
    return None
