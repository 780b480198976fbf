"""Issued letters and their signatures (issue 13): records of what was issued and who signed it.

A letter for signature is issued once and kept byte for byte; every signature (on paper with
its scanned copy, digital, through the portal) is a record of its own. When the last party a
distribution needs has signed, the distribution is recorded as signed (AM-2) on that day, in the
same transaction. Nothing here is changed afterwards (the database refuses it too); a mistaken
signature record is corrected by a new one that names it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nacka_desktop.domain.enums import Severity
from nacka_desktop.domain.rules import ObjectKind, RuleViolationError, Violation
from nacka_desktop.domain.signatures import (
    DocumentKind,
    IssuedDocument,
    SignatureParty,
    SignatureRecord,
    SignatureRoute,
    party_in_field,
    signed_on,
    unsigned_parties,
)
from nacka_desktop.domain.text import clean_text
from nacka_desktop.services.editing import Editor, NotFoundError, refusal
from nacka_desktop.services.work_environment import DistributionService
from nacka_desktop.signing.documents import signature_fields
from nacka_desktop.signing.verify import KIND_SIGNATURE, SignatureCheck, changes_since, verify_pdf
from nacka_desktop.storage.models import (
    Base,
    IssuedDocumentRow,
    Person,
    SignatureRecordRow,
    TaskDistribution,
    TaskReturn,
)
from nacka_desktop.storage.repositories import signatures as repository

MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024  # a scanned letter of a few pages, not an archive
_MEDIA_TYPES = (  # what a scanned copy may be: its first bytes and its media type
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
)
_OBJECT_KIND = {
    DocumentKind.DISTRIBUTION_LETTER: ObjectKind.DISTRIBUTION,
    DocumentKind.RETURN_LETTER: ObjectKind.TASK_RETURN,
    DocumentKind.DELEGATE_LETTER: ObjectKind.PERSON,
}


@dataclass(frozen=True)
class Attachment:
    """A file kept with a signature record: the signed PDF or the scanned copy."""

    name: str
    data: bytes


@dataclass(frozen=True)
class SignedLetter:
    """A letter as issued, with its signatures (corrected ones included, marked by the
    records that correct them) and the day it became signed, if it has."""

    issued: IssuedDocument
    signatures: list[SignatureRecord]
    signed_on: date | None
    # The letter still says what the object says: nobody has changed the object since it
    # was issued, or someone has signed already (then it can no longer be changed).
    current: bool = True
    # Who signs it, in the order they sign, and who of them has not signed yet (and may
    # still: a return's giver after the receiver made it count), in that order.
    parties: tuple[SignatureParty, ...] = ()
    unsigned: tuple[SignatureParty, ...] = ()


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def media_type_of(data: bytes) -> str | None:
    return next((media for magic, media in _MEDIA_TYPES if data.startswith(magic)), None)


class SignatureService:
    def __init__(self, editor: Editor, distributions: DistributionService) -> None:
        self._editor = editor
        self._distributions = distributions

    # -- reading ---------------------------------------------------------------------------

    def letters(self, kind: DocumentKind, object_id: int) -> list[SignedLetter]:
        """The letters issued for the object, oldest first, each with its signatures."""
        with self._editor.reading() as session:
            issued = repository.issued_for(session, kind, object_id)
            signatures = repository.signatures_of(session, [i.id for i in issued])
            version = _object_version(session, kind, object_id)
            parties = _parties(session, kind, object_id) if issued else ()
        letters = []
        for letter in issued:
            mine = [s for s in signatures if s.issued_id == letter.id]
            current = bool(mine) or letter.object_version == version
            letters.append(
                SignedLetter(
                    letter,
                    mine,
                    signed_on(kind, mine),
                    current,
                    parties,
                    unsigned_parties(parties, mine),
                )
            )
        return letters

    def parties(self, kind: DocumentKind, object_id: int) -> tuple[SignatureParty, ...]:
        """Who signs the object's letter, in the order they sign: a distribution from KS
        by its ordförande for the employer, any other by its giver; then the receiver."""
        with self._editor.reading() as session:
            return _parties(session, kind, object_id)

    def unsigned_parties(self, issued_id: int) -> tuple[SignatureParty, ...]:
        """Who has not signed the issued letter yet and may still, in the order they sign
        (`SignedLetter.unsigned`)."""
        with self._editor.reading() as session:
            issued = _issued(session, issued_id)
            parties = _parties(session, DocumentKind(issued.kind), issued.object_id)
            signatures = repository.signatures_of(session, [issued_id])
        return unsigned_parties(parties, signatures)

    def issued_file(self, issued_id: int) -> bytes:
        with self._editor.reading() as session:
            return _issued(session, issued_id).file

    def latest_file(self, issued_id: int) -> bytes:
        """The letter as it stands: the file of its latest digital or portal signature (it
        holds the ones before), or the letter as issued if none has signed digitally. The
        next signature is added to this file."""
        with self._editor.reading() as session:
            return _standing(session, issued_id)[1]

    def attachment(self, signature_id: int) -> Attachment | None:
        with self._editor.reading() as session:
            row = session.get(SignatureRecordRow, signature_id)
            if row is None:
                raise NotFoundError("Underskriften", signature_id)
            return Attachment(row.file_name, row.file) if row.file is not None else None

    # -- records ---------------------------------------------------------------------------

    def issue(
        self, kind: DocumentKind, object_id: int, pdf: bytes, document_id: str, title: str = ""
    ) -> IssuedDocument:
        """Keep the letter as issued for signature. Issuing the same bytes again returns the
        letter already kept; a different letter with an ID already used is refused."""
        if media_type_of(pdf) != "application/pdf":
            raise refusal(
                "DATA-2",
                "Brevet är ingen PDF-fil.",
                "The letter is not a PDF file.",
                _OBJECT_KIND[kind],
                object_id,
                "file",
            )
        digest = sha256_hex(pdf)
        if kind is DocumentKind.DISTRIBUTION_LETTER:
            self._refuse_unless_it_could_be_signed(object_id)
        with self._editor.edit() as session:
            _object_exists(session, kind, object_id)
            existing = session.scalars(
                select(IssuedDocumentRow).where(IssuedDocumentRow.document_id == document_id)
            ).first()
            if existing is not None:
                if existing.sha256 == digest and existing.object_id == object_id:
                    return repository.issued_record(existing)
                raise refusal(
                    "DATA-2",
                    f"Dokument-id {document_id} används redan av ett annat utfärdat brev.",
                    f"The document ID {document_id} is already used by another issued letter.",
                    _OBJECT_KIND[kind],
                    object_id,
                    "document_id",
                )
            row = IssuedDocumentRow(
                kind=kind.value,
                object_id=object_id,
                document_id=document_id,
                title=clean_text(title)[:200],
                file=pdf,
                sha256=digest,
                issued_by=self._editor.actor[:100],
                object_version=_object_version(session, kind, object_id),
            )
            session.add(row)
            session.flush()
            self._editor.audit(
                session,
                "document.issue",
                _OBJECT_KIND[kind],
                object_id,
                {"document_id": document_id, "sha256": digest, "kind": kind.value},
            )
            return repository.issued_record(row)

    def _refuse_unless_it_could_be_signed(self, distribution_id: int) -> None:
        """A letter is issued only for a distribution that the signatures can make signed
        (AM-2: its texts of AM-7, the receiver's confirmations, KS's decision and
        ordförande): once someone has signed, it can no longer be changed to put it right.
        One signed already (before its letter was kept here) is issued as it is."""
        with self._editor.reading() as session:
            distribution = session.get(TaskDistribution, distribution_id)
            if distribution is None or distribution.signed_on is not None:
                return
        today, distributions = self._editor.clock(), self._distributions
        trial = self._editor.preview(lambda: distributions.sign(distribution_id, today), today)
        if trial.refused:
            raise RuleViolationError(trial.refused)

    def record_paper(
        self,
        issued_id: int,
        party: SignatureParty,
        signer_name: str,
        on: date,
        scan: Attachment | None = None,
        note: str = "",
        corrects_id: int | None = None,
    ) -> int:
        """Record that `signer_name` signed the issued letter in ink as `party` on the day,
        with the scanned copy if there is one (PDF or image). Returns the record's id."""
        return self._record(
            issued_id,
            SignatureRoute.PAPER,
            party,
            signer_name,
            on,
            scan,
            note=note,
            corrects_id=corrects_id,
        )

    def record_digital(
        self,
        issued_id: int,
        signed_pdf: bytes,
        route: SignatureRoute = SignatureRoute.DIGITAL,
        trust_roots: Sequence[Any] = (),
        party_of_field: Mapping[str, SignatureParty] | None = None,
    ) -> list[int]:
        """Record the signatures of a signed copy of the issued letter, signed in the app
        or in the kommun's portal and read back. Refused unless it is that letter (the
        issued bytes unchanged before the signatures), every signature in it is intact and
        valid and nothing was changed after signing. Each signature not yet recorded
        becomes a record holding the signed file; returns their ids."""
        today = self._editor.clock()
        with self._editor.reading() as session:
            issued = _issued(session, issued_id)
            kind, document_id = DocumentKind(issued.kind), issued.document_id
            object_id, original = issued.object_id, issued.file
            allowed = _parties(session, kind, object_id)
        with self._editor.reading() as session:  # the letter with the signatures recorded
            seen, stands = _standing(session, issued_id)
        _refuse_another_letter(signed_pdf, original, stands, document_id, kind, object_id)
        changed = changes_since(signed_pdf, original)
        report = verify_pdf(signed_pdf, trust_roots)
        broken = [c for c in report.signatures if not c.ok]
        if changed or not report.signatures or broken:
            why = "; ".join(
                changed or (broken[0].problems if broken else ["Filen har inga underskrifter."])
            )
            raise refusal(
                "AM-2",
                f"Underskrifterna i filen håller inte: {why}",
                "The signatures in the file do not hold, or the letter was changed.",
                _OBJECT_KIND[kind],
                object_id,
                "signature",
            )
        # The signatures in the letter as it stood are recorded already; the rest are new.
        known = {field.name for field in signature_fields(stands) if field.signed}
        fields = {
            check.field: party
            for check in report.signatures
            if (party := party_in_field(check.field, allowed)) is not None
        } | dict(party_of_field or {})
        new = [
            check
            for check in report.signatures
            if check.kind == KIND_SIGNATURE and check.field not in known
        ]
        if not new:
            raise refusal(
                "AM-2",
                "Filen har inga underskrifter som inte redan är registrerade.",
                "The file holds no signatures that are not recorded already.",
                _OBJECT_KIND[kind],
                object_id,
                "signature",
            )
        unknown = sorted({c.field for c in new} - set(fields))
        if unknown:
            raise UnknownSignatureFieldsError(unknown, _OBJECT_KIND[kind], object_id)
        attachment = Attachment(f"{document_id.removeprefix('uuid:')}.pdf", signed_pdf)
        recorded = []
        with self._editor.joined():
            self._refuse_if_signed_meanwhile(issued_id, seen, kind, object_id)
            for check in new:
                when = _when(check)
                on = when.astimezone().date() if when is not None else today
                recorded.append(
                    self._record(
                        issued_id,
                        route,
                        fields[check.field],
                        check.signer,
                        on,
                        attachment,
                        digital=check,
                    )
                )
        return recorded

    def _refuse_if_signed_meanwhile(
        self, issued_id: int, seen: int | None, kind: DocumentKind, object_id: int
    ) -> None:
        """The file was checked against the letter as it stood when read; another signature
        recorded since (by someone else, at the same time) would be lost from the letter as
        it stands. The issued letter's row is locked for the rest of the edit (a server
        database; SQLite writes one edit at a time anyway)."""
        with self._editor.edit() as session:
            session.execute(
                select(IssuedDocumentRow.id)
                .where(IssuedDocumentRow.id == issued_id)
                .with_for_update()
            )
            if _standing(session, issued_id)[0] != seen:
                raise refusal(
                    "AM-2",
                    "Någon annan registrerade en underskrift på brevet under tiden. Läs in "
                    "brevet som det nu står och skriv under det i stället.",
                    "Someone else recorded a signature on the letter meanwhile. Read the "
                    "letter as it now stands and sign that instead.",
                    _OBJECT_KIND[kind],
                    object_id,
                    "signature",
                )

    def _record(
        self,
        issued_id: int,
        route: SignatureRoute,
        party: SignatureParty,
        signer_name: str,
        on: date,
        attachment: Attachment | None,
        *,
        note: str = "",
        corrects_id: int | None = None,
        digital: SignatureCheck | None = None,
    ) -> int:
        name = clean_text(signer_name)
        today = self._editor.clock()
        with self._editor.joined(), self._editor.edit() as session:
            issued = _issued(session, issued_id)
            kind = DocumentKind(issued.kind)
            _refuse_unless(bool(name), "Ange vem som skrev under.", "Enter who signed.", issued)
            _refuse_unless(
                on <= today,
                f"Datumet {on} ligger efter i dag ({today}): registrera underskriften när den "
                "har skett.",
                f"The date {on} is after today ({today}).",
                issued,
            )
            allowed = _parties(session, kind, issued.object_id)
            _refuse_unless(
                party in allowed,
                "Det här brevet skrivs inte under av den parten.",
                "This letter is not signed by that party.",
                issued,
            )
            _refuse_a_letter_not_in_force(session, issued)
            if route is SignatureRoute.PAPER and attachment is not None:
                _refuse_a_bad_attachment(attachment, issued)
            if corrects_id is not None:
                _refuse_a_bad_correction(session, issued, corrects_id)
            elif route is SignatureRoute.PAPER:
                signed = repository.signatures_of(session, [issued_id])
                _refuse_unless(
                    party in unsigned_parties(allowed, signed),
                    "Parten har redan skrivit under brevet. Rätta den underskriften i stället "
                    "om den är fel registrerad.",
                    "That party has signed the letter already; correct that signature instead.",
                    issued,
                )
            row = SignatureRecordRow(
                issued_id=issued_id,
                route=route.value,
                party=party.value,
                signer_name=name[:200],
                signed_on=on,
                file=attachment.data if attachment else None,
                file_name=clean_text(attachment.name)[:200] if attachment else "",
                media_type=(media_type_of(attachment.data) or "") if attachment else "",
                file_sha256=sha256_hex(attachment.data) if attachment else "",
                corrects_id=corrects_id,
                note=clean_text(note),
                recorded_by=self._editor.actor[:100],
            )
            if digital is not None:
                row.signed_at = _when(digital)
                row.certificate_subject = digital.signer
                row.certificate_issuer = digital.issuer
                row.trusted = digital.trusted
            session.add(row)
            session.flush()
            self._editor.audit(
                session,
                f"signature.{route.value}",
                _OBJECT_KIND[kind],
                issued.object_id,
                {
                    "signature": row.id,
                    "document_id": issued.document_id,
                    "party": party.value,
                    "signer": name,
                    "on": on,
                    "file_sha256": row.file_sha256,
                    "corrects": corrects_id,
                },
            )
            if kind is DocumentKind.DISTRIBUTION_LETTER:
                self._sign_distribution_when_complete(session, issued)
            return row.id

    def _sign_distribution_when_complete(self, session: Session, issued: IssuedDocumentRow) -> None:
        """AM-2: the distribution is made in writing: signed once its giver (or KS's
        ordförande) and its receiver have both signed the letter; a correction of a
        signature's day moves the day it was signed, and one that would leave a party
        unsigned is refused (the distribution is in force on those signatures)."""
        signatures = repository.signatures_of(session, [issued.id])
        day = signed_on(DocumentKind.DISTRIBUTION_LETTER, signatures)
        distribution = session.get(TaskDistribution, issued.object_id)
        if distribution is None:
            return
        if distribution.signed_on is None:
            if day is not None:
                self._distributions.sign(issued.object_id, day)
            return
        before = signed_on(DocumentKind.DISTRIBUTION_LETTER, signatures[:-1])
        if signatures[-1].corrects_id is None or before is None:
            return  # the letter's signatures did not sign it: the day it has stands
        if day is None:
            _refuse_unless(
                False,
                "Rättelsen skulle lämna brevet utan en parts underskrift, men fördelningen är "
                "redan undertecknad på den. Registrera partens underskrift i stället.",
                "The correction would leave a party unsigned on a signed distribution.",
                issued,
            )
        elif day != distribution.signed_on:
            self._distributions.restore(issued.object_id, signed_on=day)


