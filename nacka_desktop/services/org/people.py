"""Persons and their appointments: create, edit, appoint, end an appointment."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from nacka_desktop.domain.enums import Role
from nacka_desktop.domain.records import AppointmentRecord, PersonRecord
from nacka_desktop.domain.rules import ObjectKind
from nacka_desktop.domain.text import clean_text
from nacka_desktop.services.editing import (
    Editor,
    NotFoundError,
    expect_on_undo,
    refusal,
    refuse_stale,
)
from nacka_desktop.storage.models import Appointment, Person, Process, TaskDistribution, Unit
from nacka_desktop.storage.repositories import org as repositories
from nacka_desktop.storage.repositories.org import appointment_record, person_record

PERSON_FIELDS = ("employee_number", "first_name", "last_name", "title", "email")
APPOINTMENT_FIELDS = ("person_id", "unit_id", "role", "acting", "valid_from", "valid_to")


@dataclass
class PersonDraft:
    employee_number: str
    first_name: str
    last_name: str
    title: str = ""
    email: str = ""


@dataclass
class AppointmentDraft:
    person_id: int
    unit_id: int
    role: Role
    valid_from: date | None = None
    valid_to: date | None = None
    acting: bool = False


class PersonService:
    def __init__(self, editor: Editor) -> None:
        self._editor = editor

    def create(self, draft: PersonDraft, person_id: int | None = None) -> PersonRecord:
        draft = PersonDraft(**_cleaned(asdict(draft)))
        with self._editor.edit() as session:
            _refuse_number_in_use(session, draft.employee_number, None)
            person = Person(**asdict(draft))
            if person_id is not None:
                person.id = person_id
            session.add(person)
            session.flush()
            self._editor.audit(
                session, "person.create", ObjectKind.PERSON, person.id, asdict(draft)
            )
            return person_record(person)

    def update(
        self, person_id: int, expected_version: int | None = None, **changes: Any
    ) -> dict[str, Any]:
        """Change fields; returns their previous values. `expected_version`: the person's
        version when the form was filled (a person changed since is refused)."""
        unknown = set(changes) - set(PERSON_FIELDS)
        if unknown:
            raise ValueError(f"unknown person fields: {sorted(unknown)}")
        changes = _cleaned(changes)
        with self._editor.edit() as session:
            person = _get_person(session, person_id)
            refuse_stale(expected_version, person.version, "personen", "the person")
            if "employee_number" in changes:
                _refuse_number_in_use(session, changes["employee_number"], person_id)
            previous = {name: getattr(person, name) for name in changes}
            for name, value in changes.items():
                setattr(person, name, value)
            self._editor.audit(
                session,
                "person.update",
                ObjectKind.PERSON,
                person_id,
                {"before": previous, "after": changes},
            )
            expect_on_undo(session, previous, expected_version, person)
            return previous

    def delete(self, person_id: int) -> PersonRecord:
        """Remove a person with no appointments (the undo of creating one)."""
        with self._editor.edit() as session:
            person = _get_person(session, person_id)
            if repositories.appointments_of_person(session, person_id):
                raise refusal(
                    "DATA-5",
                    f"{person.first_name} {person.last_name} har förordnanden och kan inte tas "
                    "bort; avsluta förordnandena i stället.",
                    f"{person.first_name} {person.last_name} has appointments and cannot be "
                    "removed; end the appointments instead.",
                    ObjectKind.PERSON,
                    person_id,
                )
            # Row by row through the unit of work, so that the edit's check knows what changed.
            for process in session.scalars(
                select(Process).where(Process.owner_person_id == person_id)
            ):
                process.owner_person_id = None
            record = person_record(person)
            session.delete(person)
            self._editor.audit(
                session, "person.delete", ObjectKind.PERSON, person_id, asdict(record)
            )
            return record


class AppointmentService:
    def __init__(self, editor: Editor) -> None:
        self._editor = editor

    def appoint(
        self, draft: AppointmentDraft, appointment_id: int | None = None
    ) -> AppointmentRecord:
        with self._editor.edit() as session:
            _get_person(session, draft.person_id)
            if session.get(Unit, draft.unit_id) is None:
                raise NotFoundError("Enheten", draft.unit_id)
            appointment = Appointment(**asdict(draft))
            if appointment_id is not None:
                appointment.id = appointment_id
            session.add(appointment)
            session.flush()
            self._editor.audit(
                session, "appointment.create", ObjectKind.APPOINTMENT, appointment.id, asdict(draft)
            )
            return appointment_record(appointment)

    def update(
        self, appointment_id: int, expected_version: int | None = None, **changes: Any
    ) -> dict[str, Any]:
        """Change fields; returns their previous values. `expected_version`: the
        appointment's version when the form was filled (changed since: refused)."""
        unknown = set(changes) - set(APPOINTMENT_FIELDS)
        if unknown:
            raise ValueError(f"unknown appointment fields: {sorted(unknown)}")
        with self._editor.edit() as session:
            appointment = _get_appointment(session, appointment_id)
            refuse_stale(expected_version, appointment.version, "förordnandet", "the appointment")
            previous = {name: getattr(appointment, name) for name in changes}
            for name, value in changes.items():
                setattr(appointment, name, value)
            self._editor.audit(
                session,
                "appointment.update",
                ObjectKind.APPOINTMENT,
                appointment_id,
                {"before": previous, "after": changes},
            )
            expect_on_undo(session, previous, expected_version, appointment)
            return previous

    def end(self, appointment_id: int, end: date) -> date | None:
        """End an appointment on a date (exclusive); returns the end date it had before."""
        previous = self.update(appointment_id, valid_to=end)["valid_to"]
        return previous if isinstance(previous, date) else None

    def delete(self, appointment_id: int) -> AppointmentRecord:
        """Remove an appointment entered by mistake (the undo of making it)."""
        with self._editor.edit() as session:
            appointment = _get_appointment(session, appointment_id)
            _refuse_if_in_a_distribution(session, appointment_id)
            record = appointment_record(appointment)
            session.delete(appointment)
            self._editor.audit(
                session,
                "appointment.delete",
                ObjectKind.APPOINTMENT,
                appointment_id,
                asdict(record),
            )
            return record


