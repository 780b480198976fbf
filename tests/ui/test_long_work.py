"""Long work runs off the GUI thread with progress: here, opening a database (a large one is
checked, backed up and upgraded first, seconds of work), and the rule check after it."""

from __future__ import annotations

import gc
import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from nacka_desktop.services.context import Services
from nacka_desktop.ui.shell.main_window import MainWindow
from nacka_desktop.ui.shell.problems_checker import _check_without_pauses

from .helpers import MessageBoxes, settle_problems

pytestmark = pytest.mark.gui


def test_another_database_is_opened_in_the_background_then_shown(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    threads: list[threading.Thread] = []
    opener = window.open_services

    def open_services(location: str) -> Services:
        threads.append(threading.current_thread())
        return opener(location)

    window.open_services = open_services
    old = window.services
    target = tmp_path / "ny.db"

    task = window.databases.open(str(target))
    assert task.dialog.labelText() == "Öppnar ny.db …"
    qtbot.waitUntil(lambda: window.services is not old, timeout=20_000)
    settle_problems(window)

    assert threads and threads[0] is not threading.main_thread()
    assert str(target) in str(window.services.database.location)
    assert window.tree_model.rowCount() == 0  # the new, empty organisation is shown


def test_a_file_that_is_no_database_is_refused_with_a_message(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, message_boxes: MessageBoxes
) -> None:
    junk = tmp_path / "inte-en-databas.db"
    junk.write_bytes(b"detta ar ingen databas " * 100)
    old = window.services

    window.databases.open(str(junk))
    qtbot.waitUntil(lambda: len(message_boxes.of_kind("critical")) == 1, timeout=20_000)

    assert message_boxes.of_kind("critical")[0][1] == "Databasen kunde inte öppnas"
    assert window.services is old  # still the database that was open


def test_the_rule_check_leaves_the_collector_as_it_found_it(
    sample_services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The collector rests while the check runs in its worker (a full collection of a large
    organisation's records held Python's lock for half a second, stopping the window)."""
    seen: list[bool] = []
    queries = sample_services.queries
    check = queries.check

    def watched(on: object) -> object:
        seen.append(gc.isenabled())
        return check(on)  # type: ignore[arg-type]

    monkeypatch.setattr(queries, "check", watched)
    assert gc.isenabled()
    _check_without_pauses(queries, sample_services.clock())
    assert seen == [False]
    assert gc.isenabled()


def test_background_work_runs_without_collector_pauses(qtbot: QtBot) -> None:
    """A register or an import in its worker: the collector rests until the work ends."""
    from PySide6.QtWidgets import QWidget

    from nacka_desktop.ui.shell.background import Progress, run_in_background

    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[bool] = []

    def work(_progress: Progress) -> bool:
        seen.append(gc.isenabled())
        return True

    results: list[object] = []
    run_in_background(parent, "Arbetar …", work, results.append, results.append)
    qtbot.waitUntil(lambda: results == [True])
    assert seen == [False]
    assert gc.isenabled()
