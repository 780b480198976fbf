"""Long work runs in a worker thread behind a progress dialog; Avbryt stops it."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QFileDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from nacka_desktop.ui.shell.background import Progress, run_in_background
from nacka_desktop.ui.shell.main_window import MainWindow

pytestmark = pytest.mark.gui


def fail_on_error(error: BaseException) -> None:
    """The work was not to fail: fail the test, naming what went wrong."""
    pytest.fail(f"the work failed: {error!r}")


def test_the_result_comes_back_on_the_gui_thread(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    results: list[object] = []
    threads: list[threading.Thread] = []

    def work(progress: Progress) -> int:
        threads.append(threading.current_thread())
        progress(1, 2)
        return 42

    task = run_in_background(parent, "Arbetar …", work, results.append, fail_on_error)
    qtbot.waitUntil(lambda: results == [42])
    assert threads[0] is not threading.main_thread()
    assert not task.dialog.isVisible()


def test_avbryt_stops_the_work_at_its_next_step(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    started, steps = threading.Event(), []

    def work(progress: Progress) -> None:
        started.set()
        for step in range(1000):
            progress(step, 1000)
            steps.append(step)
            threading.Event().wait(0.005)

    task = run_in_background(parent, "Arbetar …", work, pytest.fail, fail_on_error)
    assert started.wait(5)
    qtbot.waitUntil(task.dialog.isVisible)  # shown once the work takes a moment
    avbryt = task.dialog.findChild(QPushButton)
    assert avbryt is not None
    avbryt.click()
    task.wait()
    assert len(steps) < 1000  # stopped early, and neither done nor failed was called


def test_a_failure_is_reported(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    errors: list[BaseException] = []

    def work(_progress: Progress) -> None:
        raise OSError("disken är full")

    run_in_background(parent, "Arbetar …", work, pytest.fail, errors.append)
    qtbot.waitUntil(lambda: len(errors) == 1)
    assert str(errors[0]) == "disken är full"


def test_the_register_is_written_in_the_background(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "register.xlsx"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(target), ""))
    )
    window.main_actions.register_action.trigger()
    qtbot.waitUntil(target.exists, timeout=20_000)
    window.work_actions.export_task.wait()  # the worker's last steps after the file is there
    workbook = load_workbook(target, read_only=True)
    assert workbook.sheetnames == ["Fördelningar", "Uppgifter per person"]
    assert sum(1 for _ in workbook["Fördelningar"].iter_rows()) > 1


def test_the_cycle_collector_comes_back_only_when_the_last_overlapping_job_ends() -> None:
    """Two jobs overlap (a register while the rule check runs): the first to end must not
    switch the collector on under the second, nor may the collector stay off after both.
    The same for the short switch interval that lets the window take Python's lock."""
    import gc
    import sys

    from nacka_desktop.ui.shell.background import yielding_to_the_window

    assert gc.isenabled()
    first, second = yielding_to_the_window(), yielding_to_the_window(keep=False)
    interval = sys.getswitchinterval()
    first.__enter__()
    second.__enter__()
    assert not gc.isenabled()
    assert sys.getswitchinterval() < interval / 5
    first.__exit__(None, None, None)
    assert not gc.isenabled(), "the second job still runs"
    assert sys.getswitchinterval() < interval / 5
    second.__exit__(None, None, None)
    assert gc.isenabled()
    assert sys.getswitchinterval() == interval


def test_a_collector_switched_off_before_stays_off() -> None:
    import gc

    from nacka_desktop.ui.shell.background import yielding_to_the_window

    gc.disable()
    try:
        with yielding_to_the_window():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
