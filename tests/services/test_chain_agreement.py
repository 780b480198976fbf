"""AM-10 over a year: what the register says is in force and what the chains say is held
agree on every date, while distributions end, tasks are returned and appointments end."""

from __future__ import annotations

from datetime import date, timedelta

from nacka_desktop.domain.enums import Role
from nacka_desktop.domain.work_environment import (
    DistributionState,
    ReturnReason,
    reported_state,
    task_chain,
)
from nacka_desktop.services.context import Services
from tests.conftest import TODAY


def _disagreements(services: Services, on: date) -> list[str]:
    """Each distribution the register shows in force must be a link of the chain of every
    task it still gives in every open unit it covers (so the per-person sheet names its
    receiver or someone it passed the task on to), and each link of a chain must be shown in
    force."""
    work = services.work.snapshot(on)  # the tree of the date
    found = []
    for distribution in work.distributions.values():
        shown = reported_state(work, distribution, on) is DistributionState.IN_FORCE
        for item in distribution.items:
            if item.is_returned_by(on):
                continue
            for unit_id in distribution.unit_ids:
                unit = work.org.units.get(unit_id)
                if unit is None or not unit.is_valid_on(on):
                    continue
                linked = distribution in task_chain(work, item.task_id, unit_id, on).links
                if shown != linked:
                    found.append(
                        f"{on}: distribution {distribution.id} shown "
                        f"{'in force' if shown else 'not in force'} but "
                        f"{'in' if linked else 'not in'} the chain of task {item.task_id} "
                        f"in unit {unit_id}"
                    )
    return found


def test_register_and_chains_agree_on_twelve_dates_across_a_year_of_changes(
    sample: Services,
) -> None:
    work = sample.work.snapshot()
    org = sample.queries.snapshot()
    in_force = [
        d
        for d in work.distributions.values()
        if reported_state(work, d, TODAY) is DistributionState.IN_FORCE
    ]
    director = next(
        d
        for d in in_force
        if org.appointments[d.receiver_appointment_id].role is Role.DIRECTOR
        and any(g.giver_appointment_id == d.receiver_appointment_id for g in in_force)
    )
    manager = next(
        d
        for d in in_force
        if org.appointments[d.receiver_appointment_id].role is Role.UNIT_MANAGER
        and d.id != director.id
        and any(g.giver_appointment_id == d.receiver_appointment_id for g in in_force)
    )
    # A year of changes: a director's distribution ends, an enhetschef returns a task, and
    # another enhetschef's appointment ends in two months.
    sample.distributions.end(director.id, TODAY - timedelta(days=200))
    sample.distributions.return_tasks(
        manager.id, manager.task_ids[:1], TODAY - timedelta(days=120), [ReturnReason.TIME]
    )
    leaving = next(
        d.receiver_appointment_id
        for d in in_force
        if org.appointments[d.receiver_appointment_id].role is Role.UNIT_MANAGER
        and d.id not in (director.id, manager.id)
    )
    sample.appointments.end(leaving, TODAY + timedelta(days=60))

    dates = [TODAY - timedelta(days=30 * months) for months in range(-5, 7)]
    assert len(dates) == 12
    lapsed_below = {
        d.id
        for d in sample.work.snapshot().distributions.values()
        if reported_state(sample.work.snapshot(), d, TODAY) is DistributionState.LAPSED
    }
    assert len(lapsed_below) > 3  # the changes reached down the chains
    for on in dates:
        assert _disagreements(sample, on) == []
