"""PAdES B-T: a time stamp from an RFC 3161 service over HTTP (a local one, on the loopback
address, made here); `cert create`; the stamp font the repository ships."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from nacka_desktop.signing.errors import Problem, SigningError
from nacka_desktop.signing.signers import FieldSpec, Pkcs12Signer, StampText
from nacka_desktop.signing.verify import verify_pdf
from tests.conftest import ROOT
from tests.signing.conftest import PASSWORD, Letter, run_cli


def test_with_a_time_stamp_service_the_signature_is_b_t(
    tsa_url: str, letter: Letter, giver_p12: Path
) -> None:
    signer = Pkcs12Signer(giver_p12, PASSWORD, tsa_url=tsa_url)
    signed = signer.sign(letter.with_fields, FieldSpec("Givare"), StampText("chef"))
    (check,) = verify_pdf(signed).signatures
    assert check.ok
    assert check.timestamp is not None
    assert abs(check.timestamp - datetime.now(UTC)) < timedelta(minutes=5)


def test_without_the_service_nothing_is_signed(letter: Letter, giver_p12: Path) -> None:
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    signer = Pkcs12Signer(giver_p12, PASSWORD, tsa_url=f"http://127.0.0.1:{port}/tsa")
    with pytest.raises(SigningError) as refused:
        signer.sign(letter.with_fields, FieldSpec("Givare"), StampText())
    assert refused.value.problem is Problem.TIMESTAMP
    assert "Tidsstämpeln kunde inte hämtas" in refused.value.message


def test_cert_create_makes_a_marked_two_year_signing_certificate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import pkcs12

    target = tmp_path / "anna.p12"
    monkeypatch.setenv("NACKA_TEST_PW", "lösen åäö")
    code, out, err = run_cli(
        [
            "cert",
            "create",
            "--name",
            "Anna Åström",
            "--out",
            str(target),
            "--password-env",
            "NACKA_TEST_PW",
        ],
        monkeypatch,
    )
    assert code == 0, err
    assert "TEST – ej för produktion" in out
    assert "lösen" not in out + err  # the password is never shown
    key, certificate, _ = pkcs12.load_key_and_certificates(
        target.read_bytes(), "lösen åäö".encode()
    )
    assert key is not None and certificate is not None
    assert certificate.subject.rfc4514_string().startswith("C=SE,OU=")
    assert "CN=Anna Åström" in certificate.subject.rfc4514_string()
    assert "O=TEST – ej för produktion" in certificate.subject.rfc4514_string()
    usage = certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and usage.content_commitment and not usage.key_encipherment
    policies = certificate.extensions.get_extension_for_class(x509.CertificatePolicies).value
    assert "ej för produktion" in str(policies)
    lifetime = certificate.not_valid_after_utc - certificate.not_valid_before_utc
    assert timedelta(days=729) < lifetime <= timedelta(days=731)
    # Never over an existing file (a key would be lost):
    code, _out, err = run_cli(
        ["cert", "create", "--name", "B", "--out", str(target), "--password-env", "NACKA_TEST_PW"],
        monkeypatch,
    )
    assert code == 2 and "finns redan" in err


def test_the_stamp_font_is_dejavu_at_1000_units_per_em() -> None:
    """tools/make_stamp_font.py's output, committed: pyHanko writes glyph widths in the font's
    units, which PDF reads as thousandths of an em (see the tool's docstring)."""
    from fontTools.ttLib import TTFont

    font = TTFont(ROOT / "resources" / "fonts" / "DejaVuSans-Stamp.ttf")
    assert font["head"].unitsPerEm == 1000
    assert font["name"].getDebugName(1) == "DejaVu Sans"
    cmap = font.getBestCmap()
    for character in "åäöÅÄÖéüøæßčšžłő–":
        assert ord(character) in cmap, character
