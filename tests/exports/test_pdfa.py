"""Every kind of letter the app writes is PDF/A-2b (issue 13): checked with pikepdf part by part
(tests/exports/pdfa_checks.py says what, and what not: no independent validator is installable
here), read by poppler, and drawn exactly as before the PDF/A step."""

from __future__ import annotations

import io
import shutil
import subprocess
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from PIL import Image, ImageChops, ImageCms
from reportlab.pdfgen.canvas import Canvas

from nacka_desktop.domain.letterhead import Letterhead
from nacka_desktop.domain.work_environment import DistributionState
from nacka_desktop.exports.letters import _layout, write_distribution_letter, write_return_letter
from nacka_desktop.exports.letters._layout import WrittenLetter
from nacka_desktop.exports.letters.delegation import (
    write_decisions_report,
    write_delegate_letter,
    write_order_letter,
    write_separate_record,
)
from nacka_desktop.exports.pdfa import read_document_id, to_pdfa
from nacka_desktop.resource_files import icc_profiles
from nacka_desktop.services.context import Services
from tests.conftest import TODAY, build_sample
from tests.exports.pdfa_checks import problems, trailer_problems

FIRST = date(2026, 1, 1)
LETTERHEAD = Letterhead()
FIXED_ID = "0f1e2d3c-4b5a-4697-8877-665544332211"

needs_poppler = pytest.mark.skipif(
    any(shutil.which(tool) is None for tool in ("pdfinfo", "pdftoppm")),
    reason="poppler-utils (pdfinfo, pdftoppm) is not installed",
)

Writer = Callable[[Services, Path], WrittenLetter]


def _writers(sample: Services) -> dict[str, Writer]:
    """Each kind of PDF the app writes, as (services, path) → document ID."""
    views = sample.work.distributions(TODAY)
    draft = next(v for v in views if v.state is DistributionState.DRAFT).id
    in_force = next(v for v in views if v.state is DistributionState.IN_FORCE).id
    task_return = next(r for v in views for r in v.returns).id
    order = sample.delegation.orders()[0].id  # superseded: drawn with a translucent watermark
    person = next(
        p
        for p in sorted(sample.queries.snapshot(TODAY).persons)
        if sample.delegation.rights_of_person(p, TODAY)
    )
    board = sample.delegation.decisions(FIRST, TODAY)[0].board_unit_id
    return {
        "distribution": lambda s, p: write_distribution_letter(
            s.work.distribution(in_force, TODAY), p, LETTERHEAD, TODAY
        ),
        "distribution draft": lambda s, p: write_distribution_letter(
            s.work.distribution(draft, TODAY), p, LETTERHEAD, TODAY
        ),
        "return": lambda s, p: write_return_letter(
            s.work.task_return(task_return, TODAY), p, LETTERHEAD
        ),
        "order": lambda s, p: write_order_letter(
            s.delegation_documents.order_letter(order, TODAY), p, LETTERHEAD
        ),
        "delegate": lambda s, p: write_delegate_letter(
            s.delegation_documents.delegate_letter(person, TODAY), p, LETTERHEAD
        ),
        "decisions report": lambda s, p: write_decisions_report(
            s.delegation_documents.decision_report(board, FIRST, TODAY, include_reported=True),
            p,
            LETTERHEAD,
        ),
        "separate record": lambda s, p: write_separate_record(
            s.delegation_documents.separate_record(board, FIRST, TODAY), p, LETTERHEAD
        ),
    }


KINDS = [
    "distribution",
    "distribution draft",
    "return",
    "order",
    "delegate",
    "decisions report",
    "separate record",
]


@dataclass(frozen=True)
class Letters:
    services: Services
    folder: Path
    writers: dict[str, Writer]
    paths: dict[str, Path]
    ids: dict[str, str]


@pytest.fixture(scope="module")
def letters(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Letters]:
    folder = tmp_path_factory.mktemp("pdfa")
    services = Services.open(folder / "sample.db", clock=lambda: TODAY)
    try:
        build_sample(services.database, TODAY)
        writers = _writers(services)
        assert sorted(writers) == sorted(KINDS)
        paths = {kind: folder / f"{kind.replace(' ', '-')}.pdf" for kind in KINDS}
        ids = {kind: writers[kind](services, paths[kind]).document_id for kind in KINDS}
        yield Letters(services, folder, writers, paths, ids)
    finally:
        services.close()


