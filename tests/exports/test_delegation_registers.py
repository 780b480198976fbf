"""The delegation registers and the import template (Excel), read back with openpyxl."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from nacka_desktop.domain.delegation.format import ITEM_HEADERS
from nacka_desktop.domain.delegation.orders import DecisionKind, LegalBasis
from nacka_desktop.domain.enums import Role
from nacka_desktop.exports.registers.delegation import (
    DECISION_HEADERS,
    DELEGATION_HEADERS,
    write_decision_register,
    write_delegation_register,
    write_delegation_template,
)
from nacka_desktop.imports.delegations import import_delegations
from nacka_desktop.services.context import Services
from tests.conftest import TODAY, build_sample, without_delegation_orders
from tests.imports.test_delegations import ADOPTED, adopted_ks_order, ks_id


@pytest.fixture
def sample(services: Services) -> Services:
    """The sample organisation without its own orders: each test builds the ones it needs."""
    build_sample(services.database, TODAY)
    without_delegation_orders(services)
    return services


def read(path: Path, sheet: str) -> list[tuple[Any, ...]]:
    workbook = load_workbook(path, read_only=True)
    try:
        rows = [tuple(r) for r in workbook[sheet].iter_rows(values_only=True)]
    finally:
        workbook.close()
    width = len(rows[0])  # trailing empty cells are not stored: pad to the header
    return [r + (None,) * (width - len(r)) for r in rows]


def as_date(value: Any) -> date:
    assert isinstance(value, datetime), value  # a real date cell, not text
    return value.date()


def test_the_delegation_register_has_one_row_per_item(sample: Services, tmp_path: Path) -> None:
    adopted_ks_order(sample)
    draft = sample.delegation_orders.create_order(ks_id(sample), [])  # not in force: not shown
    assert draft
    path = tmp_path / "delegationer.xlsx"
    write_delegation_register(sample.delegation_documents.delegation_register(TODAY), path)

    rows = read(path, "Delegationer")
    assert rows[0] == DELEGATION_HEADERS
    assert rows[0][: len(ITEM_HEADERS)] == ITEM_HEADERS
    body = rows[1:]
    assert [r[2] for r in body] == ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3a"]
    first = dict(zip(DELEGATION_HEADERS, body[0], strict=True))
    assert first["Nämnd"] == "Kommunstyrelsen"
    assert first["Beslutstyp"] == DecisionKind.HIRE.label_sv
    assert first["Delegat"] == Role.UNIT_MANAGER.label_sv
    assert first["Ersättare"] == Role.OPERATIONS_MANAGER.label_sv
    assert first["Rättslig grund"] == LegalBasis.GENERAL_COMPETENCE.label_sv
    assert (first["Vidaredelegation"], first["Anmäls till nämnden"]) == ("Nej", "Ja")
    assert as_date(first["Antagen"]) == ADOPTED
    assert first["Paragraf"] == "§ 12"
    delegates = [r[ITEM_HEADERS.index("Delegat")] for r in body]
    assert delegates[1] == "Enhetschef inom Välfärd samhällsservice"
    assert delegates[3:] == [
        "Kommunjurist",
        "Ordförande",
        "Utskott: Kommunstyrelsens arbetsutskott",
    ]
    assert body[4][ITEM_HEADERS.index("Ersättare")] == "Vice ordförande"

    workbook = load_workbook(path)
    sheet = workbook["Delegationer"]
    assert sheet.freeze_panes == "A2"
    assert list(sheet.tables) == ["Delegationer"]
    assert sheet.column_dimensions["D"].width > 20


def test_before_any_adoption_the_register_is_empty(sample: Services, tmp_path: Path) -> None:
    adopted_ks_order(sample)
    path = tmp_path / "delegationer.xlsx"
    write_delegation_register(
        sample.delegation_documents.delegation_register(date(2024, 12, 31)), path
    )
    rows = read(path, "Delegationer")
    assert rows[0] == DELEGATION_HEADERS
    assert all(v is None for r in rows[1:] for v in r)


def test_the_decision_register_lists_the_decisions(sample: Services, tmp_path: Path) -> None:
    adopted_ks_order(sample)
    hire = sample.delegation.orders()[0].items[0]
    manager = next(
        a
        for a in sample.queries.snapshot().appointments.values()
        if a.role is Role.UNIT_MANAGER and a.is_valid_on(TODAY) and not a.acting
    )
    sample.delegated_decisions.record(
        hire.id,
        manager.id,
        TODAY,
        "Anställning av undersköterska",
        "KS 2026/41",
        date(2026, 11, 2),
        need_tested_by="Stadsdirektören och personaldirektören",
    )
    path = tmp_path / "beslut.xlsx"
    write_decision_register(
        sample.delegation_documents.decision_register(date(2026, 1, 1), TODAY), path
    )

    rows = read(path, "Delegationsbeslut")
    assert rows[0] == DECISION_HEADERS
    assert len(rows) == 2
    decision = dict(zip(DECISION_HEADERS, rows[1], strict=True))
    assert as_date(decision["Datum"]) == TODAY
    assert decision["Nämnd"] == "Kommunstyrelsen"
    assert (decision["Nr"], decision["Beslutstyp"]) == ("1.1", DecisionKind.HIRE.label_sv)
    assert decision["Diarienummer"] == "KS 2026/41"
    assert decision["Beslutsfattare"]
    assert decision["Anmält"] is None


def test_the_template_has_the_columns_examples_and_instructions(
    sample: Services, tmp_path: Path
) -> None:
    path = tmp_path / "mall.xlsx"
    write_delegation_template(path)
    workbook = load_workbook(path, read_only=True)
    try:
        assert workbook.sheetnames == ["Delegationer", "Instruktioner"]
    finally:
        workbook.close()
    rows = read(path, "Delegationer")
    assert rows[0] == ITEM_HEADERS
    assert len(rows) == 3
    instructions = "\n".join(str(v) for r in read(path, "Instruktioner") for v in r)
    for text in (*ITEM_HEADERS, "Utskott:", " inom ", "Enhetschef", "Kommunjurist"):
        assert text in instructions
    for kind in DecisionKind:
        assert kind.label_sv in instructions
    for basis in LegalBasis:
        assert basis.label_sv in instructions
    # The examples are valid: the template imports as it is.
    result = import_delegations(sample, path, ks_id(sample), dry_run=True)
    assert result.ok, result.report_lines()
    assert result.item_count == 2


def test_the_register_lists_the_delegation_letters_issued_and_who_signed(
    sample: Services, tmp_path: Path
) -> None:
    """Issue 13: every delegation letter issued for signature, with how and by whom."""
    from nacka_desktop.domain.dates import today
    from nacka_desktop.domain.signatures import DocumentKind, SignatureParty
    from nacka_desktop.exports.registers.delegation import LETTER_HEADERS

    person_id = next(iter(sample.queries.snapshot().persons))
    signatures = sample.signatures
    first = signatures.issue(
        DocumentKind.DELEGATE_LETTER, person_id, b"%PDF-1.7\n%%EOF\n", "uuid:first", "Brev 1"
    )
    signatures.record_paper(first.id, SignatureParty.DECISION_MAKER, "Dora Delegat", TODAY)
    signatures.issue(  # what the person may decide changed: a new letter, not yet signed
        DocumentKind.DELEGATE_LETTER, person_id, b"%PDF-1.7\n%1\n%%EOF\n", "uuid:second", "Brev 2"
    )
    path = tmp_path / "delegationer.xlsx"
    write_delegation_register(sample.delegation_documents.delegation_register(today()), path)
    header, *rows = read(path, "Delegeringsbrev")
    assert header == LETTER_HEADERS
    assert [(r[1], r[3], r[4]) for r in rows] == [
        ("Brev 1", "uuid:first", "på papper"),
        ("Brev 2", "uuid:second", None),
    ]
    assert rows[0][5] == f"Delegat: Dora Delegat (på papper, {TODAY.isoformat()})"
    assert as_date(rows[0][2]) == today()  # issued now (the services' day is a fixed one)
