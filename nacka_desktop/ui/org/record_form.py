"""What the unit, person and appointment forms share: validation at the field, the refusal
line, and a save that emits only the fields that changed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFormLayout, QLineEdit, QPlainTextEdit, QPushButton, QWidget

from nacka_desktop.domain.language import Language
from nacka_desktop.domain.rules import ObjectKind, Violation
from nacka_desktop.ui.widgets.fields import FormMessage, ValidatedForm


class RecordForm(QWidget):
    saveRequested = Signal(int, dict)  # object id, changed fields
    object_kind: ObjectKind

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = Language.SWEDISH
        # The record's version when the form was filled: its save is refused if someone
        # else has saved the record since (no silent overwrite).
        self.loaded_version: int | None = None
        self.form_layout = QFormLayout()
        self.form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form = ValidatedForm(self.form_layout)
        self.form_message = FormMessage()
        self.save_button = QPushButton()
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.form.changed.connect(self.validate)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.save_button.isVisible():
            self.save()
            return
        super().keyPressEvent(event)

    def set_writable(self, writable: bool) -> None:
        """A read-only database: the fields can be read and copied, not changed."""
        self.save_button.setVisible(writable)
        for field in self.findChildren(QLineEdit):
            field.setReadOnly(not writable)
        for text in self.findChildren(QPlainTextEdit):
            text.setReadOnly(not writable)

    def record_id(self) -> int | None:
        raise NotImplementedError

    def changes(self) -> dict[str, Any]:
        raise NotImplementedError

    def check_fields(self) -> None:
        """Mark each field that is wrong (subclasses); the form is valid when none is."""
        raise NotImplementedError

    def validate(self) -> bool:
        self.form.clear_errors()
        self.form_message.hide()
        self.check_fields()
        valid = not self.form.has_errors
        self.save_button.setEnabled(valid)
        return valid

    def show_refusal(self, violations: list[Violation]) -> None:
        """At the field when the refusal is about this object; below the form otherwise
        (e.g. a unit below this one that would end up outside its dates)."""
        record_id = self.record_id()

        def concerns_this(violation: Violation) -> bool:
            return violation.object_kind is self.object_kind and violation.object_id in (
                record_id,
                0,
            )

        self.form_message.show_rest(self.form, violations, self.language, concerns_this)

    def save(self) -> None:
        """Spara (or Enter in a field): every field's message shows now, touched or not."""
        self.form.reveal()
        record_id = self.record_id()
        if record_id is not None and self.validate():
            changes = self.changes()
            if changes:
                self.saveRequested.emit(record_id, changes)
