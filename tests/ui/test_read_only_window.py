"""A read-only database in the window (issue 11): the title bar says "skrivskyddad" and nothing
offers to edit it; an edit that gets through anyway is refused with the message."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractItemView
from pytestqt.qtbot import QtBot

from nacka_desktop.domain.language import Language
from nacka_desktop.services.context import Services
from nacka_desktop.storage import health
from nacka_desktop.ui.shell.commands import EditStack
from nacka_desktop.ui.shell.main_window import MainWindow
from nacka_desktop.ui.shell.settings import Settings
from tests.conftest import TODAY, build_sample

from .helpers import MessageBoxes, select_unit, settle_problems


@pytest.fixture
def read_only_window(
    qtbot: QtBot, db_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    made = Services.open(db_path, clock=lambda: TODAY)
    build_sample(made.database, TODAY)
    made.close()
    # What a file or folder the user cannot write tells this process (tests run as root too).
    monkeypatch.setattr(health, "is_read_only", lambda _path: True)
    services = Services.open(db_path, clock=lambda: TODAY, create=False)
    assert services.database.read_only
    main = MainWindow(services, settings, EditStack(), Language.SWEDISH)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    settle_problems(main)
    yield main
    services.close()


def edit_actions(window: MainWindow) -> dict[str, bool]:
    actions = {
        "new_unit": window.main_actions.new_unit_action,
        "rename": window.main_actions.rename_action,
        "move": window.main_actions.move_action,
        "close_unit": window.main_actions.close_unit_action,
        "new_person": window.main_actions.new_person_action,
        "appoint": window.main_actions.appoint_action,
        "end_appointment": window.main_actions.end_appointment_action,
        "new_distribution": window.main_actions.new_distribution_action,
    }
    return {name: action.isEnabled() for name, action in actions.items()}


def test_the_title_says_skrivskyddad_and_the_edit_actions_are_off(
    read_only_window: MainWindow,
) -> None:
    window = read_only_window
    assert window.windowTitle() == f"{window.services.database.location} (skrivskyddad)"
    select_unit(window, "Stadsledningskontoret")  # a selected unit enables them elsewhere
    assert not any(edit_actions(window).values()), edit_actions(window)
    assert not window.tree.dragEnabled() and not window.tree.acceptDrops()
    assert window.tree.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert window.unit_form.save_button.isHidden()
    assert window.unit_form.name_edit.isReadOnly()
    assert not window.unit_form.appointments.appoint_button.isEnabled()
    assert not window.work_panel.new_button.isEnabled()
    # Reading works as ever: the unit is shown.
    assert window.current_object() is not None


def test_a_writable_database_has_them_on(window: MainWindow) -> None:
    select_unit(window, "Stadsledningskontoret")
    assert "skrivskyddad" not in window.windowTitle()
    enabled = edit_actions(window)
    assert all(v for k, v in enabled.items() if k != "end_appointment"), enabled
    assert window.tree.dragEnabled() and not window.unit_form.save_button.isHidden()


def test_an_edit_that_gets_through_is_refused_with_the_message(
    read_only_window: MainWindow, message_boxes: MessageBoxes
) -> None:
    window = read_only_window
    unit_id = select_unit(window, "Stadsledningskontoret")
    window.org_actions.rename(unit_id, "Nytt namn")  # as a rename in the tree would
    [(kind, _title, text)] = message_boxes.calls
    assert kind == "warning" and "skrivskyddad" in text and "sparades inte" in text
    assert window.services.queries.unit(unit_id, TODAY).name == "Stadsledningskontoret"


def test_the_delegation_window_and_the_catalogues_offer_no_edit_either(
    read_only_window: MainWindow,
) -> None:
    from nacka_desktop.ui.work.task_catalogue_dialog import TaskCatalogueDialog

    delegation = read_only_window.show_delegation()
    buttons = (
        *delegation.order_tab.edit_buttons,
        *delegation.order_tab.setting_buttons,
        delegation.decisions_tab.new_decision_button,
        *delegation.council_tab.edit_buttons,
        delegation.order_tab.import_button,
    )
    assert buttons and not any(b.isEnabled() for b in buttons)
    delegation.close()

    catalogue = TaskCatalogueDialog(read_only_window.services, read_only_window.edits)
    assert not catalogue.new_button.isEnabled() and catalogue.save_button.isHidden()
    catalogue.deleteLater()
