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
from collections.abc import Hashable, Iterator, Mapping
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from nacka_desktop.domain.language import LabelledEnum
from nacka_desktop.domain.records import OrgSnapshot

FOLLOW_UP_MONTHS = 12  # AM-8: at least once a year


class DistributionState(LabelledEnum):
    DRAFT = "draft"
    SIGNED = "signed"  # signed in writing, not yet communicated orally or not yet started
    IN_FORCE = "in_force"
    RETURNED = "returned"
    LAPSED = "lapsed"
    ENDED = "ended"


class ReturnReason(LabelledEnum):
    """AM-6: what the receiver lacks (a reason to return a task, AM-4)."""

    KNOWLEDGE = "knowledge"
    COMPETENCE = "competence"
    AUTHORITY = "authority"
    RESOURCES = "resources"
    TIME = "time"
    OTHER = "other"


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
    employer_decision_on: date | None = None  # the KS decision it rests on, for KS
    employer_decision_section: str = ""

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


# WorkSnapshot's indexes, each a dict of lists, patched by `derive`.
_INDEXES = (
    "_by_receiver",
    "_by_giver",
    "_by_unit",
    "_by_giver_unit_task",
    "_by_giver_task",
    "_returns_of",
)


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
        self._by_giver: dict[int, list[DistributionRecord]] = defaultdict(list)
        self._by_unit: dict[int, list[DistributionRecord]] = defaultdict(list)
        for distribution in self.distributions.values():
            self._index(distribution)
        self._returns_of: dict[int, list[TaskReturnRecord]] = defaultdict(list)
        for task_return in self.returns.values():
            self._returns_of[task_return.distribution_id].append(task_return)
        self._chains: dict[tuple[int, int, date], TaskChain] = {}
        self._states: dict[tuple[int, date], DistributionState] = {}
        # The answers of the snapshot this one was derived from: each is taken over, when
        # asked, if the change cannot have touched it (`_kept_chain`, `state`).
        self._earlier_chains: dict[tuple[int, int, date], TaskChain] = {}
        self._earlier_states: dict[tuple[int, date], DistributionState] = {}
        self._org_inputs: OrgInputs | None = None
        self.change: SnapshotChange | None = None
        """How this snapshot differs from the one it was derived from (`derive`), if it was."""
        self.memo: dict[Hashable, Any] = {}
        """Results worked out from this snapshot (the rule checks' per distribution)."""

    def _entries(
        self, distribution: DistributionRecord
    ) -> Iterator[
        tuple[tuple[int | None, int, int], tuple[int | None, int], DistributionItemRecord, int]
    ]:
        giver = distribution.giver_appointment_id
        # As `item_for`: a task's first item speaks for it.
        items: dict[int, DistributionItemRecord] = {}
        for item in distribution.items:
            items.setdefault(item.task_id, item)
        for unit_id in distribution.unit_ids:
            for task_id, item in items.items():
                yield (giver, unit_id, task_id), (giver, task_id), item, unit_id

    def _index(self, distribution: DistributionRecord) -> None:
        self._by_receiver[distribution.receiver_appointment_id].append(distribution)
        if distribution.giver_appointment_id is not None:
            self._by_giver[distribution.giver_appointment_id].append(distribution)
        for unit_id in set(distribution.unit_ids):
            self._by_unit[unit_id].append(distribution)
        for unit_key, task_key, item, unit_id in self._entries(distribution):
            self._by_giver_unit_task[unit_key].append((distribution, item))
            self._by_giver_task[task_key].append((distribution, item, unit_id))

    def with_org(self, org: OrgSnapshot) -> WorkSnapshot:
        """The same distributions over another version of the organisation: the indexes
        (which do not depend on it) are shared, the answers worked out from it are not."""
        other = copy.copy(self)
        other.org = org
        other._chains, other._states, other._org_inputs = {}, {}, None
        other._earlier_chains, other._earlier_states = {}, {}
        other.change, other.memo = None, {}
        return other

    def derive(
        self,
        org: OrgSnapshot,
        distributions: Mapping[int, DistributionRecord | None],
        returns: Mapping[int, list[TaskReturnRecord]],
        tasks: dict[int, WorkTaskRecord],
    ) -> WorkSnapshot:
        """This snapshot after an edit: `distributions` replaced (None: deleted) with their
        `returns`, over `org`. The indexes are patched, not rebuilt, and the chains and states
        that the edit cannot have changed are kept, so that checking the result costs what
        the edit touched (`SnapshotChange`)."""
        other = copy.copy(self)
        other.org, other.tasks = org, tasks
        other.distributions = dict(self.distributions)
        other.returns = dict(self.returns)
        other._org_inputs, other.memo = None, {}
        for name in _INDEXES:  # copied shallowly: a list is copied when it is changed
            setattr(other, name, defaultdict(list, getattr(self, name)))
        replaced: list[tuple[DistributionRecord | None, DistributionRecord | None]] = []
        for distribution_id, new in distributions.items():
            old = self.distributions.get(distribution_id)
            replaced.append((old, new))
            if old is not None:
                other._unindex(old)
                if new is None:
                    del other.distributions[distribution_id]
            for old_return in self._returns_of.get(distribution_id, ()):
                other.returns.pop(old_return.id, None)
            other._returns_of.pop(distribution_id, None)
            if new is not None:
                other.distributions[distribution_id] = new
                other._index_copying(new)
                for task_return in returns.get(distribution_id, ()):
                    other.returns[task_return.id] = task_return
                    other._returns_of[distribution_id].append(task_return)
        other.change = SnapshotChange.between(self, other, replaced)
        # The answers before the edit are looked up, not copied: an edit costs what it
        # touched, not the number of chains worked out so far.
        other._chains, other._states = {}, {}
        if other.change.everything:
            other._earlier_chains, other._earlier_states = {}, {}
        else:
            other._earlier_chains, other._earlier_states = self._chains, self._states
        return other

    def forget_earlier(self) -> None:
        """Let go of the results of the snapshot this one was derived from (once a newer one
        is in use, so that a long session keeps two snapshots, not its whole history)."""
        self._earlier_chains, self._earlier_states = {}, {}
        self.change = None

    def _kept_chain(self, key: tuple[int, int, date]) -> TaskChain | None:
        """The chain worked out before the edit, if the edit cannot have changed it."""
        chain = self._earlier_chains.get(key)
        change = self.change  # read once: `forget_earlier` may run in another thread
        if chain is None or change is None or change.changes_chain(self.org, key[0], key[1]):
            return None
        return chain

    def _index_copying(self, distribution: DistributionRecord) -> None:
        """`_index` on indexes shared with the snapshot this one was derived from: each list
        touched is copied first, so that snapshot keeps its own."""
        for index, key in (
            (self._by_receiver, distribution.receiver_appointment_id),
            (self._by_giver, distribution.giver_appointment_id),
            *((self._by_unit, unit_id) for unit_id in set(distribution.unit_ids)),
        ):
            if key is not None:
                index[key] = [*index.get(key, ()), distribution]
        for unit_key, task_key, item, unit_id in self._entries(distribution):
            self._by_giver_unit_task[unit_key] = [
                *self._by_giver_unit_task.get(unit_key, ()),
                (distribution, item),
            ]
            self._by_giver_task[task_key] = [
                *self._by_giver_task.get(task_key, ()),
                (distribution, item, unit_id),
            ]

    def _unindex(self, distribution: DistributionRecord) -> None:
        def without(index: dict[Any, list[Any]], key: Any, first: bool = False) -> None:
            kept = [
                entry
                for entry in index.get(key, ())
                if (entry[0] if first else entry).id != distribution.id
            ]
            if kept:
                index[key] = kept
            else:
                index.pop(key, None)

        without(self._by_receiver, distribution.receiver_appointment_id)
        if distribution.giver_appointment_id is not None:
            without(self._by_giver, distribution.giver_appointment_id)
        for unit_id in set(distribution.unit_ids):
            without(self._by_unit, unit_id)
        for unit_key, task_key, _item, _unit_id in self._entries(distribution):
            without(self._by_giver_unit_task, unit_key, first=True)
            without(self._by_giver_task, task_key, first=True)

    def org_inputs(self) -> OrgInputs:
        """All the work-environment rules read of the organisation: every unit, and the
        appointments (with their persons) that give or receive a distribution or are acting
        (AM-11). Where these
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
                # acting managers, whom AM-11 reads whether or not they hold tasks
                | {a.id for a in org.appointments.values() if a.acting}
            )
            appointments = tuple(org.appointments.get(a) for a in named)
            persons = tuple(
                org.persons.get(a.person_id) if a is not None else None for a in appointments
            )
            self._org_inputs = OrgInputs((tuple(org.units.values()), appointments, persons))
        return self._org_inputs

    def given_for(
        self, giver: int | None, unit_id: int, task_id: int
    ) -> list[tuple[DistributionRecord, DistributionItemRecord]]:
        """Distributions from the giver that name the unit itself for the task (any state)."""
        return self._by_giver_unit_task.get((giver, unit_id, task_id), [])

    def given_by(self, appointment_id: int) -> list[DistributionRecord]:
        return self._by_giver.get(appointment_id, [])

    def naming_unit(self, unit_id: int) -> list[DistributionRecord]:
        return self._by_unit.get(unit_id, [])

    def returns_of(self, distribution_id: int) -> list[TaskReturnRecord]:
        return self._returns_of.get(distribution_id, [])

    def same_giver_and_task(self, distribution: DistributionRecord) -> list[DistributionRecord]:
        """Every distribution from the same giver that gives one of its tasks (AM-7's
        candidates), in no particular order, each once."""
        found: dict[int, DistributionRecord] = {}
        for task_id in set(distribution.task_ids):
            for other, _item, _unit in self._by_giver_task.get(
                (distribution.giver_appointment_id, task_id), ()
            ):
                found[other.id] = other
        return list(found.values())

    def received_by(self, appointment_id: int) -> list[DistributionRecord]:
        return self._by_receiver.get(appointment_id, [])

    def state(self, distribution: DistributionRecord, on: date) -> DistributionState:
        """`state_on` for a distribution of this snapshot, worked out once per date."""
        key = (distribution.id, on)
        found = self._states.get(key)
        if found is None:
            change = self.change
            if change is not None and distribution.id not in change.distributions:
                found = self._earlier_states.get(key)
            if found is None:
                found = state_on(self.org, distribution, on)
            self._states[key] = found
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


def _changed_ids(old: dict[int, Any], new: dict[int, Any]) -> set[int]:
    if old is new:
        return set()
    return {
        key
        for key in old.keys() | new.keys()
        if (a := old.get(key)) is not (b := new.get(key)) and a != b
    }


@dataclass(frozen=True)
class SnapshotChange:
    """What an edit changed, as the work-environment rules see it: which distributions may
    now be in another state or line, which chains of which tasks may now run otherwise, and
    whose names (in the rules' messages) may read otherwise. Worked out once per derived
    snapshot from the records before and after; what it does not name, the edit cannot
    have changed."""

    everything: bool  # a change every result reads (the tasks, the employer)
    distributions: frozenset[int]  # changed, or in a changed line, state or appointment
    partners: frozenset[int]  # AM-7's candidates beside those, before the edit
    units: frozenset[int]  # changed units and every unit below them (all their chains)
    tops: frozenset[tuple[int, int]]  # (task, unit): every chain of the task at or below
    tasks: frozenset[int]  # the tasks of `tops`
    earlier: dict[Hashable, Any]  # the results worked out before the edit

    @classmethod
    def between(
        cls,
        old: WorkSnapshot,
        new: WorkSnapshot,
        replaced: list[tuple[DistributionRecord | None, DistributionRecord | None]],
    ) -> SnapshotChange:
        before, after = old.org, new.org
        everything = old.tasks != new.tasks or (before.executive_board() != after.executive_board())
        if after.change is not None and after.change.earlier is before:
            changed_units = set(after.change.units)
            persons = set(after.change.persons)
            appointments = set(after.change.appointments)
        else:
            changed_units = _changed_ids(before.units, after.units)
            persons = _changed_ids(before.persons, after.persons)
            appointments = _changed_ids(before.appointments, after.appointments)
        units = before.subtree_ids(changed_units) | after.subtree_ids(changed_units)
        for org in (before, after):
            for person_id in persons:
                appointments.update(a.id for a in org.appointments_of(person_id))
            for unit_id in units:
                appointments.update(a.id for a in org.appointments_in(unit_id))
        records = [r for pair in replaced for r in pair if r is not None]
        for snapshot in (old, new):
            for appointment_id in appointments:
                records.extend(snapshot.received_by(appointment_id))
                records.extend(snapshot.given_by(appointment_id))
            for unit_id in units:
                records.extend(snapshot.naming_unit(unit_id))
        distributions = {r.id for r in records} | {
            r.id for pair in replaced for r in pair if r is not None
        }
        partners = {p.id for r in records for p in old.same_giver_and_task(r)}
        tops = {(t, u) for r in records for t in r.task_ids for u in r.unit_ids}
        return cls(
            everything=everything,
            distributions=frozenset(distributions),
            partners=frozenset(partners),
            units=frozenset(units),
            tops=frozenset(tops),
            tasks=frozenset(t for t, _u in tops),
            earlier=old.memo,
        )

    def changes_chain(self, org: OrgSnapshot, task_id: int, unit_id: int) -> bool:
        """The chain of the task in the unit may run otherwise than before (on any date)."""
        if unit_id in self.units:
            return True
        if task_id not in self.tasks:
            return False
        return (task_id, unit_id) in self.tops or any(
            (task_id, above) in self.tops for above in org.ancestor_ids(unit_id)
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


def received_by_giver(
    chain: TaskChain, distribution: DistributionRecord
) -> DistributionRecord | None:
    """The link through which the giver holds the task, in the chain as it would be without
    the distribution itself. The chain only reaches the distribution (whose giver is the
    giver) after the link that gave the giver the task, so the links before it are the same
    with or without it, and the shared, cached chain serves."""
    for link in chain.links:
        if link.id == distribution.id:
            return None
        if link.receiver_appointment_id == distribution.giver_appointment_id:
            return link
    return None


def passed_on_from(
    work: WorkSnapshot, distribution: DistributionRecord
) -> list[tuple[DistributionRecord, int]]:
    """(link, task): the distributions through which the giver held what it passed on, on the
    day it starts (none for the employer, who holds every task)."""
    if distribution.from_employer:
        return []
    found: dict[tuple[int, int], tuple[DistributionRecord, int]] = {}
    for item in distribution.items:
        for unit_id in distribution.unit_ids:
            chain = task_chain(work, item.task_id, unit_id, distribution.valid_from)
            link = received_by_giver(chain, distribution)
            if link is not None:
                found.setdefault((link.id, item.task_id), (link, item.task_id))
    return [found[key] for key in sorted(found)]


def chain_lapse(work: WorkSnapshot, distribution: DistributionRecord) -> tuple[date, str] | None:
    """AM-10: the first day a distribution the giver held the tasks through stops giving
    them (it ends, lapses, also by this rule further up, or the task is returned): everything
    passed on from it lapses the same day, down the whole chain."""
    key = ("chain lapse", distribution.id)
    if key in work.memo:
        found: tuple[date, str] | None = work.memo[key]
        return found
    ends: list[tuple[date, str]] = []
    for link, task_id in passed_on_from(work, distribution):
        label = f"fördelningen AM-FÖR-{link.id}, som givaren fick uppgifterna genom,"
        item = link.item_for(task_id)
        if link.valid_to is not None:
            ends.append((link.valid_to, label))
        if item is not None and item.returned_on is not None:
            ends.append((item.returned_on, label))
        for above in (lapse(work.org, link), chain_lapse(work, link)):
            if above is not None:
                ends.append((above[0], label))
    found = min(ends) if ends else None
    own_end = distribution.valid_to
    if found is not None and own_end is not None and own_end <= found[0]:
        found = None  # it ends by itself first
    work.memo[key] = found
    return found


def full_lapse(work: WorkSnapshot, distribution: DistributionRecord) -> tuple[date, str] | None:
    """When and why the distribution lapses: with an appointment or unit (`lapse`) or with
    the distribution it was passed on from (AM-10), whichever comes first."""
    candidates = [
        end
        for end in (lapse(work.org, distribution), chain_lapse(work, distribution))
        if end is not None
    ]
    # On the same day, its own appointment's or unit's end is the reason given (AM-1).
    return min(candidates, key=lambda end: end[0]) if candidates else None


def reported_state(
    work: WorkSnapshot, distribution: DistributionRecord, on: date
) -> DistributionState:
    """The state the register, the letters and the rules show: `state_on`, and lapsed from
    the day the distribution it was passed on from stops giving the tasks (AM-10). (Chains
    are walked with `state_on`: they stop at the link that ended, so they never reach a
    distribution below it.)"""
    state = work.state(distribution, on)
    if state in (DistributionState.IN_FORCE, DistributionState.SIGNED):
        ended = chain_lapse(work, distribution)
        if ended is not None and on >= ended[0]:
            return DistributionState.LAPSED
    return state


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


@dataclass
class Reads:
    """The chains (task, unit) one distribution's check followed. (The names in its messages
    need no record: a changed person, appointment or unit changes the state of the
    distributions that give or receive through it, and so every chain through them.)"""

    chains: set[tuple[int, int]] = field(default_factory=set)


READS: ContextVar[Reads | None] = ContextVar("work_environment_reads", default=None)


def task_chain(work: WorkSnapshot, task_id: int, unit_id: int, on: date) -> TaskChain:
    """Follow the distributions in force from KS down, for the task in the unit."""
    reads = READS.get()
    if reads is not None:
        reads.chains.add((task_id, unit_id))
    key = (task_id, unit_id, on)
    chain = work._chains.get(key)
    if chain is None:
        kept = work._kept_chain(key)
        chain = kept if kept is not None else _walk_chain(work, task_id, unit_id, on)
        work._chains[key] = chain
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
