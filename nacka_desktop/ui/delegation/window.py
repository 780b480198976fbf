"""The Delegation window: a board's delegationsordning (filterable, version against version),
"who may decide", the log of delegated decisions, and the matters between the boards and KF,
one tab each."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nacka_desktop.domain.delegation.orders import DelegationOrder
from nacka_desktop.domain.language import Language
from nacka_desktop.domain.records import OrgSnapshot
from nacka_desktop.domain.rules import ObjectKind
from nacka_desktop.services.context import Services
from nacka_desktop.ui.delegation.council_tab import CouncilTab
from nacka_desktop.ui.delegation.decisions_tab import DecisionsTab
from nacka_desktop.ui.delegation.order_tab import OrderTab
from nacka_desktop.ui.delegation.rights_tab import RightsTab
from nacka_desktop.ui.help.links import show_help
from nacka_desktop.ui.shell.edits import EditRunner
from nacka_desktop.ui.shell.settings import Settings
from nacka_desktop.ui.widgets.dialogs import open_with_input_focus


class DelegationWindow(QDialog):
    def __init__(
        self,
        services: Services,
        on: date,
        language: Language,
        parent: QWidget | None = None,
        edits: EditRunner | None = None,
        settings: Settings | None = None,
        follows: QUndoStack | None = None,
    ) -> None:
        """`follows`: the main window's undo history, whose steps (a unit renamed, a manager
        appointed) change what this window shows."""
        super().__init__(parent)
        open_with_input_focus(self)
        self.setWindowTitle(self.tr("Delegation"))
        self.edits = edits
        self.follows = follows
        if follows is not None:
            follows.indexChanged.connect(self.reload)
        self.settings = settings  # where a signing card's module is remembered
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
        QShortcut(QKeySequence.StandardKey.HelpContents, self, self.show_help)
        # This window's own undo history (Ctrl+Z here undoes what was done here), its next
        # step named on the buttons: "Ångra Nytt delegationsbeslut".
        self.undo_action: QAction | None = None
        self.redo_action: QAction | None = None
        if edits is not None:
            edits.stack.indexChanged.connect(self.reload)
            edits.staleRefused.connect(self.reload)
            self._add_undo(edits)
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

    def _add_undo(self, edits: EditRunner) -> None:
        self.undo_action = edits.stack.createUndoAction(self, self.tr("Ångra"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = edits.stack.createRedoAction(self, self.tr("Gör om"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        corner = QWidget()
        row = QHBoxLayout(corner)
        row.setContentsMargins(0, 0, 0, 2)
        for action in (self.undo_action, self.redo_action):
            self.addAction(action)  # the shortcut works anywhere in the window
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            row.addWidget(button)
        self.tabs.setCornerWidget(corner, Qt.Corner.TopRightCorner)

    def show_help(self) -> None:
        """F1: the guide's page for the tab shown."""
        page = "delegation-letter.md" if self.tabs.currentWidget() is self.rights_tab else ""
        show_help(self, page or "delegation-order.md", self.language)

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
        follows, self.follows = self.follows, None
        if follows is not None:
            follows.indexChanged.disconnect(self.reload)

    def done(self, result: int) -> None:
        self._stop_listening()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._stop_listening()
        super().closeEvent(event)
