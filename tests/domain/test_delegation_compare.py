"""Comparing two versions of a delegation order: added, removed and changed items."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from nacka_desktop.domain.delegation.compare import Change, compare_orders
from nacka_desktop.domain.delegation.orders import (
    DecisionKind,
    Delegate,
    DelegateKind,
    DelegationItem,
    DelegationOrder,
    OrderStatus,
)
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


def test_a_renumbering_shows_as_items_moved_not_as_every_item_changed() -> None:
    matters = [f"Ärende {n}" for n in range(1, 65)]
    old = order(1, *(item(f"1.{n}", m) for n, m in enumerate(matters, start=1)))
    # a new item first: every later item gets the next number
    new_items = [item("1.1", "Nytt ärende")]
    new_items += [item(f"1.{n}", m) for n, m in enumerate(matters, start=2)]
    changes = compare_orders(old, order(2, *new_items))
    assert [c.change for c in changes].count(Change.MOVED) == 64
    assert [(c.change, c.number) for c in changes if c.change is not Change.MOVED] == [
        (Change.ADDED, "1.1")
    ]
    moved = changes[1]
    assert (moved.old.number, moved.new.number, moved.fields) == ("1.1", "1.2", ("number",))  # type: ignore[union-attr]


def test_an_item_moved_and_changed_is_changed_with_its_number() -> None:
    old = order(1, item("1.1", "Attest"), item("1.2", "Bisyssla"))
    moved = replace(item("2.1", "Attest"), limits="Upp till 1 mnkr")
    changes = compare_orders(old, order(2, moved, item("1.2", "Bisyssla")))
    # matter and delegate pair the item across numbers; its limits changed too
    assert [(c.change, c.number, c.fields) for c in changes] == [
        (Change.CHANGED, "2.1", ("number", "limits"))
    ]