# --- every kind of letter -------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_every_letter_has_the_pdfa_parts(letters: Letters, kind: str) -> None:
    assert problems(letters.paths[kind]) == []


@pytest.mark.parametrize("kind", KINDS)
def test_every_letter_carries_the_document_id_it_returned(letters: Letters, kind: str) -> None:
    path, document_id = letters.paths[kind], letters.ids[kind]
    assert uuid.UUID(document_id).version == 4
    assert read_document_id(path) == document_id
    assert read_document_id(path.read_bytes()) == document_id
    with pikepdf.open(path) as pdf:
        assert bytes(pdf.trailer.ID[0]) == uuid.UUID(document_id).bytes
        meta = pdf.open_metadata()
        assert meta["dc:title"] == str(pdf.docinfo.Title)
        assert str(pdf.docinfo.Title).startswith(str(pdf.docinfo.Subject))  # the letter's kind
    assert len(set(letters.ids.values())) == len(KINDS), "each letter a new ID"


@needs_poppler
@pytest.mark.parametrize("kind", KINDS)
def test_poppler_reads_and_draws_every_letter(letters: Letters, kind: str) -> None:
    path = letters.paths[kind]
    info, xmp = (
        subprocess.run(
            ["pdfinfo", *option, str(path)], capture_output=True, text=True, check=True
        ).stdout
        for option in ([], ["-meta"])
    )
    fields = dict(line.split(":", 1) for line in info.splitlines())
    assert fields["PDF version"].strip() == "1.7"
    assert fields["Encrypted"].strip() == "no"
    assert fields["Metadata Stream"].strip() == "yes"
    assert "<pdfaid:part>2</pdfaid:part>" in xmp
    page = _render(path, letters.folder / kind.replace(" ", "-"))
    assert page.size == (414, 585)  # A4 at 50 dpi
    darkest, _lightest = page.convert("L").getextrema()
    assert isinstance(darkest, int) and darkest < 64, "the page has dark text on it"


