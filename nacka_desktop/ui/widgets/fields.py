"""Form fields that show their own validation message right under the input, and the date
field (ui/widgets/date_field.py) every form uses."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractProxyModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from nacka_desktop.domain.language import Language
from nacka_desktop.domain.rules import Violation
from nacka_desktop.domain.text import matching_entries, search_fold, search_key, search_words
from nacka_desktop.ui.help.links import RuleHelpOnClick
from nacka_desktop.ui.widgets.date_field import DateField as DateField

ERROR_STYLE = "color: #b00020;"
ObjectFilter = Callable[[Violation], bool]
INVALID_INPUT_STYLE = "border: 1px solid #b00020;"
MOST_KEPT_LINES = 3


class FieldRow(QWidget):
    """An input with an error line beneath it.

    The line's space is kept while it is empty, so the form does not jump as messages come
    and go. A check's message (e.g. "DATA-2: Ange ett namn.") shows only once the user has
    left the field or pressed Spara; a refusal of a save shows at once, and goes as soon as
    anything in the form changes (the check runs again then, or at the next Spara)."""

    changed = Signal()

    def __init__(self, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        policy = self.error.sizePolicy()
        # Space is kept under what is typed in (where a message comes and goes as one types);
        # a list to pick from or a tick box shows a message only after Spara, if ever.
        policy.setRetainSizeWhenHidden(takes_typing(editor))
        self.error.setSizePolicy(policy)
        if policy.retainSizeWhenHidden():
            self.error.setMinimumHeight(self.error.fontMetrics().height())
        self.error.hide()
        RuleHelpOnClick(self.error)  # "DATA-2: …": a click opens the rule's page
        self.touched = False
        self.revealed = False
        self._check: str | None = None
        self._refusal: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(editor)
        layout.addWidget(self.error)
        if isinstance(editor, QLineEdit):
            # The red frame is a style sheet, whose border is thinner than the native frame:
            # the field keeps its height when it is framed.
            editor.setMinimumHeight(editor.sizeHint().height())
        for widget in (editor, *editor.findChildren(QWidget)):
            _watch_changes(widget, self._emit_changed)
            widget.installEventFilter(self)

    def _emit_changed(self, *_value: object) -> None:
        self.changed.emit()

    def set_error(self, message: str | None) -> None:
        """What the field's check finds wrong now (None: nothing)."""
        self._check = message
        self._show()

    def set_refusal(self, message: str | None) -> None:
        """Why a save was refused, at this field."""
        self._refusal = message
        self._show()

    def touch(self) -> None:
        """The user has been in the field: its check's message may show from now on."""
        if not self.touched:
            self.touched = True
            self._show()

    def reveal(self) -> None:
        """Spara was pressed: every message shows, touched or not."""
        self.revealed = True
        self._show()

    def reset(self) -> None:
        """A new record in the form: untouched, no message."""
        self.touched = self.revealed = False
        self._check = self._refusal = None
        self._show()

    @property
    def has_error(self) -> bool:
        """The field's value is wrong (whether or not its message shows yet)."""
        return bool(self._check or self._refusal)

    @property
    def shown_error(self) -> str:
        return self.error.text() if self.error.isVisibleTo(self) else ""

    def _show(self) -> None:
        visible = (self.touched or self.revealed) and self._check
        message = self._refusal or (self._check if visible else None)
        if message:
            self.error.setText(message)
        else:
            self._keep_space()
            self.error.setText("")
        self.error.setVisible(bool(message))
        # A red frame on what is typed in; a style sheet on a combo box or a container (of
        # check boxes, of the pickers of a delegate) would flatten every child's look.
        framed = bool(message) and isinstance(self.editor, QLineEdit | QPlainTextEdit | QTextEdit)
        self.editor.setStyleSheet(INVALID_INPUT_STYLE if framed else "")
        self.editor.setToolTip(message or "")

    def _keep_space(self) -> None:
        """The space stays as tall as the message that goes (up to a few lines), so nothing
        below it moves."""
        if not (self.error.sizePolicy().retainSizeWhenHidden() and self.error.isVisibleTo(self)):
            return
        lines = self.error.fontMetrics().lineSpacing() * MOST_KEPT_LINES
        kept = min(self.error.height(), lines)
        self.error.setMinimumHeight(max(self.error.minimumHeight(), kept))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Not when a popup of the field itself (a calendar, a combo's list) opens.
        if (
            event.type() == QEvent.Type.FocusOut
            and isinstance(event, QFocusEvent)
            and event.reason()
            not in (Qt.FocusReason.PopupFocusReason, Qt.FocusReason.ActiveWindowFocusReason)
        ):
            self.touch()
        return False


def takes_typing(editor: QWidget) -> bool:
    """A line edit (a date field too), an editable combo box, or a widget made of them
    (the pickers of a delegate, a date with a tick box)."""
    if isinstance(editor, QLineEdit):
        return True
    if isinstance(editor, QComboBox):
        return editor.isEditable()
    if isinstance(editor, QAbstractSpinBox | QAbstractButton | QLabel):
        return False
    return editor.findChild(QLineEdit) is not None


def _watch_changes(widget: QWidget, changed: Callable[..., None]) -> None:
    """Call `changed` when the user (or the program) changes the widget's value."""
    if isinstance(widget, QLineEdit):
        widget.textChanged.connect(changed)
    elif isinstance(widget, QComboBox):
        widget.currentIndexChanged.connect(changed)
    elif isinstance(widget, QAbstractButton) and widget.isCheckable():
        widget.toggled.connect(changed)
    elif isinstance(widget, QPlainTextEdit | QTextEdit):
        widget.textChanged.connect(changed)


class ValidatedForm(QObject):
    """Fields by name in a QFormLayout, so a rule violation can be shown at its field.
    `changed` says that something in the form changed: its checks should run again."""

    changed = Signal()

    def __init__(self, layout: QFormLayout) -> None:
        super().__init__()
        self.layout = layout
        self.rows: dict[str, FieldRow] = {}

    def add(self, name: str, label: str, editor: QWidget) -> FieldRow:
        row = FieldRow(editor)
        self.rows[name] = row
        self.layout.addRow(label, row)
        row.changed.connect(self._changed)
        return row

    def _changed(self) -> None:
        for row in self.rows.values():
            row.set_refusal(None)
        self.changed.emit()

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
        """Before the checks run again: their old findings go (a refusal stays until the
        form changes)."""
        for row in self.rows.values():
            row.set_error(None)

    def reset(self) -> None:
        """Another record is shown: nothing touched, no message."""
        for row in self.rows.values():
            row.reset()

    def reveal(self) -> None:
        for row in self.rows.values():
            row.reveal()

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
                row.set_refusal(text)
        return rest

    @property
    def has_errors(self) -> bool:
        return any(row.has_error for row in self.rows.values())


class FormMessage(QLabel):
    """The line under a form for refusals that belong to no single field. Once shown, its
    space stays when it hides again, so the buttons under it do not jump."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(ERROR_STYLE)
        self.setWordWrap(True)
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)
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
WIDEN_SAMPLE_ROWS = 300
WIDEN_MARGIN = 40  # the scroll bar and the item's padding


class SearchMatches(QAbstractListModel):
    """The entries of a combo that match what is typed, by the one search rule
    (`domain.text.matches_search`: each word the beginning of a word, in any order): the
    completer's model. The entries' folded texts are kept until the combo's entries change."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source: QAbstractItemModel | None = None
        self._folded: list[str] | None = None
        self._keys: list[str] = []
        self._rows: list[int] = []

    def set_source(self, model: QAbstractItemModel) -> None:
        # The combo deletes the model it had (its child), and the connections with it.
        self._source = model
        for signal in (
            model.modelReset,
            model.rowsInserted,
            model.rowsRemoved,
            model.dataChanged,
            model.layoutChanged,
        ):
            signal.connect(self._forget)
        self._forget()

    def _forget(self) -> None:
        self._folded = None

    def filter(self, typed: str) -> None:
        source = self._source
        if source is None:
            return
        if self._folded is None:  # once per list of entries (~40 ms at 43,000 persons)
            texts = (
                source.texts()
                if isinstance(source, ChoicesModel)
                else [str(source.index(row, 0).data() or "") for row in range(source.rowCount())]
            )
            self._folded = [search_fold(text) for text in texts]
            self._keys = [search_key(folded) for folded in self._folded]
        rows = matching_entries(search_words(typed), self._folded, self._keys)
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def source_row(self, row: int) -> int:
        return self._rows[row] if 0 <= row < len(self._rows) else -1

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid() or self._source is None:
            return None
        return self._source.index(self.source_row(index.row()), 0).data(role)


class SearchableCombo(QComboBox):
    """A combo box the user can type in to find an entry: each typed word the beginning of a
    word of the entry, in any order ("Viktor Jo" finds "Johansson, Viktor – Enhetschef")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # Sized by a typical entry, not by measuring every one (43,000 persons at Stockholm size).
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(SEARCHABLE_COMBO_CHARACTERS)
        self.matches = SearchMatches(self)
        self.matches.set_source(self.model())
        completer = QCompleter(self.matches, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        completer.activated[QModelIndex].connect(self._chosen)  # type: ignore[index]
        line = self.lineEdit()
        assert line is not None
        line.textEdited.connect(self._typed)
        # A long entry shows its beginning (the number and the name), not its end; also when
        # it is chosen with the combo's signals blocked (a list filled again, `setCurrentIndex`).
        self.currentIndexChanged.connect(self._show_start)

    def setModel(self, model: QAbstractItemModel) -> None:
        super().setModel(model)
        completer = self.completer()
        if completer is not None:  # QComboBox gives its completer the new model: take it back
            self.matches.set_source(model)
            completer.setModel(self.matches)

    def _show_start(self) -> None:
        line = self.lineEdit()
        if line is not None:
            line.setCursorPosition(0)

    def setCurrentIndex(self, index: int) -> None:
        super().setCurrentIndex(index)
        self._show_start()

    def _typed(self, text: str) -> None:
        self.matches.filter(text)
        completer = self.completer()
        if completer is None or not text.strip():
            return
        popup = completer.popup()
        if popup is not None:
            self._widen(popup, self.matches)
        completer.complete()

    def showPopup(self) -> None:
        view = self.view()
        if view is not None:
            self._widen(view, self.model())
        super().showPopup()

    def _widen(self, view: QAbstractItemView, model: QAbstractItemModel) -> None:
        """Wide enough for whole entries (who, role and unit), within reason: measured on the
        first rows only (a combo of 43,000 persons)."""
        metrics = view.fontMetrics()
        rows = min(model.rowCount(), WIDEN_SAMPLE_ROWS)
        widest = max(
            (metrics.horizontalAdvance(str(model.index(r, 0).data() or "")) for r in range(rows)),
            default=0,
        )
        wanted = widest + 2 * view.frameWidth() + WIDEN_MARGIN
        view.setMinimumWidth(min(max(wanted, self.width()), 3 * self.width()))

    def _chosen(self, index: QModelIndex) -> None:
        completer = self.completer()
        if completer is None:
            return
        model = completer.completionModel()
        if isinstance(model, QAbstractProxyModel):
            index = model.mapToSource(index)
        row = self.matches.source_row(index.row())
        if row >= 0:
            self.setCurrentIndex(row)


def side_by_side(*widgets: QWidget, stretch: int = 0) -> QWidget:
    """Widgets in one row of a form (a field and its button or check box), without margins
    of their own; the one at index `stretch` takes the width to spare."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for index, widget in enumerate(widgets):
        layout.addWidget(widget, 1 if index == stretch else 0)
    return row


def searchable_combo() -> QComboBox:
    """A combo box the user can type in to find an entry (`SearchableCombo`)."""
    return SearchableCombo()


class ChoicesModel(QAbstractListModel):
    """The entries of a combo box as one list: tens of thousands of persons are set in one
    model reset, where `addItem` built an item object for each (a second at 40,000)."""

    def __init__(
        self, choices: Sequence[tuple[str, object]], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._choices = list(choices)

    def texts(self) -> list[str]:
        return [text for text, _value in self._choices]

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
