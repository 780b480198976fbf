"""PDF documents of delegation (DOMAIN.md §4): a board's whole delegationsordning as the nämnd
publishes it, a personal delegeringsbeslut listing what one person may decide on a date, and
the report of delegated decisions to a board meeting ("Anmälan av delegationsbeslut").

They share the look of the work-environment letters (`letters._layout`). reportlab is imported
here (and in `_layout`) only: the CLI and the GUI import this module when a document is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Paragraph

from nacka_desktop.domain.delegation.council_matters import CouncilMatter
from nacka_desktop.domain.delegation.format import format_citation
from nacka_desktop.domain.delegation.orders import (
    DecisionKind,
    DelegationItem,
    DelegationOrder,
    LegalBasis,
    OrderStatus,
)
from nacka_desktop.domain.delegation.rights import Via
from nacka_desktop.domain.labels import DOCUMENT_LANGUAGE
from nacka_desktop.domain.letterhead import Letterhead
from nacka_desktop.domain.signatures import GIVER_FIELD, RECEIVER_FIELD
from nacka_desktop.exports.letters._layout import (
    HEAD_LABEL_WIDTH,
    TEXT_WIDTH,
    DocumentHead,
    Signer,
    WrittenLetter,
    banner,
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
    write_letter,
)
from nacka_desktop.services.delegation.documents import (
    DecisionReportView,
    DelegateLetterView,
    HeldMatter,
    HeldWay,
    OrderLetterView,
    OrderLine,
    SeparateRecordView,
)
from nacka_desktop.services.delegation.queries import DecisionView

HEAD_WIDTH = HEAD_LABEL_WIDTH + 50 * mm  # room for the longer IDs and a date range
ORDER_TITLE = "Delegationsordning"
# The delegation is the board's decision (in its order); the letter only informs of it.
DELEGATE_TITLE = "Information om beslutanderätt på delegation"
REPORT_TITLE = "Anmälan av delegationsbeslut"
SUBDELEGATION = "Får vidaredelegeras"
NOT_REPORTED = "Anmäls ej"
PROPOSAL = "Nämnden föreslås notera anmälan till protokollet."
SEPARATE_TITLE = "Särskilt protokoll över delegationsbeslut"


def order_doc_id(order_id: int) -> str:
    return f"DEL-ORD-{order_id}"


def delegate_doc_id(person_id: int, on: date) -> str:
    return f"DEL-BES-{person_id}-{on:%Y%m%d}"


def report_doc_id(board_unit_id: int, last: date) -> str:
    """The report to the meeting that follows `last`, the period's end."""
    return f"DEL-ANM-{board_unit_id}-{last:%Y%m%d}"


# --- 1. the delegationsordning ------------------------------------------------------------


def write_order_letter(
    view: OrderLetterView, path: Path, letterhead: Letterhead, *, document_id: str | None = None
) -> WrittenLetter:
    """Write one version of a board's delegationsordning as the document the nämnd publishes
    (`DelegationDocuments.order_letter`).

    Written as PDF/A-2b with `document_id` (a UUID; a new one if None) as the PDF's document
    ID."""
    order, board = view.order, view.board
    watermark = {OrderStatus.DRAFT: "UTKAST", OrderStatus.SUPERSEDED: "ERSATT"}.get(order.status)
    head = DocumentHead(
        letterhead=letterhead,
        title=f"{ORDER_TITLE} för {board}",
        doc_id=order_doc_id(order.id),
        units=[board],
        date_label="Antagen" if order.adopted_on else "Status",
        date_text=day(order.adopted_on) if order.adopted_on else "Utkast",
        watermark=watermark,
        head_width=HEAD_WIDTH,
    )
    story: list[Flowable] = [
        space(14),
        Paragraph(esc(f"{ORDER_TITLE} för {board}"), styles().title),
        *_order_status(view),
        *_order_introduction(),
        PageBreak(),
    ]
    sections = _sections(view.lines)
    if not sections:
        story.append(para(muted("<i>Delegationsordningen innehåller inga punkter.</i>")))
    for section, lines in sections:
        story += [
            CondPageBreak(45 * mm),
            _section_heading(section),
            _order_table(lines),
        ]
    return write_letter(path, head, story, document_id)


