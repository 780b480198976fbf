"""The rule checks (ORG-1…ORG-9, DATA-1…DATA-5) on small hand-built snapshots."""

from __future__ import annotations

from datetime import date

import pytest

from nacka_desktop.domain.enums import ProcessKind, Role, Severity, UnitKind
from nacka_desktop.domain.rules.catalogue import RULES
from nacka_desktop.domain.rules.org import check_organisation

from .snapshots import (
    AO,
    HTJ,
    KF,
    KS,
    KSSU,
    LON,
    ON,
    PER,
    RSK,
    SLK,
    UBN,
    VS,
    Org,
    found,
)

ERROR = Severity.ERROR
WARNING = Severity.WARNING


def check(org: Org, on: date | None = None) -> set[tuple[str, Severity, str, int]]:
    return found(check_organisation(org.snapshot(), on=on))


# --- the baseline the other tests break one thing in -------------------------------------------


def test_base_organisation_has_no_violations_without_a_date() -> None:
    assert check(Org()) == set()


def test_fully_staffed_organisation_has_no_violations_on_a_date() -> None:
    assert check(Org().staff(), ON) == set()


def test_every_reported_rule_id_is_in_the_catalogue() -> None:
    org = Org()
    org.unit(50, UnitKind.GROUP, KF, code="", name="")
    org.appoint(1, 1, LON, Role.MEMBER)
    for violation in check_organisation(org.snapshot(), on=ON):
        assert violation.rule_id in RULES


# --- where a unit may lie (ORG-1, ORG-3…ORG-7) -------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "parent", "rule_id"),
    [
        (UnitKind.GROUP, KF, "ORG-5"),  # a grupp directly under kommunfullmäktige
        (UnitKind.SUPPORT_UNIT, SLK, "ORG-4"),  # stödenhet directly under SLK, no direktör
        (UnitKind.AUTHORITY_UNIT, KS, "ORG-4"),
        (UnitKind.DIRECTOR_AREA, KS, "ORG-3"),
        (UnitKind.OPERATING_AREA, PER, "ORG-6"),
        (UnitKind.UNIT, LON, "ORG-7"),
        (UnitKind.COMMITTEE, KF, "ORG-1"),  # utskott belong to KS or a nämnd, not KF
        (UnitKind.BOARD, KS, "ORG-1"),  # nämnder are appointed by KF
        (UnitKind.EXECUTIVE_BOARD, None, "ORG-1"),  # only KF stands at the top
    ],
)
def test_unit_under_the_wrong_parent_kind_is_an_error(
    kind: UnitKind, parent: int | None, rule_id: str
) -> None:
    org = Org()
    org.unit(50, kind, parent)
    violations = check_organisation(org.snapshot())
    assert found(violations) == {(rule_id, ERROR, "unit", 50)}
    assert violations[0].field == "parent"


def test_org1_any_namnd_may_have_an_utskott_of_its_own() -> None:
    org = Org()
    org.unit(50, UnitKind.COMMITTEE, UBN)
    org.unit(51, UnitKind.COMMITTEE, KS)
    assert check(org) == set()


def test_group_under_a_support_unit_is_allowed() -> None:
    org = Org()
    org.unit(50, UnitKind.GROUP, LON)
    assert check(org) == set()


def test_production_area_without_welfare_branch_is_an_org6_error() -> None:
    org = Org()
    org.change(VS, welfare_branch=None)
    violations = check_organisation(org.snapshot())
    assert found(violations) == {("ORG-6", ERROR, "unit", VS)}
    assert violations[0].field == "welfare_branch"


def test_enhet_under_a_school_operating_area_is_an_org7_error() -> None:
    org = Org()
    org.unit(50, UnitKind.UNIT, RSK)
    assert check(org) == {("ORG-7", ERROR, "unit", 50)}


def test_enhet_under_a_community_service_operating_area_is_allowed() -> None:
    org = Org()
    org.unit(50, UnitKind.UNIT, AO)
    assert check(org) == set()


# --- roles (ORG-2, ORG-6, ORG-7) ---------------------------------------------------------------


def test_political_role_in_an_official_unit_is_an_org2_error() -> None:
    org = Org()
    org.appoint(1, 1, LON, Role.MEMBER)
    violations = check_organisation(org.snapshot())
    assert found(violations) == {("ORG-2", ERROR, "appointment", 1)}
    assert violations[0].field == "role"


