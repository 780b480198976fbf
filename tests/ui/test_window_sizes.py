"""At the sizes people use (1200×800, 1366×768) nothing the user needs hides: the Arbetsmiljö
view's letters are on screen, not behind a ›› menu, and the Delegation window's tables share
their width instead of scrolling sideways, the matter taking the most (issue 14, point 2)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QPoint
from PySide6.QtWidgets import QTableView, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from nacka_desktop.ui.delegation.common import MATTER_COLUMN
from nacka_desktop.ui.shell.main_window import MainWindow
from nacka_desktop.ui.widgets.column_fit import share_width

pytestmark = pytest.mark.gui
SIZES = [(1200, 800), (1366, 768)]


def inside(widget: QWidget, window: QWidget) -> bool:
    """Shown, and wholly within the window's visible area."""
    if not widget.isVisible():
        return False
    top_left = widget.mapTo(window, QPoint(0, 0))
    return (
        top_left.x() >= 0
        and top_left.y() >= 0
        and top_left.x() + widget.width() <= window.width()
        and top_left.y() + widget.height() <= window.height()
    )


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_letters_of_a_distribution_are_on_screen(
    window: MainWindow, width: int, height: int
) -> None:
    window.resize(width, height)
    window.right_tabs.setCurrentWidget(window.work_panel)
    QCoreApplication.processEvents()
    panel = window.work_panel
    for bar in (panel.letters_bar, panel.toolbar):  # no action folded into a ›› menu
        for action in bar.actions():
            if action.isVisible() and not action.isSeparator():
                button = bar.widgetForAction(action)
                assert button is not None and inside(button, window), action.text()
    for action in (panel.letter_button, panel.return_letter_button, panel.signatures_button):
        button = panel.letters_bar.widgetForAction(action)
        assert isinstance(button, QToolButton) and button.text().endswith("…")  # a dialog


def table_fits(table: QTableView) -> None:
    header = table.horizontalHeader()
    shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    assert sum(header.sectionSize(c) for c in shown) <= table.viewport().width() + 1
    assert not table.horizontalScrollBar().isVisible()


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_delegation_order_shares_its_width_and_the_matter_gets_the_most(
    qtbot: QtBot, window: MainWindow, width: int, height: int
) -> None:
    window.main_actions.delegation_action.trigger()
    delegation = window._delegation_window
    assert delegation is not None
    delegation.resize(min(width, 1169), min(height, 700))
    QCoreApplication.processEvents()
    table = delegation.order_tab.items_table
    table_fits(table)
    header = table.horizontalHeader()
    widths = [header.sectionSize(c) for c in range(header.count()) if not header.isSectionHidden(c)]
    assert header.sectionSize(MATTER_COLUMN) == max(widths)
    assert header.sectionSize(MATTER_COLUMN) >= table.viewport().width() // 4
    # Wider, and the columns keep fitting: the fitting follows the window.
    delegation.resize(delegation.width() + 200, delegation.height())
    QCoreApplication.processEvents()
    table_fits(table)
    version = delegation.order_tab.version_combo
    assert version.width() >= version.sizeHint().width()  # "Antagen … § 214" whole


def test_share_width_keeps_short_columns_and_cuts_the_long_ones_alike() -> None:
    # Everything fits: the natural widths, the room to spare to the matter.
    assert share_width([50, 100, 80], 300, [50, 56, 56], grow=1) == [50, 170, 80]
    # Too wide: the matter keeps a third, the short column its width, the long ones one cap.
    assert share_width([40, 400, 300, 300], 600, [40, 56, 56, 56], grow=1) == [40, 200, 180, 180]
    # Never below the narrowest, even if the table must scroll then.
    assert share_width([100, 100], 60, [56, 56], grow=None) == [56, 56]


def test_the_delegation_window_fits_a_1200_pixel_screen_on_every_tab(window: MainWindow) -> None:
    """The decisions tab's filters and documents on one row made the window 1,298 pixels
    wide at its smallest: on a 1200×800 screen its right edge was off screen."""
    delegation = window.show_delegation()
    for index in range(delegation.tabs.count()):
        delegation.tabs.setCurrentIndex(index)
        QCoreApplication.processEvents()
        assert delegation.minimumSizeHint().width() <= 1180, delegation.tabs.tabText(index)
    assert window.minimumSizeHint().height() <= 740  # 1366×768 less the task bar