@needs_poppler
def test_the_pdfa_step_leaves_every_page_as_it_was(
    letters: Letters, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The order has the translucent watermark, the distribution several pages: each page of
    both is drawn pixel for pixel as reportlab's own PDF is."""
    for kind in ("order", "distribution"):
        archival = tmp_path / "archival.pdf"
        letters.writers[kind](letters.services, archival)
        with monkeypatch.context() as patched:
            patched.setattr(_layout, "to_pdfa", lambda pdf, _document_id: pdf)
            plain = tmp_path / "plain.pdf"
            letters.writers[kind](letters.services, plain)
        assert problems(plain) != [], "the PDF/A step was not left out"
        pages = _page_count(archival)
        assert pages == _page_count(plain)
        for number in range(1, pages + 1):
            before = _render(plain, tmp_path / "plain", number)
            after = _render(archival, tmp_path / "archival", number)
            assert ImageChops.difference(before, after).getbbox() is None, f"{kind} p. {number}"


def _page_count(path: Path) -> int:
    with pikepdf.open(path) as pdf:
        return len(pdf.pages)


def _render(path: Path, stem: Path, page: int = 1) -> Image.Image:
    pages = ["-f", str(page), "-l", str(page)]
    subprocess.run(
        ["pdftoppm", "-r", "50", "-png", *pages, "-singlefile", str(path), str(stem)],
        check=True,
    )
    with Image.open(stem.with_suffix(".png")) as image:
        return image.convert("RGB")


# --- the document ID ------------------------------------------------------------------------


def test_a_given_document_id_is_written_and_returned(letters: Letters, tmp_path: Path) -> None:
    view = letters.services.work.distributions(TODAY)[0]
    path = tmp_path / "brev.pdf"
    written = write_distribution_letter(
        letters.services.work.distribution(view.id, TODAY),
        path,
        LETTERHEAD,
        TODAY,
        document_id=FIXED_ID.upper(),
    )
    assert written.document_id == FIXED_ID
    assert read_document_id(path) == FIXED_ID
    assert problems(path) == []


def test_a_document_id_that_is_no_uuid_is_refused_before_anything_is_written(
    letters: Letters, tmp_path: Path
) -> None:
    view = letters.services.work.distributions(TODAY)[0]
    path = tmp_path / "brev.pdf"
    with pytest.raises(ValueError):
        write_distribution_letter(
            letters.services.work.distribution(view.id, TODAY),
            path,
            LETTERHEAD,
            TODAY,
            document_id="AM-FÖR-1",
        )
    assert list(tmp_path.iterdir()) == []


def test_a_pdf_without_our_metadata_has_no_document_id() -> None:
    assert read_document_id(_canvas_pdf()) is None
    with pikepdf.open(io.BytesIO(to_pdfa(_canvas_pdf(), FIXED_ID))) as pdf:
        with pdf.open_metadata() as meta:
            meta["xmpMM:DocumentID"] = "xmp.did:0815"
        out = io.BytesIO()
        pdf.save(out)
    assert read_document_id(out.getvalue()) is None


# --- to_pdfa itself -------------------------------------------------------------------------


def _canvas_pdf(link: bool = False, flags: int | None = None) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=True)
    canvas.setTitle("Prov")
    canvas.setFillColorRGB(0.2, 0.3, 0.4)
    canvas.rect(100, 100, 200, 50, fill=1)
    canvas.setFont("Helvetica", 12)  # not embedded: to_pdfa does not embed fonts
    canvas.drawString(100, 200, "Hej")
    if link:
        canvas.linkURL("https://www.nacka.se", (100, 100, 300, 150))
    canvas.showPage()
    canvas.save()
    if flags is None:
        return buffer.getvalue()
    with pikepdf.open(buffer) as pdf:
        pdf.pages[0].obj.Annots[0].F = flags
        out = io.BytesIO()
        pdf.save(out)
    return out.getvalue()


def _annotation_problems(pdf: bytes) -> list[str]:
    return [p for p in problems(pdf) if "annotation" in p]


@pytest.mark.parametrize("flags", [None, 0, 2, 4 | 32, 1 | 256])
def test_annotations_are_shown_in_print(flags: int | None) -> None:
    before = _canvas_pdf(link=True, flags=flags)
    with pikepdf.open(io.BytesIO(before)) as pdf:
        assert "/Annots" in pdf.pages[0].obj
    assert _annotation_problems(before) != []
    after = to_pdfa(before, FIXED_ID)
    assert _annotation_problems(after) == []
    with pikepdf.open(io.BytesIO(after)) as pdf:
        assert pdf.pages[0].obj.Annots[0].F == 4


def test_the_dates_are_the_moment_given_in_its_time_zone() -> None:
    moment = datetime(2026, 11, 26, 14, 5, 9, 123456, tzinfo=timezone(timedelta(hours=1)))
    with pikepdf.open(io.BytesIO(to_pdfa(_canvas_pdf(), FIXED_ID, now=moment))) as pdf:
        assert str(pdf.docinfo.CreationDate) == "D:20261126140509+01'00'"
        assert str(pdf.docinfo.ModDate) == "D:20261126140509+01'00'"
        meta = pdf.open_metadata()
        for name in ("xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate"):
            assert meta[name] == "2026-11-26T14:05:09+01:00"
        assert "/Trapped" not in pdf.docinfo and "/Keywords" not in pdf.docinfo
    with pytest.raises(ValueError, match="time zone"):
        to_pdfa(_canvas_pdf(), FIXED_ID, now=datetime(2026, 11, 26, 14, 5))  # noqa: DTZ001


def test_a_title_with_markup_and_control_characters_stays_readable() -> None:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.setTitle('Ärende <"A & B">\x07')
    canvas.setAuthor("Älvsjö & Co")
    canvas.showPage()
    canvas.save()
    with pikepdf.open(io.BytesIO(to_pdfa(buffer.getvalue(), FIXED_ID))) as pdf:
        meta = pdf.open_metadata()
        assert meta["dc:title"] == 'Ärende <"A & B">' == str(pdf.docinfo.Title)
        assert meta["dc:creator"] == ["Älvsjö & Co"]


