"""Hand-made .xlsx files for the importer's limits (issue 11), and a way to run an import in a
child process that a regression cannot hang or blow up: a hard timeout, a cap on its memory,
and its peak memory measured.

An .xlsx is a zip of a few XML parts; `write_xlsx` writes the minimal set Excel and openpyxl
read, with the sheet (and the shared strings) given as an iterable of byte chunks, so a
3-million-row sheet or 200 MB of spaces is streamed into the zip, never held in memory."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from nacka_desktop.domain.delegation.format import ITEM_HEADERS
from nacka_desktop.domain.enums import UnitKind
from nacka_desktop.services.context import Services

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
DOC_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
SML_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"

# Cell style 1 shows a number with two decimals (built-in number format 2, "0.00"), as a
# Nr column formatted "0.00" does: 9.1 is shown "9.10".
STYLE_TWO_DECIMALS = 1
# Cell style 2: a custom number format (id 164), "0.000".
STYLE_THREE_DECIMALS = 2

_STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="{MAIN_NS}">
<numFmts count="1"><numFmt numFmtId="164" formatCode="0.000"/></numFmts>
<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill>
<fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>"""

_WORKBOOK = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="{MAIN_NS}" xmlns:r="{DOC_REL_NS}">
<sheets><sheet name="Delegationer" sheetId="1" r:id="rId1"/></sheets></workbook>"""

_ROOT_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{PKG_REL_NS}">
<Relationship Id="rId1" Type="{OFFICE_DOC}" Target="xl/workbook.xml"/></Relationships>"""


def _workbook_rels(shared_strings: bool) -> str:
    base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts = [
        f'<Relationship Id="rId1" Type="{base}/worksheet" Target="worksheets/sheet1.xml"/>',
        f'<Relationship Id="rId2" Type="{base}/styles" Target="styles.xml"/>',
    ]
    if shared_strings:
        parts.append(
            f'<Relationship Id="rId3" Type="{base}/sharedStrings" Target="sharedStrings.xml"/>'
        )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Relationships xmlns="{PKG_REL_NS}">{"".join(parts)}</Relationships>'
    )


def _content_types(shared_strings: bool) -> str:
    overrides = [
        ("/xl/workbook.xml", f"{SML_CT}.sheet.main+xml"),
        ("/xl/worksheets/sheet1.xml", f"{SML_CT}.worksheet+xml"),
        ("/xl/styles.xml", f"{SML_CT}.styles+xml"),
    ]
    if shared_strings:
        overrides.append(("/xl/sharedStrings.xml", f"{SML_CT}.sharedStrings+xml"))
    ct = "http://schemas.openxmlformats.org/package/2006/content-types"
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Types xmlns="{ct}">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        + "".join(f'<Override PartName="{p}" ContentType="{t}"/>' for p, t in overrides)
        + "</Types>"
    )


Chunks = Iterable[bytes] | bytes


