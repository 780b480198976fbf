"""Unexpected errors: written to a log file, shown as a short dialog; the app keeps running."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from nacka_desktop.paths import log_dir

log = logging.getLogger("nacka_desktop")


def configure_logging(directory: Path | None = None) -> Path:
    directory = directory or log_dir()
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "nacka-desktop.log"
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


class CrashReporter:
    def __init__(self, log_path: Path) -> None:
        self.log_path = log_path
        self._showing = False

    def install(self) -> None:
        sys.excepthook = self.handle

    def handle(
        self,
        kind: type[BaseException],
        error: BaseException,
        trace: TracebackType | None,
    ) -> None:
        log.error("Oväntat fel:\n%s", "".join(traceback.format_exception(kind, error, trace)))
        if self._showing or QApplication.instance() is None:
            return
        self._showing = True
        try:
            QMessageBox.critical(
                QApplication.activeWindow(),
                QApplication.translate("CrashReporter", "Oväntat fel"),
                QApplication.translate(
                    "CrashReporter",
                    "Ett oväntat fel inträffade: {error}\n\nProgrammet fortsätter. Detaljerna "
                    "finns i loggfilen:\n{path}",
                ).format(error=error, path=self.log_path),
            )
        finally:
            self._showing = False
