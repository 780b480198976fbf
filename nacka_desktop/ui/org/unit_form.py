"""The form for the selected unit: its fields, its manager and its appointments."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from nacka_desktop.domain.dates import is_valid_on, today
from nacka_desktop.domain.enums import WelfareBranch
from nacka_desktop.domain.language import Language
from nacka_desktop.domain.records import UnitRecord
from nacka_desktop.domain.rules import ObjectKind
from nacka_desktop.domain.structure import (
    COUNCIL_SEATS,
    KINDS_WITH_CHARTER,
    KINDS_WITH_SEATS,
    KINDS_WITH_WELFARE_BRANCH,
)
from nacka_desktop.services.org.queries import AppointmentView, HistoryRow
from nacka_desktop.ui.org.appointments_panel import AppointmentsPanel
from nacka_desktop.ui.org.record_form import RecordForm
from nacka_desktop.ui.widgets.fields import DateField, side_by_side


class UnitForm(RecordForm):
    object_kind = ObjectKind.UNIT
    appointRequested = Signal(int)
    endAppointmentRequested = Signal(int)
    appointmentActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._unit: UnitRecord | None = None
        self.heading = QLabel()
        self.heading.setObjectName("heading")
        self.heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.subheading = QLabel()
        self.subheading.setWordWrap(True)
        self.manager_label = QLabel()
        self.manager_label.setWordWrap(True)
        self.manager_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.name_edit = QLineEdit()
        self.code_edit = QLineEdit()
        self.branch_combo = QComboBox()
        for branch in WelfareBranch:
            self.branch_combo.addItem(branch.label(self.language), branch.value)
        self.seats_spin = QSpinBox()
        self.seats_spin.setRange(1, 999)
        self.charter_edit = QPlainTextEdit()
        self.charter_edit.setMinimumHeight(70)
        self.charter_edit.setMaximumHeight(120)
        self.valid_from_edit = DateField(optional=True)
        self.valid_to_edit = DateField(optional=True)
        # A new name or code is a change from a date; what it was before stays in the history.
        self.renamed_from_edit = DateField(optional=False)
        self.correction_check = QCheckBox(self.tr("Rättelse: det gamla var fel från början"))
        self.correction_check.setToolTip(
            self.tr(
                "Ändrar namnet eller koden för hela den period som visas, utan att dela "
                "historiken; tidigare namn finns kvar."
            )
        )
        renamed_from = side_by_side(self.renamed_from_edit, self.correction_check, stretch=1)
        self.history_label = QLabel()
        self.history_label.setWordWrap(True)
        self.history_label.setTextFormat(Qt.TextFormat.RichText)
        self.history_label.hide()
        self.form.add("name", self.tr("Namn"), self.name_edit)
        self.form.add("code", self.tr("Kod (ansvar)"), self.code_edit)
        self.form.add("from_date", self.tr("Nytt namn/kod gäller fr.o.m."), renamed_from)
        self.form.add("welfare_branch", self.tr("Produktionsområde"), self.branch_combo)
        self.form.add("seats", self.tr("Antal platser"), self.seats_spin)
        self.form.add("charter", self.tr("Reglemente"), self.charter_edit)
        self.form.add("valid_from", self.tr("Gäller fr.o.m."), self.valid_from_edit)
        self.form.add("valid_to", self.tr("Upphör fr.o.m."), self.valid_to_edit)
        self.save_button.setText(self.tr("Spara ändringar"))
        self.revert_button = QPushButton(self.tr("Återställ"))

        self.appointments = AppointmentsPanel(show_unit=False, appoint_text=self.tr("Tillsätt…"))

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.subheading)
        layout.addWidget(self.manager_label)
        layout.addWidget(self.history_label)
        layout.addLayout(self.form_layout)
        layout.addWidget(self.form_message)
        layout.addLayout(buttons)
        layout.addWidget(self.appointments, 1)

        self.revert_button.clicked.connect(self._revert)
        self.appointments.appointRequested.connect(self._appoint)
        self.appointments.endRequested.connect(self.endAppointmentRequested)
        self.appointments.activated.connect(self.appointmentActivated)
        for edit in (
            self.name_edit,
            self.code_edit,
            self.valid_from_edit,
            self.valid_to_edit,
            self.renamed_from_edit,
        ):
            edit.textChanged.connect(self.validate)
        self.name_edit.textChanged.connect(self._show_renamed_from)
        self.code_edit.textChanged.connect(self._show_renamed_from)
        self.correction_check.toggled.connect(self.renamed_from_edit.setDisabled)
        self._on = today()
        self._history: list[HistoryRow] = []

    @property
    def unit(self) -> UnitRecord | None:
        return self._unit

    def show_unit(
        self,
        unit: UnitRecord,
        parent_name: str,
        manager: AppointmentView | None,
        appointments: list[AppointmentView],
        on: date,
        language: Language,
        history: Sequence[HistoryRow] = (),
    ) -> None:
        self._unit = unit
        self._on = on
        self._history = list(history)
        self.language = language
        self._show_history(history)
        kind = unit.kind.label(language)
        self.heading.setText(unit.name)
        self.subheading.setText(
            self.tr("{kind} · kod {code} · under {parent}").format(
                kind=kind, code=unit.code, parent=parent_name or self.tr("(högst upp)")
            )
        )
        if manager is None:
            self.manager_label.setText(
                self.tr("<b>Ansvarig {on}:</b> vakant").format(on=on.isoformat())
            )
        else:
            role = manager.appointment.role.label(language)
            acting = self.tr("t.f. ") if manager.appointment.acting else ""
            self.manager_label.setText(
                self.tr("<b>Ansvarig {on}:</b> {name}, {acting}{role}").format(
                    on=on.isoformat(), name=manager.person_name, acting=acting, role=role.lower()
                )
            )
        for index, branch in enumerate(WelfareBranch):
            self.branch_combo.setItemText(index, branch.label(language))
        self._fill_fields(unit)
        self.appointments.set_rows(appointments, on, language)

    def _fill_fields(self, unit: UnitRecord) -> None:
        self.form.reset()
        self.form_message.hide()
        self.name_edit.setText(unit.name)
        self.code_edit.setText(unit.code)
        branch_index = self.branch_combo.findData(
            unit.welfare_branch.value if unit.welfare_branch else None
        )
        self.branch_combo.setCurrentIndex(max(branch_index, 0))
        self.seats_spin.setValue(unit.seats or COUNCIL_SEATS)
        self.charter_edit.setPlainText(unit.charter)
        self.valid_from_edit.set_date(unit.valid_from)
        self.valid_to_edit.set_date(unit.valid_to)
        self.renamed_from_edit.set_date(self._on)
        self.correction_check.setChecked(False)
        self._show_renamed_from()
        for name, kinds in (
            ("welfare_branch", KINDS_WITH_WELFARE_BRANCH),
            ("seats", KINDS_WITH_SEATS),
            ("charter", KINDS_WITH_CHARTER),
        ):
            self.form_layout.setRowVisible(self.form.rows[name], unit.kind in kinds)

    def changes(self) -> dict[str, Any]:
        unit = self._unit
        if unit is None:
            return {}
        values: dict[str, Any] = {
            "name": self.name_edit.text().strip(),
            "code": self.code_edit.text().strip(),
            "valid_from": self.valid_from_edit.date(),
            "valid_to": self.valid_to_edit.date(),
        }
        if unit.kind in KINDS_WITH_WELFARE_BRANCH:
            values["welfare_branch"] = WelfareBranch(self.branch_combo.currentData())
        if unit.kind in KINDS_WITH_SEATS:
            values["seats"] = self.seats_spin.value()
        if unit.kind in KINDS_WITH_CHARTER:
            values["charter"] = self.charter_edit.toPlainText().strip()
        changes = {name: value for name, value in values.items() if getattr(unit, name) != value}
        if "name" in changes or "code" in changes:
            changes["from_date"] = (
                self._shown_period_start()
                if self.correction_check.isChecked()
                else self.renamed_from_edit.date()
            )
        return changes

    def _shown_period_start(self) -> date | None:
        """Where the name and code shown began: a correction replaces them from there (the
        earlier names stay; None: from the unit's start)."""
        for row in self._history:
            if is_valid_on(row.valid_from, row.valid_to, self._on):
                return row.valid_from
        return None

    def _renamed(self) -> bool:
        unit = self._unit
        return unit is not None and (
            self.name_edit.text().strip() != unit.name or self.code_edit.text().strip() != unit.code
        )

    def _show_renamed_from(self) -> None:
        self.form_layout.setRowVisible(self.form.rows["from_date"], self._renamed())

    def _show_history(self, history: Sequence[HistoryRow]) -> None:
        """The unit's earlier and planned names and places, when it has any."""
        if len(history) < 2:
            self.history_label.hide()
            return
        lines = []
        for row in history:
            start = row.valid_from.isoformat() if row.valid_from else self.tr("från start")
            end = (
                self.tr("t.o.m. {day}").format(day=(row.valid_to - timedelta(days=1)).isoformat())
                if row.valid_to
                else self.tr("och framåt")
            )
            place = row.parent_name or self.tr("högst upp")
            current = is_valid_on(row.valid_from, row.valid_to, self._on)
            text = self.tr("{start} {end}: {name} ({code}), under {place}").format(
                start=start, end=end, name=row.name, code=row.code, place=place
            )
            lines.append(f"<b>{text}</b>" if current else text)
        self.history_label.setText(
            self.tr("<b>Historik:</b>") + "<br>" + "<br>".join(f"· {line}" for line in lines)
        )
        self.history_label.show()

    def record_id(self) -> int | None:
        return self._unit.id if self._unit else None

    def check_fields(self) -> None:
        self.form.require("name", self.name_edit, self.tr("DATA-2: Ange ett namn."))
        self.form.require("code", self.code_edit, self.tr("DATA-2: Ange en kod (ansvar)."))
        self.form.check_period(
            self.valid_from_edit,
            self.valid_to_edit,
            self.tr("DATA-1: Slutdatum måste ligga efter startdatum."),
        )
        if self._renamed() and not self.correction_check.isChecked():
            problem = self.renamed_from_edit.problem()
            if problem:
                self.form.rows["from_date"].set_error(problem)

    def _revert(self) -> None:
        if self._unit is not None:
            self._fill_fields(self._unit)
            self.save_button.setEnabled(True)

    def _appoint(self) -> None:
        if self._unit is not None:
            self.appointRequested.emit(self._unit.id)
