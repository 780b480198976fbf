"""Who signs, behind one small interface: `Signer.sign(pdf, field, stamp) -> bytes`.

The letters, the CLI and (later) the services call only that. Two signers hold the key here:
`Pkcs12Signer` (a .p12/.pfx file and its password) and `Pkcs11Signer` (a token through its
PKCS#11 module: a SITHS card with Net iD or the card vendor's module, or SoftHSM2 in the tests).
Both make a PAdES signature (B-B; B-T when a time-stamp URL is given) in an incremental update,
with a visible stamp in the field's box, so earlier signatures stay valid.

A remote signature service (the key never on this machine, only the hash sent) fits the same
interface without touching the letters: its `sign` builds the same `PdfSigner` (see
`signature_setup`) around a pyHanko `Signer` that holds only the certificate, calls
`PdfSigner.async_digest_doc_for_signing` (pyHanko's interrupted signing: the placeholder is
written and the /ByteRange digest computed), sends the digest (or the signed attributes) to the
service, and finishes with `PdfTBSDocument.finish_signing` (or `async_finish_signing`) with the
CMS signature the service returns. Nothing of it is written yet: it needs a real service.
"""

from __future__ import annotations

import io
import logging
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from nacka_desktop.signing.documents import open_reader, read_input
from nacka_desktop.signing.errors import Problem, SigningError

if TYPE_CHECKING:
    from asn1crypto import x509 as asn1_x509

STAMP_FONT = "DejaVuSans-Stamp.ttf"  # see tools/make_stamp_font.py
STAMP_FONT_SIZE = 8
STAMP_LINE_CHARS = 52  # about the width of a letter's signature box at 8 pt
DIGEST = "sha256"


@dataclass(frozen=True)
class StampText:
    """What the visible stamp says: "Digitalt undertecknad av NAME, ROLE, DATE". Without a
    name, the certificate's holder (its common name); without a date, the day of signing."""

    role: str = ""
    name: str | None = None
    on: date | None = None

    def render(self, certificate_name: str, today: date) -> str:
        parts = [self.name or certificate_name, self.role.strip(), (self.on or today).isoformat()]
        sentence = "Digitalt undertecknad av " + ", ".join(p for p in parts if p)
        return "\n".join(textwrap.wrap(sentence, STAMP_LINE_CHARS)) or sentence


@dataclass(frozen=True)
class FieldSpec:
    """The signature field to sign. A field the document has is signed where it is (the
    letters' fields, added by `add_signature_fields`). A missing one is refused, unless
    `create`: then it is made on `page` at `rect` (left, bottom, right, top in points), or
    invisible without a rect (any PDF, signed from the command line)."""

    name: str
    create: bool = False
    page: int = 0
    rect: tuple[float, float, float, float] | None = None


@runtime_checkable
class Signer(Protocol):
    """The one thing the letters and services call: sign these bytes in this field."""

    def sign(self, pdf: bytes, field: FieldSpec, stamp: StampText) -> bytes:
        """The signed PDF: `pdf` with one incremental update that holds the signature (and
        its stamp). Raises SigningError; nothing is written anywhere."""
        ...


# --- the certificate --------------------------------------------------------------------------


def common_name(certificate: asn1_x509.Certificate) -> str:
    subject = certificate.subject.native
    return str(subject.get("common_name") or certificate.subject.human_friendly)


def check_certificate(certificate: asn1_x509.Certificate, now: datetime | None = None) -> None:
    """Refuse a certificate that is not valid now or may not sign: a signature made with it
    would be reported as invalid by every verifier."""
    now = now or datetime.now(UTC)
    validity = certificate["tbs_certificate"]["validity"]
    not_before = validity["not_before"].native
    not_after = validity["not_after"].native
    name = common_name(certificate)
    if now > not_after:
        raise SigningError(
            Problem.CERTIFICATE_EXPIRED,
            f"Certifikatet för {name} gick ut {not_after.date().isoformat()}; det kan inte "
            "användas för att underteckna.",
            f"The certificate of {name} expired on {not_after.date().isoformat()}; it cannot "
            "be used to sign.",
        )
    if now < not_before:
        raise SigningError(
            Problem.CERTIFICATE_NOT_YET_VALID,
            f"Certifikatet för {name} gäller först från {not_before.date().isoformat()}.",
            f"The certificate of {name} is valid only from {not_before.date().isoformat()}.",
        )
    # No key usage extension at all means any use (RFC 5280 4.2.1.3).
    usage = certificate.key_usage_value
    if usage is not None and not ({"digital_signature", "non_repudiation"} & usage.native):
        raise SigningError(
            Problem.NO_SIGNING_KEY_USAGE,
            f"Certifikatet för {name} får inte användas för underskrifter (nyckelanvändningen "
            f"är {', '.join(sorted(usage.native))}). Använd ett underskriftscertifikat.",
            f"The certificate of {name} may not be used for signatures (its key usage is "
            f"{', '.join(sorted(usage.native))}). Use a signing certificate.",
        )


