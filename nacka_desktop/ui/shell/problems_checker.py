"""The full rule check off the GUI thread: the window is usable while a large organisation
is checked, and only the newest request's answer is shown."""

from __future__ import annotations

import gc
import logging
from datetime import date

from PySide6.QtCore import QObject, Signal

from nacka_desktop.services.org.queries import OrgQueries
from nacka_desktop.ui.shell.background import Worker, yielding_to_the_window

log = logging.getLogger(__name__)


class ProblemsChecker(QObject):
    """Answers at once from the cache (after an edit, or for a date already checked);
    otherwise checks in a worker thread and emits `ready` when done."""

    ready = Signal(object)  # list[Violation]
    failed = Signal(str)
    busyChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = Worker(self)
        self._worker.finished.connect(self._done)
        self._requested = 0
        self.busy = False

    def request(self, queries: OrgQueries, on: date) -> None:
        self._requested += 1
        cached = queries.cached_check(on)
        if cached is not None:
            self._set_busy(False)
            self.ready.emit(cached)
            return
        self._set_busy(True)
        self._worker.start(self._requested, lambda: _check_without_pauses(queries, on))

    def wait(self) -> None:
        """Until the worker is idle (closing the window, or a test)."""
        self._worker.wait()

    def _done(self, number: object, result: object, error: BaseException | None) -> None:
        if number != self._requested:
            return  # a newer request (another date, another database) is on its way
        self._set_busy(False)
        if error is not None:
            log.error("Regelkontrollen misslyckades", exc_info=error)
            self.failed.emit(str(error))
        else:
            # The records a full check leaves in memory live as long as the database is open
            # (a million objects at Stockholm's size): moved out of the cycle collector's
            # reach, they no longer cost a half-second pause in the middle of an edit. They
            # hold no reference cycles; whatever an edit replaces is freed by its refcount.
            gc.freeze()
            self.ready.emit(result)

    def _set_busy(self, busy: bool) -> None:
        if busy != self.busy:
            self.busy = busy
            self.busyChanged.emit(busy)


def _check_without_pauses(queries: OrgQueries, on: date) -> object:
    """The check builds a million objects at Stockholm's size; each full collection of the
    cycle collector on the way held Python's lock for 0.3-0.7 s, so the window stopped again
    and again while the check ran "in the background". The records stay in memory as long as
    the database is open: they are frozen out of later collections (see `_done`)."""
    with yielding_to_the_window(keep=True):
        return queries.check(on)
