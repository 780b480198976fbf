"""Builders for service tests: a small organisation made through the services, and a raw view
of the database file to prove that a refused edit changed nothing."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from nacka_desktop.domain.enums import Role, UnitKind
from nacka_desktop.domain.rules import RuleViolationError
from nacka_desktop.services.context import Services
from nacka_desktop.services.org.people import AppointmentDraft, PersonDraft
from nacka_desktop.services.org.units import UnitDraft
from nacka_desktop.storage.models import AuditEntry

START = date(2020, 1, 1)


@dataclass(frozen=True)
class Line:
    """KF → KS → SLK → Personalområdet → Löneenheten, each post filled from 2020-01-01."""

    kf: int
    ks: int
    slk: int
    per: int
    lon: int
    city_director: int  # person ids
    director: int
    unit_manager: int
    city_director_post: int  # appointment ids
    director_post: int
    unit_manager_post: int


def build_line(services: Services) -> Line:
    units = services.units
    kf = units.create(UnitDraft("KF", "Kommunfullmäktige", UnitKind.MUNICIPAL_COUNCIL, None))
    ks = units.create(
        UnitDraft("KS", "Kommunstyrelsen", UnitKind.EXECUTIVE_BOARD, kf.id, charter="KS-regl.")
    )
    slk = units.create(
        UnitDraft("SLK", "Stadsledningskontoret", UnitKind.CITY_MANAGEMENT_OFFICE, ks.id)
    )
    per = units.create(UnitDraft("PER", "Personalområdet", UnitKind.DIRECTOR_AREA, slk.id))
    lon = units.create(UnitDraft("LON", "Löneenheten", UnitKind.SUPPORT_UNIT, per.id))
    city_director = add_person(services, "1", "Stina", "Stadsdirektör", "Stadsdirektör")
    director = add_person(services, "2", "Petra", "Persson", "Personaldirektör")
    unit_manager = add_person(services, "3", "Karin", "Åberg", "Enhetschef")
    return Line(
        kf=kf.id,
        ks=ks.id,
        slk=slk.id,
        per=per.id,
        lon=lon.id,
        city_director=city_director,
        director=director,
        unit_manager=unit_manager,
        city_director_post=appoint(services, city_director, slk.id, Role.CITY_DIRECTOR),
        director_post=appoint(services, director, per.id, Role.DIRECTOR),
        unit_manager_post=appoint(services, unit_manager, lon.id, Role.UNIT_MANAGER),
    )


def add_person(services: Services, number: str, first: str, last: str, title: str = "") -> int:
    return services.persons.create(PersonDraft(number, first, last, title)).id


def appoint(
    services: Services,
    person_id: int,
    unit_id: int,
    role: Role,
    valid_from: date | None = START,
    valid_to: date | None = None,
    acting: bool = False,
) -> int:
    draft = AppointmentDraft(person_id, unit_id, role, valid_from, valid_to, acting)
    return services.appointments.appoint(draft).id


def dump(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, read by another connection: what a user would see on disk."""
    connection = sqlite3.connect(path)
    try:
        names = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        return {
            name: connection.execute(f'SELECT * FROM "{name}" ORDER BY rowid').fetchall()
            for name in names
        }
    finally:
        connection.close()


def execute(path: Path, sql: str, *parameters: Any) -> None:
    """Change the file behind the services' back, as another program (or old data) would."""
    connection = sqlite3.connect(path)
    try:
        connection.execute(sql, parameters)
        connection.commit()
    finally:
        connection.close()


def audit_trail(services: Services) -> list[AuditEntry]:
    with services.database.reader() as session:
        return list(session.scalars(select(AuditEntry).order_by(AuditEntry.id)))


def last_audit(services: Services) -> AuditEntry:
    return audit_trail(services)[-1]


def assert_refused(path: Path, rule_id: str, edit: Callable[[], object]) -> RuleViolationError:
    """The edit raises RuleViolationError citing rule_id, and the file is exactly as before."""
    before = dump(path)
    with pytest.raises(RuleViolationError) as raised:
        edit()
    assert rule_id in [v.rule_id for v in raised.value.violations], raised.value.message
    assert all(v.is_error for v in raised.value.violations)
    assert dump(path) == before
    return raised.value


def rows(path: Path, sql: str, *parameters: Any) -> list[tuple[Any, ...]]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql, parameters).fetchall()
    finally:
        connection.close()
