"""The Delegation window's first tab: a board's delegationsordning, version by version."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from nacka_desktop.domain.delegation.compare import compare_orders
from nacka_desktop.domain.delegation.council_matters import recalls_in
from nacka_desktop.domain.delegation.orders import (
    BoardSetting,
    DelegationItem,
    DelegationOrder,
    OrderStatus,
    head_label,
)
from nacka_desktop.domain.enums import UnitKind
from nacka_desktop.domain.labels import appointment_label
from nacka_desktop.domain.records import swedish_sort_key
from nacka_desktop.exports.file_names import file_name
from nacka_desktop.ui.delegation.common import (
    MATTER_COLUMN,
    DelegationTab,
    SectionFilter,
    fit_columns,
    make_table,
)
from nacka_desktop.ui.delegation.dialogs import (
    AdoptDialog,
    BoardSettingDialog,
    ItemDialog,
    SubdelegationDialog,
)
from nacka_desktop.ui.delegation.models import ComparisonModel, ItemsModel
from nacka_desktop.ui.shell.background import report_failure, run_in_background
from nacka_desktop.ui.widgets.context_menus import menu_of_buttons
from nacka_desktop.ui.widgets.files import FilePlaces

if TYPE_CHECKING:
    from nacka_desktop.ui.delegation.window import DelegationWindow


class OrderTab(DelegationTab):
    """A board's order: any version, filtered, compared with another; edited and adopted."""

    def __init__(self, owner: DelegationWindow) -> None:
        super().__init__(owner)
        self.board_combo = QComboBox()
        self.version_combo = QComboBox()
        # "Antagen 2024-11-14 § 214" whole: the combo follows its longest entry.
        self.version_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
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
        self.items_table = make_table(self.filtered)
        self.comparison = ComparisonModel(
            [self.tr("Ändring"), self.tr("Nr"), self.tr("Före"), self.tr("Efter"), self.tr("Fält")],
            self,
        )
        self.comparison_table = make_table(self.comparison)
        self.comparison_label = QLabel()
        self.letter_button = QPushButton(self.tr("Delegationsordningen (PDF)…"))
        self.register_button = QPushButton(self.tr("Register (Excel)…"))
        self.template_button = QPushButton(self.tr("Importmall (Excel)…"))
        self.import_button = QPushButton(self.tr("Importera…"))
        self.new_item_button = QPushButton(self.tr("Ny punkt…"))
        self.edit_item_button = QPushButton(self.tr("Ändra punkt…"))
        self.delete_item_button = QPushButton(self.tr("Ta bort punkt"))
        self.new_version_button = QPushButton(self.tr("Ändra i utkast till ny version"))
        # DEL-12: said where the edit buttons would be, when the version shown is a record.
        self.record_label = QLabel()
        self.record_label.setObjectName("adoptedRecordLabel")
        self.record_label.setWordWrap(True)
        self.adopt_button = QPushButton(self.tr("Anta…"))
        self.subdelegate_button = QPushButton(self.tr("Vidaredelegera…"))
        # DEL-10 / DEL-11: the board's förvaltningschef and reporting rhythm, in one line.
        self.board_setting_label = QLabel()
        self.board_setting_label.setObjectName("boardSettingLabel")
        self.board_setting_button = QPushButton(self.tr("Ändra…"))
        self.edit_buttons = (
            self.new_item_button,
            self.edit_item_button,
            self.delete_item_button,
            self.new_version_button,
            self.adopt_button,
            self.subdelegate_button,
        )
        # enabled only where edits can be made and undone (the window from the main window)
        self.setting_buttons = (self.board_setting_button,)

        top = QHBoxLayout()
        for label, widget in (
            (self.tr("Nämnd"), self.board_combo),
            (self.tr("Version"), self.version_combo),
            (self.tr("Avsnitt"), self.section_combo),
        ):
            top.addWidget(QLabel(label))
            top.addWidget(widget, 1)
        top.addWidget(self.filter_edit, 2)
        board_row = QHBoxLayout()
        board_row.addWidget(self.board_setting_label)
        board_row.addWidget(self.board_setting_button)
        board_row.addStretch(1)
        compare_row = QHBoxLayout()
        compare_row.addWidget(QLabel(self.tr("Jämför med")))
        compare_row.addWidget(self.compare_combo, 1)
        compare_row.addWidget(self.comparison_label, 2)
        editing = QHBoxLayout()
        editing.addWidget(self.record_label, 1)
        for button in self.edit_buttons:
            editing.addWidget(button)
        editing.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.template_button)
        buttons.addStretch(1)
        buttons.addWidget(self.register_button)
        buttons.addWidget(self.letter_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(board_row)
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
        # Right-click on a row: the buttons that act on it.
        menu_of_buttons(
            self.items_table,
            [
                self.edit_item_button,
                self.delete_item_button,
                self.subdelegate_button,
                self.new_item_button,
            ],
        )
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
        self.board_setting_button.clicked.connect(self._edit_board_setting)

    def refresh(self) -> None:
        snapshot = self._org
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

    def select_item(self, order_id: int, item_id: int | None = None) -> None:
        """Show the version (and the item in it): where a problem points."""
        order = self._order(order_id)
        if order is None:
            return
        self.board_combo.setCurrentIndex(self.board_combo.findData(order.board_unit_id))
        self.version_combo.setCurrentIndex(self.version_combo.findData(order_id))
        self.section_combo.setCurrentIndex(0)
        self.filter_edit.clear()
        source_row = next(
            (r for r in range(self.items.rowCount()) if self.items.row_at(r).id == item_id), None
        )
        if source_row is not None:
            index = self.filtered.mapFromSource(self.items.index(source_row, 0))
            self.items_table.selectRow(index.row())
            self.items_table.scrollTo(index)

    def _versions(self) -> list[DelegationOrder]:
        board = self.board_combo.currentData()
        return sorted(
            (o for o in self._orders if o.board_unit_id == board),
            key=lambda o: (o.adopted_on or date.max, o.id),
            reverse=True,
        )

    def _version_label(self, order: DelegationOrder) -> str:
        status = order.status.label(self.language)
        if order.adopted_on is None:
            return self.tr("{status} (nr {id})").format(status=status, id=order.id)
        return f"{status} {order.adopted_on.isoformat()} {order.paragraph}".strip()

    def _show_board_setting(self) -> None:
        board = self.board_combo.currentData()
        if board is None:
            self.board_setting_label.setText("")
            return
        setting = self.services.delegation.board_settings().get(int(board))
        executive = self._org.units[int(board)].kind is UnitKind.EXECUTIVE_BOARD
        head = head_label(setting, executive, self.language)
        if setting is None or setting.head is None:
            head = self.tr("{head} (ej utsedd; standard)").format(head=head)
        elif setting.head.unit_id in self._org.units:
            head = self.tr("{head} inom {unit}").format(
                head=head, unit=self._org.units[setting.head.unit_id].name
            )
        days = setting.report_within_days if setting else None
        rhythm = (
            self.tr("besluten anmäls inom {days} dagar").format(days=days)
            if days
            else self.tr("ingen anmälningsrytm angiven")
        )
        # the count in the line, the laws themselves in its tooltip: the line stays short
        laws = (
            self.tr("reglemente: {n} lagar").format(n=len(setting.laws))
            if setting is not None and setting.laws
            else self.tr("inget reglemente angivet")
        )
        self.board_setting_label.setToolTip(
            " ".join(sorted(setting.laws)) if setting is not None else ""
        )
        self.board_setting_label.setText(
            self.tr("Förvaltningschef (får vidaredelegera): {head} · {rhythm} · {laws}").format(
                head=head, rhythm=rhythm, laws=laws
            )
        )

    def _edit_board_setting(self) -> None:
        board = self.board_combo.currentData()
        if board is None or self.edits is None:
            return
        current = self.services.delegation.board_settings().get(int(board)) or BoardSetting(
            int(board)
        )
        dialog = BoardSettingDialog(self._org, current, self, self.language)
        orders, edits = self.services.delegation_orders, self.edits

        def save() -> object:
            chosen = dialog.setting()
            return edits.edit(
                lambda _: QCoreApplication.translate("OrderTab", "Förvaltningschef och anmälan"),
                lambda: orders.set_board_setting(
                    chosen.board_unit_id,
                    chosen.head,
                    chosen.report_within_days,
                    chosen.laws,
                    chosen.areas,
                    loaded=current,
                ),
                orders.restore_board_setting,
                lambda _previous: orders.set_board_setting(
                    chosen.board_unit_id,
                    chosen.head,
                    chosen.report_within_days,
                    chosen.laws,
                    chosen.areas,
                ),
            )

        edits.run_dialog(dialog, save)

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
        # Never squeezed below its longest entry: the filter field beside it gives way.
        self.version_combo.setMinimumWidth(self.version_combo.sizeHint().width())
        self._show_board_setting()
        self._show_version()

    def _recalled(self, order: DelegationOrder | None) -> dict[int, str]:
        """The items of the order KF has taken back (DEL-4), with the reason to show."""
        if order is None:
            return {}
        matters = self.services.delegation.council_matters(order.board_unit_id)
        taken = recalls_in(self._orders, matters, self.on)
        recalled = {}
        for item in order.items:
            recall = taken.get(item.id)
            if recall is not None:
                recalled[item.id] = self.tr(
                    "Återtaget av fullmäktige den {day} {paragraph} (DEL-4): beslutas inte "
                    "längre på delegation."
                ).format(day=recall.decided_on.isoformat(), paragraph=recall.paragraph)
        return recalled

    def _order(self, order_id: object) -> DelegationOrder | None:
        return next((o for o in self._orders if o.id == order_id), None)

    def _show_version(self) -> None:
        order = self._order(self.version_combo.currentData())
        items = list(order.items) if order else []
        self.items.show(
            items, self._org, self.language, self.tr("Ja"), self.tr("Nej"), self._recalled(order)
        )
        self.section_combo.blockSignals(True)
        self.section_combo.clear()
        self.section_combo.addItem(self.tr("Alla avsnitt"), "")
        for section in dict.fromkeys(i.section for i in items if i.section):
            self.section_combo.addItem(section, section)
        self.section_combo.blockSignals(False)
        self.filtered.set_section("")
        fit_columns(self.items_table, grow=MATTER_COLUMN)
        self.letter_button.setEnabled(order is not None)
        self._show_editing(order)
        self._show_comparison()

    def _show_editing(self, order: DelegationOrder | None) -> None:
        """A draft is edited and adopted; an adopted or superseded version is the record of
        the board's decision (DEL-12): its text is read-only, and a change starts (or
        continues) the board's draft."""
        draft = order is not None and order.status is OrderStatus.DRAFT
        for button in (
            self.new_item_button,
            self.edit_item_button,
            self.delete_item_button,
            self.adopt_button,
        ):
            button.setVisible(draft)
        self.new_version_button.setVisible(order is not None and not draft)
        self.subdelegate_button.setVisible(
            order is not None and order.status is OrderStatus.ADOPTED
        )
        self.record_label.setVisible(order is not None and not draft)
        if order is None or draft:
            return
        has_draft = any(o.status is OrderStatus.DRAFT for o in self._versions())
        self.new_version_button.setText(
            self.tr("Fortsätt i utkastet") if has_draft else self.tr("Ändra i nytt utkast")
        )
        when = " ".join(
            part for part in ((order.adopted_on or date.min).isoformat(), order.paragraph) if part
        )
        text = (
            self.tr("Antagen {when}: nämndens beslut, texten ändras inte.")
            if order.status is OrderStatus.ADOPTED
            else self.tr("Ersatt version, antagen {when}: texten ändras inte.")
        )
        self.record_label.setText(
            text.format(when=when) + " " + self.tr("Ändringar görs i ett utkast som nämnden antar.")
        )

    def _show_comparison(self) -> None:
        new = self._order(self.version_combo.currentData())
        old = self._order(self.compare_combo.currentData())
        changes = compare_orders(old, new) if old and new else []
        self.comparison.show(changes, self._org, self.language)
        fit_columns(self.comparison_table)
        if old and new:
            self.comparison_label.setText(
                self.tr("{n} ändringar").format(n=len(changes))
                if changes
                else self.tr("Inga skillnader")
            )
        else:
            self.comparison_label.setText("")

    def _order_letter(self) -> None:
        from nacka_desktop.exports.letters.delegation import write_order_letter

        order_id = self.version_combo.currentData()
        if order_id is not None:
            documents, today = self.services.delegation_documents, self.services.clock()
            self._preview(
                lambda path: write_order_letter(
                    documents.order_letter(int(order_id), today),
                    path,
                    self.services.letterhead.letterhead(),
                ),
                self.tr("Delegationsordning"),
                self._order_file_name(int(order_id)),
            )

    def _order_file_name(self, order_id: int) -> str:
        """The board's name and the day the order was adopted (or its status, a draft's)."""
        order = next((o for o in self._orders if o.id == order_id), None)
        when: str | date | None = None
        if order is not None:
            when = order.adopted_on or order.status.label(self.language)
        return file_name(
            self.tr("Delegationsordning"), self.board_combo.currentText(), when, extension="pdf"
        )

    def _register(self) -> None:
        from nacka_desktop.exports.registers.delegation import write_delegation_register

        self._save_as(
            self.tr("Spara delegationsregistret"),
            file_name(self.tr("Delegationsregister"), self.on, extension="xlsx"),
            lambda path, progress: write_delegation_register(
                self.services.delegation_documents.delegation_register(self.on), path, progress
            ),
        )

    def _template(self) -> None:
        from nacka_desktop.exports.registers.delegation import write_delegation_template

        self._save_as(
            self.tr("Spara importmallen"),
            file_name(self.tr("Delegationsordning mall"), extension="xlsx"),
            lambda path, _progress: write_delegation_template(path),
        )

    def _import(self) -> None:
        from nacka_desktop.imports.delegations import ImportResult, import_delegations

        board = self.board_combo.currentData()
        if board is None:
            return
        source = FilePlaces.of(self).open_path(
            self, self.tr("Importera delegationsordning"), self.tr("Excel (*.xlsx)")
        )
        if source is None:
            return
        services, board_id = self.services, int(board)

        def report(result: ImportResult) -> None:
            text = "\n".join(result.report_lines())
            if result.ok:
                QMessageBox.information(self, self.tr("Importerad som utkast"), text)
                self.owner.reload()
            else:
                QMessageBox.warning(self, self.tr("Inget importerades"), text)

        # Read and checked in the background; Avbryt before the writing starts leaves the
        # database as it was.
        self.import_task = run_in_background(
            self,
            self.tr("Läser in {name} …").format(name=source.name),
            lambda progress: import_delegations(services, source, board_id, progress=progress),
            done=report,
            failed=lambda error: report_failure(self, self.tr("Importera"), error),
        )

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
        dialog = ItemDialog(self._org, order.board_unit_id, None, self, self.language)
        orders, edits = self.services.delegation_orders, self.edits

        def add() -> object:
            item = dialog.item()
            return edits.edit(
                lambda _: QCoreApplication.translate("OrderTab", "Ny punkt {number}").format(
                    number=item.number
                ),
                lambda: orders.add_item(order.id, item),
                lambda item_id: orders.delete_item(item_id),
                lambda item_id: orders.add_item(order.id, item, item_id=item_id),
            )

        edits.run_dialog(dialog, add)

    def _edit_item(self) -> None:
        order, item = self._current_order(), self._selected_item()
        if order is None or item is None or self.edits is None:
            return
        if order.status is not OrderStatus.DRAFT:  # DEL-12: edit the same item in the draft
            draft_id = self._new_version()
            order = self._current_order()
            if draft_id is None or order is None:
                return
            copy = next(
                (i for i in order.items if (i.number, i.matter) == (item.number, item.matter)),
                None,
            )
            if copy is None:
                return
            self.select_item(order.id, copy.id)
            item = copy
        dialog = ItemDialog(self._org, order.board_unit_id, item, self, self.language)
        orders, edits = self.services.delegation_orders, self.edits

        def change() -> object:
            changed = dialog.item()
            return edits.edit(
                lambda _: QCoreApplication.translate("OrderTab", "Ändra punkt {number}").format(
                    number=changed.number
                ),
                lambda: orders.update_item(item.id, changed, loaded=item),
                lambda previous: orders.update_item(item.id, previous),
                lambda _previous: orders.update_item(item.id, changed),
            )

        edits.run_dialog(dialog, change)

    def _delete_item(self) -> None:
        item = self._selected_item()
        if item is None or self.edits is None:
            return
        orders, edits = self.services.delegation_orders, self.edits
        edits.attempt(
            lambda: edits.edit(
                lambda _: QCoreApplication.translate("OrderTab", "Ta bort punkt {number}").format(
                    number=item.number
                ),
                lambda: orders.delete_item(item.id),
                lambda removed: orders.add_item(
                    removed[0], removed[1], item_id=item.id, position=removed[2]
                ),
            )
        )

    def _new_version(self) -> int | None:
        """Continue the board's draft, or start one copied from the version shown (undoable:
        the undo removes a draft made here). Shows the draft; returns its id."""
        order = self._current_order()
        if order is None or self.edits is None:
            return None
        orders, edits = self.services.delegation_orders, self.edits
        existing = next((o for o in self._versions() if o.status is OrderStatus.DRAFT), None)
        if existing is None:
            started = edits.attempt(
                lambda: edits.edit(
                    lambda _: QCoreApplication.translate(
                        "OrderTab", "Nytt utkast till delegationsordning"
                    ),
                    lambda: orders.draft_of(order.id)[0],
                    orders.delete_draft,
                    lambda draft: orders.create_order(
                        order.board_unit_id, list(order.items), order_id=draft
                    ),
                )
            )
            if not started:
                return None
        drafts = [o for o in self._versions() if o.status is OrderStatus.DRAFT]
        if not drafts:
            return None
        self.version_combo.setCurrentIndex(self.version_combo.findData(drafts[0].id))
        return drafts[0].id

    def _adopt(self) -> None:
        order = self._current_order()
        if order is None or self.edits is None:
            return
        dialog = AdoptDialog(self.services.clock(), self, self.language)
        orders, edits = self.services.delegation_orders, self.edits

        def adopt() -> object:
            day = dialog.adopted_on.date()
            paragraph = dialog.paragraph.text().strip()
            assert day is not None
            return edits.edit(
                lambda _: QCoreApplication.translate("OrderTab", "Anta delegationsordningen"),
                lambda: orders.adopt(order.id, day, paragraph),
                lambda superseded: orders.unadopt(order.id, superseded),
            )

        edits.run_dialog(dialog, adopt)

    def _subdelegate(self) -> None:
        order, item = self._current_order(), self._selected_item()
        if order is None or item is None or self.edits is None:
            return
        today = self.services.clock()
        givers = [  # who holds the right, with role and unit, as the other pickers say
            (
                r.appointment.id,
                f"{appointment_label(self._org, r.appointment, self.language)} "
                f"({r.via.label(self.language)})",
            )
            for r in self.services.delegation.who_may_decide(item.id, None, today)
            if r.via.value == "delegate"
        ]
        dialog = SubdelegationDialog(
            self._org, order.board_unit_id, item, givers, today, self, self.language
        )
        orders, edits = self.services.delegation_orders, self.edits

        def passed_on() -> object:
            to = dialog.to.delegate()
            day, end = dialog.valid_from.date(), dialog.valid_to.date()
            giver = int(dialog.giver.currentData())
            assert to is not None and day is not None
            return edits.edit(
                lambda _: QCoreApplication.translate(
                    "OrderTab", "Vidaredelegera punkt {number}"
                ).format(number=item.number),
                lambda: orders.subdelegate(item.id, giver, to, day, end),
                orders.delete_subdelegation,
                lambda made: orders.subdelegate(
                    item.id, giver, to, day, end, subdelegation_id=made
                ),
            )

        edits.run_dialog(dialog, passed_on)
