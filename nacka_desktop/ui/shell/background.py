"""Long work off the GUI thread: a progress dialog with Avbryt, the window stays responsive,
and the result (or the error) comes back on the GUI thread.

The work gets a `progress(done, total)` callback. Cancelling makes the next call raise
`Cancelled`, so the work stops where it is; exports write beside the target and move the file
in place only when complete, so a cancelled export leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import sys
import threading
from collections.abc import Callable, Iterator
from typing import Any, TypeVar, cast

import shiboken6
from PySide6.QtCore import QEventLoop, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
T = TypeVar("T")


class Cancelled(Exception):
    """The user pressed Avbryt."""


class Worker(QObject):
    """Runs functions one at a time in its own worker thread; each result, or the exception
    it raised, comes back on the GUI thread through `finished(tag, result, error)`."""

    finished = Signal(object, object, object)  # tag, result, error (or None)
    progressed = Signal(int, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)

    def start(self, tag: object, work: Callable[[], Any]) -> None:
        self._pool.start(_Run(self, tag, work))

    def wait(self) -> None:
        """Until the worker is idle (a test, or closing); safe after it was deleted."""
        if shiboken6.isValid(self._pool):
            self._pool.waitForDone()


@contextlib.contextmanager
def yielding_to_the_window(*, keep: bool = False) -> Iterator[None]:
    """Long work in a worker thread, done so that the window on the GUI thread keeps
    answering. Python runs one thread at a time, so two things change while such work runs:

    - The cycle collector rests. A full collection over a large organisation's records holds
      Python's lock for 0.3-0.9 s, and the GUI thread cannot run meanwhile. Records and rows
      are freed by their reference counts as usual. At the end, what the work made is
      collected (only that: the young generations), or, with `keep` (records that stay in
      memory, as the rule check's), frozen out of every later collection.
    - The lock changes hands after 0.5 ms instead of Python's 5 ms. The GUI thread needs it
      for every slot and every call of a model while painting (a hundred to draw the search
      results), and waited up to the whole interval each time: with the first rule check
      running at Nacka's size the window stood still for 525 ms while the user typed a search,
      103 ms with the shorter interval. The work runs as fast when the window is idle (the
      interval counts only while another thread waits), and at most a little slower when it
      is busy.

    Both are the whole process's, and two jobs may overlap (a register while the rule check
    runs): they come back when the last of them ends, as they were before the first began."""
    global _running, _was_collecting, _was_switching
    with _running_lock:
        if _running == 0:
            _was_collecting = gc.isenabled()
            _was_switching = sys.getswitchinterval()
            gc.disable()
            sys.setswitchinterval(WORKER_SWITCH_INTERVAL)
        _running += 1
    try:
        yield
    finally:
        if keep:
            gc.freeze()
        else:
            gc.collect(1)
        with _running_lock:
            _running -= 1
            if _running == 0:
                sys.setswitchinterval(_was_switching)
                if _was_collecting:
                    gc.enable()


WORKER_SWITCH_INTERVAL = 0.0005  # seconds
_running_lock = threading.Lock()
_running = 0  # jobs running in worker threads
_was_collecting = True
_was_switching = 0.005


class _Run(QRunnable):
    def __init__(self, worker: Worker, tag: object, work: Callable[[], Any]) -> None:
        super().__init__()
        self._worker, self._tag, self._work = worker, tag, work

    def run(self) -> None:
        result: Any = None
        error: BaseException | None = None
        try:
            with yielding_to_the_window():
                result = self._work()
        except BaseException as caught:  # handed to the GUI thread, which reports it
            error = caught
        # The worker lives in the GUI thread, so the signal reaches it queued; it may have
        # been deleted meanwhile (its window closed).
        with contextlib.suppress(RuntimeError):
            self._worker.finished.emit(self._tag, result, error)


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
        self._worker = Worker(self)
        self._worker.progressed.connect(self._progressed)
        self._worker.finished.connect(self._finished)
        self._worker.start(None, lambda: work(self._progress))

    def _progress(self, done: int, total: int) -> None:
        """Called by the work in the worker thread."""
        if self._cancel.is_set():
            raise Cancelled
        self._worker.progressed.emit(done, total)

    def cancel(self) -> None:
        self._cancel.set()

    def wait(self) -> None:
        self._worker.wait()

    def _progressed(self, done: int, total: int) -> None:
        if total > 0 and self.dialog.maximum() != total:
            self.dialog.setMaximum(total)
        self.dialog.setValue(min(done, total))

    def _finished(self, _tag: object, result: Any, error: BaseException | None) -> None:
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


def wait_with_progress(label: str, work: Callable[[], T]) -> T:
    """Work done before any window exists (the program starting: opening a large database,
    building the sample the first time): in a worker thread, with a progress dialog once it
    takes a moment, Qt's event loop running meanwhile so the dialog draws and the desktop does
    not think the program hung. Returns the work's result, or raises its error."""
    outcome: dict[str, Any] = {}
    loop = QEventLoop()
    worker = Worker()
    dialog = QProgressDialog(label, "", 0, 0)
    dialog.setObjectName("startProgress")
    dialog.setCancelButton(None)  # the program is not open yet: nothing to go back to
    dialog.setMinimumDuration(300)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)

    def finished(_tag: object, result: Any, error: BaseException | None) -> None:
        outcome["result"], outcome["error"] = result, error
        loop.quit()

    worker.finished.connect(finished)
    worker.start(None, work)
    loop.exec()  # until `finished`, delivered here on the GUI thread
    worker.wait()
    dialog.close()
    dialog.deleteLater()
    worker.deleteLater()
    if outcome["error"] is not None:
        raise outcome["error"]
    return cast(T, outcome["result"])
