"""The catalogue of data labels (`domain/labels.py`) and the language value that picks from it:
every member of every enum users see has a Swedish and an English name, so a new kind, role
or state cannot reach a screen unnamed or in the other language."""

from __future__ import annotations

import importlib
import pkgutil
from datetime import date
from operator import attrgetter

import pytest

import nacka_desktop.domain
from nacka_desktop.domain import labels
from nacka_desktop.domain.delegation.compare import COMPARED_FIELDS
from nacka_desktop.domain.enums import Role, UnitKind
from nacka_desktop.domain.language import LabelledEnum, Language
from nacka_desktop.domain.records import AppointmentRecord, OrgSnapshot, PersonRecord, UnitRecord
from nacka_desktop.domain.rules import ObjectKind


def _every_labelled_enum() -> set[type[LabelledEnum]]:
    """Every LabelledEnum the domain defines, whether or not the catalogue knows it."""
    for module in pkgutil.walk_packages(nacka_desktop.domain.__path__, "nacka_desktop.domain."):
        importlib.import_module(module.name)
    found: set[type[LabelledEnum]] = set()
    pending = list(LabelledEnum.__subclasses__())
    while pending:
        kind = pending.pop()
        found.add(kind)
        pending.extend(kind.__subclasses__())
    return found


def test_every_labelled_enum_has_a_table() -> None:
    missing = sorted(k.__name__ for k in _every_labelled_enum() - set(labels.TABLES))
    assert not missing, f"add a table to domain/labels.py for {missing}"


CATALOGUED: list[type[LabelledEnum]] = sorted(labels.TABLES, key=attrgetter("__name__"))


@pytest.mark.parametrize("kind", CATALOGUED, ids=[kind.__name__ for kind in CATALOGUED])
def test_every_member_has_a_swedish_and_an_english_label(kind: type[LabelledEnum]) -> None:
    table = labels.TABLES[kind]
    assert set(table) == set(kind), f"{kind.__name__}: members and labels differ"
    for member in kind:
        swedish, english = table[member]
        assert swedish.strip() and english.strip(), member
        assert label_pair(member) == (swedish, english)


def label_pair(member: LabelledEnum) -> tuple[str, str]:
    return labels.label(member, Language.SWEDISH), labels.label(member, Language.ENGLISH)


def test_the_enums_shorthands_read_the_catalogue() -> None:
    assert (Role.UNIT_MANAGER.label_sv, Role.UNIT_MANAGER.label_en) == (
        "Enhetschef",
        "Unit manager",
    )
    assert UnitKind.BOARD.label_en == labels.label(UnitKind.BOARD, Language.ENGLISH) == "Board"


def test_every_compared_field_of_a_delegation_item_is_named_in_both_languages() -> None:
    assert set(labels.DELEGATION_ITEM_FIELDS) == set(COMPARED_FIELDS)
    assert labels.item_field_label("lagrum", Language.ENGLISH) == "legal reference"
    assert labels.item_field_label("decision_kind", Language.SWEDISH) == "beslutstyp"


def test_an_audit_action_in_words_in_either_language() -> None:
    assert labels.audit_action_label("unit.update", Language.SWEDISH) == "Ändra enhet"
    assert labels.audit_action_label("unit.update", Language.ENGLISH) == "Change unit"
    assert labels.audit_action_label("titled_position.create", Language.ENGLISH) == (
        "Create titled position"
    )
    assert labels.audit_action_label("sample.build", Language.ENGLISH) == "sample.build"
    every_kind = {kind.value for kind in ObjectKind}
    assert every_kind <= set(labels.AUDIT_OBJECTS)


def test_an_acting_role_is_named_in_the_language_asked_for() -> None:
    assert labels.role_title(Role.UNIT_MANAGER, False, Language.SWEDISH) == "enhetschef"
    assert labels.role_title(Role.UNIT_MANAGER, True, Language.SWEDISH) == "t.f. enhetschef"
    assert labels.role_title(Role.UNIT_MANAGER, True, Language.ENGLISH) == "acting unit manager"


@pytest.mark.parametrize(
    ("stored", "expected"),
    [
        ("sv", Language.SWEDISH),
        ("en", Language.ENGLISH),
        (" EN ", Language.ENGLISH),
        ("fr", Language.SWEDISH),
        ("", Language.SWEDISH),
        (None, Language.SWEDISH),
        (1, Language.SWEDISH),
    ],
)
def test_a_stored_or_typed_language_is_parsed_and_anything_unknown_is_swedish(
    stored: object, expected: Language
) -> None:
    assert Language.parse(stored) is expected


def test_a_language_picks_its_own_text() -> None:
    assert Language.SWEDISH.pick("Enhet", "Unit") == "Enhet"
    assert Language.ENGLISH.pick("Enhet", "Unit") == "Unit"
    assert [language.code for language in Language] == ["sv", "en"]


def test_a_title_that_is_a_roles_swedish_name_is_that_role_in_english() -> None:
    assert labels.title_label("Enhetschef", Language.ENGLISH) == "Unit manager"
    assert labels.title_label(" biträdande  rektor ", Language.ENGLISH) == "Deputy principal"
    assert labels.title_label("Kommunjurist", Language.ENGLISH) == "Kommunjurist"  # as typed
    assert labels.title_label("enhetschef", Language.SWEDISH) == "enhetschef"
    assert labels.title_label("", Language.ENGLISH) == ""


def test_a_person_in_a_picker_is_named_with_the_leading_role_and_unit_of_the_day() -> None:
    """Two namesakes told apart: number, then what each is on the day (a leading role
    first, and how many more); someone without an appointment that day by their title."""
    units = {
        1: UnitRecord(1, "100", "Förskolan Björken", UnitKind.UNIT, None),
        2: UnitRecord(2, "200", "Hemtjänst Fisksätra", UnitKind.UNIT, None),
    }
    persons = {
        10: PersonRecord(10, "N1", "Anna", "Berg"),
        11: PersonRecord(11, "N2", "Anna", "Berg", title="Enhetschef"),
    }
    appointments = {  # Anna N1 works in one unit and is t.f. manager of the other
        1: AppointmentRecord(1, 10, 2, Role.EMPLOYEE, date(2026, 1, 1)),
        2: AppointmentRecord(2, 10, 1, Role.UNIT_MANAGER, date(2026, 6, 1), acting=True),
    }
    org = OrgSnapshot(units, persons, appointments)
    on = date(2026, 12, 1)
    first, second = (
        labels.person_picker_label(org, p, on, Language.SWEDISH) for p in persons.values()
    )
    assert first == "Berg, Anna (N1) – t.f. enhetschef, Förskolan Björken (+1)"
    assert second == "Berg, Anna (N2) – Enhetschef"
    assert labels.person_picker_label(org, persons[10], date(2026, 3, 1), Language.ENGLISH) == (
        "Berg, Anna (N1) – employee, Hemtjänst Fisksätra"
    )
    assert labels.person_picker_label(org, persons[11], on, Language.ENGLISH) == (
        "Berg, Anna (N2) – Unit manager"
    )
