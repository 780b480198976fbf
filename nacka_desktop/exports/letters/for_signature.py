"""A letter as issued for signature: written (PDF/A-2b, with its document ID) and given one
empty signature field per party in its signature block, before anyone signs. The window and
the command line issue letters through this one function, so a letter signed in the app, on
paper or in the kommun's portal is the same file."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from nacka_desktop.exports.letters._layout import WrittenLetter
from nacka_desktop.signing.documents import FieldBox, add_signature_fields


@dataclass(frozen=True)
class LetterForSignature:
    pdf: bytes
    document_id: str
    fields: tuple[str, ...]  # the parties' signature fields, in the order they sign


def letter_for_signature(write: Callable[[Path], WrittenLetter]) -> LetterForSignature:
    with tempfile.TemporaryDirectory(prefix="nacka-letter-") as folder:
        path = Path(folder) / "brev.pdf"
        written = write(path)
        pdf = path.read_bytes()
    boxes = written.signature_boxes
    if boxes:
        pdf = add_signature_fields(
            pdf, [FieldBox(b.field, b.page, b.rect, b.caption) for b in boxes]
        )
    return LetterForSignature(pdf, written.document_id, tuple(b.field for b in boxes))
