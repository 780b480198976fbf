"""The one field in which a date is entered: typed as ÅÅÅÅ-MM-DD, or picked in a calendar
with ISO week numbers, Monday first, and an *Idag* button.

It is a line edit, not a QDateEdit: in a QDateEdit the digits go into one section at a time,
so typing 2027-02-01 over a selected year gave 2026-02-01. Here a date typed in full counts
as typed, whatever was selected when the typing began."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QEvent, QLocale, QPoint, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QFocusEvent,
    QIcon,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPixmap,
    QTextCharFormat,
)
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from nacka_desktop.domain import dates

TYPED_DATE = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})$")
# The keys that open the calendar (as in a combo box) and that put today's date in the field.
CALENDAR_KEYS = ((Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier), (Qt.Key.Key_F4, None))
TODAY_KEY = (Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)


def parse_typed_date(text: str) -> date | None:
    """ÅÅÅÅ-MM-DD, or the same eight digits without dashes; None if it is no real date."""
    match = TYPED_DATE.match(text.strip())
    if match is None:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def calendar_icon(size: int = 16) -> QIcon:
    """A small calendar drawn here (no icon theme on Windows, none in the offscreen tests)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(QColor("#555555"))
    painter.drawRect(1, 2, size - 3, size - 4)
    painter.fillRect(1, 2, size - 2, 4, QColor("#b03030"))
    for row in range(2):
        for column in range(3):
            painter.fillRect(3 + column * 4, 8 + row * 3, 2, 2, QColor("#555555"))
    painter.end()
    return QIcon(pixmap)


class CalendarPopup(QFrame):
    """The calendar under a date field: ISO weeks, Monday first, day names that fit, and
    *Idag*. Choosing a day (click or Enter) closes it."""

    picked = Signal(object)  # a date

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._today = today
        self.calendar = QCalendarWidget()
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.ISOWeekNumbers)
        self.calendar.setHorizontalHeaderFormat(
            QCalendarWidget.HorizontalHeaderFormat.ShortDayNames
        )
        self.calendar.setGridVisible(True)
        weekend = QTextCharFormat()
        weekend.setForeground(QColor("#b03030"))
        for day in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
            self.calendar.setWeekdayTextFormat(day, weekend)
        # Eight columns (the week and seven days), each wide enough for "mån" or "Wed" and a
        # margin; the default size cut the Monday header to "m…".
        metrics = self.calendar.fontMetrics()
        widest = max(
            metrics.horizontalAdvance(
                self.calendar.locale().dayName(day, QLocale.FormatType.ShortFormat)
            )
            for day in range(1, 8)
        )
        column = max(widest, metrics.horizontalAdvance("00")) + 16
        self.calendar.setMinimumWidth(column * 8 + 8)
        self.today_button = QPushButton(self.tr("&Idag"))
        self.today_button.setToolTip(self.tr("Dagens datum (Ctrl+T i datumfältet)"))
        self.today_button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.today_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.calendar)
        layout.addLayout(buttons)
        self.calendar.clicked.connect(self._pick)
        self.calendar.activated.connect(self._pick)
        self.today_button.clicked.connect(lambda: self.picked.emit(self._today()))
        self.picked.connect(self.close)

    def show_at(self, anchor: QWidget, shown: date | None) -> None:
        value = shown or self._today()
        self.calendar.setSelectedDate(QDate(value.year, value.month, value.day))
        self.adjustSize()
        below = anchor.mapToGlobal(QPoint(0, anchor.height()))
        screen = anchor.screen().availableGeometry()
        x = min(below.x(), screen.right() - self.width())
        y = (
            below.y()
            if below.y() + self.height() <= screen.bottom()
            else below.y() - (anchor.height() + self.height())
        )
        self.move(max(x, screen.left()), max(y, screen.top()))
        self.show()
        self.calendar.setFocus()

    def _pick(self, value: QDate) -> None:
        self.picked.emit(value.toPython())


