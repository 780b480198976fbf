"""Printing a PDF letter without freezing the window.

Where the system has a print service (CUPS on Linux and macOS: the `lp` command), the letter's
own vector PDF is handed to it with the printer and the options the user picked in the print
dialog: the printer gets the same bytes as the saved letter, small and sharp. Printing to a
PDF file copies the letter. Elsewhere (Windows, or a page range into a file) the pages are
painted into the printer one at a time in a worker thread, with a progress dialog whose Avbryt
stops the job; the GUI thread only shows the progress.

`print_route` decides, `lp_arguments` is the command line, `start_printing` does the work in
the background (ui/shell/background.py) and reports the outcome on the GUI thread.
"""

from __future__ import annotations

import enum
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRect, QRectF, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox, QWidget

from nacka_desktop.ui.shell.background import (
    BackgroundTask,
    Cancelled,
    Progress,
    report_failure,
    run_in_background,
)

RASTER_DPI = 300  # enough for text on paper; the printer's 1200 dpi made 20 MB jobs
BANDS_PER_PAGE = 16
LP_TIMEOUT_SECONDS = 60
WINDOWS = sys.platform == "win32"  # no lp there; Windows prints through its drivers


class PrintRoute(enum.Enum):
    SYSTEM = "system"  # the vector PDF to the print service (lp)
    FILE = "file"  # "print to file" as PDF: the letter itself, copied
    RENDER = "render"  # pages painted into the printer in a worker thread


class PrintFailed(OSError):
    """The print service refused the job (its own message says why): the user's to fix."""


@dataclass(frozen=True)
class PrintJob:
    """What the user chose in the print dialog, as the print service takes it."""

    printer: str
    title: str
    copies: int = 1
    pages: tuple[int, int] | None = None  # first and last page, from 1; None: all
    sides: str | None = None  # "two-sided-long-edge", "two-sided-short-edge"
    grayscale: bool = False


def lp_command() -> str | None:
    """The print service's command, where there is one (not on Windows)."""
    if WINDOWS:
        return None
    return shutil.which("lp")


def job_of(printer: QPrinter, title: str) -> PrintJob:
    pages = None
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        pages = (printer.fromPage(), max(printer.fromPage(), printer.toPage()))
    sides = {
        QPrinter.DuplexMode.DuplexLongSide: "two-sided-long-edge",
        QPrinter.DuplexMode.DuplexShortSide: "two-sided-short-edge",
        QPrinter.DuplexMode.DuplexNone: "one-sided",
    }.get(printer.duplex())
    return PrintJob(
        printer=printer.printerName(),
        title=title,
        copies=max(1, printer.copyCount()),
        pages=pages,
        sides=sides,
        grayscale=printer.colorMode() == QPrinter.ColorMode.GrayScale,
    )


def lp_arguments(lp: str, job: PrintJob, pdf: Path) -> list[str]:
    """`lp -d PRINTER -t TITLE [-n N] [-P FIRST-LAST] [-o sides=…] [-o …] FILE`."""
    arguments = [lp, "-d", job.printer, "-t", job.title]
    if job.copies > 1:
        arguments += ["-n", str(job.copies)]
    if job.pages is not None:
        first, last = job.pages
        arguments += ["-P", f"{first}-{last}" if last != first else str(first)]
    if job.sides is not None:
        arguments += ["-o", f"sides={job.sides}"]
    if job.grayscale:
        arguments += ["-o", "print-color-mode=monochrome"]
    arguments.append(str(pdf))
    return arguments


def print_route(printer: QPrinter) -> PrintRoute:
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        whole = printer.printRange() != QPrinter.PrintRange.PageRange
        return PrintRoute.FILE if whole and printer.copyCount() <= 1 else PrintRoute.RENDER
    native = printer.outputFormat() == QPrinter.OutputFormat.NativeFormat
    if native and printer.printerName() and lp_command() is not None:
        return PrintRoute.SYSTEM
    return PrintRoute.RENDER


