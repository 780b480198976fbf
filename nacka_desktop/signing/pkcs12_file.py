"""Reading a PKCS#12 file (.p12, .pfx) without stopping the window.

cryptography's `load_key_and_certificates` checks an RSA key's arithmetic while it loads it,
in one call that holds Python's interpreter lock: 125 ms for a 3072-bit key, during which the
window, though the signing runs in a worker thread, cannot repaint (issue 14 allows 100 ms).
The file's integrity is already proved by its MAC over the password, so the key needs no such
check; cryptography only lets it be skipped when loading a bare key. So the common file, the
one OpenSSL 3, cryptography and recent Windows write (PBES2: PBKDF2 and AES or 3DES in CBC
mode, an HMAC with the RFC 7292 key derivation), is read here: the derivations run in hashlib,
which lets go of the lock, and the key is loaded without the check. Any other file (the RC2
and PBES1 of old exports, a PBMAC1 MAC, no MAC, an empty password) is left to cryptography,
slower but complete. A key that would sign wrongly is still caught: the signer verifies each
signature value it makes (see `signers._held_key_signer`).
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from typing import Any

# asn1crypto's digest names, and hashlib's, for the MAC and PBKDF2 of the files read here.
_DIGESTS = {"sha1": "sha1", "sha224": "sha224", "sha256": "sha256", "sha384": "sha384"}
_DIGESTS |= {"sha512": "sha512"}
_MAC_KEY_ID = 3  # RFC 7292 B.3: the key derivation's "purpose" byte for an integrity key


class WrongPassword(Exception):
    """The MAC does not match: the password is wrong (or the file damaged)."""


class NotReadHere(Exception):
    """A file this module does not read; cryptography's loader should."""


@dataclass(frozen=True)
class KeyAndCertificates:
    key: Any  # a cryptography private key
    certificate: Any  # the key's certificate (cryptography x509)
    others: list[Any]  # the rest of the chain in the file


def read_pkcs12(data: bytes, password: str) -> KeyAndCertificates:
    """The key, its certificate and the other certificates of a PBES2 PKCS#12 file.
    Raises WrongPassword, NotReadHere, or ValueError for a file that is not PKCS#12."""
    from asn1crypto import pkcs12

    if not password:
        raise NotReadHere("an empty password is encoded in two ways; cryptography tries both")
    pfx = pkcs12.Pfx.load(data)
    if pfx["auth_safe"]["content_type"].native != "data":
        raise NotReadHere("public-key integrity mode")
    content = pfx["auth_safe"]["content"].native
    _check_mac(pfx["mac_data"], content, password)
    keys: list[tuple[bytes | None, bytes]] = []  # (local key id, PKCS#8 DER)
    certificates: list[tuple[bytes | None, bytes]] = []
    for info in pkcs12.AuthenticatedSafe.load(content):
        for bag in _safe_contents(info, password):
            _collect(bag, password, keys, certificates)
    return _pair(keys, certificates)


def _check_mac(mac_data: Any, content: bytes, password: str) -> None:
    if mac_data.native is None:
        raise NotReadHere("no MAC")
    digest = _DIGESTS.get(mac_data["mac"]["digest_algorithm"]["algorithm"].native)
    if digest is None:
        raise NotReadHere("a MAC this module does not compute (PBMAC1?)")
    mac_key = _pkcs12_kdf(
        digest, password, mac_data["mac_salt"].native, mac_data["iterations"].native
    )
    expected = mac_data["mac"]["digest"].native
    if not hmac.compare_digest(hmac.new(mac_key, content, digest).digest(), expected):
        raise WrongPassword


def _pkcs12_kdf(digest: str, password: str, salt: bytes, iterations: int) -> bytes:
    """RFC 7292 appendix B.2, for a key as long as the digest (what an HMAC key needs)."""
    block = hashlib.new(digest).block_size
    secret = password.encode("utf-16-be") + b"\x00\x00"  # a BMPString with its terminator
    salt_part = _repeat(salt, block)
    secret_part = _repeat(secret, block)
    value = bytes([_MAC_KEY_ID]) * block + salt_part + secret_part
    for _ in range(iterations):
        value = hashlib.new(digest, value).digest()
    return value


