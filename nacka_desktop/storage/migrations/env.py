"""Alembic environment: runs on the connection the app hands over (see storage.database)."""

from alembic import context

from nacka_desktop.storage.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
    # All revisions in one transaction (storage/database.py begins it explicitly on SQLite).
    transactional_ddl=True,
)
with context.begin_transaction():
    context.run_migrations()
