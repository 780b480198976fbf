"""Table models over service results: appointments, problems and search hits."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from nacka_desktop.domain.dates import today
from nacka_desktop.domain.enums import Severity
from nacka_desktop.domain.labels import title_label
from nacka_desktop.domain.language import Language
from nacka_desktop.domain.rules import Violation
from nacka_desktop.services.org.queries import AppointmentView, SearchHit
from nacka_desktop.ui.shell.icons import icon

Index = QModelIndex | QPersistentModelIndex
OBJECT_ROLE = Qt.ItemDataRole.UserRole + 10


def _iso(value: date | None) -> str:
    return value.isoformat() if value else ""


class AppointmentsModel(QAbstractTableModel):
    """Appointments of one unit (showing persons) or of one person (showing units)."""

    def __init__(self, show_unit: bool, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._show_unit = show_unit
        self._rows: list[AppointmentView] = []
        self._on = today()
        self._language = Language.SWEDISH

    def set_rows(self, rows: list[AppointmentView], on: date, language: Language) -> None:
        self.beginResetModel()
        self._rows = rows
        self._on = on
        self._language = language
        self.endResetModel()

    def row_at(self, row: int) -> AppointmentView | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, appointment_id: int) -> int:
        return next(
            (i for i, view in enumerate(self._rows) if view.appointment.id == appointment_id), -1
        )

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        names = [
            self.tr("Enhet") if self._show_unit else self.tr("Person"),
            self.tr("Roll"),
            self.tr("Fr.o.m."),
            self.tr("Upphör fr.o.m."),
        ]
        return names[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        view = self._rows[index.row()]
        appointment = view.appointment
        current = appointment.is_valid_on(self._on)
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return view.unit_name if self._show_unit else view.person_name
            if index.column() == 1:
                role_name = appointment.role.label(self._language)
                if appointment.acting:
                    return self.tr("t.f. ") + role_name.lower()
                return role_name
            if index.column() == 2:
                return _iso(appointment.valid_from)
            return _iso(appointment.valid_to) or self.tr("tills vidare")
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0:
            return icon("unit") if self._show_unit else icon("person")
        if role == Qt.ItemDataRole.FontRole and view.is_manager and current:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and not current:
            return QBrush(QColor("#8a8a8a"))
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                title_label(view.person_title, self._language)
                if not self._show_unit
                else view.unit_code
            )
        if role == OBJECT_ROLE:
            return appointment.id
        return None


RULE_COLUMN = 1  # the Problems panel's rule: shown as a link to its page in the guide
LINK_COLOUR = "#0b57d0"


class ProblemsModel(QAbstractTableModel):
    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._rows: list[Violation] = []
        self._language = Language.SWEDISH

    def set_violations(self, violations: list[Violation], language: Language) -> None:
        self.beginResetModel()
        self._rows = violations
        self._language = language
        self.endResetModel()

    def violation(self, row: int) -> Violation | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def counts(self) -> dict[Severity, int]:
        return {s: sum(1 for v in self._rows if v.severity is s) for s in Severity}

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return [self.tr("Allvarlighet"), self.tr("Regel"), self.tr("Gäller"), self.tr("Problem")][
            section
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        violation = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                severity = violation.severity
                return severity.label(self._language)
            if column == 1:
                return violation.rule_id
            if column == 2:
                return violation.label(self._language)
            return violation.text(self._language)
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return icon(violation.severity.value)
        if column == RULE_COLUMN:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(LINK_COLOUR))
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setUnderline(True)
                return font
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("Klicka för att läsa om regel {rule}").format(rule=violation.rule_id)
        if role == Qt.ItemDataRole.ToolTipRole:
            return violation.text(self._language)
        return None


class SearchModel(QAbstractListModel):
    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._hits: list[SearchHit] = []
        self.language = Language.SWEDISH

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self._hits = hits
        self.endResetModel()

    def hit(self, row: int) -> SearchHit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if hit.unit_kind is not None:
                kind = hit.unit_kind.label(self.language)
                detail = f"{hit.code} · {kind}"
            else:
                title = title_label(hit.title, self.language)
                detail = " · ".join(part for part in (hit.code, title) if part)
            return f"{hit.text}  —  {detail}"
        if role == Qt.ItemDataRole.DecorationRole:
            return icon("person") if hit.object_kind == "person" else icon("unit")
        return None
