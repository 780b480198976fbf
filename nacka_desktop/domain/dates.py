"""Effective dating in one place: valid_from is inclusive, valid_to exclusive, None is open."""

from __future__ import annotations

from datetime import UTC, date, datetime


def today() -> date:
    """The calendar date here and now (the computer's time zone): the app's clock, which the
    services take as a parameter so that tests and `--on` can set another."""
    return datetime.now(UTC).astimezone().date()


def is_valid_on(valid_from: date | None, valid_to: date | None, on: date) -> bool:
    starts = valid_from is None or valid_from <= on
    ends = valid_to is None or on < valid_to
    return starts and ends


def periods_overlap(
    a_from: date | None, a_to: date | None, b_from: date | None, b_to: date | None
) -> bool:
    a_start = a_from or date.min
    b_start = b_from or date.min
    a_end = a_to or date.max
    b_end = b_to or date.max
    return a_start < b_end and b_start < a_end


def is_period_ordered(valid_from: date | None, valid_to: date | None) -> bool:
    return valid_from is None or valid_to is None or valid_from < valid_to
