"""organisation settings: the letterhead (name, lines under it, logo) of every letter

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02

The letters used to say "Nacka kommun" whoever printed them. The sender is the organisation's,
the same for every user of the database, so it is kept in it: one row per setting, text or
bytes (the logo image itself, not a path that exists on one computer only). No row: the
sample's values. The table gets data_version triggers like the others (migration 0006).
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

OPERATIONS = ("insert", "update", "delete")


def upgrade() -> None:
    op.create_table(
        "organisation_setting",
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("text", sa.Text(), nullable=False, server_default=""),
        sa.Column("data", sa.LargeBinary(), nullable=True),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_organisation_setting")),
    )
    op.execute("INSERT INTO data_version (table_name, counter) VALUES ('organisation_setting', 0)")
    for operation in OPERATIONS:
        op.execute(
            f"CREATE TRIGGER data_version_organisation_setting_{operation} "
            f"AFTER {operation.upper()} ON organisation_setting "
            "BEGIN UPDATE data_version SET counter = counter + 1 "
            "WHERE table_name = 'organisation_setting'; END"
        )


def downgrade() -> None:
    for operation in OPERATIONS:
        op.execute(f"DROP TRIGGER data_version_organisation_setting_{operation}")
    op.execute("DELETE FROM data_version WHERE table_name = 'organisation_setting'")
    op.drop_table("organisation_setting")
