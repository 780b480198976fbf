"""Right-click menus, recent databases, the title and the Problems panel (issue 14, point 10)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget, QMenu, QPushButton
from pytestqt.qtbot import QtBot

from nacka_desktop.services.context import without_password
from nacka_desktop.ui.shell.database_files import recent_databases, remember_database
from nacka_desktop.ui.shell.main_window import MainWindow
from nacka_desktop.ui.shell.settings import RECENT_DATABASES, Settings
from nacka_desktop.ui.widgets.context_menus import buttons_menu

from .helpers import select_unit, settle_problems

pytestmark = pytest.mark.gui


def texts(actions: list) -> list[str]:
    return [a.text() for a in actions if not a.isSeparator()]


def test_right_click_in_the_tree_offers_what_can_be_done_to_the_unit(window: MainWindow) -> None:
    select_unit(window, "Stadsledningskontoret")
    assert window.tree.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    offered = texts(window.tree.actions())
    assert offered[:4] == [
        window.main_actions.new_unit_action.text(),
        window.main_actions.rename_action.text(),
        window.main_actions.move_action.text(),
        window.main_actions.close_unit_action.text(),
    ]
    assert window.main_actions.appoint_action.text() in offered
    assert all(a.isEnabled() for a in window.tree.actions() if not a.isSeparator())


def test_right_click_on_a_problem_shows_it_explains_its_rule_and_copies_it(
    window: MainWindow,
) -> None:
    settle_problems(window)
    panel = window.problems
    panel.table.setCurrentIndex(panel.model.index(0, 0))
    violation = panel.model.violation(0)
    assert violation is not None
    assert texts(panel.table.actions()) == ["Visa det som berörs", "Hjälp om regeln", "Kopiera"]
    helped: list[str] = []
    panel.ruleHelpRequested.connect(helped.append)
    panel.rule_action.trigger()
    assert helped == [violation.rule_id]
    panel.copy_action.trigger()
    copied = QGuiApplication.clipboard().text()
    assert violation.rule_id in copied.split("\t")
    shown: list[tuple[str, int]] = []
    panel.objectActivated.connect(lambda kind, object_id: shown.append((kind, object_id)))
    panel.go_action.trigger()
    assert shown == [(violation.object_kind.value, violation.object_id)]


def test_right_click_on_a_distribution_offers_its_actions_and_letters(window: MainWindow) -> None:
    panel = window.work_panel
    offered = texts(panel.distribution_table.actions())
    assert "Brev (PDF)…" in offered and "Underskrifter…" in offered
    assert "Undertecknad…" in offered and "Avsluta…" in offered


def test_a_delegation_table_offers_the_buttons_that_act_on_the_row(window: MainWindow) -> None:
    delegation = window.show_delegation()
    tab = delegation.order_tab
    menu = buttons_menu(tab.items_table, [tab.edit_item_button, tab.delete_item_button])
    shown = [b for b in (tab.edit_item_button, tab.delete_item_button) if not b.isHidden()]
    assert [a.text() for a in menu.actions()] == [b.text() for b in shown]
    assert [a.isEnabled() for a in menu.actions()] == [b.isEnabled() for b in shown]
    clicked: list[bool] = []
    probe = QPushButton("Prova", tab)
    probe.show()
    probe.clicked.connect(lambda: clicked.append(True))
    buttons_menu(tab.items_table, [probe]).actions()[0].trigger()
    assert clicked == [True]
    assert tab.items_table.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu


def test_recent_databases_newest_first_without_passwords(settings: Settings, tmp_path: Path):
    first, second = tmp_path / "a.db", tmp_path / "b.db"
    for path in (first, second):
        path.write_bytes(b"")
    remember_database(settings, str(first))
    remember_database(settings, str(second))
    remember_database(settings, str(first))
    assert recent_databases(settings) == [str(first), str(second)]
    remember_database(settings, "postgresql://anna:hemligt@server/nacka")
    assert recent_databases(settings)[0] == "postgresql://anna@server/nacka"
    assert "hemligt" not in str(settings.get(RECENT_DATABASES))
    assert without_password("/tmp/x.db") == "/tmp/x.db"


def test_arkiv_senaste_databaser_opens_the_one_chosen(
    qtbot: QtBot, window: MainWindow, settings: Settings, tmp_path: Path
) -> None:
    copy = tmp_path / "kopia.db"
    shutil.copy(window.services.database.location, copy)
    gone = tmp_path / "borta.db"
    remember_database(settings, str(gone))
    remember_database(settings, str(copy))
    menu = window.main_actions.recent_menu
    menu.aboutToShow.emit()
    entries = [a for a in menu.actions() if not a.isSeparator()]
    assert entries[0].text().startswith("kopia.db") and entries[0].isEnabled()
    assert entries[1].text().startswith("borta.db") and not entries[1].isEnabled()
    assert entries[-1].text() == "Töm listan"
    old = window.services
    entries[0].trigger()  # opened in the background, like Öppna databas…
    qtbot.waitUntil(lambda: window.services is not old, timeout=20_000)
    settle_problems(window)
    assert Path(window.services.database.location) == copy.resolve()
    assert window.windowTitle() == str(copy.resolve())
    entries[-1].trigger()
    assert recent_databases(settings) == []


def test_the_problems_panel_can_be_closed_and_brought_back(window: MainWindow) -> None:
    dock = window.problems_dock
    assert dock.features() & QDockWidget.DockWidgetFeature.DockWidgetClosable
    dock.close()
    assert dock.isHidden()
    toggle = dock.toggleViewAction()
    menus = [a.menu() for a in window.menuBar().actions()]
    assert any(isinstance(m, QMenu) and toggle in m.actions() for m in menus)  # Visa
    toggle.trigger()
    assert dock.isVisible()
