"""Signing and verifying one letter: the app's `Pkcs12Signer.sign` + `verify_pdf` against
bare pyHanko doing the same steps in the same run (load the PKCS#12, sign the letter's prepared
field with the same stamp style and PAdES settings, then read the file back and validate its
signature with an empty trust list and no fetching). Both start from the letter with its empty
signature fields already added, and both sign with the same test certificate."""

from __future__ import annotations

import io
import logging
import os
import sys
import time
from typing import Any

from .common import ChildArgs, child_args, emit, measuring
from .exports import alternate, biggest_distribution, versus

SIGN_RATIO = 1.1
PASSWORD = "bänk"


def prepared_letter(args: ChildArgs) -> tuple[bytes, str, str]:
    """The biggest distribution's letter with its fields, the first field and its role."""
    from nacka_desktop.domain.letterhead import Letterhead
    from nacka_desktop.exports.letters import write_distribution_letter
    from nacka_desktop.services.context import Services
    from nacka_desktop.signing.documents import FieldBox, add_signature_fields

    services = Services.open(args.database, create=False)
    try:
        distribution_id = biggest_distribution(args)
        view = services.work.distribution(distribution_id, args.today)
        path = args.work_dir / "sign-letter.pdf"
        boxes = write_distribution_letter(view, path, Letterhead(), args.today).signature_boxes
    finally:
        services.close()
    pdf = add_signature_fields(
        path.read_bytes(), [FieldBox(b.field, b.page, b.rect, b.caption) for b in boxes]
    )
    return pdf, boxes[0].field, boxes[0].detail


def bare(pdf: bytes, p12: bytes, field: str, text: str, style: Any) -> bool:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.fields import SigSeedSubFilter
    from pyhanko.sign.signers import PdfSignatureMetadata, PdfSigner, SimpleSigner
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    signer = SimpleSigner.load_pkcs12_data(p12, other_certs=[], passphrase=PASSWORD.encode())
    metadata = PdfSignatureMetadata(
        field_name=field, md_algorithm="sha256", subfilter=SigSeedSubFilter.PADES
    )
    out = io.BytesIO()
    PdfSigner(metadata, signer, stamp_style=style).sign_pdf(
        IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False),
        existing_fields_only=True,
        appearance_text_params={"stamp": text},
        output=out,
    )
    reader = PdfFileReader(io.BytesIO(out.getvalue()), strict=False)
    context = ValidationContext(trust_roots=[], allow_fetching=False)
    status = validate_pdf_signature(
        reader.embedded_signatures[0],
        signer_validation_context=context,
        ts_validation_context=context,
    )
    return bool(status.intact and status.valid)


def sign_and_verify(args: ChildArgs) -> None:
    name = "sign + verify a letter"
    with measuring(name, args.scale, f"≤ {SIGN_RATIO:g}× bare pyHanko"):
        from nacka_desktop.signing.certificates import create_test_certificate
        from nacka_desktop.signing.signers import FieldSpec, Pkcs12Signer, StampText, _stamp_style
        from nacka_desktop.signing.verify import verify_pdf

        # Neither side pays for console output: pyHanko logs a traceback for every
        # certificate it cannot trust (the app silences it while verifying; so does the
        # baseline here).
        for logger in ("pyhanko", "pyhanko_certvalidator"):
            logging.getLogger(logger).setLevel(logging.CRITICAL)
        pdf, field, role = prepared_letter(args)
        p12_path = args.work_dir / "bench.p12"
        p12_path.write_bytes(create_test_certificate("Bänk Bänksson", PASSWORD))
        p12 = p12_path.read_bytes()
        stamp = StampText(role=role)
        text = stamp.render("Bänk Bänksson", args.today)

        def app() -> None:
            signed = Pkcs12Signer(p12_path, PASSWORD).sign(pdf, FieldSpec(field), stamp)
            assert verify_pdf(signed).all_ok

        def baseline() -> None:
            assert bare(pdf, p12, field, text, _stamp_style())

        app()  # warm-up: imports, the font
        baseline()
        app_samples, bare_samples = alternate(
            app, baseline, max(args.repeat, 7), args.budget, at_least=5
        )
        emit(
            versus(
                name,
                args,
                app_samples,
                bare_samples,
                SIGN_RATIO,
                f"{len(pdf) // 1024} KiB letter with its two fields; PAdES B-B with the "
                "stamp, then every signature verified (no trust roots, no fetching)",
                "bare pyHanko",
            )
        )


def main() -> None:
    started = time.perf_counter()
    sign_and_verify(child_args())
    print(f"  signing took {time.perf_counter() - started:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)  # as bench.exports: no interpreter teardown
