"""hand-set decision kind: why, by whom and when (DEL-14); who a decision concerns and who
tested the need or was consulted (DEL-13, HR-2, HR-3)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01

The kind of a delegation item is recognised from its matter's words; a user may set another
by hand. Where that lifts a refusal the words would give (DEL-7, HR-4, HR-5), DEL-14 asks for
a written reason and keeps who set it and when, so the order shows it as a warning until the
kind is put back.

A delegated decision names the person it concerns (nobody decides their own matter, DEL-13)
and who tested the need for a recruitment (HR-2) or took part in the consultation before a
warning or dismissal (HR-3). Existing decisions keep these empty.

Columns are added in place (ALTER TABLE ADD COLUMN), so the tables' data_version triggers
stay as they are.
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "delegation_item", sa.Column("kind_reason", sa.Text(), nullable=False, server_default="")
    )
    op.add_column(
        "delegation_item",
        sa.Column("kind_set_by", sa.String(200), nullable=False, server_default=""),
    )
    op.add_column("delegation_item", sa.Column("kind_set_on", sa.Date(), nullable=True))
    op.add_column(
        "delegated_decision", sa.Column("concerns_person_id", sa.Integer(), nullable=True)
    )
    for column in ("need_tested_by", "consulted_with"):
        op.add_column(
            "delegated_decision",
            sa.Column(column, sa.String(200), nullable=False, server_default=""),
        )


def downgrade() -> None:
    with op.batch_alter_table("delegated_decision") as batch:
        batch.drop_column("consulted_with")
        batch.drop_column("need_tested_by")
        batch.drop_column("concerns_person_id")
    with op.batch_alter_table("delegation_item") as batch:
        batch.drop_column("kind_set_on")
        batch.drop_column("kind_set_by")
        batch.drop_column("kind_reason")
