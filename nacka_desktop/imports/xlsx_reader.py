"""Reading a worksheet's rows from an .xlsx file, within limits, as the user sees them.

The file is hostile until read: its size, the size it unpacks to, its rows, its columns and
every cell are bounded, and each bound is checked while the sheet is streamed, before the
thing it bounds is held in memory. The sheet's own `<dimension>` tag is never trusted (it
can claim a million rows or hide two of three), so the rows are read as they stand in the
file. Numbers are read as the cell shows them: an item number typed "9.10" in a cell
formatted 0.00 is stored as 9.1 but is "9.10" here. openpyxl reads the workbook's parts
(sheets, shared strings, styles); the sheet itself is parsed here, one element at a time.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any
from xml.etree.ElementTree import iterparse

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_ROWS = 20_000
MAX_COLUMNS = 100
MAX_CELL_CHARS = 10_000
MAX_CELL_PARTS = 1_000  # elements inside one cell (rich-text runs and the like)
MAX_PART_BYTES = 10 * 1024 * 1024  # an XML part openpyxl reads whole (styles, workbook…)
MAX_SHARED_STRINGS = MAX_ROWS * MAX_COLUMNS

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW, _CELL, _VALUE = f"{_MAIN}row", f"{_MAIN}c", f"{_MAIN}v"
_INLINE, _TEXT, _SHEET_DATA = f"{_MAIN}is", f"{_MAIN}t", f"{_MAIN}sheetData"
_COORDINATE = re.compile(r"([A-Za-z]{1,3})\d+$")
_DECIMALS = re.compile(r"^#?,?#*0(?:\.(0+))?$")  # 0, 0.0, 0.00, #,##0.00 …


class SheetLimitError(Exception):
    """A bound the file breaks: where (0 for the file as a whole) and a one-line reason."""

    def __init__(self, row: int, column: str, message: str) -> None:
        super().__init__(message)
        self.row = row
        self.column = column
        self.message = message


@dataclass(frozen=True)
class SheetRow:
    number: int  # the row in the sheet, 1-based
    values: tuple[Any, ...]  # column A first; None for an empty cell


def column_letter(number: int) -> str:
    """1 → A, 27 → AA (openpyxl is imported only when a file is read)."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _column_index(letters: str) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def _thousands(number: int) -> str:
    return f"{number:,}".replace(",", " ")


