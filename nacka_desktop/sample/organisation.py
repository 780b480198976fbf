"""The sample's units, people, appointments and processes, entered through the services.

The people are drawn at random with a fixed seed, so the sample is the same on every machine;
their history (successions, a vacancy, acting managers, leavers) is counted back from the day
the sample is built.
"""

from __future__ import annotations

import itertools
import random
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta

from nacka_desktop.domain.enums import Role, UnitKind
from nacka_desktop.domain.records import AppointmentRecord, PersonRecord, UnitRecord
from nacka_desktop.sample.data import Office, Organisation
from nacka_desktop.services.context import Services
from nacka_desktop.services.org.people import AppointmentDraft, PersonDraft
from nacka_desktop.services.org.units import UnitDraft


@dataclass
class BuiltOrganisation:
    """What the later parts of the sample (work, delegation) refer to."""

    start: date  # the day the organisation began
    units: dict[str, UnitRecord] = field(default_factory=dict)  # by code
    leaders: dict[str, PersonRecord] = field(default_factory=dict)  # by unit code
    persons: list[PersonRecord] = field(default_factory=list)
    appointments: list[AppointmentRecord] = field(default_factory=list)
    titles: dict[int, str] = field(default_factory=dict)  # by person id
    processes: int = 0

    def title_of(self, appointment: AppointmentRecord) -> str:
        return self.titles[appointment.person_id]


def _ascii_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace(" ", "")


_Pending = tuple[PersonRecord, str, Role, date, date | None, bool]


