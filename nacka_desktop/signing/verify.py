"""Verify every signature in any PDF (ours or not): who signed, who vouches for them, when,
whether the signed bytes are unchanged, whether the document was changed after the signature,
and whether the certificate leads to a trusted root.

Trust is judged against the roots given (a kommun's CA, SITHS's roots …) and nothing else;
revocation is not fetched (no network): a certificate without a path to a given root, a
self-made one included, is reported as untrusted, which does not make its signature invalid.
A later signature, a document time stamp or validation data added in later incremental
updates are not changes to the document (PAdES); anything else after a signature is.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from nacka_desktop.signing.documents import open_reader

KIND_SIGNATURE = "signature"
KIND_TIMESTAMP = "timestamp"


@dataclass(frozen=True)
class SignatureCheck:
    """One signature (or document time stamp), as plain values."""

    field: str
    kind: str  # KIND_SIGNATURE or KIND_TIMESTAMP
    signer: str  # the certificate holder's common name
    issuer: str
    self_signed: bool
    signing_time: datetime | None  # as the signer's computer claimed it
    timestamp: datetime | None  # from a time-stamp authority (B-T and up), if any
    intact: bool  # the signed bytes hash to what was signed
    valid: bool  # the signature over that hash is cryptographically valid
    trusted: bool  # the certificate chains to one of the given trust roots
    modified_after: bool  # changed after signing, beyond later signatures and time stamps
    covers_whole_file: bool  # nothing at all was added after it
    problems: list[str] = dataclasses.field(default_factory=list)  # in Swedish, for the user

    @property
    def ok(self) -> bool:
        """Intact, valid and the document unchanged since: what `verify` exits 0 on. Trust
        is reported but not required (a test certificate's signature is still intact)."""
        return self.intact and self.valid and not self.modified_after

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("signing_time", "timestamp"):
            value = data[key]
            data[key] = value.isoformat() if value is not None else None
        data["ok"] = self.ok
        return data


@dataclass(frozen=True)
class VerifyReport:
    signatures: list[SignatureCheck]

    @property
    def all_ok(self) -> bool:
        """True when there is at least one signature and every one is ok."""
        return bool(self.signatures) and all(s.ok for s in self.signatures)

    def to_dict(self) -> dict[str, Any]:
        return {"ok": self.all_ok, "signatures": [s.to_dict() for s in self.signatures]}


def load_certificates(paths: Sequence[Path]) -> list[Any]:
    """Trust roots from PEM or DER files (a PEM file may hold several)."""
    from asn1crypto import pem, x509

    roots = []
    for path in paths:
        data = Path(path).read_bytes()
        if pem.detect(data):
            roots += [x509.Certificate.load(der) for _kind, _hdr, der in pem.unarmor(data, True)]
        else:
            roots.append(x509.Certificate.load(data))
    return roots


def verify_pdf(pdf: bytes, trust_roots: Sequence[Any] = ()) -> VerifyReport:
    """Check every signature and document time stamp in the PDF, in the file's order.
    Raises SigningError when the bytes are not a readable PDF."""
    reader = open_reader(pdf)
    with quiet("pyhanko", "pyhanko_certvalidator"):
        checks: list[tuple[int, SignatureCheck]] = []
        for name, offset, embedded in _embedded(reader):
            if embedded is None:  # its CMS object is too damaged to be read at all
                checks.append((offset, _damaged(name)))
                continue
            checks.append((offset, _check(embedded, list(trust_roots))))
        # In the file's order: where each signature's value begins (its /ByteRange).
        return VerifyReport([check for _, check in sorted(checks, key=lambda c: c[0])])


def _embedded(reader: Any) -> Iterator[tuple[str, int, Any]]:
    """Every filled signature field: its name, where its value begins in the file, and its
    signature, or None for a signature whose bytes are too damaged to parse (pyHanko's
    `embedded_signatures` would raise for the whole file: one changed byte in a signature
    must show as that signature broken, not as a crash)."""
    from pyhanko.sign.fields import enumerate_sig_fields
    from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature

    for name, signature, field in enumerate_sig_fields(reader, filled_status=True):
        try:
            byte_range = signature.get_object().get("/ByteRange")
            offset = int(byte_range[1]) if byte_range is not None else 0
        except Exception:  # a malformed /ByteRange: the signature is reported damaged below
            offset = 0
        try:
            embedded = EmbeddedPdfSignature(reader, field, name)
        except Exception:  # a damaged CMS blob
            embedded = None
        yield name, offset, embedded


def _damaged(field_name: str) -> SignatureCheck:
    return SignatureCheck(
        field=field_name,
        kind=KIND_SIGNATURE,
        signer="okänd",
        issuer="okänd",
        self_signed=False,
        signing_time=None,
        timestamp=None,
        intact=False,
        valid=False,
        trusted=False,
        modified_after=True,
        covers_whole_file=False,
        problems=["Underskriften är skadad och kan inte läsas."],
    )


@contextmanager
def quiet(*names: str) -> Iterator[None]:
    """pyHanko logs a traceback for every certificate it cannot trust, which is a finding
    here, reported in the result: not for the terminal."""
    loggers = [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def _context(trust_roots: list[Any]) -> Any:
    from pyhanko_certvalidator import ValidationContext

    # An empty list, not None: None would mean the operating system's TLS roots.
    return ValidationContext(
        trust_roots=trust_roots, allow_fetching=False, revocation_mode="soft-fail"
    )


def _check(embedded: Any, trust_roots: list[Any]) -> SignatureCheck:
    from pyhanko.sign.validation import validate_pdf_signature, validate_pdf_timestamp

    is_timestamp = embedded.sig_object_type == "/DocTimeStamp"
    try:
        certificate = embedded.signer_cert
    except Exception:  # a CMS object too damaged to name its signer
        certificate = None
    status: Any
    try:
        if is_timestamp:
            status = validate_pdf_timestamp(embedded, validation_context=_context(trust_roots))
        else:
            status = validate_pdf_signature(
                embedded,
                signer_validation_context=_context(trust_roots),
                ts_validation_context=_context(trust_roots),
            )
    except Exception as error:  # a damaged signature is a finding, not a crash
        return _unreadable(embedded, certificate, is_timestamp, error)
    return _from_status(embedded, status, is_timestamp)


def _names(certificate: Any) -> tuple[str, str, bool]:
    if certificate is None:
        return "okänd", "okänd", False
    subject = certificate.subject.native.get("common_name") or certificate.subject.human_friendly
    issuer = certificate.issuer.native.get("common_name") or certificate.issuer.human_friendly
    return str(subject), str(issuer), certificate.self_signed in ("yes", "maybe")


def _from_status(embedded: Any, status: Any, is_timestamp: bool) -> SignatureCheck:
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    signer, issuer, self_signed = _names(status.signing_cert)
    coverage = status.coverage
    level = status.modification_level
    whole_file = coverage == SignatureCoverageLevel.ENTIRE_FILE
    if whole_file:
        modified = False
    elif coverage == SignatureCoverageLevel.ENTIRE_REVISION and level is not None:
        modified = level > ModificationLevel.FORM_FILLING or status.docmdp_ok is False
    else:
        modified = True
    if is_timestamp:
        signing_time = status.timestamp
        timestamp = status.timestamp
    else:
        signing_time = status.signer_reported_dt
        stamp = status.timestamp_validity
        timestamp = stamp.timestamp if stamp is not None else None
    problems = []
    if not status.intact:
        problems.append("Innehållet har ändrats efter underskriften (kontrollsumman stämmer inte).")
    elif not status.valid:
        problems.append("Själva underskriften är ogiltig.")
    if modified:
        problems.append("Dokumentet har ändrats efter underskriften på ett sätt som inte tillåts.")
    if not status.trusted:
        problems.append(
            "Certifikatet är självutfärdat och inte betrott."
            if self_signed
            else "Certifikatet leder inte till någon betrodd utfärdare."
        )
    return SignatureCheck(
        field=str(embedded.field_name),
        kind=KIND_TIMESTAMP if is_timestamp else KIND_SIGNATURE,
        signer=signer,
        issuer=issuer,
        self_signed=self_signed,
        signing_time=signing_time,
        timestamp=timestamp,
        intact=bool(status.intact),
        valid=bool(status.valid),
        trusted=bool(status.trusted),
        modified_after=modified,
        covers_whole_file=whole_file,
        problems=problems,
    )


def _unreadable(
    embedded: Any, certificate: Any, is_timestamp: bool, error: Exception
) -> SignatureCheck:
    signer, issuer, self_signed = _names(certificate)
    return SignatureCheck(
        field=str(embedded.field_name),
        kind=KIND_TIMESTAMP if is_timestamp else KIND_SIGNATURE,
        signer=signer,
        issuer=issuer,
        self_signed=self_signed,
        signing_time=None,
        timestamp=None,
        intact=False,
        valid=False,
        trusted=False,
        modified_after=True,
        covers_whole_file=False,
        problems=[f"Underskriften kunde inte kontrolleras: {error}"],
    )


# pyHanko's keys of /AcroForm that may change (form_rules_api.ACROFORM_EXEMPT_STRICT_COMPARISON,
# not exported), and /SigFlags, which a first signature sets to "signatures exist, append only".
_EXEMPT_ACROFORM_KEYS = frozenset({"/Fields", "/DR", "/Q", "/DA", "/NeedAppearances", "/SigFlags"})


def changes_since(pdf: bytes, base: bytes) -> list[str]:
    """What the revisions added after `base` (a file `pdf` starts with, byte for byte) change
    beyond signing: empty when they only fill and create signature fields, add their
    appearances, validation data, time stamps and metadata (PAdES); else what, in Swedish.

    A signature covers its own revision, so a signer could change the page in the same update
    that holds the signature and still sign "intact": only a comparison with the letter as
    issued shows that. pyHanko's standard policy is used, with the /SigFlags of the form
    allowed to change (a first signature sets "append only"), which it counts as a change."""
    from pyhanko.sign.diff_analysis import (
        DEFAULT_DIFF_POLICY,
        FormUpdatingRule,
        ModificationLevel,
        SigFieldCreationRule,
        SigFieldModificationRule,
        StandardDiffPolicy,
        SuspiciousModification,
    )

    if not pdf.startswith(base):
        return ["Filen börjar inte med brevet som det utfärdades."]
    policy = StandardDiffPolicy(
        global_rules=DEFAULT_DIFF_POLICY.global_rules,
        form_rule=FormUpdatingRule(
            # No other kind of field may be filled: the letters have none.
            field_rules=[
                SigFieldCreationRule(),  # type: ignore[no-untyped-call]
                SigFieldModificationRule(),
            ],
            ignored_acroform_keys=_EXEMPT_ACROFORM_KEYS,
        ),
    )
    base_revision = open_reader(base).xrefs.total_revisions - 1
    reader = open_reader(pdf)
    if reader.xrefs.total_revisions - 1 == base_revision:
        return []
    with quiet("pyhanko"):
        try:
            result = policy.review_file(reader, base_revision, field_mdp_spec=None, doc_mdp=None)
        except SuspiciousModification as error:
            return [f"Innehållet har ändrats efter utfärdandet: {error}"]
    if not hasattr(result, "modification_level"):
        return [f"Innehållet har ändrats efter utfärdandet: {result}"]
    if result.modification_level > ModificationLevel.FORM_FILLING:
        return ["Innehållet har ändrats efter utfärdandet, utöver underskrifter."]
    return []