# --- what both key holders share -------------------------------------------------------------


@cache
def _stamp_style() -> Any:
    """The stamp in the letters' font, embedded (a PDF/A letter may use no other font), left
    aligned in the box and shrunk to fit it."""
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
    from pyhanko.pdf_utils.layout import AxisAlignment, Margins, SimpleBoxLayoutRule
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.stamp import TextStampStyle

    from nacka_desktop.resource_files import fonts, real_path

    # fontTools tells of every table it leaves out of the subset (a warning per signature).
    logging.getLogger("fontTools.subset").setLevel(logging.ERROR)
    font = str(real_path(fonts() / STAMP_FONT))
    return TextStampStyle(
        stamp_text="%(stamp)s",
        border_width=0,
        text_box_style=TextBoxStyle(
            font=GlyphAccumulatorFactory(font, font_size=STAMP_FONT_SIZE),
            font_size=STAMP_FONT_SIZE,
            leading=STAMP_FONT_SIZE + 2,
            text_color=(0.11, 0.31, 0.48),
            box_layout_rule=SimpleBoxLayoutRule(
                x_align=AxisAlignment.ALIGN_MIN,
                y_align=AxisAlignment.ALIGN_MID,
                margins=Margins(left=0, right=0, top=0, bottom=0),
            ),
        ),
        inner_content_layout=SimpleBoxLayoutRule(
            x_align=AxisAlignment.ALIGN_MIN,
            y_align=AxisAlignment.ALIGN_MID,
            margins=Margins(left=2, right=2, top=1, bottom=1),
        ),
    )


def timestamper(tsa_url: str | None) -> Any:
    """An RFC 3161 client for the URL (B-T), or None (B-B)."""
    if not tsa_url:
        return None
    from pyhanko.sign.timestamps import HTTPTimeStamper

    return HTTPTimeStamper(tsa_url, timeout=20)


def signature_setup(cms_signer: Any, field: FieldSpec, tsa_url: str | None, existing: bool) -> Any:
    """The pyHanko PdfSigner for one signature: PAdES (ETSI.CAdES.detached), SHA-256, the
    stamp style, and the field to create when the document lacks it. Shared by every signer,
    a remote one included."""
    from pyhanko.sign.fields import SigFieldSpec, SigSeedSubFilter
    from pyhanko.sign.signers import PdfSignatureMetadata, PdfSigner

    new_field = None
    if not existing:
        new_field = SigFieldSpec(
            sig_field_name=field.name,
            on_page=field.page,
            box=field.rect,  # type: ignore[arg-type]  # pyHanko annotates ints, takes floats
        )
    metadata = PdfSignatureMetadata(
        field_name=field.name,
        md_algorithm=DIGEST,
        subfilter=SigSeedSubFilter.PADES,
    )
    return PdfSigner(
        metadata,
        cms_signer,
        timestamper=timestamper(tsa_url),
        stamp_style=_stamp_style(),
        new_field_spec=new_field,
    )


def _field_exists(reader: Any, field: FieldSpec) -> bool:
    from pyhanko.sign.fields import enumerate_sig_fields

    names = []
    for name, value, _ref in enumerate_sig_fields(reader):
        if name == field.name:
            if value is not None:
                raise SigningError(
                    Problem.FIELD_SIGNED,
                    f"Fältet {field.name} är redan undertecknat.",
                    f"The field {field.name} is already signed.",
                )
            return True
        names.append(str(name))
    if field.create:
        return False
    have_sv = ", ".join(names) if names else "inga"
    have_en = ", ".join(names) if names else "none"
    raise SigningError(
        Problem.NO_SUCH_FIELD,
        f"Dokumentet har inget underskriftsfält som heter {field.name} (fälten: {have_sv}).",
        f"The document has no signature field named {field.name} (its fields: {have_en}).",
    )


