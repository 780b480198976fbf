"""PAdES B-LTA: a letter both parties signed, extended for the archive with what validates
every signature and a document time stamp over it, from a time-stamp service over HTTP (a
local one, made here); extended again, the chain renewed; refusals that leave nothing."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from nacka_desktop.signing.archive import extend_for_archive
from nacka_desktop.signing.errors import Problem, SigningError
from nacka_desktop.signing.signers import FieldSpec, Pkcs12Signer, StampText
from nacka_desktop.signing.verify import load_certificates, verify_pdf
from tests.conftest import TimeStampService
from tests.signing.conftest import PASSWORD, Letter, run_cli
from tests.signing.test_signing import flip_byte_in_first_revision


def certificate_of(p12: Path) -> Any:
    from asn1crypto import x509
    from cryptography.hazmat.primitives.serialization import Encoding, pkcs12

    loaded = pkcs12.load_pkcs12(p12.read_bytes(), PASSWORD.encode())
    assert loaded.cert is not None
    return x509.Certificate.load(loaded.cert.certificate.public_bytes(Encoding.DER))


@pytest.fixture(scope="module")
def signed_by_both(letter: Letter, giver_p12: Path, receiver_p12: Path) -> bytes:
    first = Pkcs12Signer(giver_p12, PASSWORD).sign(
        letter.with_fields, FieldSpec("Givare"), StampText(role="rektor")
    )
    return Pkcs12Signer(receiver_p12, PASSWORD).sign(
        first, FieldSpec("Mottagare"), StampText(role="biträdande rektor")
    )


@pytest.fixture
def roots(giver_p12: Path, receiver_p12: Path, tsa: TimeStampService) -> list[Any]:
    """What the kommun trusts: here the two test certificates and the service's own."""
    return [certificate_of(giver_p12), certificate_of(receiver_p12), tsa.certificate]


def lta_evidence(pdf: bytes, roots: list[Any]) -> list[tuple[str, bool]]:
    """pyHanko's own PAdES B-LTA validation (ETSI EN 319 102-1, 5.6.3) of every signature,
    offline: each field, and whether the chain of document time stamps (the evidence
    record) was found and validated for it."""
    import asyncio
    import io

    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation.ades import ades_lta_validation
    from pyhanko.sign.validation.policy_decl import (  # type: ignore[attr-defined]
        CertValidationPolicySpec,
        PdfSignatureValidationSpec,
        SignatureValidationSpec,
    )
    from pyhanko_certvalidator.policy_decl import (
        CertRevTrustPolicy,
        RevocationCheckingPolicy,
        RevocationCheckingRule,
    )
    from pyhanko_certvalidator.registry import SimpleTrustManager

    # The test certificates name no revocation service: nothing to check there.
    policy = CertValidationPolicySpec(
        trust_manager=SimpleTrustManager.build(trust_roots=roots),
        revinfo_policy=CertRevTrustPolicy(
            RevocationCheckingPolicy(
                RevocationCheckingRule.CHECK_IF_DECLARED, RevocationCheckingRule.CHECK_IF_DECLARED
            )
        ),
    )
    spec = PdfSignatureValidationSpec(SignatureValidationSpec(cert_validation_policy=policy))
    reader = PdfFileReader(io.BytesIO(pdf))
    found = []
    for signature in reader.embedded_regular_signatures:
        result = asyncio.run(ades_lta_validation(signature, spec))
        evidence = result.oldest_evidence_record_timestamp is not None
        found.append((signature.field_name, evidence and result.api_status is not None))
    return found


def test_a_letter_signed_by_both_is_extended_to_b_lta(
    signed_by_both: bytes, tsa: TimeStampService, roots: list[Any], tmp_path: Path
) -> None:
    archived = extend_for_archive(signed_by_both, tsa.url, roots, fetch_revocation=False)
    assert archived.startswith(signed_by_both)  # nothing before was changed
    checks = verify_pdf(archived, roots).signatures
    assert [c.kind for c in checks] == ["signature", "signature", "timestamp"]
    assert all(c.ok and c.trusted for c in checks)
    assert b"/DSS" in archived[len(signed_by_both) :]
    assert lta_evidence(archived, roots) == [("Givare", True), ("Mottagare", True)]
    # Before, there is no evidence record: B-LTA is what the extension added.
    assert lta_evidence(signed_by_both, roots) == [("Givare", False), ("Mottagare", False)]
    if shutil.which("pdfsig"):
        path = tmp_path / "arkiv.pdf"
        path.write_bytes(archived)
        report = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout
        # Poppler checks the two signatures and lists the document time stamp (it does not
        # verify RFC 3161 document time stamps; verify_pdf above did).
        assert report.count("Signature is Valid") == 2, report
        assert "Digest Mismatch" not in report and "Test-TSA" in report


