"""The PDF/A-2b parts of a PDF, checked with pikepdf: no independent validator could be installed
here (veraPDF is Java and on neither PyPI nor Debian), so these checks stand in for the parts
of ISO 19005-2 a PDF written by reportlab and nacka_desktop/exports/pdfa.py could get wrong.
Rule numbers are veraPDF's for PDF/A-2b. `problems` lists what is wrong, one line each; a
conforming file gives an empty list.

Not checked (a validator would): glyph widths against the font programs (6.2.11.5), that every
glyph used is in the embedded subset and none is .notdef (6.2.11.4.1, 6.2.11.8), the symbolic
TrueType's cmap subtables (6.2.11.6-4), halftone dictionaries (6.2.5-4 to 6), inline images'
colour spaces, and XMP properties outside the fields listed here against the XMP 2005 schemas
(6.6.2.3.1).
"""

from __future__ import annotations

import io
import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pikepdf

# Annotation flags (ISO 32000-1, 12.5.3)
INVISIBLE, HIDDEN, PRINT, NO_VIEW, TOGGLE_NO_VIEW = 1, 2, 4, 32, 256
FORBIDDEN_ANNOTATIONS = {"/3D", "/Sound", "/Screen", "/Movie"}
FORBIDDEN_ACTIONS = {
    "/Launch",
    "/Sound",
    "/Movie",
    "/ResetForm",
    "/ImportData",
    "/Hide",
    "/SetOCGState",
    "/Rendition",
    "/Trans",
    "/GoTo3DView",
    "/JavaScript",
}
STANDARD_BLEND_MODES = {
    "/Normal",
    "/Compatible",
    "/Multiply",
    "/Screen",
    "/Overlay",
    "/Darken",
    "/Lighten",
    "/ColorDodge",
    "/ColorBurn",
    "/HardLight",
    "/SoftLight",
    "/Difference",
    "/Exclusion",
    "/Hue",
    "/Saturation",
    "/Color",
    "/Luminosity",
}
# Info entry → its XMP counterpart (ISO 19005-2, 6.6.2.1 with ISO 32000-1, 14.3.3)
INFO_TO_XMP = {
    "/Title": "dc:title",
    "/Author": "dc:creator",
    "/Subject": "dc:description",
    "/Keywords": "pdf:Keywords",
    "/Creator": "xmp:CreatorTool",
    "/Producer": "pdf:Producer",
    "/CreationDate": "xmp:CreateDate",
    "/ModDate": "xmp:ModifyDate",
}
_PDF_DATE = re.compile(r"D:(\d{14})(Z|[+-]\d{2}'\d{2}'?)?$")


def problems(source: Path | bytes) -> list[str]:
    data = source.read_bytes() if isinstance(source, Path) else source
    found = header_problems(data)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for check in (
            trailer_problems,
            metadata_problems,
            output_intent_problems,
            font_problems,
            colour_problems,
            action_problems,
            stream_problems,
        ):
            found += check(pdf)
    return found


# --- file structure (6.1) -----------------------------------------------------------------


def header_problems(data: bytes) -> list[str]:
    found = []
    header = re.match(rb"%PDF-1\.([0-7])\r?\n%(....)", data)
    if header is None:
        found.append(f"header {data[:9]!r} is not %PDF-1.0 to %PDF-1.7 (6.1.2-1)")
    elif any(byte <= 127 for byte in header.group(2)):
        found.append("no binary comment of four bytes above 127 after the header (6.1.2-2)")
    if data.rstrip(b"\r\n")[-5:] != b"%%EOF":
        found.append("data after the last %%EOF (6.1.3-3)")
    return found


def trailer_problems(pdf: pikepdf.Pdf) -> list[str]:
    found = []
    if pdf.is_encrypted or "/Encrypt" in pdf.trailer:
        found.append("encrypted (6.1.3-2)")
    ids = pdf.trailer.get("/ID")
    if not isinstance(ids, pikepdf.Array) or len(ids) != 2 or not all(bytes(i) for i in ids):
        found.append("no file identifier /ID of two strings in the trailer (6.1.3-1)")
    return found


# --- metadata (6.6) -----------------------------------------------------------------------