def _section_heading(section: str) -> Paragraph:
    """A section heading that lets a long table split below it (CondPageBreak keeps the two
    together instead: keepWithNext would move the whole table to a new page)."""
    s = styles()
    return Paragraph(esc(section or "Övrigt"), ParagraphStyle("section", s.heading, keepWithNext=0))


def _status_text(order: DelegationOrder) -> str:
    adopted = ""
    if order.adopted_on is not None:
        adopted = f"antagen {day(order.adopted_on)}"
        if order.paragraph:
            adopted += f" {order.paragraph}"
    if order.status is OrderStatus.DRAFT:
        return "UTKAST – inte antagen av nämnden"
    if order.status is OrderStatus.SUPERSEDED:
        return f"ERSATT – {adopted}, ersatt av en senare version" if adopted else "ERSATT"
    return adopted.capitalize() if adopted else "Antagen"


def _order_status(view: OrderLetterView) -> list[Flowable]:
    order, board = view.order, view.board
    sections = _sections(view.lines)
    rows: list[tuple[str, str]] = [
        ("Nämnd", f"<b>{esc(board)}</b>"),
        ("Status", f"<b>{esc(_status_text(order))}</b>"),
        ("Dokument-ID", esc(order_doc_id(order.id))),
        ("Omfattning", f"{len(order.items)} punkter i {len(sections)} avsnitt"),
    ]
    if sections:
        rows.append(("Avsnitt", "<br/>".join(esc(name or "Övrigt") for name, _i in sections)))
    flowables: list[Flowable] = [space(2), facts_table(rows), space(5)]
    if order.status is OrderStatus.DRAFT:
        flowables += [
            banner(
                "Utkast",
                "Delegationsordningen är inte antagen av nämnden och gäller inte. Ingen får "
                "besluta med stöd av den.",
            ),
            space(3),
        ]
    elif order.status is OrderStatus.SUPERSEDED:
        flowables += [
            banner(
                "Ersatt",
                "Den här versionen har ersatts av en senare delegationsordning och gäller inte "
                "längre. Den visas för att det ska gå att se vad som gällde när ett beslut "
                "fattades.",
            ),
            space(3),
        ]
    return flowables


def _order_introduction() -> list[Flowable]:
    return [
        heading("Om delegering"),
        para(
            "Nämnden beslutar i alla ärenden inom sitt ansvarsområde. En tjänsteperson, ett "
            "utskott eller en ledamot får besluta på nämndens vägnar endast när nämnden har "
            "delegerat rätten, i denna delegationsordning eller genom ett särskilt beslut. Det "
            "som inte finns med här beslutar nämnden själv. Delegering sker till en befattning, "
            "aldrig till en namngiven person."
        ),
        para(
            "Beslut som fattas med stöd av delegation anmäls till nämnden på det sätt nämnden "
            f"har bestämt (kommunallagen 6 kap. 40 §). Punkter markerade <b>{NOT_REPORTED}</b> "
            "behöver inte anmälas; beslut som kan laglighetsprövas protokollförs ändå särskilt."
        ),
        para(
            "Ärenden som är så brådskande att nämndens avgörande inte kan avvaktas får beslutas "
            "av ordföranden eller en annan ledamot som nämnden har utsett. Sådana beslut anmäls "
            "alltid vid nämndens nästa sammanträde (kommunallagen 6 kap. 39 §)."
        ),
        para(
            "En förvaltningschef får vidaredelegera beslutanderätten till en annan anställd "
            f"endast där punkten är markerad <b>{SUBDELEGATION}</b>. Beslut som fattas med stöd "
            "av vidaredelegation anmäls till förvaltningschefen (kommunallagen 7 kap. 6–7 §§)."
        ),
        para(
            "När delegaten är frånvarande beslutar den ersättare som anges i punkten. Anges "
            "ingen ersättare beslutar delegatens närmaste chef."
        ),
        para(
            muted(
                "Vissa beslut får aldrig delegeras, bland annat om verksamhetens mål, inriktning, "
                "omfattning eller kvalitet, framställningar och yttranden till fullmäktige och "
                "myndighetsutövning av principiell beskaffenhet (kommunallagen 6 kap. 38 §)."
            ),
            styles().small,
        ),
    ]


