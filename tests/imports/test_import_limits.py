"""Issue 11: the importer is bounded. Hostile workbooks (a `<dimension>` that claims the whole
sheet or is stale, millions of rows, a whitespace bomb, a huge file, too many columns, a 16 MB
cell) are read as far as they really go or refused with one line that names the limit, quickly
and in little memory, and nothing is written. Also: Nr read as written ("9.10"), headers and
item numbers matched once, Nämnd checked, names normalised before they are matched or stored.

The files are built here, by hand (tests/imports/hostile_files.py) or with openpyxl and then
patched. The imports that a regression could make hang or eat the machine's memory run in a
child process with a timeout, a memory cap, and their peak memory measured."""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterator, Sequence
from itertools import chain
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from nacka_desktop.domain.delegation.format import ITEM_HEADERS
from nacka_desktop.imports.delegations import ImportResult, import_delegations
from nacka_desktop.services.context import Services

from .hostile_files import (
    IMPORT_SECONDS,
    MAX_GROWTH_MB,
    REFUSAL_GROWTH_MB,
    STYLE_THREE_DECIMALS,
    STYLE_TWO_DECIMALS,
    Cell,
    Isolated,
    Number,
    Raw,
    Shared,
    import_in_child,
    item_cells,
    ks_id,
    lie_about_size,
    patch_member,
    row,
    row_xml,
    set_dimension,
    shared_strings_xml,
    sheet_xml,
    write_rows,
    write_xlsx,
)

# The words a refusal uses for each limit (any one of them, with a number: the limit).
SIZE_WORDS = ("mb", "byte", "stor", "större", "packa", "komprim")
ROW_WORDS = ("rad",)
COLUMN_WORDS = ("kolumn",)
LENGTH_WORDS = ("tecken", "lång", "läng")

NEW_TITLE = "Upphandlingsstrateg"  # a titled position the sample does not have


def three_items() -> list[list[Cell]]:
    return [
        item_cells("1", "Anställning av medarbetare", "Enhetschef"),
        item_cells("2", "Föra kommunens talan", "Kommunjurist"),
        item_cells("3", "Beslut i brådskande ärenden", "Ordförande"),
    ]


def header_and(rows: Sequence[Sequence[Cell]], start: int = 2) -> Iterator[str]:
    yield row_xml(1, list(ITEM_HEADERS))
    for number, cells in enumerate(rows, start=start):
        yield row_xml(number, cells)


def items_of(services: Services, result: ImportResult) -> list[Any]:
    assert result.order_id is not None, result.report_lines()
    order = next(o for o in services.delegation.orders() if o.id == result.order_id)
    return list(order.items)


def limit_problem(problems: Sequence[Any], words: Sequence[str]) -> Any:
    """The refusal that names the limit: a word for it and a number, on one line."""

    def text(p: Any) -> str:
        return str(p["message"] if isinstance(p, dict) else p.message)

    found = [
        p
        for p in problems
        if any(w in text(p).casefold() for w in words) and re.search(r"\d", text(p))
    ]
    assert found, f"no problem names the limit ({'/'.join(words)}): " + " | ".join(
        text(p)[:300] for p in problems
    )
    for p in found:
        line = p["line"] if isinstance(p, dict) else p.line()
        assert "\n" not in line.strip(), f"not one line: {line[:300]!r}"
        assert len(text(p)) < 1000, "the refusal echoes the content"
    return found[0]


def refused_quickly(outcome: Isolated) -> None:
    """Refused, within the time, and having read no more than it needed to refuse."""
    assert not outcome.raised, outcome.summary()
    assert not outcome.ok, outcome.summary()
    assert outcome.order_id is None
    assert outcome.created_positions == []
    bounded(outcome)
    assert outcome.growth_mb < REFUSAL_GROWTH_MB, outcome.summary()


def bounded(outcome: Isolated) -> None:
    assert outcome.seconds < IMPORT_SECONDS, outcome.summary()
    assert outcome.growth_mb < MAX_GROWTH_MB, outcome.summary()


