"""The appointments table with its buttons, shared by the unit and the person forms."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from nacka_desktop.domain.language import Language
from nacka_desktop.services.org.queries import AppointmentView
from nacka_desktop.ui.widgets.table_models import AppointmentsModel


class AppointmentsPanel(QWidget):
    appointRequested = Signal()
    endRequested = Signal(int)
    activated = Signal(int)

    def __init__(self, show_unit: bool, appoint_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._writable = True
        self.model = AppointmentsModel(show_unit=show_unit, parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.appoint_button = QPushButton(appoint_text)
        self.end_button = QPushButton(self.tr("Avsluta förordnande…"))
        self.end_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("<b>Förordnanden</b>")))
        buttons.addStretch(1)
        buttons.addWidget(self.appoint_button)
        buttons.addWidget(self.end_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.appoint_button.clicked.connect(self.appointRequested)
        self.end_button.clicked.connect(self._end)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(self._activated)

    def set_writable(self, writable: bool) -> None:
        """A read-only database: the appointments are shown, not offered for change."""
        self._writable = writable
        self.appoint_button.setEnabled(writable)
        self._selection_changed()

    def set_rows(self, rows: list[AppointmentView], on: date, language: Language) -> None:
        self.model.set_rows(rows, on, language)
        self.end_button.setEnabled(False)

    def selected_appointment_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        view = self.model.row_at(rows[0].row()) if rows else None
        return view.appointment.id if view else None

    def select_appointment(self, appointment_id: int) -> None:
        row = self.model.row_of(appointment_id)
        if row >= 0:
            self.table.selectRow(row)

    def _end(self) -> None:
        appointment_id = self.selected_appointment_id()
        if appointment_id is not None:
            self.endRequested.emit(appointment_id)

    def _selection_changed(self) -> None:
        self.end_button.setEnabled(self._writable and self.selected_appointment_id() is not None)

    def _activated(self) -> None:
        appointment_id = self.selected_appointment_id()
        if appointment_id is not None:
            self.activated.emit(appointment_id)
