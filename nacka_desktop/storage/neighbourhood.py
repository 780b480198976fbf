"""The part of the organisation that questions about a few units and persons need, read with
a handful of indexed queries instead of the whole organisation.

Who leads a unit, whose chief is whom and which roles fit a unit are answered from the unit's
own appointments and the line of units above it (with their appointments): that is all a
neighbourhood holds, so the answers are the same as from the whole snapshot.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from nacka_desktop.domain.records import OrgSnapshot
from nacka_desktop.domain.unit_history import as_of
from nacka_desktop.domain.work_environment import WorkSnapshot
from nacka_desktop.storage.models import (
    Appointment,
    Person,
    TaskDistribution,
    TaskDistributionUnit,
    Unit,
    UnitHistory,
)
from nacka_desktop.storage.repositories.org import appointment_record, person_record, unit_record
from nacka_desktop.storage.repositories.work import load_work_snapshot
from nacka_desktop.storage.unit_history import histories, in_force_on


def load_neighbourhood(
    session: Session,
    on: date,
    unit_ids: Collection[int] = (),
    person_ids: Collection[int] = (),
    appointment_ids: Collection[int] = (),
) -> OrgSnapshot:
    """The units and every unit above them in the tree of the date (with their place, kind,
    name and code then), everyone appointed in any of those, the persons with all their
    appointments, and the appointments named (with their units' lines)."""
    session.flush()
    connection = session.connection()
    table = Appointment.__table__
    own = connection.execute(
        select(table).where(
            or_(
                Appointment.person_id.in_(list(person_ids)),
                Appointment.id.in_(list(appointment_ids)),
            )
        )
    ).all()
    line = _units_and_above(session, {*unit_ids, *(a.unit_id for a in own)}, on)
    units = connection.execute(select(Unit.__table__).where(Unit.id.in_(line))).all()
    appointments = {a.id: a for a in own}
    for row in connection.execute(select(table).where(Appointment.unit_id.in_(line))):
        appointments[row.id] = row
    wanted = {a.person_id for a in appointments.values()} | set(person_ids)
    persons = connection.execute(select(Person.__table__).where(Person.id.in_(wanted))).all()
    periods = histories(session, line)
    return OrgSnapshot(
        units={u.id: as_of(unit_record(u), periods.get(u.id), on) for u in units},
        persons={p.id: person_record(p) for p in persons},
        appointments={
            a.id: appointment_record(a) for a in sorted(appointments.values(), key=lambda a: a.id)
        },
    )


def load_work_neighbourhood(
    session: Session,
    on: date,
    unit_ids: Collection[int] = (),
    person_ids: Collection[int] = (),
    distribution_ids: Collection[int] = (),
) -> WorkSnapshot:
    """What the Arbetsmiljö view asks about some units and persons: the distributions that
    cover the units, are given or received in them or by the persons, and those that cover
    any unit those distributions cover (the chains through which their tasks are held), with
    every giver, receiver and unit they name."""
    org = load_neighbourhood(session, on, unit_ids, person_ids)
    connection = session.connection()
    near = {a.id for u in unit_ids for a in org.appointments_in(u)}
    near |= {a.id for p in person_ids for a in org.appointments_of(p)}
    direct = set(distribution_ids) | set(
        connection.scalars(
            select(TaskDistribution.id).where(
                or_(
                    TaskDistribution.giver_appointment_id.in_(near),
                    TaskDistribution.receiver_appointment_id.in_(near),
                )
            )
        )
    )
    covered = set(unit_ids) | set(
        connection.scalars(
            select(TaskDistributionUnit.unit_id).where(
                TaskDistributionUnit.distribution_id.in_(direct)
            )
        )
    )
    lines = _units_and_above(session, covered, on)
    chained = set(
        connection.scalars(
            select(TaskDistributionUnit.distribution_id).where(
                TaskDistributionUnit.unit_id.in_(lines)
            )
        )
    )
    wanted = direct | chained
    named = connection.execute(
        select(
            TaskDistribution.giver_appointment_id,
            TaskDistribution.receiver_appointment_id,
            TaskDistribution.employer_signatory_id,
        ).where(TaskDistribution.id.in_(wanted))
    ).all()
    people = {a for row in named for a in row if a is not None}
    units = set(
        connection.scalars(
            select(TaskDistributionUnit.unit_id).where(
                TaskDistributionUnit.distribution_id.in_(wanted)
            )
        )
    )
    org = load_neighbourhood(session, on, {*unit_ids, *units}, person_ids, {*people, *near})
    return load_work_snapshot(session, org, wanted)


def _units_and_above(session: Session, unit_ids: set[int], on: date) -> list[int]:
    if not unit_ids:
        return []
    history = UnitHistory
    line = (
        select(history.unit_id, history.parent_id)
        .where(history.unit_id.in_(unit_ids), in_force_on(on))
        .cte("line", recursive=True)
    )
    # UNION (not UNION ALL) so a cycle in a damaged database ends instead of looping forever.
    line = line.union(
        select(history.unit_id, history.parent_id).where(
            history.unit_id == line.c.parent_id, in_force_on(on)
        )
    )
    return list(session.scalars(select(line.c.unit_id)))