def _sections(lines: Sequence[OrderLine]) -> list[tuple[str, list[OrderLine]]]:
    """The items by section, sections in the order they first appear."""
    grouped: dict[str, list[OrderLine]] = {}
    for line in lines:
        grouped.setdefault(line.item.section.strip(), []).append(line)
    return list(grouped.items())


def _delegate_text(label: str) -> str:
    """A delegate as the organisation names them ("" for none), capitalised."""
    if not label:
        return muted("–")
    return esc(label[:1].upper() + label[1:])


def _item_marks(item: DelegationItem) -> list[str]:
    marks = []
    if item.subdelegation_allowed:
        marks.append(SUBDELEGATION)
    if not item.report_to_board:
        marks.append(NOT_REPORTED)
    return marks


def _remarks(item: DelegationItem, recall: CouncilMatter | None = None) -> str:
    parts = [esc(text) for text in (item.limits, item.notes) if text.strip()]
    if item.legal_basis is LegalBasis.ROLE_BY_LAW:
        parts.append(muted(esc(item.legal_basis.label(DOCUMENT_LANGUAGE))))
    if recall is not None:
        when = " ".join(part for part in (day(recall.decided_on), esc(recall.paragraph)) if part)
        parts.append(
            f"<b>Återtaget av fullmäktige {when}</b> (DEL-4): beslutas inte längre på delegation."
        )
    if item.kind_set_by_hand and item.kind_reason:
        parts.append(
            muted(
                f"Beslutstyp satt för hand: {esc(item.decision_kind.label(DOCUMENT_LANGUAGE))} – "
                f"{esc(item.kind_reason)} (DEL-14)"
            )
        )
    marks = _item_marks(item)
    if marks:
        parts.append(f'<font color="#1D4E7A"><b>{esc(" · ".join(marks))}</b></font>')
    return "<br/>".join(parts) or muted("–")


def _order_table(lines: Sequence[OrderLine]) -> Flowable:
    """The items; what KF has taken back (DEL-4) struck through, as in the window."""
    s = styles()
    headers = ["Nr", "Ärende", "Delegat", "Ersättare", "Lagrum", "Anmärkning/ begränsning"]
    rows: list[list[Flowable | str]] = [[Paragraph(h, s.cell_head) for h in headers]]
    for line in lines:
        item, recall = line.item, line.recall

        def shown(text: str, recall: CouncilMatter | None = recall) -> str:
            return f"<strike>{text}</strike>" if recall is not None else text

        rows.append(
            [
                Paragraph(shown(esc(item.number)), s.cell),
                Paragraph(shown(esc(item.matter)), s.cell),
                Paragraph(shown(_delegate_text(line.delegate)), s.cell),
                Paragraph(shown(_delegate_text(line.substitute)), s.cell),
                Paragraph(esc(format_citation(item.lagrum)) or muted("–"), s.cell),
                Paragraph(_remarks(item, recall), s.cell),
            ]
        )
    widths = [10 * mm, 38 * mm, 29 * mm, 28 * mm, 27 * mm]
    return grid_table(rows, [*widths, TEXT_WIDTH - sum(widths)])


# --- 2. the personal delegeringsbeslut ----------------------------------------------------


