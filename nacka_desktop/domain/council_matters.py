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
from enum import StrEnum

from .delegation import DelegationItem, DelegationOrder, LegalBasis


class CouncilMatterKind(StrEnum):
    REFERRAL = "referral"  # the board refers the matter to KF
    RECALL = "recall"  # KF takes the matter back from the board

    @property
    def label_sv(self) -> str:
        return {"referral": "Hänskjutet till KF", "recall": "Återtaget av KF"}[self.value]

    @property
    def label_en(self) -> str:
        return {"referral": "Referred to the council", "recall": "Taken back by the council"}[
            self.value
        ]


@dataclass(frozen=True)
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

    def label(self, board_name: str) -> str:
        number = f" {self.case_number}" if self.case_number else ""
        return f"{board_name}: {self.kind.label_sv.lower()}{number} – {self.matter}"

    def takes_back(self, item: DelegationItem, on: date) -> bool:
        """Does this recall, in force on the date, take back the item? An item of a later
        version names the same matter with the same words."""
        if self.kind is not CouncilMatterKind.RECALL or self.decided_on > on:
            return False
        return item.id == self.item_id or _same_words(item.matter, self.matter)


def _same_words(first: str, second: str) -> bool:
    return " ".join(first.casefold().split()) == " ".join(second.casefold().split())


def recall_of(
    item: DelegationItem, matters: Iterable[CouncilMatter], on: date
) -> CouncilMatter | None:
    """KF's decision taking the item back, if one is in force on the date."""
    return next((m for m in matters if m.takes_back(item, on)), None)


def without_recalled(
    orders: Iterable[DelegationOrder],
    matters: Sequence[CouncilMatter],
    on: date,
) -> list[DelegationOrder]:
    """The orders without the items KF has taken back by the date: nobody decides those on
    the board's behalf any more (DEL-4)."""
    recalls = [m for m in matters if m.kind is CouncilMatterKind.RECALL and m.decided_on <= on]
    if not recalls:
        return list(orders)
    result = []
    for order in orders:
        mine = [m for m in recalls if m.board_unit_id == order.board_unit_id]
        kept = tuple(i for i in order.items if not any(m.takes_back(i, on) for m in mine))
        result.append(order if len(kept) == len(order.items) else replace(order, items=kept))
    return result


class ReportRoute(StrEnum):
    """How a decision taken on delegation reaches the record (DEL-11)."""

    REPORT_TO_BOARD = "report"  # anmäls till nämnden
    SEPARATE_RECORD = "separate"  # not reported but appealable: protokollförs särskilt
    NONE = "none"  # neither reported nor appealable

    @property
    def label_sv(self) -> str:
        return {
            "report": "Anmäls till nämnden",
            "separate": "Protokollförs särskilt",
            "none": "Anmäls inte",
        }[self.value]

    @property
    def label_en(self) -> str:
        return {
            "report": "Reported to the board",
            "separate": "Recorded separately",
            "none": "Not reported",
        }[self.value]


def report_route(item: DelegationItem, appealable: bool) -> ReportRoute:
    """KL 6 kap 40 § and 7 kap 8 §: reported as the board decided; an appealable decision that
    is not reported is recorded separately, so that the time to appeal can start to run."""
    if item.report_to_board:
        return ReportRoute.REPORT_TO_BOARD
    return ReportRoute.SEPARATE_RECORD if appealable else ReportRoute.NONE


@dataclass(frozen=True)
class DecisionRecord:
    """A decision taken on delegation, as the DEL-11 check needs it."""

    id: int
    item_id: int
    decided_on: date
    description: str
    case_number: str = ""
    appealable: bool = False
    reported_on: date | None = None
    recorded_separately_on: date | None = None

    def label(self) -> str:
        case = self.case_number or f"#{self.id}"
        text = self.description.strip().rstrip(".")
        if len(text) > 60:
            text = text[:59].rstrip() + "…"
        return f"Delegationsbeslut {case} ({self.decided_on.isoformat()}), {text}"
