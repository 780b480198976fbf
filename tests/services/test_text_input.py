"""Text as users paste it: one Unicode form, no invisible characters, bounded search
(issue 11)."""

from __future__ import annotations

import unicodedata

import pytest

from nacka_desktop.domain.rules import ObjectKind, RuleViolationError
from nacka_desktop.domain.text import clean_text
from nacka_desktop.services.context import Services
from nacka_desktop.services.org.people import PersonDraft
from nacka_desktop.storage.text_limits import MAX_TEXT_CHARS


def test_clean_text_composes_and_drops_what_cannot_be_seen() -> None:
    decomposed = unicodedata.normalize("NFD", "Renée Öberg")
    assert decomposed != "Renée Öberg"
    assert clean_text(f"\ufeff {decomposed}\u200b\x00 ") == "Renée Öberg"
    assert clean_text("rad ett\nrad två") == "rad ett\nrad två"  # line breaks stay


def test_a_name_typed_decomposed_is_stored_composed_and_found_either_way(
    sample: Services,
) -> None:
    decomposed = unicodedata.normalize("NFD", "Renée")
    person = sample.persons.create(PersonDraft("Z9", decomposed, "Zetterlund\u200b", "Jurist"))
    assert (person.first_name, person.last_name) == ("Renée", "Zetterlund")
    for typed in ("Renée", decomposed, "renée zetter"):
        assert [h.id for h in sample.queries.search(typed)] == [person.id], typed


def test_search_input_is_cleaned_and_bounded(sample: Services) -> None:
    assert sample.queries.search("\x00") == []  # a NUL matched every row
    assert sample.queries.search("\u200b") == []
    page = "Planenheten " + "x" * 2000
    assert sample.queries.search(page) == []  # no SQL error, no match: nothing is x…x
    assert [h.text for h in sample.queries.search("Planenheten" + " " * 2000)] == ["Planenheten"]


def test_a_text_longer_than_its_field_is_refused_at_the_field(sample: Services) -> None:
    """A 16 MB title used to be stored and echoed in every list and letter."""
    person = sample.persons.create(PersonDraft("Z8", "Ada", "Berg", "Jurist"))
    with pytest.raises(RuleViolationError) as refused:
        sample.persons.update(person.id, title="T" * 16_000_000)
    (violation,) = refused.value.violations
    assert (violation.rule_id, violation.object_kind, violation.object_id, violation.field) == (
        "DATA-2",
        ObjectKind.PERSON,
        person.id,
        "title",
    )
    assert "16 000 000 tecken" in violation.message and "högst 200" in violation.message
    assert sample.queries.person(person.id).title == "Jurist"

    with pytest.raises(RuleViolationError):  # a new row as well, nothing of it kept
        sample.persons.create(PersonDraft("Z7", "Bo" * 100, "Berg"))
    assert all(p.employee_number != "Z7" for p in sample.queries.snapshot().persons.values())


def test_a_long_text_field_takes_a_hundred_thousand_characters(sample: Services) -> None:
    task_id = sample.tasks.create("LANG", "Lång uppgift", "x" * MAX_TEXT_CHARS)
    assert len(next(t for t in sample.tasks.list() if t.id == task_id).description) == 100_000
    with pytest.raises(RuleViolationError) as refused:
        sample.tasks.update(task_id, description="x" * (MAX_TEXT_CHARS + 1))
    assert refused.value.violations[0].field == "description"


def test_a_long_value_stored_before_the_limits_does_not_block_other_edits(
    sample: Services,
) -> None:
    """A title of 250 characters written by an earlier version stays editable around."""
    from sqlalchemy import text

    person = sample.persons.create(PersonDraft("Z6", "Cia", "Berg", "Jurist"))
    with sample.database.transaction() as session:
        session.execute(
            text("UPDATE person SET title = :t WHERE id = :id"), {"t": "T" * 250, "id": person.id}
        )
    sample.persons.update(person.id, email="cia.berg@nacka.se")
    assert sample.queries.person(person.id).email == "cia.berg@nacka.se"
