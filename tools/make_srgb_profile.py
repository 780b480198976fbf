"""Write resources/icc/sRGB.icc: the sRGB ICC profile embedded as the PDF/A output intent of
every letter (nacka_desktop/exports/pdfa.py).

Run once (`python tools/make_srgb_profile.py`) and commit the file. The profile is LittleCMS's
built-in sRGB, made through Pillow (`ImageCms.createProfile("sRGB")`): free of any licence (its
copyright tag says "No copyright, use freely"), 588 bytes. Shipped as a file rather than made
when a letter is written, so every installation embeds the same reviewed bytes whatever Pillow
and LittleCMS it has (LittleCMS 2.16 stamps version 4.4, older ones 4.3) and a letter needs no
colour-management library at all.

Two header fields are set here, everything else is as LittleCMS wrote it:
- the version, to 4.2 (ICC.1:2004-10): the version ISO 32000-1 (PDF 1.7, the base of PDF/A-2)
  names for ICC profiles. The profile uses no tag or type newer than 4.2 (desc and cprt as
  mluc, XYZ colorants and white point, chad, para curves, chrm); a PDF/A-2 validator accepts
  any version below 5 (veraPDF rule 6.2.3-1).
- the creation date, to a fixed day, so that running this again gives the same file.
The profile ID (bytes 84-99) is left zero, "not computed", which the ICC format allows; so
changing header fields needs no checksum.
"""

from __future__ import annotations

import struct
from pathlib import Path

from PIL import ImageCms

TARGET = Path(__file__).resolve().parents[1] / "resources" / "icc" / "sRGB.icc"
VERSION = bytes([4, 0x20, 0, 0])  # 4.2.0.0, binary-coded as the ICC header wants
CREATED = (2026, 12, 2, 0, 0, 0)  # dateTimeNumber: year, month, day, hour, minute, second


def srgb_profile() -> bytes:
    profile = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    size, signature = struct.unpack(">I", profile[:4])[0], bytes(profile[36:40])
    if size != len(profile) or signature != b"acsp":
        raise SystemExit("Pillow did not return an ICC profile")
    if bytes(profile[12:20]) != b"mntrRGB " or bytes(profile[84:100]) != bytes(16):
        raise SystemExit("not the monitor RGB profile without profile ID this script expects")
    profile[8:12] = VERSION
    profile[24:36] = struct.pack(">6H", *CREATED)
    return bytes(profile)


def main() -> None:
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_bytes(srgb_profile())
    print(f"Skrev {TARGET} ({TARGET.stat().st_size} byte)")


if __name__ == "__main__":
    main()
