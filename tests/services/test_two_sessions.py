"""Two people, one database: a form filled before someone else saved the same record is
refused ("Någon annan har ändrat …"), and what the other one saved stays (issue 11: of 63
concurrent saves that reported success, 58 used to survive)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from nacka_desktop.domain.delegation.council_matters import CouncilMatter
from nacka_desktop.domain.delegation.orders import OrderStatus
from nacka_desktop.domain.rules import ObjectKind
from nacka_desktop.services.context import Services
from nacka_desktop.services.editing import ConcurrentEditError, StaleEditError
from tests.conftest import TODAY, build_sample


@pytest.fixture
def other(sample: Services, db_path: Path) -> Iterator[Services]:
    """A second copy of the app on the same file (another person's computer)."""
    opened = Services.open(db_path, clock=lambda: TODAY, create=False)
    yield opened
    opened.close()


def some_unit_id(services: Services) -> int:
    snapshot = services.queries.snapshot()
    return next(u.id for u in snapshot.units.values() if u.name == "Välfärd skola")


def test_a_unit_saved_by_someone_else_is_not_overwritten(sample: Services, other: Services):
    unit_id = some_unit_id(sample)
    loaded = sample.queries.version(ObjectKind.UNIT, unit_id)  # my form is filled

    other.units.update(unit_id, charter="Ändrat av kollegan")  # the colleague saves first

    with pytest.raises(StaleEditError) as refused:
        sample.units.update(unit_id, expected_version=loaded, charter="Min ändring")
    assert "Någon annan har ändrat enheten" in str(refused.value)
    assert "ladda om" in str(refused.value)
    assert sample.queries.unit(unit_id).charter == "Ändrat av kollegan"

    reloaded = sample.queries.version(ObjectKind.UNIT, unit_id)  # filled again: now it saves
    sample.units.update(unit_id, expected_version=reloaded, charter="Min ändring")
    assert other.queries.unit(unit_id).charter == "Min ändring"


def test_a_stale_save_is_also_a_concurrent_edit_for_callers_that_know_only_that(
    sample: Services, other: Services
):
    unit_id = some_unit_id(sample)
    loaded = sample.queries.version(ObjectKind.UNIT, unit_id)
    other.units.rename(unit_id, "Välfärd skola och förskola")
    with pytest.raises(ConcurrentEditError):
        sample.units.update(unit_id, expected_version=loaded, code="VS2")
    assert sample.queries.unit(unit_id).name == "Välfärd skola och förskola"
    assert sample.queries.unit(unit_id).code != "VS2"


def test_a_person_and_an_appointment_saved_by_someone_else_are_not_overwritten(
    sample: Services, other: Services
):
    person = next(iter(sample.queries.snapshot().persons.values()))
    loaded = sample.queries.version(ObjectKind.PERSON, person.id)
    other.persons.update(person.id, email="ny.adress@nacka.se")
    with pytest.raises(StaleEditError, match="personen"):
        sample.persons.update(person.id, expected_version=loaded, email="fel@nacka.se")
    assert sample.queries.person(person.id).email == "ny.adress@nacka.se"

    appointment = next(
        a for a in sample.queries.snapshot().appointments.values() if a.valid_to is None
    )
    loaded = sample.queries.version(ObjectKind.APPOINTMENT, appointment.id)
    other.appointments.update(appointment.id, valid_to=date(2031, 1, 1))
    with pytest.raises(StaleEditError, match="förordnandet"):
        sample.appointments.update(
            appointment.id, expected_version=loaded, valid_to=date(2030, 1, 1)
        )
    assert sample.queries.appointment(appointment.id).valid_to == date(2031, 1, 1)


def test_a_task_an_item_and_a_council_matter_compare_what_the_dialog_showed(
    services: Services, db_path: Path
):
    build_sample(services.database, TODAY)  # with its delegation orders
    sample, other = services, Services.open(db_path, clock=lambda: TODAY, create=False)
    try:
        _compare_what_the_dialog_showed(sample, other)
    finally:
        other.close()


def _compare_what_the_dialog_showed(sample: Services, other: Services) -> None:
    task = sample.tasks.list()[0]
    other.tasks.update(task.id, description="Kollegans beskrivning")
    with pytest.raises(StaleEditError, match="uppgiften"):
        sample.tasks.update(task.id, task, description="Min beskrivning")
    assert sample.tasks.list()[0].description == "Kollegans beskrivning"

    order = next(o for o in sample.delegation.orders() if o.status is OrderStatus.ADOPTED)
    draft_id, _ = sample.delegation_orders.draft_of(order.id)
    item = next(o for o in sample.delegation.orders() if o.id == draft_id).items[0]
    other.delegation_orders.update_item(item.id, replace(item, limits="Högst 1 mnkr"))
    with pytest.raises(StaleEditError, match="punkten"):
        sample.delegation_orders.update_item(
            item.id, replace(item, limits="Högst 5 mnkr"), loaded=item
        )
    saved = next(o for o in sample.delegation.orders() if o.id == draft_id).items[0]
    assert saved.limits == "Högst 1 mnkr"

    matter: CouncilMatter = sample.delegation.council_matters()[0]
    other.council_matters.update(matter.id, replace(matter, case_number="KS 2026/1"))
    with pytest.raises(StaleEditError, match="ärendet"):
        sample.council_matters.update(
            matter.id, replace(matter, case_number="KS 2026/2"), loaded=matter
        )
    assert sample.delegation.council_matters()[0].case_number == "KS 2026/1"

    board = order.board_unit_id
    shown = sample.delegation.board_settings()[board]
    other.delegation_orders.set_board_setting(board, shown.head, 30, shown.laws, shown.areas)
    with pytest.raises(StaleEditError, match="nämndens inställningar"):
        sample.delegation_orders.set_board_setting(
            board, shown.head, 14, shown.laws, shown.areas, loaded=shown
        )
    assert sample.delegation.board_settings()[board].report_within_days == 30


def test_undoing_a_form_save_after_a_colleague_saved_is_refused(sample: Services, other: Services):
    """The undo of my save would also undo the colleague's later one: refused instead."""
    unit_id = some_unit_id(sample)
    loaded = sample.queries.version(ObjectKind.UNIT, unit_id)
    previous = sample.units.update(unit_id, expected_version=loaded, charter="Min ändring")
    other.units.update(unit_id, charter="Kollegans ändring")
    with pytest.raises(StaleEditError):
        sample.units.update(unit_id, **previous)  # what Ctrl+Z runs
    assert sample.queries.unit(unit_id).charter == "Kollegans ändring"

    person = next(iter(sample.queries.snapshot().persons.values()))
    loaded = sample.queries.version(ObjectKind.PERSON, person.id)
    previous = sample.persons.update(person.id, expected_version=loaded, email="a@nacka.se")
    sample.persons.update(person.id, **previous)  # nobody else saved: the undo goes through
    assert sample.queries.person(person.id).email == person.email


def test_a_save_without_a_loaded_version_is_an_undo_and_is_not_refused(
    sample: Services, other: Services
):
    """Undo and redo put back this user's own edit; they have no form to compare."""
    unit_id = some_unit_id(sample)
    previous = sample.units.update(unit_id, charter="Först")
    other.units.update(unit_id, seats=9)
    sample.units.update(unit_id, **previous)
    assert sample.queries.unit(unit_id).charter == previous["charter"]
    assert sample.queries.unit(unit_id).seats == 9


def test_a_rename_or_move_from_a_stale_tree_is_refused(sample: Services, other: Services):
    """The tree showed the unit under one name and parent; a colleague renamed it since.
    F2 and drag-and-drop pass what the tree (or the move's confirmation) showed."""
    unit_id = some_unit_id(sample)
    shown = sample.queries.unit(unit_id, TODAY)
    other.units.rename(unit_id, "Välfärd skola och förskola", TODAY)
    with pytest.raises(StaleEditError):
        sample.units.rename(unit_id, "Skolan", TODAY, shown_name=shown.name)
    assert sample.queries.unit(unit_id, TODAY).name == "Välfärd skola och förskola"

    parent = shown.parent_id
    assert parent is not None
    with pytest.raises(StaleEditError):  # shown under a parent it no longer has on the date
        sample.units.move(unit_id, parent, TODAY, shown_parent_id=parent + 10_000)
    sample.units.move(unit_id, parent, TODAY, shown_parent_id=parent)  # as shown: goes through
