"""Delegation orders (delegationsordningar): the matters a board lets others decide, DOMAIN.md §2
and §4. Pure values and the words a matter is recognised by; the checks are in
`delegation_checks`, and who may decide in `delegation_rights`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from nacka_desktop.domain.dates import is_valid_on
from nacka_desktop.domain.enums import Role
from nacka_desktop.domain.language import LabelledEnum, Language
from nacka_desktop.domain.records import OrgSnapshot


class DecisionKind(LabelledEnum):
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
# A skriftlig varning is the disciplinary measure of AB § 11, so it is reserved there too.
COMMUNITY_SERVICE_RESERVED = frozenset(
    {
        DecisionKind.WARNING,
        DecisionKind.DISCIPLINARY,
        DecisionKind.REFILL,
        DecisionKind.EMPLOYMENT_RATE,
    }
)
# Below the verksamhetschef in Välfärd samhällsservice (HR-5).
BELOW_OPERATIONS_MANAGER = frozenset(
    {Role.UNIT_MANAGER, Role.DEPUTY_UNIT_MANAGER, Role.GROUP_MANAGER, Role.EMPLOYEE}
)
NEED_TEST_KINDS = frozenset({DecisionKind.HIRE})  # HR-2
CONSULTATION_KINDS = frozenset(
    {DecisionKind.WARNING, DecisionKind.DISMISSAL, DecisionKind.SUMMARY_DISMISSAL}
)  # HR-3

# The words a matter is recognised by, most specific first (the user can correct it, DEL-14).
# Written against real delegationsordningar, and held to `tests/corpus/delegation_corpus.toml`,
# a corpus written from DOMAIN.md by someone who had not read this code.

# An urgent matter of the board (KL 6 kap 39 §), not urgent work ("brådskande underhåll").
_URGENT = re.compile(
    r"brådskande ärende|så brådskande att|ärenden som är brådskande"
    r"|brådskande beslut på \w+ vägnar|(inte|ej) tål uppskov"
    r"|(nämnd|styrelse|utskott)\w* (avgörande|beslut|sammanträde) (inte|ej) kan "
    r"(avvaktas|(av)?vänta)"
)
# What a negation excludes, to the end of its clause: "som inte är av principiell
# beskaffenhet", "dock ej …", "utan principiell betydelse", "saknar …".
_NEGATED = re.compile(r"\b(inte|ej|icke|utan|saknar)\b[^,.;:()]*")
# A statement or proposal to the council, in any word order ("Motioner väckta i
# kommunfullmäktige – yttrande"), but not a decision that carries out what KF decided.
_TO_COUNCIL = re.compile(r"\b(kommun)?fullmäktige")
# A motion is a KF member's proposal: a statement on it goes to the council.
_ON_MOTION = re.compile(
    r"(yttra\w*|svar\w*|besvara\w*) (\w+ )?(över |på |om )?motion|motion\w* .*yttrande"
)
_STATEMENT = re.compile(
    r"yttra|förslag|framställning|motion|synpunkt|\bsvar\b|remiss|överlämna|\binför\b"
)
_COUNCIL_DECIDED = re.compile(
    r"(kommun)?fullmäktige (har )?(fastställt|beslutat|antagit|fattat|godkänt)"
)
# A statement when a decision of the whole board (or KF) is appealed; not the procedural
# handling of an appeal (avvisning, rättidsprövning, omprövning, beslut att överklaga) nor a
# statement on an appealed delegation decision.
_APPEAL = re.compile(r"överklag|laglighetsprövning")
_APPEAL_STATEMENT = re.compile(r"yttra|svaromål|bemöta|\byttrande")
_DELEGATED_DECISION = re.compile(r"delegation|delegera|\bdelegat\b")
_KIND_WORDS: list[tuple[DecisionKind, re.Pattern[str]]] = [
    (
        DecisionKind.CITIZEN_PROPOSAL,
        re.compile(r"medborgarförslag|e-förslag|förslag från (kommun)?invånare|medborgarinitiativ"),
    ),
    (
        DecisionKind.PRINCIPLED_AUTHORITY,
        re.compile(r"principiell|(större|stor) vikt|prejudicer|vägledande för"),
    ),
    (
        DecisionKind.GOALS,
        re.compile(
            r"\bmål och inriktning|\bmålsättning|verksamhetens (mål|inriktning|omfattning|kvalitet)"
            r"|\b(fastställande|fastställa|besluta om|beslut om) (mål|inriktning)\b"
            r"|\binriktning (\w+ )?för\b"
            r"|(fastställande|fastställa|antagande|anta|beslut om|besluta om) (av )?(nämndens )?"
            r"(riktlinjer|internbudget"
            r"|verksamhetsplan|tillsynsplan|kvalitetskrav)"
            # setting goals or a vision (not an employee's individual goals)
            r"|\b(fastställ(a|ande)|besluta|beslut om)\b(?![^,.;]*individuell)[^,.;]{0,40}"
            r"\b(mål|vision|inriktning\w*)\b"
            # the scope of the activity: closing or outsourcing a whole part of it
            r"|(lägga ned|läggas ned|nedläggning|avveckl\w*)\b[^,.;]{0,30}"
            r"(skol|bibliotek|förskol|verksamhet|enhet|anläggning)"
            r"|ändrad driftsform|\ball \w+ på entreprenad"
        ),
    ),
    (
        DecisionKind.SUMMARY_DISMISSAL,
        re.compile(r"avsked|skilja \w+ från (sin )?anställning|häva anställning"),
    ),
    # not "uppsägning av hyresavtal": a dismissal ends an employment, not a contract
    (
        DecisionKind.DISMISSAL,
        re.compile(
            r"^(?!.*(avtal|hyres|kontrakt|abonnemang|arrende|lokal|bostad)).*"
            r"(uppsägning|säga upp|avsluta \w*anställning)"
        ),
    ),
    # a varning to an employee, not to a licence holder or a pupil
    (
        DecisionKind.WARNING,
        re.compile(
            r"^(?!.*(elev|innehavare|tillstånd|huvudman|näringsidkare|verksamhetsutövare)).*varning"
        ),
    ),
    (
        DecisionKind.DISCIPLINARY,
        re.compile(r"disciplin|avstäng\w* (av )?(arbetstagare|medarbetare|anställd)"),
    ),
    (
        DecisionKind.EMPLOYMENT_RATE,
        re.compile(
            r"sysselsättningsgrad|tjänstgöringsgrad|anställningsomfattning"
            r"|(minska|öka|utöka|ändra\w*) arbetstiden"
            r"|deltid till heltid|heltid till deltid"
        ),
    ),
    (
        DecisionKind.REFILL,
        re.compile(
            r"återbesätt|vakant tjänst|ersättningsrekrytering|tillsätt\w* (på nytt|igen)"
            r"|tjänst\w* (ska|skall) tillsättas"
        ),
    ),
    (
        DecisionKind.SET_SALARY,
        re.compile(
            r"lönesättning|\bsätta lön|individuell lön|\bny lön\b|lönerevision|ingångslön"
            r"|lönetillägg|löneförmån|\blön vid (ny)?anställning"
            r"|\blön (för|till) (medarbet|anställ)"
        ),
    ),
    (
        DecisionKind.HIRE,
        re.compile(
            r"^(?!.*(kontaktfamilj|familjehem|jourhem|anställningsstöd|förtroendevald)).*"
            r"(^anställning\b|anställning av|\banställa\b|nyanställ|rekryter|tillsvidareanställning"
            r"|visstidsanställning)"
        ),
    ),
]


@lru_cache(maxsize=65_536)
def infer_decision_kind(matter: str) -> DecisionKind:
    """The kind of decision a matter's words suggest; OTHER when nothing matches. Cached:
    every check asks it of every item (DEL-14), and orders repeat their matters."""
    text = " ".join(matter.casefold().split())
    if _URGENT.search(text):
        return DecisionKind.URGENT
    text = _NEGATED.sub(" ", text)
    if _APPEAL.search(text) and _APPEAL_STATEMENT.search(text):
        if not _DELEGATED_DECISION.search(text):
            return DecisionKind.APPEAL_STATEMENT
    elif _ON_MOTION.search(text) or (
        _TO_COUNCIL.search(text)
        and _STATEMENT.search(text)
        and not _COUNCIL_DECIDED.search(text)
        and not re.search(r"medborgarförslag|förslag från (kommun)?invånare", text)
    ):
        return DecisionKind.STATEMENT_TO_COUNCIL
    for kind, pattern in _KIND_WORDS:
        if pattern.search(text):
            return kind
    return DecisionKind.OTHER


class DelegateKind(LabelledEnum):
    COMMITTEE = "committee"  # an utskott of the board
    CHAIR = "chair"  # the board's ordförande
    VICE_CHAIR = "vice_chair"  # a vice ordförande: a ledamot the board named (DEL-9)
    MEMBER = "member"  # any ledamot of the board (never for urgent matters, DEL-9)
    POSITION = "position"  # an employee's position: a role or a titled position


# The board's own elected members as delegates: the ordförande, a vice ordförande, a ledamot.
ELECTED_DELEGATES = frozenset({DelegateKind.CHAIR, DelegateKind.VICE_CHAIR, DelegateKind.MEMBER})
# DEL-9: urgent matters go only to the ordförande or a ledamot the board named.
URGENT_DELEGATES = frozenset({DelegateKind.CHAIR, DelegateKind.VICE_CHAIR})


class LegalBasis(LabelledEnum):
    BOARD_BY_LAW = "board_by_law"  # a law names a kommunal nämnd (DEL-3)
    MUNICIPALITY_BY_LAW = "municipality_by_law"  # a law names kommunen; KF chose the board
    GENERAL_COMPETENCE = "general_competence"  # KL 2 kap 1 §, delegated by KF (DEL-4)
    ROLE_BY_LAW = "role_by_law"  # a law gives the right to a role directly (DEL-5)

    @property
    def council_may_take_back(self) -> bool:
        """DEL-3/DEL-4: KF may take back, and the board refer to KF, only what KF gave."""
        return self in (LegalBasis.GENERAL_COMPETENCE, LegalBasis.MUNICIPALITY_BY_LAW)


class OrderStatus(LabelledEnum):
    DRAFT = "draft"
    ADOPTED = "adopted"
    SUPERSEDED = "superseded"


@dataclass(frozen=True, slots=True)
class Delegate:
    """Who an item is delegated to: never a named person (DOMAIN.md §4)."""

    kind: DelegateKind
    role: Role | None = None
    title: str = ""  # a titled position, e.g. "Kommunjurist"
    unit_id: int | None = None  # the utskott, or the part of the organisation it is limited to

    def label(self, org: OrgSnapshot, language: Language = Language.SWEDISH) -> str:
        """ "enhetschef inom Välfärd skola", "unit manager within Välfärd skola"."""
        if self.kind is DelegateKind.COMMITTEE:
            unit = org.units.get(self.unit_id or 0)
            return unit.name if unit else self.kind.label(language).lower()
        if self.kind in ELECTED_DELEGATES:
            return self.kind.label(language).lower()
        name = self.title or (self.role.label(language).lower() if self.role else "?")
        unit = org.units.get(self.unit_id or 0)
        if unit is None:
            return name
        return language.pick(f"{name} inom {unit.name}", f"{name} within {unit.name}")


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
    # DEL-14: a kind set by hand against the matter's words: why, by whom, on which day.
    kind_reason: str = ""
    kind_set_by: str = ""
    kind_set_on: date | None = None

    @property
    def kind_set_by_hand(self) -> bool:
        return self.decision_kind is not infer_decision_kind(self.matter)


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
class BoardSetting:
    """What a board decided about its own order: the position that is its förvaltningschef
    (DEL-10: the only one who may pass a right on) and within how many days delegated
    decisions are reported to it (DEL-11: its rhythm, e.g. every meeting or monthly)."""

    board_unit_id: int
    head: Delegate | None = None
    report_within_days: int | None = None
    # DEL-2: the laws (short forms, see `laws.LAWS`) the board's reglemente gives it; empty
    # until the board's reglemente is entered, and then nothing is checked against it
    laws: frozenset[str] = frozenset()
    # the areas it answers for, as the words matters name them, folded ("gatubelysning")
    areas: frozenset[str] = frozenset()


def area_words(text: str) -> frozenset[str]:
    """The area words of a reglemente as entered ("Gator, gatubelysning; parker")."""
    return frozenset(w.strip().casefold() for w in re.split(r"[,;\n]", text) if w.strip())


def areas_named(matter: str, areas: frozenset[str]) -> set[str]:
    """The areas a matter's words name: an area word at the start of one of its words
    ("gatubelysning" in "… för gatubelysning", "skol" in "skolskjuts")."""
    words = re.findall(r"[\wåäö-]+", matter.casefold())
    return {area for area in areas if any(word.startswith(area) for word in words)}


# Until a board names its förvaltningschef: a position titled so, or KS's stadsdirektör.
DEFAULT_HEAD_TITLE = "Förvaltningschef"


def is_administrative_head(
    delegate: Delegate, setting: BoardSetting | None, executive_board: bool
) -> bool:
    """Is the delegate the board's förvaltningschef (DEL-10)?"""
    delegate = as_role(delegate)
    if delegate.kind is not DelegateKind.POSITION:
        return False
    if setting is not None and setting.head is not None:
        head = as_role(setting.head)
        return (delegate.role, delegate.title.strip().casefold()) == (
            head.role,
            head.title.strip().casefold(),
        ) and (head.unit_id is None or delegate.unit_id == head.unit_id)
    if delegate.role is None:
        return delegate.title.strip().casefold() == DEFAULT_HEAD_TITLE.casefold()
    return executive_board and delegate.role is Role.CITY_DIRECTOR


