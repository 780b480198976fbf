"""The Delegation window: a board's delegationsordning (filterable, version against version),
"who may decide", the log of delegated decisions, and the matters between the boards and KF,
one tab each."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QTabWidget, QVBoxLayout, QWidget

from nacka_desktop.domain.delegation.orders import DelegationOrder
from nacka_desktop.domain.language import Language
from nacka_desktop.domain.records import OrgSnapshot
from nacka_desktop.domain.rules import ObjectKind
from nacka_desktop.services.context import Services
from nacka_desktop.ui.delegation.council_tab import CouncilTab
from nacka_desktop.ui.delegation.decisions_tab import DecisionsTab
from nacka_desktop.ui.delegation.order_tab import OrderTab
from nacka_desktop.ui.delegation.rights_tab import RightsTab
from nacka_desktop.ui.shell.edits import EditRunner


class DelegationWindow(QDialog):
    def __init__(
        self,
        services: Services,
        on: date,
        language: Language,
        parent: QWidget | None = None,
        edits: EditRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Delegation"))
        self.edits = edits
        self.services = services
        self.on = on
        self.language = language
        self.resize(1100, 700)
        self.org: OrgSnapshot = services.queries.snapshot(on)
        self.orders: list[DelegationOrder] = []
        self.order_tab = OrderTab(self)
        self.rights_tab = RightsTab(self)
        self.decisions_tab = DecisionsTab(self)
        self.council_tab = CouncilTab(self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.order_tab, self.tr("Delegationsordning"))
        self.tabs.addTab(self.rights_tab, self.tr("Vem får besluta?"))
        self.tabs.addTab(self.decisions_tab, self.tr("Delegationsbeslut"))
        self.tabs.addTab(self.council_tab, self.tr("Fullmäktige"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        if edits is not None:  # undo and redo, here or in the main window, show here too
            edits.stack.indexChanged.connect(self.reload)
            edits.staleRefused.connect(self.reload)
        editing = (
            *self.order_tab.edit_buttons,
            *self.order_tab.setting_buttons,
            self.decisions_tab.new_decision_button,
            self.decisions_tab.reported_button,
            self.decisions_tab.recorded_button,
            self.decisions_tab.appealable_button,
            *self.council_tab.edit_buttons,
        )
        for button in editing:
            button.setEnabled(edits is not None)
        # An import is not undone like an edit, but it writes: not into a read-only file.
        self.order_tab.import_button.setEnabled(not services.database.read_only)
        self.reload()

    def reload(self) -> None:
        self.org = self.services.queries.snapshot(self.on)
        self.orders = self.services.delegation.orders()
        for tab in (self.order_tab, self.rights_tab, self.decisions_tab, self.council_tab):
            tab.refresh()

    def select_person(self, person_id: int) -> None:
        self.rights_tab.select_person(person_id)

    def show_object(self, kind: str, object_id: int) -> bool:
        """Open the tab and row a problem points at; False for what is not shown here."""
        if kind == ObjectKind.DELEGATION_ORDER.value:
            self.tabs.setCurrentWidget(self.order_tab)
            self.order_tab.select_item(object_id)
        elif kind in (ObjectKind.DELEGATION_ITEM.value, ObjectKind.SUBDELEGATION.value):
            item_id = object_id
            if kind == ObjectKind.SUBDELEGATION.value:
                sub = next(
                    (s for s in self.services.delegation.subdelegations() if s.id == object_id),
                    None,
                )
                item_id = sub.item_id if sub else 0
            order = next((o for o in self.orders if any(i.id == item_id for i in o.items)), None)
            if order is None:
                return False
            self.tabs.setCurrentWidget(self.order_tab)
            self.order_tab.select_item(order.id, item_id)
        elif kind == ObjectKind.DELEGATED_DECISION.value:
            self.tabs.setCurrentWidget(self.decisions_tab)
            self.decisions_tab.select_decision(object_id)
        elif kind == ObjectKind.COUNCIL_MATTER.value:
            self.tabs.setCurrentWidget(self.council_tab)
            self.council_tab.select_matter(object_id)
        else:
            return False
        return True

    def _stop_listening(self) -> None:
        """The undo stack outlives this window: let go of it when the window goes, however it
        goes (closed, or Escape and Stäng, which end a dialog without a closeEvent)."""
        edits, self.edits = self.edits, None
        if edits is not None:
            edits.stack.indexChanged.disconnect(self.reload)
            edits.staleRefused.disconnect(self.reload)

    def done(self, result: int) -> None:
        self._stop_listening()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._stop_listening()
        super().closeEvent(event)
