"""Read-only questions about the organisation: the tree, search, who managed what and when."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from nacka_desktop.domain.enums import Role, UnitKind
from nacka_desktop.domain.labels import DOCUMENT_LANGUAGE, role_title
from nacka_desktop.domain.language import Language
from nacka_desktop.domain.records import (
    AppointmentRecord,
    OrgSnapshot,
    PersonRecord,
    UnitRecord,
    swedish_sort_key,
)
from nacka_desktop.domain.responsibility import (
    chiefs_of_person,
    is_leading,
    responsible_manager,
)
from nacka_desktop.domain.rules import ObjectKind, Violation
from nacka_desktop.domain.unit_history import UnitPeriod, as_of, period_on
from nacka_desktop.services.checking import ViolationCache
from nacka_desktop.services.editing import Clock, NotFoundError
from nacka_desktop.storage.database import Database
from nacka_desktop.storage.models import Appointment, Person, Unit, Versioned
from nacka_desktop.storage.neighbourhood import load_neighbourhood
from nacka_desktop.storage.repositories import org as repositories
from nacka_desktop.storage.repositories.org import (
    SearchHit,
    TreeRow,
    appointment_record,
    person_record,
    unit_record,
)
from nacka_desktop.storage.unit_history import histories, periods_of

_VERSIONED: dict[ObjectKind, type[Versioned]] = {
    ObjectKind.UNIT: Unit,
    ObjectKind.PERSON: Person,
    ObjectKind.APPOINTMENT: Appointment,
}


@dataclass(frozen=True)
class AppointmentView:
    """An appointment with the names a screen or letter shows next to it."""

    appointment: AppointmentRecord
    person_name: str
    person_title: str
    unit_name: str
    unit_code: str
    is_manager: bool

    def role_title(self, language: Language) -> str:
        """The role as it follows the name: "t.f. enhetschef", "acting unit manager"."""
        return role_title(self.appointment.role, self.appointment.acting, language)

    @property
    def role_label(self) -> str:
        """The role as a letter or register (Swedish documents) writes it."""
        return self.role_title(DOCUMENT_LANGUAGE)


@dataclass(frozen=True)
class ChiefView:
    appointment: AppointmentView
    chief: AppointmentView | None
    body_name: str | None


@dataclass(frozen=True)
class HistoryRow:
    """One period of a unit's history, its parent named as it was then."""

    valid_from: date | None
    valid_to: date | None
    name: str
    code: str
    kind: UnitKind
    parent_name: str


@dataclass(frozen=True)
class UnitPage:
    """Everything the unit form shows, read from one snapshot."""

    unit: UnitRecord
    parent_name: str
    manager: AppointmentView | None
    appointments: list[AppointmentView]
    history: list[HistoryRow] = field(default_factory=list)


@dataclass(frozen=True)
class PersonPage:
    person: PersonRecord
    chiefs: list[ChiefView]
    appointments: list[AppointmentView]


__all__ = ["OrgQueries", "SearchHit", "TreeRow"]  # the rows the tree and search show