def write_delegate_letter(
    view: DelegateLetterView,
    path: Path,
    letterhead: Letterhead,
    *,
    document_id: str | None = None,
) -> WrittenLetter:
    """Write a person's delegeringsbeslut: what they may decide on the board's behalf on the
    view's date (`DelegationDocuments.delegate_letter`). Returns where the chief who informs
    ("Givare") and the delegate ("Mottagare") sign.

    Written as PDF/A-2b with `document_id` (a UUID; a new one if None) as the PDF's document
    ID."""
    on = view.on
    head = DocumentHead(
        letterhead=letterhead,
        title=DELEGATE_TITLE,
        doc_id=delegate_doc_id(view.person_id, on),
        units=list(view.units),
        date_label="Gäller den",
        date_text=day(on),
        head_width=HEAD_WIDTH,
    )
    held = view.held
    s = styles()
    story: list[Flowable] = [
        Paragraph(DELEGATE_TITLE, s.title),
        Paragraph(f"Delegation till {esc(view.person_name)}", s.heading),
        facts_table(
            [
                ("Delegat", f"<b>{esc(view.person_name)}</b>"),
                (
                    "Befattning",
                    "<br/>".join(esc(p) for p in view.positions)
                    or muted("Inget förordnande den dagen"),
                ),
                ("Gäller den", f"<b>{day(on)}</b>"),
                ("Stöd", _orders_basis(held)),
            ]
        ),
        space(2),
    ]
    delegated = [h for h in held if not h.by_law]
    by_law = [h for h in held if h.by_law]
    if delegated:
        story.append(
            para(
                f"Nämnderna har i sina delegationsordningar beslutat att den som har din "
                f"befattning får besluta på nämndens vägnar i ärendena nedan, inom angivna "
                f"begränsningar, den {day(on)}. Detta brev informerar om de besluten. Rätten "
                "följer av din befattning, inte av dig som person, och upphör när förordnandet "
                "upphör eller nämnden ändrar delegationsordningen."
            )
        )
        story += _held_tables(delegated)
    if by_law:
        story += [
            CondPageBreak(70 * mm),  # the heading and its note with the table that follows
            heading("Beslut som lagen ger din befattning"),
            para(
                "Dessa beslut fattar du med stöd av lag (till exempel skollagen för rektor), "
                "inte på nämndens vägnar: de är ingen delegering, nämnden kan inte återta dem "
                "och de anmäls inte till nämnden (DEL-5)."
            ),
            *_held_tables(by_law),
        ]
    if not held:
        story.append(
            para(
                f"Du har den {day(on)} inte rätt att besluta i något ärende på delegation. "
                "Nämnden beslutar i alla ärenden som inte har delegerats."
            )
        )
    *duties, last = _duties(any(h.may_pass_on and h.item.subdelegation_allowed for h in delegated))
    story += duties  # the signatures with the last paragraph, never alone on a page
    story.append(keep(last, space(3), _delegate_signatures(view)))
    return write_letter(path, head, story, document_id)


def _via_label(via: Via) -> str:
    return {
        Via.DELEGATE: "Som delegat",
        Via.SUBSTITUTE: "Som ersättare",
        Via.CHIEF: "Som chef för delegaten",
        Via.LAW: "Direkt enligt lag",
        Via.SUBDELEGATION: "Genom vidaredelegation",
    }[via]


def _way(way: HeldWay) -> str:
    text = f"<b>{esc(_via_label(way.via))}</b>"
    if way.via is Via.CHIEF and way.through_person:
        text += f" ({esc(way.through_person)}, {esc(way.through_role)})"
    elif way.via is Via.SUBDELEGATION and way.through_person:
        # DEL-10: decisions under it are reported to the one who passed it on, too.
        text += (
            f" från {esc(way.through_person)} ({esc(way.through_role)}), som besluten anmäls till"
        )
    elif way.via is Via.SUBSTITUTE:
        text += f" för {esc(way.stands_in_for)}"
    return f"{text}<br/>{muted(esc(way.position))}"


