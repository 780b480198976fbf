"""Import of a delegation order from Excel: all or nothing, every problem with its row, column
and rule, unknown titled positions created, and the register's round trip."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from nacka_desktop.domain.delegation.format import ITEM_HEADERS, format_delegate, parse_delegate
from nacka_desktop.domain.delegation.orders import (
    DecisionKind,
    Delegate,
    DelegateKind,
    DelegationItem,
    LegalBasis,
    OrderStatus,
    infer_decision_kind,
)
from nacka_desktop.domain.enums import Role, UnitKind
from nacka_desktop.exports.registers.delegation import write_delegation_register
from nacka_desktop.imports.delegations import ImportResult, import_delegations
from nacka_desktop.services.context import Services
from tests.conftest import TODAY, build_sample, without_delegation_orders

ADOPTED = date(2025, 1, 1)


@pytest.fixture
def sample(services: Services) -> Services:
    """The sample organisation without its own orders: each test builds the ones it needs."""
    build_sample(services.database, TODAY)
    without_delegation_orders(services)
    return services


def unit_id(services: Services, name: str) -> int:
    return next(u.id for u in services.queries.snapshot().units.values() if u.name == name)


def ks_id(services: Services) -> int:
    return next(
        u.id
        for u in services.queries.snapshot().units.values()
        if u.kind is UnitKind.EXECUTIVE_BOARD
    )


def ks_items(services: Services) -> list[DelegationItem]:
    """Items with every kind of delegate, legal basis and flag, as a board writes them."""
    position = DelegateKind.POSITION
    service = unit_id(services, "Välfärd samhällsservice")
    committee = unit_id(services, "Kommunstyrelsens arbetsutskott")

    def item(number: str, matter: str, delegate: Delegate, **fields: Any) -> DelegationItem:
        section = fields.pop("section", "Personalärenden")
        return DelegationItem(
            0, section, number, matter, infer_decision_kind(matter), delegate, **fields
        )

    return [
        item(
            "1.1",
            "Anställning av medarbetare",
            Delegate(position, Role.UNIT_MANAGER),
            substitute=Delegate(position, Role.OPERATIONS_MANAGER),
            limits="Inom budget",
        ),
        item(
            "1.2",
            "Anställning av medarbetare inom samhällsservice",
            Delegate(position, Role.UNIT_MANAGER, unit_id=service),
            notes="Behovet prövas först (HR-2).",
        ),
        item(
            "1.3",
            "Beslut om ändrad sysselsättningsgrad",
            Delegate(position, Role.CITY_DIRECTOR),  # KS's förvaltningschef may pass it on
            subdelegation_allowed=True,
        ),
        item(
            "2.1",
            "Föra kommunens talan i mål och ärenden",
            Delegate(position, title="Kommunjurist"),
            section="Allmänna ärenden",
            lagrum="6 kap. 37 § KL",
            legal_basis=LegalBasis.BOARD_BY_LAW,
            report_to_board=False,
        ),
        item(
            "2.2",
            "Beslut i brådskande ärenden",
            Delegate(DelegateKind.CHAIR),
            substitute=Delegate(DelegateKind.VICE_CHAIR),
            section="Allmänna ärenden",
            lagrum="KL 6 kap 39 §",
        ),
        item(
            "2.3a",
            "Yttranden i remissärenden",
            Delegate(DelegateKind.COMMITTEE, unit_id=committee),
            section="Allmänna ärenden",
        ),
    ]


def adopted_ks_order(services: Services) -> int:
    order = services.delegation_orders.create_order(ks_id(services), ks_items(services))
    services.delegation_orders.adopt(order, ADOPTED, "§ 12")
    return order


def without_ids(items: tuple[DelegationItem, ...] | list[DelegationItem]) -> list[DelegationItem]:
    return [replace(i, id=0) for i in items]


def write_rows(path: Path, rows: list[list[Any]], headers: tuple[str, ...] = ITEM_HEADERS) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(list(headers))
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def row(
    number: str,
    matter: str,
    delegate: str,
    kind: str = "",
    substitute: str = "",
    basis: str = "",
    subdelegation: str = "",
    report: str = "",
) -> list[Any]:
    return [
        "Kommunstyrelsen",
        "Personalärenden",
        number,
        matter,
        kind,
        "",  # the reason for a hand-set kind (DEL-14)
        delegate,
        substitute,
        "",
        basis,
        "",
        subdelegation,
        report,
        "",
    ]


def test_the_delegate_text_round_trips(sample: Services) -> None:
    org = sample.queries.snapshot()
    for text in (
        "Ordförande",
        "Vice ordförande",
        "Ledamot",
        "Utskott: Kommunstyrelsens arbetsutskott",
        "Enhetschef",
        "Enhetschef inom Välfärd samhällsservice",
        "Stadsdirektör",
        "Kommunjurist",
        "Kommunjurist inom Välfärd samhällsservice",
    ):
        assert format_delegate(org, parse_delegate(org, text)) == text
    assert parse_delegate(org, "rektor").role is Role.PRINCIPAL
    assert parse_delegate(org, "utskott: kommunstyrelsens arbetsutskott").kind is (
        DelegateKind.COMMITTEE
    )


def test_a_good_file_becomes_a_draft_with_the_items(sample: Services, tmp_path: Path) -> None:
    path = write_rows(
        tmp_path / "ks.xlsx",
        [
            row("1.1", "Anställning av medarbetare", "Enhetschef", substitute="Verksamhetschef"),
            row("1.2", "Lönesättning vid nyanställning", "enhetschef", kind="Lönesättning"),
            row("2.1", "Beslut i brådskande ärenden", "Ordförande", report="Ja"),
        ],
    )
    result = import_delegations(sample, path, ks_id(sample))

    assert result.ok, result.report_lines()
    assert result.item_count == 3
    order = next(o for o in sample.delegation.orders() if o.id == result.order_id)
    assert order.status is OrderStatus.DRAFT
    assert [(i.number, i.decision_kind, i.delegate.role) for i in order.items] == [
        ("1.1", DecisionKind.HIRE, Role.UNIT_MANAGER),
        ("1.2", DecisionKind.SET_SALARY, Role.UNIT_MANAGER),
        ("2.1", DecisionKind.URGENT, None),
    ]
    assert order.items[0].substitute == Delegate(DelegateKind.POSITION, Role.OPERATIONS_MANAGER)
    assert order.items[0].legal_basis is LegalBasis.GENERAL_COMPETENCE
    assert order.items[2].delegate.kind is DelegateKind.CHAIR
    assert "utkast" in result.report_lines()[-1]


def test_columns_in_any_order_and_any_case(sample: Services, tmp_path: Path) -> None:
    path = write_rows(
        tmp_path / "ks.xlsx",
        [["Enhetschef", "Anställning av medarbetare", "3"]],
        headers=("DELEGAT", "ärende", "nr"),
    )
    result = import_delegations(sample, path, ks_id(sample))
    assert result.ok, result.report_lines()
    order = next(o for o in sample.delegation.orders() if o.id == result.order_id)
    assert [(i.number, i.matter, i.report_to_board) for i in order.items] == [
        ("3", "Anställning av medarbetare", True)
    ]


def test_adopted_on_adopts_and_supersedes_the_previous(sample: Services, tmp_path: Path) -> None:
    first = adopted_ks_order(sample)
    path = write_rows(tmp_path / "ks.xlsx", [row("1.1", "Anställning av medarbetare", "Rektor")])
    result = import_delegations(sample, path, ks_id(sample), date(2026, 6, 1), "§ 88")

    assert result.ok, result.report_lines()
    statuses = {o.id: (o.status, o.adopted_on, o.paragraph) for o in sample.delegation.orders()}
    assert statuses[first][0] is OrderStatus.SUPERSEDED
    assert result.order_id is not None
    assert statuses[result.order_id] == (OrderStatus.ADOPTED, date(2026, 6, 1), "§ 88")


def test_every_bad_row_is_reported_and_nothing_is_imported(
    sample: Services, tmp_path: Path
) -> None:
    adopted_ks_order(sample)
    before = sample.delegation.orders()
    path = write_rows(
        tmp_path / "bad.xlsx",
        [
            row("1.1", "", "Enhetschef"),  # 2
            row("1.2", "Anställning av medarbetare", ""),  # 3
            row("1,3", "Anställning av medarbetare", "Enhetschef"),  # 4
            row("1.4", "Anställning", "Enhetschef", kind="Fika"),  # 5
            row("1.5", "Anställning", "Enhetschef", basis="Magkänsla"),  # 6
            row("1.6", "Anställning", "Enhetschef", subdelegation="Kanske"),  # 7
            row("1.7", "Yttranden", "Utskott: Fikautskottet"),  # 8
            row("1.8", "Anställning", "Enhetschef inom Månbasen"),  # 9
            row("1.9", "Anställning av medarbetare", "Gruppchef"),  # 10
            row("2.0", "Fastställa verksamhetens mål", "Stadsdirektör"),  # 11
            row("2.1", "Beslut i brådskande ärenden", "Enhetschef"),  # 12
            row("2.2", "Anställning av medarbetare", "Enhetschef"),  # 13: fine
        ],
    )
    result = import_delegations(sample, path, ks_id(sample), date(2026, 6, 1), "§ 1")

    assert not result.ok
    assert result.order_id is None
    found = {(p.row, p.column, p.rule_id) for p in result.problems}
    assert found >= {
        (2, "Ärende", "DATA-2"),
        (3, "Delegat", "DATA-2"),
        (4, "Nr", "DATA-2"),
        (5, "Beslutstyp", "DATA-2"),
        (6, "Rättslig grund", "DATA-2"),
        (7, "Vidaredelegation", "DATA-2"),
        (8, "Delegat", "DATA-2"),
        (9, "Delegat", "DATA-2"),
        (10, "Delegat", "HR-4"),
        (11, "Beslutstyp", "DEL-7"),
        (12, "Delegat", "DEL-9"),
    }
    assert not any(p.row == 13 for p in result.problems)
    lines = result.report_lines()
    assert "Rad 10, kolumn Delegat: HR-4: " in "\n".join(lines)
    assert "ingenting lästes in" in lines[-1]
    assert sample.delegation.orders() == before


def test_missing_columns_are_named(sample: Services, tmp_path: Path) -> None:
    before = sample.delegation.orders()
    path = write_rows(tmp_path / "cols.xlsx", [["1", "Anställning"]], headers=("Nr", "Ärende"))
    result = import_delegations(sample, path, ks_id(sample))
    assert [(p.column, p.rule_id) for p in result.problems] == [("Delegat", "DATA-2")]
    assert sample.delegation.orders() == before


def test_a_file_that_is_not_a_workbook_is_one_clear_problem(
    sample: Services, tmp_path: Path
) -> None:
    before = sample.delegation.orders()
    path = tmp_path / "text.xlsx"
    path.write_text("Nr;Ärende;Delegat\n1;Anställning;Enhetschef\n", encoding="utf-8")
    result = import_delegations(sample, path, ks_id(sample))
    assert len(result.problems) == 1
    problem = result.problems[0]
    assert (problem.row, problem.column, problem.rule_id) == (0, "", "DATA-2")
    assert problem.message.startswith("Filen kan inte läsas som en Excel-fil (.xlsx): ")
    assert sample.delegation.orders() == before


def test_an_unknown_titled_position_is_created_with_a_warning(
    sample: Services, tmp_path: Path
) -> None:
    path = write_rows(
        tmp_path / "ks.xlsx",
        [
            row("1", "Yttrande i ärenden om upphandling", "Upphandlingsstrateg"),
            row("2", "Föra kommunens talan", "kommunjurist"),  # the sample has kommunjurister
        ],
    )
    result = import_delegations(sample, path, ks_id(sample))
    assert result.ok, result.report_lines()
    assert result.created_positions == ["Upphandlingsstrateg"]
    assert (
        "Befattningen Upphandlingsstrateg finns inte i organisationen ännu; ingen innehar den."
        in result.warnings
    )
    assert not any("kommunjurist" in w.casefold() for w in result.warnings)
    # Known now: a second import creates nothing.
    again = import_delegations(sample, path, ks_id(sample))
    assert again.ok and again.created_positions == []


def test_a_dry_run_writes_nothing(sample: Services, tmp_path: Path) -> None:
    before = sample.delegation.orders()
    path = write_rows(
        tmp_path / "ks.xlsx",
        [
            row("1", "Anställning av medarbetare", "Enhetschef"),
            row("2", "Yttranden", "Fiskevårdskonsulent"),
        ],
    )
    result = import_delegations(sample, path, ks_id(sample), date(2026, 6, 1), dry_run=True)
    assert result.ok and result.dry_run
    assert (result.order_id, result.item_count, result.created_positions) == (None, 2, [])
    assert sample.delegation.orders() == before
    assert "Provläsning" in result.report_lines()[-1]
    real = import_delegations(sample, path, ks_id(sample))
    assert real.created_positions == ["Fiskevårdskonsulent"]  # the dry run did not create it


def test_rows_of_another_board_are_left_out(sample: Services, tmp_path: Path) -> None:
    other = row("9", "Anställning av medarbetare", "Enhetschef")
    other[0] = "Socialnämnden"
    path = write_rows(
        tmp_path / "ks.xlsx", [row("1", "Anställning av medarbetare", "Enhetschef"), other]
    )
    result: ImportResult = import_delegations(sample, path, ks_id(sample))
    assert result.ok and result.item_count == 1
    assert any("annan nämnd" in w for w in result.warnings)


def test_a_misspelt_board_refuses_the_file_naming_the_row(sample: Services, tmp_path: Path) -> None:
    """Left out with a warning, its rows would vanish from the order unnoticed."""
    misspelt = row("2", "Yttranden", "Enhetschef")
    misspelt[0] = "Kommunstyrelssen"
    path = write_rows(
        tmp_path / "ks.xlsx", [row("1", "Anställning av medarbetare", "Enhetschef"), misspelt]
    )
    before = sample.delegation.orders()
    result = import_delegations(sample, path, ks_id(sample))
    assert not result.ok and sample.delegation.orders() == before
    assert [(p.row, p.column) for p in result.problems] == [(3, "Nämnd")]
    assert "Kommunstyrelssen" in result.problems[0].message


def test_a_number_twice_in_a_section_refuses_the_file(sample: Services, tmp_path: Path) -> None:
    path = write_rows(
        tmp_path / "ks.xlsx",
        [
            row("1", "Anställning av medarbetare", "Enhetschef"),
            row("1", "Yttranden", "Enhetschef"),
        ],
    )
    result = import_delegations(sample, path, ks_id(sample))
    assert not result.ok
    assert [(p.row, p.column, p.rule_id) for p in result.problems] == [(3, "Nr", "DATA-3")]


def test_the_register_imports_back_as_the_same_items(sample: Services, tmp_path: Path) -> None:
    original = adopted_ks_order(sample)
    path = tmp_path / "register.xlsx"
    write_delegation_register(sample.delegation_documents.delegation_register(TODAY), path)

    result = import_delegations(sample, path, ks_id(sample), TODAY, "§ 99")

    assert result.ok, result.report_lines()
    assert result.created_positions == []
    orders = {o.id: o for o in sample.delegation.orders()}
    assert result.order_id is not None
    assert orders[original].status is OrderStatus.SUPERSEDED
    assert orders[result.order_id].status is OrderStatus.ADOPTED
    assert without_ids(orders[result.order_id].items) == without_ids(orders[original].items)
    assert without_ids(orders[original].items) == without_ids(ks_items(sample))


def test_a_header_found_twice_is_refused_naming_it(sample: Services, tmp_path: Path) -> None:
    """Which "Delegat" column is meant? Not the first silently (issue 11)."""
    before = sample.delegation.orders()
    headers = (*ITEM_HEADERS, "Delegat")
    path = write_rows(
        tmp_path / "twice.xlsx",
        [[*row("1", "Anställning", "Enhetschef"), "Stadsdirektör"]],
        headers=headers,
    )
    result = import_delegations(sample, path, ks_id(sample))
    assert [(p.column, p.rule_id) for p in result.problems] == [("Delegat", "DATA-2")]
    assert "flera gånger" in result.problems[0].message
    assert sample.delegation.orders() == before


def test_invisible_characters_in_a_position_do_not_make_a_new_one(
    sample: Services, tmp_path: Path
) -> None:
    """ "Kommun\u200bjurist" pasted with a zero-width space is the kommunjurist the sample
    has, and a decomposed "é" is the composed one."""
    path = write_rows(
        tmp_path / "ks.xlsx",
        [row("1", "Föra kommunens talan", "kommun\u200bjurist\u00a0")],
    )
    result = import_delegations(sample, path, ks_id(sample))
    assert result.ok, result.report_lines()
    assert result.created_positions == []


def test_an_item_number_reads_as_the_cell_shows_it(sample: Services, tmp_path: Path) -> None:
    """Excel stores 9.10 as the number 9.1; formatted 0.00 the cell shows 9.10, and so does
    the order (item 9.1 and item 9.10 are two different items)."""
    path = write_rows(
        tmp_path / "ks.xlsx",
        [
            row("9.1", "Anställning av medarbetare", "Enhetschef"),
            row("9.10", "Yttranden", "Enhetschef"),
            row("3", "Beslut om ledighet", "Enhetschef"),
        ],
    )
    workbook = load_workbook(path)
    sheet = workbook.active
    assert sheet is not None
    sheet["C2"] = 9.1
    sheet["C3"] = 9.1
    sheet["C3"].number_format = "0.00"
    sheet["C4"] = 3
    workbook.save(path)

    result = import_delegations(sample, path, ks_id(sample))
    assert result.ok, result.report_lines()
    order = next(o for o in sample.delegation.orders() if o.id == result.order_id)
    assert [i.number for i in order.items] == ["9.1", "9.10", "3"]


def test_a_text_longer_than_its_field_is_named_by_the_dry_run_too(
    sample: Services, tmp_path: Path
) -> None:
    """A 300-character section passed the dry run and was refused by the import, at row 0."""
    long_section = row("1", "Anställning av medarbetare", "Enhetschef")
    long_section[1] = "Avsnitt " * 40
    path = write_rows(tmp_path / "ks.xlsx", [long_section])
    for dry_run in (True, False):
        result = import_delegations(sample, path, ks_id(sample), dry_run=dry_run)
        assert [(p.row, p.column, p.rule_id) for p in result.problems] == [
            (2, "Avsnitt", "DATA-2")
        ], dry_run
        assert "högst 200" in result.problems[0].message