def test_employee_in_a_political_body_is_an_org2_error() -> None:
    org = Org()
    org.appoint(1, 1, UBN, Role.EMPLOYEE)
    violations = check_organisation(org.snapshot())
    assert found(violations) == {("ORG-2", ERROR, "appointment", 1)}
    assert "kommunstyrelsen" in violations[0].message


def test_member_of_a_board_and_employee_of_a_unit_are_fine() -> None:
    org = Org()
    org.appoint(1, 1, UBN, Role.MEMBER)
    org.appoint(2, 2, LON, Role.EMPLOYEE)
    assert check(org) == set()


def test_school_operating_area_led_by_an_operations_manager_is_an_org6_error() -> None:
    org = Org()
    org.appoint(1, 1, RSK, Role.OPERATIONS_MANAGER)
    assert check(org) == {("ORG-6", ERROR, "appointment", 1)}


@pytest.mark.parametrize("role", [Role.PRINCIPAL, Role.PRESCHOOL_HEAD, Role.DEPUTY_PRINCIPAL])
def test_school_operating_area_accepts_school_roles(role: Role) -> None:
    org = Org()
    org.appoint(1, 1, RSK, role)
    assert check(org) == set()


def test_community_service_operating_area_led_by_a_principal_is_an_org7_error() -> None:
    org = Org()
    org.appoint(1, 1, AO, Role.PRINCIPAL)
    assert check(org) == {("ORG-7", ERROR, "appointment", 1)}


def test_group_manager_in_a_support_unit_is_an_org4_error() -> None:
    org = Org()
    org.appoint(1, 1, LON, Role.GROUP_MANAGER)
    assert check(org) == {("ORG-4", ERROR, "appointment", 1)}


# --- one manager at a time (ORG-8) and one chair (ORG-1) ----------------------------------------


def test_two_overlapping_managers_is_an_org8_error_on_the_later_one() -> None:
    org = Org()
    org.appoint(1, 1, LON, Role.UNIT_MANAGER, date(2024, 1, 1))
    org.appoint(2, 2, LON, Role.UNIT_MANAGER, date(2025, 6, 1), date(2026, 1, 1))
    violations = check_organisation(org.snapshot())
    assert found(violations) == {("ORG-8", ERROR, "appointment", 2)}
    assert "en ansvarig chef åt gången" in violations[0].message


def test_manager_following_another_on_the_end_date_does_not_overlap() -> None:
    org = Org()
    org.appoint(1, 1, LON, Role.UNIT_MANAGER, date(2024, 1, 1), date(2025, 6, 1))
    org.appoint(2, 2, LON, Role.UNIT_MANAGER, date(2025, 6, 1))
    assert check(org) == set()


def test_acting_manager_overlapping_the_regular_one_is_allowed() -> None:
    org = Org()
    org.appoint(1, 1, LON, Role.UNIT_MANAGER, date(2024, 1, 1))
    org.appoint(2, 2, LON, Role.UNIT_MANAGER, date(2025, 6, 1), date(2025, 9, 1), acting=True)
    assert check(org) == set()


def test_two_overlapping_acting_managers_is_an_org8_error() -> None:
    org = Org()
    org.appoint(1, 1, LON, Role.UNIT_MANAGER, date(2025, 1, 1), date(2025, 9, 1), acting=True)
    org.appoint(2, 2, LON, Role.UNIT_MANAGER, date(2025, 6, 1), date(2025, 12, 1), acting=True)
    assert check(org) == {("ORG-8", ERROR, "appointment", 2)}


def test_deputy_alongside_the_manager_is_not_a_second_manager() -> None:
    org = Org()
    org.appoint(1, 1, LON, Role.UNIT_MANAGER, date(2024, 1, 1))
    org.appoint(2, 2, LON, Role.DEPUTY_UNIT_MANAGER, date(2024, 1, 1))
    assert check(org) == set()


def test_two_chairs_at_once_is_an_org1_error() -> None:
    org = Org()
    org.appoint(1, 1, UBN, Role.CHAIR, date(2023, 1, 1))
    org.appoint(2, 2, UBN, Role.CHAIR, date(2024, 1, 1))
    violations = check_organisation(org.snapshot())
    assert found(violations) == {("ORG-1", ERROR, "appointment", 2)}
    assert "ordförande" in violations[0].message


# --- what holds only on a date: vacancies, seats, committees, charters ---------------------------


