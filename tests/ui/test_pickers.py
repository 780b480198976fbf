"""What the pickers show: items told apart, decision makers who may decide, receivers who may
receive, and a search that finds a person by any parts of the name (issue 14, point 6)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWizard

from nacka_desktop.domain.delegation.orders import DelegateKind
from nacka_desktop.domain.enums import Role
from nacka_desktop.services.context import Services
from nacka_desktop.services.org.people import AppointmentDraft, PersonDraft
from nacka_desktop.ui.delegation.dialogs import DecisionDialog, ItemDialog
from nacka_desktop.ui.shell.main_window import MainWindow
from nacka_desktop.ui.widgets.fields import SearchableCombo, searchable_combo, set_choices
from nacka_desktop.ui.work.distribution_wizard import DistributionWizard
from tests.conftest import TODAY

from .helpers import unit_id_by_name

pytestmark = pytest.mark.gui

POLITICAL_WORDS = {role.label_sv.lower() for role in Role if role.is_political}


def texts(combo: QComboBox) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def typed(qtbot: Any, combo: QComboBox, text: str) -> list[str]:
    """Type into the combo as a user does; the entries its completer then offers."""
    line = combo.lineEdit()
    assert line is not None
    line.clear()
    if text.isascii():
        qtbot.keyClicks(line, text)
    else:  # keyClicks aborts on å ä ö (Qt's ASCII key table): the text as typed, its signal
        line.setText(text)
        line.textEdited.emit(text)
    completer = combo.completer()
    assert completer is not None
    model = completer.completionModel()
    return [str(model.index(row, 0).data()) for row in range(model.rowCount())]


def decision_dialog(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> DecisionDialog:
    shown: list[DecisionDialog] = []

    def keep(dialog: DecisionDialog) -> int:
        shown.append(dialog)
        return 0

    monkeypatch.setattr(DecisionDialog, "exec", keep)
    # kept open for the test, which lets events run (the persons are named in a worker)
    monkeypatch.setattr(DecisionDialog, "deleteLater", lambda _self: None)
    window.show_delegation().decisions_tab.new_decision_button.click()
    [dialog] = shown
    return dialog


def test_a_long_entry_shows_its_beginning_also_when_the_list_is_filled_quietly(
    qtbot: Any,
) -> None:
    """A list filled again with the combo's signals blocked (as the wizard does when
    *Visa även övriga medarbetare* is ticked) still shows the name, not the entry's end."""
    combo = searchable_combo()
    qtbot.addWidget(combo)
    combo.setFixedWidth(160)
    combo.show()
    long_entry = "Öberg, Anders – enhetschef, Dagverksamheten Talliden (+2)"
    combo.blockSignals(True)
    set_choices(combo, [("Berg, Anna – medarbetare, Hemtjänst Boo", 1), (long_entry, 2)])
    combo.setCurrentIndex(1)
    combo.blockSignals(False)
    line = combo.lineEdit()
    assert line is not None
    assert line.text() == long_entry
    assert line.cursorPosition() == 0