def send_to_print_service(job: PrintJob, pdf: Path) -> str:
    """Hand the PDF to `lp`; its answer ("request id is …"), or PrintFailed."""
    lp = lp_command()
    if lp is None:
        raise PrintFailed(
            QCoreApplication.translate("Printing", "Datorn har ingen utskriftstjänst (lp).")
        )
    try:
        done = subprocess.run(
            lp_arguments(lp, job, pdf),
            capture_output=True,
            text=True,
            timeout=LP_TIMEOUT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise PrintFailed(
            QCoreApplication.translate("Printing", "Utskriftstjänsten svarar inte.")
        ) from error
    if done.returncode != 0:
        reason = (done.stderr or done.stdout).strip() or f"lp: {done.returncode}"
        text = QCoreApplication.translate("Printing", "Utskriften kunde inte skickas: {reason}")
        raise PrintFailed(text.format(reason=reason))
    return done.stdout.strip()


def render_pages(pdf: Path, printer: QPrinter, progress: Progress) -> int:
    """Paint the PDF's pages into the printer, one at a time, in the calling (worker) thread.
    QPainter may paint on a QPrinter outside the GUI thread; the document is opened here so
    nothing is shared with the preview. `progress(done, total)` raises Cancelled on Avbryt:
    the print run is aborted and nothing is printed. Returns the number of pages printed."""
    document = QPdfDocument()
    try:
        document.load(str(pdf))
        count = int(document.pageCount())
        first, last = 1, count
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first, last = printer.fromPage(), min(count, max(printer.toPage(), printer.fromPage()))
        pages = list(range(first - 1, last))
        progress(0, len(pages))
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintFailed(
                QCoreApplication.translate("Printing", "Skrivaren kunde inte öppnas.")
            )
        try:
            _paint(document, pages, printer, painter, progress)
        except Cancelled:
            printer.abort()
            raise
        finally:
            painter.end()
        return len(pages)
    finally:
        document.close()
        document.deleteLater()


def _paint(
    document: QPdfDocument,
    pages: list[int],
    printer: QPrinter,
    painter: QPainter,
    progress: Progress,
) -> None:
    area = printer.pageRect(QPrinter.Unit.DevicePixel)
    dpi = min(printer.resolution(), RASTER_DPI)
    for done, page in enumerate(pages):
        if done:
            printer.newPage()
        size = document.pagePointSize(page)  # points: 1/72 inch
        scale = min(area.width() / size.width(), area.height() / size.height())
        _paint_page(document, page, (size * (dpi / 72.0)).toSize(), painter, scale * 72.0 / dpi)
        progress(done + 1, len(pages))


def _paint_page(
    document: QPdfDocument, page: int, pixels: QSize, painter: QPainter, scale: float
) -> None:
    """One page, rendered and drawn a band at a time: PySide6 holds Python's lock through a
    render or a drawImage, and a whole page at 300 dpi takes half a second of it, which
    would stop the window as surely as painting on the GUI thread. A band takes ~30 ms."""
    options = QPdfDocumentRenderOptions()
    options.setScaledSize(pixels)
    for band in range(BANDS_PER_PAGE):
        top = pixels.height() * band // BANDS_PER_PAGE
        bottom = pixels.height() * (band + 1) // BANDS_PER_PAGE
        clip = QRect(0, top, pixels.width(), bottom - top)
        options.setScaledClipRect(clip)
        image = document.render(page, clip.size(), options)
        target = QRectF(0, top * scale, pixels.width() * scale, (bottom - top) * scale)
        painter.drawImage(target, image)


def start_printing(
    parent: QWidget,
    pdf: Path,
    printer: QPrinter,
    title: str,
    done: Callable[[str], None],
    route: PrintRoute | None = None,
) -> BackgroundTask:
    """Print in the background the way `print_route` says; `done(text)` on the GUI thread
    with what to tell the user, a message if it failed, nothing if cancelled."""
    route = route or print_route(printer)
    translate = QCoreApplication.translate
    if route is PrintRoute.SYSTEM:
        job = job_of(printer, title)
        label = translate("Printing", "Skickar till {printer} …").format(printer=job.printer)

        def work(_progress: Progress) -> str:
            send_to_print_service(job, pdf)
            return translate("Printing", "Skickat till {printer}.").format(printer=job.printer)

    elif route is PrintRoute.FILE:
        target = printer.outputFileName()
        label = translate("Printing", "Sparar {file} …").format(file=target)

        def work(_progress: Progress) -> str:
            shutil.copyfile(pdf, target)
            return translate("Printing", "Sparat som {file}.").format(file=target)

    else:
        label = translate("Printing", "Skriver ut …")

        def work(_progress: Progress) -> str:  # page by page, Avbryt between pages
            render_pages(pdf, printer, _progress)
            return translate("Printing", "Utskriften är klar.")

    def failed(error: BaseException) -> None:
        if isinstance(error, PrintFailed):
            QMessageBox.warning(parent, title, str(error))
        else:
            report_failure(parent, title, error)

    return run_in_background(parent, label, work, done=done, failed=failed)
