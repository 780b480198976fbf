"""Matters that move between a board and the council (kommunfullmäktige), DEL-3 and DEL-4.

A board refers (hänskjuter) a matter of principle or of greater weight to KF; KF takes back
(återtar) a matter it had given the board. Whether either may happen depends on where the
board's power comes from: what a law gives a "kommunal nämnd" stays with that board (DEL-3),
what a law gives a role directly is no board's to move (DEL-5), and the general competence,
or a law naming "kommunen", can go back to KF (DEL-3, DEL-4). KS prepares (bereder) every
matter for KF, referred ones too (DEL-4).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from nacka_desktop.domain.delegation.orders import DelegationItem, DelegationOrder, LegalBasis
from nacka_desktop.domain.language import LabelledEnum, Language


class CouncilMatterKind(LabelledEnum):
    REFERRAL = "referral"  # the board refers the matter to KF
    RECALL = "recall"  # KF takes the matter back from the board


@dataclass(frozen=True, slots=True)
class CouncilMatter:
    id: int
    kind: CouncilMatterKind
    board_unit_id: int  # the board whose matter it is
    matter: str
    legal_basis: LegalBasis
    decided_on: date  # the board's decision to refer, or KF's decision to take back
    paragraph: str = ""
    case_number: str = ""
    item_id: int | None = None  # the item of the board's order the matter falls under
    to_unit_id: int | None = None  # a referral: where the board sent it (KF, DEL-4)
    prepared_on: date | None = None  # a referral: KS prepared it for KF (DEL-4)
    council_decided_on: date | None = None  # a referral: KF decided the matter
    council_paragraph: str = ""
    notes: str = ""

    def label(self, board_name: str, language: Language = Language.SWEDISH) -> str:
        number = f" {self.case_number}" if self.case_number else ""
        kind = self.kind.label(language)
        return f"{board_name}: {kind[0].lower()}{kind[1:]}{number} – {self.matter}"


def _words(text: str) -> str:
    return " ".join(text.casefold().split())


def recalls_in(
    orders: Iterable[DelegationOrder], matters: Iterable[CouncilMatter], on: date | None = None
) -> dict[int, CouncilMatter]:
    """The items KF has taken back (by the date, or ever when no date is given): item id →
    KF's decision. A recall names one item; in the board's other versions of the order it
    also takes back the item with the same matter, limits and kind (its successor), never a
    sibling of the same version that differs only in its limits. A recall whose item is gone
    takes back the items with the same matter."""
    recalls = [
        m
        for m in matters
        if m.kind is CouncilMatterKind.RECALL and (on is None or m.decided_on <= on)
    ]
    if not recalls:
        return {}
    orders = list(orders)
    home = {i.id: (o.id, i) for o in orders for i in o.items}
    taken: dict[int, CouncilMatter] = {}
    for recall in sorted(recalls, key=lambda m: (m.decided_on, m.id)):
        named = home.get(recall.item_id) if recall.item_id is not None else None
        for order in orders:
            if order.board_unit_id != recall.board_unit_id:
                continue
            for item in order.items:
                if item.id in taken:
                    continue
                if named is None:
                    hit = _words(item.matter) == _words(recall.matter)
                else:
                    home_order, original = named
                    hit = item.id == original.id or (
                        order.id != home_order
                        and _words(item.matter) == _words(original.matter)
                        and _words(item.limits) == _words(original.limits)
                        and item.decision_kind is original.decision_kind
                    )
                if hit:
                    taken[item.id] = recall
    return taken


def without_recalled(
    orders: Iterable[DelegationOrder],
    matters: Sequence[CouncilMatter],
    on: date,
) -> list[DelegationOrder]:
    """The orders without the items KF has taken back by the date: nobody decides those on
    the board's behalf any more (DEL-4)."""
    orders = list(orders)
    taken = recalls_in(orders, matters, on)
    if not taken:
        return orders
    result = []
    for order in orders:
        kept = tuple(i for i in order.items if i.id not in taken)
        result.append(order if len(kept) == len(order.items) else replace(order, items=kept))
    return result


class ReportRoute(LabelledEnum):
    """How a decision taken on delegation reaches the record (DEL-11)."""

    REPORT_TO_BOARD = "report"  # anmäls till nämnden
    SEPARATE_RECORD = "separate"  # not reported but appealable: protokollförs särskilt
    NONE = "none"  # neither reported nor appealable


def report_route(item: DelegationItem, appealable: bool) -> ReportRoute:
    """KL 6 kap 40 § and 7 kap 8 §: reported as the board decided; a decision that is not
    reported but may be appealed under KL 13 kap (laglighetsprövning) is recorded separately,
    so that the time to appeal can start to run. `appealable` means exactly that: a decision
    appealed only by förvaltningsbesvär under another law is not recorded separately."""
    if item.report_to_board:
        return ReportRoute.REPORT_TO_BOARD
    return ReportRoute.SEPARATE_RECORD if appealable else ReportRoute.NONE


@dataclass(frozen=True, slots=True)
class DecisionRecord:
    """A decision taken on delegation, as the DEL-11 check needs it."""

    id: int
    item_id: int
    decided_on: date
    description: str
    case_number: str = ""
    appealable: bool = False  # by laglighetsprövning (KL 13 kap.)
    reported_on: date | None = None
    recorded_separately_on: date | None = None

    def label(self, language: Language = Language.SWEDISH) -> str:
        case = self.case_number or f"#{self.id}"
        text = self.description.strip().rstrip(".")
        if len(text) > 60:
            text = text[:59].rstrip() + "…"
        decision = language.pick("Delegationsbeslut", "Delegated decision")
        return f"{decision} {case} ({self.decided_on.isoformat()}), {text}"
