"""The Delegation window's tab "Fullmäktige": matters the boards referred to KF and matters KF
took back from a board (DEL-3, DEL-4), recorded, followed and undone."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from nacka_desktop.domain.delegation.council_matters import CouncilMatter, CouncilMatterKind
from nacka_desktop.domain.delegation.orders import DelegationItem
from nacka_desktop.domain.delegation.rights import orders_in_force
from nacka_desktop.domain.language import Language
from nacka_desktop.ui.delegation.common import MATTER_COLUMN, DelegationTab, fit_columns, make_table
from nacka_desktop.ui.delegation.council_dialog import CouncilMatterDialog
from nacka_desktop.ui.delegation.models import RowsModel
from nacka_desktop.ui.shell.edits import EXPECTED_REFUSALS

if TYPE_CHECKING:
    from nacka_desktop.ui.delegation.window import DelegationWindow
from nacka_desktop.ui.widgets.context_menus import menu_of_buttons


class CouncilTab(DelegationTab):
    """Referrals to KF and KF taking matters back, every board's, newest first."""

    def __init__(self, owner: DelegationWindow) -> None:
        super().__init__(owner)
        self.matters = RowsModel(
            [
                self.tr("Nämnd"),
                self.tr("Vad"),
                self.tr("Ärende"),
                self.tr("Beslutat"),
                self.tr("Läge"),
                self.tr("Diarienummer"),
                self.tr("Rättslig grund"),
            ],
            self,
        )
        self.table = make_table(self.matters)
        self.refer_button = QPushButton(self.tr("Hänskjut till fullmäktige…"))
        self.recall_button = QPushButton(self.tr("Fullmäktige återtar…"))
        self.change_button = QPushButton(self.tr("Ändra…"))
        self.change_button.setToolTip(
            self.tr("Till exempel när kommunstyrelsen berett ärendet eller fullmäktige beslutat.")
        )
        self.remove_button = QPushButton(self.tr("Ta bort"))
        self.edit_buttons = (
            self.refer_button,
            self.recall_button,
            self.change_button,
            self.remove_button,
        )
        row = QHBoxLayout()
        for button in self.edit_buttons:
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Ärenden av principiell beskaffenhet eller större vikt hänskjuts av nämnden "
                "till kommunfullmäktige, som kommunstyrelsen bereder (DEL-4). Fullmäktige kan "
                "återta det den har lämnat till en nämnd, men inte det som lagen anger att "
                "nämnden beslutar (DEL-3). Ett återtaget ärende beslutas inte längre på "
                "delegation."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        # Right-click on a row: the buttons that act on it.
        menu_of_buttons(self.table, [*self.edit_buttons])
        self.refer_button.clicked.connect(lambda: self._record(CouncilMatterKind.REFERRAL))
        self.recall_button.clicked.connect(lambda: self._record(CouncilMatterKind.RECALL))
        self.change_button.clicked.connect(self._change)
        self.remove_button.clicked.connect(self._remove)
        self.table.doubleClicked.connect(self._change)

    def refresh(self) -> None:
        matters = sorted(
            self.services.delegation.council_matters(),
            key=lambda m: (m.decided_on, m.id),
            reverse=True,
        )
        org = self._org

        def board(m: CouncilMatter) -> str:
            unit = org.units.get(m.board_unit_id)
            return unit.name if unit else "?"

        def decided(m: CouncilMatter) -> str:
            return f"{m.decided_on.isoformat()} {m.paragraph}".strip()

        self.matters.set_rows(
            matters,
            [
                board,
                lambda m: m.kind.label(self.language),
                lambda m: m.matter,
                decided,
                self._state,
                lambda m: m.case_number,
                lambda m: m.legal_basis.label(self.language),
            ],
        )
        fit_columns(self.table, widest=280, grow=MATTER_COLUMN)

    def _state(self, matter: CouncilMatter) -> str:
        if matter.kind is CouncilMatterKind.RECALL:
            return self.tr("Beslutas av fullmäktige från {day}").format(
                day=matter.decided_on.isoformat()
            )
        if matter.council_decided_on is not None:
            return self.tr("Avgjort av fullmäktige {day} {paragraph}").format(
                day=matter.council_decided_on.isoformat(), paragraph=matter.council_paragraph
            )
        if matter.prepared_on is not None:
            return self.tr("Berett av kommunstyrelsen {day}; väntar på fullmäktige").format(
                day=matter.prepared_on.isoformat()
            )
        return self.tr("Hos kommunstyrelsen för beredning")

    def select_matter(self, matter_id: int) -> None:
        row = next(
            (r for r in range(self.matters.rowCount()) if self.matters.row_at(r).id == matter_id),
            None,
        )
        if row is not None:
            self.table.selectRow(row)

    def _selected(self) -> CouncilMatter | None:
        rows = self.table.selectionModel().selectedRows()
        return self.matters.row_at(rows[0].row()) if rows else None

    def _items_of_boards(self, matter: CouncilMatter | None) -> dict[int, list[DelegationItem]]:
        """The items of each board's order in force, and the item a matter already names
        (which a later version may have left out)."""
        items = {o.board_unit_id: list(o.items) for o in orders_in_force(self._orders, self.on)}
        if matter is not None and matter.item_id is not None:
            own = items.setdefault(matter.board_unit_id, [])
            if all(i.id != matter.item_id for i in own):
                own += [i for o in self._orders for i in o.items if i.id == matter.item_id]
        return items

    def _dialog(
        self, kind: CouncilMatterKind, matter: CouncilMatter | None = None
    ) -> CouncilMatterDialog:
        board = self.owner.order_tab.board_combo.currentData()
        return CouncilMatterDialog(
            self._org,
            kind,
            board,
            self._items_of_boards(matter),
            self.on,
            self,
            self.language,
            matter,
        )

    def _record(self, kind: CouncilMatterKind) -> None:
        if self.edits is None:
            return
        dialog = self._dialog(kind)
        service, edits = self.services.council_matters, self.edits

        def name(_language: Language) -> str:
            # the dialog's title, under the dialog's context
            if kind is CouncilMatterKind.REFERRAL:
                return QCoreApplication.translate(
                    "CouncilMatterDialog", "Hänskjut ärende till fullmäktige"
                )
            return QCoreApplication.translate("CouncilMatterDialog", "Fullmäktige återtar ärende")

        def record() -> object:
            matter = dialog.council_matter()
            return edits.edit(
                name,
                lambda: service.record(matter),
                service.delete,
                lambda matter_id: service.record(matter, matter_id),
            )

        edits.run_dialog(dialog, record)

    def _change(self) -> None:
        chosen = self._selected()
        if self.edits is None or chosen is None:
            return
        dialog = self._dialog(chosen.kind, chosen)
        service, edits = self.services.council_matters, self.edits

        def change() -> object:
            matter = dialog.council_matter()
            return edits.edit(
                lambda _: QCoreApplication.translate("CouncilTab", "Ändra ärende hos fullmäktige"),
                lambda: service.update(chosen.id, matter, loaded=chosen),
                lambda previous: service.update(chosen.id, previous),
                lambda _previous: service.update(chosen.id, matter),
            )

        edits.run_dialog(dialog, change)

    def _remove(self) -> None:
        chosen = self._selected()
        if self.edits is None or chosen is None:
            return
        service = self.services.council_matters
        try:
            self.edits.edit(
                lambda _: QCoreApplication.translate(
                    "CouncilTab", "Ta bort ärende hos fullmäktige"
                ),
                lambda: service.delete(chosen.id),
                lambda previous: service.record(previous, chosen.id),
                lambda _previous: service.delete(chosen.id),
            )
        except EXPECTED_REFUSALS as error:
            self.edits.report(error)