class OrganisationBuilder:
    def __init__(self, services: Services, data: Organisation, today: date) -> None:
        self.services = services
        self.data = data
        self.today = today
        self.rng = random.Random(data.seed)
        self.built = BuiltOrganisation(start=date(today.year - data.history_years, 1, 1))
        self.deputies: dict[str, PersonRecord] = {}
        self._pending: list[_Pending] = []
        self._emails: set[str] = set()
        self._staff_numbers = itertools.count(10001)
        self._politician_numbers = itertools.count(20001)

    def build(self) -> BuiltOrganisation:
        """The units top down, then the people as drawn, then their appointments in the order
        they were decided (the people are drawn first so that names follow the seed)."""
        data = self.data
        for body in data.bodies:
            seats = data.council_seats if body.kind is UnitKind.MUNICIPAL_COUNCIL else None
            self._unit(
                body.code, body.name, body.kind, body.parent, charter=body.charter, seats=seats
            )
        for office in data.offices:
            self._unit(office.code, office.name, office.kind, office.parent, office=office)
        self._politicians()
        for office in data.offices:
            self._staff_office(office)
        self._acting_managers()
        appoint = self.services.appointments.appoint
        for person, code, role, valid_from, valid_to, acting in self._pending:
            draft = AppointmentDraft(
                person.id, self.built.units[code].id, role, valid_from, valid_to, acting
            )
            self.built.appointments.append(appoint(draft))
        for process in data.processes:
            self.services.processes.create(
                process.name,
                process.kind,
                self.built.leaders[process.owner].id,
                process.description,
            )
            self.built.processes += 1
        return self.built

    def _days(self, offset: int) -> date:
        return self.today + timedelta(days=offset)

    def _unit(
        self,
        code: str,
        name: str,
        kind: UnitKind,
        parent: str | None,
        *,
        office: Office | None = None,
        charter: str = "",
        seats: int | None = None,
    ) -> None:
        draft = UnitDraft(
            code=code,
            name=name,
            kind=kind,
            parent_id=self.built.units[parent].id if parent else None,
            valid_from=self.built.start,
            welfare_branch=office.branch if office else None,
            seats=seats,
            charter=charter,
        )
        self.built.units[code] = self.services.units.create(draft)

    def _person(self, title: str, number: str) -> PersonRecord:
        while True:
            first = self.rng.choice(self.data.first_names)
            last = self.rng.choice(self.data.last_names)
            email = f"{_ascii_fold(first)}.{_ascii_fold(last)}@nacka.se"
            if email not in self._emails:
                break
        self._emails.add(email)
        person = self.services.persons.create(PersonDraft(number, first, last, title, email))
        self.built.persons.append(person)
        self.built.titles[person.id] = title
        return person

    def _staff_person(self, title: str) -> PersonRecord:
        return self._person(title, f"N{next(self._staff_numbers)}")

    def _politician(self, party: str) -> PersonRecord:
        return self._person(f"Förtroendevald ({party})", f"F{next(self._politician_numbers)}")

    def _appoint(
        self,
        person: PersonRecord,
        code: str,
        role: Role,
        valid_from: date,
        valid_to: date | None = None,
        acting: bool = False,
    ) -> None:
        self._pending.append((person, code, role, valid_from, valid_to, acting))

    def _politicians(self) -> None:
        data, start = self.data, self.built.start
        sides: dict[bool, list[PersonRecord]] = {True: [], False: []}
        for party in data.parties:
            sides[party.majority] += [self._politician(party.party) for _ in range(party.seats)]
        for side in sides.values():
            self.rng.shuffle(side)
        majority, opposition = sides[True], sides[False]
        self._seat("KF", majority, opposition)
        for parties in data.substitutes.values():
            for party_name in parties:
                self._appoint(self._politician(party_name), "KF", Role.SUBSTITUTE, start)
        ks_majority, ks_opposition = majority[1:8], opposition[1:7]
        self._seat("KS", ks_majority, ks_opposition)
        self._seat("KSAU", ks_majority[0:3], ks_opposition[0:2])
        self._seat("KSVU", ks_majority[3:5], ks_opposition[2:4])
        self._seat("KSSU", ks_majority[5:7], ks_opposition[4:6])
        pools = {
            side: iter(self.rng.sample(people, len(people)))
            for side, people in (
                (True, majority[8:] + [self._politician(p) for p in data.board_only[True]]),
                (False, opposition[7:] + [self._politician(p) for p in data.board_only[False]]),
            )
        }
        for body in data.bodies:
            if body.kind is UnitKind.BOARD:
                self._seat(
                    body.code,
                    [next(pools[True]) for _ in range(data.board_seats[0])],
                    [next(pools[False]) for _ in range(data.board_seats[1])],
                )

    def _seat(
        self, code: str, majority: list[PersonRecord], opposition: list[PersonRecord]
    ) -> None:
        """The first of the majority chairs, the first of the opposition is vice chair."""
        start = self.built.start
        self._appoint(majority[0], code, Role.CHAIR, start)
        self._appoint(opposition[0], code, Role.VICE_CHAIR, start)
        for member in majority[1:] + opposition[1:]:
            self._appoint(member, code, Role.MEMBER, start)

    def _staff_office(self, office: Office) -> None:
        code, start = office.code, self.built.start
        change = self.data.successions.get(code)
        if change is not None:
            predecessor = self._staff_person(office.leader_title)
            self._appoint(predecessor, code, office.leader, start, self._days(-change))
        leader = self._staff_person(office.leader_title)
        self.built.leaders[code] = leader
        leader_from = self._days(-change) if change is not None else start
        self._appoint(leader, code, office.leader, leader_from, self._leader_leaves(code))
        if office.deputy_title:
            deputy = self._staff_person(office.deputy_title)
            self.deputies[code] = deputy
            deputy_role = (
                Role.DEPUTY_PRINCIPAL
                if office.leader is Role.PRINCIPAL
                else Role.DEPUTY_UNIT_MANAGER
            )
            self._appoint(deputy, code, deputy_role, self._random_start())
        leavers = self.data.leavers.get(code, 0)
        for title, count in office.staff:
            for _ in range(count):
                employee = self._staff_person(title)
                if leavers:
                    leavers -= 1
                    valid_from = self._random_date(start, self._days(-400))
                    valid_to = valid_from + timedelta(days=self.rng.randint(90, 365))
                    self._appoint(employee, code, Role.EMPLOYEE, valid_from, valid_to)
                else:
                    self._appoint(employee, code, Role.EMPLOYEE, self._random_start())

    def _leader_leaves(self, code: str) -> date | None:
        vacant_unit, days_ago = self.data.vacancy
        if code == vacant_unit:
            return self._days(-days_ago)
        for acting in self.data.acting:
            if code == acting.unit and acting.regular_manager_leaves:
                return self._days(-acting.days_ago)
        return None

    def _acting_managers(self) -> None:
        for acting in self.data.acting:
            self._appoint(
                self.deputies[acting.unit],
                acting.unit,
                self.data.office(acting.unit).leader,
                self._days(-acting.days_ago),
                self._days(acting.days_ahead),
                acting=True,
            )

    def _random_start(self) -> date:
        return self._random_date(self.built.start, self._days(-30))

    def _random_date(self, first: date, last: date) -> date:
        return first + timedelta(days=self.rng.randint(0, (last - first).days))
