"""Issue 11: the importer, fuzzed. Random sheets (headers right, shuffled, missing, doubled or
garbage; cells of every type openpyxl writes, and hand-written cells of every type a sheet's
XML can hold, well formed or not) are imported as a dry run and for real. Whatever the file,
the import never raises: it imports (the order holds `item_count` items), or it refuses with
problems that each name a rule, a message and a real row (0 for the file), and then nothing
is written. The dry run and the real import agree.

Deterministic (derandomize, no example database) and bounded: FUZZ_EXAMPLES workbooks written
by openpyxl and RAW_FUZZ_EXAMPLES hand-written sheets, about 30 s together on a 2-core
machine (`pytest --hypothesis-show-statistics` shows how many import and how many are
refused, and where)."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from nacka_desktop.domain.delegation.format import ITEM_HEADERS, PREFERRED_SHEET
from nacka_desktop.imports.delegations import ImportResult, import_delegations
from nacka_desktop.services.context import Services

from .hostile_files import (
    Raw,
    ks_id,
    row_xml,
    shared_strings_xml,
    sheet_xml,
    write_xlsx,
)

# The number of random workbooks each test imports (the README quotes these).
FUZZ_EXAMPLES = 200
RAW_FUZZ_EXAMPLES = 200

FUZZ_SETTINGS = settings(
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
)


# --- cells ------------------------------------------------------------------------------------

# Text as people paste it, and text meant to hurt: control and invisible characters, Excel's
# own escapes, formulas, lengths around the 10,000-character limit.
NASTY_TEXT = st.sampled_from(
    [
        "",
        " ",
        "\u200b",
        "\ufeff",
        "_x0000_",
        "_x0007_Enhetschef",
        "Enhetschef_x000D_",
        "\x7f\x85\x9f",
        "e\u0301",
        "\u202eroten",
        "\t\n\r",
        "=1+1",
        "=A1",
        "=SUM(A1:A3)",
        "=1/0",
        '=HYPERLINK("http://x","y")',
        "=",
        "'=1",
        "#N/A",
        "None",
        "nan",
        "1e309",
        "9.10",
        "1,5",
        "-1",
        "0",
        "x" * 9_999,
        "x" * 10_000,
        "x" * 10_001,
        "Kommunjurist" * 3_000,
    ]
)
ANY_TEXT = st.text(max_size=40)  # any code point but surrogates, controls included
VALUES: st.SearchStrategy[Any] = st.one_of(
    st.none(),
    ANY_TEXT,
    NASTY_TEXT,
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.datetimes(),
    st.dates(),
    st.times(),
    st.timedeltas(),
    st.decimals(allow_nan=False, allow_infinity=False, places=3, max_value=10**9, min_value=-1),
)
NUMBER_FORMATS = st.sampled_from(
    [
        "General",
        "0",
        "0.00",
        "0.000",
        "@",
        "yyyy-mm-dd",
        "hh:mm",
        "[h]:mm:ss",
        "0.0%",
        "#,##0.00",
        "0.00E+00",
        '"Punkt "0.0',
        "0.00;[Red]-0.00",
    ]
)

# What a file's columns plausibly hold, so that many random sheets get past the headers and
# some import.
PLAUSIBLE: dict[str, st.SearchStrategy[Any]] = {
    "Nämnd": st.sampled_from(
        ["", "Kommunstyrelsen", "KS", "kommunstyrelsen ", "Socialnämnden", "Kommunstyrelssen"]
    ),
    "Avsnitt": st.sampled_from(
        ["Personalärenden", "Allmänna ärenden", "", "Personal\u200bärenden"]
    ),
    "Nr": st.one_of(
        st.from_regex(r"[1-9][0-9]?(\.[0-9]{1,2})?[a-c]?", fullmatch=True),
        st.integers(min_value=0, max_value=99),
        st.floats(min_value=0, max_value=99, allow_nan=False),
    ),
    "Ärende": st.sampled_from(
        [
            "Anställning av medarbetare",
            "Yttranden i remissärenden",
            "Beslut i brådskande ärenden",
            "Föra kommunens talan",
            "Fastställa verksamhetens mål",
            "Avsked",
            "Lönesättning vid nyanställning",
        ]
    ),
    "Beslutstyp": st.sampled_from(["", "", "Anställning", "Övrigt", "Fika"]),
    "Delegat": st.sampled_from(
        [
            "Enhetschef",
            "Ordförande",
            "Kommunjurist",
            "kommun\u200bjurist",
            "Stadsdirektör",
            "Utskott: Kommunstyrelsens arbetsutskott",
            "Enhetschef inom Välfärd samhällsservice",
            "Fiskevårdskonsulent",
            "Lars Ek",
            "Två handläggare gemensamt",
            "",
        ]
    ),
    "Ersättare": st.sampled_from(["", "", "Verksamhetschef", "Vice ordförande"]),
    "Lagrum": st.sampled_from(["", "KL 6 kap 39 §", "6 kap. 40 § kommunallagen"]),
    "Rättslig grund": st.sampled_from(["", "Allmän kompetens", "Speciallag", "Magkänsla"]),
    "Vidaredelegation": st.sampled_from(["", "Ja", "Nej", True, False, "Kanske", 1]),
    "Anmäls till nämnden": st.sampled_from(["", "Ja", "Nej", True, False, 0]),
}


def cell_for(header: Any) -> st.SearchStrategy[Any]:
    """Mostly what the column holds, sometimes anything."""
    key = next(
        (
            h
            for h in PLAUSIBLE
            if isinstance(header, str) and header.strip().casefold() == h.casefold()
        ),
        None,
    )
    if key is None:
        return st.one_of(st.just(""), VALUES)
    plausible = PLAUSIBLE[key]
    return st.one_of(plausible, plausible, plausible, VALUES)


# --- sheets written by openpyxl ------------------------------------------------------------


def column_of(header: Any) -> str | None:
    """The column a header names, as a user may write it ("NR", " Nr ", "Nr\u200b")."""
    if not isinstance(header, str):
        return None
    folded = header.replace("\u200b", "").strip().casefold()
    return next((h for h in ITEM_HEADERS if h.casefold() == folded), None)


# Rows that are right (matter and delegate that go together), for the clean files.
GOOD_ITEMS = [
    ("Anställning av medarbetare", "Enhetschef"),
    ("Lönesättning vid nyanställning", "enhetschef"),
    ("Beslut i brådskande ärenden", "Ordförande"),
    ("Föra kommunens talan", "Kommun\u200bjurist"),
    ("Yttranden i remissärenden", "Utskott: Kommunstyrelsens arbetsutskott"),
    ("Yttranden", "Fiskevårdskonsulent"),
]
GOOD: dict[str, st.SearchStrategy[Any]] = {
    "Nämnd": st.sampled_from(["", "Kommunstyrelsen", "KS", " kommunstyrelsen"]),
    "Avsnitt": st.sampled_from(
        ["Personalärenden", "Allmänna ärenden", "", "Personal\u200bärenden"]
    ),
    "Lagrum": st.sampled_from(["", "KL 6 kap 39 §"]),
    "Vidaredelegation": st.sampled_from(["", "Nej", False]),
    "Anmäls till nämnden": st.sampled_from(["", "Ja", True]),
    "Begränsningar": st.one_of(st.just(""), ANY_TEXT),
    "Anmärkning": st.one_of(st.just(""), ANY_TEXT, st.just("x" * 9_999)),
}


@st.composite
def good_row(draw: st.DrawFn, columns: Sequence[Any], index: int) -> list[Any]:
    """A row that is right, in the order of `columns`; its Nr is `index` (text or number)."""
    matter, delegate = draw(st.sampled_from(GOOD_ITEMS))
    number = draw(st.sampled_from([str(index), f"{index}.1", index, float(index)]))
    values = {"Nr": number, "Ärende": matter, "Delegat": delegate}
    row = []
    for header in columns:
        column = column_of(header)
        if column in values:
            row.append(values[column])
        elif column in GOOD:
            row.append(draw(GOOD[column]))
        else:
            row.append("")
    return row


@st.composite
def headers(draw: st.DrawFn, clean: bool) -> tuple[str, list[Any] | None]:
    """The header row: right, shuffled, odd case and spaces, only some columns; and unless
    `clean`, also a column twice, unknown columns, garbage, or none at all (None)."""
    kinds = ["right", "shuffled", "case", "some"]
    if not clean:
        kinds += ["twice", "extra", "garbage", "none"]
    kind = draw(st.sampled_from(kinds))
    names: list[Any] = list(ITEM_HEADERS)
    if kind == "none":
        return kind, None
    if kind == "shuffled":
        names = draw(st.permutations(names))
    elif kind == "some":
        optional = [h for h in ITEM_HEADERS if h not in ("Nr", "Ärende", "Delegat")]
        names = ["Nr", "Ärende", "Delegat"] if clean else []
        names += draw(st.lists(st.sampled_from(optional), max_size=6, unique=True))
        names = draw(st.permutations(names)) if names else names
    elif kind == "twice":
        names.insert(draw(st.integers(0, len(names))), draw(st.sampled_from(ITEM_HEADERS)))
    elif kind == "case":
        names = [
            draw(st.sampled_from([n, n.upper(), n.casefold(), f" {n} ", f"{n}\u200b"]))
            for n in names
        ]
    elif kind == "extra":
        at = draw(st.integers(0, len(names)))
        names[at:at] = draw(st.lists(st.one_of(ANY_TEXT, VALUES), min_size=1, max_size=3))
    elif kind == "garbage":
        names = draw(st.lists(st.one_of(ANY_TEXT, NASTY_TEXT, VALUES), max_size=16))
    return kind, names


@st.composite
def workbooks(draw: st.DrawFn) -> dict[str, Any]:
    """A random workbook: "clean" (right rows under headers in any order and case: these
    must import), "one odd cell" (one cell of a clean file anything), or "wild"."""
    level = draw(st.sampled_from(["clean", "clean", "one odd cell", "wild"]))
    header_kind, heads = draw(headers(clean=level != "wild"))
    columns = heads if heads is not None else list(ITEM_HEADERS)
    count = draw(st.integers(0 if level == "wild" else 1, 6))
    if level == "wild":
        rows = [[draw(cell_for(h)) for h in columns] for _ in range(count)]
        for values in rows:
            ragged = draw(st.sampled_from(["even", "even", "even", "short", "long"]))
            if ragged == "short" and values:
                del values[draw(st.integers(0, len(values) - 1)) :]
            elif ragged == "long":
                values += draw(st.lists(VALUES, min_size=1, max_size=3))
        formats = draw(
            st.dictionaries(st.tuples(st.integers(0, 7), st.integers(0, 15)), NUMBER_FORMATS)
        )
    else:
        rows = [draw(good_row(columns, n)) for n in range(1, count + 1)]
        if level == "one odd cell":
            at = draw(st.integers(0, count - 1))
            rows[at][draw(st.integers(0, len(columns) - 1))] = draw(VALUES)
        formats = {}
    return {
        "level": level,
        "header_kind": header_kind,
        "headers": heads,
        "rows": rows,
        "formats": formats,
        "blank_rows_above": 0 if level == "clean" else draw(st.sampled_from([0, 0, 1, 3])),
        "layout": draw(st.sampled_from(["one", "one", "preferred second", "empty preferred"])),
        "adopt": draw(st.booleans()),
    }


def writable(value: Any) -> Any:
    """openpyxl refuses the control characters XML 1.0 cannot hold; everything else goes."""
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


def write_workbook(path: Path, spec: dict[str, Any]) -> int:
    """Writes the random workbook; returns the number of rows of its longest sheet."""
    workbook = Workbook()
    first = workbook.active
    assert first is not None
    if spec["layout"] == "one":
        sheet = first
    elif spec["layout"] == "preferred second":
        first.title = "Instruktioner"
        first.append(["Fyll i bladet Delegationer."])
        sheet = workbook.create_sheet(PREFERRED_SHEET)
    else:  # the data on the first sheet, an empty sheet with the preferred name after it
        sheet = first
        workbook.create_sheet(PREFERRED_SHEET)
    for _ in range(spec["blank_rows_above"]):
        sheet.append([])
    lines = ([spec["headers"]] if spec["headers"] is not None else []) + spec["rows"]
    for values in lines:
        sheet.append([writable(v) for v in values])
    for (r, c), number_format in spec["formats"].items():
        sheet.cell(row=r + 1, column=c + 1).number_format = number_format
    workbook.save(path)
    return max(ws.max_row for ws in workbook.worksheets)


# --- what every import must satisfy -----------------------------------------------------------


def well_formed(result: ImportResult, last_row: int) -> None:
    """Imports, or refuses with problems that each say where and why; never both."""
    assert isinstance(result.warnings, list)
    assert all(isinstance(w, str) for w in result.warnings)
    if result.ok:
        assert result.problems == []
        assert result.item_count >= 0
        return
    assert result.problems, "refused without saying why"
    assert result.order_id is None
    for p in result.problems:
        assert isinstance(p.row, int) and 0 <= p.row <= max(last_row, 1), p
        assert isinstance(p.column, str), p
        assert isinstance(p.rule_id, str) and p.rule_id, p
        assert isinstance(p.message, str) and p.message.strip(), p
        line = p.line()
        assert isinstance(line, str) and "\n" not in line.strip(), repr(line[:300])


def import_both_ways(services: Services, path: Path, last_row: int, adopt: bool) -> ImportResult:
    """A dry run, then the real import: neither raises; the dry run writes nothing; a refusal
    writes nothing; an import writes one order of `item_count` items; both agree."""
    board = ks_id(services)
    before = services.delegation.orders()

    dry = import_delegations(services, path, board, dry_run=True)
    well_formed(dry, last_row)
    assert (dry.order_id, dry.created_positions) == (None, [])
    assert services.delegation.orders() == before

    adopted_on = date(2026, 6, 1) if adopt else None
    real = import_delegations(services, path, board, adopted_on, "§ 1" if adopt else "")
    well_formed(real, last_row)
    after = services.delegation.orders()
    if real.ok:
        assert real.order_id is not None
        order = next(o for o in after if o.id == real.order_id)
        assert len(order.items) == real.item_count
        assert dry.item_count == real.item_count
    else:
        assert real.created_positions == []
        assert after == before
    assert dry.ok == real.ok
    # How far the random files get (pytest --hypothesis-show-statistics).
    event(
        "imported"
        if real.ok
        else f"refused at {'the file' if real.problems[0].row == 0 else 'a row'}"
    )
    assert [(p.row, p.column, p.rule_id) for p in dry.problems] == [
        (p.row, p.column, p.rule_id) for p in real.problems
    ]
    return real


_names = itertools.count()


def fresh(tmp_path: Path) -> Path:
    return tmp_path / f"fuzz-{next(_names)}.xlsx"


@settings(FUZZ_SETTINGS, max_examples=FUZZ_EXAMPLES)
@given(spec=workbooks())
def test_any_workbook_imports_or_is_refused_row_by_row(
    sample: Services, tmp_path: Path, spec: dict[str, Any]
) -> None:
    path = fresh(tmp_path)
    event(f"{spec['level']}, headers {spec['header_kind']}")
    last_row = write_workbook(path, spec)
    result = import_both_ways(sample, path, last_row, spec["adopt"])
    if spec["level"] == "clean" and spec["layout"] != "empty preferred":
        assert result.ok, result.report_lines()
        assert result.item_count == len(spec["rows"])


# --- sheets written by hand: every cell type the XML can hold ----------------------------------

SHARED = ["Kommunjurist", "Anställning av medarbetare"]


def _v(text: str) -> str:
    return f"<v>{escape(text)}</v>"


RAW_CELLS: st.SearchStrategy[Raw] = st.one_of(
    # shared strings, in range and not
    st.integers(-2, 4).map(lambda i: Raw(f' t="s">{_v(str(i))}')),
    st.sampled_from(["0", "1", "2", "true", "", "ja"]).map(lambda v: Raw(f' t="b">{_v(v)}')),
    st.sampled_from(["#DIV/0!", "#N/A", "#REF!", ""]).map(lambda v: Raw(f' t="e">{_v(v)}')),
    st.one_of(ANY_TEXT, NASTY_TEXT).map(lambda v: Raw(f' t="str">{_v(v)}')),
    # numbers, in a cell of every style (3 is not defined)
    st.tuples(
        st.sampled_from(
            [
                "1",
                "9.1",
                "9.0999999999999996",
                "1e308",
                "1e309",
                "-0",
                "NaN",
                "inf",
                "abc",
                "",
                "0x10",
                "1,5",
                " 3 ",
                "1" * 400,
            ]
        ),
        st.sampled_from(["", ' s="0"', ' s="1"', ' s="2"', ' s="3"', ' s="-1"', ' s="x"']),
        st.sampled_from(["", ' t="n"']),
    ).map(lambda t: Raw(f"{t[1]}{t[2]}>{_v(t[0])}")),
    st.sampled_from(["2026-01-01", "2026-01-01T10:00:00", "nonsense", "", "99999-01-01"]).map(
        lambda v: Raw(f' t="d">{_v(v)}')
    ),
    st.one_of(ANY_TEXT, NASTY_TEXT, PLAUSIBLE["Delegat"]).map(
        lambda v: Raw(f' t="inlineStr"><is><t xml:space="preserve">{escape(v)}</t></is>')
    ),
    st.just(Raw(' t="inlineStr"><is><r><t>Kommun</t></r><r><t>jurist</t></r></is>')),
    st.just(Raw(' t="inlineStr">')),  # no <is>
    st.just(Raw(' t="nonsense">' + _v("1"))),
    st.just(Raw("><f>1+1</f><v>2</v>")),
    st.just(Raw(' t="str"><f>"9."&amp;"10"</f>')),  # a formula without its value
    st.just(Raw(">")),  # an empty cell element
    # text the XML cannot hold at all: the file is broken, and must be refused as such
    st.sampled_from(["\x00", "\x07", "\ufffe", "<", "&", "]]>"]).map(
        lambda v: Raw(f' t="inlineStr"><is><t>{v}</t></is>')
    ),
)


def inline(text: str) -> Raw:
    return Raw(f' t="inlineStr"><is><t xml:space="preserve">{escape(text)}</t></is>')


def _cell(ref: str | None, raw: Raw) -> str:
    where = f" r={quoteattr(ref)}" if ref is not None else ""
    return f"<c{where}{raw.rest}</c>"


@st.composite
def good_raw_row(draw: st.DrawFn, n: int) -> list[Raw]:
    """Row `n` of a clean hand-written sheet, its Nr n - 1, in the order of ITEM_HEADERS."""
    matter, delegate = draw(st.sampled_from(GOOD_ITEMS))
    values = {
        "Nämnd": draw(st.sampled_from(["", "Kommunstyrelsen", "KS"])),
        "Avsnitt": "Personalärenden",
        "Nr": str(n - 1),
        "Ärende": matter,
        "Delegat": delegate,
    }
    return [inline(values.get(h, "")) for h in ITEM_HEADERS]


@st.composite
def raw_sheets(draw: st.DrawFn) -> tuple[str, list[str], str | None]:
    """A hand-written sheet: "clean" (the header and right rows: these must import), "one odd
    cell" (one cell of a clean sheet of any type), or "wild": the header row mostly there,
    then rows of cells of random types, with row and cell references right, missing,
    repeated, out of order or nonsense, and any dimension."""
    level = draw(st.sampled_from(["clean", "one odd cell", "one odd cell", "wild", "wild"]))
    rows = []
    if level != "wild" or draw(st.integers(0, 4)):
        rows.append(row_xml(1, list(ITEM_HEADERS)))
    count = draw(st.integers(0 if level == "wild" else 1, 5))
    odd = (0, 0)
    if level == "one odd cell":
        odd = (draw(st.integers(2, count + 1)), draw(st.integers(0, len(ITEM_HEADERS) - 1)))
    for n in range(2, 2 + count):
        good = draw(good_raw_row(n))
        if level != "wild":
            if level == "one odd cell" and odd[0] == n:
                good[odd[1]] = draw(RAW_CELLS)
            rows.append(row_xml(n, good))
            continue
        row_ref = draw(
            st.sampled_from([str(n)] * 6 + [None, "1", "0", "-1", "abc", "1048577", str(n + 5)])
        )
        cells = []
        for c in range(len(ITEM_HEADERS) + draw(st.integers(-3, 2))):
            letter = "ABCDEFGHIJKLMNOPQ"[c]
            ref = draw(
                st.sampled_from(
                    [f"{letter}{n}"] * 8 + [None, f"A{n}", f"{letter}0", "ZZZZ1", "1A", f"{letter}"]
                )
            )
            plain = good[c] if c < len(good) else inline("")
            cells.append(_cell(ref, draw(st.one_of(RAW_CELLS, st.just(plain)))))
        where = f" r={quoteattr(row_ref)}" if row_ref is not None else ""
        rows.append(f"<row{where}>{''.join(cells)}</row>")
    dimensions = [None, "A1:N7", "A1", "A1:XFD1048576"]
    if level == "wild":
        dimensions += ["garbage", "A1:A", ""]
    return level, rows, draw(st.sampled_from(dimensions))


@settings(FUZZ_SETTINGS, max_examples=RAW_FUZZ_EXAMPLES)
@given(sheet=raw_sheets(), with_strings=st.booleans())
def test_any_hand_written_sheet_imports_or_is_refused_row_by_row(
    sample: Services, tmp_path: Path, sheet: tuple[str, list[str], str | None], with_strings: bool
) -> None:
    level, rows, dimension = sheet
    event(f"{level}, dimension {dimension!r}")
    path = write_xlsx(
        fresh(tmp_path),
        sheet_xml(rows, dimension),
        shared_strings_xml(SHARED) if with_strings else None,
    )
    # Rows are numbered up to 1,048,577 here (a nonsense number is a problem on no real row).
    result = import_both_ways(sample, path, 1_048_577, adopt=False)
    if level == "clean":
        assert result.ok, result.report_lines()
        assert result.item_count == len(rows) - 1
