"""Long work off the GUI thread: a progress dialog with Avbryt, the window stays responsive,
and the result (or the error) comes back on the GUI thread.

The work gets a `progress(done, total)` callback. Cancelling makes the next call raise
`Cancelled`, so the work stops where it is; exports write beside the target and move the file
in place only when complete, so a cancelled export leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


class Cancelled(Exception):
    """The user pressed Avbryt."""


class _Relay(QObject):
    progressed = Signal(int, int)
    finished = Signal(object, object)  # result, error (or None)


class _Run(QRunnable):
    def __init__(
        self, work: Callable[[Progress], Any], relay: _Relay, cancel: threading.Event
    ) -> None:
        super().__init__()
        self._work, self._relay, self._cancel = work, relay, cancel

    def _progress(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise Cancelled
        self._relay.progressed.emit(done, total)

    def run(self) -> None:
        result: Any = None
        error: BaseException | None = None
        try:
            result = self._work(self._progress)
        except BaseException as caught:  # handed to the GUI thread, which reports it
            error = caught
        with contextlib.suppress(RuntimeError):  # the window closed meanwhile
            self._relay.finished.emit(result, error)


class BackgroundTask(QObject):
    """One piece of work in a worker thread with a progress dialog; `done(result)` or
    `failed(error)` is called on the GUI thread, nothing when cancelled."""

    def __init__(
        self,
        parent: QWidget,
        label: str,
        work: Callable[[Progress], Any],
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None],
    ) -> None:
        super().__init__(parent)
        self._done, self._failed = done, failed
        self._cancel = threading.Event()
        self.dialog = QProgressDialog(label, self.tr("Avbryt"), 0, 0, parent)
        self.dialog.setObjectName("backgroundProgress")
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)  # quick work shows no dialog at all
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self._cancel.set)
        self._relay = _Relay(self)
        self._relay.progressed.connect(self._progressed)
        self._relay.finished.connect(self._finished)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pool.start(_Run(work, self._relay, self._cancel))

    def cancel(self) -> None:
        self._cancel.set()

    def wait(self) -> None:
        """Until the worker is idle (a test, or closing); safe after the task has finished."""
        if shiboken6.isValid(self._pool):
            self._pool.waitForDone()

    def _progressed(self, done: int, total: int) -> None:
        if total > 0 and self.dialog.maximum() != total:
            self.dialog.setMaximum(total)
        self.dialog.setValue(min(done, total))

    def _finished(self, result: Any, error: BaseException | None) -> None:
        cancelled = isinstance(error, Cancelled) or self._cancel.is_set()
        self.dialog.canceled.disconnect(self._cancel.set)  # closing it emits canceled too
        self.dialog.close()
        self.deleteLater()
        if cancelled:
            return
        if error is not None:
            log.error("Bakgrundsarbete misslyckades", exc_info=error)
            self._failed(error)
        else:
            self._done(result)


def report_failure(parent: QWidget, title: str, error: BaseException) -> None:
    """A file that could not be written is the user's to fix (a message); anything else is a
    bug, handed to the crash reporter like any unexpected error."""
    if isinstance(error, OSError):
        QMessageBox.warning(parent, title, str(error))
    else:
        sys.excepthook(type(error), error, error.__traceback__)


def run_in_background(
    parent: QWidget,
    label: str,
    work: Callable[[Progress], Any],
    done: Callable[[Any], None],
    failed: Callable[[BaseException], None],
) -> BackgroundTask:
    return BackgroundTask(parent, label, work, done, failed)
