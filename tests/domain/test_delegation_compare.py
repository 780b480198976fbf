"""Comparing two versions of a delegation order: added, removed and changed items."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from nacka_desktop.domain.delegation import (
    DecisionKind,
    Delegate,
    DelegateKind,
    DelegationItem,
    DelegationOrder,
    OrderStatus,
)
from nacka_desktop.domain.delegation_compare import Change, compare_orders
from nacka_desktop.domain.enums import Role


def item(number: str, matter: str, role: Role = Role.UNIT_MANAGER) -> DelegationItem:
    return DelegationItem(
        int(number.replace(".", "")),
        "Personal",
        number,
        matter,
        DecisionKind.OTHER,
        Delegate(DelegateKind.POSITION, role),
    )


def order(order_id: int, *items: DelegationItem) -> DelegationOrder:
    return DelegationOrder(order_id, 2, OrderStatus.ADOPTED, items, date(2025, 1, 1), "§ 1")


def test_added_removed_and_changed_items_are_found_by_number() -> None:
    old = order(1, item("1.1", "Attest"), item("1.2", "Bisyssla"), item("1.3", "Tjänstledighet"))
    new = order(
        2,
        replace(item("1.1", "Attest"), id=99),  # same contents, new id: unchanged
        replace(item("1.2", "Bisyssla"), delegate=Delegate(DelegateKind.POSITION, Role.DIRECTOR)),
        item("1.4", "Förmåner"),
    )
    changes = compare_orders(old, new)
    assert [(c.change, c.number) for c in changes] == [
        (Change.CHANGED, "1.2"),
        (Change.ADDED, "1.4"),
        (Change.REMOVED, "1.3"),
    ]
    assert changes[0].fields == ("delegate",)


def test_identical_versions_have_no_changes() -> None:
    items = (item("1.1", "Attest"), item("1.2", "Bisyssla"))
    assert compare_orders(order(1, *items), order(2, *items)) == []