# --- each check can fail --------------------------------------------------------------------


@dataclass(frozen=True)
class Break:
    """One thing wrong with a good letter, and the words of the problem it must cause."""

    expected: str
    change: Callable[[pikepdf.Pdf], object] = lambda pdf: None
    save: dict[str, Any] = field(default_factory=dict)
    after: Callable[[bytes], bytes] = lambda data: data  # on the saved file's bytes


def _broken(source: Path, broken: Break) -> bytes:
    with pikepdf.open(source) as pdf:
        broken.change(pdf)
        out = io.BytesIO()
        pdf.save(out, fix_metadata_version=False, **broken.save)
    return broken.after(out.getvalue())


def _set_xmp(name: str, value: str | list[str] | None) -> Callable[[pikepdf.Pdf], None]:
    def change(pdf: pikepdf.Pdf) -> None:
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
            if value is None:
                del meta[name]
            else:
                meta[name] = value

    return change


def _packet(edit: Callable[[bytes], bytes]) -> Callable[[pikepdf.Pdf], None]:
    def change(pdf: pikepdf.Pdf) -> None:
        pdf.Root.Metadata.write(edit(pdf.Root.Metadata.read_bytes()))

    return change


def _icc(edit: Callable[[bytearray], object]) -> Callable[[pikepdf.Pdf], None]:
    def change(pdf: pikepdf.Pdf) -> None:
        profile = pdf.Root.OutputIntents[0].DestOutputProfile
        data = bytearray(profile.read_bytes())
        edit(data)
        profile.write(bytes(data))

    return change


def _font(pdf: pikepdf.Pdf) -> Any:
    return next(iter(pdf.pages[0].Resources.Font.values()))


def _resource(kind: str, value: Callable[[pikepdf.Pdf], Any]) -> Callable[[pikepdf.Pdf], None]:
    def change(pdf: pikepdf.Pdf) -> None:
        resources = pdf.pages[0].Resources
        if kind not in resources:
            resources[kind] = pikepdf.Dictionary()
        resources[kind]["/Broken"] = value(pdf)

    return change


def _image(**entries: Any) -> Callable[[pikepdf.Pdf], Any]:
    def make(pdf: pikepdf.Pdf) -> Any:
        image = pdf.make_stream(bytes(3), Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image)
        image.Width = image.Height = 1
        image.BitsPerComponent = 8
        image.ColorSpace = pikepdf.Name.DeviceRGB
        for key, value in entries.items():
            image[f"/{key}"] = value
        return image

    return make


def _annotation(subtype: str = "/Link", **entries: Any) -> Callable[[pikepdf.Pdf], None]:
    def change(pdf: pikepdf.Pdf) -> None:
        annotation = pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name(subtype))
        annotation.Rect = pikepdf.Array([10, 10, 50, 50])
        for key, value in entries.items():
            annotation[f"/{key}"] = value
        pdf.pages[0].obj.Annots = pdf.make_indirect(pikepdf.Array([annotation]))

    return change


def _catalog(key: str, value: Callable[[pikepdf.Pdf], Any]) -> Callable[[pikepdf.Pdf], None]:
    return lambda pdf: pdf.Root.__setitem__(key, value(pdf))


def _action(kind: str, **entries: Any) -> Callable[[pikepdf.Pdf], Any]:
    return lambda pdf: pikepdf.Dictionary(S=pikepdf.Name(kind), **entries)


def _stream_with(**entries: Any) -> Callable[[pikepdf.Pdf], None]:
    def change(pdf: pikepdf.Pdf) -> None:
        contents = pdf.pages[0].obj.Contents
        for key, value in entries.items():
            contents[f"/{key}"] = value

    return change