def head_label(
    setting: BoardSetting | None, executive_board: bool, language: Language = Language.SWEDISH
) -> str:
    """The board's förvaltningschef: the position it named (a title as typed), or the
    default the rules assume until it names one."""
    head = setting.head if setting is not None else None
    if head is not None:
        return head.title or (head.role.label(language).lower() if head.role else "?")
    if executive_board:
        return language.pick("stadsdirektören", "the city director")
    return language.pick(DEFAULT_HEAD_TITLE.lower(), "the administrative head")


# DEL-5: what skollagen gives the rektor directly (2 kap 10 §, 3 kap 9–12 §§, 5 kap 6–14 §§,
# 7 kap 18 §): no board delegates it, takes it back, or gives it to another role.
_RECTOR_BY_LAW = re.compile(
    r"skolenhetens inre organisation|åtgärdsprogram|särskild undervisningsgrupp"
    r"|enskild undervisning|anpassad studiegång|ledighet för elev|(skriftlig )?varning till elev"
    r"|avstäng\w* (av )?elev|utvisning ur undervisningslokal|kvarsittning"
    r"|tillfällig omplacering av elev|tillfällig placering av elev",
    re.IGNORECASE,
)


@lru_cache(maxsize=16_384)  # asked for every item on every check; the matters repeat
def is_rector_right_by_law(matter: str) -> bool:
    """Does the matter name a decision skollagen gives the rektor (DEL-5)?"""
    return _RECTOR_BY_LAW.search(" ".join(matter.split())) is not None


