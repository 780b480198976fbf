"""PDF/A-2b for the letters: the PDF reportlab writes, made archivable (ISO 19005-2, level B).

reportlab already embeds every font (DejaVu, nacka_desktop/exports/letters/_layout.py) and
writes RGB and grey colours; what it lacks for PDF/A-2b `to_pdfa` adds:
- an output intent (GTS_PDFA1) with the sRGB ICC profile embedded
  (resources/icc/sRGB.icc, made by tools/make_srgb_profile.py), which makes the DeviceRGB and
  DeviceGray colours and the watermark's transparency device-independent;
- XMP metadata: pdfaid part 2 conformance B, dc:title, dc:creator, dc:description and
  dc:language, xmp dates, pdf:Producer, xmpMM:DocumentID and InstanceID, each equal to the
  Info dictionary's entry it mirrors (Info keeps only entries that have one: reportlab's empty
  Keywords and its /Trapped, whose pdf:Trapped is not in XMP 2005's schemas, are dropped);
- the document ID (a UUID) as xmpMM:DocumentID and as the first element of the trailer's /ID,
  the element a PDF keeps through later changes (a signature is an incremental update), so the
  signing round trip recognises the letter (`read_document_id`);
- the print flag on annotations, and none of hidden, invisible or no-view (the letters have no
  annotation today; a link would be one);
- the file written again by qpdf (through pikepdf) as PDF 1.7: a binary comment of bytes above
  127 after the header, an xref table, streams of exact length, no encryption.

Pure Python, no Qt and no reportlab: it takes PDF bytes and returns PDF bytes, so a later step
(signing) can follow it. What the tests check is in tests/exports/test_pdfa.py and the README.
"""

from __future__ import annotations

import io
import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

import pikepdf

from nacka_desktop.resource_files import icc_profiles

PDFA_PART = 2
PDFA_CONFORMANCE = "B"
PDF_VERSION = "1.7"  # ISO 32000-1, the PDF that PDF/A-2 is built on
SRGB = "sRGB IEC61966-2.1"  # the output condition, as the ICC registry names it

# Annotation flags (ISO 32000-1, 12.5.3): PDF/A-2 wants Print set and these four clear.
_INVISIBLE, _HIDDEN, _PRINT, _NO_VIEW, _TOGGLE_NO_VIEW = 1, 2, 4, 32, 256
_NOT_SHOWN = _INVISIBLE | _HIDDEN | _NO_VIEW | _TOGGLE_NO_VIEW

# Characters XML 1.0 cannot hold, even escaped: a control character in a title (from a unit's
# name) would make the XMP packet unreadable, so it is dropped there and in Info alike.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class _Describing:
    """What the Info dictionary and the XMP packet both say, in one place so they agree."""

    title: str | None
    author: str | None
    subject: str | None
    creator: str | None
    producer: str
    language: str | None
    when: datetime


def new_document_id() -> str:
    return str(uuid.uuid4())


def document_id_or_new(document_id: str | None) -> str:
    """The caller's document ID in its canonical form (lower-case, hyphenated), or a new one;
    a string that is no UUID is refused (ValueError) before any work is done."""
    return new_document_id() if document_id is None else str(uuid.UUID(document_id))


def to_pdfa(pdf: bytes, document_id: str, now: datetime | None = None) -> bytes:
    """The PDF as PDF/A-2b, with `document_id` (a UUID) as its document ID. `now` (aware; by
    default the present moment, local time) becomes its creation, modification and metadata
    date. The title, author, subject and creator come from the PDF's Info dictionary."""
    document = uuid.UUID(document_id)
    when = (now or datetime.now(UTC).astimezone()).replace(microsecond=0)
    if when.utcoffset() is None:
        raise ValueError("the PDF's dates need a time zone")
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        if doc.is_encrypted:
            raise ValueError("an encrypted PDF cannot be PDF/A")
        describing = _describe(doc, when)
        _write_info(doc, describing)
        doc.Root.Metadata = doc.make_stream(
            _xmp(describing, document, uuid.uuid4()).encode("utf-8"),
            Type=pikepdf.Name.Metadata,
            Subtype=pikepdf.Name.XML,
        )
        doc.Root.OutputIntents = pikepdf.Array([_output_intent(doc)])
        _show_annotations_in_print(doc)
        # qpdf keeps the first element and writes a new second one (this instance's).
        doc.trailer.ID = pikepdf.Array([pikepdf.String(document.bytes)] * 2)
        out = io.BytesIO()
        # fix_metadata_version would add pdf:PDFVersion to the packet behind our back.
        doc.save(out, min_version=PDF_VERSION, fix_metadata_version=False)
    return out.getvalue()


def read_document_id(source: bytes | Path) -> str | None:
    """The document ID `to_pdfa` gave the PDF (from its XMP, as `uuid:…`), or None for a PDF
    without one (not ours, or its metadata lost). Bytes that are no PDF raise pikepdf's
    PdfError."""
    with pikepdf.open(io.BytesIO(source) if isinstance(source, bytes) else source) as doc:
        if "/Metadata" not in doc.Root:
            return None
        value = str(doc.open_metadata().get("xmpMM:DocumentID") or "")
    if not value.startswith("uuid:"):
        return None
    try:
        return str(uuid.UUID(value.removeprefix("uuid:")))
    except ValueError:
        return None


