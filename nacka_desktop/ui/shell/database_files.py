"""Choosing a database file to open or to create (the File menu of the window), and opening it
in the window in place of the one open."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from nacka_desktop.services.context import DatabaseOpenError, Services, remembered_location
from nacka_desktop.ui.shell.background import BackgroundTask, report_failure, run_in_background
from nacka_desktop.ui.shell.settings import LAST_DATABASE

if TYPE_CHECKING:
    from nacka_desktop.ui.shell.main_window import MainWindow

OpenDatabase = Callable[[str], object]  # opens the file in the window (in the background)


def choose_database(parent: QWidget, open_database: OpenDatabase) -> None:
    """*Öppna databas…*: an existing file."""
    path, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("MainWindow", "Öppna databas"),
        "",
        QCoreApplication.translate(
            "MainWindow", "Nacka Desktop-databaser (*.db *.sqlite);;Alla filer (*)"
        ),
    )
    if path:
        open_database(path)


def new_database(parent: QWidget, open_database: OpenDatabase) -> None:
    """*Ny databas…*: a new file, created with the app's tables when it is opened."""
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("MainWindow", "Ny databas"),
        "organisation.db",
        QCoreApplication.translate("MainWindow", "Databaser (*.db)"),
    )
    if path:
        open_database(path)


class DatabaseSwitcher:
    """Arkiv → Öppna / Ny databas: the window goes over to the other database (its tree,
    search, Problems panel and undo history), and the one open before is closed."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.opening: BackgroundTask | None = None

    def choose(self) -> None:
        choose_database(self.window, self.open)

    def create(self) -> None:
        new_database(self.window, self.open)

    def open(self, location: str) -> BackgroundTask:
        """Open another database in this window. Opening checks, backs up and upgrades the
        file (seconds for a large one), so it happens in the background with progress; the
        window goes over to it when it is open, or says why it cannot be."""
        title = QCoreApplication.translate("MainWindow", "Databasen kunde inte öppnas")

        def failed(error: BaseException) -> None:
            if isinstance(error, DatabaseOpenError):
                QMessageBox.critical(self.window, title, error.text(self.window.language))
            else:
                report_failure(self.window, title, error)

        self.opening = run_in_background(
            self.window,
            QCoreApplication.translate("MainWindow", "Öppnar {name} …").format(
                name=Path(location).name
            ),
            lambda _progress: self.window.open_services(location),
            done=lambda services: self.switch_to(services, location),
            failed=failed,
        )
        return self.opening

    def switch_to(self, services: Services, location: str) -> None:
        old = self.window.services
        self.window.context.services = services
        self.window.undo_stack.clear()
        self.window.tree_model.deleteLater()
        self.window.install_tree_model(
            services, self.window.on, self.window.main_actions.show_closed_action.isChecked()
        )
        self.window.search.set_queries(services.queries)
        self.window.settings.set(LAST_DATABASE, remembered_location(location))
        self.window.navigation.show_empty()
        self.window.expand_top()
        self.window.refresh_problems()
        self.window.update_title()
        old.close()
        self.window.databaseChanged.emit(services)
