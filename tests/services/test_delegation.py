"""Delegation orders and delegated decisions through the services, on the sample organisation."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from nacka_desktop.domain.delegation.orders import (
    DecisionKind,
    Delegate,
    DelegateKind,
    DelegationItem,
    LegalBasis,
    OrderStatus,
    infer_decision_kind,
)
from nacka_desktop.domain.delegation.rights import Via
from nacka_desktop.domain.enums import Role, UnitKind
from nacka_desktop.domain.records import AppointmentRecord
from nacka_desktop.domain.rules import RuleViolationError
from nacka_desktop.services.context import Services
from tests.conftest import TODAY

HR3_WITH = "Verksamhetschefen"  # the manager's chief, consulted (HR-3)

ADOPTED = date(2025, 1, 1)


def item(
    number: str, matter: str, role: Role | None = Role.UNIT_MANAGER, **fields: object
) -> DelegationItem:
    delegate = fields.pop("delegate", Delegate(DelegateKind.POSITION, role))
    return DelegationItem(
        0,
        "Personalärenden",
        number,
        matter,
        infer_decision_kind(matter),
        delegate,  # type: ignore[arg-type]
        **fields,  # type: ignore[arg-type]
    )


STAFF_ITEMS = [
    item("1.1", "Anställning av medarbetare"),
    item("1.2", "Beslut om varning"),
    item("1.3", "Beslut om ändrad sysselsättningsgrad", Role.OPERATIONS_MANAGER),
]


def ks_id(services: Services) -> int:
    return next(
        u.id
        for u in services.queries.snapshot().units.values()
        if u.kind is UnitKind.EXECUTIVE_BOARD
    )


def holder(services: Services, role: Role) -> AppointmentRecord:
    return next(
        a
        for a in services.queries.snapshot().appointments.values()
        if a.role is role and a.is_valid_on(TODAY) and not a.acting
    )


def adopted_order(services: Services) -> int:
    order = services.delegation_orders.create_order(ks_id(services), STAFF_ITEMS)
    services.delegation_orders.adopt(order, ADOPTED, "§ 12")
    return order


def test_adopting_a_new_version_supersedes_the_old_and_undo_restores(sample: Services) -> None:
    first = adopted_order(sample)
    second = sample.delegation_orders.create_order(ks_id(sample), STAFF_ITEMS[:2])
    superseded = sample.delegation_orders.adopt(second, date(2026, 6, 1), "§ 80")
    assert superseded == [first]
    statuses = {o.id: o.status for o in sample.delegation.orders()}
    assert statuses == {first: OrderStatus.SUPERSEDED, second: OrderStatus.ADOPTED}

    sample.delegation_orders.unadopt(second, superseded)
    statuses = {o.id: o.status for o in sample.delegation.orders()}
    assert statuses == {first: OrderStatus.ADOPTED, second: OrderStatus.DRAFT}


def test_del12_the_text_of_an_adopted_or_superseded_version_never_changes(
    sample: Services,
) -> None:
    first = adopted_order(sample)
    second = sample.delegation_orders.create_order(ks_id(sample), STAFF_ITEMS)
    sample.delegation_orders.adopt(second, date(2026, 6, 1), "§ 80")
    orders = sample.delegation_orders
    adopted_item = next(o for o in sample.delegation.orders() if o.id == second).items[0]
    for attempt in (
        lambda: orders.add_item(first, item("1.4", "Attest av fakturor")),
        lambda: orders.add_item(second, item("1.4", "Attest av fakturor")),
        lambda: orders.update_item(adopted_item.id, replace(adopted_item, matter="Ändrad")),
        lambda: orders.delete_item(adopted_item.id),
    ):
        with pytest.raises(RuleViolationError) as refused:
            attempt()
        assert refused.value.violations[0].rule_id == "DEL-12"
    assert "2026-06-01 § 80" in refused.value.violations[0].message
    after = {o.id: o.items for o in sample.delegation.orders()}
    assert after[second][0] == adopted_item and len(after[first]) == len(STAFF_ITEMS)


def test_data7_an_adopted_version_is_never_deleted_nor_readopted(sample: Services) -> None:
    first = adopted_order(sample)
    second = sample.delegation_orders.create_order(ks_id(sample), STAFF_ITEMS)
    sample.delegation_orders.adopt(second, date(2026, 6, 1), "§ 80")
    for attempt in (
        lambda: sample.delegation_orders.delete_draft(second),
        lambda: sample.delegation_orders.adopt(first, date(2026, 7, 1), "§ 90"),
    ):
        with pytest.raises(RuleViolationError) as refused:
            attempt()
        assert refused.value.violations[0].rule_id == "DATA-7"
    assert {o.id for o in sample.delegation.orders()} == {first, second}


def test_del12_a_change_goes_into_a_draft_copied_from_the_adopted_version(
    sample: Services,
) -> None:
    adopted = adopted_order(sample)
    orders = sample.delegation_orders
    draft, made = orders.draft_of(adopted)
    assert made and draft != adopted
    assert orders.draft_of(adopted) == (draft, False)  # the board's draft is continued
    copy = next(o for o in sample.delegation.orders() if o.id == draft)
    assert copy.status is OrderStatus.DRAFT
    assert [(i.number, i.matter) for i in copy.items] == [(i.number, i.matter) for i in STAFF_ITEMS]

    orders.update_item(copy.items[0].id, replace(copy.items[0], matter="Anställning av vikarier"))
    orders.adopt(draft, date(2026, 6, 1), "§ 80")
    statuses = {o.id: o.status for o in sample.delegation.orders()}
    assert statuses == {adopted: OrderStatus.SUPERSEDED, draft: OrderStatus.ADOPTED}
    first = next(o for o in sample.delegation.orders() if o.id == adopted)
    assert first.items[0].matter == "Anställning av medarbetare"  # the old record as adopted


def test_hr4_salary_to_a_group_manager_is_refused_and_nothing_written(sample: Services) -> None:
    draft, _made = sample.delegation_orders.draft_of(adopted_order(sample))
    with pytest.raises(RuleViolationError) as refused:
        sample.delegation_orders.add_item(draft, item("1.4", "Lönesättning", Role.GROUP_MANAGER))
    assert refused.value.violations[0].rule_id == "HR-4"
    assert {len(o.items) for o in sample.delegation.orders()} == {len(STAFF_ITEMS)}


def test_del7_a_statement_to_the_council_cannot_be_delegated(sample: Services) -> None:
    with pytest.raises(RuleViolationError) as refused:
        sample.delegation_orders.create_order(
            ks_id(sample), [item("2.1", "Yttrande till kommunfullmäktige", Role.CITY_DIRECTOR)]
        )
    assert refused.value.violations[0].rule_id == "DEL-7"
    assert sample.delegation.orders() == []


def test_who_may_decide_the_unit_manager_and_their_chief(sample: Services) -> None:
    adopted_order(sample)
    manager = holder(sample, Role.UNIT_MANAGER)
    rights = sample.delegation.rights_of_person(manager.person_id, TODAY)
    assert {(r.item.number, r.via) for r in rights} == {
        ("1.1", Via.DELEGATE),
        ("1.2", Via.DELEGATE),
    }
    snapshot = sample.queries.snapshot()
    chief = sample.queries.chiefs_of(manager.person_id, TODAY)[0].chief
    assert chief is not None
    chief_rights = sample.delegation.rights_of_person(chief.appointment.person_id, TODAY)
    assert {(r.item.number, r.via) for r in chief_rights} >= {("1.1", Via.CHIEF)}
    assert snapshot.persons[chief.appointment.person_id].full_name == chief.person_name


def test_a_decision_needs_the_right_and_for_hiring_the_need_test(sample: Services) -> None:
    order = adopted_order(sample)
    hire = next(i for i in sample.delegation.orders()[0].items if i.number == "1.1")
    assert sample.delegation.orders()[0].id == order
    manager = holder(sample, Role.UNIT_MANAGER)
    employee = holder(sample, Role.EMPLOYEE)
    decisions = sample.delegated_decisions

    with pytest.raises(RuleViolationError) as no_right:
        decisions.record(hire.id, employee.id, TODAY, "Anställning av undersköterska")
    assert no_right.value.violations[0].rule_id == "DEL-1"
    with pytest.raises(RuleViolationError) as no_test:
        decisions.record(hire.id, manager.id, TODAY, "Anställning av undersköterska")
    assert no_test.value.violations[0].rule_id == "HR-2"

    with pytest.raises(RuleViolationError) as unnamed:
        decisions.record(hire.id, manager.id, TODAY, "Anställning", "KS 2026/41", date(2026, 11, 2))
    assert unnamed.value.violations[0].rule_id == "HR-2"  # who tested it is named too
    decision = decisions.record(
        hire.id,
        manager.id,
        TODAY,
        "Anställning av undersköterska",
        "KS 2026/41",
        date(2026, 11, 2),
        need_tested_by="Stadsdirektören och personaldirektören",
    )
    logged = sample.delegation.decisions(date(2026, 11, 1), TODAY)
    assert [(d.id, d.case_number, d.item.decision_kind) for d in logged] == [
        (decision, "KS 2026/41", DecisionKind.HIRE)
    ]
    with pytest.raises(RuleViolationError) as used:
        sample.delegation_orders.delete_item(hire.id)
    assert used.value.violations[0].rule_id == "DEL-12"


def test_a_warning_needs_the_consultation_first(sample: Services) -> None:
    adopted_order(sample)
    warning = next(i for i in sample.delegation.orders()[0].items if i.number == "1.2")
    manager = holder(sample, Role.UNIT_MANAGER)
    with pytest.raises(RuleViolationError) as refused:
        sample.delegated_decisions.record(
            warning.id, manager.id, TODAY, "Varning för olovlig frånvaro"
        )
    assert refused.value.violations[0].rule_id == "HR-3"
    sample.delegated_decisions.record(
        warning.id,
        manager.id,
        TODAY,
        "Varning för olovlig frånvaro",
        consulted_on=date(2026, 11, 20),
        consulted_with=HR3_WITH,
    )


def test_an_unknown_titled_position_is_created_and_reported_as_unheld(sample: Services) -> None:
    created = sample.delegation_orders.ensure_titled_positions(
        ["Dataskyddsombud", "dataskyddsombud"]
    )
    assert created == ["Dataskyddsombud"]
    assert sample.delegation_orders.ensure_titled_positions(["DATASKYDDSOMBUD"]) == []
    order = sample.delegation_orders.create_order(
        ks_id(sample),
        [
            item(
                "3.1",
                "Begäran om registerutdrag enligt dataskyddsförordningen",
                None,
                delegate=Delegate(DelegateKind.POSITION, None, "Dataskyddsombud"),
            )
        ],
    )
    sample.delegation_orders.adopt(order, ADOPTED, "§ 3")
    warnings = [v for v in sample.queries.check(TODAY) if v.rule_id == "DEL-1"]
    assert len(warnings) == 1 and "dataskyddsombud" in warnings[0].message.casefold()


def passable_order(services: Services) -> tuple[int, DelegationItem, DelegationItem]:
    """KS's order with one item the stadsdirektör (KS's förvaltningschef, who alone may pass
    a right on, DEL-10) may subdelegate, and items that may not be."""
    order = services.delegation_orders.create_order(
        ks_id(services),
        [
            item("2.1", "Attest av fakturor", Role.CITY_DIRECTOR, subdelegation_allowed=True),
            item("2.2", "Beslut om tjänstledighet", subdelegation_allowed=False),
            item("1.1", "Anställning av medarbetare", subdelegation_allowed=False),
        ],
    )
    services.delegation_orders.adopt(order, ADOPTED, "§ 20")
    items = {i.number: i for i in services.delegation.orders()[0].items}
    return order, items["2.1"], items["2.2"]


def test_del10_a_delegate_passes_an_item_on_and_decisions_report_back(sample: Services) -> None:
    _order, attest, _leave = passable_order(sample)
    head = holder(sample, Role.CITY_DIRECTOR)
    manager = holder(sample, Role.UNIT_MANAGER)
    staff = next(
        a
        for a in sample.queries.snapshot().appointments_in(manager.unit_id)
        if a.role is Role.EMPLOYEE and a.is_valid_on(TODAY)
    )
    sample.delegation_orders.subdelegate(
        attest.id,
        head.id,
        Delegate(DelegateKind.POSITION, Role.EMPLOYEE, "", manager.unit_id),
        date(2026, 1, 1),
    )
    rights = sample.delegation.rights_of_person(staff.person_id, TODAY)
    assert [(r.item.number, r.via) for r in rights] == [("2.1", Via.SUBDELEGATION)]

    sample.delegated_decisions.record(attest.id, staff.id, TODAY, "Attest av faktura 4711")
    decision = sample.delegation.decisions(TODAY, TODAY)[0]
    assert decision.report_to == sample.queries.snapshot().person_label(head.person_id)


def test_del10_refused_where_not_allowed_by_a_non_holder_or_to_a_group_manager(
    sample: Services,
) -> None:
    _order, attest, leave = passable_order(sample)
    head = holder(sample, Role.CITY_DIRECTOR)
    manager = holder(sample, Role.UNIT_MANAGER)
    employee = holder(sample, Role.EMPLOYEE)
    to_staff = Delegate(DelegateKind.POSITION, Role.EMPLOYEE)
    cases = [
        (
            "DEL-10",
            lambda: sample.delegation_orders.subdelegate(leave.id, manager.id, to_staff, TODAY),
        ),
        (
            "DEL-10",
            lambda: sample.delegation_orders.subdelegate(attest.id, employee.id, to_staff, TODAY),
        ),
        (
            "DEL-8",
            lambda: sample.delegation_orders.subdelegate(
                attest.id, head.id, Delegate(DelegateKind.CHAIR), TODAY
            ),
        ),
    ]
    for rule_id, attempt in cases:
        with pytest.raises(RuleViolationError) as refused:
            attempt()
        assert refused.value.violations[0].rule_id == rule_id
    assert sample.delegation.subdelegations() == []


def test_del14_a_hand_set_kind_is_stored_with_its_reason_who_and_when(sample: Services) -> None:
    draft = sample.delegation_orders.create_order(ks_id(sample), STAFF_ITEMS)
    avsked = replace(
        item("1.4", "Avsked av förtroendevald revisor", Role.GROUP_MANAGER),
        decision_kind=DecisionKind.OTHER,
    )
    with pytest.raises(RuleViolationError) as refused:
        sample.delegation_orders.add_item(draft, avsked)
    assert refused.value.violations[0].rule_id == "DEL-14"

    reason = "Gäller förtroendevalda, inte anställda"
    added = sample.delegation_orders.add_item(draft, replace(avsked, kind_reason=reason))
    stored = next(i for i in sample.delegation.orders()[0].items if i.id == added)
    assert (stored.kind_reason, stored.kind_set_on) == (reason, TODAY)
    assert stored.kind_set_by == sample.delegation_orders._editor.actor
    problems = {(v.rule_id, v.severity.value) for v in sample.queries.check(TODAY)}
    assert ("DEL-14", "warning") in problems


def test_a_decision_dated_after_today_is_refused(sample: Services) -> None:
    adopted_order(sample)
    hire = next(i for i in sample.delegation.orders()[0].items if i.number == "1.1")
    manager = holder(sample, Role.UNIT_MANAGER)
    with pytest.raises(RuleViolationError) as refused:
        sample.delegated_decisions.record(
            hire.id,
            manager.id,
            TODAY + timedelta(days=1),
            "Anställning",
            need_tested_on=TODAY,
            need_tested_by="Stadsdirektören och personaldirektören",
        )
    assert (refused.value.violations[0].rule_id, refused.value.violations[0].field) == (
        "DATA-1",
        "decided_on",
    )


def test_hr2_and_hr3_come_before_the_decision(sample: Services) -> None:
    adopted_order(sample)
    items = {i.number: i for i in sample.delegation.orders()[0].items}
    manager = holder(sample, Role.UNIT_MANAGER)
    decided = TODAY - timedelta(days=5)
    with pytest.raises(RuleViolationError) as late_test:
        sample.delegated_decisions.record(
            items["1.1"].id, manager.id, decided, "Anställning", need_tested_on=TODAY,
            need_tested_by="Stadsdirektören och personaldirektören",
        )  # fmt: skip
    assert late_test.value.violations[0].rule_id == "HR-2"
    with pytest.raises(RuleViolationError) as late_consultation:
        sample.delegated_decisions.record(
            items["1.2"].id, manager.id, decided, "Varning", consulted_on=TODAY,
            consulted_with="Verksamhetschefen",
        )  # fmt: skip
    assert late_consultation.value.violations[0].rule_id == "HR-3"
    assert sample.delegated_decisions.record(
        items["1.2"].id, manager.id, decided, "Varning", consulted_on=decided,
        consulted_with="Verksamhetschefen",
    )  # fmt: skip  # the same day is in time


def test_del13_a_decision_about_the_decision_maker_is_refused(sample: Services) -> None:
    adopted_order(sample)
    leave = next(i for i in sample.delegation.orders()[0].items if i.number == "1.1")
    manager = holder(sample, Role.UNIT_MANAGER)
    other = holder(sample, Role.EMPLOYEE)
    common = {"need_tested_on": TODAY, "need_tested_by": "Stadsdirektören och personaldirektören"}
    with pytest.raises(RuleViolationError) as refused:
        sample.delegated_decisions.record(
            leave.id, manager.id, TODAY, "Anställning", concerns_person_id=manager.person_id,
            **common,  # type: ignore[arg-type]
        )  # fmt: skip
    assert refused.value.violations[0].rule_id == "DEL-13"
    assert sample.delegated_decisions.record(
        leave.id, manager.id, TODAY, "Anställning", concerns_person_id=other.person_id,
        **common,  # type: ignore[arg-type]
    )  # fmt: skip


def test_del12_an_order_is_adopted_with_the_date_and_paragraph_of_the_decision(
    sample: Services,
) -> None:
    draft = sample.delegation_orders.create_order(ks_id(sample), STAFF_ITEMS)
    with pytest.raises(RuleViolationError) as refused:
        sample.delegation_orders.adopt(draft, ADOPTED, "  ")
    assert (refused.value.violations[0].rule_id, refused.value.violations[0].field) == (
        "DEL-12",
        "paragraph",
    )
    assert sample.delegation.orders()[0].status is OrderStatus.DRAFT


def test_del5_a_new_version_cannot_leave_out_the_rektors_rights_by_law(sample: Services) -> None:
    un = next(
        u.id for u in sample.queries.snapshot().units.values() if u.name == "Utbildningsnämnden"
    )
    by_law = replace(
        item("3.7", "Avstängning av elev", Role.PRINCIPAL),
        legal_basis=LegalBasis.ROLE_BY_LAW,
        report_to_board=False,
    )
    first = sample.delegation_orders.create_order(un, [by_law])
    sample.delegation_orders.adopt(first, ADOPTED, "§ 4")
    without = sample.delegation_orders.create_order(un, [item("1.1", "Attest av fakturor")])
    with pytest.raises(RuleViolationError) as refused:
        sample.delegation_orders.adopt(without, date(2026, 6, 1), "§ 40")
    assert refused.value.violations[0].rule_id == "DEL-5"
    assert "Avstängning av elev" in refused.value.violations[0].message
    keeping = sample.delegation_orders.create_order(un, [by_law, item("1.1", "Attest")])
    sample.delegation_orders.adopt(keeping, date(2026, 6, 1), "§ 41")  # kept: adopted
