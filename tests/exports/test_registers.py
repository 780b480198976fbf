"""The distribution register (Excel): read back with openpyxl in both modes, and, where it is
installed, opened by LibreOffice as an independent reader."""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from nacka_desktop.domain.enums import Role, UnitKind
from nacka_desktop.domain.signatures import DocumentKind, SignatureParty
from nacka_desktop.domain.work_environment import ReturnReason
from nacka_desktop.exports.registers.work import (
    DISTRIBUTION_HEADERS,
    HOLDING_HEADERS,
    holding_rows,
    write_distribution_register,
)
from nacka_desktop.services.context import Services
from nacka_desktop.services.org.units import UnitDraft
from nacka_desktop.services.work_environment import ALL_CONFIRMED, DistributionDraft
from tests.conftest import build_sample
from tests.services.builders import Line, add_person, appoint, build_line

ON = date(2026, 11, 26)  # tests/conftest.py's TODAY
DISTRIBUTIONS = "Fördelningar"
HOLDINGS = "Uppgifter per person"


@dataclass(frozen=True)
class Register:
    path: Path
    line: Line
    tasks: list[str]  # task names, catalogue order
    ks: int  # distribution ids
    city: int
    director: int
    group: int
    draft: int
    not_in_force: int
    ended: int
    all_returned: int
    task_count: int


def _draft(
    receiver: int,
    giver: int | None,
    unit: int,
    tasks: list[int],
    valid_from: date,
    *,
    may_pass_on: bool = True,
    valid_to: date | None = None,
) -> DistributionDraft:
    return DistributionDraft(
        receiver,
        giver,
        [unit],
        tasks,
        valid_from,
        valid_to=valid_to,
        may_pass_on=may_pass_on,
        absence_arrangement="Närmaste chef",
        retained_tasks="Inga",
        confirmations={t: ALL_CONFIRMED for t in tasks},
    )


def _in_force(services: Services, distribution_id: int, signed: date, oral: date) -> None:
    services.distributions.sign(distribution_id, signed)
    services.distributions.record_oral(distribution_id, oral)


@pytest.fixture
def register(services: Services, tmp_path: Path) -> Register:
    """KS → Stina (stadsdirektör) → Petra (direktör) → Karin Åberg (enhetschef) → Örjan
    (gruppchef, his appointment ended: lapsed), plus a draft, a signed one not yet
    communicated, an ended one and one whose every task was returned."""
    line = build_line(services)
    chair = add_person(services, "9", "Åsa", "Öhman", "Ordförande")
    appoint(services, chair, line.ks, Role.CHAIR)
    group = services.units.create(
        UnitDraft("LONG", "Lönegruppen Väst", UnitKind.GROUP, line.lon)
    ).id
    orjan = add_person(services, "4", "Örjan", "Ärlig", "Gruppchef")
    orjan_post = appoint(services, orjan, group, Role.GROUP_MANAGER)
    ake = add_person(services, "5", "Åke", "Ängström", "Lönehandläggare")
    ake_post = appoint(services, ake, line.lon, Role.EMPLOYEE)
    catalogue = services.tasks.list()
    task_ids = [t.id for t in catalogue]
    first = task_ids[:5]

    d = services.distributions
    ks = d.create(_draft(line.city_director_post, None, line.slk, first, date(2024, 1, 1)))
    _in_force(services, ks, date(2024, 1, 1), date(2024, 1, 2))
    d.follow_up(ks, date(2026, 6, 1))
    # Never followed up since 2024-02-01: due 2025-02-01, overdue on ON.
    city = d.create(
        _draft(line.director_post, line.city_director_post, line.per, first, date(2024, 2, 1))
    )
    _in_force(services, city, date(2024, 2, 1), date(2024, 2, 1))
    director = d.create(
        _draft(line.unit_manager_post, line.director_post, line.lon, first[:4], date(2024, 3, 1))
    )
    _in_force(services, director, date(2024, 3, 1), date(2024, 3, 1))
    d.follow_up(director, date(2026, 3, 1))
    d.return_tasks(
        director,
        [first[3]],
        date(2026, 5, 4),
        [ReturnReason.TIME, ReturnReason.KNOWLEDGE],
        "För lite tid för löneöversynen.",
    )
    group_d = d.create(
        _draft(orjan_post, line.unit_manager_post, group, first[:2], date(2025, 1, 1))
    )
    _in_force(services, group_d, date(2025, 1, 1), date(2025, 1, 1))
    services.appointments.end(orjan_post, date(2026, 6, 1))
    draft = d.create(
        _draft(ake_post, line.unit_manager_post, line.lon, [first[1]], date(2026, 12, 1))
    )
    not_in_force = d.create(
        _draft(ake_post, line.unit_manager_post, line.lon, [first[2]], date(2026, 11, 1))
    )
    d.sign(not_in_force, date(2026, 11, 20))  # signed, not yet told orally
    ended = d.create(
        _draft(
            ake_post,
            line.unit_manager_post,
            line.lon,
            [first[2]],
            date(2025, 1, 1),
            valid_to=date(2025, 12, 31),
        )
    )
    _in_force(services, ended, date(2025, 1, 1), date(2025, 1, 1))
    all_returned = d.create(
        _draft(ake_post, line.unit_manager_post, line.lon, [first[3]], date(2026, 1, 1))
    )
    _in_force(services, all_returned, date(2026, 1, 1), date(2026, 1, 1))
    d.return_tasks(all_returned, [first[3]], date(2026, 2, 1), [ReturnReason.AUTHORITY])

    path = tmp_path / "fördelningar.xlsx"
    write_distribution_register(services.work.distribution_register(ON), path)
    return Register(
        path=path,
        line=line,
        tasks=[t.name for t in catalogue],
        ks=ks,
        city=city,
        director=director,
        group=group_d,
        draft=draft,
        not_in_force=not_in_force,
        ended=ended,
        all_returned=all_returned,
        task_count=5 + 5 + 4 + 2 + 1 + 1 + 1 + 1,
    )


