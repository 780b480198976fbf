"""The org chart's items: one box item per unit, drawn from the layout (the same boxes and
text the PDF prints), and one path for all the lines between them."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from PySide6.QtCore import QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QStyleOptionGraphicsItem,
    QWidget,
)

from nacka_desktop.exports.orgchart.layout import STRIPE, Box, BoxState, ChartLayout
from nacka_desktop.exports.orgchart.writing import (
    ALERT,
    BORDER,
    INK,
    LINE,
    MUTED,
    STATE_COLOURS,
)
from nacka_desktop.resource_files import fonts, real_path

TEXT_SCALE = 10.0  # text drawn at 10× in a 1/10 scale: Qt's pixel sizes are whole numbers
MIN_TEXT_ZOOM = 0.3  # below this the text would be unreadable: grey bars instead
MIN_BAR_ZOOM = 0.1  # and below this, not even bars: only the boxes


@cache
def chart_family() -> str:
    """DejaVu Sans from the package (the font the layout measured), or the system's."""
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        QFontDatabase.addApplicationFont(str(real_path(fonts() / name)))
    return "DejaVu Sans"


class BoxItem(QGraphicsItem):
    def __init__(self, box: Box) -> None:
        super().__init__()
        self.box = box
        self.setPos(box.x, box.y)
        self._family = chart_family()

    def tooltip(self) -> str:
        """Every line of the box (the view shows it on hover: a tool tip set on each of
        thousands of items costs more than the items)."""
        return "\n".join(line.text for line in self.box.lines)

    @property
    def unit_id(self) -> int:
        return self.box.unit_id

    def boundingRect(self) -> QRectF:
        return QRectF(-1, -1, self.box.width + 2, self.box.height + 2)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        box = self.box
        vacant = box.state is BoxState.VACANT
        pen = QPen(QColor(ALERT if vacant else BORDER), 1.0 if vacant else 0.7)
        if vacant:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(QColor("#FFFFFF"))
        painter.drawRect(QRectF(0, 0, box.width, box.height))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(STATE_COLOURS[box.state]))
        painter.drawRect(QRectF(0, 0, STRIPE, box.height))
        zoom = option.levelOfDetailFromTransform(painter.worldTransform())
        if zoom < MIN_BAR_ZOOM:  # the whole of a large chart: boxes without text
            return
        if zoom < MIN_TEXT_ZOOM:
            painter.setBrush(QColor(BORDER))
            for line in box.lines[:2]:
                painter.drawRect(
                    QRectF(line.x - box.x, line.y - box.y - line.size * 0.7, 60, line.size * 0.7)
                )
            return
        font = QFont(self._family)
        for line in box.lines:
            font.setBold(line.bold)
            font.setPixelSize(max(1, round(line.size * TEXT_SCALE)))
            painter.setFont(font)
            painter.setPen(QColor(ALERT if line.alert else MUTED if line.muted else INK))
            painter.save()
            painter.translate(QPointF(line.x - box.x, line.y - box.y))
            painter.scale(1 / TEXT_SCALE, 1 / TEXT_SCALE)
            painter.drawText(QPointF(0, 0), line.text)
            painter.restore()


def chart_scene(layout: ChartLayout, parent: QObject | None = None) -> QGraphicsScene:
    """A scene with the chart's lines and its size; the boxes are added by `add_boxes`, a
    batch at a time, so a large chart never holds the window still for long."""
    scene = QGraphicsScene(parent)
    # The items never move: a linear scan per paint (5,000 boxes: about a millisecond) costs
    # less than building the BSP index, which holds the window still on the first paint.
    scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
    path = QPainterPath()
    for x1, y1, x2, y2 in layout.lines:
        path.moveTo(x1, y1)
        path.lineTo(x2, y2)
    lines = QGraphicsPathItem(path)
    lines.setPen(QPen(QColor(LINE), 0.8))
    scene.addItem(lines)
    margin = 24.0
    scene.setSceneRect(
        QRectF(-margin, -margin, layout.width + 2 * margin, layout.height + 2 * margin)
    )
    return scene


def add_boxes(scene: QGraphicsScene, boxes: Sequence[Box], items: dict[int, BoxItem]) -> None:
    for box in boxes:
        item = BoxItem(box)
        scene.addItem(item)
        items[box.unit_id] = item
