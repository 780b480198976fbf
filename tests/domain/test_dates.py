"""Effective dating: valid_from inclusive, valid_to exclusive, None open."""

from __future__ import annotations

from datetime import date

import pytest

from nacka_desktop.domain.dates import (
    is_period_ordered,
    is_valid_on,
    periods_overlap,
)
from nacka_desktop.domain.records import swedish_sort_key

START = date(2025, 1, 1)
END = date(2025, 7, 1)


@pytest.mark.parametrize(
    ("on", "valid"),
    [
        (date(2024, 12, 31), False),
        (START, True),  # inclusive start
        (date(2025, 6, 30), True),
        (END, False),  # exclusive end
    ],
)
def test_is_valid_on_has_an_exclusive_end(on: date, valid: bool) -> None:
    assert is_valid_on(START, END, on) is valid


def test_open_ends_are_always_valid() -> None:
    assert is_valid_on(None, None, date(1900, 1, 1))
    assert is_valid_on(None, END, date(1900, 1, 1))
    assert is_valid_on(START, None, date(2999, 1, 1))


def test_period_ending_where_the_next_starts_does_not_overlap() -> None:
    assert not periods_overlap(START, END, END, None)
    assert periods_overlap(START, END, date(2025, 6, 30), None)


def test_open_periods_overlap_everything() -> None:
    assert periods_overlap(None, None, START, END)
    assert periods_overlap(START, None, None, END)
    assert not periods_overlap(None, START, START, None)


@pytest.mark.parametrize(
    ("valid_from", "valid_to", "ordered"),
    [(START, END, True), (END, START, False), (START, START, False), (None, START, True)],
)
def test_is_period_ordered(valid_from: date | None, valid_to: date | None, ordered: bool) -> None:
    assert is_period_ordered(valid_from, valid_to) is ordered


def test_swedish_sort_puts_a_ring_a_umlaut_o_umlaut_after_z() -> None:
    names = ["Östra", "Ängen", "Åsen", "zeta", "Alfa", "ödla", "Bravo"]
    assert sorted(names, key=swedish_sort_key) == [
        "Alfa",
        "Bravo",
        "zeta",
        "Åsen",
        "Ängen",
        "ödla",
        "Östra",
    ]
