"""The delegation PDFs: a board's delegationsordning, a personal delegeringsbeslut and the report
of delegated decisions, on the sample organisation, read back with pdftotext and pdffonts."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from nacka_desktop.domain.delegation.orders import (
    Delegate,
    DelegateKind,
    DelegationItem,
    infer_decision_kind,
)
from nacka_desktop.domain.enums import Role, UnitKind
from nacka_desktop.domain.letterhead import Letterhead
from nacka_desktop.domain.records import AppointmentRecord
from nacka_desktop.exports.letters.delegation import (
    delegate_doc_id,
    order_doc_id,
    report_doc_id,
    write_decisions_report,
    write_delegate_letter,
    write_order_letter,
)
from nacka_desktop.services.context import Services
from nacka_desktop.services.editing import NotFoundError
from tests.conftest import TODAY, build_sample

HR2_BY = "Stadsdirektören och personaldirektören"  # who tested the need (HR-2)
HR3_WITH = "Verksamhetschefen"  # the manager's chief, consulted (HR-3)

ADOPTED = date(2025, 1, 1)
FIRST = date(2026, 11, 1)
STAFF = "Personalärenden"
URGENT = "Brådskande ärenden"
PURCHASES = "Upphandling och avtal"
EXTRA_COUNT = 24  # enough rows for an order of several pages
SAMPLE = Letterhead()  # Nacka kommun, no logo

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdffonts") is None,
    reason="poppler-utils (pdftotext, pdffonts) is not installed",
)


def _item(
    section: str,
    number: str,
    matter: str,
    delegate: Delegate,
    **fields: object,
) -> DelegationItem:
    return DelegationItem(
        0,
        section,
        number,
        matter,
        infer_decision_kind(matter),
        delegate,
        **fields,  # type: ignore[arg-type]
    )


def _position(role: Role) -> Delegate:
    return Delegate(DelegateKind.POSITION, role)


ITEMS = [
    _item(
        STAFF,
        "1.1",
        "Anställning av medarbetare",
        _position(Role.UNIT_MANAGER),
        substitute=_position(Role.OPERATIONS_MANAGER),
        lagrum="LAS",
        limits="Inom fastställd budget och bemanningsplan",
        subdelegation_allowed=False,  # only a förvaltningschef may pass a right on (DEL-10)
    ),
    _item(STAFF, "1.2", "Beslut om varning", _position(Role.UNIT_MANAGER), lagrum="AB § 11"),
    _item(
        STAFF,
        "1.3",
        "Beslut om ändrad sysselsättningsgrad",
        _position(Role.OPERATIONS_MANAGER),
        report_to_board=False,
    ),
    _item(
        URGENT,
        "2.1",
        "Beslut i brådskande ärenden där nämndens avgörande inte kan avvaktas",
        Delegate(DelegateKind.CHAIR),
        substitute=Delegate(DelegateKind.VICE_CHAIR),
        lagrum="KL 6 kap. 39 §",
    ),
    *[
        _item(
            PURCHASES,
            f"3.{n}",
            f"Tecknande av avtal om förbrukningsmaterial, område {n} (köp för lägre värde)",
            _position(Role.DIRECTOR),
            lagrum="LOU 19 kap.",
            limits=f"Högst {n * 50} 000 kr per år och avtal; ramavtal ska användas i första hand",
        )
        for n in range(1, EXTRA_COUNT + 1)
    ],
]


@dataclass(frozen=True)
class Documents:
    services: Services
    board_name: str
    order_id: int
    order_pdf: Path
    manager_id: int
    manager_name: str
    chief_name: str
    delegate_pdf: Path
    board_id: int
    report_pdf: Path


def _holder(services: Services, role: Role) -> AppointmentRecord:
    return next(
        a
        for a in sorted(services.queries.snapshot().appointments.values(), key=lambda a: a.id)
        if a.role is role and a.is_valid_on(TODAY) and not a.acting
    )


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Documents]:
    folder = tmp_path_factory.mktemp("delegation_letters")
    services = Services.open(folder / "nacka.db", clock=lambda: TODAY)
    try:
        build_sample(services.database, TODAY)
        org = services.queries.snapshot()
        board = next(u for u in org.units.values() if u.kind is UnitKind.EXECUTIVE_BOARD)
        order = services.delegation_orders.create_order(board.id, ITEMS)
        services.delegation_orders.adopt(order, ADOPTED, "§ 12")
        adopted = next(o for o in services.delegation.orders() if o.id == order)
        items = {i.number: i for i in adopted.items}
        manager = _holder(services, Role.UNIT_MANAGER)
        decisions = services.delegated_decisions
        decisions.record(
            items["1.1"].id,
            manager.id,
            date(2026, 11, 3),
            "Anställning av undersköterska, tillsvidare på heltid",
            "KS 2026/41",
            need_tested_on=date(2026, 10, 28),
            need_tested_by=HR2_BY,
        )
        decisions.record(
            items["1.2"].id,
            manager.id,
            date(2026, 11, 20),
            "Varning för upprepad olovlig frånvaro",
            "KS 2026/57",
            consulted_on=date(2026, 11, 18),
            consulted_with=HR3_WITH,
        )
        decisions.record(  # before the period: not in the report
            items["1.1"].id,
            manager.id,
            date(2026, 10, 2),
            "Anställning av förskollärare",
            "KS 2026/12",
            need_tested_on=date(2026, 9, 30),
            need_tested_by=HR2_BY,
        )
        chief = services.queries.chiefs_of(manager.person_id, TODAY)[0].chief
        assert chief is not None
        documents = Documents(
            services=services,
            board_name=board.name,
            order_id=order,
            order_pdf=folder / "ordning.pdf",
            manager_id=manager.person_id,
            manager_name=org.persons[manager.person_id].full_name,
            chief_name=chief.person_name,
            delegate_pdf=folder / "delegering.pdf",
            board_id=board.id,
            report_pdf=folder / "anmalan.pdf",
        )
        views = services.delegation_documents
        write_order_letter(views.order_letter(order, TODAY), documents.order_pdf, SAMPLE)
        write_delegate_letter(
            views.delegate_letter(manager.person_id, TODAY), documents.delegate_pdf, SAMPLE
        )
        write_decisions_report(
            views.decision_report(board.id, FIRST, TODAY), documents.report_pdf, SAMPLE
        )
        yield documents
    finally:
        services.close()


def _text(path: Path) -> str:
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return done.stdout


def _pages(path: Path) -> list[str]:
    return _text(path).split("\f")[:-1] or [_text(path)]


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _assert_every_page(path: Path, doc_id: str, minimum_pages: int = 1) -> None:
    pages = _pages(path)
    assert len(pages) >= minimum_pages
    for number, page in enumerate(pages, start=1):
        assert doc_id in page, f"page {number} lacks {doc_id}"
        assert f"Sida {number} av {len(pages)}" in page


def _assert_fonts_embedded(path: Path) -> None:
    done = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    rows = done.stdout.splitlines()[2:]
    assert rows, "no fonts listed"
    for row in rows:
        assert "DejaVu" in row, row
        # columns: name type encoding emb sub uni object ID
        assert row.split()[-5] == "yes", row


@needs_poppler
def test_the_order_lists_every_section_and_item(documents: Documents) -> None:
    text = _flat(_text(documents.order_pdf))
    assert f"Delegationsordning för {documents.board_name}" in text
    assert "Antagen 2025-01-01 § 12" in text
    for words in (STAFF, URGENT, PURCHASES, "Anställning av medarbetare", "Ordförande"):
        assert words in text
    assert "Beslut om ändrad sysselsättningsgrad" in text
    assert "Enhetschef" in text and "Vice ordförande" in text  # delegate and ersättare labels
    assert "Får vidaredelegeras" in text and "Anmäls ej" in text
    assert "Inom fastställd budget och bemanningsplan" in text
    assert "ersättare" in text and "närmaste chef" in text  # the introduction
    assert f"område {EXTRA_COUNT} " in text


@needs_poppler
def test_the_order_has_page_numbers_the_id_and_embedded_fonts(documents: Documents) -> None:
    _assert_every_page(documents.order_pdf, order_doc_id(documents.order_id), minimum_pages=3)
    _assert_fonts_embedded(documents.order_pdf)


@needs_poppler
def test_a_draft_is_marked_as_such(documents: Documents, tmp_path: Path) -> None:
    services = documents.services
    draft = services.delegation_orders.create_order(documents.board_id, ITEMS[:2])
    try:
        path = tmp_path / "utkast.pdf"
        write_order_letter(services.delegation_documents.order_letter(draft, TODAY), path, SAMPLE)
        text = _flat(_text(path))
        assert "UTKAST" in text and "inte antagen" in text
    finally:
        services.delegation_orders.delete_draft(draft)


@needs_poppler
def test_the_delegate_letter_lists_the_persons_matters(documents: Documents) -> None:
    text = _flat(_text(documents.delegate_pdf))
    assert "Information om beslutanderätt på delegation" in text  # the board decided it
    assert "Delegeringsbeslut" not in text and "utfärdat av" not in text
    assert "Du får inte vidaredelegera" in text  # an enhetschef is no förvaltningschef
    assert "vid nämndens nästa sammanträde" not in text.split("brådskande")[0]
    assert f"Delegation till {documents.manager_name}" in text
    assert documents.board_name in text and STAFF in text
    assert "Anställning av medarbetare" in text and "Beslut om varning" in text
    assert "Tecknande av avtal" not in text  # the director's, not the unit manager's
    assert "Som delegat" in text
    assert "Inom fastställd budget" in text  # cells side by side interleave in pdftotext
    assert "Beslut ska anmälas till nämnden" in text
    assert "Mottaget och taget del av" in text
    assert documents.chief_name in text  # the issuing chief's signature block
    _assert_every_page(documents.delegate_pdf, delegate_doc_id(documents.manager_id, TODAY))
    # the signatures with the last duty, never alone on a page
    [signing] = [
        page for page in _pages(documents.delegate_pdf) if "Mottaget och taget del av" in page
    ]
    assert "vidaredelegera" in signing
    _assert_fonts_embedded(documents.delegate_pdf)


@needs_poppler
def test_a_right_held_by_vidaredelegation_says_from_whom(
    services: Services, tmp_path: Path
) -> None:
    """The letter of a person who holds a matter by vidaredelegation used to stop with a
    KeyError: the letter had no words for that way of holding it."""
    from nacka_desktop.domain.delegation.rights import Via

    build_sample(services.database, TODAY)  # the upphandlare holds one
    subdelegations = services.delegation.subdelegations()
    assert subdelegations, "the sample passes something on"
    documents_view = services.delegation_documents
    for person_id in sorted(services.queries.snapshot().persons):
        view = documents_view.delegate_letter(person_id, TODAY)
        ways = [w for held in view.held for w in held.ways if w.via is Via.SUBDELEGATION]
        if ways:
            break
    else:
        raise AssertionError("nobody in the sample holds a right by vidaredelegation")
    path = tmp_path / "vidare.pdf"
    write_delegate_letter(view, path, SAMPLE)
    text = _flat(_text(path))
    assert "Genom vidaredelegation från" in text
    assert ways[0].through_person in text


@needs_poppler
def test_the_chief_holds_the_right_as_chief(documents: Documents, tmp_path: Path) -> None:
    services = documents.services
    chief = services.queries.chiefs_of(documents.manager_id, TODAY)[0].chief
    assert chief is not None
    path = tmp_path / "chef.pdf"
    view = services.delegation_documents.delegate_letter(chief.appointment.person_id, TODAY)
    write_delegate_letter(view, path, SAMPLE)
    text = _flat(_text(path))
    assert "Som chef för delegaten" in text or "Som delegat" in text
    assert "Anställning av medarbetare" in text


@needs_poppler
def test_the_report_lists_the_decisions_of_the_period(documents: Documents) -> None:
    text = _flat(_text(documents.report_pdf))
    assert f"Anmälan av delegationsbeslut till {documents.board_name}" in text
    assert "2026-11-01 – 2026-11-26" in text
    assert "Anställning av undersköterska, tillsvidare på heltid" in text
    assert "Varning för upprepad olovlig frånvaro" in text
    assert "KS 2026/41" in text and "KS 2026/57" in text
    assert "Anställning av förskollärare" not in text  # before the period
    assert documents.manager_name in text
    assert "Nämnden föreslås notera anmälan till protokollet." in text
    doc_id = report_doc_id(documents.board_id, TODAY)
    _assert_every_page(documents.report_pdf, doc_id)
    _assert_fonts_embedded(documents.report_pdf)


@needs_poppler
def test_the_report_lists_only_what_is_not_yet_reported_unless_asked(
    documents: Documents, tmp_path: Path
) -> None:
    services = documents.services
    warning = next(
        d for d in services.delegation.decisions(FIRST, TODAY) if d.case_number == "KS 2026/57"
    )
    previous = services.delegated_decisions.mark_reported([warning.id], TODAY)
    try:
        unreported, everything = tmp_path / "nya.pdf", tmp_path / "alla.pdf"
        views = services.delegation_documents
        write_decisions_report(
            views.decision_report(documents.board_id, FIRST, TODAY), unreported, SAMPLE
        )
        write_decisions_report(
            views.decision_report(documents.board_id, FIRST, TODAY, include_reported=True),
            everything,
            SAMPLE,
        )
        assert "KS 2026/57" not in _flat(_text(unreported))
        assert "KS 2026/41" in _flat(_text(unreported))
        assert "har inte anmälts tidigare" in _flat(_text(unreported))
        assert "KS 2026/57" in _flat(_text(everything))
    finally:
        services.delegated_decisions.restore_reported(previous)


def test_unknown_order_person_and_board_are_not_found(documents: Documents) -> None:
    views = documents.services.delegation_documents
    with pytest.raises(NotFoundError):
        views.order_letter(999_999, TODAY)
    with pytest.raises(NotFoundError):
        views.delegate_letter(999_999, TODAY)
    with pytest.raises(NotFoundError):
        views.decision_report(999_999, FIRST, TODAY)
    with pytest.raises(NotFoundError):
        views.separate_record(999_999, FIRST, TODAY)
