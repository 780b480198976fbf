"""The Delegation window: the order with filters, version comparison, who may decide, log."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from nacka_desktop.domain.delegation.orders import (
    DecisionKind,
    Delegate,
    DelegateKind,
    DelegationItem,
    OrderStatus,
    infer_decision_kind,
)
from nacka_desktop.domain.enums import Role, UnitKind
from nacka_desktop.domain.labels import appointment_label
from nacka_desktop.domain.language import Language
from nacka_desktop.domain.rules import RuleViolationError
from nacka_desktop.exports.registers.delegation import write_delegation_register
from nacka_desktop.services.context import Services
from nacka_desktop.ui.delegation.council_dialog import CouncilMatterDialog
from nacka_desktop.ui.delegation.dialogs import DecisionDialog, ItemDialog, SubdelegationDialog
from nacka_desktop.ui.delegation.window import DelegationWindow
from nacka_desktop.ui.org.dialogs import DateDialog
from nacka_desktop.ui.shell.edits import EditRunner
from nacka_desktop.ui.widgets.fields import SearchableCombo
from tests.conftest import TODAY, without_delegation_orders

pytestmark = pytest.mark.gui


def item(section: str, number: str, matter: str, role: Role = Role.UNIT_MANAGER) -> DelegationItem:
    return DelegationItem(
        0,
        section,
        number,
        matter,
        infer_decision_kind(matter),
        Delegate(DelegateKind.POSITION, role),
    )


@pytest.fixture
def orders(sample_services: Services) -> Services:
    """Two versions of KS's order (no others), and one decision taken under the newer."""
    services = without_delegation_orders(sample_services)
    ks = next(
        u.id
        for u in services.queries.snapshot().units.values()
        if u.kind is UnitKind.EXECUTIVE_BOARD
    )
    old = services.delegation_orders.create_order(
        ks,
        [item("Personal", "1.1", "Anställning av medarbetare"), item("Ekonomi", "2.1", "Attest")],
    )
    services.delegation_orders.adopt(old, date(2024, 1, 1), "§ 5")
    new = services.delegation_orders.create_order(
        ks,
        [
            item("Personal", "1.1", "Anställning av medarbetare"),
            item("Personal", "1.2", "Beslut om varning"),
            DelegationItem(
                0,
                "Brådskande",
                "9.1",
                "Beslut i brådskande ärenden",
                DecisionKind.URGENT,
                Delegate(DelegateKind.CHAIR),
            ),
        ],
    )
    services.delegation_orders.adopt(new, date(2025, 1, 1), "§ 12")
    manager = next(
        a
        for a in services.queries.snapshot().appointments.values()
        if a.role is Role.UNIT_MANAGER and a.is_valid_on(TODAY) and not a.acting
    )
    hire = next(i for i in services.delegation.orders() if i.id == new).items[0]
    services.delegated_decisions.record(
        hire.id,
        manager.id,
        date(2026, 3, 2),
        "Anställning av socionom",
        "KS 2026/7",
        date(2026, 2, 1),
        need_tested_by="Stadsdirektören och personaldirektören",
    )
    return services


@pytest.fixture
def delegation(qtbot, orders: Services) -> DelegationWindow:
    window = DelegationWindow(orders, TODAY, Language.SWEDISH)
    qtbot.addWidget(window)
    window.show()
    return window


def shown(window: DelegationWindow, column: int) -> list[str]:
    model = window.order_tab.filtered
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_the_order_in_force_is_shown_and_can_be_filtered(delegation: DelegationWindow) -> None:
    assert delegation.order_tab.board_combo.currentText() == "Kommunstyrelsen"
    assert "§ 12" in delegation.order_tab.version_combo.currentText()
    assert shown(delegation, 1) == ["1.1", "1.2", "9.1"]

    delegation.order_tab.section_combo.setCurrentIndex(
        delegation.order_tab.section_combo.findData("Personal")
    )
    assert shown(delegation, 1) == ["1.1", "1.2"]
    delegation.order_tab.filter_edit.setText("VARNING")
    assert shown(delegation, 2) == ["Beslut om varning"]


