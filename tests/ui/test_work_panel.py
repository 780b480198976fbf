"""The Arbetsmiljö view driven as a user would: the wizard, sign, oral, return, undo."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWizard
from sqlalchemy import text

from nacka_desktop.domain.enums import Role
from nacka_desktop.domain.work_environment import DistributionState, ReturnReason
from nacka_desktop.services.context import Services
from nacka_desktop.ui.org.dialogs import DateDialog
from nacka_desktop.ui.shell.main_window import MainWindow
from nacka_desktop.ui.work.distribution_wizard import EMPLOYER, DistributionWizard
from nacka_desktop.ui.work.return_dialog import ReturnDialog
from tests.conftest import TODAY

from .helpers import problems_rows, select_unit, unit_id_by_name

pytestmark = pytest.mark.gui
ACCEPTED = 1


@pytest.fixture
def window(window: MainWindow) -> MainWindow:
    """The sample organisation without its distributions, so each test builds its own."""
    with window.services.database.transaction() as session:
        for table in (
            "task_distribution_item",
            "task_return",
            "task_distribution_unit",
            "task_distribution",
        ):
            session.execute(text(f"DELETE FROM {table}"))
    window.right_tabs.setCurrentWidget(window.work_panel)
    return window


def answer(monkeypatch: pytest.MonkeyPatch, dialog_class: type, fill: Callable[[Any], Any]) -> list:
    """Replace the dialog's exec: fill it in once and accept, then cancel (no endless loop)."""
    shown: list[Any] = []

    def fake_exec(self: QDialog) -> int:
        shown.append(self)
        if len(shown) > 1:
            return 0
        return int(fill(self))

    monkeypatch.setattr(dialog_class, "exec", fake_exec)
    return shown


def city_director(services: Services) -> int:
    snapshot = services.queries.snapshot()
    return next(
        a.id
        for a in snapshot.appointments.values()
        if a.role is Role.CITY_DIRECTOR and a.is_valid_on(TODAY)
    )


def fill_wizard_from_ks(wizard: DistributionWizard, receiver: int) -> int:
    """Walk the wizard as a user: KS gives every task for the office to the city director."""
    parties = wizard.parties
    parties.giver_combo.setCurrentIndex(parties.giver_combo.findData(EMPLOYER))
    parties.receiver_combo.setCurrentIndex(parties.receiver_combo.findData(receiver))
    wizard.restart()
    assert wizard.currentPage() is parties and parties.isComplete()
    wizard.next()
    scope = wizard.scope
    assert scope.units.count() > 0
    for row in range(scope.tasks.count()):
        scope.tasks.item(row).setCheckState(Qt.CheckState.Checked)
    assert scope.isComplete()
    wizard.next()
    wizard.confirm.all_confirmed.setChecked(True)
    wizard.confirm.may_pass_on.setChecked(True)
    wizard.next()
    wizard.terms.absence.setPlainText("Vid frånvaro återgår uppgifterna till kommunstyrelsen.")
    wizard.terms.retained.setPlainText("Inga uppgifter stannar hos kommunstyrelsen.")
    # From the employer: the KS decision it rests on is asked for (it is cited in the letter).
    assert wizard.terms.form.isRowVisible(wizard.terms.decided_on)
    wizard.terms.decided_on.setText("2026-10-20")
    wizard.terms.decision_section.setText("§ 131")
    wizard.accept()
    return int(wizard.result() == QDialog.DialogCode.Accepted)


def test_the_wizard_creates_a_draft_that_undo_removes(window, monkeypatch):
    services = window.services
    select_unit(window, "Stadsledningskontoret")
    receiver = city_director(services)
    monkeypatch.setattr(QWizard, "exec", lambda self: fill_wizard_from_ks(self, receiver))

    window.main_actions.new_distribution_action.trigger()

    views = services.work.distributions(TODAY)
    assert len(views) == 1
    created = views[0]
    assert created.state is DistributionState.DRAFT
    assert created.giver is None and created.receiver.appointment.id == receiver
    assert len(created.items) == 10
    assert all(item.item.fully_confirmed for item in created.items)
    assert created.record.employer_decision_on == date(2026, 10, 20)
    assert created.record.employer_decision_section == "§ 131"
    assert window.work_panel.distributions.rowCount() == 1
    assert window.work_panel.selected().id == created.id

    window.main_actions.undo_action.trigger()

    assert services.work.distributions(TODAY) == []
    assert window.work_panel.distributions.rowCount() == 0


