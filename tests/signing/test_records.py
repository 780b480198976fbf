"""A signed letter moves the record (issue 13): the services read a signed copy of the issued
letter, check that it is that letter and that every signature holds, and record each signer;
a distribution signed by both sides is signed (AM-2)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from nacka_desktop.domain.dates import today
from nacka_desktop.domain.letterhead import Letterhead
from nacka_desktop.domain.rules import RuleViolationError
from nacka_desktop.domain.signatures import DocumentKind, SignatureParty, SignatureRoute
from nacka_desktop.exports.letters import write_distribution_letter
from nacka_desktop.services.context import Services
from nacka_desktop.services.work_environment import ALL_CONFIRMED
from nacka_desktop.signing.documents import add_signature_fields
from nacka_desktop.signing.signers import FieldSpec, Pkcs12Signer, StampText
from tests.conftest import TODAY, build_sample
from tests.signing.conftest import PASSWORD, field_boxes

KIND = DocumentKind.DISTRIBUTION_LETTER


@dataclass(frozen=True)
class Issued:
    services: Services
    distribution: int
    issued_id: int
    pdf: bytes


def _issue(services: Services, distribution: int, folder: Path, document_id: str) -> Issued:
    view = services.work.distribution(distribution, TODAY)
    path = folder / f"fordelning-{distribution}.pdf"
    boxes = write_distribution_letter(view, path, Letterhead(), TODAY).signature_boxes
    pdf = add_signature_fields(path.read_bytes(), field_boxes(list(boxes)))
    issued = services.signatures.issue(KIND, distribution, pdf, document_id)
    return Issued(services, distribution, issued.id, pdf)


@pytest.fixture
def issued(tmp_path: Path) -> Iterator[Issued]:
    """The sample's draft (Sickla's rektor to the biträdande rektor), confirmed and issued;
    the services' clock is the real day, as the signatures are made now."""
    services = Services.open(tmp_path / "sample.db", clock=today)
    build_sample(services.database, TODAY)
    draft = next(v for v in services.work.distributions(TODAY) if v.record.signed_on is None)
    for entry in draft.items:
        services.distributions.set_confirmation(draft.record.id, entry.task.id, ALL_CONFIRMED)
    yield _issue(services, draft.record.id, tmp_path, "uuid:records-test")
    services.close()


def sign(pdf: bytes, p12: Path, field: str, create: bool = False) -> bytes:
    signer = Pkcs12Signer(p12, PASSWORD)
    return signer.sign(pdf, FieldSpec(field, create=create), StampText(role="Rektor"))


def test_the_giver_then_the_receiver_sign_and_the_distribution_is_signed(
    issued: Issued, giver_p12: Path, receiver_p12: Path
) -> None:
    signatures = issued.services.signatures
    by_giver = sign(issued.pdf, giver_p12, "Givare")
    [first] = signatures.record_digital(issued.issued_id, by_giver)
    letter = signatures.letters(KIND, issued.distribution)[0]
    assert letter.signed_on is None  # the receiver has not signed yet (AM-2)
    by_both = sign(by_giver, receiver_p12, "Mottagare")
    [second] = signatures.record_digital(issued.issued_id, by_both)
    letter = signatures.letters(KIND, issued.distribution)[0]
    giver, receiver = letter.signatures
    assert (giver.id, giver.party, giver.signer_name) == (
        first,
        SignatureParty.GIVER,
        "Gunilla Givare",
    )
    assert (receiver.id, receiver.party, receiver.route) == (
        second,
        SignatureParty.RECEIVER,
        SignatureRoute.DIGITAL,
    )
    assert receiver.trusted is False and "Måns Mottagare" in receiver.certificate_subject
    assert letter.signed_on == receiver.signed_on == today()
    kept = signatures.attachment(second)
    assert kept is not None and kept.data == by_both  # the signed file, byte for byte
    record = issued.services.work.distribution(issued.distribution, today()).record
    assert record.signed_on == today()