class _PyHankoSigner:
    """Signs with a pyHanko CMS signer that holds (or reaches) the key."""

    def __init__(self, cms_signer: Any, certificate: Any, tsa_url: str | None) -> None:
        self._cms_signer = cms_signer
        self.certificate = certificate
        self.tsa_url = tsa_url or None

    @property
    def holder(self) -> str:
        """The certificate holder's name (its common name)."""
        return common_name(self.certificate)

    def sign(self, pdf: bytes, field: FieldSpec, stamp: StampText) -> bytes:
        from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

        check_certificate(self.certificate)
        reader = open_reader(pdf)
        existing = _field_exists(reader, field)
        pdf_signer = signature_setup(self._cms_signer, field, self.tsa_url, existing)
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf), prev=reader)
        text = stamp.render(self.holder, datetime.now().astimezone().date())
        out = io.BytesIO()
        try:
            pdf_signer.sign_pdf(
                writer,
                existing_fields_only=existing,
                appearance_text_params={"stamp": text},
                output=out,
            )
        except SigningError:
            raise
        except Exception as error:
            raise _signing_failed(error, self.tsa_url) from error
        return out.getvalue()


def _signing_failed(error: Exception, tsa_url: str | None) -> SigningError:
    from pyhanko.sign.timestamps import TimestampRequestError

    chain: BaseException | None = error
    while chain is not None:
        if isinstance(chain, TimestampRequestError) or "aiohttp" in type(chain).__module__:
            return SigningError(
                Problem.TIMESTAMP,
                f"Tidsstämpeln kunde inte hämtas från {tsa_url}: {chain}. Inget undertecknades.",
                f"The time stamp could not be fetched from {tsa_url}: {chain}. Nothing was signed.",
            )
        chain = chain.__cause__ or chain.__context__
    return SigningError(
        Problem.SIGNING_FAILED,
        f"Underskriften kunde inte skapas: {error}",
        f"The signature could not be made: {error}",
    )


# --- a PKCS#12 file ----------------------------------------------------------------------------


class Pkcs12Signer(_PyHankoSigner):
    """The key and certificate in a PKCS#12 file (.p12, .pfx), opened with its password. The
    password is used once, here, and kept nowhere."""

    def __init__(self, path: Path, password: str, *, tsa_url: str | None = None) -> None:
        from asn1crypto import keys, x509
        from cryptography.hazmat.primitives import serialization
        from pyhanko_certvalidator.registry import SimpleCertificateStore

        # Opened once, here (see pkcs12_file: reading it is the slow part), so the file is
        # not handed to pyHanko to open again.
        key, certificate, others = _load_pkcs12(read_input(Path(path)), password, Path(path))
        der = serialization.Encoding.DER
        signing_cert = x509.Certificate.load(certificate.public_bytes(der))
        check_certificate(signing_cert)
        cms_signer = _held_key_signer(key)(
            signing_key=keys.PrivateKeyInfo.load(
                key.private_bytes(
                    der, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
                )
            ),
            signing_cert=signing_cert,
            cert_registry=SimpleCertificateStore.from_certs(  # type: ignore[no-untyped-call]
                [x509.Certificate.load(other.public_bytes(der)) for other in others]
            ),
        )
        super().__init__(cms_signer, signing_cert, tsa_url)


def _held_key_signer(key: Any) -> Any:
    """pyHanko's SimpleSigner, signing with the key object read from the file once.

    SimpleSigner parses its key again for every signature value it makes, twice per PDF (a
    dry run sizes the signature first), and for RSA that parse checks the key's arithmetic:
    a tenth of a second each time for a 3072-bit key, a third of the cost of signing a
    letter. RSA (PKCS#1 v1.5) and ECDSA, what certificates for signing use, sign with the
    held key; any other mechanism is left to pyHanko."""
    from cryptography.hazmat.primitives.asymmetric.ec import ECDSA, EllipticCurvePrivateKey
    from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey
    from pyhanko.sign.signers import SimpleSigner
    from pyhanko_certvalidator.util import get_pyca_cryptography_hash

    class HeldKeySigner(SimpleSigner):
        def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
            mechanism = self.get_signature_mechanism_for_digest(digest_algorithm)
            algorithm = mechanism["algorithm"].native
            hashing = get_pyca_cryptography_hash(digest_algorithm)
            if algorithm in _RSA_PKCS1 and isinstance(key, RSAPrivateKey):
                value = key.sign(data, PKCS1v15(), hashing)
                return _verified(
                    value, lambda v: key.public_key().verify(v, data, PKCS1v15(), hashing)
                )
            if algorithm in _ECDSA and isinstance(key, EllipticCurvePrivateKey):
                value = key.sign(data, ECDSA(hashing))
                return _verified(value, lambda v: key.public_key().verify(v, data, ECDSA(hashing)))
            return super().sign_raw(data, digest_algorithm)

    return HeldKeySigner