class OrgQueries:
    def __init__(
        self, database: Database, clock: Clock, cache: ViolationCache | None = None
    ) -> None:
        self._database = database
        self._clock = clock
        self._cache = cache if cache is not None else ViolationCache()

    def snapshot(self, on: date | None = None) -> OrgSnapshot:
        """The whole organisation, as of the last change to the database, with the tree as
        it is on the date (default today)."""
        with self._database.reader() as session:
            return self._cache.org(session, on or self._clock())

    def tree_children(
        self, parent_id: int | None, on: date, include_closed: bool = False
    ) -> list[TreeRow]:
        with self._database.reader() as session:
            return repositories.tree_children(session, parent_id, on, include_closed)

    def unit_path(self, unit_id: int, on: date) -> list[int]:
        with self._database.reader() as session:
            return repositories.unit_path(session, unit_id, on)

    def search(self, text: str, limit: int = 50) -> list[SearchHit]:
        with self._database.reader() as session:
            return repositories.search(session, text, limit)

    def unit(self, unit_id: int, on: date | None = None) -> UnitRecord:
        """The unit with its place, kind, name and code on the date (default: as planned
        last, the values its own row keeps)."""
        with self._database.reader() as session:
            return unit_on(session, unit_id, on)

    def history(self, unit_id: int) -> list[UnitPeriod]:
        """The unit's periods of place, kind, name and code, earliest first."""
        with self._database.reader() as session:
            if session.get(Unit, unit_id) is None:
                raise NotFoundError("Enheten", unit_id)
            return periods_of(session, unit_id)

    def person(self, person_id: int) -> PersonRecord:
        with self._database.reader() as session:
            person = session.get(Person, person_id)
            if person is None:
                raise NotFoundError("Personen", person_id)
            return person_record(person)

    def version(self, kind: ObjectKind, object_id: int) -> int | None:
        """The record's version as saved now (None: gone), read before a form is filled so
        the form's save can be refused if someone else changes the record meanwhile."""
        model = _VERSIONED[kind]
        with self._database.reader() as session:
            version = session.scalar(select(model.version).where(model.id == object_id))
            return int(version) if version is not None else None

    def appointment(self, appointment_id: int) -> AppointmentRecord:
        with self._database.reader() as session:
            appointment = session.get(Appointment, appointment_id)
            if appointment is None:
                raise NotFoundError("Förordnandet", appointment_id)
            return appointment_record(appointment)

    def around(
        self, on: date, unit_ids: Collection[int] = (), person_ids: Collection[int] = ()
    ) -> OrgSnapshot:
        """Enough of the organisation, its tree as on the date, to answer who leads, and who
        is whose chief, for the units and persons: the whole snapshot when it is in memory
        already, else only their neighbourhood (a few indexed queries, whatever the size of
        the organisation)."""
        with self._database.reader() as session:
            loaded = self._cache.loaded(session, on)
            if loaded is not None:
                return loaded.org
            return load_neighbourhood(session, on, unit_ids, person_ids)

    def unit_page(self, unit_id: int, on: date) -> UnitPage:
        snapshot = self.around(on, unit_ids=[unit_id])
        unit = snapshot.units.get(unit_id)
        if unit is None:
            raise NotFoundError("Enheten", unit_id)
        parent = snapshot.units.get(unit.parent_id) if unit.parent_id is not None else None
        manager = responsible_manager(snapshot, unit_id, on)
        return UnitPage(
            unit,
            parent.name if parent else "",
            appointment_view(snapshot, manager) if manager else None,
            _appointments_in_unit(snapshot, unit_id),
            self.history_rows(unit_id),
        )

    def history_rows(self, unit_id: int) -> list[HistoryRow]:
        """The unit's history, each period's parent named as it was when the period began
        (a unit that never changed: its one period, the parent's name left out)."""
        with self._database.reader() as session:
            periods = periods_of(session, unit_id)
            changed = len(periods) > 1
            parents = (
                histories(session, {p.parent_id for p in periods if p.parent_id}) if changed else {}
            )

            def parent_name(period: UnitPeriod) -> str:
                lines = parents.get(period.parent_id) if period.parent_id is not None else None
                return period_on(lines, period.valid_from or date.min).name if lines else ""

            return [
                HistoryRow(p.valid_from, p.valid_to, p.name, p.code, p.kind, parent_name(p))
                for p in periods
            ]

    def person_page(self, person_id: int, on: date) -> PersonPage:
        snapshot = self.around(on, person_ids=[person_id])
        person = snapshot.persons.get(person_id)
        if person is None:
            raise NotFoundError("Personen", person_id)
        return PersonPage(
            person,
            _chiefs(snapshot, person_id, on),
            _appointments_of_person(snapshot, person_id),
        )

    def appointments_in_unit(self, unit_id: int) -> list[AppointmentView]:
        return _appointments_in_unit(self.around(self._clock(), unit_ids=[unit_id]), unit_id)

    def appointments_of_person(self, person_id: int) -> list[AppointmentView]:
        return _appointments_of_person(
            self.around(self._clock(), person_ids=[person_id]), person_id
        )

    def manager_of(self, unit_id: int, on: date) -> AppointmentView | None:
        """Who was the responsible manager of the unit on the date (ORG-8)."""
        snapshot = self.around(on, unit_ids=[unit_id])
        if unit_id not in snapshot.units:
            raise NotFoundError("Enheten", unit_id)
        manager = responsible_manager(snapshot, unit_id, on)
        return appointment_view(snapshot, manager) if manager else None

    def chiefs_of(self, person_id: int, on: date) -> list[ChiefView]:
        """For each of the person's appointments on the date: who is the chief."""
        snapshot = self.around(on, person_ids=[person_id])
        if person_id not in snapshot.persons:
            raise NotFoundError("Personen", person_id)
        return _chiefs(snapshot, person_id, on)

    def check(self, on: date | None) -> list[Violation]:
        with self._database.reader() as session:
            return self._cache.violations(session, on, self._clock())

    def cached_check(self, on: date | None) -> list[Violation] | None:
        """`check`'s answer if it needs no new run (the data unchanged since it was checked),
        else None: one small query, never the check itself."""
        with self._database.reader() as session:
            return self._cache.cached(session, on, self._clock())


_ROLE_ORDER = {role: index for index, role in enumerate(Role)}


def unit_on(session: Session, unit_id: int, on: date | None = None) -> UnitRecord:
    """`OrgQueries.unit` in a session the caller holds (a view read in one session)."""
    unit = session.get(Unit, unit_id)
    if unit is None:
        raise NotFoundError("Enheten", unit_id)
    record = unit_record(unit)
    return record if on is None else as_of(record, periods_of(session, unit_id), on)


def _appointments_in_unit(snapshot: OrgSnapshot, unit_id: int) -> list[AppointmentView]:
    """Managers first, then by role and name."""
    return [
        appointment_view(snapshot, a)
        for a in sorted(
            snapshot.appointments_in(unit_id),
            key=lambda a: (
                not is_leading(snapshot, a),
                _ROLE_ORDER.get(a.role, 99),
                swedish_sort_key(snapshot.person_label(a.person_id)),
            ),
        )
    ]


def _appointments_of_person(snapshot: OrgSnapshot, person_id: int) -> list[AppointmentView]:
    """Newest first."""
    return [
        appointment_view(snapshot, a)
        for a in sorted(
            snapshot.appointments_of(person_id),
            key=lambda a: a.valid_from or date.min,
            reverse=True,
        )
    ]


def _chiefs(snapshot: OrgSnapshot, person_id: int, on: date) -> list[ChiefView]:
    result = []
    for link in chiefs_of_person(snapshot, person_id, on):
        body = (
            snapshot.units[link.through_unit_id].name
            if link.chief is None and link.through_unit_id is not None
            else None
        )
        result.append(
            ChiefView(
                appointment_view(snapshot, link.appointment),
                appointment_view(snapshot, link.chief) if link.chief else None,
                body,
            )
        )
    return result


def appointment_view(snapshot: OrgSnapshot, appointment: AppointmentRecord) -> AppointmentView:
    person = snapshot.persons.get(appointment.person_id)
    unit = snapshot.units.get(appointment.unit_id)
    return AppointmentView(
        appointment=appointment,
        person_name=person.full_name if person else "?",
        person_title=person.title if person else "",
        unit_name=unit.name if unit else "?",
        unit_code=unit.code if unit else "",
        is_manager=is_leading(snapshot, appointment) if unit else False,
    )