def draft_of_person(record: PersonRecord) -> PersonDraft:
    return PersonDraft(**{name: getattr(record, name) for name in PERSON_FIELDS})


def draft_of_appointment(record: AppointmentRecord) -> AppointmentDraft:
    return AppointmentDraft(**{name: getattr(record, name) for name in APPOINTMENT_FIELDS})


def _get_person(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError("Personen", person_id)
    return person


def _get_appointment(session: Session, appointment_id: int) -> Appointment:
    appointment = session.get(Appointment, appointment_id)
    if appointment is None:
        raise NotFoundError("Förordnandet", appointment_id)
    return appointment


def _refuse_if_in_a_distribution(session: Session, appointment_id: int) -> None:
    used = session.scalar(
        select(TaskDistribution.id)
        .where(
            or_(
                TaskDistribution.giver_appointment_id == appointment_id,
                TaskDistribution.receiver_appointment_id == appointment_id,
                TaskDistribution.employer_signatory_id == appointment_id,
            )
        )
        .limit(1)
    )
    if used is not None:
        raise refusal(
            "DATA-5",
            f"Förordnandet ingår i fördelning {used} av arbetsmiljöuppgifter och kan inte tas "
            "bort; avsluta det i stället.",
            f"The appointment is part of distribution {used} and cannot be removed; end it "
            "instead.",
            ObjectKind.APPOINTMENT,
            appointment_id,
        )


def _refuse_number_in_use(session: Session, number: str, person_id: int | None) -> None:
    if number.strip() and repositories.employee_number_in_use(session, number, person_id):
        raise refusal(
            "DATA-3",
            f"Anställningsnumret {number} används redan av en annan person.",
            f"The employee number {number} is already used by another person.",
            ObjectKind.PERSON,
            person_id or 0,
            "employee_number",
        )


def _cleaned(fields: dict[str, Any]) -> dict[str, Any]:
    """Names, numbers and titles as they are matched later: NFC, no invisible characters."""
    return {k: clean_text(v) if isinstance(v, str) else v for k, v in fields.items()}
