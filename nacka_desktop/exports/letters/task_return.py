"""The letter "Återföring av arbetsmiljöuppgifter": the receiver's written return (AM-4)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table

from nacka_desktop.domain.labels import DOCUMENT_LANGUAGE
from nacka_desktop.domain.letterhead import Letterhead
from nacka_desktop.domain.signatures import GIVER_FIELD, RECEIVER_FIELD
from nacka_desktop.domain.work_environment import ReturnReason
from nacka_desktop.exports.letters._layout import (
    FACT_LABEL_WIDTH,
    TEXT_WIDTH,
    DocumentHead,
    Signer,
    WrittenLetter,
    checkbox,
    day,
    esc,
    facts_table,
    grid_table,
    heading,
    keep,
    muted,
    para,
    signature_blocks,
    space,
    styles,
    table_style,
    write_letter,
)
from nacka_desktop.exports.letters.distribution import (
    AFS_2023_FROM,
    EMPLOYER,
    distribution_doc_id,
    giver_markup,
    giver_signer,
    person_markup,
    return_doc_id,
)
from nacka_desktop.services.work_queries import ReturnView

TITLE = "Återföring av arbetsmiljöuppgifter"
TITLE_LOWER = "fördelning av arbetsmiljöuppgifter"


def write_return_letter(
    view: ReturnView, path: Path, letterhead: Letterhead, *, document_id: str | None = None
) -> WrittenLetter:
    """Write the receiver's return of tasks to the giver as a PDF letter, dated the day of the
    return. Returns where the two sign: the receiver who returns the tasks ("Mottagare", as in
    the distribution) first, then the giver who receives them ("Givare").

    Written as PDF/A-2b with `document_id` (a UUID; a new one if None) as the PDF's document
    ID."""
    record = view.record
    distribution = view.distribution
    head = DocumentHead(
        letterhead=letterhead,
        title=TITLE,
        doc_id=return_doc_id(record.id),
        units=[name for _id, name, _code in distribution.units],
        date_label="Datum",
        date_text=day(record.returned_on),
    )
    story: list[Flowable] = [Paragraph(TITLE, styles().title)]
    story += _introduction(view)
    story += _tasks(view)
    story += _reasons(view)
    # The signatures with the paragraph they sign, never alone on a page.
    story.append(keep(*_effect(view), *_signatures(view)))
    return write_letter(path, head, story, document_id)


def _introduction(view: ReturnView) -> list[Flowable]:
    distribution = view.distribution
    record = distribution.record
    receiver = distribution.receiver
    concerns = f"{esc(distribution_doc_id(distribution.id))}, {TITLE_LOWER}"
    if record.signed_on is not None:
        concerns += f", undertecknad {day(record.signed_on)}"
    concerns += f", gäller från {day(record.valid_from)}"
    units = ", ".join(f"{esc(name)} ({esc(code)})" for _id, name, code in distribution.units)
    if units:
        concerns += f"<br/>{muted('Enheter:')} {units}"
    to = "till dig" if distribution.giver is not None else "till kommunstyrelsen som arbetsgivare"
    return [
        para(
            f"Jag återför härmed de arbetsmiljöuppgifter som anges nedan {to}, med stöd av "
            f"de allmänna råden till {_provision_short(view.record.returned_on)}."
        ),
        space(1),
        facts_table(
            [
                (
                    "Från",
                    person_markup(receiver.person_name, receiver.role_label, receiver.unit_name),
                ),
                ("Till", giver_markup(distribution)),
                ("Gäller fördelning", concerns),
                ("Återföringen gäller från", f"<b>{day(view.record.returned_on)}</b>"),
                ("Omfattning", _scope(view)),
            ]
        ),
    ]


def _provision_short(on: date) -> str:
    return "9 § AFS&nbsp;2023:1" if on >= AFS_2023_FROM else "6 § AFS&nbsp;2001:1"


def _scope(view: ReturnView) -> str:
    """Whole or partial: counted with this return and the ones before it, not later ones."""
    this = (view.record.returned_on, view.record.id)
    items = [entry.item for entry in view.distribution.items]
    returned = [
        item
        for item in items
        if item.return_id is not None
        and item.returned_on is not None
        and (item.returned_on, item.return_id) <= this
    ]
    remaining = len(items) - len(returned)
    if remaining <= 0:
        if len(returned) == len(view.tasks):
            return "Helt: samtliga uppgifter i fördelningen återförs."
        return (
            f"Samtliga återstående uppgifter ({len(view.tasks)} st.) återförs; därmed är alla "
            "uppgifter i fördelningen återförda."
        )
    return (
        f"Delvis: {len(view.tasks)} av {len(items)} uppgifter i fördelningen återförs. "
        f"Övriga {remaining} ligger kvar hos mig som tidigare."
    )


def _tasks(view: ReturnView) -> list[Flowable]:
    s = styles()
    rows: list[list[Flowable | str]] = [
        [
            Paragraph("Nr", s.cell_head),
            Paragraph("Arbetsmiljöuppgift", s.cell_head),
            Paragraph("Beskrivning", s.cell_head),
        ]
    ]
    for number, task in enumerate(view.tasks, start=1):
        rows.append(
            [
                Paragraph(str(number), s.cell),
                Paragraph(f"<b>{esc(task.name)}</b><br/>{muted(esc(task.code))}", s.cell),
                Paragraph(esc(task.description) or muted("–"), s.cell),
            ]
        )
    number_width = 9 * mm
    name_width = 55 * mm
    return [
        heading("Uppgifter som återförs"),
        grid_table(rows, [number_width, name_width, TEXT_WIDTH - number_width - name_width]),
    ]


def _reasons(view: ReturnView) -> list[Flowable]:
    s = styles()
    chosen = set(view.record.reasons)
    cells = []
    for reason in ReturnReason:
        label = esc(reason.label(DOCUMENT_LANGUAGE).capitalize())
        if reason in chosen:
            label = f"<b>{label}</b>"
        cells.append(
            Paragraph(f'<font size="11">{checkbox(reason in chosen)}</font> {label}', s.cell)
        )
    per_row = 3
    grid = Table(
        [cells[i : i + per_row] for i in range(0, len(cells), per_row)],
        colWidths=[(TEXT_WIDTH - FACT_LABEL_WIDTH - 8) / per_row] * per_row,
        hAlign="LEFT",
    )
    grid.setStyle(
        table_style(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    explanation = esc(view.record.explanation) or muted("<i>Ingen förklaring angiven.</i>")
    return [
        heading("Skäl till återföringen"),
        facts_table([("Jag saknar", grid), ("Förklaring", explanation)]),
    ]


def _effect(view: ReturnView) -> list[Flowable]:
    distribution = view.distribution
    back_to = EMPLOYER if distribution.giver is None else esc(distribution.giver_name)
    return [
        heading("Återföringens verkan"),
        para(
            "Återföringen behöver inte godkännas. De återförda uppgifterna går från och med "
            f"<b>{day(view.record.returned_on)}</b> tillbaka till {back_to}, som fördelade dem "
            "och som därefter själv ska se till att uppgifterna blir utförda. Mottagaren "
            "skriver under endast för att bekräfta att återföringen har kommit fram."
        ),
    ]


def _signatures(view: ReturnView) -> list[Flowable]:
    return [space(4), signature_blocks(return_signers(view))]


def return_signers(view: ReturnView) -> list[Signer]:
    """Who signs the return, as printed under the lines; a signature's stamp says the same."""
    distribution = view.distribution
    receiver = distribution.receiver
    if distribution.giver is not None:
        giver = giver_signer(distribution, "Mottaget av", None)
    else:  # whoever receives it for KS; the chair who signed may have left since
        giver = Signer("Mottaget av", "", f"för {EMPLOYER}", None, GIVER_FIELD)
    return [
        Signer(
            "Återfört av",
            receiver.person_name,
            f"{receiver.role_label}, {receiver.unit_name}",
            view.record.returned_on,
            RECEIVER_FIELD,
        ),
        giver,
    ]