def _records(path: Path, sheet: str) -> list[dict[str, Any]]:
    workbook = load_workbook(path, read_only=True)
    try:
        rows = list(workbook[sheet].iter_rows(values_only=True))
    finally:
        workbook.close()
    header = rows[0]
    return [dict(zip(header, row, strict=True)) for row in rows[1:]]


def _by_distribution(register: Register) -> dict[int, list[dict[str, Any]]]:
    grouped: dict[int, list[dict[str, Any]]] = {}
    for row in _records(register.path, DISTRIBUTIONS):
        grouped.setdefault(row["Fördelning"], []).append(row)
    return grouped


def test_header_and_one_row_per_task_per_distribution(register: Register) -> None:
    workbook = load_workbook(register.path, read_only=True)
    try:
        assert workbook.sheetnames == [DISTRIBUTIONS, HOLDINGS]
        header = next(workbook[DISTRIBUTIONS].iter_rows(max_row=1, values_only=True))
        assert header == DISTRIBUTION_HEADERS
        assert header[:9] == (
            "Fördelning",
            "Enhet",
            "Kod",
            "Givare",
            "Givarens roll",
            "Mottagare",
            "Mottagarens roll",
            "Uppgift",
            "Status",
        )
        held = next(workbook[HOLDINGS].iter_rows(max_row=1, values_only=True))
        assert held == HOLDING_HEADERS
    finally:
        workbook.close()
    grouped = _by_distribution(register)
    assert sum(len(rows) for rows in grouped.values()) == register.task_count
    assert list(grouped) == sorted(grouped)
    assert [r["Uppgift"] for r in grouped[register.director]] == register.tasks[:4]


def test_statuses_on_the_date(register: Register) -> None:
    grouped = _by_distribution(register)

    def statuses(distribution_id: int) -> set[str]:
        return {row["Status"] for row in grouped[distribution_id]}

    assert statuses(register.ks) == {"Gäller"}
    assert statuses(register.city) == {"Gäller"}
    assert [r["Status"] for r in grouped[register.director]] == ["Gäller"] * 3 + ["Återförd"]
    assert statuses(register.group) == {"Upphört (förordnande eller enhet avslutad)"}
    assert statuses(register.draft) == {"Utkast"}
    assert statuses(register.not_in_force) == {"Undertecknad, ej i kraft"}
    assert statuses(register.ended) == {"Avslutad"}
    assert statuses(register.all_returned) == {"Återförd"}


