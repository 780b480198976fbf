"""The org chart window: the organisation as of the main window's view date, a branch at a
time (from the selected unit, a depth limit, double-click a box to go into its branch, Upp
and Överst to go back), zoom and pan, and Exportera… to PDF (A3/A4 landscape) or SVG.

The window follows the main window's view date (*Visa per*): a new date is read again, the
branch shown kept if its unit exists on the new date (else the whole organisation), and the
zoom and position kept when the branch is.

The chart is read and laid out off the GUI thread (a Stockholm-size organisation takes about
a second); the window stays responsive and says it is loading meanwhile."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import shiboken6
from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QGraphicsScene,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSpinBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from nacka_desktop.domain.language import Language
from nacka_desktop.exports.file_names import file_name
from nacka_desktop.exports.orgchart import (
    ChartLayout,
    Paper,
    dejavu_measure,
    layout_chart,
    write_orgchart,
)
from nacka_desktop.exports.orgchart.layout import BoxState
from nacka_desktop.exports.orgchart.writing import STATE_COLOURS
from nacka_desktop.services.context import Services
from nacka_desktop.services.org.orgchart import OrgChart, org_chart
from nacka_desktop.ui.help.links import show_help
from nacka_desktop.ui.orgchart.path_label import PathLabel
from nacka_desktop.ui.orgchart.scene import BoxItem, add_boxes, chart_scene
from nacka_desktop.ui.orgchart.view import ZOOM_STEP, ChartView
from nacka_desktop.ui.shell.background import (
    BackgroundTask,
    Worker,
    report_failure,
    run_in_background,
)
from nacka_desktop.ui.widgets.files import FilePlaces

DEFAULT_DEPTH = 2
MAX_DEPTH = 30
BATCH = 400  # boxes added to the scene per turn of the event loop
HELP_PAGE = "orgchart.md"
READABLE_ZOOM = 0.7  # the first view of a large branch (of the printed size): names still read


class OrgChartWindow(QMainWindow):
    def __init__(
        self,
        services: Services,
        on: date,
        language: Language,
        parent: QWidget | None = None,
        unit_id: int | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("orgChartWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.services, self.on, self.language = services, on, language
        self.chart: OrgChart | None = None
        self.chart_layout: ChartLayout | None = None
        self.root_id: int | None = unit_id
        self.items: dict[int, BoxItem] = {}
        self.export_task: BackgroundTask | None = None
        self._generation = 0  # of the layouts asked for: a later one replaces an earlier
        self._reads = 0  # of the reads of the organisation: a later date replaces an earlier
        self._keep_view = False  # the next layout keeps the zoom and position (a new date)
        self.scene = QGraphicsScene(self)
        self.view = ChartView(self.scene, self)
        self.view.unitActivated.connect(self.enter)
        self.view.zoomChanged.connect(self._show_zoom)
        self.date_label = QLabel()
        self.date_label.setObjectName("orgChartDate")
        self.date_label.setTextFormat(Qt.TextFormat.PlainText)
        self.date_label.setContentsMargins(8, 4, 0, 4)
        font = self.date_label.font()
        font.setBold(True)
        self.date_label.setFont(font)
        # A deep branch's path is shortened with "…" (the whole of it in the tool tip) rather
        # than widening the window past the screen or cutting off the unit shown.
        self.path_label = PathLabel()
        self.path_label.setObjectName("orgChartPath")
        self.path_label.setContentsMargins(8, 4, 8, 4)
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        top_row = QHBoxLayout()
        top_row.setContentsMargins(0, 0, 8, 0)
        top_row.addWidget(self.date_label)
        top_row.addWidget(self.path_label, 1)
        self.legend = QLabel(self._legend_html())
        self.legend.setObjectName("orgChartLegend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        top_row.addWidget(self.legend)
        column.addLayout(top_row)
        column.addWidget(self.view, 1)
        self.setCentralWidget(central)
        self._worker = Worker(self)
        self._worker.finished.connect(self._finished)
        self._build_toolbar()
        self.status = QLabel(self.tr("Läser in organisationen …"))
        self.status.setObjectName("orgChartStatus")
        self.statusBar().addWidget(self.status, 1)
        self.zoom_label = QLabel()
        self.zoom_label.setMinimumWidth(self.zoom_label.fontMetrics().horizontalAdvance("0000 %"))
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.statusBar().addPermanentWidget(self.zoom_label)
        self._show_date()
        self.resize(1200, 800)
        self._read()

    def _read(self) -> None:
        """Read the organisation as of `self.on` in the worker; an earlier read still under
        way is answered, and its answer dropped."""
        self._reads += 1
        self._generation += 1  # nor is a layout of the earlier date shown
        self._set_busy(True)
        database, on = self.services.database, self.on
        self._worker.start(("chart", self._reads), lambda: org_chart(database, on))

    def _show_date(self) -> None:
        shown = self.on.isoformat()
        self.setWindowTitle(self.tr("Organisationsschema per {date}").format(date=shown))
        self.date_label.setText(self.tr("Per {date}").format(date=shown))
        self.date_label.setToolTip(
            self.tr("Organisationen som den ser ut den dag som står i Visa per i huvudfönstret")
        )

    def set_view_date(self, on: date) -> None:
        """The main window's view date changed: draw the organisation as of the new date,
        the same branch if its unit exists then, at the same zoom."""
        if on == self.on:
            return
        self.on = on
        self._show_date()
        self._keep_view = True
        self._read()

    def set_services(self, services: Services) -> None:
        """Another database was opened in the main window (this one's is closed): its
        organisation, from the top."""
        if services is self.services:
            return
        self.services, self.root_id, self._keep_view = services, None, False
        self.chart = None
        self._read()

    def _legend_html(self) -> str:
        """Manager, t.f. and vakant as the boxes show them: the colour of the band."""
        entries = [
            (BoxState.MANAGER, self.tr("Chef")),
            (BoxState.ACTING, self.tr("T.f. (tillförordnad)")),
            (BoxState.VACANT, self.tr("Vakant (streckad ram)")),
        ]
        return "&nbsp;&nbsp;&nbsp;".join(
            f'<span style="color:{STATE_COLOURS[state]}">&#9612;</span>&nbsp;{escape(text)}'
            for state, text in entries
        )

    # -- the toolbar -------------------------------------------------------------------------
    def _action(
        self, text: str, slot: Callable[[], Any], shortcut: str = "", tip: str = ""
    ) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(tip or text.replace("&", "").rstrip("…"))
        action.triggered.connect(slot)
        return action

    def _build_toolbar(self) -> None:
        self.up_action = self._action(
            self.tr("&Upp"), self.go_up, "Alt+Up", self.tr("Visa grenen ovanför")
        )
        self.top_action = self._action(
            self.tr("Ö&verst"), self.go_top, "Alt+Home", self.tr("Visa hela organisationen")
        )
        self.zoom_out_action = self._action(
            self.tr("Zooma &ut"), lambda: self.view.zoom_by(1 / ZOOM_STEP), "Ctrl+-"
        )
        self.zoom_in_action = self._action(
            self.tr("Zooma &in"), lambda: self.view.zoom_by(ZOOM_STEP), "Ctrl++"
        )
        self.zoom_in_action.setShortcuts([QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
        self.fit_action = self._action(
            self.tr("&Anpassa"), self.view.fit, "Ctrl+0", self.tr("Visa hela grenen i fönstret")
        )
        self.export_action = self._action(
            self.tr("&Exportera…"),
            self.export,
            "Ctrl+E",
            self.tr("Spara schemat som PDF eller SVG"),
        )
        self.help_action = self._action(
            self.tr("&Hjälp"),
            self.show_help,
            tip=self.tr("Handbokens sida om organisationsschemat (F1)"),
        )
        self.help_action.setShortcut(QKeySequence.StandardKey.HelpContents)  # F1
        self.depth_box = QSpinBox()
        self.depth_box.setObjectName("orgChartDepth")
        self.depth_box.setRange(0, MAX_DEPTH)
        self.depth_box.setSpecialValueText(self.tr("alla"))
        self.depth_box.setValue(DEFAULT_DEPTH)
        self.depth_box.setToolTip(self.tr("Hur många nivåer under enheten som visas"))
        self.depth_box.valueChanged.connect(self.relayout)
        toolbar = QToolBar(self.tr("Organisationsschema"))
        toolbar.setObjectName("orgChartToolbar")
        toolbar.setMovable(False)
        toolbar.addActions([self.up_action, self.top_action])
        toolbar.addSeparator()
        toolbar.addWidget(QLabel(self.tr(" Nivåer: ")))
        toolbar.addWidget(self.depth_box)
        toolbar.addSeparator()
        toolbar.addActions([self.zoom_out_action, self.zoom_in_action, self.fit_action])
        toolbar.addSeparator()
        toolbar.addAction(self.export_action)
        toolbar.addSeparator()
        toolbar.addAction(self.help_action)
        self.addToolBar(toolbar)

    def show_help(self) -> None:
        """F1: the guide's page about the org chart, in the window's language."""
        show_help(self, HELP_PAGE, self.language)

    # -- what is shown -----------------------------------------------------------------------
    @property
    def depth_limit(self) -> int | None:
        value = self.depth_box.value()
        return None if value == 0 else value

    def enter(self, unit_id: int) -> None:
        """Show the branch under the unit (a double-click on its box)."""
        if self.busy or self.chart is None or unit_id not in self.chart.units:
            return  # busy: the chart of a new date may be on its way
        if unit_id == self.root_id:
            return
        self.root_id = unit_id
        self.relayout()

    def go_up(self) -> None:
        if self.chart is None or self.root_id is None:
            return
        unit = self.chart.units.get(self.root_id)
        self.root_id = unit.parent_id if unit is not None else None
        self.relayout()

    def go_top(self) -> None:
        if self.root_id is not None:
            self.root_id = None
            self.relayout()

    def relayout(self) -> None:
        chart = self.chart
        if chart is None:
            return
        if self.root_id is not None and self.root_id not in chart.units:
            self.root_id = None  # not in the organisation on this date
        self._generation += 1
        self._set_busy(True)
        root, depth, language = self.root_id, self.depth_limit, self.language
        self._worker.start(
            ("layout", self._generation),
            lambda: layout_chart(chart, dejavu_measure, language, root, depth),
        )

    def _finished(self, tag: tuple[str, int], result: Any, error: BaseException | None) -> None:
        if not shiboken6.isValid(self):
            return
        kind, generation = tag
        if kind == "chart" and generation != self._reads:
            return  # a later date (or database) was asked for meanwhile: its read follows
        if error is not None:
            self._set_busy(False)
            report_failure(self, self.tr("Organisationsschemat kunde inte visas"), error)
            return
        if kind == "chart":
            self.chart = result
            if result.roots == (self.root_id,):
                self.root_id = (
                    None  # the one top unit: the whole organisation, Upp has nowhere to go
                )
            self.relayout()
        elif generation == self._generation:  # not a layout a later one replaced
            self._show(result)

    def _show(self, layout: ChartLayout) -> None:
        """Build the new scene a batch of boxes per turn of the event loop, then put it in
        the view in place of the old one."""
        scene = chart_scene(layout, self)
        items: dict[int, BoxItem] = {}
        generation = self._generation

        def step(start: int) -> None:
            if not shiboken6.isValid(self) or generation != self._generation:
                scene.deleteLater()  # a later branch or depth was asked for meanwhile
                return
            add_boxes(scene, layout.boxes[start : start + BATCH], items)
            if start + BATCH < len(layout.boxes):
                QTimer.singleShot(0, lambda: step(start + BATCH))
            else:
                self._shown(layout, scene, items)

        step(0)

    def _shown(self, layout: ChartLayout, scene: QGraphicsScene, items: dict[int, BoxItem]) -> None:
        old = self.scene
        kept = self._kept_view(layout)
        self.scene, self.items, self.chart_layout = scene, items, layout
        self.view.setScene(scene)
        old.deleteLater()
        self._set_busy(False)
        self._show_path()
        self.view.resetTransform()
        if kept is not None:  # the same branch on another date: where the user was
            zoom, centre = kept
            self.view.set_zoom(zoom)
            self.view.centerOn(centre)
        else:
            self._first_view(layout)
        count = len(layout.boxes)
        self.status.setText(
            self.tr(
                "Enheter som visas: {count}. Dubbelklicka på en ruta för att visa dess gren; "
                "dra för att flytta, Ctrl+hjul för att zooma."
            ).format(count=count)
        )

    def _kept_view(self, layout: ChartLayout) -> tuple[float, QPointF] | None:
        """The zoom and the centre of the view to keep: after a new view date, when the same
        branch is shown again (not after going to the top because the unit is gone)."""
        keep, self._keep_view = self._keep_view, False
        old = self.chart_layout
        if not keep or old is None or old.root_id != layout.root_id:
            return None
        centre = self.view.mapToScene(self.view.viewport().rect().center())
        return self.view.zoom(), QPointF(centre)

    def _first_view(self, layout: ChartLayout) -> None:
        """A branch as first shown: fitted to the window, or, if that makes it too small to
        read, at a readable size with its top box in view."""
        self.view.fit()
        if self.view.zoom() < READABLE_ZOOM:
            self.view.set_zoom(READABLE_ZOOM)
            top = layout.boxes[0] if layout.boxes else None
            if top is not None:
                scale = self.view.transform().m11()  # pixels per scene unit
                self.view.centerOn(
                    top.x + top.width / 2,
                    top.y - 24 + self.view.viewport().height() / 2 / scale,
                )

    def _show_path(self) -> None:
        chart = self.chart
        if chart is None:
            return
        if self.root_id is None:
            names = [self.tr("Hela organisationen")]
        else:
            names = [chart.units[i].name for i in chart.path_to(self.root_id)]
        self.path_label.set_path(names)
        self.up_action.setEnabled(self.root_id is not None)
        self.top_action.setEnabled(self.root_id is not None)

    def _show_zoom(self, zoom: float) -> None:
        self.zoom_label.setText(f"{round(zoom * 100)} %")

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for action in (self.up_action, self.top_action, self.export_action):
            action.setEnabled(not busy)
        self.depth_box.setEnabled(not busy)
        if busy:
            reading = self.chart is None or self.chart.on != self.on
            self.status.setText(
                self.tr("Läser in organisationen per {date} …").format(date=self.on.isoformat())
                if reading
                else self.tr("Ritar schemat …")
            )
        else:
            self._show_path()

    # -- export ------------------------------------------------------------------------------
    def export(self) -> None:
        chart, layout = self.chart, self.chart_layout
        if chart is None or layout is None:
            return
        a3 = self.tr("PDF, A3 liggande (*.pdf)")
        a4 = self.tr("PDF, A4 liggande (*.pdf)")
        svg = self.tr("SVG (*.svg)")
        unit = chart.units[layout.root_id].name if layout.root_id is not None else None
        places = FilePlaces.of(self)
        suggested = file_name(self.tr("Organisationsschema"), unit, chart.on, extension="pdf")
        target, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Exportera organisationsschemat"),
            str(places.start_folder() / suggested),
            ";;".join([a3, a4, svg]),
        )
        if not target:
            return
        path = _with_type(Path(target), ".svg" if chosen == svg else ".pdf" if chosen else "")
        places.remember(path)
        paper = Paper.A4 if chosen == a4 else Paper.A3
        language = self.language
        self.export_task = run_in_background(
            self,
            self.tr("Skriver {name} …").format(name=path.name),
            lambda _progress: write_orgchart(chart, layout, path, language, paper),
            done=lambda _result: self._saved(places, path),
            failed=lambda error: report_failure(
                self, self.tr("Organisationsschemat kunde inte sparas"), error
            ),
        )

    def _saved(self, places: FilePlaces, path: Path) -> None:
        self.status.setText(self.tr("Sparade {path}").format(path=str(path)))
        places.confirm_saved(path)  # the main window's status bar, with *Öppna mappen*

    def closeEvent(self, event: QCloseEvent) -> None:
        self._worker.wait()
        super().closeEvent(event)


def _with_type(path: Path, suffix: str) -> Path:
    """The file as the chosen filter names it (`suffix`; empty: as typed, PDF if neither)."""
    typed = path.suffix.lower()
    wanted = suffix or (typed if typed in (".pdf", ".svg") else ".pdf")
    if typed == wanted:
        return path
    return (
        path.with_suffix(wanted)
        if typed in (".pdf", ".svg")
        else path.with_name(path.name + wanted)
    )


def show_orgchart(main: Any, current: OrgChartWindow | None) -> OrgChartWindow:
    """The org chart window of the main window (its services, view date, language and
    selected unit): the open one brought forward, else a new one. It follows the main
    window's view date, and the database opened there, while it is open."""
    reusable = current is not None and shiboken6.isValid(current) and current.isVisible()
    window = current if reusable and current is not None else None
    if window is None:
        window = OrgChartWindow(
            main.services, main.on, main.language, main, main.selected_unit_id()
        )
        main.viewDateChanged.connect(window.set_view_date)
        main.databaseChanged.connect(window.set_services)
    else:
        window.set_view_date(main.on)  # a date typed a moment ago, not yet announced
    window.show()
    window.raise_()
    window.activateWindow()
    return window
