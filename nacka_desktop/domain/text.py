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


# --- search as people type -----------------------------------------------------------------
# One rule for the main window's search and every picker: each typed word is the beginning of
# some word of the entry, in any order ("viktor jo" finds "Johansson, Viktor"), case folded.
# Å, Ä and Ö are letters of their own (a search for "ast" does not find "Åström"); other
# accents are folded as Swedish users type names without them ("linnea" finds "Linnéa").

SEARCH_MAX_CHARS = 200
SEARCH_MAX_WORDS = 8
# Where a word of an entry begins: after any of these (a code's "K-47" is found by "47"). Few:
# each is one more pattern per row in the database's search (measured at 43,000 persons).
WORD_SEPARATORS = (" ", "\n", "-", "(", "/")
# The accents of names in a Swedish register (kept to these: the database folds them too).
ACCENT_FOLDS: dict[str, str] = {
    **dict.fromkeys("áà", "a"),
    **dict.fromkeys("éèêë", "e"),
    **dict.fromkeys("íï", "i"),
    **dict.fromkeys("óô", "o"),
    **dict.fromkeys("úü", "u"),
    **dict.fromkeys("ćč", "c"),
    "ý": "y",
    "ñ": "n",
    "ç": "c",
    "š": "s",
    "ž": "z",
}
_FOLD_TABLE = str.maketrans(ACCENT_FOLDS)


def search_fold(text: str) -> str:
    """The text as search compares it: cleaned, case folded, accents other than å ä ö off."""
    return clean_text(text).casefold().translate(_FOLD_TABLE)


def search_words(typed: str) -> list[str]:
    """The words of what the user typed, folded: capped, so that a pasted page is a search for
    its first words; a pasted NUL or zero-width space is no word."""
    return search_fold(typed[:SEARCH_MAX_CHARS]).split()[:SEARCH_MAX_WORDS]


def starts_a_word(word: str, folded: str) -> bool:
    """`word` (folded) begins some word of `folded` (a text already folded)."""
    return folded.startswith(word) or any(sep + word in folded for sep in WORD_SEPARATORS)


def matches_search(words: list[str], text: str) -> bool:
    """Every typed word begins some word of the text, in any order."""
    folded = search_fold(text)
    return all(starts_a_word(word, folded) for word in words)
