"""Saving and opening files (issue 14, point 8): the dialog starts in the folder used last
(else Documents), a letter is offered under the person's name, and the status bar confirms a
save with its path and a button that opens the folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from nacka_desktop.domain.enums import Role
from nacka_desktop.domain.language import Language
from nacka_desktop.ui.delegation.window import DelegationWindow
from nacka_desktop.ui.shell.main_window import MainWindow
from nacka_desktop.ui.shell.settings import LAST_FOLDER, Settings
from nacka_desktop.ui.widgets import pdf_preview
from nacka_desktop.ui.widgets.files import FilePlaces, documents_folder
from tests.conftest import TODAY

pytestmark = pytest.mark.gui


class SaveDialogs:
    """Stands in for QFileDialog.getSaveFileName: records where it started, answers."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.started_in: list[str] = []
        self.answers: list[str] = []
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(self._ask))

    def _ask(self, _parent: Any, _title: str, start: str, *_args: Any) -> tuple[str, str]:
        self.started_in.append(start)
        return (self.answers.pop(0) if self.answers else "", "")


def test_the_first_save_starts_in_documents_not_the_programs_folder(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialogs = SaveDialogs(monkeypatch)
    window.work_actions.export_register()
    [start] = dialogs.started_in
    assert Path(start).parent == documents_folder()
    assert Path(start).name == f"Arbetsmiljöfördelningar {TODAY.isoformat()}.xlsx"


def test_a_save_starts_in_the_folder_used_last_even_after_a_restart(
    window: MainWindow,
    settings: Settings,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    letters = tmp_path / "brev"
    letters.mkdir()
    dialogs = SaveDialogs(monkeypatch)
    dialogs.answers.append(str(letters / "register.xlsx"))
    window.work_actions.export_register()
    qtbot.waitUntil(lambda: (letters / "register.xlsx").exists(), timeout=20_000)
    window.work_actions.export_task.wait()
    assert settings.get(LAST_FOLDER) == str(letters)

    window.work_actions.export_register()  # cancelled: nothing written
    assert Path(dialogs.started_in[-1]).parent == letters
    # A new session (the same settings) starts there too.
    assert FilePlaces(settings).start_folder() == letters


def test_the_status_bar_confirms_a_save_and_opens_its_folder(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "register.xlsx"
    dialogs = SaveDialogs(monkeypatch)
    dialogs.answers.append(str(target))
    notice = window.saved_notice
    assert window.statusBar().isAncestorOf(notice) and notice.isHidden()
    window.work_actions.export_register()
    qtbot.waitUntil(lambda: notice.path is not None, timeout=20_000)
    window.work_actions.export_task.wait()
    assert notice.label.text() == f"Sparat: {target}"
    assert not notice.isHidden()
    opened: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(open_url))
    qtbot.mouseClick(notice.open_button, Qt.MouseButton.LeftButton)
    assert [url.toLocalFile() for url in opened] == [str(tmp_path)]


def test_a_delegation_letter_is_offered_under_the_persons_name(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        pdf_preview, "preview_pdf", lambda _parent, _write, title, name: shown.append((title, name))
    )
    services = window.services
    snapshot = services.queries.snapshot()
    manager = next(
        a
        for a in snapshot.appointments.values()
        if a.role is Role.UNIT_MANAGER and a.is_valid_on(TODAY) and not a.acting
    )
    person = snapshot.persons[manager.person_id]
    delegation = DelegationWindow(services, TODAY, Language.SWEDISH, window, window.edits)
    qtbot.addWidget(delegation)
    delegation.select_person(person.id)
    delegation.rights_tab.delegate_letter_button.click()
    [(_title, name)] = shown
    assert name == f"Delegeringsbrev {person.full_name} {TODAY.isoformat()}.pdf"
