"""The shared look of the PDF letters: A4, DejaVu fonts (embedded), a letterhead on the first
page, a running header on later pages, a footer with the document ID and "Sida X av Y" on
every page, and a watermark for anything that is not (or no longer) in force. Written as
PDF/A-2b (nacka_desktop/exports/pdfa.py), whose document ID is a UUID in the file's metadata,
not the printed Dok-ID (`DocumentHead.doc_id`, e.g. "AM-FÖR-12").

reportlab is imported here and only here (and in the letter modules next to it); the CLI and the
GUI import this package lazily, when a letter is written.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from PIL import Image as PILImage
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    HRFlowable,
    Image,
    KeepTogether,
    NextPageTemplate,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from nacka_desktop.domain.letterhead import Letterhead
from nacka_desktop.exports.output import check_output
from nacka_desktop.exports.pdfa import document_id_or_new, to_pdfa
from nacka_desktop.resource_files import fonts, real_path

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_ITALIC = "DejaVuSans-Oblique"
FONT_BOLD_ITALIC = "DejaVuSans-BoldOblique"

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_LEFT = MARGIN_RIGHT = 22 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 24 * mm
LATER_HEADER = 12 * mm  # room the running header takes on pages 2…
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
HEAD_WIDTH = 62 * mm  # the document ID and date, top right
HEAD_LABEL_WIDTH = 25 * mm
FACT_LABEL_WIDTH = 42 * mm  # the label column of a facts table
FIELD_GAP = 7 * mm  # between the Ort and Datum lines of a signature block
SIGNATURE_HEIGHT = 12 * mm  # the space above the Underskrift line: a digital signature's stamp
LOGO_HEIGHT = 14 * mm  # the letterhead's logo, scaled to this height (its width follows)

INK = colors.HexColor("#1F2933")
MUTED = colors.HexColor("#5F6B76")
RULE = colors.HexColor("#9AA5B1")
GRID = colors.HexColor("#C9D0D6")
SHADE = colors.HexColor("#EEF1F4")
ACCENT = colors.HexColor("#1D4E7A")
WARN_FILL = colors.HexColor("#FDF2E4")
WARN_LINE = colors.HexColor("#D9822B")
WARN_INK = colors.HexColor("#7A3E00")
WATERMARK = colors.HexColor("#B03A2E")

CHECKED = "\u2611"  # ☑
UNCHECKED = "\u2610"  # ☐


# --- fonts and styles ---------------------------------------------------------------------


@cache
def register_fonts() -> None:
    """Register DejaVu Sans as a family, so <b> and <i> in a Paragraph pick the bold and
    oblique files (without registerFontFamily they silently stay regular)."""
    for name in (FONT, FONT_BOLD, FONT_ITALIC, FONT_BOLD_ITALIC):
        font = fonts() / f"{name}.ttf"
        if not font.is_file():
            raise RuntimeError(
                f"Typsnittet {font.name} saknas i {fonts()}; installationen är ofullständig."
            )
        pdfmetrics.registerFont(TTFont(name, str(real_path(font))))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC
    )


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    cell_center: ParagraphStyle
    check: ParagraphStyle
    title: ParagraphStyle
    heading: ParagraphStyle
    municipality: ParagraphStyle
    head_line: ParagraphStyle
    head_units: ParagraphStyle
    head_label: ParagraphStyle
    head_value: ParagraphStyle
    banner_title: ParagraphStyle
    banner_text: ParagraphStyle
    field_label: ParagraphStyle
    field_value: ParagraphStyle


@cache
def styles() -> Styles:
    register_fonts()
    # Swedish hyphenation (pyphen's dictionary) where a word does not fit its line or table
    # cell, so "personaldirektören" breaks as "personal-direktören", never mid-syllable.
    body = ParagraphStyle(
        "body",
        fontName=FONT,
        fontSize=9.5,
        leading=13.5,
        textColor=INK,
        spaceAfter=5,
        hyphenationLang="sv",
        embeddedHyphenation=1,
        uriWasteReduce=0.3,
        splitLongWords=0,  # a word is broken only where Swedish hyphenation allows
    )
    cell = ParagraphStyle("cell", parent=body, fontSize=8.8, leading=11.8, spaceAfter=0)
    return Styles(
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=8.3, leading=11.2),
        muted=ParagraphStyle("muted", parent=body, fontSize=8.3, leading=11.2, textColor=MUTED),
        cell=cell,
        cell_head=ParagraphStyle(
            "cell_head", parent=cell, fontName=FONT_BOLD, fontSize=8, leading=10
        ),
        cell_center=ParagraphStyle(
            "cell_center",
            parent=cell,
            fontName=FONT_BOLD,
            fontSize=7.5,
            leading=9.5,
            alignment=TA_CENTER,
        ),
        check=ParagraphStyle("check", parent=cell, fontSize=12, leading=14, alignment=TA_CENTER),
        title=ParagraphStyle(
            "title",
            parent=body,
            hyphenationLang="",  # a title wraps between words
            fontName=FONT_BOLD,
            fontSize=16.5,
            leading=21,
            textColor=ACCENT,
            spaceBefore=2,
            spaceAfter=10,
        ),
        heading=ParagraphStyle(
            "heading",
            parent=body,
            hyphenationLang="",
            fontName=FONT_BOLD,
            fontSize=11,
            leading=14,
            textColor=ACCENT,
            spaceBefore=12,
            spaceAfter=4,
            keepWithNext=1,
        ),
        municipality=ParagraphStyle(
            "municipality", parent=body, fontName=FONT_BOLD, fontSize=15, leading=18, spaceAfter=1
        ),
        head_line=ParagraphStyle(
            "head_line", parent=body, fontSize=9.5, leading=12.5, spaceAfter=0
        ),
        head_units=ParagraphStyle(
            "head_units", parent=body, fontSize=9, leading=12, textColor=MUTED, spaceAfter=0
        ),
        head_label=ParagraphStyle(
            "head_label",
            parent=body,
            fontSize=7.5,
            leading=10.5,
            textColor=MUTED,
            spaceAfter=0,
        ),
        head_value=ParagraphStyle(
            "head_value",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=9,
            leading=10.5,
            spaceAfter=0,
        ),
        banner_title=ParagraphStyle(
            "banner_title",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=10,
            leading=13,
            textColor=WARN_INK,
            spaceAfter=2,
        ),
        banner_text=ParagraphStyle(
            "banner_text", parent=body, fontSize=8.8, leading=12, textColor=WARN_INK, spaceAfter=0
        ),
        field_label=ParagraphStyle(
            "field_label", parent=body, fontSize=7, leading=9, textColor=MUTED, spaceAfter=0
        ),
        field_value=ParagraphStyle(
            "field_value", parent=body, fontSize=9.5, leading=12, spaceAfter=0
        ),
    )


# --- text helpers -------------------------------------------------------------------------


def esc(text: str) -> str:
    """User text as Paragraph markup: escaped, line breaks kept."""
    return escape(text.strip()).replace("\r\n", "\n").replace("\n", "<br/>")


def day(value: date | None) -> str:
    return value.isoformat() if value is not None else "–"


def para(markup: str, style: ParagraphStyle | None = None) -> Paragraph:
    return Paragraph(markup, style or styles().body)


def heading(text: str) -> Paragraph:
    return Paragraph(esc(text), styles().heading)


def checkbox(checked: bool) -> str:
    return CHECKED if checked else f'<font color="{MUTED.hexval()}">{UNCHECKED}</font>'


def muted(markup: str) -> str:
    return f'<font color="{MUTED.hexval()}">{markup}</font>'


# --- building blocks ----------------------------------------------------------------------


def table_style(commands: Sequence[tuple[Any, ...]]) -> TableStyle:
    """A table style whose cells default to DejaVu: reportlab's default (Helvetica) would be
    referenced, unembedded, by any plain-string cell, even an empty one."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), *commands])