def test_vacant_manager_post_is_a_warning_only_when_a_date_is_given() -> None:
    org = Org().staff()
    del org.appointments[200 + LON]
    assert check(org) == set()
    assert check(org, ON) == {("ORG-8", WARNING, "unit", LON)}


def test_post_is_vacant_on_the_exclusive_end_date_of_the_manager() -> None:
    org = Org().staff()
    org.appoint(200 + LON, 100 + LON, LON, Role.UNIT_MANAGER, date(2020, 1, 1), ON)
    assert check(org, date(2026, 11, 25)) == set()
    assert check(org, ON) == {("ORG-8", WARNING, "unit", LON)}


def test_closed_unit_is_not_reported_vacant() -> None:
    org = Org().staff()
    org.unit(50, UnitKind.GROUP, LON, valid_to=date(2026, 1, 1))
    assert check(org, ON) == set()
    assert check(org, date(2025, 12, 31)) == {("ORG-8", WARNING, "unit", 50)}


def test_missing_chair_is_an_org1_warning_on_a_date() -> None:
    org = Org().staff()
    del org.appointments[200 + UBN]
    assert check(org) == set()
    assert check(org, ON) == {("ORG-1", WARNING, "unit", UBN)}


def test_council_with_more_seated_members_than_seats_is_an_org1_error() -> None:
    org = Org().staff()
    org.change(KF, seats=3)
    for i in (1, 2):
        org.appoint(i, i, KF, Role.MEMBER, date(2022, 10, 15))
    org.appoint(3, 3, KF, Role.SUBSTITUTE, date(2022, 10, 15))  # ersättare have no seat
    assert check(org, ON) == set()
    org.appoint(4, 4, KF, Role.VICE_CHAIR, date(2022, 10, 15))
    violations = check_organisation(org.snapshot(), on=ON)
    assert found(violations) == {("ORG-1", ERROR, "unit", KF)}
    assert violations[0].field == "seats"
    assert "4 ledamöter från 2022-10-15 men bara 3 platser" in violations[0].message


def test_council_seats_are_counted_at_every_time_not_only_on_the_checked_date() -> None:
    org = Org().staff()
    org.change(KF, seats=3)
    org.appoint(1, 1, KF, Role.MEMBER, date(2022, 10, 15))
    org.appoint(2, 2, KF, Role.MEMBER, date(2027, 1, 1))  # starts after the checked date
    org.appoint(3, 3, KF, Role.MEMBER, date(2027, 1, 1))
    assert found(check_organisation(org.snapshot())) == {("ORG-1", ERROR, "unit", KF)}


def test_council_seats_count_persons_not_appointments() -> None:
    org = Org().staff()
    org.change(KF, seats=2)
    org.appoint(1, 1, KF, Role.MEMBER, date(2022, 10, 15))
    chair = next(a for a in org.appointments.values() if a.unit_id == KF and a.role is Role.CHAIR)
    org.appoint(2, chair.person_id, KF, Role.MEMBER, date(2022, 10, 15))
    assert check(org, ON) == set()


def test_a_second_vice_chair_at_the_same_time_is_an_org1_error() -> None:
    org = Org().staff()
    org.appoint(1, 1, UBN, Role.VICE_CHAIR, date(2022, 10, 15))
    assert check(org, ON) == set()
    org.appoint(2, 2, UBN, Role.VICE_CHAIR, date(2023, 1, 1))
    assert check(org, ON) == {("ORG-1", ERROR, "appointment", 2)}


def test_acting_is_only_for_the_one_who_leads_and_needs_an_end() -> None:
    org = Org().staff()
    org.appoint(1, 1, LON, Role.EMPLOYEE, date(2025, 1, 1), acting=True)
    assert check(org, ON) == {("ORG-8", ERROR, "appointment", 1)}
    del org.appointments[1]
    org.appoint(2, 2, LON, Role.UNIT_MANAGER, date(2026, 11, 1), acting=True)
    assert check(org, ON) == {("ORG-8", WARNING, "appointment", 2)}


def test_a_malformed_email_is_a_data6_error() -> None:
    org = Org().staff()
    org.person(1, email="anna.nacka.se")
    assert found(check_organisation(org.snapshot())) == {("DATA-6", ERROR, "person", 1)}


