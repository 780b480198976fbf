"""The one error the signing package raises: what went wrong, in Swedish and in English."""

from __future__ import annotations

from enum import Enum


class Problem(Enum):
    """What kind of refusal, for a caller that reacts to some (asks for the password again)."""

    WRONG_PASSWORD = "wrong-password"
    NOT_PKCS12 = "not-pkcs12"
    CERTIFICATE_EXPIRED = "certificate-expired"
    CERTIFICATE_NOT_YET_VALID = "certificate-not-yet-valid"
    NO_SIGNING_KEY_USAGE = "no-signing-key-usage"
    NOT_A_PDF = "not-a-pdf"
    ENCRYPTED_PDF = "encrypted-pdf"
    TOKEN_LIBRARY = "token-library"
    TOKEN_SLOT = "token-slot"
    WRONG_PIN = "wrong-pin"
    TOKEN_KEY = "token-key"
    NO_SUCH_FIELD = "no-such-field"
    FIELD_SIGNED = "field-signed"
    TIMESTAMP = "timestamp"
    FILE = "file"
    SIGNING_FAILED = "signing-failed"
    NOT_SIGNED = "not-signed"
    SIGNATURE_BROKEN = "signature-broken"
    UNTRUSTED = "untrusted"


class SigningError(Exception):
    """A refusal or failure while signing, with `.message` (Swedish, shown to the user) and
    `.message_en`. Whatever raised it, no output file has been written."""

    def __init__(self, problem: Problem, message: str, message_en: str) -> None:
        super().__init__(message)
        self.problem = problem
        self.message = message
        self.message_en = message_en