def still_unknown(services: Services, tmp_path: Path, title: str) -> None:
    """The refused import did not create the position: a good import of it does now."""
    path = write_rows(tmp_path / "later.xlsx", [row("1", "Yttranden", title)])
    later = import_delegations(services, path, ks_id(services), dry_run=False)
    assert later.ok, later.report_lines()
    assert later.created_positions == [title]


# --- <dimension> is never trusted -----------------------------------------------------------


def test_a_dimension_claiming_the_whole_sheet_reads_the_rows_that_exist(
    sample: Services, db_path: Path, tmp_path: Path
) -> None:
    """The 9.5 KB file that ran for minutes: A1:XFD1048576 on a sheet of four rows."""
    path = write_xlsx(
        tmp_path / "claims.xlsx", sheet_xml(header_and(three_items()), "A1:XFD1048576")
    )
    assert path.stat().st_size < 10_000

    outcome = import_in_child(db_path, path, ks_id(sample))

    assert not outcome.raised, outcome.summary()
    assert outcome.ok and outcome.item_count == 3, outcome.summary()
    bounded(outcome)


@pytest.mark.parametrize("dimension", ["A1:N2", "A1", "A1:C4", None, "garbage", "A1:A"])
def test_a_stale_dimension_does_not_hide_rows_or_columns(
    sample: Services, tmp_path: Path, dimension: str | None
) -> None:
    """Written by openpyxl, then the dimension made stale ("A1:N2": one item row of three;
    "A1:C4": the columns after Nr), removed, or nonsense ("garbage", "A1:A"): every item is
    read, every column."""
    path = write_rows(
        tmp_path / "stale.xlsx",
        [
            row("1", "Anställning av medarbetare", "Enhetschef"),
            row("2", "Föra kommunens talan", "Kommunjurist"),
            row("3", "Beslut i brådskande ärenden", "Ordförande"),
        ],
    )
    set_dimension(path, dimension)

    result = import_delegations(sample, path, ks_id(sample))

    assert result.ok, result.report_lines()
    assert result.item_count == 3
    items = items_of(sample, result)
    assert [(i.number, i.matter) for i in items] == [
        ("1", "Anställning av medarbetare"),
        ("2", "Föra kommunens talan"),
        ("3", "Beslut i brådskande ärenden"),
    ]
    assert items[1].delegate.title == "Kommunjurist"


# --- rows, columns, sizes -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("numbered", "dimension"),
    [(True, "A1:C2"), (False, "A1:C2"), (False, None), (False, "A1:XFD1048576")],
    ids=["numbered", "unnumbered", "unnumbered-no-dimension", "unnumbered-whole-sheet"],
)
def test_three_million_rows_are_refused_quickly_in_little_memory(
    sample: Services, db_path: Path, tmp_path: Path, numbered: bool, dimension: str | None
) -> None:
    """The 2.4 MB file with 3M rows that grew past 1 GB: refused by the row limit (or the
    uncompressed size) while reading, without reading on to the end. The rows are numbered
    (113 MB unpacked, 7 MB packed), or not numbered at all, as `r` is optional (78 MB
    unpacked, 0.2 MB packed: only counting the rows as they are read stops it); the
    dimension is stale, missing, or claims the whole sheet."""
    before = sample.delegation.orders()

    def rows() -> Iterator[str]:
        yield row_xml(1, ["Nr", "Ärende", "Delegat"])
        for n in range(2, 3_000_002):
            yield (
                f'<row r="{n}"><c><v>1</v></c></row>' if numbered else "<row><c><v>1</v></c></row>"
            )

    path = write_xlsx(tmp_path / "rows.xlsx", sheet_xml(rows(), dimension))
    assert path.stat().st_size < 8 * 1024 * 1024

    outcome = import_in_child(db_path, path, ks_id(sample))

    refused_quickly(outcome)
    limit_problem(outcome.problems, ROW_WORDS + SIZE_WORDS)
    assert sample.delegation.orders() == before


