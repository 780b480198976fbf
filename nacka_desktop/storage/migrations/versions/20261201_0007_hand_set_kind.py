"""hand-set decision kind: why, by whom and when (DEL-14)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01

The kind of a delegation item is recognised from its matter's words; a user may set another
by hand. Where that lifts a refusal the words would give (DEL-7, HR-4, HR-5), DEL-14 asks for
a written reason and keeps who set it and when, so the order shows it as a warning until the
kind is put back. Columns are added in place (ALTER TABLE ADD COLUMN), so the table's
data_version triggers stay as they are; existing items get an empty reason.
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


def downgrade() -> None:
    with op.batch_alter_table("delegation_item") as batch:
        batch.drop_column("kind_set_on")
        batch.drop_column("kind_set_by")
        batch.drop_column("kind_reason")
