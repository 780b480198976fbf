"""The one catalogue of data labels: what users read for each value of the enums they see
(unit kinds, roles, states, reasons, delegate kinds …), in Swedish and in English.

Every labelled value answers `value.label(language)` (the enums are `LabelledEnum`s, which
look the name up here with `label(value, language)`): a screen asks in the language the user
chose, letters and registers (Swedish documents) in `DOCUMENT_LANGUAGE`, and a rule, which
writes its message in both languages at once, reads `value.label_sv` and `value.label_en`.
Qt's own UI text (menus, buttons, headings) is not here: it goes through `self.tr()` and the
`.ts` catalogue.

Each table is (Swedish, English) per member; tests/domain/test_labels.py fails for a member
without both, so a new kind or state cannot reach a screen unnamed.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import cache
from typing import Any

from nacka_desktop.domain.delegation.compare import Change
from nacka_desktop.domain.delegation.council_matters import CouncilMatterKind, ReportRoute
from nacka_desktop.domain.delegation.orders import (
    DecisionKind,
    DelegateKind,
    LegalBasis,
    OrderStatus,
)
from nacka_desktop.domain.delegation.rights import Via
from nacka_desktop.domain.enums import ProcessKind, Role, Severity, UnitKind, WelfareBranch
from nacka_desktop.domain.language import LabelledEnum, Language
from nacka_desktop.domain.records import AppointmentRecord, OrgSnapshot, PersonRecord
from nacka_desktop.domain.responsibility import is_leading
from nacka_desktop.domain.rules import ObjectKind
from nacka_desktop.domain.signatures import DocumentKind, SignatureParty, SignatureRoute
from nacka_desktop.domain.work_environment import DistributionState, ReturnReason

Bilingual = tuple[str, str]  # (Swedish, English)

# Letters and registers are the municipality's records, in Swedish whatever language the
# window speaks: they read the catalogue in this language.
DOCUMENT_LANGUAGE = Language.SWEDISH

UNIT_KINDS: Mapping[UnitKind, Bilingual] = {
    UnitKind.MUNICIPAL_COUNCIL: ("Kommunfullmäktige", "Municipal council"),
    UnitKind.EXECUTIVE_BOARD: ("Kommunstyrelse", "Executive board"),
    UnitKind.COMMITTEE: ("Utskott", "Committee"),
    UnitKind.BOARD: ("Nämnd", "Board"),
    UnitKind.CITY_MANAGEMENT_OFFICE: ("Stadsledningskontor", "City management office"),
    UnitKind.DIRECTOR_AREA: ("Direktörsområde", "Director's area"),
    UnitKind.PRODUCTION_AREA: ("Produktionsområde", "Production area"),
    UnitKind.SUPPORT_UNIT: ("Stödenhet", "Support unit"),
    UnitKind.AUTHORITY_UNIT: ("Myndighets- och huvudmannaenhet", "Authority and provider unit"),
    UnitKind.OPERATING_AREA: ("Verksamhetsområde", "Operating area"),
    UnitKind.UNIT: ("Enhet", "Unit"),
    UnitKind.GROUP: ("Grupp", "Group"),
}

WELFARE_BRANCHES: Mapping[WelfareBranch, Bilingual] = {
    WelfareBranch.SCHOOL: ("Välfärd skola", "Welfare school"),
    WelfareBranch.COMMUNITY_SERVICE: ("Välfärd samhällsservice", "Welfare community service"),
}

ROLES: Mapping[Role, Bilingual] = {
    Role.CHAIR: ("Ordförande", "Chair"),
    Role.VICE_CHAIR: ("Vice ordförande", "Vice chair"),
    Role.MEMBER: ("Ledamot", "Member"),
    Role.SUBSTITUTE: ("Ersättare", "Substitute"),
    Role.CITY_DIRECTOR: ("Stadsdirektör", "City director"),
    Role.DIRECTOR: ("Direktör (processägare)", "Director (process owner)"),
    Role.PRODUCTION_DIRECTOR: ("Produktionsdirektör", "Production director"),
    Role.UNIT_MANAGER: ("Enhetschef", "Unit manager"),
    Role.DEPUTY_UNIT_MANAGER: ("Biträdande enhetschef", "Deputy unit manager"),
    Role.GROUP_MANAGER: ("Gruppchef", "Group manager"),
    Role.PRINCIPAL: ("Rektor", "Principal"),
    Role.DEPUTY_PRINCIPAL: ("Biträdande rektor", "Deputy principal"),
    Role.PRESCHOOL_HEAD: ("Förskolechef", "Preschool head"),
    Role.OPERATIONS_MANAGER: ("Verksamhetschef", "Operations manager"),
    Role.EMPLOYEE: ("Medarbetare", "Employee"),
}

PROCESS_KINDS: Mapping[ProcessKind, Bilingual] = {
    ProcessKind.GOVERNING: ("Styrprocess", "Governing process"),
    ProcessKind.MAIN: ("Huvudprocess", "Main process"),
    ProcessKind.SUPPORT: ("Stödprocess", "Support process"),
}

SEVERITIES: Mapping[Severity, Bilingual] = {
    Severity.ERROR: ("Fel", "Error"),
    Severity.WARNING: ("Varning", "Warning"),
    Severity.INFO: ("Information", "Information"),
}

DISTRIBUTION_STATES: Mapping[DistributionState, Bilingual] = {
    DistributionState.DRAFT: ("Utkast", "Draft"),
    DistributionState.SIGNED: ("Undertecknad, ej i kraft", "Signed, not yet in force"),
    DistributionState.IN_FORCE: ("Gäller", "In force"),
    DistributionState.RETURNED: ("Återförd", "Returned"),
    DistributionState.LAPSED: (
        "Upphört (förordnande eller enhet avslutad)",
        "Lapsed (appointment or unit ended)",
    ),
    DistributionState.ENDED: ("Avslutad", "Ended"),
}

# Lower case: they are listed in a sentence ("saknar kompetens, tid").
RETURN_REASONS: Mapping[ReturnReason, Bilingual] = {
    ReturnReason.KNOWLEDGE: ("kunskap", "knowledge"),
    ReturnReason.COMPETENCE: ("kompetens", "competence"),
    ReturnReason.AUTHORITY: ("befogenheter", "authority"),
    ReturnReason.RESOURCES: ("resurser", "resources"),
    ReturnReason.TIME: ("tid", "time"),
    ReturnReason.OTHER: ("annat", "other"),
}

DECISION_KINDS: Mapping[DecisionKind, Bilingual] = {
    DecisionKind.HIRE: ("Anställning", "Hiring"),
    DecisionKind.SET_SALARY: ("Lönesättning", "Setting salary"),
    DecisionKind.WARNING: ("Varning", "Warning"),
    DecisionKind.DISMISSAL: ("Uppsägning", "Dismissal"),
    DecisionKind.SUMMARY_DISMISSAL: ("Avsked", "Summary dismissal"),
    DecisionKind.DISCIPLINARY: ("Disciplinåtgärd", "Disciplinary measure"),
    DecisionKind.REFILL: ("Återbesättning av tjänst", "Refilling a position"),
    DecisionKind.EMPLOYMENT_RATE: ("Ändrad sysselsättningsgrad", "Changing an employment rate"),
    DecisionKind.GOALS: (
        "Mål, inriktning, omfattning eller kvalitet",
        "Goals, direction, scope or quality",
    ),
    DecisionKind.STATEMENT_TO_COUNCIL: (
        "Framställning eller yttrande till fullmäktige",
        "Proposal or statement to the council",
    ),
    DecisionKind.APPEAL_STATEMENT: (
        "Yttrande över överklagat beslut",
        "Statement on an appealed decision",
    ),
    DecisionKind.PRINCIPLED_AUTHORITY: (
        "Myndighetsutövning av principiell beskaffenhet",
        "Exercise of authority of a principled nature",
    ),
    DecisionKind.CITIZEN_PROPOSAL: ("Medborgarförslag", "Citizens' proposal"),
    DecisionKind.URGENT: ("Brådskande ärende", "Urgent matter"),
    DecisionKind.OTHER: ("Övrigt", "Other"),
}

DELEGATE_KINDS: Mapping[DelegateKind, Bilingual] = {
    DelegateKind.COMMITTEE: ("Utskott", "Committee"),
    DelegateKind.CHAIR: ("Ordförande", "Chair"),
    DelegateKind.VICE_CHAIR: ("Vice ordförande", "Vice chair"),
    DelegateKind.MEMBER: ("Ledamot", "Member"),
    DelegateKind.POSITION: ("Befattning", "Position"),
}

LEGAL_BASES: Mapping[LegalBasis, Bilingual] = {
    LegalBasis.BOARD_BY_LAW: ("Lag som anger kommunal nämnd", "A law naming a municipal board"),
    LegalBasis.MUNICIPALITY_BY_LAW: (
        "Lag som anger kommunen, nämnd utsedd av KF",
        "A law naming the municipality, board chosen by the council",
    ),
    LegalBasis.GENERAL_COMPETENCE: (
        "Allmän kompetens, delegerad av KF",
        "General competence, delegated by the council",
    ),
    LegalBasis.ROLE_BY_LAW: (
        "Rätt direkt enligt lag (ingen delegering)",
        "A right given directly by law (no delegation)",
    ),
}

ORDER_STATUSES: Mapping[OrderStatus, Bilingual] = {
    OrderStatus.DRAFT: ("Utkast", "Draft"),
    OrderStatus.ADOPTED: ("Antagen", "Adopted"),
    OrderStatus.SUPERSEDED: ("Ersatt", "Superseded"),
}

# How a person holds a right to decide; lower case, it follows a name ("Anna: som chef").
VIAS: Mapping[Via, Bilingual] = {
    Via.DELEGATE: ("delegat", "delegate"),
    Via.SUBSTITUTE: ("ersättare", "substitute"),
    Via.CHIEF: ("som chef", "as chief"),
    Via.LAW: ("direkt enligt lag", "directly by law"),
    Via.SUBDELEGATION: ("vidaredelegation", "subdelegation"),
}

CHANGES: Mapping[Change, Bilingual] = {
    Change.ADDED: ("Tillagd", "Added"),
    Change.REMOVED: ("Borttagen", "Removed"),
    Change.CHANGED: ("Ändrad", "Changed"),
    Change.MOVED: ("Flyttad", "Moved"),
}

COUNCIL_MATTER_KINDS: Mapping[CouncilMatterKind, Bilingual] = {
    CouncilMatterKind.REFERRAL: ("Hänskjutet till KF", "Referred to the council"),
    CouncilMatterKind.RECALL: ("Återtaget av KF", "Taken back by the council"),
}

REPORT_ROUTES: Mapping[ReportRoute, Bilingual] = {
    ReportRoute.REPORT_TO_BOARD: ("Anmäls till nämnden", "Reported to the board"),
    ReportRoute.SEPARATE_RECORD: ("Protokollförs särskilt", "Recorded separately"),
    ReportRoute.NONE: ("Anmäls inte", "Not reported"),
}

# Lower case: the object of an audit entry's action ("Ändra enhet", "Change unit").
OBJECT_KINDS: Mapping[ObjectKind, Bilingual] = {
    ObjectKind.UNIT: ("enhet", "unit"),
    ObjectKind.PERSON: ("person", "person"),
    ObjectKind.APPOINTMENT: ("förordnande", "appointment"),
    ObjectKind.PROCESS: ("process", "process"),
    ObjectKind.WORK_TASK: ("arbetsmiljöuppgift", "work-environment task"),
    ObjectKind.DISTRIBUTION: ("fördelning", "distribution"),
    ObjectKind.TASK_RETURN: ("återföring", "task return"),
    ObjectKind.DELEGATION_ORDER: ("delegationsordning", "delegation order"),
    ObjectKind.DELEGATION_ITEM: ("delegationspunkt", "delegation item"),
    ObjectKind.SUBDELEGATION: ("vidaredelegation", "subdelegation"),
    ObjectKind.DELEGATED_DECISION: ("delegationsbeslut", "delegated decision"),
    ObjectKind.COUNCIL_MATTER: ("ärende", "council matter"),
    ObjectKind.AUDIT_ENTRY: ("post i granskningsloggen", "audit log entry"),
}

# Every enum users see, with its table (the test goes through each member of each).
# How a letter was signed and by whom (issue 13): "Undertecknad på papper", "Givare".
SIGNATURE_ROUTES: Mapping[SignatureRoute, Bilingual] = {
    SignatureRoute.PAPER: ("på papper", "on paper"),
    SignatureRoute.DIGITAL: ("digitalt", "digitally"),
    SignatureRoute.PORTAL: ("i signeringsportalen", "in the signing portal"),
}
SIGNATURE_PARTIES: Mapping[SignatureParty, Bilingual] = {
    SignatureParty.GIVER: ("Givare", "Giver"),
    SignatureParty.EMPLOYER: ("Arbetsgivaren (KS ordförande)", "The employer (KS chair)"),
    SignatureParty.RECEIVER: ("Mottagare", "Receiver"),
    SignatureParty.DECISION_MAKER: ("Delegat", "Delegate"),
}
DOCUMENT_KINDS: Mapping[DocumentKind, Bilingual] = {
    DocumentKind.DISTRIBUTION_LETTER: ("Fördelningsbrev", "Distribution letter"),
    DocumentKind.RETURN_LETTER: ("Återföringsbrev", "Return letter"),
    DocumentKind.DELEGATE_LETTER: ("Delegeringsbrev", "Delegation letter"),
}

TABLES: Mapping[type[LabelledEnum], Mapping[Any, Bilingual]] = {
    SignatureRoute: SIGNATURE_ROUTES,
    SignatureParty: SIGNATURE_PARTIES,
    DocumentKind: DOCUMENT_KINDS,
    UnitKind: UNIT_KINDS,
    WelfareBranch: WELFARE_BRANCHES,
    Role: ROLES,
    ProcessKind: PROCESS_KINDS,
    Severity: SEVERITIES,
    DistributionState: DISTRIBUTION_STATES,
    ReturnReason: RETURN_REASONS,
    DecisionKind: DECISION_KINDS,
    DelegateKind: DELEGATE_KINDS,
    LegalBasis: LEGAL_BASES,
    OrderStatus: ORDER_STATUSES,
    Via: VIAS,
    Change: CHANGES,
    CouncilMatterKind: COUNCIL_MATTER_KINDS,
    ReportRoute: REPORT_ROUTES,
    ObjectKind: OBJECT_KINDS,
}


def label(value: LabelledEnum, language: Language) -> str:
    swedish, english = TABLES[type(value)][value]
    return language.pick(swedish, english)


@cache  # a handful of values, asked for once per person in a picker
def role_title(role: Role, acting: bool, language: Language) -> str:
    """The role as it follows a name: "t.f. enhetschef", "acting unit manager"."""
    name = label(role, language).lower()
    return language.pick(f"t.f. {name}", f"acting {name}") if acting else name


_ROLES_BY_SWEDISH_NAME = {swedish.casefold(): role for role, (swedish, _english) in ROLES.items()}


def title_label(title: str, language: Language) -> str:
    """A person's title as typed, except that a title which is a role's Swedish name
    ("Enhetschef") is that role, named in the language asked for ("Unit manager"): most
    titles are, and the English window would otherwise show them in Swedish."""
    role = _ROLES_BY_SWEDISH_NAME.get(" ".join(title.split()).casefold())
    if role is None or language is Language.SWEDISH:
        return title  # as typed
    return label(role, language)


# Who gives a distribution straight from the employer, where an appointment would be named.
EMPLOYER: Bilingual = ("Kommunstyrelsen (arbetsgivaren)", "The executive board (KS, the employer)")


def appointment_label(
    org: OrgSnapshot, appointment: AppointmentRecord | None, language: Language
) -> str:
    """ "Anna Berg, t.f. enhetschef, Förskolan Björken"; no appointment: the employer."""
    if appointment is None:
        return language.pick(*EMPLOYER)
    unit = org.units.get(appointment.unit_id)
    return (
        f"{org.person_label(appointment.person_id)}, "
        f"{role_title(appointment.role, appointment.acting, language)}, "
        f"{unit.name if unit else '?'}"
    )


def person_picker_label(
    snapshot: OrgSnapshot, person: PersonRecord, on: date, language: Language
) -> str:
    """ "Berg, Anna (1234) – t.f. enhetschef, Förskolan Björken (+1)": a person in a picker,
    by name and what they are on the day (a leading role first, and how many more), so that
    the right one of two namesakes is picked; without an appointment that day, the title."""
    label = f"{person.last_name}, {person.first_name}"
    if person.employee_number:
        label += f" ({person.employee_number})"
    current = [a for a in snapshot.appointments_of(person.id) if a.is_valid_on(on)]
    if len(current) > 1:  # most have one: 43,000 persons are named in ~0.2 s
        current.sort(
            key=lambda a: (a.unit_id not in snapshot.units or not is_leading(snapshot, a), a.id)
        )
    if not current or current[0].unit_id not in snapshot.units:
        title = title_label(person.title, language)
        return f"{label} – {title}" if title else label
    first = current[0]
    role = role_title(first.role, first.acting, language)
    label += f" – {role}, {snapshot.units[first.unit_id].name}"
    if len(current) > 1:
        label += f" (+{len(current) - 1})"
    return label


# --- labels of strings that are not enums --------------------------------------------------------

# The fields of a delegation item a comparison names ("ändrad: delegat, begränsningar").
DELEGATION_ITEM_FIELDS: Mapping[str, Bilingual] = {
    "section": ("avsnitt", "section"),
    "number": ("nr", "number"),
    "matter": ("ärende", "matter"),
    "decision_kind": ("beslutstyp", "decision kind"),
    "delegate": ("delegat", "delegate"),
    "substitute": ("ersättare", "substitute"),
    "lagrum": ("lagrum", "legal reference"),
    "legal_basis": ("rättslig grund", "legal basis"),
    "limits": ("begränsningar", "restrictions"),
    "subdelegation_allowed": ("vidaredelegation", "subdelegation"),
    "report_to_board": ("anmälan", "reporting"),
    "notes": ("anmärkning", "notes"),
    "kind_reason": ("skäl för beslutstyp", "reason for the decision kind"),
}


def item_field_label(field: str, language: Language) -> str:
    swedish, english = DELEGATION_ITEM_FIELDS.get(field, (field, field.replace("_", " ")))
    return language.pick(swedish, english)


# What an audit entry's action did ("unit.update" → "Ändra enhet", "Change unit"). The verb is
# the part after the dot; the object is an ObjectKind, or one of these that is not one.
AUDIT_VERBS: Mapping[str, Bilingual] = {
    "create": ("Skapa", "Create"),
    "update": ("Ändra", "Change"),
    "delete": ("Ta bort", "Delete"),
    "close": ("Avveckla", "Close"),
    "reopen": ("Återöppna", "Reopen"),
    "end": ("Avsluta", "End"),
    "sign": ("Underteckna", "Sign"),
    "adopt": ("Anta", "Adopt"),
}
AUDIT_OBJECTS: Mapping[str, Bilingual] = {
    **{kind.value: texts for kind, texts in OBJECT_KINDS.items()},
    "titled_position": ("befattning", "titled position"),
}


def audit_action_label(action: str, language: Language) -> str:
    """An action in words; one the catalogue does not know is shown as it is stored."""
    kind, _, verb = action.partition(".")
    if verb not in AUDIT_VERBS or kind not in AUDIT_OBJECTS:
        return action
    return f"{language.pick(*AUDIT_VERBS[verb])} {language.pick(*AUDIT_OBJECTS[kind])}"
