"""Who may decide on a board's behalf on a date (DOMAIN.md §4, and the practice it describes: the
ersättare decides when the delegate is absent, and a chief may decide what their subordinates
may): the order in force, whose appointment fills a delegate's place, and each person's rights.

People from `snapshots.Org().staff()` (person 100 + unit, appointment 200 + unit):

    102 KS ordförande · 103 stadsdirektör (SLK) · 104 personaldirektör (PER)
    105 enhetschef LON · 106 produktionsdirektör VS · 107 rektor RSK
    108 produktionsdirektör VSS · 109 verksamhetschef ÄO · 110 enhetschef HTJ
    111 ordförande KSAU · 114 ordförande UBN
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from nacka_desktop.domain.delegation.orders import (
    DecisionKind,
    Delegate,
    DelegateKind,
    DelegationItem,
    DelegationOrder,
    LegalBasis,
    OrderStatus,
)
from nacka_desktop.domain.delegation.rights import (
    Right,
    Via,
    direct_holders,
    fills,
    orders_in_force,
    rights_of_person,
    who_may_decide,
)
from nacka_desktop.domain.enums import Role, UnitKind
from nacka_desktop.domain.records import OrgSnapshot

from .snapshots import AO, HTJ, KS, KSAU, KSVU, LON, ON, PER, RSK, SLK, UBN, VSS, Org

KS_CHAIR, CITY_DIRECTOR, HR_DIRECTOR, LON_MANAGER = 102, 103, 104, 105
SCHOOL_DIRECTOR, PRINCIPAL, CS_DIRECTOR, OPERATIONS_MANAGER, HTJ_MANAGER = (
    106,
    107,
    108,
    109,
    110,
)
KSAU_CHAIR, UBN_CHAIR = 111, 114
HR_CHIEF = 40  # person with the title "HR-chef", an employee in PER
LAWYER = 41  # person with the title "Kommunjurist", an employee in SLK
GRP = 20  # Lönegruppen, a group under LON

HIRE, LAWYER_ITEM, URGENT, SCHOOL_LAW, COMMITTEE_ITEM = 1, 2, 3, 4, 5

# -- builders ---------------------------------------------------------------------------------


def position(role: Role | None = None, title: str = "", unit_id: int | None = None) -> Delegate:
    return Delegate(DelegateKind.POSITION, role=role, title=title, unit_id=unit_id)


def item(
    item_id: int,
    delegate: Delegate,
    kind: DecisionKind = DecisionKind.OTHER,
    substitute: Delegate | None = None,
    legal_basis: LegalBasis = LegalBasis.GENERAL_COMPETENCE,
) -> DelegationItem:
    return DelegationItem(
        id=item_id,
        section="Allmänt",
        number=f"1.{item_id}",
        matter=kind.label_sv,
        decision_kind=kind,
        delegate=delegate,
        substitute=substitute,
        legal_basis=legal_basis,
    )


def order(
    order_id: int,
    board: int,
    *items: DelegationItem,
    status: OrderStatus = OrderStatus.ADOPTED,
    adopted_on: date | None = date(2026, 1, 1),
) -> DelegationOrder:
    return DelegationOrder(order_id, board, status, tuple(items), adopted_on)


def org() -> Org:
    """The staffed organisation plus an HR-chef, a kommunjurist and a group under LON."""
    built = Org().staff()
    built.unit(GRP, UnitKind.GROUP, LON, name="Lönegruppen")
    built.person(HR_CHIEF, title="HR-chef")
    built.appoint(300 + HR_CHIEF, HR_CHIEF, PER, Role.EMPLOYEE, date(2021, 1, 1))
    built.person(LAWYER, title="Kommunjurist")
    built.appoint(300 + LAWYER, LAWYER, SLK, Role.EMPLOYEE, date(2021, 1, 1))
    return built


def ks_order(
    order_id: int = 1,
    status: OrderStatus = OrderStatus.ADOPTED,
    adopted_on: date | None = date(2026, 1, 1),
) -> DelegationOrder:
    items = (
        item(
            HIRE,
            position(Role.UNIT_MANAGER),
            DecisionKind.HIRE,
            substitute=position(title="HR-chef"),
        ),
        item(LAWYER_ITEM, position(title="KOMMUNJURIST")),
        item(URGENT, Delegate(DelegateKind.CHAIR), DecisionKind.URGENT),
        item(COMMITTEE_ITEM, Delegate(DelegateKind.COMMITTEE, unit_id=KSAU)),
    )
    return order(order_id, KS, *items, status=status, adopted_on=adopted_on)


def ubn_order(order_id: int = 2) -> DelegationOrder:
    by_law = item(SCHOOL_LAW, position(Role.PRINCIPAL), legal_basis=LegalBasis.ROLE_BY_LAW)
    return order(order_id, UBN, by_law)


ORDERS = [ks_order(), ubn_order()]


def rights(snapshot: OrgSnapshot, person_id: int, on: date = ON) -> set[tuple[int, Via, int]]:
    """(item id, via, appointment id) of each right the person has."""
    return {
        (r.item.id, r.via, r.appointment.id)
        for r in rights_of_person(snapshot, ORDERS, person_id, on)
    }


def deciders(
    snapshot: OrgSnapshot, item_id: int, unit_id: int | None, on: date = ON
) -> set[tuple[int, Via]]:
    """(person id, via) of each who may decide the item in the unit."""
    return {
        (r.appointment.person_id, r.via)
        for r in who_may_decide(snapshot, ORDERS, item_id, unit_id, on)
    }


# -- orders_in_force ----------------------------------------------------------------------------

V1 = ks_order(1, status=OrderStatus.SUPERSEDED, adopted_on=date(2024, 1, 1))
V2 = ks_order(2, adopted_on=date(2026, 1, 1))
V3_DRAFT = ks_order(3, status=OrderStatus.DRAFT, adopted_on=date(2026, 3, 1))
UBN_V1 = order(4, UBN, adopted_on=date(2025, 1, 1))
NEVER_ADOPTED = order(5, UBN, adopted_on=None)
VERSIONS = [V1, V3_DRAFT, V2, UBN_V1, NEVER_ADOPTED]


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (date(2023, 12, 31), set()),
        (date(2024, 1, 1), {1}),
        (date(2025, 6, 1), {1, 4}),
        (date(2025, 12, 31), {1, 4}),
        (date(2026, 1, 1), {2, 4}),
        (date(2026, 3, 1), {2, 4}),
        (ON, {2, 4}),
    ],
)
def test_orders_in_force_latest_adopted_version_per_board(on: date, expected: set[int]) -> None:
    assert {o.id for o in orders_in_force(VERSIONS, on)} == expected


def test_a_superseded_version_still_applies_before_its_successor() -> None:
    (in_force,) = orders_in_force([V1, V2], date(2025, 12, 31))
    assert in_force.id == 1 and in_force.status is OrderStatus.SUPERSEDED


def test_drafts_are_never_in_force() -> None:
    assert orders_in_force([V3_DRAFT], ON) == []


def test_the_same_adoption_date_takes_the_later_version() -> None:
    first = ks_order(7, adopted_on=date(2026, 1, 1))
    second = ks_order(8, adopted_on=date(2026, 1, 1))
    assert [o.id for o in orders_in_force([second, first], ON)] == [8]


def test_rights_follow_the_version_in_force() -> None:
    old = order(1, KS, item(9, position(Role.DIRECTOR)), status=OrderStatus.SUPERSEDED)
    old = replace(old, adopted_on=date(2024, 1, 1))
    new = order(2, KS, item(10, position(Role.UNIT_MANAGER, unit_id=LON)))
    snapshot = org().snapshot()
    before = rights_of_person(snapshot, [old, new], HR_DIRECTOR, date(2025, 6, 1))
    assert {(r.item.id, r.via) for r in before} == {(9, Via.DELEGATE)}
    after = rights_of_person(snapshot, [old, new], HR_DIRECTOR, ON)
    assert {(r.item.id, r.via) for r in after} == {(10, Via.CHIEF)}
    assert who_may_decide(snapshot, [old, new], 9, None, ON) == []


# -- fills ------------------------------------------------------------------------------------


def appointment_ids(snapshot: OrgSnapshot, delegate: Delegate, board: int = KS) -> set[int]:
    the_order = order(99, board)
    return {
        a.id for a in snapshot.appointments.values() if fills(snapshot, the_order, delegate, a, ON)
    }


def test_a_role_is_filled_by_every_holder_of_the_role() -> None:
    snapshot = org().snapshot()
    assert appointment_ids(snapshot, position(Role.UNIT_MANAGER)) == {205, 210}
    assert appointment_ids(snapshot, position(Role.PRINCIPAL)) == {207}


@pytest.mark.parametrize(
    ("scope", "expected"),
    [(HTJ, {210}), (AO, {210}), (VSS, {210}), (LON, {205}), (PER, {205}), (SLK, {205, 210})],
)
def test_a_position_limited_to_a_unit_is_filled_only_in_that_unit_or_below(
    scope: int, expected: set[int]
) -> None:
    delegate = position(Role.UNIT_MANAGER, unit_id=scope)
    assert appointment_ids(org().snapshot(), delegate) == expected


def test_a_titled_position_matches_the_persons_title_in_any_case() -> None:
    built = org()
    built.person(42, title="Jurist")
    built.appoint(342, 42, SLK, Role.EMPLOYEE, date(2021, 1, 1))
    snapshot = built.snapshot()
    for title in ("Kommunjurist", "kommunjurist", "KOMMUNJURIST"):
        assert appointment_ids(snapshot, position(title=title)) == {341}
    assert appointment_ids(snapshot, position(title="Kommunjurist", unit_id=PER)) == set()
    assert appointment_ids(snapshot, position(title="Registrator")) == set()


def test_a_role_and_a_title_must_both_match() -> None:
    snapshot = org().snapshot()  # the staff() enhetschefer have the title "Enhetschef"
    assert appointment_ids(snapshot, position(Role.UNIT_MANAGER, "enhetschef")) == {205, 210}
    assert appointment_ids(snapshot, position(Role.EMPLOYEE, "enhetschef")) == set()


def test_a_political_appointment_never_fills_a_position() -> None:
    built = org()
    built.person(43, title="Kommunjurist")
    built.appoint(343, 43, UBN, Role.MEMBER, date(2021, 1, 1))
    assert appointment_ids(built.snapshot(), position(title="Kommunjurist")) == {341}


def test_an_ended_or_future_appointment_does_not_fill() -> None:
    built = org()
    built.appointments[205] = replace(built.appointments[205], valid_to=ON)
    built.appoint(230, 30, LON, Role.UNIT_MANAGER, date(2027, 1, 1))
    assert appointment_ids(built.snapshot(), position(Role.UNIT_MANAGER)) == {210}


def test_chair_member_and_committee() -> None:
    built = org()
    built.appoint(250, 50, UBN, Role.VICE_CHAIR, date(2022, 1, 1))
    built.appoint(251, 51, UBN, Role.MEMBER, date(2022, 1, 1))
    built.appoint(252, 52, UBN, Role.SUBSTITUTE, date(2022, 1, 1))
    built.appoint(253, 53, KSAU, Role.MEMBER, date(2022, 1, 1))
    snapshot = built.snapshot()
    assert appointment_ids(snapshot, Delegate(DelegateKind.CHAIR), UBN) == {214}
    assert appointment_ids(snapshot, Delegate(DelegateKind.MEMBER), UBN) == {214, 250, 251}
    committee = Delegate(DelegateKind.COMMITTEE, unit_id=KSAU)
    assert appointment_ids(snapshot, committee) == {211, 253}
    assert appointment_ids(snapshot, Delegate(DelegateKind.COMMITTEE, unit_id=KSVU)) == {212}


# -- rights_of_person -------------------------------------------------------------------------


def test_the_holder_of_the_position_may_decide() -> None:
    snapshot = org().snapshot()
    assert rights(snapshot, LON_MANAGER) == {(HIRE, Via.DELEGATE, 205)}
    assert rights(snapshot, HTJ_MANAGER) == {(HIRE, Via.DELEGATE, 210)}
    assert rights(snapshot, LAWYER) == {(LAWYER_ITEM, Via.DELEGATE, 341)}


def test_an_acting_holder_may_decide_while_the_appointment_lasts() -> None:
    built = org()
    built.appointments[205] = replace(built.appointments[205], valid_to=date(2026, 6, 1))
    built.appoint(230, 30, LON, Role.UNIT_MANAGER, date(2026, 6, 1), acting=True)
    snapshot = built.snapshot()
    assert rights(snapshot, 30) == {(HIRE, Via.DELEGATE, 230)}
    assert rights(snapshot, 30, date(2026, 5, 31)) == set()
    assert rights(snapshot, LON_MANAGER) == set()
    assert rights(snapshot, LON_MANAGER, date(2026, 5, 31)) == {(HIRE, Via.DELEGATE, 205)}


def test_the_ersattare_may_decide() -> None:
    assert rights(org().snapshot(), HR_CHIEF) == {(HIRE, Via.SUBSTITUTE, 340)}


def test_the_delegates_chief_may_decide() -> None:
    snapshot = org().snapshot()
    (hire,) = [r for r in rights_of_person(snapshot, ORDERS, HR_DIRECTOR, ON) if r.item.id == HIRE]
    assert hire == Right(ORDERS[0], hire.item, snapshot.appointments[204], Via.CHIEF, hire.through)
    assert hire.through is not None and hire.through.id == 205  # the enhetschef in LON
    assert rights(snapshot, OPERATIONS_MANAGER) == {(HIRE, Via.CHIEF, 209)}
    assert rights(snapshot, CS_DIRECTOR) == {(HIRE, Via.CHIEF, 208)}


def test_a_chief_higher_up_the_line_may_decide_too() -> None:
    # The stadsdirektör is chief above every enhetschef and the kommunjurist in SLK.
    assert rights(org().snapshot(), CITY_DIRECTOR) == {
        (HIRE, Via.CHIEF, 203),
        (LAWYER_ITEM, Via.CHIEF, 203),
    }


def test_the_chief_of_the_ersattare_gets_nothing_from_it() -> None:
    built = org()
    for appointment_id in (205, 210):  # both enhetschefer gone: only the ersättare is left
        built.appointments[appointment_id] = replace(
            built.appointments[appointment_id], valid_to=date(2026, 1, 1)
        )
    snapshot = built.snapshot()
    assert rights(snapshot, HR_CHIEF) == {(HIRE, Via.SUBSTITUTE, 340)}
    assert rights(snapshot, HR_DIRECTOR) == set()  # chief of the HR-chef, not of a delegate


def test_who_is_not_in_the_line_gets_nothing() -> None:
    snapshot = org().snapshot()
    assert rights(snapshot, PRINCIPAL) == {(SCHOOL_LAW, Via.LAW, 207)}  # not the hire item
    assert rights(snapshot, SCHOOL_DIRECTOR) == set()
    assert rights(snapshot, 999) == set()


def test_political_delegates_decide_as_themselves_and_have_no_chief() -> None:
    snapshot = org().snapshot()
    assert rights(snapshot, KS_CHAIR) == {(URGENT, Via.DELEGATE, 202)}
    assert rights(snapshot, KSAU_CHAIR) == {(COMMITTEE_ITEM, Via.DELEGATE, 211)}
    assert rights(snapshot, UBN_CHAIR) == set()  # the KS chair's matter, not UBN's


def test_a_right_by_law_is_the_roles_own() -> None:
    snapshot = org().snapshot()
    assert rights(snapshot, PRINCIPAL) == {(SCHOOL_LAW, Via.LAW, 207)}
    # DEL-5: the produktionsdirektör above the rektor cannot take over the rektor's legal right.
    assert rights(snapshot, SCHOOL_DIRECTOR) == set()


def test_no_rights_when_no_order_is_in_force() -> None:
    assert rights_of_person(org().snapshot(), ORDERS, LON_MANAGER, date(2025, 12, 31)) == []


# -- direct_holders ---------------------------------------------------------------------------


def test_direct_holders_are_delegates_and_ersattare_not_chiefs() -> None:
    snapshot = org().snapshot()
    hire = ORDERS[0].items[0]
    holders = direct_holders(snapshot, ORDERS[0], hire, ON)
    assert {(r.appointment.id, r.via) for r in holders} == {
        (205, Via.DELEGATE),
        (210, Via.DELEGATE),
        (340, Via.SUBSTITUTE),
    }


# -- who_may_decide ---------------------------------------------------------------------------


def test_who_may_decide_in_a_unit() -> None:
    # The delegate in the unit's line and their chiefs; the ersättare is a titled position
    # without a limit (HR-chef), so it serves every unit, as a kommunjurist does.
    snapshot = org().snapshot()
    assert deciders(snapshot, HIRE, HTJ) == {
        (HTJ_MANAGER, Via.DELEGATE),
        (HR_CHIEF, Via.SUBSTITUTE),
        (OPERATIONS_MANAGER, Via.CHIEF),
        (CS_DIRECTOR, Via.CHIEF),
        (CITY_DIRECTOR, Via.CHIEF),
    }
    for unit in (LON, GRP):
        assert deciders(snapshot, HIRE, unit) == {
            (LON_MANAGER, Via.DELEGATE),
            (HR_CHIEF, Via.SUBSTITUTE),
            (HR_DIRECTOR, Via.CHIEF),
            (CITY_DIRECTOR, Via.CHIEF),
        }
    assert deciders(snapshot, HIRE, RSK) == {(HR_CHIEF, Via.SUBSTITUTE)}


def test_who_may_decide_anywhere() -> None:
    assert deciders(org().snapshot(), HIRE, None) == {
        (LON_MANAGER, Via.DELEGATE),
        (HTJ_MANAGER, Via.DELEGATE),
        (HR_CHIEF, Via.SUBSTITUTE),
        (HR_DIRECTOR, Via.CHIEF),
        (CITY_DIRECTOR, Via.CHIEF),
        (OPERATIONS_MANAGER, Via.CHIEF),
        (CS_DIRECTOR, Via.CHIEF),
    }


def test_a_political_delegate_decides_for_every_unit() -> None:
    assert deciders(org().snapshot(), URGENT, HTJ) == {(KS_CHAIR, Via.DELEGATE)}


def test_who_may_decide_a_right_by_law() -> None:
    snapshot = org().snapshot()
    assert deciders(snapshot, SCHOOL_LAW, RSK) == {(PRINCIPAL, Via.LAW)}
    assert deciders(snapshot, SCHOOL_LAW, LON) == set()


def test_who_may_decide_when_the_position_is_vacant() -> None:
    built = org()
    built.appointments[210] = replace(built.appointments[210], valid_to=date(2026, 1, 1))
    # nobody in the line; the ersättare, a titled position for the whole kommun, still may
    assert deciders(built.snapshot(), HIRE, HTJ) == {(HR_CHIEF, Via.SUBSTITUTE)}
    assert deciders(built.snapshot(), HIRE, HTJ, date(2025, 12, 31)) == set()  # no order yet


def test_who_may_decide_an_unknown_item() -> None:
    assert deciders(org().snapshot(), 999, None) == set()