def make_draft(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> int:
    receiver = city_director(window.services)
    monkeypatch.setattr(QWizard, "exec", lambda self: fill_wizard_from_ks(self, receiver))
    select_unit(window, "Stadsledningskontoret")
    window.main_actions.new_distribution_action.trigger()
    return window.services.work.distributions(TODAY)[0].id


def test_signed_and_told_makes_it_in_force_and_the_director_holds_the_tasks(window, monkeypatch):
    distribution_id = make_draft(window, monkeypatch)
    answer(monkeypatch, DateDialog, lambda dialog: ACCEPTED)

    window.work_actions.act("sign", distribution_id)
    state = window.services.work.distribution(distribution_id, TODAY).state
    assert state is DistributionState.SIGNED
    assert any(v.rule_id == "AM-3" for v in problems_rows(window))

    answer(monkeypatch, DateDialog, lambda dialog: ACCEPTED)
    window.work_actions.act("record_oral", distribution_id)

    view = window.services.work.distribution(distribution_id, TODAY)
    assert view.state is DistributionState.IN_FORCE
    assert view.signatory is not None  # KS signs through its ordförande
    assert not any(v.rule_id == "AM-3" for v in problems_rows(window))
    held = window.work_panel.held
    holders = {held.index(row, 2).data() for row in range(held.rowCount())}
    assert len(holders) == 1 and "Stadsdirektör" in holders.pop()

    window.main_actions.undo_action.trigger()  # the oral communication
    assert window.services.work.distribution(distribution_id, TODAY).state is (
        DistributionState.SIGNED
    )


def test_signing_with_unconfirmed_tasks_is_refused_in_the_dialog(window, monkeypatch):
    distribution_id = make_draft(window, monkeypatch)
    services = window.services
    task = services.work.distribution(distribution_id, TODAY).items[0].task.id
    services.distributions.set_confirmation(distribution_id, task, (True, True, False, True))
    shown = answer(monkeypatch, DateDialog, lambda dialog: ACCEPTED)

    window.work_actions.act("sign", distribution_id)

    assert len(shown) == 2  # the refusal kept the dialog open
    assert "AM-6" in shown[0].message.text()
    assert services.work.distribution(distribution_id, TODAY).state is DistributionState.DRAFT


def test_returning_tasks_gives_them_back_to_the_giver_and_undo_restores(window, monkeypatch):
    distribution_id = make_draft(window, monkeypatch)
    services = window.services
    services.distributions.sign(distribution_id, date(2026, 11, 1))
    services.distributions.record_oral(distribution_id, date(2026, 11, 2))
    first_task = services.work.distribution(distribution_id, TODAY).items[0].task

    def fill(dialog: ReturnDialog) -> int:
        for row in range(dialog.tasks.count()):
            item = dialog.tasks.item(row)
            keep = item.data(Qt.ItemDataRole.UserRole) == first_task.id
            item.setCheckState(Qt.CheckState.Checked if keep else Qt.CheckState.Unchecked)
        dialog.reasons[ReturnReason.COMPETENCE].setChecked(True)
        dialog.explanation.setPlainText("Jag saknar utbildning i brandskydd och kemikalier.")
        return ACCEPTED

    answer(monkeypatch, ReturnDialog, fill)
    window.work_panel.select(distribution_id)
    window.work_actions.act("return", distribution_id)

    view = services.work.distribution(distribution_id, TODAY)
    returned = [i for i in view.items if i.item.returned_on is not None]
    assert [i.task.id for i in returned] == [first_task.id]
    assert view.state is DistributionState.IN_FORCE  # partly returned
    slk = unit_id_by_name(services, "Stadsledningskontoret")
    holder = next(
        h for h in services.work.holders_in_unit(slk, TODAY) if h.task.id == first_task.id
    )
    assert holder.holder is None  # back with KS, the giver

    window.main_actions.undo_action.trigger()

    view = services.work.distribution(distribution_id, TODAY)
    assert all(i.item.returned_on is None for i in view.items)


def test_the_return_dialog_starts_with_no_task_ticked_and_returns_nothing_until_one_is(
    window, monkeypatch
):
    distribution_id = make_draft(window, monkeypatch)
    services = window.services
    services.distributions.sign(distribution_id, date(2026, 11, 1))
    services.distributions.record_oral(distribution_id, date(2026, 11, 2))
    seen: list[tuple[int, int, bool, bool]] = []

    def look(dialog: ReturnDialog) -> int:
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        dialog.reasons[ReturnReason.RESOURCES].setChecked(True)
        ticked = sum(
            dialog.tasks.item(row).checkState() == Qt.CheckState.Checked
            for row in range(dialog.tasks.count())
        )
        before = ok.isEnabled()
        dialog.tasks.item(1).setCheckState(Qt.CheckState.Checked)
        seen.append((dialog.tasks.count(), ticked, before, ok.isEnabled()))
        assert ok.text() == "Återför"
        return 0

    answer(monkeypatch, ReturnDialog, look)
    window.work_actions.act("return", distribution_id)
    [(count, ticked, before, after)] = seen
    assert count == 10 and ticked == 0  # the receiver chooses what to return
    assert not before and after  # nothing to return until a task is ticked


def test_the_wizard_ends_on_a_summary_of_what_finish_creates(window, monkeypatch):
    services = window.services
    receiver = city_director(services)
    seen: dict[str, Any] = {}

    def walk(wizard: DistributionWizard) -> int:
        wizard.show()  # the buttons as the user sees them
        parties = wizard.parties
        parties.giver_combo.setCurrentIndex(parties.giver_combo.findData(EMPLOYER))
        parties.receiver_combo.setCurrentIndex(parties.receiver_combo.findData(receiver))
        wizard.restart()
        wizard.next()
        for row in range(3):
            wizard.scope.tasks.item(row).setCheckState(Qt.CheckState.Checked)
        wizard.next()
        wizard.confirm.all_confirmed.setChecked(True)
        wizard.next()
        assert wizard.currentPage() is wizard.terms
        finish = wizard.button(QWizard.WizardButton.FinishButton)
        seen["finish on terms"] = finish.isVisible()
        wizard.terms.valid_to.setText("2027-12-31")
        wizard.terms.absence.setPlainText("Vid frånvaro återgår uppgifterna till KS.")
        wizard.terms.retained.setPlainText("Rehabilitering stannar hos KS.")
        wizard.terms.decided_on.setText("2026-10-20")
        wizard.terms.decision_section.setText("§ 131")
        wizard.next()
        seen["page"] = wizard.currentPage()
        seen["finish"] = finish.isVisible() and finish.isEnabled()
        seen["text"] = QTextDocumentFragment.fromHtml(wizard.summary.text.text()).toPlainText()
        seen["tasks"] = [wizard.scope.tasks.item(row).text() for row in range(3)]
        seen["summary"] = wizard.summary
        wizard.hide()
        return 0

    monkeypatch.setattr(QWizard, "exec", walk)
    select_unit(window, "Stadsledningskontoret")
    window.main_actions.new_distribution_action.trigger()

    assert seen["page"] is seen["summary"] and seen["finish"] and not seen["finish on terms"]
    text = seen["text"]
    director = services.queries.snapshot().appointments[receiver]
    name = services.queries.snapshot().person_label(director.person_id)
    for expected in (
        "Kommunstyrelsen (arbetsgivaren)",
        f"{name}, stadsdirektör, Stadsledningskontoret",
        *seen["tasks"],
        "Uppgifter (3)",
        "3 av 3 uppgifter helt bekräftade",
        "2026-11-26",
        "2027-12-31",
        "Vid frånvaro återgår uppgifterna till KS.",
        "2026-10-20 § 131",
        "utkast",
    ):
        assert expected in text, expected
    assert services.work.distributions(TODAY) == []  # nothing created before Färdig
