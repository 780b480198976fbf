"""The task catalogue and the letters from the GUI: preview, print, save."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter

from nacka_desktop.ui.widgets.pdf_preview import PdfPreviewDialog
from nacka_desktop.ui.widgets.printing import render_pages
from nacka_desktop.ui.work.task_catalogue_dialog import TaskCatalogueDialog
from tests.conftest import TODAY

pytestmark = pytest.mark.gui


def test_hr_adds_and_renames_a_task_and_undo_takes_it_back(window, qtbot):
    services = window.services
    dialog = TaskCatalogueDialog(services, window.edits, window)
    qtbot.addWidget(dialog)
    before = len(services.tasks.list())

    dialog.new_button.click()
    dialog.code_edit.setText("SAM-VÄRME")
    dialog.name_edit.setText("Värmebölja")
    dialog.description_edit.setPlainText("Rutiner för arbete vid höga temperaturer.")
    dialog.save_button.click()

    names = [t.name for t in services.tasks.list()]
    assert len(names) == before + 1 and "Värmebölja" in names
    dialog.name_edit.setText("Värmebölja och hetta")
    dialog.save_button.click()
    assert "Värmebölja och hetta" in [t.name for t in services.tasks.list()]

    window.main_actions.undo_action.trigger()  # the rename
    assert "Värmebölja" in [t.name for t in services.tasks.list()]
    window.main_actions.undo_action.trigger()  # the new task: retired, never deleted
    assert "Värmebölja" not in [t.name for t in services.tasks.list()]
    assert "Värmebölja" in [t.name for t in services.tasks.list(include_inactive=True)]


def test_a_task_without_a_name_is_refused_at_the_field(window, qtbot):
    dialog = TaskCatalogueDialog(window.services, window.edits, window)
    qtbot.addWidget(dialog)
    dialog.new_button.click()
    dialog.code_edit.setText("SAM-TOM")
    dialog.save_button.click()
    assert "DATA-2" in dialog.form.rows["name"].error.text()


def test_the_letter_preview_shows_the_pages_and_prints_them(window, qtbot, monkeypatch, tmp_path):
    printed = Path(tmp_path / "utskrift.pdf")
    pages: list[int] = []

    def look(self: PdfPreviewDialog) -> int:  # while the dialog is open
        pages.append(self.page_count())
        printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        render_pages(self.pdf, printer, lambda _done, _total: None)
        return 0

    monkeypatch.setattr(PdfPreviewDialog, "exec", look)
    first = window.services.work.distributions(TODAY)[0]
    window.work_actions.show_letter(first.id)  # written in the background, then shown
    qtbot.waitUntil(lambda: len(pages) == 1, timeout=10_000)

    assert pages[0] >= 2  # KS → stadsdirektör: all ten tasks
    assert printed.exists() and printed.stat().st_size > 10_000
