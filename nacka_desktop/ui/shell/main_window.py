"""The main window: org tree and search on the left, the selected object's form on the right,
the Problems panel below. Every edit goes through an undoable command that calls a service."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from nacka_desktop import __version__
from nacka_desktop.domain.language import Language
from nacka_desktop.services.context import Services
from nacka_desktop.services.editing import NotFoundError
from nacka_desktop.ui.help.links import show_help
from nacka_desktop.ui.help.pages import HOME, rule_page
from nacka_desktop.ui.help.window import HelpWindow
from nacka_desktop.ui.org.actions import OrgActions
from nacka_desktop.ui.org.appointment_form import AppointmentForm
from nacka_desktop.ui.org.person_form import PersonForm
from nacka_desktop.ui.org.processes_dialog import ProcessesDialog
from nacka_desktop.ui.org.tree_model import OrgTreeModel
from nacka_desktop.ui.org.unit_form import UnitForm
from nacka_desktop.ui.shell.commands import EditStack
from nacka_desktop.ui.shell.context import AppContext
from nacka_desktop.ui.shell.database_files import DatabaseSwitcher
from nacka_desktop.ui.shell.edits import EditRunner
from nacka_desktop.ui.shell.icons import app_icon
from nacka_desktop.ui.shell.letterhead_dialog import LetterheadDialog
from nacka_desktop.ui.shell.main_actions import MainActions
from nacka_desktop.ui.shell.navigation import Navigator
from nacka_desktop.ui.shell.panels import ProblemsPanel, SearchBox
from nacka_desktop.ui.shell.problems_checker import ProblemsChecker
from nacka_desktop.ui.shell.settings import (
    GEOMETRY,
    SHOW_CLOSED,
    WINDOW_STATE,
    Settings,
)
from nacka_desktop.ui.widgets.fields import DateField
from nacka_desktop.ui.widgets.files import FilePlaces, SavedNotice
from nacka_desktop.ui.work.actions import WorkActions
from nacka_desktop.ui.work.panel import WorkPanel

if TYPE_CHECKING:
    from nacka_desktop.ui.delegation.window import DelegationWindow

ServicesOpener = Callable[[str], Services]
VIEW_DATE_DELAY_MS = 300
TREE_EDIT_TRIGGERS = (
    QAbstractItemView.EditTrigger.EditKeyPressed | QAbstractItemView.EditTrigger.SelectedClicked
)


@dataclass(frozen=True)
class ViewState:
    current: tuple[str, int] | None  # the unit, person… the form shows
    right_tab: int  # Uppgifter or Arbetsmiljö
    search: str
    delegation_tab: int | None  # the Delegation window's tab, if it is open


class MainWindow(QMainWindow):
    languageChangeRequested = Signal(object)  # the Language chosen
    databaseChanged = Signal(object)  # the new Services
    viewDateChanged = Signal(object)  # the date of *Visa per*, once the user paused typing

    def __init__(
        self,
        services: Services,
        settings: Settings,
        undo_stack: EditStack,
        language: Language,
        open_services: ServicesOpener = Services.open,
        parent: QWidget | None = None,
        delegation_stack: EditStack | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.undo_stack = undo_stack
        # The Delegation window's own undo history: Ctrl+Z there undoes what was done there,
        # and this window's Ångra never undoes a delegated decision unseen.
        self.delegation_stack = delegation_stack or EditStack()
        self.language = language
        for stack in (undo_stack, self.delegation_stack):
            stack.name_steps(language)  # the steps made before a change of language too
        self.open_services = open_services
        self.navigation = Navigator(self)
        self.databases = DatabaseSwitcher(self)
        self._delegation_window: DelegationWindow | None = None
        self.edits = EditRunner(undo_stack, self, language)
        self.context = AppContext(services, settings, undo_stack, self.edits, language)
        self.refreshing = False
        self._listening = False
        self.setObjectName("MainWindow")
        self.setWindowIcon(app_icon())

        self.tree = QTreeView()
        self.tree.setObjectName("orgTree")
        self.tree.setHeaderHidden(True)
        self.install_tree_model(services, services.clock(), bool(settings.get(SHOW_CLOSED)))
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
            | QDockWidget.DockWidgetFeature.DockWidgetClosable  # Visa → Problem brings it back
        )
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems_dock)
        self.problems_checker = ProblemsChecker(self)
        self.problems_checker.ready.connect(
            lambda violations: self.problems.set_violations(violations, self.language)
        )
        self.problems_checker.busyChanged.connect(self.problems.set_checking)
        self.problems_checker.failed.connect(self.problems.set_failed)

        self.view_date = DateField(optional=False, today=lambda: self.services.clock())
        self.view_date.set_date(services.clock())
        self.view_date.setObjectName("viewDate")
        # Where files are saved and opened, and the status bar that confirms a save.
        self.file_places = FilePlaces(settings, self)
        self.saved_notice = SavedNotice()
        self.statusBar().addWidget(self.saved_notice, 1)
        self.file_places.saved.connect(self.saved_notice.show_saved)

        self.main_actions = MainActions(self)
        self.main_actions.build_menus_and_toolbar()
        self._connect()
        self._restore_window()
        self.update_title()
        self.update_actions()
        self.refresh_problems()
        self.expand_top()
        self.select_first_unit()

    # -- set-up --------------------------------------------------------------------------
    def _connect(self) -> None:
        self._listen(True)
        self.search.resultsChanged.connect(
            lambda searching: self.left_stack.setCurrentIndex(1 if searching else 0)
        )
        self.search.activated.connect(self.navigation.search_hit_chosen)
        self.problems.objectActivated.connect(self.navigation.show_object)
        self.problems.ruleHelpRequested.connect(lambda rule_id: self.show_help(rule_page(rule_id)))
        self.unit_form.saveRequested.connect(self._save_unit)
        self.unit_form.appointRequested.connect(lambda unit_id: self.appoint(unit_id=unit_id))
        self.unit_form.endAppointmentRequested.connect(self.end_appointment)
        self.unit_form.appointmentActivated.connect(self.navigation.show_appointment)
        self.person_form.saveRequested.connect(self._save_person)
        self.person_form.appointRequested.connect(
            lambda person_id: self.appoint(person_id=person_id)
        )
        self.person_form.endAppointmentRequested.connect(self.end_appointment)
        self.person_form.appointmentActivated.connect(self.navigation.show_appointment)
        self.appointment_form.saveRequested.connect(self._save_appointment)
        self.appointment_form.unitActivated.connect(self.navigation.show_unit)
        self.appointment_form.personActivated.connect(self.navigation.show_person)
        # Typing a date changes it digit by digit: reload once the user pauses.
        self._view_date_timer = QTimer(self)
        self._view_date_timer.setSingleShot(True)
        self._view_date_timer.setInterval(VIEW_DATE_DELAY_MS)
        self._view_date_timer.timeout.connect(self._view_date_changed)
        self._view_date_timer.timeout.connect(lambda: self.viewDateChanged.emit(self.on))
        self.view_date.dateChanged.connect(lambda _on: self._view_date_timer.start())
        # What an action or dialog uses at once; the views follow after the pause above.
        self.view_date.dateChanged.connect(lambda _on: self._remember_view_date())
        self.right_tabs.currentChanged.connect(self.refresh_work)
        self.work_panel.newRequested.connect(self.new_distribution)
        self.work_panel.actionRequested.connect(self.work_actions.act)
        self.work_panel.letterRequested.connect(self.work_actions.show_letter)
        self.work_panel.returnLetterRequested.connect(self.work_actions.show_return_letter)
        self.work_panel.signaturesRequested.connect(self.work_actions.show_signatures)
        self.work_panel.returnSignaturesRequested.connect(self.work_actions.show_return_signatures)
        self.work_panel.registerRequested.connect(self.work_actions.export_register)

    @property
    def services(self) -> Services:
        """The open database's services (the context's: they change with the database)."""
        return self.context.services

    def install_tree_model(self, services: Services, on: date, show_closed: bool) -> None:
        """The tree of this database, as on the date, wired to the window (at start and when
        another database is opened)."""
        self.tree_model = OrgTreeModel(services.queries, on, self)
        self.tree_model.language = self.language
        self.tree_model.set_view_date(on, show_closed)
        self.tree.setModel(self.tree_model)
        self.tree.selectionModel().currentChanged.connect(self.navigation.tree_current_changed)
        self.tree_model.moveRequested.connect(self._move_dropped)
        self.tree_model.renameRequested.connect(self._rename_to)

    def _restore_window(self) -> None:
        geometry = self.settings.get(GEOMETRY)
        if geometry and not geometry.isEmpty() and self.restoreGeometry(geometry):
            self.restoreState(self.settings.get(WINDOW_STATE))
        else:
            self.resize(1200, 800)
            self.resizeDocks([self.problems_dock], [170], Qt.Orientation.Vertical)

    def expand_top(self, levels: int = 3) -> None:
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
        # While another date is being typed, the one shown until then.
        return self.view_date.last_valid or self.context.view_date

    def selected_unit_id(self) -> int | None:
        if self.navigation.current and self.navigation.current[0] == "unit":
            return self.navigation.current[1]
        return None

    def update_title(self) -> None:
        """The database in the title bar; a read-only one says so, and nothing offers to edit
        it (the services would refuse the edit anyway, with a message)."""
        database = self.services.database
        # Only the file: the window system adds " — Nacka Desktop" (the application's display
        # name) itself, and a title that began with it showed the name twice.
        title = str(database.location)
        if database.read_only:
            title = self.tr("{title} (skrivskyddad)").format(title=title)
        self.setWindowTitle(title)
        writable = not database.read_only
        for action in (
            self.main_actions.new_unit_action,
            self.main_actions.new_person_action,
            self.main_actions.appoint_action,
            self.main_actions.new_distribution_action,
            self.main_actions.letterhead_action,
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

    def update_actions(self) -> None:
        writable = not self.services.database.read_only
        has_unit = self.selected_unit_id() is not None
        for action in (
            self.main_actions.rename_action,
            self.main_actions.move_action,
            self.main_actions.close_unit_action,
        ):
            action.setEnabled(has_unit and writable)
        has_appointment = self._selected_appointment_id() is not None
        self.main_actions.end_appointment_action.setEnabled(has_appointment and writable)

    def _selected_appointment_id(self) -> int | None:
        if self.navigation.current and self.navigation.current[0] == "appointment":
            return self.navigation.current[1]
        page = self.form_stack.currentWidget()
        if page is self.unit_form:
            return self.unit_form.appointments.selected_appointment_id()
        if page is self.person_form:
            return self.person_form.appointments.selected_appointment_id()
        return None

    def refresh_problems(self) -> None:
        """After an edit the answer is the edit's own check, shown at once; a new database or
        date is checked in the background while the window stays usable."""
        self.problems_checker.request(self.services.queries, self.on)

    def refresh_work(self) -> None:
        """Fill the Arbetsmiljö view for the current unit or person, only while it is shown."""
        if self.right_tabs.currentWidget() is not self.work_panel:
            return
        work, on = self.services.work, self.on
        current = self.navigation.current
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
        self.navigation.show_person(view.receiver.appointment.person_id)
        self.right_tabs.setCurrentWidget(self.work_panel)
        self.refresh_work()
        self.work_panel.select(view.id)

    def new_distribution(self) -> None:
        giver_id = None
        if self.navigation.current is not None and self.navigation.current[0] == "unit":
            manager = self.services.queries.manager_of(
                self.navigation.current[1], self.services.clock()
            )
            giver_id = manager.appointment.id if manager else None
        created = self.work_actions.new_distribution(giver_id, None)
        if created is not None:
            self.right_tabs.setCurrentWidget(self.work_panel)
            self.refresh_work()
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
            edits = None
            if not self.services.database.read_only:
                edits = EditRunner(self.delegation_stack, self, self.language)
                edits.staleRefused.connect(self._after_change)
                edits.recorded.connect(self._after_change)
            window = DelegationWindow(
                self.services,
                self.on,
                self.language,
                self,
                edits,
                self.settings,
                follows=self.undo_stack,  # what is done here shows there too
            )
            if edits is not None:
                edits.window = window  # its refusals are told over the Delegation window
                edits.setParent(window)  # and it goes with the window, its connections too
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self._delegation_window = window
        if self.navigation.current is not None and self.navigation.current[0] == "person":
            window.select_person(self.navigation.current[1])
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
        self.refreshing = True
        try:
            self.tree_model.refresh()
        finally:
            self.refreshing = False
        self.navigation.reload_current()
        self.refresh_problems()

    def _remember_view_date(self) -> None:
        self.context.view_date = self.on

    def _view_date_changed(self) -> None:
        self.tree_model.set_view_date(self.on, self.main_actions.show_closed_action.isChecked())
        self.expand_top()
        if self.selected_unit_id() is not None:
            self.navigation.reveal_in_tree(self.selected_unit_id())  # type: ignore[arg-type]
        self.navigation.reload_current()
        self.refresh_problems()

    def toggle_closed(self) -> None:
        self.settings.set(SHOW_CLOSED, self.main_actions.show_closed_action.isChecked())
        self._view_date_changed()

    # -- editing -------------------------------------------------------------------------
    def _report_error(self, error: Exception) -> None:
        self.edits.report(error)

    def _report_delegation_error(self, error: Exception) -> None:
        window = self._delegation_window
        if window is not None and shiboken6.isValid(window) and window.edits is not None:
            window.edits.report(error)
        else:
            self.edits.report(error)

    def new_unit(self) -> None:
        created = self.org_actions.new_unit(self.selected_unit_id())
        if created is not None:
            self.navigation.show_unit(created)

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
            self.navigation.show_unit(unit_id)

    def close_unit(self) -> None:
        unit_id = self.selected_unit_id()
        if unit_id is not None:
            self.org_actions.close_unit(unit_id)

    def new_person(self) -> None:
        created = self.org_actions.new_person()
        if created is not None:
            self.navigation.show_person(created)

    def appoint(self, unit_id: int | None = None, person_id: int | None = None) -> None:
        if unit_id is None and person_id is None:
            if self.navigation.current and self.navigation.current[0] == "person":
                person_id = self.navigation.current[1]
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

    def check_signatures(self) -> None:
        from nacka_desktop.ui.widgets.pdf_preview import check_signatures_in_pdf
        from nacka_desktop.ui.widgets.signing_settings import trusted_roots

        check_signatures_in_pdf(self, trusted_roots(self.settings))

    def edit_signing_settings(self) -> None:
        from nacka_desktop.ui.widgets.signing_settings import SigningSettingsDialog

        dialog = SigningSettingsDialog(self.settings, self, self.language)
        dialog.exec()
        dialog.deleteLater()

    def show_processes(self, process_id: int | None = None) -> None:
        dialog = ProcessesDialog(self.services, self.undo_stack, self, self.language)
        if process_id is not None:
            dialog.select_process(process_id)
        dialog.exec()
        dialog.deleteLater()

    # -- files, language, help -----------------------------------------------------------
    def change_language(self, language: Language) -> None:
        if language is not self.language:
            self.languageChangeRequested.emit(language)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def show_help(self, page: str = HOME) -> HelpWindow:
        """The user guide, in the window's language (F1)."""
        return show_help(self, page, self.language)

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
        return self.navigation.current

    def view_state(self) -> ViewState:
        """Where the user is: kept across a change of language, which builds a new window."""
        delegation = self._delegation_window
        open_tab: int | None = None
        if delegation is not None and shiboken6.isValid(delegation) and delegation.isVisible():
            open_tab = delegation.tabs.currentIndex()
        return ViewState(
            current=self.navigation.current,
            right_tab=self.right_tabs.currentIndex(),
            search=self.search.text(),
            delegation_tab=open_tab,
        )

    def restore_view_state(self, state: ViewState) -> None:
        if state.current is not None:
            self.navigation.show_object(*state.current)
        self.right_tabs.setCurrentIndex(state.right_tab)
        if state.search:
            self.search.setText(state.search)
            self.search.run_search()
        if state.delegation_tab is not None:
            self.show_delegation().tabs.setCurrentIndex(state.delegation_tab)

    def _listen(self, on: bool) -> None:
        """Follow the shared undo stack while this window is open (it outlives the window)."""
        if on:
            self.undo_stack.indexChanged.connect(self._after_change)
            self.delegation_stack.indexChanged.connect(self._after_change)
            self.edits.staleRefused.connect(self._after_change)
            self.edits.recorded.connect(self._after_change)
            self.undo_stack.editFailed.connect(self._report_error)
            self.delegation_stack.editFailed.connect(self._report_delegation_error)
        else:
            self.undo_stack.indexChanged.disconnect(self._after_change)
            self.delegation_stack.indexChanged.disconnect(self._after_change)
            self.edits.staleRefused.disconnect(self._after_change)
            self.edits.recorded.disconnect(self._after_change)
            self.undo_stack.editFailed.disconnect(self._report_error)
            self.delegation_stack.editFailed.disconnect(self._report_delegation_error)
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
