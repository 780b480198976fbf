"""Choosing a database file to open or to create (the File menu of the window), and opening it
in the window in place of the one open."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from nacka_desktop.services.context import (
    DatabaseOpenError,
    Services,
    remembered_location,
    without_password,
)
from nacka_desktop.ui.shell.background import BackgroundTask, report_failure, run_in_background
from nacka_desktop.ui.shell.settings import LAST_DATABASE, RECENT_DATABASES, Settings
from nacka_desktop.ui.widgets.files import FilePlaces

if TYPE_CHECKING:
    from nacka_desktop.ui.shell.main_window import MainWindow

OpenDatabase = Callable[[str], object]  # opens the file in the window (in the background)
RECENT_COUNT = 8


def recent_databases(settings: Settings) -> list[str]:
    return [line for line in str(settings.get(RECENT_DATABASES)).splitlines() if line.strip()]


def remember_database(settings: Settings, location: str) -> None:
    """The database opened: the one to open next time, and first among the recent ones. A
    server's password is never written down (it comes from ~/.pgpass or is asked for)."""
    remembered = without_password(remembered_location(location))
    settings.set(LAST_DATABASE, remembered)
    recent = [remembered] + [r for r in recent_databases(settings) if r != remembered]
    settings.set(RECENT_DATABASES, "\n".join(recent[:RECENT_COUNT]))


def fill_recent_menu(menu: QMenu, settings: Settings, open_database: OpenDatabase) -> None:
    """Arkiv → Senaste databaser, as it is when opened: the file's name, its folder beside
    it; a file no longer there is shown greyed out."""
    menu.clear()
    recent = recent_databases(settings)
    for location in recent:
        is_file = "://" not in location
        label = f"{Path(location).name}  ({Path(location).parent})" if is_file else location
        action = menu.addAction(label)
        action.setToolTip(location)
        action.setEnabled(not is_file or Path(location).exists())
        action.triggered.connect(lambda _=False, chosen=location: open_database(chosen))
    if not recent:
        none = menu.addAction(QCoreApplication.translate("MainWindow", "(inga ännu)"))
        none.setEnabled(False)
        return
    menu.addSeparator()
    clear = menu.addAction(QCoreApplication.translate("MainWindow", "Töm listan"))
    clear.triggered.connect(lambda: settings.set(RECENT_DATABASES, ""))


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
        self.opening: BackgroundTask | None = None

    def fill_recent(self, menu: QMenu) -> None:
        fill_recent_menu(menu, self.window.settings, self.open)

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
        self.window.delegation_stack.clear()
        self.window.tree_model.deleteLater()
        self.window.install_tree_model(
            services, self.window.on, self.window.main_actions.show_closed_action.isChecked()
        )
        self.window.search.set_queries(services.queries)
        remember_database(self.window.settings, location)
        self.window.navigation.show_empty()
        self.window.expand_top()
        self.window.refresh_problems()
        self.window.update_title()
        old.close()
        self.window.databaseChanged.emit(services)
