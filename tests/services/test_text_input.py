"""Text as users paste it: one Unicode form, no invisible characters, bounded search
(issue 11)."""

from __future__ import annotations

import unicodedata

from nacka_desktop.domain.text import clean_text
from nacka_desktop.services.context import Services
from nacka_desktop.services.people import PersonDraft


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
