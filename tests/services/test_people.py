"""Persons, appointments and process owners: the edits, their audit, and the refusals."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from nacka_desktop.domain.enums import ProcessKind, Role
from nacka_desktop.services.context import Services
from nacka_desktop.services.editing import NotFoundError
from nacka_desktop.services.org.people import AppointmentDraft, PersonDraft, draft_of_appointment

from .builders import (
    Line,
    add_person,
    appoint,
    assert_refused,
    build_line,
    execute,
    last_audit,
    rows,
)


@pytest.fixture
def line(services: Services) -> Line:
    return build_line(services)


# --- persons ------------------------------------------------------------------------------------


def test_create_person_and_audit(services: Services) -> None:
    record = services.persons.create(PersonDraft("1001", "Åsa", "Öberg", "Lönehandläggare"))
    assert services.queries.person(record.id).full_name == "Åsa Öberg"
    entry = last_audit(services)
    assert (entry.action, entry.object_kind, entry.object_id) == (
        "person.create",
        "person",
        record.id,
    )
    assert entry.details["employee_number"] == "1001"


def test_duplicate_employee_number_is_refused(
    services: Services, line: Line, db_path: Path
) -> None:
    draft = PersonDraft("3", "Kalle", "Ek")
    error = assert_refused(db_path, "DATA-3", lambda: services.persons.create(draft))
    assert error.violations[0].field == "employee_number"


def test_duplicate_employee_number_with_spaces_is_refused(
    services: Services, line: Line, db_path: Path
) -> None:
    assert_refused(db_path, "DATA-3", lambda: services.persons.create(PersonDraft(" 3 ", "K", "E")))


def test_person_without_last_name_is_refused(services: Services, db_path: Path) -> None:
    draft = PersonDraft("1001", "Åsa", " ")
    assert_refused(db_path, "DATA-2", lambda: services.persons.create(draft))


def test_update_person_returns_previous_values_and_audits(services: Services, line: Line) -> None:
    previous = services.persons.update(line.unit_manager, last_name="Ek", title="Lönechef")
    assert previous == {"last_name": "Åberg", "title": "Enhetschef"}
    assert services.queries.person(line.unit_manager).full_name == "Karin Ek"
    entry = last_audit(services)
    assert entry.action == "person.update"
    assert entry.details["after"] == {"last_name": "Ek", "title": "Lönechef"}


def test_update_to_an_employee_number_in_use_is_refused(
    services: Services, line: Line, db_path: Path
) -> None:
    assert_refused(
        db_path,
        "DATA-3",
        lambda: services.persons.update(line.unit_manager, employee_number="2"),
    )


def test_delete_person_without_appointments(services: Services) -> None:
    person = add_person(services, "1001", "Åsa", "Öberg")
    record = services.persons.delete(person)
    assert record.last_name == "Öberg"
    with pytest.raises(NotFoundError):
        services.queries.person(person)
    assert last_audit(services).action == "person.delete"


def test_delete_person_with_appointments_is_refused(
    services: Services, line: Line, db_path: Path
) -> None:
    error = assert_refused(db_path, "DATA-5", lambda: services.persons.delete(line.unit_manager))
    assert "avsluta förordnandena" in error.message


def test_deleting_a_process_owner_leaves_the_process_without_owner(
    services: Services, line: Line, db_path: Path
) -> None:
    process = services.processes.create("Lönehantering", ProcessKind.SUPPORT, line.director)
    assert services.processes.set_owner(process, None) == line.director
    former = add_person(services, "1001", "Åsa", "Öberg")  # e.g. an owner who has left
    execute(db_path, "UPDATE process SET owner_person_id = ?", former)
    services.persons.delete(former)
    assert [p.owner_person_id for p in services.processes.list()] == [None]


# --- appointments -------------------------------------------------------------------------------


def test_appoint_and_audit(services: Services, line: Line) -> None:
    person = add_person(services, "1001", "Åsa", "Öberg")
    draft = AppointmentDraft(person, line.lon, Role.EMPLOYEE, date(2026, 1, 1))
    record = services.appointments.appoint(draft)
    assert services.queries.appointment(record.id) == record
    assert draft_of_appointment(record) == draft
    entry = last_audit(services)
    assert (entry.action, entry.object_id) == ("appointment.create", record.id)
    assert entry.details["role"] == "employee"
    assert entry.details["valid_from"] == "2026-01-01"


def test_second_manager_on_overlapping_dates_is_refused(
    services: Services, line: Line, db_path: Path
) -> None:
    person = add_person(services, "1001", "Åsa", "Öberg")
    draft = AppointmentDraft(person, line.lon, Role.UNIT_MANAGER, date(2026, 1, 1))
    error = assert_refused(db_path, "ORG-8", lambda: services.appointments.appoint(draft))
    assert "Karin Åberg" in error.message


def test_acting_manager_alongside_the_regular_one_is_allowed(
    services: Services, line: Line
) -> None:
    person = add_person(services, "1001", "Åsa", "Öberg")
    acting = appoint(
        services,
        person,
        line.lon,
        Role.UNIT_MANAGER,
        date(2026, 11, 1),
        date(2027, 1, 1),
        acting=True,
    )
    manager = services.queries.manager_of(line.lon, date(2026, 11, 26))
    assert manager is not None
    assert manager.appointment.id == acting
    assert manager.role_label == "t.f. enhetschef"


def test_manager_following_the_previous_one_is_allowed_after_it_ends(
    services: Services, line: Line
) -> None:
    assert services.appointments.end(line.unit_manager_post, date(2027, 1, 1)) is None
    person = add_person(services, "1001", "Åsa", "Öberg")
    appoint(services, person, line.lon, Role.UNIT_MANAGER, date(2027, 1, 1))
    assert last_audit(services).action == "appointment.create"


def test_end_before_the_start_is_refused(services: Services, line: Line, db_path: Path) -> None:
    assert_refused(
        db_path,
        "DATA-1",
        lambda: services.appointments.end(line.unit_manager_post, date(2019, 12, 31)),
    )


def test_end_returns_the_previous_end_date_and_audits(services: Services, line: Line) -> None:
    services.appointments.end(line.unit_manager_post, date(2027, 6, 1))
    assert services.appointments.end(line.unit_manager_post, date(2027, 1, 1)) == date(2027, 6, 1)
    entry = last_audit(services)
    assert entry.action == "appointment.update"
    assert entry.details == {
        "before": {"valid_to": "2027-06-01"},
        "after": {"valid_to": "2027-01-01"},
    }


def test_role_that_does_not_fit_the_unit_is_refused(
    services: Services, line: Line, db_path: Path
) -> None:
    person = add_person(services, "1001", "Åsa", "Öberg")
    draft = AppointmentDraft(person, line.lon, Role.MEMBER, date(2026, 1, 1))
    assert_refused(db_path, "ORG-2", lambda: services.appointments.appoint(draft))


def test_update_appointment_role(services: Services, line: Line, db_path: Path) -> None:
    person = add_person(services, "1001", "Åsa", "Öberg")
    post = appoint(services, person, line.lon, Role.EMPLOYEE)
    assert services.appointments.update(post, role=Role.DEPUTY_UNIT_MANAGER) == {
        "role": Role.EMPLOYEE
    }
    assert services.queries.appointment(post).role is Role.DEPUTY_UNIT_MANAGER
    stored = rows(db_path, "SELECT role FROM appointment WHERE id = ?", post)
    assert stored == [("deputy_unit_manager",)]


def test_update_that_makes_two_managers_is_refused(
    services: Services, line: Line, db_path: Path
) -> None:
    person = add_person(services, "1001", "Åsa", "Öberg")
    post = appoint(services, person, line.lon, Role.EMPLOYEE)
    assert_refused(
        db_path, "ORG-8", lambda: services.appointments.update(post, role=Role.UNIT_MANAGER)
    )


def test_delete_appointment_and_audit(services: Services, line: Line) -> None:
    person = add_person(services, "1001", "Åsa", "Öberg")
    post = appoint(services, person, line.lon, Role.EMPLOYEE)
    record = services.appointments.delete(post)
    assert record.person_id == person
    with pytest.raises(NotFoundError):
        services.queries.appointment(post)
    entry = last_audit(services)
    assert (entry.action, entry.object_id) == ("appointment.delete", post)


def test_appointment_in_a_missing_unit_is_refused(services: Services, line: Line) -> None:
    draft = AppointmentDraft(line.unit_manager, 999, Role.EMPLOYEE)
    with pytest.raises(NotFoundError, match="Enheten 999"):
        services.appointments.appoint(draft)


# --- processes (ORG-9) --------------------------------------------------------------------------


def test_city_director_may_own_a_governing_process(services: Services, line: Line) -> None:
    process = services.processes.create("Styrning", ProcessKind.GOVERNING, line.city_director)
    assert [(p.id, p.owner_person_id) for p in services.processes.list()] == [
        (process, line.city_director)
    ]
    assert last_audit(services).action == "process.create"


def test_governing_process_owned_by_a_director_is_refused(
    services: Services, line: Line, db_path: Path
) -> None:
    assert_refused(
        db_path,
        "ORG-9",
        lambda: services.processes.create("Styrning", ProcessKind.GOVERNING, line.director),
    )


def test_process_owned_by_a_unit_manager_is_refused(
    services: Services, line: Line, db_path: Path
) -> None:
    process = services.processes.create("Lönehantering", ProcessKind.SUPPORT, line.director)
    assert_refused(
        db_path, "ORG-9", lambda: services.processes.set_owner(process, line.unit_manager)
    )


def test_ending_the_post_of_a_process_owner_is_refused(
    services: Services, line: Line, db_path: Path
) -> None:
    services.processes.create("Lönehantering", ProcessKind.SUPPORT, line.director)
    assert_refused(
        db_path,
        "ORG-9",
        lambda: services.appointments.end(line.director_post, date(2026, 11, 1)),
    )