def write_xlsx(
    path: Path,
    sheet: Chunks,
    shared_strings: Chunks | None = None,
    extra: dict[str, bytes] | None = None,
    compresslevel: int = 6,
) -> Path:
    """A minimal workbook with one sheet, "Delegationer". `sheet` is the whole worksheet part
    (see `sheet_xml`); `shared_strings` the whole sharedStrings part; `extra` members are
    stored uncompressed (padding, say)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=compresslevel) as zf:
        has_strings = shared_strings is not None
        zf.writestr("[Content_Types].xml", _content_types(has_strings))
        zf.writestr("_rels/.rels", _ROOT_RELS)
        zf.writestr("xl/workbook.xml", _WORKBOOK)
        zf.writestr("xl/_rels/workbook.xml.rels", _workbook_rels(has_strings))
        zf.writestr("xl/styles.xml", _STYLES)
        _stream(zf, "xl/worksheets/sheet1.xml", sheet)
        if shared_strings is not None:
            _stream(zf, "xl/sharedStrings.xml", shared_strings)
        for name, data in (extra or {}).items():
            zf.writestr(name, data, compress_type=zipfile.ZIP_STORED)
    return path


def _stream(zf: zipfile.ZipFile, name: str, chunks: Chunks) -> None:
    with zf.open(name, "w") as out:  # parts stay under 2 GB: plain 32-bit sizes
        if isinstance(chunks, bytes):
            out.write(chunks)
            return
        for chunk in chunks:
            out.write(chunk)


# --- the sample organisation and workbooks written by openpyxl -----------------------------


def sample_template(path: Path) -> Path:
    """A database file with the sample organisation and no delegation orders (each test builds
    the ones it needs), to copy per test."""
    from nacka_desktop.sample import build_sample_organisation
    from tests.conftest import TODAY, without_delegation_orders

    services = Services.open(path, clock=lambda: TODAY)
    try:
        build_sample_organisation(services.database, TODAY)
        without_delegation_orders(services)
    finally:
        services.close()
    return path


def ks_id(services: Services) -> int:
    return next(
        u.id
        for u in services.queries.snapshot().units.values()
        if u.kind is UnitKind.EXECUTIVE_BOARD
    )


def write_rows(path: Path, rows: list[list[Any]], headers: Sequence[str] = ITEM_HEADERS) -> Path:
    """A workbook written by openpyxl: the header row, then `rows`."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(list(headers))
    for values in rows:
        sheet.append(values)
    workbook.save(path)
    return path


def row(
    number: Any,
    matter: str,
    delegate: str,
    board: str = "Kommunstyrelsen",
    section: str = "Personalärenden",
) -> list[Any]:
    """An item row in the column order of ITEM_HEADERS, the other columns empty."""
    values = {"Nämnd": board, "Avsnitt": section, "Nr": number, "Ärende": matter}
    values["Delegat"] = delegate
    return [values.get(header, "") for header in ITEM_HEADERS]


# --- cells and rows ------------------------------------------------------------------------


@dataclass(frozen=True)
class Number:
    """A numeric cell, written as `text` (e.g. "9.1"), with an optional cell style."""

    text: str
    style: int | None = None


@dataclass(frozen=True)
class Shared:
    """A cell pointing at entry `index` of the shared strings."""

    index: int


@dataclass(frozen=True)
class Raw:
    """A cell's XML written as given (after `<c r="..."`), for odd types: ` t="b"><v>1</v>`."""

    rest: str


Cell = str | Number | Shared | Raw | None


def cell_xml(ref: str, value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, Number):
        style = f' s="{value.style}"' if value.style is not None else ""
        return f'<c r="{ref}"{style}><v>{value.text}</v></c>'
    if isinstance(value, Shared):
        return f'<c r="{ref}" t="s"><v>{value.index}</v></c>'
    if isinstance(value, Raw):
        return f'<c r="{ref}"{value.rest}</c>'
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(value)}</t></is></c>'


def row_xml(number: int, cells: Sequence[Cell], first_column: int = 1) -> str:
    body = "".join(
        cell_xml(f"{get_column_letter(first_column + i)}{number}", value)
        for i, value in enumerate(cells)
    )
    return f'<row r="{number}">{body}</row>'


def sheet_xml(rows: Iterable[str], dimension: str | None = None) -> Iterator[bytes]:
    """The worksheet part around `rows` (each a `<row>` element), in chunks."""
    yield b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    yield f'<worksheet xmlns="{MAIN_NS}" xmlns:r="{DOC_REL_NS}">'.encode()
    if dimension is not None:
        yield f'<dimension ref="{dimension}"/>'.encode()
    yield b"<sheetData>"
    batch: list[str] = []
    size = 0
    for row in rows:
        batch.append(row)
        size += len(row)
        if size >= 1 << 20:
            yield "".join(batch).encode()
            batch, size = [], 0
    yield "".join(batch).encode()
    yield b"</sheetData></worksheet>"


