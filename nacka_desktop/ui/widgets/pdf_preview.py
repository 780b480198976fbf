"""Preview of a PDF letter, with the system print dialog and "save as"."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPointF, QSizeF
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nacka_desktop.ui.shell.background import BackgroundTask, report_failure, run_in_background


class PdfPreviewDialog(QDialog):
    def __init__(
        self, pdf: Path, title: str, suggested_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
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
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_as)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(760, 900)

    def page_count(self) -> int:
        return int(self.document.pageCount())

    def save_as(self) -> None:
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Spara brevet"), self.suggested_name, self.tr("PDF (*.pdf)")
        )
        if target:
            try:
                shutil.copyfile(self.pdf, target)
            except OSError as error:
                QMessageBox.warning(self, self.windowTitle(), str(error))

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.render_to(printer)

    def render_to(self, printer: QPrinter) -> None:
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(self, self.windowTitle(), self.tr("Skrivaren kunde inte öppnas."))
            return
        try:
            area = printer.pageRect(QPrinter.Unit.DevicePixel)
            for page in range(self.page_count()):
                if page:
                    printer.newPage()
                size = self.document.pagePointSize(page)
                scale = min(area.width() / size.width(), area.height() / size.height())
                image = self.document.render(
                    page, QSizeF(size.width() * scale, size.height() * scale).toSize()
                )
                painter.drawImage(QPointF(0, 0), image)
        finally:
            painter.end()


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