class UnknownSignatureFieldsError(RuleViolationError):
    """Signatures in fields the letters do not have (a portal's own): `fields` names them,
    so that the window can ask who signed in each."""

    def __init__(self, fields: list[str], kind: ObjectKind, object_id: int) -> None:
        listed = ", ".join(fields)
        super().__init__(
            [
                Violation(
                    "AM-2",
                    Severity.ERROR,
                    f"Okänt underskriftsfält {listed}: ange vilken part som skrev under.",
                    f"Unknown signature field {listed}: say which party signed.",
                    kind,
                    object_id,
                    "signature",
                )
            ]
        )
        self.fields = fields


def _object_version(session: Session, kind: DocumentKind, object_id: int) -> int | None:
    """The version a letter is issued from: a distribution's (its row moves with every change
    the letter shows); a return and a delegation letter are issued from what is on record."""
    if kind is DocumentKind.DISTRIBUTION_LETTER:
        distribution = session.get(TaskDistribution, object_id)
        return distribution.version if distribution is not None else None
    return None


def _refuse_a_letter_not_in_force(session: Session, issued: IssuedDocumentRow) -> None:
    """Only the latest letter of the object is signed, and only while it says what the
    object says (the first signature freezes the object, services/work_environment.py)."""
    latest = session.scalars(
        select(IssuedDocumentRow.id)
        .where(
            IssuedDocumentRow.kind == issued.kind,
            IssuedDocumentRow.object_id == issued.object_id,
        )
        .order_by(IssuedDocumentRow.id.desc())
        .limit(1)
    ).first()
    _refuse_unless(
        latest == issued.id,
        "Ett nyare brev har utfärdats; skriv under det i stället.",
        "A newer letter has been issued; sign that one instead.",
        issued,
    )
    signed_already = session.scalars(
        select(SignatureRecordRow.id).where(SignatureRecordRow.issued_id == issued.id).limit(1)
    ).first()
    kind = DocumentKind(issued.kind)
    _refuse_unless(
        signed_already is not None
        or issued.object_version == _object_version(session, kind, issued.object_id),
        "Fördelningen har ändrats sedan brevet utfärdades; utfärda brevet på nytt och "
        "skriv under det.",
        "The distribution has changed since the letter was issued; issue it again.",
        issued,
    )


