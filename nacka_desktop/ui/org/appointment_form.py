"""The form for one appointment: role, acting, dates; links to its person and unit."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nacka_desktop.domain.enums import Role
from nacka_desktop.domain.language import Language
from nacka_desktop.domain.records import AppointmentRecord
from nacka_desktop.domain.rules import ObjectKind
from nacka_desktop.ui.org.record_form import RecordForm
from nacka_desktop.ui.widgets.fields import DateField


class AppointmentForm(RecordForm):
    object_kind = ObjectKind.APPOINTMENT
    unitActivated = Signal(int)
    personActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._appointment: AppointmentRecord | None = None
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.person_button = QPushButton()
        self.unit_button = QPushButton()
        for button in (self.person_button, self.unit_button):
            button.setFlat(True)
            button.setStyleSheet("text-align: left; color: #1f5fa8; text-decoration: underline;")
        self.role_combo = QComboBox()
        self.acting_check = QCheckBox(self.tr("Tillförordnad (t.f.)"))
        self.valid_from_edit = DateField(optional=True)
        self.valid_to_edit = DateField(optional=True)
        self.form_layout.addRow(self.tr("Person"), self.person_button)
        self.form_layout.addRow(self.tr("Enhet"), self.unit_button)
        self.form.add("role", self.tr("Roll"), self.role_combo)
        self.form.add("acting", "", self.acting_check)
        self.form.add("valid_from", self.tr("Fr.o.m."), self.valid_from_edit)
        self.form.add("valid_to", self.tr("Upphör fr.o.m."), self.valid_to_edit)
        self.save_button.setText(self.tr("Spara ändringar"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.form_layout)
        layout.addWidget(self.form_message)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.person_button.clicked.connect(self._open_person)
        self.unit_button.clicked.connect(self._open_unit)
        for edit in (self.valid_from_edit, self.valid_to_edit):
            edit.textChanged.connect(self.validate)

    @property
    def appointment(self) -> AppointmentRecord | None:
        return self._appointment

    def show_appointment(
        self,
        appointment: AppointmentRecord,
        person_name: str,
        unit_name: str,
        roles: list[Role],
        language: Language,
    ) -> None:
        self._appointment = appointment
        self.language = language
        self.heading.setText(self.tr("Förordnande"))
        self.person_button.setText(person_name)
        self.unit_button.setText(unit_name)
        self.role_combo.clear()
        for role in roles if appointment.role in roles else [appointment.role, *roles]:
            self.role_combo.addItem(role.label(language), role.value)
        self.role_combo.setCurrentIndex(self.role_combo.findData(appointment.role.value))
        self.acting_check.setChecked(appointment.acting)
        self.valid_from_edit.set_date(appointment.valid_from)
        self.valid_to_edit.set_date(appointment.valid_to)
        self.form.reset()
        self.form_message.hide()

    def changes(self) -> dict[str, Any]:
        appointment = self._appointment
        if appointment is None:
            return {}
        values = {
            "role": Role(self.role_combo.currentData()),
            "acting": self.acting_check.isChecked(),
            "valid_from": self.valid_from_edit.date(),
            "valid_to": self.valid_to_edit.date(),
        }
        return {k: v for k, v in values.items() if getattr(appointment, k) != v}

    def record_id(self) -> int | None:
        return self._appointment.id if self._appointment else None

    def check_fields(self) -> None:
        self.form.check_period(
            self.valid_from_edit,
            self.valid_to_edit,
            self.tr("DATA-1: Förordnandet måste upphöra efter att det börjat."),
        )

    def _open_person(self) -> None:
        if self._appointment is not None:
            self.personActivated.emit(self._appointment.person_id)

    def _open_unit(self) -> None:
        if self._appointment is not None:
            self.unitActivated.emit(self._appointment.unit_id)
