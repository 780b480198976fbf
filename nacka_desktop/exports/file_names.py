"""The name a saved file is offered under: made of what the file is about (the letter, the
person, the unit, the board) and its date, so that a folder of letters reads as a list of
names, not of ids ("Delegeringsbrev Anna Berg 2026-12-02.pdf", not "delegeringsbrev-175.pdf").

Plain Python, so the command line can name its files the same way."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

# Characters no file system (or no Windows) takes in a name: a slash reads as a dash
# ("Vård/omsorg"), the rest (and control characters) as a space.
SEPARATORS = re.compile(r"[\\/|]+")
UNSAFE = re.compile(r'[:*?"<>\x00-\x1f\x7f]+')
SPACES = re.compile(r"\s+")
RESERVED_ON_WINDOWS = frozenset(
    ["CON", "PRN", "AUX", "NUL"]
    + [f"COM{n}" for n in range(1, 10)]
    + [f"LPT{n}" for n in range(1, 10)]
)
LONGEST_STEM = 120  # well under every file system's 255, with room for a folder's path


def safe_part(text: str) -> str:
    """One part of a name: å ä ö and spaces stay, a slash becomes "-"."""
    text = unicodedata.normalize("NFC", text)
    text = UNSAFE.sub(" ", SEPARATORS.sub("-", text))
    return SPACES.sub(" ", text).strip(" .-")


def file_name(*parts: str | date | None, extension: str) -> str:
    """The parts that say something (empty ones dropped, dates as ÅÅÅÅ-MM-DD) joined by
    spaces, safe as a file name on Windows, macOS and Linux, with the extension."""
    words = [
        part.isoformat() if isinstance(part, date) else safe_part(part)
        for part in parts
        if part is not None
    ]
    stem = " ".join(word for word in words if word)
    stem = stem[:LONGEST_STEM].rstrip(" .-") or "fil"
    if stem.split(".")[0].upper() in RESERVED_ON_WINDOWS:
        stem += "_"
    return f"{stem}.{extension.lstrip('.')}"
