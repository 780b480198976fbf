"""Who the letters are from: the municipality's name, a line or two under it and a logo.

Plain data, without reportlab, so the command line and the window can build one without
importing the PDF machinery. The defaults are the sample's (Nacka kommun, no logo), so a letter
written without settings looks as it always has.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

SAMPLE_MUNICIPALITY = "Nacka kommun"


@dataclass(frozen=True)
class Letterhead:
    municipality: str = SAMPLE_MUNICIPALITY  # the sender, in bold at the top of every letter
    lines: tuple[str, ...] = ()  # under the name, e.g. the administration ("Stadsledningskontoret")
    logo: Path | None = None  # an image (PNG or JPEG) drawn above the name, at a fixed height
