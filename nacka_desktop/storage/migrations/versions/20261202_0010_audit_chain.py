"""audit chain: each audit entry holds the hash of the one before it and of its own content

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02

Until now an audit entry could be changed or deleted with the sqlite3 shell and nobody would
know. From this revision the entries form a hash chain (storage/audit_chain.py): `previous_hash`
is the `entry_hash` of the entry before (by id), `entry_hash` the SHA-256 of that previous hash
and the entry's content. `nacka-desktop audit verify` and the Problems panel (DATA-8) report the
first entry where the chain breaks.

The entries already written are chained here, in id order, as they are: what they held before
this revision cannot be vouched for, only what they hold from now on. The hash is computed by
the app's own `content_hash`, so that the chain written here is the one the app verifies.
The columns are added in place (no table rebuild), so the data_version triggers of migration
0006 stay; the chaining updates move the audit table's counter, as any change does.
"""

import sqlalchemy as sa
from alembic import op

from nacka_desktop.storage.audit_chain import GENESIS, content_hash

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# The audit table as this revision knows it, typed so that times and details read back as the
# app reads them (the hash is over those values).
AUDIT = sa.table(
    "audit_entry",
    sa.column("id", sa.Integer()),
    sa.column("created_at", sa.DateTime(timezone=True)),
    sa.column("action", sa.String()),
    sa.column("object_kind", sa.String()),
    sa.column("object_id", sa.Integer()),
    sa.column("actor", sa.String()),
    sa.column("details", sa.JSON()),
    sa.column("previous_hash", sa.String()),
    sa.column("entry_hash", sa.String()),
)
BATCH = 5000


def upgrade() -> None:
    for name in ("previous_hash", "entry_hash"):
        op.add_column(
            "audit_entry",
            sa.Column(name, sa.String(length=64), nullable=False, server_default=""),
        )
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(
            AUDIT.c.id,
            AUDIT.c.created_at,
            AUDIT.c.action,
            AUDIT.c.object_kind,
            AUDIT.c.object_id,
            AUDIT.c.actor,
            AUDIT.c.details,
        ).order_by(AUDIT.c.id)
    ).all()
    previous = GENESIS
    chained = []
    for entry_id, created_at, action, kind, object_id, actor, details in rows:
        own = content_hash(previous, created_at, action, kind, object_id, actor, details)
        chained.append({"entry": entry_id, "previous": previous, "own": own})
        previous = own
    update = (
        sa.update(AUDIT)
        .where(AUDIT.c.id == sa.bindparam("entry"))
        .values(previous_hash=sa.bindparam("previous"), entry_hash=sa.bindparam("own"))
    )
    for start in range(0, len(chained), BATCH):
        connection.execute(update, chained[start : start + BATCH])


def downgrade() -> None:
    with op.batch_alter_table("audit_entry", recreate="never") as batch:
        batch.drop_column("entry_hash")
        batch.drop_column("previous_hash")
