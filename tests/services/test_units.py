"""Unit edits: create, rename, move, close, reopen, delete; a refused edit changes nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from nacka_desktop.domain.enums import Role, UnitKind
from nacka_desktop.services.context import Services
from nacka_desktop.services.editing import NotFoundError
from nacka_desktop.services.org.units import UnitDraft, draft_of
from tests.conftest import TODAY

from .builders import Line, add_person, appoint, assert_refused, build_line, last_audit, rows

CLOSE = date(2026, 12, 31)


@pytest.fixture
def line(services: Services) -> Line:
    return build_line(services)


def add_group(services: Services, parent: int, code: str = "GR1", **fields: Any) -> int:
    draft = UnitDraft(code, f"Grupp {code}", UnitKind.GROUP, parent, **fields)
    return services.units.create(draft).id


# --- create -------------------------------------------------------------------------------------


def test_create_stores_the_unit_and_audits_it(services: Services, line: Line) -> None:
    record = services.units.create(
        UnitDraft("MYN", "Myndighetsenheten", UnitKind.AUTHORITY_UNIT, line.per)
    )
    assert services.queries.unit(record.id) == record
    assert record.kind is UnitKind.AUTHORITY_UNIT
    entry = last_audit(services)
    assert (entry.action, entry.object_kind, entry.object_id) == ("unit.create", "unit", record.id)
    assert entry.details["code"] == "MYN"
    assert entry.details["kind"] == "authority_unit"


def test_create_with_a_code_in_use_is_refused(
    services: Services, line: Line, db_path: Path
) -> None:
    draft = UnitDraft("lon", "Lönecentrum", UnitKind.SUPPORT_UNIT, line.per)
    error = assert_refused(db_path, "DATA-3", lambda: services.units.create(draft))
    assert "lon" in error.violations[0].message


def test_create_without_a_name_is_refused(services: Services, line: Line, db_path: Path) -> None:
    draft = UnitDraft("NY", "  ", UnitKind.SUPPORT_UNIT, line.per)
    assert_refused(db_path, "DATA-2", lambda: services.units.create(draft))


def test_create_under_the_wrong_parent_kind_is_refused(
    services: Services, line: Line, db_path: Path
) -> None:
    draft = UnitDraft("NY", "Ny stödenhet", UnitKind.SUPPORT_UNIT, line.slk)
    assert_refused(db_path, "ORG-4", lambda: services.units.create(draft))


def test_create_ending_before_it_starts_is_refused(
    services: Services, line: Line, db_path: Path
) -> None:
    draft = UnitDraft(
        "NY",
        "Ny grupp",
        UnitKind.GROUP,
        line.lon,
        valid_from=date(2027, 1, 1),
        valid_to=date(2026, 1, 1),
    )
    assert_refused(db_path, "DATA-1", lambda: services.units.create(draft))


# --- rename and update --------------------------------------------------------------------------


def test_rename_returns_the_old_name_and_audits_before_and_after(
    services: Services, line: Line
) -> None:
    previous = services.units.rename(line.lon, "Lön och pension", date(2026, 1, 1))
    assert [p.name for p in previous["history"]] == ["Löneenheten"]
    assert services.queries.unit(line.lon).name == "Lön och pension"
    assert services.queries.unit(line.lon, date(2025, 12, 31)).name == "Löneenheten"
    entry = last_audit(services)
    assert entry.action == "unit.update"
    assert entry.details["before"] == {"name": "Löneenheten"}
    assert entry.details["after"] == {"name": "Lön och pension"}
    assert entry.details["from"] == "2026-01-01"
    assert [(p["from"], p["to"], p["name"]) for p in entry.details["history_after"]] == [
        (None, "2026-01-01", "Löneenheten"),
        ("2026-01-01", None, "Lön och pension"),
    ]


def test_rename_to_blank_is_refused(services: Services, line: Line, db_path: Path) -> None:
    assert_refused(db_path, "DATA-2", lambda: services.units.rename(line.lon, ""))


def test_changing_the_code_to_one_in_use_is_refused(
    services: Services, line: Line, db_path: Path
) -> None:
    assert_refused(db_path, "DATA-3", lambda: services.units.update(line.lon, code="Per"))


def test_keeping_the_own_code_is_allowed(services: Services, line: Line) -> None:
    services.units.update(line.lon, code="LON", name="Löneenheten")
    assert services.queries.unit(line.lon).code == "LON"


def test_end_date_before_the_start_date_is_refused(
    services: Services, line: Line, db_path: Path
) -> None:
    group = add_group(services, line.lon, valid_from=date(2025, 1, 1))
    assert_refused(
        db_path, "DATA-1", lambda: services.units.update(group, valid_to=date(2024, 12, 31))
    )


def test_unknown_field_is_a_programming_error(services: Services, line: Line) -> None:
    with pytest.raises(ValueError, match="colour"):
        services.units.update(line.lon, colour="blue")


def test_editing_a_missing_unit_says_it_does_not_exist(services: Services) -> None:
    with pytest.raises(NotFoundError, match="Enheten 999 finns inte"):
        services.units.rename(999, "Ny")


# --- move ---------------------------------------------------------------------------------------


def test_move_returns_the_old_parent_and_audits_it(services: Services, line: Line) -> None:
    other = services.units.create(
        UnitDraft("EKO", "Ekonomienheten", UnitKind.SUPPORT_UNIT, line.per)
    )
    group = add_group(services, line.lon)
    previous = services.units.move(group, other.id)
    assert [p.parent_id for p in previous["history"]] == [line.lon]
    assert services.queries.unit(group).parent_id == other.id
    assert services.queries.unit_path(group, TODAY) == [
        line.kf,
        line.ks,
        line.slk,
        line.per,
        other.id,
        group,
    ]
    entry = last_audit(services)
    assert entry.details["before"] == {"parent_id": line.lon}
    assert entry.details["after"] == {"parent_id": other.id}
    assert entry.details["from"] is None  # without a date: a correction of the whole history
    assert [p["parent_id"] for p in entry.details["history_after"]] == [other.id]


def test_move_that_makes_a_cycle_is_refused(services: Services, line: Line, db_path: Path) -> None:
    assert_refused(db_path, "DATA-4", lambda: services.units.move(line.per, line.lon))


def test_move_under_itself_is_refused(services: Services, line: Line, db_path: Path) -> None:
    assert_refused(db_path, "DATA-4", lambda: services.units.move(line.lon, line.lon))


def test_move_to_a_parent_of_the_wrong_kind_is_refused(
    services: Services, line: Line, db_path: Path
) -> None:
    assert_refused(db_path, "ORG-4", lambda: services.units.move(line.lon, line.ks))


def test_move_to_the_top_is_refused_for_anything_but_the_council(
    services: Services, line: Line, db_path: Path
) -> None:
    assert_refused(db_path, "ORG-4", lambda: services.units.move(line.lon, None))


# --- close and reopen ---------------------------------------------------------------------------


def test_close_ends_the_unit_the_units_below_and_their_open_appointments(
    services: Services, line: Line
) -> None:
    group = add_group(services, line.lon)
    already_closed = add_group(services, line.lon, "GR2", valid_to=date(2026, 6, 1))
    employee = appoint(services, add_person(services, "10", "Eva", "Ek"), group, Role.EMPLOYEE)
    ended = appoint(
        services,
        add_person(services, "11", "Olle", "Ör"),
        line.lon,
        Role.EMPLOYEE,
        valid_to=date(2026, 3, 1),
    )

    closed = services.units.close(line.lon, CLOSE)

    assert closed.previous_unit_ends == {line.lon: None, group: None}
    assert closed.previous_appointment_ends == {line.unit_manager_post: None, employee: None}
    for unit_id in (line.lon, group):
        assert services.queries.unit(unit_id).valid_to == CLOSE
    assert services.queries.unit(already_closed).valid_to == date(2026, 6, 1)
    assert services.queries.appointment(employee).valid_to == CLOSE
    assert services.queries.appointment(line.unit_manager_post).valid_to == CLOSE
    assert services.queries.appointment(ended).valid_to == date(2026, 3, 1)
    assert services.queries.unit(line.per).valid_to is None  # the parent is not touched
    entry = last_audit(services)
    assert entry.action == "unit.close"
    assert entry.details["end"] == "2026-12-31"
    assert entry.details["units"] == sorted([line.lon, group])


def test_closed_unit_leaves_the_tree_from_its_end_date(services: Services, line: Line) -> None:
    services.units.close(line.lon, CLOSE)
    names_before = [r.name for r in services.queries.tree_children(line.per, date(2026, 12, 30))]
    names_after = [r.name for r in services.queries.tree_children(line.per, CLOSE)]
    assert names_before == ["Löneenheten"]
    assert names_after == []


def test_reopen_restores_exactly_what_close_changed(
    services: Services, line: Line, db_path: Path
) -> None:
    group = add_group(services, line.lon, valid_to=date(2030, 1, 1))
    appoint(
        services,
        add_person(services, "10", "Eva", "Ek"),
        group,
        Role.EMPLOYEE,
        valid_to=date(2029, 1, 1),
    )

    def dates() -> list[tuple[object, ...]]:
        return rows(db_path, "SELECT id, valid_to FROM unit ORDER BY id") + rows(
            db_path, "SELECT id, valid_to FROM appointment ORDER BY id"
        )

    before = dates()
    closed = services.units.close(line.per, CLOSE)
    assert dates() != before
    services.units.reopen(closed)
    assert dates() == before
    assert last_audit(services).action == "unit.reopen"


def test_close_before_a_future_appointment_starts_is_refused(
    services: Services, line: Line, db_path: Path
) -> None:
    # Closing cannot end what has not begun: the refusal names the appointment to fix first.
    newcomer = add_person(services, "10", "Nils", "Ny")
    appoint(services, newcomer, line.lon, Role.EMPLOYEE, valid_from=date(2027, 1, 1))
    error = assert_refused(db_path, "DATA-5", lambda: services.units.close(line.lon, CLOSE))
    assert "Nils Ny" in error.message
    assert "fr.o.m. 2027-01-01" in error.message


# --- delete -------------------------------------------------------------------------------------


def test_delete_removes_an_unused_unit_and_audits_it(services: Services, line: Line) -> None:
    group = add_group(services, line.lon)
    record = services.units.delete(group)
    assert record.code == "GR1"
    with pytest.raises(NotFoundError):
        services.queries.unit(group)
    entry = last_audit(services)
    assert (entry.action, entry.object_id) == ("unit.delete", group)
    assert entry.details["name"] == "Grupp GR1"


def test_delete_of_a_unit_with_units_below_is_refused(
    services: Services, line: Line, db_path: Path
) -> None:
    error = assert_refused(db_path, "DATA-5", lambda: services.units.delete(line.per))
    assert "underliggande enheter" in error.message


def test_delete_of_a_unit_with_appointments_is_refused(
    services: Services, line: Line, db_path: Path
) -> None:
    error = assert_refused(db_path, "DATA-5", lambda: services.units.delete(line.lon))
    assert "förordnanden" in error.message


def test_created_unit_can_be_recreated_with_its_old_id_after_delete(
    services: Services, line: Line
) -> None:
    # the undo of a delete: create again with the same id
    group = add_group(services, line.lon)
    record = services.units.delete(group)
    again = services.units.create(draft_of(record), unit_id=group)
    assert again == record
