"""Signing a real letter: the giver, then the receiver (incremental, the first signature stays
valid), checked by the app's verify and by poppler's pdfsig (an independent verifier), then one
byte changed; the stamp as pdftoppm draws it; the letter's signature boxes."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from nacka_desktop.exports.letters._layout import MARGIN_LEFT, PAGE_HEIGHT, PAGE_WIDTH
from nacka_desktop.signing.errors import SigningError
from nacka_desktop.signing.signers import FieldSpec, Pkcs12Signer, StampText
from nacka_desktop.signing.verify import verify_pdf
from tests.signing.conftest import PASSWORD, Letter, run_cli


def sign_both(letter: Letter, giver_p12: Path, receiver_p12: Path) -> tuple[bytes, bytes]:
    giver = letter.boxes[0]
    receiver = letter.boxes[1]
    once = Pkcs12Signer(giver_p12, PASSWORD).sign(
        letter.with_fields, FieldSpec(giver.field), StampText(role=giver.detail)
    )
    twice = Pkcs12Signer(receiver_p12, PASSWORD).sign(
        once, FieldSpec(receiver.field), StampText(role=receiver.detail)
    )
    return once, twice


@pytest.fixture(scope="module")
def signed(letter: Letter, giver_p12: Path, receiver_p12: Path) -> tuple[bytes, bytes]:
    return sign_both(letter, giver_p12, receiver_p12)


def pdfsig(path: Path) -> list[str]:
    """pdfsig's report, one block per signature (it exits 0 even for a broken one)."""
    text = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, check=False).stdout
    return re.split(r"^Signature #\d+:$", text, flags=re.MULTILINE)[1:]


def flip_byte_in_first_revision(pdf: bytes) -> bytes:
    """One bit of one byte inside a content stream of the letter itself, which both
    signatures cover."""
    first_range_end = int(re.search(rb"/ByteRange\s*\[\s*0\s+(\d+)", pdf).group(1))  # type: ignore[union-attr]
    start = pdf.index(b"stream", 2000) + 40
    assert start < first_range_end
    changed = bytearray(pdf)
    changed[start] ^= 0x01
    return bytes(changed)


# --- the letter's boxes ---------------------------------------------------------------------------


def test_the_letter_says_where_each_party_signs(letter: Letter) -> None:
    giver, receiver = letter.boxes
    assert (giver.field, receiver.field) == ("Givare", "Mottagare")
    assert giver.caption == "Fördelat av"
    assert receiver.caption == "Mottaget och bekräftat av"
    assert giver.page == receiver.page  # side by side, on the last page
    assert giver.rect[0] == pytest.approx(MARGIN_LEFT, abs=0.5)
    for box in letter.boxes:
        left, bottom, right, top = box.rect
        assert 0 < left < right <= PAGE_WIDTH and 0 < bottom < top <= PAGE_HEIGHT
        assert 200 < right - left < 230 and 25 < top - bottom < 40  # about 77 × 12 mm
    assert giver.rect[2] < receiver.rect[0]
    assert giver.name and receiver.name  # the printed names, for the stamp's caller


# --- sign twice, verify, pdfsig -------------------------------------------------------------------


def test_giver_then_receiver_both_verify_intact(signed: tuple[bytes, bytes]) -> None:
    once, twice = signed
    assert twice.startswith(once)  # incremental: the first signed file is untouched
    report = verify_pdf(twice)
    assert [s.field for s in report.signatures] == ["Givare", "Mottagare"]
    first, second = report.signatures
    assert (first.signer, second.signer) == ("Gunilla Givare", "Måns Mottagare")
    for check in report.signatures:
        assert check.intact and check.valid and not check.modified_after
        assert check.self_signed and not check.trusted  # untrusted, not invalid
        assert check.ok
    assert not first.covers_whole_file and second.covers_whole_file
    assert report.all_ok


def test_pdfsig_reports_both_valid_and_the_second_whole(
    signed: tuple[bytes, bytes], tmp_path: Path
) -> None:
    path = tmp_path / "signed.pdf"
    path.write_bytes(signed[1])
    first, second = pdfsig(path)
    for block in (first, second):
        assert "Signature Validation: Signature is Valid." in block
        assert "ETSI.CAdES.detached" in block
    assert "Signature Field Name: Givare" in first and "Not total document signed" in first
    assert "Signature Field Name: Mottagare" in second
    assert "Total document signed" in second and "Not total" not in second


