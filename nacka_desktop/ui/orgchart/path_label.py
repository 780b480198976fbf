"""The branch path above the chart ("Kommunfullmäktige › … › Hemtjänst › Nattpatrullen"):
shortened with "…" in the middle, then at the start, so the unit shown stays readable
however narrow the window; the whole path is in its tool tip."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

SEPARATOR = " › "
ELLIPSIS = "…"


def elided_path(names: Sequence[str], width: int, metrics: QFontMetrics) -> str:
    """The path as it fits in `width` pixels: whole if it fits; else the top unit, "…" and
    as many of the last units as fit; else "…" and the last ones; at the least the end of
    the last name."""
    if not names:
        return ""

    def fits(text: str) -> bool:
        return metrics.horizontalAdvance(text) <= width

    whole = SEPARATOR.join(names)
    if fits(whole):
        return whole
    last = names[-1]
    # Keep the top and as many of the nearest levels as fit, the middle as "…".
    for keep in range(len(names) - 2, 0, -1):
        text = SEPARATOR.join([names[0], ELLIPSIS, *names[-keep:]])
        if fits(text):
            return text
    for keep in range(len(names) - 1, 0, -1):
        text = SEPARATOR.join([ELLIPSIS, *names[-keep:]])
        if fits(text):
            return text
    return metrics.elidedText(last, Qt.TextElideMode.ElideLeft, max(width, 0))


class PathLabel(QLabel):
    """A label showing a path of names, shortened to its width (see `elided_path`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._names: tuple[str, ...] = ()
        self.setTextFormat(Qt.TextFormat.PlainText)
        # Never widens the window: it takes the room there is and shortens the path to it.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    @property
    def names(self) -> tuple[str, ...]:
        return self._names

    def full_text(self) -> str:
        return SEPARATOR.join(self._names)

    def set_path(self, names: Sequence[str]) -> None:
        self._names = tuple(names)
        self.setToolTip(self.full_text())
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = elided_path(self._names, self.contentsRect().width(), self.fontMetrics())
        if shown != self.text():
            self.setText(shown)
