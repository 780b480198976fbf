"""Every dialog opens with the cursor in its first input field (issue 14, point 1): what the
user types goes into the form, not to *Avbryt* (where Space would cancel). Enter is OK only
when the form is valid."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from nacka_desktop.domain.enums import UnitKind
from nacka_desktop.domain.language import Language
from nacka_desktop.ui.delegation.council_dialog import CouncilMatterDialog
from nacka_desktop.ui.delegation.dialogs import AdoptDialog, DecisionDialog, ItemDialog
from nacka_desktop.ui.delegation.window import DelegationWindow
from nacka_desktop.ui.org.dialogs import (
    AppointDialog,
    DateDialog,
    MoveUnitDialog,
    NewUnitDialog,
    PersonDialog,
    ReportDialog,
)
from nacka_desktop.ui.org.processes_dialog import ProcessesDialog
from nacka_desktop.ui.shell.letterhead_dialog import LetterheadDialog
from nacka_desktop.ui.shell.main_window import MainWindow
from nacka_desktop.ui.work.distribution_wizard import DistributionWizard
from nacka_desktop.ui.work.task_catalogue_dialog import TaskCatalogueDialog
from tests.conftest import TODAY

from .helpers import unit_id_by_name

pytestmark = pytest.mark.gui

INPUTS = (QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QAbstractItemView)
Factory = Callable[[MainWindow], QDialog]


def _board_id(window: MainWindow) -> int:
    return unit_id_by_name(window.services, "Kommunstyrelsen")


def _council(window: MainWindow) -> QDialog:
    from nacka_desktop.domain.delegation.council_matters import CouncilMatterKind

    org = window.services.queries.snapshot(TODAY)
    kind = next(iter(CouncilMatterKind))
    return CouncilMatterDialog(org, kind, _board_id(window), {}, TODAY, window)


DIALOGS: dict[str, Factory] = {
    "Ny enhet": lambda w: NewUnitDialog(
        _board_id(w), UnitKind.EXECUTIVE_BOARD, "Kommunstyrelsen", TODAY, w
    ),
    "Datum": lambda w: DateDialog("Avveckla", "Från vilket datum?", "Fr.o.m.", TODAY, w),
    "Flytta": lambda w: MoveUnitDialog(w.services.queries, TODAY, "Planenheten", w),
    "Ny person": lambda w: PersonDialog(w),
    "Tillsätt": lambda w: AppointDialog(w.services.queries, TODAY, parent=w),
    "Rapport": lambda w: ReportDialog(
        "Rapport", [("Kommunstyrelsen", _board_id(w))], None, date(2026, 1, 1), TODAY, w
    ),
    "Brevhuvud": lambda w: LetterheadDialog(w.services.letterhead.letterhead(), w),
    "Ny punkt": lambda w: ItemDialog(w.services.queries.snapshot(TODAY), _board_id(w), None, w),
    "Delegationsbeslut": lambda w: DecisionDialog(w.services.queries.snapshot(TODAY), [], TODAY, w),
    "Anta": lambda w: AdoptDialog(TODAY, w),
    "Fullmäktige": _council,
    "Fördelning": lambda w: DistributionWizard(
        w.services.work.snapshot(TODAY), TODAY, None, None, w, Language.SWEDISH
    ),
    "Uppgiftskatalog": lambda w: TaskCatalogueDialog(w.services, w.edits, w),
    "Processer": lambda w: ProcessesDialog(w.services, w.undo_stack, w),
    "Delegation": lambda w: DelegationWindow(w.services, TODAY, Language.SWEDISH, w, w.edits),
}


def opened(qtbot: QtBot, dialog: QDialog) -> QWidget:
    """Show the dialog as a user gets it (active), and return where the keys go."""
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
    focus = QApplication.focusWidget()
    assert focus is not None
    return focus


@pytest.mark.parametrize("name", list(DIALOGS))
def test_a_dialog_opens_with_the_focus_in_an_input_field(
    window: MainWindow, qtbot: QtBot, name: str
) -> None:
    dialog = DIALOGS[name](window)
    focus = opened(qtbot, dialog)
    assert dialog.isAncestorOf(focus), f"{name}: the keys go outside the dialog"
    assert not isinstance(focus, QAbstractButton), f"{name}: focus on {focus.text()!r}"
    assert isinstance(focus, INPUTS) or isinstance(focus.parent(), INPUTS), type(focus)
    dialog.close()


def test_typing_goes_into_the_first_field_and_space_does_not_cancel(
    window: MainWindow, qtbot: QtBot
) -> None:
    dialog = PersonDialog(window)
    focus = opened(qtbot, dialog)
    assert focus is dialog.edits["employee_number"]
    qtbot.keyClicks(focus, "A 123")  # the space is a character, not a click on Avbryt
    assert dialog.edits["employee_number"].text() == "A 123"
    assert dialog.isVisible() and dialog.result() == 0


def test_a_suggested_value_in_the_first_field_is_selected_so_typing_replaces_it(
    window: MainWindow, qtbot: QtBot
) -> None:
    dialog = DateDialog("Avveckla", "Från vilket datum?", "Fr.o.m.", TODAY, window)
    focus = opened(qtbot, dialog)
    assert focus is dialog.date_edit
    qtbot.keyClicks(focus, "2027-02-01")
    assert dialog.date() == date(2027, 2, 1)


def test_enter_in_an_incomplete_form_shows_what_is_missing_instead_of_closing(
    window: MainWindow, qtbot: QtBot
) -> None:
    dialog = NewUnitDialog(_board_id(window), UnitKind.EXECUTIVE_BOARD, "KS", TODAY, window)
    focus = opened(qtbot, dialog)
    assert focus is dialog.name_edit
    rows = dialog.form.rows
    assert [rows[n].shown_error for n in ("name", "code")] == ["", ""]  # no red yet
    qtbot.keyClick(focus, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() == 0
    assert [rows[n].shown_error for n in ("name", "code")] == [
        "DATA-2: Ange ett namn.",
        "DATA-2: Ange en kod.",
    ]

    qtbot.keyClicks(dialog.name_edit, "Ny enhet")
    qtbot.keyClicks(dialog.code_edit, "9999")
    qtbot.keyClick(dialog.code_edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
