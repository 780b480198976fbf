"""Read-only questions about work-environment tasks: who holds what, through which chain,
and the views a screen, a letter or a register shows."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from nacka_desktop.domain.enums import Role
from nacka_desktop.domain.labels import title_label
from nacka_desktop.domain.language import Language
from nacka_desktop.domain.records import OrgSnapshot, swedish_sort_key
from nacka_desktop.domain.signatures import DocumentKind, SignatureRecord
from nacka_desktop.domain.work_environment import (
    DistributionItemRecord,
    DistributionRecord,
    DistributionState,
    TaskChain,
    TaskReturnRecord,
    WorkSnapshot,
    WorkTaskRecord,
    follow_up_due,
    full_lapse,
    held_tasks,
    item_in_force,
    reported_state,
    state_on,
    task_chain,
)
from nacka_desktop.services.checking import ViolationCache
from nacka_desktop.services.editing import Clock, NotFoundError
from nacka_desktop.services.org.queries import AppointmentView, appointment_view
from nacka_desktop.storage.database import Database
from nacka_desktop.storage.models import TaskReturn
from nacka_desktop.storage.neighbourhood import load_work_neighbourhood
from nacka_desktop.storage.repositories.signatures import signatures_by_object

EMPLOYER_NAME = "Kommunstyrelsen"


@dataclass(frozen=True)
class ItemView:
    task: WorkTaskRecord
    item: DistributionItemRecord


@dataclass(frozen=True)
class DistributionView:
    record: DistributionRecord
    state: DistributionState
    giver: AppointmentView | None  # None: the employer (KS)
    signatory: AppointmentView | None  # for KS: its ordförande
    receiver: AppointmentView
    units: list[tuple[int, str, str]]  # id, name, code
    items: list[ItemView]
    follow_up_due: date | None
    lapse: tuple[date, str] | None
    returns: list[TaskReturnRecord]

    @property
    def id(self) -> int:
        return self.record.id

    @property
    def giver_name(self) -> str:
        return self.giver.person_name if self.giver else EMPLOYER_NAME

    @property
    def giver_role(self) -> str:
        if self.giver is not None:
            return self.giver.role_label
        if self.signatory is not None:
            return f"arbetsgivaren, genom {self.signatory.person_name} (ordförande)"
        return "arbetsgivaren"

    @property
    def unit_names(self) -> str:
        return ", ".join(name for _id, name, _code in self.units)


@dataclass(frozen=True)
class ChainParty:
    """Who gives or receives in one link: the person, with their own title (as typed) or,
    without one, their role."""

    name: str
    title: str
    role: Role

    def label(self, language: Language) -> str:
        title = title_label(self.title, language) or self.role.label(language).lower()
        return f"{self.name} ({title})"


@dataclass(frozen=True)
class ChainStep:
    """One link of a task's way down: who gave it to whom, by which distribution."""

    distribution_id: int
    giver: ChainParty | None  # None: the employer
    receiver: ChainParty | None

    def giver_name(self, language: Language) -> str:
        return self.giver.label(language) if self.giver else EMPLOYER_NAME

    def receiver_name(self, language: Language) -> str:
        return self.receiver.label(language) if self.receiver else EMPLOYER_NAME


@dataclass(frozen=True)
class HeldTask:
    task: WorkTaskRecord
    unit_id: int
    unit_name: str
    holder: AppointmentView | None  # None: KS itself
    chain: list[ChainStep]


@dataclass(frozen=True)
class ReturnView:
    record: TaskReturnRecord
    distribution: DistributionView
    tasks: list[WorkTaskRecord]


@dataclass(frozen=True)
class Holding:
    """Who holds one task in one unit on a date, and the way it came down to them."""

    person_name: str
    role_label: str
    unit_name: str
    unit_code: str
    task_name: str
    distribution_id: int  # the distribution that gave it to them
    chain: tuple[str, ...]  # the names from the employer down: ("Kommunstyrelsen", …, holder)


@dataclass(frozen=True)
class DistributionRegisterView:
    """The register of distributions on a date: every distribution, and who holds what."""

    on: date
    distributions: tuple[DistributionView, ...]  # by id
    holdings: tuple[Holding, ...]  # by person, role, unit and task (Swedish order)
    # The signatures on each distribution's issued letters, by distribution (issue 13).
    signatures: dict[int, list[SignatureRecord]] = field(default_factory=dict)
    # The signatures on each return's issued letters, by return.
    return_signatures: dict[int, list[SignatureRecord]] = field(default_factory=dict)