def _verified(value: bytes, verify: Callable[[bytes], None]) -> bytes:
    """The signature value, once its own public key accepts it. The key was loaded without
    cryptography's arithmetic check (see pkcs12_file), so a damaged key is caught here, before
    a wrong signature is written, at the cost of one public-key operation."""
    from cryptography.exceptions import InvalidSignature

    try:
        verify(value)
    except InvalidSignature as error:
        raise SigningError(
            Problem.SIGNING_FAILED,
            "Nyckeln i filen ger inte giltiga underskrifter; filen är skadad.",
            "The key in the file does not make valid signatures; the file is damaged.",
        ) from error
    return value


# asn1crypto's names of the signature mechanisms the held key signs with itself.
_RSA_PKCS1 = frozenset(
    {"rsassa_pkcs1v15", "sha1_rsa", "sha224_rsa", "sha256_rsa", "sha384_rsa", "sha512_rsa"}
)
_ECDSA = frozenset({"ecdsa", "sha224_ecdsa", "sha256_ecdsa", "sha384_ecdsa", "sha512_ecdsa"})


def _load_pkcs12(data: bytes, password: str, path: Path) -> tuple[Any, Any, list[Any]]:
    """The key, its certificate and the others in the file. Tells "not a PKCS#12 file" from
    "wrong password", which cryptography reports alike."""
    from asn1crypto import pkcs12
    from cryptography.hazmat.primitives.serialization import pkcs12 as pyca_pkcs12

    from nacka_desktop.signing.pkcs12_file import WrongPassword, read_pkcs12

    try:
        pkcs12.Pfx.load(data)["auth_safe"]["content_type"].native  # noqa: B018  # parses it
    except Exception as error:  # asn1crypto raises ValueError, TypeError…
        raise SigningError(
            Problem.NOT_PKCS12,
            f"{path} är ingen PKCS#12-fil (.p12 eller .pfx) med nyckel och certifikat.",
            f"{path} is not a PKCS#12 file (.p12 or .pfx) with a key and a certificate.",
        ) from error
    try:
        read = read_pkcs12(data, password)
        return read.key, read.certificate, read.others
    except WrongPassword as error:
        raise _wrong_password(path) from error
    except Exception:  # an older kind of file, or anything unforeseen:
        pass  # cryptography's loader decides, holding the interpreter lock while it reads
    try:
        key, certificate, others = pyca_pkcs12.load_key_and_certificates(
            data, password.encode("utf-8")
        )
    except ValueError as error:
        raise _wrong_password(path) from error
    if key is None or certificate is None:
        raise SigningError(
            Problem.NOT_PKCS12,
            f"{path} saknar privat nyckel eller certifikat.",
            f"{path} lacks a private key or a certificate.",
        )
    return key, certificate, list(others)


def _wrong_password(path: Path) -> SigningError:
    return SigningError(
        Problem.WRONG_PASSWORD,
        f"Fel lösenord för {path.name}.",
        f"Wrong password for {path.name}.",
    )


# --- a PKCS#11 token (SITHS card, SoftHSM2) --------------------------------------------------


