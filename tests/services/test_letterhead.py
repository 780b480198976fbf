"""The organisation's letterhead: saved in the database for every user, audited, undoable."""

from __future__ import annotations

import pytest

from nacka_desktop.domain.letterhead import Letterhead
from nacka_desktop.domain.rules import RuleViolationError
from nacka_desktop.services.context import Services
from nacka_desktop.services.editing import StaleEditError
from tests.services.builders import audit_trail

# The smallest PNG there is (1×1, transparent): a logo's bytes as a user's file holds them.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


def test_without_a_saved_letterhead_the_letters_are_from_the_sample(services: Services) -> None:
    assert services.letterhead.letterhead() == Letterhead()


def test_a_saved_letterhead_is_what_every_copy_of_the_app_reads(
    services: Services, db_path
) -> None:
    chosen = Letterhead("Värmdö kommun", ("Kommunstyrelsen", "Kansliet"), PNG)
    previous = services.letterhead.set_letterhead(chosen)
    assert previous == Letterhead()
    other = Services.open(db_path, create=False)
    try:
        assert other.letterhead.letterhead() == chosen
    finally:
        other.close()
    assert audit_trail(services)[-1].action == "letterhead.update"

    services.letterhead.set_letterhead(previous)  # what undo does
    assert services.letterhead.letterhead() == Letterhead()


def test_a_name_is_required_and_a_logo_is_not_a_photograph(services: Services) -> None:
    with pytest.raises(RuleViolationError) as refused:
        services.letterhead.set_letterhead(Letterhead(" \u200b "))
    assert refused.value.violations[0].field == "municipality"
    with pytest.raises(RuleViolationError) as refused:
        services.letterhead.set_letterhead(Letterhead("Värmdö kommun", logo=b"x" * 3_000_000))
    assert refused.value.violations[0].field == "logo"
    assert services.letterhead.letterhead() == Letterhead()


def test_a_letterhead_changed_by_someone_else_meanwhile_is_not_overwritten(
    services: Services,
) -> None:
    shown = services.letterhead.letterhead()
    services.letterhead.set_letterhead(Letterhead("Region Stockholm"))
    with pytest.raises(StaleEditError, match="brevhuvudet"):
        services.letterhead.set_letterhead(Letterhead("Nacka kommun", ("SLK",)), loaded=shown)
    assert services.letterhead.letterhead().municipality == "Region Stockholm"