def test_row_contents_swedish_text_and_dates(register: Register) -> None:
    grouped = _by_distribution(register)
    from_ks = grouped[register.ks][0]
    assert from_ks["Givare"] == "Kommunstyrelsen"
    assert from_ks["Givarens roll"] == "arbetsgivaren, genom Åsa Öhman (ordförande)"
    assert from_ks["Mottagare"] == "Stina Stadsdirektör"
    assert from_ks["Enhet"] == "Stadsledningskontoret"
    assert from_ks["Kod"] == "SLK"
    assert from_ks["Undertecknad"] == datetime(2024, 1, 1)
    assert from_ks["Muntligen"] == datetime(2024, 1, 2)
    assert from_ks["Gäller från"] == datetime(2024, 1, 1)
    assert from_ks["Upphör fr.o.m."] is None
    assert from_ks["Uppföljning senast"] == datetime(2027, 6, 1)
    assert from_ks["Får fördelas vidare"] == "Ja"
    assert from_ks["Återförd"] is None and from_ks["Skäl"] is None

    overdue = grouped[register.city][0]
    assert overdue["Uppföljning senast"] == datetime(2025, 2, 1)
    assert overdue["Uppföljning senast"].date() < ON

    kept, returned = grouped[register.director][0], grouped[register.director][3]
    assert kept["Mottagare"] == "Karin Åberg"
    assert kept["Mottagarens roll"] == "enhetschef"
    assert kept["Enhet"] == "Löneenheten"
    assert kept["Återförd"] is None
    assert returned["Återförd"] == datetime(2026, 5, 4)
    assert returned["Skäl"] == "tid, kunskap"

    lapsed = grouped[register.group][0]
    assert lapsed["Mottagare"] == "Örjan Ärlig"
    assert lapsed["Enhet"] == "Lönegruppen Väst"
    assert lapsed["Upphör fr.o.m."] == datetime(2026, 6, 1)  # his appointment's end

    draft = grouped[register.draft][0]
    assert draft["Undertecknad"] is None and draft["Uppföljning senast"] is None
    assert grouped[register.ended][0]["Upphör fr.o.m."] == datetime(2025, 12, 31)
    assert grouped[register.all_returned][0]["Skäl"] == "befogenheter"


def test_dates_are_real_date_cells(register: Register) -> None:
    workbook = load_workbook(register.path)  # normal mode: number formats and tables
    sheet = workbook[DISTRIBUTIONS]
    date_columns = [
        DISTRIBUTION_HEADERS.index(name) + 1
        for name in (
            "Undertecknad",
            "Muntligen",
            "Gäller från",
            "Upphör fr.o.m.",
            "Återförd",
            "Uppföljning senast",
        )
    ]
    seen = 0
    for row in sheet.iter_rows(min_row=2):
        for column in date_columns:
            cell = row[column - 1]
            if cell.value is None:
                continue
            assert cell.is_date, cell.coordinate
            assert isinstance(cell.value, datetime), cell.coordinate
            assert cell.number_format == "yyyy-mm-dd"
            seen += 1
    assert seen > 40
    assert sheet["A2"].data_type == "n"  # the distribution id is a number, not text


def test_tables_freeze_panes_widths_and_properties(register: Register) -> None:
    workbook = load_workbook(register.path)
    assert workbook.properties.creator == "Nacka Desktop"
    assert workbook.properties.title.startswith("Fördelning av arbetsmiljöuppgifter")
    for name, headers in ((DISTRIBUTIONS, DISTRIBUTION_HEADERS), (HOLDINGS, HOLDING_HEADERS)):
        sheet = workbook[name]
        assert sheet.freeze_panes == "A2"
        assert len(sheet.tables) == 1
        table = next(iter(sheet.tables.values()))
        assert table.ref == f"A1:{sheet.cell(1, len(headers)).column_letter}{sheet.max_row}"
        assert table.autoFilter is not None and table.autoFilter.ref == table.ref
        assert table.column_names == list(headers)
        assert table.tableStyleInfo.name == "TableStyleMedium2"
        assert table.tableStyleInfo.showRowStripes
        assert all(cell.font.b for cell in sheet[1])
        widths = [sheet.column_dimensions[cell.column_letter].width for cell in sheet[1]]
        assert all(6 <= width <= 60 for width in widths)
    distributions = workbook[DISTRIBUTIONS]
    assert distributions.max_row == 1 + register.task_count
    givers = DISTRIBUTION_HEADERS.index("Givarens roll") + 1
    assert distributions.column_dimensions[distributions.cell(1, givers).column_letter].width > 30