def metadata_problems(pdf: pikepdf.Pdf) -> list[str]:
    stream = pdf.Root.get("/Metadata")
    if not isinstance(stream, pikepdf.Stream):
        return ["no XMP metadata stream in the catalog (6.6.2.1-1)"]
    found = []
    if stream.get("/Type") != "/Metadata" or stream.get("/Subtype") != "/XML":
        found.append("the metadata stream is not /Type /Metadata /Subtype /XML (6.6.2.1-1)")
    packet = stream.read_bytes()
    try:
        text = packet.decode("utf-8")
    except UnicodeDecodeError:
        return [*found, "the XMP packet is not UTF-8 (6.6.2.1-5)"]
    start = re.search(r"<\?xpacket [^>]*begin=[^>]*\?>", text)
    if start is None or re.search(r"\b(bytes|encoding)=", start.group(0)):
        found.append("the xpacket header is missing or has bytes/encoding attributes (6.6.2.1)")
    body = re.sub(r"<\?xpacket[^>]*\?>", "", text)
    try:
        ET.fromstring(body)
    except ET.ParseError as error:
        return [*found, f"the XMP is not well-formed XML: {error} (6.6.2.1-4)"]
    meta = pdf.open_metadata()
    if str(meta.get("pdfaid:part")) != "2":
        found.append(f"pdfaid:part is {meta.get('pdfaid:part')!r}, not 2 (6.6.4-2)")
    if str(meta.get("pdfaid:conformance")) != "B":
        found.append(f"pdfaid:conformance is {meta.get('pdfaid:conformance')!r}, not B (6.6.4-3)")
    found += _info_agrees_with_xmp(pdf, meta)
    found += _document_id_problems(pdf, meta)
    return found


def _info_agrees_with_xmp(pdf: pikepdf.Pdf, meta: pikepdf.models.PdfMetadata) -> list[str]:
    found = []
    if not meta.get("dc:title"):
        found.append("no dc:title")
    if not meta.get("xmp:MetadataDate"):
        found.append("no xmp:MetadataDate")
    for key, value in pdf.docinfo.items():
        prop = INFO_TO_XMP.get(key)
        if prop is None:
            found.append(f"Info {key} has no XMP counterpart")
            continue
        xmp = meta.get(prop)
        if key in ("/CreationDate", "/ModDate"):
            same = xmp is not None and _pdf_date(str(value)) == datetime.fromisoformat(str(xmp))
        elif key == "/Author":
            same = xmp is not None and list(xmp) == [str(value)]
        else:
            same = xmp is not None and str(xmp) == str(value)
        if not same:
            found.append(f"Info {key} {str(value)!r} differs from {prop} {xmp!r}")
    return found


def _pdf_date(text: str) -> datetime | None:
    match = _PDF_DATE.match(text)
    if match is None:
        return None
    zone = match.group(2)
    offset = timedelta()
    if zone and zone != "Z":
        sign = -1 if zone[0] == "-" else 1
        offset = sign * timedelta(hours=int(zone[1:3]), minutes=int(zone[4:6]))
    return datetime.strptime(match.group(1), "%Y%m%d%H%M%S").replace(tzinfo=timezone(offset))


def _document_id_problems(pdf: pikepdf.Pdf, meta: pikepdf.models.PdfMetadata) -> list[str]:
    found = []
    document = str(meta.get("xmpMM:DocumentID") or "")
    instance = str(meta.get("xmpMM:InstanceID") or "")
    for name, value in (("DocumentID", document), ("InstanceID", instance)):
        if not re.fullmatch(r"uuid:[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}", value):
            found.append(f"xmpMM:{name} {value!r} is no uuid: URI")
    ids = pdf.trailer.get("/ID")
    if document.startswith("uuid:") and isinstance(ids, pikepdf.Array) and ids:
        first = bytes(ids[0])
        if len(first) != 16 or uuid.UUID(bytes=first) != uuid.UUID(document[5:]):
            found.append(f"the trailer's first /ID {first.hex()} is not xmpMM:DocumentID")
    return found


# --- colour (6.2.3, 6.2.4) ----------------------------------------------------------------


def output_intent_problems(pdf: pikepdf.Pdf) -> list[str]:
    intents = [i for i in pdf.Root.get("/OutputIntents", []) if i.get("/S") == "/GTS_PDFA1"]
    if len(intents) != 1:
        return [f"{len(intents)} GTS_PDFA1 output intents, not one (6.2.3)"]
    intent = intents[0]
    found = []
    if not str(intent.get("/OutputConditionIdentifier", "")):
        found.append("the output intent has no OutputConditionIdentifier")
    profile = intent.get("/DestOutputProfile")
    if not isinstance(profile, pikepdf.Stream):
        return [*found, "the output intent embeds no ICC profile (6.2.3-1)"]
    if profile.get("/N") != 3:
        found.append(f"the ICC profile stream has /N {profile.get('/N')}, not 3")
    icc = profile.read_bytes()
    if len(icc) < 128 or int.from_bytes(icc[:4], "big") != len(icc) or icc[36:40] != b"acsp":
        return [*found, "the output intent's profile is no ICC profile"]
    if icc[12:16] not in (b"mntr", b"prtr") or icc[16:20] != b"RGB ":
        found.append(f"the ICC profile is {icc[12:16]!r} {icc[16:20]!r}, not an RGB output")
    if icc[8] >= 5:
        found.append(f"the ICC profile's version {icc[8]}.x is 5 or above (6.2.3-1)")
    return found


