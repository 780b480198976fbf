"""Readers of Excel files that produce a validated change set, applied whole or not at all."""
