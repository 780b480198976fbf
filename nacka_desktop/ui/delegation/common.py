"""What the Delegation window's tabs share: table set-up, column fitting, date fields, the
section filter, and where the window keeps its state."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QWidget,
)

from nacka_desktop.domain.delegation.orders import DelegationOrder
from nacka_desktop.domain.language import Language
from nacka_desktop.domain.records import OrgSnapshot
from nacka_desktop.services.context import Services
from nacka_desktop.ui.delegation.models import SECTION_ROLE
from nacka_desktop.ui.shell.background import Progress, report_failure, run_in_background
from nacka_desktop.ui.shell.edits import EditRunner
from nacka_desktop.ui.widgets.column_fit import ColumnFitter
from nacka_desktop.ui.widgets.fields import DateField
from nacka_desktop.ui.widgets.files import FilePlaces

if TYPE_CHECKING:
    from nacka_desktop.ui.delegation.window import DelegationWindow


def make_table(model: QAbstractItemModel) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(24)
    table.setWordWrap(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    return table


MAX_COLUMN_WIDTH = 320
MATTER_COLUMN = 2  # Ärende, in the tables of items, rights and council matters


def fit_columns(table: QTableView, widest: int = MAX_COLUMN_WIDTH, grow: int | None = None) -> None:
    """Columns as wide as their content, sharing the table's width when it is tight, the
    room to spare to `grow` (the last column when None); again whenever the table resizes."""
    fitter = table.findChild(ColumnFitter)
    if fitter is None or (fitter.widest, fitter.grow) != (widest, grow):
        if fitter is not None:
            fitter.deleteLater()
            table.viewport().removeEventFilter(fitter)
        fitter = ColumnFitter(table, widest, grow)
    fitter.fit()


def date_edit(value: date) -> DateField:
    """A required date (a filter's): the app's date field, with its calendar."""
    edit = DateField(optional=False)
    edit.set_date(value)
    return edit


def date_of(edit: DateField) -> date:
    """The date a required field holds, or held before the user began typing another."""
    value = edit.last_valid
    assert value is not None  # set when the field is made
    return value


class SectionFilter(QSortFilterProxyModel):
    """Free text over every column, and optionally one section."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = ""
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)

    def set_section(self, section: str) -> None:
        self.beginFilterChange()
        self.section = section
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        source = self.sourceModel()
        if self.section and source.index(row, 0).data(SECTION_ROLE) != self.section:
            return False
        return super().filterAcceptsRow(row, parent)


class DelegationTab(QWidget):
    """A tab of the Delegation window: reads the window's state, previews and saves files.
    (No visible text here: a base class's tr() would be looked up under the subclass.)"""

    def __init__(self, owner: DelegationWindow) -> None:
        super().__init__(owner)
        self.owner = owner

    @property
    def services(self) -> Services:
        return self.owner.services

    @property
    def on(self) -> date:
        return self.owner.on

    @property
    def language(self) -> Language:
        return self.owner.language

    @property
    def edits(self) -> EditRunner | None:
        return self.owner.edits

    @property
    def _org(self) -> OrgSnapshot:
        return self.owner.org

    @property
    def _orders(self) -> list[DelegationOrder]:
        return self.owner.orders

    def _preview(self, write: Callable[[Path], object], title: str, name: str) -> None:
        from nacka_desktop.ui.widgets.pdf_preview import preview_pdf

        self.letter_task = preview_pdf(self, write, title, name)

    def _save_as(self, title: str, name: str, write: Callable[[Path, Progress], None]) -> None:
        """Ask where, then write in the background with a progress dialog (Avbryt leaves no
        file behind); the window stays usable meanwhile."""
        places = FilePlaces.of(self)
        path = places.save_path(self, title, name, "Excel (*.xlsx)")
        if path is None:
            return
        self.export_task = run_in_background(
            self,
            self.tr("Skriver {name} …").format(name=path.name),
            lambda progress: write(path, progress),
            done=lambda _result: places.confirm_saved(path),
            failed=lambda error: report_failure(self, title, error),
        )
