"""Running an edit from the GUI: as an undoable command, with refusals shown where the user
can act on them (at the field in a dialog, or as a message)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from nacka_desktop.domain.language import Language
from nacka_desktop.domain.rules import RuleViolationError, Violation
from nacka_desktop.services.context import DatabaseOpenError, Services
from nacka_desktop.services.editing import ConcurrentEditError, NotFoundError
from nacka_desktop.ui.help.links import warn_refusal
from nacka_desktop.ui.shell.commands import EditStack, UndoText, push_edit

if TYPE_CHECKING:
    from nacka_desktop.ui.shell.context import AppContext

# Refusals a user can act on; anything else is a bug and goes to the crash reporter.
EXPECTED_REFUSALS = (RuleViolationError, ConcurrentEditError, NotFoundError, DatabaseOpenError)


class RefusingDialog(Protocol):
    def exec(self) -> int: ...

    def show_refusal(self, violations: list[Violation]) -> None: ...

    def deleteLater(self) -> None: ...


class EditRunner(QObject):
    # A save refused because someone else changed the record since the form was filled:
    # every window showing data reloads, so the user sees what is saved now.
    staleRefused = Signal()
    # A record made outside the undo stack (a signature: never undone): the views show it.
    recorded = Signal()

    def __init__(self, stack: EditStack, parent: QWidget, language: Language) -> None:
        super().__init__(parent)
        self.stack = stack
        self.window = parent
        self.language = language

    def edit(
        self,
        text: UndoText,
        do: Callable[[], Any],
        undo: Callable[[Any], Any],
        redo: Callable[[Any], Any] | None = None,
    ) -> Any:
        """Run an edit as an undoable command. Raises RuleViolationError if it is refused."""
        return push_edit(self.stack, text, do, undo, redo)

    def report(self, error: Exception) -> None:
        title = self.tr("Ändringen kunde inte göras")
        if isinstance(error, RuleViolationError):
            warn_refusal(self.window, title, error.violations, self.language)
        elif isinstance(error, ConcurrentEditError | NotFoundError | DatabaseOpenError):
            QMessageBox.warning(self.window, title, error.text(self.language))
            if isinstance(error, ConcurrentEditError):  # stale: show what is saved now
                self.staleRefused.emit()
        else:
            raise error

    def attempt(self, action: Callable[[], Any]) -> bool:
        """Run an edit started from a menu or by drag and drop; show a refusal as a message."""
        try:
            action()
        except EXPECTED_REFUSALS as error:
            self.report(error)
            return False
        return True

    def run_dialog(self, dialog: RefusingDialog, edit: Callable[[], Any]) -> Any:
        """Show the dialog until its edit is accepted or the user cancels; a refusal is shown
        in the dialog, at the field it concerns, and the user can correct it."""
        try:
            while dialog.exec():
                try:
                    return edit()
                except RuleViolationError as error:
                    dialog.show_refusal(error.violations)
                except EXPECTED_REFUSALS as error:
                    self.report(error)
                    return None
            return None
        finally:
            dialog.deleteLater()


class GuiActions(QObject):
    """What the main window's sets of actions share: the application context (the services,
    which change when another database is opened, the edit runner and the view date) and
    the window their dialogs belong to."""

    def __init__(self, context: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self.context = context
        self.edits = context.edits
        self.window = window

    def _services(self) -> Services:
        return self.context.services

    def _on(self) -> date:
        return self.context.view_date

    @property
    def language(self) -> Language:
        return self.context.language
