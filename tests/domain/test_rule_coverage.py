"""The allowed or refused case of a rule that no other test showed on its own (the rule
catalogue in `nacka_desktop.domain.rules` points here): ORG-4, AM-2, AM-5, DEL-10 and
vidaredelegation under DEL-8 and HR-4, DATA-1, DATA-4, DATA-6."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from nacka_desktop.domain.delegation.orders import (
    BoardSetting,
    DecisionKind,
    Delegate,
    DelegateKind,
    DelegationItem,
    Subdelegation,
)
from nacka_desktop.domain.delegation.rights import Via, rights_of_person
from nacka_desktop.domain.enums import Role, Severity, UnitKind
from nacka_desktop.domain.responsibility import chief_of_appointment
from nacka_desktop.domain.rules.delegation import check_delegation
from nacka_desktop.domain.rules.org import check_organisation
from nacka_desktop.domain.work_environment import DistributionState

from .snapshots import HTJ, KS, KSAU, LON, ON, PER, SLK, Org, found
from .test_delegation import Hit, hits, item, order, position
from .test_work_checks import (
    GROUP_MANAGER,
    GRP,
    RISK,
    SKYDD,
    UNIT_MANAGER,
    Work,
)

ERROR = Severity.ERROR
DIRECTOR = 200 + PER  # the personaldirektör's appointment in `Org().staff()`
LON_MANAGER = 200 + LON
CITY_DIRECTOR = 200 + SLK  # the stadsdirektör: KS's förvaltningschef (DEL-10)


# --- ORG-4: a stödenhet or myndighets- och huvudmannaenhet under a direktör ---------------------


def test_org4_support_and_authority_units_under_a_director() -> None:
    org = Org().staff()
    org.unit(51, UnitKind.AUTHORITY_UNIT, PER)
    org.appoint(1, 1, 51, Role.UNIT_MANAGER, date(2020, 1, 1))
    org.appoint(2, 2, 51, Role.DEPUTY_UNIT_MANAGER, date(2020, 1, 1))
    org.appoint(3, 3, LON, Role.DEPUTY_UNIT_MANAGER, date(2020, 1, 1))
    snapshot = org.snapshot()
    assert found(check_organisation(snapshot, on=ON)) == set()
    for manager in (snapshot.appointments[1], snapshot.appointments[LON_MANAGER]):
        chief = chief_of_appointment(snapshot, manager, ON).chief
        assert chief is not None and chief.id == DIRECTOR


# --- AM-2: in writing, or not at all ------------------------------------------------------------


def test_am2_a_distribution_signed_in_writing_passes_the_tasks() -> None:
    work = Work()
    work.give(4, GROUP_MANAGER, UNIT_MANAGER, [GRP], (SKYDD,))
    assert work.state(4) is DistributionState.IN_FORCE
    assert work.holder(SKYDD, GRP) == GROUP_MANAGER
    assert work.check() == []


def test_am2_without_a_signature_the_tasks_stay_with_the_giver() -> None:
    # Told orally but never signed: a draft, whatever the date, and the tasks do not move.
    work = Work()
    work.give(4, GROUP_MANAGER, UNIT_MANAGER, [GRP], (SKYDD,), signed=None, oral=True)
    assert work.state(4) is DistributionState.DRAFT
    assert work.state(4, date(2030, 1, 1)) is DistributionState.DRAFT
    assert work.holder(SKYDD, GRP) == UNIT_MANAGER


# --- AM-5: an enhetschef hands parts of the tasks to the gruppchefer of the unit ----------------


def test_am5_a_unit_manager_hands_part_of_the_tasks_to_a_group_manager() -> None:
    work = Work()
    work.give(4, GROUP_MANAGER, UNIT_MANAGER, [GRP], (SKYDD,))
    assert work.check() == []
    assert work.holder(SKYDD, GRP) == GROUP_MANAGER
    assert work.holder(RISK, GRP) == UNIT_MANAGER  # the part not handed over stays
    assert work.holder(SKYDD, LON) == UNIT_MANAGER  # and so does the rest of the unit


def test_am5_a_group_manager_outside_the_unit_managers_line_is_refused() -> None:
    # AM-5 is a permission; past its edge (a gruppchef in another unit) AM-1 refuses.
    work = Work()
    work.org.unit(21, UnitKind.GROUP, HTJ, code="HGR", name="Hemtjänstgruppen")
    work.org.appoint(231, 131, 21, Role.GROUP_MANAGER, date(2020, 1, 1))
    work.give(4, 231, UNIT_MANAGER, [21], (SKYDD,), signed=None, oral=None)
    violations = work.check()
    assert found(violations) == {("AM-1", ERROR, "distribution", 4)}
    assert any("Hemtjänstgruppen" in v.message and "utanför" in v.message for v in violations)


# --- DEL-10: vidaredelegation, and DEL-8 / HR-4 on its receiver ----------------------------------

STAFF_IN_LON = 301  # an employee's appointment in Löneenheten (person 31)
SUB_FROM = date(2026, 2, 1)


def passable(kind: DecisionKind = DecisionKind.OTHER, allowed: bool = True) -> DelegationItem:
    """An item for the stadsdirektör, KS's förvaltningschef (who alone may pass it on,
    DEL-10), maybe passable on."""
    base = item(kind, position(Role.CITY_DIRECTOR), matter="Attest av fakturor")
    return replace(base, subdelegation_allowed=allowed)


def subdelegation(
    by: int = CITY_DIRECTOR,
    to: Delegate | None = None,
    valid_to: date | None = None,
) -> Subdelegation:
    receiver = position(Role.EMPLOYEE, unit_id=LON) if to is None else to
    return Subdelegation(1, 1, by, receiver, SUB_FROM, valid_to)


def staffed_with_clerk() -> Org:
    org = Org().staff()
    org.appoint(STAFF_IN_LON, 31, LON, Role.EMPLOYEE, date(2020, 1, 1))
    return org


def test_del10_the_delegate_passes_an_allowed_item_on() -> None:
    snapshot = staffed_with_clerk().snapshot()
    orders = [order(KS, passable())]
    sub = subdelegation()
    assert check_delegation(snapshot, orders, ON, [sub]) == []
    rights = rights_of_person(snapshot, orders, 31, ON, [sub])
    assert [(r.item.id, r.via, r.through and r.through.id) for r in rights] == [
        (1, Via.SUBDELEGATION, CITY_DIRECTOR)
    ]
    assert rights_of_person(snapshot, orders, 31, date(2026, 1, 31), [sub]) == []


@pytest.mark.parametrize(
    ("kind", "allowed", "sub", "expected"),
    [
        (DecisionKind.OTHER, False, subdelegation(), ("DEL-10", "item")),
        # someone else does not hold it to pass on
        (DecisionKind.OTHER, True, subdelegation(by=LON_MANAGER), ("DEL-10", "by")),
        (DecisionKind.OTHER, True, subdelegation(to=Delegate(DelegateKind.CHAIR)), ("DEL-8", "to")),
        (
            DecisionKind.OTHER,
            True,
            subdelegation(to=Delegate(DelegateKind.COMMITTEE, unit_id=KSAU)),
            ("DEL-8", "to"),
        ),
        (DecisionKind.OTHER, True, subdelegation(to=position(Role.MEMBER)), ("DEL-8", "to")),
        (DecisionKind.OTHER, True, subdelegation(to=position(unit_id=SLK)), ("DEL-8", "to")),
        (
            DecisionKind.HIRE,
            True,
            subdelegation(to=position(Role.GROUP_MANAGER, unit_id=LON)),
            ("HR-4", "to"),
        ),
        (
            DecisionKind.OTHER,
            True,
            subdelegation(valid_to=SUB_FROM),
            ("DATA-1", "valid_to"),
        ),
    ],
    ids=[
        "not-allowed",
        "not-the-delegate",
        "to-the-chair",
        "to-an-utskott",
        "to-a-political-role",
        "to-no-position",
        "hire-to-a-gruppchef",
        "ends-as-it-starts",
    ],
)
def test_subdelegation_refusals(
    kind: DecisionKind, allowed: bool, sub: Subdelegation, expected: tuple[str, str]
) -> None:
    rule_id, field = expected
    violations = check_delegation(
        staffed_with_clerk().snapshot(), [order(KS, passable(kind, allowed))], None, [sub]
    )
    wanted: set[Hit] = {(rule_id, ERROR, "subdelegation", 1, field)}
    assert {hit for hit in hits(violations) if hit[1] is ERROR} == wanted


def test_del10_only_the_forvaltningschef_may_hold_a_passable_item() -> None:
    lon_item = replace(
        item(DecisionKind.OTHER, position(Role.UNIT_MANAGER, unit_id=LON), matter="Attest"),
        subdelegation_allowed=True,
    )
    violations = check_delegation(staffed_with_clerk().snapshot(), [order(KS, lon_item)])
    assert hits(violations) == {("DEL-10", ERROR, "delegation_item", 1, "subdelegation_allowed")}
    named = {KS: BoardSetting(KS, position(Role.UNIT_MANAGER, unit_id=LON))}
    assert (
        check_delegation(staffed_with_clerk().snapshot(), [order(KS, lon_item)], settings=named)
        == []
    )


# --- DATA-1, DATA-4, DATA-6: what is allowed ----------------------------------------------------


def test_data1_a_period_of_one_day_ends_after_it_starts() -> None:
    org = Org()
    org.unit(50, UnitKind.GROUP, LON, valid_from=date(2025, 1, 1), valid_to=date(2025, 1, 2))
    org.appoint(1, 1, 50, Role.GROUP_MANAGER, date(2025, 1, 1), date(2025, 1, 2))
    assert found(check_organisation(org.snapshot())) == set()


def test_data4_a_move_into_another_branch_is_no_cycle() -> None:
    org = Org()
    org.unit(51, UnitKind.DIRECTOR_AREA, SLK)
    org.change(LON, parent_id=51)  # Löneenheten moves to another director area
    snapshot = org.snapshot()
    assert not snapshot.is_in_cycle(LON)
    assert found(check_organisation(snapshot)) == set()


def test_data6_a_well_formed_email_is_accepted() -> None:
    org = Org()
    org.person(1, email="anna.andersson@nacka.se")
    org.person(2, email="  ")  # none given is not a wrong one
    assert found(check_organisation(org.snapshot())) == set()
