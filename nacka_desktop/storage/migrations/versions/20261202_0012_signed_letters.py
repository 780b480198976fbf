"""signed letters: the letter as issued, and each signature on it, as records that never change

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02

A letter for signature is issued once: its PDF, SHA-256 and document ID are kept, so a letter
signed on paper, in the app or in the kommun's portal can be matched to what was issued, and
is never regenerated over; the version of the object it was issued from tells whether the
object has changed since (then the letter must be issued again before anyone signs). Each
signature is a row of its own: who, which party, when, how (paper, digital, portal), with the
signed PDF or the scanned copy. Both tables refuse UPDATE and DELETE at the database
(triggers): a correction is a new signature row that names the one it corrects. They get
data_version triggers like the others (migration 0006).
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

OPERATIONS = ("insert", "update", "delete")
TABLES = ("issued_document", "signature_record")


def upgrade() -> None:
    op.create_table(
        "issued_document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("object_id", sa.Integer(), nullable=False),
        sa.Column("object_version", sa.Integer(), nullable=True),
        sa.Column("document_id", sa.String(length=100), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False, server_default=""),
        sa.Column("file", sa.LargeBinary(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("issued_by", sa.String(length=100), nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_issued_document")),
        sa.UniqueConstraint("document_id", name=op.f("uq_issued_document_document_id")),
    )
    op.create_index("ix_issued_document_object", "issued_document", ["kind", "object_id"])
    op.create_table(
        "signature_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("issued_id", sa.Integer(), nullable=False),
        sa.Column("route", sa.String(length=20), nullable=False),
        sa.Column("party", sa.String(length=20), nullable=False),
        sa.Column("signer_name", sa.String(length=200), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=False),
        sa.Column("signed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("certificate_subject", sa.Text(), nullable=False, server_default=""),
        sa.Column("certificate_issuer", sa.Text(), nullable=False, server_default=""),
        sa.Column("trusted", sa.Boolean(), nullable=True),
        sa.Column("file", sa.LargeBinary(), nullable=True),
        sa.Column("file_name", sa.String(length=200), nullable=False, server_default=""),
        sa.Column("media_type", sa.String(length=100), nullable=False, server_default=""),
        sa.Column("file_sha256", sa.String(length=64), nullable=False, server_default=""),
        sa.Column("corrects_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
        sa.Column("recorded_by", sa.String(length=100), nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["issued_id"],
            ["issued_document.id"],
            name=op.f("fk_signature_record_issued_id_issued_document"),
        ),
        sa.ForeignKeyConstraint(
            ["corrects_id"],
            ["signature_record.id"],
            name=op.f("fk_signature_record_corrects_id_signature_record"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signature_record")),
    )
    op.create_index("ix_signature_record_issued_id", "signature_record", ["issued_id"])
    for table in TABLES:
        op.execute(f"INSERT INTO data_version (table_name, counter) VALUES ('{table}', 0)")
        for operation in OPERATIONS:
            op.execute(
                f"CREATE TRIGGER data_version_{table}_{operation} "
                f"AFTER {operation.upper()} ON {table} "
                "BEGIN UPDATE data_version SET counter = counter + 1 "
                f"WHERE table_name = '{table}'; END"
            )
        for operation in ("update", "delete"):
            op.execute(
                f"CREATE TRIGGER {table}_is_a_record_{operation} "
                f"BEFORE {operation.upper()} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is a record: never changed, never "
                "removed; a correction is a new record'); END"
            )


def downgrade() -> None:
    for table in reversed(TABLES):
        for operation in ("update", "delete"):
            op.execute(f"DROP TRIGGER {table}_is_a_record_{operation}")
        for operation in OPERATIONS:
            op.execute(f"DROP TRIGGER data_version_{table}_{operation}")
        op.execute(f"DELETE FROM data_version WHERE table_name = '{table}'")
    op.drop_index("ix_signature_record_issued_id", table_name="signature_record")
    op.drop_table("signature_record")
    op.drop_index("ix_issued_document_object", table_name="issued_document")
    op.drop_table("issued_document")