def colour_problems(pdf: pikepdf.Pdf) -> list[str]:
    """With an RGB output intent, DeviceRGB and DeviceGray are fine; DeviceCMYK is not
    (6.2.4.3-3). Also the graphics states' and images' PDF/A limits (6.2.5, 6.2.8, 6.2.10)."""
    found = []
    for where, resources, content in _content(pdf):
        for instruction in pikepdf.parse_content_stream(content):
            op, operands = str(instruction.operator), instruction.operands
            if op in ("k", "K") or (
                op in ("cs", "CS") and operands and operands[0] == "/DeviceCMYK"
            ):
                found.append(f"{where}: DeviceCMYK colour ({op}) (6.2.4.3-3)")
                break
        for name, space in resources.get("/ColorSpace", {}).items():
            if space == "/DeviceCMYK":
                found.append(f"{where}: colour space {name} is DeviceCMYK (6.2.4.3-3)")
        for name, state in resources.get("/ExtGState", {}).items():
            found += _graphics_state_problems(f"{where} {name}", state)
        for name, xobject in resources.get("/XObject", {}).items():
            if xobject.get("/Subtype") == "/Image":
                found += _image_problems(f"{where} {name}", xobject)
    return found


def _graphics_state_problems(where: str, state: Any) -> list[str]:
    found = []
    for key in ("/TR", "/HTP"):
        if key in state:
            found.append(f"{where}: graphics state has {key} (6.2.5)")
    if "/TR2" in state and state.TR2 != "/Default":
        found.append(f"{where}: graphics state has TR2 other than Default (6.2.5-2)")
    modes = state.get("/BM")
    for mode in modes if isinstance(modes, pikepdf.Array) else [modes] if modes else []:
        if str(mode) not in STANDARD_BLEND_MODES:
            found.append(f"{where}: blend mode {mode} (6.2.10-1)")
    return found


def _image_problems(where: str, image: Any) -> list[str]:
    found = []
    space = image.get("/ColorSpace")
    if space == "/DeviceCMYK":
        found.append(f"{where}: a DeviceCMYK image (6.2.4.3-3)")
    if bool(image.get("/Interpolate", False)):
        found.append(f"{where}: an image with Interpolate true (6.2.8-3)")
    for key in ("/Alternates", "/OPI"):
        if key in image:
            found.append(f"{where}: an image with {key} (6.2.8)")
    return found


def _content(pdf: pikepdf.Pdf) -> Iterator[tuple[str, Any, Any]]:
    """(where, resources, content) for every page and every form XObject they draw, however
    deeply nested (each form once)."""
    seen: set[tuple[int, int]] = set()

    def forms(where: str, resources: Any) -> Iterator[tuple[str, Any, Any]]:
        for name, xobject in resources.get("/XObject", {}).items():
            if xobject.get("/Subtype") != "/Form" or xobject.objgen in seen:
                continue
            seen.add(xobject.objgen)
            inner = xobject.get("/Resources", pikepdf.Dictionary())
            yield (f"{where} {name}", inner, xobject)
            yield from forms(f"{where} {name}", inner)

    for number, page in enumerate(pdf.pages, start=1):
        resources = page.obj.get("/Resources", pikepdf.Dictionary())
        yield (f"page {number}", resources, page)
        yield from forms(f"page {number}", resources)


# --- fonts (6.2.11) -----------------------------------------------------------------------


def fonts(pdf: pikepdf.Pdf) -> Iterator[tuple[str, Any]]:
    """Every font the pages and their forms use, and each composite font's descendant."""
    seen: set[tuple[int, int]] = set()
    for where, resources, _content_stream in _content(pdf):
        for name, font in resources.get("/Font", {}).items():
            key = font.objgen
            if key != (0, 0) and key in seen:
                continue
            seen.add(key)
            yield f"{where} {name} {font.get('/BaseFont')}", font
            for descendant in font.get("/DescendantFonts", []):
                yield f"{where} {name} descendant {descendant.get('/BaseFont')}", descendant


