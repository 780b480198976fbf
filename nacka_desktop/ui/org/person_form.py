"""The form for the selected person: identity, chiefs today, and appointments."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nacka_desktop.domain.language import Language
from nacka_desktop.domain.records import PersonRecord
from nacka_desktop.domain.rules import ObjectKind
from nacka_desktop.services.org.queries import AppointmentView, ChiefView
from nacka_desktop.ui.org.appointments_panel import AppointmentsPanel
from nacka_desktop.ui.org.record_form import RecordForm

PERSON_EDIT_FIELDS = ("employee_number", "first_name", "last_name", "title", "email")


class PersonForm(RecordForm):
    object_kind = ObjectKind.PERSON
    appointRequested = Signal(int)  # person id
    endAppointmentRequested = Signal(int)
    appointmentActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._person: PersonRecord | None = None
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.chiefs_label = QLabel()
        self.chiefs_label.setWordWrap(True)
        self.chiefs_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.edits = {name: QLineEdit() for name in PERSON_EDIT_FIELDS}
        labels = {
            "employee_number": self.tr("Anställningsnummer"),
            "first_name": self.tr("Förnamn"),
            "last_name": self.tr("Efternamn"),
            "title": self.tr("Titel"),
            "email": self.tr("E-post"),
        }
        for name, edit in self.edits.items():
            self.form.add(name, labels[name], edit)
            edit.textChanged.connect(self.validate)
        self.save_button.setText(self.tr("Spara ändringar"))
        self.revert_button = QPushButton(self.tr("Återställ"))
        self.appointments = AppointmentsPanel(
            show_unit=True, appoint_text=self.tr("Tillsätt i enhet…")
        )

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.chiefs_label)
        layout.addLayout(self.form_layout)
        layout.addWidget(self.form_message)
        layout.addLayout(buttons)
        layout.addWidget(self.appointments, 1)

        self.revert_button.clicked.connect(self._revert)
        self.appointments.appointRequested.connect(self._appoint)
        self.appointments.endRequested.connect(self.endAppointmentRequested)
        self.appointments.activated.connect(self.appointmentActivated)

    @property
    def person(self) -> PersonRecord | None:
        return self._person

    def show_person(
        self,
        person: PersonRecord,
        chiefs: list[ChiefView],
        appointments: list[AppointmentView],
        on: date,
        language: Language,
    ) -> None:
        self._person = person
        self.language = language
        self.heading.setText(person.full_name)
        lines = []
        for link in chiefs:
            role = link.appointment.appointment.role
            held = role.label(language).lower()
            if link.chief is not None:
                chief_role = link.chief.appointment.role
                chief_name = chief_role.label(language).lower()
                if link.chief.appointment.acting:
                    chief_name = self.tr("t.f. ") + chief_name
                chief_text = f"{link.chief.person_name} ({chief_name}, {link.chief.unit_name})"
            elif link.body_name:
                chief_text = link.body_name
            else:
                chief_text = self.tr("ingen chef i linjen")
            lines.append(
                self.tr("{role} i {unit} — chef: {chief}").format(
                    role=held, unit=link.appointment.unit_name, chief=chief_text
                )
            )
        header = self.tr("<b>Chef {on}:</b>").format(on=on.isoformat())
        body = (
            "<br>".join(lines)
            if lines
            else self.tr("inga förordnanden som gäller {on}").format(on=on.isoformat())
        )
        self.chiefs_label.setText(f"{header}<br>{body}")
        self._fill(person)
        self.appointments.set_rows(appointments, on, language)

    def _fill(self, person: PersonRecord) -> None:
        self.form.reset()
        self.form_message.hide()
        for name, edit in self.edits.items():
            edit.setText(str(getattr(person, name)))

    def changes(self) -> dict[str, Any]:
        if self._person is None:
            return {}
        values = {name: edit.text().strip() for name, edit in self.edits.items()}
        return {k: v for k, v in values.items() if getattr(self._person, k) != v}

    def record_id(self) -> int | None:
        return self._person.id if self._person else None

    def check_fields(self) -> None:
        for name, message in (
            ("employee_number", self.tr("DATA-2: Ange anställningsnummer.")),
            ("first_name", self.tr("DATA-2: Ange förnamn.")),
            ("last_name", self.tr("DATA-2: Ange efternamn.")),
        ):
            self.form.require(name, self.edits[name], message)
        email = self.edits["email"].text().strip()
        if email and "@" not in email:
            self.form.rows["email"].set_error(self.tr("E-postadressen saknar @."))

    def _revert(self) -> None:
        if self._person is not None:
            self._fill(self._person)

    def _appoint(self) -> None:
        if self._person is not None:
            self.appointRequested.emit(self._person.id)