def test_comparing_with_the_older_version_lists_what_changed(delegation: DelegationWindow) -> None:
    older = next(
        i
        for i in range(delegation.order_tab.compare_combo.count())
        if "§ 5" in delegation.order_tab.compare_combo.itemText(i)
    )
    delegation.order_tab.compare_combo.setCurrentIndex(older)
    model = delegation.order_tab.comparison
    rows = {(model.index(r, 0).data(), model.index(r, 1).data()) for r in range(model.rowCount())}
    assert rows == {("Tillagd", "1.2"), ("Tillagd", "9.1"), ("Borttagen", "2.1")}
    assert delegation.order_tab.comparison_label.text() == "3 ändringar"


def test_who_may_decide_for_a_person_and_for_a_matter(
    delegation: DelegationWindow, orders: Services
) -> None:
    manager = next(
        a
        for a in orders.queries.snapshot().appointments.values()
        if a.role is Role.UNIT_MANAGER and a.is_valid_on(TODAY) and not a.acting
    )
    delegation.select_person(manager.person_id)
    rights = delegation.rights_tab.rights
    assert {rights.index(r, 1).data() for r in range(rights.rowCount())} == {"1.1", "1.2"}

    urgent = next(
        i
        for i in range(delegation.rights_tab.matter_combo.count())
        if "brådskande" in delegation.rights_tab.matter_combo.itemText(i)
    )
    delegation.rights_tab.matter_combo.setCurrentIndex(urgent)
    holders = delegation.rights_tab.holders
    assert holders.rowCount() == 1
    assert holders.index(0, 4).data() == "delegat"  # the KS ordförande


def table(model) -> list[tuple[str, ...]]:
    return [
        tuple(model.index(r, c).data() for c in range(model.columnCount()))
        for r in range(model.rowCount())
    ]


def test_the_window_shows_what_rights_and_who_print(
    delegation: DelegationWindow, orders: Services
) -> None:
    """The command line's `rights` and `who` read the same views (tests/cli/test_rights_cli)."""
    tab = delegation.rights_tab
    manager = next(
        a
        for a in orders.queries.snapshot().appointments.values()
        if a.role is Role.UNIT_MANAGER and a.is_valid_on(TODAY) and not a.acting
    )
    delegation.select_person(manager.person_id)

    def rows(views):  # who, with the role and unit of the appointment the right comes with
        org = orders.queries.snapshot()
        return [
            (
                v.board,
                v.number,
                v.matter,
                appointment_label(org, org.appointments[v.appointment_id], Language.SWEDISH),
                v.how(Language.SWEDISH),
                v.limits,
            )
            for v in views
        ]

    assert table(tab.rights) == rows(orders.delegation.rights_view(manager.person_id, TODAY))
    hire = next(
        i
        for i in range(tab.matter_combo.count())
        if "Anställning av" in tab.matter_combo.itemText(i)
    )
    tab.matter_combo.setCurrentIndex(hire)
    shown = table(tab.holders)
    assert shown == rows(orders.delegation.who_view(tab.matter_combo.currentData(), None, TODAY))
    assert {row[4].split(" (")[0] for row in shown} >= {"delegat", "som chef"}


def test_the_decision_log_shows_the_period(delegation: DelegationWindow) -> None:
    model = delegation.decisions_tab.decisions
    assert model.rowCount() == 1
    assert model.index(0, 6).data() == "KS 2026/7"
    first = delegation.decisions_tab.first_date
    shown = first.date()
    assert shown is not None
    first.set_date(shown.replace(month=shown.month + 6))  # after the decision
    assert model.rowCount() == 0


@pytest.fixture
def editable(qtbot, window, orders: Services) -> DelegationWindow:
    """The window as the main window opens it, with its own undo history."""
    edits = EditRunner(window.delegation_stack, window, Language.SWEDISH)
    opened = DelegationWindow(orders, TODAY, Language.SWEDISH, window, edits)
    qtbot.addWidget(opened)
    opened.show()
    return opened


def undo(delegation: DelegationWindow) -> None:
    """Ctrl+Z in the Delegation window: its own last step."""
    assert delegation.undo_action is not None and delegation.undo_action.isEnabled()
    delegation.undo_action.trigger()


def answer_once(monkeypatch, dialog_class, fill):
    shown = []

    def fake_exec(self) -> int:
        shown.append(self)
        return 0 if len(shown) > 1 else int(fill(self))

    monkeypatch.setattr(dialog_class, "exec", fake_exec)
    return shown


