"""Table models of the Delegation window: items, a comparison, rights, decisions."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from nacka_desktop.domain.delegation.compare import Change, ItemChange
from nacka_desktop.domain.delegation.format import format_citation
from nacka_desktop.domain.delegation.orders import DelegationItem
from nacka_desktop.domain.labels import appointment_label, item_field_label
from nacka_desktop.domain.language import Language
from nacka_desktop.domain.records import OrgSnapshot
from nacka_desktop.services.delegation.queries import DecisionView, RightView

Index = QModelIndex | QPersistentModelIndex
SECTION_ROLE = Qt.ItemDataRole.UserRole + 20
CHANGE_COLOURS = {Change.ADDED: "#1b6e2d", Change.REMOVED: "#b00020", Change.CHANGED: "#a15c00"}


class RowsModel(QAbstractTableModel):
    """A read-only table of rows, each shown through one function per column."""

    def __init__(self, headers: list[str], parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._headers = headers
        self._rows: Sequence[Any] = []
        self._columns: list[Callable[[Any], object]] = []

    def set_rows(self, rows: Sequence[Any], columns: list[Callable[[Any], object]]) -> None:
        self.beginResetModel()
        self._rows, self._columns = rows, columns
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        # The tooltip too: a tight table cuts a long heading short ("Vidaredel…").
        shown = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
        if role in shown and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not self._columns:
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = self._columns[index.column()](row)
            return "" if value is None else str(value)
        return self.extra_data(row, index.column(), role)

    def extra_data(self, row: Any, column: int, role: int) -> object:
        return None


class ItemsModel(RowsModel):
    def __init__(self, headers: list[str], parent: object = None) -> None:
        super().__init__(headers, parent)
        self.recalled: dict[int, str] = {}  # item id → why KF took it back (DEL-4)

    def show(
        self,
        items: Sequence[DelegationItem],
        org: OrgSnapshot,
        language: Language,
        yes: str,
        no: str,
        recalled: dict[int, str] | None = None,
    ) -> None:
        self.recalled = recalled or {}

        def kind(i: DelegationItem) -> str:
            return i.decision_kind.label(language)

        self.set_rows(
            items,
            [
                lambda i: i.section,
                lambda i: i.number,
                lambda i: i.matter,
                kind,
                lambda i: i.delegate.label(org, language),
                lambda i: i.substitute.label(org, language) if i.substitute else "",
                lambda i: format_citation(i.lagrum).replace("\u00a0", " "),
                lambda i: i.limits,
                lambda i: yes if i.subdelegation_allowed else no,
                lambda i: yes if i.report_to_board else no,
            ],
        )

    def extra_data(self, row: Any, column: int, role: int) -> object:
        if role == SECTION_ROLE:
            return row.section
        if row.id in self.recalled:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor("#8a8a8a"))
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setStrikeOut(True)
                return font
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = self.row_at(index.row()) if index.isValid() else None
        if role == Qt.ItemDataRole.ToolTipRole and row is not None and row.id in self.recalled:
            return self.recalled[row.id]
        return super().data(index, role)


class ComparisonModel(RowsModel):
    def show(self, changes: Sequence[ItemChange], org: OrgSnapshot, language: Language) -> None:
        def text(item: DelegationItem | None) -> str:
            return f"{item.matter} — {item.delegate.label(org, language)}" if item else ""

        self.set_rows(
            changes,
            [
                lambda c: c.change.label(language),
                lambda c: c.number,
                lambda c: text(c.old),
                lambda c: text(c.new),
                lambda c: ", ".join(item_field_label(f, language) for f in c.fields),
            ],
        )

    def extra_data(self, row: Any, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.ForegroundRole and column == 0:
            return QBrush(QColor(CHANGE_COLOURS[row.change]))
        return None


class RightsModel(RowsModel):
    """Who may decide what, as the command line's `rights` and `who` print it."""

    def show(
        self, rights: Sequence[RightView], language: Language, org: OrgSnapshot | None = None
    ) -> None:
        def who(right: RightView) -> str:
            """Who, in which role and where: "Anna Berg, enhetschef, Förskolan Björken"."""
            appointment = org.appointments.get(right.appointment_id) if org else None
            if org is None or appointment is None:
                return f"{right.person}, {right.role.lower()}, {right.unit}"
            return appointment_label(org, appointment, language)

        self.set_rows(
            rights,
            [
                lambda r: r.board,
                lambda r: r.number,
                lambda r: r.matter,
                lambda r: who(r),
                lambda r: r.how(language),
                lambda r: r.limits,
            ],
        )


class DecisionsModel(RowsModel):
    def show(
        self, decisions: Sequence[DecisionView], org: OrgSnapshot, language: Language, yes: str
    ) -> None:
        def route(d: DecisionView) -> str:
            return d.route.label(language)

        def done(d: DecisionView) -> str:
            when = d.reported_on or d.recorded_separately_on
            return when.isoformat() if when else ""

        self.set_rows(
            decisions,
            [
                lambda d: d.decided_on.isoformat(),
                lambda d: org.units[d.board_unit_id].name if d.board_unit_id in org.units else "",
                lambda d: d.item.number,
                lambda d: d.item.matter,
                lambda d: d.description,
                lambda d: d.decided_by,
                lambda d: d.case_number,
                lambda d: yes if d.appealable else "",
                route,
                done,
            ],
        )

    def extra_data(self, row: Any, column: int, role: int) -> object:
        """An appealable decision not yet recorded separately stands out (DEL-11)."""
        if row.awaits_separate_record and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#a15c00"))
        return None
