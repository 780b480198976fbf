"""The Arbetsmiljö view for the selected unit or person: tasks held and their chain,
distributions given and received, and the actions on them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nacka_desktop.domain.language import Language
from nacka_desktop.domain.work_options import DistributionAction, distribution_actions
from nacka_desktop.services.work_queries import DistributionView, HeldTask
from nacka_desktop.ui.widgets.column_fit import ColumnFitter
from nacka_desktop.ui.work.models import DistributionsModel, HeldTasksModel

HELD_CHAIN = 3  # Uppgift, Enhet, Innehas av, Kedja
DISTRIBUTION_RECEIVER = 3  # Nr, Status, Givare, Mottagare, …


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


def _letter_action(bar: QToolBar, text: str) -> QAction:
    action = bar.addAction(text)
    action.setIconText(text)  # a tool button drops the "…" that says a dialog follows
    return action


class WorkPanel(QWidget):
    newRequested = Signal()
    actionRequested = Signal(str, int)  # DistributionAction value, distribution id
    letterRequested = Signal(int)
    returnLetterRequested = Signal(int)  # return id
    signaturesRequested = Signal(int)  # distribution id
    returnSignaturesRequested = Signal(int)  # return id
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
        # The columns share the view's width (no sideways scrolling at 1200×800): the chain
        # and the receiver take the room there is.
        self.held_columns = ColumnFitter(self.held_table, widest=420, grow=HELD_CHAIN)
        self.distribution_columns = ColumnFitter(
            self.distribution_table, widest=320, grow=DISTRIBUTION_RECEIVER
        )

        self.new_button = QPushButton(self.tr("Ny fördelning…"))
        self.register_button = QPushButton(self.tr("Register (Excel)…"))
        # A tool bar, not a row of buttons: it folds what does not fit into a menu, so the
        # view never forces the window wider than the screen.
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.buttons: dict[DistributionAction, QAction] = {
            DistributionAction.SIGN: self.toolbar.addAction(self.tr("Undertecknad…")),
            DistributionAction.RECORD_ORAL: self.toolbar.addAction(
                self.tr("Muntligen kommunicerad…")
            ),
            DistributionAction.RETURN: self.toolbar.addAction(self.tr("Återför uppgifter…")),
            DistributionAction.FOLLOW_UP: self.toolbar.addAction(self.tr("Följ upp…")),
            DistributionAction.END: self.toolbar.addAction(self.tr("Avsluta…")),
            DistributionAction.DELETE_DRAFT: self.toolbar.addAction(self.tr("Ta bort utkast")),
        }
        # The letters sit beside the list's heading, not at the end of the tool bar: at
        # 1200×800 the tool bar folds its last actions into a ›› menu, and these are the ones
        # used most. Their own bar folds only in a window narrower than anyone works in.
        self.letters_bar = QToolBar()
        self.letters_bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.letter_button = _letter_action(self.letters_bar, self.tr("Brev (PDF)…"))
        self.return_letter_button = _letter_action(self.letters_bar, self.tr("Återföringsbrev…"))
        self.signatures_button = _letter_action(self.letters_bar, self.tr("Underskrifter…"))
        # With returns, Underskrifter… asks which letter: the distribution's or a return's.
        self.signatures_menu = QMenu(self)
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
        header.addSpacing(12)
        header.addWidget(self.letters_bar, 1)
        header.addWidget(self.register_button)
        header.addWidget(self.new_button)
        bottom_layout.addLayout(header)
        bottom_layout.addWidget(self.distribution_table, 1)
        bottom_layout.addWidget(self.toolbar)
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
            button.triggered.connect(lambda _=False, a=action: self._act(a))
        self.letter_button.triggered.connect(self._letter)
        self.return_letter_button.triggered.connect(self._return_letter)
        self.signatures_button.triggered.connect(self._signatures)
        self.distribution_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.distribution_table.doubleClicked.connect(self._letter)
        # Right-click on a distribution: the same actions as the bars below and above it.
        self.distribution_table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        separator = QAction(self)
        separator.setSeparator(True)
        self.distribution_table.addActions(
            [
                *self.buttons.values(),
                separator,
                self.letter_button,
                self.return_letter_button,
                self.signatures_button,
            ]
        )
        self._update_buttons()

    def show_rows(
        self,
        heading: str,
        held_heading: str,
        held: list[HeldTask],
        distributions: list[DistributionView],
        language: Language,
        show_unit_column: bool = True,
    ) -> None:
        selected = self.selected()
        self.held_table.setColumnHidden(1, not show_unit_column)
        self.heading.setText(heading)
        self.held_label.setText(held_heading)
        self.held.language = language
        self.held.set_rows(held)
        self.held_columns.fit()
        self.distributions.language = language
        self.distributions.set_rows(distributions)
        self.distribution_columns.fit()
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
        self.signatures_button.setEnabled(view is not None)
        self._offer_letters_to_sign(view)

    def _act(self, action: DistributionAction) -> None:
        view = self.selected()
        if view is not None:
            self.actionRequested.emit(action.value, view.id)

    def _letter(self) -> None:
        view = self.selected()
        if view is not None:
            self.letterRequested.emit(view.id)

    def _signatures(self) -> None:
        view = self.selected()
        if view is not None and not view.returns:
            self.signaturesRequested.emit(view.id)

    def _offer_letters_to_sign(self, view: DistributionView | None) -> None:
        self.signatures_menu.clear()
        if view is None or not view.returns:
            self.signatures_button.setMenu(None)  # type: ignore[arg-type]  # None: no menu
            return
        letter = self.signatures_menu.addAction(self.tr("Fördelningsbrevet"))
        letter.triggered.connect(lambda _=False, i=view.id: self.signaturesRequested.emit(i))
        for task_return in view.returns:
            entry = self.signatures_menu.addAction(
                self.tr("Återföringen {day}").format(day=task_return.returned_on.isoformat())
            )
            entry.triggered.connect(
                lambda _=False, i=task_return.id: self.returnSignaturesRequested.emit(i)
            )
        self.signatures_button.setMenu(self.signatures_menu)
        button = self.letters_bar.widgetForAction(self.signatures_button)
        if isinstance(button, QToolButton):
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)

    def _return_letter(self) -> None:
        view = self.selected()
        if view is not None and view.returns:
            self.returnLetterRequested.emit(view.returns[-1].id)
