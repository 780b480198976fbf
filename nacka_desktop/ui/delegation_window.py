"""The Delegation window: a board's delegationsordning (filterable, version against version),
"who may decide" for a person, and the log of delegated decisions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from nacka_desktop.domain.delegation import DelegationItem, DelegationOrder, OrderStatus
from nacka_desktop.domain.delegation_compare import compare_orders
from nacka_desktop.domain.enums import UnitKind
from nacka_desktop.domain.records import swedish_sort_key
from nacka_desktop.services.context import Services

from .delegation_dialogs import AdoptDialog, DecisionDialog, ItemDialog, SubdelegationDialog
from .delegation_models import (
    SECTION_ROLE,
    ComparisonModel,
    DecisionsModel,
    ItemsModel,
    RightsModel,
)
from .dialogs import DateDialog
from .edits import EditRunner
from .fields import searchable_combo


def _table(
    model: QSortFilterProxyModel | ItemsModel | ComparisonModel | RightsModel | DecisionsModel,
) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(24)
    table.setWordWrap(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    return table


MAX_COLUMN_WIDTH = 320


def _fit_columns(table: QTableView) -> None:
    """Columns as wide as their content, but no single one pushing the rest off screen."""
    table.resizeColumnsToContents()
    header = table.horizontalHeader()
    for column in range(header.count()):
        if header.sectionSize(column) > MAX_COLUMN_WIDTH:
            header.resizeSection(column, MAX_COLUMN_WIDTH)


def _date_edit(value: date) -> QDateEdit:
    edit = QDateEdit(QDate(value))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class SectionFilter(QSortFilterProxyModel):
    """Free text over every column, and optionally one section."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = ""
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)

    def set_section(self, section: str) -> None:
        self.beginFilterChange()
        self.section = section
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        source = self.sourceModel()
        if self.section and source.index(row, 0).data(SECTION_ROLE) != self.section:
            return False
        return super().filterAcceptsRow(row, parent)