def test_too_many_rows_are_refused_naming_the_limit(
    sample: Services, db_path: Path, tmp_path: Path
) -> None:
    """30,000 real item rows, a few MB unpacked: over the row limit (about 20,000)."""
    before = sample.delegation.orders()

    def rows() -> Iterator[str]:
        yield row_xml(1, ["Nr", "Ärende", "Delegat"])
        for n in range(2, 30_002):
            yield row_xml(n, [str(n), "Anställning av medarbetare", "Enhetschef"])

    path = write_xlsx(tmp_path / "many.xlsx", sheet_xml(rows(), "A1:C30001"))

    outcome = import_in_child(db_path, path, ks_id(sample))

    refused_quickly(outcome)
    limit_problem(outcome.problems, ROW_WORDS)
    assert sample.delegation.orders() == before


def _spaces(megabytes: int) -> Iterator[bytes]:
    chunk = b" " * (1024 * 1024)
    for _ in range(megabytes):
        yield chunk


@pytest.mark.parametrize("where", ["sheet", "shared strings"])
def test_a_whitespace_bomb_is_refused_by_the_uncompressed_size_limit(
    sample: Services, db_path: Path, tmp_path: Path, where: str
) -> None:
    """200 MB of spaces that pack to a few hundred KB: between the rows of the sheet, or in
    one shared string (a cell's text)."""
    before = sample.delegation.orders()
    cells = item_cells("1", "Anställning av medarbetare", "Enhetschef", notes=Shared(0))
    if where == "sheet":
        sheet = sheet_xml(chain(header_and([cells]), (b.decode() for b in _spaces(200))))
        path = write_xlsx(tmp_path / "bomb.xlsx", sheet, shared_strings_xml(["Anmärkning"]))
    else:
        sheet = sheet_xml(header_and([cells]))
        path = write_xlsx(tmp_path / "bomb.xlsx", sheet, shared_strings_xml([_spaces(200)]))
    assert path.stat().st_size < 2 * 1024 * 1024

    outcome = import_in_child(db_path, path, ks_id(sample))

    refused_quickly(outcome)
    problem = limit_problem(outcome.problems, SIZE_WORDS)
    assert problem["row"] == 0
    assert sample.delegation.orders() == before


@pytest.mark.parametrize("where", ["sheet", "shared strings"])
def test_whitespace_under_the_limit_is_read_in_bounded_memory(
    sample: Services, db_path: Path, tmp_path: Path, where: str
) -> None:
    """60 MB of spaces, under the uncompressed limit (about 100 MB): between the rows, or an
    unused shared string. The item is read; the memory stays bounded (a parser that builds
    the whole part as a tree would take gigabytes)."""
    cells = item_cells("1", "Anställning av medarbetare", "Enhetschef", notes=Shared(0))
    if where == "sheet":
        sheet = sheet_xml(chain(header_and([cells]), (b.decode() for b in _spaces(60))))
        path = write_xlsx(tmp_path / "spaces.xlsx", sheet, shared_strings_xml(["Anmärkning"]))
    else:
        strings = shared_strings_xml(["Anmärkning", _spaces(60)])
        path = write_xlsx(tmp_path / "spaces.xlsx", sheet_xml(header_and([cells])), strings)

    outcome = import_in_child(db_path, path, ks_id(sample), dry_run=True)

    assert not outcome.raised, outcome.summary()
    assert outcome.ok and outcome.item_count == 1, outcome.summary()
    bounded(outcome)


def test_a_zip_that_lies_about_its_sizes_is_refused_not_raised(
    sample: Services, db_path: Path, tmp_path: Path
) -> None:
    """The headers say the 200 MB sheet unpacks to 1 KB: the truth is found while reading
    (or the part is unreadable), never an exception, never 200 MB in memory."""
    before = sample.delegation.orders()
    cells = item_cells("1", "Anställning av medarbetare", "Enhetschef")
    sheet = sheet_xml(chain(header_and([cells]), (b.decode() for b in _spaces(200))))
    path = write_xlsx(tmp_path / "liar.xlsx", sheet)
    lie_about_size(path, "xl/worksheets/sheet1.xml", 1024)

    outcome = import_in_child(db_path, path, ks_id(sample))

    refused_quickly(outcome)
    assert all(p["rule_id"] and p["message"] for p in outcome.problems)
    assert sample.delegation.orders() == before


