"""A fictional but realistic sample of Nacka's organisation, for demos, manuals and tests.

Everything is inserted in one transaction straight through the ORM models, and checked with
the rule checks before it is committed: a sample that breaks a rule is never written.

Besides units, people, appointments and processes, the sample distributes the standard
work-environment tasks (DOMAIN.md §3) down the whole line, KS → stadsdirektör → direktörer →
enhetschefer, rektorer, verksamhetschefer → gruppchefer, biträdande chefer and staff, with one
distribution in each state a user meets: draft, signed but not yet communicated (AM-3), in
force, partly and wholly returned (AM-4), lapsed (the receiver left), ended, and one whose
yearly follow-up is overdue (AM-8).
"""

from __future__ import annotations

import itertools
import random
import unicodedata
from dataclasses import asdict, dataclass, replace
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from nacka_desktop.domain.dates import is_valid_on
from nacka_desktop.domain.delegation.council_matters import CouncilMatterKind
from nacka_desktop.domain.delegation.orders import (
    DecisionKind,
    DelegateKind,
    DelegationOrder,
    LegalBasis,
    OrderStatus,
    infer_decision_kind,
)
from nacka_desktop.domain.delegation.rights import Via, direct_holders, rights_of_person
from nacka_desktop.domain.enums import ProcessKind, Role, UnitKind, WelfareBranch
from nacka_desktop.domain.rules import ObjectKind
from nacka_desktop.domain.work_environment import ReturnReason, add_months
from nacka_desktop.services.checking import all_violations
from nacka_desktop.storage.database import Database
from nacka_desktop.storage.models import (
    Appointment,
    AuditEntry,
    BoardSettingRow,
    CouncilMatterRow,
    DelegatedDecision,
    DelegationItemRow,
    DelegationOrderRow,
    Person,
    Process,
    SubdelegationRow,
    TaskDistribution,
    TaskDistributionItem,
    TaskDistributionUnit,
    TaskReturn,
    TitledPosition,
    Unit,
    WorkTask,
)
from nacka_desktop.storage.repositories.delegation import load_orders
from nacka_desktop.storage.repositories.org import load_snapshot

SEED = 2026
KF_SEATS = 61


@dataclass(frozen=True)
class SampleSummary:
    units: int
    persons: int
    appointments: int
    processes: int
    distributions: int
    delegation_items: int
    decisions: int


@dataclass(frozen=True)
class _Body:
    code: str
    name: str
    kind: UnitKind
    parent: str | None
    charter: str = ""


@dataclass(frozen=True)
class _Office:
    code: str
    name: str
    kind: UnitKind
    parent: str
    leader: Role
    leader_title: str
    staff: tuple[tuple[str, int], ...]
    deputy_title: str = ""
    branch: WelfareBranch | None = None


_K = UnitKind
_R = Role

_BODIES: tuple[_Body, ...] = (
    _Body(
        "KF",
        "Kommunfullmäktige",
        _K.MUNICIPAL_COUNCIL,
        None,
        "Kommunfullmäktige är kommunens högsta beslutande organ. Fullmäktige beslutar om mål, "
        "budget och skatt och tillsätter kommunstyrelsen och nämnderna.",
    ),
    _Body(
        "KS",
        "Kommunstyrelsen",
        _K.EXECUTIVE_BOARD,
        "KF",
        "Kommunstyrelsen leder och samordnar förvaltningen av kommunens angelägenheter, har "
        "uppsikt över övriga nämnders verksamhet och ansvarar för den ekonomiska förvaltningen. "
        "Kommunstyrelsen är arbetsgivare för kommunens samtliga medarbetare och ansvarar som "
        "nämnd för exploatering, personalpolitik, näringslivsfrågor och fastigheter.",
    ),
    _Body(
        "KSAU",
        "Kommunstyrelsens arbetsutskott",
        _K.COMMITTEE,
        "KS",
        "Arbetsutskottet bereder kommunstyrelsens ärenden om ekonomi, personal och övergripande "
        "styrning.",
    ),
    _Body(
        "KSVU",
        "Kommunstyrelsens verksamhetsutskott",
        _K.COMMITTEE,
        "KS",
        "Verksamhetsutskottet följer upp Välfärd skola och Välfärd samhällsservice och beslutar i "
        "frågor om den kommunala produktionen av välfärdstjänster.",
    ),
    _Body(
        "KSSU",
        "Kommunstyrelsens stadsutvecklingsutskott",
        _K.COMMITTEE,
        "KS",
        "Stadsutvecklingsutskottet bereder ärenden om exploatering, markanvändning och kommunens "
        "fastigheter.",
    ),
    _Body(
        "UN",
        "Utbildningsnämnden",
        _K.BOARD,
        "KF",
        "Utbildningsnämnden fullgör kommunens uppgifter som huvudman för förskola, grundskola, "
        "gymnasieskola och vuxenutbildning enligt skollagen. Nämnden ansvarar för kundval, "
        "skolpeng och tillsyn över fristående förskolor och pedagogisk omsorg.",
    ),
    _Body(
        "SN",
        "Socialnämnden",
        _K.BOARD,
        "KF",
        "Socialnämnden fullgör kommunens uppgifter inom socialtjänsten enligt socialtjänstlagen, "
        "LVU, LVM och LSS. Nämnden ansvarar för myndighetsutövning inom individ- och "
        "familjeomsorg, äldreomsorg och stöd till personer med funktionsnedsättning.",
    ),
    _Body(
        "MSN",
        "Miljö- och stadsbyggnadsnämnden",
        _K.BOARD,
        "KF",
        "Miljö- och stadsbyggnadsnämnden är kommunens byggnadsnämnd enligt plan- och bygglagen "
        "och tillsynsmyndighet enligt miljöbalken och livsmedelslagstiftningen. Nämnden ansvarar "
        "för detaljplaner, bygglov och miljötillsyn.",
    ),
    _Body(
        "KFN",
        "Kultur- och fritidsnämnden",
        _K.BOARD,
        "KF",
        "Kultur- och fritidsnämnden ansvarar för kommunens bibliotek, kulturskola, fritidsgårdar "
        "och idrottsanläggningar. Nämnden fördelar stöd till föreningslivet.",
    ),
    _Body(
        "NTN",
        "Natur- och trafiknämnden",
        _K.BOARD,
        "KF",
        "Natur- och trafiknämnden ansvarar för kommunens gator, parker och naturområden och är "
        "kommunens trafiknämnd. Nämnden ansvarar även för avfallshantering och renhållning.",
    ),
)

_EC = "Enhetschef"
_BEC = "Biträdande enhetschef"
_BR = "Biträdande rektor"
_SCHOOL = WelfareBranch.SCHOOL
_SERVICE = WelfareBranch.COMMUNITY_SERVICE

