"""Self-made certificates for tests and small offices: a key and a self-signed certificate in a
PKCS#12 file, plainly marked as not for production. Verifiers show its signatures as made by
an untrusted certificate (nobody vouches for the name), never as invalid."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

NOT_FOR_PRODUCTION = "TEST – ej för produktion"
NOT_FOR_PRODUCTION_EN = "TEST – not for production"
VALID_DAYS = 730  # two years
KEY_BITS = 3072


def create_test_certificate(
    name: str, password: str, *, days: int = VALID_DAYS, now: datetime | None = None
) -> bytes:
    """A PKCS#12 file (bytes) with a new RSA key and a self-signed certificate for `name`,
    valid `days` days from now, for signatures only (digitalSignature, nonRepudiation),
    marked "TEST – ej för produktion" in its organisation and in a certificate policy."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID, ObjectIdentifier

    if not name.strip():
        raise ValueError("namnet är tomt")
    if not password:
        raise ValueError("lösenordet är tomt")
    start = (now or datetime.now(UTC)) - timedelta(minutes=5)  # a slow clock elsewhere
    key = rsa.generate_private_key(public_exponent=65537, key_size=KEY_BITS)
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, name.strip()),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, NOT_FOR_PRODUCTION),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, "Nacka Desktop testcertifikat"),
            x509.NameAttribute(NameOID.COUNTRY_NAME, "SE"),
        ]
    )
    # A private-use policy OID (under the UUID arc 2.25) with a notice a person can read.
    policy = x509.PolicyInformation(
        ObjectIdentifier("2.25.329800735698586629295641978511506172918"),
        [
            x509.UserNotice(
                notice_reference=None,
                explicit_text=f"{NOT_FOR_PRODUCTION} / {NOT_FOR_PRODUCTION_EN}",
            )
        ],
    )
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,  # nonRepudiation
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.CertificatePolicies([policy]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return pkcs12.serialize_key_and_certificates(
        name=name.strip().encode("utf-8"),
        key=key,
        cert=certificate,
        cas=None,
        encryption_algorithm=serialization.BestAvailableEncryption(password.encode("utf-8")),
    )