def test_adding_an_item_and_undo(editable: DelegationWindow, window, monkeypatch) -> None:
    def fill(dialog: ItemDialog) -> int:
        dialog.section.setText("Ekonomi")
        dialog.number.setText("3.1")
        dialog.matter.setText("Beslut om attest av fakturor")
        dialog.delegate_editor.role.setCurrentIndex(
            dialog.delegate_editor.role.findData(Role.UNIT_MANAGER.value)
        )
        return 1

    answer_once(monkeypatch, ItemDialog, fill)
    editable.order_tab.new_version_button.click()  # the adopted text never changes (DEL-12)
    editable.order_tab.new_item_button.click()
    assert "3.1" in shown(editable, 1)

    undo(editable)
    assert "3.1" not in shown(editable, 1)
    undo(editable)  # and the draft it was added to
    current = editable.order_tab._current_order()
    assert current is not None and current.status is OrderStatus.ADOPTED


def test_the_adopted_version_is_read_only_and_a_change_goes_into_a_draft(
    editable: DelegationWindow, orders: Services, window, monkeypatch
) -> None:
    tab = editable.order_tab
    adopted = tab._current_order()
    assert adopted is not None and adopted.status is OrderStatus.ADOPTED
    assert not tab.new_item_button.isVisible() and not tab.delete_item_button.isVisible()
    assert tab.record_label.isVisible()
    assert "2025-01-01 § 12" in tab.record_label.text()
    with pytest.raises(RuleViolationError) as refused:
        orders.delegation_orders.update_item(
            adopted.items[0].id, replace(adopted.items[0], matter="Ändrad i efterhand")
        )
    assert refused.value.violations[0].rule_id == "DEL-12"

    def fill(dialog: ItemDialog) -> int:
        dialog.matter.setText("Anställning av medarbetare och vikarier")
        return 1

    answer_once(monkeypatch, ItemDialog, fill)
    tab.items_table.selectRow(shown(editable, 1).index("1.1"))
    tab._edit_item()  # a double-click on the adopted item edits its copy in a new draft

    draft = tab._current_order()
    assert draft is not None and draft.status is OrderStatus.DRAFT
    assert "Anställning av medarbetare och vikarier" in shown(editable, 2)
    assert tab.new_item_button.isVisible() and not tab.record_label.isVisible()
    unchanged = next(o for o in orders.delegation.orders() if o.id == adopted.id)
    assert unchanged.items == adopted.items


def test_an_illegal_item_is_refused_at_the_delegate_field(
    editable: DelegationWindow, monkeypatch
) -> None:
    def fill(dialog: ItemDialog) -> int:
        dialog.number.setText("1.5")
        dialog.matter.setText("Lönesättning vid nyanställning")
        dialog.delegate_editor.role.setCurrentIndex(
            dialog.delegate_editor.role.findData(Role.GROUP_MANAGER.value)
        )
        return 1

    dialogs = answer_once(monkeypatch, ItemDialog, fill)
    editable.order_tab.new_version_button.click()
    editable.order_tab.new_item_button.click()
    assert len(dialogs) == 2  # kept open after the refusal
    assert "HR-4" in dialogs[0].form.rows["delegate"].error.text()
    assert "1.5" not in shown(editable, 1)


def test_recording_a_decision_and_marking_it_reported(
    editable: DelegationWindow, orders: Services, monkeypatch
) -> None:
    def fill(dialog: DecisionDialog) -> int:
        warning = next(
            i
            for i in range(dialog.item_combo.count())
            if "varning" in dialog.item_combo.itemText(i)
        )
        dialog.item_combo.setCurrentIndex(warning)
        assert dialog.decided_by.count() > 0  # those who may decide the item today
        dialog.decided_by.setCurrentIndex(0)
        dialog.description.setText("Varning för upprepad olovlig frånvaro")
        dialog.consulted_on.setText("2026-11-20")
        dialog.consulted_with.setText("Verksamhetschefen")  # HR-3: who took part
        return 1

    answer_once(monkeypatch, DecisionDialog, fill)
    editable.decisions_tab.new_decision_button.click()
    assert editable.decisions_tab.decisions.rowCount() == 2

    editable.decisions_tab.decisions_table.selectAll()
    answer_once(monkeypatch, DateDialog, lambda dialog: 1)
    editable.decisions_tab.reported_button.click()
    assert all(d.reported_on == TODAY for d in orders.delegation.decisions(date(2026, 1, 1), TODAY))


