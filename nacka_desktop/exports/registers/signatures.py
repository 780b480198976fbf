"""How a letter was signed, as the registers show it in two cells."""

from __future__ import annotations

from collections.abc import Sequence

from nacka_desktop.domain.labels import DOCUMENT_LANGUAGE
from nacka_desktop.domain.signatures import SignatureRecord


def _route(signature: SignatureRecord) -> str:
    return signature.route.label(DOCUMENT_LANGUAGE)


def signature_cells(signatures: Sequence[SignatureRecord]) -> tuple[str | None, str | None]:
    """How the letter was signed ("på papper", "digitalt och på papper") and by whom, when:
    the standing records only (one a later record corrects is left out)."""
    corrected = {s.corrects_id for s in signatures if s.corrects_id is not None}
    standing = [s for s in signatures if s.id not in corrected]
    if not standing:
        return None, None
    routes = list(dict.fromkeys(_route(s) for s in standing))
    how = " och ".join([", ".join(routes[:-1]), routes[-1]] if len(routes) > 1 else routes)
    who = "; ".join(
        f"{s.party.label(DOCUMENT_LANGUAGE)}: {s.signer_name} ({_route(s)}, {s.signed_on})"
        for s in standing
    )
    return how, who