def test_tasks_per_person_follow_the_chain(register: Register) -> None:
    rows = _records(register.path, HOLDINGS)
    karin = [row for row in rows if row["Person"] == "Karin Åberg"]
    # Four distributed to her, one returned; two of the three passed on to Örjan came back
    # to her when his appointment ended (the distribution lapsed).
    assert sorted(row["Uppgift"] for row in karin) == sorted(register.tasks[:3])
    for row in karin:
        assert row["Roll"] == "enhetschef"
        assert row["Enhet"] == "Löneenheten"
        assert row["Kod"] == "LON"
        assert row["Fördelning"] == register.director
        assert row["Kedja"] == (
            "Kommunstyrelsen → Stina Stadsdirektör → Petra Persson → Karin Åberg"
        )
    petra = [row for row in rows if row["Person"] == "Petra Persson"]
    assert sorted(row["Uppgift"] for row in petra) == sorted(register.tasks[:5])
    stina = [row for row in rows if row["Person"] == "Stina Stadsdirektör"]
    assert {row["Kedja"] for row in stina} == {"Kommunstyrelsen → Stina Stadsdirektör"}
    # Nobody else holds anything: the draft, the unsigned, ended and returned ones give nothing.
    assert {row["Person"] for row in rows} == {
        "Karin Åberg",
        "Petra Persson",
        "Stina Stadsdirektör",
    }
    assert len(rows) == 3 + 5 + 5
    persons = [row["Person"] for row in rows]
    assert persons == ["Karin Åberg"] * 3 + ["Petra Persson"] * 5 + ["Stina Stadsdirektör"] * 5


def test_before_the_lapse_the_group_manager_holds_his_tasks(
    services: Services, register: Register, tmp_path: Path
) -> None:
    path = tmp_path / "maj.xlsx"
    write_distribution_register(services.work.distribution_register(date(2026, 3, 1)), path)
    rows = _records(path, HOLDINGS)
    orjan = [row for row in rows if row["Person"] == "Örjan Ärlig"]
    assert sorted(row["Uppgift"] for row in orjan) == sorted(register.tasks[:2])
    assert orjan[0]["Roll"] == "gruppchef"
    assert orjan[0]["Kedja"] == (
        "Kommunstyrelsen → Stina Stadsdirektör → Petra Persson → Karin Åberg → Örjan Ärlig"
    )
    # Before the return on 2026-05-04 the fourth task is still hers, and in force.
    director = [r for r in _records(path, DISTRIBUTIONS) if r["Fördelning"] == register.director]
    assert [r["Status"] for r in director] == ["Gäller"] * 4
    assert all(r["Återförd"] is None for r in director)


def _held_by_every_person(services: Services, on: date) -> set[tuple[Any, ...]]:
    """What WorkQueries.held_by_person says, person by person, in the register's terms."""
    snapshot = services.work.snapshot()
    expected = set()
    org = snapshot.org
    # Only a receiver can hold a task (held_tasks), so ask about receivers only.
    receivers = {
        org.appointments[d.receiver_appointment_id].person_id
        for d in snapshot.distributions.values()
    }
    for person_id in sorted(receivers):
        person = org.persons[person_id]
        for held in services.work.held_by_person(person_id, on):
            assert held.holder is not None
            # The steps name the role too: "Karin Åberg (enhetschef)"; the register does not.
            names = [step.receiver.name for step in held.chain if step.receiver]
            expected.add(
                (
                    person.full_name,
                    held.holder.role_label,
                    held.unit_name,
                    held.task.name,
                    held.chain[-1].distribution_id,
                    " → ".join(["Kommunstyrelsen", *names]),
                )
            )
    return expected


def _holdings(services: Services, on: date) -> list[tuple[Any, ...]]:
    rows = holding_rows(services.work.distribution_register(on).holdings)
    return [(row[0], row[1], row[2], row[4], row[5], row[6]) for row in rows]