def _when(check: SignatureCheck) -> datetime | None:
    """When it was signed: the time-stamp authority's time if there is one, else what the
    signer's computer said."""
    return check.timestamp or check.signing_time


def _refuse_another_letter(
    signed: bytes,
    issued: bytes,
    stands: bytes,
    document_id: str,
    kind: DocumentKind,
    object_id: int,
) -> None:
    """The file must be the letter as it stands (as issued, with the signatures recorded so
    far) with signatures added after it, byte for byte: a signature is added as an
    incremental update (PAdES), never by rewriting what was signed."""
    if signed.startswith(stands) and len(signed) > len(stands):
        return
    if signed.startswith(issued):
        raise refusal(
            "AM-2",
            "Filen saknar underskrifter som redan är registrerade på brevet: skriv under den "
            "senaste versionen (Spara för portalen…).",
            "The file lacks signatures already recorded on the letter.",
            _OBJECT_KIND[kind],
            object_id,
            "file",
        )
    raise refusal(
        "AM-2",
        f"Filen är inte det utfärdade brevet ({document_id}) med underskrifter tillagda: "
        "den är ett annat brev, eller brevet har ändrats före underskrifterna.",
        f"The file is not the issued letter ({document_id}) with signatures added.",
        _OBJECT_KIND[kind],
        object_id,
        "file",
    )