def shared_strings_xml(strings: Iterable[str | Iterable[bytes]]) -> Iterator[bytes]:
    """A sharedStrings part; an entry given as byte chunks is streamed as is (already escaped)."""
    yield b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    yield f'<sst xmlns="{MAIN_NS}">'.encode()
    for text in strings:
        yield b'<si><t xml:space="preserve">'
        if isinstance(text, str):
            yield escape(text).encode()
        else:
            yield from text
        yield b"</t></si>"
    yield b"</sst>"


def item_cells(
    number: str | Cell,
    matter: str,
    delegate: str | Cell,
    board: str = "Kommunstyrelsen",
    section: str = "Personalärenden",
    notes: str | Cell = "",
) -> list[Cell]:
    """One item row in the column order of ITEM_HEADERS."""
    values: dict[str, Cell] = {
        "Nämnd": board,
        "Avsnitt": section,
        "Nr": number,
        "Ärende": matter,
        "Delegat": delegate,
        "Anmärkning": notes,
    }
    return [values.get(header) or None for header in ITEM_HEADERS]


def header_cells() -> list[Cell]:
    return list(ITEM_HEADERS)


def item_sheet(
    items: Iterable[Sequence[Cell]], dimension: str | None = None, start: int = 2
) -> Iterator[bytes]:
    """A sheet with the header row and `items`, one row each from row `start`."""

    def rows() -> Iterator[str]:
        yield row_xml(1, header_cells())
        for number, cells in enumerate(items, start=start):
            yield row_xml(number, cells)

    return sheet_xml(rows(), dimension)


