"""Plain value records of the organisation, and a snapshot the rule checks read."""

from __future__ import annotations

from bisect import insort
from collections import defaultdict
from collections.abc import Collection, Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from nacka_desktop.domain.dates import is_valid_on
from nacka_desktop.domain.enums import ProcessKind, Role, UnitKind, WelfareBranch

_SWEDISH_ORDER = str.maketrans({"å": "{", "ä": "|", "ö": "}", "æ": "|", "ø": "}"})


_ABSENT = object()  # not in the snapshot (a unit's parent, when there is no unit)


def _by_id(appointment: AppointmentRecord) -> int:
    return appointment.id


def swedish_sort_key(text: str) -> str:
    """Sort key that puts å, ä, ö after z in that order, as Swedish readers expect."""
    return text.casefold().translate(_SWEDISH_ORDER)


@dataclass(frozen=True, slots=True)
class UnitRecord:
    id: int
    code: str
    name: str
    kind: UnitKind
    parent_id: int | None
    valid_from: date | None = None
    valid_to: date | None = None
    welfare_branch: WelfareBranch | None = None
    seats: int | None = None
    charter: str = ""
    # The period of its history in which the unit has this place, kind, name and code (for
    # a unit that has moved or been renamed; None: always).
    placed_from: date | None = None
    placed_to: date | None = None

    def is_valid_on(self, on: date) -> bool:
        return is_valid_on(self.valid_from, self.valid_to, on)

    def is_closed_by(self, on: date) -> bool:
        return self.valid_to is not None and self.valid_to <= on


@dataclass(frozen=True, slots=True)
class PersonRecord:
    id: int
    employee_number: str
    first_name: str
    last_name: str
    title: str = ""
    email: str = ""

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True, slots=True)
class AppointmentRecord:
    id: int
    person_id: int
    unit_id: int
    role: Role
    valid_from: date | None = None
    valid_to: date | None = None
    acting: bool = False

    def is_valid_on(self, on: date) -> bool:
        return is_valid_on(self.valid_from, self.valid_to, on)


@dataclass(frozen=True, slots=True)
class ProcessRecord:
    id: int
    name: str
    kind: ProcessKind
    owner_person_id: int | None = None


@dataclass(frozen=True)
class OrgChange:
    """Which records of a snapshot differ from those of the one it was derived from (a
    superset: a row read again may be unchanged), for the checks to redo only their part."""

    earlier: OrgSnapshot
    units: frozenset[int]
    persons: frozenset[int]
    appointments: frozenset[int]

    def units_in_changed_lines(self, later: OrgSnapshot) -> set[int]:
        """The changed units and every unit below them, in either snapshot: all that a
        result read through a unit's line upwards may differ for."""
        return self.earlier.subtree_ids(self.units) | later.subtree_ids(self.units)


