"""The rule catalogue and the violation value every check returns.

IDs are the ones in DOMAIN.md; DATA-* are the app's own integrity rules (dates, required
fields, uniqueness, cycles), kept in the same catalogue so every front end shows them alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dataclass_field
from enum import StrEnum

from .enums import Severity


class ObjectKind(StrEnum):
    UNIT = "unit"
    PERSON = "person"
    APPOINTMENT = "appointment"
    PROCESS = "process"
    WORK_TASK = "work_task"
    DISTRIBUTION = "distribution"
    TASK_RETURN = "task_return"
    DELEGATION_ORDER = "delegation_order"
    DELEGATION_ITEM = "delegation_item"
    SUBDELEGATION = "subdelegation"
    DELEGATED_DECISION = "delegated_decision"
    COUNCIL_MATTER = "council_matter"


@dataclass(frozen=True)
class Rule:
    rule_id: str
    title_sv: str
    title_en: str
    source: str


RULES: dict[str, Rule] = {
    rule.rule_id: rule
    for rule in [
        Rule(
            "ORG-1",
            "KF tillsätter nämnderna och KS; KS har tre utskott",
            "KF appoints the boards and KS; KS has three committees",
            "Nacka kommuns politiska organisation; Kommunfullmäktige",
        ),
        Rule(
            "ORG-2",
            "Alla medarbetare är anställda av kommunstyrelsen",
            "Every employee is employed by the executive board",
            "Alla medarbetare i Nacka är anställda av kommunstyrelsen.",
        ),
        Rule(
            "ORG-3",
            "Stadsledningskontoret leds av stadsdirektören; direktörer är processägare "
            "eller produktionsdirektörer",
            "The city management office is led by the city director; directors are process "
            "owners or production directors",
            "Stadsledningskontoret",
        ),
        Rule(
            "ORG-4",
            "Stödenhet och myndighets- och huvudmannaenhet leds av en enhetschef med en direktör "
            "som chef",
            "Support and authority units are led by a unit manager reporting to a director",
            "En enhetschef har en direktör inom stadsledningskontoret som chef.",
        ),
        Rule(
            "ORG-5",
            "En enhet kan ha biträdande enhetschef och undantagsvis grupper med gruppchefer",
            "A unit may have a deputy manager and, exceptionally, groups with group managers",
            "En enhetschef kan ha biträdande enhetschef…",
        ),
        Rule(
            "ORG-6",
            "Välfärd skola: verksamhetsområden leds av rektor (eller förskolechef)",
            "Welfare school: operating areas are led by a principal (or preschool head)",
            "Den kommunala produktionen för välfärdstjänster, fotnot 3",
        ),
        Rule(
            "ORG-7",
            "Välfärd samhällsservice: verksamhetsområden leds av verksamhetschef och kan delas i "
            "enheter",
            "Welfare community service: operating areas are led by an operations manager and "
            "may be split into units",
            "Den kommunala produktionen för välfärdstjänster",
        ),
        Rule(
            "ORG-8",
            "En enhet har exakt en ansvarig chef åt gången",
            "A unit has exactly one responsible manager at a time",
            "fullständigt ansvar",
        ),
        Rule(
            "ORG-9",
            "Varje process har en processägare som är direktör; stadsdirektören äger "
            "styrprocesserna",
            "Each process has a director as owner; the city director owns the governing processes",
            "Processtyrning",
        ),
        Rule(
            "AM-1",
            "Ansvarig chef får fördela arbetsmiljöuppgifter vidare, men bara uppgifter som "
            "hen själv har",
            "The responsible manager may distribute tasks further, but only tasks they hold",
            "Enhetliga regler om fördelning av arbetsmiljöansvar",
        ),
        Rule(
            "AM-2",
            "Fördelningen ska ske skriftligen",
            "A distribution is made in writing",
            "Det ska ske skriftligen.",
        ),
        Rule(
            "AM-3",
            "Fördelningen ska kommuniceras muntligen av chefen personligen; först då gäller den",
            "It is communicated orally by the manager personally; only then is it in force",
            "Fördelningen ska även kommuniceras muntligen…",
        ),
        Rule(
            "AM-4",
            "Mottagaren har ensidig rätt att skriftligen återföra uppgifterna, helt eller delvis",
            "The receiver may return the tasks in writing, wholly or partly, without approval",
            "…har ensidig rätt att helt eller delvis återföra ansvaret…",
        ),
        Rule(
            "AM-5",
            "En enhetschef kan överföra delar av arbetsmiljöansvaret till gruppchefer",
            "A unit manager may hand parts of the responsibility to group managers",
            "…gruppchefer som enhetschefen kan överföra delar av sitt arbetsmiljöansvar till.",
        ),
        Rule(
            "AM-6",
            "Mottagaren ska ha kunskap, kompetens, befogenheter och resurser för uppgifterna",
            "The receiver must have knowledge, competence, authority and resources",
            "AFS 2001:1 § 6; AFS 2023:1",
        ),
        Rule(
            "AM-7",
            "En uppgift går till en namngiven person åt gången; frånvaro och kvarvarande "
            "uppgifter anges",
            "A task goes to one named person at a time; absence and retained tasks are stated",
            "Arbetsmiljöverkets vägledning",
        ),
        Rule(
            "AM-8",
            "Fördelningen följs upp minst en gång om året",
            "Distributions are followed up at least once a year",
            "AFS 2001:1 § 11; AFS 2023:1",
        ),
        Rule(
            "AM-9",
            "En mottagare får fördela vidare bara om fördelningen tillåter det",
            "A receiver may pass a task further only if the distribution allows it",
            "Arbetsgivarpraxis (Suntarbetsliv, SKR)",
        ),
        Rule(
            "HR-1",
            "Enhetschefen beslutar om anställning, varning, uppsägning och avsked",
            "The unit manager decides on hiring, warning, dismissal and summary dismissal",
            "Det är enhetschefen som beslutar om anställning, varning, uppsägning eller avsked",
        ),
        Rule(
            "HR-2",
            "Behovet av en anställning prövas av stadsdirektören och personaldirektören",
            "The need for a position is tested by the city director and the HR director",
            "Innan rekrytering sker, ska behovet av anställningen prövas…",
        ),
        Rule(
            "HR-3",
            "Varning, uppsägning och avsked föregås av samråd med enhetschefens chef",
            "Warning, dismissal and summary dismissal are preceded by consultation with the "
            "manager's chief",
            "Beslut om varning, uppsägning eller avsked ska föregås av ett samråd…",
        ),
        Rule(
            "HR-4",
            "Rätten att anställa, sätta lön, varna, säga upp och avskeda delegeras aldrig till "
            "biträdande enhetschef eller gruppchef",
            "Hiring, salary, warning and dismissal rights never go to a deputy or a group manager",
            "Enhetschefen kan varken till en biträdande enhetschef eller en gruppchef delegera…",
        ),
        Rule(
            "HR-5",
            "I Välfärd samhällsservice beslutar bara verksamhetschefen om disciplinåtgärder, "
            "återbesättning och sysselsättningsgrad",
            "In Welfare community service only the operations manager decides on discipline, "
            "refilling and employment rate",
            "En enhetschef inom Välfärd samhällsservice får anställa medarbetare men…",
        ),
        Rule(
            "DEL-1",
            "Nämnden beslutar om inte rätten delegerats",
            "The board decides unless the right was delegated",
            "När man ska ta reda vem som har rätt att besluta om något ska man alltid utgå från "
            "att det är nämnden.",
        ),
        Rule(
            "DEL-2",
            "Bara nämnden med ansvarsområdet i sitt reglemente kan besluta eller delegera",
            "Only the board whose charter defines the area decides or delegates",
            "Det är bara den nämnd som har ansvarsområdet definierat i sitt reglemente…",
        ),
        Rule(
            "DEL-3",
            "Där lagen anger en kommunal nämnd beslutar bara den nämnden",
            "Where a law names a municipal board, only that board decides",
            "Det står i en lag",
        ),
        Rule(
            "DEL-4",
            "Allmän kompetens når nämnden på delegation från KF; principiella ärenden går till KF",
            "General competence reaches the board on delegation from the council",
            "Förhållandet mellan kommunfullmäktige och nämnderna",
        ),
        Rule(
            "DEL-5",
            "Skollagen ger vissa beslut direkt till rektor; det är ingen delegering",
            "The Education Act gives some decisions directly to the principal",
            "Skollagen undantagen…",
        ),
        Rule(
            "DEL-6",
            "Kommunstyrelsen beslutar delegationsordningen för personalfrågor",
            "The executive board decides the delegation of staff matters",
            "Alla bestämmelser om hur tjänstemannaorganisationen är indelad…",
        ),
        Rule(
            "DEL-7",
            "Vissa ärenden får inte delegeras",
            "Some matters may not be delegated",
            "KL 6 kap 38 §",
        ),
        Rule(
            "DEL-8",
            "Delegering sker till utskott, ledamot eller ersättare, eller en anställd – aldrig "
            "gemensamt",
            "Delegation goes to a committee, a member or an employee – never jointly",
            "KL 6 kap 37 §, 7 kap 5 §",
        ),
        Rule(
            "DEL-9",
            "Brådskande ärenden delegeras bara till ordföranden eller en ledamot och anmäls alltid",
            "Urgent matters go only to the chair or a member and are always reported",
            "KL 6 kap 39 §",
        ),
        Rule(
            "DEL-10",
            "Vidaredelegation bara där nämnden tillåtit det",
            "Subdelegation only where the board allowed it",
            "KL 7 kap 6–7 §§",
        ),
        Rule(
            "DEL-11",
            "Beslut på delegation anmäls till nämnden; överklagbara beslut som inte anmäls "
            "protokollförs särskilt",
            "Delegated decisions are reported to the board; appealable ones that are not are "
            "recorded separately",
            "KL 6 kap 40 §, 7 kap 8 §",
        ),
        Rule(
            "DATA-1",
            "Slutdatum måste ligga efter startdatum",
            "The end date must be after the start date",
            "",
        ),
        Rule("DATA-2", "Obligatoriskt fält saknas", "A required field is missing", ""),
        Rule("DATA-3", "Koden måste vara unik", "The code must be unique", ""),
        Rule(
            "DATA-7",
            "En ersatt delegationsordning kan inte ändras",
            "A superseded delegation order cannot be changed",
            "",
        ),
        Rule(
            "DATA-6",
            "E-postadressen måste vara giltig",
            "The e-mail address must be valid",
            "",
        ),
        Rule(
            "DATA-4",
            "Organisationsträdet får inte innehålla en cykel",
            "The organisation tree may not contain a cycle",
            "",
        ),
        Rule(
            "DATA-5",
            "Det som ligger i en enhet måste gälla inom enhetens giltighetstid",
            "What belongs to a unit must fall within the unit's validity",
            "",
        ),
    ]
}


@dataclass(frozen=True)
class Violation:
    rule_id: str
    severity: Severity
    message: str
    message_en: str
    object_kind: ObjectKind
    object_id: int
    field: str | None = None
    object_label: str = dataclass_field(default="", compare=False)
    object_label_en: str = dataclass_field(default="", compare=False)

    def label(self, english: bool) -> str:
        return (self.object_label_en or self.object_label) if english else self.object_label

    def text(self, english: bool) -> str:
        return self.message_en if english else self.message

    @property
    def key(self) -> tuple[str, str, int, str]:
        """Identity across edits: not the message, which names things a rename changes."""
        return (self.rule_id, self.object_kind.value, self.object_id, self.field or "")

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def to_dict(self) -> dict[str, object]:
        return {
            "rule": self.rule_id,
            "severity": self.severity.value,
            "message": self.message,
            "message_en": self.message_en,
            "object": {"kind": self.object_kind.value, "id": self.object_id},
            "object_label": self.object_label,
            "object_label_en": self.object_label_en or self.object_label,
            "field": self.field,
        }


def sort_violations(violations: list[Violation]) -> list[Violation]:
    return sorted(
        violations, key=lambda v: (v.severity.rank, v.rule_id, v.object_label, v.object_id)
    )


class RuleViolationError(Exception):
    """An edit was refused because it would break one or more rules of severity error."""

    def __init__(self, violations: list[Violation]) -> None:
        self.violations = violations
        text = "; ".join(f"{v.rule_id}: {v.message}" for v in violations)
        super().__init__(text)

    @property
    def message(self) -> str:
        return "\n".join(f"{v.rule_id}: {v.message}" for v in self.violations)
