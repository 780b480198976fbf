"""What a risky edit would bring about, asked before it is made: the units and appointments
that end with it and what the rules find new on its day; nothing is written while asking."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from nacka_desktop.domain.enums import Role, UnitKind
from nacka_desktop.domain.responsibility import is_leading
from nacka_desktop.domain.work_environment import DistributionState
from nacka_desktop.services.context import Services
from tests.conftest import TODAY

from .builders import audit_trail, dump

SOON = TODAY + timedelta(days=14)


def _manager_with_tasks(services: Services) -> tuple[int, int, int]:
    """(unit, its enhetschef's appointment, a distribution in force received by it)."""
    org = services.queries.snapshot()
    for view in services.work.distributions(TODAY):
        receiver = org.appointments[view.receiver.appointment.id]
        unit = org.units[receiver.unit_id]
        if (
            view.state is DistributionState.IN_FORCE
            and receiver.role is Role.UNIT_MANAGER
            and receiver.valid_to is None
            and org.children(unit.id)
        ):
            return unit.id, receiver.id, view.id
    raise AssertionError("the sample has an enhetschef with groups and tasks")


def test_closing_a_unit_lists_what_ends_with_it_and_writes_nothing(
    sample: Services, db_path: Path
) -> None:
    unit_id, manager, distribution_id = _manager_with_tasks(sample)
    before, audited = dump(db_path), len(audit_trail(sample))

    consequences = sample.consequences.of_closing(unit_id, SOON)

    assert consequences.worth_asking and not consequences.refused
    org = sample.queries.snapshot()
    assert {u.id for u in consequences.units} == {u.id for u in org.children(unit_id)}
    assert manager in {a.id for a in consequences.appointments}
    # The unit's own distributions end with it (its tasks go with the unit): no lapse asks
    # for a new distribution there.
    assert not any(v.object_id == distribution_id for v in consequences.added)
    assert dump(db_path) == before and len(audit_trail(sample)) == audited
    # The edit itself, made afterwards, is the one previewed.
    closed = sample.units.close(unit_id, SOON)
    assert set(closed.previous_appointment_ends) == {a.id for a in consequences.appointments}


def test_ending_a_managers_appointment_names_the_distributions_that_lapse(
    sample: Services, db_path: Path
) -> None:
    _unit, manager, distribution_id = _manager_with_tasks(sample)
    before = dump(db_path)
    consequences = sample.consequences.of_ending(manager, SOON)
    lapsing = {v.object_id for v in consequences.added if v.rule_id == "AM-1"}
    given = {
        v.id
        for v in sample.work.distributions(TODAY)
        if v.giver is not None
        and v.giver.appointment.id == manager
        and v.state is DistributionState.IN_FORCE
    }
    # What he received and what he passed on both lapse (and ask for a new receiver).
    assert distribution_id in lapsing and given and given <= lapsing
    assert all("upphörde" in v.message for v in consequences.added if v.rule_id == "AM-1")
    assert dump(db_path) == before


def test_a_move_the_rules_refuse_is_reported_as_refused_before_it_is_made(
    sample: Services, db_path: Path
) -> None:
    unit_id, _manager, _distribution = _manager_with_tasks(sample)
    group = sample.queries.snapshot().children(unit_id)[0]
    before = dump(db_path)
    consequences = sample.consequences.of_moving(unit_id, group.id)  # into its own group
    assert consequences.refused and all(v.is_error for v in consequences.refused)
    assert dump(db_path) == before


def test_a_person_already_leading_another_unit_is_found(sample: Services) -> None:
    org = sample.queries.snapshot()
    leader = next(
        a
        for a in org.appointments.values()
        if a.role is Role.UNIT_MANAGER and a.valid_to is None and is_leading(org, a)
    )
    other = next(
        u.id for u in org.units.values() if u.kind is UnitKind.UNIT and u.id != leader.unit_id
    )
    lead = sample.consequences.leading_elsewhere
    found = lead(leader.person_id, other, Role.UNIT_MANAGER, TODAY, None)
    assert [a.id for a in found] == [leader.id]
    assert lead(leader.person_id, leader.unit_id, Role.UNIT_MANAGER, TODAY, None) == [
        a for a in found if a.unit_id != leader.unit_id
    ]
    # An employee's place in another unit is not a second unit to lead: nothing to ask.
    assert lead(leader.person_id, other, Role.EMPLOYEE, TODAY, None) == []
