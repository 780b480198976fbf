"""A signed letter made ready for the archive: PAdES B-LTA.

A signature stays verifiable after its certificate expires or its issuer is gone only if
what proves it is kept with it. Extending a signed PDF adds, in incremental updates after the
last signature, first the certificates (and the revocation answers, when fetching is allowed)
that validate every signature and time stamp in it (the Document Security Store), then a
document time stamp from the time-stamp service over the whole file. Extending an extended
file again (before the last time stamp's certificate expires) adds the validation data of
that time stamp and a new one over everything: the chain the archive renews.

Nothing before is changed: every signature stays valid and its revision is kept byte for
byte, so the result starts with the file that was extended.
"""

from __future__ import annotations

import asyncio
import io
from collections.abc import Sequence
from typing import Any

from nacka_desktop.signing.documents import open_reader
from nacka_desktop.signing.errors import Problem, SigningError
from nacka_desktop.signing.signers import DIGEST, timestamper
from nacka_desktop.signing.verify import quiet


def extend_for_archive(
    pdf: bytes,
    tsa: str | Any,
    trust_roots: Sequence[Any] = (),
    *,
    fetch_revocation: bool = True,
) -> bytes:
    """The PDF extended to PAdES B-LTA. `tsa` is the time-stamp service's URL (RFC 3161) or
    a pyHanko TimeStamper. Each signature's certificate must chain to one of `trust_roots`
    (or be one): validation data is only worth keeping for a signature that validates.
    Raises SigningError, naming the signature, when it cannot be done; nothing is returned
    half-made."""
    reader = open_reader(pdf)
    if not reader.embedded_signatures:
        raise SigningError(
            Problem.NOT_SIGNED,
            "PDF-filen har inga underskrifter att bevara för arkivet.",
            "The PDF file has no signatures to preserve for the archive.",
        )
    context = _validation_context(trust_roots, fetch_revocation)
    service = timestamper(tsa) if isinstance(tsa, str) else tsa
    try:
        with quiet("pyhanko", "pyhanko_certvalidator"):
            return asyncio.run(_extend(reader, pdf, service, context))
    except SigningError:
        raise
    except Exception as error:  # the service, a certificate path, the file
        raise _failed(error, tsa if isinstance(tsa, str) else "") from error


async def _extend(reader: Any, pdf: bytes, service: Any, context: Any) -> bytes:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign.signers.pdf_signer import PdfTimeStamper
    from pyhanko.sign.validation.dss import DocumentSecurityStore, collect_validation_info

    stamper = PdfTimeStamper(service)
    if reader.embedded_timestamp_signatures:
        # Archived before: validate the last time stamp, keep what proves it, and add a new
        # one over everything (the chain an archive renews before the last one expires).
        await stamper.async_update_archival_timestamp_chain(reader, context, in_place=True)
        return bytes(reader.stream.getvalue())
    paths = []
    for signature in reader.embedded_signatures:
        await _refuse_unless_it_validates(signature, context)
        paths += await collect_validation_info(signature, context, skip_timestamp=False)
    # First what validates the signatures (and their time stamps), then the document time
    # stamp over it: the time stamp proves the validation data existed at that time.
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    DocumentSecurityStore.supply_dss_in_writer(
        writer, None, paths=paths, validation_context=context
    )
    with_data = io.BytesIO()
    writer.write(with_data)  # type: ignore[no-untyped-call]  # pyHanko leaves it untyped
    await stamper.async_timestamp_pdf(
        IncrementalPdfFileWriter(with_data), DIGEST, validation_context=context, in_place=True
    )
    return with_data.getvalue()


def _validation_context(trust_roots: Sequence[Any], fetch: bool) -> Any:
    from pyhanko_certvalidator import ValidationContext

    return ValidationContext(
        trust_roots=list(trust_roots),
        allow_fetching=fetch,
        # Without the network the certificates alone are kept; with it, revocation answers
        # that cannot be had are a failure, not a silent gap in the archive copy.
        revocation_mode="require" if fetch else "soft-fail",
    )


async def _refuse_unless_it_validates(signature: Any, context: Any) -> None:
    from pyhanko.sign.validation import async_validate_pdf_signature

    status = await async_validate_pdf_signature(signature, signer_validation_context=context)
    if not status.intact or not status.valid:
        raise SigningError(
            Problem.SIGNATURE_BROKEN,
            f"Underskriften i fältet {signature.field_name} är bruten; filen kan inte "
            "bevaras för arkivet.",
            f"The signature in the field {signature.field_name} is broken; the file cannot be "
            "preserved for the archive.",
        )
    if not status.trusted:
        raise SigningError(
            Problem.UNTRUSTED,
            f"Certifikatet för underskriften i fältet {signature.field_name} leder inte till "
            "något betrott rotcertifikat; lägg till utfärdarens rotcertifikat bland de "
            "betrodda innan filen bevaras för arkivet.",
            f"The certificate of the signature in the field {signature.field_name} does not "
            "lead to a trusted root; add its issuer's root certificate to the trusted ones "
            "before preserving the file for the archive.",
        )


def _failed(error: Exception, tsa_url: str) -> SigningError:
    from pyhanko.sign.timestamps import TimestampRequestError

    if isinstance(error, TimestampRequestError):
        return SigningError(
            Problem.TIMESTAMP,
            f"Tidsstämpeln kunde inte hämtas från {tsa_url or 'tidsstämpeltjänsten'}: {error}. "
            "Inget ändrades.",
            f"The time stamp could not be fetched from {tsa_url or 'the time-stamp service'}: "
            f"{error}. Nothing was changed.",
        )
    return SigningError(
        Problem.SIGNING_FAILED,
        f"Filen kunde inte bevaras för arkivet: {error}",
        f"The file could not be preserved for the archive: {error}",
    )