def _orders_basis(held: Sequence[HeldMatter]) -> str:
    orders = {h.order.id: (h.order, h.board) for h in held}
    if not orders:
        return muted("Ingen delegationsordning ger rätt att besluta den dagen")
    lines = []
    for order, board in sorted(orders.values(), key=lambda pair: pair[1]):
        lines.append(
            f"{esc(ORDER_TITLE)} för {esc(board)}, "
            f"{esc(_status_text(order).lower())} ({esc(order_doc_id(order.id))})"
        )
    return "<br/>".join(lines)


def _held_tables(held: Sequence[HeldMatter]) -> list[Flowable]:
    s = styles()
    by_board: dict[int, list[HeldMatter]] = {}
    boards: dict[int, str] = {}
    for entry in held:
        by_board.setdefault(entry.order.board_unit_id, []).append(entry)
        boards[entry.order.board_unit_id] = entry.board
    flowables: list[Flowable] = []
    for board_id, entries in sorted(by_board.items(), key=lambda b: boards[b[0]]):
        flowables += [CondPageBreak(45 * mm), heading(boards[board_id])]
        positions = {item.id: i for i, item in enumerate(entries[0].order.items)}
        entries.sort(key=lambda h: positions.get(h.item.id, 0))
        sections: dict[str, list[HeldMatter]] = {}
        for entry in entries:
            sections.setdefault(entry.item.section.strip(), []).append(entry)
        for section, rows_of in sections.items():
            rows: list[list[Flowable | str]] = [
                [
                    Paragraph(h, s.cell_head)
                    for h in ("Nr", "Ärende", "Begränsning", "Din rätt", "Anmäls")
                ]
            ]
            for entry in rows_of:
                item = entry.item
                limits = [esc(t) for t in (item.limits, item.notes) if t.strip()]
                if item.subdelegation_allowed and entry.may_pass_on:
                    limits.append(f"<b>{SUBDELEGATION}</b>")
                if entry.by_law:  # the law's own right: no delegation, nothing to report
                    report = muted("–")
                elif item.decision_kind is DecisionKind.URGENT:
                    report = "Ja, vid nästa sammanträde"
                else:
                    report = "Ja" if item.report_to_board else f"Nej<br/>{muted(NOT_REPORTED)}"
                rows.append(
                    [
                        Paragraph(esc(item.number), s.cell),
                        Paragraph(esc(item.matter), s.cell),
                        Paragraph("<br/>".join(limits) or muted("–"), s.cell),
                        Paragraph("<br/>".join(_way(way) for way in entry.ways), s.cell),
                        Paragraph(report, s.cell),
                    ]
                )
            widths = [11 * mm, 48 * mm, 38 * mm, 0.0, 16 * mm]
            widths[3] = TEXT_WIDTH - sum(widths)
            flowables += [
                CondPageBreak(35 * mm),
                Paragraph(f"<b>{esc(section or 'Övrigt')}</b>", s.body),
                grid_table(rows, widths),
                space(3),
            ]
    return flowables


def _duties(may_pass_on: bool) -> list[Flowable]:
    passing_on = (
        "Som nämndens förvaltningschef får du vidaredelegera en rätt till en annan anställd "
        f"endast där det anges <b>{SUBDELEGATION}</b>; beslut på vidaredelegation anmäls till "
        "dig (kommunallagen 7 kap. 6–7 §§)."
        if may_pass_on
        else "Du får inte vidaredelegera din beslutanderätt till någon annan: det får bara "
        "nämndens förvaltningschef, och bara där nämnden tillåtit det (kommunallagen "
        "7 kap. 6 §)."
    )
    return [
        heading("Skyldigheter när du beslutar på delegation"),
        para(
            "Du beslutar på nämndens vägnar och beslutet gäller som nämndens eget. "
            "<b>Beslut ska anmälas till nämnden</b> på det sätt och i den takt nämnden har "
            "bestämt (kommunallagen 6 kap. 40 §): registrera varje beslut du fattar med "
            "diarienummer. Beslut i brådskande ärenden anmäls vid nämndens nästa sammanträde "
            "(6 kap. 39 §). Det gäller inte beslut i ärenden markerade "
            f"<b>{NOT_REPORTED}</b>; beslut som kan laglighetsprövas protokollförs ändå särskilt."
        ),
        para(
            f"{passing_on} När du är frånvarande beslutar ersättaren, eller om ingen ersättare "
            "anges, din närmaste chef."
        ),
    ]