def facts_table(
    rows: Sequence[tuple[str, str | Flowable]], label_width: float = FACT_LABEL_WIDTH
) -> Table:
    """Label / value rows (values are markup or a flowable), with light rules between them."""
    s = styles()
    data = [
        [
            Paragraph(esc(label), s.cell_head),
            Paragraph(value, s.cell) if isinstance(value, str) else value,
        ]
        for label, value in rows
    ]
    # splitInRow: a text longer than a page (a 10,000-character absence clause) goes on to
    # the next page instead of failing the letter.
    table = Table(
        data, colWidths=[label_width, TEXT_WIDTH - label_width], hAlign="LEFT", splitInRow=1
    )
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -2), 0.4, GRID),
                ("LINEABOVE", (0, 0), (-1, 0), 0.6, RULE),
                ("LINEBELOW", (0, -1), (-1, -1), 0.6, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 3.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4.5),
            ]
        )
    )
    return table


def grid_table(
    data: list[list[Any]], widths: Sequence[float], centered_from: int | None = None
) -> Table:
    """A table with a shaded header row repeated on every page and light grid lines."""
    table = Table(data, colWidths=list(widths), repeatRows=1, hAlign="LEFT", splitInRow=1)
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("LINEBELOW", (0, 0), (-1, 0), 0.7, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]
    if centered_from is not None:
        commands += [
            ("VALIGN", (centered_from, 1), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (centered_from, 0), (-1, -1), 2),
            ("RIGHTPADDING", (centered_from, 0), (-1, -1), 2),
        ]
    table.setStyle(table_style(commands))
    return table


