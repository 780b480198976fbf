"""PDF letters of work-environment task distribution (DOMAIN.md §3): the distribution itself
("Fördelning av arbetsmiljöuppgifter") and the receiver's return ("Återföring av
arbetsmiljöuppgifter").

Importing this package imports reportlab: the CLI and the GUI import it only when a letter is
written, never at start-up.
"""

from __future__ import annotations

from nacka_desktop.exports.letters.distribution import write_distribution_letter
from nacka_desktop.exports.letters.task_return import write_return_letter

__all__ = ["write_distribution_letter", "write_return_letter"]
