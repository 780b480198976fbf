"""The English window shows data in English: kinds, roles, states and the problems' labels come
from the catalogue in the window's language, never a Swedish label in an English text, and an
undo step made before a change of language is named in the new one (issue 12)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QComboBox, QWizard

from nacka_desktop.domain.delegation.orders import (
    CONSULTATION_KINDS,
    NEED_TEST_KINDS,
    DecisionKind,
    DelegateKind,
    LegalBasis,
)
from nacka_desktop.domain.enums import Role
from nacka_desktop.domain.language import Language
from nacka_desktop.domain.rules import ObjectKind
from nacka_desktop.services.context import Services
from nacka_desktop.ui.delegation.dialogs import DecisionDialog, ItemDialog
from nacka_desktop.ui.org.dialogs import AppointDialog
from nacka_desktop.ui.shell.commands import EditStack
from nacka_desktop.ui.shell.i18n import LanguageSwitcher
from nacka_desktop.ui.shell.main_window import MainWindow
from nacka_desktop.ui.shell.settings import Settings
from nacka_desktop.ui.work.distribution_wizard import DistributionWizard
from tests.conftest import TODAY

from .helpers import forget_language, problems_rows, select_unit, settle_problems

pytestmark = pytest.mark.gui

SWEDISH_ROLES = {role.label_sv.lower() for role in Role}
ENGLISH_ROLES = {role.label_en.lower() for role in Role}


@pytest.fixture
def english(qapp) -> Iterator[LanguageSwitcher]:
    """Qt's and the app's English catalogues installed, as the controller installs them."""
    switcher = LanguageSwitcher()
    assert switcher.apply(Language.ENGLISH)
    yield switcher
    forget_language(switcher)


@pytest.fixture
def english_window(
    english: LanguageSwitcher, qtbot, sample_services: Services, settings: Settings
) -> MainWindow:
    window = MainWindow(sample_services, settings, EditStack(), Language.ENGLISH)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    settle_problems(window)
    return window


def texts(combo: QComboBox) -> list[str]:
    return [combo.itemText(index) for index in range(combo.count())]


def captured(monkeypatch: pytest.MonkeyPatch, dialog_class: type) -> list[Any]:
    """Each dialog of the class as it is shown, then cancelled."""
    shown: list[Any] = []

    def cancel(dialog: Any) -> int:
        shown.append(dialog)
        return 0

    monkeypatch.setattr(dialog_class, "exec", cancel)
    return shown


def the_role_in(text: str) -> str:
    """ "Anna Berg, acting unit manager, Förskolan Björken" → "unit manager"."""
    role = text.split(", ")[1]
    return role.removeprefix("acting ").removeprefix("t.f. ")


# -- combo boxes ---------------------------------------------------------------------------------
def test_the_item_dialog_offers_kinds_delegates_roles_and_bases_in_english(
    english_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialogs = captured(monkeypatch, ItemDialog)
    delegation = english_window.show_delegation()
    delegation.order_tab.new_version_button.click()
    delegation.order_tab.new_item_button.click()

    [dialog] = dialogs
    assert texts(dialog.kind) == [kind.label_en for kind in DecisionKind]
    assert texts(dialog.basis) == [basis.label_en for basis in LegalBasis]
    editor = dialog.delegate_editor
    assert texts(editor.kind) == [
        kind.label_en
        for kind in (
            DelegateKind.POSITION,
            DelegateKind.CHAIR,
            DelegateKind.VICE_CHAIR,
            DelegateKind.MEMBER,
            DelegateKind.COMMITTEE,
        )
    ]
    assert texts(editor.role)[0] == "(title)"
    assert texts(editor.role)[1:] == [role.label_en for role in Role if not role.is_political]
    substitute_kinds = texts(dialog.substitute_editor.kind)
    assert substitute_kinds[0] == "(none)" and substitute_kinds[1] == "Position"


def test_the_decision_dialog_names_whoever_decides_by_an_english_role(
    english_window: MainWindow, monkeypatch: pytest.MonkeyPatch, qtbot: Any
) -> None:
    dialogs = captured(monkeypatch, DecisionDialog)
    monkeypatch.setattr(DecisionDialog, "deleteLater", lambda _self: None)  # kept for the test
    english_window.show_delegation().decisions_tab.new_decision_button.click()

    [dialog] = dialogs
    dialog.show_all.setChecked(True)  # every position, not only those who may decide an item
    roles = {the_role_in(text) for text in texts(dialog.decided_by)}
    assert roles and roles <= ENGLISH_ROLES
    assert "unit manager" in roles
    dialog.show_all.setChecked(False)
    dialog.item_combo.setCurrentIndex(0)
    ways = [text.rsplit(" – ", 1)[1].split(" (")[0] for text in texts(dialog.decided_by)]
    assert ways and not {"delegat", "ersättare", "som chef"} & set(ways)
    # whom it concerns: each person with an English role and their unit
    qtbot.waitUntil(dialog.concerns_ready)  # named in a worker thread
    concerns = texts(dialog.concerns)
    assert not any(" – enhetschef, " in text or " – Enhetschef" in text for text in concerns)
    assert any(" – unit manager, " in text for text in concerns)


def test_the_distribution_wizard_names_givers_and_receivers_by_english_roles(
    english_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    wizards = captured(monkeypatch, QWizard)
    english_window.work_actions.new_distribution(None, None)

    [wizard] = wizards
    assert isinstance(wizard, DistributionWizard)
    givers = texts(wizard.parties.giver_combo)
    assert givers[0] == "The executive board (KS, the employer)"
    roles = {the_role_in(text) for text in givers[1:]}
    assert roles and roles <= ENGLISH_ROLES and not roles & SWEDISH_ROLES
    receivers = texts(wizard.parties.receiver_combo)
    assert receivers and {the_role_in(text) for text in receivers} <= ENGLISH_ROLES


# -- problems and views --------------------------------------------------------------------------
def test_problems_name_roles_items_and_decisions_in_english(english_window: MainWindow) -> None:
    model = english_window.problems.model
    shown = [
        tuple(str(model.index(row, column).data()) for column in range(4))
        for row in range(model.rowCount())
    ]
    assert shown
    assert {severity for severity, *_rest in shown} <= {"Error", "Warning", "Information"}
    for _severity, rule, label, message in shown:
        words = f" {label} {message} ".replace(",", " ").replace("(", " ").split()
        assert not {"punkt", "Delegationsbeslut", "enhetschef", "Fördelning"} & set(words), (
            rule,
            label,
            message,
        )
    by_kind = {(v.rule_id, v.object_kind) for v in problems_rows(english_window)}
    # the sample has each of these: a lapsed distribution (a holder's role in the message),
    # a recalled item and an unreported decision (their labels)
    assert {
        ("AM-1", ObjectKind.DISTRIBUTION),
        ("DEL-4", ObjectKind.DELEGATION_ITEM),
        ("DEL-11", ObjectKind.DELEGATED_DECISION),
    } <= by_kind
    lapsed = next(message for _s, rule, _l, message in shown if rule == "AM-1")
    assert "now held by" in lapsed and ", unit manager, " in lapsed
    assert any(label.startswith("Kommunstyrelsen item ") for _s, _r, label, _m in shown)
    assert any(label.startswith("Delegated decision ") for _s, _r, label, _m in shown)


def test_the_work_environment_view_names_roles_in_english(english_window: MainWindow) -> None:
    select_unit(english_window, "Vård- och omsorgsboendet Sjötäppan")
    english_window.right_tabs.setCurrentWidget(english_window.work_panel)

    panel = english_window.work_panel
    distributions = panel.distributions
    receivers = [str(distributions.index(row, 3).data()) for row in range(distributions.rowCount())]
    assert receivers
    for receiver in receivers:
        role = receiver.rsplit(" (", 1)[1].rstrip(")")
        assert role.removeprefix("acting ") in ENGLISH_ROLES, receiver
    held = panel.held
    holders = [str(held.index(row, 2).data()) for row in range(held.rowCount())]
    chains = [str(held.index(row, 3).data()) for row in range(held.rowCount())]
    assert holders and chains
    assert not any("(Enhetschef)" in text or "(enhetschef)" in text for text in holders + chains)


# -- undo ----------------------------------------------------------------------------------------
def test_an_undo_step_made_in_swedish_is_named_in_english_after_the_switch(
    window: MainWindow,
    qtbot,
    sample_services: Services,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """ "Undo Nytt delegationsbeslut": the stack outlives the window, and its steps were named
    once, in the language of the window they were made in."""
    delegation = window.show_delegation()

    shown: list[DecisionDialog] = []

    def fill(dialog: DecisionDialog) -> int:
        shown.append(dialog)
        if len(shown) > 1:  # refused: shown again, and cancelled
            return 0
        # an item outside HR (no need test or consultation asked for), and one who may decide it
        index, holder = next(
            (index, rights[0].appointment.id)
            for index in range(dialog.item_combo.count())
            if (item := dialog._items[dialog.item_combo.itemData(index)]).decision_kind
            not in NEED_TEST_KINDS | CONSULTATION_KINDS
            and (rights := sample_services.delegation.who_may_decide(item.id, None, TODAY))
        )
        dialog.item_combo.setCurrentIndex(index)
        dialog.decided_by.setCurrentIndex(dialog.decided_by.findData(holder))
        dialog.description.setText("Beslut om inköp av kontorsmaterial")
        return 1

    monkeypatch.setattr(DecisionDialog, "exec", fill)
    delegation.decisions_tab.new_decision_button.click()
    assert len(shown) == 1, [
        (name, row.error.text()) for name, row in shown[0].form.rows.items() if row.has_error
    ] + [shown[0].message.text()]
    assert delegation.undo_action is not None
    assert delegation.undo_action.text() == "Ångra Nytt delegationsbeslut"
    assert window.main_actions.undo_action.text() == "&Ångra"  # not the main window's step

    switcher = LanguageSwitcher()
    try:
        assert switcher.apply(Language.ENGLISH)
        english = MainWindow(
            sample_services,
            settings,
            window.undo_stack,
            Language.ENGLISH,
            delegation_stack=window.delegation_stack,
        )
        qtbot.addWidget(english)
        english_delegation = english.show_delegation()
        assert english_delegation.undo_action is not None
        assert english_delegation.undo_action.text() == "Undo New delegated decision"
    finally:
        forget_language(switcher)


def test_a_role_in_an_undo_step_follows_the_language_too(
    window: MainWindow,
    qtbot,
    sample_services: Services,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """ "Tillsätt enhetschef" becomes "Appoint unit manager", the role too."""
    unit_id = select_unit(window, "Personalenheten")
    deputy = next(
        view
        for view in sample_services.queries.appointments_in_unit(unit_id)
        if view.appointment.role is Role.DEPUTY_UNIT_MANAGER
    )

    shown: list[AppointDialog] = []

    def fill(dialog: AppointDialog) -> int:
        shown.append(dialog)
        if len(shown) > 1:  # refused: shown again, and cancelled
            return 0
        dialog.person_combo.setCurrentIndex(
            dialog.person_combo.findData(deputy.appointment.person_id)
        )
        dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(Role.UNIT_MANAGER.value))
        dialog.acting_check.setChecked(True)
        dialog.valid_to_edit.setText("2027-02-01")
        return 1

    monkeypatch.setattr(AppointDialog, "exec", fill)
    window.appoint(unit_id=unit_id)
    assert len(shown) == 1
    assert window.undo_stack.undoText() == "Tillsätt enhetschef"

    switcher = LanguageSwitcher()
    try:
        assert switcher.apply(Language.ENGLISH)
        english = MainWindow(sample_services, settings, window.undo_stack, Language.ENGLISH)
        qtbot.addWidget(english)
        assert english.main_actions.undo_action.text() == "&Undo Appoint unit manager"
    finally:
        forget_language(switcher)
