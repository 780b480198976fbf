"""Fixtures for the GUI tests: the sample organisation, private settings, the main window.

Every test runs offscreen (tests/conftest.py sets QT_QPA_PLATFORM). Nothing here may block:
message boxes are replaced by recorders, and a modal dialog a test did not prepare for fails
the test instead of waiting for a user who is not there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from nacka_desktop.domain.language import Language
from nacka_desktop.services.context import Services
from nacka_desktop.ui.org.consequences_dialog import ConsequencesDialog
from nacka_desktop.ui.org.dialogs import DateDialog
from nacka_desktop.ui.shell.commands import EditStack
from nacka_desktop.ui.shell.main_window import MainWindow
from nacka_desktop.ui.shell.settings import Settings
from tests.conftest import TODAY, build_sample

from .helpers import MessageBoxes, settle_problems


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> MessageBoxes:
    """Record QMessageBox popups instead of showing them (they would block the test)."""
    boxes = MessageBoxes()

    def recorder(kind: str, answer: Any) -> Callable[..., Any]:
        def record(_parent: Any, title: str, text: str, *_args: Any, **_kwargs: Any) -> Any:
            boxes.calls.append((kind, title, text))
            return answer

        return staticmethod(record)

    ok = QMessageBox.StandardButton.Ok
    for kind in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, recorder(kind, ok))
    monkeypatch.setattr(
        QMessageBox, "question", recorder("question", QMessageBox.StandardButton.No)
    )
    monkeypatch.setattr(QMessageBox, "about", recorder("about", None))
    return boxes


@pytest.fixture(autouse=True)
def no_unexpected_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A dialog a test did not patch would wait forever for a click; fail fast instead."""

    def refuse(self: QDialog) -> int:
        name = type(self).__name__
        raise AssertionError(f"unexpected modal dialog {name}: {self.windowTitle()!r}")

    monkeypatch.setattr(QDialog, "exec", refuse)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings in an ini file under tmp_path, never the user's real settings."""
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def sample_services(services: Services) -> Services:
    """The sample organisation (~44 units, 290 persons) on the fixed 'today'."""
    build_sample(services.database, TODAY)
    return services


@pytest.fixture
def window(qtbot: QtBot, sample_services: Services, settings: Settings) -> Iterator[MainWindow]:
    main = MainWindow(sample_services, settings, EditStack(), Language.SWEDISH)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    settle_problems(main)
    yield main


@pytest.fixture
def move_dates(monkeypatch: pytest.MonkeyPatch) -> list[DateDialog]:
    """Accept the date every drop in the tree asks for, as the dialog prefills it (the view
    date), keeping each dialog shown."""
    shown: list[DateDialog] = []

    def accept(self: DateDialog) -> int:
        shown.append(self)
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(DateDialog, "exec", accept)
    return shown


@pytest.fixture
def consequences(monkeypatch: pytest.MonkeyPatch) -> list[ConsequencesDialog]:
    """Confirm every "what follows" dialog before a risky edit, keeping each one shown."""
    shown: list[ConsequencesDialog] = []

    def confirm(self: ConsequencesDialog) -> int:
        shown.append(self)
        assert self.confirm_button is not None, self.details.text()
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(ConsequencesDialog, "exec", confirm)
    return shown
