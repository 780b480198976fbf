"""Table columns that share the table's width: each as wide as its content when everything
fits; when not, the short columns keep their width and the long ones give way equally (the
full text is in the tooltip); when there is room to spare, it goes to the column that holds
the most telling text (the matter, say), not to whatever column happens to be last. Fitted
again when the table is resized."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QHeaderView, QTableView

# Rows a column's width is measured on: Qt's default (1,000) asks the model for 100,000 cells
# of a decision log after every edit; the visible rows are always measured besides.
FIT_SAMPLE_ROWS = 100
NARROWEST = 56  # no column narrower than this, however tight the table


def share_width(
    natural: list[int], available: int, narrowest: list[int], grow: int | None = None
) -> list[int]:
    """The columns' widths: `natural` when they fit in `available`, the surplus to `grow`.
    When they do not, `grow` keeps up to a third of the width first (it holds the text the
    row is about), and the others share the rest under one cap, as high as the width
    allows; a column is never made narrower than its `narrowest`."""
    if not natural:
        return []
    total = sum(natural)
    if total <= available:
        widths = list(natural)
        if grow is not None and 0 <= grow < len(widths):
            widths[grow] += available - total
        return widths
    kept = 0
    if grow is not None and 0 <= grow < len(natural):
        kept = max(min(natural[grow], available // 3), narrowest[grow])
    others = [w for i, w in enumerate(natural) if i != grow]
    cap = _cap(others, available - kept)
    widths = [max(min(w, cap), floor) for w, floor in zip(natural, narrowest, strict=True)]
    if grow is not None and 0 <= grow < len(widths):
        widths[grow] = max(kept, available - sum(w for i, w in enumerate(widths) if i != grow))
    return widths


def _cap(widths: list[int], available: int) -> int:
    """The highest width such that the columns, each cut to it, fit in `available`."""
    remaining = available
    ordered = sorted(widths)
    for position, width in enumerate(ordered):
        left = len(ordered) - position
        if width * left > remaining:
            return max(remaining // left, 0)
        remaining -= width
    return max(widths, default=0)


class ColumnFitter(QObject):
    """Keeps one table's columns fitted (`fit` after new rows; resizes refit by themselves)."""

    def __init__(self, table: QTableView, widest: int, grow: int | None = None) -> None:
        """`grow`: the column that takes the width to spare (None: the last one)."""
        super().__init__(table)
        self.table, self.widest, self.grow = table, widest, grow
        self._natural: list[int] = []
        self._narrowest: list[int] = []
        header = table.horizontalHeader()
        header.setResizeContentsPrecision(FIT_SAMPLE_ROWS)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)  # "Vidaredeleg…", not cut
        table.viewport().installEventFilter(self)

    def fit(self) -> None:
        """Measure the content again (new rows) and share the width."""
        table, header = self.table, self.table.horizontalHeader()
        table.resizeColumnsToContents()
        columns = range(header.count())
        self._natural = [min(header.sectionSize(c), self.widest) for c in columns]
        # A heading may be cut short ("Vidaredel…", its tooltip has it whole); a cell's
        # content is what the table is for.
        self._narrowest = [min(width, NARROWEST) for width in self._natural]
        self._apply()

    def _apply(self) -> None:
        header = self.table.horizontalHeader()
        if len(self._natural) != header.count():
            return
        shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
        widths = share_width(
            [self._natural[c] for c in shown],
            self.table.viewport().width(),
            [self._narrowest[c] for c in shown],
            shown.index(self.grow) if self.grow in shown else len(shown) - 1,
        )
        for column, width in zip(shown, widths, strict=True):
            header.resizeSection(column, width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._apply()
        return False
