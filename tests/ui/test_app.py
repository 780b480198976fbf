"""The application around the window: language, the controller's start-up, crash reporting."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import cast

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QMenu

from nacka_desktop.domain.language import Language
from nacka_desktop.resource_files import translations
from nacka_desktop.services.context import Services
from nacka_desktop.ui.shell import application
from nacka_desktop.ui.shell.commands import EditStack
from nacka_desktop.ui.shell.controller import Controller
from nacka_desktop.ui.shell.crash import CrashReporter, configure_logging
from nacka_desktop.ui.shell.i18n import LanguageSwitcher
from nacka_desktop.ui.shell.main_window import MainWindow
from nacka_desktop.ui.shell.settings import LANGUAGE, LAST_DATABASE, Settings

from .helpers import MessageBoxes, forget_language, select_unit

pytestmark = pytest.mark.gui

ENGLISH_CATALOGUE = translations() / "nacka_desktop_en.qm"


def remove_log_handlers(log_path: Path) -> None:
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, logging.FileHandler) and Path(handler.baseFilename) == log_path:
            root.removeHandler(handler)
            handler.close()


def menu_titles(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


@pytest.fixture(autouse=True)
def keep_default_locale() -> Iterator[None]:
    before = QLocale()
    yield
    QLocale.setDefault(before)


@pytest.fixture
def english(qapp) -> Iterator[LanguageSwitcher]:
    if not ENGLISH_CATALOGUE.is_file():
        pytest.skip(f"{ENGLISH_CATALOGUE.name} has not been built yet (make translations)")
    switcher = LanguageSwitcher()
    assert switcher.apply(Language.ENGLISH) is True
    yield switcher
    forget_language(switcher)


# -- 11. language ----------------------------------------------------------------------------
def test_swedish_needs_no_catalogue(qapp):
    switcher = LanguageSwitcher()
    try:
        assert switcher.apply(Language.SWEDISH) is True
        assert switcher.language is Language.SWEDISH
    finally:
        forget_language(switcher)


def test_an_unknown_language_falls_back_to_swedish(qapp):
    switcher = LanguageSwitcher()
    try:
        switcher.apply(Language.parse("xx"))  # as a damaged setting is read
        assert switcher.language is Language.SWEDISH
    finally:
        forget_language(switcher)


def test_english_catalogue_loads(english: LanguageSwitcher):
    assert english.language is Language.ENGLISH
    assert QCoreApplication.translate("MainWindow", "&Arkiv") == "&File"


def test_window_built_in_english_shows_english_menus(
    english: LanguageSwitcher, qtbot, sample_services: Services, settings: Settings
):
    window = MainWindow(sample_services, settings, EditStack(), Language.ENGLISH)
    qtbot.addWidget(window)
    window.show()

    titles = menu_titles(window)
    assert titles[0] == "&File"
    assert titles[1] == "&Edit"
    assert window.main_actions.undo_action.text().startswith("&Undo")


def test_window_in_swedish_shows_swedish_menus(window: MainWindow):
    assert menu_titles(window)[:2] == ["&Arkiv", "&Redigera"]


def test_choosing_a_language_in_the_menu_asks_for_it(window: MainWindow, qtbot):
    # PySide6 types QAction.menu() as QObject; here each one is a QMenu.
    language_actions = [
        action
        for menu_action in window.menuBar().actions()
        for sub in cast(QMenu, menu_action.menu()).actions()
        if sub.menu() is not None
        for action in cast(QMenu, sub.menu()).actions()
    ]
    english_action = next(a for a in language_actions if a.data() == "en")
    assert next(a for a in language_actions if a.data() == "sv").isChecked()

    with qtbot.waitSignal(window.languageChangeRequested) as blocker:
        english_action.trigger()

    assert blocker.args == [Language.ENGLISH]


# -- 13. the controller ----------------------------------------------------------------------
@pytest.fixture
def make_controller(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[[], Controller]]:
    """Controllers whose sample database, log and settings all live under tmp_path."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # the controller installs its own
    sample = tmp_path / "data" / "nacka-exempel.db"
    monkeypatch.setattr(application, "sample_database_path", lambda: sample)
    made: list[Controller] = []

    def make() -> Controller:
        controller = Controller(settings=settings, log_dir=tmp_path / "logs")
        made.append(controller)
        return controller

    yield make
    for controller in made:
        if controller.window is not None:
            controller.window.close()
            controller.window.deleteLater()
        if controller.services is not None:
            controller.services.close()
        forget_language(controller.language)
        remove_log_handlers(controller.log_path)


