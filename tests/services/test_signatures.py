"""Issued letters and their signatures: records of what was issued and who signed it (issue 13)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from nacka_desktop.domain.rules import RuleViolationError
from nacka_desktop.domain.signatures import DocumentKind, SignatureParty, SignatureRoute
from nacka_desktop.services.context import Services
from nacka_desktop.services.signatures import Attachment, sha256_hex
from nacka_desktop.services.work_environment import ALL_CONFIRMED
from tests.services.test_work_environment import (
    COMPETENCE_TIME,
    GIVEN,
    LATER,
    Am,
    build_am,
    draft,
    to_group_manager,
)

TODAY = date(2026, 11, 26)
LETTER = b"%PDF-1.7\n% the letter as issued\n%%EOF\n"
SCAN = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
LETTER_KIND = DocumentKind.DISTRIBUTION_LETTER


@pytest.fixture
def am(services: Services) -> Am:
    return build_am(services)


def unsigned_distribution(services: Services, am: Am) -> int:
    """The enhetschef's draft to the gruppchef, written but not yet signed."""
    return services.distributions.create(
        draft(am.group_manager, am.line.unit_manager_post, [am.grp], am.task("SKYDD", "BRAND"))
    )


def issue(services: Services, distribution_id: int, letter: bytes = LETTER) -> int:
    issued = services.signatures.issue(
        LETTER_KIND, distribution_id, letter, "uuid:5f1c-test", "Fördelning av uppgifter"
    )
    return issued.id


def signed_on(services: Services, distribution_id: int) -> date | None:
    return services.work.distribution(distribution_id, TODAY).record.signed_on


def test_the_distribution_is_signed_when_both_sides_have_signed_on_paper(
    services: Services, am: Am
) -> None:
    distribution_id = unsigned_distribution(services, am)
    issued = issue(services, distribution_id)
    signatures = services.signatures
    signatures.record_paper(issued, SignatureParty.GIVER, "Ulla Enhetschef", date(2026, 3, 2))
    assert signed_on(services, distribution_id) is None  # the receiver has not signed (AM-2)
    signatures.record_paper(
        issued,
        SignatureParty.RECEIVER,
        "Greta Gruppsson",
        date(2026, 3, 4),
        Attachment("underskrivet.png", SCAN),
    )
    assert signed_on(services, distribution_id) == date(2026, 3, 4)  # the later of the two
    (letter,) = signatures.letters(LETTER_KIND, distribution_id)
    assert letter.signed_on == date(2026, 3, 4)
    assert [(s.route, s.party) for s in letter.signatures] == [
        (SignatureRoute.PAPER, SignatureParty.GIVER),
        (SignatureRoute.PAPER, SignatureParty.RECEIVER),
    ]
    receiver = letter.signatures[1]
    assert receiver.file_sha256 == sha256_hex(SCAN)
    kept = signatures.attachment(receiver.id)
    assert kept is not None and kept.data == SCAN and kept.name == "underskrivet.png"
    assert signatures.issued_file(issued) == LETTER


def test_every_record_is_audited(services: Services, am: Am) -> None:
    distribution_id = unsigned_distribution(services, am)
    issued = issue(services, distribution_id)
    services.signatures.record_paper(issued, SignatureParty.GIVER, "Ulla", GIVEN)
    with services.database.reader() as session:
        actions = [
            row[0] for row in session.execute(text("SELECT action FROM audit_entry ORDER BY id"))
        ]
    assert actions[-2:] == ["document.issue", "signature.paper"]


@pytest.mark.parametrize(
    ("party", "name", "on", "scan", "message"),
    [
        (SignatureParty.GIVER, "Ulla", date(2026, 12, 24), None, "efter i dag"),
        (SignatureParty.EMPLOYER, "Olle", GIVEN, None, "inte under av den parten"),
        (SignatureParty.DECISION_MAKER, "Olle", GIVEN, None, "inte under av den parten"),
        (SignatureParty.GIVER, "   ", GIVEN, None, "vem som skrev under"),
        (SignatureParty.GIVER, "Ulla", GIVEN, Attachment("brev.docx", b"PK\x03\x04"), "varken"),
    ],
)
def test_a_signature_that_cannot_have_happened_is_refused_and_nothing_kept(
    services: Services,
    am: Am,
    party: SignatureParty,
    name: str,
    on: date,
    scan: Attachment | None,
    message: str,
) -> None:
    distribution_id = unsigned_distribution(services, am)
    issued = issue(services, distribution_id)
    with pytest.raises(RuleViolationError) as refused:
        services.signatures.record_paper(issued, party, name, on, scan)
    assert message in refused.value.violations[0].message
    assert services.signatures.letters(LETTER_KIND, distribution_id)[0].signatures == []


def test_a_distribution_from_ks_is_signed_by_the_employer_not_a_giver(
    services: Services, am: Am
) -> None:
    issued = issue(services, am.ks)  # KS's own distribution, signed by its ordförande
    with pytest.raises(RuleViolationError, match="inte under av den parten"):
        services.signatures.record_paper(issued, SignatureParty.GIVER, "Olle", GIVEN)
    services.signatures.record_paper(issued, SignatureParty.EMPLOYER, "Olle Ordförande", GIVEN)