class WorkQueries:
    def __init__(
        self, database: Database, clock: Clock, cache: ViolationCache | None = None
    ) -> None:
        self._database = database
        self._clock = clock
        self._cache = cache if cache is not None else ViolationCache()

    def snapshot(self, on: date | None = None) -> WorkSnapshot:
        """The organisation and its distributions, as of the last change to the database,
        the tree as on the date (default today)."""
        with self._database.reader() as session:
            return self._cache.dataset(session, on or self._clock()).work

    def around(
        self,
        on: date,
        unit_ids: Collection[int] = (),
        person_ids: Collection[int] = (),
        distribution_ids: Collection[int] = (),
    ) -> WorkSnapshot:
        """Enough to answer who holds which task, through which chain, and which
        distributions concern the units, persons and distributions: the whole snapshot when
        it is in memory already, else only their neighbourhood (a few indexed queries)."""
        with self._database.reader() as session:
            return self._around(session, on, unit_ids, person_ids, distribution_ids)

    def _around(
        self,
        session: Session,
        on: date,
        unit_ids: Collection[int] = (),
        person_ids: Collection[int] = (),
        distribution_ids: Collection[int] = (),
    ) -> WorkSnapshot:
        loaded = self._cache.loaded(session, on)
        if loaded is not None:
            return loaded.work
        return load_work_neighbourhood(session, on, unit_ids, person_ids, distribution_ids)

    def distribution(self, distribution_id: int, on: date) -> DistributionView:
        work = self.around(on, distribution_ids=[distribution_id])
        record = work.distributions.get(distribution_id)
        if record is None:
            raise NotFoundError("Fördelningen", distribution_id)
        return distribution_view(work, record, on)

    def distributions(self, on: date) -> list[DistributionView]:
        work = self.snapshot(on)
        return [distribution_view(work, d, on) for d in sorted_distributions(work)]

    def distributions_of_person(
        self, person_id: int, on: date
    ) -> tuple[list[DistributionView], list[DistributionView]]:
        """(given, received) by any of the person's appointments."""
        work = self.around(on, person_ids=[person_id])
        # Through the snapshot's indexes: the whole of it may be loaded (31,000 at Stockholm).
        own = [a.id for a in work.org.appointments_of(person_id)]
        given = _by_id(d for a in own for d in work.given_by(a))
        received = _by_id(d for a in own for d in work.received_by(a))
        return (
            [distribution_view(work, d, on) for d in given],
            [distribution_view(work, d, on) for d in received],
        )

    def distributions_in_unit(self, unit_id: int, on: date) -> list[DistributionView]:
        """Distributions that cover the unit, or are given or received in it."""
        work = self.around(on, unit_ids=[unit_id])
        in_unit = [a.id for a in work.org.appointments_in(unit_id)]
        found = _by_id(
            [
                *work.naming_unit(unit_id),
                *(d for a in in_unit for d in work.given_by(a)),
                *(d for a in in_unit for d in work.received_by(a)),
            ]
        )
        return [distribution_view(work, d, on) for d in found]

    def held_by_person(self, person_id: int, on: date) -> list[HeldTask]:
        work = self.around(on, person_ids=[person_id])
        result = []
        for appointment in work.org.appointments_of(person_id):
            for task_id, unit_id, chain in held_tasks(work, appointment.id, on):
                result.append(_held(work, task_id, unit_id, list(chain.links)))
        return sorted(result, key=lambda h: (swedish_sort_key(h.task.name), h.unit_name))

    def holders_in_unit(self, unit_id: int, on: date) -> list[HeldTask]:
        """For every active task: who holds it in the unit today, and through which chain."""
        work = self.around(on, unit_ids=[unit_id])
        return [
            _held(work, task.id, unit_id, list(task_chain(work, task.id, unit_id, on).links))
            for task in sorted(work.tasks.values(), key=lambda t: swedish_sort_key(t.name))
            if task.active
        ]

    def distribution_register(self, on: date) -> DistributionRegisterView:
        """Every distribution and who holds which task, from one snapshot (the tree as on the
        date): both sheets of the register describe the same moment."""
        with self._database.reader() as session:
            work = self._cache.dataset(session, on).work
            signatures = signatures_by_object(session, DocumentKind.DISTRIBUTION_LETTER)
            return_signatures = signatures_by_object(session, DocumentKind.RETURN_LETTER)
        return DistributionRegisterView(
            on,
            tuple(distribution_view(work, d, on) for d in sorted_distributions(work)),
            tuple(holdings(work, on)),
            signatures,
            return_signatures,
        )

    def task_return(self, return_id: int, on: date) -> ReturnView:
        """The return and its distribution as on the date, read in one session."""
        with self._database.reader() as session:
            distribution_id = session.scalar(
                select(TaskReturn.distribution_id).where(TaskReturn.id == return_id)
            )
            work = self._around(
                session, on, distribution_ids=[distribution_id] if distribution_id else []
            )
        record = work.returns.get(return_id)
        if record is None:
            raise NotFoundError("Återföringen", return_id)
        distribution = distribution_view(work, work.distributions[record.distribution_id], on)
        return ReturnView(record, distribution, [work.tasks[t] for t in record.task_ids])