class DateField(QLineEdit):
    """A date typed as ÅÅÅÅ-MM-DD (or eight digits), or picked in the calendar; empty means
    open-ended where the field allows it. `dateChanged` says each new valid date (or None
    when an optional field is emptied), not every key."""

    dateChanged = Signal(object)  # date | None

    def __init__(
        self,
        optional: bool = True,
        parent: QWidget | None = None,
        today: Callable[[], date] = dates.today,
    ) -> None:
        super().__init__(parent)
        self.optional = optional
        self._today = today
        self._typed = ""  # what was typed since the field was entered or a section selected
        self._last: date | None = None
        self.setPlaceholderText(
            self.tr("ÅÅÅÅ-MM-DD") if optional else self.tr("ÅÅÅÅ-MM-DD (krävs)")
        )
        self.setMaxLength(10)
        self.setClearButtonEnabled(optional)
        # As wide as a date, in a form and in a toolbar alike (a line edit would stretch).
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.calendar_action = QAction(calendar_icon(), self.tr("Välj i kalendern"), self)
        self.calendar_action.setToolTip(self.tr("Välj i kalendern (Alt+Ned)"))
        self.calendar_action.triggered.connect(self.open_calendar)
        self.addAction(self.calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        self._popup: CalendarPopup | None = None
        self.textChanged.connect(self._text_changed)
        self.editingFinished.connect(self._normalise)

    # -- value ------------------------------------------------------------------------------
    def set_date(self, value: date | None) -> None:
        self.setText(value.isoformat() if value else "")

    def date(self) -> dt.date | None:
        text = self.text().strip()
        if not text:
            return None
        try:
            return date.fromisoformat(text)
        except ValueError:
            return None

    def problem(self) -> str | None:
        text = self.text().strip()
        if not text:
            return None if self.optional else self.tr("Ange ett datum.")
        if self.date() is None:
            return self.tr("Ogiltigt datum; skriv ÅÅÅÅ-MM-DD, t.ex. 2026-01-31.")
        return None

    @property
    def last_valid(self) -> dt.date | None:
        """The date the field last held in full (while the user is typing another)."""
        return self._last

    def set_today(self) -> None:
        self._set_chosen(self._today())

    def _set_chosen(self, value: dt.date) -> None:
        self.set_date(value)
        self._typed = ""
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        self.selectAll()

    def _text_changed(self, _text: str) -> None:
        value = self.date()
        if value is None and (self.text().strip() or not self.optional):
            return  # half typed, or a required date emptied: no new date yet
        if value != self._last:
            self._last = value
            self.dateChanged.emit(value)

    def _normalise(self) -> None:
        """Eight digits typed without dashes read as ÅÅÅÅMMDD once the field is left."""
        if self.date() is None and (value := parse_typed_date(self.text())) is not None:
            self.set_date(value)

    def setReadOnly(self, read_only: bool) -> None:
        super().setReadOnly(read_only)
        self.calendar_action.setVisible(not read_only)

    # -- calendar ---------------------------------------------------------------------------
    def open_calendar(self) -> None:
        if self.isReadOnly():
            return
        if self._popup is None:
            self._popup = CalendarPopup(self._today, self)
            self._popup.picked.connect(self._set_chosen)
        self._popup.show_at(self, self.date())

    @property
    def popup(self) -> CalendarPopup | None:
        return self._popup

    # -- typing -----------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        # Ctrl+T is today's date here, even where the window has an action on it.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and self._is_key(event, TODAY_KEY)
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._is_key(event, TODAY_KEY) and not self.isReadOnly():
            self.set_today()
            return
        if any(self._is_key(event, key) for key in CALENDAR_KEYS):
            self.open_calendar()
            return
        text = event.text()
        typing = bool(text) and (text.isdigit() or text == "-")
        if typing and (self.hasSelectedText() or not self._typed):
            # Typing begins anew over a selection (or in a field just entered).
            self._typed = ""
        super().keyPressEvent(event)
        if not typing:
            self._typed = ""
            return
        self._typed += text
        value = parse_typed_date(self._typed)
        if value is not None and value != self.date():
            # The whole date was typed over one section (e.g. a selected year): it is
            # the date the user meant, not the mix of old and new digits in the field.
            self.set_date(value)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._typed = ""
        super().focusInEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._typed = ""
        super().mousePressEvent(event)

    @staticmethod
    def _is_key(event: QKeyEvent, key: tuple[Qt.Key, Qt.KeyboardModifier | None]) -> bool:
        wanted, modifier = key
        if event.key() != wanted:
            return False
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        return modifiers == (modifier or Qt.KeyboardModifier.NoModifier)

    def sizeHint(self) -> QSize:
        """Room for ÅÅÅÅ-MM-DD, the calendar button and (if optional) the clear button."""
        hint = super().sizeHint()
        text = self.fontMetrics().horizontalAdvance("0000-00-00 (krävs)")
        icons = 2  # the calendar and the clear button: every date field as wide
        extra = icons * (self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize) + 8)
        hint.setWidth(max(hint.width(), text + extra + 16))
        return hint
