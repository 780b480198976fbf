"""A unit's history of place, kind, name and code: changes from a date (issue 10)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from nacka_desktop.domain.enums import UnitKind
from nacka_desktop.domain.records import UnitRecord
from nacka_desktop.domain.unit_history import (
    UnitPeriod,
    as_of,
    change_dates,
    changed_from,
    first_period,
    period_on,
)

UNIT = UnitRecord(7, "7310", "Hemtjänst Fisksätra", UnitKind.UNIT, 41)
MARCH = date(2027, 3, 1)
JANUARY = date(2028, 1, 1)


def history() -> list[UnitPeriod]:
    return [replace(first_period(UNIT), id=99)]  # as stored


def test_a_move_from_a_date_keeps_the_tree_before_it() -> None:
    moved = changed_from(history(), MARCH, {"parent_id": 35})
    assert [(p.valid_from, p.valid_to, p.parent_id) for p in moved] == [
        (None, MARCH, 41),
        (MARCH, None, 35),
    ]
    assert as_of(UNIT, moved, date(2027, 2, 28)).parent_id == 41
    assert as_of(UNIT, moved, MARCH).parent_id == 35  # valid_from inclusive
    assert period_on(moved, date(1990, 1, 1)).parent_id == 41


def test_a_correction_rewrites_the_whole_history_without_splitting_it() -> None:
    corrected = changed_from(history(), None, {"name": "Hemtjänsten Fisksätra"})
    assert [(p.valid_from, p.valid_to, p.name) for p in corrected] == [
        (None, None, "Hemtjänsten Fisksätra")
    ]


def test_a_rename_runs_on_past_a_later_move_but_not_past_a_later_rename() -> None:
    planned = changed_from(history(), JANUARY, {"parent_id": 35})
    renamed = changed_from(planned, MARCH, {"name": "Hemtjänst Fisksätra–Saltsjöbaden"})
    assert [(p.valid_from, p.parent_id, p.name) for p in renamed] == [
        (None, 41, "Hemtjänst Fisksätra"),
        (MARCH, 41, "Hemtjänst Fisksätra–Saltsjöbaden"),
        (JANUARY, 35, "Hemtjänst Fisksätra–Saltsjöbaden"),
    ]
    renamed_later = changed_from(renamed, JANUARY, {"name": "Hemtjänst Saltsjöbaden"})
    earlier = changed_from(renamed_later, date(2026, 6, 1), {"name": "Hemtjänst F"})
    assert [(p.valid_from, p.name) for p in earlier] == [
        (None, "Hemtjänst Fisksätra"),
        (date(2026, 6, 1), "Hemtjänst F"),
        (MARCH, "Hemtjänst Fisksätra–Saltsjöbaden"),  # the later renames stand
        (JANUARY, "Hemtjänst Saltsjöbaden"),
    ]


def test_a_move_earlier_than_a_planned_one_ends_where_the_planned_one_begins() -> None:
    planned = changed_from(history(), JANUARY, {"parent_id": 35})
    moved = changed_from(planned, MARCH, {"parent_id": 36})
    assert [(p.valid_from, p.valid_to, p.parent_id) for p in moved] == [
        (None, MARCH, 41),
        (MARCH, JANUARY, 36),
        (JANUARY, None, 35),
    ]


def test_changing_back_joins_the_periods_again() -> None:
    moved = changed_from(history(), MARCH, {"parent_id": 35})
    back = changed_from(moved, MARCH, {"parent_id": 41})
    assert [(p.valid_from, p.valid_to, p.parent_id) for p in back] == [(None, None, 41)]
    assert back[0].id == 99  # the stored first period is kept, not replaced


def test_the_same_value_changes_nothing() -> None:
    assert changed_from(history(), MARCH, {"parent_id": 41}) == history()


def test_only_the_structure_has_a_history() -> None:
    with pytest.raises(ValueError, match="seats"):
        changed_from(history(), MARCH, {"seats": 3})


def test_change_dates_are_the_starts_of_later_periods() -> None:
    moved = changed_from(changed_from(history(), MARCH, {"parent_id": 35}), JANUARY, {"code": "X"})
    assert change_dates(moved) == {MARCH, JANUARY}


def test_a_unit_with_no_history_is_as_its_row_says() -> None:
    assert as_of(UNIT, None, MARCH) is UNIT
    assert as_of(UNIT, history(), MARCH) is UNIT