@pytest.mark.parametrize("on", [date(2024, 2, 15), date(2026, 3, 1), ON])
def test_holdings_agree_with_held_by_person(
    services: Services, register: Register, on: date
) -> None:
    found = _holdings(services, on)
    assert set(found) == _held_by_every_person(services, on)
    assert len(found) == len(set(found)) > 0


def test_holdings_agree_with_held_by_person_in_the_sample(services: Services) -> None:
    build_sample(services.database, ON)
    found = _holdings(services, ON)
    assert set(found) == _held_by_every_person(services, ON)
    assert len(found) == len(set(found))


def test_empty_database_gives_empty_tables(services: Services, tmp_path: Path) -> None:
    path = tmp_path / "tom.xlsx"
    write_distribution_register(services.work.distribution_register(ON), path)
    workbook = load_workbook(path)
    for name, headers in ((DISTRIBUTIONS, DISTRIBUTION_HEADERS), (HOLDINGS, HOLDING_HEADERS)):
        sheet = workbook[name]
        assert [cell.value for cell in sheet[1]] == list(headers)
        assert sheet.cell(2, 1).value is None
        table = next(iter(sheet.tables.values()))
        assert table.ref.endswith("2")  # a table needs one (empty) data row


def test_text_that_looks_like_a_formula_stays_text(services: Services, tmp_path: Path) -> None:
    line = build_line(services)
    services.units.update(line.slk, name='=HYPERLINK("http://x","klick")')
    chair = add_person(services, "9", "Åsa", "Öhman")
    appoint(services, chair, line.ks, Role.CHAIR)
    task = services.tasks.list()[0].id
    ks = services.distributions.create(
        _draft(line.city_director_post, None, line.slk, [task], date(2024, 1, 1))
    )
    _in_force(services, ks, date(2024, 1, 1), date(2024, 1, 1))
    path = tmp_path / "formel.xlsx"
    write_distribution_register(services.work.distribution_register(ON), path)
    sheet = load_workbook(path)[DISTRIBUTIONS]
    cell = sheet.cell(2, DISTRIBUTION_HEADERS.index("Enhet") + 1)
    assert cell.data_type == "s"
    assert cell.value == '=HYPERLINK("http://x","klick")'


def test_a_failed_write_leaves_the_old_file_and_no_litter(
    services: Services, register: Register, tmp_path: Path
) -> None:
    with pytest.raises(FileNotFoundError):
        write_distribution_register(
            services.work.distribution_register(ON), tmp_path / "saknas" / "r.xlsx"
        )
    before = register.path.read_bytes()
    occupied = tmp_path / "mapp.xlsx"
    occupied.mkdir()  # cannot be replaced by a file
    with pytest.raises(OSError):
        write_distribution_register(services.work.distribution_register(ON), occupied)
    assert register.path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == []
    # Writing again over an existing register replaces it.
    write_distribution_register(
        services.work.distribution_register(date(2026, 3, 1)), register.path
    )
    assert register.path.read_bytes() != before


def test_the_cli_command_writes_the_register(
    services: Services, register: Register, db_path: Path, tmp_path: Path
) -> None:
    from nacka_desktop import cli

    services.close()
    out = tmp_path / "cli.xlsx"
    argv = ["export", "register", "distributions", "--db", str(db_path), "--out", str(out)]
    code = cli.main([*argv, "--on", "2026-11-26"], launch_gui=lambda _db: 99)
    assert code == cli.EXIT_OK
    assert len(_records(out, DISTRIBUTIONS)) == register.task_count


