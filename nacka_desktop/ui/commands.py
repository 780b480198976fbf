"""Every user edit is an undoable command that calls a service (which owns the transaction).

The first `redo` is skipped: the edit is done before the command is pushed, so a refused
edit never reaches the undo stack.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand, QUndoStack


class ServiceCommand(QUndoCommand):
    def __init__(
        self,
        text: str,
        redo: Callable[[], Any],
        undo: Callable[[], Any],
        on_error: Callable[[Exception], None],
    ) -> None:
        super().__init__(text)
        self._redo = redo
        self._undo = undo
        self._on_error = on_error
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
        except Exception as error:  # shown to the user; the stack cannot cancel a step
            self.setObsolete(False)
            self._on_error(error)


def push_edit(
    stack: QUndoStack,
    text: str,
    do: Callable[[], Any],
    undo: Callable[[Any], Any],
    redo: Callable[[Any], Any] | None = None,
    on_error: Callable[[Exception], None] = lambda error: None,
) -> Any:
    """Do the edit now (raising if refused); push it for undo. `undo`/`redo` get its result."""
    result = do()
    state = {"result": result}

    def redo_again() -> None:
        state["result"] = (redo or (lambda _: do()))(state["result"])

    stack.push(ServiceCommand(text, redo_again, lambda: undo(state["result"]), on_error))
    return result
