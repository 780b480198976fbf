"""The PDF side of signing: reading a file that may not be a PDF at all, its signature
fields, adding the letter's empty fields before anyone signs, and writing the result whole or
not at all."""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nacka_desktop.signing.errors import Problem, SigningError

# A PDF's header may come after some junk, but within the first kilobyte (ISO 32000-1, H.3).
_HEADER_WINDOW = 1024


@dataclass(frozen=True)
class FieldBox:
    """A signature field to create: its name, page (from 0) and /Rect (left, bottom, right,
    top, in PDF points). The letters' layout gives one per party (SignatureBox)."""

    name: str
    page: int
    rect: tuple[float, float, float, float]
    tooltip: str = ""  # the caption printed above the line, e.g. "Fördelat av"


@dataclass(frozen=True)
class FieldState:
    name: str
    signed: bool


def open_reader(pdf: bytes) -> Any:
    """A pyHanko reader over the bytes, or a SigningError saying why they cannot be signed or
    read: not a PDF, damaged, or encrypted."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    if b"%PDF-" not in pdf[:_HEADER_WINDOW]:
        raise not_a_pdf()
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        encrypted = reader.encrypted
        _ = reader.root  # the catalogue: a file that cannot give it is no usable PDF
    except Exception as error:  # pyHanko raises many kinds on a damaged file
        raise not_a_pdf(str(error)) from error
    if encrypted:
        raise SigningError(
            Problem.ENCRYPTED_PDF,
            "PDF-filen är krypterad (lösenordsskyddad) och kan inte undertecknas. Ta bort "
            "skyddet och försök igen.",
            "The PDF is encrypted (password-protected) and cannot be signed. Remove the "
            "protection and try again.",
        )
    return reader


def not_a_pdf(detail: str = "") -> SigningError:
    why_sv = f" ({detail})" if detail else ""
    return SigningError(
        Problem.NOT_A_PDF,
        f"Filen är ingen läsbar PDF-fil{why_sv}.",
        f"The file is not a readable PDF{why_sv}.",
    )


def signature_fields(pdf: bytes) -> list[FieldState]:
    """The document's signature fields in form order, and whether each is signed."""
    from pyhanko.sign.fields import enumerate_sig_fields

    reader = open_reader(pdf)
    return [
        FieldState(str(name), value is not None)
        for name, value, _ref in enumerate_sig_fields(reader)
    ]


def add_signature_fields(pdf: bytes, boxes: Sequence[FieldBox]) -> bytes:
    """The PDF with an empty signature field for each box it does not have yet, in one
    incremental update (the letter's own bytes stay as they are, so a PDF/A letter stays
    PDF/A). Before the first signature: a field added later would be a change after it."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign.fields import SigFieldSpec, append_signature_field

    existing = {field.name for field in signature_fields(pdf)}
    missing = [box for box in boxes if box.name not in existing]
    if not missing:
        return pdf
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    for box in missing:
        append_signature_field(
            writer,
            SigFieldSpec(
                sig_field_name=box.name,
                on_page=box.page,
                box=box.rect,  # type: ignore[arg-type]  # pyHanko annotates ints, takes floats
                readable_field_name=box.tooltip or box.name,
            ),
        )
    out = io.BytesIO()
    writer.write(out)  # type: ignore[no-untyped-call]
    return out.getvalue()


def read_input(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise SigningError(
            Problem.FILE,
            f"Kunde inte läsa {path}: {error.strerror or error}.",
            f"Could not read {path}: {error.strerror or error}.",
        ) from error


def write_atomically(path: Path, data: bytes) -> None:
    """Write beside the target and move over it: a failure leaves no half-written file (and
    the old file, if any, as it was). Refuses a path that is not a regular file, as the
    exports do (nacka_desktop/exports/output.py): moving over a link or a device replaces it."""
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        raise SigningError(
            Problem.FILE,
            f"{path} är ingen vanlig fil (en enhet, en pipe, en mapp eller en länk); välj en "
            "vanlig fil.",
            f"{path} is not a regular file (a device, a pipe, a folder or a link); choose a "
            "regular file.",
        )
    partial = path.with_name(f".{path.name}.partial")
    try:
        with open(partial, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, path)
    except OSError as error:
        raise SigningError(
            Problem.FILE,
            f"Kunde inte skriva {path}: {error.strerror or error}.",
            f"Could not write {path}: {error.strerror or error}.",
        ) from error
    finally:
        partial.unlink(missing_ok=True)
