"""The Delegation window's log of delegated decisions."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from nacka_desktop.domain.enums import UnitKind
from nacka_desktop.domain.language import Language
from nacka_desktop.domain.records import swedish_sort_key
from nacka_desktop.exports.file_names import file_name
from nacka_desktop.ui.delegation.common import (
    DelegationTab,
    date_edit,
    date_of,
    fit_columns,
    make_table,
)
from nacka_desktop.ui.delegation.dialogs import DecisionDialog, item_label
from nacka_desktop.ui.delegation.models import DecisionsModel
from nacka_desktop.ui.org.dialogs import DateDialog, ReportDialog
from nacka_desktop.ui.shell.edits import EXPECTED_REFUSALS
from nacka_desktop.ui.widgets.context_menus import menu_of_buttons

if TYPE_CHECKING:
    from nacka_desktop.ui.delegation.window import DelegationWindow


DECISION_MATTER = 3  # Ärende, after Datum, Nämnd and Nr


class DecisionsTab(DelegationTab):
    """The log of decisions taken on delegation: record, mark reported, report, register."""

    def __init__(self, owner: DelegationWindow) -> None:
        super().__init__(owner)
        self.first_date = date_edit(date(self.on.year, 1, 1))
        self.last_date = date_edit(self.on)
        self.decisions = DecisionsModel(
            [
                self.tr("Datum"),
                self.tr("Nämnd"),
                self.tr("Nr"),
                self.tr("Ärende"),
                self.tr("Beslut"),
                self.tr("Beslutsfattare"),
                self.tr("Diarienummer"),
                self.tr("Kan laglighetsprövas"),
                self.tr("Anmälan"),
                self.tr("Anmält / protokollfört"),
            ],
            self,
        )
        self.show_combo = QComboBox()
        self.show_combo.addItem(self.tr("Alla beslut"), "all")
        self.show_combo.addItem(self.tr("Att anmäla, inte anmälda"), "to_report")
        self.show_combo.addItem(self.tr("Att protokollföra särskilt, inte gjort"), "to_record")
        self.decisions_table = make_table(self.decisions)
        self.report_button = QPushButton(self.tr("Anmälan till nämnden (PDF)…"))
        self.decision_register_button = QPushButton(self.tr("Beslutsregister (Excel)…"))
        self.new_decision_button = QPushButton(self.tr("Nytt beslut…"))
        self.reported_button = QPushButton(self.tr("Markera som anmälda…"))
        self.recorded_button = QPushButton(self.tr("Protokollför särskilt…"))
        self.recorded_button.setToolTip(
            self.tr(
                "Beslut som nämnden inte vill få anmälda men som kan laglighetsprövas "
                "protokollförs särskilt (DEL-11)."
            )
        )
        self.appealable_button = QPushButton(self.tr("Laglighetsprövning: ja/nej"))
        self.separate_button = QPushButton(self.tr("Särskilt protokoll (PDF)…"))
        self.decisions_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        row = QHBoxLayout()
        row.addWidget(self.new_decision_button)
        row.addWidget(self.reported_button)
        row.addWidget(self.recorded_button)
        row.addWidget(self.appealable_button)
        row.addStretch(1)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Visa")))
        filters.addWidget(self.show_combo)
        filters.addWidget(QLabel(self.tr("Från")))
        filters.addWidget(self.first_date)
        filters.addWidget(QLabel(self.tr("till")))
        filters.addWidget(self.last_date)
        filters.addStretch(1)
        # The documents of the period under the list, as in the other tabs: beside the
        # filters they made the window wider than a 1200-pixel screen.
        documents = QHBoxLayout()
        documents.addStretch(1)
        documents.addWidget(self.decision_register_button)
        documents.addWidget(self.report_button)
        documents.addWidget(self.separate_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addLayout(filters)
        layout.addWidget(self.decisions_table, 1)
        layout.addLayout(documents)
        self.first_date.dateChanged.connect(lambda _on: self._show_decisions())
        self.last_date.dateChanged.connect(lambda _on: self._show_decisions())
        self.show_combo.currentIndexChanged.connect(self._show_decisions)
        # Right-click on a row: the buttons that act on it.
        menu_of_buttons(
            self.decisions_table,
            [
                self.reported_button,
                self.recorded_button,
                self.appealable_button,
                self.new_decision_button,
            ],
        )
        self.recorded_button.clicked.connect(self._mark_recorded)
        self.appealable_button.clicked.connect(self._toggle_appealable)
        self.separate_button.clicked.connect(self._separate_record)
        self.report_button.clicked.connect(self._decisions_report)
        self.decision_register_button.clicked.connect(self._decision_register)
        self.new_decision_button.clicked.connect(self._new_decision)
        self.reported_button.clicked.connect(self._mark_reported)

    def refresh(self) -> None:
        self._show_decisions()

    def _period(self) -> tuple[date, date]:
        return date_of(self.first_date), date_of(self.last_date)

    def _show_decisions(self) -> None:
        first, last = self._period()
        shown = self.show_combo.currentData()
        decisions = [
            d
            for d in self.services.delegation.decisions(first, last)
            if shown == "all"
            or (shown == "to_report" and d.awaits_report)
            or (shown == "to_record" and d.awaits_separate_record)
        ]
        self.decisions.show(decisions, self._org, self.language, self.tr("Ja"))
        fit_columns(self.decisions_table, widest=210, grow=DECISION_MATTER)

    def select_decision(self, decision_id: int) -> None:
        """Show every decision of the period the decision falls in, and select it."""
        decision = next(
            (
                d
                for d in self.services.delegation.decisions(date.min, date.max)
                if d.id == decision_id
            ),
            None,
        )
        if decision is None:
            return
        self.show_combo.setCurrentIndex(0)
        first, last = self._period()
        if not first <= decision.decided_on <= last:
            self.first_date.set_date(date(decision.decided_on.year, 1, 1))
            self.last_date.set_date(max(decision.decided_on, self.on))
        row = next(
            (
                r
                for r in range(self.decisions.rowCount())
                if self.decisions.row_at(r).id == decision_id
            ),
            None,
        )
        if row is not None:
            self.decisions_table.selectRow(row)
            self.decisions_table.scrollTo(self.decisions.index(row, 0))

    def _selected_ids(self) -> list[int]:
        rows = self.decisions_table.selectionModel().selectedRows()
        return [self.decisions.row_at(r.row()).id for r in rows]

    def _ask_report(self, title: str, offer_all: bool) -> ReportDialog | None:
        """The board and the period the report is for, asked each time (it goes to that
        board's meeting); None when the user cancels."""
        boards = sorted(
            (
                (unit.name, unit.id)
                for unit in self._org.units.values()
                if unit.kind in (UnitKind.BOARD, UnitKind.EXECUTIVE_BOARD)
                and unit.is_valid_on(self.on)
            ),
            key=lambda b: (b[0] != "Kommunstyrelsen", swedish_sort_key(b[0])),
        )
        first, last = self._period()
        board = self.owner.order_tab.board_combo.currentData()
        dialog = ReportDialog(title, boards, board, first, last, self, self.language, offer_all)
        try:
            return dialog if dialog.exec() else None
        finally:
            dialog.deleteLater()

    def _separate_record(self) -> None:
        from nacka_desktop.exports.letters.delegation import write_separate_record

        title = self.tr("Särskilt protokoll över delegationsbeslut")
        dialog = self._ask_report(title, offer_all=False)
        if dialog is None:
            return
        board, first, last = dialog.choice()
        documents = self.services.delegation_documents
        self._preview(
            lambda path: write_separate_record(
                documents.separate_record(board, first, last),
                path,
                self.services.letterhead.letterhead(),
            ),
            title,
            file_name(
                self.tr("Särskilt protokoll"),
                dialog.board.currentText(),
                f"{first.isoformat()}–{last.isoformat()}",
                extension="pdf",
            ),
        )

    def _mark_recorded(self) -> None:
        chosen = self._selected_ids()
        if self.edits is None or not chosen:
            return
        dialog = DateDialog(
            self.tr("Protokollförda särskilt"),
            self.tr(
                "Datum då besluten protokollfördes särskilt. De kan laglighetsprövas men anmäls "
                "inte till nämnden (DEL-11)."
            ),
            self.tr("Protokollförda"),
            self.services.clock(),
            self,
            self.language,
        )
        decisions, edits = self.services.delegated_decisions, self.edits

        def mark() -> object:
            day = dialog.date()
            return edits.edit(
                lambda _: QCoreApplication.translate("DecisionsTab", "Protokollför särskilt"),
                lambda: decisions.mark_recorded_separately(chosen, day),
                decisions.restore_recorded_separately,
            )

        edits.run_dialog(dialog, mark)

    def _toggle_appealable(self) -> None:
        """All chosen appealable: none is any more; otherwise all become appealable."""
        chosen = self._selected_ids()
        if self.edits is None or not chosen:
            return
        rows = self.decisions_table.selectionModel().selectedRows()
        appealable = not all(self.decisions.row_at(r.row()).appealable for r in rows)
        decisions = self.services.delegated_decisions

        def name(_language: Language) -> str:
            if appealable:
                return QCoreApplication.translate("DecisionsTab", "Kan laglighetsprövas")
            return QCoreApplication.translate("DecisionsTab", "Kan inte laglighetsprövas")

        try:
            self.edits.edit(
                name,
                lambda: decisions.set_appealable(chosen, appealable),
                decisions.restore_appealable,
            )
        except EXPECTED_REFUSALS as error:
            self.edits.report(error)

    def _decisions_report(self) -> None:
        from nacka_desktop.exports.letters.delegation import write_decisions_report

        title = self.tr("Anmälan av delegationsbeslut")
        dialog = self._ask_report(title, offer_all=True)
        if dialog is None:
            return
        board, first, last = dialog.choice()
        everything = dialog.include_reported.isChecked()
        documents = self.services.delegation_documents
        self._preview(
            lambda path: write_decisions_report(
                documents.decision_report(board, first, last, include_reported=everything),
                path,
                self.services.letterhead.letterhead(),
            ),
            title,
            file_name(
                self.tr("Delegationsbeslut"),
                dialog.board.currentText(),
                f"{first.isoformat()}–{last.isoformat()}",
                extension="pdf",
            ),
        )

    def _decision_register(self) -> None:
        from nacka_desktop.exports.registers.delegation import write_decision_register

        first, last = self._period()
        self._save_as(
            self.tr("Spara beslutsregistret"),
            file_name(
                self.tr("Delegationsbeslut"),
                f"{first.isoformat()}–{last.isoformat()}",
                extension="xlsx",
            ),
            lambda path, progress: write_decision_register(
                self.services.delegation_documents.decision_register(first, last), path, progress
            ),
        )

    def _new_decision(self) -> None:
        from nacka_desktop.domain.delegation.council_matters import recalls_in
        from nacka_desktop.domain.delegation.rights import orders_in_force

        if self.edits is None:
            return
        taken = recalls_in(self._orders, self.services.delegation.council_matters(), self.on)
        choices = [  # not what KF has taken back (DEL-4)
            (item_label(self._org, order, item, self.language), item)
            for order in orders_in_force(self._orders, self.on)
            for item in order.items
            if item.id not in taken
        ]
        dialog = DecisionDialog(
            self._org,
            choices,
            self.services.clock(),
            self,
            self.language,
            lambda item_id, on: self.services.delegation.who_view(item_id, None, on),
        )
        decisions, edits = self.services.delegated_decisions, self.edits

        def record() -> object:
            values, named = dialog.values(), dialog.named()
            return edits.edit(
                lambda _: QCoreApplication.translate("DecisionsTab", "Nytt delegationsbeslut"),
                lambda: decisions.record(*values, **named),  # type: ignore[arg-type]
                decisions.delete,
                lambda _old: decisions.record(*values, **named),  # type: ignore[arg-type]
            )

        edits.run_dialog(dialog, record)

    def _mark_reported(self) -> None:
        if self.edits is None:
            return
        rows = self.decisions_table.selectionModel().selectedRows()
        chosen = [self.decisions.row_at(r.row()).id for r in rows]
        if not chosen:
            return
        dialog = DateDialog(
            self.tr("Anmälda till nämnden"),
            self.tr("Datum för nämndens sammanträde där besluten anmäldes (DEL-11)."),
            self.tr("Anmälda"),
            self.services.clock(),
            self,
            self.language,
        )
        decisions, edits = self.services.delegated_decisions, self.edits

        def mark() -> object:
            day = dialog.date()
            return edits.edit(
                lambda _: QCoreApplication.translate("DecisionsTab", "Markera som anmälda"),
                lambda: decisions.mark_reported(chosen, day),
                decisions.restore_reported,
            )

        edits.run_dialog(dialog, mark)
