"""Choosing where a file is saved or which file is opened, the same way everywhere: the
dialog starts in the folder used last (kept in the settings), else in the user's Documents,
never in the program's folder; a saved file is confirmed in the main window's status bar
with its path and a button that opens its folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from nacka_desktop.ui.shell.settings import LAST_FOLDER, Settings


def documents_folder() -> Path:
    place = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(place) if place else Path.home()
    return folder if folder.is_dir() else Path.home()


class FilePlaces(QObject):
    """The file dialogs of one window (and the dialogs it opens): where they start, and the
    news that a file was saved (`saved`, with its path)."""

    saved = Signal(str)

    def __init__(self, settings: Settings | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self._last = ""  # without settings (a dialog on its own): for this session only

    @staticmethod
    def of(widget: QObject) -> FilePlaces:
        """The places of the window `widget` is in (its own, or its parent window's); a
        widget outside any window gets places that remember for as long as it lives."""
        node: QObject | None = widget
        while node is not None:
            found = node.findChild(FilePlaces, "", Qt.FindChildOption.FindDirectChildrenOnly)
            if isinstance(found, FilePlaces):
                return found
            node = node.parent()
        return FilePlaces(None, widget)

    def start_folder(self) -> Path:
        last = self.settings.get(LAST_FOLDER) if self.settings is not None else self._last
        if last and Path(last).is_dir():
            return Path(last)
        return documents_folder()

    def remember(self, path: Path) -> None:
        folder = str(path.parent)
        self._last = folder
        if self.settings is not None:
            self.settings.set(LAST_FOLDER, folder)

    def save_path(
        self, parent: QWidget, title: str, suggested_name: str, filter_: str = ""
    ) -> Path | None:
        """Ask where to save, offering `suggested_name` in the last folder; None if the user
        cancelled. (The dialog asks before replacing a file.)"""
        start = str(self.start_folder() / suggested_name)
        chosen, _ = QFileDialog.getSaveFileName(parent, title, start, filter_)
        if not chosen:
            return None
        path = Path(chosen)
        self.remember(path)
        return path

    def open_path(
        self, parent: QWidget, title: str, filter_: str = "", *, remember: bool = True
    ) -> Path | None:
        """Ask which file to open, starting in the last folder; None if the user cancelled.
        `remember=False` for a file that is no document (a card reader's program module)."""
        chosen, _ = QFileDialog.getOpenFileName(parent, title, str(self.start_folder()), filter_)
        if not chosen:
            return None
        path = Path(chosen)
        if remember:
            self.remember(path)
        return path

    def confirm_saved(self, path: Path) -> None:
        """The file is written: say so where the user sees it."""
        self.saved.emit(str(path))


class SavedNotice(QWidget):
    """In the status bar: "Sparat: <path>" and *Öppna mappen*."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(self.tr("Öppna mappen"))
        self.open_button.setFlat(True)
        self.open_button.setStyleSheet("color: #1f5fa8; text-decoration: underline;")
        self.open_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.open_button.clicked.connect(self.open_folder)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.open_button)
        layout.addStretch(1)
        self.path: Path | None = None
        self.hide()

    def show_saved(self, path: str) -> None:
        self.path = Path(path)
        self.label.setText(self.tr("Sparat: {path}").format(path=path))
        self.label.setToolTip(path)
        self.show()

    def open_folder(self) -> bool:
        if self.path is None:
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path.parent)))
