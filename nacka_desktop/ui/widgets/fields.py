"""Form fields that show their own validation message right under the input."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from nacka_desktop.domain.language import Language
from nacka_desktop.domain.rules import Violation
from nacka_desktop.ui.help.links import RuleHelpOnClick

ERROR_STYLE = "color: #b00020;"
ObjectFilter = Callable[[Violation], bool]
INVALID_INPUT_STYLE = "border: 1px solid #b00020;"


class DateField(QLineEdit):
    """A date typed as ÅÅÅÅ-MM-DD; empty means open-ended where the field allows it."""

    def __init__(self, optional: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.optional = optional
        self.setPlaceholderText(
            self.tr("ÅÅÅÅ-MM-DD") if optional else self.tr("ÅÅÅÅ-MM-DD (krävs)")
        )
        self.setMaxLength(10)
        self.setClearButtonEnabled(optional)

    def set_date(self, value: date | None) -> None:
        self.setText(value.isoformat() if value else "")

    def date(self) -> date | None:
        text = self.text().strip()
        if not text:
            return None
        try:
            return date.fromisoformat(text)
        except ValueError:
            return None

    def problem(self) -> str | None:
        text = self.text().strip()
        if not text:
            return None if self.optional else self.tr("Ange ett datum.")
        if self.date() is None:
            return self.tr("Ogiltigt datum; skriv ÅÅÅÅ-MM-DD, t.ex. 2026-01-31.")
        return None


class FieldRow(QWidget):
    """An input with an error line beneath it, hidden while the value is fine."""

    changed = Signal()

    def __init__(self, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        RuleHelpOnClick(self.error)  # "DATA-2: …": a click opens the rule's page
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        layout.addWidget(self.error)

    def set_error(self, message: str | None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(bool(message))
        # A plain container (e.g. a group of check boxes) would pass the border to every child.
        framed = bool(message) and type(self.editor) is not QWidget
        self.editor.setStyleSheet(INVALID_INPUT_STYLE if framed else "")
        self.editor.setToolTip(message or "")

    @property
    def has_error(self) -> bool:
        return self.error.isVisibleTo(self)


class ValidatedForm:
    """Fields by name in a QFormLayout, so a rule violation can be shown at its field."""

    def __init__(self, layout: QFormLayout) -> None:
        self.layout = layout
        self.rows: dict[str, FieldRow] = {}

    def add(self, name: str, label: str, editor: QWidget) -> FieldRow:
        row = FieldRow(editor)
        self.rows[name] = row
        self.layout.addRow(label, row)
        return row

    def require(self, name: str, edit: QLineEdit, message: str) -> bool:
        if edit.text().strip():
            return True
        self.rows[name].set_error(message)
        return False

    def check_period(self, start: DateField, end: DateField | None, order_message: str) -> bool:
        """Each date well-formed, and the end after the start; errors shown at the fields."""
        valid = True
        for name, edit in (("valid_from", start), ("valid_to", end)):
            if edit is not None and (problem := edit.problem()):
                self.rows[name].set_error(problem)
                valid = False
        first, last = start.date(), end.date() if end is not None else None
        if first and last and last <= first:
            self.rows["valid_to"].set_error(order_message)
            valid = False
        return valid

    def clear_errors(self) -> None:
        for row in self.rows.values():
            row.set_error(None)

    def show_violations(
        self, violations: list[Violation], language: Language, concerns: ObjectFilter | None = None
    ) -> list[Violation]:
        """Put each violation about this form's object at its field; return the rest."""
        rest = []
        for violation in violations:
            text = f"{violation.rule_id}: {violation.text(language)}"
            row = self.rows.get(violation.field or "")
            if row is None or (concerns is not None and not concerns(violation)):
                rest.append(violation)
            else:
                row.set_error(text)
        return rest

    @property
    def has_errors(self) -> bool:
        return any(row.has_error for row in self.rows.values())


class FormMessage(QLabel):
    """The line under a form for refusals that belong to no single field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(ERROR_STYLE)
        self.setWordWrap(True)
        self.hide()
        RuleHelpOnClick(self)

    def show_rest(
        self,
        form: ValidatedForm,
        violations: list[Violation],
        language: Language,
        concerns: ObjectFilter | None = None,
    ) -> None:
        rest = form.show_violations(violations, language, concerns)
        self.setText("\n".join(f"{v.rule_id}: {v.text(language)}" for v in rest))
        self.setVisible(bool(rest))


SEARCHABLE_COMBO_CHARACTERS = 36


def searchable_combo() -> QComboBox:
    """A combo box the user can type in to find an entry anywhere in its text."""
    combo = QComboBox()
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    # Sized by a typical entry, not by measuring every one (43,000 persons at Stockholm size).
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(SEARCHABLE_COMBO_CHARACTERS)
    completer = combo.completer()
    assert completer is not None
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    return combo


class ChoicesModel(QAbstractListModel):
    """The entries of a combo box as one list: tens of thousands of persons are set in one
    model reset, where `addItem` built an item object for each (a second at 40,000)."""

    def __init__(
        self, choices: Sequence[tuple[str, object]], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._choices = list(choices)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._choices)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid():
            return None
        text, value = self._choices[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return text
        if role == Qt.ItemDataRole.UserRole:
            return value
        return None


def set_choices(combo: QComboBox, choices: Sequence[tuple[str, object]]) -> None:
    """Replace the combo's entries (text, data) at once; its completer follows the model, and
    the combo deletes the model it had (it was the combo's child)."""
    combo.setModel(ChoicesModel(choices, combo))
