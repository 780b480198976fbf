"""The sample organisation: its size, its shape, and that it keeps every rule on its date."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from nacka_desktop.domain.checks import check_organisation
from nacka_desktop.domain.enums import ProcessKind, Role, Severity, UnitKind
from nacka_desktop.domain.records import OrgSnapshot
from nacka_desktop.domain.responsibility import responsible_manager
from nacka_desktop.domain.rules import ObjectKind, Violation
from nacka_desktop.services import sample
from nacka_desktop.services.context import Services
from nacka_desktop.services.sample import SampleSummary, build_sample_organisation
from nacka_desktop.storage.database import Database, open_database
from nacka_desktop.storage.models import AuditEntry, Person, Unit
from nacka_desktop.storage.repositories import load_snapshot

TODAY = date(2026, 11, 26)
VACANT_UNIT = "Boende Ältavägen"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, SampleSummary]]:
    database = open_database(tmp_path_factory.mktemp("sample") / "sample.db")
    summary = build_sample_organisation(database, TODAY)
    yield database, summary
    database.close()


@pytest.fixture(scope="module")
def snapshot(built: tuple[Database, SampleSummary]) -> OrgSnapshot:
    with built[0].reader() as session:
        return load_snapshot(session)


def _unit_by_name(snapshot: OrgSnapshot, name: str) -> int:
    (unit_id,) = [u.id for u in snapshot.units.values() if u.name == name]
    return unit_id


def test_counts(built: tuple[Database, SampleSummary], snapshot: OrgSnapshot) -> None:
    _, summary = built
    assert summary.units >= 25
    assert summary.persons >= 200
    assert summary == SampleSummary(
        units=len(snapshot.units),
        persons=len(snapshot.persons),
        appointments=len(snapshot.appointments),
        processes=len(snapshot.processes),
    )


def test_every_unit_kind_is_present(snapshot: OrgSnapshot) -> None:
    assert {u.kind for u in snapshot.units.values()} == set(UnitKind)


def test_no_errors_and_only_the_vacancy_warning(snapshot: OrgSnapshot) -> None:
    violations = check_organisation(snapshot, on=TODAY)
    assert [v for v in violations if v.is_error] == []
    assert [(v.rule_id, v.severity) for v in violations] == [("ORG-8", Severity.WARNING)]
    (vacancy,) = violations
    assert vacancy.object_id == _unit_by_name(snapshot, VACANT_UNIT)
    assert VACANT_UNIT in vacancy.message


def test_no_vacancy_before_the_manager_left(snapshot: OrgSnapshot) -> None:
    assert check_organisation(snapshot, on=TODAY - timedelta(days=100)) == []


def test_two_acting_managers_lead_today(snapshot: OrgSnapshot) -> None:
    acting = [a for a in snapshot.appointments.values() if a.acting and a.is_valid_on(TODAY)]
    assert len(acting) == 2
    assert all(a.valid_from and a.valid_from < TODAY for a in acting)
    assert all(a.valid_to and a.valid_to > TODAY for a in acting)
    assert {(snapshot.units[a.unit_id].name, a.role) for a in acting} == {
        ("Hemtjänst Fisksätra", Role.UNIT_MANAGER),
        ("Järla skola", Role.PRINCIPAL),
    }
    for appointment in acting:
        assert responsible_manager(snapshot, appointment.unit_id, TODAY) == appointment


def test_executive_board_has_the_three_committees(snapshot: OrgSnapshot) -> None:
    (ks,) = [u for u in snapshot.units.values() if u.kind is UnitKind.EXECUTIVE_BOARD]
    assert ks.code == "KS"
    assert ks.charter.strip()
    committees = {c.code: c.name for c in snapshot.children(ks.id)}
    assert {code: committees[code] for code in ("KSAU", "KSVU", "KSSU")} == {
        "KSAU": "Kommunstyrelsens arbetsutskott",
        "KSVU": "Kommunstyrelsens verksamhetsutskott",
        "KSSU": "Kommunstyrelsens stadsutvecklingsutskott",
    }


def test_boards_have_charters_and_chairs(snapshot: OrgSnapshot) -> None:
    boards = [u for u in snapshot.units.values() if u.kind is UnitKind.BOARD]
    assert len(boards) >= 4
    assert {"Utbildningsnämnden", "Socialnämnden"} <= {b.name for b in boards}
    for board in boards:
        assert len(board.charter) > 80
        roles = [a.role for a in snapshot.appointments_in(board.id)]
        assert roles.count(Role.CHAIR) == 1
        assert roles.count(Role.VICE_CHAIR) == 1
        assert roles.count(Role.MEMBER) >= 3


def test_council_fills_its_seats(snapshot: OrgSnapshot) -> None:
    (kf,) = [u for u in snapshot.units.values() if u.kind is UnitKind.MUNICIPAL_COUNCIL]
    roles = [a.role for a in snapshot.appointments_in(kf.id) if a.is_valid_on(TODAY)]
    assert kf.seats == 61
    assert len([r for r in roles if r is not Role.SUBSTITUTE]) == 61
    assert roles.count(Role.SUBSTITUTE) >= 3


def test_city_director_owns_the_governing_processes(snapshot: OrgSnapshot) -> None:
    governing = [p for p in snapshot.processes.values() if p.kind is ProcessKind.GOVERNING]
    assert {p.name for p in governing} == {
        "Ägar- och medborgardialog",
        "Omvärldspaning och analys",
        "Mål- och resultatstyrning",
        "Uppföljning och utvärdering",
        "Strategisk förnyelse",
    }
    (director,) = [
        a
        for a in snapshot.appointments.values()
        if a.role is Role.CITY_DIRECTOR and a.is_valid_on(TODAY)
    ]
    assert snapshot.persons[director.person_id].title == "Stadsdirektör"
    assert {p.owner_person_id for p in governing} == {director.person_id}
    others = [p for p in snapshot.processes.values() if p.kind is not ProcessKind.GOVERNING]
    assert {p.kind for p in others} == {ProcessKind.MAIN, ProcessKind.SUPPORT}
    for process in others:
        assert process.owner_person_id is not None
        assert "direktör" in snapshot.persons[process.owner_person_id].title


def test_persons_look_real(snapshot: OrgSnapshot) -> None:
    persons = list(snapshot.persons.values())
    assert len({p.employee_number for p in persons}) == len(persons)
    assert len({p.email for p in persons}) == len(persons)
    for person in persons:
        assert re.fullmatch(r"[NF]\d{5}", person.employee_number)
        assert re.fullmatch(r"[a-z-]+\.[a-z-]+@nacka\.se", person.email)
        assert person.title
    names = "".join(p.first_name + p.last_name for p in persons)
    assert {"å", "ä", "ö"} <= set(names.casefold())


def test_some_appointments_have_ended(snapshot: OrgSnapshot) -> None:
    ended = [a for a in snapshot.appointments.values() if a.valid_to and a.valid_to <= TODAY]
    assert len(ended) >= 5
    assert any(a.role is Role.EMPLOYEE for a in ended)
    assert any(a.role is not Role.EMPLOYEE for a in ended)


def test_manager_of_follows_the_history(built: tuple[Database, SampleSummary]) -> None:
    queries = Services.for_database(built[0], clock=lambda: TODAY).queries
    snapshot = queries.snapshot()
    unit_id = _unit_by_name(snapshot, "Bygglovsenheten")
    (previous,) = [
        a for a in snapshot.appointments_in(unit_id) if a.role is Role.UNIT_MANAGER and a.valid_to
    ]
    assert previous.valid_to is not None
    before = queries.manager_of(unit_id, previous.valid_to - timedelta(days=1))
    after = queries.manager_of(unit_id, previous.valid_to)
    assert before is not None and after is not None
    assert before.appointment.person_id == previous.person_id
    assert after.appointment.person_id != previous.person_id

    fisksatra = _unit_by_name(snapshot, "Hemtjänst Fisksätra")
    regular = queries.manager_of(fisksatra, TODAY - timedelta(days=30))
    acting = queries.manager_of(fisksatra, TODAY)
    assert regular is not None and not regular.appointment.acting
    assert acting is not None and acting.appointment.acting
    assert acting.role_label == "t.f. enhetschef"


def test_one_audit_entry(built: tuple[Database, SampleSummary]) -> None:
    with built[0].reader() as session:
        entries = list(session.scalars(select(AuditEntry)))
    assert [e.action for e in entries] == ["sample.build"]
    assert entries[0].object_kind == ObjectKind.UNIT.value
    assert entries[0].details["units"] == built[1].units


def test_building_twice_is_refused(built: tuple[Database, SampleSummary]) -> None:
    database, summary = built
    with pytest.raises(ValueError, match="innehåller redan enheter"):
        build_sample_organisation(database, TODAY)
    with database.reader() as session:
        assert session.scalar(select(func.count()).select_from(Unit)) == summary.units


def test_a_broken_sample_is_never_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = Violation("DATA-2", Severity.ERROR, "Fel.", "Wrong.", ObjectKind.UNIT, 1)
    monkeypatch.setattr(sample, "check_organisation", lambda *_args, **_kwargs: [broken])
    database = open_database(tmp_path / "broken.db")
    with pytest.raises(RuntimeError, match="DATA-2"):
        build_sample_organisation(database, TODAY)
    with database.reader() as session:
        assert session.scalar(select(func.count()).select_from(Unit)) == 0
        assert session.scalar(select(func.count()).select_from(Person)) == 0
    database.close()


def test_deterministic(tmp_path: Path, snapshot: OrgSnapshot) -> None:
    database = open_database(tmp_path / "again.db")
    build_sample_organisation(database, TODAY)
    with database.reader() as session:
        again = load_snapshot(session)
    database.close()
    assert again.units == snapshot.units
    assert again.persons == snapshot.persons
    assert again.appointments == snapshot.appointments
    assert again.processes == snapshot.processes


@pytest.mark.parametrize("today", [date(2020, 2, 29), date(2031, 6, 15)])
def test_valid_on_any_build_date(tmp_path: Path, today: date) -> None:
    database = open_database(tmp_path / "other.db")
    build_sample_organisation(database, today)
    with database.reader() as session:
        violations = check_organisation(load_snapshot(session), on=today)
    database.close()
    assert [(v.rule_id, v.object_label) for v in violations] == [("ORG-8", f"{VACANT_UNIT} (7210)")]