def test_a_letter_read_back_twice_records_its_signatures_once(
    issued: Issued, giver_p12: Path
) -> None:
    signed = sign(issued.pdf, giver_p12, "Givare")
    issued.services.signatures.record_digital(issued.issued_id, signed)
    with pytest.raises(RuleViolationError, match="redan är registrerade"):
        issued.services.signatures.record_digital(issued.issued_id, signed)


def test_another_letter_or_a_changed_one_is_refused(
    issued: Issued, giver_p12: Path, tmp_path: Path
) -> None:
    services = issued.services
    other = next(v for v in services.work.distributions(TODAY) if v.giver is not None)
    another = _issue(services, other.record.id, tmp_path, "uuid:another")
    with pytest.raises(RuleViolationError, match="inte det utfärdade brevet"):
        services.signatures.record_digital(issued.issued_id, sign(another.pdf, giver_p12, "Givare"))
    signed = bytearray(sign(issued.pdf, giver_p12, "Givare"))
    changed = bytes(signed[:100]) + b"X" + bytes(signed[101:])  # in the letter as issued
    with pytest.raises(RuleViolationError, match="inte det utfärdade brevet"):
        services.signatures.record_digital(issued.issued_id, changed)
    assert services.signatures.letters(KIND, issued.distribution)[0].signatures == []


def test_a_broken_signature_is_refused(issued: Issued, giver_p12: Path) -> None:
    signed = sign(issued.pdf, giver_p12, "Givare")
    tail = signed.index(b"/Contents <", len(issued.pdf)) + len(b"/Contents <") + 40
    broken = (
        signed[:tail] + (b"0" if signed[tail : tail + 1] != b"0" else b"1") + signed[tail + 1 :]
    )
    with pytest.raises(RuleViolationError, match="håller inte"):
        issued.services.signatures.record_digital(issued.issued_id, broken)


def test_the_portal_s_own_field_needs_its_party_and_is_recorded_as_the_portal_route(
    issued: Issued, receiver_p12: Path
) -> None:
    signed = sign(issued.pdf, receiver_p12, "Signatur1", create=True)
    signatures = issued.services.signatures
    with pytest.raises(RuleViolationError, match="Okänt underskriftsfält Signatur1"):
        signatures.record_digital(issued.issued_id, signed, SignatureRoute.PORTAL)
    [recorded] = signatures.record_digital(
        issued.issued_id,
        signed,
        SignatureRoute.PORTAL,
        party_of_field={"Signatur1": SignatureParty.RECEIVER},
    )
    [record] = signatures.letters(KIND, issued.distribution)[0].signatures
    assert (record.id, record.route, record.party) == (
        recorded,
        SignatureRoute.PORTAL,
        SignatureParty.RECEIVER,
    )
    assert record.signed_on <= date.today()  # noqa: DTZ011


def _forged(pdf: bytes, p12: Path, field: str) -> bytes:
    """The letter plus one incremental update that paints page 1 red and signs: the
    signature covers the change, so it is intact; only a comparison with the letter as
    issued shows it."""
    import io

    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    page = writer.root["/Pages"]["/Kids"][0].get_object()
    cover = writer.add_object(generic.StreamObject(stream_data=b"q 1 0 0 rg 0 0 600 850 re f Q"))
    page["/Contents"] = generic.ArrayObject([page.raw_get("/Contents"), cover])
    writer.update_container(page)
    signer = signers.SimpleSigner.load_pkcs12(str(p12), passphrase=PASSWORD.encode())
    metadata = signers.PdfSignatureMetadata(field_name=field)
    return signers.PdfSigner(metadata, signer=signer).sign_pdf(writer).getvalue()


