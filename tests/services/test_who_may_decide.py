"""One answer to "who may decide": the matter view (`who_may_decide`) and the person view
(`rights_of_person`) never disagree, over every item and person of the sample; positions that
serve the whole kommun answer for every unit; a t.f. displaces the regular holder."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import pytest

from nacka_desktop.domain.delegation.rights import (
    Via,
    orders_in_force,
    rights_of_person,
    who_may_decide,
)
from nacka_desktop.domain.enums import Role
from nacka_desktop.services.context import Services
from nacka_desktop.services.org.people import AppointmentDraft
from tests.conftest import TODAY, build_sample


@pytest.fixture
def sample(services: Services) -> Services:
    build_sample(services.database, TODAY)
    return services


@pytest.mark.parametrize("on", [TODAY, date(2025, 6, 2)])
def test_the_matter_view_and_the_person_view_agree_on_every_pair(
    sample: Services, on: date
) -> None:
    org = sample.queries.snapshot()
    orders = sample.delegation.orders()
    subs = sample.delegation.subdelegations()
    by_matter: dict[int, set[int]] = defaultdict(set)
    for order in orders_in_force(orders, on):
        for item in order.items:
            for right in who_may_decide(org, orders, item.id, None, on, subs):
                by_matter[item.id].add(right.appointment.person_id)
    by_person: dict[int, set[int]] = defaultdict(set)
    for person_id in org.persons:
        for right in rights_of_person(org, orders, person_id, on, subs):
            by_person[right.item.id].add(person_id)
    assert by_matter == by_person
    assert sum(len(people) for people in by_matter.values()) > 500  # the sample's order


def test_a_kommunjurist_answers_for_every_unit(sample: Services) -> None:
    org = sample.queries.snapshot()
    orders = sample.delegation.orders()
    lawyer_items = [
        item
        for order in orders_in_force(orders, TODAY)
        for item in order.items
        if item.delegate.title == "Kommunjurist"
    ]
    school = next(u for u in org.units.values() if u.name == "Sickla skola")
    assert lawyer_items
    for item in lawyer_items:
        rights = who_may_decide(org, orders, item.id, school.id, TODAY)
        assert any(r.via is Via.DELEGATE for r in rights), item.matter


def test_an_acting_manager_displaces_the_regular_one_for_the_days_of_the_acting(
    sample: Services,
) -> None:
    org = sample.queries.snapshot()
    regular = next(
        a
        for a in org.appointments.values()
        if a.role is Role.PRINCIPAL and a.is_valid_on(TODAY) and not a.acting
    )
    stand_in = next(
        a
        for a in org.appointments.values()
        if a.role is Role.EMPLOYEE and a.unit_id == regular.unit_id and a.is_valid_on(TODAY)
    )
    sample.appointments.appoint(
        AppointmentDraft(
            stand_in.person_id,
            regular.unit_id,
            Role.PRINCIPAL,
            valid_from=date(2026, 11, 1),
            valid_to=date(2027, 1, 1),
            acting=True,
        )
    )
    org = sample.queries.snapshot()
    orders = sample.delegation.orders()
    during = {r.item.id for r in rights_of_person(org, orders, stand_in.person_id, TODAY)}
    regular_during = rights_of_person(org, orders, regular.person_id, TODAY)
    assert during and not [r for r in regular_during if r.appointment.id == regular.id]
    after = date(2027, 1, 4)
    assert [r for r in rights_of_person(org, orders, regular.person_id, after)
            if r.appointment.id == regular.id]  # fmt: skip


def test_a_person_who_is_both_delegate_and_ersattare_is_listed_once_with_role_and_unit(
    sample: Services,
) -> None:
    """An item whose ersättare is the delegate's own position within a part of the
    organisation: its managers fill both, and were listed twice."""
    from nacka_desktop.domain.delegation.orders import (
        Delegate,
        DelegateKind,
        DelegationItem,
        infer_decision_kind,
    )
    from nacka_desktop.domain.enums import UnitKind

    org = sample.queries.snapshot()
    ks = next(u.id for u in org.units.values() if u.kind is UnitKind.EXECUTIVE_BOARD)
    welfare = next(u for u in org.units.values() if u.name == "Välfärd skola")
    matter = "Beslut om tjänstledighet"
    item = DelegationItem(
        0,
        "Personal",
        "1.1",
        matter,
        infer_decision_kind(matter),
        Delegate(DelegateKind.POSITION, Role.PRINCIPAL),
        substitute=Delegate(DelegateKind.POSITION, Role.PRINCIPAL, unit_id=welfare.id),
    )
    order = sample.delegation_orders.create_order(ks, [item])
    sample.delegation_orders.adopt(order, TODAY, "§ 99")
    [saved] = next(o for o in sample.delegation.orders() if o.id == order).items

    views = sample.delegation.who_view(saved.id, None, TODAY)
    people = [v.person_id for v in views]
    assert views and len(people) == len(set(people))
    assert all(v.role and v.unit and v.unit != "?" for v in views)
    principals = [v for v in views if v.role == Role.PRINCIPAL.label_sv]
    assert principals and all(v.via is Via.DELEGATE for v in principals)