def check_file_size(path: Path) -> None:
    """The file and what it unpacks to, before anything is unpacked."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise SheetLimitError(
            0,
            "",
            f"Filen är {size / 1024 / 1024:.1f} MB; högst {MAX_FILE_BYTES // 1024 // 1024} MB "
            "läses in.",
        )
    if not zipfile.is_zipfile(path):
        return  # openpyxl says what it is not
    with zipfile.ZipFile(path) as archive:
        # zipfile stops at the size each part declares, so the sum bounds what is read.
        infos = archive.infolist()
        unpacked = sum(info.file_size for info in infos)
    for info in infos:
        parsed_whole = info.filename.endswith((".xml", ".rels")) and not (
            info.filename.startswith("xl/worksheets/")
            or info.filename.endswith("sharedStrings.xml")
        )
        if parsed_whole and info.file_size > MAX_PART_BYTES:
            raise SheetLimitError(
                0,
                "",
                f"Delen {info.filename[:60]} packas upp till {info.file_size / 1024 / 1024:.0f} "
                f"MB; högst {MAX_PART_BYTES // 1024 // 1024} MB läses in.",
            )
    if unpacked > MAX_UNPACKED_BYTES:
        raise SheetLimitError(
            0,
            "",
            f"Filen packas upp till {unpacked / 1024 / 1024:.0f} MB; högst "
            f"{MAX_UNPACKED_BYTES // 1024 // 1024} MB läses in.",
        )


def read_sheet_rows(path: Path, preferred_sheet: str) -> Iterator[SheetRow]:
    """The rows of the preferred sheet (else the first), empty rows left out. Raises
    `SheetLimitError` at the first bound broken, and what openpyxl or the XML parser
    raise for a file that is no workbook.

    openpyxl reads the workbook's parts, but not the sheet: its read-only worksheet parses
    `<dimension>` when it is made (a malformed one makes the whole file unreadable, a
    missing one is searched for through the whole sheet)."""
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.styles.stylesheet import apply_stylesheet

    check_file_size(path)
    reader = ExcelReader(path, read_only=True, data_only=True, keep_vba=False, keep_links=False)
    try:
        reader.read_manifest()
        shared = _shared_strings(reader)
        reader.read_workbook()
        apply_stylesheet(reader.archive, reader.wb)
        sheets = [
            (sheet.name, rel.target)
            for sheet, rel in reader.parser.find_sheets()
            if rel.target in reader.valid_files and "chartsheet" not in rel.Type
        ]
        if not sheets:
            raise SheetLimitError(0, "", "Arbetsboken har inget kalkylblad.")
        target = next(
            (t for name, t in sheets if name.casefold() == preferred_sheet.casefold()),
            sheets[0][1],
        )
        with reader.archive.open(target) as source:
            yield from _rows(source, _Styles(reader.wb), shared)
    finally:
        reader.archive.close()


class _Overlong:
    """A shared string longer than a cell may be: only its length is kept, and a cell that
    uses it is refused naming its row and column."""

    def __init__(self, length: int) -> None:
        self.length = length


_SHARED_ITEM, _RUN = f"{_MAIN}si", f"{_MAIN}r"


def _shared_strings(reader: Any) -> list[Any]:
    """The shared strings, streamed: each item dropped once read (openpyxl keeps the whole
    tree), at most `MAX_SHARED_STRINGS`, an over-long one kept as its length."""
    from openpyxl.xml.constants import SHARED_STRINGS

    part = reader.package.find(SHARED_STRINGS)
    if part is None:
        return []
    strings: list[Any] = []
    with reader.archive.open(part.PartName[1:]) as source:
        root = None
        parts = 0
        for event, element in iterparse(source, events=("start", "end")):
            if root is None:
                root = element
            if event == "start":
                parts += 1  # the elements of one item, counted from its start
                if element.tag == _SHARED_ITEM:
                    parts = 0
                elif parts > MAX_CELL_PARTS:
                    raise SheetLimitError(0, "", f"En text har fler än {MAX_CELL_PARTS} delar.")
                continue
            if element.tag != _SHARED_ITEM:
                continue
            # Its text, and the text of its runs; a phonetic reading aid (rPh) is left out.
            texts = [child.text or "" for child in element if child.tag == _TEXT]
            for run in element.findall(_RUN):
                texts += [t.text or "" for t in run.findall(_TEXT)]
            text = "".join(texts)
            strings.append(_Overlong(len(text)) if len(text) > MAX_CELL_CHARS else text)
            if len(strings) > MAX_SHARED_STRINGS:
                raise SheetLimitError(
                    0, "", f"Filen har fler än {_thousands(MAX_SHARED_STRINGS)} texter."
                )
            root.remove(element)
    return strings


class _Styles:
    """What a cell's style says about its number: a date, or how many decimals it shows."""

    def __init__(self, workbook: Any) -> None:
        from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE

        self._workbook = workbook
        self.epoch = workbook.epoch
        self._dates: set[int] = set(workbook._date_formats)
        self._decimals: dict[int, int | None] = {}
        self._builtin = BUILTIN_FORMATS
        self._builtin_max = BUILTIN_FORMATS_MAX_SIZE

    def is_date(self, style_id: int) -> bool:
        return style_id in self._dates

    def decimals(self, style_id: int) -> int | None:
        """The decimals the style's number format shows (None: General or not a plain
        number format)."""
        if style_id not in self._decimals:
            self._decimals[style_id] = self._read_decimals(style_id)
        return self._decimals[style_id]

    def _read_decimals(self, style_id: int) -> int | None:
        try:
            format_id = self._workbook._cell_styles[style_id].numFmtId
            if format_id < self._builtin_max:
                number_format = self._builtin.get(format_id, "General")
            else:
                number_format = self._workbook._number_formats[format_id - self._builtin_max]
        except (IndexError, KeyError, AttributeError):
            return None
        match = _DECIMALS.match(str(number_format).split(";")[0])
        if match is None:
            return None
        return len(match.group(1) or "")


