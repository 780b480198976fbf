"""Queries over the organisation. Repositories read and stage changes; they never commit."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Row, and_, exists, func, inspect, or_, select
from sqlalchemy.orm import DeclarativeBase, Session, aliased
from sqlalchemy.sql.elements import ColumnElement

from nacka_desktop.domain.enums import UnitKind
from nacka_desktop.domain.records import (
    AppointmentRecord,
    OrgSnapshot,
    PersonRecord,
    ProcessRecord,
    UnitRecord,
    swedish_sort_key,
)
from nacka_desktop.domain.text import (
    ACCENT_FOLDS,
    WORD_SEPARATORS,
    search_fold,
    search_words,
    starts_a_word,
)
from nacka_desktop.domain.unit_history import as_of
from nacka_desktop.storage.models import (
    Appointment,
    Person,
    Process,
    Unit,
    UnitHistory,
    search_text,
)
from nacka_desktop.storage.unit_history import histories, in_force_on


def plain_rows(
    session: Session,
    model: type[DeclarativeBase],
    *order_by: Any,
    where: ColumnElement[bool] | None = None,
) -> Sequence[Row[Any]]:
    """Every row of a model's table (or those `where` selects) as a plain named row
    (attributes named as the columns): no ORM objects, no identity map, several times cheaper
    for the whole-organisation reads of the rule checks. The session's pending changes are
    flushed first, so they are read."""
    session.flush()
    table = inspect(model).local_table
    statement = select(table).order_by(*order_by)
    if where is not None:
        statement = statement.where(where)
    # Through the session's connection: Session.execute would still run the ORM's loading.
    return session.connection().execute(statement).all()


def unit_record(unit: Unit | Row[Any]) -> UnitRecord:
    return UnitRecord(
        id=unit.id,
        code=unit.code,
        name=unit.name,
        kind=unit.kind,
        parent_id=unit.parent_id,
        valid_from=unit.valid_from,
        valid_to=unit.valid_to,
        welfare_branch=unit.welfare_branch,
        seats=unit.seats,
        charter=unit.charter or "",
    )


def person_record(person: Person | Row[Any]) -> PersonRecord:
    return PersonRecord(
        id=person.id,
        employee_number=person.employee_number,
        first_name=person.first_name,
        last_name=person.last_name,
        title=person.title or "",
        email=person.email or "",
    )


def appointment_record(appointment: Appointment | Row[Any]) -> AppointmentRecord:
    return AppointmentRecord(
        id=appointment.id,
        person_id=appointment.person_id,
        unit_id=appointment.unit_id,
        role=appointment.role,
        valid_from=appointment.valid_from,
        valid_to=appointment.valid_to,
        acting=bool(appointment.acting),
    )


def load_snapshot(
    session: Session,
    on: date | None = None,
    previous: OrgSnapshot | None = None,
    unchanged: Collection[str] = (),
) -> OrgSnapshot:
    """The whole organisation, its structure as on the date (without one: as last planned,
    as the units' own rows hold it), in a few plain SELECTs (no per-row lazy loading); the
    tables named `unchanged` are taken from `previous` instead of read again (the units only
    if `previous` has the same structure)."""

    def kept(table: str) -> bool:
        return previous is not None and table in unchanged

    return OrgSnapshot(
        units=(
            previous.units
            if previous is not None
            and all(kept(t) for t in ("unit", "unit_history", "unit_history@"))
            else _units_on(session, on)
        ),
        persons=(
            previous.persons
            if previous is not None and kept("person")
            else {p.id: person_record(p) for p in plain_rows(session, Person, Person.id)}
        ),
        appointments=(
            previous.appointments
            if previous is not None and kept("appointment")
            else {
                a.id: appointment_record(a)
                for a in plain_rows(session, Appointment, Appointment.id)
            }
        ),
        processes=(
            previous.processes
            if previous is not None and kept("process")
            else {
                p.id: ProcessRecord(p.id, p.name, p.kind, p.owner_person_id)
                for p in plain_rows(session, Process, Process.id)
            }
        ),
    )


def load_tree(session: Session, on: date) -> OrgSnapshot:
    """The units alone, with their place, kind, name and code on the date."""
    return OrgSnapshot(units=_units_on(session, on))


def _units_on(session: Session, on: date | None) -> dict[int, UnitRecord]:
    """Every unit with its place, kind, name and code on the date."""
    if on is None:
        return {u.id: unit_record(u) for u in plain_rows(session, Unit, Unit.id)}
    periods = histories(session)
    return {
        u.id: as_of(unit_record(u), periods.get(u.id), on)
        for u in plain_rows(session, Unit, Unit.id)
    }


def restructured(session: Session, previous: OrgSnapshot, on: date) -> OrgSnapshot:
    """`previous` with its structure as on another date (see `patch_snapshot`)."""
    return patch_snapshot(session, previous, {}, on, restructure=True)


def patch_snapshot(
    session: Session,
    previous: OrgSnapshot,
    edited: Mapping[str, Collection[int]],
    on: date,
    restructure: bool = False,
) -> OrgSnapshot:
    """`previous` with the rows named in `edited` (table → ids) read again, the others kept
    as they are (the same records, so that comparing before and after is cheap); the units
    read again with their structure as on the date. With `restructure`, `previous` may have
    the structure of another date: every unit that has ever changed is looked at again, and
    those whose place, kind, name or code differ on this date are replaced too."""

    def patched(
        table: str, current: dict[int, Any], model: Any, record: Callable[[Any], Any]
    ) -> dict[int, Any]:
        ids = edited.get(table)
        if not ids:
            return current
        result = dict(current)
        found: set[int] = set()
        periods = histories(session, ids) if table == "unit" else {}
        for chunk in _chunks(sorted(ids)):
            for row in plain_rows(session, model, model.id, where=model.id.in_(chunk)):
                read = record(row)
                if table == "unit":
                    read = as_of(read, periods.get(row.id), on)
                result[row.id] = read  # in place: the records stay in id order
                found.add(row.id)
        for object_id in set(ids) - found:
            result.pop(object_id, None)
        if any(a > b for a, b in zip(result, list(result)[1:], strict=False)):
            result = dict(sorted(result.items()))  # a row with a lower id came back
        return result

    units = patched("unit", previous.units, Unit, unit_record)
    changed = dict(edited)
    if restructure:
        moved: dict[int, UnitRecord] = {}
        for unit_id, periods in histories(session).items():
            unit = units.get(unit_id)
            if unit is not None and (then := as_of(unit, periods, on)) != unit:
                moved[unit_id] = then
        if moved:
            units = {**units, **moved}
            changed["unit"] = {*edited.get("unit", ()), *moved}
    if not any(changed.values()):
        return previous
    return previous.derived(
        units=units,
        persons=patched("person", previous.persons, Person, person_record),
        appointments=patched("appointment", previous.appointments, Appointment, appointment_record),
        processes=patched(
            "process",
            previous.processes,
            Process,
            lambda p: ProcessRecord(p.id, p.name, p.kind, p.owner_person_id),
        ),
        changed=changed,
    )


def _chunks(ids: list[int], size: int = 500) -> Iterator[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


@dataclass(frozen=True)
class TreeRow:
    id: int
    parent_id: int | None
    code: str
    name: str
    kind: UnitKind
    valid_from: date | None
    valid_to: date | None
    has_children: bool


def _not_closed_by(column_to: Any, on: date) -> ColumnElement[bool]:
    return or_(column_to.is_(None), column_to > on)


def tree_children(
    session: Session, parent_id: int | None, on: date, include_closed: bool = False
) -> list[TreeRow]:
    """One level of the tree as it is on the date, in one query, each row knowing whether it
    has children then."""
    child, child_unit = aliased(UnitHistory), aliased(Unit)
    child_condition = [child.parent_id == Unit.id, in_force_on(on, child)]
    conditions = [
        in_force_on(on),
        UnitHistory.parent_id.is_(None)
        if parent_id is None
        else UnitHistory.parent_id == parent_id,
    ]
    if not include_closed:
        child_condition.append(_not_closed_by(child_unit.valid_to, on))
        conditions.append(_not_closed_by(Unit.valid_to, on))
    has_children = (
        exists().where(*child_condition).where(child_unit.id == child.unit_id).label("has_children")
    )
    statement = (
        select(
            Unit.id,
            UnitHistory.parent_id,
            UnitHistory.code,
            UnitHistory.name,
            UnitHistory.kind,
            Unit.valid_from,
            Unit.valid_to,
            has_children,
        )
        .join(UnitHistory, UnitHistory.unit_id == Unit.id)
        .where(*conditions)
    )
    rows = [TreeRow(*row) for row in session.execute(statement)]
    return sorted(rows, key=lambda row: (swedish_sort_key(row.name), row.id))


def unit_path(session: Session, unit_id: int, on: date) -> list[int]:
    """Ids from the root down to the unit in the tree of the date (for revealing it)."""
    path: list[int] = []
    current: int | None = unit_id
    seen: set[int] = set()
    while current is not None and current not in seen:
        seen.add(current)
        path.append(current)
        current = session.scalar(
            select(UnitHistory.parent_id).where(UnitHistory.unit_id == current, in_force_on(on))
        )
    return list(reversed(path))


@dataclass(frozen=True)
class SearchHit:
    object_kind: str  # "unit" or "person"
    id: int
    text: str
    code: str  # the unit's code or the person's employee number
    unit_kind: UnitKind | None = None
    title: str = ""


def search(session: Session, text: str, limit: int = 50) -> list[SearchHit]:
    """Units by name or code, persons by name, employee number, title or e-mail: every typed
    word the beginning of a word of theirs (`domain.text.matches_search`, the rule every
    picker follows too), in the stored folded text (one plain scan)."""
    # Cleaned and capped: a pasted NUL or zero-width space matches nothing, a decomposed "é"
    # matches "é", and a page of text is a search for its first words, not an SQL error.
    words = search_words(text)
    if not words:
        return []
    hits = [
        SearchHit("unit", uid, name, code, unit_kind=kind)
        for uid, name, code, kind in session.execute(
            select(Unit.id, Unit.name, Unit.code, Unit.kind)
            .where(*(_contains(Unit.search_text, w) for w in words))
            .order_by(func.lower(Unit.name))
            .limit(limit)
        )
    ]
    hits += _units_by_other_names(session, words, {hit.id for hit in hits})
    hits += [
        SearchHit("person", pid, f"{first} {last}", number, title=title or "")
        for pid, first, last, number, title in session.execute(
            select(
                Person.id, Person.first_name, Person.last_name, Person.employee_number, Person.title
            )
            .where(*(_contains(Person.search_text, w) for w in words))
            .order_by(func.lower(Person.last_name), func.lower(Person.first_name))
            .limit(limit)
        )
    ]
    return sorted(hits, key=lambda hit: (hit.object_kind != "unit", swedish_sort_key(hit.text)))[
        :limit
    ]


def _units_by_other_names(session: Session, words: list[str], found: set[int]) -> list[SearchHit]:
    """Units found by a name or code they had before or will have from a planned date (a
    unit renamed from January is still searched for by today's name): the few units that
    have ever changed, matched here rather than in SQL."""
    matched: dict[int, str] = {}
    for unit_id, periods in histories(session).items():
        if unit_id in found:
            continue
        for period in periods:
            text = search_text(period.name, period.code)
            if all(starts_a_word(word, search_fold(text)) for word in words):
                matched[unit_id] = period.name
                break
    if not matched:
        return []
    rows = session.execute(
        select(Unit.id, Unit.name, Unit.code, Unit.kind).where(Unit.id.in_(sorted(matched)))
    )
    return [
        SearchHit("unit", uid, f"{name} ({matched[uid]})", code, unit_kind=kind)
        for uid, name, code, kind in rows
    ]


def _glob_letters() -> dict[str, str]:
    """Each letter as a GLOB pattern that also matches its accented forms (the accents
    `domain.text.search_fold` takes off: "e" is "[eéèêë]"), and GLOB's own characters taken
    literally. The stored text is case folded but keeps its accents (migration 0006)."""
    variants: dict[str, str] = {}
    for accented, plain in ACCENT_FOLDS.items():
        variants[plain] = variants.get(plain, plain) + accented
    letters = {plain: f"[{chars}]" for plain, chars in variants.items()}
    letters.update({char: f"[{char}]" for char in "*?["})
    return letters


_GLOB_LETTERS = _glob_letters()
_LIKE_ESCAPES = {char: "/" + char for char in "%_/"}


def _contains(column: Any, word: str) -> ColumnElement[bool]:
    """`word` (folded) begins a word of the column's text, accents folded: the rule of
    `domain.text.starts_a_word` in SQL, as GLOB patterns on the stored folded text (folding
    the column in SQL cost ~2 s a keystroke at 43,000 persons). A plain LIKE first, with any
    letter that has accented forms left open, passes few rows on to the GLOBs (~10 ms)."""
    rough = "".join(
        "_" if char in _GLOB_LETTERS and char not in "*?[" else _LIKE_ESCAPES.get(char, char)
        for char in word
    )
    pattern = "".join(_GLOB_LETTERS.get(char, char) for char in word)
    starts: ColumnElement[bool] = or_(
        column.op("GLOB")(pattern + "*"),
        *(
            column.op("GLOB")(f"*{_GLOB_LETTERS.get(sep, sep)}{pattern}*")
            for sep in WORD_SEPARATORS
        ),
    )
    found: ColumnElement[bool] = and_(column.like(f"%{rough}%", escape="/"), starts)
    return found


def appointments_in_unit(session: Session, unit_id: int) -> list[tuple[Appointment, Person]]:
    statement = (
        select(Appointment, Person)
        .join(Person, Person.id == Appointment.person_id)
        .where(Appointment.unit_id == unit_id)
        .order_by(Appointment.role, Person.last_name, Person.first_name)
    )
    return [(a, p) for a, p in session.execute(statement)]


def appointments_of_person(session: Session, person_id: int) -> list[tuple[Appointment, Unit]]:
    statement = (
        select(Appointment, Unit)
        .join(Unit, Unit.id == Appointment.unit_id)
        .where(Appointment.person_id == person_id)
        .order_by(Appointment.valid_from.desc(), Unit.name)
    )
    return [(a, u) for a, u in session.execute(statement)]


def open_appointments_in_subtree(
    session: Session, unit_ids: list[int], on: date
) -> list[Appointment]:
    return list(
        session.scalars(
            select(Appointment).where(
                Appointment.unit_id.in_(unit_ids),
                _not_closed_by(Appointment.valid_to, on),
            )
        )
    )


def appointments_starting_from(
    session: Session, unit_ids: list[int], start: date
) -> list[tuple[Appointment, Person, Unit]]:
    statement = (
        select(Appointment, Person, Unit)
        .join(Person, Person.id == Appointment.person_id)
        .join(Unit, Unit.id == Appointment.unit_id)
        .where(Appointment.unit_id.in_(unit_ids), Appointment.valid_from >= start)
    )
    return [(a, p, u) for a, p, u in session.execute(statement)]


def subtree_ids(session: Session, unit_id: int, on: date) -> list[int]:
    """The unit and all below it in the tree of the date, in one recursive query."""
    tree = select(Unit.id).where(Unit.id == unit_id).cte("subtree", recursive=True)
    # UNION (not UNION ALL) so a cycle in a damaged database ends instead of looping forever.
    tree = tree.union(
        select(UnitHistory.unit_id).where(UnitHistory.parent_id == tree.c.id, in_force_on(on))
    )
    return list(session.scalars(select(tree.c.id)))


def code_in_use(session: Session, code: str, except_unit_id: int | None = None) -> bool:
    statement = select(Unit.id).where(func.lower(Unit.code) == code.strip().lower())
    if except_unit_id is not None:
        statement = statement.where(Unit.id != except_unit_id)
    return session.scalar(statement.limit(1)) is not None


def employee_number_in_use(
    session: Session, number: str, except_person_id: int | None = None
) -> bool:
    statement = select(Person.id).where(Person.employee_number == number.strip())
    if except_person_id is not None:
        statement = statement.where(Person.id != except_person_id)
    return session.scalar(statement.limit(1)) is not None
