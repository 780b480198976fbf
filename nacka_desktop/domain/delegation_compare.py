"""Side-by-side comparison of two versions of a delegation order, item by item (by number)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import StrEnum

from .delegation import DelegationItem, DelegationOrder

COMPARED_FIELDS = tuple(f.name for f in fields(DelegationItem) if f.name not in ("id",))


FIELD_LABELS_SV = {
    "section": "avsnitt",
    "number": "nr",
    "matter": "ärende",
    "decision_kind": "beslutstyp",
    "delegate": "delegat",
    "substitute": "ersättare",
    "lagrum": "lagrum",
    "legal_basis": "rättslig grund",
    "limits": "begränsningar",
    "subdelegation_allowed": "vidaredelegation",
    "report_to_board": "anmälan",
    "notes": "anmärkning",
}


class Change(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"

    @property
    def label_sv(self) -> str:
        return {"added": "Tillagd", "removed": "Borttagen", "changed": "Ändrad"}[self.value]

    @property
    def label_en(self) -> str:
        return self.value.capitalize()


@dataclass(frozen=True)
class ItemChange:
    change: Change
    number: str
    old: DelegationItem | None
    new: DelegationItem | None
    fields: tuple[str, ...] = ()


def compare_orders(old: DelegationOrder, new: DelegationOrder) -> list[ItemChange]:
    """What changed from `old` to `new`, in the new version's order, removals last."""
    before = {item.number: item for item in old.items}
    after = {item.number: item for item in new.items}
    changes: list[ItemChange] = []
    for number, item in after.items():
        previous = before.get(number)
        if previous is None:
            changes.append(ItemChange(Change.ADDED, number, None, item))
            continue
        differing = tuple(
            name for name in COMPARED_FIELDS if getattr(previous, name) != getattr(item, name)
        )
        if differing:
            changes.append(ItemChange(Change.CHANGED, number, previous, item, differing))
    changes += [
        ItemChange(Change.REMOVED, number, item, None)
        for number, item in before.items()
        if number not in after
    ]
    return changes