# DEL-7, "matters another law says may not be delegated": SoL 10 kap 4 § lets a nämnd give
# an application for care under LVU (LVU 4 §) and the other LVU decisions to an utskott of
# its own, never to an official. Each entry: the words, and the law saying so.
_KEPT_FROM_OFFICIALS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"ansök\w* (hos förvaltningsrätten )?om vård enligt lvu|lvu 4 §", re.IGNORECASE),
        "SoL 10 kap 4 §",
    ),
)


@lru_cache(maxsize=16_384)
def kept_from_officials(matter: str, lagrum: str = "") -> str | None:
    """The law that keeps the matter from officials (only the board or its utskott decide),
    if any (DEL-7)."""
    text = " ".join(f"{matter} {lagrum}".split())
    return next((law for pattern, law in _KEPT_FROM_OFFICIALS if pattern.search(text)), None)


def dropped_rights_by_law(
    old: tuple[DelegationItem, ...], new: tuple[DelegationItem, ...]
) -> list[DelegationItem]:
    """The rights the law gives a role (DEL-5) that the old version lists and the new one
    leaves out: a new version cannot take them away."""
    kept = {" ".join(i.matter.split()).casefold() for i in new}
    return [
        item
        for item in old
        if item.legal_basis is LegalBasis.ROLE_BY_LAW
        and " ".join(item.matter.split()).casefold() not in kept
    ]