def test_openpyxl_is_imported_only_when_writing() -> None:
    code = (
        "import sys, nacka_desktop.exports.registers.work; "
        "assert 'openpyxl' not in sys.modules, 'imported at module level'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parents[2])


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_the_register(register: Register, tmp_path: Path) -> None:
    out = tmp_path / "csv"
    assert SOFFICE is not None
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}",
            "--headless",
            "--convert-to",
            # all sheets (token 12 = -1), UTF-8 (76), cells as shown (token 9)
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
            "--outdir",
            str(out),
            str(register.path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    sheets = {path.name: path for path in out.glob("*.csv")}
    assert len(sheets) == 2, sheets
    first = next(path for name, path in sheets.items() if "Fördelningar" in name)
    with first.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == DISTRIBUTION_HEADERS
    assert len(rows) == 1 + register.task_count
    row = next(r for r in rows[1:] if r[0] == str(register.director))
    signed = DISTRIBUTION_HEADERS.index("Undertecknad")
    assert row[signed] == "2024-03-01"  # formatted as a date, not a serial number
    assert row[DISTRIBUTION_HEADERS.index("Mottagare")] == "Karin Åberg"


def test_progress_is_reported_and_raising_in_it_leaves_no_file(
    services: Services, tmp_path: Path
) -> None:
    build_sample(services.database, ON)
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "register.xlsx"
    reports: list[tuple[int, int]] = []
    write_distribution_register(
        services.work.distribution_register(ON), target, lambda *p: reports.append(p)
    )
    total = reports[0][1]
    assert total > 0 and reports[0] == (0, total)
    assert all(done <= total for done, _ in reports)

    class Stop(Exception):
        pass

    def stop_midway(done: int, _total: int) -> None:
        if done > 0:
            raise Stop

    target.unlink()
    with pytest.raises(Stop):
        write_distribution_register(services.work.distribution_register(ON), target, stop_midway)
    assert list(folder.iterdir()) == []  # neither the register nor a temporary file


def test_the_register_says_how_and_by_whom_each_distribution_was_signed(
    services: Services, tmp_path: Path
) -> None:
    """Issue 13: a letter signed on paper by the giver and digitally or on paper by the
    receiver shows both; a corrected record is left out; a distribution signed before the
    app kept signatures has the columns empty."""
    build_sample(services.database, ON)
    draft = next(v for v in services.work.distributions(ON) if v.record.signed_on is None)
    for entry in draft.items:
        services.distributions.set_confirmation(draft.record.id, entry.task.id, ALL_CONFIRMED)
    issued = services.signatures.issue(
        DocumentKind.DISTRIBUTION_LETTER, draft.record.id, b"%PDF-1.7\n%%EOF\n", "uuid:register"
    )
    signatures = services.signatures
    wrong = signatures.record_paper(issued.id, SignatureParty.GIVER, "Fel Namn", date(2026, 11, 1))
    signatures.record_paper(
        issued.id, SignatureParty.GIVER, "Rektor Sickla", date(2026, 11, 2), corrects_id=wrong
    )
    signatures.record_paper(issued.id, SignatureParty.RECEIVER, "Biträdande", date(2026, 11, 3))
    path = tmp_path / "register.xlsx"
    write_distribution_register(services.work.distribution_register(ON), path)
    rows = {row["Fördelning"]: row for row in _records(path, DISTRIBUTIONS)}
    signed = rows[draft.record.id]
    assert signed["Undertecknad hur"] == "på papper"
    assert signed["Underskrifter"] == (
        "Givare: Rektor Sickla (på papper, 2026-11-02); Mottagare: Biträdande (på papper, "
        "2026-11-03)"
    )
    assert signed["Undertecknad"] == datetime(2026, 11, 3)  # AM-2: when both had signed
    earlier = next(row for row in rows.values() if row["Undertecknad"] and row is not signed)
    assert earlier["Undertecknad hur"] is None and earlier["Underskrifter"] is None


def test_the_register_says_who_signed_a_return(services: Services, tmp_path: Path) -> None:
    """Issue 13: the return's own letter (AM-4) and its signatures, on the rows returned."""
    build_sample(services.database, ON)
    view = next(v for v in services.work.distributions(ON) if v.returns)
    task_return = view.returns[-1]
    issued = services.signatures.issue(
        DocumentKind.RETURN_LETTER, task_return.id, b"%PDF-1.7\n%%EOF\n", "uuid:return-register"
    )
    services.signatures.record_paper(
        issued.id, SignatureParty.RECEIVER, "Bo Återförare", date(2026, 11, 20)
    )
    path = tmp_path / "register.xlsx"
    write_distribution_register(services.work.distribution_register(ON), path)
    rows = [row for row in _records(path, DISTRIBUTIONS) if row["Fördelning"] == view.id]
    returned = [row for row in rows if row["Återförd"] is not None]
    assert returned and all(
        row["Återföringen undertecknad"] == "Mottagare: Bo Återförare (på papper, 2026-11-20)"
        for row in returned
    )
    assert all(row["Återföringen undertecknad"] is None for row in rows if row not in returned)
