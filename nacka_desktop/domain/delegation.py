"""Delegation orders (delegationsordningar): the matters a board lets others decide, DOMAIN.md §2
and §4. Pure values and the words a matter is recognised by; the checks are in
`delegation_checks`, and who may decide in `delegation_rights`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from .enums import Role
from .records import OrgSnapshot


class DecisionKind(StrEnum):
    HIRE = "hire"
    SET_SALARY = "set_salary"
    WARNING = "warning"
    DISMISSAL = "dismissal"
    SUMMARY_DISMISSAL = "summary_dismissal"
    DISCIPLINARY = "disciplinary"
    REFILL = "refill"
    EMPLOYMENT_RATE = "employment_rate"
    GOALS = "goals"
    STATEMENT_TO_COUNCIL = "statement_to_council"
    APPEAL_STATEMENT = "appeal_statement"
    PRINCIPLED_AUTHORITY = "principled_authority"
    CITIZEN_PROPOSAL = "citizen_proposal"
    URGENT = "urgent"
    OTHER = "other"

    @property
    def label_sv(self) -> str:
        return _KIND_SV[self]

    @property
    def label_en(self) -> str:
        return _KIND_EN[self]


_KIND_SV = {
    DecisionKind.HIRE: "Anställning",
    DecisionKind.SET_SALARY: "Lönesättning",
    DecisionKind.WARNING: "Varning",
    DecisionKind.DISMISSAL: "Uppsägning",
    DecisionKind.SUMMARY_DISMISSAL: "Avsked",
    DecisionKind.DISCIPLINARY: "Disciplinåtgärd",
    DecisionKind.REFILL: "Återbesättning av tjänst",
    DecisionKind.EMPLOYMENT_RATE: "Ändrad sysselsättningsgrad",
    DecisionKind.GOALS: "Mål, inriktning, omfattning eller kvalitet",
    DecisionKind.STATEMENT_TO_COUNCIL: "Framställning eller yttrande till fullmäktige",
    DecisionKind.APPEAL_STATEMENT: "Yttrande över överklagat beslut",
    DecisionKind.PRINCIPLED_AUTHORITY: "Myndighetsutövning av principiell beskaffenhet",
    DecisionKind.CITIZEN_PROPOSAL: "Medborgarförslag",
    DecisionKind.URGENT: "Brådskande ärende",
    DecisionKind.OTHER: "Övrigt",
}
_KIND_EN = {
    DecisionKind.HIRE: "Hiring",
    DecisionKind.SET_SALARY: "Setting salary",
    DecisionKind.WARNING: "Warning",
    DecisionKind.DISMISSAL: "Dismissal",
    DecisionKind.SUMMARY_DISMISSAL: "Summary dismissal",
    DecisionKind.DISCIPLINARY: "Disciplinary measure",
    DecisionKind.REFILL: "Refilling a position",
    DecisionKind.EMPLOYMENT_RATE: "Changing an employment rate",
    DecisionKind.GOALS: "Goals, direction, scope or quality",
    DecisionKind.STATEMENT_TO_COUNCIL: "Proposal or statement to the council",
    DecisionKind.APPEAL_STATEMENT: "Statement on an appealed decision",
    DecisionKind.PRINCIPLED_AUTHORITY: "Exercise of authority of a principled nature",
    DecisionKind.CITIZEN_PROPOSAL: "Citizens' proposal",
    DecisionKind.URGENT: "Urgent matter",
    DecisionKind.OTHER: "Other",
}

HR_KINDS = frozenset(
    {
        DecisionKind.HIRE,
        DecisionKind.SET_SALARY,
        DecisionKind.WARNING,
        DecisionKind.DISMISSAL,
        DecisionKind.SUMMARY_DISMISSAL,
        DecisionKind.DISCIPLINARY,
        DecisionKind.REFILL,
        DecisionKind.EMPLOYMENT_RATE,
    }
)
# DEL-7 (KL 6 kap 38 §): never delegable.
NON_DELEGABLE_KINDS = frozenset(
    {
        DecisionKind.GOALS,
        DecisionKind.STATEMENT_TO_COUNCIL,
        DecisionKind.APPEAL_STATEMENT,
        DecisionKind.PRINCIPLED_AUTHORITY,
        DecisionKind.CITIZEN_PROPOSAL,
    }
)
# HR-4: rights an enhetschef can never hand to a biträdande enhetschef or a gruppchef.
PERSONNEL_POWERS = frozenset(
    {
        DecisionKind.HIRE,
        DecisionKind.SET_SALARY,
        DecisionKind.WARNING,
        DecisionKind.DISMISSAL,
        DecisionKind.SUMMARY_DISMISSAL,
    }
)
HR4_EXCLUDED_ROLES = frozenset({Role.DEPUTY_UNIT_MANAGER, Role.GROUP_MANAGER})
# HR-1: who decides on hiring, warning, dismissal and avsked in the unit.
HR1_DECIDERS = frozenset(
    {Role.UNIT_MANAGER, Role.PRINCIPAL, Role.OPERATIONS_MANAGER, Role.PRESCHOOL_HEAD}
)
HR1_KINDS = frozenset(
    {
        DecisionKind.HIRE,
        DecisionKind.WARNING,
        DecisionKind.DISMISSAL,
        DecisionKind.SUMMARY_DISMISSAL,
    }
)
# HR-5: in Välfärd samhällsservice only the verksamhetschef decides these.
# DOMAIN.md keeps "warning" (HR-1, the enhetschef's) apart from "disciplinary measure" (HR-5).
COMMUNITY_SERVICE_RESERVED = frozenset(
    {DecisionKind.DISCIPLINARY, DecisionKind.REFILL, DecisionKind.EMPLOYMENT_RATE}
)
# Below the verksamhetschef in Välfärd samhällsservice (HR-5).
BELOW_OPERATIONS_MANAGER = frozenset(
    {Role.UNIT_MANAGER, Role.DEPUTY_UNIT_MANAGER, Role.GROUP_MANAGER, Role.EMPLOYEE}
)
NEED_TEST_KINDS = frozenset({DecisionKind.HIRE})  # HR-2
CONSULTATION_KINDS = frozenset(
    {DecisionKind.WARNING, DecisionKind.DISMISSAL, DecisionKind.SUMMARY_DISMISSAL}
)  # HR-3

# The words a matter is recognised by, most specific first (the user can correct it).
_KIND_WORDS: list[tuple[DecisionKind, str]] = [
    (DecisionKind.URGENT, r"brådskande"),
    (DecisionKind.CITIZEN_PROPOSAL, r"medborgarförslag"),
    (DecisionKind.APPEAL_STATEMENT, r"överklag"),
    (
        DecisionKind.STATEMENT_TO_COUNCIL,
        r"(yttrande|framställning|förslag) till (kommun)?fullmäktige",
    ),
    (DecisionKind.PRINCIPLED_AUTHORITY, r"principiell|större vikt"),
    # "mål" alone is also a court case ("talan i mål och ärenden"): ask for goal wording.
    (
        DecisionKind.GOALS,
        r"\bmål och inriktning|\bmålsättning|verksamhetens (mål|inriktning|omfattning|kvalitet)"
        r"|\b(fastställ\w*|besluta om) (mål|inriktning)\b",
    ),
    (DecisionKind.SUMMARY_DISMISSAL, r"avsked"),
    # not "uppsägning av hyresavtal": a dismissal concerns an employee
    (DecisionKind.DISMISSAL, r"(uppsägning|säga upp)(?!.*\b(avtal|hyres|kontrakt|abonnemang))"),
    (DecisionKind.WARNING, r"varning"),
    (DecisionKind.DISCIPLINARY, r"disciplin"),
    (DecisionKind.EMPLOYMENT_RATE, r"sysselsättningsgrad"),
    (DecisionKind.REFILL, r"återbesätt|vakant tjänst|ersättningsrekrytering"),
    (DecisionKind.SET_SALARY, r"(?<!utan )\blön(?!lös)"),
    (DecisionKind.HIRE, r"anställ|rekryter"),
]


def infer_decision_kind(matter: str) -> DecisionKind:
    """The kind of decision a matter's words suggest; OTHER when nothing matches."""
    text = matter.casefold()
    for kind, pattern in _KIND_WORDS:
        if re.search(pattern, text):
            return kind
    return DecisionKind.OTHER


