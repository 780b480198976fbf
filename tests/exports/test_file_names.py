"""The names files are offered under: names and dates, safe on every file system."""

from __future__ import annotations

from datetime import date

from nacka_desktop.exports.file_names import file_name


def test_a_letter_is_named_after_the_person_and_the_date() -> None:
    name = file_name("Delegeringsbrev", "Åsa Öberg", date(2026, 12, 2), extension="pdf")
    assert name == "Delegeringsbrev Åsa Öberg 2026-12-02.pdf"


def test_characters_no_file_system_takes_become_dashes() -> None:
    name = file_name("Fördelning", 'Vård/omsorg: "Äldre" <nord>', extension=".pdf")
    assert "/" not in name and ":" not in name and '"' not in name and "<" not in name
    assert name == "Fördelning Vård-omsorg Äldre nord.pdf"


def test_empty_parts_are_left_out_and_an_empty_name_still_has_one() -> None:
    assert file_name("Register", None, "", date(2026, 1, 5), extension="xlsx") == (
        "Register 2026-01-05.xlsx"
    )
    assert file_name("", "  ", extension="pdf") == "fil.pdf"
    assert file_name("CON", extension="pdf") == "CON_.pdf"  # a device on Windows


def test_a_very_long_name_is_cut_before_the_extension() -> None:
    name = file_name("Delegationsordning", "x" * 400, extension="pdf")
    assert len(name) <= 124 and name.endswith(".pdf")
