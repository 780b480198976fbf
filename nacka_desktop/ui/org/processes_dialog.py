"""Processes and their owners (ORG-9): a table with an owner picker, edits undoable."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nacka_desktop.domain.language import Language
from nacka_desktop.domain.rules import RuleViolationError
from nacka_desktop.domain.structure import PROCESS_OWNER_ROLES
from nacka_desktop.services.context import Services
from nacka_desktop.ui.help.links import RuleHelpOnClick
from nacka_desktop.ui.shell.commands import EditStack, push_edit
from nacka_desktop.ui.widgets.dialogs import open_with_input_focus


class ProcessesDialog(QDialog):
    """A handful of rows (the memo names about a dozen processes), so a table widget will do."""

    def __init__(
        self,
        services: Services,
        undo_stack: EditStack,
        parent: QWidget | None = None,
        language: Language = Language.SWEDISH,
    ) -> None:
        super().__init__(parent)
        open_with_input_focus(self)
        self.setWindowTitle(self.tr("Processer och processägare"))
        self._services = services
        self._undo_stack = undo_stack
        self._language = language
        self.message = QLabel()
        RuleHelpOnClick(self.message)  # "ORG-9: …": a click opens the rule's page
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        self.message.hide()
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Process"), self.tr("Typ"), self.tr("Processägare")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Varje process har en processägare som är direktör; stadsdirektören äger "
                    "styrprocesserna (ORG-9)."
                )
            )
        )
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(760, 460)
        self._fill()

    def _fill(self) -> None:
        snapshot = self._services.queries.snapshot()
        today = self._services.clock()
        owners = sorted(
            {
                a.person_id
                for a in snapshot.appointments.values()
                if a.role in PROCESS_OWNER_ROLES and a.is_valid_on(today)
            },
            key=snapshot.person_label,
        )
        processes = self._services.processes.list()
        self.table.setRowCount(len(processes))
        self._process_ids = [p.id for p in processes]
        for row, process in enumerate(processes):
            self.table.setItem(row, 0, QTableWidgetItem(process.name))
            kind = process.kind.label(self._language)
            self.table.setItem(row, 1, QTableWidgetItem(kind))
            combo = QComboBox()
            combo.addItem(self.tr("(ingen)"), None)
            for person_id in owners:
                combo.addItem(snapshot.person_label(person_id), person_id)
            if process.owner_person_id is not None and combo.findData(process.owner_person_id) < 0:
                combo.addItem(
                    snapshot.person_label(process.owner_person_id), process.owner_person_id
                )
            combo.setCurrentIndex(max(combo.findData(process.owner_person_id), 0))
            combo.setEnabled(not self._services.database.read_only)  # shown, not offered
            combo.currentIndexChanged.connect(
                lambda _i, c=combo, pid=process.id: self._owner_chosen(pid, c)
            )
            self.table.setCellWidget(row, 2, combo)

    def _owner_chosen(self, process_id: int, combo: QComboBox) -> None:
        owner = combo.currentData()
        processes = self._services.processes
        try:
            push_edit(
                self._undo_stack,
                lambda _: QCoreApplication.translate("ProcessesDialog", "Byt processägare"),
                lambda: processes.set_owner(process_id, owner),
                lambda previous: processes.set_owner(process_id, previous),
            )
        except RuleViolationError as error:
            self.message.setText(
                "\n".join(f"{v.rule_id}: {v.text(self._language)}" for v in error.violations)
            )
            self.message.show()
            combo.blockSignals(True)
            self._fill()
            combo.blockSignals(False)
            return
        self.message.hide()

    def select_process(self, process_id: int) -> None:
        if process_id in self._process_ids:
            self.table.selectRow(self._process_ids.index(process_id))