_OFFICES: tuple[_Office, ...] = (
    _Office(
        "SLK",
        "Stadsledningskontoret",
        _K.CITY_MANAGEMENT_OFFICE,
        "KS",
        _R.CITY_DIRECTOR,
        "Stadsdirektör",
        (("Strateg", 3), ("Ledningssamordnare", 1)),
    ),
    _Office(
        "1000",
        "Personal och organisation",
        _K.DIRECTOR_AREA,
        "SLK",
        _R.DIRECTOR,
        "Personaldirektör",
        (("HR-strateg", 1),),
    ),
    _Office(
        "1100",
        "Personalenheten",
        _K.SUPPORT_UNIT,
        "1000",
        _R.UNIT_MANAGER,
        _EC,
        (("HR-konsult", 2),),
        _BEC,
    ),
    _Office(
        "1110",
        "Lön och pension",
        _K.GROUP,
        "1100",
        _R.GROUP_MANAGER,
        "Gruppchef",
        (("Lönespecialist", 5), ("Pensionshandläggare", 1)),
    ),
    _Office(
        "1120", "HR-stöd", _K.GROUP, "1100", _R.GROUP_MANAGER, "Gruppchef", (("HR-konsult", 4),)
    ),
    _Office(
        "1200",
        "Juridik- och kanslienheten",
        _K.SUPPORT_UNIT,
        "1000",
        _R.UNIT_MANAGER,
        _EC,
        (("Kommunjurist", 3), ("Nämndsekreterare", 3), ("Registrator", 2)),
    ),
    _Office(
        "2000",
        "Ekonomi",
        _K.DIRECTOR_AREA,
        "SLK",
        _R.DIRECTOR,
        "Ekonomidirektör",
        (("Budgetstrateg", 1),),
    ),
    _Office(
        "2100",
        "Ekonomienheten",
        _K.SUPPORT_UNIT,
        "2000",
        _R.UNIT_MANAGER,
        _EC,
        (("Controller", 4), ("Redovisningsekonom", 3), ("Upphandlare", 2)),
    ),
    _Office(
        "3000",
        "Stadsutveckling",
        _K.DIRECTOR_AREA,
        "SLK",
        _R.DIRECTOR,
        "Stadsutvecklingsdirektör",
        (("Exploateringsingenjör", 2),),
    ),
    _Office(
        "3100",
        "Bygglovsenheten",
        _K.AUTHORITY_UNIT,
        "3000",
        _R.UNIT_MANAGER,
        _EC,
        (("Bygglovshandläggare", 5), ("Byggnadsinspektör", 2)),
    ),
    _Office(
        "3200",
        "Miljöenheten",
        _K.AUTHORITY_UNIT,
        "3000",
        _R.UNIT_MANAGER,
        _EC,
        (("Miljöinspektör", 5), ("Livsmedelsinspektör", 2)),
    ),
    _Office(
        "3300",
        "Planenheten",
        _K.AUTHORITY_UNIT,
        "3000",
        _R.UNIT_MANAGER,
        _EC,
        (("Planarkitekt", 4),),
    ),
    _Office(
        "4000",
        "Välfärd och utbildning",
        _K.DIRECTOR_AREA,
        "SLK",
        _R.DIRECTOR,
        "Välfärdsdirektör",
        (("Utredare", 1),),
    ),
    _Office(
        "4100",
        "Enheten för barn och unga",
        _K.AUTHORITY_UNIT,
        "4000",
        _R.UNIT_MANAGER,
        _EC,
        (("Socialsekreterare", 6), ("Familjebehandlare", 2)),
        _BEC,
    ),
    _Office(
        "4200",
        "Utbildningsenheten",
        _K.AUTHORITY_UNIT,
        "4000",
        _R.UNIT_MANAGER,
        _EC,
        (("Utbildningsutredare", 3), ("Skolhandläggare", 2)),
    ),
    _Office(
        "5000",
        "Kommunikation",
        _K.DIRECTOR_AREA,
        "SLK",
        _R.DIRECTOR,
        "Kommunikationsdirektör",
        (),
    ),
    _Office(
        "5100",
        "Kommunikationsenheten",
        _K.SUPPORT_UNIT,
        "5000",
        _R.UNIT_MANAGER,
        _EC,
        (("Kommunikatör", 4), ("Webbredaktör", 1)),
    ),
    _Office(
        "6000",
        "Välfärd skola",
        _K.PRODUCTION_AREA,
        "SLK",
        _R.PRODUCTION_DIRECTOR,
        "Produktionsdirektör",
        (("Verksamhetscontroller", 1),),
        branch=_SCHOOL,
    ),
    _Office(
        "6100",
        "Sickla skola",
        _K.OPERATING_AREA,
        "6000",
        _R.PRINCIPAL,
        "Rektor",
        (("Lärare", 8), ("Fritidspedagog", 2), ("Elevassistent", 1)),
        _BR,
    ),
    _Office(
        "6200",
        "Järla skola",
        _K.OPERATING_AREA,
        "6000",
        _R.PRINCIPAL,
        "Rektor",
        (("Lärare", 8), ("Fritidspedagog", 2)),
        _BR,
    ),
    _Office(
        "6300",
        "Saltsjöbadens samskola",
        _K.OPERATING_AREA,
        "6000",
        _R.PRINCIPAL,
        "Rektor",
        (("Lärare", 9), ("Specialpedagog", 1)),
        _BR,
    ),
    _Office(
        "6400",
        "Fisksätra skola",
        _K.OPERATING_AREA,
        "6000",
        _R.PRINCIPAL,
        "Rektor",
        (("Lärare", 7), ("Skolkurator", 1)),
    ),
    _Office(
        "6500",
        "Förskolorna i Älta",
        _K.OPERATING_AREA,
        "6000",
        _R.PRESCHOOL_HEAD,
        "Förskolechef",
        (("Förskollärare", 6), ("Barnskötare", 5)),
    ),
    _Office(
        "7000",
        "Välfärd samhällsservice",
        _K.PRODUCTION_AREA,
        "SLK",
        _R.PRODUCTION_DIRECTOR,
        "Produktionsdirektör",
        (("Verksamhetscontroller", 1),),
        branch=_SERVICE,
    ),
    _Office(
        "7100",
        "Äldreomsorg",
        _K.OPERATING_AREA,
        "7000",
        _R.OPERATIONS_MANAGER,
        "Verksamhetschef",
        (("Verksamhetsutvecklare", 1),),
    ),
    _Office(
        "7110",
        "Vård- och omsorgsboendet Sjötäppan",
        _K.UNIT,
        "7100",
        _R.UNIT_MANAGER,
        _EC,
        (("Undersköterska", 8), ("Sjuksköterska", 2)),
    ),
    _Office(
        "7120",
        "Dagverksamheten Talliden",
        _K.UNIT,
        "7100",
        _R.UNIT_MANAGER,
        _EC,
        (("Undersköterska", 3), ("Aktivitetssamordnare", 1)),
    ),
    _Office(
        "7200",
        "Stöd och omsorg",
        _K.OPERATING_AREA,
        "7000",
        _R.OPERATIONS_MANAGER,
        "Verksamhetschef",
        (("Verksamhetsutvecklare", 1),),
    ),
    _Office(
        "7210",
        "Boende Ältavägen",
        _K.UNIT,
        "7200",
        _R.UNIT_MANAGER,
        _EC,
        (("Stödassistent", 6),),
    ),
    _Office(
        "7220",
        "Daglig verksamhet Orminge",
        _K.UNIT,
        "7200",
        _R.UNIT_MANAGER,
        _EC,
        (("Handledare", 4),),
    ),
    _Office(
        "7300",
        "Hemtjänst",
        _K.OPERATING_AREA,
        "7000",
        _R.OPERATIONS_MANAGER,
        "Verksamhetschef",
        (("Planerare", 1),),
    ),
    _Office(
        "7310",
        "Hemtjänst Fisksätra",
        _K.UNIT,
        "7300",
        _R.UNIT_MANAGER,
        _EC,
        (("Undersköterska", 6), ("Vårdbiträde", 3)),
        _BEC,
    ),
    _Office(
        "7311",
        "Nattpatrullen Fisksätra",
        _K.GROUP,
        "7310",
        _R.GROUP_MANAGER,
        "Gruppchef",
        (("Undersköterska", 4),),
    ),
    _Office(
        "7320",
        "Hemtjänst Boo",
        _K.UNIT,
        "7300",
        _R.UNIT_MANAGER,
        _EC,
        (("Undersköterska", 5),),
    ),
)

# Unit code → days before `today` when the present manager succeeded the previous one.
_SUCCESSIONS: dict[str, int] = {"2000": 1210, "3100": 430, "6100": 880}
# The one vacant post: the manager left this many days ago and nobody has replaced them.
_VACANCY: tuple[str, int] = ("7210", 61)
# (unit code, days before today, days after today, regular manager leaves): the deputy
# is tillförordnad; where the regular manager stays (on leave) the acting one still leads.
_ACTING: tuple[tuple[str, int, int, bool], ...] = (("7310", 21, 91, True), ("6200", 21, 120, False))
# Unit code → how many of its employees have since left.
_LEAVERS: dict[str, int] = {"2100": 1, "6300": 2, "7110": 1}

_PARTIES: tuple[tuple[str, int, bool], ...] = (
    ("M", 20, True),
    ("L", 6, True),
    ("C", 3, True),
    ("KD", 3, True),
    ("S", 13, False),
    ("SD", 5, False),
    ("V", 4, False),
    ("MP", 3, False),
    ("NL", 4, False),
)
_BOARD_ONLY = {True: ("M", "L", "C", "KD", "M"), False: ("S", "V", "MP", "NL")}
_SUBSTITUTES = {True: ("M", "L", "KD"), False: ("S", "SD", "V")}
_BOARD_SEATS = (5, 4)

_PROCESSES: tuple[tuple[str, ProcessKind, str, str], ...] = (
    (
        "Ägar- och medborgardialog",
        ProcessKind.GOVERNING,
        "SLK",
        "Dialogen med Nackaborna och kommunens ägarstyrning av bolag och stiftelser.",
    ),
    (
        "Omvärldspaning och analys",
        ProcessKind.GOVERNING,
        "SLK",
        "Bevakning av omvärlden och analyser som underlag för mål och prioriteringar.",
    ),
    (
        "Mål- och resultatstyrning",
        ProcessKind.GOVERNING,
        "SLK",
        "Från kommunfullmäktiges övergripande mål till nämndernas mål, budget och resultat.",
    ),
    (
        "Uppföljning och utvärdering",
        ProcessKind.GOVERNING,
        "SLK",
        "Uppföljning av mål, ekonomi och kvalitet, med tertialbokslut och årsredovisning.",
    ),
    (
        "Strategisk förnyelse",
        ProcessKind.GOVERNING,
        "SLK",
        "Utveckling av arbetssätt, digitalisering och organisation.",
    ),
    (
        "Utbildningsprocessen",
        ProcessKind.MAIN,
        "4000",
        "Förskola, grundskola, gymnasieskola och vuxenutbildning för Nackas invånare.",
    ),
    (
        "Sociala omsorgsprocessen",
        ProcessKind.MAIN,
        "4000",
        "Stöd och omsorg till barn, unga, äldre och personer med funktionsnedsättning.",
    ),
    (
        "Stadsutvecklingsprocessen",
        ProcessKind.MAIN,
        "3000",
        "Från planering och exploatering till bygglov och en hållbar stad.",
    ),
    (
        "Personalprocessen",
        ProcessKind.SUPPORT,
        "1000",
        "Rekrytering, lön, arbetsmiljö och kompetensförsörjning.",
    ),
    (
        "Ekonomiprocessen",
        ProcessKind.SUPPORT,
        "2000",
        "Budget, redovisning, upphandling och ekonomisk uppföljning.",
    ),
    (
        "Kommunikationsprocessen",
        ProcessKind.SUPPORT,
        "5000",
        "Information till Nackaborna, webb, press och intern kommunikation.",
    ),
)

_FIRST_NAMES_TEXT = (
    "Anna Eva Maria Karin Kristina Lena Sara Åsa Ingrid Märta Linnéa Elin Ebba Maja Astrid "
    "Sofia Johanna Helena Malin Ulrika Birgitta Agneta Gunilla Ylva Tove Lovisa Leila Amira "
    "Yasmin Hanna Frida Emelie Signe Görel Britt-Marie Erik Lars Karl Anders Johan Per Mikael "
    "Björn Åke Göran Jörgen Sören Håkan Mårten Olof Nils Gustav Oskar Magnus Fredrik Jonas "
    "Henrik Stefan Tomas Mattias Daniel Ahmed Omar Kjell Stig Hugo Viktor Ali Rasmus Pål"
)
_LAST_NAMES_TEXT = (
    "Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson "
    "Pettersson Jonsson Lindberg Lindqvist Magnusson Lindgren Axelsson Lundberg Berglund "
    "Forsberg Sandberg Håkansson Engström Eklund Holm Wikström Bergström Nordström Björklund "
    "Åberg Öberg Ström Björk Sjögren Lindström Bäckström Ekström Hägglund Nyström Sandström "
    "Löfgren Holmström Åkesson Jönsson Söderberg Hedström Strömberg Fält Nordqvist Sjöberg "
    "Ågren Näslund Östlund Blomqvist Wållberg Dahlén Hassan Yilmaz Khalil Nguyen Kowalski"
)
_FIRST_NAMES = _FIRST_NAMES_TEXT.split()
_LAST_NAMES = _LAST_NAMES_TEXT.split()


def build_sample_organisation(database: Database, today: date) -> SampleSummary:
    """Insert the sample organisation into an empty database, valid and checked on `today`."""
    with database.transaction() as session:
        if session.scalar(select(Unit.id).limit(1)) is not None:
            raise ValueError(
                "Databasen innehåller redan enheter. Exempelorganisationen kan bara läggas in "
                "i en tom databas."
            )
        builder = _SampleBuilder(session, today)
        builder.build()
        session.flush()
        errors = [v for v in all_violations(session, today, today) if v.is_error]
        if errors:
            listed = "; ".join(f"{v.rule_id} {v.object_label}: {v.message}" for v in errors)
            raise RuntimeError(f"Exempelorganisationen bryter mot reglerna: {listed}")
        summary = builder.summary()
        session.add(
            AuditEntry(
                action="sample.build",
                object_kind=ObjectKind.UNIT.value,
                object_id=builder.units["KF"].id,
                details={"today": today.isoformat(), "seed": SEED, **asdict(summary)},
            )
        )
    return summary


