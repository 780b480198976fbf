"""The dialogs: what they let the user confirm, and how a refused edit is shown in them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from nacka_desktop.domain.enums import Role, UnitKind
from nacka_desktop.ui.org.dialogs import (
    AppointDialog,
    DateDialog,
    MoveUnitDialog,
    NewUnitDialog,
    PersonDialog,
)
from nacka_desktop.ui.shell.main_window import MainWindow
from tests.conftest import TODAY

from .helpers import select_unit, unit_id_by_name

pytestmark = pytest.mark.gui

ACCEPTED = 1


def ok_button(dialog: Any) -> Any:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def field_error(dialog: Any, name: str) -> str:
    """The message shown under a field once the user has been in it, or '' while the field
    is fine."""
    row = dialog.form.rows[name]
    row.touch()
    return row.shown_error


def scripted_exec(monkeypatch: pytest.MonkeyPatch, dialog_class: type, *steps: Callable):
    """exec() runs the next step each time the dialog is shown; the step returns the result."""
    shown: list[Any] = []

    def run(dialog: Any) -> int:
        step = steps[len(shown)]
        shown.append(dialog)
        return int(step(dialog))

    monkeypatch.setattr(dialog_class, "exec", run)
    return shown


# -- 4. a refused appointment ---------------------------------------------------------------
def test_a_second_regular_manager_is_refused_in_the_dialog(window: MainWindow, monkeypatch):
    services = window.services
    unit_id = select_unit(window, "Personalenheten")
    manager = services.queries.manager_of(unit_id, TODAY)
    assert manager is not None and not manager.appointment.acting
    other = next(
        view
        for view in services.queries.appointments_in_unit(unit_id)
        if view.appointment.role is Role.EMPLOYEE and view.appointment.is_valid_on(TODAY)
    )
    appointments_before = len(services.queries.snapshot().appointments)
    seen_after_refusal: dict[str, Any] = {}

    def fill_and_accept(dialog: AppointDialog) -> int:
        dialog.person_combo.setCurrentIndex(
            dialog.person_combo.findData(other.appointment.person_id)
        )
        dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(Role.UNIT_MANAGER.value))
        assert ok_button(dialog).isEnabled()
        return ACCEPTED

    def look_and_cancel(dialog: AppointDialog) -> int:
        seen_after_refusal["error"] = field_error(dialog, "valid_from")
        seen_after_refusal["person"] = dialog.person_combo.currentData()
        seen_after_refusal["role"] = dialog.role_combo.currentData()
        return 0

    shown = scripted_exec(monkeypatch, AppointDialog, fill_and_accept, look_and_cancel)
    window.appoint(unit_id=unit_id)

    assert len(shown) == 2  # the dialog stayed open after the refusal
    assert shown[0] is shown[1]
    error = seen_after_refusal["error"]
    assert error.startswith("ORG-8:")
    assert manager.person_name in error
    # what the user entered is still there to correct
    assert seen_after_refusal["person"] == other.appointment.person_id
    assert seen_after_refusal["role"] == Role.UNIT_MANAGER.value
    assert len(services.queries.snapshot().appointments) == appointments_before
    assert window.undo_stack.count() == 0
    assert services.queries.manager_of(unit_id, TODAY) == manager


def test_an_acting_manager_beside_the_regular_one_is_allowed(window: MainWindow, monkeypatch):
    services = window.services
    unit_id = select_unit(window, "Personalenheten")
    deputy = next(
        view
        for view in services.queries.appointments_in_unit(unit_id)
        if view.appointment.role is Role.DEPUTY_UNIT_MANAGER
    )

    def fill(dialog: AppointDialog) -> int:
        dialog.person_combo.setCurrentIndex(
            dialog.person_combo.findData(deputy.appointment.person_id)
        )
        dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(Role.UNIT_MANAGER.value))
        dialog.acting_check.setChecked(True)
        dialog.valid_to_edit.setText("2027-02-01")
        return ACCEPTED

    scripted_exec(monkeypatch, AppointDialog, fill)
    window.appoint(unit_id=unit_id)

    assert window.undo_stack.count() == 1
    manager = services.queries.manager_of(unit_id, TODAY)
    assert manager is not None and manager.appointment.acting
    assert "t.f." in window.unit_form.manager_label.text()


def test_appoint_dialog_offers_only_the_roles_of_the_unit(window: MainWindow, monkeypatch):
    unit_id = unit_id_by_name(window.services, "Boende Ältavägen")
    offered: list[list[str]] = []

    def look(dialog: AppointDialog) -> int:
        offered.append([dialog.role_combo.itemData(i) for i in range(dialog.role_combo.count())])
        assert not ok_button(dialog).isEnabled()  # no person chosen yet
        assert field_error(dialog, "person_id").startswith("DATA-2")
        return 0

    scripted_exec(monkeypatch, AppointDialog, look)
    window.appoint(unit_id=unit_id)

    assert set(offered[0]) == {"unit_manager", "deputy_unit_manager", "employee"}


def test_appointment_ending_before_it_starts_cannot_be_confirmed(window, monkeypatch):
    unit_id = unit_id_by_name(window.services, "Boende Ältavägen")

    def fill(dialog: AppointDialog) -> int:
        dialog.person_combo.setCurrentIndex(0)
        dialog.valid_from_edit.setText("2026-12-01")
        dialog.valid_to_edit.setText("2026-11-01")
        assert field_error(dialog, "valid_to").startswith("DATA-1")
        assert not ok_button(dialog).isEnabled()
        ok_button(dialog).click()  # a disabled button does nothing
        assert dialog.result() == 0
        return 0

    scripted_exec(monkeypatch, AppointDialog, fill)
    window.appoint(unit_id=unit_id)
    assert window.undo_stack.count() == 0


# -- new unit, new person, dates, move -----------------------------------------------------
def test_new_unit_dialog_requires_name_code_and_a_valid_date(qtbot):
    dialog = NewUnitDialog(None, UnitKind.DIRECTOR_AREA, "Ekonomi", TODAY)
    qtbot.addWidget(dialog)
    assert not ok_button(dialog).isEnabled()

    dialog.name_edit.setText("Upphandlingsenheten")
    assert not ok_button(dialog).isEnabled()
    assert field_error(dialog, "code") == "DATA-2: Ange en kod."
    qtbot.keyClicks(dialog.code_edit, "2200")
    assert ok_button(dialog).isEnabled()

    dialog.valid_from_edit.setText("2026-02-30")
    assert "Ogiltigt datum" in field_error(dialog, "valid_from")
    assert not ok_button(dialog).isEnabled()
    dialog.valid_from_edit.setText("")
    assert field_error(dialog, "valid_from") == "Ange ett datum."


def test_new_unit_dialog_asks_for_the_branch_only_for_a_production_area(qtbot):
    dialog = NewUnitDialog(None, UnitKind.CITY_MANAGEMENT_OFFICE, "Stadsledningskontoret", TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    branch_row = dialog.form.rows["welfare_branch"]
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(UnitKind.DIRECTOR_AREA.value))
    assert not branch_row.isVisible()

    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(UnitKind.PRODUCTION_AREA.value))

    assert branch_row.isVisible()
    dialog.name_edit.setText("Välfärd kultur")
    dialog.code_edit.setText("8000")
    draft = dialog.draft()
    assert draft.kind is UnitKind.PRODUCTION_AREA
    assert draft.welfare_branch is not None


def test_new_unit_dialog_under_a_group_explains_that_nothing_fits(qtbot):
    dialog = NewUnitDialog(7, UnitKind.GROUP, "HR-stöd", TODAY)
    qtbot.addWidget(dialog)
    assert dialog.kind_combo.count() == 0
    assert not ok_button(dialog).isEnabled()
    assert "Inga enheter" in field_error(dialog, "kind")


def test_new_person_through_the_dialog_and_a_duplicate_number(window: MainWindow, monkeypatch):
    services = window.services
    taken = next(iter(services.queries.snapshot().persons.values())).employee_number

    def duplicate(dialog: PersonDialog) -> int:
        for name, value in {
            "employee_number": taken,
            "first_name": "Åsa",
            "last_name": "Öberg-Ärlig",
            "email": "asa.oberg@nacka.se",
        }.items():
            dialog.edits[name].setText(value)
        return ACCEPTED

    def renumber(dialog: PersonDialog) -> int:
        assert field_error(dialog, "employee_number").startswith("DATA-3")
        dialog.edits["employee_number"].setText("N99999")
        assert field_error(dialog, "employee_number") == ""
        return ACCEPTED

    shown = scripted_exec(monkeypatch, PersonDialog, duplicate, renumber)
    window.main_actions.new_person_action.trigger()

    assert len(shown) == 2
    assert window.form_stack.currentWidget() is window.person_form
    assert window.person_form.heading.text() == "Åsa Öberg-Ärlig"
    assert window.undo_stack.count() == 1


def test_person_dialog_checks_required_fields_and_email(qtbot):
    dialog = PersonDialog()
    qtbot.addWidget(dialog)
    assert not ok_button(dialog).isEnabled()
    for name, value in (("employee_number", "N1"), ("first_name", "Pål"), ("last_name", "Åberg")):
        dialog.edits[name].setText(value)
    assert ok_button(dialog).isEnabled()

    dialog.edits["email"].setText("pal.aberg.nacka.se")

    assert field_error(dialog, "email") == "E-postadressen saknar @."
    assert not ok_button(dialog).isEnabled()


def test_date_dialog_refuses_an_invalid_date(qtbot):
    dialog = DateDialog("Avsluta", "intro", "Upphör fr.o.m.", TODAY)
    qtbot.addWidget(dialog)
    assert ok_button(dialog).isEnabled()
    dialog.date_edit.clear()
    qtbot.keyClicks(dialog.date_edit, "2026-1-5")
    assert "Ogiltigt datum" in field_error(dialog, "valid_to")
    assert not ok_button(dialog).isEnabled()


def test_move_dialog_enables_ok_only_with_a_target(qtbot, sample_services):
    dialog = MoveUnitDialog(sample_services.queries, TODAY, "Planenheten")
    qtbot.addWidget(dialog)
    assert not ok_button(dialog).isEnabled()
    assert dialog.target_id() is None

    target = unit_id_by_name(sample_services, "Ekonomi")
    dialog.select_target(target)

    assert dialog.target_id() == target
    assert ok_button(dialog).isEnabled()
    assert "Planenheten" in dialog.windowTitle()
