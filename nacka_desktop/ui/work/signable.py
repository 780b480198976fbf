"""The letters that parties sign, described once for the signatures dialog: what kind of
record the letter is, how it is written, and who signs it under which name and role.

The stamp of a digital signature and the name proposed for a paper signature come from
here, so they say what the letter's own signature block says under the line.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from nacka_desktop.domain.language import Language
from nacka_desktop.domain.signatures import DocumentKind, SignatureParty, field_of, issued_title
from nacka_desktop.services.context import Services

if TYPE_CHECKING:  # reportlab is loaded when a letter is written, not before
    from nacka_desktop.exports.letters._layout import Signer, WrittenLetter


@dataclass(frozen=True)
class Signatory:
    name: str  # "" when the letter leaves it open (e.g. whoever receives a return for KS)
    role: str  # as under the signature line: "enhetschef, Förskolan Sickla"


@dataclass(frozen=True)
class SignableLetter:
    kind: DocumentKind
    object_id: int
    title: str  # the letter's title in the UI's language, as the window shows it
    # The title kept with the letter when it is issued: Swedish whatever the UI language,
    # for a record never changes and the letters are Swedish documents (the registers show it).
    record_title: str
    intro: str  # what the dialog tells about who signs and why
    file_parts: tuple[str, ...]  # what the file names offered when saving begin with
    write: Callable[[Path], WrittenLetter]
    signatories: Mapping[SignatureParty, Signatory]
    # A delegation letter tells what a person may decide on a day: a new one can be issued
    # whenever that changes, and the ones before stay on record as they were.
    reissuable: bool = False
    # What a party is called on this letter, where the general name would mislead (the
    # "giver" of a delegation letter is the chief who informs), already in the UI language.
    party_names: Mapping[SignatureParty, str] = field(default_factory=dict)

    def signatory(self, party: SignatureParty) -> Signatory:
        return self.signatories.get(party, Signatory("", ""))

    def party_label(self, party: SignatureParty, language: Language) -> str:
        return self.party_names.get(party) or party.label(language)


def _signatories(signers: Sequence[Signer]) -> dict[SignatureParty, Signatory]:
    """Each party as the letter prints them under its line (the letter modules say who signs
    where); a party signs in the field its signer has."""
    by_field = {signer.field: Signatory(signer.name, signer.detail) for signer in signers}
    return {
        party: by_field[field_of(party)] for party in SignatureParty if field_of(party) in by_field
    }


def distribution_letter(services: Services, distribution_id: int, on: date) -> SignableLetter:
    from nacka_desktop.exports.letters import write_distribution_letter
    from nacka_desktop.exports.letters.distribution import distribution_signers

    view = services.work.distribution(distribution_id, on)
    letterhead, today = services.letterhead.letterhead(), services.clock()
    kind = DocumentKind.DISTRIBUTION_LETTER
    return SignableLetter(
        kind=kind,
        object_id=distribution_id,
        record_title=issued_title(kind, distribution_id),
        title=QCoreApplication.translate(
            "SignableLetter", "Fördelning av arbetsmiljöuppgifter {id}"
        ).format(id=distribution_id),
        intro=QCoreApplication.translate(
            "SignableLetter",
            "Fördelningen från {giver} till {receiver} görs skriftligen (AM-2): båda skriver "
            "under brevet. Utfärda brevet först; det sparas oförändrat och kan sedan "
            "undertecknas med certifikat, på papper eller i kommunens signeringsportal.",
        ).format(giver=view.giver_name, receiver=view.receiver.person_name),
        file_parts=(
            QCoreApplication.translate("SignableLetter", "Fördelning av arbetsmiljöuppgifter"),
            view.receiver.person_name,
            view.receiver.unit_name,
        ),
        write=lambda path: write_distribution_letter(view, path, letterhead, today),
        signatories=_signatories(distribution_signers(view)),
    )


def return_letter(services: Services, return_id: int, on: date) -> SignableLetter:
    from nacka_desktop.exports.letters import write_return_letter
    from nacka_desktop.exports.letters.task_return import return_signers

    view = services.work.task_return(return_id, on)
    letterhead = services.letterhead.letterhead()
    distribution = view.distribution
    kind = DocumentKind.RETURN_LETTER
    return SignableLetter(
        kind=kind,
        object_id=return_id,
        record_title=issued_title(kind, return_id),
        title=QCoreApplication.translate(
            "SignableLetter", "Återföring av arbetsmiljöuppgifter {id}"
        ).format(id=return_id),
        intro=QCoreApplication.translate(
            "SignableLetter",
            "{receiver} återför uppgifter till {giver} (AM-4). Återföringen behöver inte "
            "godkännas och gäller från den dag den registrerades; brevet är den skriftliga "
            "återföringen, som {receiver} skriver under. {giver} skriver under bara för att "
            "bekräfta att den kommit fram.",
        ).format(receiver=distribution.receiver.person_name, giver=distribution.giver_name),
        file_parts=(
            QCoreApplication.translate("SignableLetter", "Återföring av arbetsmiljöuppgifter"),
            distribution.receiver.person_name,
            distribution.receiver.unit_name,
        ),
        write=lambda path: write_return_letter(view, path, letterhead),
        signatories=_signatories(return_signers(view)),
    )


def delegate_letter(services: Services, person_id: int, on: date) -> SignableLetter:
    from nacka_desktop.exports.letters.delegation import delegate_signers, write_delegate_letter

    view = services.delegation_documents.delegate_letter(person_id, on)
    letterhead = services.letterhead.letterhead()
    kind = DocumentKind.DELEGATE_LETTER
    return SignableLetter(
        kind=kind,
        object_id=person_id,
        record_title=issued_title(kind, person_id, view.person_name, on),
        title=QCoreApplication.translate(
            "SignableLetter", "Delegeringsbrev för {name} per {on}"
        ).format(name=view.person_name, on=on.isoformat()),
        intro=QCoreApplication.translate(
            "SignableLetter",
            "Brevet berättar för {name} vad hen får besluta på nämndens vägnar per {on}. "
            "Chefen skriver under att informationen är lämnad och delegaten att hen tagit del "
            "av den; delegatens underskrift är den som räknas.",
        ).format(name=view.person_name, on=on.isoformat()),
        file_parts=(
            QCoreApplication.translate("SignableLetter", "Delegeringsbrev"),
            view.person_name,
            on.isoformat(),
        ),
        write=lambda path: write_delegate_letter(view, path, letterhead),
        signatories=_signatories(delegate_signers(view)),
        reissuable=True,
        party_names={SignatureParty.GIVER: QCoreApplication.translate("SignableLetter", "Chef")},
    )
