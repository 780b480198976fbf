"""The main window's actions, menus and toolbar: how each command is offered (its text,
shortcut, tip and place). What a command does is the window's slot, or its feature's
(`OrgActions`, `WorkActions`); the texts keep the window's translation context."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QLabel, QToolBar

from nacka_desktop.domain.language import Language
from nacka_desktop.ui.shell.i18n import LANGUAGES
from nacka_desktop.ui.shell.settings import SHOW_CLOSED

if TYPE_CHECKING:
    from nacka_desktop.ui.shell.main_window import MainWindow


class MainActions:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self._create_actions()

    def _action(
        self,
        text: str,
        slot: Callable[[], Any],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setStatusTip(tip)
        action.setToolTip(tip or text.replace("&", "").rstrip("…"))
        action.triggered.connect(slot)
        return action

    def _create_actions(self) -> None:
        self.new_database_action = self._action(
            QCoreApplication.translate("MainWindow", "&Ny databas…"), self.window.databases.create
        )
        self.verify_action = self._action(
            QCoreApplication.translate("MainWindow", "&Kontrollera underskrifter i PDF…"),
            self.window.check_signatures,
        )
        self.signing_settings_action = self._action(
            QCoreApplication.translate("MainWindow", "Inställningar för &underskrifter…"),
            self.window.edit_signing_settings,
        )
        self.letterhead_action = self._action(
            QCoreApplication.translate("MainWindow", "&Brevhuvud…"), self.window.edit_letterhead
        )
        self.open_database_action = self._action(
            QCoreApplication.translate("MainWindow", "&Öppna databas…"),
            self.window.databases.choose,
            QKeySequence.StandardKey.Open,
        )
        self.quit_action = self._action(
            QCoreApplication.translate("MainWindow", "&Avsluta"),
            self.window.close,
            QKeySequence.StandardKey.Quit,
        )
        self.undo_action = self.window.undo_stack.createUndoAction(
            self.window, QCoreApplication.translate("MainWindow", "&Ångra")
        )
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.window.undo_stack.createRedoAction(
            self.window, QCoreApplication.translate("MainWindow", "&Gör om")
        )
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.new_unit_action = self._action(
            QCoreApplication.translate("MainWindow", "Ny &enhet…"),
            self.window.new_unit,
            "Ctrl+N",
            QCoreApplication.translate("MainWindow", "Skapa en enhet under den valda"),
        )
        self.rename_action = self._action(
            QCoreApplication.translate("MainWindow", "&Byt namn"), self.window.rename_unit, "F2"
        )
        self.move_action = self._action(
            QCoreApplication.translate("MainWindow", "&Flytta till…"),
            self.window.move_unit,
            "Ctrl+M",
        )
        self.close_unit_action = self._action(
            QCoreApplication.translate("MainWindow", "Avsluta enhe&t…"),
            self.window.close_unit,
            None,
            QCoreApplication.translate("MainWindow", "Sätt slutdatum för enheten"),
        )
        self.new_person_action = self._action(
            QCoreApplication.translate("MainWindow", "Ny &person…"),
            self.window.new_person,
            "Ctrl+Shift+N",
        )
        self.appoint_action = self._action(
            QCoreApplication.translate("MainWindow", "&Tillsätt…"), self.window.appoint, "Ctrl+T"
        )
        self.end_appointment_action = self._action(
            QCoreApplication.translate("MainWindow", "Avsluta för&ordnande…"),
            self.window.end_selected_appointment,
        )
        self.show_closed_action = self._action(
            QCoreApplication.translate("MainWindow", "Visa &avslutade enheter"),
            self.window.toggle_closed,
        )
        self.show_closed_action.setCheckable(True)
        self.show_closed_action.setChecked(self.window.settings.get(SHOW_CLOSED))
        self.processes_action = self._action(
            QCoreApplication.translate("MainWindow", "&Processer…"), self.window.show_processes
        )
        self.orgchart_action = self._action(
            QCoreApplication.translate("MainWindow", "&Organisationsschema…"),
            self.show_orgchart,
            "Ctrl+Shift+O",
            QCoreApplication.translate(
                "MainWindow", "Rita organisationen per visningsdatumet, med chef, t.f. och vakanser"
            ),
        )
        self.orgchart_window: Any = None
        self.find_action = self._action(
            QCoreApplication.translate("MainWindow", "&Sök"),
            self.window.focus_search,
            QKeySequence.StandardKey.Find,
        )
        self.help_action = self._action(
            QCoreApplication.translate("MainWindow", "&Användarhandbok"),
            lambda: self.window.show_help(),  # not triggered's `checked` as the page
            QKeySequence.StandardKey.HelpContents,
        )
        self.about_action = self._action(
            QCoreApplication.translate("MainWindow", "&Om Nacka Desktop"), self.window.about
        )
        self.new_distribution_action = self._action(
            QCoreApplication.translate("MainWindow", "&Ny fördelning av arbetsmiljöuppgifter…"),
            self.window.new_distribution,
        )
        self.task_catalogue_action = self._action(
            QCoreApplication.translate("MainWindow", "&Uppgiftskatalog…"),
            self.window.show_task_catalogue,
        )
        self.delegation_action = self._action(
            QCoreApplication.translate("MainWindow", "&Delegationsordningar och beslut…"),
            self.window.show_delegation,
            "Ctrl+D",
        )
        self.register_action = self._action(
            QCoreApplication.translate("MainWindow", "&Register över fördelningar (Excel)…"),
            self.window.work_actions.export_register,
        )

    def show_orgchart(self) -> None:
        from nacka_desktop.ui.orgchart.window import show_orgchart

        self.orgchart_window = show_orgchart(self.window, self.orgchart_window)

    def build_menus_and_toolbar(self) -> None:
        bar = self.window.menuBar()
        file_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Arkiv"))
        file_menu.addActions([self.new_database_action, self.open_database_action])
        self.recent_menu = file_menu.addMenu(
            QCoreApplication.translate("MainWindow", "&Senaste databaser")
        )
        self.recent_menu.aboutToShow.connect(
            lambda: self.window.databases.fill_recent(self.recent_menu)
        )
        file_menu.addAction(self.letterhead_action)
        file_menu.addAction(self.verify_action)
        file_menu.addAction(self.signing_settings_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Redigera"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions(
            [self.new_unit_action, self.rename_action, self.move_action, self.close_unit_action]
        )
        edit_menu.addSeparator()
        edit_menu.addActions(
            [self.new_person_action, self.appoint_action, self.end_appointment_action]
        )
        view_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Visa"))
        view_menu.addAction(self.find_action)
        view_menu.addAction(self.show_closed_action)
        view_menu.addAction(self.processes_action)
        view_menu.addAction(self.orgchart_action)
        view_menu.addAction(self.window.problems_dock.toggleViewAction())
        language_menu = view_menu.addMenu(QCoreApplication.translate("MainWindow", "&Språk"))
        group = QActionGroup(self.window)
        for language in Language:
            action = QAction(LANGUAGES[language.code], self.window, checkable=True)
            action.setChecked(language is self.window.language)
            action.setData(language.code)
            action.triggered.connect(
                lambda _=False, chosen=language: self.window.change_language(chosen)
            )
            group.addAction(action)
            language_menu.addAction(action)
        work_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "Arbets&miljö"))
        work_menu.addActions(
            [self.new_distribution_action, self.task_catalogue_action, self.register_action]
        )
        delegation_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Delegation"))
        delegation_menu.addAction(self.delegation_action)
        help_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Hjälp"))
        help_menu.addAction(self.help_action)
        help_menu.addAction(self.about_action)

        toolbar = QToolBar(QCoreApplication.translate("MainWindow", "Verktyg"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.addActions([self.undo_action, self.redo_action])
        toolbar.addSeparator()
        toolbar.addActions([self.new_unit_action, self.new_person_action, self.appoint_action])
        toolbar.addSeparator()
        toolbar.addWidget(QLabel(QCoreApplication.translate("MainWindow", " Visa per: ")))
        toolbar.addWidget(self.window.view_date)
        self.window.addToolBar(toolbar)
        self._add_context_menus()

    def _add_context_menus(self) -> None:
        """Right-click in the tree: what the Redigera menu does to the unit clicked (Qt makes
        the row clicked the current one first), and its work-environment tasks."""
        tree = self.window.tree
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        separator = QAction(tree)
        separator.setSeparator(True)
        tree.addActions(
            [
                self.new_unit_action,
                self.rename_action,
                self.move_action,
                self.close_unit_action,
                separator,
                self.appoint_action,
                self.new_distribution_action,
            ]
        )
