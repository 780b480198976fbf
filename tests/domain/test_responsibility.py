"""Who is responsible for a unit, and who is whose chief, on a date."""

from __future__ import annotations

from datetime import date

from nacka_desktop.domain.enums import Role, UnitKind
from nacka_desktop.domain.responsibility import (
    chief_of_appointment,
    chiefs_of_person,
    responsible_manager,
    subordinates_of,
)

from .snapshots import AO, HTJ, KS, LON, ON, PER, RSK, SLK, UBN, Org

# In Org().staff(), the leader of unit N is person 100 + N with appointment 200 + N.
CITY_DIRECTOR = 200 + SLK
DIRECTOR = 200 + PER
UNIT_MANAGER = 200 + LON


def test_responsible_manager_is_the_regular_manager() -> None:
    org = Org().staff()
    manager = responsible_manager(org.snapshot(), LON, ON)
    assert manager is not None
    assert manager.id == UNIT_MANAGER


def test_acting_manager_is_responsible_while_the_acting_appointment_lasts() -> None:
    org = Org().staff()
    org.appoint(1, 1, LON, Role.UNIT_MANAGER, date(2026, 6, 1), date(2026, 9, 1), acting=True)
    snapshot = org.snapshot()

    def manager_on(on: date) -> int | None:
        manager = responsible_manager(snapshot, LON, on)
        return manager.id if manager else None

    assert manager_on(date(2026, 5, 31)) == UNIT_MANAGER
    assert manager_on(date(2026, 6, 1)) == 1
    assert manager_on(date(2026, 8, 31)) == 1
    assert manager_on(date(2026, 9, 1)) == UNIT_MANAGER  # valid_to is exclusive


def test_no_responsible_manager_before_the_first_appointment_starts() -> None:
    org = Org().staff()
    assert responsible_manager(org.snapshot(), LON, date(2019, 12, 31)) is None


def test_deputy_is_never_the_responsible_manager() -> None:
    org = Org()
    org.appoint(1, 1, LON, Role.DEPUTY_UNIT_MANAGER)
    assert responsible_manager(org.snapshot(), LON, ON) is None


def test_chief_of_an_employee_is_the_unit_manager() -> None:
    org = Org().staff()
    employee = org.appoint(1, 1, LON, Role.EMPLOYEE)
    link = chief_of_appointment(org.snapshot(), employee, ON)
    assert link.chief is not None
    assert link.chief.id == UNIT_MANAGER
    assert link.through_unit_id == LON


def test_chief_of_an_employee_is_the_acting_manager_while_it_lasts() -> None:
    org = Org().staff()
    employee = org.appoint(1, 1, LON, Role.EMPLOYEE)
    org.appoint(2, 2, LON, Role.UNIT_MANAGER, date(2026, 11, 1), date(2027, 1, 1), acting=True)
    link = chief_of_appointment(org.snapshot(), employee, ON)
    assert link.chief is not None
    assert link.chief.id == 2


def test_chief_of_a_support_unit_manager_is_the_director_of_the_director_area() -> None:
    org = Org().staff()
    snapshot = org.snapshot()
    link = chief_of_appointment(snapshot, snapshot.appointments[UNIT_MANAGER], ON)
    assert link.chief is not None
    assert link.chief.id == DIRECTOR
    assert link.chief.role is Role.DIRECTOR
    assert link.through_unit_id == PER


def test_chief_of_a_manager_skips_a_vacant_level() -> None:
    org = Org().staff()
    del org.appointments[DIRECTOR]
    snapshot = org.snapshot()
    link = chief_of_appointment(snapshot, snapshot.appointments[UNIT_MANAGER], ON)
    assert link.chief is not None
    assert link.chief.id == CITY_DIRECTOR


def test_chief_of_a_group_manager_is_the_unit_manager() -> None:
    org = Org().staff()
    org.unit(50, UnitKind.GROUP, LON)
    group_manager = org.appoint(1, 1, 50, Role.GROUP_MANAGER)
    link = chief_of_appointment(org.snapshot(), group_manager, ON)
    assert link.chief is not None
    assert link.chief.id == UNIT_MANAGER


def test_chief_of_a_director_is_the_city_director() -> None:
    org = Org().staff()
    snapshot = org.snapshot()
    link = chief_of_appointment(snapshot, snapshot.appointments[DIRECTOR], ON)
    assert link.chief is not None
    assert link.chief.id == CITY_DIRECTOR


def test_line_of_the_city_director_ends_at_the_executive_board() -> None:
    org = Org().staff()
    snapshot = org.snapshot()
    link = chief_of_appointment(snapshot, snapshot.appointments[CITY_DIRECTOR], ON)
    assert link.chief is None
    assert link.through_unit_id == KS


def test_school_and_community_service_lines() -> None:
    org = Org().staff()
    snapshot = org.snapshot()
    principal = chief_of_appointment(snapshot, snapshot.appointments[200 + RSK], ON)
    enhetschef = chief_of_appointment(snapshot, snapshot.appointments[200 + HTJ], ON)
    assert principal.chief is not None
    assert principal.chief.role is Role.PRODUCTION_DIRECTOR
    assert enhetschef.chief is not None
    assert enhetschef.chief.id == 200 + AO  # the verksamhetschef


def test_political_appointment_has_no_chief() -> None:
    org = Org().staff()
    member = org.appoint(1, 1, UBN, Role.MEMBER)
    link = chief_of_appointment(org.snapshot(), member, ON)
    assert link.chief is None


def test_manager_who_is_also_staff_in_own_unit_is_not_their_own_chief() -> None:
    org = Org().staff()
    own = org.appoint(1, 100 + LON, LON, Role.EMPLOYEE)
    link = chief_of_appointment(org.snapshot(), own, ON)
    assert link.chief is not None
    assert link.chief.id == DIRECTOR


def test_chiefs_of_person_covers_each_appointment_valid_on_the_date() -> None:
    org = Org().staff()
    org.unit(50, UnitKind.GROUP, LON)
    org.appoint(1, 1, LON, Role.EMPLOYEE, date(2020, 1, 1))
    org.appoint(2, 1, 50, Role.GROUP_MANAGER, date(2026, 1, 1))
    org.appoint(3, 1, RSK, Role.EMPLOYEE, date(2020, 1, 1), date(2025, 1, 1))  # ended
    links = chiefs_of_person(org.snapshot(), 1, ON)
    assert sorted(link.appointment.id for link in links) == [1, 2]
    assert {link.chief.id for link in links if link.chief} == {UNIT_MANAGER}


def test_subordinates_of_a_director_are_the_managers_below() -> None:
    org = Org().staff()
    org.appoint(1, 1, LON, Role.EMPLOYEE)
    subordinates = subordinates_of(org.snapshot(), 100 + PER, ON)
    assert [a.id for a in subordinates] == [UNIT_MANAGER]