def test_a_letter_changed_in_the_same_update_as_its_signature_is_refused(
    issued: Issued, giver_p12: Path
) -> None:
    forged = _forged(issued.pdf, giver_p12, "Givare")
    with pytest.raises(RuleViolationError, match="ändrats efter utfärdandet"):
        issued.services.signatures.record_digital(issued.issued_id, forged)
    assert issued.services.signatures.letters(KIND, issued.distribution)[0].signatures == []


def test_a_file_without_a_signature_already_recorded_is_refused(
    issued: Issued, giver_p12: Path, receiver_p12: Path
) -> None:
    signatures = issued.services.signatures
    signatures.record_digital(issued.issued_id, sign(issued.pdf, giver_p12, "Givare"))
    only_receiver = sign(issued.pdf, receiver_p12, "Mottagare")  # on the letter as issued
    with pytest.raises(RuleViolationError, match="saknar underskrifter som redan"):
        signatures.record_digital(issued.issued_id, only_receiver)


def test_the_portal_s_own_fields_are_named_each_and_read_back_twice(
    issued: Issued, giver_p12: Path, receiver_p12: Path
) -> None:
    from nacka_desktop.services.signatures import UnknownSignatureFieldsError

    signatures = issued.services.signatures
    one = sign(issued.pdf, giver_p12, "Signatur1", create=True)
    signatures.record_digital(
        issued.issued_id,
        one,
        SignatureRoute.PORTAL,
        party_of_field={"Signatur1": SignatureParty.GIVER},
    )
    two = sign(one, receiver_p12, "Signatur2", create=True)
    with pytest.raises(UnknownSignatureFieldsError) as unknown:
        signatures.record_digital(issued.issued_id, two, SignatureRoute.PORTAL)
    assert unknown.value.fields == ["Signatur2"]  # the first is recorded already
    signatures.record_digital(
        issued.issued_id,
        two,
        SignatureRoute.PORTAL,
        party_of_field={"Signatur2": SignatureParty.RECEIVER},
    )
    letter = signatures.letters(KIND, issued.distribution)[0]
    assert [s.party for s in letter.signatures] == [SignatureParty.GIVER, SignatureParty.RECEIVER]
    assert letter.signed_on == today()


def test_the_acroform_keys_allowed_to_change_include_pyhanko_s_own() -> None:
    """verify.changes_since copies pyHanko's list (not exported) and adds /SigFlags: a new
    pyHanko that allows more is noticed here."""
    from pyhanko.sign.diff_analysis import form_rules_api

    from nacka_desktop.signing.verify import _EXEMPT_ACROFORM_KEYS

    pyhanko_own = getattr(form_rules_api, "ACROFORM_EXEMPT_STRICT_COMPARISON")  # noqa: B009
    assert pyhanko_own | {"/SigFlags"} == _EXEMPT_ACROFORM_KEYS


