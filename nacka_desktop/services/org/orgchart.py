"""The org chart (Organisationsschema): the organisation as of a date, each unit with its
manager, an acting manager (t.f.) or a vacancy, its children in the tree's order.

Read in three plain queries whatever the size of the organisation: the units with their
place on the date (`load_tree`), the leading appointments in force on the date, and the
names of the persons who hold them. Who leads a unit is the domain's rule
(`domain.responsibility.leading_roles_for`): the chart never decides it on its own.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select

from nacka_desktop.domain.enums import Role, UnitKind
from nacka_desktop.domain.records import OrgSnapshot, PersonRecord, swedish_sort_key
from nacka_desktop.domain.responsibility import is_leading, leading_roles_for
from nacka_desktop.domain.structure import MANAGER_ROLES
from nacka_desktop.storage.database import Database
from nacka_desktop.storage.models import Appointment, Person
from nacka_desktop.storage.repositories.org import appointment_record, load_tree


@dataclass(frozen=True)
class ChartHolder:
    """Who holds a unit's leading appointment on the date."""

    person_name: str
    role: Role
    acting: bool
    appointment_id: int


@dataclass(frozen=True)
class ChartUnit:
    id: int
    code: str
    name: str
    kind: UnitKind
    parent_id: int | None
    children: tuple[int, ...]
    manager: ChartHolder | None  # the ordinary holder of the leading appointment
    acting: ChartHolder | None  # t.f.: an acting holder, with or without a manager
    has_leading_role: bool  # False: a kind no one leads, so never vacant

    @property
    def vacant(self) -> bool:
        """No one, ordinary or acting, holds the unit's leading appointment on the date."""
        return self.has_leading_role and self.manager is None and self.acting is None


@dataclass(frozen=True)
class OrgChart:
    on: date
    units: dict[int, ChartUnit]
    roots: tuple[int, ...]

    def by_code(self, code: str) -> ChartUnit | None:
        """The unit with the code (any case) on the date, or None."""
        wanted = code.strip().casefold()
        return next((u for u in self.units.values() if u.code.casefold() == wanted), None)

    def path_to(self, unit_id: int) -> list[int]:
        """Ids from the top down to the unit."""
        path: list[int] = []
        current: int | None = unit_id
        while current is not None and current in self.units and current not in path:
            path.append(current)
            current = self.units[current].parent_id
        return list(reversed(path))

    def walk(self, unit_id: int, depth: int | None = None) -> Iterator[tuple[ChartUnit, int]]:
        """The unit and those below it, to `depth` levels below (None: all), with their
        level below the unit."""
        stack = [(unit_id, 0)]
        while stack:
            current, level = stack.pop()
            unit = self.units[current]
            yield unit, level
            if depth is None or level < depth:
                stack.extend((child, level + 1) for child in reversed(unit.children))

    def count_below(self, unit_id: int) -> int:
        return sum(1 for _ in self.walk(unit_id)) - 1


def org_chart(database: Database, on: date) -> OrgChart:
    """The organisation as it is on the date: the units open then, placed as they are then."""
    with database.reader() as session:
        tree = load_tree(session, on)
        units = {i: u for i, u in tree.units.items() if u.is_valid_on(on)}
        rows = session.execute(
            select(Appointment).where(
                Appointment.role.in_(sorted(MANAGER_ROLES)),
                or_(Appointment.valid_from.is_(None), Appointment.valid_from <= on),
                or_(Appointment.valid_to.is_(None), Appointment.valid_to > on),
            )
        ).scalars()
        appointments = {a.id: appointment_record(a) for a in rows if a.unit_id in units}
        person_ids = sorted({a.person_id for a in appointments.values()})
        persons: dict[int, PersonRecord] = {}
        for start in range(0, len(person_ids), 500):
            chunk = person_ids[start : start + 500]
            for pid, first, last in session.execute(
                select(Person.id, Person.first_name, Person.last_name).where(Person.id.in_(chunk))
            ):
                persons[pid] = PersonRecord(pid, "", first, last)
    snapshot = OrgSnapshot(units=units, persons=persons, appointments=appointments)
    return _chart(snapshot, on)


def _chart(snapshot: OrgSnapshot, on: date) -> OrgChart:
    children: dict[int | None, list[int]] = defaultdict(list)
    for unit in snapshot.units.values():
        parent = unit.parent_id if unit.parent_id in snapshot.units else None
        children[parent].append(unit.id)
    for ids in children.values():
        ids.sort(key=lambda i: (swedish_sort_key(snapshot.units[i].name), i))
    ordinary: dict[int, ChartHolder] = {}
    acting: dict[int, ChartHolder] = {}
    # Earliest first, so the longest-serving holder is the one shown (as ORG-8 picks).
    for appointment in sorted(
        snapshot.appointments.values(), key=lambda a: (a.valid_from or date.min, a.id)
    ):
        if not is_leading(snapshot, appointment):
            continue
        person = snapshot.persons.get(appointment.person_id)
        holder = ChartHolder(
            person.full_name if person else "?",
            appointment.role,
            appointment.acting,
            appointment.id,
        )
        (acting if appointment.acting else ordinary).setdefault(appointment.unit_id, holder)
    units = {
        unit.id: ChartUnit(
            id=unit.id,
            code=unit.code,
            name=unit.name,
            kind=unit.kind,
            parent_id=unit.parent_id if unit.parent_id in snapshot.units else None,
            children=tuple(children.get(unit.id, ())),
            manager=ordinary.get(unit.id),
            acting=acting.get(unit.id),
            has_leading_role=bool(leading_roles_for(snapshot, unit.id)),
        )
        for unit in snapshot.units.values()
    }
    return OrgChart(on, units, tuple(children.get(None, ())))
