"""the KS decision behind a distribution from the employer; the task catalogue's reference to
the provisions in force from 2025

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01

A distribution from the employer (KS, signed for by its ordförande) rests on a decision of
kommunstyrelsen: its date and § are kept on the distribution and cited in the letter. Existing
distributions keep them empty (the letter then leaves a line to fill in).

AFS 2015:4 (organisational and social work environment) is replaced by AFS 2023:2 from
2025-01-01. The standard task SAM-OSA, seeded by migration 0002, cites it in its description:
the text is brought up to date where it is still the seeded one; a description the kommun has
written itself is left as it is.

Columns are added in place (ALTER TABLE ADD COLUMN), so the table's data_version triggers
stay as they are.
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

SEEDED_OSA = (
    "Arbetsbelastning, arbetstid, kränkande särbehandling och mål för den organisatoriska och "
    "sociala arbetsmiljön (AFS 2015:4)."
)
CURRENT_OSA = (
    "Arbetsbelastning, arbetstid, kränkande särbehandling och mål för den organisatoriska och "
    "sociala arbetsmiljön (AFS 2023:2)."
)


def upgrade() -> None:
    op.add_column("task_distribution", sa.Column("employer_decision_on", sa.Date(), nullable=True))
    op.add_column(
        "task_distribution",
        sa.Column("employer_decision_section", sa.String(40), nullable=False, server_default=""),
    )
    op.get_bind().execute(
        sa.text(
            "UPDATE work_task SET description = :current "
            "WHERE code = 'SAM-OSA' AND description = :seeded"
        ),
        {"current": CURRENT_OSA, "seeded": SEEDED_OSA},
    )


def downgrade() -> None:
    op.get_bind().execute(
        sa.text(
            "UPDATE work_task SET description = :seeded "
            "WHERE code = 'SAM-OSA' AND description = :current"
        ),
        {"current": CURRENT_OSA, "seeded": SEEDED_OSA},
    )
    # In place (SQLite 3.35+ drops a column without recreating the table and its triggers).
    op.drop_column("task_distribution", "employer_decision_section")
    op.drop_column("task_distribution", "employer_decision_on")
