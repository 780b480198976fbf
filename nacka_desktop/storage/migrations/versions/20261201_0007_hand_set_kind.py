"""hand-set decision kind: why, by whom and when (DEL-14); who a decision concerns and who
tested the need or was consulted (DEL-13, HR-2, HR-3); each board's förvaltningschef and
reporting rhythm (DEL-10, DEL-11), and the laws its reglemente gives it (DEL-2)

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

Each board names the position that is its förvaltningschef, the only one who may pass a
delegated right on (DEL-10), and how soon decisions taken on its behalf are reported to it
(DEL-11): one row per board in `board_setting`, with the data_version triggers every table
has (migration 0006).

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

    op.create_table(
        "board_setting",
        sa.Column("board_unit_id", sa.Integer(), nullable=False),
        sa.Column("head_role", sa.String(40), nullable=True),
        sa.Column("head_title", sa.String(200), nullable=False, server_default=""),
        sa.Column("head_unit_id", sa.Integer(), nullable=True),
        sa.Column("report_within_days", sa.Integer(), nullable=True),
        # the laws the board's reglemente gives it, by short form ("KL SL OSL"), DEL-2
        sa.Column("reglemente_laws", sa.Text(), nullable=False, server_default=""),
        # and the areas it answers for, as the words matters name them ("gatubelysning")
        sa.Column("reglemente_areas", sa.Text(), nullable=False, server_default=""),
        sa.Column("version", sa.Integer(), nullable=False, server_default="1"),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["board_unit_id"],
            ["unit.id"],
            name="fk_board_setting_board_unit_id_unit",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["head_unit_id"],
            ["unit.id"],
            name="fk_board_setting_head_unit_id_unit",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("board_unit_id", name="pk_board_setting"),
    )
    op.execute("INSERT INTO data_version (table_name, counter) VALUES ('board_setting', 0)")
    for operation in ("insert", "update", "delete"):
        op.execute(
            f"CREATE TRIGGER data_version_board_setting_{operation} "
            f"AFTER {operation.upper()} ON board_setting "
            "BEGIN UPDATE data_version SET counter = counter + 1 "
            "WHERE table_name = 'board_setting'; END"
        )


def downgrade() -> None:
    for operation in ("insert", "update", "delete"):
        op.execute(f"DROP TRIGGER data_version_board_setting_{operation}")
    op.execute("DELETE FROM data_version WHERE table_name = 'board_setting'")
    op.drop_table("board_setting")
    with op.batch_alter_table("delegated_decision") as batch:
        batch.drop_column("consulted_with")
        batch.drop_column("need_tested_by")
        batch.drop_column("concerns_person_id")
    with op.batch_alter_table("delegation_item") as batch:
        batch.drop_column("kind_set_on")
        batch.drop_column("kind_set_by")
        batch.drop_column("kind_reason")
