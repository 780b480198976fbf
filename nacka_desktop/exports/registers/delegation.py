"""Excel registers of delegation orders and of decisions taken on delegation (DOMAIN.md §4),
and the template a board fills in to import its order.

Written like the work-environment registers (`exports.registers`): write-only workbooks, one
formatted Excel table per sheet with a frozen header, real date cells, column widths, and an
atomic write through a temporary file. The delegation register has the columns the import
(`imports.delegations`) reads, so an exported order imports back as the same items.
openpyxl is imported only inside the writer; the CLI and the GUI import this module lazily.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from nacka_desktop.domain.delegation.format import (
    COL_BASIS,
    COL_DELEGATE,
    COL_KIND,
    COMMITTEE_PREFIX,
    ITEM_HEADERS,
    PREFERRED_SHEET,
    WITHIN,
    column_help,
    yes_no,
)
from nacka_desktop.domain.delegation.orders import DecisionKind, LegalBasis
from nacka_desktop.domain.enums import Role
from nacka_desktop.domain.labels import DOCUMENT_LANGUAGE
from nacka_desktop.domain.language import Language
from nacka_desktop.exports.registers.signatures import signature_cells
from nacka_desktop.exports.registers.workbook import Progress, Row, SheetData, write_workbook
from nacka_desktop.services.delegation.documents import (
    DecisionRegisterView,
    DelegationRegisterView,
    IssuedDelegateLetter,
    RegisterItem,
)

DELEGATION_SHEET = PREFERRED_SHEET
DELEGATION_HEADERS: tuple[str, ...] = (*ITEM_HEADERS, "Antagen", "Paragraf")
LETTER_SHEET = "Delegeringsbrev"
LETTER_HEADERS: tuple[str, ...] = (
    "Person",
    "Brev",
    "Utfärdat",
    "Dokument-id",
    "Undertecknat hur",
    "Underskrifter",
)

DECISION_SHEET = "Delegationsbeslut"
DECISION_HEADERS: tuple[str, ...] = (
    "Datum",
    "Nämnd",
    "Nr",
    "Ärende",
    "Beslutstyp",
    "Beslutsfattare",
    "Beskrivning",
    "Diarienummer",
    "Kan laglighetsprövas",
    "Anmälan",
    "Anmält",
    "Protokollfört särskilt",
)

INSTRUCTION_SHEET = "Instruktioner"
INSTRUCTION_HEADERS: tuple[str, ...] = ("Kolumn eller värde", "Förklaring")

TEMPLATE_EXAMPLES: tuple[Row, ...] = (
    (
        "Kommunstyrelsen",
        "Personalärenden",
        "1.1",
        "Anställning av medarbetare inom enheten",
        DecisionKind.HIRE.label(DOCUMENT_LANGUAGE),
        "",
        "Enhetschef",
        "Verksamhetschef",
        "",
        LegalBasis.GENERAL_COMPETENCE.label(DOCUMENT_LANGUAGE),
        "Inom budget",
        "Nej",
        "Ja",
        "Behovet prövas först av stadsdirektören och personaldirektören (HR-2).",
    ),
    (
        "Kommunstyrelsen",
        "Allmänna ärenden",
        "2.1",
        "Beslut i brådskande ärenden",
        DecisionKind.URGENT.label(DOCUMENT_LANGUAGE),
        "",
        "Ordförande",
        "Vice ordförande",
        "KL 6 kap 39 §",
        LegalBasis.GENERAL_COMPETENCE.label(DOCUMENT_LANGUAGE),
        "",
        "Nej",
        "Ja",
        "Anmäls vid nämndens nästa sammanträde (DEL-9).",
    ),
)


def write_delegation_register(
    view: DelegationRegisterView, path: Path, progress: Progress | None = None
) -> None:
    """Every item of every board's delegation order in force on the view's date, board by
    board (`DelegationDocuments.delegation_register`)."""
    write_workbook(
        path,
        f"Delegationsordningar {view.on.isoformat()}",
        [
            SheetData(
                DELEGATION_SHEET, "Delegationer", DELEGATION_HEADERS, delegation_rows(view.items)
            ),
            SheetData(LETTER_SHEET, "Delegeringsbrev", LETTER_HEADERS, letter_rows(view.letters)),
        ],
        progress,
    )


def letter_rows(letters: Sequence[IssuedDelegateLetter]) -> list[Row]:
    """One row per delegation letter issued for signature, oldest first, with how and by
    whom it was signed (issue 13)."""
    rows: list[Row] = []
    for entry in letters:
        how, who = signature_cells(entry.signatures)
        letter = entry.letter
        rows.append(
            (
                entry.person_name,
                letter.title,
                letter.issued_at.astimezone().date(),
                letter.document_id,
                how,
                who,
            )
        )
    return rows


def delegation_rows(items: Sequence[RegisterItem]) -> list[Row]:
    """One row per item, in the view's order (boards by Swedish name, items in the order's
    own order)."""
    rows: list[Row] = []
    for entry in items:
        item = entry.item
        rows.append(
            (
                entry.board,
                item.section,
                item.number,
                item.matter,
                item.decision_kind.label(DOCUMENT_LANGUAGE),
                item.kind_reason,
                entry.delegate,
                entry.substitute,
                item.lagrum,
                item.legal_basis.label(DOCUMENT_LANGUAGE),
                item.limits,
                yes_no(item.subdelegation_allowed),
                yes_no(item.report_to_board),
                item.notes,
                entry.order.adopted_on,
                entry.order.paragraph,
            )
        )
    return rows


def write_decision_register(
    view: DecisionRegisterView, path: Path, progress: Progress | None = None
) -> None:
    """The decisions taken on delegation from the view's first to its last day (inclusive),
    oldest first (`DelegationDocuments.decision_register`)."""
    first, last = view.first, view.last
    rows: list[Row] = []
    for decision in view.decisions:
        rows.append(
            (
                decision.decided_on,
                view.boards.get(decision.board_unit_id, "?"),
                decision.item.number,
                decision.item.matter,
                decision.item.decision_kind.label(DOCUMENT_LANGUAGE),
                decision.decided_by,
                decision.description,
                decision.case_number,
                yes_no(decision.appealable),
                decision.route.label(DOCUMENT_LANGUAGE),
                decision.reported_on,
                decision.recorded_separately_on,
            )
        )
    write_workbook(
        path,
        f"Delegationsbeslut {first.isoformat()}–{last.isoformat()}",
        [SheetData(DECISION_SHEET, "Delegationsbeslut", DECISION_HEADERS, rows)],
        progress,
    )


def write_delegation_template(path: Path) -> None:
    """An empty delegation order to fill in, with two example rows and the instructions."""
    write_workbook(
        path,
        "Mall för delegationsordning",
        [
            SheetData(DELEGATION_SHEET, "Delegationer", ITEM_HEADERS, list(TEMPLATE_EXAMPLES)),
            SheetData(INSTRUCTION_SHEET, "Instruktioner", INSTRUCTION_HEADERS, instruction_rows()),
        ],
    )


def instruction_rows() -> list[Row]:
    rows: list[Row] = [
        (
            "Allmänt",
            "En rad per punkt. Rubrikraden ska finnas; kolumnerna får stå i valfri ordning. "
            "Ta bort exempelraderna. Innehåller filen ett enda fel läses ingenting in.",
        )
    ]
    rows += [(column, text) for column, text in column_help().items()]
    rows += [
        (f"{COL_DELEGATE}: Ordförande", "Nämndens ordförande."),
        (
            f"{COL_DELEGATE}: Vice ordförande",
            "En vice ordförande: en ledamot som nämnden utsett (får brådskande ärenden, DEL-9).",
        ),
        (
            f"{COL_DELEGATE}: Ledamot",
            "Vilken ledamot som helst; aldrig för brådskande ärenden (DEL-9).",
        ),
        (
            f"{COL_DELEGATE}: {COMMITTEE_PREFIX} <namn>",
            f"Ett av nämndens utskott, t.ex. {COMMITTEE_PREFIX} Kommunstyrelsens arbetsutskott.",
        ),
        (
            f"{COL_DELEGATE}: en roll",
            "En chefsroll med sitt svenska namn: "
            + ", ".join(r.label(DOCUMENT_LANGUAGE) for r in Role if not r.is_political)
            + ".",
        ),
        (
            f"{COL_DELEGATE}: en befattning",
            "Annan text är en befattning, t.ex. Kommunjurist. En befattning som ingen har "
            "läggs till i organisationen.",
        ),
        (
            f"{COL_DELEGATE}:{WITHIN}<enhet>",
            f"Begränsar en roll eller befattning till en del av organisationen, t.ex. "
            f"Enhetschef{WITHIN}Välfärd samhällsservice.",
        ),
    ]
    rows += [
        (f"{COL_KIND}: {kind.label(DOCUMENT_LANGUAGE)}", kind.label(Language.ENGLISH))
        for kind in DecisionKind
    ]
    rows += [
        (f"{COL_BASIS}: {basis.label(DOCUMENT_LANGUAGE)}", _BASIS_HELP[basis])
        for basis in LegalBasis
    ]
    return rows


_BASIS_HELP = {
    LegalBasis.GENERAL_COMPETENCE: "Kommunallagen 2 kap. 1 §, delegerat av KF (DEL-4).",
    LegalBasis.BOARD_BY_LAW: "En lag anger en kommunal nämnd, t.ex. socialnämnden (DEL-3).",
    LegalBasis.MUNICIPALITY_BY_LAW: "En lag anger kommunen; KF har utsett nämnden (DEL-3).",
    LegalBasis.ROLE_BY_LAW: "Lagen ger rätten direkt åt en roll, t.ex. rektor (DEL-5).",
}
