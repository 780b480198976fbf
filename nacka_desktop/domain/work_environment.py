"""Work-environment task distribution (fördelning av arbetsmiljöuppgifter), DOMAIN.md §3.

The employer (KS) holds every task; it flows down through distributions. A distribution is in
force once it is signed in writing (AM-2) and communicated orally (AM-3), from its start date
until it ends, lapses (the giver's or receiver's appointment or a covered unit ends) or every
task in it is returned (AM-4). Who holds a task is never typed: it is derived by following
the distributions in force from KS down (`task_chain`).
"""

from __future__ import annotations

import copy
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from .records import AppointmentRecord, OrgSnapshot

FOLLOW_UP_MONTHS = 12  # AM-8: at least once a year


class DistributionState(StrEnum):
    DRAFT = "draft"
    SIGNED = "signed"  # signed in writing, not yet communicated orally or not yet started
    IN_FORCE = "in_force"
    RETURNED = "returned"
    LAPSED = "lapsed"
    ENDED = "ended"

    @property
    def label_sv(self) -> str:
        return _STATE_SV[self]

    @property
    def label_en(self) -> str:
        return _STATE_EN[self]


_STATE_SV = {
    DistributionState.DRAFT: "Utkast",
    DistributionState.SIGNED: "Undertecknad, ej i kraft",
    DistributionState.IN_FORCE: "Gäller",
    DistributionState.RETURNED: "Återförd",
    DistributionState.LAPSED: "Upphört (förordnande eller enhet avslutad)",
    DistributionState.ENDED: "Avslutad",
}
_STATE_EN = {
    DistributionState.DRAFT: "Draft",
    DistributionState.SIGNED: "Signed, not yet in force",
    DistributionState.IN_FORCE: "In force",
    DistributionState.RETURNED: "Returned",
    DistributionState.LAPSED: "Lapsed (appointment or unit ended)",
    DistributionState.ENDED: "Ended",
}