def test_a_file_over_the_size_limit_is_refused(
    sample: Services, db_path: Path, tmp_path: Path
) -> None:
    """A good workbook carrying 21 MB of incompressible padding (the limit is about 20 MB)."""
    before = sample.delegation.orders()
    path = write_xlsx(
        tmp_path / "big.xlsx",
        sheet_xml(header_and(three_items())),
        extra={"xl/media/image1.bin": os.urandom(21 * 1024 * 1024)},
    )
    assert path.stat().st_size > 21 * 1024 * 1024

    outcome = import_in_child(db_path, path, ks_id(sample))

    refused_quickly(outcome)
    problem = limit_problem(outcome.problems, SIZE_WORDS)
    assert problem["row"] == 0
    assert sample.delegation.orders() == before


def test_too_many_columns_are_refused(sample: Services, tmp_path: Path) -> None:
    """150 columns, the limit is about 100."""
    before = sample.delegation.orders()
    extra = [f"Extra {n}" for n in range(1, 137)]
    path = write_rows(
        tmp_path / "wide.xlsx",
        [row("1", "Anställning av medarbetare", "Enhetschef") + ["x"] * len(extra)],
        headers=(*ITEM_HEADERS, *extra),
    )

    result = import_delegations(sample, path, ks_id(sample))

    assert not result.ok
    limit_problem(result.problems, COLUMN_WORDS)
    assert sample.delegation.orders() == before


def test_a_cell_in_the_last_column_is_refused_by_the_column_limit(
    sample: Services, db_path: Path, tmp_path: Path
) -> None:
    """One cell in XFD (column 16,384) beside a good item: refused, not 16,384 cells a row."""
    before = sample.delegation.orders()

    def rows() -> Iterator[str]:
        yield row_xml(1, list(ITEM_HEADERS))
        cells = item_cells("1", "Anställning av medarbetare", "Enhetschef")
        good = row_xml(2, cells)
        yield good.replace("</row>", '<c r="XFD2" t="inlineStr"><is><t>x</t></is></c></row>')

    path = write_xlsx(tmp_path / "far.xlsx", sheet_xml(rows(), "A1:XFD2"))

    outcome = import_in_child(db_path, path, ks_id(sample))

    refused_quickly(outcome)
    limit_problem(outcome.problems, COLUMN_WORDS)
    assert sample.delegation.orders() == before


def test_an_over_long_cell_is_refused_with_its_row_and_column(
    sample: Services, tmp_path: Path
) -> None:
    """20,000 characters in Ärende on row 3 (the limit is 10,000): named, not echoed."""
    before = sample.delegation.orders()
    path = write_rows(
        tmp_path / "long.xlsx",
        [
            row("1", "Anställning av medarbetare", "Enhetschef"),
            row("2", "Anställning " + "x" * 20_000, "Enhetschef"),
            row("3", "Yttranden", NEW_TITLE),
        ],
    )

    result = import_delegations(sample, path, ks_id(sample))

    assert not result.ok
    problem = limit_problem(result.problems, LENGTH_WORDS)
    assert problem.row == 3
    assert problem.column in ("Ärende", "D")  # by its header or its letter
    assert sample.delegation.orders() == before
    still_unknown(sample, tmp_path, NEW_TITLE)


def test_a_cell_within_the_length_limit_is_kept_whole(sample: Services, tmp_path: Path) -> None:
    notes = "Behovet prövas först. " * 200  # 4,400 characters
    values = row("1", "Anställning av medarbetare", "Enhetschef")
    values[ITEM_HEADERS.index("Anmärkning")] = notes
    path = write_rows(tmp_path / "notes.xlsx", [values])

    result = import_delegations(sample, path, ks_id(sample))

    assert result.ok, result.report_lines()
    assert items_of(sample, result)[0].notes == notes.strip()


