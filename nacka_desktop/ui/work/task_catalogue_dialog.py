"""HR's catalogue of work-environment tasks: add, rename, describe, retire (undoable)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nacka_desktop.domain.rules import RuleViolationError
from nacka_desktop.domain.work_environment import WorkTaskRecord
from nacka_desktop.services.context import Services
from nacka_desktop.services.editing import StaleEditError
from nacka_desktop.ui.shell.edits import EXPECTED_REFUSALS, EditRunner
from nacka_desktop.ui.widgets.dialogs import open_with_input_focus
from nacka_desktop.ui.widgets.fields import FormMessage, ValidatedForm


class TaskCatalogueDialog(QDialog):
    def __init__(
        self, services: Services, edits: EditRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        open_with_input_focus(self)
        self.setWindowTitle(self.tr("Uppgiftskatalog – arbetsmiljöuppgifter"))
        self._services = services
        self._edits = edits
        self._tasks: list[WorkTaskRecord] = []
        self.list = QListWidget()
        self.code_edit = QLineEdit()
        self.name_edit = QLineEdit()
        self.description_edit = QPlainTextEdit()
        self.active_check = QCheckBox(self.tr("Används (kan fördelas)"))
        form_layout = QFormLayout()
        self.form = ValidatedForm(form_layout)
        self.form.add("code", self.tr("Kod"), self.code_edit)
        self.form.add("name", self.tr("Namn"), self.name_edit)
        self.form.add("description", self.tr("Beskrivning"), self.description_edit)
        self.form.add("active", "", self.active_check)
        self.message = FormMessage()
        self.new_button = QPushButton(self.tr("Ny uppgift"))
        self.save_button = QPushButton(self.tr("Spara"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        right = QVBoxLayout()
        right.addLayout(form_layout)
        right.addWidget(self.message)
        writable = not services.database.read_only  # a read-only file: shown, not offered
        self.new_button.setEnabled(writable)
        self.save_button.setVisible(writable)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addStretch(1)
        row.addWidget(self.save_button)
        right.addLayout(row)
        right.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.list, 2)
        body.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Uppgifterna som chefer fördelar. En uppgift som inte längre används "
                    "finns kvar i gamla fördelningar men kan inte fördelas på nytt."
                )
            )
        )
        layout.addLayout(body, 1)
        layout.addWidget(buttons)
        self.resize(860, 520)
        self.list.currentRowChanged.connect(self._show)
        self.new_button.clicked.connect(self._new)
        self.save_button.clicked.connect(self._save)
        self._reload()

    def _reload(self, select_id: int | None = None) -> None:
        self._tasks = self._services.tasks.list(include_inactive=True)
        self.list.blockSignals(True)
        self.list.clear()
        for task in self._tasks:
            label = (
                task.name
                if task.active
                else self.tr("{name} (används inte)").format(name=task.name)
            )
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, task.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        ids = [t.id for t in self._tasks]
        self.list.setCurrentRow(ids.index(select_id) if select_id in ids else 0)
        self._show(self.list.currentRow())

    def _show(self, row: int) -> None:
        self.form.reset()
        self.message.hide()
        task = self._tasks[row] if 0 <= row < len(self._tasks) else None
        self.code_edit.setText(task.code if task else "")
        self.code_edit.setReadOnly(task is not None)
        self.name_edit.setText(task.name if task else "")
        self.description_edit.setPlainText(task.description if task else "")
        self.active_check.setChecked(task.active if task else True)

    def _new(self) -> None:
        self.list.clearSelection()
        self.list.setCurrentRow(-1)
        self._show(-1)
        self.code_edit.setFocus()

    def _save(self) -> None:
        row = self.list.currentRow()
        task = self._tasks[row] if 0 <= row < len(self._tasks) else None
        catalogue = self._services.tasks
        name = self.name_edit.text().strip()
        description = self.description_edit.toPlainText().strip()
        try:
            if task is None:
                code = self.code_edit.text().strip()

                def retire(task_id: int) -> None:  # undo: a task is never deleted, only retired
                    catalogue.update(task_id, active=False)

                def revive(task_id: int) -> int:
                    catalogue.update(task_id, active=True)
                    return task_id

                created = self._edits.edit(
                    lambda _: QCoreApplication.translate(
                        "TaskCatalogueDialog", "Ny arbetsmiljöuppgift"
                    ),
                    lambda: catalogue.create(code, name, description),
                    retire,
                    revive,
                )
                self._reload(int(created))
                return
            changes: dict[str, Any] = {
                "name": name,
                "description": description,
                "active": self.active_check.isChecked(),
            }
            changes = {k: v for k, v in changes.items() if getattr(task, k) != v}
            if changes:
                task_id, loaded = task.id, task
                self._edits.edit(
                    lambda _: QCoreApplication.translate(
                        "TaskCatalogueDialog", "Ändra arbetsmiljöuppgift"
                    ),
                    lambda: catalogue.update(task_id, loaded, **changes),
                    lambda previous: catalogue.update(task_id, **previous),
                    lambda _previous: catalogue.update(task_id, **changes),
                )
            self._reload(task.id)
        except RuleViolationError as error:
            self.message.show_rest(self.form, error.violations, self._edits.language)
        except EXPECTED_REFUSALS as error:
            self._edits.report(error)
            if isinstance(error, StaleEditError):
                self._reload(task.id if task is not None else None)  # as saved now