NAME = pikepdf.Name
BREAKS: dict[str, Break] = {
    # file structure
    "PDF 2.0": Break("header", save={"force_version": "2.0"}),
    "no binary comment": Break(
        "binary comment", after=lambda data: data.replace(b"%\xbf\xf7\xa2\xfe", b"%abcd", 1)
    ),
    "data after %%EOF": Break("after the last %%EOF", after=lambda data: data + b"mer\n"),
    "encryption": Break("encrypted", save={"encryption": pikepdf.Encryption(owner="ä", user="")}),
    "a stream in a file": Break("has /F", change=_stream_with(F=pikepdf.String("x.bin"))),
    "an LZW stream": Break(
        "LZWDecode", change=lambda pdf: setattr(_font(pdf).ToUnicode, "Filter", NAME.LZWDecode)
    ),
    # metadata
    "no metadata": Break("no XMP metadata", change=lambda pdf: delattr(pdf.Root, "Metadata")),
    "metadata not typed": Break(
        "not /Type /Metadata", change=lambda pdf: delattr(pdf.Root.Metadata, "Subtype")
    ),
    "metadata in UTF-16": Break(
        "not UTF-8", change=_packet(lambda xmp: xmp.decode("utf-8").encode("utf-16"))
    ),
    "an encoding in the packet header": Break(
        "xpacket header",
        change=_packet(
            lambda xmp: xmp.replace(b"?xpacket begin=", b'?xpacket encoding="UTF-8" begin=')
        ),
    ),
    "XMP not well-formed": Break(
        "not well-formed", change=_packet(lambda xmp: xmp.replace(b"</rdf:RDF>", b"</rdf:rdf>"))
    ),
    "PDF/A part 1": Break("pdfaid:part", change=_set_xmp("pdfaid:part", "1")),
    "conformance A": Break("pdfaid:conformance", change=_set_xmp("pdfaid:conformance", "A")),
    "no title": Break(
        "no dc:title",
        change=lambda pdf: [_set_xmp("dc:title", None)(pdf), pdf.docinfo.__delitem__("/Title")],
    ),
    "no metadata date": Break("no xmp:MetadataDate", change=_set_xmp("xmp:MetadataDate", None)),
    "another title": Break("Info /Title", change=_set_xmp("dc:title", "Något annat")),
    "another sender": Break("Info /Author", change=_set_xmp("dc:creator", ["Någon annan"])),
    "another creation date": Break(
        "Info /CreationDate", change=_set_xmp("xmp:CreateDate", "2020-01-01T00:00:00+00:00")
    ),
    "another modification date in Info": Break(
        "Info /ModDate", change=lambda pdf: setattr(pdf.docinfo, "ModDate", "D:20200101000000Z")
    ),
    "Info without counterpart": Break(
        "Info /Trapped", change=lambda pdf: setattr(pdf.docinfo, "Trapped", NAME.false)
    ),
    "a document ID that is no uuid": Break(
        "DocumentID '4711' is no uuid", change=_set_xmp("xmpMM:DocumentID", "4711")
    ),
    "an instance ID that is no uuid": Break(
        "InstanceID", change=_set_xmp("xmpMM:InstanceID", "xmp.iid:1")
    ),
    "another trailer ID": Break(
        "first /ID",
        change=lambda pdf: setattr(
            pdf.trailer, "ID", pikepdf.Array([pikepdf.String(bytes(16))] * 2)
        ),
    ),
    # output intent
    "no output intent": Break(
        "output intent", change=lambda pdf: delattr(pdf.Root, "OutputIntents")
    ),
    "no output condition": Break(
        "OutputConditionIdentifier",
        change=lambda pdf: delattr(pdf.Root.OutputIntents[0], "OutputConditionIdentifier"),
    ),
    "no profile": Break(
        "embeds no ICC profile",
        change=lambda pdf: delattr(pdf.Root.OutputIntents[0], "DestOutputProfile"),
    ),
    "no ICC profile": Break(
        "no ICC profile", change=_icc(lambda data: data.__setitem__(slice(36, 40), b"xxxx"))
    ),
    "a CMYK profile": Break(
        "not an RGB output", change=_icc(lambda data: data.__setitem__(slice(16, 20), b"CMYK"))
    ),
    "an ICC version 5 profile": Break(
        "version 5", change=_icc(lambda data: data.__setitem__(8, 5))
    ),
    "a profile of 4 components": Break(
        "/N 4",
        change=lambda pdf: setattr(pdf.Root.OutputIntents[0].DestOutputProfile, "N", 4),
    ),
    # fonts
    "a font not embedded": Break(
        "not embedded", change=lambda pdf: delattr(_font(pdf).FontDescriptor, "FontFile2")
    ),
    "a CIDSet": Break(
        "CIDSet",
        change=lambda pdf: setattr(_font(pdf).FontDescriptor, "CIDSet", pdf.make_stream(b"\xff")),
    ),
    "an encoded symbolic font": Break(
        "symbolic TrueType font with an Encoding",
        change=lambda pdf: setattr(_font(pdf), "Encoding", NAME.WinAnsiEncoding),
    ),
    "a non-symbolic font without encoding": Break(
        "non-symbolic TrueType", change=lambda pdf: setattr(_font(pdf).FontDescriptor, "Flags", 32)
    ),
    "widths cut short": Break(
        "Widths", change=lambda pdf: setattr(_font(pdf), "Widths", pikepdf.Array([500]))
    ),
    # colour and graphics
    "CMYK drawing": Break(
        "DeviceCMYK colour (k)",
        change=lambda pdf: pdf.pages[0].contents_add(pdf.make_stream(b"0 0 0 1 k 1 1 5 5 re f")),
    ),
    "CMYK colour space chosen": Break(
        "DeviceCMYK colour (cs)",
        change=lambda pdf: pdf.pages[0].contents_add(pdf.make_stream(b"/DeviceCMYK cs 0 0 0 1 sc")),
    ),
    "a CMYK colour space": Break(
        "is DeviceCMYK", change=_resource("/ColorSpace", lambda pdf: NAME.DeviceCMYK)
    ),
    "a CMYK image": Break(
        "DeviceCMYK image",
        change=_resource("/XObject", _image(ColorSpace=NAME.DeviceCMYK)),
    ),
    "an interpolated image": Break(
        "Interpolate", change=_resource("/XObject", _image(Interpolate=True))
    ),
    "an image with alternates": Break(
        "with /Alternates", change=_resource("/XObject", _image(Alternates=pikepdf.Array()))
    ),
    "an OPI image": Break(
        "with /OPI", change=_resource("/XObject", _image(OPI=pikepdf.Dictionary()))
    ),
    "a transfer function": Break(
        "has /TR", change=_resource("/ExtGState", lambda pdf: pikepdf.Dictionary(TR=NAME.Identity))
    ),
    "a halftone": Break(
        "has /HTP", change=_resource("/ExtGState", lambda pdf: pikepdf.Dictionary(HTP=NAME.Default))
    ),
    "a TR2 transfer function": Break(
        "TR2", change=_resource("/ExtGState", lambda pdf: pikepdf.Dictionary(TR2=NAME.Identity))
    ),
    "a strange blend mode": Break(
        "blend mode", change=_resource("/ExtGState", lambda pdf: pikepdf.Dictionary(BM=NAME.Glow))
    ),
    # interactivity
    "a link without flags": Break("without flags", change=_annotation()),
    "a hidden link": Break("not shown in print", change=_annotation(F=4 | 2)),
    "a 3D annotation": Break("/3D annotation", change=_annotation("/3D", F=4)),
    "an annotation with actions": Break(
        "annotation with /AA", change=_annotation(F=4, AA=pikepdf.Dictionary())
    ),
    "a link that launches": Break(
        "is /Launch", change=lambda pdf: _annotation(F=4, A=_action("/Launch")(pdf))(pdf)
    ),
    "a named action": Break(
        "named action",
        change=lambda pdf: setattr(pdf.Root, "OpenAction", _action("/Named", N=NAME.Print)(pdf)),
    ),
    "JavaScript": Break(
        "is /JavaScript",
        change=lambda pdf: setattr(pdf.Root, "OpenAction", _action("/JavaScript")(pdf)),
    ),
    "JavaScript by name": Break(
        "/JavaScript",
        change=_catalog("/Names", lambda pdf: pikepdf.Dictionary(JavaScript=pikepdf.Dictionary())),
    ),
    "embedded files": Break(
        "/EmbeddedFiles",
        change=_catalog(
            "/Names", lambda pdf: pikepdf.Dictionary(EmbeddedFiles=pikepdf.Dictionary())
        ),
    ),
    "XFA": Break(
        "XFA", change=_catalog("/AcroForm", lambda pdf: pikepdf.Dictionary(XFA=pikepdf.Array()))
    ),
    "document actions": Break(
        "catalog has /AA", change=_catalog("/AA", lambda pdf: pikepdf.Dictionary())
    ),
    "needs rendering": Break(
        "/NeedsRendering", change=_catalog("/NeedsRendering", lambda pdf: True)
    ),
    "alternate presentations": Break(
        "/AlternatePresentations",
        change=_catalog(
            "/Names", lambda pdf: pikepdf.Dictionary(AlternatePresentations=pikepdf.Dictionary())
        ),
    ),
    "requirements": Break(
        "/Requirements", change=_catalog("/Requirements", lambda pdf: pikepdf.Array())
    ),
    "page actions": Break(
        "page 1 has /AA", change=lambda pdf: setattr(pdf.pages[0].obj, "AA", pikepdf.Dictionary())
    ),
    "a presentation": Break(
        "/PresSteps",
        change=lambda pdf: setattr(pdf.pages[0].obj, "PresSteps", pikepdf.Dictionary()),
    ),
}