def font_problems(pdf: pikepdf.Pdf) -> list[str]:
    found = []
    count = 0
    for where, font in fonts(pdf):
        count += 1
        subtype = font.get("/Subtype")
        if subtype in ("/Type0", "/Type3"):
            continue  # a Type0 has its descendant checked; a Type3 is drawn by its own glyphs
        descriptor = font.get("/FontDescriptor")
        if descriptor is None or not any(
            key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
        ):
            found.append(f"{where}: font not embedded (6.2.11.4.1-1)")
            continue
        if "/CIDSet" in descriptor:
            found.append(f"{where}: a CIDSet, whose completeness is not checked here")
        if subtype in ("/TrueType", "/Type1", "/MMType1"):
            found += _simple_font_problems(where, font, descriptor)
    if count == 0:
        found.append("no fonts at all: nothing was checked")
    return found


def _simple_font_problems(where: str, font: Any, descriptor: Any) -> list[str]:
    found = []
    first, last, widths = font.get("/FirstChar"), font.get("/LastChar"), font.get("/Widths")
    if first is None or last is None or widths is None or len(widths) != last - first + 1:
        found.append(f"{where}: Widths do not cover FirstChar to LastChar (6.2.11.2)")
    if font.get("/Subtype") == "/TrueType":
        symbolic = int(descriptor.get("/Flags", 0)) & 4
        encoding = font.get("/Encoding")
        if symbolic and encoding is not None:
            found.append(f"{where}: a symbolic TrueType font with an Encoding (6.2.11.6-3)")
        if not symbolic and encoding not in ("/WinAnsiEncoding", "/MacRomanEncoding"):
            found.append(f"{where}: a non-symbolic TrueType font encoded {encoding} (6.2.11.6-2)")
    return found


# --- interactivity (6.3 to 6.5, 6.9 to 6.11) ----------------------------------------------


def action_problems(pdf: pikepdf.Pdf) -> list[str]:
    found = []
    root = pdf.Root
    for key in ("/AA", "/Requirements", "/NeedsRendering"):
        if key in root:
            found.append(f"the catalog has {key} (6.5.2-1, 6.11, 6.4.2)")
    names: Any = root.get("/Names", {})
    for key in ("/JavaScript", "/AlternatePresentations", "/EmbeddedFiles"):
        if key in names:
            found.append(f"the name dictionary has {key}")
    if "/XFA" in root.get("/AcroForm", {}):
        found.append("the interactive form has XFA (6.4.2-1)")
    found += _action_problems("the open action", root.get("/OpenAction"))
    for number, page in enumerate(pdf.pages, start=1):
        for key in ("/AA", "/PresSteps"):
            if key in page.obj:
                found.append(f"page {number} has {key} (6.5.2-2, 6.10-2)")
        for annotation in page.obj.get("/Annots", []):
            found += _annotation_problems(f"page {number}", annotation)
    return found


def _annotation_problems(where: str, annotation: Any) -> list[str]:
    found = []
    subtype = str(annotation.get("/Subtype"))
    if subtype in FORBIDDEN_ANNOTATIONS:
        found.append(f"{where}: a {subtype} annotation (6.3.1-1)")
    if subtype != "/Popup":
        flags = annotation.get("/F")
        if flags is None:
            found.append(f"{where}: a {subtype} annotation without flags /F (6.3.2-1)")
        elif not int(flags) & PRINT or int(flags) & (INVISIBLE | HIDDEN | NO_VIEW | TOGGLE_NO_VIEW):
            found.append(
                f"{where}: a {subtype} annotation not shown in print, /F {flags} (6.3.2-2)"
            )
    if "/AA" in annotation:
        found.append(f"{where}: an annotation with /AA (6.4.1-1)")
    found += _action_problems(f"{where}: a {subtype} annotation's action", annotation.get("/A"))
    return found


def _action_problems(where: str, action: Any) -> list[str]:
    if not isinstance(action, pikepdf.Dictionary):
        return []
    kind = str(action.get("/S"))
    if kind in FORBIDDEN_ACTIONS:
        return [f"{where} is {kind} (6.5.1-1)"]
    if kind == "/Named" and str(action.get("/N")) not in (
        "/NextPage",
        "/PrevPage",
        "/FirstPage",
        "/LastPage",
    ):
        return [f"{where} is the named action {action.get('/N')} (6.5.1-2)"]
    return []


# --- streams (6.1.7) ----------------------------------------------------------------------


def stream_problems(pdf: pikepdf.Pdf) -> list[str]:
    found = []
    for obj in pdf.objects:
        if not isinstance(obj, pikepdf.Stream):
            continue
        for key in ("/F", "/FFilter", "/FDecodeParms"):
            if key in obj.stream_dict:
                found.append(f"stream {obj.objgen} has {key} (6.1.7.1-3)")
        filters = obj.get("/Filter")
        for name in filters if isinstance(filters, pikepdf.Array) else [filters]:
            if name in ("/LZWDecode", "/Crypt"):
                found.append(f"stream {obj.objgen} is filtered with {name} (6.1.7.2-1)")
    return found
