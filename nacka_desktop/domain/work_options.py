"""What a person may choose when making a distribution: who can give, to whom, which tasks.

The wizard offers only these; the checks (work_checks) still refuse anything else, so the
options are a convenience, never the only guard.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from nacka_desktop.domain.enums import Role
from nacka_desktop.domain.records import AppointmentRecord
from nacka_desktop.domain.responsibility import is_leading
from nacka_desktop.domain.work_environment import (
    DistributionRecord,
    DistributionState,
    WorkSnapshot,
    task_chain,
)


def giver_options(work: WorkSnapshot, on: date) -> list[AppointmentRecord]:
    """Official appointments valid on the date that lead a unit or hold a task they may pass on."""
    receivers_with_pass_on = {
        d.receiver_appointment_id for d in work.distributions.values() if d.may_pass_on
    }
    return [
        a
        for a in work.org.appointments.values()
        if a.is_valid_on(on)
        and not a.role.is_political
        and (is_leading(work.org, a) or a.id in receivers_with_pass_on)
    ]


def line_of(work: WorkSnapshot, giver: AppointmentRecord | None) -> set[int]:
    """The units a giver's responsibility reaches: their unit and everything below it."""
    org = work.org
    top = org.executive_board() if giver is None else org.units.get(giver.unit_id)
    if top is None:
        return set()
    return {u.id for u in org.units.values() if org.is_within(u.id, top.id)}


def receiver_options(
    work: WorkSnapshot, giver: AppointmentRecord | None, on: date
) -> list[AppointmentRecord]:
    """Official appointments valid on the date, in the giver's line, not the giver's own."""
    line = line_of(work, giver)
    return [
        a
        for a in work.org.appointments.values()
        if a.is_valid_on(on)
        and not a.role.is_political
        and a.unit_id in line
        and (giver is None or a.person_id != giver.person_id)
    ]


def usual_receiver(appointment: AppointmentRecord) -> bool:
    """Who work-environment tasks go to in practice: a manager, a deputy or a gruppchef (AM-1,
    AM-5). Other staff may receive a task too, but seldom do: the wizard offers them only when
    asked to show everyone."""
    return appointment.role is not Role.EMPLOYEE and not appointment.role.is_political


def givable_tasks(
    work: WorkSnapshot, giver: AppointmentRecord | None, unit_id: int, on: date
) -> set[int]:
    """Tasks the giver holds in the unit on the date with the right to pass them on."""
    if giver is None:
        return {t.id for t in work.tasks.values() if t.active}
    result = set()
    for task in work.tasks.values():
        if not task.active:
            continue
        chain = task_chain(work, task.id, unit_id, on)
        received = next((d for d in chain.links if d.receiver_appointment_id == giver.id), None)
        if received is not None and received.may_pass_on:
            result.add(task.id)
    return result


class DistributionAction(StrEnum):
    SIGN = "sign"
    RECORD_ORAL = "record_oral"
    RETURN = "return"
    FOLLOW_UP = "follow_up"
    END = "end"
    DELETE_DRAFT = "delete_draft"


def distribution_actions(
    distribution: DistributionRecord, state: DistributionState
) -> frozenset[DistributionAction]:
    """What can be done next with a distribution in its state (AM-2…AM-4, AM-8)."""
    actions: set[DistributionAction] = set()
    if state is DistributionState.DRAFT:
        actions |= {DistributionAction.SIGN, DistributionAction.DELETE_DRAFT}
    if distribution.communicated_on is None and state in (
        DistributionState.DRAFT,
        DistributionState.SIGNED,
    ):
        actions.add(DistributionAction.RECORD_ORAL)
    if state is DistributionState.IN_FORCE:
        actions |= {DistributionAction.FOLLOW_UP}
        if any(item.returned_on is None for item in distribution.items):
            actions.add(DistributionAction.RETURN)
    if state in (
        DistributionState.SIGNED,
        DistributionState.IN_FORCE,
        DistributionState.LAPSED,
    ):
        actions.add(DistributionAction.END)
    return frozenset(actions)
