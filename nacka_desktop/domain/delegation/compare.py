"""Side-by-side comparison of two versions of a delegation order, item by item: an item is
the same item when its matter and delegate are (wherever it is numbered), else when its number
is; so a renumbering shows as items moved, not as every item changed."""

from __future__ import annotations

from dataclasses import dataclass, fields

from nacka_desktop.domain.delegation.orders import DelegationItem, DelegationOrder
from nacka_desktop.domain.language import LabelledEnum

# Who set a hand-set kind and when is a stamp on the record, not the order's text.
COMPARED_FIELDS = tuple(
    f.name for f in fields(DelegationItem) if f.name not in ("id", "kind_set_by", "kind_set_on")
)
PLACE_FIELDS = frozenset({"number", "section"})


class Change(LabelledEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"
    MOVED = "moved"  # the same item under another number or section, otherwise unchanged


@dataclass(frozen=True)
class ItemChange:
    change: Change
    number: str
    old: DelegationItem | None
    new: DelegationItem | None
    fields: tuple[str, ...] = ()


def compare_orders(old: DelegationOrder, new: DelegationOrder) -> list[ItemChange]:
    """What changed from `old` to `new`, in the new version's order, removals last."""
    pairs = _pair(old.items, new.items)
    paired_old = {id(previous) for previous in pairs.values()}
    changes: list[ItemChange] = []
    for index, item in enumerate(new.items):
        previous = pairs.get(index)
        if previous is None:
            changes.append(ItemChange(Change.ADDED, item.number, None, item))
            continue
        differing = tuple(
            name for name in COMPARED_FIELDS if getattr(previous, name) != getattr(item, name)
        )
        if not differing:
            continue
        change = Change.MOVED if set(differing) <= PLACE_FIELDS else Change.CHANGED
        changes.append(ItemChange(change, item.number, previous, item, differing))
    changes += [
        ItemChange(Change.REMOVED, item.number, item, None)
        for item in old.items
        if id(item) not in paired_old
    ]
    return changes


def _pair(
    old: tuple[DelegationItem, ...], new: tuple[DelegationItem, ...]
) -> dict[int, DelegationItem]:
    """For each new item (by index) the old item it is: first by matter and delegate, then by
    number among those left."""
    by_content: dict[tuple[str, object], list[DelegationItem]] = {}
    for item in old:
        by_content.setdefault(_content(item), []).append(item)
    pairs: dict[int, DelegationItem] = {}
    for index, item in enumerate(new):
        same = by_content.get(_content(item))
        if same:
            pairs[index] = same.pop(0)
    used = {id(item) for item in pairs.values()}
    by_number = {item.number: item for item in old if id(item) not in used}
    for index, item in enumerate(new):
        if index not in pairs and item.number in by_number:
            pairs[index] = by_number.pop(item.number)
    return pairs


def _content(item: DelegationItem) -> tuple[str, object]:
    return (" ".join(item.matter.split()).casefold(), item.delegate)
