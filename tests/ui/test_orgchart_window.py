"""Visa → Organisationsschema: the chart as of the view date, a branch at a time, zoom, and
export to PDF or SVG."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pikepdf
import pytest
from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QToolBar
from pytestqt.qtbot import QtBot

from nacka_desktop.domain.language import Language
from nacka_desktop.exports.orgchart.layout import BoxState
from nacka_desktop.services.context import Services
from nacka_desktop.ui.help import pages
from nacka_desktop.ui.help.window import HelpWindow
from nacka_desktop.ui.orgchart.window import READABLE_ZOOM, OrgChartWindow
from nacka_desktop.ui.shell.commands import EditStack
from nacka_desktop.ui.shell.i18n import LanguageSwitcher
from nacka_desktop.ui.shell.main_window import MainWindow
from nacka_desktop.ui.shell.settings import Settings

from .helpers import MessageBoxes, forget_language, select_unit, unit_id_by_name


def open_chart(qtbot: QtBot, window: MainWindow) -> OrgChartWindow:
    view_menu = next(
        a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Visa"
    )
    assert isinstance(view_menu, QMenu)
    action = next(
        a for a in view_menu.actions() if a.text().replace("&", "") == "Organisationsschema…"
    )
    action.trigger()
    chart = window.findChild(OrgChartWindow)
    assert chart is not None
    qtbot.waitUntil(lambda: chart.chart_layout is not None and not chart.busy, timeout=10000)
    return chart


def shown_names(chart: OrgChartWindow) -> set[str]:
    return {item.box.name for item in chart.items.values()}


def double_click(qtbot: QtBot, chart: OrgChartWindow, unit_id: int) -> None:
    item = chart.items[unit_id]
    chart.view.ensureVisible(item)
    point = chart.view.mapFromScene(item.sceneBoundingRect().center())
    qtbot.mouseDClick(chart.view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_opens_from_the_menu_at_the_selected_unit_and_shows_its_boxes(
    qtbot: QtBot, window: MainWindow
) -> None:
    select_unit(window, "Välfärd samhällsservice")
    chart = open_chart(qtbot, window)
    assert chart.isVisible()
    assert chart.on == window.on
    names = shown_names(chart)
    assert "Välfärd samhällsservice" in names
    assert {"Hemtjänst", "Hemtjänst Boo", "Boende Ältavägen"} <= names  # two levels down
    assert "Kommunfullmäktige" not in names
    states = {item.box.name: item.box.state for item in chart.items.values()}
    assert states["Boende Ältavägen"] is BoxState.VACANT
    assert states["Hemtjänst Fisksätra"] is BoxState.ACTING
    assert states["Hemtjänst Boo"] is BoxState.MANAGER
    assert "Välfärd samhällsservice" in chart.path_label.text()
    # the same window comes forward when asked again
    window.main_actions.orgchart_action.trigger()
    assert window.findChildren(OrgChartWindow) == [chart]


def test_double_click_goes_into_a_branch_and_up_comes_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    chart = open_chart(qtbot, window)  # nothing selected: the top, two levels
    assert "Kommunfullmäktige" in shown_names(chart)
    assert not chart.up_action.isEnabled()
    ks = unit_id_by_name(window.services, "Kommunstyrelsen")
    double_click(qtbot, chart, ks)
    qtbot.waitUntil(lambda: chart.root_id == ks and not chart.busy and ks in chart.items)
    qtbot.waitUntil(lambda: chart.chart_layout is not None and chart.chart_layout.root_id == ks)
    names = shown_names(chart)
    assert "Kommunfullmäktige" not in names
    assert {"Kommunstyrelsen", "Stadsledningskontoret", "Välfärd skola"} <= names
    assert chart.path_label.text() == "Kommunfullmäktige › Kommunstyrelsen"
    chart.up_action.trigger()
    qtbot.waitUntil(lambda: not chart.busy and chart.chart_layout.root_id != ks)  # type: ignore[union-attr]
    assert "Kommunfullmäktige" in shown_names(chart)


def test_depth_limits_what_is_shown(qtbot: QtBot, window: MainWindow) -> None:
    chart = open_chart(qtbot, window)
    two = len(chart.items)
    chart.depth_box.setValue(1)
    qtbot.waitUntil(lambda: not chart.busy and len(chart.items) < two)
    assert "Stadsledningskontoret" not in shown_names(chart)
    chart.depth_box.setValue(0)  # "alla"
    qtbot.waitUntil(lambda: not chart.busy and len(chart.items) > two)
    assert len(chart.items) == len(chart.chart.units)  # type: ignore[union-attr]


def test_zoom_buttons_and_ctrl_wheel(qtbot: QtBot, window: MainWindow) -> None:
    chart = open_chart(qtbot, window)
    start = chart.view.zoom()
    chart.zoom_in_action.trigger()
    assert chart.view.zoom() == pytest.approx(start * 1.25)
    chart.zoom_out_action.trigger()
    chart.zoom_out_action.trigger()
    assert chart.view.zoom() == pytest.approx(start / 1.25)
    assert chart.zoom_label.text() == f"{round(start / 1.25 * 100)} %"
    chart.fit_action.trigger()
    visible = chart.view.mapToScene(chart.view.viewport().rect()).boundingRect()
    assert visible.contains(chart.scene.itemsBoundingRect())


def test_the_view_date_is_the_main_windows(qtbot: QtBot, window: MainWindow) -> None:
    window.view_date.set_date(date(2015, 1, 1))  # before the sample's organisation
    qtbot.waitUntil(lambda: window.on.year == 2015)
    chart = open_chart(qtbot, window)
    assert chart.on.year == 2015
    assert "2015-01-01" in chart.windowTitle()


def redrawn_on(qtbot: QtBot, chart: OrgChartWindow, on: date) -> None:
    """Until the chart as of `on` is drawn (after the main window's pause for typing)."""
    qtbot.waitUntil(
        lambda: (
            chart.chart is not None
            and chart.chart.on == on
            and not chart.busy
            and chart.chart_layout is not None
        ),
        timeout=10000,
    )


def test_the_open_chart_follows_the_view_date_and_keeps_the_branch(
    qtbot: QtBot, window: MainWindow
) -> None:
    branch = select_unit(window, "Välfärd samhällsservice")
    chart = open_chart(qtbot, window)
    fisksatra = unit_id_by_name(window.services, "Hemtjänst Fisksätra")
    assert chart.items[fisksatra].box.state is BoxState.ACTING  # today: a t.f. manager
    chart.zoom_in_action.trigger()
    zoom = chart.view.zoom()
    before = date(2026, 10, 27)  # the ordinary manager had not left yet
    window.view_date.set_date(before)
    redrawn_on(qtbot, chart, before)
    assert chart.root_id == branch and chart.chart_layout.root_id == branch  # type: ignore[union-attr]
    box = chart.items[fisksatra].box
    assert box.state is BoxState.MANAGER
    assert "Enhetschef: Kristina Lundberg" in [line.text for line in box.lines]
    assert "2026-10-27" in chart.windowTitle() and "2026-10-27" in chart.date_label.text()
    assert chart.view.zoom() == pytest.approx(zoom)  # where the user was
    assert chart.path_label.text().endswith("Välfärd samhällsservice")
    # Asked for again from the menu: the same window, still as of the view date.
    window.main_actions.orgchart_action.trigger()
    assert window.findChildren(OrgChartWindow) == [chart] and chart.on == before


def test_the_chart_goes_to_the_top_when_its_unit_is_gone_on_the_new_date(
    qtbot: QtBot, window: MainWindow
) -> None:
    unit = select_unit(window, "Hemtjänst Fisksätra")
    window.services.units.close(unit, date(2027, 1, 1))
    chart = open_chart(qtbot, window)
    assert chart.root_id == unit and "Hemtjänst Fisksätra" in shown_names(chart)
    later = date(2027, 2, 1)
    window.view_date.set_date(later)
    redrawn_on(qtbot, chart, later)
    assert chart.root_id is None
    assert unit not in chart.items and "Kommunfullmäktige" in shown_names(chart)
    assert chart.path_label.text() == "Hela organisationen"
    assert not chart.up_action.isEnabled()
    assert "2027-02-01" in chart.date_label.text()


def test_of_dates_changed_quickly_the_last_is_drawn(qtbot: QtBot, window: MainWindow) -> None:
    branch = select_unit(window, "Välfärd samhällsservice")
    chart = open_chart(qtbot, window)
    fisksatra = unit_id_by_name(window.services, "Hemtjänst Fisksätra")
    chart.set_view_date(date(2026, 10, 27))  # its read is under way when the next comes
    chart.set_view_date(date(2015, 1, 1))
    chart.set_view_date(date(2026, 10, 28))
    redrawn_on(qtbot, chart, date(2026, 10, 28))
    qtbot.wait(200)  # the earlier reads' answers arrive and are dropped
    assert chart.on == chart.chart.on == date(2026, 10, 28)  # type: ignore[union-attr]
    assert chart.items[fisksatra].box.state is BoxState.MANAGER
    assert chart.root_id == branch  # 2015 (no organisation yet) was never drawn
    assert "2026-10-28" in chart.date_label.text()


def test_a_closed_chart_no_longer_follows_the_view_date(
    qtbot: QtBot, window: MainWindow, message_boxes: MessageBoxes
) -> None:
    chart = open_chart(qtbot, window)
    chart.close()
    qtbot.waitUntil(lambda: window.findChild(OrgChartWindow) is None)
    window.view_date.set_date(date(2026, 10, 27))
    qtbot.waitUntil(lambda: window.tree_model.view_date == date(2026, 10, 27))
    assert window.findChild(OrgChartWindow) is None
    assert message_boxes.calls == []


def test_the_chart_follows_another_database_opened_in_the_main_window(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    chart = open_chart(qtbot, window)
    old = window.services
    window.databases.open(str(tmp_path / "ny.db"))
    qtbot.waitUntil(lambda: window.services is not old, timeout=20_000)
    qtbot.waitUntil(
        lambda: chart.services is window.services and not chart.busy and chart.chart is not None
    )
    assert chart.chart.units == {} and chart.items == {}  # type: ignore[union-attr]


@pytest.mark.parametrize("width", [1200, 700])
def test_a_long_path_is_shortened_so_the_unit_shown_stays_readable(
    qtbot: QtBot, window: MainWindow, width: int
) -> None:
    select_unit(window, "Nattpatrullen Fisksätra")  # the deepest unit: the longest path
    chart = open_chart(qtbot, window)
    chart.resize(width, 800)
    QCoreApplication.processEvents()
    label = chart.path_label
    names = [chart.chart.units[i].name for i in chart.chart.path_to(chart.root_id)]  # type: ignore[union-attr,arg-type]
    assert len(names) >= 4
    shown = label.text()
    assert label.fontMetrics().horizontalAdvance(shown) <= label.contentsRect().width()
    assert shown.endswith("Nattpatrullen Fisksätra")
    full = " › ".join(names)
    assert label.toolTip() == full  # the whole path
    if label.fontMetrics().horizontalAdvance(full) > label.contentsRect().width():
        assert "…" in shown and shown.startswith("Kommunfullmäktige") == (width >= 1000)


@pytest.mark.parametrize(("suffix", "chosen"), [(".pdf", 1), (".svg", 2)])
def test_export_writes_the_file(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    suffix: str,
    chosen: int,
) -> None:
    chart = open_chart(qtbot, window)
    target = tmp_path / f"schema{suffix}"
    asked: list[str] = []

    def save_as(_parent: object, _title: str, name: str, filters: str) -> tuple[str, str]:
        asked.append(name)
        return str(target), filters.split(";;")[chosen]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    chart.export_action.trigger()
    qtbot.waitUntil(target.exists, timeout=10000)
    qtbot.waitUntil(lambda: str(target) in chart.status.text())
    assert asked and Path(asked[0]).name == "Organisationsschema 2026-11-26.pdf"
    assert str(target) in window.saved_notice.label.text()  # the main window confirms it
    if suffix == ".pdf":
        with pikepdf.open(target) as pdf:
            box = [float(v) for v in pdf.pages[0].mediabox]
        assert round(box[2]) == 842 and round(box[3]) == 595  # A4 landscape was chosen
    else:
        assert "Kommunfullmäktige" in target.read_text("utf-8")


def test_boxes_are_drawn_at_a_readable_size(qtbot: QtBot, window: MainWindow) -> None:
    """A large chart starts at 70 % of its printed size (a name about 6 pt), its top box in
    view, not fitted to the window (where 500 boxes would be specks)."""
    chart = open_chart(qtbot, window)
    chart.depth_box.setValue(0)
    qtbot.waitUntil(lambda: not chart.busy and len(chart.items) == len(chart.chart.units))  # type: ignore[union-attr]
    assert chart.view.zoom() == pytest.approx(READABLE_ZOOM)
    image = chart.view.viewport().grab().toImage()
    assert image.width() > 0
    top = chart.items[chart.chart_layout.boxes[0].unit_id]  # type: ignore[union-attr]
    centre = chart.view.mapFromScene(top.sceneBoundingRect().center())
    assert chart.view.viewport().rect().contains(centre)  # the top box is in view
    assert centre != QPoint(0, 0)


def test_closing_while_it_loads_leaves_nothing_behind(qtbot: QtBot, window: MainWindow) -> None:
    for _ in range(5):
        window.main_actions.orgchart_action.trigger()
        chart = window.findChild(OrgChartWindow)
        assert chart is not None
        chart.close()  # the read may still be running: it is waited for, its answer dropped
        qtbot.waitUntil(lambda: window.findChild(OrgChartWindow) is None)
    chart = open_chart(qtbot, window)  # and a new one still works
    assert chart.items


@pytest.mark.parametrize(("width", "height"), [(1200, 800), (1366, 768)])
def test_every_control_is_on_screen_at_common_sizes(
    qtbot: QtBot, window: MainWindow, width: int, height: int
) -> None:
    select_unit(window, "Nattpatrullen Fisksätra")  # the deepest unit: the longest path
    chart = open_chart(qtbot, window)
    chart.resize(width, height)
    QCoreApplication.processEvents()
    assert chart.width() == width  # a long path does not widen the window
    toolbar = chart.findChild(QToolBar, "orgChartToolbar")
    assert toolbar is not None
    for action in toolbar.actions():
        if action.isVisible() and not action.isSeparator():
            button = toolbar.widgetForAction(action)
            assert button is not None and button.isVisible(), action.text()
            right = button.mapTo(chart, QPoint(button.width(), 0)).x()
            assert right <= width, action.text()
    legend = chart.legend.mapTo(chart, QPoint(chart.legend.width(), 0)).x()
    assert chart.legend.isVisible() and legend <= width
    assert "Nattpatrullen Fisksätra" in chart.path_label.toolTip()


@pytest.fixture
def english_window(
    qapp: object, qtbot: QtBot, sample_services: Services, settings: Settings
) -> Iterator[MainWindow]:
    switcher = LanguageSwitcher()
    assert switcher.apply(Language.ENGLISH)
    main = MainWindow(sample_services, settings, EditStack(), Language.ENGLISH)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    forget_language(switcher)


def test_in_english_the_window_and_its_boxes_speak_english(
    qtbot: QtBot, english_window: MainWindow
) -> None:
    select_unit(english_window, "Boende Ältavägen")
    english_window.main_actions.orgchart_action.trigger()
    chart = english_window.findChild(OrgChartWindow)
    assert chart is not None
    qtbot.waitUntil(lambda: chart.chart_layout is not None and not chart.busy)
    assert chart.windowTitle().startswith("Organisation chart as of")
    assert chart.date_label.text() == f"As of {english_window.on.isoformat()}"
    assert [a.text() for a in (chart.up_action, chart.export_action)] == ["&Up", "&Export…"]
    assert "Vacant (dashed border)" in chart.legend.text()
    lines = [line.text for item in chart.items.values() for line in item.box.lines]
    assert "Vacant" in lines and "Vakant" not in lines
    assert any(text.startswith("Unit · 7210") for text in lines)
    assert chart.status.text().startswith("Units shown: 1.")


def test_f1_opens_the_guides_page_about_the_chart(qtbot: QtBot, window: MainWindow) -> None:
    for language in (Language.SWEDISH, Language.ENGLISH):
        text = pages.page_text(language, "orgchart.md")
        assert text is not None and "nacka-desktop export orgchart" in text
        assert "(images/orgchart-window.png)" in text
        assert "(orgchart.md)" in (pages.page_text(language, pages.HOME) or "")
    chart = open_chart(qtbot, window)
    assert chart.help_action.shortcut() == QKeySequence(Qt.Key.Key_F1)
    chart.activateWindow()
    qtbot.waitUntil(chart.isActiveWindow)
    qtbot.keyClick(chart.view, Qt.Key.Key_F1)
    guide = next(w for w in chart.findChildren(HelpWindow) if w.isVisible())
    assert guide.page == "orgchart.md" and guide.language is Language.SWEDISH
    assert "Organisationsschema" in guide.browser.toPlainText()