# A matter that is itself the right to pass rights on ("Rätt att vidaredelegera …").
SUBDELEGATION_MATTER = re.compile(r"vidaredeleg", re.IGNORECASE)


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
        return is_valid_on(self.valid_from, self.valid_to, on)


@lru_cache(maxsize=1)
def roles_by_swedish_name() -> dict[str, Role]:
    """ "enhetschef" → Role.UNIT_MANAGER. Built on first use, not on import: the label
    catalogue (domain/labels.py) imports this module, so it cannot be read while this loads."""
    return {role.label_sv.casefold(): role for role in Role}


def as_role(delegate: Delegate) -> Delegate:
    """A titled position written as a role's name ("Gruppchef", "gruppchef ") is that role:
    the rules for the role hold whichever way the order writes it."""
    if delegate.kind is DelegateKind.POSITION and delegate.role is None:
        role = roles_by_swedish_name().get(" ".join(delegate.title.split()).casefold())
        if role is not None:
            return Delegate(DelegateKind.POSITION, role=role, unit_id=delegate.unit_id)
    return delegate


# One's own claims, pay, leave, side jobs: not "inom egen budget".
_OWN = re.compile(
    r"(?<!s )\b(egna|egen|eget)\s+(rese\w*|utlägg|kostnad\w*|lön\w*|ledighet|semester"
    r"|bisyssl\w*|anställning|representation\w*|förmån\w*|arvode\w*|tjänstledighet)"
)


@lru_cache(maxsize=16_384)
def concerns_the_delegate(matter: str, delegate: Delegate) -> bool:
    """Does the matter concern the delegate themself: their own position named ("Lönesättning
    av stadsdirektören" delegated to the stadsdirektör), or their own ("Attest av egna
    reseräkningar")? DEL-13: nobody decides their own matter."""
    if delegate.kind is not DelegateKind.POSITION:
        return False
    if _OWN.search(matter.casefold()):
        return True
    name = (delegate.role.label_sv if delegate.role else delegate.title).casefold().strip()
    if not name or " " in name:
        return False
    # "… av stadsdirektören", "stadsdirektörens lön"; not "omprövning av rektorns beslut"
    definite = rf"\b{re.escape(name)}(en|n\b|(en|n)s\b(?! beslut))"
    return re.search(definite, matter.casefold()) is not None