def _by_id(distributions: Iterable[DistributionRecord]) -> list[DistributionRecord]:
    """Each once, in id order (as `sorted_distributions`)."""
    return sorted({d.id: d for d in distributions}.values(), key=lambda d: d.id)


def sorted_distributions(work: WorkSnapshot) -> list[DistributionRecord]:
    return sorted(work.distributions.values(), key=lambda d: d.id)


def distribution_view(work: WorkSnapshot, record: DistributionRecord, on: date) -> DistributionView:
    org = work.org
    giver = org.appointments.get(record.giver_appointment_id or 0)
    signatory = org.appointments.get(record.employer_signatory_id or 0)
    receiver = org.appointments[record.receiver_appointment_id]
    return DistributionView(
        record=record,
        state=reported_state(work, record, on),
        giver=appointment_view(org, giver) if giver else None,
        signatory=appointment_view(org, signatory) if signatory else None,
        receiver=appointment_view(org, receiver),
        units=[
            (unit_id, org.units[unit_id].name, org.units[unit_id].code)
            for unit_id in record.unit_ids
            if unit_id in org.units
        ],
        items=[ItemView(work.tasks[item.task_id], item) for item in record.items],
        follow_up_due=follow_up_due(record),
        lapse=full_lapse(work, record),
        returns=sorted(
            (r for r in work.returns.values() if r.distribution_id == record.id),
            key=lambda r: (r.returned_on, r.id),
        ),
    )


def holdings(snapshot: WorkSnapshot, on: date) -> list[Holding]:
    """One per (person, role, unit, task) held on the date, with the chain from KS down.

    The same answer as `held_tasks` for every receiver, but each (task, unit) chain is
    followed once for the whole register instead of once per appointment asked about."""
    org = snapshot.org
    in_force = [
        d
        for d in sorted_distributions(snapshot)
        if state_on(org, d, on) is DistributionState.IN_FORCE
    ]
    chains: dict[tuple[int, int], TaskChain] = {}
    holders: dict[int, AppointmentView] = {}
    found: dict[tuple[int, str, int, int], tuple[tuple[str, ...], Holding]] = {}
    for distribution in in_force:
        receiver_id = distribution.receiver_appointment_id
        for item in distribution.items:
            if not item_in_force(org, distribution, item.task_id, on):
                continue
            for unit_id in distribution.unit_ids:
                key = (item.task_id, unit_id)
                chain = chains.get(key)
                if chain is None:
                    chain = chains[key] = task_chain(snapshot, item.task_id, unit_id, on)
                if chain.holder_appointment_id != receiver_id:
                    continue
                holder = holders.get(receiver_id)
                if holder is None:
                    holder = holders[receiver_id] = appointment_view(
                        org, org.appointments[receiver_id]
                    )
                person_id = holder.appointment.person_id
                row_key = (person_id, holder.role_label, unit_id, item.task_id)
                if row_key in found:
                    continue
                unit = org.units.get(unit_id)
                unit_name = unit.name if unit else "?"
                task_name = snapshot.tasks[item.task_id].name
                names = [EMPLOYER_NAME] + [
                    org.person_label(org.appointments[link.receiver_appointment_id].person_id)
                    if link.receiver_appointment_id in org.appointments
                    else "?"
                    for link in chain.links
                ]
                found[row_key] = (
                    (
                        swedish_sort_key(holder.person_name),
                        holder.role_label,
                        swedish_sort_key(unit_name),
                        swedish_sort_key(task_name),
                    ),
                    Holding(
                        holder.person_name,
                        holder.role_label,
                        unit_name,
                        unit.code if unit else "",
                        task_name,
                        chain.links[-1].id,
                        tuple(names),
                    ),
                )
    return [holding for _key, holding in sorted(found.values(), key=lambda pair: pair[0])]


def _held(
    work: WorkSnapshot, task_id: int, unit_id: int, links: list[DistributionRecord]
) -> HeldTask:
    org = work.org
    holder = org.appointments.get(links[-1].receiver_appointment_id) if links else None
    return HeldTask(
        task=work.tasks[task_id],
        unit_id=unit_id,
        unit_name=org.units[unit_id].name if unit_id in org.units else "?",
        holder=appointment_view(org, holder) if holder else None,
        chain=[_step(org, d) for d in links],
    )


def _step(org: OrgSnapshot, distribution: DistributionRecord) -> ChainStep:
    def party(appointment_id: int | None) -> ChainParty | None:
        appointment = org.appointments.get(appointment_id or 0)
        if appointment is None:
            return None
        person = org.persons.get(appointment.person_id)
        title = person.title if person else ""
        return ChainParty(org.person_label(appointment.person_id), title, appointment.role)

    return ChainStep(
        distribution.id,
        party(distribution.giver_appointment_id),
        party(distribution.receiver_appointment_id),
    )