def _repeat(value: bytes, block: int) -> bytes:
    if not value:
        return b""
    length = block * -(-len(value) // block)
    return (value * (length // len(value) + 1))[:length]


def _safe_contents(info: Any, password: str) -> Any:
    from asn1crypto import pkcs12

    kind = info["content_type"].native
    if kind == "data":
        return pkcs12.SafeContents.load(info["content"].native)
    if kind == "encrypted_data":
        encrypted = info["content"]["encrypted_content_info"]
        plain = _decrypt(
            encrypted["content_encryption_algorithm"],
            encrypted["encrypted_content"].native,
            password,
        )
        return pkcs12.SafeContents.load(plain)
    raise NotReadHere(f"content {kind}")


def _collect(
    bag: Any,
    password: str,
    keys: list[tuple[bytes | None, bytes]],
    certificates: list[tuple[bytes | None, bytes]],
) -> None:
    kind = bag["bag_id"].native
    key_id = _local_key_id(bag)
    value = bag["bag_value"]
    if kind == "pkcs8_shrouded_key_bag":
        plain = _decrypt(value["encryption_algorithm"], value["encrypted_data"].native, password)
        keys.append((key_id, plain))
    elif kind == "key_bag":
        keys.append((key_id, value.dump()))
    elif kind == "cert_bag" and value["cert_id"].native == "x509":
        certificates.append((key_id, value["cert_value"].parsed.dump()))
    elif kind == "safe_contents":
        for inner in value:
            _collect(inner, password, keys, certificates)
    # CRLs and secrets do not sign anything: passed over, as cryptography does


def _local_key_id(bag: Any) -> bytes | None:
    for attribute in bag["bag_attributes"]:
        if attribute["type"].native == "local_key_id" and len(attribute["values"]):
            return bytes(attribute["values"][0].native)
    return None


def _decrypt(algorithm: Any, ciphertext: bytes, password: str) -> bytes:
    from cryptography.hazmat.primitives.ciphers import Cipher, modes
    from cryptography.hazmat.primitives.padding import PKCS7

    if algorithm["algorithm"].native != "pbes2" or algorithm.kdf != "pbkdf2":
        raise NotReadHere(f"encryption {algorithm['algorithm'].native}")
    digest = _DIGESTS.get(algorithm.kdf_hmac)
    cipher_class = _ciphers().get(algorithm.encryption_cipher)
    if digest is None or algorithm.encryption_mode != "cbc" or cipher_class is None:
        raise NotReadHere(f"cipher {algorithm.encryption_cipher}")
    key = hashlib.pbkdf2_hmac(
        digest,
        password.encode("utf-8"),
        algorithm.kdf_salt,
        algorithm.kdf_iterations,
        algorithm.key_length,
    )
    cipher = cipher_class(key)
    decryptor = Cipher(cipher, modes.CBC(algorithm.encryption_iv)).decryptor()
    padded = decryptor.update(ciphertext) + decryptor.finalize()
    unpadder = PKCS7(cipher.block_size).unpadder()
    try:
        return unpadder.update(padded) + unpadder.finalize()
    except ValueError as error:  # the MAC matched: a key encrypted under another password?
        raise NotReadHere("padding") from error


def _ciphers() -> dict[str, Any]:
    """asn1crypto's cipher names, and cryptography's classes (3DES is "decrepit" there, but
    Windows and OpenSSL still write it in PBES2 files)."""
    from cryptography.hazmat.decrepit.ciphers.algorithms import TripleDES
    from cryptography.hazmat.primitives.ciphers.algorithms import AES

    return {"aes": AES, "tripledes": TripleDES}


def _pair(
    keys: list[tuple[bytes | None, bytes]], certificates: list[tuple[bytes | None, bytes]]
) -> KeyAndCertificates:
    """The one key with the certificate that holds its public key, as cryptography pairs
    them: by the local key id, else by the public key itself."""
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    if len(keys) != 1:
        raise NotReadHere(f"{len(keys)} keys")
    key_id, key_der = keys[0]
    key = serialization.load_der_private_key(
        key_der, password=None, unsafe_skip_rsa_key_validation=True
    )
    public = _public_der(key.public_key())
    loaded = [(bag_id, x509.load_der_x509_certificate(der)) for bag_id, der in certificates]
    holders = [c for _, c in loaded if _public_der(c.public_key()) == public]
    by_id = [c for bag_id, c in loaded if key_id is not None and bag_id == key_id]
    chosen = next((c for c in by_id if c in holders), holders[0] if holders else None)
    if chosen is None:
        raise NotReadHere("no certificate holds the key")
    return KeyAndCertificates(key, chosen, [c for _, c in loaded if c is not chosen])


def _public_der(public_key: Any) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return bytes(
        public_key.public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
