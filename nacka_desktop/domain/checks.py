"""The rule checks of the organisation (ORG-1…ORG-9 and the DATA integrity rules).

`check_organisation(snapshot)` gives the violations that hold whatever the date (structure,
dates, overlaps); with `on=` it adds what is true on that date (vacant posts, missing chairs).
Services refuse an edit that adds an error; the Problems panel and `check` list them all.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date

from .dates import is_period_ordered, periods_overlap
from .enums import ProcessKind, Role, Severity, UnitKind, WelfareBranch
from .records import AppointmentRecord, OrgSnapshot, PersonRecord, UnitRecord
from .responsibility import is_leading, responsible_manager, roles_for
from .rules import ObjectKind, Violation, sort_violations
from .structure import shape_of

KS_COMMITTEES = 3
# ORG-3/ORG-9: a processägare is a direktör of the process kind, not a produktionsdirektör.
PROCESS_OWNER_ROLES = frozenset({Role.CITY_DIRECTOR, Role.DIRECTOR})


def check_organisation(snapshot: OrgSnapshot, on: date | None = None) -> list[Violation]:
    found: list[Violation] = []
    found.extend(_check_units(snapshot))
    found.extend(_check_persons(snapshot))
    found.extend(_check_appointments(snapshot))
    if on is not None:
        found.extend(_check_on_date(snapshot, on))
    return sort_violations(found)


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
    label = (
        f"{snapshot.person_label(appointment.person_id)}, {appointment.role.label_sv}, "
        f"{snapshot.unit_label(appointment.unit_id)}"
    )
    return Violation(
        rule_id, severity, sv, en, ObjectKind.APPOINTMENT, appointment.id, field, label
    )


def _check_units(snapshot: OrgSnapshot) -> Iterator[Violation]:
    codes: dict[str, list[UnitRecord]] = defaultdict(list)
    for unit in snapshot.units.values():
        codes[unit.code.strip().casefold()].append(unit)
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
            continue
        yield from _check_unit_place(snapshot, unit)
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
    if parent is not None and (
        (unit.valid_from or date.min) < (parent.valid_from or date.min)
        or (unit.valid_to or date.max) > (parent.valid_to or date.max)
    ):
        yield _unit_violation(
            snapshot,
            unit,
            "DATA-5",
            Severity.ERROR,
            f"{unit.name} gäller utanför giltighetstiden för {parent.name}.",
            f"{unit.name} is valid outside the validity of {parent.name}.",
            "valid_to",
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


def _check_appointments(snapshot: OrgSnapshot) -> Iterator[Violation]:
    for appointment in snapshot.appointments.values():
        unit = snapshot.units.get(appointment.unit_id)
        if unit is None:
            continue
        if not is_period_ordered(appointment.valid_from, appointment.valid_to):
            yield _appointment_violation(
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
        yield from _check_role_fits_unit(snapshot, appointment, unit)
        if (appointment.valid_from or date.min) < (unit.valid_from or date.min) or (
            appointment.valid_to or date.max
        ) > (unit.valid_to or date.max):
            yield _appointment_violation(
                snapshot,
                appointment,
                "DATA-5",
                Severity.ERROR,
                f"Förordnandet gäller utanför enhetens giltighetstid ({unit.name}).",
                f"The appointment is valid outside the unit's validity ({unit.name}).",
                "valid_to",
            )
    yield from _check_single_manager(snapshot)


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
            "unit",
        )


def _check_single_manager(snapshot: OrgSnapshot) -> Iterator[Violation]:
    for unit in snapshot.units.values():
        leaders = [a for a in snapshot.appointments_in(unit.id) if is_leading(snapshot, a)]
        leaders.sort(key=lambda a: (a.valid_from or date.min, a.id))
        for i, first in enumerate(leaders):
            for second in leaders[i + 1 :]:
                if first.acting != second.acting:
                    continue  # an acting manager stands in for the regular one (ORG-8)
                if not periods_overlap(
                    first.valid_from, first.valid_to, second.valid_from, second.valid_to
                ):
                    continue
                rule_id = "ORG-1" if unit.kind.is_political else "ORG-8"
                role_sv = "ordförande" if unit.kind.is_political else "ansvarig chef"
                role_en = "chair" if unit.kind.is_political else "responsible manager"
                other = snapshot.person_label(first.person_id)
                yield _appointment_violation(
                    snapshot,
                    second,
                    rule_id,
                    Severity.ERROR,
                    f"{unit.name} har redan {other} som {role_sv} under samma tid; en enhet har "
                    f"en {role_sv} åt gången.",
                    f"{unit.name} already has {other} as {role_en} at the same time; a unit has "
                    f"one {role_en} at a time.",
                    "valid_from",
                )


def _check_on_date(snapshot: OrgSnapshot, on: date) -> Iterator[Violation]:
    for unit in snapshot.units.values():
        if not unit.is_valid_on(on) or snapshot.is_in_cycle(unit.id):
            continue
        if responsible_manager(snapshot, unit.id, on) is None:
            if unit.kind.is_political:
                yield _unit_violation(
                    snapshot,
                    unit,
                    "ORG-1",
                    Severity.WARNING,
                    f"{unit.name} saknar ordförande {on}.",
                    f"{unit.name} has no chair on {on}.",
                )
            else:
                yield _unit_violation(
                    snapshot,
                    unit,
                    "ORG-8",
                    Severity.WARNING,
                    f"Chefsposten i {unit.name} är vakant {on}: ingen ansvarig chef.",
                    f"The manager post of {unit.name} is vacant on {on}: no responsible manager.",
                )
        yield from _check_political_body_on(snapshot, unit, on)
    yield from _check_directors_on(snapshot, on)
    yield from _check_processes_on(snapshot, on)


def _check_political_body_on(
    snapshot: OrgSnapshot, unit: UnitRecord, on: date
) -> Iterator[Violation]:
    if unit.kind is UnitKind.MUNICIPAL_COUNCIL and unit.seats:
        seated = sum(
            1
            for a in snapshot.appointments_in(unit.id)
            if a.is_valid_on(on) and a.role is not Role.SUBSTITUTE
        )
        if seated > unit.seats:
            yield _unit_violation(
                snapshot,
                unit,
                "ORG-1",
                Severity.ERROR,
                f"{unit.name} har {seated} ledamöter men bara {unit.seats} platser.",
                f"{unit.name} has {seated} members but only {unit.seats} seats.",
                "seats",
            )
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
    if unit.kind in (UnitKind.BOARD, UnitKind.EXECUTIVE_BOARD) and not unit.charter.strip():
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