def test_a_correction_is_a_new_record_naming_the_old_one(services: Services, am: Am) -> None:
    distribution_id = unsigned_distribution(services, am)
    issued = issue(services, distribution_id)
    signatures = services.signatures
    wrong = signatures.record_paper(issued, SignatureParty.GIVER, "Ulla", date(2026, 3, 20))
    right = signatures.record_paper(
        issued, SignatureParty.GIVER, "Ulla", date(2026, 3, 2), note="Fel datum", corrects_id=wrong
    )
    signatures.record_paper(issued, SignatureParty.RECEIVER, "Greta", date(2026, 3, 4))
    (letter,) = signatures.letters(LETTER_KIND, distribution_id)
    assert [s.id for s in letter.signatures] == [wrong, right, letter.signatures[2].id]
    assert letter.signed_on == date(2026, 3, 4)
    with pytest.raises(RuleViolationError, match="redan rättad"):
        signatures.record_paper(issued, SignatureParty.GIVER, "Ulla", GIVEN, corrects_id=wrong)


def test_the_database_refuses_to_change_or_remove_a_record(services: Services, am: Am) -> None:
    distribution_id = unsigned_distribution(services, am)
    issued = issue(services, distribution_id)
    services.signatures.record_paper(issued, SignatureParty.GIVER, "Ulla", GIVEN)
    for statement in (
        "UPDATE signature_record SET signed_on = '2026-01-01'",
        "DELETE FROM signature_record",
        "UPDATE issued_document SET file = x'00'",
        "DELETE FROM issued_document",
    ):
        with (
            pytest.raises(IntegrityError, match="is a record"),
            services.database.transaction() as session,
        ):
            session.execute(text(statement))
    (letter,) = services.signatures.letters(LETTER_KIND, distribution_id)
    assert len(letter.signatures) == 1 and services.signatures.issued_file(issued) == LETTER


def test_issuing_the_same_letter_again_keeps_one_and_another_letter_cannot_take_its_id(
    services: Services, am: Am
) -> None:
    distribution_id = unsigned_distribution(services, am)
    first = issue(services, distribution_id)
    assert issue(services, distribution_id) == first
    with pytest.raises(RuleViolationError, match="används redan"):
        issue(services, distribution_id, LETTER + b"% changed\n")
    with pytest.raises(RuleViolationError, match="ingen PDF"):
        issue(services, distribution_id, b"<html>")


def test_a_correction_of_the_day_moves_the_day_the_distribution_was_signed(
    services: Services, am: Am
) -> None:
    distribution_id = unsigned_distribution(services, am)
    issued = issue(services, distribution_id)
    signatures = services.signatures
    signatures.record_paper(issued, SignatureParty.GIVER, "Ulla", date(2026, 3, 2))
    receiver = signatures.record_paper(issued, SignatureParty.RECEIVER, "Greta", date(2026, 3, 4))
    assert signed_on(services, distribution_id) == date(2026, 3, 4)
    signatures.record_paper(
        issued, SignatureParty.RECEIVER, "Greta", date(2026, 3, 3), corrects_id=receiver
    )
    assert signed_on(services, distribution_id) == date(2026, 3, 3)
    first = signatures.letters(LETTER_KIND, distribution_id)[0].signatures[0]
    with pytest.raises(RuleViolationError, match="utan en parts underskrift"):
        signatures.record_paper(
            issued, SignatureParty.RECEIVER, "Ulla", date(2026, 3, 2), corrects_id=first.id
        )


def test_once_someone_has_signed_the_distribution_is_frozen_and_a_changed_one_is_issued_anew(
    services: Services, am: Am
) -> None:
    distributions, signatures = services.distributions, services.signatures
    distribution_id = unsigned_distribution(services, am)
    issued = issue(services, distribution_id)
    with pytest.raises(RuleViolationError, match="tas inte bort"):
        distributions.delete_draft(distribution_id)
    # Changed before anyone signed: the letter no longer says what the distribution says.
    distributions.set_confirmation(distribution_id, am.task("SKYDD")[0], (True, True, True, False))
    (letter,) = signatures.letters(LETTER_KIND, distribution_id)
    assert not letter.current
    with pytest.raises(RuleViolationError, match="ändrats sedan brevet utfärdades"):
        signatures.record_paper(issued, SignatureParty.GIVER, "Ulla", GIVEN)
    distributions.set_confirmation(distribution_id, am.task("SKYDD")[0], (True, True, True, True))
    again = services.signatures.issue(
        LETTER_KIND, distribution_id, LETTER + b"% again\n", "uuid:5f1c-again"
    ).id
    with pytest.raises(RuleViolationError, match="nyare brev"):
        signatures.record_paper(issued, SignatureParty.GIVER, "Ulla", GIVEN)
    signatures.record_paper(again, SignatureParty.GIVER, "Ulla", GIVEN)
    with pytest.raises(RuleViolationError, match="redan skrivits under"):
        distributions.set_confirmation(distribution_id, am.task("SKYDD")[0], ALL_CONFIRMED)


