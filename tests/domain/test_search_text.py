"""The one search rule of the main window and every picker (domain.text.matches_search)."""

from __future__ import annotations

import pytest

from nacka_desktop.domain.text import matches_search, search_words


@pytest.mark.parametrize(
    "typed",
    ["Viktor Jo", "jo viktor", "VIKTOR", "joh", "enhetsc vik", "Vård vik", "  viktor\u200b  jo "],
)
def test_each_typed_word_begins_some_word_in_any_order(typed: str) -> None:
    assert matches_search(search_words(typed), "Johansson, Viktor – Enhetschef, Vårdboendet")


@pytest.mark.parametrize("typed", ["hansson", "viktor jx", "viktorr", "varden"])
def test_no_match_for_the_middle_of_a_word_or_a_missing_word(typed: str) -> None:
    assert not matches_search(search_words(typed), "Johansson, Viktor – Enhetschef, Vården")


def test_accents_fold_but_a_with_ring_and_dots_are_letters_of_their_own() -> None:
    assert matches_search(search_words("linnea"), "Linnéa Öberg")
    assert matches_search(search_words("LINNÉA öberg"), "Linnéa Öberg")
    assert matches_search(search_words("muller"), "Ülle Müller")
    assert not matches_search(search_words("oberg"), "Linnéa Öberg")
    assert not matches_search(search_words("astrom"), "Åsa Åström")
    assert matches_search(search_words("ÅSTR"), "Åsa Åström")


def test_a_code_is_found_by_its_parts() -> None:
    assert matches_search(search_words("47"), "Löneenheten (K-47)")
    assert matches_search(search_words("k-47"), "Löneenheten (K-47)")


def test_nothing_typed_is_no_word() -> None:
    assert search_words("\x00 \u200b ") == []