class Pkcs11Signer(_PyHankoSigner):
    """A key on a token, through the token's PKCS#11 module (`library`). `slot` is the slot
    number `pkcs11-tool -L` (or `softhsm2-util --show-slots`) shows, or else its position in
    the module's list of slots, from 0. Without `key_label` the token must hold exactly one
    signing key. Opens a session at once (a wrong PIN is told before any PDF is touched);
    `close()` ends it."""

    def __init__(
        self,
        library: str,
        slot: int,
        pin: str,
        key_label: str | None = None,
        *,
        tsa_url: str | None = None,
    ) -> None:
        from pyhanko.sign.pkcs11 import PKCS11Signer

        self._session = _open_session(library, slot, pin)
        try:
            key_id, certificate = _token_key(self._session, key_label)
            check_certificate(certificate)
            cms_signer = PKCS11Signer(
                self._session, key_id=key_id, cert_id=key_id, signing_cert=certificate
            )
        except BaseException:
            self.close()
            raise
        super().__init__(cms_signer, certificate, tsa_url)

    def close(self) -> None:
        session, self._session = self._session, None
        if session is not None:
            session.close()

    def __enter__(self) -> Pkcs11Signer:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _open_session(library: str, slot: int, pin: str) -> Any:
    import pkcs11
    from pkcs11 import exceptions as p11

    if not Path(library).is_file():
        raise _token_library(library, "filen finns inte", "no such file")
    try:
        module = pkcs11.lib(library)
        slots = list(module.get_slots(token_present=False))
    except (RuntimeError, OSError, p11.PKCS11Error) as error:
        raise _token_library(library, str(error), str(error)) from error
    chosen = next((s for s in slots if s.slot_id == slot), None)
    if chosen is None and 0 <= slot < len(slots):
        chosen = slots[slot]
    if chosen is None:
        shown = ", ".join(str(s.slot_id) for s in slots) or "inga"
        raise SigningError(
            Problem.TOKEN_SLOT,
            f"Platsen (slot) {slot} finns inte i {library} (platser: {shown}).",
            f"Slot {slot} does not exist in {library} (slots: {shown}).",
        )
    try:
        token = chosen.get_token()
        return token.open(user_pin=pin)
    except (p11.TokenNotPresent, p11.TokenNotRecognised, p11.DeviceRemoved) as error:
        raise SigningError(
            Problem.TOKEN_SLOT,
            f"Inget kort eller ingen token i plats {slot}: sätt i kortet och försök igen.",
            f"No card or token in slot {slot}: insert the card and try again.",
        ) from error
    except (p11.PinIncorrect, p11.PinInvalid, p11.PinLenRange) as error:
        raise SigningError(
            Problem.WRONG_PIN,
            "Fel PIN-kod för kortet.",
            "Wrong PIN for the card.",
        ) from error
    except p11.PinLocked as error:
        raise SigningError(
            Problem.WRONG_PIN,
            "Kortets PIN-kod är spärrad efter för många felaktiga försök; lås upp den med "
            "PUK-koden.",
            "The card's PIN is locked after too many wrong tries; unlock it with the PUK.",
        ) from error
    except p11.PKCS11Error as error:
        raise SigningError(
            Problem.TOKEN_SLOT,
            f"Kortet i plats {slot} kunde inte öppnas: {type(error).__name__}.",
            f"The card in slot {slot} could not be opened: {type(error).__name__}.",
        ) from error


def _token_library(library: str, why_sv: str, why_en: str) -> SigningError:
    return SigningError(
        Problem.TOKEN_LIBRARY,
        f"PKCS#11-modulen {library} kunde inte läsas in ({why_sv}). Ange sökvägen till "
        "kortläsarprogrammets modul, t.ex. Net iD:s.",
        f"The PKCS#11 module {library} could not be loaded ({why_en}). Give the path of the "
        "card software's module, e.g. Net iD's.",
    )


def _token_key(session: Any, key_label: str | None) -> tuple[bytes, asn1_x509.Certificate]:
    """The ID of the one signing key (or the one labelled so) and its certificate."""
    from asn1crypto import x509
    from pkcs11 import Attribute, ObjectClass

    query: dict[Any, Any] = {Attribute.CLASS: ObjectClass.PRIVATE_KEY, Attribute.SIGN: True}
    if key_label:
        query[Attribute.LABEL] = key_label
    keys = list(session.get_objects(query))
    if len(keys) != 1:
        which_sv = f" med etiketten {key_label}" if key_label else ""
        which_en = f" labelled {key_label}" if key_label else ""
        if keys:
            labels = ", ".join(str(k.label) for k in keys)
            sv = f"Kortet har flera underskriftsnycklar ({labels}); ange vilken."
            en = f"The card has several signing keys ({labels}); name one."
        else:
            sv = f"Kortet har ingen underskriftsnyckel{which_sv}."
            en = f"The card has no signing key{which_en}."
        raise SigningError(Problem.TOKEN_KEY, sv, en)
    key_id = bytes(keys[0][Attribute.ID])
    certificates = list(
        session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE, Attribute.ID: key_id})
    )
    if not certificates:
        raise SigningError(
            Problem.TOKEN_KEY,
            "Kortet har inget certifikat till underskriftsnyckeln.",
            "The card has no certificate for its signing key.",
        )
    return key_id, x509.Certificate.load(bytes(certificates[0][Attribute.VALUE]))
