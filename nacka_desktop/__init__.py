"""Nacka Desktop: organisation, arbetsmiljöuppgifter och delegationsordning."""

__version__ = "0.1.0"
