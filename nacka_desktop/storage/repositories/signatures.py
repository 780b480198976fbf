"""Reading issued letters and their signatures (migration 0012) as domain records."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, defer

from nacka_desktop.domain.signatures import (
    DocumentKind,
    IssuedDocument,
    SignatureParty,
    SignatureRecord,
    SignatureRoute,
)
from nacka_desktop.storage.models import IssuedDocumentRow, SignatureRecordRow


def issued_record(row: IssuedDocumentRow) -> IssuedDocument:
    return IssuedDocument(
        id=row.id,
        kind=DocumentKind(row.kind),
        object_id=row.object_id,
        document_id=row.document_id,
        sha256=row.sha256,
        issued_at=row.created_at,
        issued_by=row.issued_by,
        title=row.title,
        object_version=row.object_version,
    )


def signature_record(row: SignatureRecordRow) -> SignatureRecord:
    return SignatureRecord(
        id=row.id,
        issued_id=row.issued_id,
        route=SignatureRoute(row.route),
        party=SignatureParty(row.party),
        signer_name=row.signer_name,
        signed_on=row.signed_on,
        recorded_at=row.created_at,
        recorded_by=row.recorded_by,
        signed_at=row.signed_at,
        certificate_subject=row.certificate_subject,
        certificate_issuer=row.certificate_issuer,
        trusted=row.trusted,
        file_name=row.file_name,
        file_sha256=row.file_sha256,
        corrects_id=row.corrects_id,
        note=row.note,
    )


def issued_for(session: Session, kind: DocumentKind, object_id: int) -> list[IssuedDocument]:
    """The letters issued for the object, oldest first."""
    rows = session.scalars(
        select(IssuedDocumentRow)
        .options(defer(IssuedDocumentRow.file))  # the PDFs are read only when asked for
        .where(IssuedDocumentRow.kind == kind.value, IssuedDocumentRow.object_id == object_id)
        .order_by(IssuedDocumentRow.id)
    )
    return [issued_record(row) for row in rows]


def issued_of_kind(session: Session, kind: DocumentKind) -> list[IssuedDocument]:
    """Every letter of one kind issued for signature, oldest first (for the registers)."""
    rows = session.scalars(
        select(IssuedDocumentRow)
        .options(defer(IssuedDocumentRow.file))
        .where(IssuedDocumentRow.kind == kind.value)
        .order_by(IssuedDocumentRow.id)
    )
    return [issued_record(row) for row in rows]


def signatures_of(session: Session, issued_ids: list[int]) -> list[SignatureRecord]:
    rows = session.scalars(
        select(SignatureRecordRow)
        .options(defer(SignatureRecordRow.file))
        .where(SignatureRecordRow.issued_id.in_(issued_ids))
        .order_by(SignatureRecordRow.id)
    )
    return [signature_record(row) for row in rows]


def signatures_by_object(session: Session, kind: DocumentKind) -> dict[int, list[SignatureRecord]]:
    """Every signature on the letters of one kind, by the object the letter is about (for the
    registers, in one read)."""
    rows = session.execute(
        select(IssuedDocumentRow.object_id, SignatureRecordRow)
        .options(defer(SignatureRecordRow.file))
        .join(SignatureRecordRow, SignatureRecordRow.issued_id == IssuedDocumentRow.id)
        .where(IssuedDocumentRow.kind == kind.value)
        .order_by(SignatureRecordRow.id)
    )
    found: dict[int, list[SignatureRecord]] = {}
    for object_id, row in rows:
        found.setdefault(object_id, []).append(signature_record(row))
    return found
