"""What every dialog of the app does when it opens: the cursor in its first input field, so
that what the user types goes there (not to *Avbryt*, where Space would cancel)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
    QWizard,
)

INPUTS = (QLineEdit, QAbstractSpinBox, QComboBox, QPlainTextEdit, QTextEdit, QAbstractItemView)


def is_input(widget: QWidget) -> bool:
    """A widget the user types or picks a value in (not a button, not read-only)."""
    if not isinstance(widget, INPUTS):
        return False
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit | QAbstractSpinBox):
        return not widget.isReadOnly()
    return True


def first_input(container: QWidget) -> QWidget | None:
    """The first input field inside `container` in tab order that can take the focus now."""
    window = container.window()
    widget = container.nextInFocusChain()
    while widget is not None and widget is not container:
        if (
            container.isAncestorOf(widget)
            and is_input(widget)
            and widget.isEnabled()
            and widget.isVisibleTo(window)
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            return widget
        widget = widget.nextInFocusChain()
        if widget is container.nextInFocusChain():
            break  # once round the chain
    return None


def focus_first_input(container: QWidget) -> bool:
    target = first_input(container)
    if target is None:
        return False
    target.setFocus(Qt.FocusReason.TabFocusReason)
    if isinstance(target, QLineEdit):
        target.selectAll()  # typing replaces a suggested value (a date, say)
    return True


class _FocusOnShow(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            page = watched.currentPage() if isinstance(watched, QWizard) else None
            focus_first_input(page or watched)
        return False


def open_with_input_focus(dialog: QDialog) -> None:
    """Call once in a dialog's constructor: each time it opens (and on each page of a
    wizard) the first input field has the focus."""
    dialog.installEventFilter(_FocusOnShow(dialog))
    if isinstance(dialog, QWizard):
        # After the wizard's own focus handling for the new page.
        dialog.currentIdChanged.connect(
            lambda _id: QTimer.singleShot(0, dialog, lambda: _focus_page(dialog))
        )


def _focus_page(wizard: QWizard) -> None:
    page = wizard.currentPage()
    if page is not None and wizard.isVisible():
        focus_first_input(page)


def resize_within_screen(widget: QWidget, width: int, height: int) -> None:
    """The size asked for, or less where the screen is smaller (a 1200×800 laptop): a
    window taller than the screen hides its buttons below the edge."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry()
        width = min(width, room.width() - 40)
        height = min(height, room.height() - 60)  # the title bar and a margin
    widget.resize(width, height)