def test_executive_board_with_fewer_than_three_committees_is_a_warning() -> None:
    org = Org().staff()
    org.change(KSSU, valid_to=date(2026, 1, 1))
    org.appoint(200 + KSSU, 100 + KSSU, KSSU, Role.CHAIR, date(2020, 1, 1), date(2026, 1, 1))
    assert check(org, date(2025, 12, 31)) == set()
    violations = check_organisation(org.snapshot(), on=ON)
    assert found(violations) == {("ORG-1", WARNING, "unit", KS)}
    assert "2 utskott" in violations[0].message


def test_board_without_charter_is_a_warning() -> None:
    org = Org().staff()
    org.change(UBN, charter="  ")
    violations = check_organisation(org.snapshot(), on=ON)
    assert found(violations) == {("ORG-1", WARNING, "unit", UBN)}
    assert violations[0].field == "charter"


def test_director_whose_title_lacks_direktor_is_an_org3_warning() -> None:
    org = Org().staff()
    org.person(100 + PER, title="Personalchef")
    violations = check_organisation(org.snapshot(), on=ON)
    assert found(violations) == {("ORG-3", WARNING, "appointment", 200 + PER)}
    assert violations[0].field == "title"


def test_director_title_check_ignores_case() -> None:
    org = Org().staff()
    org.person(100 + PER, title="Ekonomi- och IT-DIREKTÖR")
    assert check(org, ON) == set()


# --- processes (ORG-9) --------------------------------------------------------------------------

CITY_DIRECTOR = 100 + SLK
DIRECTOR = 100 + PER
UNIT_MANAGER = 100 + LON


@pytest.mark.parametrize(
    ("kind", "owner", "expected"),
    [
        (ProcessKind.GOVERNING, CITY_DIRECTOR, set()),
        (ProcessKind.GOVERNING, DIRECTOR, {("ORG-9", ERROR, "process", 1)}),
        (ProcessKind.MAIN, DIRECTOR, set()),
        (ProcessKind.MAIN, UNIT_MANAGER, {("ORG-9", ERROR, "process", 1)}),
        (ProcessKind.MAIN, CITY_DIRECTOR, set()),
        # ORG-3: a produktionsdirektör leads production, a processägare is a direktör
        (ProcessKind.SUPPORT, 100 + VS, {("ORG-9", ERROR, "process", 1)}),
        (ProcessKind.SUPPORT, None, {("ORG-9", WARNING, "process", 1)}),
    ],
)
def test_process_owner_rules(
    kind: ProcessKind, owner: int | None, expected: set[tuple[str, Severity, str, int]]
) -> None:
    org = Org().staff()
    org.process(1, kind, owner)
    assert check(org) == set()  # processes are checked on a date
    assert check(org, ON) == expected


def test_process_owner_who_has_left_the_director_post_is_an_error() -> None:
    org = Org().staff()
    org.appoint(200 + PER, DIRECTOR, PER, Role.DIRECTOR, date(2020, 1, 1), date(2026, 1, 1))
    org.person(1, title="Personaldirektör")
    org.appoint(1, 1, PER, Role.DIRECTOR, date(2026, 1, 1))
    org.process(1, ProcessKind.SUPPORT, DIRECTOR)
    assert check(org, date(2025, 12, 31)) == set()
    assert check(org, ON) == {("ORG-9", ERROR, "process", 1)}


# --- data integrity (DATA-1…DATA-5) -------------------------------------------------------------


def test_unit_ending_before_it_starts_is_data1() -> None:
    org = Org()
    org.unit(50, UnitKind.GROUP, LON, valid_from=date(2025, 1, 1), valid_to=date(2024, 1, 1))
    violations = check_organisation(org.snapshot())
    assert found(violations) == {("DATA-1", ERROR, "unit", 50)}
    assert violations[0].field == "valid_to"


def test_unit_ending_on_its_start_date_is_data1() -> None:
    org = Org()
    org.unit(50, UnitKind.GROUP, LON, valid_from=date(2025, 1, 1), valid_to=date(2025, 1, 1))
    assert check(org) == {("DATA-1", ERROR, "unit", 50)}


def test_appointment_ending_before_it_starts_is_data1() -> None:
    org = Org()
    org.appoint(1, 1, LON, Role.EMPLOYEE, date(2025, 6, 1), date(2025, 1, 1))
    assert check(org) == {("DATA-1", ERROR, "appointment", 1)}