def patch_member(path: Path, name: str, patch: Any) -> None:
    """Rewrite one member of a zip (`patch`: bytes -> bytes), keeping the others."""
    with zipfile.ZipFile(path) as zf:
        members = [(info, zf.read(info)) for info in zf.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in members:
            zf.writestr(info, patch(data) if info.filename == name else data)


def set_dimension(path: Path, ref: str | None) -> None:
    """Make the sheet's `<dimension>` say `ref` (None: remove it)."""

    def patch(data: bytes) -> bytes:
        new = b"" if ref is None else f'<dimension ref="{ref}"/>'.encode()
        patched, count = re.subn(rb"<(?:\w+:)?dimension [^>]*/>", new, data)
        assert count == 1, "the sheet has no <dimension> to patch"
        return patched

    patch_member(path, "xl/worksheets/sheet1.xml", patch)


def lie_about_size(path: Path, name: str, claimed: int) -> None:
    """Make the zip's local and central headers claim `name` unpacks to `claimed` bytes."""
    data = bytearray(path.read_bytes())
    encoded = name.encode()
    patched = 0
    # (signature, offset of the uncompressed size, of the name's length, of the name)
    for signature, size_at, length_at, name_at in (
        (b"PK\x01\x02", 24, 28, 46),
        (b"PK\x03\x04", 22, 26, 30),
    ):
        at = data.find(signature)
        while at >= 0:
            name_len = int.from_bytes(data[at + length_at : at + length_at + 2], "little")
            if bytes(data[at + name_at : at + name_at + name_len]) == encoded:
                data[at + size_at : at + size_at + 4] = claimed.to_bytes(4, "little")
                patched += 1
            at = data.find(signature, at + 4)
    assert patched >= 1, f"{name} not found in {path}"
    path.write_bytes(bytes(data))


# --- an import in a child process ----------------------------------------------------------

# An import of a hostile file must end within this many seconds (the refusals are meant to be
# instant; this only catches a regression that reads a claimed million rows).
IMPORT_SECONDS = 20.0
# The child is killed after this long (its start-up included): a hang fails, it cannot stall.
HARD_TIMEOUT = 90.0
# What an import may add to the process's peak memory (resident), in MB.
MAX_GROWTH_MB = 300
# What a refusal may add: a limit is checked while reading, so a refused file is not read on
# to its end (the refusals measured +0 to +6 MB; reading 3M rows to the end took +225 MB).
REFUSAL_GROWTH_MB = 100
# The child cannot take more than this much address space beyond its start (a runaway import
# fails with MemoryError instead of taking the machine's memory).
ADDRESS_SPACE_CAP_MB = 1500

_REPO = Path(__file__).resolve().parents[2]


@dataclass
class Isolated:
    """What an import in a child process returned (or how it failed)."""

    raised: str = ""
    ok: bool = False
    problems: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    item_count: int = -1
    order_id: int | None = None
    created_positions: list[str] = field(default_factory=list)
    seconds: float = 0.0
    rss_before_mb: float = 0.0
    rss_peak_mb: float = 0.0

    @property
    def growth_mb(self) -> float:
        return self.rss_peak_mb - self.rss_before_mb

    def summary(self) -> str:
        lines = [f"ok={self.ok} items={self.item_count} {self.seconds:.1f} s "]
        lines[0] += f"+{self.growth_mb:.0f} MB"
        if self.raised:
            lines.append("raised: " + self.raised)
        lines += [
            f"  {p['row']}/{p['column']}/{p['rule_id']}: {p['message'][:300]}"
            for p in self.problems[:20]
        ]
        return "\n".join(lines)


def import_in_child(
    db_path: Path, xlsx: Path, board_unit_id: int, dry_run: bool = False
) -> Isolated:
    """`import_delegations(...)` on the database file in a child process; fails the test if
    the child does not finish within HARD_TIMEOUT."""
    out = xlsx.with_suffix(".result.json")
    request = {
        "db": str(db_path),
        "xlsx": str(xlsx),
        "board": board_unit_id,
        "dry_run": dry_run,
        "out": str(out),
    }
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    try:
        done = subprocess.run(
            [sys.executable, "-m", "tests.imports.hostile_files", json.dumps(request)],
            cwd=_REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=HARD_TIMEOUT,
        )
    except subprocess.TimeoutExpired as expired:
        raise AssertionError(
            f"the import of {xlsx.name} did not finish within {HARD_TIMEOUT:.0f} s"
        ) from expired
    if not out.exists():
        raise AssertionError(
            f"the import child died (exit {done.returncode}):\n{done.stderr[-3000:]}"
        )
    return Isolated(**json.loads(out.read_text(encoding="utf-8")))


def _peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


def _address_space_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmSize:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _child(request_json: str) -> None:
    import resource
    import time
    import traceback
    from datetime import date

    request = json.loads(request_json)
    report: dict[str, Any] = {}
    try:
        from nacka_desktop.imports.delegations import import_delegations
        from nacka_desktop.services.context import Services

        services = Services.open(
            Path(request["db"]), clock=lambda: date(2026, 11, 26), create=False
        )
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = int((_address_space_mb() + ADDRESS_SPACE_CAP_MB) * 1024 * 1024)
        if hard != resource.RLIM_INFINITY:
            cap = min(cap, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
        report["rss_before_mb"] = _peak_rss_mb()
        started = time.perf_counter()
        try:
            result = import_delegations(
                services, Path(request["xlsx"]), request["board"], dry_run=request["dry_run"]
            )
            report.update(
                ok=bool(result.ok),
                problems=[
                    {
                        "row": p.row,
                        "column": p.column,
                        "rule_id": p.rule_id,
                        "message": p.message[:5000],
                        "message_length": len(p.message),
                        "line": p.line()[:5000],
                    }
                    for p in result.problems
                ],
                warnings=[w[:2000] for w in result.warnings[:100]],
                item_count=result.item_count,
                order_id=result.order_id,
                created_positions=list(result.created_positions),
            )
        finally:
            report["seconds"] = time.perf_counter() - started
            report["rss_peak_mb"] = _peak_rss_mb()
            resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
        services.close()
    except BaseException:
        report["raised"] = traceback.format_exc()[-4000:]
    Path(request["out"]).write_text(json.dumps(report), encoding="utf-8")


if __name__ == "__main__":
    _child(sys.argv[1])
