"""The org chart's items: one box item per unit, drawn from the layout (the same boxes and
text the PDF prints), and one path for all the lines between them."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
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
        self.setToolTip("\n".join(line.text for line in box.lines))
        self.setAcceptHoverEvents(False)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self._family = chart_family()

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
        if self.isSelected():
            pen = QPen(QColor(STATE_COLOURS[BoxState.MANAGER]), 2.0)
        painter.setPen(pen)
        painter.setBrush(QColor("#FFFFFF"))
        painter.drawRect(QRectF(0, 0, box.width, box.height))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(STATE_COLOURS[box.state]))
        painter.drawRect(QRectF(0, 0, STRIPE, box.height))
        zoom = option.levelOfDetailFromTransform(painter.worldTransform())
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


def fill_scene(scene: QGraphicsScene, layout: ChartLayout) -> dict[int, BoxItem]:
    scene.clear()
    path = QPainterPath()
    for x1, y1, x2, y2 in layout.lines:
        path.moveTo(x1, y1)
        path.lineTo(x2, y2)
    lines = QGraphicsPathItem(path)
    lines.setPen(QPen(QColor(LINE), 0.8))
    scene.addItem(lines)
    items: dict[int, BoxItem] = {}
    for box in layout.boxes:
        item = BoxItem(box)
        scene.addItem(item)
        items[box.unit_id] = item
    margin = 24.0
    scene.setSceneRect(
        QRectF(-margin, -margin, layout.width + 2 * margin, layout.height + 2 * margin)
    )
    return items