def test_passing_an_item_on_and_undo(
    editable: DelegationWindow, window, orders: Services, monkeypatch
) -> None:
    current = editable.order_tab._current_order()
    assert current is not None
    passable = DelegationItem(  # to KS's förvaltningschef, who alone may pass it on (DEL-10)
        0,
        "Ekonomi",
        "2.5",
        "Attest av fakturor",
        DecisionKind.OTHER,
        Delegate(DelegateKind.POSITION, Role.CITY_DIRECTOR),
        subdelegation_allowed=True,
    )
    draft, _made = orders.delegation_orders.draft_of(current.id)
    orders.delegation_orders.add_item(draft, passable)
    orders.delegation_orders.adopt(draft, date(2026, 1, 1), "§ 3")
    editable.reload()
    editable.order_tab.select_item(draft)
    row = shown(editable, 1).index("2.5")
    editable.order_tab.items_table.selectRow(row)

    givers: list[str] = []

    def fill(dialog: SubdelegationDialog) -> int:
        assert dialog.giver.count() > 0  # the stadsdirektör holds it today
        givers.append(dialog.giver.currentText())  # who, role and unit, and how
        assert isinstance(dialog.giver, SearchableCombo)  # typed to search, as every picker
        dialog.to.role.setCurrentIndex(dialog.to.role.findData(Role.EMPLOYEE.value))
        return 1

    answer_once(monkeypatch, SubdelegationDialog, fill)
    editable.order_tab.subdelegate_button.click()
    assert [s.to.role for s in orders.delegation.subdelegations()] == [Role.EMPLOYEE]
    [giver] = givers
    assert ", stadsdirektör, " in giver and giver.endswith(" (delegat)"), giver

    undo(editable)
    assert orders.delegation.subdelegations() == []


def test_undoing_a_removal_puts_the_item_back_in_its_place(
    editable: DelegationWindow, window
) -> None:
    editable.order_tab.new_version_button.click()
    before = shown(editable, 1)
    editable.order_tab.items_table.selectRow(before.index("1.2"))
    editable.order_tab.delete_item_button.click()
    assert "1.2" not in shown(editable, 1)

    undo(editable)
    assert shown(editable, 1) == before


def kf_id(services: Services) -> int:
    return next(
        u.id
        for u in services.queries.snapshot().units.values()
        if u.kind is UnitKind.MUNICIPAL_COUNCIL
    )


def test_a_referral_to_ks_is_refused_in_the_dialog_then_sent_to_kf_and_undone(
    editable: DelegationWindow, window, orders: Services, monkeypatch
) -> None:
    kf = kf_id(orders)
    tries: list[str] = []

    def fill(dialog: CouncilMatterDialog) -> int:
        tries.append(dialog.to.currentText())
        if len(tries) == 1:  # the usual mistake first: to the executive board (DEL-4)
            dialog.to.setCurrentIndex(dialog.to.findText("Kommunstyrelsen"))
            dialog.matter.setText("Ny arbetsgivarpolicy")
            dialog.paragraph.setText("§ 140")
        else:
            assert "DEL-4" in dialog.form.rows["to_unit"].error.text()
            dialog.to.setCurrentIndex(dialog.to.findData(kf))
        return 1

    shown_dialogs: list[CouncilMatterDialog] = []

    def fake_exec(self: CouncilMatterDialog) -> int:
        shown_dialogs.append(self)
        return int(fill(self)) if len(shown_dialogs) <= 2 else 0

    monkeypatch.setattr(CouncilMatterDialog, "exec", fake_exec)
    editable.council_tab.refer_button.click()
    assert len(shown_dialogs) == 2
    [matter] = orders.delegation.council_matters()
    assert (matter.to_unit_id, matter.matter, matter.paragraph) == (
        kf,
        "Ny arbetsgivarpolicy",
        "§ 140",
    )
    table = editable.council_tab.matters
    assert table.rowCount() == 1
    assert table.index(0, 4).data() == "Hos kommunstyrelsen för beredning"

    undo(editable)
    assert orders.delegation.council_matters() == []
    assert table.rowCount() == 0