def banner(title: str, text: str) -> Table:
    """A framed notice that the letter is a draft or not (any longer) in force."""
    s = styles()
    table = Table(
        [[[Paragraph(esc(title), s.banner_title), Paragraph(text, s.banner_text)]]],
        colWidths=[TEXT_WIDTH],
        hAlign="LEFT",
    )
    table.setStyle(
        table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), WARN_FILL),
                ("BOX", (0, 0), (-1, -1), 0.8, WARN_LINE),
                ("LINEBEFORE", (0, 0), (0, -1), 3, WARN_LINE),
                ("LEFTPADDING", (0, 0), (-1, -1), 9),
                ("RIGHTPADDING", (0, 0), (-1, -1), 9),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
            ]
        )
    )
    return table


@dataclass(frozen=True)
class Signer:
    """One signature block: a caption ("Fördelat av"), the printed name and who they are."""

    caption: str
    name: str
    detail: str  # role and unit, or "för Kommunstyrelsen (arbetsgivaren)"
    signed_on: date | None = None  # printed on the Datum line when recorded
    # The name of this party's signature field ("Givare", "Mottagare"): the same party has the
    # same field name in every letter, so a letter can be signed party by party.
    field: str | None = None


@dataclass(frozen=True)
class SignatureBox:
    """Where one party signs: the space above the Underskrift line, as laid out. `page`
    counts from 0; `rect` is (left, bottom, right, top) in PDF points from the page's
    lower left corner, as a PDF signature field's /Rect is."""

    field: str
    page: int
    rect: tuple[float, float, float, float]
    caption: str
    name: str  # as printed under the line ("" when not known yet)
    detail: str


@dataclass(frozen=True)
class WrittenLetter:
    """What writing a letter gives back: its document ID (in its XMP and trailer /ID, for
    recognising it when it comes back signed) and where each party signs."""

    document_id: str
    signature_boxes: tuple[SignatureBox, ...] = ()