def test_a_file_that_is_no_database_falls_back_to_the_sample(
    make_controller, tmp_path: Path, settings: Settings, message_boxes: MessageBoxes
):
    notes = tmp_path / "anteckningar.db"
    notes.write_text("Det här är ingen databas, bara anteckningar.\n" * 40, encoding="utf-8")
    controller = make_controller()

    assert controller.start(str(notes)) is True

    criticals = message_boxes.of_kind("critical")
    assert len(criticals) == 1
    _kind, _title, text = criticals[0]
    assert "anteckningar.db" in text
    assert "Exempelorganisationen öppnas i stället." in text
    assert controller.services is not None
    assert controller.services.database.location == str(tmp_path / "data" / "nacka-exempel.db")
    assert controller.window is not None and controller.window.isVisible()
    assert controller.window.tree_model.index(0, 0).data() == "Kommunfullmäktige"
    assert settings.get(LAST_DATABASE) != str(notes)
    assert notes.read_text(encoding="utf-8").startswith("Det här är ingen databas")  # untouched
    assert controller.log_path == tmp_path / "logs" / "nacka-desktop.log"


def test_start_opens_the_given_database_and_remembers_it(
    make_controller, sample_services: Services, settings: Settings, message_boxes: MessageBoxes
):
    location = sample_services.database.location
    controller = make_controller()

    assert controller.start(location) is True

    assert message_boxes.calls == []
    assert controller.services.database.location == location
    assert settings.get(LAST_DATABASE) == location


def test_changing_language_rebuilds_the_window_on_the_same_object(
    english: LanguageSwitcher, make_controller, sample_services: Services, settings: Settings
):
    controller = make_controller()
    controller.start(sample_services.database.location)
    old = controller.window
    unit_id = select_unit(old, "Boende Ältavägen")

    controller.change_language(Language.ENGLISH)

    new = controller.window
    assert new is not old
    assert not old.isVisible()
    assert menu_titles(new)[0] == "&File"
    assert new.current_object() == ("unit", unit_id)
    assert settings.get(LANGUAGE) == "en"
    # the shared undo stack now drives only the new window
    select_unit(new, "Planenheten")
    new.unit_form.name_edit.setText("Planenheten Älta")
    new.unit_form.save_button.click()
    assert controller.undo_stack.count() == 1
    assert new.unit_form.heading.text() == "Planenheten Älta"


def test_changing_language_closes_the_delegation_window_of_the_old_language(
    english: LanguageSwitcher, make_controller, sample_services: Services
):
    """It edits through the old window and listens to the shared undo stack: left open, it
    stayed in Swedish beside the English window, and reloaded after its window was gone."""
    controller = make_controller()
    controller.start(sample_services.database.location)
    delegation = controller.window.show_delegation()
    assert delegation.isVisible()

    controller.change_language(Language.ENGLISH)

    assert not delegation.isVisible()
    reopened = controller.window.show_delegation()
    assert reopened is not delegation
    assert reopened.windowTitle() == "Delegation" and reopened.tabs.tabText(1) == "Who may decide?"


def test_changing_language_keeps_the_window_size(
    english: LanguageSwitcher, make_controller, sample_services: Services
):
    controller = make_controller()
    controller.start(sample_services.database.location)
    # Not the default size, and no lower than the window can be (status bar and forms).
    controller.window.resize(740, 680)

    controller.change_language(Language.ENGLISH)

    assert (controller.window.width(), controller.window.height()) == (740, 680)