def _standing(session: Session, issued_id: int) -> tuple[int | None, bytes]:
    """The latest digital or portal signature record with its file (which holds the ones
    before), or (None, the letter as issued) when no one has signed digitally."""
    issued = _issued(session, issued_id)
    latest = session.execute(
        select(SignatureRecordRow.id, SignatureRecordRow.file)
        .where(
            SignatureRecordRow.issued_id == issued_id,
            SignatureRecordRow.route != SignatureRoute.PAPER.value,
            SignatureRecordRow.file.is_not(None),
        )
        .order_by(SignatureRecordRow.id.desc())
        .limit(1)
    ).first()
    if latest is None or latest.file is None:
        return None, issued.file
    return latest.id, latest.file


def _issued(session: Session, issued_id: int) -> IssuedDocumentRow:
    row = session.get(IssuedDocumentRow, issued_id)
    if row is None:
        raise NotFoundError("Brevet", issued_id)
    return row


def _object_exists(session: Session, kind: DocumentKind, object_id: int) -> None:
    model: type[Base] = {
        DocumentKind.DISTRIBUTION_LETTER: TaskDistribution,
        DocumentKind.RETURN_LETTER: TaskReturn,
        DocumentKind.DELEGATE_LETTER: Person,
    }[kind]
    if session.get(model, object_id) is None:
        raise NotFoundError(
            {
                DocumentKind.DISTRIBUTION_LETTER: "Fördelningen",
                DocumentKind.RETURN_LETTER: "Återföringen",
                DocumentKind.DELEGATE_LETTER: "Personen",
            }[kind],
            object_id,
        )


