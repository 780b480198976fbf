"""Who the letters are from: the municipality's name, a line or two under it and a logo.

Plain data: an organisation setting (services/letterhead.py keeps it in the database, the same
for every user), handed to every letter. The defaults are the sample's (Nacka kommun, no logo),
so a letter written without settings looks as it always has.
"""

from __future__ import annotations

from dataclasses import dataclass

SAMPLE_MUNICIPALITY = "Nacka kommun"


@dataclass(frozen=True)
class Letterhead:
    municipality: str = SAMPLE_MUNICIPALITY  # the sender, in bold at the top of every letter
    lines: tuple[str, ...] = ()  # under the name, e.g. the administration ("Stadsledningskontoret")
    # The image (PNG or JPEG) drawn above the name at a fixed height: its bytes, not a path,
    # so a letter printed on another computer has it too.
    logo: bytes | None = None
