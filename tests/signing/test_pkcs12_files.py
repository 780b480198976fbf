"""PKCS#12 files as users bring them, written by OpenSSL's command line (see p12/make.sh), read
by the app's own reader where it can (so the window keeps repainting while a key is opened)
and by cryptography's loader otherwise. Each kind reads to the same key and certificates as
cryptography reads, and signs a letter that verifies."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12 as pyca_pkcs12

from nacka_desktop.signing.certificates import create_test_certificate
from nacka_desktop.signing.errors import Problem, SigningError
from nacka_desktop.signing.pkcs12_file import NotReadHere, WrongPassword, read_pkcs12
from nacka_desktop.signing.signers import FieldSpec, Pkcs12Signer, StampText
from nacka_desktop.signing.verify import verify_pdf
from tests.signing.conftest import PASSWORD, Letter

FILES = Path(__file__).parent / "p12"
# Read by the app's reader: PBES2 (PBKDF2 with AES or 3DES) under an HMAC.
READ_HERE = [
    "openssl3-default-chain.p12",
    "openssl3-ec-aes128-sha1mac.p12",
    "openssl3-pbes2-3des-sha512mac.p12",
    "openssl3-certs-unencrypted.p12",
]
# Left to cryptography: RC2-40 and PBES1, no MAC.
LEFT_TO_CRYPTOGRAPHY = ["openssl3-legacy.p12", "openssl3-nomac.p12"]


def public(key_or_certificate: Any) -> bytes:
    return bytes(
        key_or_certificate.public_key().public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )


def der(certificate: Any) -> bytes:
    return bytes(certificate.public_bytes(serialization.Encoding.DER))


@pytest.fixture
def cryptography_loader_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """The slow loader, which holds the interpreter lock, must not be reached."""

    def refuse(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("cryptography's loader was used")

    monkeypatch.setattr(pyca_pkcs12, "load_key_and_certificates", refuse)


@pytest.mark.parametrize("name", READ_HERE)
def test_a_common_file_reads_to_what_cryptography_reads(name: str) -> None:
    data = (FILES / name).read_bytes()
    ours = read_pkcs12(data, PASSWORD)
    key, certificate, others = pyca_pkcs12.load_key_and_certificates(data, PASSWORD.encode())
    assert public(ours.key) == public(key)
    assert der(ours.certificate) == der(certificate)
    assert [der(c) for c in ours.others] == [der(c) for c in others]
    assert public(ours.certificate) == public(ours.key)


def test_the_chain_comes_with_the_signers_certificate() -> None:
    ours = read_pkcs12((FILES / "openssl3-default-chain.p12").read_bytes(), PASSWORD)
    assert ours.certificate.subject.rfc4514_string().endswith("CN=Åsa Öberg")
    assert [c.subject.rfc4514_string() for c in ours.others] == [
        "O=TEST - ej for produktion,CN=Testrot Nacka"
    ]


@pytest.mark.parametrize("name", READ_HERE)
def test_a_wrong_password_is_told_by_the_mac(name: str) -> None:
    with pytest.raises(WrongPassword):
        read_pkcs12((FILES / name).read_bytes(), "ratt losen")  # the same without å and ö


@pytest.mark.parametrize("name", [*LEFT_TO_CRYPTOGRAPHY, "openssl3-key-only.p12"])
def test_other_kinds_are_left_to_cryptography(name: str) -> None:
    with pytest.raises(NotReadHere):
        read_pkcs12((FILES / name).read_bytes(), PASSWORD)


@pytest.mark.parametrize("name", READ_HERE)
def test_a_common_file_signs_a_letter_without_cryptographys_loader(
    name: str, letter: Letter, cryptography_loader_refused: None
) -> None:
    box = letter.boxes[0]
    signed = Pkcs12Signer(FILES / name, PASSWORD).sign(
        letter.with_fields, FieldSpec(box.field), StampText(role=box.detail)
    )
    (check,) = verify_pdf(signed).signatures
    assert check.intact and check.valid
    assert check.signer in ("Åsa Öberg", "Erik Ek")


@pytest.mark.parametrize("name", LEFT_TO_CRYPTOGRAPHY)
def test_an_older_kind_of_file_still_signs(name: str, letter: Letter) -> None:
    box = letter.boxes[0]
    signed = Pkcs12Signer(FILES / name, PASSWORD).sign(
        letter.with_fields, FieldSpec(box.field), StampText(role=box.detail)
    )
    (check,) = verify_pdf(signed).signatures
    assert check.intact and check.valid and check.signer == "Åsa Öberg"


@pytest.mark.parametrize("name", ["openssl3-default-chain.p12", "openssl3-legacy.p12"])
def test_a_wrong_password_is_refused_by_name_whichever_reader(name: str) -> None:
    with pytest.raises(SigningError) as refused:
        Pkcs12Signer(FILES / name, "fel lösen")
    assert refused.value.problem is Problem.WRONG_PASSWORD
    assert refused.value.message == f"Fel lösenord för {name}."


def test_a_key_without_its_certificate_is_refused() -> None:
    with pytest.raises(SigningError) as refused:
        Pkcs12Signer(FILES / "openssl3-key-only.p12", PASSWORD)
    assert refused.value.problem is Problem.NOT_PKCS12
    assert "saknar privat nyckel eller certifikat" in refused.value.message


def test_the_apps_own_test_certificates_are_read_here(
    tmp_path: Path, cryptography_loader_refused: None
) -> None:
    path = tmp_path / "kort.p12"
    path.write_bytes(create_test_certificate("Kort Kortsson", PASSWORD))
    assert Pkcs12Signer(path, PASSWORD).holder == "Kort Kortsson"


def test_a_damaged_key_is_caught_before_a_wrong_signature_is_written(
    letter: Letter, tmp_path: Path
) -> None:
    """The key is read without cryptography's arithmetic check; a key whose private half does
    not belong to its public half must still never put a signature in the letter."""
    good = read_pkcs12((FILES / "openssl3-default-chain.p12").read_bytes(), PASSWORD)
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    n = good.key.private_numbers()
    wrong_d = other.private_numbers().d
    damaged = rsa.RSAPrivateNumbers(
        p=n.p,
        q=n.q,
        d=wrong_d,
        dmp1=wrong_d % (n.p - 1),
        dmq1=wrong_d % (n.q - 1),
        iqmp=n.iqmp,
        public_numbers=n.public_numbers,
    ).private_key(unsafe_skip_rsa_key_validation=True)
    path = tmp_path / "skadad.p12"
    path.write_bytes(
        pyca_pkcs12.serialize_key_and_certificates(
            b"skadad",
            damaged,
            good.certificate,
            None,
            serialization.BestAvailableEncryption(PASSWORD.encode()),
        )
    )
    box = letter.boxes[0]
    with pytest.raises(SigningError) as refused:
        Pkcs12Signer(path, PASSWORD).sign(
            letter.with_fields, FieldSpec(box.field), StampText(role=box.detail)
        )
    assert refused.value.problem is Problem.SIGNING_FAILED
    assert "ger inte giltiga underskrifter" in refused.value.message


def test_bags_without_attributes_are_paired_by_the_public_key() -> None:
    """Some writers give no local key id: the key's certificate is the one holding its
    public key, the others are the chain (the file rebuilt here without any attributes,
    the CA's certificate first, under a MAC made with the password)."""
    import hashlib
    import hmac as hmac_module

    from asn1crypto import cms
    from asn1crypto import pkcs12 as asn1_pkcs12
    from asn1crypto import x509 as asn1_x509

    from nacka_desktop.signing.pkcs12_file import _pkcs12_kdf

    source = asn1_pkcs12.Pfx.load((FILES / "openssl3-certs-unencrypted.p12").read_bytes())
    read = read_pkcs12((FILES / "openssl3-default-chain.p12").read_bytes(), PASSWORD)
    contents = asn1_pkcs12.AuthenticatedSafe.load(source["auth_safe"]["content"].native)
    bags = [
        asn1_pkcs12.SafeBag({"bag_id": bag["bag_id"], "bag_value": bag["bag_value"]})
        for info in contents
        for bag in asn1_pkcs12.SafeContents.load(info["content"].native)
    ]
    ca = asn1_pkcs12.SafeBag(
        {
            "bag_id": "cert_bag",
            "bag_value": asn1_pkcs12.CertBag(
                {"cert_id": "x509", "cert_value": asn1_x509.Certificate.load(der(read.others[0]))}
            ),
        }
    )
    safe = asn1_pkcs12.SafeContents([ca, *bags]).dump()
    authenticated = asn1_pkcs12.AuthenticatedSafe(
        [cms.ContentInfo({"content_type": "data", "content": safe})]
    ).dump()
    salt = b"12345678"
    key = _pkcs12_kdf("sha256", PASSWORD, salt, 2048)
    mac = hmac_module.new(key, authenticated, hashlib.sha256).digest()
    pfx = asn1_pkcs12.Pfx(
        {
            "version": "v3",
            "auth_safe": {"content_type": "data", "content": authenticated},
            "mac_data": {
                "mac": {"digest_algorithm": {"algorithm": "sha256"}, "digest": mac},
                "mac_salt": salt,
                "iterations": 2048,
            },
        }
    ).dump()
    ours = read_pkcs12(pfx, PASSWORD)
    assert der(ours.certificate) == der(read.certificate)
    assert [der(c) for c in ours.others] == [der(read.others[0])]
    # and cryptography, reading the same file, agrees (the file is a sound PKCS#12)
    _key, certificate, others = pyca_pkcs12.load_key_and_certificates(pfx, PASSWORD.encode())
    assert der(certificate) == der(ours.certificate)
    assert [der(c) for c in others] == [der(c) for c in ours.others]