class _LetterTemplate(BaseDocTemplate):  # type: ignore[misc]  # reportlab is untyped
    """The letter's document template, which collects the signature boxes as they are drawn
    (the canvas knows its template while the story is built)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.signature_boxes: list[SignatureBox] = []


class _SignatureSpot(Flowable):  # type: ignore[misc]
    """Fills the Underskrift row and draws nothing: where it lands is only known when the
    page is laid out, so it notes its absolute position when reportlab draws it."""

    def __init__(self, signer: Signer, height: float) -> None:
        super().__init__()
        self.signer = signer
        self.spot_height = height

    def wrap(self, available_width: float, _available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, self.spot_height

    def draw(self) -> None:
        canvas = self.canv
        template = getattr(canvas, "_doctemplate", None)
        if not isinstance(template, _LetterTemplate) or self.signer.field is None:
            return
        left, bottom = canvas.absolutePosition(0, 0)
        right, top = canvas.absolutePosition(self.width, self.spot_height)
        template.signature_boxes.append(
            SignatureBox(
                field=self.signer.field,
                page=canvas.getPageNumber() - 1,
                rect=(round(left, 2), round(bottom, 2), round(right, 2), round(top, 2)),
                caption=self.signer.caption,
                name=self.signer.name.strip(),
                detail=self.signer.detail,
            )
        )


def signature_blocks(signers: Sequence[Signer]) -> Table:
    """Side-by-side blocks with lines for Ort, Datum and Underskrift, the name printed below."""
    gap = 12 * mm
    block_width = (TEXT_WIDTH - gap * (len(signers) - 1)) / len(signers)
    blocks = [_signature_block(signer, block_width) for signer in signers]
    row: list[Any] = []
    widths: list[float] = []
    for index, block in enumerate(blocks):
        if index:
            row.append("")
            widths.append(gap)
        row.append(block)
        widths.append(block_width)
    table = Table([row], colWidths=widths, hAlign="LEFT")
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def _signature_block(signer: Signer, width: float) -> Table:
    s = styles()
    place_width = width * 0.55
    date_width = width - place_width - FIELD_GAP
    filled_date = Paragraph(day(signer.signed_on), s.field_value) if signer.signed_on else ""
    spot = _SignatureSpot(signer, SIGNATURE_HEIGHT - 2.5) if signer.field else ""
    data = [
        [Paragraph(esc(signer.caption), s.cell_head), "", ""],
        ["", "", filled_date],
        [Paragraph("Ort", s.field_label), "", Paragraph("Datum", s.field_label)],
        [spot, "", ""],
        [Paragraph("Underskrift", s.field_label), "", ""],
    ]
    heights: list[float | None] = [None, 9 * mm, None, SIGNATURE_HEIGHT, None]
    extra: list[tuple[Any, ...]] = []
    if signer.name.strip():
        data.append([Paragraph(f"<b>{esc(signer.name)}</b>", s.field_value), "", ""])
        extra.append(("TOPPADDING", (0, 5), (-1, 5), 3))
    else:  # not known yet (e.g. who receives for KS): a line to print the name on
        data += [["", "", ""], [Paragraph("Namnförtydligande", s.field_label), "", ""]]
        heights.append(8 * mm)
        extra.append(("LINEBELOW", (0, 5), (-1, 5), 0.6, INK))
    data.append([Paragraph(esc(signer.detail), s.muted), "", ""])
    heights += [None] * (len(data) - len(heights))
    table = Table(data, colWidths=[place_width, FIELD_GAP, date_width], rowHeights=heights)
    table.setStyle(
        table_style(
            [
                *[("SPAN", (0, row), (-1, row)) for row in range(5, len(data))],
                ("SPAN", (0, 0), (-1, 0)),
                ("SPAN", (0, 3), (-1, 3)),
                ("SPAN", (0, 4), (-1, 4)),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LINEBELOW", (0, 1), (0, 1), 0.6, INK),
                ("LINEBELOW", (2, 1), (2, 1), 0.6, INK),
                ("LINEBELOW", (0, 3), (-1, 3), 0.6, INK),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, 0), 4),
                *extra,
            ]
        )
    )
    return table


# --- the document -------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentHead:
    """The head of one document: who sends it (the letterhead, the same on every letter) and
    what it is (its kind, ID, units and date)."""

    letterhead: Letterhead
    title: str  # the letter's kind, for the running header and the PDF's metadata
    doc_id: str
    units: Sequence[str]
    date_label: str
    date_text: str
    watermark: str | None = None  # e.g. "UTKAST": drawn across every page
    head_width: float = HEAD_WIDTH  # wider for longer document IDs or a date range


def write_letter(
    path: Path, head: DocumentHead, story: list[Flowable], document_id: str | None = None
) -> WrittenLetter:
    """Lay the story out under the letterhead and write the PDF as PDF/A-2b (exports/pdfa.py)
    with `document_id` (a UUID; a new one if None) as its document ID. Built in memory,
    written beside the target and moved over it, so a failed export leaves no half-written
    file. Returns the ID and where each party with a signature field signs
    (nacka_desktop.signing adds the fields and signs there)."""
    document_id = document_id_or_new(document_id)
    register_fonts()
    buffer = io.BytesIO()
    document = _LetterTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=f"{head.title} {head.doc_id}",
        author=head.letterhead.municipality,
        subject=head.title,
        creator="Nacka Desktop",
        lang="sv-SE",
        initialFontName=FONT,  # otherwise every page references a non-embedded Helvetica
        initialFontSize=9.5,
    )
    first = Frame(
        MARGIN_LEFT,
        MARGIN_BOTTOM,
        TEXT_WIDTH,
        PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
        id="first",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    later = Frame(
        MARGIN_LEFT,
        MARGIN_BOTTOM,
        TEXT_WIDTH,
        PAGE_HEIGHT - MARGIN_TOP - LATER_HEADER - MARGIN_BOTTOM,
        id="later",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    document.addPageTemplates(
        [
            PageTemplate(id="first", frames=[first], onPage=_first_page(head)),
            PageTemplate(id="later", frames=[later], onPage=_later_page(head)),
        ]
    )
    document.build(
        [*_letterhead(head), NextPageTemplate("later"), *story],
        canvasmaker=_numbered_canvas(head),
    )
    pdf = to_pdfa(buffer.getvalue(), document_id)
    check_output(path)
    partial = path.with_name(f".{path.name}.partial")
    try:
        partial.write_bytes(pdf)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return WrittenLetter(document_id, tuple(document.signature_boxes))


def _letterhead(head: DocumentHead) -> list[Flowable]:
    s = styles()
    letterhead = head.letterhead
    left: list[Flowable] = []
    if letterhead.logo is not None:
        left += [_logo(letterhead.logo, TEXT_WIDTH - head.head_width), Spacer(1, 2.5 * mm)]
    left.append(Paragraph(esc(letterhead.municipality), s.municipality))
    lines = [esc(line) for line in letterhead.lines if line.strip()]
    if lines:
        left.append(Paragraph("<br/>".join(lines), s.head_line))
    if head.units:
        left.append(Paragraph("<br/>".join(esc(u) for u in head.units), s.head_units))
    right = Table(
        [
            [Paragraph("Dnr/Dok-ID", s.head_label), Paragraph(esc(head.doc_id), s.head_value)],
            [
                Paragraph(esc(head.date_label), s.head_label),
                Paragraph(esc(head.date_text), s.head_value),
            ],
        ],
        colWidths=[HEAD_LABEL_WIDTH, head.head_width - HEAD_LABEL_WIDTH],
    )
    right.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ]
        )
    )
    table = Table([[left, right]], colWidths=[TEXT_WIDTH - head.head_width, head.head_width])
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [
        table,
        HRFlowable(width="100%", thickness=0.6, color=RULE, spaceBefore=7, spaceAfter=13),
    ]


def _logo(image: bytes, room: float) -> Image:
    """The logo at LOGO_HEIGHT, its width in proportion (narrowed to the room beside the
    document ID if it is very wide). Bytes that are no image fail the letter plainly."""
    try:
        width, height = ImageReader(io.BytesIO(image)).getSize()
    except Exception as error:  # reportlab wraps whatever Pillow raised
        raise ValueError(f"logotypen kunde inte läsas som en bild: {error}") from error
    if width <= 0 or height <= 0:
        raise ValueError("logotypen är tom")
    scale = min(LOGO_HEIGHT / height, room / width)
    drawn = io.BytesIO(_without_cmyk(image))
    return Image(drawn, width=width * scale, height=height * scale, hAlign="LEFT")


def _without_cmyk(image: bytes) -> bytes:
    """The logo as RGB if it is CMYK (a print logo often is a CMYK JPEG): reportlab would embed
    it as DeviceCMYK, which a PDF/A file whose output intent is sRGB may not use. Pillow's
    plain conversion, without the JPEG's own ICC profile: close enough for a 14 mm logo, and a
    user who wants exact colours saves the logo as RGB."""
    with PILImage.open(io.BytesIO(image)) as picture:
        if picture.mode != "CMYK":
            return image
        rgb = picture.convert("RGB")
    out = io.BytesIO()
    rgb.save(out, "PNG")
    return out.getvalue()


PageCallback = Callable[[Canvas, BaseDocTemplate], None]


def _first_page(head: DocumentHead) -> PageCallback:
    def draw(canvas: Canvas, _document: BaseDocTemplate) -> None:
        _watermark(canvas, head)

    return draw


def _later_page(head: DocumentHead) -> PageCallback:
    def draw(canvas: Canvas, _document: BaseDocTemplate) -> None:
        _watermark(canvas, head)
        canvas.saveState()
        top = PAGE_HEIGHT - MARGIN_TOP
        municipality = head.letterhead.municipality
        canvas.setFillColor(MUTED)
        canvas.setFont(FONT_BOLD, 8.5)
        canvas.drawString(MARGIN_LEFT, top - 3 * mm, municipality)
        width = pdfmetrics.stringWidth(municipality, FONT_BOLD, 8.5)
        canvas.setFont(FONT, 8.5)
        canvas.drawString(MARGIN_LEFT + width, top - 3 * mm, f"  ·  {head.title}")
        canvas.drawRightString(PAGE_WIDTH - MARGIN_RIGHT, top - 3 * mm, head.doc_id)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_LEFT, top - 5.5 * mm, PAGE_WIDTH - MARGIN_RIGHT, top - 5.5 * mm)
        canvas.restoreState()

    return draw


def _watermark(canvas: Canvas, head: DocumentHead) -> None:
    if not head.watermark:
        return
    canvas.saveState()
    canvas.setFillColor(WATERMARK)
    canvas.setFillAlpha(0.10)
    size = 96.0
    while pdfmetrics.stringWidth(head.watermark, FONT_BOLD, size) > PAGE_HEIGHT * 0.8:
        size -= 4
    canvas.setFont(FONT_BOLD, size)
    canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
    canvas.rotate(52)
    canvas.drawCentredString(0, -size / 3, head.watermark)
    canvas.restoreState()


def _footer(canvas: Canvas, head: DocumentHead, page: int, pages: int) -> None:
    canvas.saveState()
    y = MARGIN_BOTTOM - 12 * mm
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_LEFT, y + 4.5 * mm, PAGE_WIDTH - MARGIN_RIGHT, y + 4.5 * mm)
    canvas.setFillColor(MUTED)
    canvas.setFont(FONT, 7.5)
    canvas.drawString(MARGIN_LEFT, y, f"{head.title}  ·  Dok-ID: {head.doc_id}")
    canvas.drawRightString(PAGE_WIDTH - MARGIN_RIGHT, y, f"Sida {page} av {pages}")
    canvas.restoreState()


def _numbered_canvas(head: DocumentHead) -> type[Canvas]:
    """A canvas that holds the pages back until the end, to write "Sida X av Y" on each."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab is untyped
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held_pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._held_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            pages = len(self._held_pages)
            for state in self._held_pages:
                self.__dict__.update(state)
                _footer(self, head, self._pageNumber, pages)
                super().showPage()
            super().save()

    return NumberedCanvas


def keep(*flowables: Flowable) -> KeepTogether:
    return KeepTogether(list(flowables))


def space(height_mm: float) -> Spacer:
    return Spacer(1, height_mm * mm)