def test_kf_taking_a_matter_back_empties_who_may_decide_and_says_why(
    editable: DelegationWindow, orders: Services, monkeypatch
) -> None:
    def fill(dialog: CouncilMatterDialog) -> int:
        hire = next(
            i for i in range(dialog.item.count()) if "Anställning" in dialog.item.itemText(i)
        )
        dialog.item.setCurrentIndex(hire)  # gives the matter its words and its legal basis
        assert dialog.matter.text() == "Anställning av medarbetare"
        dialog.decided_on.setText("2026-11-02")
        dialog.paragraph.setText("KF § 120")
        return 1

    answer_once(monkeypatch, CouncilMatterDialog, fill)
    editable.council_tab.recall_button.click()
    [recall] = orders.delegation.council_matters()
    assert recall.item_id is not None
    items = editable.order_tab.items
    row = next(r for r in range(items.rowCount()) if items.row_at(r).id == recall.item_id)
    tip = items.index(row, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert "KF § 120" in tip and "DEL-4" in tip  # struck through in the order, with the reason
    assert items.index(row, 2).data(Qt.ItemDataRole.FontRole).strikeOut()

    rights = editable.rights_tab
    editable.tabs.setCurrentWidget(rights)
    hire = next(
        i
        for i in range(rights.matter_combo.count())
        if "Anställning" in rights.matter_combo.itemText(i)
    )
    rights.matter_combo.setCurrentIndex(hire)
    assert rights.holders.rowCount() == 0
    assert rights.holders_note.isVisibleTo(editable)
    assert "KF § 120" in rights.holders_note.text() and "DEL-4" in rights.holders_note.text()


def test_an_appealable_decision_is_recorded_separately_from_the_log(
    editable: DelegationWindow, orders: Services, monkeypatch
) -> None:
    current = editable.order_tab._current_order()
    assert current is not None
    draft, _made = orders.delegation_orders.draft_of(current.id)
    orders.delegation_orders.add_item(
        draft,
        DelegationItem(
            0,
            "Personal",
            "1.9",
            "Beslut om tjänstledighet",
            DecisionKind.OTHER,
            Delegate(DelegateKind.POSITION, Role.UNIT_MANAGER),
            report_to_board=False,
        ),
    )
    orders.delegation_orders.adopt(draft, date(2026, 1, 1), "§ 3")
    editable.reload()
    manager = next(
        a
        for a in orders.queries.snapshot().appointments.values()
        if a.role is Role.UNIT_MANAGER and a.is_valid_on(TODAY) and not a.acting
    )

    def fill(dialog: DecisionDialog) -> int:
        leave = next(
            i
            for i in range(dialog.item_combo.count())
            if "tjänstledighet" in dialog.item_combo.itemText(i)
        )
        dialog.item_combo.setCurrentIndex(leave)
        assert dialog.route_hint.text() == "Anmäls inte till nämnden."
        dialog.appealable.setChecked(True)
        assert "protokollförs särskilt" in dialog.route_hint.text()
        dialog.decided_by.setCurrentIndex(dialog.decided_by.findData(manager.id))
        dialog.description.setText("Avslag på ansökan om tjänstledighet")
        return 1

    answer_once(monkeypatch, DecisionDialog, fill)
    tab = editable.decisions_tab
    tab.new_decision_button.click()
    tab.show_combo.setCurrentIndex(tab.show_combo.findData("to_record"))
    model = tab.decisions
    assert model.rowCount() == 1
    assert (model.index(0, 7).data(), model.index(0, 8).data()) == ("Ja", "Protokollförs särskilt")

    tab.decisions_table.selectAll()
    answer_once(monkeypatch, DateDialog, lambda dialog: 1)
    tab.recorded_button.click()
    assert model.rowCount() == 0  # nothing left to record
    [recorded] = [d for d in orders.delegation.decisions(date(2026, 1, 1), TODAY) if d.appealable]
    assert recorded.recorded_separately_on == TODAY


def test_an_order_is_imported_in_the_background_as_a_new_draft(
    delegation: DelegationWindow, orders: Services, qtbot, monkeypatch, tmp_path
) -> None:
    register = tmp_path / "delegationsregister.xlsx"
    write_delegation_register(orders.delegation_documents.delegation_register(TODAY), register)
    before = {o.id for o in orders.delegation.orders()}
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(register), ""))
    reports: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, title, _text: reports.append(title))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _title, text: reports.append(text))

    delegation.order_tab.import_button.click()  # returns at once; the worker reads the file
    qtbot.waitUntil(lambda: bool(reports), timeout=10_000)

    assert reports == ["Importerad som utkast"]
    new = [o for o in orders.delegation.orders() if o.id not in before]
    assert len(new) == 1 and new[0].status is OrderStatus.DRAFT and new[0].items


