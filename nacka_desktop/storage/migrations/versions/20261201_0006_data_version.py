"""data version: a counter per table that every committed change moves; folded search text

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01

The rule checks are cached per version of the data (services/checking.py). A counter per
table, moved by triggers on every insert, update and delete, tells versions apart exactly,
whoever wrote the change: this app, another copy of it, or someone with the sqlite3 shell;
and it tells which tables changed, so only those are read again and only the checks that read
them run again. Inside a write transaction the counters already include the transaction's
own changes, and nobody else can commit meanwhile, so an edit knows the version its commit
creates.

A later batch migration that recreates one of these tables must create its triggers again
(tests/storage/test_data_version.py checks that every table has them).

Units and persons also get `search_text`, their searchable fields folded (casefold, one per
line), so that search as you type is one plain SQL scan: SQLite's own case folding knows only
ASCII, and a Python function per row cost ~100 ms a keystroke at 40,000 persons.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

TABLES = (
    "unit",
    "person",
    "appointment",
    "process",
    "audit_entry",
    "work_task",
    "task_distribution",
    "task_distribution_unit",
    "task_distribution_item",
    "task_return",
    "titled_position",
    "delegation_order",
    "delegation_item",
    "subdelegation",
    "delegated_decision",
    "council_matter",
)
OPERATIONS = ("insert", "update", "delete")


SEARCH_FIELDS = {
    "unit": ("name", "code"),
    "person": ("first_name", "last_name", "employee_number", "title", "email"),
}


def _fold(*fields):
    return "\n".join(field or "" for field in fields).casefold()


def upgrade() -> None:
    connection = op.get_bind()
    for table, fields in SEARCH_FIELDS.items():
        op.add_column(table, sa.Column("search_text", sa.Text(), nullable=False, server_default=""))
        rows = connection.execute(sa.text(f"SELECT id, {', '.join(fields)} FROM {table}")).all()
        if rows:
            connection.execute(
                sa.text(f"UPDATE {table} SET search_text = :text WHERE id = :id"),
                [{"id": row[0], "text": _fold(*row[1:])} for row in rows],
            )
    op.execute(
        "CREATE TABLE data_version ("
        "table_name VARCHAR(60) NOT NULL PRIMARY KEY, "
        "counter INTEGER NOT NULL)"
    )
    for table in TABLES:
        op.execute(f"INSERT INTO data_version (table_name, counter) VALUES ('{table}', 0)")
        for operation in OPERATIONS:
            op.execute(
                f"CREATE TRIGGER data_version_{table}_{operation} "
                f"AFTER {operation.upper()} ON {table} "
                "BEGIN UPDATE data_version SET counter = counter + 1 "
                f"WHERE table_name = '{table}'; END"
            )


def downgrade() -> None:
    for table in TABLES:
        for operation in OPERATIONS:
            op.execute(f"DROP TRIGGER data_version_{table}_{operation}")
    op.execute("DROP TABLE data_version")
    for table in SEARCH_FIELDS:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("search_text")