class ReturnReason(StrEnum):
    """AM-6: what the receiver lacks (a reason to return a task, AM-4)."""

    KNOWLEDGE = "knowledge"
    COMPETENCE = "competence"
    AUTHORITY = "authority"
    RESOURCES = "resources"
    TIME = "time"
    OTHER = "other"

    @property
    def label_sv(self) -> str:
        return {
            "knowledge": "kunskap",
            "competence": "kompetens",
            "authority": "befogenheter",
            "resources": "resurser",
            "time": "tid",
            "other": "annat",
        }[self.value]

    @property
    def label_en(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class WorkTaskRecord:
    id: int
    code: str
    name: str
    description: str = ""
    active: bool = True


@dataclass(frozen=True, slots=True)
class DistributionItemRecord:
    """One task in a distribution, with the receiver's confirmation of each AM-6 item."""

    id: int
    task_id: int
    knowledge: bool = False
    competence: bool = False
    authority: bool = False
    resources: bool = False
    returned_on: date | None = None
    return_id: int | None = None

    @property
    def fully_confirmed(self) -> bool:
        return self.knowledge and self.competence and self.authority and self.resources

    def is_returned_by(self, on: date) -> bool:
        return self.returned_on is not None and self.returned_on <= on


@dataclass(frozen=True, slots=True)
class DistributionRecord:
    id: int
    receiver_appointment_id: int
    giver_appointment_id: int | None  # None: the employer, KS, signed for by its ordförande
    unit_ids: tuple[int, ...]
    items: tuple[DistributionItemRecord, ...]
    valid_from: date
    valid_to: date | None = None
    signed_on: date | None = None
    communicated_on: date | None = None
    may_pass_on: bool = False
    absence_arrangement: str = ""
    retained_tasks: str = ""
    followed_up_on: date | None = None
    employer_signatory_id: int | None = None  # the KS ordförande's appointment, for KS

    @property
    def from_employer(self) -> bool:
        return self.giver_appointment_id is None

    @property
    def task_ids(self) -> tuple[int, ...]:
        return tuple(item.task_id for item in self.items)

    def item_for(self, task_id: int) -> DistributionItemRecord | None:
        return next((i for i in self.items if i.task_id == task_id), None)

    @property
    def starts_on(self) -> date | None:
        """The first day in force: when written, oral and start date are all there."""
        if self.signed_on is None or self.communicated_on is None:
            return None
        return max(self.valid_from, self.signed_on, self.communicated_on)


@dataclass(frozen=True, slots=True)
class TaskReturnRecord:
    id: int
    distribution_id: int
    returned_on: date
    reasons: tuple[ReturnReason, ...]
    explanation: str
    task_ids: tuple[int, ...]


@dataclass
class WorkSnapshot:
    org: OrgSnapshot
    tasks: dict[int, WorkTaskRecord] = field(default_factory=dict)
    distributions: dict[int, DistributionRecord] = field(default_factory=dict)
    returns: dict[int, TaskReturnRecord] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # A snapshot is never changed once made: index it once for the chain walks.
        self._by_giver_unit_task: dict[
            tuple[int | None, int, int], list[tuple[DistributionRecord, DistributionItemRecord]]
        ] = defaultdict(list)
        self._by_giver_task: dict[
            tuple[int | None, int], list[tuple[DistributionRecord, DistributionItemRecord, int]]
        ] = defaultdict(list)
        self._by_receiver: dict[int, list[DistributionRecord]] = defaultdict(list)
        for distribution in self.distributions.values():
            self._by_receiver[distribution.receiver_appointment_id].append(distribution)
            giver = distribution.giver_appointment_id
            # As `item_for`: a task's first item speaks for it.
            items: dict[int, DistributionItemRecord] = {}
            for item in distribution.items:
                items.setdefault(item.task_id, item)
            for unit_id in distribution.unit_ids:
                for task_id, item in items.items():
                    self._by_giver_unit_task[(giver, unit_id, task_id)].append((distribution, item))
                    self._by_giver_task[(giver, task_id)].append((distribution, item, unit_id))
        self._chains: dict[tuple[int, int, date], TaskChain] = {}
        self._states: dict[tuple[int, date], DistributionState] = {}
        self._org_inputs: OrgInputs | None = None

    def with_org(self, org: OrgSnapshot) -> WorkSnapshot:
        """The same distributions over another version of the organisation: the indexes
        (which do not depend on it) are shared, the answers worked out from it are not."""
        other = copy.copy(self)
        other.org = org
        other._chains, other._states, other._org_inputs = {}, {}, None
        return other

    def org_inputs(self) -> OrgInputs:
        """All the work-environment rules read of the organisation: every unit, and the
        appointments (with their persons) that give or receive a distribution. Where these
        are equal, the rules find the same, whatever else changed."""
        if self._org_inputs is None:
            org = self.org
            named = sorted(
                {
                    a
                    for d in self.distributions.values()
                    for a in (d.giver_appointment_id, d.receiver_appointment_id)
                    if a is not None
                }
            )
            appointments = tuple(org.appointments.get(a) for a in named)
            persons = tuple(
                org.persons.get(a.person_id) if a is not None else None for a in appointments
            )
            self._org_inputs = OrgInputs((tuple(org.units.values()), appointments, persons))
        return self._org_inputs

    def received_by(self, appointment_id: int) -> list[DistributionRecord]:
        return self._by_receiver.get(appointment_id, [])

    def state(self, distribution: DistributionRecord, on: date) -> DistributionState:
        """`state_on` for a distribution of this snapshot, worked out once per date."""
        key = (distribution.id, on)
        found = self._states.get(key)
        if found is None:
            found = self._states[key] = state_on(self.org, distribution, on)
        return found

    def given_in_force(
        self, giver: int | None, task_id: int, unit_id: int, on: date
    ) -> list[DistributionRecord]:
        """Distributions from the giver (None: the employer) in force on the date that give
        the task, not returned, for the unit or a unit above it."""
        if unit_id not in self.org.units:
            return []
        above = self.org.ancestor_ids(unit_id)
        given = self._by_giver_task.get((giver, task_id), [])
        found = []
        if len(given) <= len(above) + 1:  # few given: test each against the unit's line
            for distribution, item, named in given:
                if (named == unit_id or named in above) and self._gives(distribution, item, on):
                    found.append(distribution)
            return found
        for line_unit in (unit_id, *above):  # many given: look up each unit of the line
            for distribution, item in self._by_giver_unit_task.get((giver, line_unit, task_id), ()):
                if self._gives(distribution, item, on):
                    found.append(distribution)
        return found

    def _gives(
        self, distribution: DistributionRecord, item: DistributionItemRecord, on: date
    ) -> bool:
        return not item.is_returned_by(on) and self.state(distribution, on) is (
            DistributionState.IN_FORCE
        )


class OrgInputs:
    """A value that compares equal exactly when the records it holds are equal; its hash is
    worked out once (the records are many, and a cache key is hashed on every lookup)."""

    __slots__ = ("_hash", "records")

    def __init__(self, records: tuple[object, ...]) -> None:
        self.records = records
        self._hash = hash(records)

    def __hash__(self) -> int:
        return self._hash

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, OrgInputs)
            and self._hash == other._hash
            and self.records == other.records
        )


def lapse(org: OrgSnapshot, distribution: DistributionRecord) -> tuple[date, str] | None:
    """When and why the distribution lapses: the earliest end of the giver's or receiver's
    appointment or of a covered unit, if that comes before its own end."""
    ends: list[tuple[date, str]] = []
    for label, appointment_id in (
        ("mottagarens förordnande", distribution.receiver_appointment_id),
        ("givarens förordnande", distribution.giver_appointment_id),
    ):
        appointment = org.appointments.get(appointment_id) if appointment_id else None
        if appointment is not None and appointment.valid_to is not None:
            ends.append((appointment.valid_to, label))
    for unit_id in distribution.unit_ids:
        unit = org.units.get(unit_id)
        if unit is not None and unit.valid_to is not None:
            ends.append((unit.valid_to, f"enheten {unit.name}"))
    if not ends:
        return None
    first = min(ends)
    if distribution.valid_to is not None and distribution.valid_to <= first[0]:
        return None
    return first


