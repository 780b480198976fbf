"""The work-environment task distributions of the large organisation (DOMAIN.md §3).

The tasks flow down the line, KS → stadsdirektör → direktörer and produktionsdirektörer →
enhetschefer, rektorer, verksamhetschefer → gruppchefer, biträdande chefer and staff. Each
manager receives every task with the right to pass it on (AM-9); below the managers each
task of a unit goes to one person at a time (AM-7), so a unit's tasks are split into slots.

A distribution starts a week after its giver came to hold the tasks (or a few days after the
receiver took up the post). Who holds the tasks when is kept as periods per appointment, so
a distribution never starts while its giver's own chain is broken (AM-1), and it ends when
the chain above it does (AM-10): when a manager is succeeded, the successor receives the
tasks anew, and everyone below receives them anew from those who now hold them.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from nacka_desktop.domain.enums import UnitKind
from nacka_desktop.domain.work_environment import ReturnReason, add_months
from nacka_desktop.sample import data as sample_data
from nacka_desktop.sample.scale._org import Appt, Organisation, Unit

ALL_TASKS = sample_data.work().tasks
# A gruppchef's share (AM-5); the rest of a unit's tasks may go to the biträdande chef and
# staff. Risk assessment and rehabilitation stay with the manager.
GROUP_TASKS = ("SAM-SKYDD", "SAM-BRAND", "SAM-HOT", "SAM-ENSAM")
BELOW_POOL = (
    "SAM-UTRED",
    "SAM-INTRO",
    "SAM-SKYDD",
    "SAM-KEMI",
    "SAM-BRAND",
    "SAM-HOT",
    "SAM-ENSAM",
    "SAM-OSA",
)
Period = tuple[date, date | None]

_RETURNS = (
    (
        (ReturnReason.KNOWLEDGE, ReturnReason.RESOURCES),
        "Uppgiften kräver kunskaper som jag saknar, och det finns ingen budget för de åtgärder "
        "som behövs. Den återgår därför till chefen; övriga uppgifter behåller jag.",
    ),
    (
        (ReturnReason.COMPETENCE, ReturnReason.TIME),
        "Jag saknar utbildning för uppgifterna och uppdraget lämnar inte tid för dem. De "
        "återgår därför till chefen.",
    ),
    (
        (ReturnReason.AUTHORITY,),
        "Jag har inte befogenhet att besluta om de åtgärder uppgiften kräver.",
    ),
)


@dataclass(eq=False, slots=True)
class Dist:
    id: int
    giver: Appt | None
    receiver: Appt
    unit: Unit
    tasks: tuple[str, ...]
    valid_from: date
    valid_to: date | None
    ends: date | None  # when it stops by the end of an appointment, whether ended or lapsed
    may_pass_on: bool
    signed_on: date | None
    communicated_on: date | None
    signatory: Appt | None = None
    followed_up_on: date | None = None
    confirmed: tuple[bool, bool, bool, bool] = (True, True, True, True)
    returned: dict[str, tuple[date, int]] = field(default_factory=dict)
    first_in_slot: bool = True

    @property
    def starts_on(self) -> date | None:
        if self.signed_on is None or self.communicated_on is None:
            return None
        return max(self.valid_from, self.signed_on, self.communicated_on)


@dataclass(frozen=True, slots=True)
class Return:
    id: int
    distribution: Dist
    returned_on: date
    reasons: tuple[ReturnReason, ...]
    explanation: str


def _before(first: date, end: date | None) -> bool:
    return end is None or first < end


def _clip(periods: list[Period], start: date, end: date | None) -> list[Period]:
    found = []
    for first, last in periods:
        begin = max(first, start)
        stop = last if end is None else (end if last is None else min(last, end))
        if _before(begin, stop):
            found.append((begin, stop))
    return found


class WorkPlan:
    def __init__(
        self, org: Organisation, rng: random.Random, first_id: int, first_return: int
    ) -> None:
        self.org = org
        self.rng = rng
        self.today = org.today
        self.dists: list[Dist] = []
        self.returns: list[Return] = []
        self.holds: dict[int, list[Period]] = {}  # manager appointment → when it holds the tasks
        self._next = first_id
        self._next_return = first_return

    def build(self) -> None:
        for unit in self.org.units:
            if unit.leader_role is not None:
                self._line(unit)
        for unit in self.org.units:
            if unit.leader_role is not None:
                self._below(unit)
        self._specials()
        for dist in self.dists:
            if dist.followed_up_on is None:
                dist.followed_up_on = self._follow_up(dist)

    # --- the line of managers -----------------------------------------------------------------

    def _line(self, unit: Unit) -> None:
        receivers = [p for p in unit.posts if not p.stands_in]
        if unit.kind is UnitKind.CITY_MANAGEMENT_OFFICE:
            chair = self.org.by_code["KS"].seated[0]
            for receiver in receivers:
                starts = max(self.org.start + timedelta(days=14), receiver.valid_from)
                first = self._add(None, receiver, unit, ALL_TASKS, starts, receiver.valid_to, True)
                first.signed_on = starts - timedelta(days=4)
                first.signatory = chair
                self.holds[receiver.id] = [(starts, receiver.valid_to)]
            return
        assert unit.parent is not None
        givers = [p for p in unit.parent.posts if not p.stands_in]
        group = unit.kind is UnitKind.GROUP
        tasks = GROUP_TASKS if group else ALL_TASKS
        for r_index, receiver in enumerate(receivers):
            for g_index, giver in enumerate(givers):
                followed = (g_index + 1 < len(givers), r_index + 1 < len(receivers))
                for given in self._give(
                    giver, receiver, unit, tasks, receiver.valid_from, not group, followed
                ):
                    if not group:
                        held = _clip(self.holds.get(giver.id, []), given.valid_from, given.ends)
                        self.holds[receiver.id] = sorted(self.holds.get(receiver.id, []) + held)

    def _give(
        self,
        giver: Appt,
        receiver: Appt,
        unit: Unit,
        tasks: tuple[str, ...],
        available: date,
        may_pass_on: bool,
        followed: tuple[bool, bool] = (False, False),
    ) -> list[Dist]:
        """From the giver to the receiver, for each time the giver holds the tasks while
        both are in post: from a week into the giver's holding (and a few days after the
        receiver came), until the giver's holding ends (AM-10: what was passed on ends with
        it, and the giver gives anew once it holds the tasks again) or either leaves.

        `followed`: whether someone took over after the giver, and after the receiver. Only
        then may a distribution be left to lapse with the appointment instead of being ended:
        the successor gives the tasks anew, so none wait for a new distribution (AM-1)."""
        ends = min((d for d in (giver.valid_to, receiver.valid_to) if d is not None), default=None)
        wanted = available + timedelta(days=3)
        made = []
        for held_from, held_to in self.holds.get(giver.id, []):
            starts = max(held_from + timedelta(days=7), wanted)
            stop = min((d for d in (held_to, ends) if d is not None), default=None)
            if not _before(starts, stop) or starts > self.today:
                continue
            valid_to = stop
            if stop is not None and stop != ends and stop > self.today:
                valid_to = None  # the chain above ends later: it will end with it (AM-10)
            if stop is not None and stop == ends and stop <= self.today:
                giver_left = ends == giver.valid_to
                successor = followed[0] if giver_left else followed[1]
                if successor and self.rng.random() < 0.3:
                    valid_to = None  # not ended by the giver: it lapsed with the appointment
            dist = self._add(giver, receiver, unit, tasks, starts, valid_to, may_pass_on)
            dist.ends = stop
            made.append(dist)
        return made

    def _add(
        self,
        giver: Appt | None,
        receiver: Appt,
        unit: Unit,
        tasks: tuple[str, ...],
        starts: date,
        valid_to: date | None,
        may_pass_on: bool,
    ) -> Dist:
        dist = Dist(
            self._next,
            giver,
            receiver,
            unit,
            tasks,
            starts,
            valid_to,
            valid_to,
            may_pass_on,
            starts,
            starts,
        )
        self._next += 1
        self.dists.append(dist)
        return dist

    # --- below the managers -------------------------------------------------------------------

    def _below(self, unit: Unit) -> None:
        """The biträdande chef's and the staff's slots of the unit's tasks (AM-7: each task
        to one person at a time), given by each regular manager in turn."""
        given_down = set()
        for child in unit.children:
            given_down |= set(GROUP_TASKS if child.kind is UnitKind.GROUP else ALL_TASKS)
        pool = [t for t in BELOW_POOL if t not in given_down]
        if not pool:
            return
        self.rng.shuffle(pool)
        slots: list[tuple[tuple[str, ...], list[Appt]]] = []
        if unit.deputies:
            slots.append((tuple(pool[:2]), unit.deputies[:1]))
            pool = pool[2:]
        current = [a for a in unit.staff if a.valid_to is None]
        leavers = [a for a in unit.staff if a.valid_to is not None]
        self.rng.shuffle(current)
        count = min(len(pool), len(current), self.rng.randint(4, 7))
        for index in range(count):
            tasks = tuple(pool[index::count][:2])
            holders = [current[index]]
            if index < len(leavers) and self.rng.random() < 0.6:
                holders.insert(0, leavers[index])
            slots.append((tasks, holders))
        led_today = any(p.valid_on(self.today) for p in unit.posts)
        for g_index, giver in enumerate(unit.posts):
            if giver.acting:
                continue
            giver_followed = led_today and g_index + 1 < len(unit.posts)
            for tasks, holders in slots:
                available = self.org.start
                for index, holder in enumerate(holders):
                    for dist in self._give(
                        giver,
                        holder,
                        unit,
                        tasks,
                        max(holder.valid_from, available),
                        False,
                        (giver_followed, led_today and index + 1 < len(holders)),
                    ):
                        dist.first_in_slot = index == 0 and len(holders) == 1
                    available = holder.valid_to or available

    # --- the states a user meets --------------------------------------------------------------

    def _specials(self) -> None:
        """Partly and wholly returned (AM-4, about 0.8 % each), overdue follow-ups (AM-8,
        about 1 %), signed but not yet communicated (AM-3, about 0.4 %) and drafts (about
        0.6 %), among the distributions below the managers in force today."""
        today = self.today
        current = [
            d
            for d in self.dists
            if not d.may_pass_on
            and d.unit.kind is not UnitKind.GROUP
            and d.valid_to is None
            and d.ends is None
            and d.first_in_slot
            and d.giver is not None
            and d.giver.valid_to is None
            and d.valid_from <= today - timedelta(days=120)
        ]
        self.rng.shuffle(current)
        share = max(1, round(len(self.dists) * 0.008))
        partly = [d for d in current if len(d.tasks) > 1][:share]
        chosen = {d.id for d in partly}
        rest = [d for d in current if d.id not in chosen]
        wholly, rest = rest[:share], rest[share:]
        for index, dist in enumerate(partly):
            self._return(dist, dist.tasks[:1], 3, _RETURNS[index % 2])
        for index, dist in enumerate(wholly):
            self._return(dist, dist.tasks, 2, _RETURNS[(index + 1) % len(_RETURNS)])
        overdue_count = max(1, round(len(self.dists) * 0.01))
        overdue = [d for d in self.dists if self._may_be_overdue(d) and d.id not in chosen]
        self.rng.shuffle(overdue)
        for dist in overdue[:overdue_count]:
            starts = dist.valid_from
            dist.followed_up_on = self.org.random_date(
                starts + timedelta(days=30), today - timedelta(days=380)
            )
        late = {d.id for d in overdue[:overdue_count]}
        rest = [d for d in rest if d.id not in late]
        unsaid = max(1, round(len(self.dists) * 0.004))
        for dist in rest[:unsaid]:
            assert dist.giver is not None
            starts = today - timedelta(days=self.rng.randint(2, 8))
            if self._holds(dist.giver, starts):
                dist.valid_from = starts
                dist.signed_on = starts - timedelta(days=2)
                dist.communicated_on = None
        self._drafts(max(1, round(len(self.dists) * 0.006)))

    def _may_be_overdue(self, dist: Dist) -> bool:
        return (
            dist.valid_to is None
            and dist.ends is None
            and not dist.returned
            and dist.valid_from <= self.today - timedelta(days=430)
        )

    def _holds(self, appt: Appt, on: date) -> bool:
        return any(f <= on and _before(on, t) for f, t in self.holds.get(appt.id, []))

    def _drafts(self, count: int) -> None:
        """Drafts a manager is preparing for a staff member who holds no task yet."""
        holding: set[int] = {d.receiver.id for d in self.dists}
        starts = self.today + timedelta(days=14)
        made = 0
        for unit in self.org.units:
            if made >= count:
                return
            if unit.children or unit.kind is UnitKind.GROUP or unit.leader_role is None:
                continue
            giver = next((p for p in unit.posts if not p.acting and p.valid_to is None), None)
            spare = [a for a in unit.staff if a.valid_to is None and a.id not in holding]
            if (
                giver is None
                or not spare
                or not self._holds(giver, starts)
                or self.rng.random() < 0.5
            ):
                continue
            dist = self._add(giver, spare[0], unit, ("SAM-INTRO", "SAM-BRAND"), starts, None, False)
            dist.signed_on = dist.communicated_on = None
            dist.confirmed = (True, True, False, False)
            made += 1

    def _return(
        self,
        dist: Dist,
        tasks: tuple[str, ...],
        part: int,
        why: tuple[tuple[ReturnReason, ...], str],
    ) -> None:
        starts = dist.starts_on
        assert starts is not None
        on = starts + timedelta(days=max(1, (self.today - starts).days // part))
        task_return = Return(self._next_return, dist, on, why[0], why[1])
        self._next_return += 1
        self.returns.append(task_return)
        for task in tasks:
            dist.returned[task] = (on, task_return.id)

    def _follow_up(self, dist: Dist) -> date | None:
        """AM-8: the latest yearly follow-up, if the distribution has been due for one."""
        starts = dist.starts_on
        if starts is None:
            return None
        ends = [d for d in (dist.valid_to, dist.ends, self.today) if d is not None]
        if dist.returned and len(dist.returned) == len(dist.tasks):
            ends.append(min(on for on, _ in dist.returned.values()))
        last = min(ends)
        if add_months(starts, 12) > last:
            return None
        return last - timedelta(days=self.rng.randint(20, 300))


def texts(dist: Dist) -> tuple[str, str]:
    """What applies during the receiver's absence, and which tasks stay with the giver (AM-7);
    a manager who may pass tasks on is written to as an area's leader, whose absence clause
    names the tillförordnad chef (AM-11)."""
    giver = dist.giver
    return sample_data.work().texts(
        giver.role if giver else None, dist.receiver.role, as_area_leader=dist.may_pass_on
    )