class DelegationWindow(QDialog):
    def __init__(
        self,
        services: Services,
        on: date,
        english: bool,
        parent: QWidget | None = None,
        edits: EditRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Delegation"))
        self.edits = edits
        self.services = services
        self.on = on
        self.english = english
        self.resize(1100, 700)
        self._orders: list[DelegationOrder] = []
        tabs = QTabWidget()
        tabs.addTab(self._order_tab(), self.tr("Delegationsordning"))
        tabs.addTab(self._rights_tab(), self.tr("Vem får besluta?"))
        tabs.addTab(self._decisions_tab(), self.tr("Delegationsbeslut"))
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        if edits is not None:  # undo and redo, here or in the main window, show here too
            edits.stack.indexChanged.connect(self.reload)
        for button in (*self.edit_buttons, self.new_decision_button, self.reported_button):
            button.setEnabled(edits is not None)
        self.reload()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.edits is not None:
            self.edits.stack.indexChanged.disconnect(self.reload)
        super().closeEvent(event)

    # -- the order ------------------------------------------------------------------------
    def _order_tab(self) -> QWidget:
        self.board_combo = QComboBox()
        self.version_combo = QComboBox()
        self.compare_combo = QComboBox()
        self.section_combo = QComboBox()
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filtrera: ärende, delegat, lagrum…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.items = ItemsModel(
            [
                self.tr("Avsnitt"),
                self.tr("Nr"),
                self.tr("Ärende"),
                self.tr("Beslutstyp"),
                self.tr("Delegat"),
                self.tr("Ersättare"),
                self.tr("Lagrum"),
                self.tr("Begränsningar"),
                self.tr("Vidaredelegation"),
                self.tr("Anmäls"),
            ],
            self,
        )
        self.filtered = SectionFilter(self)
        self.filtered.setSourceModel(self.items)
        self.items_table = _table(self.filtered)
        self.comparison = ComparisonModel(
            [self.tr("Ändring"), self.tr("Nr"), self.tr("Före"), self.tr("Efter"), self.tr("Fält")],
            self,
        )
        self.comparison_table = _table(self.comparison)
        self.comparison_label = QLabel()
        self.letter_button = QPushButton(self.tr("Delegationsordningen (PDF)…"))
        self.register_button = QPushButton(self.tr("Register (Excel)…"))
        self.template_button = QPushButton(self.tr("Importmall (Excel)…"))
        self.import_button = QPushButton(self.tr("Importera…"))
        self.new_item_button = QPushButton(self.tr("Ny punkt…"))
        self.edit_item_button = QPushButton(self.tr("Ändra punkt…"))
        self.delete_item_button = QPushButton(self.tr("Ta bort punkt"))
        self.new_version_button = QPushButton(self.tr("Ny version (kopia)"))
        self.adopt_button = QPushButton(self.tr("Anta…"))
        self.subdelegate_button = QPushButton(self.tr("Vidaredelegera…"))
        self.edit_buttons = (
            self.new_item_button,
            self.edit_item_button,
            self.delete_item_button,
            self.new_version_button,
            self.adopt_button,
            self.subdelegate_button,
        )

        top = QHBoxLayout()
        for label, widget in (
            (self.tr("Nämnd"), self.board_combo),
            (self.tr("Version"), self.version_combo),
            (self.tr("Avsnitt"), self.section_combo),
        ):
            top.addWidget(QLabel(label))
            top.addWidget(widget, 1)
        top.addWidget(self.filter_edit, 2)
        compare_row = QHBoxLayout()
        compare_row.addWidget(QLabel(self.tr("Jämför med")))
        compare_row.addWidget(self.compare_combo, 1)
        compare_row.addWidget(self.comparison_label, 2)
        editing = QHBoxLayout()
        for button in self.edit_buttons:
            editing.addWidget(button)
        editing.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.template_button)
        buttons.addStretch(1)
        buttons.addWidget(self.register_button)
        buttons.addWidget(self.letter_button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(self.items_table, 3)
        layout.addLayout(editing)
        layout.addLayout(compare_row)
        layout.addWidget(self.comparison_table, 1)
        layout.addLayout(buttons)

        self.board_combo.currentIndexChanged.connect(self._fill_versions)
        self.version_combo.currentIndexChanged.connect(self._show_version)
        self.compare_combo.currentIndexChanged.connect(self._show_comparison)
        self.section_combo.currentIndexChanged.connect(
            lambda: self.filtered.set_section(self.section_combo.currentData() or "")
        )
        self.filter_edit.textChanged.connect(self.filtered.setFilterFixedString)
        self.letter_button.clicked.connect(self._order_letter)
        self.register_button.clicked.connect(self._register)
        self.template_button.clicked.connect(self._template)
        self.import_button.clicked.connect(self._import)
        self.new_item_button.clicked.connect(self._new_item)
        self.edit_item_button.clicked.connect(self._edit_item)
        self.items_table.doubleClicked.connect(self._edit_item)
        self.delete_item_button.clicked.connect(self._delete_item)
        self.new_version_button.clicked.connect(self._new_version)
        self.adopt_button.clicked.connect(self._adopt)
        self.subdelegate_button.clicked.connect(self._subdelegate)
        return page

    def reload(self) -> None:
        snapshot = self.services.queries.snapshot()
        self._org = snapshot
        self._orders = self.services.delegation.orders()
        current = self.board_combo.currentData()
        self.board_combo.blockSignals(True)
        self.board_combo.clear()
        boards = [
            u
            for u in snapshot.units.values()
            if u.kind in (UnitKind.BOARD, UnitKind.EXECUTIVE_BOARD) and u.is_valid_on(self.on)
        ]
        for unit in sorted(
            boards, key=lambda u: (u.kind is not UnitKind.EXECUTIVE_BOARD, swedish_sort_key(u.name))
        ):
            self.board_combo.addItem(unit.name, unit.id)
        self.board_combo.blockSignals(False)
        index = self.board_combo.findData(current)
        self.board_combo.setCurrentIndex(max(index, 0))
        version = self.version_combo.currentData()
        self._fill_versions()
        if version is not None and self.version_combo.findData(version) >= 0:
            self.version_combo.setCurrentIndex(self.version_combo.findData(version))
        self._fill_people()
        self._fill_matters()
        self._show_decisions()

    def _versions(self) -> list[DelegationOrder]:
        board = self.board_combo.currentData()
        return sorted(
            (o for o in self._orders if o.board_unit_id == board),
            key=lambda o: (o.adopted_on or date.max, o.id),
            reverse=True,
        )

    def _version_label(self, order: DelegationOrder) -> str:
        status = order.status.value if self.english else order.status.label_sv
        if order.adopted_on is None:
            return self.tr("{status} (nr {id})").format(status=status, id=order.id)
        return f"{status} {order.adopted_on.isoformat()} {order.paragraph}".strip()

    def _fill_versions(self) -> None:
        for combo in (self.version_combo, self.compare_combo):
            combo.blockSignals(True)
            combo.clear()
        self.compare_combo.addItem(self.tr("(ingen jämförelse)"), None)
        versions = self._versions()
        for order in versions:
            self.version_combo.addItem(self._version_label(order), order.id)
            self.compare_combo.addItem(self._version_label(order), order.id)
        in_force = next((o for o in versions if o.status is OrderStatus.ADOPTED), None)
        self.version_combo.setCurrentIndex(
            max(self.version_combo.findData(in_force.id if in_force else None), 0)
        )
        for combo in (self.version_combo, self.compare_combo):
            combo.blockSignals(False)
        self._show_version()

    def _order(self, order_id: object) -> DelegationOrder | None:
        return next((o for o in self._orders if o.id == order_id), None)

    def _show_version(self) -> None:
        order = self._order(self.version_combo.currentData())
        items = list(order.items) if order else []
        self.items.show(items, self._org, self.english, self.tr("Ja"), self.tr("Nej"))
        self.section_combo.blockSignals(True)
        self.section_combo.clear()
        self.section_combo.addItem(self.tr("Alla avsnitt"), "")
        for section in dict.fromkeys(i.section for i in items if i.section):
            self.section_combo.addItem(section, section)
        self.section_combo.blockSignals(False)
        self.filtered.set_section("")
        _fit_columns(self.items_table)
        self.letter_button.setEnabled(order is not None)
        self._show_comparison()

    def _show_comparison(self) -> None:
        new = self._order(self.version_combo.currentData())
        old = self._order(self.compare_combo.currentData())
        changes = compare_orders(old, new) if old and new else []
        self.comparison.show(changes, self._org, self.english)
        _fit_columns(self.comparison_table)
        if old and new:
            self.comparison_label.setText(
                self.tr("{n} ändringar").format(n=len(changes))
                if changes
                else self.tr("Inga skillnader")
            )
        else:
            self.comparison_label.setText("")

    # -- who may decide -------------------------------------------------------------------
    def _rights_tab(self) -> QWidget:
        self.person_combo = searchable_combo()
        self.rights_date = _date_edit(self.on)
        self.rights = RightsModel(
            [
                self.tr("Nämnd"),
                self.tr("Nr"),
                self.tr("Ärende"),
                self.tr("Beslutar"),
                self.tr("Hur"),
                self.tr("Begränsningar"),
            ],
            self,
        )
        self.rights_table = _table(self.rights)
        self.delegate_letter_button = QPushButton(self.tr("Delegeringsbrev (PDF)…"))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Person")))
        row.addWidget(self.person_combo, 2)
        row.addWidget(QLabel(self.tr("Datum")))
        row.addWidget(self.rights_date)
        row.addStretch(1)
        row.addWidget(self.delegate_letter_button)
        self.matter_combo = searchable_combo()
        self.unit_combo = searchable_combo()
        self.holders = RightsModel(
            [
                self.tr("Nämnd"),
                self.tr("Nr"),
                self.tr("Ärende"),
                self.tr("Beslutar"),
                self.tr("Hur"),
                self.tr("Begränsningar"),
            ],
            self,
        )
        self.holders_table = _table(self.holders)
        matter_row = QHBoxLayout()
        matter_row.addWidget(QLabel(self.tr("Ärende")))
        matter_row.addWidget(self.matter_combo, 3)
        matter_row.addWidget(QLabel(self.tr("i enhet")))
        matter_row.addWidget(self.unit_combo, 2)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(
            QLabel(
                self.tr(
                    "<b>Vad får en person besluta?</b> Som delegat, som ersättare, som chef "
                    "för delegaten eller direkt enligt lag."
                )
            )
        )
        layout.addLayout(row)
        layout.addWidget(self.rights_table, 1)
        layout.addWidget(QLabel(self.tr("<b>Vem får besluta i ett ärende?</b>")))
        layout.addLayout(matter_row)
        layout.addWidget(self.holders_table, 1)
        self.matter_combo.currentIndexChanged.connect(self._show_holders)
        self.unit_combo.currentIndexChanged.connect(self._show_holders)
        self.person_combo.currentIndexChanged.connect(self._show_rights)
        self.rights_date.dateChanged.connect(self._show_rights)
        self.delegate_letter_button.clicked.connect(self._delegate_letter)
        return page

    def _fill_matters(self) -> None:
        """Every item of the orders in force today, and every unit, to search among."""
        from nacka_desktop.domain.delegation_rights import orders_in_force

        for combo in (self.matter_combo, self.unit_combo):
            combo.blockSignals(True)
            combo.clear()
        for order in orders_in_force(self._orders, self.on):
            board = self._org.units[order.board_unit_id].name
            for item in order.items:
                self.matter_combo.addItem(f"{item.matter} ({board} {item.number})", item.id)
        self.unit_combo.addItem(self.tr("(hela organisationen)"), None)
        for unit in sorted(self._org.units.values(), key=lambda u: swedish_sort_key(u.name)):
            if not unit.kind.is_political and unit.is_valid_on(self.on):
                self.unit_combo.addItem(f"{unit.name} ({unit.code})", unit.id)
        self.matter_combo.setCurrentIndex(-1)
        for combo in (self.matter_combo, self.unit_combo):
            combo.blockSignals(False)
        self._show_holders()

    def _show_holders(self) -> None:
        item = self.matter_combo.currentData()
        unit = self.unit_combo.currentData()
        holders = self.services.delegation.who_may_decide(int(item), unit, self.on) if item else []
        self.holders.show(holders, self._org, self.english)
        _fit_columns(self.holders_table)

    def _fill_people(self) -> None:
        current = self.person_combo.currentData()
        self.person_combo.blockSignals(True)
        self.person_combo.clear()
        for person in sorted(
            self._org.persons.values(),
            key=lambda p: swedish_sort_key(f"{p.last_name} {p.first_name}"),
        ):
            self.person_combo.addItem(
                f"{person.last_name}, {person.first_name} – {person.title}", person.id
            )
        self.person_combo.setCurrentIndex(self.person_combo.findData(current))
        self.person_combo.blockSignals(False)
        self._show_rights()

    def select_person(self, person_id: int) -> None:
        self.person_combo.setCurrentIndex(self.person_combo.findData(person_id))

    def _show_rights(self) -> None:
        person = self.person_combo.currentData()
        on = self.rights_date.date().toPython()
        assert isinstance(on, date)
        rights = self.services.delegation.rights_of_person(int(person), on) if person else []
        self.rights.show(rights, self._org, self.english)
        _fit_columns(self.rights_table)
        self.delegate_letter_button.setEnabled(person is not None)

    # -- decisions ------------------------------------------------------------------------
    def _decisions_tab(self) -> QWidget:
        self.first_date = _date_edit(date(self.on.year, 1, 1))
        self.last_date = _date_edit(self.on)
        self.decisions = DecisionsModel(
            [
                self.tr("Datum"),
                self.tr("Nämnd"),
                self.tr("Nr"),
                self.tr("Ärende"),
                self.tr("Beslut"),
                self.tr("Beslutsfattare"),
                self.tr("Diarienummer"),
                self.tr("Anmält"),
            ],
            self,
        )
        self.decisions_table = _table(self.decisions)
        self.report_button = QPushButton(self.tr("Anmälan till nämnden (PDF)…"))
        self.decision_register_button = QPushButton(self.tr("Beslutsregister (Excel)…"))
        self.new_decision_button = QPushButton(self.tr("Nytt beslut…"))
        self.reported_button = QPushButton(self.tr("Markera som anmälda…"))
        self.decisions_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        row = QHBoxLayout()
        row.addWidget(self.new_decision_button)
        row.addWidget(self.reported_button)
        row.addWidget(QLabel(self.tr("Från")))
        row.addWidget(self.first_date)
        row.addWidget(QLabel(self.tr("till")))
        row.addWidget(self.last_date)
        row.addStretch(1)
        row.addWidget(self.decision_register_button)
        row.addWidget(self.report_button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(row)
        layout.addWidget(self.decisions_table, 1)
        self.first_date.dateChanged.connect(self._show_decisions)
        self.last_date.dateChanged.connect(self._show_decisions)
        self.report_button.clicked.connect(self._decisions_report)
        self.decision_register_button.clicked.connect(self._decision_register)
        self.new_decision_button.clicked.connect(self._new_decision)
        self.reported_button.clicked.connect(self._mark_reported)
        return page

    def _period(self) -> tuple[date, date]:
        first, last = self.first_date.date().toPython(), self.last_date.date().toPython()
        assert isinstance(first, date) and isinstance(last, date)
        return first, last

    def _show_decisions(self) -> None:
        first, last = self._period()
        self.decisions.show(self.services.delegation.decisions(first, last), self._org)
        _fit_columns(self.decisions_table)

    # -- documents ------------------------------------------------------------------------
    def _preview(self, write: Callable[[Path], None], title: str, name: str) -> None:
        from .pdf_preview import preview_pdf

        preview_pdf(self, write, title, name)

    def _order_letter(self) -> None:
        from nacka_desktop.exports.delegation_letters import write_order_letter

        order_id = self.version_combo.currentData()
        if order_id is not None:
            self._preview(
                lambda path: write_order_letter(self.services, int(order_id), path),
                self.tr("Delegationsordning"),
                f"delegationsordning-{order_id}.pdf",
            )

    def _delegate_letter(self) -> None:
        from nacka_desktop.exports.delegation_letters import write_delegate_letter

        person = self.person_combo.currentData()
        on = self.rights_date.date().toPython()
        assert isinstance(on, date)
        if person is not None:
            self._preview(
                lambda path: write_delegate_letter(self.services, int(person), on, path),
                self.tr("Delegeringsbrev"),
                f"delegeringsbrev-{person}.pdf",
            )

    def _decisions_report(self) -> None:
        from nacka_desktop.exports.delegation_letters import write_decisions_report

        board = self.board_combo.currentData()
        first, last = self._period()
        if board is not None:
            self._preview(
                lambda path: write_decisions_report(self.services, int(board), first, last, path),
                self.tr("Anmälan av delegationsbeslut"),
                f"delegationsbeslut-{first}-{last}.pdf",
            )

    def _save_as(self, title: str, name: str, write: Callable[[Path], None]) -> None:
        target, _ = QFileDialog.getSaveFileName(self, title, name, self.tr("Excel (*.xlsx)"))
        if not target:
            return
        try:
            write(Path(target))
        except OSError as error:
            QMessageBox.warning(self, title, str(error))

    def _register(self) -> None:
        from nacka_desktop.exports.delegation_registers import write_delegation_register

        self._save_as(
            self.tr("Spara delegationsregistret"),
            f"delegationsregister-{self.on.isoformat()}.xlsx",
            lambda path: write_delegation_register(self.services, self.on, path),
        )

    def _decision_register(self) -> None:
        from nacka_desktop.exports.delegation_registers import write_decision_register

        first, last = self._period()
        self._save_as(
            self.tr("Spara beslutsregistret"),
            f"delegationsbeslut-{first}-{last}.xlsx",
            lambda path: write_decision_register(self.services, first, last, path),
        )

    def _template(self) -> None:
        from nacka_desktop.exports.delegation_registers import write_delegation_template

        self._save_as(
            self.tr("Spara importmallen"), "delegationsordning-mall.xlsx", write_delegation_template
        )

    def _import(self) -> None:
        from nacka_desktop.imports.delegations import import_delegations

        board = self.board_combo.currentData()
        if board is None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Importera delegationsordning"), "", self.tr("Excel (*.xlsx)")
        )
        if not path:
            return
        result = import_delegations(self.services, Path(path), int(board))
        text = "\n".join(result.report_lines())
        if result.ok:
            QMessageBox.information(self, self.tr("Importerad som utkast"), text)
            self.reload()
        else:
            QMessageBox.warning(self, self.tr("Inget importerades"), text)

    # -- editing --------------------------------------------------------------------------
    def _current_order(self) -> DelegationOrder | None:
        return self._order(self.version_combo.currentData())

    def _selected_item(self) -> DelegationItem | None:
        rows = self.items_table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.items.row_at(self.filtered.mapToSource(rows[0]).row())
        return item if isinstance(item, DelegationItem) else None

    def _new_item(self) -> None:
        order = self._current_order()
        if order is None or self.edits is None:
            return
        dialog = ItemDialog(self._org, order.board_unit_id, None, self, self.english)
        orders, edits = self.services.delegation_orders, self.edits

        def add() -> object:
            item = dialog.item()
            return edits.edit(
                self.tr("Ny punkt {number}").format(number=item.number),
                lambda: orders.add_item(order.id, item),
                lambda item_id: orders.delete_item(item_id),
                lambda item_id: orders.add_item(order.id, item, item_id=item_id),
            )

        edits.run_dialog(dialog, add)

    def _edit_item(self) -> None:
        order, item = self._current_order(), self._selected_item()
        if order is None or item is None or self.edits is None:
            return
        dialog = ItemDialog(self._org, order.board_unit_id, item, self, self.english)
        orders, edits = self.services.delegation_orders, self.edits

        def change() -> object:
            changed = dialog.item()
            return edits.edit(
                self.tr("Ändra punkt {number}").format(number=changed.number),
                lambda: orders.update_item(item.id, changed),
                lambda previous: orders.update_item(item.id, previous),
            )

        edits.run_dialog(dialog, change)

    def _delete_item(self) -> None:
        item = self._selected_item()
        if item is None or self.edits is None:
            return
        orders, edits = self.services.delegation_orders, self.edits
        edits.attempt(
            lambda: edits.edit(
                self.tr("Ta bort punkt {number}").format(number=item.number),
                lambda: orders.delete_item(item.id),
                lambda removed: orders.add_item(
                    removed[0], removed[1], item_id=item.id, position=removed[2]
                ),
            )
        )

    def _new_version(self) -> None:
        order = self._current_order()
        if order is None or self.edits is None:
            return
        orders, edits = self.services.delegation_orders, self.edits
        edits.attempt(
            lambda: edits.edit(
                self.tr("Ny version av delegationsordningen"),
                lambda: orders.create_order(order.board_unit_id, list(order.items)),
                orders.delete_draft,
                lambda made: orders.create_order(
                    order.board_unit_id, list(order.items), order_id=made
                ),
            )
        )
        drafts = [o for o in self._versions() if o.status is OrderStatus.DRAFT]
        if drafts:
            self.version_combo.setCurrentIndex(self.version_combo.findData(drafts[0].id))

    def _adopt(self) -> None:
        order = self._current_order()
        if order is None or self.edits is None:
            return
        dialog = AdoptDialog(self.services.clock(), self, self.english)
        orders, edits = self.services.delegation_orders, self.edits

        def adopt() -> object:
            day = dialog.adopted_on.date()
            paragraph = dialog.paragraph.text().strip()
            assert day is not None
            return edits.edit(
                self.tr("Anta delegationsordningen"),
                lambda: orders.adopt(order.id, day, paragraph),
                lambda superseded: orders.unadopt(order.id, superseded),
            )

        edits.run_dialog(dialog, adopt)

    def _new_decision(self) -> None:
        from nacka_desktop.domain.delegation_rights import orders_in_force

        if self.edits is None:
            return
        choices = [
            (f"{item.matter} ({self._org.units[order.board_unit_id].name} {item.number})", item)
            for order in orders_in_force(self._orders, self.on)
            for item in order.items
        ]
        dialog = DecisionDialog(self._org, choices, self.services.clock(), self, self.english)
        decisions, edits = self.services.delegated_decisions, self.edits

        def record() -> object:
            values = dialog.values()
            return edits.edit(
                self.tr("Nytt delegationsbeslut"),
                lambda: decisions.record(*values),
                decisions.delete,
                lambda _old: decisions.record(*values),
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
            self.english,
        )
        decisions, edits = self.services.delegated_decisions, self.edits

        def mark() -> object:
            day = dialog.date()
            return edits.edit(
                self.tr("Markera som anmälda"),
                lambda: decisions.mark_reported(chosen, day),
                decisions.restore_reported,
            )

        edits.run_dialog(dialog, mark)

    def _subdelegate(self) -> None:
        order, item = self._current_order(), self._selected_item()
        if order is None or item is None or self.edits is None:
            return
        today = self.services.clock()
        givers = [
            (
                r.appointment.id,
                f"{self._org.person_label(r.appointment.person_id)} ({r.via.label_sv})",
            )
            for r in self.services.delegation.who_may_decide(item.id, None, today)
            if r.via.value == "delegate"
        ]
        dialog = SubdelegationDialog(
            self._org, order.board_unit_id, item, givers, today, self, self.english
        )
        orders, edits = self.services.delegation_orders, self.edits

        def passed_on() -> object:
            to = dialog.to.delegate()
            day, end = dialog.valid_from.date(), dialog.valid_to.date()
            giver = int(dialog.giver.currentData())
            assert to is not None and day is not None
            return edits.edit(
                self.tr("Vidaredelegera punkt {number}").format(number=item.number),
                lambda: orders.subdelegate(item.id, giver, to, day, end),
                orders.delete_subdelegation,
                lambda made: orders.subdelegate(
                    item.id, giver, to, day, end, subdelegation_id=made
                ),
            )

        edits.run_dialog(dialog, passed_on)
