"""Every user edit is an undoable command that calls a service (which owns the transaction).

The first `redo` is skipped: the edit is done before the command is pushed, so a refused
edit never reaches the undo stack.

A command's name is made in the language the window speaks, and made again when it changes:
the stack outlives the window, and a name made once would keep the old language's words
("Undo Nytt delegationsbeslut" in the English window). So a name is an `UndoText`, a function
of the language: `QCoreApplication.translate("Context", "…")` (not `self.tr`, whose object goes
with the old window), with any data label in it read in the language it is given.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from nacka_desktop.domain.language import Language

UndoText = Callable[[Language], str]  # an undo step's name in the language given


class EditStack(QUndoStack):
    """The undo stack, which outlives any one window, and tells whichever window is open
    when the services refuse an undo or a redo."""

    editFailed = Signal(object)  # the exception

    def __init__(self) -> None:
        super().__init__()
        self.language = Language.SWEDISH

    def name_steps(self, language: Language) -> None:
        """Name every step, and the ones to come, in the language the window now speaks."""
        self.language = language
        for index in range(self.count()):
            step = self.command(index)
            if isinstance(step, ServiceCommand):
                step.setText(step.name(language))


class ServiceCommand(QUndoCommand):
    def __init__(
        self,
        stack: EditStack,
        name: UndoText,
        redo: Callable[[], Any],
        undo: Callable[[], Any],
    ) -> None:
        super().__init__(name(stack.language))
        self.name = name
        self._stack = stack
        self._redo = redo
        self._undo = undo
        self._done_once = False

    def redo(self) -> None:
        if not self._done_once:
            self._done_once = True
            return
        self._run(self._redo)

    def undo(self) -> None:
        self._run(self._undo)

    def _run(self, action: Callable[[], Any]) -> None:
        try:
            action()
        except Exception as error:
            # The data no longer matches this step (it was changed some other way), so the
            # rest of the history cannot be trusted either: drop it once this step returns.
            QTimer.singleShot(0, self._stack.clear)
            self._stack.editFailed.emit(error)


def push_edit(
    stack: EditStack,
    text: UndoText,
    do: Callable[[], Any],
    undo: Callable[[Any], Any],
    redo: Callable[[Any], Any] | None = None,
) -> Any:
    """Do the edit now (raising if refused); push it for undo. `undo`/`redo` get its result."""
    result = do()
    state = {"result": result}

    def redo_again() -> None:
        state["result"] = (redo or (lambda _: do()))(state["result"])

    stack.push(ServiceCommand(stack, text, redo_again, lambda: undo(state["result"])))
    return result
