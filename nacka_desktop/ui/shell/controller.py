"""Owns the long-lived pieces (services, settings, undo stack, language) and the main window;
rebuilds the window when the language changes so every label is retranslated."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from nacka_desktop.domain.language import Language
from nacka_desktop.services.context import DatabaseOpenError, Services
from nacka_desktop.ui.shell.application import open_sample_database
from nacka_desktop.ui.shell.background import wait_with_progress
from nacka_desktop.ui.shell.commands import EditStack
from nacka_desktop.ui.shell.crash import CrashReporter, configure_logging
from nacka_desktop.ui.shell.database_files import remember_database
from nacka_desktop.ui.shell.i18n import LanguageSwitcher
from nacka_desktop.ui.shell.main_window import MainWindow
from nacka_desktop.ui.shell.settings import LANGUAGE, LAST_DATABASE, Settings


class Controller:
    def __init__(self, settings: Settings | None = None, log_dir: Path | None = None) -> None:
        self.settings = settings or Settings()
        self.log_path = configure_logging(log_dir)
        self.crash_reporter = CrashReporter(self.log_path)
        self.crash_reporter.install()
        self.language = LanguageSwitcher()
        self.language.apply(Language.parse(self.settings.get(LANGUAGE)))
        self.undo_stack = EditStack()
        self.delegation_stack = EditStack()  # the Delegation window's (issue 14)
        self.services: Services | None = None
        self.window: MainWindow | None = None

    def start(self, database: str | None) -> bool:
        services = self._open_first(database)
        if services is None:
            return False
        self.services = services
        self._show_window()
        return True

    def _open_first(self, database: str | None) -> Services | None:
        last = self.settings.get(LAST_DATABASE)
        wanted = database or (last if last and Path(last).exists() else None)
        if wanted:
            try:
                services = wait_with_progress(
                    QCoreApplication.translate("Controller", "Öppnar {name} …").format(
                        name=Path(wanted).name
                    ),
                    lambda: _opened_and_read(Services.open(wanted)),
                )
                remember_database(self.settings, wanted)
                return services
            except DatabaseOpenError as error:
                QMessageBox.critical(
                    None,
                    "Nacka Desktop",
                    self._message(error)
                    + "\n\n"
                    + QCoreApplication.translate(
                        "Controller", "Exempelorganisationen öppnas i stället."
                    ),
                )
        try:
            return wait_with_progress(
                QCoreApplication.translate("Controller", "Öppnar exempelorganisationen …"),
                lambda: _opened_and_read(open_sample_database()),
            )
        except DatabaseOpenError as error:
            QMessageBox.critical(None, "Nacka Desktop", self._message(error))
            return None

    def _message(self, error: DatabaseOpenError) -> str:
        return error.text(self.language.language)

    def _show_window(self) -> None:
        assert self.services is not None
        old = self.window
        if old is not None:
            old.save_window_state()  # so the new window opens with the size the user gave
        self.window = MainWindow(
            self.services,
            self.settings,
            self.undo_stack,
            self.language.language,
            delegation_stack=self.delegation_stack,
        )
        self.window.languageChangeRequested.connect(self.change_language)
        self.window.databaseChanged.connect(self._database_changed)
        if old is not None:
            state = old.view_state()
            old.close()
            old.deleteLater()
            self.window.show()
            self.window.restore_view_state(state)  # the tab, the search, the Delegation window
            return
        self.window.show()

    def _database_changed(self, services: Services) -> None:
        self.services = services

    def change_language(self, language: Language) -> None:
        if not self.language.apply(language):
            QMessageBox.warning(
                self.window,
                "Nacka Desktop",
                QCoreApplication.translate(
                    "Controller", "Språkfilen för {code} saknas; svenska används."
                ).format(code=language.code),
            )
        self.settings.set(LANGUAGE, self.language.language.code)
        self._show_window()


def _opened_and_read(services: Services) -> Services:
    """The organisation as of today read once, in the worker: the window's tree and forms
    then find it ready (a second read of it is from the cache), so the window opens at once
    even for a large organisation."""
    services.queries.snapshot()
    return services
