"""Use cases: one method per user intention, one transaction each, with an audit entry."""