def _parties(session: Session, kind: DocumentKind, object_id: int) -> tuple[SignatureParty, ...]:
    if kind is DocumentKind.DISTRIBUTION_LETTER:
        distribution = session.get(TaskDistribution, object_id)
        from_employer = distribution is not None and distribution.giver_appointment_id is None
        first = SignatureParty.EMPLOYER if from_employer else SignatureParty.GIVER
        return first, SignatureParty.RECEIVER
    # A return is the receiver's, who signs first; the giver may sign that it was received.
    if kind is DocumentKind.RETURN_LETTER:
        return SignatureParty.RECEIVER, SignatureParty.GIVER
    # A delegation letter: the chief who informs, then the delegate, whose signature counts.
    return SignatureParty.GIVER, SignatureParty.DECISION_MAKER


def _refuse_unless(holds: bool, sv: str, en: str, issued: IssuedDocumentRow) -> None:
    if not holds:
        kind = DocumentKind(issued.kind)
        raise refusal("AM-2", sv, en, _OBJECT_KIND[kind], issued.object_id, "signature")


def _refuse_a_bad_attachment(attachment: Attachment, issued: IssuedDocumentRow) -> None:
    kind, object_id = _OBJECT_KIND[DocumentKind(issued.kind)], issued.object_id
    if len(attachment.data) > MAX_ATTACHMENT_BYTES:
        raise refusal(
            "DATA-2",
            f"Filen {attachment.name} är större än 20 MB.",
            f"The file {attachment.name} is larger than 20 MB.",
            kind,
            object_id,
            "file",
        )
    if media_type_of(attachment.data) is None:
        raise refusal(
            "DATA-2",
            f"Filen {attachment.name} är varken en PDF eller en bild (PNG, JPEG, TIFF).",
            f"The file {attachment.name} is neither a PDF nor an image (PNG, JPEG, TIFF).",
            kind,
            object_id,
            "file",
        )


def _refuse_a_bad_correction(session: Session, issued: IssuedDocumentRow, corrects_id: int) -> None:
    corrected = session.get(SignatureRecordRow, corrects_id)
    already = session.scalars(
        select(SignatureRecordRow.id).where(SignatureRecordRow.corrects_id == corrects_id)
    ).first()
    _refuse_unless(
        corrected is not None and corrected.issued_id == issued.id,
        "Rättelsen gäller en underskrift som inte finns på det här brevet.",
        "The correction names a signature not on this letter.",
        issued,
    )
    _refuse_unless(
        already is None,
        "Underskriften är redan rättad; rätta den senaste posten i stället.",
        "The signature has already been corrected; correct the latest record instead.",
        issued,
    )