def _delegate_signatures(view: DelegateLetterView) -> Flowable:
    return signature_blocks(delegate_signers(view))


def delegate_signers(view: DelegateLetterView) -> list[Signer]:
    """Who signs the letter, as printed under the lines; a signature's stamp says the same."""
    chief = view.chief
    if chief is not None:
        issuer = Signer(
            "Informationen lämnad av",
            chief.person_name,
            f"{chief.role_label}, {chief.unit_name}",
            field=GIVER_FIELD,
        )
    else:
        issuer = Signer("Informationen lämnad av", "", "Chef", field=GIVER_FIELD)
    delegate = Signer(
        "Mottaget och taget del av", view.person_name, view.own_position, field=RECEIVER_FIELD
    )
    return [issuer, delegate]


# --- 3. the report of delegated decisions -------------------------------------------------


def write_decisions_report(
    view: DecisionReportView,
    path: Path,
    letterhead: Letterhead,
    *,
    document_id: str | None = None,
) -> WrittenLetter:
    """Write the decisions taken on the board's delegation in the view's period that are
    reported to the board (DEL-11), for its meeting: those not yet reported, or with the
    view's `include_reported` all of them (`DelegationDocuments.decision_report`).

    Written as PDF/A-2b with `document_id` (a UUID; a new one if None) as the PDF's document
    ID."""
    board, first, last = view.board, view.first, view.last
    decisions, include_reported = view.decisions, view.include_reported
    head = _period_head(
        letterhead, REPORT_TITLE, report_doc_id(view.board_unit_id, last), board, first, last
    )
    story = _period_intro(
        f"{REPORT_TITLE} till {board}",
        board,
        first,
        last,
        decisions,
        "Följande beslut har fattats med stöd av delegation från nämnden under perioden "
        + ("" if include_reported else "och har inte anmälts tidigare. De ")
        + "anmäls härmed till nämnden (kommunallagen 6 kap. 40 §). Anmälan innebär inte "
        "att nämnden prövar besluten på nytt; den kan däremot återkalla en delegation. "
        "Beslut i ärenden som nämnden bestämt inte ska anmälas finns inte med; de som kan "
        "laglighetsprövas protokollförs särskilt.",
    )
    if decisions:
        story += [CondPageBreak(45 * mm), _section_heading("Beslut"), _decisions_table(decisions)]
    else:
        story.append(para(muted("<i>Inga delegationsbeslut att anmäla under perioden.</i>")))
    story += [
        heading("Förslag till beslut"),
        para(f"<b>{PROPOSAL}</b>"),
    ]
    return write_letter(path, head, story, document_id)


def separate_record_doc_id(board_unit_id: int, last: date) -> str:
    return f"SPR-{board_unit_id}-{last.strftime('%Y%m%d')}"


