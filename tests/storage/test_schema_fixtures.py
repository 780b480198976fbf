"""Every frozen database of a released schema opens in this version with its data intact."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from nacka_desktop.domain.signatures import DocumentKind, SignatureParty
from nacka_desktop.services.context import Services
from nacka_desktop.storage.database import current_revision, head_revision

FIXTURES = sorted((Path(__file__).parents[1] / "fixtures").glob("schema_*.db"))


def test_there_is_a_fixture_for_the_current_schema() -> None:
    assert any(f.name == f"schema_{head_revision()}.db" for f in FIXTURES)


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.stem for f in FIXTURES])
def test_old_database_upgrades_with_data_intact(fixture: Path, tmp_path: Path) -> None:
    copy = tmp_path / fixture.name
    shutil.copy2(fixture, copy)
    services = Services.open(copy, clock=lambda: date(2026, 11, 26))
    try:
        assert current_revision(services.database.engine) == head_revision()
        names = {u.name for u in services.queries.snapshot().units.values()}
        assert {"Kommunfullmäktige", "Kommunstyrelsen", "Stadsledningskontoret"} <= names
        slk = next(u for u in services.queries.snapshot().units.values() if u.code == "1000")
        manager = services.queries.manager_of(slk.id, date(2026, 11, 26))
        assert manager is not None and manager.person_name == "Åsa Öberg"
        # Search reads the folded text that migration 0006 wrote for the rows it found.
        assert [h.text for h in services.queries.search("ÖBERG")] == ["Åsa Öberg"]
        assert [h.text for h in services.queries.search("stadsledning")] == [
            "Stadsledningskontoret"
        ]
        # Every unit has a history (0009): at least one period, the last as the unit is now.
        for unit in services.queries.snapshot().units.values():
            last = services.queries.history(unit.id)[-1]
            assert (last.valid_to, last.name, last.code, last.parent_id) == (
                None,
                unit.name,
                unit.code,
                unit.parent_id,
            )
        if fixture.stem < "schema_0009":  # the history starts with what the database held
            assert all(
                len(services.queries.history(u)) == 1 for u in services.queries.snapshot().units
            )
        else:  # a unit renamed from 2025-06-01 in the fixture
            area = next(u for u in services.queries.snapshot().units.values() if u.code == "2000")
            assert area.name == "Ekonomi och styrning"
            assert services.queries.unit(area.id, date(2025, 5, 31)).name == "Ekonomiavdelningen"
            assert [r.name for r in services.queries.tree_children(slk.id, date(2025, 5, 31))] == [
                "Ekonomiavdelningen"
            ]
        if fixture.stem >= "schema_0002":  # the first schema with work-environment tasks
            views = services.work.distributions(date(2026, 11, 26))
            assert [v.receiver.person_name for v in views] == ["Åsa Öberg"]
            assert len(views[0].items) == 10
            # AFS 2015:4 was replaced by AFS 2023:2 in 2025: the seeded text follows (0008).
            osa = next(t for t in services.tasks.list() if t.code == "SAM-OSA")
            assert "(AFS 2023:2)" in osa.description and "2015:4" not in osa.description
            # A distribution from before 0008 has no KS decision recorded: empty, not invented.
            assert views[0].record.employer_decision_on is None
            assert views[0].record.employer_decision_section == ""
        if fixture.stem >= "schema_0003":  # the first schema with delegation orders
            orders = services.delegation.orders()
            assert [(o.paragraph, len(o.items)) for o in orders] == [("§ 1", 1)]
        if fixture.stem >= "schema_0004":  # the first schema with vidaredelegation
            assert [sub.to.title for sub in services.delegation.subdelegations()] == [
                "Kommunjurist"
            ]
        if fixture.stem >= "schema_0005":  # the first with referrals and separate records
            [referral] = services.delegation.council_matters()
            assert (referral.matter, referral.paragraph) == ("Ny arbetsgivarpolicy", "§ 40")
            [decision] = services.delegation.decisions(date(2025, 1, 1), date(2025, 12, 31))
            assert decision.appealable and decision.recorded_separately_on is None
        elif fixture.stem >= "schema_0003":  # decisions from before DEL-11's flag
            decisions = services.delegation.decisions(date(2000, 1, 1), date(2030, 1, 1))
            assert not any(d.appealable for d in decisions)
        if fixture.stem >= "schema_0012":  # the first with issued letters and signatures
            distribution = services.work.distributions(date(2026, 11, 26))[0].record.id
            [letter] = services.signatures.letters(DocumentKind.DISTRIBUTION_LETTER, distribution)
            assert letter.issued.document_id == "uuid:00000000-0000-4000-8000-000000000012"
            [signature] = letter.signatures
            assert (signature.signer_name, signature.party) == (
                "Åsa Öberg",
                SignatureParty.RECEIVER,
            )
            attachment = services.signatures.attachment(signature.id)
            assert attachment is not None and attachment.data.startswith(b"\x89PNG")
        if fixture.name != f"schema_{head_revision()}.db":
            backup = services.database.backup_path
            assert backup is not None and backup.exists()
    finally:
        services.close()


def test_a_task_description_the_kommun_wrote_itself_is_not_rewritten(tmp_path: Path) -> None:
    """Migration 0008 updates only the seeded SAM-OSA text, never the kommun's own."""
    copy = tmp_path / "schema_0007.db"
    shutil.copy2(Path(__file__).parents[1] / "fixtures" / "schema_0007.db", copy)
    own = "Vår egen text om OSA (AFS 2015:4), beslutad av KS."
    connection = sqlite3.connect(copy)
    with connection:
        connection.execute("UPDATE work_task SET description = ? WHERE code = 'SAM-OSA'", (own,))
    connection.close()
    services = Services.open(copy, clock=lambda: date(2026, 11, 26))
    try:
        osa = next(t for t in services.tasks.list() if t.code == "SAM-OSA")
        assert osa.description == own
    finally:
        services.close()
