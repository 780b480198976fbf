"""Excel registers of work-environment task distributions (DOMAIN.md §3), written with openpyxl
in write-only mode (CONVENTIONS.md: a register may have 100k rows).

Each sheet is one formatted Excel table whose header is row 1, so the file filters, sorts and
imports cleanly elsewhere: real date cells, a frozen header, an autofilter through the table.
openpyxl is imported only inside the writer; the CLI and the GUI import this module lazily.
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

from nacka_desktop.domain.records import swedish_sort_key
from nacka_desktop.domain.work_environment import (
    DistributionState,
    TaskChain,
    WorkSnapshot,
    item_in_force,
    state_on,
    task_chain,
)
from nacka_desktop.services.queries import AppointmentView, appointment_view
from nacka_desktop.services.work_queries import (
    EMPLOYER_NAME,
    DistributionView,
    WorkQueries,
    distribution_view,
    sorted_distributions,
)

from .output import check_output

Value = str | int | date | None
Row = tuple[Value, ...]
Progress = Callable[[int, int], None]  # (done, total); raising stops the export

CREATOR = "Nacka Desktop"
DATE_FORMAT = "yyyy-mm-dd"
TABLE_STYLE = "TableStyleMedium2"
MIN_WIDTH = 6.0
MAX_WIDTH = 60.0
CHAIN_ARROW = " → "

DISTRIBUTION_SHEET = "Fördelningar"
DISTRIBUTION_HEADERS: tuple[str, ...] = (
    "Fördelning",
    "Enhet",
    "Kod",
    "Givare",
    "Givarens roll",
    "Mottagare",
    "Mottagarens roll",
    "Uppgift",
    "Status",
    "Undertecknad",
    "Muntligen",
    "Gäller från",
    "Upphör fr.o.m.",
    "Återförd",
    "Skäl",
    "Uppföljning senast",
    "Får fördelas vidare",
)

HOLDING_SHEET = "Uppgifter per person"
HOLDING_HEADERS: tuple[str, ...] = (
    "Person",
    "Roll",
    "Enhet",
    "Kod",
    "Uppgift",
    "Fördelning",
    "Kedja",
)

_ACTIVE = (DistributionState.SIGNED, DistributionState.IN_FORCE)
# Characters XML 1.0 (and so openpyxl) refuses in a cell: C0 controls except tab, LF and CR.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


@dataclass(frozen=True)
class SheetData:
    title: str
    table_name: str  # Excel table names: ASCII letters, no spaces, unique in the workbook
    headers: tuple[str, ...]
    rows: list[Row]


def write_distribution_register(
    work: WorkQueries, on: date, path: Path, progress: Progress | None = None
) -> None:
    """Write the register of every distribution, and who holds which task, as of `on`."""
    # One snapshot, the tree as on the date: both sheets describe the same moment.
    snapshot = work.snapshot(on)
    views = [distribution_view(snapshot, d, on) for d in sorted_distributions(snapshot)]
    write_workbook(
        path,
        f"Fördelning av arbetsmiljöuppgifter {on.isoformat()}",
        [
            SheetData(
                DISTRIBUTION_SHEET,
                "Fordelningar",
                DISTRIBUTION_HEADERS,
                distribution_rows(views, on),
            ),
            SheetData(
                HOLDING_SHEET, "UppgifterPerPerson", HOLDING_HEADERS, holding_rows(snapshot, on)
            ),
        ],
        progress,
    )


def distribution_rows(views: Sequence[DistributionView], on: date) -> list[Row]:
    """One row per task per distribution, in distribution order, tasks as in the distribution."""
    rows: list[Row] = []
    for view in views:
        record = view.record
        returns = {r.id: r for r in view.returns}
        codes = ", ".join(code for _id, _name, code in view.units)
        # The first day it no longer applies: its own end, or an earlier lapse (both exclusive).
        ends_on = view.lapse[0] if view.lapse is not None else record.valid_to
        for entry in view.items:
            item = entry.item
            returned_on = item.returned_on if item.is_returned_by(on) else None
            task_return = returns.get(item.return_id or 0) if returned_on else None
            state = view.state
            if returned_on is not None and state in _ACTIVE:
                state = DistributionState.RETURNED
            rows.append(
                (
                    record.id,
                    view.unit_names,
                    codes,
                    view.giver_name,
                    view.giver_role,
                    view.receiver.person_name,
                    view.receiver.role_label,
                    entry.task.name,
                    state.label_sv,
                    record.signed_on,
                    record.communicated_on,
                    record.valid_from,
                    ends_on,
                    returned_on,
                    ", ".join(r.label_sv for r in task_return.reasons) if task_return else None,
                    view.follow_up_due,
                    "Ja" if record.may_pass_on else "Nej",
                )
            )
    return rows


def holding_rows(snapshot: WorkSnapshot, on: date) -> list[Row]:
    """One row per (person, role, unit, task) held on the date, with the chain from KS down.

    The same answer as `held_tasks` for every receiver, but each (task, unit) chain is
    followed once for the whole register instead of once per appointment asked about."""
    org = snapshot.org
    in_force = [
        d
        for d in sorted_distributions(snapshot)
        if state_on(org, d, on) is DistributionState.IN_FORCE
    ]
    chains: dict[tuple[int, int], TaskChain] = {}
    holders: dict[int, AppointmentView] = {}
    found: dict[tuple[int, str, int, int], tuple[tuple[str, ...], Row]] = {}
    for distribution in in_force:
        receiver_id = distribution.receiver_appointment_id
        for item in distribution.items:
            if not item_in_force(org, distribution, item.task_id, on):
                continue
            for unit_id in distribution.unit_ids:
                key = (item.task_id, unit_id)
                chain = chains.get(key)
                if chain is None:
                    chain = chains[key] = task_chain(snapshot, item.task_id, unit_id, on)
                if chain.holder_appointment_id != receiver_id:
                    continue
                holder = holders.get(receiver_id)
                if holder is None:
                    holder = holders[receiver_id] = appointment_view(
                        org, org.appointments[receiver_id]
                    )
                person_id = holder.appointment.person_id
                row_key = (person_id, holder.role_label, unit_id, item.task_id)
                if row_key in found:
                    continue
                unit = org.units.get(unit_id)
                unit_name = unit.name if unit else "?"
                task_name = snapshot.tasks[item.task_id].name
                names = [EMPLOYER_NAME] + [
                    org.person_label(org.appointments[link.receiver_appointment_id].person_id)
                    if link.receiver_appointment_id in org.appointments
                    else "?"
                    for link in chain.links
                ]
                found[row_key] = (
                    (
                        swedish_sort_key(holder.person_name),
                        holder.role_label,
                        swedish_sort_key(unit_name),
                        swedish_sort_key(task_name),
                    ),
                    (
                        holder.person_name,
                        holder.role_label,
                        unit_name,
                        unit.code if unit else "",
                        task_name,
                        chain.links[-1].id,
                        CHAIN_ARROW.join(names),
                    ),
                )
    return [row for _key, row in sorted(found.values(), key=lambda pair: pair[0])]


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
