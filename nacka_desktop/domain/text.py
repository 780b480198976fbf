"""Text as people type and paste it, made comparable: one Unicode form (NFC, so that a
decomposed "é" is "é"), without the invisible characters a paste brings along (zero-width
spaces, byte-order marks, control characters), and without spaces at the ends."""

from __future__ import annotations

import unicodedata

_KEPT_CONTROLS = frozenset("\n\t")


def clean_text(text: str) -> str:
    normalised = unicodedata.normalize("NFC", text)
    return "".join(
        char
        for char in normalised
        if char in _KEPT_CONTROLS or unicodedata.category(char) not in ("Cc", "Cf")
    ).strip()
