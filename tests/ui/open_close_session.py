"""A long session in a few seconds, run in its own process by test_open_close.py:

    python -m tests.ui.open_close_session DB CYCLES

Starts the app as `nacka-desktop` does (the Controller, on a copy of the sample), and CYCLES
times: builds a new main window (as a language switch does) and closes the old one, opens
every dialog its menus lead to, the Delegation window with each of its dialogs, and closes
each again (Avbryt). Then quits with Ctrl+Q, like the user whose session ended in
"Fatal Python error: none_dealloc". A fatal error shows as the exit code; the last line is
JSON with what was opened and how `sys.getrefcount(None)` moved.
"""

from __future__ import annotations

import itertools
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QFileDialog,
    QInputDialog,
    QMenu,
    QMessageBox,
    QWidget,
)

from nacka_desktop.domain.language import Language
from nacka_desktop.ui.shell.controller import Controller
from nacka_desktop.ui.shell.main_window import MainWindow
from nacka_desktop.ui.shell.settings import Settings

# Menu entries that end the session or open a file: not part of the loop (Avsluta is last).
SKIPPED = {"&Avsluta", "&Ny databas…", "&Öppna databas…"}

opened: dict[str, int] = {}


def _close_at_once(dialog: QDialog) -> int:
    """Stands in for exec(): the dialog is shown, drawn and closed with Avbryt (Escape)."""
    name = type(dialog).__name__
    opened[name] = opened.get(name, 0) + 1
    dialog.show()
    QCoreApplication.processEvents()
    dialog.reject()
    QCoreApplication.processEvents()
    return int(QDialog.DialogCode.Rejected)


def _no_answer(*_args: Any, **_kwargs: Any) -> Any:
    return QMessageBox.StandardButton.No


def _patch_modal_calls() -> None:
    QDialog.exec = _close_at_once  # type: ignore[method-assign]
    for name in ("warning", "critical", "information", "question", "about"):
        setattr(QMessageBox, name, staticmethod(_no_answer))
    QFileDialog.getOpenFileName = staticmethod(lambda *_a, **_k: ("", ""))  # type: ignore[method-assign]
    QFileDialog.getSaveFileName = staticmethod(lambda *_a, **_k: ("", ""))  # type: ignore[method-assign]
    QInputDialog.getItem = staticmethod(lambda *_a, **_k: ("", False))  # type: ignore[method-assign]
    QInputDialog.getText = staticmethod(lambda *_a, **_k: ("", False))  # type: ignore[method-assign]


def menu_actions(window: MainWindow) -> list[QAction]:
    """Every command in the main window's menus that opens something, walked from the bar."""
    found: list[QAction] = []
    for top in window.menuBar().actions():
        menu = top.menu()
        if not isinstance(menu, QMenu):
            continue
        for action in menu.actions():
            if action.isSeparator() or action.menu() is not None:
                continue
            if action.text() in SKIPPED or action.isCheckable():
                continue
            if action.text().endswith("…") or action is window.main_actions.about_action:
                found.append(action)
    return found


def dialog_buttons(widget: QWidget) -> list[QAbstractButton]:
    """The buttons of a window that open a dialog (their text ends with "…")."""
    return [
        button
        for button in widget.findChildren(QAbstractButton)
        if button.text().endswith("…") and button.isEnabled() and button.isVisibleTo(widget)
    ]


def select_something(window: MainWindow) -> None:
    """A unit in the tree, so the commands that act on one open their dialogs."""
    index = window.tree_model.index(0, 0)
    child = window.tree_model.index(0, 0, index)
    window.tree.setCurrentIndex(child if child.isValid() else index)


def one_cycle(controller: Controller, cycle: int) -> None:
    controller.change_language(Language.ENGLISH if cycle % 2 else Language.SWEDISH)
    window = controller.window
    assert window is not None
    QTest.qWaitForWindowExposed(window)
    window.problems_checker.wait()
    QCoreApplication.processEvents()
    select_something(window)
    for action in menu_actions(window):
        action.trigger()
        QCoreApplication.processEvents()
    for action in (window.main_actions.show_closed_action, window.problems_dock.toggleViewAction()):
        action.trigger()  # and back
        action.trigger()
    delegation = window.show_delegation()
    QTest.qWaitForWindowExposed(delegation)
    for tab in range(delegation.tabs.count()):
        delegation.tabs.setCurrentIndex(tab)
        QCoreApplication.processEvents()
        for button in dialog_buttons(delegation.tabs.currentWidget()):
            button.click()
            QCoreApplication.processEvents()
    if cycle % 2:
        delegation.close()
    else:
        QTest.keyClick(delegation, Qt.Key.Key_Escape)  # Escape closes without closeEvent
    QCoreApplication.processEvents()


def main() -> int:
    database, cycles = sys.argv[1], int(sys.argv[2])
    app = QApplication.instance() or QApplication(sys.argv[:1])
    _patch_modal_calls()
    folder = Path(tempfile.mkdtemp(prefix="nacka-session-"))
    settings = Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    controller = Controller(settings, folder)
    if not controller.start(database):
        return 3
    counts: list[int] = []

    def run() -> None:
        for cycle in range(cycles):
            one_cycle(controller, cycle)
            counts.append(sys.getrefcount(None))
        window = controller.window
        assert window is not None
        quit_action = window.main_actions.quit_action
        assert quit_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Quit)
        quit_action.trigger()  # Ctrl+Q (offscreen, no window is active to take the key)

    QTimer.singleShot(0, run)
    code = app.exec()
    drift = [later - earlier for earlier, later in itertools.pairwise(counts)]
    print(json.dumps({"cycles": len(counts), "opened": opened, "none_drift": drift}))
    return code


if __name__ == "__main__":
    sys.exit(main())