def state_on(org: OrgSnapshot, distribution: DistributionRecord, on: date) -> DistributionState:
    if distribution.signed_on is None or on < distribution.signed_on:
        return DistributionState.DRAFT  # (as it was on that date, before it was signed)
    if distribution.items and all(item.is_returned_by(on) for item in distribution.items):
        return DistributionState.RETURNED
    # Ended wins over lapsed: a lapsed distribution that its giver then ends (to acknowledge
    # the lapse) is ended from that day, and no longer asks for a new distribution.
    if distribution.valid_to is not None and on >= distribution.valid_to:
        return DistributionState.ENDED
    lapsed = lapse(org, distribution)
    if lapsed is not None and on >= lapsed[0]:
        return DistributionState.LAPSED
    starts = distribution.starts_on
    if starts is None or on < starts:
        return DistributionState.SIGNED
    return DistributionState.IN_FORCE


def item_in_force(
    org: OrgSnapshot, distribution: DistributionRecord, task_id: int, on: date
) -> bool:
    item = distribution.item_for(task_id)
    return (
        item is not None
        and not item.is_returned_by(on)
        and state_on(org, distribution, on) is DistributionState.IN_FORCE
    )


def covers(org: OrgSnapshot, distribution: DistributionRecord, unit_id: int) -> bool:
    """The distribution covers the unit itself or a unit above it."""
    if unit_id not in org.units:
        return False
    above = org.ancestor_ids(unit_id)
    return any(covered == unit_id or covered in above for covered in distribution.unit_ids)


@dataclass(frozen=True, slots=True)
class TaskChain:
    """How a task reached whoever holds it in a unit: KS first, the holder last."""

    task_id: int
    unit_id: int
    links: tuple[DistributionRecord, ...]

    @property
    def holder_appointment_id(self) -> int | None:
        """None: nobody below KS holds it; the employer (KS) itself does."""
        return self.links[-1].receiver_appointment_id if self.links else None


def task_chain(work: WorkSnapshot, task_id: int, unit_id: int, on: date) -> TaskChain:
    """Follow the distributions in force from KS down, for the task in the unit."""
    key = (task_id, unit_id, on)
    chain = work._chains.get(key)
    if chain is None:
        chain = work._chains[key] = _walk_chain(work, task_id, unit_id, on)
    return chain


def _walk_chain(work: WorkSnapshot, task_id: int, unit_id: int, on: date) -> TaskChain:
    links: list[DistributionRecord] = []
    giver: int | None = None  # None: the employer
    seen: set[int] = set()
    while True:
        candidates = [
            d for d in work.given_in_force(giver, task_id, unit_id, on) if d.id not in seen
        ]
        if not candidates:
            return TaskChain(task_id, unit_id, tuple(links))
        # Two at once would break AM-7 (reported by the checks); follow the earliest.
        chosen = min(candidates, key=lambda d: (d.starts_on or date.min, d.id))
        seen.add(chosen.id)
        links.append(chosen)
        giver = chosen.receiver_appointment_id


def held_tasks(
    work: WorkSnapshot, appointment_id: int, on: date
) -> list[tuple[int, int, TaskChain]]:
    """(task, unit, chain) for every task the appointment holds on the date, per covered unit."""
    result = []
    for distribution in work.received_by(appointment_id):
        for item in distribution.items:
            if not item_in_force(work.org, distribution, item.task_id, on):
                continue
            for unit_id in distribution.unit_ids:
                chain = task_chain(work, item.task_id, unit_id, on)
                if chain.holder_appointment_id == appointment_id:
                    result.append((item.task_id, unit_id, chain))
    return result


def follow_up_due(distribution: DistributionRecord) -> date | None:
    """AM-8: a year after the last follow-up, or after the distribution came into force."""
    base = distribution.followed_up_on or distribution.starts_on
    if base is None:
        return None
    return add_months(base, FOLLOW_UP_MONTHS)


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate_day in (day.day, 30, 29, 28):
        try:
            return date(year, month, candidate_day)
        except ValueError:
            continue
    raise ValueError(day)


def appointment_label(org: OrgSnapshot, appointment: AppointmentRecord | None) -> str:
    if appointment is None:
        return "Kommunstyrelsen (arbetsgivaren)"
    acting = "t.f. " if appointment.acting else ""
    return (
        f"{org.person_label(appointment.person_id)}, {acting}{appointment.role.label_sv.lower()}"
        f", {org.units[appointment.unit_id].name if appointment.unit_id in org.units else '?'}"
    )
