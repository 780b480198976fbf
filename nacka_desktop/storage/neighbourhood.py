"""The part of the organisation that questions about a few units and persons need, read with
a handful of indexed queries instead of the whole organisation.

Who leads a unit, whose chief is whom and which roles fit a unit are answered from the unit's
own appointments and the line of units above it (with their appointments): that is all a
neighbourhood holds, so the answers are the same as from the whole snapshot.
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.orm import Session

from nacka_desktop.domain.records import OrgSnapshot

from .models import Appointment, Person, Unit
from .repositories import appointment_record, person_record, unit_record


def load_neighbourhood(
    session: Session, unit_ids: Collection[int] = (), person_ids: Collection[int] = ()
) -> OrgSnapshot:
    """The units and every unit above them, everyone appointed in any of those, and the
    persons with all their appointments (whose units, and the lines above those, too)."""
    session.flush()
    connection = session.connection()
    own = connection.execute(
        select(Appointment.__table__).where(Appointment.person_id.in_(list(person_ids)))
    ).all()
    line = _units_and_above(session, {*unit_ids, *(a.unit_id for a in own)})
    units = connection.execute(select(Unit.__table__).where(Unit.id.in_(line))).all()
    appointments = {a.id: a for a in own}
    for row in connection.execute(
        select(Appointment.__table__).where(Appointment.unit_id.in_(line))
    ):
        appointments[row.id] = row
    wanted = {a.person_id for a in appointments.values()} | set(person_ids)
    persons = connection.execute(select(Person.__table__).where(Person.id.in_(wanted))).all()
    return OrgSnapshot(
        units={u.id: unit_record(u) for u in units},
        persons={p.id: person_record(p) for p in persons},
        appointments={
            a.id: appointment_record(a) for a in sorted(appointments.values(), key=lambda a: a.id)
        },
    )


def _units_and_above(session: Session, unit_ids: set[int]) -> list[int]:
    if not unit_ids:
        return []
    line = select(Unit.id, Unit.parent_id).where(Unit.id.in_(unit_ids)).cte("line", recursive=True)
    # UNION (not UNION ALL) so a cycle in a damaged database ends instead of looping forever.
    line = line.union(select(Unit.id, Unit.parent_id).where(Unit.id == line.c.parent_id))
    return list(session.scalars(select(line.c.id)))
