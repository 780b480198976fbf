"""`rights_of_person` asks from the person's side, for speed; it must answer exactly as the
plain definition does: every holder of every item, the person's own rights first, else the
first delegate whose line of chiefs reaches the person."""

from __future__ import annotations

from datetime import date, timedelta

from nacka_desktop.domain.delegation.orders import DelegationOrder, Subdelegation
from nacka_desktop.domain.delegation.rights import (
    Right,
    Via,
    _chief_line,
    direct_holders,
    orders_in_force,
    rights_of_person,
    subdelegated_holders,
)
from nacka_desktop.domain.records import OrgSnapshot
from nacka_desktop.services.context import Services
from tests.conftest import TODAY, build_sample


def _by_definition(
    org: OrgSnapshot,
    orders: list[DelegationOrder],
    person_id: int,
    on: date,
    subdelegations: list[Subdelegation],
) -> list[Right]:
    own_ids = {a.id for a in org.appointments_of(person_id) if a.is_valid_on(on)}
    result: list[Right] = []
    for order in orders_in_force(orders, on):
        for item in order.items:
            holders = direct_holders(org, order, item, on)
            holders += subdelegated_holders(org, order, item, subdelegations, on)
            mine = [r for r in holders if r.appointment.id in own_ids]
            if mine:
                result.extend(mine)
                continue
            for holder in holders:
                if holder.via is not Via.DELEGATE or holder.appointment.role.is_political:
                    continue
                chief = _chief_line(org, holder.appointment, on, own_ids)
                if chief is not None:
                    result.append(Right(order, item, chief, Via.CHIEF, holder.appointment))
                    break
    return result


def test_rights_of_every_person_equal_the_definition(services: Services) -> None:
    build_sample(services.database, TODAY)
    org = services.queries.snapshot()
    orders = services.delegation.orders()
    subdelegations = services.delegation.subdelegations()
    assert subdelegations, "the sample passes an item on (DEL-10)"
    for on in (TODAY, TODAY - timedelta(days=500)):
        for person_id in org.persons:
            expected = _by_definition(org, orders, person_id, on, subdelegations)
            assert rights_of_person(org, orders, person_id, on, subdelegations) == expected
