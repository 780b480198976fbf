"""Right-click on a table row: the buttons beside the table that act on it, as a menu. Each
entry is the button itself (its text, whether it is shown and enabled now), so the menu and
the buttons never disagree."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QMenu


def menu_of_buttons(view: QAbstractItemView, buttons: Sequence[QAbstractButton]) -> None:
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    view.customContextMenuRequested.connect(lambda position: _show(view, list(buttons), position))


def buttons_menu(view: QAbstractItemView, buttons: Sequence[QAbstractButton]) -> QMenu:
    """The menu as it is now: the buttons shown, each enabled as it is."""
    menu = QMenu(view)
    for button in buttons:
        if button.isHidden():
            continue
        action = menu.addAction(button.text().replace("&", "&&"))
        action.setEnabled(button.isEnabled())
        action.triggered.connect(button.click)
    return menu


def _show(view: QAbstractItemView, buttons: list[QAbstractButton], position: QPoint) -> None:
    if not view.indexAt(position).isValid():
        return
    menu = buttons_menu(view, buttons)
    if not menu.isEmpty():
        menu.exec(view.viewport().mapToGlobal(position))
    menu.deleteLater()
