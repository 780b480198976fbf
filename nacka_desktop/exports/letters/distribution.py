"""The letter "Fördelning av arbetsmiljöuppgifter" (DOMAIN.md §3, AM-1…AM-9)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from nacka_desktop.domain.labels import DOCUMENT_LANGUAGE
from nacka_desktop.domain.letterhead import Letterhead
from nacka_desktop.domain.signatures import GIVER_FIELD, RECEIVER_FIELD
from nacka_desktop.domain.work_environment import DistributionState
from nacka_desktop.exports.letters._layout import (
    TEXT_WIDTH,
    DocumentHead,
    Signer,
    WrittenLetter,
    banner,
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
    write_letter,
)
from nacka_desktop.services.work_queries import DistributionView

TITLE = "Fördelning av arbetsmiljöuppgifter"
GAP = "&nbsp;" * 5
EMPLOYER = "Kommunstyrelsen (arbetsgivaren)"
AFS_2023_FROM = date(2025, 1, 1)  # AFS 2023:1 replaced AFS 2001:1


def provision(on: date) -> str:
    """The provision on distributing tasks in force on the date (DOMAIN.md §3)."""
    if on >= AFS_2023_FROM:
        return (
            "9 § Arbetsmiljöverkets föreskrifter och allmänna råd om systematiskt "
            "arbetsmiljöarbete – grundläggande skyldigheter för dig med arbetsgivaransvar "
            "(AFS&nbsp;2023:1)"
        )
    return "6 § Arbetsmiljöverkets föreskrifter om systematiskt arbetsmiljöarbete (AFS&nbsp;2001:1)"


# AM-6 as AFS 2023:1 9 § lists what the receiver must have, each confirmed per task.
KNOWLEDGE = (
    "kunskaper om de regler som gäller för arbetsmiljön, om fysiska, organisatoriska och "
    "sociala risker som kan leda till ohälsa och olycksfall och om de åtgärder som behövs för "
    "att förebygga dem"
)

RETURN_RIGHT = (
    "Du har rätt att när som helst helt eller delvis återföra arbetsmiljöuppgifterna till den "
    "som fördelat dem. Återföringen ska göras skriftligen och behöver inte godkännas. Ange vilka "
    "uppgifter som återförs och skälet, till exempel att du saknar kunskap, kompetens, "
    "befogenheter eller resurser."
)

# A distribution not yet signed is the paper both parties sign: it says so (a notice and its
# status) and carries no watermark and no "Utkast", which would make it no paper to sign.
FOR_SIGNATURE = "För underskrift – ännu inte i kraft"
_WATERMARKS = {
    DistributionState.SIGNED: "EJ I KRAFT",
    DistributionState.RETURNED: "ÅTERFÖRD",
    DistributionState.LAPSED: "UPPHÖRD",
    DistributionState.ENDED: "AVSLUTAD",
}


def distribution_doc_id(distribution_id: int) -> str:
    return f"AM-FÖR-{distribution_id}"


def return_doc_id(return_id: int) -> str:
    return f"AM-ÅTF-{return_id}"


def write_distribution_letter(
    view: DistributionView,
    path: Path,
    letterhead: Letterhead,
    today: date,
    *,
    document_id: str | None = None,
) -> WrittenLetter:
    """Write the written distribution (AM-2) as a PDF letter from the giver to the receiver,
    dated the day it was signed (not yet signed: `today`, the day it is printed).

    A draft, or a distribution not (or no longer) in force on the view's date, is marked with
    a watermark on every page and a notice under the title.

    Written as PDF/A-2b with `document_id` (a UUID; a new one if None) as the PDF's document
    ID."""
    record = view.record
    head = DocumentHead(
        letterhead=letterhead,
        title=TITLE,
        doc_id=distribution_doc_id(view.id),
        units=[name for _id, name, _code in view.units],
        date_label="Datum" if record.signed_on else "Utskriven",
        date_text=day(record.signed_on or today),
        watermark=_WATERMARKS.get(view.state),
    )
    story: list[Flowable] = [Paragraph(TITLE, styles().title)]
    notice = _state_notice(view)
    if notice is not None:
        story += [notice, space(4)]
    story += _introduction(view)
    story += _tasks(view)
    story += _pass_on_and_absence(view)
    story += _follow_up(view)
    story += _return_right(view)
    # The signatures never stand alone on a page: they go with the oral communication, the
    # section they close (a six-task letter left them by themselves on page 3).
    story.append(keep(*_oral(view), *_signatures(view)))
    return write_letter(path, head, story, document_id)


# --- parts of the letter ------------------------------------------------------------------


def giver_markup(view: DistributionView) -> str:
    if view.giver is not None:
        return person_markup(view.giver.person_name, view.giver.role_label, view.giver.unit_name)
    chair = (
        f"genom ordförande {esc(view.signatory.person_name)}"
        if view.signatory is not None
        else "genom kommunstyrelsens ordförande"
    )
    return f"<b>{EMPLOYER}</b><br/>{chair}"


def person_markup(name: str, role: str, unit: str) -> str:
    return f"<b>{esc(name)}</b>, {esc(role)}, {esc(unit)}"


def giver_signer(view: DistributionView, caption: str, signed_on: date | None) -> Signer:
    if view.giver is not None:
        return Signer(
            caption,
            view.giver.person_name,
            f"{view.giver.role_label}, {view.giver.unit_name}",
            signed_on,
            GIVER_FIELD,
        )
    name = view.signatory.person_name if view.signatory is not None else ""
    return Signer(caption, name, f"ordförande, för {EMPLOYER}", signed_on, GIVER_FIELD)


def validity(view: DistributionView) -> str:
    record = view.record
    text = f"Från och med {day(record.valid_from)}"
    if record.valid_to is not None:
        text += f" till och med {last_day(record.valid_to)}"
    else:
        text += ", tills vidare"
    if view.lapse is not None and view.state is not DistributionState.LAPSED:
        lapse_on, why = view.lapse
        text += f".<br/>Upphör senast {day(lapse_on)}, när {esc(why)} upphör"
    whose = (
        "ditt förordnande"
        if record.giver_appointment_id is None
        else ("ditt eller givarens förordnande")
    )
    return (
        text + f".<br/>Fördelningen upphör när {whose} upphör, och med den allt som du "
        "har fördelat vidare av den."
    )


def last_day(end: date | None) -> str:
    """The last day in force of an exclusive end date (valid_to), as a letter writes it."""
    return day(end - timedelta(days=1)) if end is not None else "–"


def _state_notice(view: DistributionView) -> Flowable | None:
    record = view.record
    giver = esc(view.giver_name)
    if view.state is DistributionState.DRAFT:
        return banner(
            "FÖR UNDERSKRIFT – ännu inte i kraft",
            "Fördelningen gäller först när givare och mottagare har skrivit under (AM-2) och "
            "givaren personligen har gått igenom den muntligen med mottagaren (AM-3).",
        )
    if view.state is DistributionState.SIGNED:
        missing = []
        if record.communicated_on is None:
            missing.append("Den muntliga genomgången är ännu inte registrerad.")
        if record.starts_on is not None:
            missing.append(f"Fördelningen börjar gälla {day(record.starts_on)}.")
        return banner(
            "EJ I KRAFT – undertecknad men gäller ännu inte",
            " ".join(["Fördelningen är undertecknad men gäller ännu inte.", *missing]),
        )
    if view.state is DistributionState.RETURNED:
        last = max((r.returned_on for r in view.returns), default=None)
        return banner(
            "ÅTERFÖRD – gäller inte längre",
            f"Samtliga uppgifter har återförts till {giver}"
            + (f", senast {day(last)}." if last else "."),
        )
    if view.state is DistributionState.LAPSED and view.lapse is not None:
        lapse_on, why = view.lapse
        return banner(
            "UPPHÖRD – gäller inte längre",
            f"Fördelningen upphörde {day(lapse_on)}, när {esc(why)} upphörde. Uppgifterna har "
            "gått tillbaka till den som fördelade dem.",
        )
    if view.state is DistributionState.ENDED:
        return banner(
            "AVSLUTAD – gäller inte längre",
            f"Fördelningen är avslutad och gällde till och med {last_day(record.valid_to)}.",
        )
    return None


def _introduction(view: DistributionView) -> list[Flowable]:
    record = view.record
    basis = record.signed_on or record.valid_from
    status = view.state.label(DOCUMENT_LANGUAGE)
    if view.state is DistributionState.DRAFT:
        # The paper both parties sign is no draft to them: it says what the notice says.
        status = FOR_SIGNATURE
    if view.state is DistributionState.IN_FORCE and record.starts_on is not None:
        status += f" sedan {day(record.starts_on)}"
    units = "<br/>".join(f"{esc(name)} ({esc(code)})" for _id, name, code in view.units) or "–"
    return [
        para(
            "Arbetsgivaren har ansvaret för arbetsmiljön, och det ansvaret ligger kvar hos "
            "arbetsgivaren. För att arbetsmiljöarbetet ska kunna bedrivas nära verksamheten "
            "fördelas de arbetsmiljöuppgifter som anges nedan till dig. Fördelningen görs "
            "skriftligen enligt 3 kap. 2 a § arbetsmiljölagen (1977:1160) och "
            f"{provision(basis)}."
        ),
        space(2),
        facts_table(
            [
                ("Fördelas av", giver_markup(view)),
                (
                    "Mottagare",
                    person_markup(
                        view.receiver.person_name,
                        view.receiver.role_label,
                        view.receiver.unit_name,
                    ),
                ),
                *_employer_decision(view),
                ("Gäller för enheten" if len(view.units) == 1 else "Gäller för enheterna", units),
                ("Giltighetstid", validity(view)),
                ("Status", esc(status)),
            ]
        ),
    ]


def _employer_decision(view: DistributionView) -> list[tuple[str, str]]:
    """A distribution from the employer cites the KS decision it rests on (or leaves the line
    for it to be written in)."""
    record = view.record
    if record.giver_appointment_id is not None:
        return []
    section = record.employer_decision_section.strip()
    if section and not section.startswith("§"):
        section = f"§&nbsp;{esc(section)}"
    else:
        section = esc(section).replace("§ ", "§&nbsp;")
    if record.employer_decision_on is None:
        return [("Beslut", "Kommunstyrelsens beslut den ______________ § ______")]
    where = f"Kommunstyrelsens beslut {day(record.employer_decision_on)}"
    return [("Beslut", f"{where}, {section}" if section else where)]


def _tasks(view: DistributionView) -> list[Flowable]:
    s = styles()
    header = [
        Paragraph("Nr", s.cell_head),
        Paragraph("Arbetsmiljöuppgift", s.cell_head),
        Paragraph("Kunskap", s.cell_center),
        Paragraph("Kompetens", s.cell_center),
        Paragraph("Befogen-<br/>heter", s.cell_center),
        Paragraph("Resurser<br/>inkl. tid", s.cell_center),
    ]
    rows: list[list[Flowable | str]] = [header]
    for number, entry in enumerate(view.items, start=1):
        task, item = entry.task, entry.item
        text = f"<b>{esc(task.name)}</b> {muted(esc(task.code))}"
        if task.description.strip():
            text += f"<br/>{esc(task.description)}"
        if item.returned_on is not None:
            returned = f"Återförd {day(item.returned_on)}"
            if item.return_id is not None:
                returned += f" ({esc(return_doc_id(item.return_id))})"
            text += f'<br/><i><font color="#7A3E00">{returned}</font></i>'
        rows.append(
            [
                Paragraph(str(number), s.cell),
                Paragraph(text, s.cell),
                *(
                    Paragraph(checkbox(flag), s.check)
                    for flag in (item.knowledge, item.competence, item.authority, item.resources)
                ),
            ]
        )
    check_width = 18.5 * mm
    number_width = 9 * mm
    table = grid_table(
        rows,
        [number_width, TEXT_WIDTH - number_width - 4 * check_width, *[check_width] * 4],
        centered_from=2,
    )
    parts: list[Flowable] = [
        heading("Arbetsmiljöuppgifter som fördelas"),
        para(
            "Du får i uppgift att sköta följande arbetsmiljöuppgifter inom de enheter som anges "
            "ovan. Det är uppgifterna som fördelas; arbetsgivarens ansvar för arbetsmiljön ligger "
            "kvar. För varje uppgift visas om du har bekräftat att du har tillräckliga "
            f"{KNOWLEDGE}, den kompetens som behövs, befogenheter (rätt att besluta och handla) "
            "och resurser (pengar, personal, utrustning, lokaler och tid) för uppgiften."
        ),
        table,
        space(1.5),
        para(f"{checkbox(True)} bekräftat{GAP}{checkbox(False)} inte bekräftat", s.muted),
    ]
    if not view.items:
        parts.insert(2, para("<i>Fördelningen innehåller inga uppgifter.</i>"))
    if any(not entry.item.fully_confirmed for entry in view.items):
        parts.append(
            para(
                "<b>Observera:</b> för minst en uppgift är inte alla förutsättningar bekräftade. "
                "Den som fördelar uppgifterna ska se till att du får det som saknas. Annars kan "
                "du återföra uppgiften (se nedan).",
                s.small,
            )
        )
    return parts


def _pass_on_and_absence(view: DistributionView) -> list[Flowable]:
    record = view.record
    if record.may_pass_on:
        pass_on = (
            "Du <b>får</b> fördela uppgifterna vidare, helt eller delvis, till chefer under dig "
            "inom de enheter som fördelningen gäller. En vidarefördelning ska göras skriftligen "
            "på samma sätt som denna."
        )
    else:
        pass_on = (
            "Du <b>får inte</b> fördela uppgifterna vidare. De ligger kvar hos dig tills "
            "fördelningen upphör eller du återför dem."
        )
    not_given = muted("<i>Inget angivet.</i>")
    return [
        heading("Vidarefördelning"),
        para(pass_on),
        heading("Frånvaro och uppgifter som stannar kvar"),
        facts_table(
            [
                (
                    "Vid din frånvaro (t.ex. sjukdom, semester)",
                    esc(record.absence_arrangement) or not_given,
                ),
                (
                    f"Uppgifter som stannar hos {view.giver_name}",
                    esc(record.retained_tasks) or not_given,
                ),
            ],
            label_width=58 * mm,
        ),
    ]


def _follow_up(view: DistributionView) -> list[Flowable]:
    record = view.record
    text = "Fördelningen följs upp minst en gång om året."
    if record.followed_up_on is not None:
        text += f" Den följdes senast upp {day(record.followed_up_on)}."
    if view.state in (DistributionState.IN_FORCE, DistributionState.SIGNED):
        if view.follow_up_due is not None:
            text += f" Nästa uppföljning ska göras senast <b>{day(view.follow_up_due)}</b>."
        else:
            text += (
                " Den första uppföljningen ska göras senast ett år efter att fördelningen "
                "har börjat gälla."
            )
    elif view.state is DistributionState.DRAFT:
        text += (
            " Den första uppföljningen ska göras senast ett år efter att fördelningen har "
            "börjat gälla."
        )
    return [heading("Uppföljning"), para(text)]


def _return_right(view: DistributionView) -> list[Flowable]:
    parts: list[Flowable] = [heading("Din rätt att återföra uppgifterna"), para(RETURN_RIGHT)]
    if view.returns:
        names = {entry.task.id: entry.task.name for entry in view.items}
        lines = []
        for task_return in view.returns:
            tasks = "; ".join(esc(names.get(t, f"uppgift {t}")) for t in task_return.task_ids)
            lines.append(
                f"{day(task_return.returned_on)} ({esc(return_doc_id(task_return.id))}): {tasks}"
            )
        parts.append(para("<b>Återförda uppgifter:</b><br/>" + "<br/>".join(lines)))
    return parts


def _oral(view: DistributionView) -> list[Flowable]:
    record = view.record
    who = (
        view.giver.person_name
        if view.giver is not None
        else (
            view.signatory.person_name
            if view.signatory is not None
            else "kommunstyrelsens ordförande"
        )
    )
    if record.communicated_on is not None:
        text = (
            f"Fördelningen har också gåtts igenom muntligen med mottagaren av {esc(who)} "
            f"personligen den <b>{day(record.communicated_on)}</b>."
        )
    else:
        text = (
            f"Fördelningen ska också gås igenom muntligen med dig av {esc(who)} personligen. "
            "Den gäller först när den både är undertecknad och har gåtts igenom muntligen."
            "<br/><br/>Muntlig genomgång den: ______________________"
        )
    return [heading("Muntlig genomgång"), para(text)]


def _signatures(view: DistributionView) -> list[Flowable]:
    # Not a KeepTogether of its own: the caller keeps it with the section before, and a
    # KeepTogether inside another never fits (reportlab wraps it as 0xffffff high).
    return [
        heading("Underskrifter"),
        para(
            "Med sin underskrift bekräftar mottagaren att hen har tagit emot fördelningen och "
            "har de förutsättningar som är markerade som bekräftade ovan."
        ),
        space(3),
        signature_blocks(distribution_signers(view)),
    ]


def distribution_signers(view: DistributionView) -> list[Signer]:
    """Who signs the letter, as printed under the lines; a signature's stamp says the same."""
    receiver = view.receiver
    signed_on = view.record.signed_on
    return [
        giver_signer(view, "Fördelat av", signed_on),
        Signer(
            "Mottaget och bekräftat av",
            receiver.person_name,
            f"{receiver.role_label}, {receiver.unit_name}",
            signed_on,
            RECEIVER_FIELD,
        ),
    ]