def test_a_letter_signed_from_the_command_line_is_kept_and_its_signature_recorded(
    giver_p12: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.signing.conftest import run_cli

    database = tmp_path / "exempel.db"
    services = Services.open(database, clock=today)
    build_sample(services.database, TODAY)
    draft = next(v for v in services.work.distributions(TODAY) if v.record.signed_on is None)
    services.close()
    monkeypatch.setenv("NACKA_TEST_PW", PASSWORD)

    def export(target: Path) -> tuple[int, str, str]:
        return run_cli(
            [
                "export",
                "letter",
                "distribution",
                str(draft.id),
                "--db",
                str(database),
                "--out",
                str(target),
                "--sign",
                "--p12",
                str(giver_p12),
                "--password-env",
                "NACKA_TEST_PW",
            ],
            monkeypatch,
        )

    # Not confirmed by the receiver (AM-6): no letter is issued for it, and no file written.
    code, _out, err = export(tmp_path / "brev.pdf")
    assert code == 2 and "AM-6" in err
    assert not (tmp_path / "brev.pdf").exists()
    services = Services.open(database, clock=today)
    try:
        for entry in draft.items:
            services.distributions.set_confirmation(draft.id, entry.task.id, ALL_CONFIRMED)
    finally:
        services.close()
    code, out, err = export(tmp_path / "brev.pdf")
    assert code == 0, err
    assert "registrerat i databasen" in out
    services = Services.open(database, clock=today)
    try:
        (letter,) = services.signatures.letters(KIND, draft.id)
        # kept under the title the window keeps it under, in Swedish
        assert letter.issued.title == f"Fördelning av arbetsmiljöuppgifter {draft.id}"
        (signature,) = letter.signatures
        assert (signature.party, signature.signer_name) == (SignatureParty.GIVER, "Gunilla Givare")
        assert (
            services.signatures.latest_file(letter.issued.id)
            == (tmp_path / "brev.pdf").read_bytes()
        )
    finally:
        services.close()


def test_a_delegation_letter_signed_by_the_chief_who_informs_is_recorded(
    giver_p12: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its first field is the chief's ("Givare"); the delegate's signature is the one that
    makes it signed, so the letter waits for it."""
    import sqlite3

    from tests.signing.conftest import run_cli

    database = tmp_path / "exempel.db"
    services = Services.open(database, clock=today)
    build_sample(services.database, TODAY)
    services.close()
    with sqlite3.connect(database) as connection:
        (person,) = connection.execute(
            "SELECT person_id FROM appointment WHERE role = 'unit_manager' "
            "AND valid_to IS NULL ORDER BY id LIMIT 1"
        ).fetchone()
    monkeypatch.setenv("NACKA_TEST_PW", PASSWORD)
    target = tmp_path / "delegeringsbrev.pdf"
    code, _out, err = run_cli(
        [
            *("export", "letter", "delegate", str(person), "--db", str(database)),
            *("--out", str(target), "--sign", "--p12", str(giver_p12)),
            *("--password-env", "NACKA_TEST_PW"),
        ],
        monkeypatch,
    )
    assert code == 0, err
    services = Services.open(database, clock=today)
    try:
        (letter,) = services.signatures.letters(DocumentKind.DELEGATE_LETTER, person)
        name = services.queries.person(person).full_name
        assert letter.issued.title == f"Delegeringsbrev för {name} per {today().isoformat()}"
        assert [s.party for s in letter.signatures] == [SignatureParty.GIVER]
        assert letter.signed_on is None  # the delegate has not signed
    finally:
        services.close()


def test_two_signers_at_once_the_second_is_told_to_sign_the_letter_as_it_now_stands(
    issued: Issued, giver_p12: Path, receiver_p12: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both signed the letter as issued on their own computers and read it back at the same
    moment: the one recorded second would drop the first signature from the letter as it
    stands, so it is refused, and the first stays the only one recorded."""
    import nacka_desktop.services.signatures as module

    signatures = issued.services.signatures
    by_giver = sign(issued.pdf, giver_p12, "Givare")
    by_receiver = sign(issued.pdf, receiver_p12, "Mottagare")
    real_verify = module.verify_pdf  # type: ignore[attr-defined]
    meanwhile: list[int] = []

    def verify_while_the_other_records(pdf: bytes, roots: object = ()) -> object:
        if not meanwhile:  # the other signer's file is recorded between check and record
            monkeypatch.setattr(module, "verify_pdf", real_verify)
            meanwhile.extend(signatures.record_digital(issued.issued_id, by_receiver))
        return real_verify(pdf, roots)  # type: ignore[arg-type]

    monkeypatch.setattr(module, "verify_pdf", verify_while_the_other_records)
    with pytest.raises(RuleViolationError) as refused:
        signatures.record_digital(issued.issued_id, by_giver)
    assert "under tiden" in refused.value.violations[0].message
    (letter,) = signatures.letters(KIND, issued.distribution)
    assert [s.id for s in letter.signatures] == meanwhile
    assert signatures.latest_file(issued.issued_id) == by_receiver
