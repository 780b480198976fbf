"""Preview of a PDF letter, with the system print dialog and "save as"."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from nacka_desktop.ui.shell.background import BackgroundTask, report_failure, run_in_background
from nacka_desktop.ui.widgets.dialogs import open_with_input_focus, resize_within_screen
from nacka_desktop.ui.widgets.files import FilePlaces
from nacka_desktop.ui.widgets.printing import start_printing
from nacka_desktop.ui.widgets.signature_panel import SignaturePanel


class PdfPreviewDialog(QDialog):
    def __init__(
        self,
        pdf: Path,
        title: str,
        suggested_name: str,
        parent: QWidget | None = None,
        *,
        show_signatures: bool = False,
        trust_roots: Sequence[Any] = (),
    ) -> None:
        super().__init__(parent)
        open_with_input_focus(self)
        self.setWindowTitle(title)
        self.pdf = pdf
        self.suggested_name = suggested_name
        self.document = QPdfDocument(self)
        self.document.load(str(pdf))
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = QPushButton(self.tr("Skriv ut…"))
        self.save_button = QPushButton(self.tr("Spara som…"))
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.print_status = QLabel()
        self.print_status.setObjectName("printStatus")
        self.print_task: BackgroundTask | None = None
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_as)
        # Beside the preview, the check of the file's signatures: shown when asked for, or
        # when the file is signed (a letter read back from the portal, say).
        self.signatures = SignaturePanel()
        data = pdf.read_bytes()
        # Only a signed file has a /ByteRange: a letter just written is not checked at all.
        if show_signatures or b"/ByteRange" in data:
            self.signatures.show_file(data, trust_roots)
        report = self.signatures.report
        self.signatures.setVisible(show_signatures or bool(report and report.signatures))
        splitter = QSplitter()
        splitter.addWidget(self.view)
        splitter.addWidget(self.signatures)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        footer = QHBoxLayout()
        footer.addWidget(self.print_status, 1)
        footer.addWidget(buttons)
        layout.addLayout(footer)
        resize_within_screen(self, 1040 if self.signatures.isVisible() else 760, 900)

    def page_count(self) -> int:
        return int(self.document.pageCount())

    def save_as(self) -> None:
        places = FilePlaces.of(self)
        target = places.save_path(
            self, self.tr("Spara brevet"), self.suggested_name, self.tr("PDF (*.pdf)")
        )
        if target is not None:
            try:
                shutil.copyfile(self.pdf, target)
            except OSError as error:
                QMessageBox.warning(self, self.windowTitle(), str(error))
            else:
                places.confirm_saved(target)

    def print_document(self) -> None:
        """The system's print dialog (printer, copies, pages, two-sided), then the letter goes
        to the printer in the background: the window stays usable, with progress."""
        if self.printing():
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, max(1, self.page_count()))
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
        finally:
            dialog.deleteLater()
        self.print_status.clear()
        self.print_task = start_printing(
            self, self.pdf, printer, self.windowTitle(), done=self.print_status.setText
        )

    def printing(self) -> bool:
        """A print job is still under way (the task deletes itself when it ends)."""
        return self.print_task is not None and shiboken6.isValid(self.print_task)


def preview_pdf(
    parent: QWidget, write: Callable[[Path], object], title: str, name: str
) -> BackgroundTask:
    """Write a letter to a temporary file in the background (reading what it needs, laying
    out its pages), then show it, with print and save as. The window stays usable meanwhile.
    What `write` returns (a letter's document ID) is not needed here."""
    path = Path(tempfile.mkdtemp(prefix="nacka-")) / name

    def show(_result: object) -> None:
        dialog = PdfPreviewDialog(path, title, name, parent)
        dialog.exec()
        dialog.deleteLater()

    return run_in_background(
        parent,
        QCoreApplication.translate("PdfPreviewDialog", "Skriver {name} …").format(name=name),
        lambda _progress: write(path),
        done=show,
        failed=lambda error: report_failure(parent, title, error),
    )


def check_signatures_in_pdf(parent: QWidget, trust_roots: Sequence[Any] = ()) -> None:
    """Arkiv → Kontrollera underskrifter i PDF…: any PDF, its pages and its signatures."""
    file = FilePlaces.of(parent).open_path(
        parent,
        QCoreApplication.translate("PdfPreviewDialog", "Kontrollera underskrifter i PDF"),
        QCoreApplication.translate("PdfPreviewDialog", "PDF (*.pdf)"),
    )
    if file is None:
        return
    dialog = PdfPreviewDialog(
        file, file.name, file.name, parent, show_signatures=True, trust_roots=trust_roots
    )
    dialog.exec()
    dialog.deleteLater()