@pytest.mark.parametrize("shared", [True, False], ids=["shared string", "inline string"])
def test_a_16_mb_title_is_refused_not_stored_nor_echoed(
    sample: Services, db_path: Path, tmp_path: Path, shared: bool
) -> None:
    """The delegate on row 2 is 16 MB of text (a shared string, or written in the cell):
    refused with its row and column, no position created, the message short."""
    before = sample.delegation.orders()
    title = [b"Kommunjurist", *(b"x" * (1024 * 1024) for _ in range(16))]
    if shared:
        cells = item_cells("1", "Föra kommunens talan", Shared(0))
        path = write_xlsx(
            tmp_path / "title.xlsx", sheet_xml(header_and([cells])), shared_strings_xml([title])
        )
    else:
        cells = item_cells("1", "Föra kommunens talan", b"".join(title).decode())
        path = write_xlsx(tmp_path / "title.xlsx", sheet_xml(header_and([cells])))

    outcome = import_in_child(db_path, path, ks_id(sample))

    refused_quickly(outcome)
    problem = limit_problem(outcome.problems, LENGTH_WORDS)
    assert problem["row"] == 2
    assert problem["column"] in ("Delegat", "G")  # by its header or its letter
    assert problem["message_length"] < 1000
    assert sample.delegation.orders() == before


# --- Nr as written ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "number_format", "expected"),
    [
        (9.1, "0.00", "9.10"),  # the issue: shown "9.10", read "9.1"
        ("9.10", "General", "9.10"),  # typed as text
        ("9.10", "@", "9.10"),
        (3, "General", "3"),
        (3.0, "General", "3"),
        (9.1, "General", "9.1"),
        (4, "0.0", "4.0"),
        (12.5, "0.00", "12.50"),
    ],
)
def test_nr_is_read_as_excel_shows_it(
    sample: Services, tmp_path: Path, value: Any, number_format: str, expected: str
) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(list(ITEM_HEADERS))
    sheet.append(row(value, "Anställning av medarbetare", "Enhetschef"))
    cell = sheet.cell(row=2, column=ITEM_HEADERS.index("Nr") + 1)
    cell.number_format = number_format
    path = tmp_path / "nr.xlsx"
    workbook.save(path)

    result = import_delegations(sample, path, ks_id(sample))

    assert result.ok, result.report_lines()
    assert [i.number for i in items_of(sample, result)] == [expected]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (Number("9.1", STYLE_TWO_DECIMALS), "9.10"),  # built-in format 2, "0.00"
        (Number("9.0999999999999996", STYLE_TWO_DECIMALS), "9.10"),  # as Excel stores 9.1
        (Number("9.0999999999999996"), "9.1"),
        (Number("9.1", STYLE_THREE_DECIMALS), "9.100"),  # a custom format, "0.000"
        (Number("3"), "3"),
        (Raw(' t="str"><v>9.10</v>'), "9.10"),  # a formula's text result
    ],
    ids=["0.00", "0.00 as Excel stores 9.1", "General as Excel stores 9.1", "0.000", "3", "str"],
)
def test_nr_is_read_as_written_in_a_hand_made_file(
    sample: Services, tmp_path: Path, cell: Cell, expected: str
) -> None:
    cells = item_cells(cell, "Anställning av medarbetare", "Enhetschef")
    path = write_xlsx(tmp_path / "nr.xlsx", sheet_xml(header_and([cells]), "A1:N2"))

    result = import_delegations(sample, path, ks_id(sample))

    assert result.ok, result.report_lines()
    assert [i.number for i in items_of(sample, result)] == [expected]


# --- headers, item numbers and boards matched once --------------------------------------------


@pytest.mark.parametrize(
    ("twice", "column"), [("Nr", "Nr"), (" nr ", "Nr"), ("ANMÄRKNING", "Anmärkning")]
)
def test_a_header_found_twice_is_an_error(
    sample: Services, tmp_path: Path, twice: str, column: str
) -> None:
    before = sample.delegation.orders()
    path = write_rows(
        tmp_path / "twice.xlsx",
        [[*row("1", "Anställning av medarbetare", "Enhetschef"), "2"]],
        headers=(*ITEM_HEADERS, twice),
    )

    result = import_delegations(sample, path, ks_id(sample))

    assert not result.ok
    assert any(p.column == column or column in p.message for p in result.problems), [
        p.line() for p in result.problems
    ]
    assert sample.delegation.orders() == before


