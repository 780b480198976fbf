"""Skriv ut: the letter's own vector PDF goes to the system's print service (lp) with the
options picked in the print dialog; without one, pages are painted in a worker thread with
progress page by page, and Avbryt stops the job. The window is never frozen."""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path

import pytest
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from nacka_desktop.ui.shell.main_window import MainWindow
from nacka_desktop.ui.widgets import pdf_preview, printing
from nacka_desktop.ui.widgets.pdf_preview import PdfPreviewDialog
from nacka_desktop.ui.widgets.printing import PrintRoute, start_printing
from tests.conftest import TODAY

pytestmark = pytest.mark.gui

# A stand-in for CUPS' lp: records its arguments and a copy of the file it was given.
_FAKE_LP = """#!{python}
import json, shutil, sys
from pathlib import Path
record = Path({record!r})
arguments = sys.argv[1:]
if arguments[arguments.index("-d") + 1] == "Saknas":
    print("lp: The printer or class does not exist.", file=sys.stderr)
    sys.exit(1)
shutil.copyfile(arguments[-1], record.with_suffix(".pdf"))
record.write_text(json.dumps(arguments))
print("request id is Kontor-7 (1 file(s))")
"""


@pytest.fixture
def fake_lp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fake `lp` first on PATH; returns where it records its arguments (JSON)."""
    folder = tmp_path / "bin"
    folder.mkdir()
    record = tmp_path / "lp-call.json"
    lp = folder / "lp"
    lp.write_text(_FAKE_LP.format(python=sys.executable, record=str(record)), "utf-8")
    lp.chmod(lp.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr(printing, "WINDOWS", False)
    return record


def named_printer(name: str) -> type[QPrinter]:
    """A QPrinter as the print dialog leaves it when the user picks a CUPS printer (this
    machine has none, and Qt will not take the name of one it does not know)."""

    class NamedPrinter(QPrinter):
        def printerName(self) -> str:
            return name

        def outputFormat(self) -> QPrinter.OutputFormat:
            return QPrinter.OutputFormat.NativeFormat

        # Qt keeps no duplex for a printer it has not found; a real one does.
        def setDuplex(self, duplex: QPrinter.DuplexMode) -> None:
            self._duplex = duplex

        def duplex(self) -> QPrinter.DuplexMode:
            return getattr(self, "_duplex", QPrinter.DuplexMode.DuplexNone)

    return NamedPrinter


def pick_in_print_dialog(monkeypatch: pytest.MonkeyPatch, copies: int, pages: tuple[int, int]):
    """The user sets copies, a page range and two-sided, and presses Skriv ut."""

    def choose(self: QPrintDialog) -> int:
        printer = self.printer()
        printer.setCopyCount(copies)
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(*pages)
        printer.setDuplex(QPrinter.DuplexMode.DuplexLongSide)
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(QPrintDialog, "exec", choose)


def print_the_first_letter(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> list[PdfPreviewDialog]:
    """Open the first distribution's letter and press Skriv ut… in its preview, waiting for
    the job to end while the preview is open; returns the preview."""
    shown: list[PdfPreviewDialog] = []

    def look(self: PdfPreviewDialog) -> int:
        shown.append(self)
        self.print_button.click()
        qtbot.waitUntil(lambda: not self.printing(), timeout=20_000)
        return 0

    monkeypatch.setattr(PdfPreviewDialog, "exec", look)
    first = window.services.work.distributions(TODAY)[0]
    window.work_actions.show_letter(first.id)
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=20_000)
    return shown


def test_the_letter_itself_goes_to_the_print_service_with_the_options_picked(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, fake_lp: Path
) -> None:
    monkeypatch.setattr(pdf_preview, "QPrinter", named_printer("Kontor-3"))
    pick_in_print_dialog(monkeypatch, copies=2, pages=(1, 2))

    preview = print_the_first_letter(window, qtbot, monkeypatch)[0]

    arguments = json.loads(fake_lp.read_text())
    assert arguments == [
        "-d",
        "Kontor-3",
        "-t",
        preview.windowTitle(),
        "-n",
        "2",
        "-P",
        "1-2",
        "-o",
        "sides=two-sided-long-edge",
        str(preview.pdf),
    ]
    sent = fake_lp.with_suffix(".pdf").read_bytes()
    assert sent == preview.pdf.read_bytes()  # the vector letter itself, not a raster
    assert len(sent) < 500_000
    assert preview.print_status.text() == "Skickat till Kontor-3."


def test_a_refusal_of_the_print_service_is_shown_with_its_reason(
    window: MainWindow,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    fake_lp: Path,
    message_boxes,
) -> None:
    monkeypatch.setattr(pdf_preview, "QPrinter", named_printer("Saknas"))
    pick_in_print_dialog(monkeypatch, copies=1, pages=(1, 1))

    preview = print_the_first_letter(window, qtbot, monkeypatch)[0]

    warnings = message_boxes.of_kind("warning")
    assert len(warnings) == 1
    assert "The printer or class does not exist." in warnings[0][2]
    assert not fake_lp.exists()
    assert preview.print_status.text() == ""


def test_without_a_print_service_the_pages_are_painted_in_the_background(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """As on Windows: no lp. The printer gets the pages from a worker thread."""
    monkeypatch.setattr(printing, "WINDOWS", True)
    printed = tmp_path / "utskrift.pdf"

    class FilePrinter(QPrinter):  # what a Windows printer driver would get, kept in a file
        def __init__(self, mode: QPrinter.PrinterMode) -> None:
            super().__init__(mode)
            self.setOutputFileName(str(printed))

    monkeypatch.setattr(pdf_preview, "QPrinter", FilePrinter)
    pick_in_print_dialog(monkeypatch, copies=1, pages=(2, 3))

    preview = print_the_first_letter(window, qtbot, monkeypatch)[0]

    assert preview.page_count() >= 3
    output = QPdfDocument()
    output.load(str(printed))
    assert output.pageCount() == 2  # pages 2 and 3
    assert preview.print_status.text() == "Utskriften är klar."


def test_print_to_file_saves_the_letter_itself(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "brev.pdf"

    def to_file(self: QPrintDialog) -> int:
        self.printer().setOutputFileName(str(target))
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(QPrintDialog, "exec", to_file)
    preview = print_the_first_letter(window, qtbot, monkeypatch)[0]
    assert target.read_bytes() == preview.pdf.read_bytes()


def test_a_printer_with_the_print_service_gets_the_vector_pdf_else_pages(
    monkeypatch: pytest.MonkeyPatch, fake_lp: Path
) -> None:
    printer = named_printer("Kontor-3")()
    assert printing.print_route(printer) is PrintRoute.SYSTEM
    monkeypatch.setattr(printing, "WINDOWS", True)  # no lp there
    assert printing.print_route(printer) is PrintRoute.RENDER


def many_pages(path: Path, count: int) -> Path:
    canvas = Canvas(str(path), pagesize=A4)
    for page in range(count):
        canvas.setFont("Helvetica", 48)
        canvas.drawString(100, 600, f"Sida {page + 1}")
        canvas.showPage()
    canvas.save()
    return path


def test_the_fallback_reports_each_page_and_avbryt_stops_it(qtbot: QtBot, tmp_path: Path) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    pdf = many_pages(tmp_path / "lang.pdf", 40)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFileName(str(tmp_path / "utskrift.pdf"))
    done: list[str] = []
    task = start_printing(parent, pdf, printer, "Långt brev", done.append, PrintRoute.RENDER)
    reported: list[tuple[int, int]] = []
    task._worker.progressed.connect(lambda page, total: reported.append((page, total)))

    qtbot.waitUntil(lambda: len(reported) >= 3, timeout=20_000)
    avbryt = task.dialog.findChild(QPushButton)
    assert avbryt is not None
    avbryt.click()
    task.wait()
    qtbot.wait(50)  # the queued end of the task

    pages = [page for page, _total in reported]
    assert pages == list(range(pages[0], pages[0] + len(pages)))  # one page at a time
    assert {total for _page, total in reported} == {40}
    assert pages[-1] < 40  # stopped before the end
    assert done == []  # and not reported as printed