def test_the_board_names_its_forvaltningschef_and_rhythm_and_undo(
    editable: DelegationWindow, window, orders: Services, monkeypatch
) -> None:
    from nacka_desktop.ui.delegation.dialogs import BoardSettingDialog

    tab = editable.order_tab
    assert "stadsdirektör" in tab.board_setting_label.text()  # the sample's KS names it

    def fill(dialog: BoardSettingDialog) -> int:
        dialog.head.role.setCurrentIndex(dialog.head.role.findData(None))
        dialog.head.title.setText("Kommundirektör")
        dialog.days.setValue(60)
        dialog.laws.setText("KL, SL")
        dialog.areas.setText("Gator, gatubelysning")
        return 1

    answer_once(monkeypatch, BoardSettingDialog, fill)
    tab.board_setting_button.click()
    setting = orders.delegation.board_settings()[tab.board_combo.currentData()]
    assert setting.head is not None and setting.head.title == "Kommundirektör"
    assert setting.report_within_days == 60 and setting.laws == {"KL", "SL"}
    assert setting.areas == {"gator", "gatubelysning"}
    assert "Kommundirektör" in tab.board_setting_label.text() and "60 dagar" in (
        tab.board_setting_label.text()
    )
    undo(editable)
    setting = orders.delegation.board_settings()[tab.board_combo.currentData()]
    assert setting.head is not None and setting.head.role is Role.CITY_DIRECTOR
    assert "LAS" in setting.laws  # the sample's reglemente for KS, back


def test_the_report_to_the_board_asks_for_the_board_and_the_period(
    delegation: DelegationWindow, qtbot, monkeypatch
) -> None:
    from nacka_desktop.ui.org.dialogs import ReportDialog
    from nacka_desktop.ui.widgets.pdf_preview import PdfPreviewDialog

    asked: list[tuple[str, str, str]] = []

    def choose(dialog: ReportDialog) -> int:
        asked.append((dialog.board.currentText(), dialog.first.text(), dialog.last.text()))
        dialog.first.setText("2026-01-01")
        return 1

    shown: list[int] = []
    monkeypatch.setattr(ReportDialog, "exec", choose)
    monkeypatch.setattr(PdfPreviewDialog, "exec", lambda self: shown.append(self.page_count()))
    delegation.decisions_tab.report_button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert asked and asked[0][0] == "Kommunstyrelsen"  # the board shown, chosen again here
    assert shown == [1]


def test_each_window_undoes_its_own_steps_and_names_them(
    qtbot, editable: DelegationWindow, window, monkeypatch
) -> None:
    """Issue 14: Ctrl+Z in the Delegation window undoes what was done there, its button says
    what; the main window's Ångra does not undo it unseen."""
    from PySide6.QtGui import QKeySequence
    from PySide6.QtTest import QTest

    editable.order_tab.new_version_button.click()  # a draft of the adopted order
    assert editable.undo_action is not None
    assert editable.undo_action.text().startswith("Ångra ")
    assert len(editable.undo_action.text()) > len("Ångra ")  # the step is named
    assert not window.main_actions.undo_action.isEnabled()
    assert window.main_actions.undo_action.text() == "&Ångra"
    editable.activateWindow()
    editable.setFocus()
    QTest.keySequence(editable, QKeySequence(QKeySequence.StandardKey.Undo))
    current = editable.order_tab._current_order()
    assert current is not None and current.status is OrderStatus.ADOPTED
    assert not editable.undo_action.isEnabled()
    assert editable.redo_action is not None and editable.redo_action.isEnabled()