def test_a_trailer_without_id_is_found(letters: Letters) -> None:
    """qpdf writes an /ID into every file it saves, so this one is checked unsaved."""
    with pikepdf.open(letters.paths["order"]) as pdf:
        assert trailer_problems(pdf) == []
        del pdf.trailer.ID
        assert any("/ID" in problem for problem in trailer_problems(pdf))


@pytest.mark.parametrize("name", sorted(BREAKS))
def test_each_check_fails_on_what_it_checks(letters: Letters, name: str) -> None:
    broken = BREAKS[name]
    found = problems(_broken(letters.paths["order"], broken))
    assert any(broken.expected in problem for problem in found), found


# --- the logo and the colour profile --------------------------------------------------------


def test_a_cmyk_logo_is_drawn_in_rgb(letters: Letters, tmp_path: Path) -> None:
    logo = io.BytesIO()
    Image.new("CMYK", (300, 100), (255, 0, 255, 0)).save(logo, "JPEG")  # cyan + yellow: green
    path = tmp_path / "brev.pdf"
    view = letters.services.work.distributions(TODAY)[0]
    write_distribution_letter(
        letters.services.work.distribution(view.id, TODAY),
        path,
        Letterhead(logo=logo.getvalue()),
        TODAY,
    )
    assert problems(path) == []
    with pikepdf.open(path) as pdf:
        (image,) = pdf.pages[0].Resources.XObject.values()
        assert image.ColorSpace == "/DeviceRGB"
        red, green, blue = (int(c) for c in image.read_bytes()[:3])
    assert green > 200 and red < 40 and blue < 40, (red, green, blue)


def test_the_shipped_profile_is_srgb() -> None:
    data = (icc_profiles() / "sRGB.icc").read_bytes()
    assert int.from_bytes(data[:4], "big") == len(data)
    assert data[8:10] == bytes([4, 0x20])  # version 4.2 (tools/make_srgb_profile.py)
    assert data[12:20] == b"mntrRGB " and data[36:40] == b"acsp"
    shipped = ImageCms.ImageCmsProfile(io.BytesIO(data))
    transform = ImageCms.buildTransform(
        ImageCms.createProfile("sRGB"), shipped, "RGB", "RGB", ImageCms.Intent.RELATIVE_COLORIMETRIC
    )
    colours = [(0, 0, 0), (255, 255, 255), (31, 41, 51), (29, 78, 122), (176, 58, 46)]
    image = Image.new("RGB", (len(colours), 1))
    image.putdata(colours)
    converted = ImageCms.applyTransform(image, transform)
    assert converted is not None
    for x, before in enumerate(colours):
        after = converted.getpixel((x, 0))
        assert isinstance(after, tuple)
        assert max(abs(a - b) for a, b in zip(before, after, strict=True)) <= 1, (before, after)
