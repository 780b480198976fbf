"""Choosing a database file to open or to create (the File menu of the window), and opening it
in the window in place of the one open."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from nacka_desktop.services.context import DatabaseOpenError, Services, remembered_location
from nacka_desktop.ui.shell.settings import LAST_DATABASE
from nacka_desktop.ui.widgets.files import FilePlaces

if TYPE_CHECKING:
    from nacka_desktop.ui.shell.main_window import MainWindow

OpenDatabase = Callable[[str], bool]  # opens the file in the window; False if it cannot


def choose_database(parent: QWidget, open_database: OpenDatabase) -> None:
    """*Öppna databas…*: an existing file."""
    path = FilePlaces.of(parent).open_path(
        parent,
        QCoreApplication.translate("MainWindow", "Öppna databas"),
        QCoreApplication.translate(
            "MainWindow", "Nacka Desktop-databaser (*.db *.sqlite);;Alla filer (*)"
        ),
    )
    if path is not None:
        open_database(str(path))


def new_database(parent: QWidget, open_database: OpenDatabase) -> None:
    """*Ny databas…*: a new file, created with the app's tables when it is opened."""
    path = FilePlaces.of(parent).save_path(
        parent,
        QCoreApplication.translate("MainWindow", "Ny databas"),
        "organisation.db",
        QCoreApplication.translate("MainWindow", "Databaser (*.db)"),
    )
    if path is not None:
        open_database(str(path))


class DatabaseSwitcher:
    """Arkiv → Öppna / Ny databas: the window goes over to the other database (its tree,
    search, Problems panel and undo history), and the one open before is closed."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def choose(self) -> None:
        choose_database(self.window, self.open)

    def create(self) -> None:
        new_database(self.window, self.open)

    def open(self, location: str) -> bool:
        """Open another database in this window (False, with a message, if it cannot be)."""
        try:
            services = self.window.open_services(location)
        except DatabaseOpenError as error:
            QMessageBox.critical(
                self.window,
                QCoreApplication.translate("MainWindow", "Databasen kunde inte öppnas"),
                error.text(self.window.language),
            )
            return False
        self.switch_to(services, location)
        return True

    def switch_to(self, services: Services, location: str) -> None:
        old = self.window.services
        self.window.context.services = services
        self.window.undo_stack.clear()
        self.window.delegation_stack.clear()
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
