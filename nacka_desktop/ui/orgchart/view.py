"""The view of the org chart: drag to pan, Ctrl+wheel (or +/−) to zoom around the pointer,
double-click a box to open its branch."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QHelpEvent, QMouseEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QToolTip, QWidget

from nacka_desktop.ui.orgchart.scene import BoxItem

ZOOM_STEP = 1.25
MIN_ZOOM = 0.05
MAX_ZOOM = 6.0
MAX_FIT = 1.25  # a small branch fitted to the window is not blown up beyond this


class ChartView(QGraphicsView):
    unitActivated = Signal(int)
    zoomChanged = Signal(float)

    def __init__(self, scene: QGraphicsScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setObjectName("orgChartView")
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)
        self.setBackgroundBrush(Qt.GlobalColor.white)

    def _points(self) -> float:
        """Screen pixels per point: at 100 % a box is as large as on paper."""
        return max(self.logicalDpiX(), 1) / 72.0

    def zoom(self) -> float:
        """The scale against the printed size (1.0: 100 %)."""
        return float(self.transform().m11()) / self._points()

    def set_zoom(self, value: float) -> None:
        value = max(MIN_ZOOM, min(MAX_ZOOM, value))
        factor = value / self.zoom()
        self.scale(factor, factor)
        self.zoomChanged.emit(self.zoom())

    def zoom_by(self, factor: float) -> None:
        self.set_zoom(self.zoom() * factor)

    def fit(self) -> None:
        rect = self.scene().sceneRect()
        if rect.isEmpty():
            return
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom() > MAX_FIT:
            self.set_zoom(MAX_FIT)
        self.zoomChanged.emit(self.zoom())

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.zoom_by(ZOOM_STEP**steps)
            event.accept()
            return
        super().wheelEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            item = self.itemAt(event.pos())
            if isinstance(item, BoxItem):
                QToolTip.showText(event.globalPos(), item.tooltip(), self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        item = self.itemAt(event.position().toPoint())
        if isinstance(item, BoxItem):
            self.unitActivated.emit(item.unit_id)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)
