"""The full rule check off the GUI thread: the window is usable while a large organisation
is checked, and only the newest request's answer is shown."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from nacka_desktop.domain.rules import Violation
from nacka_desktop.services.queries import OrgQueries

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives in the GUI thread; a signal emitted from the worker reaches it queued."""

    done = Signal(int, object)  # request number, list[Violation] or the exception


class _CheckRun(QRunnable):
    def __init__(self, number: int, check: Callable[[], list[Violation]], relay: _Relay) -> None:
        super().__init__()
        self._number = number
        self._check = check
        self._relay = relay

    def run(self) -> None:
        result: object
        try:
            result = self._check()
        except Exception as error:  # reported to the GUI thread, which logs and shows it
            result = error
        with contextlib.suppress(RuntimeError):  # the window closed meanwhile
            self._relay.done.emit(self._number, result)


class ProblemsChecker(QObject):
    """Answers at once from the cache (after an edit, or for a date already checked);
    otherwise checks in a worker thread and emits `ready` when done."""

    ready = Signal(object)  # list[Violation]
    failed = Signal(str)
    busyChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self._done)
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
        self._pool.start(_CheckRun(self._requested, lambda: queries.check(on), self._relay))

    def wait(self) -> None:
        """Until the worker is idle (closing the window, or a test)."""
        self._pool.waitForDone()

    def _done(self, number: int, result: object) -> None:
        if number != self._requested:
            return  # a newer request (another date, another database) is on its way
        self._set_busy(False)
        if isinstance(result, Exception):
            log.error("Regelkontrollen misslyckades", exc_info=result)
            self.failed.emit(str(result))
        else:
            self.ready.emit(result)

    def _set_busy(self, busy: bool) -> None:
        if busy != self.busy:
            self.busy = busy
            self.busyChanged.emit(busy)
