"""The unit and person forms: errors at the field as you type, refusals at the field on save."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from nacka_desktop.domain.enums import Role
from nacka_desktop.services.context import Services
from nacka_desktop.ui.org.record_form import RecordForm
from nacka_desktop.ui.org.unit_form import UnitForm
from nacka_desktop.ui.shell.main_window import MainWindow
from tests.conftest import TODAY

from .helpers import child_names, select_unit, tree_index

pytestmark = pytest.mark.gui


def field_error(form: RecordForm, name: str) -> str:
    """The message under a field once the user has left it ('' while it is fine)."""
    row = form.form.rows[name]
    row.touch()
    return row.shown_error


def field_label(form: UnitForm, name: str) -> str:
    label = form.form.layout.labelForField(form.form.rows[name])
    assert isinstance(label, QLabel)
    return label.text()


def retype(qtbot, edit, text: str) -> None:
    """Select all and type ASCII text over it, as a user would."""
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, text)


# -- 8. field validation in the unit form ---------------------------------------------------
def test_clearing_the_name_shows_an_error_and_disables_save(window: MainWindow, qtbot):
    select_unit(window, "Planenheten")
    form = window.unit_form
    assert form.save_button.isEnabled()

    retype(qtbot, form.name_edit, "")

    assert field_error(form, "name") == "DATA-2: Ange ett namn."
    assert not form.save_button.isEnabled()
    assert form.name_edit.toolTip() == "DATA-2: Ange ett namn."

    form.name_edit.setText("Planenheten")

    assert field_error(form, "name") == ""
    assert form.save_button.isEnabled()


def test_an_end_before_the_start_is_shown_at_the_end_date(window: MainWindow, qtbot):
    select_unit(window, "Planenheten")
    form = window.unit_form
    start = form.valid_from_edit.date()
    assert start is not None

    retype(qtbot, form.valid_to_edit, f"{start.year - 1}-06-30")

    assert field_label(form, "valid_to") == "Upphör fr.o.m."
    assert field_error(form, "valid_to").startswith("DATA-1:")
    assert field_error(form, "valid_from") == ""
    assert not form.save_button.isEnabled()


def test_a_malformed_date_is_shown_at_its_field(window: MainWindow, qtbot):
    select_unit(window, "Planenheten")
    form = window.unit_form

    retype(qtbot, form.valid_from_edit, "2019-02-29")

    assert "Ogiltigt datum" in field_error(form, "valid_from")
    assert not form.save_button.isEnabled()


def test_a_duplicate_code_is_refused_at_the_code_field_and_nothing_is_written(
    window: MainWindow, qtbot
):
    services = window.services
    unit_id = select_unit(window, "Planenheten")
    before = services.queries.unit(unit_id)
    form = window.unit_form

    retype(qtbot, form.code_edit, "3100")  # Bygglovsenheten's code
    form.name_edit.setText("Planenheten Älta")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    error = field_error(form, "code")
    assert error.startswith("DATA-3:")
    assert "3100" in error
    assert services.queries.unit(unit_id) == before
    assert window.undo_stack.count() == 0
    assert form.name_edit.text() == "Planenheten Älta"  # the user's input is kept to correct


def test_saving_the_form_changes_the_unit_and_undo_restores_it(window: MainWindow, qtbot):
    services = window.services
    unit_id = select_unit(window, "Planenheten")
    form = window.unit_form

    form.name_edit.setText("Planenheten Älta")
    retype(qtbot, form.code_edit, "3301")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    saved = services.queries.unit(unit_id)
    assert (saved.name, saved.code) == ("Planenheten Älta", "3301")
    assert window.undo_stack.count() == 1
    assert form.heading.text() == "Planenheten Älta"
    assert "Planenheten Älta" in child_names(
        window.tree_model, tree_index(window, "Stadsutveckling")
    )

    window.main_actions.undo_action.trigger()

    restored = services.queries.unit(unit_id)
    assert (restored.name, restored.code) == ("Planenheten", "3300")
    assert form.name_edit.text() == "Planenheten"
    assert form.code_edit.text() == "3300"


def test_a_new_name_applies_from_a_date_and_the_old_one_stays_before_it(window: MainWindow, qtbot):
    services = window.services
    unit_id = select_unit(window, "Planenheten")
    form = window.unit_form
    assert not form.form_layout.isRowVisible(form.form.rows["from_date"])

    retype(qtbot, form.name_edit, "Planenheten Alta")

    # Asked only when the name or code changes, prefilled with the view date.
    assert form.form_layout.isRowVisible(form.form.rows["from_date"])
    assert form.renamed_from_edit.date() == window.on
    retype(qtbot, form.renamed_from_edit, "2027-01-01")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    assert services.queries.unit(unit_id, date(2026, 12, 31)).name == "Planenheten"
    assert services.queries.unit(unit_id, date(2027, 1, 1)).name == "Planenheten Alta"
    assert form.heading.text() == "Planenheten"  # the view date is before the new name
    assert "2027-01-01 och framåt: Planenheten Alta (3300)" in form.history_label.text()
    assert form.history_label.isVisible()

    window.main_actions.undo_action.trigger()

    assert [p.name for p in services.queries.history(unit_id)] == ["Planenheten"]
    assert not form.history_label.isVisible()


def test_a_correction_changes_the_name_in_the_whole_history(window: MainWindow, qtbot):
    services = window.services
    unit_id = select_unit(window, "Planenheten")
    form = window.unit_form

    retype(qtbot, form.name_edit, "Planeringsenheten")
    form.correction_check.setChecked(True)
    assert not form.renamed_from_edit.isEnabled()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    assert [(p.valid_from, p.name) for p in services.queries.history(unit_id)] == [
        (None, "Planeringsenheten")
    ]


def test_a_correction_of_a_renamed_unit_corrects_the_name_shown_not_the_earlier_one(
    window: MainWindow, qtbot
):
    services = window.services
    unit_id = select_unit(window, "Planenheten")
    services.units.rename(unit_id, "Planenheten B", date(2026, 1, 1))
    window.navigation.show_unit(unit_id)
    form = window.unit_form
    assert form.name_edit.text() == "Planenheten B"

    retype(qtbot, form.name_edit, "Planeringsenheten")
    form.correction_check.setChecked(True)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    assert [(p.valid_from, p.name) for p in services.queries.history(unit_id)] == [
        (None, "Planenheten"),
        (date(2026, 1, 1), "Planeringsenheten"),
    ]
    assert form.heading.text() == "Planeringsenheten"


def test_revert_puts_back_the_stored_values(window: MainWindow):
    select_unit(window, "Planenheten")
    form = window.unit_form
    form.name_edit.setText("")
    assert not form.save_button.isEnabled()

    form.revert_button.click()

    assert form.name_edit.text() == "Planenheten"
    assert field_error(form, "name") == ""
    assert form.save_button.isEnabled()


def test_unit_form_shows_only_the_fields_of_its_kind(window: MainWindow):
    form = window.unit_form
    rows = form.form.rows
    select_unit(window, "Kommunfullmäktige")
    assert not rows["seats"].isHidden() and form.seats_spin.value() == 61
    select_unit(window, "Välfärd skola")
    assert not rows["welfare_branch"].isHidden() and rows["seats"].isHidden()
    select_unit(window, "Utbildningsnämnden")
    assert not rows["charter"].isHidden() and "skollagen" in form.charter_edit.toPlainText()
    select_unit(window, "Planenheten")
    assert rows["charter"].isHidden() and rows["welfare_branch"].isHidden()


# -- the person form -----------------------------------------------------------------------
def test_person_form_validates_and_saves_a_name_with_swedish_letters(window: MainWindow, qtbot):
    services = window.services
    unit_id = select_unit(window, "Planenheten")
    planner = next(
        view
        for view in services.queries.appointments_in_unit(unit_id)
        if view.appointment.role is Role.EMPLOYEE
    )
    window.navigation.show_person(planner.appointment.person_id)
    form = window.person_form
    assert form.heading.text() == planner.person_name
    assert "Planenheten" in form.chiefs_label.text()

    form.edits["last_name"].setText("")
    assert field_error(form, "last_name") == "DATA-2: Ange efternamn."
    assert not form.save_button.isEnabled()
    form.edits["email"].setText("utan-snabel-a")
    assert field_error(form, "email") == "E-postadressen saknar @."

    form.edits["last_name"].setText("Ödmark-Åström")
    form.edits["email"].setText("odmark@nacka.se")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    person = services.queries.person(planner.appointment.person_id)
    assert (person.last_name, person.email) == ("Ödmark-Åström", "odmark@nacka.se")
    assert form.heading.text().endswith("Ödmark-Åström")
    window.main_actions.undo_action.trigger()
    assert services.queries.person(planner.appointment.person_id).last_name != "Ödmark-Åström"


def test_a_form_filled_before_a_colleague_saved_is_refused_and_filled_again(
    window, message_boxes, db_path
):
    """Two people, one database: my save would silently undo the colleague's; it is refused
    with "ladda om", the form shows what is saved now, and my next save goes through."""
    unit_id = select_unit(window, "Socialnämnden")
    colleague = Services.open(db_path, clock=lambda: TODAY, create=False)
    try:
        colleague.units.update(unit_id, charter="Kollegans reglemente")
    finally:
        colleague.close()

    form = window.unit_form
    form.charter_edit.setPlainText("Mitt reglemente")
    form.save_button.click()

    assert any("Någon annan har ändrat enheten" in text for _, _, text in message_boxes.calls)
    assert window.services.queries.unit(unit_id).charter == "Kollegans reglemente"
    assert form.charter_edit.toPlainText() == "Kollegans reglemente"  # filled again
    assert not window.undo_stack.canUndo()

    form.charter_edit.setPlainText("Mitt reglemente")
    form.save_button.click()
    assert window.services.queries.unit(unit_id).charter == "Mitt reglemente"
