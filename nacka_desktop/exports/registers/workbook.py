"""Writing an Excel register: sheets of rows as styled Excel tables, with openpyxl in
write-only mode (CONVENTIONS.md: a register may have 100k rows).

Each sheet is one formatted Excel table whose header is row 1, so the file filters, sorts and
imports cleanly elsewhere: real date cells, a frozen header, an autofilter through the table;
a text is never written as a formula. openpyxl is imported only inside the writer.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from nacka_desktop.exports.output import check_output

Value = str | int | date | None
Row = tuple[Value, ...]
Progress = Callable[[int, int], None]  # (done, total); raising stops the export

CREATOR = "Nacka Desktop"
DATE_FORMAT = "yyyy-mm-dd"
TABLE_STYLE = "TableStyleMedium2"
MIN_WIDTH = 6.0
MAX_WIDTH = 60.0
# Characters XML 1.0 (and so openpyxl) refuses in a cell: C0 controls except tab, LF and CR.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


@dataclass(frozen=True)
class SheetData:
    title: str
    table_name: str  # Excel table names: ASCII letters, no spaces, unique in the workbook
    headers: tuple[str, ...]
    rows: list[Row]


def write_workbook(
    path: Path, title: str, sheets: Sequence[SheetData], progress: Progress | None = None
) -> None:
    """Each sheet as one styled Excel table starting at A1, header frozen, dates as dates.

    Written to a temporary file beside `path`, then moved over it: an unwritable folder fails
    before any work, and a failure (or `progress` raising to cancel) never leaves a
    half-written register (or destroys the old one). OSError reaches the caller, which
    reports it. `progress(rows written, rows)` is called every few hundred rows."""
    check_output(path)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        with open(temporary, "xb") as handle:
            _build_workbook(title, sheets, progress or _no_progress).save(handle)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _no_progress(_done: int, _total: int) -> None:
    pass


def _build_workbook(title: str, sheets: Sequence[SheetData], progress: Progress) -> Any:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    workbook.properties.title = title
    workbook.properties.creator = CREATOR
    try:
        _fill_workbook(workbook, sheets, progress)
    except BaseException:
        _discard(workbook)
        raise
    return workbook


def _discard(workbook: Any) -> None:
    """Close the sheets of a workbook that will not be saved, and remove the temporary files
    openpyxl writes them to (otherwise they stay until the program ends, and a sheet's row
    writer complains when it is collected)."""
    for worksheet in workbook.worksheets:
        with contextlib.suppress(Exception):
            worksheet.close()
        writer = getattr(worksheet, "_writer", None)
        if writer is not None:
            with contextlib.suppress(Exception):
                writer.cleanup()


def _fill_workbook(workbook: Any, sheets: Sequence[SheetData], progress: Progress) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.filters import AutoFilter
    from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

    bold = Font(bold=True)
    total = sum(len(sheet.rows) for sheet in sheets)
    written = 0
    progress(written, total)
    for sheet in sheets:
        worksheet: Any = workbook.create_sheet(sheet.title)
        # Write-only: column widths and panes must be set before the first row is written.
        for index, width in enumerate(column_widths(sheet.headers, sheet.rows), start=1):
            worksheet.column_dimensions[get_column_letter(index)].width = width
        worksheet.freeze_panes = "A2"

        header = []
        for name in sheet.headers:
            cell = WriteOnlyCell(worksheet, value=name)
            cell.font = bold
            header.append(cell)
        worksheet.append(header)
        for row in sheet.rows:
            values: list[Any] = []
            for value in row:
                if isinstance(value, date):
                    cell = WriteOnlyCell(worksheet, value=value)
                    cell.number_format = DATE_FORMAT
                    values.append(cell)
                elif isinstance(value, str):
                    text = _ILLEGAL.sub("", value)
                    if text.startswith("="):  # a name, never a formula
                        cell = WriteOnlyCell(worksheet, value=text)
                        cell.data_type = "s"
                        values.append(cell)
                    else:
                        values.append(text)
                else:
                    values.append(value)
            worksheet.append(values)
            written += 1
            if written % PROGRESS_EVERY == 0:
                progress(written, total)

        # A table needs a data row below its header; an empty register gets one empty row.
        last_row = 1 + max(len(sheet.rows), 1)
        ref = f"A1:{get_column_letter(len(sheet.headers))}{last_row}"
        table = Table(
            displayName=sheet.table_name,
            ref=ref,
            autoFilter=AutoFilter(ref=ref),
            tableColumns=[
                TableColumn(id=index, name=name) for index, name in enumerate(sheet.headers, 1)
            ],
        )
        table.tableStyleInfo = TableStyleInfo(
            name=TABLE_STYLE,
            showFirstColumn=False,
            showLastColumn=False,
            showRowStripes=True,
            showColumnStripes=False,
        )
        with warnings.catch_warnings():
            # Always raised in write-only mode; the columns are given above, as it asks.
            warnings.filterwarnings("ignore", "In write-only mode you must add table columns")
            worksheet.add_table(table)


PROGRESS_EVERY = 250  # rows between two progress reports (and chances to cancel)


def column_widths(headers: Sequence[str], rows: Sequence[Row]) -> list[float]:
    """Widths in characters from the longest value of each column, capped; the header gets
    room for the filter button."""
    widths = [len(name) + 4 for name in headers]
    for row in rows:
        for index, value in enumerate(row):
            if value is None:
                continue
            length = 10 if isinstance(value, date) else len(str(value))
            if length + 2 > widths[index]:
                widths[index] = length + 2
    return [min(max(float(width), MIN_WIDTH), MAX_WIDTH) for width in widths]
