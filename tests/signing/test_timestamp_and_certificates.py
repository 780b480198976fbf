"""PAdES B-T: a time stamp from an RFC 3161 service over HTTP (a local one, on the loopback
address, made here); `cert create`; the stamp font the repository ships."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from nacka_desktop.signing.errors import Problem, SigningError
from nacka_desktop.signing.signers import FieldSpec, Pkcs12Signer, StampText
from nacka_desktop.signing.verify import verify_pdf
from tests.conftest import ROOT
from tests.signing.conftest import PASSWORD, Letter, run_cli


def _tsa() -> object:
    """pyHanko's in-process TSA, with a time-stamping certificate made here."""
    from asn1crypto import keys, x509
    from cryptography import x509 as pyca
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
    from pyhanko.sign.timestamps import DummyTimeStamper

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)  # pyHanko's: RSA only
    name = pyca.Name([pyca.NameAttribute(NameOID.COMMON_NAME, "Test-TSA")])
    now = datetime.now(UTC)
    certificate = (
        pyca.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(pyca.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .add_extension(pyca.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
        .sign(key, hashes.SHA256())
    )
    return DummyTimeStamper(
        tsa_cert=x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER)),
        tsa_key=keys.PrivateKeyInfo.load(
            key.private_bytes(
                serialization.Encoding.DER,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        ),
    )


@pytest.fixture(scope="module")
def tsa_url() -> Iterator[str]:
    from asn1crypto import tsp

    stamper = _tsa()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            request = tsp.TimeStampReq.load(body)
            answer = stamper.request_tsa_response(request).dump()  # type: ignore[attr-defined]
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *_args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/tsa"
    server.shutdown()
    server.server_close()


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