class DelegateKind(StrEnum):
    COMMITTEE = "committee"  # an utskott of the board
    CHAIR = "chair"  # the board's ordförande
    MEMBER = "member"  # a ledamot (urgent matters, DEL-9)
    POSITION = "position"  # an employee's position: a role or a titled position

    @property
    def label_sv(self) -> str:
        return {
            "committee": "Utskott",
            "chair": "Ordförande",
            "member": "Ledamot",
            "position": "Befattning",
        }[self.value]


class LegalBasis(StrEnum):
    BOARD_BY_LAW = "board_by_law"  # a law names a kommunal nämnd (DEL-3)
    MUNICIPALITY_BY_LAW = "municipality_by_law"  # a law names kommunen; KF chose the board
    GENERAL_COMPETENCE = "general_competence"  # KL 2 kap 1 §, delegated by KF (DEL-4)
    ROLE_BY_LAW = "role_by_law"  # a law gives the right to a role directly (DEL-5)

    @property
    def label_sv(self) -> str:
        return {
            "board_by_law": "Lag som anger kommunal nämnd",
            "municipality_by_law": "Lag som anger kommunen, nämnd utsedd av KF",
            "general_competence": "Allmän kompetens, delegerad av KF",
            "role_by_law": "Rätt direkt enligt lag (ingen delegering)",
        }[self.value]

    @property
    def label_en(self) -> str:
        return {
            "board_by_law": "A law naming a municipal board",
            "municipality_by_law": "A law naming the municipality, board chosen by the council",
            "general_competence": "General competence, delegated by the council",
            "role_by_law": "A right given directly by law (no delegation)",
        }[self.value]

    @property
    def council_may_take_back(self) -> bool:
        """DEL-3/DEL-4: KF may take back, and the board refer to KF, only what KF gave."""
        return self in (LegalBasis.GENERAL_COMPETENCE, LegalBasis.MUNICIPALITY_BY_LAW)


