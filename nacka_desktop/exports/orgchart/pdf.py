"""The org chart as a vector PDF (reportlab, DejaVu embedded, made PDF/A-2b by exports/pdfa.py)
on A3 or A4 landscape.

One page when the chart fits at a readable size (at least `MIN_SCALE` of its natural size, where
a unit's name is still about 5 pt); a larger chart is printed at that size over as many pages as
it needs, like a poster, each page naming its row and column so the sheets can be laid side by
side (pages with no box on them are left out). A chart that small on one sheet would be
unreadable; `--unit` and `--depth` print a branch on one page instead.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.pagesizes import A3, A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from nacka_desktop.domain.language import Language
from nacka_desktop.exports.orgchart.layout import STRIPE, Box, BoxState, ChartLayout
from nacka_desktop.exports.orgchart.writing import (
    ALERT,
    BORDER,
    INK,
    LINE,
    MUTED,
    STATE_COLOURS,
    Paper,
    _fonts,
    chart_title,
    legend,
)
from nacka_desktop.exports.pdfa import new_document_id, to_pdfa
from nacka_desktop.services.org.orgchart import OrgChart

MARGIN = 12 * mm
HEADER = 16 * mm
FOOTER = 8 * mm
MIN_SCALE = 0.6


@dataclass(frozen=True)
class _Tile:
    row: int
    column: int
    left: float  # in the chart
    top: float
    width: float
    height: float

    def shows(self, box: Box) -> bool:
        return (
            box.x < self.left + self.width
            and self.left < box.x + box.width
            and box.y < self.top + self.height
            and self.top < box.y + box.height
        )


def orgchart_pdf(chart: OrgChart, layout: ChartLayout, language: Language, paper: Paper) -> bytes:
    regular, bold = _fonts()
    page_width, page_height = landscape(A3 if paper is Paper.A3 else A4)
    room_width = page_width - 2 * MARGIN
    room_height = page_height - 2 * MARGIN - HEADER - FOOTER
    chart_width, chart_height = max(layout.width, 1.0), max(layout.height, 1.0)
    scale = min(1.0, room_width / chart_width, room_height / chart_height)
    scale = max(scale, MIN_SCALE)
    tiles = _tiles(layout, room_width / scale, room_height / scale)
    title, subtitle = chart_title(chart, layout, language)
    buffer = io.BytesIO()
    canvas = Canvas(
        buffer,
        pagesize=(page_width, page_height),
        initialFontName=regular,
        initialFontSize=9,
        lang="sv-SE" if language is Language.SWEDISH else "en-GB",
    )
    canvas.setTitle(f"{title} {subtitle}")
    canvas.setSubject(title)
    canvas.setAuthor("Nacka Desktop")
    canvas.setCreator("Nacka Desktop")
    several = len(tiles) > 1
    for number, tile in enumerate(tiles, start=1):
        _header(canvas, page_width, page_height, title, subtitle, language, (regular, bold))
        footer = language.pick(f"Sida {number} av {len(tiles)}", f"Page {number} of {len(tiles)}")
        if several:
            footer += language.pick(
                f" · rad {tile.row}, kolumn {tile.column}",
                f" · row {tile.row}, column {tile.column}",
            )
        canvas.setFont(regular, 7.5)
        canvas.setFillColor(colors.HexColor(MUTED))
        canvas.drawRightString(page_width - MARGIN, MARGIN, footer)
        # The chart's x and y (down) to the page's (up), the tile's corner at the room's.
        used_width = min(room_width, layout.width * scale)
        origin_x = MARGIN + (0 if several else (room_width - used_width) / 2) - tile.left * scale
        origin_y = page_height - MARGIN - HEADER + tile.top * scale
        canvas.saveState()
        clip = canvas.beginPath()
        clip.rect(MARGIN, MARGIN + FOOTER, room_width, room_height)
        canvas.clipPath(clip, stroke=0, fill=0)
        _draw(canvas, layout, tile, origin_x, origin_y, scale, (regular, bold))
        canvas.restoreState()
        canvas.showPage()
    canvas.save()
    return to_pdfa(buffer.getvalue(), new_document_id())


def _tiles(layout: ChartLayout, width: float, height: float) -> list[_Tile]:
    columns = max(1, math.ceil(layout.width / width - 1e-9))
    rows = max(1, math.ceil(layout.height / height - 1e-9))
    tiles = [
        _Tile(row + 1, column + 1, column * width, row * height, width, height)
        for row in range(rows)
        for column in range(columns)
    ]
    shown = [t for t in tiles if any(t.shows(b) for b in layout.boxes)]
    return shown or tiles[:1]


def _header(
    canvas: Canvas,
    page_width: float,
    page_height: float,
    title: str,
    subtitle: str,
    language: Language,
    fonts: tuple[str, str],
) -> None:
    regular, bold = fonts
    top = page_height - MARGIN
    canvas.setFillColor(colors.HexColor(INK))
    canvas.setFont(bold, 14)
    canvas.drawString(MARGIN, top - 12, title)
    canvas.setFont(regular, 9)
    canvas.setFillColor(colors.HexColor(MUTED))
    canvas.drawString(MARGIN, top - 25, subtitle)
    x = page_width - MARGIN
    for state, text in reversed(legend(language)):
        x -= canvas.stringWidth(text, regular, 8)
        canvas.setFillColor(colors.HexColor(INK))
        canvas.setFont(regular, 8)
        canvas.drawString(x, top - 12, text)
        x -= 14
        _swatch(canvas, x, top - 14, state)
        x -= 14


def _swatch(canvas: Canvas, x: float, y: float, state: BoxState) -> None:
    canvas.setFillColor(colors.white)
    canvas.setStrokeColor(colors.HexColor(ALERT if state is BoxState.VACANT else BORDER))
    if state is BoxState.VACANT:
        canvas.setDash(2, 1.5)
    canvas.rect(x, y, 10, 10, stroke=1, fill=1)
    canvas.setDash()
    canvas.setFillColor(colors.HexColor(STATE_COLOURS[state]))
    canvas.rect(x, y, 3, 10, stroke=0, fill=1)


def _draw(
    canvas: Canvas,
    layout: ChartLayout,
    tile: _Tile,
    origin_x: float,
    origin_y: float,
    scale: float,
    fonts: tuple[str, str],
) -> None:
    def px(x: float) -> float:
        return origin_x + x * scale

    def py(y: float) -> float:
        return origin_y - y * scale

    canvas.setStrokeColor(colors.HexColor(LINE))
    canvas.setLineWidth(0.8 * scale)
    path = canvas.beginPath()
    for x1, y1, x2, y2 in layout.lines:
        if _segment_in(tile, x1, y1, x2, y2):
            path.moveTo(px(x1), py(y1))
            path.lineTo(px(x2), py(y2))
    canvas.drawPath(path, stroke=1, fill=0)
    regular, bold = fonts
    for box in layout.boxes:
        if not tile.shows(box):
            continue
        vacant = box.state is BoxState.VACANT
        canvas.setLineWidth((1.0 if vacant else 0.7) * scale)
        canvas.setStrokeColor(colors.HexColor(ALERT if vacant else BORDER))
        canvas.setFillColor(colors.white)
        if vacant:
            canvas.setDash(3 * scale, 2 * scale)
        x, y, w, h = px(box.x), py(box.y + box.height), box.width * scale, box.height * scale
        canvas.rect(x, y, w, h, stroke=1, fill=1)
        canvas.setDash()
        canvas.setFillColor(colors.HexColor(STATE_COLOURS[box.state]))
        canvas.rect(x, y, STRIPE * scale, h, stroke=0, fill=1)
        for line in box.lines:
            colour = ALERT if line.alert else MUTED if line.muted else INK
            canvas.setFillColor(colors.HexColor(colour))
            canvas.setFont(bold if line.bold else regular, line.size * scale)
            canvas.drawString(px(line.x), py(line.y), line.text)


def _segment_in(tile: _Tile, x1: float, y1: float, x2: float, y2: float) -> bool:
    return (
        min(x1, x2) <= tile.left + tile.width
        and max(x1, x2) >= tile.left
        and min(y1, y2) <= tile.top + tile.height
        and max(y1, y2) >= tile.top
    )