def _rows(source: IO[bytes], styles: _Styles, shared: list[Any]) -> Iterator[SheetRow]:
    """Every element outside a cell is dropped from its parent once read, so the tree held
    is one cell deep, however many rows or other elements the sheet has (each dropped
    element is its parent's first child: dropping it costs nothing)."""
    row_number = 0
    column_number = 0
    cells: dict[int, Any] = {}
    parents: list[Any] = []
    cell_depth = 0  # open elements from the current <c> down (0: not in a cell)
    cell_parts = 0
    for event, element in iterparse(source, events=("start", "end")):
        tag = element.tag
        if event == "start":
            parents.append(element)
            if cell_depth:
                cell_depth += 1
                cell_parts += 1
                if cell_parts > MAX_CELL_PARTS:
                    raise SheetLimitError(
                        row_number, "", f"En cell har fler än {MAX_CELL_PARTS} delar."
                    )
            elif tag == _CELL:
                cell_depth, cell_parts = 1, 0
            elif tag == _ROW:
                row_number = _row_number(element.get("r"), row_number)
                column_number = 0
                cells = {}
            continue
        parents.pop()
        if cell_depth > 1:  # a part of the cell, read with it
            cell_depth -= 1
            continue
        row: SheetRow | None = None
        if cell_depth == 1:
            cell_depth = 0
            column_number = _column_number(element.get("r"), column_number)
            value = _cell_value(element, styles, shared)
            if value is not None and not (isinstance(value, str) and not value.strip()):
                _check_cell(row_number, column_number, value)
                cells[column_number] = value
        elif tag == _ROW and cells:
            row = _sheet_row(row_number, cells)
        elif tag == _SHEET_DATA:
            return
        if parents:
            parents[-1].remove(element)
        if row is not None:
            yield row


def _sheet_row(number: int, cells: dict[int, Any]) -> SheetRow:
    if number > MAX_ROWS:
        raise SheetLimitError(
            number,
            "",
            f"Bladet har innehåll på rad {_thousands(number)}; högst {_thousands(MAX_ROWS)} "
            "rader läses in.",
        )
    values: list[Any] = [None] * max(cells)
    for column, value in cells.items():
        values[column - 1] = value
    return SheetRow(number, tuple(values))


def _row_number(attribute: str | None, previous: int) -> int:
    if attribute is None:
        return previous + 1
    try:
        number = int(attribute)
    except ValueError as error:
        raise SheetLimitError(previous + 1, "", f"Radnumret {attribute!r} är ogiltigt.") from error
    if number < 1:
        raise SheetLimitError(previous + 1, "", f"Radnumret {attribute!r} är ogiltigt.")
    return number


def _column_number(coordinate: str | None, previous: int) -> int:
    if coordinate is None:
        return previous + 1
    match = _COORDINATE.match(coordinate)
    if match is None:
        raise SheetLimitError(0, "", f"Cellen {coordinate[:20]!r} har en ogiltig adress.")
    return _column_index(match.group(1))


def _check_cell(row: int, column: int, value: Any) -> None:
    if column > MAX_COLUMNS:
        raise SheetLimitError(
            row,
            column_letter(column),
            f"Bladet har innehåll i kolumn {column_letter(column)}; högst {MAX_COLUMNS} "
            "kolumner läses in.",
        )
    length = (
        value.length
        if isinstance(value, _Overlong)
        else len(value)
        if isinstance(value, str)
        else 0
    )
    if length > MAX_CELL_CHARS:
        raise SheetLimitError(
            row,
            column_letter(column),
            f"Cellen har {_thousands(length)} tecken; högst {_thousands(MAX_CELL_CHARS)} läses in.",
        )


def _cell_value(element: Any, styles: _Styles, shared: list[Any]) -> Any:
    kind = element.get("t", "n")
    if kind == "inlineStr":
        inline = element.find(_INLINE)
        return "".join(inline.itertext()) if inline is not None else None
    raw = element.findtext(_VALUE)
    if raw is None or raw == "":
        return None
    if kind == "s":
        try:
            text = shared[int(raw)]
        except (ValueError, IndexError):
            return None
        return text if isinstance(text, _Overlong) else str(text)
    if kind in ("str", "e"):
        return raw
    if kind == "b":
        return raw.strip() in ("1", "true")
    if kind == "d":
        return raw  # an ISO date written as text
    return _number(raw, _style_id(element.get("s")), styles)


def _style_id(attribute: str | None) -> int:
    try:
        return int(attribute or 0)
    except ValueError:
        return 0


def _number(raw: str, style_id: int, styles: _Styles) -> Any:
    try:
        number = float(raw)
    except ValueError:
        return raw
    if number != number or number in (float("inf"), float("-inf")):
        return raw
    if style_id and styles.is_date(style_id):
        from openpyxl.utils.datetime import from_excel

        try:
            moment: datetime = from_excel(number, styles.epoch)
        except (ValueError, OverflowError):
            return raw
        return moment.date() if moment.time() == datetime.min.time() else moment
    decimals = styles.decimals(style_id) if style_id else None
    if decimals:
        return f"{number:.{decimals}f}"  # as the cell shows it: 9.1 formatted 0.00 is 9.10
    if number.is_integer() and abs(number) < 1e15:
        return int(number)
    return number
