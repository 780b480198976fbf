"""Write resources/fonts/DejaVuSans-Stamp.ttf: DejaVu Sans for the signature stamp, subset to
the Latin scripts and rescaled to 1000 units per em.

Why a copy: pyHanko (0.38) writes a TrueType font's glyph widths into the PDF in the font's
own units, where PDF expects thousandths of an em; DejaVu Sans has 2048 units per em, so its
stamp text came out with every letter twice as far from the next. Rescaled to 1000 units the
numbers agree. Rescaling takes two seconds, too long for every signature, so it is done once
here and the file committed. Run `python tools/make_stamp_font.py` again only if the source
font changes; tests/signing/test_stamp_font.py checks the committed file.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont
from fontTools.ttLib.scaleUpem import scale_upem

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "resources" / "fonts" / "DejaVuSans.ttf"
TARGET = ROOT / "resources" / "fonts" / "DejaVuSans-Stamp.ttf"
UNITS_PER_EM = 1000
# Names, roles and dates in any Latin script (Swedish, Finnish, Sami, the rest of Europe,
# Vietnamese), combining accents, punctuation and the few symbols a role might hold.
UNICODES = [
    *range(0x0020, 0x007F),
    *range(0x00A0, 0x0250),  # Latin-1 Supplement, Latin Extended-A and -B
    *range(0x0250, 0x02B0),  # IPA extensions (some Sami and African names)
    *range(0x02B0, 0x0370),  # modifier letters, combining diacritical marks
    *range(0x1E00, 0x1F00),  # Latin Extended Additional
    *range(0x2000, 0x2070),  # general punctuation
    0x20AC,
    0x2116,
    0x2122,
]


def main() -> int:
    font = TTFont(SOURCE, recalcTimestamp=False)
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options=options)
    subsetter.populate(unicodes=UNICODES)
    subsetter.subset(font)
    scale_upem(font, UNITS_PER_EM)
    font.save(TARGET)
    print(f"Wrote {TARGET} ({TARGET.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