@pytest.mark.parametrize("again", ["1.1", " 1.1 ", 1.1], ids=["text", "spaced", "number"])
def test_an_item_number_twice_in_a_section_is_an_error(
    sample: Services, tmp_path: Path, again: Any
) -> None:
    """Rows 2 and 4 are both 1.1 in Personalärenden: refused, naming row 4 (or both)."""
    before = sample.delegation.orders()
    path = write_rows(
        tmp_path / "dup.xlsx",
        [
            row("1.1", "Anställning av medarbetare", "Enhetschef"),
            row("1.2", "Yttranden", NEW_TITLE),
            row(again, "Beslut om ändrad sysselsättningsgrad", "Enhetschef"),
        ],
    )

    for dry_run in (True, False):
        result = import_delegations(sample, path, ks_id(sample), dry_run=dry_run)
        assert not result.ok, result.report_lines()
        assert any(
            p.column == "Nr" and (p.row == 4 or (p.row == 2 and "4" in p.message))
            for p in result.problems
        ), [p.line() for p in result.problems]
    assert sample.delegation.orders() == before
    still_unknown(sample, tmp_path, NEW_TITLE)


def test_a_misspelt_board_is_an_error_on_its_row(sample: Services, tmp_path: Path) -> None:
    """ "Kommunstyrelssen" names no board: not a row of another board left out quietly."""
    before = sample.delegation.orders()
    path = write_rows(
        tmp_path / "typo.xlsx",
        [
            row("1", "Anställning av medarbetare", "Enhetschef"),
            row("2", "Yttranden", NEW_TITLE, board="Kommunstyrelssen"),
            row("3", "Föra kommunens talan", "Kommunjurist"),
        ],
    )

    for dry_run in (True, False):
        result = import_delegations(sample, path, ks_id(sample), dry_run=dry_run)
        assert not result.ok, result.report_lines()
        assert any((p.row, p.column) == (3, "Nämnd") for p in result.problems), [
            p.line() for p in result.problems
        ]
    assert sample.delegation.orders() == before
    still_unknown(sample, tmp_path, NEW_TITLE)


@pytest.mark.parametrize("other", ["Socialnämnden", "SN", " socialnämnden "])
def test_a_row_for_another_real_board_is_left_out_with_a_warning(
    sample: Services, tmp_path: Path, other: str
) -> None:
    path = write_rows(
        tmp_path / "other.xlsx",
        [
            row("1", "Anställning av medarbetare", "Enhetschef"),
            row("9", "Anställning av medarbetare", "Enhetschef", board=other),
        ],
    )

    result = import_delegations(sample, path, ks_id(sample))

    assert result.ok, result.report_lines()
    assert result.item_count == 1
    assert [i.number for i in items_of(sample, result)] == ["1"]
    assert result.warnings


@pytest.mark.parametrize("own", ["KS", "kommunstyrelsen", "Kommun\u200bstyrelsen ", ""])
def test_the_own_board_in_any_written_form_is_kept(
    sample: Services, tmp_path: Path, own: str
) -> None:
    path = write_rows(
        tmp_path / "own.xlsx",
        [
            row("1", "Anställning av medarbetare", "Enhetschef"),
            row("2", "Föra kommunens talan", "Kommunjurist", board=own),
        ],
    )

    result = import_delegations(sample, path, ks_id(sample))

    assert result.ok, result.report_lines()
    assert result.item_count == 2


# --- names normalised before they are matched or stored ----------------------------------------


