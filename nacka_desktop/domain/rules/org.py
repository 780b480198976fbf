"""The rule checks of the organisation (ORG-1…ORG-9 and the DATA integrity rules).

`check_organisation(snapshot)` gives the violations that hold whatever the date (structure,
dates, overlaps); with `on=` it adds what is true on that date (vacant posts, missing chairs).
Services refuse an edit that adds an error; the Problems panel and `check` list them all.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator
from datetime import date

from nacka_desktop.domain.dates import is_period_ordered, periods_overlap
from nacka_desktop.domain.enums import ProcessKind, Role, Severity, UnitKind, WelfareBranch
from nacka_desktop.domain.records import (
    AppointmentRecord,
    OrgChange,
    OrgSnapshot,
    PersonRecord,
    UnitRecord,
)
from nacka_desktop.domain.responsibility import is_leading, responsible_manager, roles_for
from nacka_desktop.domain.rules import ObjectKind, Violation, sort_violations
from nacka_desktop.domain.structure import (
    COUNCIL_SEATS,
    KINDS_WITH_CHARTER,
    KINDS_WITH_SEATS,
    PROCESS_OWNER_ROLES,
    SEATED_ROLES,
    SINGLE_HOLDER_POLITICAL_ROLES,
    shape_of,
)

KS_COMMITTEES = 3


def check_organisation(
    snapshot: OrgSnapshot, on: date | None = None, today: date | None = None
) -> list[Violation]:
    """All violations; with `on`, also those of that date. `today` matters for facts kept
    without history (a process's owner): for an earlier date they are checked as of today."""
    found: list[Violation] = []
    found.extend(check_units(snapshot))
    found.extend(check_persons(snapshot))
    found.extend(check_appointments(snapshot))
    if on is not None:
        found.extend(check_on_date(snapshot, on, today))
    return sort_violations(found)


# The four parts of `check_organisation`, each reading less of the snapshot, so that a cache
# can run again only those whose records changed.


def check_units(snapshot: OrgSnapshot) -> list[Violation]:
    """Reads the units only."""
    return list(_check_units(snapshot))


def check_persons(snapshot: OrgSnapshot) -> list[Violation]:
    """Reads the persons only."""
    return list(_check_persons(snapshot))


def check_appointments(snapshot: OrgSnapshot) -> list[Violation]:
    """Reads the appointments, their units and persons."""
    return list(_check_appointments(snapshot))


def check_on_date(snapshot: OrgSnapshot, on: date, today: date | None = None) -> list[Violation]:
    """Reads the whole organisation, processes included."""
    return list(_check_on_date(snapshot, on, today))


def _unit_violation(
    snapshot: OrgSnapshot,
    unit: UnitRecord,
    rule_id: str,
    severity: Severity,
    sv: str,
    en: str,
    field: str | None = None,
) -> Violation:
    return Violation(
        rule_id, severity, sv, en, ObjectKind.UNIT, unit.id, field, snapshot.unit_label(unit.id)
    )


def _appointment_violation(
    snapshot: OrgSnapshot,
    appointment: AppointmentRecord,
    rule_id: str,
    severity: Severity,
    sv: str,
    en: str,
    field: str | None = None,
) -> Violation:
    person, unit = (
        snapshot.person_label(appointment.person_id),
        snapshot.unit_label(appointment.unit_id),
    )
    return Violation(
        rule_id,
        severity,
        sv,
        en,
        ObjectKind.APPOINTMENT,
        appointment.id,
        field,
        f"{person}, {appointment.role.label_sv.lower()}, {unit}",
        f"{person}, {appointment.role.label_en.lower()}, {unit}",
    )


def _check_units(snapshot: OrgSnapshot) -> Iterator[Violation]:
    # Each unit's own fields and place, kept per unit: after an edit only the units in a
    # changed line (a unit's place reads its parent and the line above) are checked again.
    per_unit = _per_unit(
        snapshot,
        "unit results",
        lambda unit_id: tuple(_check_unit(snapshot, snapshot.units[unit_id])),
        lambda change: change.units_in_changed_lines(snapshot),
    )
    for found in per_unit.values():
        yield from found
    codes: dict[str, list[UnitRecord]] = defaultdict(list)
    for unit in snapshot.units.values():
        codes[unit.code.strip().casefold()].append(unit)
    for same_code in codes.values():
        if len(same_code) > 1 and same_code[0].code.strip():
            for unit in same_code:
                yield _unit_violation(
                    snapshot,
                    unit,
                    "DATA-3",
                    Severity.ERROR,
                    f"Koden {unit.code} används av {len(same_code)} enheter.",
                    f"The code {unit.code} is used by {len(same_code)} units.",
                    "code",
                )


def _check_unit(snapshot: OrgSnapshot, unit: UnitRecord) -> Iterator[Violation]:
    yield from _check_unit_fields(snapshot, unit)
    if snapshot.is_in_cycle(unit.id):
        cycle = [unit.id] + [u.id for u in snapshot.ancestors(unit.id)]
        if unit.id == min(cycle):  # one report per cycle, not one per member
            names = " → ".join(snapshot.units[i].name for i in [*cycle, unit.id])
            yield _unit_violation(
                snapshot,
                unit,
                "DATA-4",
                Severity.ERROR,
                f"En enhet kan inte ligga under sig själv: {names}.",
                f"A unit cannot lie below itself: {names}.",
                "parent",
            )
        return
    yield from _check_unit_place(snapshot, unit)


def _check_unit_fields(snapshot: OrgSnapshot, unit: UnitRecord) -> Iterator[Violation]:
    if not unit.name.strip():
        yield _unit_violation(
            snapshot,
            unit,
            "DATA-2",
            Severity.ERROR,
            "Enheten saknar namn.",
            "The unit has no name.",
            "name",
        )
    if not unit.code.strip():
        yield _unit_violation(
            snapshot,
            unit,
            "DATA-2",
            Severity.ERROR,
            "Enheten saknar kod (ansvar/kostnadsställe).",
            "The unit has no code (cost centre).",
            "code",
        )
    if not is_period_ordered(unit.valid_from, unit.valid_to):
        yield _unit_violation(
            snapshot,
            unit,
            "DATA-1",
            Severity.ERROR,
            f"{unit.name}: slutdatum {unit.valid_to} ligger inte efter startdatum "
            f"{unit.valid_from}.",
            f"{unit.name}: end date {unit.valid_to} is not after start date {unit.valid_from}.",
            "valid_to",
        )
    if unit.kind is UnitKind.PRODUCTION_AREA and unit.welfare_branch is None:
        yield _unit_violation(
            snapshot,
            unit,
            "ORG-6",
            Severity.ERROR,
            f"Produktionsområdet {unit.name} måste vara Välfärd skola eller Välfärd "
            "samhällsservice.",
            f"The production area {unit.name} must be Welfare school or Welfare community service.",
            "welfare_branch",
        )


def _check_unit_place(snapshot: OrgSnapshot, unit: UnitRecord) -> Iterator[Violation]:
    shape = shape_of(unit.kind)
    parent = snapshot.units.get(unit.parent_id) if unit.parent_id is not None else None
    parent_kind = parent.kind if parent else None
    if parent_kind not in shape.parents:
        allowed = ", ".join(
            "högst upp" if k is None else k.label_sv.lower() for k in sorted(shape.parents, key=str)
        )
        allowed_en = ", ".join(
            "at the top" if k is None else k.label_en.lower()
            for k in sorted(shape.parents, key=str)
        )
        where = parent_kind.label_sv.lower() if parent_kind else "högst upp i trädet"
        where_en = parent_kind.label_en.lower() if parent_kind else "at the top of the tree"
        yield _unit_violation(
            snapshot,
            unit,
            shape.rule_id,
            Severity.ERROR,
            f"{unit.kind.label_sv} kan inte ligga under {where}; tillåtet: {allowed}.",
            f"A {unit.kind.label_en.lower()} cannot lie under {where_en}; allowed: {allowed_en}.",
            "parent",
        )
    if unit.kind is UnitKind.UNIT and parent is not None:
        branch = snapshot.welfare_branch_of(parent.id)
        if branch is not None and branch is not WelfareBranch.COMMUNITY_SERVICE:
            yield _unit_violation(
                snapshot,
                unit,
                "ORG-7",
                Severity.ERROR,
                "Enheter under ett verksamhetsområde finns bara i Välfärd samhällsservice.",
                "Units under an operating area exist only in Welfare community service.",
                "parent",
            )
    # Only while it lies under the parent: a unit moved elsewhere from the day its parent
    # closes does not outlive it.
    outside = (
        _outside_field(
            max(unit.valid_from or date.min, unit.placed_from or date.min),
            min(unit.valid_to or date.max, unit.placed_to or date.max),
            parent.valid_from,
            parent.valid_to,
        )
        if parent is not None
        else None
    )
    if parent is not None and outside:
        yield _unit_violation(
            snapshot,
            unit,
            "DATA-5",
            Severity.ERROR,
            f"{unit.name} gäller utanför giltighetstiden för {parent.name}.",
            f"{unit.name} is valid outside the validity of {parent.name}.",
            outside,
        )


def _check_persons(snapshot: OrgSnapshot) -> Iterator[Violation]:
    numbers: dict[str, list[PersonRecord]] = defaultdict(list)
    for person in snapshot.persons.values():
        numbers[person.employee_number.strip()].append(person)
        for field_name, text_sv, text_en in (
            ("employee_number", "anställningsnummer", "employee number"),
            ("first_name", "förnamn", "first name"),
            ("last_name", "efternamn", "last name"),
        ):
            if not str(getattr(person, field_name)).strip():
                yield Violation(
                    "DATA-2",
                    Severity.ERROR,
                    f"Personen saknar {text_sv}.",
                    f"The person has no {text_en}.",
                    ObjectKind.PERSON,
                    person.id,
                    field_name,
                    person.full_name,
                )
        if person.email.strip() and not _looks_like_email(person.email.strip()):
            yield Violation(
                "DATA-6",
                Severity.ERROR,
                f"E-postadressen {person.email} är inte giltig.",
                f"The e-mail address {person.email} is not valid.",
                ObjectKind.PERSON,
                person.id,
                "email",
                person.full_name,
            )
    for number, same in numbers.items():
        if number and len(same) > 1:
            for person in same:
                yield Violation(
                    "DATA-3",
                    Severity.ERROR,
                    f"Anställningsnumret {number} används av {len(same)} personer.",
                    f"The employee number {number} is used by {len(same)} persons.",
                    ObjectKind.PERSON,
                    person.id,
                    "employee_number",
                    person.full_name,
                )


def _looks_like_email(text: str) -> bool:
    local, at, domain = text.partition("@")
    return bool(at and local and "." in domain and " " not in text and "@" not in domain)


def _check_appointments(snapshot: OrgSnapshot) -> Iterator[Violation]:
    results = _appointment_results(snapshot)
    for unit_id in sorted(results):
        yield from results[unit_id]


def _appointment_results(snapshot: OrgSnapshot) -> dict[int, tuple[Violation, ...]]:
    """The appointment rules' violations per unit: what they read is the unit, its line
    upwards, its appointments and their persons."""

    def again(change: OrgChange) -> set[int]:
        units = change.units_in_changed_lines(snapshot)
        for org in (change.earlier, snapshot):
            units |= _units_of_appointments(org, change.appointments)
            for person_id in change.persons:
                units.update(a.unit_id for a in org.appointments_of(person_id))
        return units

    return _per_unit(
        snapshot, "appointment results", lambda u: _check_unit_appointments(snapshot, u), again
    )


def _per_unit(
    snapshot: OrgSnapshot,
    key: Hashable,
    check: Callable[[int], tuple[Violation, ...]],
    again: Callable[[OrgChange], set[int]],
) -> dict[int, tuple[Violation, ...]]:
    """Violations per unit, kept with the snapshot. A snapshot derived by an edit takes the
    results of the one before and checks again only the units `again` names (the units
    whose part the edit changed), and new ones."""
    results: dict[int, tuple[Violation, ...]] | None = snapshot.memo.get(key)
    if results is not None:
        return results
    change = snapshot.change
    earlier = change.earlier.memo.get(key) if change is not None else None
    if change is None or earlier is None:
        results = {u: check(u) for u in snapshot.units}
    else:
        changed = again(change)
        results = {u: found for u, found in earlier.items() if u in snapshot.units}
        for unit_id in snapshot.units:
            if unit_id in changed or unit_id not in results:
                results[unit_id] = check(unit_id)
    snapshot.memo[key] = results
    return results


def _units_of_appointments(org: OrgSnapshot, appointment_ids: Iterable[int]) -> set[int]:
    return {org.appointments[a].unit_id for a in appointment_ids if a in org.appointments}


def _check_unit_appointments(snapshot: OrgSnapshot, unit_id: int) -> tuple[Violation, ...]:
    unit = snapshot.units[unit_id]
    found: list[Violation] = []
    for appointment in snapshot.appointments_in(unit_id):
        if not is_period_ordered(appointment.valid_from, appointment.valid_to):
            found.append(
                _appointment_violation(
                    snapshot,
                    appointment,
                    "DATA-1",
                    Severity.ERROR,
                    f"Förordnandet slutar ({appointment.valid_to}) innan det börjar "
                    f"({appointment.valid_from}).",
                    f"The appointment ends ({appointment.valid_to}) before it starts "
                    f"({appointment.valid_from}).",
                    "valid_to",
                )
            )
        found.extend(_check_role_fits_unit(snapshot, appointment, unit))
        outside = _outside_field(
            appointment.valid_from, appointment.valid_to, unit.valid_from, unit.valid_to
        )
        if outside:
            found.append(
                _appointment_violation(
                    snapshot,
                    appointment,
                    "DATA-5",
                    Severity.ERROR,
                    f"Förordnandet gäller utanför enhetens giltighetstid ({unit.name}).",
                    f"The appointment is valid outside the unit's validity ({unit.name}).",
                    outside,
                )
            )
        found.extend(_check_acting(snapshot, appointment))
    found.extend(_check_single_manager(snapshot, unit))
    return tuple(found)


def _outside_field(
    start: date | None, end: date | None, outer_start: date | None, outer_end: date | None
) -> str | None:
    """Which date of a period lies outside the period around it (None if it fits)."""
    if (start or date.min) < (outer_start or date.min):
        return "valid_from"
    if (end or date.max) > (outer_end or date.max):
        return "valid_to"
    return None


def _check_acting(snapshot: OrgSnapshot, appointment: AppointmentRecord) -> Iterator[Violation]:
    if not appointment.acting:
        return
    if not is_leading(snapshot, appointment):
        yield _appointment_violation(
            snapshot,
            appointment,
            "ORG-8",
            Severity.ERROR,
            f"Bara den som leder enheten kan vara tillförordnad (t.f.), inte "
            f"{appointment.role.label_sv.lower()}.",
            f"Only the one who leads the unit can be acting, not a "
            f"{appointment.role.label_en.lower()}.",
            "acting",
        )
    elif appointment.valid_to is None:
        yield _appointment_violation(
            snapshot,
            appointment,
            "ORG-8",
            Severity.WARNING,
            "Ett tillförordnande (t.f.) utan slutdatum står över den ordinarie chefen för "
            "alltid; ange när det upphör.",
            "An acting appointment without an end date overrides the regular manager for "
            "ever; give its end.",
            "valid_to",
        )


def _check_role_fits_unit(
    snapshot: OrgSnapshot, appointment: AppointmentRecord, unit: UnitRecord
) -> Iterator[Violation]:
    role = appointment.role
    if role.is_political != unit.kind.is_political:
        if role.is_political:
            sv = f"{role.label_sv} är ett politiskt uppdrag och hör inte hemma i {unit.name}."
            en = f"{role.label_en} is a political office and does not belong in {unit.name}."
        else:
            sv = (
                f"{role.label_sv} är en anställning; alla anställda är anställda av "
                f"kommunstyrelsen och placeras i tjänstemannaorganisationen, inte i {unit.name}."
            )
            en = (
                f"{role.label_en} is an employment; every employee is employed by the "
                f"executive board and placed in the official organisation, not in {unit.name}."
            )
        yield _appointment_violation(snapshot, appointment, "ORG-2", Severity.ERROR, sv, en, "role")
        return
    allowed = roles_for(snapshot, unit.id)
    rule_id = shape_of(unit.kind).rule_id
    if unit.kind is UnitKind.OPERATING_AREA:
        branch = snapshot.welfare_branch_of(unit.id)
        rule_id = "ORG-7" if branch is WelfareBranch.COMMUNITY_SERVICE else "ORG-6"
    if role not in allowed:
        names = ", ".join(sorted(r.label_sv.lower() for r in allowed))
        names_en = ", ".join(sorted(r.label_en.lower() for r in allowed))
        yield _appointment_violation(
            snapshot,
            appointment,
            rule_id,
            Severity.ERROR,
            f"Rollen {role.label_sv.lower()} finns inte i {unit.kind.label_sv.lower()} "
            f"{unit.name}; möjliga roller: {names}.",
            f"The role {role.label_en.lower()} does not exist in {unit.name}; possible roles: "
            f"{names_en}.",
            "role",
        )
    if not role.is_political and not any(
        u.kind is UnitKind.EXECUTIVE_BOARD for u in snapshot.ancestors(unit.id)
    ):
        yield _appointment_violation(
            snapshot,
            appointment,
            "ORG-2",
            Severity.ERROR,
            f"{unit.name} ligger inte under kommunstyrelsen, som är arbetsgivare för alla "
            "medarbetare.",
            f"{unit.name} does not lie under the executive board, the employer of all staff.",
            "unit_id",
        )


def _overlapping(
    appointments: list[AppointmentRecord],
) -> Iterator[tuple[AppointmentRecord, AppointmentRecord]]:
    """Pairs holding the same single post at the same time; an acting holder stands in for
    the regular one (ORG-8), so only two regular or two acting holders clash."""
    ordered = sorted(appointments, key=lambda a: (a.valid_from or date.min, a.id))
    for i, first in enumerate(ordered):
        for second in ordered[i + 1 :]:
            if first.acting == second.acting and periods_overlap(
                first.valid_from, first.valid_to, second.valid_from, second.valid_to
            ):
                yield first, second


def _check_single_manager(snapshot: OrgSnapshot, unit: UnitRecord) -> Iterator[Violation]:
    in_unit = snapshot.appointments_in(unit.id)
    posts: list[tuple[list[AppointmentRecord], Role | None]] = [
        ([a for a in in_unit if is_leading(snapshot, a)], None)
    ]
    if unit.kind.is_political:
        posts += [
            ([a for a in in_unit if a.role is role], role) for role in SINGLE_HOLDER_POLITICAL_ROLES
        ]
    for holders, role in posts:
        for first, second in _overlapping(holders):
            if role is not None:
                rule_id, post_sv, post_en = (
                    "ORG-1",
                    role.label_sv.lower(),
                    role.label_en.lower(),
                )
            elif unit.kind.is_political:
                rule_id, post_sv, post_en = "ORG-1", "ordförande", "chair"
            else:
                rule_id, post_sv, post_en = "ORG-8", "ansvarig chef", "responsible manager"
            other = snapshot.person_label(first.person_id)
            yield _appointment_violation(
                snapshot,
                second,
                rule_id,
                Severity.ERROR,
                f"{unit.name} har redan {other} som {post_sv} under samma tid; en enhet har "
                f"en {post_sv} åt gången.",
                f"{unit.name} already has {other} as {post_en} at the same time; a unit has "
                f"one {post_en} at a time.",
                "valid_from",
            )
    if unit.kind in KINDS_WITH_SEATS:
        yield from _check_seats(snapshot, unit)


def _check_seats(snapshot: OrgSnapshot, unit: UnitRecord) -> Iterator[Violation]:
    """ORG-1: at no time more ledamöter (persons, not appointments) than the body has seats."""
    seats = unit.seats or COUNCIL_SEATS
    seated = [a for a in snapshot.appointments_in(unit.id) if a.role in SEATED_ROLES]
    for moment in sorted({a.valid_from or date.min for a in seated}):
        persons = {a.person_id for a in seated if a.is_valid_on(moment)}
        if len(persons) > seats:
            yield _unit_violation(
                snapshot,
                unit,
                "ORG-1",
                Severity.ERROR,
                f"{unit.name} har {len(persons)} ledamöter från {moment} men bara {seats} platser.",
                f"{unit.name} has {len(persons)} members from {moment} but only {seats} seats.",
                "seats",
            )
            return


def _check_on_date(snapshot: OrgSnapshot, on: date, today: date | None) -> Iterator[Violation]:
    results = _unit_results_on(snapshot, on)
    for unit_id in sorted(results):
        yield from results[unit_id]
    yield from _check_directors_on(snapshot, on)
    # Ownership has no dates: on an earlier date, today's owner is checked as of today.
    yield from _check_processes_on(snapshot, max(on, today) if today else on)


def _unit_results_on(snapshot: OrgSnapshot, on: date) -> dict[int, tuple[Violation, ...]]:
    """Each unit's violations on the date. They read the unit, its line upwards, its
    appointments and (for KS) its committees."""

    def again(change: OrgChange) -> set[int]:
        units = change.units_in_changed_lines(snapshot)
        for org in (change.earlier, snapshot):
            units |= _units_of_appointments(org, change.appointments)
            for unit_id in change.units:  # a committee counts for its parent (KS)
                unit = org.units.get(unit_id)
                if unit is not None and unit.parent_id is not None:
                    units.add(unit.parent_id)
        return units

    return _per_unit(
        snapshot, ("unit results on", on), lambda u: _check_unit_on(snapshot, u, on), again
    )


def _check_unit_on(snapshot: OrgSnapshot, unit_id: int, on: date) -> tuple[Violation, ...]:
    unit = snapshot.units[unit_id]
    if not unit.is_valid_on(on) or snapshot.is_in_cycle(unit.id):
        return ()
    found: list[Violation] = []
    if responsible_manager(snapshot, unit.id, on) is None:
        if unit.kind.is_political:
            found.append(
                _unit_violation(
                    snapshot,
                    unit,
                    "ORG-1",
                    Severity.WARNING,
                    f"{unit.name} saknar ordförande {on}.",
                    f"{unit.name} has no chair on {on}.",
                )
            )
        else:
            found.append(
                _unit_violation(
                    snapshot,
                    unit,
                    "ORG-8",
                    Severity.WARNING,
                    f"Chefsposten i {unit.name} är vakant {on}: ingen ansvarig chef.",
                    f"The manager post of {unit.name} is vacant on {on}: no responsible manager.",
                )
            )
    found.extend(_check_political_body_on(snapshot, unit, on))
    return tuple(found)


def _check_political_body_on(
    snapshot: OrgSnapshot, unit: UnitRecord, on: date
) -> Iterator[Violation]:
    if unit.kind is UnitKind.EXECUTIVE_BOARD:
        committees = [
            c
            for c in snapshot.children(unit.id)
            if c.kind is UnitKind.COMMITTEE and c.is_valid_on(on)
        ]
        if len(committees) < KS_COMMITTEES:
            yield _unit_violation(
                snapshot,
                unit,
                "ORG-1",
                Severity.WARNING,
                f"{unit.name} har {len(committees)} utskott; kommunstyrelsen ska ha tre "
                "(arbetsutskott, verksamhetsutskott och stadsutvecklingsutskott).",
                f"{unit.name} has {len(committees)} committees; the executive board has three.",
            )
    if unit.kind in KINDS_WITH_CHARTER and not unit.charter.strip():
        yield _unit_violation(
            snapshot,
            unit,
            "ORG-1",
            Severity.WARNING,
            f"{unit.name} saknar reglemente: ansvarsområdet ska vara fastställt av KF.",
            f"{unit.name} has no charter: its responsibilities are set by the council.",
            "charter",
        )


def _check_directors_on(snapshot: OrgSnapshot, on: date) -> Iterator[Violation]:
    for appointment in snapshot.appointments.values():
        if appointment.role is not Role.DIRECTOR or not appointment.is_valid_on(on):
            continue
        person = snapshot.persons.get(appointment.person_id)
        if person is not None and "direktör" not in person.title.casefold():
            yield _appointment_violation(
                snapshot,
                appointment,
                "ORG-3",
                Severity.WARNING,
                f"{person.full_name} är direktör men titeln ({person.title or 'saknas'}) "
                "utvisar inte uppdraget, t.ex. personaldirektör.",
                f"{person.full_name} is a director but the title ({person.title or 'missing'}) "
                "does not state the mission, e.g. HR director.",
                "title",
            )


def _check_processes_on(snapshot: OrgSnapshot, on: date) -> Iterator[Violation]:
    for process in snapshot.processes.values():
        if process.owner_person_id is None:
            yield Violation(
                "ORG-9",
                Severity.WARNING,
                f"Processen {process.name} saknar processägare.",
                f"The process {process.name} has no owner.",
                ObjectKind.PROCESS,
                process.id,
                "owner",
                process.name,
            )
            continue
        held = {
            a.role for a in snapshot.appointments_of(process.owner_person_id) if a.is_valid_on(on)
        }
        owner = snapshot.person_label(process.owner_person_id)
        if process.kind is ProcessKind.GOVERNING and Role.CITY_DIRECTOR not in held:
            yield Violation(
                "ORG-9",
                Severity.ERROR,
                f"Styrprocessen {process.name} ägs av {owner}, men stadsdirektören äger "
                "styrprocesserna.",
                f"The governing process {process.name} is owned by {owner}, but the city "
                "director owns the governing processes.",
                ObjectKind.PROCESS,
                process.id,
                "owner",
                process.name,
            )
        elif not held & PROCESS_OWNER_ROLES:
            yield Violation(
                "ORG-9",
                Severity.ERROR,
                f"Processägaren för {process.name}, {owner}, är inte direktör (processägare) {on}.",
                f"The owner of {process.name}, {owner}, is not a process-owning director on {on}.",
                ObjectKind.PROCESS,
                process.id,
                "owner",
                process.name,
            )