def _ascii_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace(" ", "")


class _SampleBuilder:
    def __init__(self, session: Session, today: date) -> None:
        self.session = session
        self.today = today
        self.start = date(today.year - 7, 1, 1)
        self.rng = random.Random(SEED)
        self.units: dict[str, Unit] = {}
        self.leaders: dict[str, Person] = {}
        self.deputies: dict[str, Person] = {}
        self.persons: list[Person] = []
        self.appointments: list[Appointment] = []
        self.processes: list[Process] = []
        self.distributions: list[TaskDistribution] = []
        self._pending: list[tuple[Person, str, Role, date, date | None, bool]] = []
        self._emails: set[str] = set()
        self._staff_numbers = itertools.count(10001)
        self._politician_numbers = itertools.count(20001)
        self.delegation = _DelegationSample(self)

    def build(self) -> None:
        for body in _BODIES:
            self._unit(body.code, body.name, body.kind, body.parent, charter=body.charter)
        self.units["KF"].seats = KF_SEATS
        for office in _OFFICES:
            self._unit(office.code, office.name, office.kind, office.parent, office.branch)
        self._politicians()
        for office in _OFFICES:
            self._staff_office(office)
        self._acting_managers()
        self.session.add_all(self.persons)
        self.session.flush()
        self.appointments = [
            Appointment(
                person_id=person.id,
                unit_id=self.units[code].id,
                role=role,
                valid_from=valid_from,
                valid_to=valid_to,
                acting=acting,
            )
            for person, code, role, valid_from, valid_to, acting in self._pending
        ]
        self.processes = [
            Process(
                name=name,
                kind=kind,
                description=description,
                owner_person_id=self.leaders[owner_code].id,
            )
            for name, kind, owner_code, description in _PROCESSES
        ]
        self.session.add_all([*self.appointments, *self.processes])
        self.session.flush()
        self.distributions = _WorkSample(self).build()
        self.delegation.build()

    def summary(self) -> SampleSummary:
        return SampleSummary(
            units=len(self.units),
            persons=len(self.persons),
            appointments=len(self.appointments),
            processes=len(self.processes),
            distributions=len(self.distributions),
            delegation_items=len(self.delegation.items),
            decisions=len(self.delegation.decisions),
        )

    def _days(self, offset: int) -> date:
        return self.today + timedelta(days=offset)

    def _unit(
        self,
        code: str,
        name: str,
        kind: UnitKind,
        parent: str | None,
        branch: WelfareBranch | None = None,
        charter: str = "",
    ) -> None:
        unit = Unit(
            code=code,
            name=name,
            kind=kind,
            parent_id=self.units[parent].id if parent else None,
            welfare_branch=branch,
            charter=charter,
            valid_from=self.start,
            valid_to=None,
        )
        self.session.add(unit)
        self.session.flush()
        self.units[code] = unit

    def _person(self, title: str, number: str) -> Person:
        while True:
            first = self.rng.choice(_FIRST_NAMES)
            last = self.rng.choice(_LAST_NAMES)
            email = f"{_ascii_fold(first)}.{_ascii_fold(last)}@nacka.se"
            if email not in self._emails:
                break
        self._emails.add(email)
        person = Person(
            employee_number=number,
            first_name=first,
            last_name=last,
            title=title,
            email=email,
        )
        self.persons.append(person)
        return person

    def _staff_person(self, title: str) -> Person:
        return self._person(title, f"N{next(self._staff_numbers)}")

    def _politician(self, party: str) -> Person:
        return self._person(f"Förtroendevald ({party})", f"F{next(self._politician_numbers)}")

    def _appoint(
        self,
        person: Person,
        code: str,
        role: Role,
        valid_from: date,
        valid_to: date | None = None,
        acting: bool = False,
    ) -> None:
        self._pending.append((person, code, role, valid_from, valid_to, acting))

    def _politicians(self) -> None:
        sides: dict[bool, list[Person]] = {True: [], False: []}
        for party, seats, in_majority in _PARTIES:
            sides[in_majority] += [self._politician(party) for _ in range(seats)]
        for side in sides.values():
            self.rng.shuffle(side)
        majority, opposition = sides[True], sides[False]
        self._seat("KF", majority, opposition)
        for parties in _SUBSTITUTES.values():
            for party in parties:
                self._appoint(self._politician(party), "KF", Role.SUBSTITUTE, self.start)
        ks_majority, ks_opposition = majority[1:8], opposition[1:7]
        self._seat("KS", ks_majority, ks_opposition)
        self._seat("KSAU", ks_majority[0:3], ks_opposition[0:2])
        self._seat("KSVU", ks_majority[3:5], ks_opposition[2:4])
        self._seat("KSSU", ks_majority[5:7], ks_opposition[4:6])
        pools = {
            side: iter(self.rng.sample(people, len(people)))
            for side, people in (
                (True, majority[8:] + [self._politician(p) for p in _BOARD_ONLY[True]]),
                (False, opposition[7:] + [self._politician(p) for p in _BOARD_ONLY[False]]),
            )
        }
        for body in _BODIES:
            if body.kind is UnitKind.BOARD:
                self._seat(
                    body.code,
                    [next(pools[True]) for _ in range(_BOARD_SEATS[0])],
                    [next(pools[False]) for _ in range(_BOARD_SEATS[1])],
                )

    def _seat(self, code: str, majority: list[Person], opposition: list[Person]) -> None:
        """The first of the majority chairs, the first of the opposition is vice chair."""
        self._appoint(majority[0], code, Role.CHAIR, self.start)
        self._appoint(opposition[0], code, Role.VICE_CHAIR, self.start)
        for member in majority[1:] + opposition[1:]:
            self._appoint(member, code, Role.MEMBER, self.start)

    def _staff_office(self, office: _Office) -> None:
        code = office.code
        change = _SUCCESSIONS.get(code)
        if change is not None:
            predecessor = self._staff_person(office.leader_title)
            self._appoint(predecessor, code, office.leader, self.start, self._days(-change))
        leader = self._staff_person(office.leader_title)
        self.leaders[code] = leader
        leader_to = self._leader_leaves(code)
        leader_from = self._days(-change) if change is not None else self.start
        self._appoint(leader, code, office.leader, leader_from, leader_to)
        if office.deputy_title:
            deputy = self._staff_person(office.deputy_title)
            self.deputies[code] = deputy
            deputy_role = (
                Role.DEPUTY_PRINCIPAL
                if office.leader is Role.PRINCIPAL
                else Role.DEPUTY_UNIT_MANAGER
            )
            self._appoint(deputy, code, deputy_role, self._random_start())
        leavers = _LEAVERS.get(code, 0)
        for title, count in office.staff:
            for _ in range(count):
                employee = self._staff_person(title)
                if leavers:
                    leavers -= 1
                    valid_from = self._random_date(self.start, self._days(-400))
                    valid_to = valid_from + timedelta(days=self.rng.randint(90, 365))
                    self._appoint(employee, code, Role.EMPLOYEE, valid_from, valid_to)
                else:
                    self._appoint(employee, code, Role.EMPLOYEE, self._random_start())

    def _leader_leaves(self, code: str) -> date | None:
        unit_code, days_ago = _VACANCY
        if code == unit_code:
            return self._days(-days_ago)
        for acting_code, acting_ago, _, regular_leaves in _ACTING:
            if code == acting_code and regular_leaves:
                return self._days(-acting_ago)
        return None

    def _acting_managers(self) -> None:
        for code, days_ago, days_ahead, _ in _ACTING:
            office = next(o for o in _OFFICES if o.code == code)
            self._appoint(
                self.deputies[code],
                code,
                office.leader,
                self._days(-days_ago),
                self._days(days_ahead),
                acting=True,
            )

    def _random_start(self) -> date:
        return self._random_date(self.start, self._days(-30))

    def _random_date(self, first: date, last: date) -> date:
        return first + timedelta(days=self.rng.randint(0, (last - first).days))


# --- work-environment task distribution (DOMAIN.md §3) ----------------------------------------

_ALL_TASKS = (
    "SAM-RISK",
    "SAM-UTRED",
    "SAM-REHAB",
    "SAM-INTRO",
    "SAM-SKYDD",
    "SAM-KEMI",
    "SAM-BRAND",
    "SAM-HOT",
    "SAM-ENSAM",
    "SAM-OSA",
)
# The giver as a distribution's text names them.
_THE_GIVER = {
    Role.CITY_DIRECTOR: "stadsdirektören",
    Role.DIRECTOR: "direktören",
    Role.PRODUCTION_DIRECTOR: "produktionsdirektören",
    Role.OPERATIONS_MANAGER: "verksamhetschefen",
    Role.UNIT_MANAGER: "enhetschefen",
    Role.PRINCIPAL: "rektor",
    Role.PRESCHOOL_HEAD: "förskolechefen",
}
_FIRST_DAY = date.min  # signed or communicated on the distribution's first day
_DIRECTORS = (Role.DIRECTOR, Role.PRODUCTION_DIRECTOR)
_AREA_LEADERS = (Role.DIRECTOR, Role.PRODUCTION_DIRECTOR, Role.OPERATIONS_MANAGER)
# Groups, deputies and staff: (giver unit, receiver unit, receiver role, receiver's title or
# "" for the post's holder, tasks). Each is in force today, apart from the one whose giver
# left (Nattpatrullen's previous enhetschef: ended). The other states are built one by one.
_BELOW_MANAGERS: tuple[tuple[str, str, Role, str, tuple[str, ...]], ...] = (
    ("1100", "1110", Role.GROUP_MANAGER, "", ("SAM-SKYDD", "SAM-BRAND", "SAM-INTRO")),
    ("1100", "1100", Role.DEPUTY_UNIT_MANAGER, "", ("SAM-UTRED", "SAM-OSA")),
    ("4100", "4100", Role.DEPUTY_UNIT_MANAGER, "", ("SAM-HOT", "SAM-ENSAM")),
    ("7310", "7311", Role.GROUP_MANAGER, "", ("SAM-SKYDD", "SAM-BRAND", "SAM-HOT", "SAM-ENSAM")),
    ("7110", "7110", Role.EMPLOYEE, "Sjuksköterska", ("SAM-KEMI",)),
    ("6500", "6500", Role.EMPLOYEE, "Förskollärare", ("SAM-BRAND", "SAM-SKYDD")),
)
_KS_TEXTS = (
    "Vid stadsdirektörens frånvaro upprätthålls uppgifterna av stadsdirektörens ersättare "
    "enligt kommunstyrelsens delegationsordning. Vid frånvaro längre än en månad fördelar "
    "kommunstyrelsen uppgifterna på nytt.",
    "Kommunstyrelsen behåller som arbetsgivare arbetsmiljöpolicyn, ramarna för "
    "arbetsmiljöarbetet i budgeten och den årliga uppföljningen av det systematiska "
    "arbetsmiljöarbetet i hela kommunen.",
)
_DIRECTOR_TEXTS = (
    "Vid direktörens frånvaro upprätthåller stadsdirektören uppgifterna, om inte en ersättare "
    "har utsetts skriftligen. Semester och kortare frånvaro stäms av med stadsdirektören.",
    "Stadsdirektören behåller kommunövergripande riktlinjer och rutiner för arbetsmiljöarbetet "
    "och samverkan i centrala skyddskommittén.",
)
_RETURN_EXPLANATION = (
    "Jag saknar utbildning i kemiska risker och i att leda skyddsronder, och "
    "inspektionsuppdraget lämnar inte tid för uppgifterna. De återgår därför till "
    "enhetschefen."
)
_PARTLY_RETURNED_EXPLANATION = (
    "Kemikalieförteckningen och riskbedömningarna för NO-salarna kräver kunskaper i kemiska "
    "risker som jag saknar, och det finns ingen budget för att åtgärda dragskåpen. Kemiska "
    "risker återgår till rektor; övriga uppgifter behåller jag."
)


