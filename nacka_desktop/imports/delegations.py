"""Import of a delegation order (delegationsordning) from an Excel workbook (DOMAIN.md §4).

The workbook has one header row and one row per item, with the columns of the delegation
register (`exports.delegation_registers`), in any order. Every row is read, parsed and checked
against DEL-1…DEL-11 and HR-1…HR-5 on a trial order before anything is written: a file with a
single problem imports nothing (CONVENTIONS.md: never half-applied). openpyxl is imported only
inside the reader.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from nacka_desktop.domain.delegation.format import (
    COL_BASIS,
    COL_BOARD,
    COL_DELEGATE,
    COL_KIND,
    COL_KIND_REASON,
    COL_LAGRUM,
    COL_LIMITS,
    COL_MATTER,
    COL_NOTES,
    COL_NUMBER,
    COL_REPORT,
    COL_SECTION,
    COL_SUBDELEGATION,
    COL_SUBSTITUTE,
    ITEM_HEADERS,
    NUMBER_PATTERN,
    PREFERRED_SHEET,
    REQUIRED_HEADERS,
    DelegateTextError,
    cell_text,
    parse_decision_kind,
    parse_delegate,
    parse_legal_basis,
    parse_yes_no,
)
from nacka_desktop.domain.delegation.orders import (
    BoardSetting,
    Delegate,
    DelegateKind,
    DelegationItem,
    DelegationOrder,
    LegalBasis,
    OrderStatus,
    infer_decision_kind,
)
from nacka_desktop.domain.enums import UnitKind
from nacka_desktop.domain.records import OrgSnapshot, UnitRecord
from nacka_desktop.domain.rules import RuleViolationError, Violation
from nacka_desktop.domain.rules.delegation import check_delegation
from nacka_desktop.imports.xlsx_reader import SheetLimitError, read_sheet_rows
from nacka_desktop.services.context import Services
from nacka_desktop.storage.models import DelegationItemRow
from nacka_desktop.storage.text_limits import column_limit, too_long

_POLITICAL_BODIES = (
    UnitKind.MUNICIPAL_COUNCIL,
    UnitKind.EXECUTIVE_BOARD,
    UnitKind.COMMITTEE,
    UnitKind.BOARD,
)

# Where a rule violation's field is shown in the file.
_FIELD_COLUMNS = {
    "number": COL_NUMBER,
    "matter": COL_MATTER,
    "decision_kind": COL_KIND,
    "kind_reason": COL_KIND_REASON,
    "delegate": COL_DELEGATE,
    "substitute": COL_SUBSTITUTE,
    "legal_basis": COL_BASIS,
    "report_to_board": COL_REPORT,
    "subdelegation_allowed": COL_SUBDELEGATION,
    "lagrum": COL_LAGRUM,
    "limits": COL_LIMITS,
    "notes": COL_NOTES,
    "section": COL_SECTION,
}


@dataclass
class ImportProblem:
    row: int  # the row in the sheet (1 = the header); 0 for the file as a whole
    column: str
    rule_id: str
    message: str

    def line(self) -> str:
        where = f"Rad {self.row}" if self.row else "Filen"
        if self.column:
            where += f", kolumn {self.column}"
        return f"{where}: {self.rule_id}: {self.message}"


@dataclass
class ImportResult:
    order_id: int | None
    item_count: int
    created_positions: list[str] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    dry_run: bool = False
    adopted_on: date | None = None

    @property
    def ok(self) -> bool:
        return not self.problems

    def report_lines(self) -> list[str]:
        """What the user reads: each problem with row, column and rule, the warnings, a summary."""
        lines = [problem.line() for problem in self.problems]
        lines += [f"Varning: {warning}" for warning in self.warnings]
        if self.problems:
            count = len(self.problems)
            lines.append(f"{count} problem i filen; ingenting lästes in.")
        elif self.dry_run:
            lines.append(
                f"Provläsning: {self.item_count} punkter kan läsas in; ingenting sparades."
            )
        elif self.adopted_on is not None:
            lines.append(
                f"Läste in {self.item_count} punkter som delegationsordning {self.order_id}, "
                f"antagen {self.adopted_on.isoformat()}."
            )
        else:
            lines.append(
                f"Läste in {self.item_count} punkter som utkast till delegationsordning "
                f"{self.order_id}."
            )
        return lines


# --- the import ---------------------------------------------------------------------------------


@dataclass
class _Sheet:
    header_row: int
    columns: dict[str, int]  # header (as in ITEM_HEADERS, or as found) → index
    rows: list[tuple[int, tuple[Any, ...]]]
    duplicates: list[str] = field(default_factory=list)  # headers found more than once


def _read_sheet(path: Path) -> _Sheet:
    """The first non-empty row is the header; rows with no value at all are left out."""
    header_row = 0
    columns: dict[str, int] = {}
    duplicates: list[str] = []
    rows: list[tuple[int, tuple[Any, ...]]] = []
    for row in read_sheet_rows(path, PREFERRED_SHEET):
        if all(cell_text(v) == "" for v in row.values):
            continue
        if not header_row:
            header_row = row.number
            for index, value in enumerate(row.values):
                name = cell_text(value)
                if name:
                    canonical = next(
                        (h for h in ITEM_HEADERS if h.casefold() == name.casefold()), name
                    )
                    if canonical in columns:
                        duplicates.append(canonical)  # which one is meant? refused
                    columns.setdefault(canonical, index)
            continue
        rows.append((row.number, row.values))
    return _Sheet(header_row, columns, rows, duplicates)


@dataclass
class _ParsedRow:
    row: int
    item: DelegationItem


def import_delegations(
    services: Services,
    path: Path,
    board_unit_id: int,
    adopted_on: date | None = None,
    paragraph: str = "",
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """Read a delegation order for the board from the workbook and save it as a new draft
    version (adopted, superseding the version in force, if `adopted_on` is given).

    All or nothing: every problem of the file is reported, and with one problem nothing is
    written. A dry run reads and checks only. `progress(done, total)` is called while the
    rows are read and checked, never once writing has begun, so raising in it (the user
    cancelled) leaves the database as it was."""
    result = ImportResult(None, 0, dry_run=dry_run, adopted_on=adopted_on)
    try:
        sheet = _read_sheet(path)
    except SheetLimitError as error:
        result.problems.append(ImportProblem(error.row, error.column, "DATA-2", error.message))
        return result
    except Exception as error:  # openpyxl raises many kinds for a file that is not xlsx
        reason = _one_line(getattr(error, "strerror", None) or str(error), path)
        result.problems.append(
            ImportProblem(
                0, "", "DATA-2", f"Filen kan inte läsas som en Excel-fil (.xlsx): {reason}"
            )
        )
        return result

    org = services.queries.snapshot()
    board = org.units.get(board_unit_id)
    if board is None or board.kind not in (UnitKind.BOARD, UnitKind.EXECUTIVE_BOARD):
        result.problems.append(
            ImportProblem(0, "", "DEL-2", "Delegationsordningen ska höra till en nämnd.")
        )
        return result
    for header in dict.fromkeys(sheet.duplicates):
        result.problems.append(
            ImportProblem(
                sheet.header_row or 1,
                header,
                "DATA-2",
                f"Kolumnen {header!r} finns flera gånger i rubrikraden; ta bort den som inte "
                "gäller.",
            )
        )
    if sheet.duplicates:
        return result
    missing = [h for h in REQUIRED_HEADERS if h not in sheet.columns]
    for header in missing:
        result.problems.append(
            ImportProblem(
                sheet.header_row or 1,
                header,
                "DATA-2",
                f"Kolumnen {header!r} saknas i rubrikraden.",
            )
        )
    if missing:
        return result

    parsed, skipped = _parse_rows(org, board, sheet, result.problems, progress)
    if skipped:
        result.warnings.append(
            f"{skipped} {'rad gäller' if skipped == 1 else 'rader gäller'} en annan nämnd än "
            f"{board.name} och lästes inte in."
        )
    if not parsed and not result.problems:
        result.problems.append(
            ImportProblem(0, "", "DATA-2", f"Filen innehåller inga punkter för {board.name}.")
        )
    _check_rules(org, board_unit_id, parsed, result, services.delegation.board_settings())
    result.item_count = len(parsed)
    if result.problems:
        return result

    new_titles = _unknown_titles(services, org, [p.item for p in parsed])
    if dry_run:
        result.warnings += [
            f"Befattningen {title} finns inte i organisationen ännu; den skapas vid inläsningen."
            for title in new_titles
        ]
        return result

    if progress is not None:
        progress(len(sheet.rows), len(sheet.rows))  # the last chance to cancel
    items = [replace(p.item, id=0) for p in parsed]
    try:  # one transaction: the version, its adoption and the new positions, or nothing
        order_id, created = services.delegation_orders.create_from_import(
            board_unit_id, items, adopted_on, paragraph, new_titles
        )
    except RuleViolationError as error:
        result.problems += _refusal_problems(error.violations, parsed)
        return result
    result.order_id = order_id
    if new_titles:
        result.created_positions = created
        result.warnings += [
            f"Befattningen {title} finns inte i organisationen ännu; ingen innehar den."
            for title in result.created_positions
        ]
    return result


def _one_line(reason: str, path: Path) -> str:
    """What a reader said about a file, for a one-line message: its first line, the file
    named by its name (not a temporary folder), bounded."""
    line = next((text.strip() for text in reason.splitlines() if text.strip()), "")
    line = line.replace(str(path), path.name)
    if len(line) > 200:
        line = line[:199] + "…"
    return line or "okänt fel"


def _parse_rows(
    org: OrgSnapshot,
    board: UnitRecord,
    sheet: _Sheet,
    problems: list[ImportProblem],
    progress: Callable[[int, int], None] | None = None,
) -> tuple[list[_ParsedRow], int]:
    parsed: list[_ParsedRow] = []
    skipped = 0
    board_names = {board.name.casefold(), board.code.casefold()}
    # A register of several boards' orders is read one board at a time: rows of another body
    # of the organisation are left out, but a name that is none of them is a mistake
    # ("Socialnämden") that would drop its rows unnoticed.
    bodies = {
        name.casefold()
        for unit in org.units.values()
        if unit.kind in _POLITICAL_BODIES
        for name in (unit.name, unit.code)
        if name
    }
    for index, (number, values) in enumerate(sheet.rows):
        if progress is not None and index % 100 == 0:
            progress(index, len(sheet.rows))

        def cell(header: str, values: Sequence[Any] = values) -> Any:
            index = sheet.columns.get(header)
            return values[index] if index is not None and index < len(values) else None

        if COL_BOARD in sheet.columns:
            named = cell_text(cell(COL_BOARD))
            if named and named.casefold() not in board_names:
                if named.casefold() in bodies:
                    skipped += 1
                else:
                    problems.append(
                        ImportProblem(
                            number,
                            COL_BOARD,
                            "DATA-2",
                            f"Nämnden {named!r} finns inte i organisationen; skriv "
                            f"{board.name} eller en annan nämnds namn.",
                        )
                    )
                continue
        item = _parse_row(org, number, cell, problems)
        if item is not None:
            parsed.append(_ParsedRow(number, item))
    return parsed, skipped


def _parse_row(
    org: OrgSnapshot,
    row: int,
    cell: Any,
    problems: list[ImportProblem],
) -> DelegationItem | None:
    before = len(problems)

    def problem(column: str, message: str, rule_id: str = "DATA-2") -> None:
        problems.append(ImportProblem(row, column, rule_id, message))

    matter = cell_text(cell(COL_MATTER))
    if not matter:
        problem(COL_MATTER, "Ärendet saknas.")
    number = cell_text(cell(COL_NUMBER))
    if not number:
        problem(COL_NUMBER, "Punktens nummer saknas.")
    elif not NUMBER_PATTERN.match(number):
        problem(COL_NUMBER, f"{number!r} är inget punktnummer (t.ex. 3, 3.2 eller 3.2a).")

    kind_text = cell_text(cell(COL_KIND))
    kind = parse_decision_kind(kind_text) if kind_text else infer_decision_kind(matter)
    if kind is None:
        problem(COL_KIND, f"Okänd beslutstyp {kind_text!r}; se fliken Instruktioner.")

    basis_text = cell_text(cell(COL_BASIS))
    basis = parse_legal_basis(basis_text) if basis_text else LegalBasis.GENERAL_COMPETENCE
    if basis is None:
        problem(COL_BASIS, f"Okänd rättslig grund {basis_text!r}; se fliken Instruktioner.")

    delegate: Delegate | None = None
    delegate_text = cell_text(cell(COL_DELEGATE))
    if not delegate_text:
        problem(COL_DELEGATE, "Delegaten saknas.")
    else:
        try:
            delegate = parse_delegate(org, delegate_text)
        except DelegateTextError as error:
            problem(COL_DELEGATE, str(error))
    substitute: Delegate | None = None
    substitute_text = cell_text(cell(COL_SUBSTITUTE))
    if substitute_text:
        try:
            substitute = parse_delegate(org, substitute_text)
        except DelegateTextError as error:
            problem(COL_SUBSTITUTE, str(error))

    flags: dict[str, bool] = {}
    for column, default in ((COL_SUBDELEGATION, False), (COL_REPORT, True)):
        raw = cell(column)
        if cell_text(raw) == "":
            flags[column] = default
            continue
        answer = parse_yes_no(raw)
        if answer is None:
            problem(column, f"Skriv Ja eller Nej, inte {cell_text(raw)!r}.")
        else:
            flags[column] = answer

    _check_lengths(cell, number, delegate, substitute, problem)

    if len(problems) > before or delegate is None or kind is None or basis is None:
        return None
    return DelegationItem(
        id=row,  # the trial order's item id is its row, so a rule violation names the row
        section=cell_text(cell(COL_SECTION)),
        number=number,
        matter=matter,
        decision_kind=kind,
        kind_reason=cell_text(cell(COL_KIND_REASON)),
        delegate=delegate,
        substitute=substitute,
        lagrum=cell_text(cell(COL_LAGRUM)),
        legal_basis=basis,
        limits=cell_text(cell(COL_LIMITS)),
        subdelegation_allowed=flags[COL_SUBDELEGATION],
        report_to_board=flags[COL_REPORT],
        notes=cell_text(cell(COL_NOTES)),
    )


def _check_lengths(
    cell: Any,
    number: str,
    delegate: Delegate | None,
    substitute: Delegate | None,
    problem: Callable[[str, str], None],
) -> None:
    """A text longer than its field takes, named at its column (as the save would refuse it,
    but in a dry run too)."""
    for column, name, text in (
        (COL_SECTION, "section", cell_text(cell(COL_SECTION))),
        (COL_NUMBER, "number", number),
        (COL_LAGRUM, "lagrum", cell_text(cell(COL_LAGRUM))),
        (COL_DELEGATE, "delegate_title", delegate.title if delegate else ""),
        (COL_SUBSTITUTE, "substitute_title", substitute.title if substitute else ""),
    ):
        limit = column_limit(DelegationItemRow, name)
        if len(text) > limit:
            problem(column, too_long(len(text), limit)[0])


def _check_rules(
    org: OrgSnapshot,
    board_unit_id: int,
    parsed: Sequence[_ParsedRow],
    result: ImportResult,
    settings: Mapping[int, BoardSetting],
) -> None:
    """Every rule error of the new version, on the row it comes from; warnings as warnings."""
    if not parsed:
        return
    trial = DelegationOrder(0, board_unit_id, OrderStatus.DRAFT, tuple(p.item for p in parsed))
    rows = {p.item.id for p in parsed}
    for violation in check_delegation(org, [trial], settings=settings):
        row = violation.object_id if violation.object_id in rows else 0
        column = _FIELD_COLUMNS.get(violation.field or "", "")
        if violation.is_error:
            result.problems.append(ImportProblem(row, column, violation.rule_id, violation.message))
        else:
            where = f"Rad {row}, kolumn {column}" if column else f"Rad {row}"
            result.warnings.append(f"{where}: {violation.rule_id}: {violation.message}")
    result.problems.sort(key=lambda p: (p.row, p.column))


def _refusal_problems(
    violations: Sequence[Violation], parsed: Sequence[_ParsedRow]
) -> list[ImportProblem]:
    """A refusal by the services names saved items; show the row of the same number."""
    by_number = {p.item.number: p.row for p in parsed}
    problems = []
    for violation in violations:
        row = 0
        match = re.search(r"punkt (\S+):", violation.object_label)
        if match:
            row = by_number.get(match.group(1), 0)
        column = _FIELD_COLUMNS.get(violation.field or "", "")
        problems.append(ImportProblem(row, column, violation.rule_id, violation.message))
    return problems


def _unknown_titles(
    services: Services, org: OrgSnapshot, items: Sequence[DelegationItem]
) -> list[str]:
    """The titled positions the items name that neither a person's title nor a known titled
    position is: they are created on import."""
    known = {p.title.strip().casefold() for p in org.persons.values() if p.title.strip()}
    known |= {title.casefold() for title in _known_titled_positions(services)}
    titles: dict[str, str] = {}
    for item in items:
        for delegate in (item.delegate, item.substitute):
            if delegate is None or delegate.kind is not DelegateKind.POSITION:
                continue
            title = delegate.title.strip()
            if title and title.casefold() not in known:
                titles.setdefault(title.casefold(), title)
    return list(titles.values())


def _known_titled_positions(services: Services) -> list[str]:
    from sqlalchemy import select

    from nacka_desktop.storage.models import TitledPosition

    with services.database.reader() as session:
        return [str(t) for t in session.scalars(select(TitledPosition.title))]
