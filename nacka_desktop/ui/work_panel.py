"""The Arbetsmiljö view for the selected unit or person: tasks held and their chain,
distributions given and received, and the actions on them."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from nacka_desktop.domain.work_options import DistributionAction, distribution_actions
from nacka_desktop.services.work_queries import DistributionView, HeldTask

from .work_models import DistributionsModel, HeldTasksModel


def _table(model: object) -> QTableView:
    table = QTableView()
    table.setModel(model)  # type: ignore[arg-type]
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(24)
    table.setWordWrap(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class WorkPanel(QWidget):
    newRequested = Signal()
    actionRequested = Signal(str, int)  # DistributionAction value, distribution id
    letterRequested = Signal(int)
    returnLetterRequested = Signal(int)  # return id
    registerRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.held_label = QLabel()
        self.held = HeldTasksModel(self)
        self.held_table = _table(self.held)
        self.distributions = DistributionsModel(self)
        self.distribution_table = _table(self.distributions)

        self.new_button = QPushButton(self.tr("Ny fördelning…"))
        self.buttons: dict[DistributionAction, QPushButton] = {
            DistributionAction.SIGN: QPushButton(self.tr("Undertecknad…")),
            DistributionAction.RECORD_ORAL: QPushButton(self.tr("Muntligen kommunicerad…")),
            DistributionAction.RETURN: QPushButton(self.tr("Återför uppgifter…")),
            DistributionAction.FOLLOW_UP: QPushButton(self.tr("Följ upp…")),
            DistributionAction.END: QPushButton(self.tr("Avsluta…")),
            DistributionAction.DELETE_DRAFT: QPushButton(self.tr("Ta bort utkast")),
        }
        self.letter_button = QPushButton(self.tr("Brev (PDF)…"))
        self.return_letter_button = QPushButton(self.tr("Återföringsbrev…"))
        self.register_button = QPushButton(self.tr("Register (Excel)…"))

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.held_label)
        top_layout.addWidget(self.held_table)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        header.addWidget(QLabel(self.tr("<b>Fördelningar</b>")))
        header.addStretch(1)
        header.addWidget(self.register_button)
        header.addWidget(self.new_button)
        bottom_layout.addLayout(header)
        bottom_layout.addWidget(self.distribution_table, 1)
        actions = QHBoxLayout()
        for button in self.buttons.values():
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.return_letter_button)
        actions.addWidget(self.letter_button)
        bottom_layout.addLayout(actions)
        splitter = QSplitter()
        splitter.setOrientation(splitter.orientation().Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(splitter, 1)

        self.new_button.clicked.connect(self.newRequested)
        self.register_button.clicked.connect(self.registerRequested)
        for action, button in self.buttons.items():
            button.clicked.connect(lambda _=False, a=action: self._act(a))
        self.letter_button.clicked.connect(self._letter)
        self.return_letter_button.clicked.connect(self._return_letter)
        self.distribution_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.distribution_table.doubleClicked.connect(self._letter)
        self._update_buttons()

    def show_rows(
        self,
        heading: str,
        held_heading: str,
        held: list[HeldTask],
        distributions: list[DistributionView],
        english: bool,
    ) -> None:
        selected = self.selected()
        self.heading.setText(heading)
        self.held_label.setText(held_heading)
        self.held.set_rows(held)
        self.distributions.english = english
        self.distributions.set_rows(distributions)
        if selected is not None:
            self.select(selected.id)
        self._update_buttons()

    def selected(self) -> DistributionView | None:
        rows = self.distribution_table.selectionModel().selectedRows()
        return self.distributions.view_at(rows[0].row()) if rows else None

    def select(self, distribution_id: int) -> None:
        row = self.distributions.row_of(distribution_id)
        if row >= 0:
            self.distribution_table.selectRow(row)

    def _update_buttons(self) -> None:
        view = self.selected()
        allowed = distribution_actions(view.record, view.state) if view else frozenset()
        for action, button in self.buttons.items():
            button.setEnabled(action in allowed)
        self.letter_button.setEnabled(view is not None)
        self.return_letter_button.setEnabled(view is not None and bool(view.returns))

    def _act(self, action: DistributionAction) -> None:
        view = self.selected()
        if view is not None:
            self.actionRequested.emit(action.value, view.id)

    def _letter(self) -> None:
        view = self.selected()
        if view is not None:
            self.letterRequested.emit(view.id)

    def _return_letter(self) -> None:
        view = self.selected()
        if view is not None and view.returns:
            self.returnLetterRequested.emit(view.returns[-1].id)
