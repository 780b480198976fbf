"""Starting the GUI: display check, QApplication, language, database, crash reporting."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from nacka_desktop.domain.dates import today
from nacka_desktop.paths import sample_database_path
from nacka_desktop.sample import build_sample_organisation
from nacka_desktop.services.context import Services

NO_DISPLAY_MESSAGE = """\
nacka-desktop: ingen skärm hittades (varken DISPLAY eller WAYLAND_DISPLAY är satt).
Kör programmet i ett grafiskt skrivbord, eller på en virtuell skärm:
    make run-xvfb
Kommandona fungerar utan skärm, t.ex.:  nacka-desktop check --db FIL

No display found. Run inside a desktop session or on a virtual one: `make run-xvfb`.
"""


def has_display() -> bool:
    if sys.platform != "linux" or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def open_sample_database(path: Path | None = None) -> Services:
    """Open the sample organisation in the user's data directory, building it on first run."""
    path = path or sample_database_path()
    if not path.exists():
        # Built under another name and renamed when complete, so an interrupted first run
        # never leaves an empty database behind to be opened on every later start.
        partial = path.with_name(f"{path.name}.building")
        for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
            leftover.unlink(missing_ok=True)
        building = Services.open(partial)
        try:
            build_sample_organisation(building.database, today())
        finally:
            building.close()
        partial.rename(path)
    return Services.open(path)


def run(database: str | None) -> int:
    if not has_display():
        print(NO_DISPLAY_MESSAGE, file=sys.stderr)
        return 2

    from PySide6.QtWidgets import QApplication

    from nacka_desktop.ui.shell.controller import Controller

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName("Nacka Desktop")
    app.setApplicationName("Nacka Desktop")
    app.setApplicationDisplayName("Nacka Desktop")
    from nacka_desktop.ui.shell.icons import app_icon

    app.setWindowIcon(app_icon())  # every window and dialog, and the task bar
    app.setDesktopFileName("nacka-desktop")
    controller = Controller()
    if not controller.start(database):
        return 3
    return app.exec()