def test_a_letter_is_not_issued_for_a_distribution_the_signatures_could_not_sign(
    services: Services, am: Am
) -> None:
    """AM-7: without what applies during absence, signing would be refused after the first
    party had signed, when the distribution can no longer be put right."""
    distribution_id = services.distributions.create(
        draft(
            am.group_manager,
            am.line.unit_manager_post,
            [am.grp],
            am.task("SKYDD"),
            texts=False,
        )
    )
    with pytest.raises(RuleViolationError, match="frånvaro"):
        issue(services, distribution_id)
    assert services.signatures.letters(LETTER_KIND, distribution_id) == []


def test_who_has_not_signed_yet_is_told_by_the_service_in_the_order_they_sign(
    services: Services, am: Am
) -> None:
    """The window and the command line ask the service whom a letter still waits for."""
    signatures = services.signatures
    distribution_id = unsigned_distribution(services, am)
    issued = issue(services, distribution_id)
    (letter,) = signatures.letters(LETTER_KIND, distribution_id)
    assert letter.parties == (SignatureParty.GIVER, SignatureParty.RECEIVER)
    assert letter.unsigned == (SignatureParty.GIVER, SignatureParty.RECEIVER)
    signatures.record_paper(issued, SignatureParty.GIVER, "Ulla Enhetschef", GIVEN)
    (letter,) = signatures.letters(LETTER_KIND, distribution_id)
    assert letter.unsigned == (SignatureParty.RECEIVER,)
    assert signatures.unsigned_parties(issued) == (SignatureParty.RECEIVER,)
    signatures.record_paper(issued, SignatureParty.RECEIVER, "Greta Gruppsson", GIVEN)
    assert signatures.unsigned_parties(issued) == ()
    # KS's own distribution is signed by its ordförande for the employer, not by a giver.
    ks = services.signatures.issue(LETTER_KIND, am.ks, LETTER, "uuid:ks-test")
    assert signatures.unsigned_parties(ks.id) == (SignatureParty.EMPLOYER, SignatureParty.RECEIVER)


def test_a_return_counts_on_the_receivers_signature_and_still_waits_for_the_giver(
    services: Services, am: Am
) -> None:
    """AM-4: the one who returns signs first and the return is in force on that; the giver
    may still sign that it arrived, so the letter still waits for them."""
    distribution_id = to_group_manager(services, am)
    return_id = services.distributions.return_tasks(
        distribution_id, am.task("BRAND"), LATER, COMPETENCE_TIME, "Saknar utbildning."
    )
    kind, signatures = DocumentKind.RETURN_LETTER, services.signatures
    issued = signatures.issue(kind, return_id, LETTER, "uuid:return-test").id
    assert signatures.unsigned_parties(issued) == (SignatureParty.RECEIVER, SignatureParty.GIVER)
    signatures.record_paper(issued, SignatureParty.RECEIVER, "Greta Gruppsson", LATER)
    (letter,) = signatures.letters(kind, return_id)
    assert letter.signed_on == LATER
    assert letter.unsigned == (SignatureParty.GIVER,)
    signatures.record_paper(issued, SignatureParty.GIVER, "Ulla Enhetschef", LATER)
    assert signatures.unsigned_parties(issued) == ()


def test_a_corrected_signature_no_longer_counts_for_its_party(services: Services, am: Am) -> None:
    """A paper record put on the wrong party is corrected by one on the right party: the
    first party is then waited for again."""
    distribution_id = unsigned_distribution(services, am)
    issued = issue(services, distribution_id)
    signatures = services.signatures
    wrong = signatures.record_paper(issued, SignatureParty.GIVER, "Greta Gruppsson", GIVEN)
    signatures.record_paper(
        issued,
        SignatureParty.RECEIVER,
        "Greta Gruppsson",
        GIVEN,
        note="Fel part",
        corrects_id=wrong,
    )
    assert signatures.unsigned_parties(issued) == (SignatureParty.GIVER,)


def test_a_party_who_signed_on_paper_cannot_sign_on_paper_again_only_be_corrected(
    services: Services, am: Am
) -> None:
    distribution_id = unsigned_distribution(services, am)
    issued = issue(services, distribution_id)
    signatures = services.signatures
    first = signatures.record_paper(issued, SignatureParty.GIVER, "Ulla", date(2026, 3, 2))
    with pytest.raises(RuleViolationError, match="redan skrivit under brevet"):
        signatures.record_paper(issued, SignatureParty.GIVER, "Ulla", date(2026, 3, 3))
    (letter,) = signatures.letters(LETTER_KIND, distribution_id)
    assert [s.id for s in letter.signatures] == [first]
    signatures.record_paper(
        issued, SignatureParty.GIVER, "Ulla", date(2026, 3, 3), note="Fel dag", corrects_id=first
    )
