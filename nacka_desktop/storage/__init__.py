"""SQLAlchemy models, migrations and repositories (queries that never commit)."""
