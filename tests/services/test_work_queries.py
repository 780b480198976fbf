"""The read-only questions about work-environment tasks, asked of the sample organisation: who
holds what in a unit and through which chain, a person's distributions, a unit's, a return."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from nacka_desktop.domain.enums import Role
from nacka_desktop.domain.records import OrgSnapshot
from nacka_desktop.domain.work_environment import DistributionState, ReturnReason
from nacka_desktop.services.context import Services
from nacka_desktop.services.editing import NotFoundError
from nacka_desktop.services.work_queries import DistributionView, WorkQueries
from nacka_desktop.storage.database import open_database
from tests.conftest import build_sample

TODAY = date(2026, 11, 26)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    database = open_database(tmp_path_factory.mktemp("work") / "sample.db")
    build_sample(database, TODAY)
    yield Services.for_database(database, clock=lambda: TODAY)
    database.close()


@pytest.fixture(scope="module")
def work(sample: Services) -> WorkQueries:
    return sample.work


@pytest.fixture(scope="module")
def org(sample: Services) -> OrgSnapshot:
    return sample.queries.snapshot()


def unit_id(org: OrgSnapshot, name: str) -> int:
    (found,) = [u.id for u in org.units.values() if u.name == name]
    return found


def leader(org: OrgSnapshot, unit_name: str, role: Role, acting: bool = False) -> int:
    """The person holding the role in the unit today."""
    (person,) = [
        a.person_id
        for a in org.appointments_in(unit_id(org, unit_name))
        if a.role is role and a.acting == acting and a.is_valid_on(TODAY)
    ]
    return person


def by_state(views: list[DistributionView], state: DistributionState) -> list[DistributionView]:
    return [view for view in views if view.state is state]


def test_distributions_are_listed_in_id_order_with_their_state(work: WorkQueries) -> None:
    views = work.distributions(TODAY)
    assert [v.id for v in views] == sorted(v.id for v in views)
    assert {v.state for v in views} == set(DistributionState)
    first = work.distribution(views[0].id, TODAY)
    assert first.giver is None and first.giver_name == "Kommunstyrelsen"


def test_a_distribution_has_another_state_on_another_day(work: WorkQueries) -> None:
    (lapsed,) = by_state(work.distributions(TODAY), DistributionState.LAPSED)
    assert lapsed.lapse is not None
    lapsed_on = lapsed.lapse[0]
    assert work.distribution(lapsed.id, lapsed_on).state is DistributionState.LAPSED
    the_day_before = date.fromordinal(lapsed_on.toordinal() - 1)
    assert work.distribution(lapsed.id, the_day_before).state is DistributionState.IN_FORCE


def test_a_managers_given_and_received_distributions(work: WorkQueries, org: OrgSnapshot) -> None:
    manager = leader(org, "Personalenheten", Role.UNIT_MANAGER)
    given, received = work.distributions_of_person(manager, TODAY)
    assert [v.receiver.appointment.role for v in given] == [
        Role.GROUP_MANAGER,  # Lön och pension, in force
        Role.DEPUTY_UNIT_MANAGER,
        Role.GROUP_MANAGER,  # HR-stöd, signed but not yet communicated
    ]
    assert [v.state for v in given] == [
        DistributionState.IN_FORCE,
        DistributionState.IN_FORCE,
        DistributionState.SIGNED,
    ]
    (from_director,) = received
    assert from_director.giver is not None
    assert from_director.giver.person_title == "Personaldirektör"
    assert from_director.unit_names == "Personalenheten"


def test_a_units_distributions(work: WorkQueries, org: OrgSnapshot) -> None:
    views = work.distributions_in_unit(unit_id(org, "Personalenheten"), TODAY)
    assert len(views) == 4  # received by the enhetschef, and the three it gave
    assert {v.state for v in views} == {DistributionState.IN_FORCE, DistributionState.SIGNED}


def test_the_tasks_of_a_vacant_unit_are_with_the_verksamhetschef(
    work: WorkQueries, org: OrgSnapshot
) -> None:
    held = work.holders_in_unit(unit_id(org, "Boende Ältavägen"), TODAY)
    assert len(held) == 10
    assert {h.holder.person_name if h.holder else "" for h in held} == {
        org.person_label(leader(org, "Stöd och omsorg", Role.OPERATIONS_MANAGER))
    }
    assert all(len(h.chain) == 3 for h in held)  # KS → stadsdirektör → direktör → vc


def test_the_acting_manager_holds_the_tasks_and_passed_some_on(
    work: WorkQueries, org: OrgSnapshot
) -> None:
    acting = leader(org, "Hemtjänst Fisksätra", Role.UNIT_MANAGER, acting=True)
    held = work.held_by_person(acting, TODAY)
    assert {h.unit_name for h in held} == {"Hemtjänst Fisksätra"}
    assert len(held) == 10
    assert {h.holder.role_label for h in held if h.holder} == {"t.f. enhetschef"}
    night = work.holders_in_unit(unit_id(org, "Nattpatrullen Fisksätra"), TODAY)
    by_code = {h.task.code: h for h in night}
    assert by_code["SAM-ENSAM"].holder is not None
    assert by_code["SAM-ENSAM"].holder.appointment.role is Role.GROUP_MANAGER
    assert by_code["SAM-RISK"].holder is not None
    assert by_code["SAM-RISK"].holder.role_label == "t.f. enhetschef"


def test_the_left_staff_members_task_is_held_by_the_enhetschef(
    work: WorkQueries, org: OrgSnapshot
) -> None:
    manager = leader(org, "Vård- och omsorgsboendet Sjötäppan", Role.UNIT_MANAGER)
    held = {h.task.code for h in work.held_by_person(manager, TODAY)}
    assert "SAM-BRAND" in held
    assert "SAM-KEMI" not in held  # given to a sjuksköterska, in force


def test_a_return_view_names_the_tasks_and_reasons(work: WorkQueries) -> None:
    (partly,) = [
        v for v in by_state(work.distributions(TODAY), DistributionState.IN_FORCE) if v.returns
    ]
    view = work.task_return(partly.returns[0].id, TODAY)
    assert [t.code for t in view.tasks] == ["SAM-KEMI"]
    assert view.record.reasons == (ReturnReason.KNOWLEDGE, ReturnReason.RESOURCES)
    assert view.distribution.id == partly.id
    assert view.distribution.receiver.role_label == "biträdande rektor"


def test_unknown_ids_are_not_found(work: WorkQueries) -> None:
    with pytest.raises(NotFoundError):
        work.distribution(10_000, TODAY)
    with pytest.raises(NotFoundError):
        work.task_return(10_000, TODAY)