def test_extending_an_archived_letter_again_renews_the_time_stamp_chain(
    signed_by_both: bytes, tsa: TimeStampService, roots: list[Any]
) -> None:
    once = extend_for_archive(signed_by_both, tsa.url, roots, fetch_revocation=False)
    twice = extend_for_archive(once, tsa.url, roots, fetch_revocation=False)
    assert twice.startswith(once)
    checks = verify_pdf(twice, roots).signatures
    assert [c.kind for c in checks].count("timestamp") == 2
    assert all(c.ok for c in checks)
    assert lta_evidence(twice, roots) == [("Givare", True), ("Mottagare", True)]


def test_an_untrusted_signature_is_named_and_nothing_is_made(
    signed_by_both: bytes, tsa: TimeStampService, giver_p12: Path
) -> None:
    with pytest.raises(SigningError) as refused:
        extend_for_archive(
            signed_by_both,
            tsa.url,
            [certificate_of(giver_p12), tsa.certificate],
            fetch_revocation=False,
        )
    assert refused.value.problem is Problem.UNTRUSTED
    assert "Mottagare" in refused.value.message and "betrott" in refused.value.message


def test_a_broken_signature_is_not_archived(
    signed_by_both: bytes, tsa: TimeStampService, roots: list[Any]
) -> None:
    tampered = flip_byte_in_first_revision(signed_by_both)
    with pytest.raises(SigningError) as refused:
        extend_for_archive(tampered, tsa.url, roots, fetch_revocation=False)
    assert refused.value.problem is Problem.SIGNATURE_BROKEN
    assert "Givare" in refused.value.message


def test_an_unsigned_letter_or_an_unreachable_service_is_told(
    letter: Letter, signed_by_both: bytes, roots: list[Any]
) -> None:
    with pytest.raises(SigningError) as unsigned:
        extend_for_archive(letter.with_fields, "http://127.0.0.1:9/tsa", roots)
    assert unsigned.value.problem is Problem.NOT_SIGNED
    with pytest.raises(SigningError) as unreachable:
        extend_for_archive(signed_by_both, "http://127.0.0.1:9/tsa", roots, fetch_revocation=False)
    assert unreachable.value.problem is Problem.TIMESTAMP
    assert "127.0.0.1:9" in unreachable.value.message


def test_the_command_line_extends_a_file_and_writes_nothing_on_refusal(
    signed_by_both: bytes,
    tsa: TimeStampService,
    tmp_path: Path,
    giver_p12: Path,
    receiver_p12: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from asn1crypto import pem

    signed = tmp_path / "undertecknad.pdf"
    signed.write_bytes(signed_by_both)
    trust = tmp_path / "betrodda.pem"
    trust.write_bytes(
        b"".join(
            pem.armor("CERTIFICATE", c.dump())
            for c in (certificate_of(giver_p12), certificate_of(receiver_p12), tsa.certificate)
        )
    )
    assert len(load_certificates([trust])) == 3
    out = tmp_path / "arkiv.pdf"
    command = ["archive", str(signed), "--out", str(out), "--tsa", tsa.url, "--offline"]
    code, printed, _ = run_cli([*command, "--trust", str(trust)], monkeypatch)
    assert code == 0, printed
    assert "B-LTA" in printed
    assert verify_pdf(out.read_bytes()).signatures[-1].kind == "timestamp"
    refused = tmp_path / "inte.pdf"
    code, _, error = run_cli(
        ["archive", str(signed), "--out", str(refused), "--tsa", tsa.url, "--offline"],
        monkeypatch,
    )
    assert code != 0 and "betrott" in error
    assert not refused.exists()
