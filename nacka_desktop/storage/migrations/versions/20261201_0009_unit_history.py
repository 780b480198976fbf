"""unit history: a unit's place, kind, name and code from a date, like an appointment

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01

Until now a move or a rename rewrote the unit, so asked who was the chief of X on a past date
the app answered with today's tree. From this revision each unit has periods (valid from / to)
of its parent, kind, name and code; the unit's own row keeps the values of the last one.

Each existing unit gets one period, from its first day on (valid_from and valid_to empty), with
the values it has today: what the database held before is all that is known of its past.
The table gets data_version triggers like the others (migration 0006).
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

OPERATIONS = ("insert", "update", "delete")


def upgrade() -> None:
    op.create_table(
        "unit_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["unit.id"],
            name=op.f("fk_unit_history_unit_id_unit"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["unit.id"],
            name=op.f("fk_unit_history_parent_id_unit"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_unit_history")),
    )
    for column in ("unit_id", "valid_from", "parent_id"):
        op.create_index(op.f(f"ix_unit_history_{column}"), "unit_history", [column])
    op.execute(
        "INSERT INTO unit_history "
        "(unit_id, valid_from, valid_to, parent_id, kind, name, code, created_at, updated_at) "
        "SELECT id, NULL, NULL, parent_id, kind, name, code, created_at, updated_at FROM unit "
        "ORDER BY id"
    )
    op.execute("INSERT INTO data_version (table_name, counter) VALUES ('unit_history', 0)")
    for operation in OPERATIONS:
        op.execute(
            f"CREATE TRIGGER data_version_unit_history_{operation} "
            f"AFTER {operation.upper()} ON unit_history "
            "BEGIN UPDATE data_version SET counter = counter + 1 "
            "WHERE table_name = 'unit_history'; END"
        )


def downgrade() -> None:
    for operation in OPERATIONS:
        op.execute(f"DROP TRIGGER data_version_unit_history_{operation}")
    op.execute("DELETE FROM data_version WHERE table_name = 'unit_history'")
    for column in ("unit_id", "valid_from", "parent_id"):
        op.drop_index(op.f(f"ix_unit_history_{column}"), "unit_history")
    op.drop_table("unit_history")