@pytest.mark.parametrize(
    ("written", "known"),
    [
        ("Kommun\u200bjurist", "Kommunjurist"),  # zero-width space
        ("  Kommunjurist  ", "Kommunjurist"),
        ("\ufeffKommunjurist\u2060", "Kommunjurist"),  # byte-order mark, word joiner
        ("Kommun\x9fjurist", "Kommunjurist"),  # a control character (C1)
        ("Skolhandla\u0308ggare", "Skolhandläggare"),  # a decomposed "ä"
        ("Cafe\u0301ansvarig", "Caféansvarig"),  # a decomposed "é"
    ],
)
def test_a_position_written_oddly_is_the_known_one(
    sample: Services, tmp_path: Path, written: str, known: str
) -> None:
    sample.delegation_orders.ensure_titled_positions(["Caféansvarig"])
    path = write_rows(tmp_path / "names.xlsx", [row("1", "Yttranden", written)])

    result = import_delegations(sample, path, ks_id(sample))

    assert result.ok, result.report_lines()
    assert result.created_positions == []
    assert items_of(sample, result)[0].delegate.title == known


def test_a_new_position_and_a_section_are_stored_normalised(
    sample: Services, tmp_path: Path
) -> None:
    written = " Entre\u0301\u200bansvarig\u00a0"
    section = "Personal\u200bärenden "
    path = write_rows(tmp_path / "new.xlsx", [row("1", "Yttranden", written, section=section)])

    result = import_delegations(sample, path, ks_id(sample))

    assert result.ok, result.report_lines()
    assert result.created_positions == ["Entréansvarig"]
    assert unicodedata.is_normalized("NFC", result.created_positions[0])
    item = items_of(sample, result)[0]
    assert (item.delegate.title, item.section) == ("Entréansvarig", "Personalärenden")


# --- found in review: elements that are neither rows nor cells --------------------------------


def _junk_and_empty_rows(count: int) -> Iterator[bytes]:
    yield b"<x/><row/>" * count


def test_junk_elements_between_rows_cost_no_more_than_rows(
    sample: Services, db_path: Path, tmp_path: Path
) -> None:
    """`<x/><row/>` 400,000 times packs to a few KB; each kept `<x/>` used to make every
    later row slower to drop (100,000 of them: a minute; this file: hours)."""
    header = "".join(header_and([item_cells("1", "Anställning av medarbetare", "Enhetschef")]))
    sheet = sheet_xml(chain([header], (b.decode() for b in _junk_and_empty_rows(400_000))))
    path = write_xlsx(tmp_path / "junk.xlsx", sheet)
    assert path.stat().st_size < 100 * 1024

    outcome = import_in_child(db_path, path, ks_id(sample), dry_run=True)

    assert not outcome.raised, outcome.summary()
    bounded(outcome)
    assert outcome.ok and outcome.item_count == 1, outcome.summary()


def test_millions_of_empty_shared_strings_are_refused_by_their_count(
    sample: Services, db_path: Path, tmp_path: Path
) -> None:
    """16 million `<si/>` unpack to 80 MB (under the size limit) and used to take 1.5 GB."""

    def items() -> Iterator[bytes]:
        yield b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        chunk = b"<si/>" * 100_000
        for _ in range(160):
            yield chunk
        yield b"</sst>"

    sheet = sheet_xml(header_and([item_cells("1", "Anställning av medarbetare", "Enhetschef")]))
    path = write_xlsx(tmp_path / "strings.xlsx", sheet, items())

    outcome = import_in_child(db_path, path, ks_id(sample))

    refused_quickly(outcome)
    assert outcome.problems[0]["row"] == 0


def test_a_huge_styles_part_is_refused_by_its_own_limit(
    sample: Services, db_path: Path, tmp_path: Path
) -> None:
    """openpyxl reads styles.xml whole: 5 million `<xf/>` (90 MB) took 3.9 GB."""
    sheet = sheet_xml(header_and([item_cells("1", "Anställning av medarbetare", "Enhetschef")]))
    styles = (
        b'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs>'
        + b"<xf/>" * 3_000_000
        + b"</cellXfs></styleSheet>"
    )
    path = write_xlsx(tmp_path / "styles.xlsx", sheet)
    patch_member(path, "xl/styles.xml", lambda _data: styles)

    outcome = import_in_child(db_path, path, ks_id(sample))

    refused_quickly(outcome)
    problem = limit_problem(outcome.problems, SIZE_WORDS)
    assert "styles.xml" in problem["message"]