class OrderStatus(StrEnum):
    DRAFT = "draft"
    ADOPTED = "adopted"
    SUPERSEDED = "superseded"

    @property
    def label_sv(self) -> str:
        return {"draft": "Utkast", "adopted": "Antagen", "superseded": "Ersatt"}[self.value]


@dataclass(frozen=True, slots=True)
class Delegate:
    """Who an item is delegated to: never a named person (DOMAIN.md §4)."""

    kind: DelegateKind
    role: Role | None = None
    title: str = ""  # a titled position, e.g. "Kommunjurist"
    unit_id: int | None = None  # the utskott, or the part of the organisation it is limited to

    def label(self, org: OrgSnapshot) -> str:
        if self.kind is DelegateKind.COMMITTEE:
            unit = org.units.get(self.unit_id or 0)
            return unit.name if unit else "utskott"
        if self.kind in (DelegateKind.CHAIR, DelegateKind.MEMBER):
            return self.kind.label_sv.lower()
        name = self.title or (self.role.label_sv.lower() if self.role else "?")
        unit = org.units.get(self.unit_id or 0)
        return f"{name} inom {unit.name}" if unit else name


@dataclass(frozen=True, slots=True)
class DelegationItem:
    id: int
    section: str
    number: str
    matter: str
    decision_kind: DecisionKind
    delegate: Delegate
    substitute: Delegate | None = None
    lagrum: str = ""
    legal_basis: LegalBasis = LegalBasis.GENERAL_COMPETENCE
    limits: str = ""
    subdelegation_allowed: bool = False
    report_to_board: bool = True
    notes: str = ""


@dataclass(frozen=True, slots=True)
class DelegationOrder:
    id: int
    board_unit_id: int
    status: OrderStatus
    items: tuple[DelegationItem, ...]
    adopted_on: date | None = None
    paragraph: str = ""

    def in_force_on(self, on: date) -> bool:
        return self.status is not OrderStatus.DRAFT and (
            self.adopted_on is not None and self.adopted_on <= on
        )


@dataclass(frozen=True, slots=True)
class Subdelegation:
    """A delegate passing an item on to another employee's position (vidaredelegation,
    DEL-10): only where the item allows it, and decisions under it are reported to them."""

    id: int
    item_id: int
    by_appointment_id: int  # the delegate (e.g. the förvaltningschef) who passed it on
    to: Delegate
    valid_from: date
    valid_to: date | None = None
    notes: str = ""

    def is_valid_on(self, on: date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on < self.valid_to)
