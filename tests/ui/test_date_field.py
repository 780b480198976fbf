"""The one date field (issue 14, point 3): a full ISO date typed is the date meant, whatever
was selected; the calendar has ISO week numbers, Monday first, readable day names and Idag."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QCalendarWidget, QTableView
from pytestqt.qtbot import QtBot

from nacka_desktop.ui.shell.main_window import MainWindow
from nacka_desktop.ui.widgets.date_field import DateField, parse_typed_date
from tests.conftest import TODAY

pytestmark = pytest.mark.gui

FIXED_TODAY = date(2026, 12, 2)


@pytest.fixture
def field(qtbot: QtBot) -> DateField:
    edit = DateField(optional=False, today=lambda: FIXED_TODAY)
    qtbot.addWidget(edit)
    edit.set_date(date(2026, 2, 1))
    edit.show()
    qtbot.waitExposed(edit)
    edit.setFocus()
    return edit


def test_a_date_typed_over_the_whole_text(field: DateField, qtbot: QtBot) -> None:
    field.selectAll()
    qtbot.keyClicks(field, "2027-02-01")
    assert field.date() == date(2027, 2, 1)


def test_a_whole_date_typed_over_the_selected_year_is_the_date_meant(
    field: DateField, qtbot: QtBot
) -> None:
    field.set_date(date(2026, 5, 17))
    field.setSelection(0, 4)  # the year, as a double-click selects it
    qtbot.keyClicks(field, "2027-02-01")
    assert field.text() == "2027-02-01"


def test_a_new_year_typed_over_the_selected_year_keeps_month_and_day(
    field: DateField, qtbot: QtBot
) -> None:
    field.set_date(date(2026, 5, 17))
    field.setSelection(0, 4)
    qtbot.keyClicks(field, "2027")
    assert field.date() == date(2027, 5, 17)


def test_eight_digits_read_as_a_date_once_the_field_is_left(field: DateField, qtbot: QtBot) -> None:
    field.selectAll()
    qtbot.keyClicks(field, "20270201")
    assert field.date() == date(2027, 2, 1)
    assert parse_typed_date("20270230") is None  # no 30 February


def test_a_half_typed_date_changes_nothing_until_it_is_whole(
    field: DateField, qtbot: QtBot
) -> None:
    seen: list[object] = []
    field.dateChanged.connect(seen.append)
    field.selectAll()
    qtbot.keyClicks(field, "2027-02-0")
    assert seen == [] and field.last_valid == date(2026, 2, 1)
    qtbot.keyClicks(field, "1")
    assert seen == [date(2027, 2, 1)]


def test_the_calendar_has_iso_weeks_monday_first_and_readable_day_names(
    field: DateField, qtbot: QtBot
) -> None:
    field.open_calendar()
    popup = field.popup
    assert popup is not None and popup.isVisible()
    calendar = popup.calendar
    assert calendar.firstDayOfWeek() == Qt.DayOfWeek.Monday
    assert calendar.verticalHeaderFormat() == QCalendarWidget.VerticalHeaderFormat.ISOWeekNumbers
    view = calendar.findChild(QTableView)
    assert view is not None
    model = view.model()
    # 2026-02-01 is a Sunday in week 5: its row says 5, and the first column is Monday.
    week_numbers = {model.index(row, 0).data() for row in range(1, model.rowCount())}
    assert "5" in {str(w) for w in week_numbers}
    monday = str(model.index(0, 1).data())
    assert monday == QLocale().dayName(1, QLocale.FormatType.ShortFormat)
    # The header is not cut to "m…": the column is as wide as the name.
    column = view.columnWidth(1)
    assert column >= view.fontMetrics().horizontalAdvance(monday) + 4


def test_swedish_day_names_in_a_swedish_ui(qtbot: QtBot) -> None:
    old = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden))
    try:
        edit = DateField()
        qtbot.addWidget(edit)
        edit.open_calendar()
        assert edit.popup is not None
        view = edit.popup.calendar.findChild(QTableView)
        assert view is not None
        assert str(view.model().index(0, 1).data()) == "mån"
    finally:
        QLocale.setDefault(old)


def test_idag_in_the_calendar_and_ctrl_t_in_the_field(field: DateField, qtbot: QtBot) -> None:
    field.open_calendar()
    assert field.popup is not None
    qtbot.mouseClick(field.popup.today_button, Qt.MouseButton.LeftButton)
    assert field.date() == FIXED_TODAY
    assert not field.popup.isVisible()

    field.set_date(date(2020, 1, 1))
    qtbot.keyClick(field, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert field.date() == FIXED_TODAY


def test_a_day_clicked_in_the_calendar_is_the_date(field: DateField) -> None:
    field.open_calendar()
    assert field.popup is not None
    field.popup.calendar.clicked.emit(QDate(2026, 3, 9))
    assert field.date() == date(2026, 3, 9)


def test_typing_a_date_into_visa_per_shows_that_date(window: MainWindow, qtbot: QtBot) -> None:
    field = window.view_date
    assert isinstance(field, DateField)
    assert window.on == TODAY
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "2027-02-01")
    assert window.on == date(2027, 2, 1)
    assert window.context.view_date == date(2027, 2, 1)