def _texts(giver: Appointment | None, receiver: Appointment) -> tuple[str, str]:
    """What applies during the receiver's absence, and which tasks stay with the giver (AM-7)."""
    if giver is None:
        return _KS_TEXTS
    if receiver.role in _DIRECTORS:
        return _DIRECTOR_TEXTS
    the = _THE_GIVER[giver.role]
    if giver.role in _AREA_LEADERS:
        return (
            "Vid chefens frånvaro upprätthålls uppgifterna av den som är förordnad som "
            f"tillförordnad chef, annars av {the}. Semester och kortare frånvaro lämnas över "
            "skriftligen.",
            f"{the.capitalize()} behåller beslut om arbetsmiljöåtgärder som går utöver "
            "enhetens budget och frågor som berör flera enheter i området.",
        )
    return (
        f"Vid mottagarens frånvaro, också vid semester, återgår uppgifterna till {the}.",
        f"{the.capitalize()} behåller övriga arbetsmiljöuppgifter, rehabilitering och "
        "arbetsanpassning, alla personalärenden (anställning, lön, varning, uppsägning) och "
        "beslut som kräver medel utöver den egna budgeten.",
    )


class _WorkSample:
    """The distributions of the sample, inserted as ORM rows in the sample's transaction.

    Each distribution starts a week after the one it passes tasks on from (or a few days
    after the receiver took up the post), and ends when the giver or receiver left the post:
    the successions, the vacancy and the acting manager of the organisation sample all show.
    """

    def __init__(self, builder: _SampleBuilder) -> None:
        self.builder = builder
        self.session = builder.session
        self.today = builder.today
        self.start = builder.start
        self.rng = random.Random(SEED + 1)
        self.distributions: list[TaskDistribution] = []
        self.items: dict[int, dict[str, TaskDistributionItem]] = {}
        self.started: dict[int, date] = {}  # receiver appointment → its distribution's start
        self.titles = {person.id: person.title for person in builder.persons}
        tasks = {task.code: task.id for task in self.session.scalars(select(WorkTask))}
        missing = [code for code in _ALL_TASKS if code not in tasks]
        if missing:
            raise RuntimeError(
                f"Arbetsmiljöuppgifterna {', '.join(missing)} saknas i databasen; "
                "exempelorganisationen kräver standardkatalogen."
            )
        self.tasks = tasks

    def build(self) -> list[TaskDistribution]:
        today = self.today
        chair = self._posts("KS", Role.CHAIR)[0]
        city_director = self._leaders("SLK")[0]
        self._give(
            None,
            city_director,
            ["SLK"],
            _ALL_TASKS,
            self.start + timedelta(days=14),
            signed_on=self.start + timedelta(days=10),
            may_pass_on=True,
            signatory=chair,
        )
        for office in _OFFICES:
            if office.parent == "KS" or office.kind is UnitKind.GROUP:
                continue
            self._line(office.parent, office.code, _ALL_TASKS, may_pass_on=True)
        for giver_code, code, role, title, tasks in _BELOW_MANAGERS:
            receivers = [
                a
                for a in self._posts(code, role)
                if a.valid_to is None and (not title or self.titles[a.person_id] == title)
            ][:1]
            self._line(giver_code, code, tasks, receivers=receivers)

        # AM-8: the yearly follow-up of Planenheten is two months overdue.
        planning = self._received(self._leaders("3300")[0])
        planning.followed_up_on = today - timedelta(days=425)
        # AM-3: signed in writing, but the enhetschef has not yet told the gruppchef in person.
        personnel_manager = self._leaders("1100")[0]
        self._give(
            personnel_manager,
            self._posts("1120", Role.GROUP_MANAGER)[0],
            ["1120"],
            ("SAM-SKYDD", "SAM-BRAND", "SAM-INTRO"),
            today - timedelta(days=4),
            signed_on=today - timedelta(days=6),
            communicated_on=None,
        )
        # Draft: Sickla's rektor is preparing the biträdande rektor's distribution.
        self._give(
            self._leaders("6100")[-1],
            self._posts("6100", Role.DEPUTY_PRINCIPAL)[0],
            ["6100"],
            ("SAM-INTRO", "SAM-SKYDD", "SAM-BRAND"),
            today + timedelta(days=14),
            signed_on=None,
            communicated_on=None,
            confirmed=(True, True, False, False),
        )
        self._partly_returned()
        self._wholly_returned()
        self._lapsed()
        return self.distributions

    # -- the special cases -------------------------------------------------------------------

    def _partly_returned(self) -> None:
        """Saltsjöbadens samskola: the biträdande rektor returned the chemical risks (AM-4)."""
        (distribution,) = self._line(
            "6300",
            "6300",
            ("SAM-INTRO", "SAM-SKYDD", "SAM-BRAND", "SAM-KEMI"),
            receivers=self._posts("6300", Role.DEPUTY_PRINCIPAL)[:1],
        )
        self._return(
            distribution,
            ("SAM-KEMI",),
            self._between(distribution, 3),
            (ReturnReason.KNOWLEDGE, ReturnReason.RESOURCES),
            _PARTLY_RETURNED_EXPLANATION,
        )

    def _wholly_returned(self) -> None:
        """Miljöenheten: a miljöinspektör returned every task given (AM-4, AM-6)."""
        inspector = next(
            a
            for a in self._posts("3200", Role.EMPLOYEE)
            if self.titles[a.person_id] == "Miljöinspektör" and a.valid_to is None
        )
        (distribution,) = self._line(
            "3200", "3200", ("SAM-KEMI", "SAM-SKYDD"), receivers=[inspector]
        )
        self._return(
            distribution,
            ("SAM-KEMI", "SAM-SKYDD"),
            self._between(distribution, 2),
            (ReturnReason.COMPETENCE, ReturnReason.TIME),
            _RETURN_EXPLANATION,
        )

    def _lapsed(self) -> None:
        """Sjötäppan: the undersköterska who was brandskyddsansvarig has left; nobody has
        been given the task since, so it lies with the enhetschef (AM-1 warning)."""
        manager = self._leaders("7110")[0]
        leaver = next(a for a in self._posts("7110", Role.EMPLOYEE) if a.valid_to is not None)
        assert leaver.valid_from is not None and leaver.valid_to is not None
        valid_from = max(self.started[manager.id] + timedelta(days=7), leaver.valid_from)
        valid_from += timedelta(days=14)
        self._give(
            manager,
            leaver,
            ["7110"],
            ("SAM-BRAND",),
            valid_from,
            follow_up_until=leaver.valid_to,
        )

    # -- building blocks -----------------------------------------------------------------------

    def _posts(self, code: str, role: Role) -> list[Appointment]:
        unit_id = self.builder.units[code].id
        return sorted(
            (a for a in self.builder.appointments if a.unit_id == unit_id and a.role is role),
            key=lambda a: (a.valid_from or date.min, a.id),
        )

    def _leaders(self, code: str, with_acting: bool = False) -> list[Appointment]:
        """The unit's managers over time (the regular ones, and acting ones if asked)."""
        office = next(o for o in _OFFICES if o.code == code)
        return [a for a in self._posts(code, office.leader) if with_acting or not a.acting]

    def _line(
        self,
        giver_code: str,
        code: str,
        tasks: tuple[str, ...],
        may_pass_on: bool = False,
        receivers: list[Appointment] | None = None,
    ) -> list[TaskDistribution]:
        """From each manager of the giver unit to each receiver, while both hold their posts.

        An acting manager who replaces a departed one (not one standing in for a manager on
        leave) receives the tasks for the time of the acting appointment."""
        if receivers is None:
            replaced = {c for c, _ago, _ahead, leaves in _ACTING if leaves}
            receivers = self._leaders(code, with_acting=code in replaced)
        made = []
        for giver in self._leaders(giver_code, with_acting=True):
            if giver.id not in self.started:
                continue
            for receiver in receivers:
                assert receiver.valid_from is not None
                valid_from = max(
                    self.started[giver.id] + timedelta(days=7),
                    receiver.valid_from + timedelta(days=3),
                )
                ends = [d for d in (giver.valid_to, receiver.valid_to) if d is not None]
                valid_to = min(ends) if ends else None
                if valid_to is not None and valid_to <= valid_from:
                    continue
                made.append(
                    self._give(
                        giver,
                        receiver,
                        [code],
                        tasks,
                        valid_from,
                        valid_to=valid_to,
                        may_pass_on=may_pass_on,
                    )
                )
        return made

    def _give(
        self,
        giver: Appointment | None,
        receiver: Appointment,
        unit_codes: list[str],
        tasks: tuple[str, ...],
        valid_from: date,
        *,
        valid_to: date | None = None,
        signed_on: date | None = _FIRST_DAY,
        communicated_on: date | None = _FIRST_DAY,
        may_pass_on: bool = False,
        signatory: Appointment | None = None,
        confirmed: tuple[bool, bool, bool, bool] = (True, True, True, True),
        follow_up_until: date | None = None,
    ) -> TaskDistribution:
        """One distribution; signed and communicated on its first day unless told otherwise."""
        signed = valid_from if signed_on == _FIRST_DAY else signed_on
        oral = valid_from if communicated_on == _FIRST_DAY else communicated_on
        absence, retained = _texts(giver, receiver)
        distribution = TaskDistribution(
            giver_appointment_id=giver.id if giver else None,
            receiver_appointment_id=receiver.id,
            employer_signatory_id=signatory.id if signatory else None,
            valid_from=valid_from,
            valid_to=valid_to,
            signed_on=signed,
            communicated_on=oral,
            may_pass_on=may_pass_on,
            absence_arrangement=absence,
            retained_tasks=retained,
        )
        if giver is None and signed is not None:
            # KS decides on its own distribution at a meeting some weeks before it is signed.
            distribution.employer_decision_on = signed - timedelta(days=21)
            distribution.employer_decision_section = f"§ {signed.timetuple().tm_yday // 3 + 10}"
        self.session.add(distribution)
        self.session.flush()
        for code in unit_codes:
            self.session.add(
                TaskDistributionUnit(
                    distribution_id=distribution.id, unit_id=self.builder.units[code].id
                )
            )
        knowledge, competence, authority, resources = confirmed
        items = {
            code: TaskDistributionItem(
                distribution_id=distribution.id,
                task_id=self.tasks[code],
                knowledge=knowledge,
                competence=competence,
                authority=authority,
                resources=resources,
            )
            for code in tasks
        }
        self.session.add_all(items.values())
        self.items[distribution.id] = items
        if signed is not None and oral is not None:
            starts = max(valid_from, signed, oral)
            self.started[receiver.id] = starts
            distribution.followed_up_on = self._follow_up(starts, follow_up_until or valid_to)
        self.distributions.append(distribution)
        return distribution

    def _follow_up(self, starts: date, ends: date | None) -> date | None:
        """AM-8: the latest yearly follow-up, if the distribution has been due for one."""
        last = min(ends, self.today) if ends is not None else self.today
        if add_months(starts, 12) > last:
            return None
        return last - timedelta(days=self.rng.randint(20, 300))

    def _received(self, receiver: Appointment) -> TaskDistribution:
        return next(d for d in self.distributions if d.receiver_appointment_id == receiver.id)

    def _between(self, distribution: TaskDistribution, part: int) -> date:
        """A day after the distribution started and before today: 1/part of the way."""
        starts = self.started[distribution.receiver_appointment_id]
        return starts + timedelta(days=max(1, (self.today - starts).days // part))

    def _return(
        self,
        distribution: TaskDistribution,
        tasks: tuple[str, ...],
        returned_on: date,
        reasons: tuple[ReturnReason, ...],
        explanation: str,
    ) -> None:
        task_return = TaskReturn(
            distribution_id=distribution.id,
            returned_on=returned_on,
            reasons=",".join(reason.value for reason in reasons),
            explanation=explanation,
        )
        self.session.add(task_return)
        self.session.flush()
        for code in tasks:
            item = self.items[distribution.id][code]
            item.returned_on = returned_on
            item.return_id = task_return.id
        if all(item.return_id is not None for item in self.items[distribution.id].values()):
            starts = self.started[distribution.receiver_appointment_id]
            distribution.followed_up_on = self._follow_up(starts, returned_on)


# --- delegation orders and delegated decisions (DOMAIN.md §2, §4) ------------------------------


@dataclass(frozen=True)
class _Who:
    """A delegate as the sample writes it: the part of the organisation by its unit code."""

    kind: DelegateKind
    role: Role | None = None
    title: str = ""
    unit: str | None = None


@dataclass(frozen=True)
class _Item:
    matter: str
    delegate: _Who
    substitute: _Who | None = None
    lagrum: str = ""
    limits: str = ""
    kind: DecisionKind | None = None  # None: the kind the matter's words say
    basis: LegalBasis = LegalBasis.GENERAL_COMPETENCE
    subdelegation: bool = False
    report: bool = True
    notes: str = ""


_Section = tuple[str, tuple[_Item, ...]]

# The laws each board's reglemente gives it (DEL-2), by short form (domain/delegation/laws.py).
# Every board procures and keeps records; a law can be in several reglementen (KS plans and
# exploits land under PBL, MSN grants bygglov under it).
_EVERY_BOARD = frozenset(
    {"KL", "FL", "OSL", "TF", "ArkL", "GDPR", "SkL", "LOU", "LUF", "LOV", "FPL", "RB"}
)
_REGLEMENTE: dict[str, frozenset[str]] = {
    # KS: the employer, finances, land, planning and exploitation
    "KS": frozenset(
        {"LAS", "MBL", "AB", "LOA", "AML", "DL", "JB", "FBL", "LMA", "ExpL", "PBL", "AL", "UB"}
    ),
    "UN": frozenset({"SL"}),
    "SN": frozenset({"SoL", "LSS", "LVU", "LVM", "FB", "AlkL", "LTLP", "FärdtjL", "LBE", "HSL"}),
    "MSN": frozenset({"PBL", "PBF", "MB", "FMH", "LL", "SSL", "SmL"}),
    "KFN": frozenset({"BibL"}),
    "NTN": frozenset({"TrF", "LFS", "OL", "AL", "MB", "AvfF"}),
}

# And the areas each answers for, as the words its matters use (DEL-2): a word at the start
# of a matter's word ("skol" in "skolskjuts"). KS's general competence has no such words.
_AREAS: dict[str, frozenset[str]] = {
    "KS": frozenset(),
    "UN": frozenset({"skol", "förskol", "elev", "gymnasie", "vuxenutbildning", "fritidshem"}),
    "SN": frozenset(
        {
            "bistånd",
            "försörjningsstöd",
            "hemtjänst",
            "socialtjänst",
            "lvu",
            "lvm",
            "lss",
            "familjehem",
            "kontaktperson",
            "missbruk",
            "serveringstillstånd",
            "färdtjänst",
            "bostadsanpassning",
        }
    ),
    "MSN": frozenset(
        {
            "bygglov",
            "rivningslov",
            "marklov",
            "detaljplan",
            "planbesked",
            "strandskydd",
            "miljötillsyn",
            "livsmedel",
            "avlopp",
            "förhandsbesked",
        }
    ),
    "KFN": frozenset({"bibliotek", "kulturskol", "fritidsgård", "idrottsanläggning"}),
    "NTN": frozenset({"gatu", "gator", "park", "trafik", "avfall", "renhållning", "snöröjning"}),
}

# Who took the step before a decision (HR-2, HR-3), as the decision log records it.
NEED_TESTED_BY = "Stadsdirektören och personaldirektören"
CONSULTED_WITH = "Enhetschefens chef"

_POS = DelegateKind.POSITION
_CHAIR = _Who(DelegateKind.CHAIR)
_VICE_CHAIR = _Who(DelegateKind.VICE_CHAIR)
_KSAU = _Who(DelegateKind.COMMITTEE, unit="KSAU")
_KSSU = _Who(DelegateKind.COMMITTEE, unit="KSSU")
_CITY_DIRECTOR = _Who(_POS, Role.CITY_DIRECTOR)
_HR_DIRECTOR = _Who(_POS, Role.DIRECTOR, unit="1000")  # personaldirektören
_FINANCE_DIRECTOR = _Who(_POS, Role.DIRECTOR, unit="2000")  # ekonomidirektören
_WELFARE_DIRECTOR = _Who(_POS, Role.DIRECTOR, unit="4000")  # välfärdsdirektören
_SERVICE_DIRECTOR = _Who(_POS, Role.PRODUCTION_DIRECTOR, unit="7000")
_UNIT_MANAGER = _Who(_POS, Role.UNIT_MANAGER)
_FINANCE_MANAGER = _Who(_POS, Role.UNIT_MANAGER, unit="2100")
_EDUCATION_MANAGER = _Who(_POS, Role.UNIT_MANAGER, unit="4200")
_PRINCIPAL = _Who(_POS, Role.PRINCIPAL)
_PRESCHOOL_HEAD = _Who(_POS, Role.PRESCHOOL_HEAD)
_OPERATIONS_MANAGER = _Who(_POS, Role.OPERATIONS_MANAGER, unit="7000")
_LAWYER = _Who(_POS, title="Kommunjurist")
_REGISTRAR = _Who(_POS, title="Registrator")
_BUYER = _Who(_POS, title="Upphandlare")
_SCHOOL_OFFICER = _Who(_POS, title="Skolhandläggare")
_EDUCATION_OFFICER = _Who(_POS, title="Utbildningsutredare")

_TITLED_POSITIONS: tuple[tuple[str, str], ...] = (
    (
        "Kommunjurist",
        "Jurist vid juridik- och kanslienheten; företräder kommunen i rättsliga "
        "frågor och prövar utlämnande av allmänna handlingar.",
    ),
    (
        "Registrator",
        "Registrerar och diarieför allmänna handlingar vid juridik- och kanslienheten.",
    ),
    ("Upphandlare", "Genomför kommunens upphandlingar vid ekonomienheten."),
    (
        "Skolhandläggare",
        "Handlägger skolskjuts, elevresor och inackordering vid utbildningsenheten.",
    ),
    (
        "Utbildningsutredare",
        "Utreder och handlägger förskoleplatser och tilläggsbelopp vid utbildningsenheten.",
    ),
)

_HR2 = "Behovet av anställningen prövas först av stadsdirektören och personaldirektören."
_HR3 = "Beslutet föregås av samråd med den egna chefen."
_LAS = "LAS 7 §"
_LOU = "LOU 19 kap"
_PROCUREMENT = "Upphandling, tilldelning och tecknande av avtal"
_ACCESS = "Beslut att inte lämna ut allmän handling eller att lämna ut den med förbehåll"
_LATE_APPEAL = "Avvisning av överklagande som kommit in för sent"
_URGENT_KS = (
    "Beslut i ärenden som är så brådskande att kommunstyrelsens avgörande inte kan avvaktas"
)
_URGENT_UN = "Beslut i ärenden som är så brådskande att nämndens avgörande inte kan avvaktas"
_SCHOOL_LAW = "Skollagen"

# HR-5: the verksamhetschef in Välfärd samhällsservice; elsewhere the enhetschef within the
# staff areas of the stadsledningskontor and the rektor within Välfärd skola.
_RESERVED_MATTERS: tuple[tuple[str, str], ...] = (
    ("Varning till medarbetare", "AB § 11"),  # a skriftlig varning is disciplinary (HR-5)
    ("Disciplinåtgärd mot medarbetare", "AB § 11"),
    ("Återbesättning av vakant tjänst", ""),
    ("Ändrad sysselsättningsgrad för medarbetare", "AB § 12"),
)
_RESERVED_ELSEWHERE: tuple[_Who, ...] = (
    *(
        _Who(_POS, Role.UNIT_MANAGER, unit=code)
        for code in ("1000", "2000", "3000", "4000", "5000")
    ),
    _Who(_POS, Role.PRINCIPAL, unit="6000"),
)


def _reserved_items() -> tuple[_Item, ...]:
    items = []
    for matter, lagrum in _RESERVED_MATTERS:
        items.append(
            _Item(
                f"{matter} inom Välfärd samhällsservice",
                _OPERATIONS_MANAGER,
                _SERVICE_DIRECTOR,
                lagrum,
                notes="Enhetschefen får anställa men beslutar inte i frågan.",
            )
        )
        items += [_Item(matter, who, lagrum=lagrum) for who in _RESERVED_ELSEWHERE]
    return tuple(items)


_KS_SECTIONS: tuple[_Section, ...] = (
    (
        "Personalärenden",
        (
            _Item(
                "Anställning av medarbetare inom enheten",
                _UNIT_MANAGER,
                lagrum="LAS 4–6 §§",
                notes=_HR2,
            ),
            _Item(
                "Anställning av lärare och övrig personal vid skolenheten",
                _PRINCIPAL,
                lagrum="LAS 4–6 §§",
                notes=_HR2,
            ),
            _Item(
                "Anställning av personal vid förskoleenheten",
                _PRESCHOOL_HEAD,
                lagrum="LAS 4–6 §§",
                notes=_HR2,
            ),
            _Item(
                "Anställning av enhetschef inom verksamhetsområdet",
                _OPERATIONS_MANAGER,
                _SERVICE_DIRECTOR,
                "LAS 4 §",
                notes=_HR2,
            ),
            _Item(
                "Lönesättning vid nyanställning",
                _UNIT_MANAGER,
                limits="Inom ramen för kommunens lönepolicy",
            ),
            _Item(
                "Lönesättning vid lönerevision",
                _UNIT_MANAGER,
                limits="Inom ramen för kommunens lönepolicy",
            ),
            _Item("Lön vid anställning av direktör och enhetschef", _HR_DIRECTOR, _CITY_DIRECTOR),
            _Item(
                "Varning till medarbetare vid skolenheten", _PRINCIPAL, lagrum="AB § 11", notes=_HR3
            ),
            _Item(
                "Uppsägning av medarbetare av personliga skäl",
                _UNIT_MANAGER,
                lagrum=_LAS,
                notes=_HR3,
            ),
            _Item(
                "Uppsägning av medarbetare på grund av arbetsbrist",
                _UNIT_MANAGER,
                lagrum="LAS 7 §, 22 §",
                notes=f"{_HR3} Personaldirektören ska höras.",
            ),
            _Item(
                "Uppsägning av personliga skäl vid skolenheten", _PRINCIPAL, lagrum=_LAS, notes=_HR3
            ),
            _Item("Avsked av medarbetare", _UNIT_MANAGER, lagrum="LAS 18 §", notes=_HR3),
            *_reserved_items(),
            _Item("Tjänstledighet upp till sex månader", _UNIT_MANAGER, report=False),
            _Item("Tjänstledighet längre än sex månader", _HR_DIRECTOR, _CITY_DIRECTOR),
            _Item(
                "Förbud mot bisyssla",
                _UNIT_MANAGER,
                lagrum="LOA 7–7 d §§",
                notes="Bisysslor anmäls och prövas årligen i medarbetarsamtalet.",
            ),
            _Item(
                "Förhandlingar enligt MBL och tecknande av lokala kollektivavtal",
                _HR_DIRECTOR,
                _CITY_DIRECTOR,
                "MBL 10–14 §§, 38 §",
            ),
            _Item(
                "Särskild avtalspension och överenskommelse om avslut",
                _HR_DIRECTOR,
                _CITY_DIRECTOR,
                limits="Upp till 24 månaders ersättning",
            ),
        ),
    ),
    (
        "Ekonomi",
        (
            _Item(
                "Utse beslutsattestanter och ersättare för kommunstyrelsens verksamheter",
                _FINANCE_DIRECTOR,
                _CITY_DIRECTOR,
                "Attestreglementet 5 §",
            ),
            _Item(
                "Attest av fakturor och utbetalningar",
                _UNIT_MANAGER,
                limits="Inom enhetens budget",
                report=False,
            ),
            _Item(
                "Upptagande och omsättning av lån",
                _FINANCE_DIRECTOR,
                _CITY_DIRECTOR,
                "KL 11 kap",
                "Inom den låneram kommunfullmäktige fastställt",
            ),
            _Item(
                "Placering av likvida medel enligt finanspolicyn",
                _FINANCE_DIRECTOR,
                _CITY_DIRECTOR,
            ),
            _Item(
                "Avskrivning av fordringar",
                _FINANCE_MANAGER,
                limits="Upp till ett prisbasbelopp per fordran",
            ),
            _Item(
                "Försäljning av inventarier och annan lös egendom",
                _UNIT_MANAGER,
                limits="Upp till 100 000 kr",
                report=False,
                notes="Anmäls inte. Besluten kan laglighetsprövas och protokollförs därför "
                "särskilt (KL 6 kap. 40 §).",
            ),
            _Item(
                "Beslut i skadeståndsärenden",
                _LAWYER,
                limits="Upp till 1 mnkr",
                lagrum="SkL 3 kap 2 §",
            ),
        ),
    ),
    (
        "Upphandling",
        (
            _Item(
                "Direktupphandling",
                _BUYER,
                _FINANCE_MANAGER,
                "LOU 19 kap 8 §",
                "Under direktupphandlingsgränsen",
                report=False,
            ),
            _Item(_PROCUREMENT, _UNIT_MANAGER, lagrum=_LOU, limits="Upp till 1 mnkr"),
            # DEL-10: the stadsdirektör, KS's förvaltningschef, may pass it on.
            _Item(
                _PROCUREMENT,
                _CITY_DIRECTOR,
                _FINANCE_DIRECTOR,
                _LOU,
                "Över 1 mnkr och upp till 10 mnkr",
                subdelegation=True,
            ),
            _Item(
                _PROCUREMENT,
                _CITY_DIRECTOR,
                lagrum=_LOU,
                limits="Över 10 mnkr och upp till 30 mnkr",
                subdelegation=True,
            ),
            _Item("Avbrytande av upphandling", _FINANCE_DIRECTOR, _CITY_DIRECTOR, "LOU 4 kap 12 §"),
            _Item(
                "Avrop från kommunens ramavtal",
                _UNIT_MANAGER,
                limits="Inom enhetens budget",
                report=False,
            ),
            _Item(
                "Företräda kommunstyrelsen vid överprövning av upphandling",
                _LAWYER,
                lagrum="LOU 20 kap",
            ),
        ),
    ),
    (
        "Juridik och allmänna handlingar",
        (
            _Item(_ACCESS, _LAWYER, lagrum="TF 2 kap, OSL 6 kap 3 §"),
            _Item(
                "Föra kommunstyrelsens talan i mål och ärenden vid domstolar och myndigheter",
                _LAWYER,
                _CITY_DIRECTOR,
                "KL 6 kap 15 §",
            ),
            # The words speak of an appeal, but rejecting a late one is no statement on it.
            _Item(_LATE_APPEAL, _LAWYER, lagrum="FL 45 §", kind=DecisionKind.OTHER),
            _Item("Personuppgiftsbiträdesavtal", _LAWYER, lagrum="GDPR art. 28"),
            _Item(
                "Undantag från registrering av handlingar av ringa betydelse",
                _REGISTRAR,
                lagrum="OSL 5 kap 1 §",
                report=False,
            ),
            _Item(
                "Avgift för kopior och utskrifter av allmänna handlingar",
                _REGISTRAR,
                lagrum="TF 2 kap 16 §",
                limits="Enligt kommunfullmäktiges taxa",
                report=False,
            ),
            _Item(
                "Gallring av handlingar av tillfällig betydelse",
                _REGISTRAR,
                lagrum="Arkivlagen 10 §",
                report=False,
            ),
        ),
    ),
    (
        "Övergripande ärenden",
        (
            _Item(
                "Yttranden över remisser från myndigheter och andra kommuner",
                _KSAU,
                lagrum="KL 6 kap 37 §",
                notes="Remisser av större vikt avgörs av kommunstyrelsen.",
            ),
            _Item(
                "Markreservation och markanvisning enligt markanvisningspolicyn",
                _KSSU,
                lagrum="Lag om riktlinjer för kommunala markanvisningar",
            ),
            _Item(
                "Representation och uppvaktning",
                _CITY_DIRECTOR,
                limits="Inom budget för representation",
                subdelegation=True,
                report=False,
            ),
        ),
    ),
    (
        "Brådskande ärenden",
        (
            _Item(
                _URGENT_KS,
                _CHAIR,
                _VICE_CHAIR,
                "KL 6 kap 39 §",
                notes="Anmäls vid nästa sammanträde.",
            ),
        ),
    ),
)

# The version the present order replaced: lower procurement limits, fewer items.
_KS_EARLIER: tuple[_Section, ...] = (
    (
        "Personalärenden",
        (
            _Item("Anställning av medarbetare inom enheten", _UNIT_MANAGER, lagrum="LAS 4–6 §§"),
            _Item("Lönesättning vid nyanställning", _UNIT_MANAGER),
            _Item(
                "Varning till medarbetare",
                _Who(_POS, Role.UNIT_MANAGER, unit="1000"),
                lagrum="AB § 11",
            ),
            _Item(
                "Uppsägning av medarbetare av personliga skäl",
                _UNIT_MANAGER,
                lagrum=_LAS,
                notes="Efter samråd med personaldirektören.",
            ),
        ),
    ),
    (
        "Ekonomi och upphandling",
        (
            _Item("Utse beslutsattestanter", _FINANCE_DIRECTOR, _CITY_DIRECTOR),
            _Item(_PROCUREMENT, _UNIT_MANAGER, lagrum="LOU 15 kap", limits="Upp till 500 000 kr"),
            _Item(
                _PROCUREMENT,
                _FINANCE_DIRECTOR,
                _CITY_DIRECTOR,
                "LOU 15 kap",
                "Över 500 000 kr och upp till 5 mnkr",
            ),
        ),
    ),
    ("Brådskande ärenden", (_Item(_URGENT_KS, _CHAIR, lagrum="KL 6 kap 36 §"),)),
)

_LAW = LegalBasis.ROLE_BY_LAW
_MUNICIPALITY = LegalBasis.MUNICIPALITY_BY_LAW  # skollagen names hemkommunen (DEL-3)
_RECTOR_NOTE = "Rektors egen beslutanderätt enligt skollagen; ingen delegering från nämnden."

_UN_SECTIONS: tuple[_Section, ...] = (
    (
        "Skolskjuts och elevresor",
        (
            _Item(
                "Skolskjuts i grundskola och anpassad grundskola",
                _SCHOOL_OFFICER,
                _EDUCATION_MANAGER,
                f"{_SCHOOL_LAW} 10 kap 32 §, 11 kap 31 §",
                basis=_MUNICIPALITY,
            ),
            _Item(
                "Skolskjuts vid växelvis boende",
                _SCHOOL_OFFICER,
                _EDUCATION_MANAGER,
                f"{_SCHOOL_LAW} 10 kap 32 §",
                basis=_MUNICIPALITY,
                report=False,
                notes="Anmäls inte. Avslag överklagas genom förvaltningsbesvär (skollagen "
                "28 kap.), inte genom laglighetsprövning; de protokollförs inte särskilt.",
            ),
            _Item(
                "Skolskjuts vid val av annan skolenhet",
                _SCHOOL_OFFICER,
                _EDUCATION_MANAGER,
                f"{_SCHOOL_LAW} 10 kap 33 §",
                basis=_MUNICIPALITY,
            ),
            _Item(
                "Elevresor för gymnasieelever",
                _SCHOOL_OFFICER,
                lagrum="Lag (1991:1110) om kommunernas skyldighet att svara för vissa elevresor",
            ),
            _Item(
                "Inackorderingstillägg för gymnasieelever",
                _SCHOOL_OFFICER,
                lagrum=f"{_SCHOOL_LAW} 15 kap 32 §",
            ),
        ),
    ),
    (
        "Mottagande och placering",
        (
            _Item(
                "Placering vid skolenhet", _EDUCATION_MANAGER, lagrum=f"{_SCHOOL_LAW} 10 kap 30 §"
            ),
            _Item(
                "Mottagande i anpassade grundskolan",
                _EDUCATION_MANAGER,
                lagrum=f"{_SCHOOL_LAW} 7 kap 5 §",
            ),
            _Item("Uppskjuten skolplikt", _EDUCATION_MANAGER, lagrum=f"{_SCHOOL_LAW} 7 kap 10 §"),
            _Item(
                "Mottagande av elev från annan kommun",
                _EDUCATION_MANAGER,
                lagrum=f"{_SCHOOL_LAW} 10 kap 25 §",
            ),
            _Item(
                "Plats i förskola",
                _EDUCATION_OFFICER,
                _EDUCATION_MANAGER,
                f"{_SCHOOL_LAW} 8 kap 14 §",
            ),
        ),
    ),
    (
        "Elevärenden",
        (
            _Item(
                "Skolenhetens inre organisation",
                _PRINCIPAL,
                lagrum=f"{_SCHOOL_LAW} 2 kap 10 §",
                basis=_LAW,
                report=False,
                notes=_RECTOR_NOTE,
            ),
            _Item(
                "Åtgärdsprogram för elev i behov av särskilt stöd",
                _PRINCIPAL,
                lagrum=f"{_SCHOOL_LAW} 3 kap 9 §",
                basis=_LAW,
                report=False,
                notes=_RECTOR_NOTE,
            ),
            _Item(
                "Särskild undervisningsgrupp och enskild undervisning",
                _PRINCIPAL,
                lagrum=f"{_SCHOOL_LAW} 3 kap 11 §",
                basis=_LAW,
                report=False,
                notes=_RECTOR_NOTE,
            ),
            _Item(
                "Anpassad studiegång",
                _PRINCIPAL,
                lagrum=f"{_SCHOOL_LAW} 3 kap 12 §",
                basis=_LAW,
                report=False,
                notes=_RECTOR_NOTE,
            ),
            _Item(
                "Ledighet för elev",
                _PRINCIPAL,
                lagrum=f"{_SCHOOL_LAW} 7 kap 18 §",
                basis=_LAW,
                report=False,
                notes=_RECTOR_NOTE,
            ),
            # A pupil's warning, not an employee's: no staff matter.
            _Item(
                "Skriftlig varning till elev",
                _PRINCIPAL,
                lagrum=f"{_SCHOOL_LAW} 5 kap 11 §",
                kind=DecisionKind.OTHER,
                basis=_LAW,
                report=False,
                notes=f"{_RECTOR_NOTE} Gäller elever, inte medarbetare.",
            ),
            _Item(
                "Avstängning av elev",
                _PRINCIPAL,
                lagrum=f"{_SCHOOL_LAW} 5 kap 14 §",
                basis=_LAW,
                notes=f"{_RECTOR_NOTE} Huvudmannen underrättas.",
            ),
        ),
    ),
    (
        "Ekonomi och tillsyn",
        (
            _Item(
                "Tilläggsbelopp för elever med omfattande behov av särskilt stöd",
                _EDUCATION_OFFICER,
                _EDUCATION_MANAGER,
                f"{_SCHOOL_LAW} 10 kap 39 §",
            ),
            _Item(
                "Godkännande av enskild som huvudman för fristående förskola",
                _EDUCATION_MANAGER,
                _WELFARE_DIRECTOR,
                f"{_SCHOOL_LAW} 2 kap 5 §",
            ),
            _Item(
                "Föreläggande vid tillsyn över fristående förskola",
                _WELFARE_DIRECTOR,
                lagrum=f"{_SCHOOL_LAW} 26 kap 10 §",
            ),
            _Item(
                "Anmärkning vid tillsyn över fristående förskola",
                _EDUCATION_MANAGER,
                lagrum=f"{_SCHOOL_LAW} 26 kap 11 §",
            ),
        ),
    ),
    (
        "Juridik och allmänna handlingar",
        (
            _Item(_ACCESS, _LAWYER, lagrum="TF 2 kap, OSL 6 kap 3 §"),
            _Item(
                "Föra nämndens talan i mål och ärenden vid domstolar och myndigheter",
                _LAWYER,
                lagrum="KL 6 kap 15 §",
            ),
            _Item(_LATE_APPEAL, _LAWYER, lagrum="FL 45 §", kind=DecisionKind.OTHER),
        ),
    ),
    (
        "Brådskande ärenden",
        (
            _Item(
                _URGENT_UN,
                _CHAIR,
                _VICE_CHAIR,
                "KL 6 kap 39 §",
                notes="Anmäls vid nästa sammanträde.",
            ),
        ),
    ),
)


@dataclass(frozen=True)
class _Decision:
    """A decision taken on delegation: by the holder of (unit code, role[, title]) that day."""

    board: str
    matter: str
    limits: str
    unit: str
    role: Role
    days_ago: int
    description: str
    title: str = ""
    need_tested: int | None = None  # days before the decision (HR-2)
    consulted: int | None = None  # days before the decision (HR-3)
    reported_after: int | None = None  # days after the decision (DEL-11)
    appealable: bool = False  # by laglighetsprövning (KL 13 kap.)
    recorded_after: int | None = None  # days after; recorded separately (DEL-11)


_DECISIONS: tuple[_Decision, ...] = (
    _Decision(
        "KS",
        "Utse beslutsattestanter och ersättare för kommunstyrelsens verksamheter",
        "",
        "2000",
        Role.DIRECTOR,
        130,
        "Beslutsattestanter och ersättare för ekonomienhetens ansvar utsedda för året.",
        reported_after=20,
    ),
    _Decision(
        "KS",
        "Anställning av medarbetare inom enheten",
        "",
        "2100",
        Role.UNIT_MANAGER,
        96,
        "Tillsvidareanställning av controller vid ekonomienheten.",
        need_tested=21,
        reported_after=27,
    ),
    _Decision(
        "KS",
        "Anställning av lärare och övrig personal vid skolenheten",
        "",
        "6300",
        Role.PRINCIPAL,
        61,
        "Tillsvidareanställning av två lärare i matematik och NO.",
        need_tested=30,
        reported_after=27,
    ),
    _Decision(
        "KS",
        "Varning till medarbetare",
        "",
        "3100",
        Role.UNIT_MANAGER,
        44,
        "Skriftlig varning till bygglovshandläggare efter upprepade sena "
        "handläggningar trots tillsägelse.",
        consulted=5,
        reported_after=14,
    ),
    _Decision(
        "KS",
        _PROCUREMENT,
        "Över 1 mnkr och upp till 10 mnkr",
        "2000",
        Role.DIRECTOR,
        33,
        "Tilldelning och avtal om städtjänster för kommunhuset, 4,2 mnkr över tre år.",
    ),
    _Decision(
        "KS",
        "Ändrad sysselsättningsgrad för medarbetare inom Välfärd samhällsservice",
        "",
        "7300",
        Role.OPERATIONS_MANAGER,
        19,
        "Sysselsättningsgraden för en undersköterska i Hemtjänst Boo höjd till 100 %.",
    ),
    _Decision(
        "KS",
        "Anställning av enhetschef inom verksamhetsområdet",
        "",
        "7200",
        Role.OPERATIONS_MANAGER,
        12,
        "Anställning av ny enhetschef för Boende Ältavägen efter rekrytering.",
        need_tested=40,
    ),
    _Decision(
        "UN",
        "Skolskjuts i grundskola och anpassad grundskola",
        "",
        "4200",
        Role.EMPLOYEE,
        52,
        "Skolskjuts beviljad för elev i årskurs 2 med lång och trafikfarlig skolväg.",
        title="Skolhandläggare",
        reported_after=23,
    ),
    _Decision(
        "UN",
        _URGENT_UN,
        "",
        "UN",
        Role.CHAIR,
        40,
        "Yttrande till Skolinspektionen med kort svarstid, lämnat före nämndens möte.",
        reported_after=16,
    ),
    _Decision(
        "UN",
        "Skolskjuts vid växelvis boende",
        "",
        "4200",
        Role.EMPLOYEE,
        34,
        "Ansökan om skolskjuts vid växelvis boende avslagen: skolvägen från den andra "
        "vårdnadshavarens bostad är kortare än två kilometer och trafiksäker.",
        title="Skolhandläggare",
    ),
    _Decision(
        "UN",
        "Skolskjuts vid växelvis boende",
        "",
        "4200",
        Role.EMPLOYEE,
        9,
        "Ansökan om skolskjuts vid växelvis boende i Boo och Älta avslagen: boendet är inte "
        "jämnt fördelat mellan vårdnadshavarna.",
        title="Skolhandläggare",
    ),
    _Decision(
        "KS",
        "Försäljning av inventarier och annan lös egendom",
        "Upp till 100 000 kr",
        "2100",
        Role.UNIT_MANAGER,
        47,
        "Försäljning av två begagnade tjänstebilar till högstbjudande, sammanlagt 86 000 kr.",
        appealable=True,
        recorded_after=5,
    ),
    _Decision(
        "KS",
        "Försäljning av inventarier och annan lös egendom",
        "Upp till 100 000 kr",
        "2100",
        Role.UNIT_MANAGER,
        11,
        "Försäljning av överblivna kontorsmöbler efter flytten till stadshuset, 24 000 kr.",
        appealable=True,
    ),
)


class _DelegationSample:
    """The boards' delegation orders and some decisions taken on them, as ORM rows."""

    def __init__(self, builder: _SampleBuilder) -> None:
        self.builder = builder
        self.session = builder.session
        self.today = builder.today
        self.items: list[DelegationItemRow] = []
        self.decisions: list[DelegatedDecision] = []
        self._by_matter: dict[tuple[str, str, str], DelegationItemRow] = {}
        # Every item of a matter: one matter may go to several scoped delegates (HR-5).
        self._all_by_matter: dict[tuple[str, str, str], list[DelegationItemRow]] = {}

    def build(self) -> None:
        today = self.today
        self.session.add_all(
            TitledPosition(title=title, description=text) for title, text in _TITLED_POSITIONS
        )
        self._order(
            "KS",
            OrderStatus.SUPERSEDED,
            today - timedelta(days=1862),
            "§ 97",
            _KS_EARLIER,
            "Ersatt av kommunstyrelsens beslut § 214.",
        )
        self._order(
            "KS",
            OrderStatus.ADOPTED,
            today - timedelta(days=742),
            "§ 214",
            _KS_SECTIONS,
            "Kommunstyrelsens delegationsordning, också för personalfrågor i hela kommunen.",
            current=True,
        )
        self._order(
            "UN",
            OrderStatus.ADOPTED,
            today - timedelta(days=540),
            "§ 63",
            _UN_SECTIONS,
            "Utbildningsnämndens delegationsordning. Personalfrågor finns i "
            "kommunstyrelsens delegationsordning.",
            current=True,
        )
        self._board_settings()
        self.session.flush()
        self._decisions()
        self._subdelegation()
        self._council_matters()

    def _board_settings(self) -> None:
        """Each board's förvaltningschef (DEL-10) and reporting rhythm (DEL-11): KS's is the
        stadsdirektör and it hears decisions monthly; the utbildningsnämnd's is the
        välfärdsdirektör, and it meets about every six weeks."""
        units = self.builder.units
        for board, role, area, days in (
            ("KS", Role.CITY_DIRECTOR, None, 31),
            ("UN", Role.DIRECTOR, "4000", 45),
            ("SN", None, None, None),
            ("MSN", None, None, None),
            ("KFN", None, None, None),
            ("NTN", None, None, None),
        ):
            self.session.add(
                BoardSettingRow(
                    board_unit_id=units[board].id,
                    head_role=role,
                    head_unit_id=units[area].id if area else None,
                    report_within_days=days,
                    reglemente_laws=" ".join(sorted(_EVERY_BOARD | _REGLEMENTE[board])),
                    reglemente_areas=", ".join(sorted(_AREAS[board])),
                )
            )

    def _council_matters(self) -> None:
        """Two matters of principle the utbildningsnämnd referred to KF (one KF has decided,
        one KS is preparing), and a KS matter KF took back (DEL-3, DEL-4)."""
        today, units = self.today, self.builder.units
        land = self._by_matter[
            ("KS", "Markreservation och markanvisning enligt markanvisningspolicyn", "")
        ]
        self.session.add_all(
            [
                CouncilMatterRow(
                    kind=CouncilMatterKind.REFERRAL,
                    board_unit_id=units["UN"].id,
                    to_unit_id=units["KF"].id,
                    matter="Ny skolstruktur i Fisksätra: Fisksätra skola och Saltängens skola "
                    "slås samman",
                    legal_basis=LegalBasis.MUNICIPALITY_BY_LAW,
                    decided_on=today - timedelta(days=151),
                    paragraph="§ 41",
                    case_number="UN 2026/118",
                    prepared_on=today - timedelta(days=122),
                    council_decided_on=today - timedelta(days=95),
                    council_paragraph="KF § 52",
                    notes="Av större vikt för kommunen: hänskjutet till fullmäktige.",
                ),
                CouncilMatterRow(
                    kind=CouncilMatterKind.REFERRAL,
                    board_unit_id=units["UN"].id,
                    to_unit_id=units["KF"].id,
                    matter="Ändrade principer för resursfördelning till fristående förskolor "
                    "och skolor",
                    legal_basis=LegalBasis.GENERAL_COMPETENCE,
                    decided_on=today - timedelta(days=26),
                    paragraph="§ 88",
                    case_number="UN 2026/301",
                    prepared_on=today - timedelta(days=6),
                    notes="Kommunstyrelsen har berett ärendet; fullmäktige behandlar det i "
                    "december.",
                ),
                CouncilMatterRow(
                    kind=CouncilMatterKind.RECALL,
                    board_unit_id=units["KS"].id,
                    item_id=land.id,
                    matter=land.matter,
                    legal_basis=land.legal_basis,
                    decided_on=today - timedelta(days=58),
                    paragraph="KF § 61",
                    case_number="KFKS 2026/512",
                    notes="Fullmäktige beslutar själv om markanvisningar till dess att en ny "
                    "markanvisningspolicy antagits.",
                ),
            ]
        )

    def _subdelegation(self) -> None:
        """The stadsdirektör, KS's förvaltningschef, passes larger procurements on to the
        upphandlare (DEL-10)."""
        item = self._by_matter[("KS", _PROCUREMENT, "Över 1 mnkr och upp till 10 mnkr")]
        order = next(o for o in load_orders(self.session) if o.id == item.order_id)
        record = next(i for i in order.items if i.id == item.id)
        since = self.today - timedelta(days=200)
        holder = next(
            right.appointment
            for right in direct_holders(load_snapshot(self.session), order, record, since)
            if right.via is Via.DELEGATE and right.appointment.is_valid_on(self.today)
        )
        self.session.add(
            SubdelegationRow(
                item_id=item.id,
                by_appointment_id=holder.id,
                to_kind=DelegateKind.POSITION,
                to_role=None,
                to_title="Upphandlare",
                to_unit_id=None,
                valid_from=since,
                notes="Upphandlarna beslutar i egna upphandlingar; besluten anmäls till "
                "stadsdirektören.",
            )
        )

    def _order(
        self,
        board: str,
        status: OrderStatus,
        adopted_on: date,
        paragraph: str,
        sections: tuple[_Section, ...],
        notes: str,
        current: bool = False,
    ) -> None:
        order = DelegationOrderRow(
            board_unit_id=self.builder.units[board].id,
            status=status,
            adopted_on=adopted_on,
            paragraph=paragraph,
            notes=notes,
        )
        self.session.add(order)
        self.session.flush()
        position = itertools.count()
        rows = []
        for section_number, (section, items) in enumerate(sections, start=1):
            for item_number, spec in enumerate(items, start=1):
                kind = spec.kind if spec.kind is not None else infer_decision_kind(spec.matter)
                row = DelegationItemRow(
                    order_id=order.id,
                    position=next(position),
                    section=section,
                    number=f"{section_number}.{item_number}",
                    matter=spec.matter,
                    decision_kind=kind,
                    delegate_kind=spec.delegate.kind,
                    delegate_role=spec.delegate.role,
                    delegate_title=spec.delegate.title,
                    delegate_unit_id=self._unit_id(spec.delegate),
                    substitute_kind=spec.substitute.kind if spec.substitute else None,
                    substitute_role=spec.substitute.role if spec.substitute else None,
                    substitute_title=spec.substitute.title if spec.substitute else "",
                    substitute_unit_id=self._unit_id(spec.substitute),
                    lagrum=spec.lagrum,
                    legal_basis=spec.basis,
                    limits=spec.limits,
                    subdelegation_allowed=spec.subdelegation,
                    report_to_board=spec.report,
                    notes=spec.notes,
                )
                rows.append(row)
                if current:
                    self._by_matter[(board, spec.matter, spec.limits)] = row
                    self._all_by_matter.setdefault((board, spec.matter, spec.limits), []).append(
                        row
                    )
        self.session.add_all(rows)
        self.items += rows

    def _unit_id(self, who: _Who | None) -> int | None:
        if who is None or who.unit is None:
            return None
        return self.builder.units[who.unit].id

    def _decisions(self) -> None:
        """Each decision by the one who held the right that day (checked as the app does)."""
        org = load_snapshot(self.session)
        orders = load_orders(self.session)

        def only(item_id: int) -> list[DelegationOrder]:
            return [
                replace(order, items=tuple(i for i in order.items if i.id == item_id))
                for order in orders
            ]

        titles = {person.id: person.title for person in self.builder.persons}
        for case, spec in enumerate(_DECISIONS, start=1):
            candidates = self._all_by_matter[(spec.board, spec.matter, spec.limits)]
            decided_on = self.today - timedelta(days=spec.days_ago)
            unit_id = self.builder.units[spec.unit].id
            appointment = next(
                a
                for a in self.builder.appointments
                if a.unit_id == unit_id
                and a.role is spec.role
                and (not spec.title or titles[a.person_id] == spec.title)
                and is_valid_on(a.valid_from, a.valid_to, decided_on)
            )
            # Only the one item: rights_of_person weighs each item on its own, and all of
            # them ten times over would cost more than the rest of the sample.
            item = next(
                (
                    row
                    for row in candidates
                    if any(
                        r.item.id == row.id and r.appointment.id == appointment.id
                        for r in rights_of_person(
                            org, only(row.id), appointment.person_id, decided_on
                        )
                    )
                ),
                None,
            )
            if item is None:
                raise RuntimeError(f"Exempelbeslutet {spec.description!r} saknar delegation.")
            self.decisions.append(
                DelegatedDecision(
                    item_id=item.id,
                    decided_by_appointment_id=appointment.id,
                    decided_on=decided_on,
                    description=spec.description,
                    case_number=f"{spec.board} {decided_on.year}/{100 + 17 * case:04d}",
                    need_tested_on=_before(decided_on, spec.need_tested),
                    need_tested_by=NEED_TESTED_BY if spec.need_tested is not None else "",
                    consulted_on=_before(decided_on, spec.consulted),
                    consulted_with=CONSULTED_WITH if spec.consulted is not None else "",
                    reported_on=_after(decided_on, spec.reported_after),
                    appealable=spec.appealable,
                    recorded_separately_on=_after(decided_on, spec.recorded_after),
                )
            )
        self.session.add_all(self.decisions)


def _before(day: date, days: int | None) -> date | None:
    return day - timedelta(days=days) if days is not None else None


def _after(day: date, days: int | None) -> date | None:
    return day + timedelta(days=days) if days is not None else None
