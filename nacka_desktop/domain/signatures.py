"""Signed letters as records (issue 13): the letter as issued, and each signature on it.

A letter is issued once (its PDF and document ID kept); a signature is a record of something
that happened — who signed which issued letter, when, and how: on paper (a scanned copy may be
attached), digitally in the app, or through the kommun's signing portal. Neither changes
afterwards: a mistaken signature record is corrected by a new one that names it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from nacka_desktop.domain.language import LabelledEnum


class DocumentKind(LabelledEnum):
    DISTRIBUTION_LETTER = "distribution_letter"  # fördelning av arbetsmiljöuppgifter (AM-2)
    RETURN_LETTER = "return_letter"  # återgång av uppgifter (AM-4)
    DELEGATE_LETTER = "delegate_letter"  # a person's delegations (DEL)


class SignatureRoute(LabelledEnum):
    PAPER = "paper"  # signed in ink; the scanned copy may be attached
    DIGITAL = "digital"  # signed in the app (PAdES: a certificate file or a card)
    PORTAL = "portal"  # signed in the kommun's e-signature portal and read back


class SignatureParty(LabelledEnum):
    GIVER = "giver"  # the manager who gives the tasks (AM-2)
    EMPLOYER = "employer"  # KS's ordförande signing for the employer (a distribution from KS)
    RECEIVER = "receiver"  # the one who receives the tasks (AM-2) or returns them (AM-4)
    DECISION_MAKER = "decision_maker"  # the holder of a delegation letter's rights


# Who must have signed a letter before it counts as signed: a distribution by both sides
# (AM-2: "skriftligen"), a return by the receiver who returns (AM-4), a delegation letter by
# the one it is issued to.
REQUIRED_PARTIES: dict[DocumentKind, tuple[frozenset[SignatureParty], ...]] = {
    DocumentKind.DISTRIBUTION_LETTER: (
        frozenset({SignatureParty.GIVER, SignatureParty.EMPLOYER}),
        frozenset({SignatureParty.RECEIVER}),
    ),
    DocumentKind.RETURN_LETTER: (frozenset({SignatureParty.RECEIVER}),),
    DocumentKind.DELEGATE_LETTER: (frozenset({SignatureParty.DECISION_MAKER}),),
}


# The titles issued letters are kept under. A record never changes, and the letters are
# Swedish documents: Swedish whatever the window's language (the window shows its own
# translation, ui/work/signable.py), and the same from the window and the command line.
_ISSUED_TITLES = {
    DocumentKind.DISTRIBUTION_LETTER: "Fördelning av arbetsmiljöuppgifter {id}",
    DocumentKind.RETURN_LETTER: "Återföring av arbetsmiljöuppgifter {id}",
    DocumentKind.DELEGATE_LETTER: "Delegeringsbrev för {name} per {on}",
}


def issued_title(kind: DocumentKind, object_id: int, name: str = "", on: date | None = None) -> str:
    """ "Fördelning av arbetsmiljöuppgifter 12", "Delegeringsbrev för Anna Berg per
    2026-12-02" (`name` and `on`: a delegation letter's person and day)."""
    return _ISSUED_TITLES[kind].format(
        id=object_id, name=name, on=on.isoformat() if on is not None else ""
    )


# The letters' signature fields (exports/letters), one per side: the one who gives (the
# giver, KS's ordförande, the chief who informs a delegate) and the one who receives.
GIVER_FIELD = "Givare"
RECEIVER_FIELD = "Mottagare"
_FIELD_OF_PARTY = {
    SignatureParty.GIVER: GIVER_FIELD,
    SignatureParty.EMPLOYER: GIVER_FIELD,
    SignatureParty.RECEIVER: RECEIVER_FIELD,
    SignatureParty.DECISION_MAKER: RECEIVER_FIELD,
}


def field_of(party: SignatureParty) -> str:
    """The signature field the party signs in."""
    return _FIELD_OF_PARTY[party]


def party_in_field(field: str, parties: tuple[SignatureParty, ...]) -> SignatureParty | None:
    """Which of a letter's parties signs in the field (None: a field of someone else's, e.g.
    a signing portal's own)."""
    return next((party for party in parties if field_of(party) == field), None)


@dataclass(frozen=True, slots=True)
class IssuedDocument:
    id: int
    kind: DocumentKind
    object_id: int  # the distribution, the return, the person
    document_id: str  # the letter's own ID (in its XMP and trailer), e.g. "uuid:…"
    sha256: str
    issued_at: datetime
    issued_by: str
    title: str = ""
    object_version: int | None = None  # the object's version when the letter was issued


@dataclass(frozen=True, slots=True)
class SignatureRecord:
    id: int
    issued_id: int
    route: SignatureRoute
    party: SignatureParty
    signer_name: str
    signed_on: date
    recorded_at: datetime
    recorded_by: str
    signed_at: datetime | None = None  # a digital signature's own time
    certificate_subject: str = ""
    certificate_issuer: str = ""
    trusted: bool | None = None  # the certificate chains to a configured root (None: paper)
    file_name: str = ""  # the signed PDF or the scanned copy kept with the record
    file_sha256: str = ""
    corrects_id: int | None = None  # the record this one corrects (records never change)
    note: str = ""


def signed_on(kind: DocumentKind, signatures: list[SignatureRecord]) -> date | None:
    """The day the letter became signed: when the last of the parties it needs signed (the
    latest of each party's earliest signature); None until every party has. A record that a
    later one corrects no longer counts."""
    corrected = {s.corrects_id for s in signatures if s.corrects_id is not None}
    standing = [s for s in signatures if s.id not in corrected]
    days = []
    for parties in REQUIRED_PARTIES[kind]:
        by_party = [s.signed_on for s in standing if s.party in parties]
        if not by_party:
            return None
        days.append(min(by_party))
    return max(days)


def unsigned_parties(
    parties: tuple[SignatureParty, ...], signatures: list[SignatureRecord]
) -> tuple[SignatureParty, ...]:
    """Who of the letter's `parties` (in the order they sign) has not signed it yet and may
    still: every party without a standing signature, not only those the letter needs (a
    return is in force on the receiver's signature, and its giver may still sign that it
    arrived). A record that a later one corrects no longer counts, as in `signed_on`."""
    corrected = {s.corrects_id for s in signatures if s.corrects_id is not None}
    signed = {s.party for s in signatures if s.id not in corrected}
    return tuple(party for party in parties if party not in signed)
