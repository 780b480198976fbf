"""Shared by the signing tests: a real letter from the sample with its signature fields,
certificates made here (good ones and bad ones), and a one-line helper for the CLI."""

from __future__ import annotations

import io
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from nacka_desktop import cli
from nacka_desktop.domain.letterhead import Letterhead
from nacka_desktop.exports.letters import write_distribution_letter
from nacka_desktop.exports.letters._layout import SignatureBox
from nacka_desktop.services.context import Services
from nacka_desktop.signing.certificates import create_test_certificate
from nacka_desktop.signing.documents import FieldBox, add_signature_fields
from tests.conftest import TODAY, build_sample

PASSWORD = "rätt lösen"


@dataclass(frozen=True)
class Letter:
    path: Path  # as the letter writer wrote it, without fields
    boxes: list[SignatureBox]
    with_fields: bytes  # one empty signature field per party


def field_boxes(boxes: list[SignatureBox]) -> list[FieldBox]:
    return [FieldBox(b.field, b.page, b.rect, b.caption) for b in boxes]


@pytest.fixture(scope="package")
def letter(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Letter]:
    """A distribution from a person (not the employer) to another, from the sample."""
    folder = tmp_path_factory.mktemp("signing-letter")
    services = Services.open(folder / "sample.db", clock=lambda: TODAY)
    try:
        build_sample(services.database, TODAY)
        with sqlite3.connect(folder / "sample.db") as connection:
            ids = [
                row[0]
                for row in connection.execute(
                    "SELECT id FROM task_distribution WHERE giver_appointment_id IS NOT NULL "
                    "ORDER BY id"
                )
            ]
        view = services.work.distribution(ids[0], TODAY)
        path = folder / "fordelning.pdf"
        boxes = list(write_distribution_letter(view, path, Letterhead(), TODAY).signature_boxes)
    finally:
        services.close()
    with_fields = add_signature_fields(path.read_bytes(), field_boxes(boxes))
    yield Letter(path, boxes, with_fields)


@pytest.fixture(scope="package")
def giver_p12(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("p12") / "givare.p12"
    path.write_bytes(create_test_certificate("Gunilla Givare", PASSWORD))
    return path


@pytest.fixture(scope="package")
def receiver_p12(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("p12") / "mottagare.p12"
    path.write_bytes(create_test_certificate("Måns Mottagare", PASSWORD))
    return path


def odd_certificate(
    path: Path, *, not_before: datetime, not_after: datetime, signing: bool = True
) -> Path:
    """A PKCS#12 the app would refuse: out of date, or for encryption only."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Udda Certifikat")])
    usage = x509.KeyUsage(
        digital_signature=signing,
        content_commitment=signing,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=not signing,
        key_cert_sign=False,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(usage, critical=True)
        .sign(key, hashes.SHA256())
    )
    path.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"udda",
            key,
            certificate,
            None,
            serialization.BestAvailableEncryption(PASSWORD.encode()),
        )
    )
    return path


def expired(path: Path) -> Path:
    now = datetime.now(UTC)
    return odd_certificate(path, not_before=now - timedelta(days=800), not_after=now - timedelta(1))


def run_cli(args: list[str], monkeypatch: pytest.MonkeyPatch) -> tuple[int, str, str]:
    """`nacka-desktop ARGS` in process: (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    monkeypatch.setattr("sys.stdout", out)
    monkeypatch.setattr("sys.stderr", err)
    code = cli.main(args, launch_gui=lambda _db: 99)
    return code, out.getvalue(), err.getvalue()