@pytest.mark.parametrize("blank", ["name", "code"])
def test_unit_without_name_or_code_is_data2(blank: str) -> None:
    org = Org()
    org.unit(50, UnitKind.GROUP, LON, **{blank: "  "})
    violations = check_organisation(org.snapshot())
    assert found(violations) == {("DATA-2", ERROR, "unit", 50)}
    assert violations[0].field == blank


def test_person_without_last_name_is_data2() -> None:
    org = Org()
    org.person(1, last_name="")
    violations = check_organisation(org.snapshot())
    assert found(violations) == {("DATA-2", ERROR, "person", 1)}
    assert violations[0].field == "last_name"


def test_duplicate_unit_codes_are_data3_on_both_units_ignoring_case_and_spaces() -> None:
    org = Org()
    org.unit(50, UnitKind.GROUP, LON, code="lon ")
    violations = check_organisation(org.snapshot())
    assert found(violations) == {("DATA-3", ERROR, "unit", LON), ("DATA-3", ERROR, "unit", 50)}
    assert all(v.field == "code" for v in violations)


def test_duplicate_employee_numbers_are_data3() -> None:
    org = Org()
    org.person(1, employee_number="1001")
    org.person(2, employee_number="1001")
    assert check(org) == {("DATA-3", ERROR, "person", 1), ("DATA-3", ERROR, "person", 2)}


def test_cycle_is_reported_once_as_data4() -> None:
    org = Org()
    org.change(PER, parent_id=LON)  # Personalområdet ↔ Löneenheten
    violations = check_organisation(org.snapshot())
    assert found(violations) == {("DATA-4", ERROR, "unit", PER)}
    assert violations[0].message.count("→") == 2


def test_three_unit_cycle_is_reported_once() -> None:
    org = Org()
    org.unit(50, UnitKind.GROUP, LON)
    org.change(PER, parent_id=50)  # PER → LON → 50 → PER
    assert check(org) == {("DATA-4", ERROR, "unit", PER)}


def test_unit_below_a_cycle_is_not_itself_reported_as_a_cycle() -> None:
    org = Org()
    org.unit(51, UnitKind.SUPPORT_UNIT, 52)
    org.unit(52, UnitKind.DIRECTOR_AREA, 51)  # 51 ↔ 52 is the cycle
    org.unit(49, UnitKind.GROUP, 51)  # hangs below the cycle, is not part of it
    assert check(org) == {("DATA-4", ERROR, "unit", 51)}


def test_child_outliving_its_parent_is_data5() -> None:
    org = Org()
    org.change(LON, valid_to=date(2026, 1, 1))
    org.unit(50, UnitKind.GROUP, LON, valid_to=date(2027, 1, 1))
    assert check(org) == {("DATA-5", ERROR, "unit", 50)}


def test_open_ended_child_of_a_closing_parent_is_data5() -> None:
    org = Org()
    org.unit(50, UnitKind.GROUP, LON)
    org.change(LON, valid_to=date(2026, 1, 1))
    assert check(org) == {("DATA-5", ERROR, "unit", 50)}


def test_child_starting_before_its_parent_is_data5() -> None:
    org = Org()
    org.change(LON, valid_from=date(2024, 1, 1))
    org.unit(50, UnitKind.GROUP, LON, valid_from=date(2023, 1, 1))
    assert check(org) == {("DATA-5", ERROR, "unit", 50)}


def test_appointment_outside_the_unit_validity_is_data5() -> None:
    org = Org()
    org.change(LON, valid_from=date(2020, 1, 1), valid_to=date(2026, 1, 1))
    org.appoint(1, 1, LON, Role.EMPLOYEE, date(2020, 1, 1), date(2026, 1, 1))
    assert check(org) == set()
    org.appoint(2, 2, LON, Role.EMPLOYEE, date(2024, 1, 1), date(2026, 6, 1))
    assert check(org) == {("DATA-5", ERROR, "appointment", 2)}


# --- order --------------------------------------------------------------------------------------


def test_errors_come_before_warnings() -> None:
    org = Org().staff()
    del org.appointments[200 + HTJ]  # warning
    org.unit(50, UnitKind.GROUP, KF)  # error
    violations = check_organisation(org.snapshot(), on=ON)
    severities = [v.severity for v in violations]
    assert severities == sorted(severities, key=lambda s: s.rank)
    assert severities[0] is ERROR
    assert severities[-1] is WARNING