def write_separate_record(
    view: SeparateRecordView,
    path: Path,
    letterhead: Letterhead,
    *,
    document_id: str | None = None,
) -> WrittenLetter:
    """The separate record (särskilt protokoll) of the decisions taken on the board's
    delegation in the view's period that are not reported but may be appealed by
    laglighetsprövning (DEL-11, kommunallagen 6 kap. 40 §, 7 kap. 8 §), with signature blocks
    for its adjustment (justering) and the notice on the anslagstavla
    (`DelegationDocuments.separate_record`).

    Written as PDF/A-2b with `document_id` (a UUID; a new one if None) as the PDF's document
    ID."""
    board, first, last, decisions = view.board, view.first, view.last, view.decisions
    doc_id = separate_record_doc_id(view.board_unit_id, last)
    head = _period_head(letterhead, SEPARATE_TITLE, doc_id, board, first, last)
    story = _period_intro(
        f"{SEPARATE_TITLE}, {board}",
        board,
        first,
        last,
        decisions,
        "Följande beslut har fattats med stöd av delegation från nämnden under perioden. "
        "Nämnden har bestämt att de inte ska anmälas till nämnden. Eftersom de kan "
        "överklagas genom laglighetsprövning enligt 13 kap. kommunallagen protokollförs de "
        "särskilt (kommunallagen 6 kap. 40 § och 7 kap. 8 §). Tiden för överklagande räknas "
        "från den dag då det tillkännagavs på kommunens anslagstavla att protokollet "
        "justerats.",
    )
    if decisions:
        story += [
            CondPageBreak(45 * mm),
            _section_heading("Beslut"),
            _decisions_table(decisions, recorded=True),
        ]
    else:
        story.append(para(muted("<i>Inga beslut att protokollföra särskilt under perioden.</i>")))
    story += [
        heading("Justering"),
        para("Protokollet justeras av den som fattat besluten eller av nämndens sekreterare."),
        space(10),
        keep(
            signature_blocks(
                [
                    Signer("Justerat", "", "Beslutsfattaren eller nämndens sekreterare"),
                    Signer("Tillkännagivet på anslagstavlan", "", "Nämndens sekreterare"),
                ]
            )
        ),
    ]
    return write_letter(path, head, story, document_id)


def _period_head(
    letterhead: Letterhead, title: str, doc_id: str, board: str, first: date, last: date
) -> DocumentHead:
    return DocumentHead(
        letterhead=letterhead,
        title=title,
        doc_id=doc_id,
        units=[board],
        date_label="Period",
        date_text=f"{day(first)} – {day(last)}",
        head_width=HEAD_WIDTH,
    )


def _period_intro(
    title: str,
    board: str,
    first: date,
    last: date,
    decisions: Sequence[DecisionView],
    text: str,
) -> list[Flowable]:
    s = styles()
    return [
        Paragraph(esc(title), s.title),
        facts_table(
            [
                ("Nämnd", f"<b>{esc(board)}</b>"),
                ("Period", f"{day(first)} – {day(last)}"),
                ("Antal beslut", str(len(decisions))),
            ]
        ),
        space(3),
        para(text),
    ]


def _decisions_table(decisions: Sequence[DecisionView], recorded: bool = False) -> Flowable:
    s = styles()
    headers = ["Datum", "Nr", "Ärende", "Beslut", "Beslutsfattare", "Diarienr"]
    rows: list[list[Flowable | str]] = [[Paragraph(h, s.cell_head) for h in headers]]
    for decision in decisions:
        matter = esc(decision.item.matter)
        if recorded and decision.recorded_separately_on is not None:
            matter += f"<br/>{muted('Protokollfört ' + day(decision.recorded_separately_on))}"
        rows.append(
            [
                Paragraph(day(decision.decided_on), s.cell),
                Paragraph(esc(decision.item.number), s.cell),
                Paragraph(matter, s.cell),
                Paragraph(esc(decision.description), s.cell),
                Paragraph(esc(decision.decided_by), s.cell),
                Paragraph(esc(decision.case_number) or muted("–"), s.cell),
            ]
        )
    widths = [23 * mm, 10 * mm, 36 * mm, 0.0, 30 * mm, 22 * mm]
    widths[3] = TEXT_WIDTH - sum(widths)
    return grid_table(rows, widths)
