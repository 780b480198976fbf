"""The main window: org tree and search on the left, the selected object's form on the right,
the Problems panel below. Every edit goes through an undoable command that calls a service."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QDate, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from nacka_desktop import __version__
from nacka_desktop.domain.language import Language
from nacka_desktop.domain.responsibility import roles_for
from nacka_desktop.domain.rules import ObjectKind
from nacka_desktop.services.context import DatabaseOpenError, Services, remembered_location
from nacka_desktop.services.editing import NotFoundError
from nacka_desktop.ui.org.actions import OrgActions
from nacka_desktop.ui.org.appointment_form import AppointmentForm
from nacka_desktop.ui.org.person_form import PersonForm
from nacka_desktop.ui.org.processes_dialog import ProcessesDialog
from nacka_desktop.ui.org.tree_model import UNIT_ID_ROLE, OrgTreeModel
from nacka_desktop.ui.org.unit_form import UnitForm
from nacka_desktop.ui.shell.commands import EditStack
from nacka_desktop.ui.shell.context import AppContext
from nacka_desktop.ui.shell.database_files import choose_database, new_database
from nacka_desktop.ui.shell.edits import EditRunner
from nacka_desktop.ui.shell.i18n import LANGUAGES
from nacka_desktop.ui.shell.letterhead_dialog import LetterheadDialog
from nacka_desktop.ui.shell.panels import ProblemsPanel, SearchBox
from nacka_desktop.ui.shell.problems_checker import ProblemsChecker
from nacka_desktop.ui.shell.settings import (
    GEOMETRY,
    LAST_DATABASE,
    SHOW_CLOSED,
    WINDOW_STATE,
    Settings,
)
from nacka_desktop.ui.work.actions import WorkActions
from nacka_desktop.ui.work.panel import WorkPanel

if TYPE_CHECKING:
    from nacka_desktop.ui.delegation.window import DelegationWindow

ServicesOpener = Callable[[str], Services]
VIEW_DATE_DELAY_MS = 300
TREE_EDIT_TRIGGERS = (
    QAbstractItemView.EditTrigger.EditKeyPressed | QAbstractItemView.EditTrigger.SelectedClicked
)
# Problems about these are shown in the Delegation window.
DELEGATION_KINDS = frozenset(
    kind.value
    for kind in (
        ObjectKind.DELEGATION_ORDER,
        ObjectKind.DELEGATION_ITEM,
        ObjectKind.SUBDELEGATION,
        ObjectKind.DELEGATED_DECISION,
        ObjectKind.COUNCIL_MATTER,
    )
)


class MainWindow(QMainWindow):
    languageChangeRequested = Signal(object)  # the Language chosen
    databaseChanged = Signal(object)  # the new Services

    def __init__(
        self,
        services: Services,
        settings: Settings,
        undo_stack: EditStack,
        language: Language,
        open_services: ServicesOpener = Services.open,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.undo_stack = undo_stack
        self.language = language
        undo_stack.name_steps(language)  # the steps made before a change of language too
        self._open_services = open_services
        self._current: tuple[str, int] | None = None
        self._delegation_window: DelegationWindow | None = None
        self.edits = EditRunner(undo_stack, self, language)
        self.context = AppContext(services, settings, undo_stack, self.edits, language)
        self._refreshing = False
        self._listening = False
        self.setObjectName("MainWindow")
        self.setWindowIcon(self.style().standardIcon(self.style().StandardPixmap.SP_DirHomeIcon))

        self.tree = QTreeView()
        self.tree.setObjectName("orgTree")
        self.tree.setHeaderHidden(True)
        self._install_tree_model(services, services.clock(), bool(settings.get(SHOW_CLOSED)))
        self.tree.setUniformRowHeights(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.setDragEnabled(True)
        self.tree.setAcceptDrops(True)
        self.tree.setDropIndicatorShown(True)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setEditTriggers(TREE_EDIT_TRIGGERS)
        self.search = SearchBox(services.queries)
        self.search.model.language = language
        self.search.setObjectName("searchBox")
        self.left_stack = QStackedWidget()
        self.left_stack.addWidget(self.tree)
        self.left_stack.addWidget(self.search.results)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(4, 4, 4, 4)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.left_stack, 1)

        self.unit_form = UnitForm()
        self.person_form = PersonForm()
        self.appointment_form = AppointmentForm()
        self.empty_page = QLabel(self.tr("Välj en enhet i trädet eller sök efter en person."))
        self.empty_page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.form_stack = QStackedWidget()
        for page in (self.empty_page, self.unit_form, self.person_form, self.appointment_form):
            self.form_stack.addWidget(page)

        splitter = QSplitter()
        splitter.setObjectName("mainSplitter")
        splitter.addWidget(left)
        self.work_panel = WorkPanel()
        self.work_actions = WorkActions(self.context, self)
        self.org_actions = OrgActions(self.context, self)
        self.right_tabs = QTabWidget()
        self.right_tabs.setObjectName("rightTabs")
        self.right_tabs.addTab(self.form_stack, self.tr("Uppgifter"))
        self.right_tabs.addTab(self.work_panel, self.tr("Arbetsmiljö"))
        splitter.addWidget(self.right_tabs)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([380, 620])
        self.setCentralWidget(splitter)

        self.problems = ProblemsPanel()
        self.problems_dock = QDockWidget(self.tr("Problem"), self)
        self.problems_dock.setObjectName("problemsDock")
        self.problems_dock.setWidget(self.problems)
        self.problems_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems_dock)
        self.problems_checker = ProblemsChecker(self)
        self.problems_checker.ready.connect(
            lambda violations: self.problems.set_violations(violations, self.language)
        )
        self.problems_checker.busyChanged.connect(self.problems.set_checking)
        self.problems_checker.failed.connect(self.problems.set_failed)

        self.view_date = QDateEdit(QDate(services.clock()))
        self.view_date.setObjectName("viewDate")
        self.view_date.setCalendarPopup(True)
        self.view_date.setDisplayFormat("yyyy-MM-dd")

        self._create_actions()
        self._create_menus_and_toolbar()
        self._connect()
        self._restore_window()
        self._update_title()
        self._update_actions()
        self.refresh_problems()
        self._expand_top()
        self.select_first_unit()

    # -- set-up --------------------------------------------------------------------------
    def _action(
        self,
        text: str,
        slot: Callable[[], Any],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setStatusTip(tip)
        action.setToolTip(tip or text.replace("&", "").rstrip("…"))
        action.triggered.connect(slot)
        return action

    def _create_actions(self) -> None:
        self.new_database_action = self._action(self.tr("&Ny databas…"), self.new_database)
        self.letterhead_action = self._action(self.tr("&Brevhuvud…"), self.edit_letterhead)
        self.open_database_action = self._action(
            self.tr("&Öppna databas…"), self.choose_database, QKeySequence.StandardKey.Open
        )
        self.quit_action = self._action(
            self.tr("&Avsluta"), self.close, QKeySequence.StandardKey.Quit
        )
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Ångra"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Gör om"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.new_unit_action = self._action(
            self.tr("Ny &enhet…"),
            self.new_unit,
            "Ctrl+N",
            self.tr("Skapa en enhet under den valda"),
        )
        self.rename_action = self._action(self.tr("&Byt namn"), self.rename_unit, "F2")
        self.move_action = self._action(self.tr("&Flytta till…"), self.move_unit, "Ctrl+M")
        self.close_unit_action = self._action(
            self.tr("Avsluta enhe&t…"), self.close_unit, None, self.tr("Sätt slutdatum för enheten")
        )
        self.new_person_action = self._action(
            self.tr("Ny &person…"), self.new_person, "Ctrl+Shift+N"
        )
        self.appoint_action = self._action(self.tr("&Tillsätt…"), self.appoint, "Ctrl+T")
        self.end_appointment_action = self._action(
            self.tr("Avsluta för&ordnande…"), self.end_selected_appointment
        )
        self.show_closed_action = self._action(
            self.tr("Visa &avslutade enheter"), self._toggle_closed
        )
        self.show_closed_action.setCheckable(True)
        self.show_closed_action.setChecked(self.settings.get(SHOW_CLOSED))
        self.processes_action = self._action(self.tr("&Processer…"), self.show_processes)
        self.find_action = self._action(
            self.tr("&Sök"), self._focus_search, QKeySequence.StandardKey.Find
        )
        self.about_action = self._action(self.tr("&Om Nacka Desktop"), self.about)
        self.new_distribution_action = self._action(
            self.tr("&Ny fördelning av arbetsmiljöuppgifter…"), self.new_distribution
        )
        self.task_catalogue_action = self._action(
            self.tr("&Uppgiftskatalog…"), self.show_task_catalogue
        )
        self.delegation_action = self._action(
            self.tr("&Delegationsordningar och beslut…"), self.show_delegation, "Ctrl+D"
        )
        self.register_action = self._action(
            self.tr("&Register över fördelningar (Excel)…"), self.work_actions.export_register
        )

    def _create_menus_and_toolbar(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&Arkiv"))
        file_menu.addActions([self.new_database_action, self.open_database_action])
        file_menu.addAction(self.letterhead_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(self.tr("&Redigera"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions(
            [self.new_unit_action, self.rename_action, self.move_action, self.close_unit_action]
        )
        edit_menu.addSeparator()
        edit_menu.addActions(
            [self.new_person_action, self.appoint_action, self.end_appointment_action]
        )
        view_menu = bar.addMenu(self.tr("&Visa"))
        view_menu.addAction(self.find_action)
        view_menu.addAction(self.show_closed_action)
        view_menu.addAction(self.processes_action)
        view_menu.addAction(self.problems_dock.toggleViewAction())
        language_menu = view_menu.addMenu(self.tr("&Språk"))
        group = QActionGroup(self)
        for language in Language:
            action = QAction(LANGUAGES[language.code], self, checkable=True)
            action.setChecked(language is self.language)
            action.setData(language.code)
            action.triggered.connect(lambda _=False, chosen=language: self._change_language(chosen))
            group.addAction(action)
            language_menu.addAction(action)
        work_menu = bar.addMenu(self.tr("Arbets&miljö"))
        work_menu.addActions(
            [self.new_distribution_action, self.task_catalogue_action, self.register_action]
        )
        delegation_menu = bar.addMenu(self.tr("&Delegation"))
        delegation_menu.addAction(self.delegation_action)
        help_menu = bar.addMenu(self.tr("&Hjälp"))
        help_menu.addAction(self.about_action)

        toolbar = QToolBar(self.tr("Verktyg"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.addActions([self.undo_action, self.redo_action])
        toolbar.addSeparator()
        toolbar.addActions([self.new_unit_action, self.new_person_action, self.appoint_action])
        toolbar.addSeparator()
        toolbar.addWidget(QLabel(self.tr(" Visa per: ")))
        toolbar.addWidget(self.view_date)
        self.addToolBar(toolbar)

    def _connect(self) -> None:
        self._listen(True)
        self.search.resultsChanged.connect(
            lambda searching: self.left_stack.setCurrentIndex(1 if searching else 0)
        )
        self.search.activated.connect(self._search_hit_chosen)
        self.problems.objectActivated.connect(self.show_object)
        self.unit_form.saveRequested.connect(self._save_unit)
        self.unit_form.appointRequested.connect(lambda unit_id: self.appoint(unit_id=unit_id))
        self.unit_form.endAppointmentRequested.connect(self.end_appointment)
        self.unit_form.appointmentActivated.connect(self.show_appointment)
        self.person_form.saveRequested.connect(self._save_person)
        self.person_form.appointRequested.connect(
            lambda person_id: self.appoint(person_id=person_id)
        )
        self.person_form.endAppointmentRequested.connect(self.end_appointment)
        self.person_form.appointmentActivated.connect(self.show_appointment)
        self.appointment_form.saveRequested.connect(self._save_appointment)
        self.appointment_form.unitActivated.connect(self.show_unit)
        self.appointment_form.personActivated.connect(self.show_person)
        # Typing a date changes it digit by digit: reload once the user pauses.
        self._view_date_timer = QTimer(self)
        self._view_date_timer.setSingleShot(True)
        self._view_date_timer.setInterval(VIEW_DATE_DELAY_MS)
        self._view_date_timer.timeout.connect(self._view_date_changed)
        self.view_date.dateChanged.connect(self._view_date_timer.start)
        # What an action or dialog uses at once; the views follow after the pause above.
        self.view_date.dateChanged.connect(self._remember_view_date)
        self.right_tabs.currentChanged.connect(self._refresh_work)
        self.work_panel.newRequested.connect(self.new_distribution)
        self.work_panel.actionRequested.connect(self.work_actions.act)
        self.work_panel.letterRequested.connect(self.work_actions.show_letter)
        self.work_panel.returnLetterRequested.connect(self.work_actions.show_return_letter)
        self.work_panel.registerRequested.connect(self.work_actions.export_register)

    @property
    def services(self) -> Services:
        """The open database's services (the context's: they change with the database)."""
        return self.context.services

    def _install_tree_model(self, services: Services, on: date, show_closed: bool) -> None:
        """The tree of this database, as on the date, wired to the window (at start and when
        another database is opened)."""
        self.tree_model = OrgTreeModel(services.queries, on, self)
        self.tree_model.language = self.language
        self.tree_model.set_view_date(on, show_closed)
        self.tree.setModel(self.tree_model)
        self.tree.selectionModel().currentChanged.connect(self._tree_current_changed)
        self.tree_model.moveRequested.connect(self._move_dropped)
        self.tree_model.renameRequested.connect(self._rename_to)

    def _restore_window(self) -> None:
        geometry = self.settings.get(GEOMETRY)
        if geometry and not geometry.isEmpty() and self.restoreGeometry(geometry):
            self.restoreState(self.settings.get(WINDOW_STATE))
        else:
            self.resize(1200, 800)
            self.resizeDocks([self.problems_dock], [170], Qt.Orientation.Vertical)

    def _expand_top(self, levels: int = 3) -> None:
        """Open the first levels (KF, KS, stadsledningskontoret) so the start view is useful."""
        parents = [QModelIndex()]
        for _ in range(levels):
            children = []
            for parent in parents:
                if self.tree_model.canFetchMore(parent):
                    self.tree_model.fetchMore(parent)
                for row in range(self.tree_model.rowCount(parent)):
                    child = self.tree_model.index(row, 0, parent)
                    self.tree.expand(child)
                    children.append(child)
            parents = children

    def select_first_unit(self) -> None:
        first = self.tree_model.index(0, 0)
        if first.isValid():
            self.tree.setCurrentIndex(first)

    # -- state ---------------------------------------------------------------------------
    @property
    def on(self) -> date:
        value = self.view_date.date().toPython()
        assert isinstance(value, date)
        return value

    def selected_unit_id(self) -> int | None:
        if self._current and self._current[0] == "unit":
            return self._current[1]
        return None

    def _update_title(self) -> None:
        """The database in the title bar; a read-only one says so, and nothing offers to edit
        it (the services would refuse the edit anyway, with a message)."""
        database = self.services.database
        title = f"Nacka Desktop — {database.location}"
        if database.read_only:
            title = self.tr("{title} (skrivskyddad)").format(title=title)
        self.setWindowTitle(title)
        writable = not database.read_only
        for action in (
            self.new_unit_action,
            self.new_person_action,
            self.appoint_action,
            self.new_distribution_action,
            self.letterhead_action,
        ):
            action.setEnabled(writable)
        self.tree.setDragEnabled(writable)
        self.tree.setAcceptDrops(writable)
        no_triggers = QAbstractItemView.EditTrigger.NoEditTriggers
        self.tree.setEditTriggers(TREE_EDIT_TRIGGERS if writable else no_triggers)
        for form in (self.unit_form, self.person_form, self.appointment_form):
            form.set_writable(writable)
        self.unit_form.appointments.set_writable(writable)
        self.person_form.appointments.set_writable(writable)
        self.work_panel.new_button.setEnabled(writable)

    def _update_actions(self) -> None:
        writable = not self.services.database.read_only
        has_unit = self.selected_unit_id() is not None
        for action in (self.rename_action, self.move_action, self.close_unit_action):
            action.setEnabled(has_unit and writable)
        has_appointment = self._selected_appointment_id() is not None
        self.end_appointment_action.setEnabled(has_appointment and writable)

    def _selected_appointment_id(self) -> int | None:
        if self._current and self._current[0] == "appointment":
            return self._current[1]
        page = self.form_stack.currentWidget()
        if page is self.unit_form:
            return self.unit_form.appointments.selected_appointment_id()
        if page is self.person_form:
            return self.person_form.appointments.selected_appointment_id()
        return None

    # -- showing objects -----------------------------------------------------------------
    def show_object(self, kind: str, object_id: int) -> None:
        if kind == "unit":
            self.show_unit(object_id)
        elif kind == "person":
            self.show_person(object_id)
        elif kind == "appointment":
            self.show_appointment(object_id)
        elif kind == "process":
            self.show_processes(object_id)
        elif kind in DELEGATION_KINDS:
            self.show_delegation().show_object(kind, object_id)
        elif kind in ("distribution", "task_return"):
            self.show_distribution(kind, object_id)

    def _search_hit_chosen(self, kind: str, object_id: int) -> None:
        if kind == "unit":
            self.left_stack.setCurrentWidget(self.tree)  # the unit, in its place in the tree
        self.show_object(kind, object_id)

    def show_unit(self, unit_id: int, reveal: bool = True) -> None:
        try:
            # Read before the page: a save in between makes the form stale, never current.
            version = self.services.queries.version(ObjectKind.UNIT, unit_id)
            page = self.services.queries.unit_page(unit_id, self.on)
        except NotFoundError:
            self._show_empty()
            return
        self._current = ("unit", unit_id)
        self.unit_form.loaded_version = version
        self.unit_form.show_unit(
            page.unit,
            page.parent_name,
            page.manager,
            page.appointments,
            self.on,
            self.language,
            page.history,
        )
        self.form_stack.setCurrentWidget(self.unit_form)
        self._refresh_work()
        if reveal:
            self._reveal_in_tree(unit_id)
        self._update_actions()

    def show_person(self, person_id: int) -> None:
        try:
            version = self.services.queries.version(ObjectKind.PERSON, person_id)
            page = self.services.queries.person_page(person_id, self.on)
        except NotFoundError:
            self._show_empty()
            return
        self._current = ("person", person_id)
        self.person_form.loaded_version = version
        self.person_form.show_person(
            page.person, page.chiefs, page.appointments, self.on, self.language
        )
        self.form_stack.setCurrentWidget(self.person_form)
        self._refresh_work()
        self._update_actions()

    def show_appointment(self, appointment_id: int) -> None:
        queries = self.services.queries
        try:
            version = queries.version(ObjectKind.APPOINTMENT, appointment_id)
            appointment = queries.appointment(appointment_id)
        except NotFoundError:
            self._show_empty()
            return
        snapshot = queries.snapshot(self.on)
        self._current = ("appointment", appointment_id)
        self.appointment_form.loaded_version = version
        self.appointment_form.show_appointment(
            appointment,
            snapshot.person_label(appointment.person_id),
            snapshot.unit_label(appointment.unit_id),
            roles_for(snapshot, appointment.unit_id),
            self.language,
        )
        self.form_stack.setCurrentWidget(self.appointment_form)
        self._refresh_work()
        self._update_actions()

    def _show_empty(self) -> None:
        self._current = None
        self.form_stack.setCurrentWidget(self.empty_page)
        self._update_actions()
        self._refresh_work()

    def _reveal_in_tree(self, unit_id: int) -> None:
        index = self.tree_model.index_of_unit(unit_id)
        if not index.isValid():
            return
        parent = index.parent()
        while parent.isValid():
            self.tree.expand(parent)
            parent = parent.parent()
        if self.tree.currentIndex() != index:
            self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)

    def _tree_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._refreshing:
            return
        unit_id = current.data(UNIT_ID_ROLE) if current.isValid() else None
        if unit_id is not None and self._current != ("unit", unit_id):
            self.show_unit(int(unit_id), reveal=False)

    def _reload_current(self) -> None:
        if self._current is None:
            return
        kind, object_id = self._current
        if kind == "unit":
            self.show_unit(object_id, reveal=False)
        else:
            self.show_object(kind, object_id)

    def refresh_problems(self) -> None:
        """After an edit the answer is the edit's own check, shown at once; a new database or
        date is checked in the background while the window stays usable."""
        self.problems_checker.request(self.services.queries, self.on)

    def _refresh_work(self) -> None:
        """Fill the Arbetsmiljö view for the current unit or person, only while it is shown."""
        if self.right_tabs.currentWidget() is not self.work_panel:
            return
        work, on = self.services.work, self.on
        current = self._current
        if current is not None and current[0] == "appointment":
            appointment = self.services.queries.appointment(current[1])
            current = ("person", appointment.person_id)
        if current is not None and current[0] == "unit":
            unit = self.services.queries.unit(current[1], on)
            self.work_panel.show_rows(
                self.tr("Arbetsmiljöuppgifter i {unit}").format(unit=unit.name),
                self.tr("<b>Vem har uppgiften {on}</b> (och genom vilken kedja från KS)").format(
                    on=on.isoformat()
                ),
                work.holders_in_unit(unit.id, on),
                work.distributions_in_unit(unit.id, on),
                self.language,
                show_unit_column=False,  # every row is this unit
            )
        elif current is not None and current[0] == "person":
            person = self.services.queries.person(current[1])
            given, received = work.distributions_of_person(person.id, on)
            self.work_panel.show_rows(
                self.tr("Arbetsmiljöuppgifter för {name}").format(name=person.full_name),
                self.tr("<b>Uppgifter som {name} har {on}</b>").format(
                    name=person.full_name, on=on.isoformat()
                ),
                work.held_by_person(person.id, on),
                received + [d for d in given if d not in received],
                self.language,
            )
        else:
            self.work_panel.show_rows(
                self.tr("Välj en enhet eller en person."), "", [], [], self.language
            )

    def show_distribution(self, kind: str, object_id: int) -> None:
        """A distribution (or the one a return belongs to) in its receiver's Arbetsmiljö view."""
        try:
            if kind == "task_return":
                view = self.services.work.task_return(object_id, self.on).distribution
            else:
                view = self.services.work.distribution(object_id, self.on)
        except NotFoundError:
            return
        self.show_person(view.receiver.appointment.person_id)
        self.right_tabs.setCurrentWidget(self.work_panel)
        self._refresh_work()
        self.work_panel.select(view.id)

    def new_distribution(self) -> None:
        giver_id = None
        if self._current is not None and self._current[0] == "unit":
            manager = self.services.queries.manager_of(self._current[1], self.services.clock())
            giver_id = manager.appointment.id if manager else None
        created = self.work_actions.new_distribution(giver_id, None)
        if created is not None:
            self.right_tabs.setCurrentWidget(self.work_panel)
            self._refresh_work()
            self.work_panel.select(created)

    def show_delegation(self) -> DelegationWindow:
        """The Delegation window: the open one brought forward, or a new one."""
        from nacka_desktop.ui.delegation.window import DelegationWindow

        window = self._delegation_window
        reusable = (
            window is not None
            and shiboken6.isValid(window)
            and window.isVisible()
            and window.services is self.services  # not after another database was opened
            and window.on == self.on  # nor after the view date changed
        )
        if window is None or not reusable:
            # A read-only file: the window shows everything and offers no edit.
            edits = None if self.services.database.read_only else self.edits
            window = DelegationWindow(self.services, self.on, self.language, self, edits)
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self._delegation_window = window
        if self._current is not None and self._current[0] == "person":
            window.select_person(self._current[1])
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def show_task_catalogue(self) -> None:
        from nacka_desktop.ui.work.task_catalogue_dialog import TaskCatalogueDialog

        dialog = TaskCatalogueDialog(self.services, self.edits, self)
        dialog.exec()
        dialog.deleteLater()

    def _after_change(self) -> None:
        # While the tree merges changes, its current row may vanish (a closed unit) and Qt
        # moves the selection to a neighbour: that is not the user choosing another unit.
        self._refreshing = True
        try:
            self.tree_model.refresh()
        finally:
            self._refreshing = False
        self._reload_current()
        self.refresh_problems()

    def _remember_view_date(self) -> None:
        self.context.view_date = self.on

    def _view_date_changed(self) -> None:
        self.tree_model.set_view_date(self.on, self.show_closed_action.isChecked())
        self._expand_top()
        if self.selected_unit_id() is not None:
            self._reveal_in_tree(self.selected_unit_id())  # type: ignore[arg-type]
        self._reload_current()
        self.refresh_problems()

    def _toggle_closed(self) -> None:
        self.settings.set(SHOW_CLOSED, self.show_closed_action.isChecked())
        self._view_date_changed()

    # -- editing -------------------------------------------------------------------------
    def _report_error(self, error: Exception) -> None:
        self.edits.report(error)

    def new_unit(self) -> None:
        created = self.org_actions.new_unit(self.selected_unit_id())
        if created is not None:
            self.show_unit(created)

    def rename_unit(self) -> None:
        index = self.tree.currentIndex()
        if index.isValid():
            self.tree.edit(index)

    def _rename_to(self, unit_id: int, name: str) -> None:
        shown = self.tree_model.index_of_unit(unit_id).data()  # not yet refreshed: as seen
        self.org_actions.rename(unit_id, name, shown if isinstance(shown, str) else None)

    def move_unit(self) -> None:
        unit_id = self.selected_unit_id()
        if unit_id is None:
            return
        chosen = self.org_actions.choose_new_parent(unit_id)
        if chosen is not None:
            self._move(unit_id, *chosen)

    def _move_dropped(self, unit_id: int, new_parent_id: int) -> None:
        # Leave the drop event first: the move asks for its date and may show a refusal.
        QTimer.singleShot(0, lambda: self._ask_and_move(unit_id, new_parent_id))

    def _ask_and_move(self, unit_id: int, new_parent_id: int) -> None:
        from_date = self.org_actions.ask_move_date(unit_id, new_parent_id)
        if from_date is not None:
            self._move(unit_id, new_parent_id, from_date)

    def _move(self, unit_id: int, new_parent_id: int | None, from_date: date) -> None:
        if self.org_actions.move(unit_id, new_parent_id, from_date):
            self.show_unit(unit_id)

    def close_unit(self) -> None:
        unit_id = self.selected_unit_id()
        if unit_id is not None:
            self.org_actions.close_unit(unit_id)

    def new_person(self) -> None:
        created = self.org_actions.new_person()
        if created is not None:
            self.show_person(created)

    def appoint(self, unit_id: int | None = None, person_id: int | None = None) -> None:
        if unit_id is None and person_id is None:
            if self._current and self._current[0] == "person":
                person_id = self._current[1]
            else:
                unit_id = self.selected_unit_id()
        self.org_actions.appoint(unit_id, person_id)

    def end_selected_appointment(self) -> None:
        appointment_id = self._selected_appointment_id()
        if appointment_id is not None:
            self.end_appointment(appointment_id)

    def end_appointment(self, appointment_id: int) -> None:
        self.org_actions.end_appointment(appointment_id)

    def _save_unit(self, unit_id: int, changes: dict[str, Any]) -> None:
        self.org_actions.save(
            self.unit_form,
            lambda _: QCoreApplication.translate("MainWindow", "Ändra enhet"),
            self.services.units.update,
            unit_id,
            changes,
        )

    def _save_person(self, person_id: int, changes: dict[str, Any]) -> None:
        self.org_actions.save(
            self.person_form,
            lambda _: QCoreApplication.translate("MainWindow", "Ändra person"),
            self.services.persons.update,
            person_id,
            changes,
        )

    def _save_appointment(self, appointment_id: int, changes: dict[str, Any]) -> None:
        self.org_actions.save(
            self.appointment_form,
            lambda _: QCoreApplication.translate("MainWindow", "Ändra förordnande"),
            self.services.appointments.update,
            appointment_id,
            changes,
        )

    def edit_letterhead(self) -> None:
        """Who the letters are from: the organisation's, saved in the database."""
        letterheads = self.services.letterhead
        shown = letterheads.letterhead()
        dialog = LetterheadDialog(shown, self, self.language)

        def save() -> object:
            chosen = dialog.letterhead()
            return self.edits.edit(
                lambda _: QCoreApplication.translate("MainWindow", "Ändra brevhuvud"),
                lambda: letterheads.set_letterhead(chosen, loaded=shown),
                letterheads.set_letterhead,
                lambda _previous: letterheads.set_letterhead(chosen),
            )

        self.edits.run_dialog(dialog, save)

    def show_processes(self, process_id: int | None = None) -> None:
        dialog = ProcessesDialog(self.services, self.undo_stack, self, self.language)
        if process_id is not None:
            dialog.select_process(process_id)
        dialog.exec()
        dialog.deleteLater()

    # -- files, language, help -----------------------------------------------------------
    def choose_database(self) -> None:
        choose_database(self, self.open_database)

    def new_database(self) -> None:
        new_database(self, self.open_database)

    def open_database(self, location: str) -> bool:
        """Open another database in this window (False, with a message, if it cannot be)."""
        try:
            services = self._open_services(location)
        except DatabaseOpenError as error:
            QMessageBox.critical(
                self,
                self.tr("Databasen kunde inte öppnas"),
                error.text(self.language),
            )
            return False
        self._switch_to(services, location)
        return True

    def _switch_to(self, services: Services, location: str) -> None:
        old = self.services
        self.context.services = services
        self.undo_stack.clear()
        self.tree_model.deleteLater()
        self._install_tree_model(services, self.on, self.show_closed_action.isChecked())
        self.search.set_queries(services.queries)
        self.settings.set(LAST_DATABASE, remembered_location(location))
        self._show_empty()
        self._expand_top()
        self.refresh_problems()
        self._update_title()
        old.close()
        self.databaseChanged.emit(services)

    def _change_language(self, language: Language) -> None:
        if language is not self.language:
            self.languageChangeRequested.emit(language)

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("Om Nacka Desktop"),
            self.tr(
                "<b>Nacka Desktop {version}</b><p>Organisation, ansvarslinjer, "
                "arbetsmiljöuppgifter och delegationsordning för en kommun.</p>"
                "<p>Databas: {db}</p>"
            ).format(version=__version__, db=self.services.database.location),
        )

    def current_object(self) -> tuple[str, int] | None:
        return self._current

    def _listen(self, on: bool) -> None:
        """Follow the shared undo stack while this window is open (it outlives the window)."""
        if on:
            self.undo_stack.indexChanged.connect(self._after_change)
            self.edits.staleRefused.connect(self._after_change)
            self.undo_stack.editFailed.connect(self._report_error)
        else:
            self.undo_stack.indexChanged.disconnect(self._after_change)
            self.edits.staleRefused.disconnect(self._after_change)
            self.undo_stack.editFailed.disconnect(self._report_error)
        self._listening = on

    def save_window_state(self) -> None:
        self.settings.set(GEOMETRY, self.saveGeometry())
        self.settings.set(WINDOW_STATE, self.saveState())

    def showEvent(self, event: QShowEvent) -> None:
        if not self._listening:
            self._listen(True)
            self._after_change()
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_window_state()
        self.problems_checker.wait()
        # The undo stack outlives this window (a language switch builds a new one), so the
        # Delegation window, which listens to it, goes with this one instead of outliving it.
        if self._listening:
            self._listen(False)
        delegation = self._delegation_window
        if delegation is not None and shiboken6.isValid(delegation):
            delegation.close()
        super().closeEvent(event)