# --- the parts ---------------------------------------------------------------------------


def _text(doc: pikepdf.Pdf, key: str) -> str | None:
    value = doc.docinfo.get(key)
    text = _NOT_XML.sub("", str(value)).strip() if value is not None else ""
    return text or None


def _describe(doc: pikepdf.Pdf, when: datetime) -> _Describing:
    written_by = _text(doc, "/Producer")
    pikepdf_name = f"pikepdf {pikepdf.__version__}"
    language = doc.Root.get("/Lang")
    return _Describing(
        title=_text(doc, "/Title"),
        author=_text(doc, "/Author"),
        subject=_text(doc, "/Subject"),
        creator=_text(doc, "/Creator"),
        producer=f"{written_by}; {pikepdf_name}" if written_by else pikepdf_name,
        language=str(language) if language is not None and str(language) else None,
        when=when,
    )


def _write_info(doc: pikepdf.Pdf, describing: _Describing) -> None:
    stamp = _pdf_date(describing.when)
    entries = {
        "/Title": describing.title,
        "/Author": describing.author,
        "/Subject": describing.subject,
        "/Creator": describing.creator,
        "/Producer": describing.producer,
        "/CreationDate": stamp,
        "/ModDate": stamp,
    }
    doc.docinfo = doc.make_indirect(
        pikepdf.Dictionary(
            {key: pikepdf.String(value) for key, value in entries.items() if value is not None}
        )
    )


def _pdf_date(when: datetime) -> str:
    """D:YYYYMMDDHHmmSS+HH'mm' (ISO 32000-1, 7.9.4)."""
    minutes = int((when.utcoffset() or timedelta()).total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"D:{when:%Y%m%d%H%M%S}{sign}{hours:02d}'{rest:02d}'"


def _xmp(describing: _Describing, document: uuid.UUID, instance: uuid.UUID) -> str:
    stamp = describing.when.isoformat()
    lines = [
        "<pdfaid:part>" + str(PDFA_PART) + "</pdfaid:part>",
        "<pdfaid:conformance>" + PDFA_CONFORMANCE + "</pdfaid:conformance>",
        "<dc:format>application/pdf</dc:format>",
    ]
    if describing.title:
        lines.append(_alt("dc:title", describing.title))
    if describing.author:
        lines.append(
            _container("dc:creator", "rdf:Seq", f"<rdf:li>{escape(describing.author)}</rdf:li>")
        )
    if describing.subject:
        lines.append(_alt("dc:description", describing.subject))
    if describing.language:
        lines.append(
            _container("dc:language", "rdf:Bag", f"<rdf:li>{escape(describing.language)}</rdf:li>")
        )
    if describing.creator:
        lines.append(f"<xmp:CreatorTool>{escape(describing.creator)}</xmp:CreatorTool>")
    lines += [
        f"<xmp:CreateDate>{stamp}</xmp:CreateDate>",
        f"<xmp:ModifyDate>{stamp}</xmp:ModifyDate>",
        f"<xmp:MetadataDate>{stamp}</xmp:MetadataDate>",
        f"<pdf:Producer>{escape(describing.producer)}</pdf:Producer>",
        f"<xmpMM:DocumentID>uuid:{document}</xmpMM:DocumentID>",
        f"<xmpMM:InstanceID>uuid:{instance}</xmpMM:InstanceID>",
    ]
    body = "\n".join(f"   {line}" for line in lines)
    # The packet header carries no bytes or encoding attribute (PDF/A-2, 6.6.2.1).
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '  <rdf:Description rdf:about=""\n'
        '    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"\n'
        '    xmlns:dc="http://purl.org/dc/elements/1.1/"\n'
        '    xmlns:xmp="http://ns.adobe.com/xap/1.0/"\n'
        '    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"\n'
        '    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">\n'
        f"{body}\n"
        "  </rdf:Description>\n"
        " </rdf:RDF>\n"
        "</x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    )


def _alt(name: str, text: str) -> str:
    return _container(name, "rdf:Alt", f'<rdf:li xml:lang="x-default">{escape(text)}</rdf:li>')


def _container(name: str, kind: str, items: str) -> str:
    return f"<{name}><{kind}>{items}</{kind}></{name}>"


@cache
def _srgb_profile() -> bytes:
    return (icc_profiles() / "sRGB.icc").read_bytes()


def _output_intent(doc: pikepdf.Pdf) -> pikepdf.Dictionary:
    profile = doc.make_stream(_srgb_profile(), N=3)
    return pikepdf.Dictionary(
        Type=pikepdf.Name.OutputIntent,
        S=pikepdf.Name.GTS_PDFA1,
        OutputConditionIdentifier=pikepdf.String(SRGB),
        Info=pikepdf.String(SRGB),
        RegistryName=pikepdf.String("http://www.color.org"),
        DestOutputProfile=profile,
    )


def _show_annotations_in_print(doc: pikepdf.Pdf) -> None:
    for page in doc.pages:
        for annotation in page.obj.get("/Annots", pikepdf.Array()):
            if annotation.get("/Subtype") == pikepdf.Name.Popup:
                continue  # PDF/A exempts pop-ups, which show only with their parent
            flags = int(annotation.get("/F", 0))
            annotation.F = (flags | _PRINT) & ~_NOT_SHOWN