def test_a_search_combo_finds_a_person_by_any_parts_of_the_name(qtbot: Any) -> None:
    combo = searchable_combo()
    qtbot.addWidget(combo)
    set_choices(
        combo,
        [
            ("Johansson, Viktor – Enhetschef", 1),
            ("Johansson, Viktor – Undersköterska", 2),
            ("Viktorsson, Linnéa – Enhetschef", 3),
        ],
    )
    combo.show()
    assert typed(qtbot, combo, "Viktor Jo") == [
        "Johansson, Viktor – Enhetschef",
        "Johansson, Viktor – Undersköterska",
    ]
    assert typed(qtbot, combo, "jo vi ENH") == ["Johansson, Viktor – Enhetschef"]
    assert typed(qtbot, combo, "linnea") == ["Viktorsson, Linnéa – Enhetschef"]
    assert typed(qtbot, combo, "enhetschef") == [
        "Johansson, Viktor – Enhetschef",
        "Viktorsson, Linnéa – Enhetschef",
    ]
    assert typed(qtbot, combo, "hansson") == []  # not the middle of a word
    # choosing an offered entry chooses that person, not the first of the same name
    typed(qtbot, combo, "Viktor Jo under")
    completer = combo.completer()
    assert completer is not None
    popup = completer.popup()
    assert popup is not None
    popup.setCurrentIndex(completer.completionModel().index(0, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert combo.currentData() == 2


def test_the_decision_dialog_tells_items_apart_and_offers_those_who_may_decide(
    window: MainWindow, sample_services: Services, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = decision_dialog(window, monkeypatch)
    discipline = [t for t in texts(dialog.item_combo) if "Disciplinåtgärd mot medarbetare" in t]
    assert len(discipline) >= 6
    assert len(set(discipline)) == len(discipline)  # each told apart
    assert all(" inom " in t and "Kommunstyrelsen" in t for t in discipline), discipline
    assert any(
        t.startswith("1.21 Disciplinåtgärd mot medarbetare – enhetschef inom ") for t in discipline
    )

    assert dialog.decided_by.count() == 0  # nobody before the item is chosen
    line = dialog.decided_by.lineEdit()
    assert line is not None and line.placeholderText() == "Välj punkten först"

    first = next(i for i, t in enumerate(texts(dialog.item_combo)) if t.startswith("1.20 "))
    dialog.item_combo.setCurrentIndex(first)
    offered = texts(dialog.decided_by)
    item_id = dialog.item_combo.currentData()
    holders = sample_services.delegation.who_may_decide(item_id, None, TODAY)
    assert len(offered) == len({r.appointment.id for r in holders}) < 20
    assert "Lena Jonsson, verksamhetschef, Äldreomsorg – delegat" in offered
    assert any(t.endswith(" – ersättare") for t in offered)
    assert any(" – som chef (" in t for t in offered)
    for text in offered:  # who, role, unit and how, and never an elected member
        _person, role, _unit = text.split(", ", 2)
        assert role not in POLITICAL_WORDS, text
    assert typed(qtbot, dialog.decided_by, "jonsson äldre") == [
        "Lena Jonsson, verksamhetschef, Äldreomsorg – delegat"
    ]

    dialog.show_all.setChecked(True)
    everyone = texts(dialog.decided_by)
    assert len(everyone) > len(offered)
    assert not any(text.split(", ")[1] in POLITICAL_WORDS for text in everyone)
    dialog.show_all.setChecked(False)

    lena = dialog.decided_by.findText("Lena Jonsson, verksamhetschef, Äldreomsorg – delegat")
    dialog.decided_by.setCurrentIndex(lena)
    dialog.decided_on.setText("2001-01-01")  # before the order was adopted: nobody may
    assert dialog.decided_by.count() == 0
    assert line.placeholderText() == "Ingen har rätt att besluta i punkten den dagen"
    dialog.decided_on.setText("2026-11-2")  # typed again, day by day
    dialog.decided_on.setText("2026-11-25")
    assert dialog.decided_by.currentText().startswith("Lena Jonsson")  # still chosen


def test_the_person_a_decision_concerns_is_told_apart_from_a_namesake_by_unit(
    window: MainWindow, sample_services: Services, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """*Gäller person* shows each person with role and unit, as the other person pickers do,
    and finds them by the first name and the start of the surname."""
    services = sample_services
    for number, unit, role in (
        ("X9001", "Äldreomsorg", Role.EMPLOYEE),
        ("X9002", "Personal och organisation", Role.EMPLOYEE),
    ):
        person = services.persons.create(PersonDraft(number, "Saga", "Nordenfalk"))
        unit_id = unit_id_by_name(services, unit)
        services.appointments.appoint(AppointmentDraft(person.id, unit_id, role, TODAY))
    dialog = decision_dialog(window, monkeypatch)
    qtbot.waitUntil(dialog.concerns_ready)  # named in a worker thread
    sagas = [t for t in texts(dialog.concerns) if t.startswith("Nordenfalk, Saga")]
    assert sagas == [
        "Nordenfalk, Saga (X9001) – medarbetare, Äldreomsorg",
        "Nordenfalk, Saga (X9002) – medarbetare, Personal och organisation",
    ]
    assert typed(qtbot, dialog.concerns, "Saga Nord") == sagas
    assert typed(qtbot, dialog.concerns, "saga nord personal") == [sagas[1]]
    chosen = dialog.concerns.findText(sagas[1])
    dialog.concerns.setCurrentIndex(chosen)
    assert dialog.named()["concerns_person_id"] == dialog.concerns.itemData(chosen)
    # Before the appointments began, they are told apart by title and number only.
    dialog.decided_on.setText("2020-01-01")
    qtbot.waitUntil(dialog.concerns_ready)
    assert dialog.concerns.currentText() == "Nordenfalk, Saga (X9002)"


def choose_offered(qtbot: Any, combo: QComboBox, text: str) -> None:
    """Choose the entry of that text among those the completer offers, as a user does."""
    completer = combo.completer()
    assert completer is not None
    model, popup = completer.completionModel(), completer.popup()
    assert popup is not None
    [row] = [r for r in range(model.rowCount()) if model.index(r, 0).data() == text]
    popup.setCurrentIndex(model.index(row, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)


def test_the_item_dialog_finds_the_unit_of_a_position_by_typing(
    window: MainWindow, sample_services: Services, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The delegate's unit ("enhetschef inom …") is picked by typing part of its name, as in
    the other pickers; choosing an offered unit makes it the delegate's."""
    shown: list[ItemDialog] = []

    def keep(dialog: ItemDialog) -> int:
        shown.append(dialog)
        return 0

    monkeypatch.setattr(ItemDialog, "exec", keep)
    delegation = window.show_delegation()
    delegation.order_tab.new_version_button.click()
    delegation.order_tab.new_item_button.click()
    [dialog] = shown
    editor = dialog.delegate_editor
    assert isinstance(editor.unit, SearchableCombo)
    assert editor.unit.currentText() == "(hela organisationen)"
    offered = typed(qtbot, editor.unit, "inom fisks")
    assert "inom Hemtjänst Fisksätra" in offered and "inom Fisksätra skola" in offered
    assert all("Fisksätra" in text for text in offered)
    choose_offered(qtbot, editor.unit, "inom Hemtjänst Fisksätra")
    delegate = editor.delegate()
    assert delegate is not None and delegate.kind is DelegateKind.POSITION
    assert delegate.unit_id == unit_id_by_name(sample_services, "Hemtjänst Fisksätra")
    # A committee of the board is picked from the committees only.
    editor.kind.setCurrentIndex(editor.kind.findData(DelegateKind.COMMITTEE.value))
    committees = texts(editor.unit)
    assert committees and not any(text.startswith("inom ") for text in committees)


def test_the_search_combo_is_the_one_every_picker_uses(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = decision_dialog(window, monkeypatch)
    for combo in (dialog.item_combo, dialog.decided_by, dialog.concerns):
        assert isinstance(combo, SearchableCombo)


def test_the_wizard_offers_managers_first_and_other_staff_when_asked(
    window: MainWindow, sample_services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    wizards: list[DistributionWizard] = []

    def keep(wizard: DistributionWizard) -> int:
        wizards.append(wizard)
        return 0

    monkeypatch.setattr(QWizard, "exec", keep)
    window.work_actions.new_distribution(None, None)
    [wizard] = wizards
    parties = wizard.parties
    # a giver with both managers and other staff in the line (the city director: everyone)
    director = next(
        a
        for a in sample_services.queries.snapshot().appointments.values()
        if a.role is Role.CITY_DIRECTOR and a.is_valid_on(TODAY)
    )
    parties.giver_combo.setCurrentIndex(parties.giver_combo.findData(director.id))
    employee = Role.EMPLOYEE.label_sv.lower()
    managers = texts(parties.receiver_combo)
    assert managers and not any(t.split(", ")[1] == employee for t in managers)
    for text in managers:  # who, role and unit
        assert len(text.split(", ")) >= 3, text
    assert parties.show_all.isEnabled() and not parties.show_all.isChecked()
    assert "övriga medarbetare (" in parties.show_all.text()
    parties.receiver_combo.setCurrentIndex(3)
    chosen = parties.receiver_combo.currentData()

    parties.show_all.setChecked(True)
    everyone = texts(parties.receiver_combo)
    assert everyone[: len(managers)] == managers  # the managers still first
    staff = everyone[len(managers) :]
    assert staff and all(t.split(", ")[1] == employee for t in staff)
    assert f"({len(staff)})" in parties.show_all.text()
    assert parties.receiver_combo.currentData() == chosen  # the choice kept


def test_who_may_decide_a_matter_shows_each_person_once_with_role_and_unit(
    window: MainWindow,
) -> None:
    tab = window.show_delegation().rights_tab
    combo = tab.matter_combo
    discipline = [
        i for i in range(combo.count()) if "Disciplinåtgärd mot medarbetare" in combo.itemText(i)
    ]
    assert discipline
    for index in discipline:
        combo.setCurrentIndex(index)
        model = tab.holders
        who = [str(model.index(row, 3).data()) for row in range(model.rowCount())]
        assert who, combo.itemText(index)
        names = [text.split(", ")[0] for text in who]
        assert len(names) == len(set(names)), who  # each person once
        for text in who:  # with role and unit
            _name, role, unit = text.split(", ", 2)
            assert role and unit and unit != "?", text


def test_the_main_search_finds_a_person_by_first_name_and_the_start_of_the_last(
    window: MainWindow, sample_services: Services, qtbot: Any
) -> None:
    person = next(
        p
        for p in sample_services.queries.snapshot().persons.values()
        if p.first_name.isascii() and p.last_name.isascii() and len(p.last_name) > 4
    )
    typed = f"{person.first_name} {person.last_name[:2]}"  # "Viktor Jo"
    qtbot.keyClicks(window.search, typed)
    model = window.search.model
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=3000)
    shown = [str(model.index(row, 0).data()) for row in range(model.rowCount())]
    assert any(text.startswith(person.full_name) for text in shown), (typed, shown)
    window.search.clear()
    qtbot.keyClicks(window.search, f"{person.last_name[:3].lower()} {person.first_name[:2]}")
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=3000)
    shown = [str(model.index(row, 0).data()) for row in range(model.rowCount())]
    assert any(text.startswith(person.full_name) for text in shown), shown


def test_the_persons_a_decision_may_concern_are_named_off_the_gui_thread(
    window: MainWindow, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Naming every person (43,000 at Stockholm's size) takes a fifth of a second: neither
    opening the dialog nor typing another date may stop the window for it."""
    import threading

    from nacka_desktop.ui.delegation import dialogs

    threads: list[bool] = []
    named = dialogs.concern_choices

    def spy(*args: Any) -> Any:
        threads.append(threading.current_thread() is threading.main_thread())
        return named(*args)

    monkeypatch.setattr(dialogs, "concern_choices", spy)
    dialog = decision_dialog(window, monkeypatch)
    qtbot.waitUntil(dialog.concerns_ready)
    dialog.decided_on.setText("2026-11-02")
    qtbot.waitUntil(dialog.concerns_ready)
    assert threads == [False, False]
    assert dialog.concerns.count() > 40
