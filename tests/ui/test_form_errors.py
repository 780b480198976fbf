"""When a form shows what is wrong (issue 14, point 7): a field's message only after the user
has been in it or pressed Spara; the form does not jump as messages come and go; a refusal
goes as soon as the fields it was about change."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from nacka_desktop.domain.enums import Role, Severity, UnitKind
from nacka_desktop.domain.rules import ObjectKind, Violation
from nacka_desktop.ui.delegation.dialogs import ItemDialog
from nacka_desktop.ui.org.dialogs import NewUnitDialog
from nacka_desktop.ui.shell.main_window import MainWindow
from tests.conftest import TODAY

from .helpers import select_unit, unit_id_by_name

pytestmark = pytest.mark.gui


def new_unit_dialog(window: MainWindow, qtbot: QtBot) -> NewUnitDialog:
    board = unit_id_by_name(window.services, "Kommunstyrelsen")
    dialog = NewUnitDialog(board, UnitKind.EXECUTIVE_BOARD, "Kommunstyrelsen", TODAY, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
    return dialog


def test_an_empty_form_shows_no_error_before_anything_is_typed(
    window: MainWindow, qtbot: QtBot
) -> None:
    dialog = new_unit_dialog(window, qtbot)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # the form is not complete...
    for name in ("name", "code"):
        assert dialog.form.rows[name].shown_error == ""  # ...but nothing is red yet
        assert not dialog.form.rows[name].error.isVisible()


def test_a_fields_error_shows_once_the_user_leaves_it(window: MainWindow, qtbot: QtBot) -> None:
    dialog = new_unit_dialog(window, qtbot)
    assert QApplication.focusWidget() is dialog.name_edit
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Tab)  # past the name, nothing typed
    assert dialog.form.rows["name"].shown_error == "DATA-2: Ange ett namn."
    assert dialog.form.rows["code"].shown_error == ""  # not yet left
    qtbot.keyClicks(dialog.name_edit, "Ny namnd")  # ASCII: keyClicks aborts on å ä ö
    assert dialog.form.rows["name"].shown_error == ""


def test_ok_shows_every_missing_field(window: MainWindow, qtbot: QtBot) -> None:
    dialog = new_unit_dialog(window, qtbot)
    dialog._accept_if_valid()  # what OK (or Enter) does
    assert dialog.form.rows["name"].shown_error == "DATA-2: Ange ett namn."
    assert dialog.form.rows["code"].shown_error == "DATA-2: Ange en kod."
    assert dialog.isVisible()


def test_the_form_does_not_jump_as_an_error_comes_and_goes(
    window: MainWindow, qtbot: QtBot
) -> None:
    dialog = new_unit_dialog(window, qtbot)
    code_row = dialog.form.rows["code"]

    def places() -> tuple[int, int, int]:
        QApplication.processEvents()
        return (code_row.y(), dialog.buttons.y(), dialog.height())

    before = places()
    dialog.form.rows["name"].touch()
    assert dialog.form.rows["name"].shown_error
    assert places() == before
    qtbot.keyClicks(dialog.name_edit, "Ny namnd")  # ASCII: keyClicks aborts on å ä ö
    assert not dialog.form.rows["name"].shown_error
    assert places() == before


def test_the_unit_form_shows_its_errors_without_moving_the_buttons(
    window: MainWindow, qtbot: QtBot
) -> None:
    select_unit(window, "Personalenheten")
    form = window.unit_form
    window.show()
    qtbot.waitExposed(window)
    assert not any(row.shown_error for row in form.form.rows.values())
    form.name_edit.setText("")  # as if erased (the row "Nytt namn gäller fr.o.m." comes)
    assert form.form.rows["name"].shown_error == ""  # still in the field
    QApplication.processEvents()
    save_at = form.save_button.mapTo(form, form.save_button.rect().topLeft())
    form.save()  # Spara
    assert form.form.rows["name"].shown_error == "DATA-2: Ange ett namn."
    QApplication.processEvents()
    assert form.save_button.mapTo(form, form.save_button.rect().topLeft()) == save_at


def test_a_refusal_goes_when_the_delegate_it_was_about_is_corrected(
    window: MainWindow, qtbot: QtBot
) -> None:
    board = unit_id_by_name(window.services, "Kommunstyrelsen")
    dialog = ItemDialog(window.services.queries.snapshot(TODAY), board, None, window)
    qtbot.addWidget(dialog)
    role = dialog.delegate_editor.role
    role.setCurrentIndex(role.findData(Role.GROUP_MANAGER.value))
    hr4 = Violation(
        "HR-4",
        Severity.ERROR,
        "Lönesättning kan aldrig delegeras till gruppchef.",
        "Setting pay can never be delegated to a group manager.",
        ObjectKind.DELEGATION_ITEM,
        0,
        "delegate",
    )
    dialog.show_refusal([hr4])
    assert dialog.form.rows["delegate"].shown_error.startswith("HR-4")
    role.setCurrentIndex(role.findData(Role.UNIT_MANAGER.value))
    assert dialog.form.rows["delegate"].shown_error == ""


def test_the_delegates_rules_run_again_as_the_delegate_changes(
    window: MainWindow, qtbot: QtBot
) -> None:
    board = unit_id_by_name(window.services, "Kommunstyrelsen")
    dialog = ItemDialog(window.services.queries.snapshot(TODAY), board, None, window)
    qtbot.addWidget(dialog)
    dialog.number.setText("1.5")
    dialog.matter.setText("Lönesättning vid nyanställning")
    role = dialog.delegate_editor.role
    role.setCurrentIndex(role.findData(Role.GROUP_MANAGER.value))
    dialog.form.reveal()  # as after OK
    dialog.revalidate()
    assert dialog.form.rows["delegate"].shown_error.startswith("HR-4")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    role.setCurrentIndex(role.findData(Role.UNIT_MANAGER.value))
    assert dialog.form.rows["delegate"].shown_error == ""
    assert ok.isEnabled()


def test_enter_in_a_field_of_the_unit_form_saves_it(window: MainWindow, qtbot: QtBot) -> None:
    unit_id = select_unit(window, "Personalenheten")
    form = window.unit_form
    saved: list[tuple[int, dict]] = []
    form.saveRequested.disconnect()
    form.saveRequested.connect(lambda record, changes: saved.append((record, changes)))
    form.code_edit.setText("1101")
    qtbot.keyClick(form.code_edit, Qt.Key.Key_Return)
    assert saved and saved[0][0] == unit_id and saved[0][1]["code"] == "1101"