@dataclass
class OrgSnapshot:
    units: dict[int, UnitRecord] = field(default_factory=dict)
    persons: dict[int, PersonRecord] = field(default_factory=dict)
    appointments: dict[int, AppointmentRecord] = field(default_factory=dict)
    processes: dict[int, ProcessRecord] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._index()

    def _index(self) -> None:
        # Built once: a snapshot is never changed after it is made, so every derived fact the
        # checks ask for again and again (a unit's line upwards, who holds a role) is kept.
        self._children: dict[int | None, list[int]] = defaultdict(list)
        for unit in self.units.values():
            self._children[unit.parent_id].append(unit.id)
        self._appointments_by_unit: dict[int, list[AppointmentRecord]] = defaultdict(list)
        self._appointments_by_person: dict[int, list[AppointmentRecord]] = defaultdict(list)
        self._appointments_by_role: dict[Role, list[AppointmentRecord]] = defaultdict(list)
        for appointment in self.appointments.values():
            self._appointments_by_unit[appointment.unit_id].append(appointment)
            self._appointments_by_person[appointment.person_id].append(appointment)
            self._appointments_by_role[appointment.role].append(appointment)
        self._ancestors: dict[int, tuple[UnitRecord, ...]] = {}
        self._ancestor_ids: dict[int, frozenset[int]] = {}
        self._by_title: dict[str, list[AppointmentRecord]] | None = None
        self._branch: dict[int, WelfareBranch | None] = {}
        self.memo: dict[Hashable, Any] = {}
        """Derived answers of the domain functions (who leads a unit on a date …), per snapshot."""
        self.change: OrgChange | None = None
        """How this snapshot differs from the one it was derived from (`derived`), if it was."""

    def derived(
        self,
        units: dict[int, UnitRecord],
        persons: dict[int, PersonRecord],
        appointments: dict[int, AppointmentRecord],
        processes: dict[int, ProcessRecord],
        changed: Mapping[str, Collection[int]],
    ) -> OrgSnapshot:
        """A snapshot of these records, which differ from this one's at most in the ids
        `changed` names per table ("unit", "person", "appointment")."""
        later = OrgSnapshot.__new__(OrgSnapshot)
        later.units, later.persons = units, persons
        later.appointments, later.processes = appointments, processes
        change = OrgChange(
            self,
            frozenset(changed.get("unit", ())),
            frozenset(changed.get("person", ())),
            frozenset(changed.get("appointment", ())),
        )
        later._index_from(change)
        later.change = change
        return later

    def _index_from(self, change: OrgChange) -> None:
        """`_index`, at the cost of the change: the earlier snapshot's indexes copied, and
        only the lists the changed records are in copied again and patched (the earlier
        snapshot keeps its own); its lines upwards kept where no changed unit lies on them."""
        earlier = change.earlier
        children: dict[int | None, list[int]] = defaultdict(list, earlier._children)
        for unit_id in change.units:
            old, new = earlier.units.get(unit_id), self.units.get(unit_id)
            old_parent = old.parent_id if old is not None else _ABSENT
            new_parent = new.parent_id if new is not None else _ABSENT
            if old_parent == new_parent:
                continue
            if old is not None:
                children[old.parent_id] = [i for i in children[old.parent_id] if i != unit_id]
            if new is not None:
                siblings = list(children[new.parent_id])
                insort(siblings, unit_id)
                children[new.parent_id] = siblings
        self._children = children
        by_unit = defaultdict(list, earlier._appointments_by_unit)
        by_person = defaultdict(list, earlier._appointments_by_person)
        by_role = defaultdict(list, earlier._appointments_by_role)
        for appointment_id in change.appointments:
            old_record = earlier.appointments.get(appointment_id)
            new_record = self.appointments.get(appointment_id)
            for index, key in (
                (by_unit, "unit_id"),
                (by_person, "person_id"),
                (by_role, "role"),
            ):
                if old_record is not None:
                    bucket = getattr(old_record, key)
                    index[bucket] = [a for a in index[bucket] if a.id != appointment_id]
                if new_record is not None:
                    bucket = getattr(new_record, key)
                    listed = list(index[bucket])
                    insort(listed, new_record, key=_by_id)
                    index[bucket] = listed
        self._appointments_by_unit = by_unit
        self._appointments_by_person = by_person
        self._appointments_by_role = by_role
        # A line upwards changes where a changed unit lies on it, in either snapshot. (The
        # dicts are copied first: a worker thread may be adding to the earlier ones.)
        moved = earlier.subtree_ids(change.units) | self.subtree_ids(change.units)
        self._ancestors = {k: v for k, v in earlier._ancestors.copy().items() if k not in moved}
        self._ancestor_ids = {
            k: v for k, v in earlier._ancestor_ids.copy().items() if k not in moved
        }
        self._branch = {k: v for k, v in earlier._branch.copy().items() if k not in moved}
        self._by_title = self._titles_from(change)
        self.memo = {}
        self.change = None

    def _titles_from(self, change: OrgChange) -> dict[str, list[AppointmentRecord]] | None:
        """The earlier snapshot's appointments by title, patched where an appointment or
        its person changed (None if it was never built: built when first asked)."""
        earlier = change.earlier
        titles = earlier._by_title
        if titles is None:
            return None
        by_title = dict(titles)
        touched = set(change.appointments)
        for person_id in change.persons:
            touched.update(a.id for a in earlier.appointments_of(person_id))
            touched.update(a.id for a in self.appointments_of(person_id))
        for appointment_id in touched:
            for snapshot, remove in ((earlier, True), (self, False)):
                record = snapshot.appointments.get(appointment_id)
                person = snapshot.persons.get(record.person_id) if record is not None else None
                if record is None or person is None:
                    continue
                title = person.title.strip().casefold()
                listed = [a for a in by_title.get(title, ()) if a.id != appointment_id]
                if not remove:
                    insort(listed, record, key=_by_id)
                by_title[title] = listed
        return by_title

    def children(self, unit_id: int | None) -> list[UnitRecord]:
        return [self.units[i] for i in self._children.get(unit_id, [])]

    def appointments_in(self, unit_id: int) -> list[AppointmentRecord]:
        return self._appointments_by_unit.get(unit_id, [])

    def appointments_of(self, person_id: int) -> list[AppointmentRecord]:
        return self._appointments_by_person.get(person_id, [])

    def appointments_with_role(self, role: Role) -> list[AppointmentRecord]:
        return self._appointments_by_role.get(role, [])

    def appointments_with_title(self, title: str) -> list[AppointmentRecord]:
        """Appointments of the persons whose title is `title` (case-insensitively)."""
        if self._by_title is None:
            by_title: dict[str, list[AppointmentRecord]] = defaultdict(list)
            for appointment in self.appointments.values():
                person = self.persons.get(appointment.person_id)
                if person is not None:
                    by_title[person.title.strip().casefold()].append(appointment)
            self._by_title = by_title
        return self._by_title.get(title.strip().casefold(), [])

    def appointments_below(self, unit_id: int) -> list[AppointmentRecord]:
        """Appointments in the unit and every unit below it, in id order."""
        key = ("appointments_below", unit_id)
        found: list[AppointmentRecord] | None = self.memo.get(key)
        if found is None:
            found = []
            stack, seen = [unit_id], {unit_id}
            while stack:
                current = stack.pop()
                found.extend(self.appointments_in(current))
                for child_id in self._children.get(current, []):
                    if child_id not in seen:
                        seen.add(child_id)
                        stack.append(child_id)
            found.sort(key=lambda a: a.id)
            self.memo[key] = found
        return found

    def subtree_ids(self, unit_ids: Iterable[int]) -> set[int]:
        """The units and every unit below them."""
        found: set[int] = set()
        stack = list(unit_ids)
        while stack:
            current = stack.pop()
            if current in found:
                continue
            found.add(current)
            stack.extend(self._children.get(current, ()))
        return found

    def ancestors(self, unit_id: int) -> list[UnitRecord]:
        """Parents from the nearest upwards; stops (without looping) at a cycle."""
        return list(self._ancestor_line(unit_id))

    def _ancestor_line(self, unit_id: int) -> tuple[UnitRecord, ...]:
        line = self._ancestors.get(unit_id)
        if line is None:
            seen = {unit_id}
            result: list[UnitRecord] = []
            parent_id = self.units[unit_id].parent_id if unit_id in self.units else None
            while parent_id is not None and parent_id in self.units and parent_id not in seen:
                seen.add(parent_id)
                parent = self.units[parent_id]
                result.append(parent)
                parent_id = parent.parent_id
            line = self._ancestors[unit_id] = tuple(result)
        return line

    def ancestor_ids(self, unit_id: int) -> frozenset[int]:
        """The ids of the units above the unit (not the unit itself)."""
        ids = self._ancestor_ids.get(unit_id)
        if ids is None:
            ids = frozenset(u.id for u in self._ancestor_line(unit_id))
            self._ancestor_ids[unit_id] = ids
        return ids

    def executive_board(self) -> UnitRecord | None:
        """Kommunstyrelsen: the employer, at the top of every line of responsibility."""
        if "executive_board" not in self.memo:
            self.memo["executive_board"] = next(
                (u for u in self.units.values() if u.kind is UnitKind.EXECUTIVE_BOARD), None
            )
        board: UnitRecord | None = self.memo["executive_board"]
        return board

    def is_within(self, unit_id: int, scope_id: int | None) -> bool:
        """The unit is the scope or lies below it (no scope: the whole organisation)."""
        return scope_id is None or unit_id == scope_id or scope_id in self.ancestor_ids(unit_id)

    def is_in_cycle(self, unit_id: int) -> bool:
        """True if walking up from the unit comes back to it (not merely to some other loop)."""
        seen: set[int] = set()
        current = self.units[unit_id].parent_id if unit_id in self.units else None
        while current is not None and current in self.units and current not in seen:
            if current == unit_id:
                return True
            seen.add(current)
            current = self.units[current].parent_id
        return False

    def welfare_branch_of(self, unit_id: int) -> WelfareBranch | None:
        if unit_id in self._branch:
            return self._branch[unit_id]
        branch = None
        for unit in (self.units[unit_id], *self._ancestor_line(unit_id)):
            if unit.kind is UnitKind.PRODUCTION_AREA:
                branch = unit.welfare_branch
                break
        self._branch[unit_id] = branch
        return branch

    def unit_label(self, unit_id: int) -> str:
        unit = self.units.get(unit_id)
        return f"{unit.name} ({unit.code})" if unit else f"#{unit_id}"

    def person_label(self, person_id: int | None) -> str:
        person = self.persons.get(person_id) if person_id is not None else None
        return person.full_name if person else "–"
