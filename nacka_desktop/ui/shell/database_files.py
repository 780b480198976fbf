"""Choosing a database file to open or to create (the File menu of the window)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

OpenDatabase = Callable[[str], bool]  # opens the file in the window; False if it cannot


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
