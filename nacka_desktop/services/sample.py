"""A fictional but realistic sample of Nacka's organisation, for demos, manuals and tests.

Everything is inserted in one transaction straight through the ORM models, and checked with
the rule checks before it is committed: a sample that breaks a rule is never written.
"""

from __future__ import annotations

import itertools
import random
import unicodedata
from dataclasses import asdict, dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from nacka_desktop.domain.checks import check_organisation
from nacka_desktop.domain.enums import ProcessKind, Role, UnitKind, WelfareBranch
from nacka_desktop.domain.rules import ObjectKind
from nacka_desktop.storage.database import Database
from nacka_desktop.storage.models import Appointment, AuditEntry, Person, Process, Unit
from nacka_desktop.storage.repositories import load_snapshot

SEED = 2026
KF_SEATS = 61


@dataclass(frozen=True)
class SampleSummary:
    units: int
    persons: int
    appointments: int
    processes: int


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
        errors = [
            v
            for v in check_organisation(load_snapshot(session), on=today, today=today)
            if v.is_error
        ]
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
        self._pending: list[tuple[Person, str, Role, date, date | None, bool]] = []
        self._emails: set[str] = set()
        self._staff_numbers = itertools.count(10001)
        self._politician_numbers = itertools.count(20001)

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

    def summary(self) -> SampleSummary:
        return SampleSummary(
            units=len(self.units),
            persons=len(self.persons),
            appointments=len(self.appointments),
            processes=len(self.processes),
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
