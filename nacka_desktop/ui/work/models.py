"""Table models of the Arbetsmiljö view: tasks held (with their chain) and distributions."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from nacka_desktop.domain.labels import title_label
from nacka_desktop.domain.language import Language
from nacka_desktop.domain.work_environment import DistributionState
from nacka_desktop.services.work_queries import EMPLOYER_NAME, DistributionView, HeldTask

Index = QModelIndex | QPersistentModelIndex

STATE_COLOURS = {
    DistributionState.DRAFT: "#6b6b6b",
    DistributionState.SIGNED: "#a15c00",
    DistributionState.IN_FORCE: "#1b6e2d",
    DistributionState.RETURNED: "#6b6b6b",
    DistributionState.LAPSED: "#b00020",
    DistributionState.ENDED: "#6b6b6b",
}


def _iso(value: date | None) -> str:
    return value.isoformat() if value else ""


class HeldTasksModel(QAbstractTableModel):
    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._rows: list[HeldTask] = []
        self.language = Language.SWEDISH

    def set_rows(self, rows: list[HeldTask]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return [self.tr("Uppgift"), self.tr("Enhet"), self.tr("Innehas av"), self.tr("Kedja")][
            section
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        held = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return held.task.name
            if index.column() == 1:
                return held.unit_name
            if index.column() == 2:
                if held.holder is None:
                    return self.tr("Kommunstyrelsen (ingen fördelning)")
                holder = held.holder
                title = title_label(holder.person_title, self.language)
                title = title or holder.role_title(self.language)
                return f"{holder.person_name} ({title})"
            receivers = [step.receiver_name(self.language) for step in held.chain]
            return " → ".join([EMPLOYER_NAME, *receivers])
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == 0:
                return held.task.description
            steps = [
                self.tr("Fördelning {id}: {giver} → {receiver}").format(
                    id=step.distribution_id,
                    giver=step.giver_name(self.language),
                    receiver=step.receiver_name(self.language),
                )
                for step in held.chain
            ]
            return "\n".join(steps) or self.tr("Ingen fördelning: uppgiften ligger hos KS.")
        if role == Qt.ItemDataRole.ForegroundRole and held.holder is None:
            return QBrush(QColor("#b00020"))
        return None


class DistributionsModel(QAbstractTableModel):
    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._rows: list[DistributionView] = []
        self.language = Language.SWEDISH

    def set_rows(self, rows: list[DistributionView]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def view_at(self, row: int) -> DistributionView | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, distribution_id: int) -> int:
        return next((i for i, v in enumerate(self._rows) if v.id == distribution_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 8

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return [
            self.tr("Nr"),
            self.tr("Status"),
            self.tr("Givare"),
            self.tr("Mottagare"),
            self.tr("Enheter"),
            self.tr("Uppgifter"),
            self.tr("Gäller fr.o.m."),
            self.tr("Uppföljning senast"),
        ][section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        view = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values: list[object] = [
                view.id,
                view.state.label(self.language),
                view.giver_name,
                f"{view.receiver.person_name} ({view.receiver.role_title(self.language)})",
                view.unit_names,
                len(view.items),
                _iso(view.record.valid_from),
                _iso(view.follow_up_due),
            ]
            return values[column]
        if role == Qt.ItemDataRole.ForegroundRole and column == 1:
            return QBrush(QColor(STATE_COLOURS[view.state]))
        if role == Qt.ItemDataRole.ToolTipRole:
            returned = sum(1 for item in view.items if item.item.returned_on is not None)
            # The cell in full first (a narrow column cuts it), then the tasks.
            shown = self.data(index, Qt.ItemDataRole.DisplayRole)
            lines = [str(shown), ""] if column in (2, 3, 4) else []
            lines += [f"{item.task.name}" for item in view.items]
            if returned:
                lines.append(self.tr("{n} uppgift(er) återförda").format(n=returned))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (0, 5):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