# -- 14. crash reporting ---------------------------------------------------------------------
def test_crash_reporter_logs_the_traceback_and_names_the_log(
    tmp_path: Path, message_boxes: MessageBoxes, qapp
):
    log_path = configure_logging(tmp_path)
    reporter = CrashReporter(log_path)
    try:
        empty: dict[str, str] = {}
        try:
            empty["saknad nyckel"]
        except KeyError as error:
            reporter.handle(type(error), error, error.__traceback__)
        for handler in logging.getLogger().handlers:
            handler.flush()

        logged = log_path.read_text(encoding="utf-8")
        assert "Oväntat fel" in logged
        assert "Traceback (most recent call last)" in logged
        assert "KeyError: 'saknad nyckel'" in logged
        assert "test_app.py" in logged  # where it happened
        criticals = message_boxes.of_kind("critical")
        assert len(criticals) == 1
        _kind, title, text = criticals[0]
        assert title == "Oväntat fel"
        assert str(log_path) in text
        assert "saknad nyckel" in text
    finally:
        remove_log_handlers(log_path)


def test_crash_reporter_installs_itself_as_the_excepthook(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    reporter = CrashReporter(tmp_path / "nacka-desktop.log")
    reporter.install()
    assert sys.excepthook == reporter.handle


def test_the_sample_database_is_built_whole_or_not_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "data" / "nacka-exempel.db"

    def interrupted(_database: object, _today: object) -> None:
        raise KeyboardInterrupt

    with monkeypatch.context() as patched:
        patched.setattr(application, "build_sample_organisation", interrupted)
        with pytest.raises(KeyboardInterrupt):
            application.open_sample_database(target)
    assert not target.exists()  # so the next start builds it again

    services = application.open_sample_database(target)
    try:
        assert len(services.queries.snapshot().units) >= 25
    finally:
        services.close()
    assert sorted(p.name for p in target.parent.iterdir() if "building" in p.name) == []


def test_changing_the_view_date_reloads_once_after_a_pause(window, qtbot) -> None:
    calls: list[int] = []
    original = window.refresh_problems

    def counted() -> None:
        calls.append(1)
        original()

    window.refresh_problems = counted
    for day in (1, 2, 3):  # as if typed digit by digit
        window.view_date.set_date(window.on - timedelta(days=day))
    assert calls == []
    qtbot.waitUntil(lambda: calls == [1], timeout=2000)


def test_changing_language_keeps_the_tab_the_search_and_the_delegation_window(
    english: LanguageSwitcher, make_controller, sample_services: Services
):
    """Issue 14: the switch rebuilt the window from scratch: back on Uppgifter, the search
    gone, the Delegation window closed."""
    controller = make_controller()
    controller.start(sample_services.database.location)
    old = controller.window
    old.right_tabs.setCurrentWidget(old.work_panel)
    old.search.setText("Älta")
    old.search.run_search()
    old.show_delegation().tabs.setCurrentIndex(2)

    controller.change_language(Language.ENGLISH)

    new = controller.window
    assert new.right_tabs.currentWidget() is new.work_panel
    assert new.search.text() == "Älta"
    assert new.left_stack.currentIndex() == 1 and new.search.model.rowCount() > 0
    delegation = new._delegation_window
    assert delegation is not None and delegation.isVisible()
    assert delegation.tabs.currentIndex() == 2
    assert delegation.tabs.tabText(2) == "Delegated decisions"


def test_the_database_is_opened_and_read_off_the_gui_thread_at_start(
    make_controller, sample_services: Services, monkeypatch: pytest.MonkeyPatch
):
    """Issue 14: opening a large organisation at start (its backup, upgrade and first read)
    froze the screen before any window showed; now a worker does it while a progress dialog
    can draw, and the window opens on what it read."""
    import threading

    from nacka_desktop.services.org.queries import OrgQueries

    opened_in: list[threading.Thread] = []
    read_in: list[threading.Thread] = []
    real_open, real_snapshot = Services.open, OrgQueries.snapshot

    def opening(*args, **kwargs):
        opened_in.append(threading.current_thread())
        return real_open(*args, **kwargs)

    def reading(self, *args, **kwargs):
        read_in.append(threading.current_thread())
        return real_snapshot(self, *args, **kwargs)

    monkeypatch.setattr(Services, "open", staticmethod(opening))
    monkeypatch.setattr(OrgQueries, "snapshot", reading)
    controller = make_controller()
    assert controller.start(sample_services.database.location) is True
    assert opened_in and opened_in[0] is not threading.main_thread()
    assert read_in[0] is not threading.main_thread()  # the first read, before the window
    assert controller.window is not None and controller.window.isVisible()
