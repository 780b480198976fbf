"""A small hand-built organisation for the rule checks, and helpers to read their results.

Ids of the base organisation (no people yet):

    1  KF   Kommunfullmäktige            (61 seats)
    2  KS   Kommunstyrelsen              (charter; committees 11, 12, 13)
    3  SLK  Stadsledningskontoret
    4  PER  Personalområdet              director area
    5  LON  Löneenheten                  support unit
    6  VS   Välfärd skola                production area (school)
    7  RSK  Rösunda skola                operating area (school)
    8  VSS  Välfärd samhällsservice      production area (community service)
    9  ÄO   Äldreomsorg                  operating area (community service)
    10 HTJ  Hemtjänst                    unit (enhet) under 9
    14 UBN  Utbildningsnämnden           board (charter)

`Org().staff()` adds a leader to each (person 100 + unit id, appointment 200 + unit id, from
2020-01-01, open-ended), so that a check on ON finds nothing until a test breaks something.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from nacka_desktop.domain.enums import ProcessKind, Role, Severity, UnitKind, WelfareBranch
from nacka_desktop.domain.records import (
    AppointmentRecord,
    OrgSnapshot,
    PersonRecord,
    ProcessRecord,
    UnitRecord,
)
from nacka_desktop.domain.rules import Violation

ON = date(2026, 11, 26)

KF = 1
KS = 2
SLK = 3
PER = 4
LON = 5
VS = 6
RSK = 7
VSS = 8
AO = 9
HTJ = 10
KSAU = 11
KSVU = 12
KSSU = 13
UBN = 14


def base_units() -> dict[int, UnitRecord]:
    units = [
        UnitRecord(KF, "KF", "Kommunfullmäktige", UnitKind.MUNICIPAL_COUNCIL, None, seats=61),
        UnitRecord(
            KS, "KS", "Kommunstyrelsen", UnitKind.EXECUTIVE_BOARD, KF, charter="Reglemente KS"
        ),
        UnitRecord(KSAU, "KSAU", "Arbetsutskottet", UnitKind.COMMITTEE, KS),
        UnitRecord(KSVU, "KSVU", "Verksamhetsutskottet", UnitKind.COMMITTEE, KS),
        UnitRecord(KSSU, "KSSU", "Stadsutvecklingsutskottet", UnitKind.COMMITTEE, KS),
        UnitRecord(UBN, "UBN", "Utbildningsnämnden", UnitKind.BOARD, KF, charter="Reglemente"),
        UnitRecord(SLK, "SLK", "Stadsledningskontoret", UnitKind.CITY_MANAGEMENT_OFFICE, KS),
        UnitRecord(PER, "PER", "Personalområdet", UnitKind.DIRECTOR_AREA, SLK),
        UnitRecord(LON, "LON", "Löneenheten", UnitKind.SUPPORT_UNIT, PER),
        UnitRecord(
            VS,
            "VS",
            "Välfärd skola",
            UnitKind.PRODUCTION_AREA,
            SLK,
            welfare_branch=WelfareBranch.SCHOOL,
        ),
        UnitRecord(RSK, "RSK", "Rösunda skola", UnitKind.OPERATING_AREA, VS),
        UnitRecord(
            VSS,
            "VSS",
            "Välfärd samhällsservice",
            UnitKind.PRODUCTION_AREA,
            SLK,
            welfare_branch=WelfareBranch.COMMUNITY_SERVICE,
        ),
        UnitRecord(AO, "ÄO", "Äldreomsorg", UnitKind.OPERATING_AREA, VSS),
        UnitRecord(HTJ, "HTJ", "Hemtjänst", UnitKind.UNIT, AO),
    ]
    return {u.id: u for u in units}


class Org:
    """Builds an OrgSnapshot: the base organisation plus whatever a test adds or changes."""

    def __init__(self) -> None:
        self.units = base_units()
        self.persons: dict[int, PersonRecord] = {}
        self.appointments: dict[int, AppointmentRecord] = {}
        self.processes: dict[int, ProcessRecord] = {}

    def unit(
        self, unit_id: int, kind: UnitKind, parent_id: int | None, **fields: Any
    ) -> UnitRecord:
        fields.setdefault("code", f"U{unit_id}")
        fields.setdefault("name", f"Enhet {unit_id}")
        unit = UnitRecord(id=unit_id, kind=kind, parent_id=parent_id, **fields)
        self.units[unit_id] = unit
        return unit

    def change(self, unit_id: int, **fields: Any) -> None:
        self.units[unit_id] = replace(self.units[unit_id], **fields)

    def person(self, person_id: int, title: str = "", **fields: object) -> PersonRecord:
        person = PersonRecord(
            id=person_id,
            employee_number=str(fields.pop("employee_number", f"E{person_id}")),
            first_name=str(fields.pop("first_name", f"Förnamn{person_id}")),
            last_name=str(fields.pop("last_name", f"Efternamn{person_id}")),
            title=title,
            email=str(fields.pop("email", "")),
        )
        self.persons[person_id] = person
        return person

    def appoint(
        self,
        appointment_id: int,
        person_id: int,
        unit_id: int,
        role: Role,
        valid_from: date | None = None,
        valid_to: date | None = None,
        acting: bool = False,
    ) -> AppointmentRecord:
        if person_id not in self.persons:
            self.person(person_id)
        appointment = AppointmentRecord(
            appointment_id, person_id, unit_id, role, valid_from, valid_to, acting
        )
        self.appointments[appointment_id] = appointment
        return appointment

    def process(
        self, process_id: int, kind: ProcessKind, owner_person_id: int | None
    ) -> ProcessRecord:
        process = ProcessRecord(process_id, f"Process {process_id}", kind, owner_person_id)
        self.processes[process_id] = process
        return process

    def staff(self) -> Org:
        """Give every unit of the base organisation its leader, so nothing is vacant."""
        leaders = [
            (KF, Role.CHAIR, ""),
            (KS, Role.CHAIR, ""),
            (KSAU, Role.CHAIR, ""),
            (KSVU, Role.CHAIR, ""),
            (KSSU, Role.CHAIR, ""),
            (UBN, Role.CHAIR, ""),
            (SLK, Role.CITY_DIRECTOR, "Stadsdirektör"),
            (PER, Role.DIRECTOR, "Personaldirektör"),
            (LON, Role.UNIT_MANAGER, "Enhetschef"),
            (VS, Role.PRODUCTION_DIRECTOR, "Produktionsdirektör"),
            (RSK, Role.PRINCIPAL, "Rektor"),
            (VSS, Role.PRODUCTION_DIRECTOR, "Produktionsdirektör"),
            (AO, Role.OPERATIONS_MANAGER, "Verksamhetschef"),
            (HTJ, Role.UNIT_MANAGER, "Enhetschef"),
        ]
        for unit_id, role, title in leaders:
            self.person(100 + unit_id, title=title)
            self.appoint(200 + unit_id, 100 + unit_id, unit_id, role, date(2020, 1, 1))
        return self

    def snapshot(self) -> OrgSnapshot:
        return OrgSnapshot(
            units=dict(self.units),
            persons=dict(self.persons),
            appointments=dict(self.appointments),
            processes=dict(self.processes),
        )


def found(violations: list[Violation]) -> set[tuple[str, Severity, str, int]]:
    """(rule, severity, object kind, object id) of each violation, for exact comparisons."""
    return {(v.rule_id, v.severity, v.object_kind.value, v.object_id) for v in violations}