def test_one_changed_byte_breaks_both_signatures(
    signed: tuple[bytes, bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(flip_byte_in_first_revision(signed[1]))
    report = verify_pdf(tampered.read_bytes())
    assert len(report.signatures) == 2
    for check in report.signatures:
        assert not check.intact and not check.ok
        assert any("ändrats" in problem for problem in check.problems)
    for block in pdfsig(tampered):
        assert "Digest Mismatch." in block
        assert "Signature is Valid." not in block
    code, out, _err = run_cli(["verify", str(tampered)], monkeypatch)
    assert code == 1
    assert "0 av 2 underskrifter är hela." in out


def test_verify_json_lists_every_signature(
    signed: tuple[bytes, bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "signed.pdf"
    path.write_bytes(signed[1])
    code, out, _err = run_cli(["verify", str(path), "--json"], monkeypatch)
    assert code == 0
    data = json.loads(out)
    assert data["ok"] is True
    assert [s["field"] for s in data["signatures"]] == ["Givare", "Mottagare"]
    first = data["signatures"][0]
    assert first["signer"] == "Gunilla Givare" and first["issuer"] == "Gunilla Givare"
    assert first["intact"] and first["valid"] and not first["trusted"]
    assert first["modified_after"] is False and first["ok"] is True
    assert first["signing_time"].startswith("20")  # ISO 8601


def test_verify_trusts_a_given_root(
    signed: tuple[bytes, bytes], giver_p12: Path, tmp_path: Path
) -> None:
    from cryptography.hazmat.primitives.serialization import Encoding, pkcs12

    root = tmp_path / "givare.pem"
    _key, certificate, _ = pkcs12.load_key_and_certificates(
        giver_p12.read_bytes(), PASSWORD.encode()
    )
    assert certificate is not None
    root.write_bytes(certificate.public_bytes(Encoding.PEM))
    from nacka_desktop.signing.verify import load_certificates

    first, second = verify_pdf(signed[1], load_certificates([root])).signatures
    assert first.trusted and not second.trusted


def test_a_pdf_without_signatures_does_not_pass(
    letter: Letter, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _err = run_cli(["verify", str(letter.path)], monkeypatch)
    assert code == 1
    assert "inga underskrifter" in out


def test_verify_refuses_a_file_that_is_no_pdf(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "brev.pdf"
    path.write_text("Hej, detta är ingen PDF.", encoding="utf-8")
    code, _out, err = run_cli(["verify", str(path)], monkeypatch)
    assert code == 2
    assert "ingen läsbar PDF-fil" in err


# --- the stamp ------------------------------------------------------------------------------------


def dark_pixels(pdf: Path, page: int, rect: tuple[float, float, float, float]) -> int:
    """Pixels darker than light grey inside rect (PDF points) of the page drawn at 72 dpi
    (one pixel a point), a little inside the box so the line under it does not count."""
    out = pdf.with_suffix("")
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "72",
            "-gray",
            "-f",
            str(page + 1),
            "-l",
            str(page + 1),
            "-singlefile",
            str(pdf),
            str(out),
        ],
        check=True,
    )
    data = out.with_suffix(".pgm").read_bytes()
    magic, width, height, _depth, pixels = data.split(maxsplit=4)
    assert magic == b"P5"
    columns, rows = int(width), int(height)
    left, bottom, right, top = rect
    count = 0
    for y in range(rows - int(top) + 1, rows - int(bottom) - 2):
        row = pixels[y * columns : (y + 1) * columns]
        count += sum(1 for value in row[int(left) + 1 : int(right) - 1] if value < 200)
    return count


def test_the_stamp_is_drawn_inside_the_signature_box(
    letter: Letter, signed: tuple[bytes, bytes], tmp_path: Path
) -> None:
    before = tmp_path / "unsigned.pdf"
    before.write_bytes(letter.with_fields)
    after = tmp_path / "signed.pdf"
    after.write_bytes(signed[1])
    for box in letter.boxes:
        assert dark_pixels(before, box.page, box.rect) == 0
        assert dark_pixels(after, box.page, box.rect) > 150
    text = subprocess.run(
        ["pdftotext", "-f", str(letter.boxes[0].page + 1), str(after), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Digitalt undertecknad av Gunilla Givare" in " ".join(text.split())
    assert "Måns Mottagare" in text  # å ä ö in the stamp's embedded font


def test_the_stamp_font_is_embedded(signed: tuple[bytes, bytes], tmp_path: Path) -> None:
    path = tmp_path / "signed.pdf"
    path.write_bytes(signed[1])
    rows = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert any("DejaVuSans" in row for row in rows)
    assert all(row.split()[-5] == "yes" for row in rows if row.strip())  # emb


# --- refusals -------------------------------------------------------------------------------------


def test_an_existing_signature_cannot_be_signed_over(
    signed: tuple[bytes, bytes], giver_p12: Path
) -> None:
    with pytest.raises(SigningError) as refused:
        Pkcs12Signer(giver_p12, PASSWORD).sign(signed[0], FieldSpec("Givare"), StampText())
    assert refused.value.message == "Fältet Givare är redan undertecknat."
    assert refused.value.message_en == "The field Givare is already signed."
