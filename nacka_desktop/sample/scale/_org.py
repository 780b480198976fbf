"""The large organisation in memory: units, persons and appointments, with their ids.

Everything is planned here first (plain objects, dicts and lists, one pass per level of the
tree) and written in bulk afterwards, so the size of the organisation costs no more than
linear time.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from nacka_desktop.domain.dates import is_valid_on
from nacka_desktop.domain.enums import Role, UnitKind, WelfareBranch
from nacka_desktop.sample import data as sample_data
from nacka_desktop.sample.scale import _names as names
from nacka_desktop.sample.scale._areas import (
    AREAS,
    BOARDS,
    CORE_AREAS,
    LARGER_AREAS,
    Area,
    BoardSpec,
    district_board,
)

MIN_UNITS = 50
KF_SEATS = 61
_BOARD_SEATS = (5, 4)  # majority, opposition
_KS_SEATS = (7, 6)

_K = UnitKind
_SCHOOL = WelfareBranch.SCHOOL
_SERVICE = WelfareBranch.COMMUNITY_SERVICE
_LEADER_TITLES = {
    Role.CITY_DIRECTOR: "Stadsdirektör",
    Role.PRODUCTION_DIRECTOR: "Produktionsdirektör",
    Role.UNIT_MANAGER: "Enhetschef",
    Role.GROUP_MANAGER: "Gruppchef",
    Role.PRINCIPAL: "Rektor",
    Role.PRESCHOOL_HEAD: "Förskolechef",
    Role.OPERATIONS_MANAGER: "Verksamhetschef",
}


@dataclass(eq=False, slots=True)
class Person:
    id: int
    number: str
    first: str
    last: str
    title: str
    email: str


@dataclass(eq=False, slots=True)
class Appt:
    id: int
    person: Person
    unit: Unit
    role: Role
    valid_from: date
    valid_to: date | None = None
    acting: bool = False
    stands_in: bool = False  # acting while the regular manager stays (on leave)

    def valid_on(self, on: date) -> bool:
        return is_valid_on(self.valid_from, self.valid_to, on)


@dataclass(eq=False, slots=True)
class Unit:
    id: int
    code: str
    name: str
    kind: UnitKind
    parent: Unit | None
    leader_role: Role | None = None
    branch: WelfareBranch | None = None
    charter: str = ""
    seats: int | None = None
    area: Area | None = None  # the director area it belongs to (for offices and the area)
    board: BoardSpec | None = None
    staff_titles: tuple[tuple[str, int], ...] = ()
    children: list[Unit] = field(default_factory=list)
    line: tuple[int, ...] = ()  # its own id, then its ancestors' ids upwards
    posts: list[Appt] = field(default_factory=list)  # leading appointments in time order
    deputies: list[Appt] = field(default_factory=list)
    staff: list[Appt] = field(default_factory=list)
    seated: list[Appt] = field(default_factory=list)  # political bodies

    def leaders_on(self, on: date) -> list[Appt]:
        return [a for a in self.posts if a.valid_on(on)]


@dataclass(frozen=True)
class Ids:
    """The first free id of each table (the database may hold rows already)."""

    unit: int = 1
    person: int = 1
    appointment: int = 1


class Organisation:
    def __init__(self, size: int, today: date, rng: random.Random, ids: Ids) -> None:
        if size < MIN_UNITS:
            raise ValueError(f"En skalad organisation behöver minst {MIN_UNITS} enheter.")
        self.size = size
        self.today = today
        self.start = date(today.year - 7, 1, 1)
        self.rng = rng
        self.book = names.NameBook(rng)
        self.units: list[Unit] = []
        self.by_code: dict[str, Unit] = {}
        self.persons: list[Person] = []
        self.appointments: list[Appt] = []
        self.boards: list[Unit] = []
        self.areas: dict[str, Unit] = {}
        self.production: list[Unit] = []
        self._next_unit = ids.unit
        self._next_person = ids.person
        self._next_appointment = ids.appointment
        self._staff_number = 100001
        self._politician_number = 20001
        self._code_width = max(4, len(str(size)))

    # --- units ------------------------------------------------------------------------------

    def build_units(self) -> None:
        board_count = max(3, round(self.size / 250))
        council = self._unit("KF", "Kommunfullmäktige", _K.MUNICIPAL_COUNCIL, None)
        council.seats = KF_SEATS
        council.charter = (
            "Kommunfullmäktige är kommunens högsta beslutande organ och tillsätter "
            "kommunstyrelsen och nämnderna."
        )
        ks = self._unit("KS", "Kommunstyrelsen", _K.EXECUTIVE_BOARD, council)
        ks.charter = (
            "Kommunstyrelsen leder och samordnar förvaltningen, är arbetsgivare för alla "
            "medarbetare och beslutar om tjänstemannaorganisationen och dess delegation."
        )
        self.boards.append(ks)
        for code, name in (
            ("KSAU", "Kommunstyrelsens arbetsutskott"),
            ("KSVU", "Kommunstyrelsens verksamhetsutskott"),
            ("KSSU", "Kommunstyrelsens stadsutvecklingsutskott"),
        ):
            committee = self._unit(code, name, _K.COMMITTEE, ks)
            committee.charter = f"{name} bereder kommunstyrelsens ärenden inom sitt område."
        specs = list(BOARDS[: board_count - 1])
        for number in range(len(specs), board_count - 1):
            specs.append(district_board(number - len(BOARDS) + 1, names.PLACES[number]))
        for spec in specs:
            board = self._unit(spec.code, spec.name, _K.BOARD, council)
            board.charter, board.board = spec.charter, spec
            self.boards.append(board)
        office = self._unit("SLK", "Stadsledningskontoret", _K.CITY_MANAGEMENT_OFFICE, ks)
        office.leader_role = Role.CITY_DIRECTOR
        office.staff_titles = (("Strateg", 3), ("Ledningssamordnare", 1))
        keys = list(CORE_AREAS) + [key for least, key in LARGER_AREAS if self.size >= least]
        # One area per key, in first-named order (several boards may share an area).
        keys = list(dict.fromkeys([*keys, *(spec.area for spec in specs)]))
        if any(spec.domain == "kris" for spec in specs) and "sakerhet" not in keys:
            keys.append("sakerhet")
        for number, key in enumerate(keys, start=1):
            area = AREAS[key]
            unit = self._unit(self._code(number, 0), area.name, _K.DIRECTOR_AREA, office)
            unit.leader_role, unit.area = Role.DIRECTOR, area
            unit.staff_titles = (("Strateg", 1), ("Utredare", 1))
            self.areas[key] = unit
        productions = max(2, round(self.size / 450))
        for index in range(productions):
            branch = _SCHOOL if index % 2 == 0 else _SERVICE
            number = len(keys) + index + 1
            label = branch.label_sv
            if productions > 2:
                label = f"{label} {names.PLACES[index // 2 * 7 % len(names.PLACES)]}"
            unit = self._unit(self._code(number, 0), label, _K.PRODUCTION_AREA, office, branch)
            unit.leader_role = Role.PRODUCTION_DIRECTOR
            unit.staff_titles = (("Verksamhetscontroller", 1), ("Utvecklingsstrateg", 1))
            self.production.append(unit)
        self._fill(self.size - len(self.units))

    def _code(self, top: int, number: int) -> str:
        return f"{top:02d}{number:0{self._code_width}d}"

    def _unit(
        self,
        code: str,
        name: str,
        kind: UnitKind,
        parent: Unit | None,
        branch: WelfareBranch | None = None,
    ) -> Unit:
        unit = Unit(self._next_unit, code, name, kind, parent, branch=branch)
        self._next_unit += 1
        unit.line = (unit.id, *(parent.line if parent else ()))
        if parent is not None:
            parent.children.append(unit)
        self.units.append(unit)
        self.by_code[code] = unit
        return unit

    def _child(self, parent: Unit, name: str, kind: UnitKind, leader: Role) -> Unit:
        top = parent
        while top.parent is not None and top.parent.kind is not _K.CITY_MANAGEMENT_OFFICE:
            top = top.parent
        counter = int(top.code[:2])
        self._counters[counter] = self._counters.get(counter, 0) + 1
        unit = self._unit(self._code(counter, self._counters[counter]), name, kind, parent)
        unit.leader_role, unit.area = leader, parent.area
        return unit

    def _fill(self, remaining: int) -> None:
        """The enheter, verksamhetsområden and grupper, in the proportions of a big kommun."""
        self._counters: dict[int, int] = {}
        areas = list(self.areas.values())
        director_side = max(len(areas) + 2, round(remaining * 0.18))
        school = round((remaining - director_side) * 0.5)
        service = remaining - director_side - school
        self._fill_offices(areas, director_side)
        schools = [p for p in self.production if p.branch is _SCHOOL]
        services = [p for p in self.production if p.branch is _SERVICE]
        self._fill_schools(schools, school)
        self._fill_services(services, service)

    def _groups(self, parent: Unit, budget: int, chance: float, titles: tuple[str, ...]) -> int:
        made = 0
        if budget > 0 and self.rng.random() < chance:
            for _ in range(min(budget, self.rng.choice((1, 1, 2)))):
                name = self.book.unit(
                    self.rng.choice(names.GROUP_NAMES).format(place=self.book.place())
                )
                group = self._child(parent, name, _K.GROUP, Role.GROUP_MANAGER)
                group.staff_titles = tuple((t, 2) for t in titles)
                made += 1
        return made

    def _fill_offices(self, areas: list[Unit], budget: int) -> None:
        turn = 0
        while budget > 0:
            area_unit = areas[turn % len(areas)]
            assert area_unit.area is not None
            offices = area_unit.area.offices
            template = offices[(turn // len(areas)) % len(offices)]
            unit = self._child(
                area_unit, self.book.unit(template.name), template.kind, Role.UNIT_MANAGER
            )
            unit.staff_titles = template.staff
            budget -= 1
            budget -= self._groups(unit, budget, 0.2, tuple(t for t, _ in template.staff))
            turn += 1

    def _fill_schools(self, productions: list[Unit], budget: int) -> None:
        turn = 0
        while budget > 0:
            production = productions[turn % len(productions)]
            preschool = turn == 1 or (turn > 1 and self.rng.random() < 0.25)
            place = self.book.place()
            if preschool:
                name = self.rng.choice(names.PRESCHOOL_NAMES).format(place=place)
                unit = self._child(
                    production, self.book.unit(name), _K.OPERATING_AREA, Role.PRESCHOOL_HEAD
                )
                unit.staff_titles = names.PRESCHOOL_STAFF
            else:
                name = self.rng.choice(names.SCHOOL_NAMES).format(place=place)
                unit = self._child(
                    production, self.book.unit(name), _K.OPERATING_AREA, Role.PRINCIPAL
                )
                unit.staff_titles = names.SCHOOL_STAFF
            budget -= 1
            budget -= self._groups(unit, budget, 0.06, tuple(t for t, _ in unit.staff_titles[:2]))
            turn += 1

    def _fill_services(self, productions: list[Unit], budget: int) -> None:
        turn = 0
        while budget > 0:
            production = productions[turn % len(productions)]
            place = self.book.place()
            name = self.book.unit(self.rng.choice(names.SERVICE_AREAS).format(place=place))
            area = self._child(production, name, _K.OPERATING_AREA, Role.OPERATIONS_MANAGER)
            budget -= 1
            units = min(budget, self.rng.randint(2, 6))
            area.staff_titles = names.AREA_STAFF if units else names.SERVICE_STAFF
            for _ in range(units):
                if budget <= 0:
                    break
                name = self.rng.choice(names.SERVICE_UNITS).format(place=self.book.place())
                unit = self._child(area, self.book.unit(name), _K.UNIT, Role.UNIT_MANAGER)
                unit.staff_titles = names.SERVICE_STAFF
                budget -= 1
                budget -= self._groups(unit, budget, 0.12, ("Undersköterska", "Vårdbiträde"))
            turn += 1

    # --- persons and appointments ------------------------------------------------------------

    def _person(self, title: str, politician: bool = False) -> Person:
        first, last, email = self.book.person()
        if politician:
            number = f"F{self._politician_number}"
            self._politician_number += 1
        else:
            number = f"N{self._staff_number}"
            self._staff_number += 1
        person = Person(self._next_person, number, first, last, title, email)
        self._next_person += 1
        self.persons.append(person)
        return person

    def appoint(
        self,
        person: Person,
        unit: Unit,
        role: Role,
        valid_from: date,
        valid_to: date | None = None,
        acting: bool = False,
    ) -> Appt:
        appt = Appt(self._next_appointment, person, unit, role, valid_from, valid_to, acting)
        self._next_appointment += 1
        self.appointments.append(appt)
        return appt

    def days(self, offset: int) -> date:
        return self.today + timedelta(days=offset)

    def random_date(self, first: date, last: date) -> date:
        return first + timedelta(days=self.rng.randint(0, max(0, (last - first).days)))

    def build_people(self) -> None:
        self._politicians()
        for unit in self.units:
            if unit.leader_role is not None:
                self._staff_unit(unit)
        self._acting_and_vacant()

    def _politicians(self) -> None:
        sides: dict[bool, list[Person]] = {True: [], False: []}
        for party, seats, in_majority in _parties():
            sides[in_majority] += [
                self._person(f"Förtroendevald ({party})", True) for _ in range(seats)
            ]
        for people in sides.values():
            self.rng.shuffle(people)
        majority, opposition = sides[True], sides[False]
        council = self.by_code["KF"]
        self._seat(council, majority, opposition)
        for party in ("M", "L", "KD", "S", "SD", "V"):
            person = self._person(f"Förtroendevald ({party})", True)
            self.appoint(person, council, Role.SUBSTITUTE, self.start)
        ks_majority, ks_opposition = (
            majority[1 : 1 + _KS_SEATS[0]],
            opposition[1 : 1 + _KS_SEATS[1]],
        )
        self._seat(self.by_code["KS"], ks_majority, ks_opposition)
        for code, (m_from, m_to), (o_from, o_to) in (
            ("KSAU", (0, 3), (0, 2)),
            ("KSVU", (3, 5), (2, 4)),
            ("KSSU", (5, 7), (4, 6)),
        ):
            self._seat(self.by_code[code], ks_majority[m_from:m_to], ks_opposition[o_from:o_to])
        pools: dict[bool, list[Person]] = {
            True: majority[1 + _KS_SEATS[0] :],
            False: opposition[1 + _KS_SEATS[1] :],
        }
        boards = self.boards[1:]
        for side, seats in ((True, _BOARD_SEATS[0]), (False, _BOARD_SEATS[1])):
            # Each politician sits on at most two boards: add board-only politicians as needed.
            needed = len(boards) * seats - 2 * len(pools[side])
            parties = [p for p, _, m in _parties() if m is side]
            pools[side] += [
                self._person(f"Förtroendevald ({parties[i % len(parties)]})", True)
                for i in range(max(0, (needed + 1) // 2))
            ]
            self.rng.shuffle(pools[side])
        cursor = {True: 0, False: 0}
        for board in boards:
            chosen: dict[bool, list[Person]] = {}
            for side, seats in ((True, _BOARD_SEATS[0]), (False, _BOARD_SEATS[1])):
                pool = pools[side]
                chosen[side] = [pool[(cursor[side] + i) % len(pool)] for i in range(seats)]
                cursor[side] += seats
            self._seat(board, chosen[True], chosen[False])

    def _seat(self, unit: Unit, majority: list[Person], opposition: list[Person]) -> None:
        unit.seated.append(self.appoint(majority[0], unit, Role.CHAIR, self.start))
        unit.seated.append(self.appoint(opposition[0], unit, Role.VICE_CHAIR, self.start))
        for member in majority[1:] + opposition[1:]:
            unit.seated.append(self.appoint(member, unit, Role.MEMBER, self.start))

    def _leader_title(self, unit: Unit) -> str:
        if unit.kind is _K.DIRECTOR_AREA and unit.area is not None:
            return unit.area.director_title
        assert unit.leader_role is not None
        return _LEADER_TITLES[unit.leader_role]

    def _staff_unit(self, unit: Unit) -> None:
        role = unit.leader_role
        assert role is not None
        title = self._leader_title(unit)
        since = self.start
        # Directors change less often than the managers below them.
        top = unit.kind in (_K.DIRECTOR_AREA, _K.PRODUCTION_AREA)
        chance = 0.0 if unit.kind is _K.CITY_MANAGEMENT_OFFICE else 0.08 if top else 0.14
        if self.rng.random() < chance:
            change = self.random_date(self.start + timedelta(days=200), self.days(-60))
            if self.rng.random() < 0.2:
                earlier = self.random_date(
                    self.start + timedelta(days=60), change - timedelta(days=140)
                )
                unit.posts.append(self.appoint(self._person(title), unit, role, since, earlier))
                since = earlier
            unit.posts.append(self.appoint(self._person(title), unit, role, since, change))
            since = change
        unit.posts.append(self.appoint(self._person(title), unit, role, since))
        deputy = _deputy_role(unit)
        if deputy is not None and self.rng.random() < 0.25:
            deputy_title = (
                "Biträdande rektor" if deputy is Role.DEPUTY_PRINCIPAL else "Biträdande enhetschef"
            )
            person = self._person(deputy_title)
            unit.deputies.append(self.appoint(person, unit, deputy, self._random_start()))
        scale = self.rng.uniform(0.55, 1.05)
        for staff_title, count in unit.staff_titles:
            for _ in range(max(1, round(count * scale)) if count > 1 else count):
                if self.rng.random() < 0.08:  # someone held the post before and left
                    began = self.random_date(self.start, self.days(-500))
                    left = min(began + timedelta(days=self.rng.randint(90, 900)), self.days(-20))
                    leaver = self.appoint(
                        self._person(staff_title), unit, Role.EMPLOYEE, began, left
                    )
                    unit.staff.append(leaver)
                employee = self._person(staff_title)
                unit.staff.append(self.appoint(employee, unit, Role.EMPLOYEE, self._random_start()))

    def _random_start(self) -> date:
        return self.random_date(self.start, self.days(-30))

    def _acting_and_vacant(self) -> None:
        """About 1 % of the leading posts in the welfare production have a tillförordnad
        manager (half of them replacing one who left, half standing in for one on leave),
        and a handful are vacant (ORG-8, a warning)."""
        candidates = [
            u
            for u in self.units
            if u.kind in (_K.OPERATING_AREA, _K.UNIT) and not u.children and len(u.posts) == 1
        ]
        self.rng.shuffle(candidates)
        acting = max(2, round(self.size * 0.01))
        vacant = max(1, round(self.size / 400))
        for index, unit in enumerate(candidates[: acting + vacant]):
            regular = unit.posts[0]
            assert unit.leader_role is not None
            if index >= acting:
                regular.valid_to = self.days(-self.rng.randint(20, 150))
                continue
            stand_in = unit.deputies[0].person if unit.deputies else None
            if stand_in is None:
                current = [a for a in unit.staff if a.valid_to is None]
                stand_in = current[0].person if current else self._person(self._leader_title(unit))
            replaces = index % 2 == 0
            begins = self.days(-self.rng.randint(10, 60))
            if replaces:
                regular.valid_to = begins
            post = self.appoint(
                stand_in,
                unit,
                unit.leader_role,
                begins,
                self.days(self.rng.randint(30, 150)),
                acting=True,
            )
            post.stands_in = not replaces
            unit.posts.append(post)


def _deputy_role(unit: Unit) -> Role | None:
    if unit.kind in (_K.SUPPORT_UNIT, _K.AUTHORITY_UNIT, _K.UNIT):
        return Role.DEPUTY_UNIT_MANAGER
    if unit.kind is _K.OPERATING_AREA and unit.leader_role is Role.PRINCIPAL:
        return Role.DEPUTY_PRINCIPAL
    return None


def _parties() -> list[tuple[str, int, bool]]:
    """The sample's KF, seat by seat: (party, seats, in the majority)."""
    return [(p.party, p.seats, p.majority) for p in sample_data.organisation().parties]
