"""Text as people type and paste it, made comparable: one Unicode form (NFC, so that a
decomposed "é" is "é"), without the invisible characters a paste brings along (zero-width
spaces, byte-order marks, control characters), and without spaces at the ends."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

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
# Regular expressions, not str.translate: ~6x faster over 43,000 names (few have accents).
_ACCENTED = re.compile("[" + "".join(ACCENT_FOLDS) + "]")


_SEPARATOR = re.compile("[" + re.escape("".join(WORD_SEPARATORS)) + "]")


def _plain(match: re.Match[str]) -> str:
    return ACCENT_FOLDS[match.group()]


def search_fold(text: str) -> str:
    """A stored entry as search compares it: case folded, accents other than å ä ö off."""
    return _ACCENTED.sub(_plain, text.casefold())


def search_words(typed: str) -> list[str]:
    """The words of what the user typed, folded: cleaned (a pasted NUL or zero-width space is
    no word, a decomposed "é" is "é") and capped, so that a pasted page is a search for its
    first words."""
    return search_fold(clean_text(typed[:SEARCH_MAX_CHARS])).split()[:SEARCH_MAX_WORDS]


def starts_a_word(word: str, folded: str) -> bool:
    """`word` (folded) begins some word of `folded` (a text already folded)."""
    return folded.startswith(word) or any(sep + word in folded for sep in WORD_SEPARATORS)


def search_key(folded: str) -> str:
    """The folded text with every word start marked by a line break: a word without a
    separator begins a word of the text exactly when line break + word occurs in the key
    (one substring search, where `starts_a_word` makes one per separator)."""
    return "\n" + _SEPARATOR.sub("\n", folded)


def matching_entries(words: list[str], folded: Sequence[str], keys: Sequence[str]) -> list[int]:
    """The positions of the entries (folded, and their `search_key`s) that every word begins a
    word of: `matches_search` over a picker's list, fast enough for 43,000 persons."""
    marked = ["\n" + word for word in words if _SEPARATOR.search(word) is None]
    other = [word for word in words if _SEPARATOR.search(word) is not None]  # "k-47"
    rows: Sequence[int] = range(len(keys))
    for mark in marked:  # one word at a time, over those still left
        rows = [row for row in rows if mark in keys[row]]
    for word in other:
        rows = [row for row in rows if starts_a_word(word, folded[row])]
    return list(rows)


def matches_search(words: list[str], text: str) -> bool:
    """Every typed word begins some word of the text, in any order."""
    folded = search_fold(clean_text(text))
    return bool(matching_entries(words, [folded], [search_key(folded)]))
