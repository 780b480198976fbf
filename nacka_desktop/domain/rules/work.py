"""The rule checks of work-environment task distribution (AM-1…AM-9).

Like `checks.check_organisation`: without a date, what holds whatever the date (who may
give what, confirmations, one receiver per task); with `on=`, what is true that day (not yet
in force, overdue follow-up, lapsed distributions whose tasks need a new receiver). Who may
give what is read in today's tree, so with `today=` it is checked only for distributions that
have not ended, lapsed or been returned by then.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from nacka_desktop.domain.dates import periods_overlap
from nacka_desktop.domain.enums import Severity
from nacka_desktop.domain.labels import appointment_label, role_title
from nacka_desktop.domain.language import Language
from nacka_desktop.domain.records import AppointmentRecord
from nacka_desktop.domain.responsibility import is_leading
from nacka_desktop.domain.rules import ObjectKind, Violation, sort_violations
from nacka_desktop.domain.work_environment import (
    READS,
    DistributionRecord,
    DistributionState,
    Reads,
    SnapshotChange,
    TaskChain,
    WorkSnapshot,
    chain_lapse,
    covers,
    follow_up_due,
    full_lapse,
    held_tasks,
    received_by_giver,
    reported_state,
    task_chain,
)

_OVER = (DistributionState.ENDED, DistributionState.LAPSED, DistributionState.RETURNED)


def check_work_environment(
    work: WorkSnapshot, on: date | None = None, today: date | None = None
) -> list[Violation]:
    results = _results(work, on, today)
    found = [v for distribution_id in sorted(results) for v in results[distribution_id].violations]
    if on is not None:
        found.extend(_check_acting_managers(work, on))
    return sort_violations(found)


# Words with which an absence clause hands the tasks to whoever stands in for the manager.
_STAND_IN_WORDS = ("tillförordnad", "t.f.", "tf ", "ställföreträdare", "vikarie")


def _check_acting_managers(work: WorkSnapshot, on: date) -> Iterator[Violation]:
    """AM-11: an acting manager (ORG-8) takes over the role, not the work-environment tasks:
    until a distribution names them (or the regular manager's absence clause hands the tasks
    to whoever stands in), the regular manager keeps the tasks, and that is a warning."""
    org = work.org
    for acting in org.appointments.values():
        if not acting.acting or not acting.is_valid_on(on) or acting.unit_id not in org.units:
            continue
        if not is_leading(org, acting) or held_tasks(work, acting.id, on):
            continue
        regulars = [
            a
            for a in org.appointments_in(acting.unit_id)
            if not a.acting and a.is_valid_on(on) and is_leading(org, a)
        ]
        held = [(r, held_tasks(work, r.id, on)) for r in regulars]
        held = [(r, tasks) for r, tasks in held if tasks]
        if not held or any(_hands_over(work, r.id, acting, on) for r, _tasks in held):
            continue
        person = org.person_label(acting.person_id)
        names = sorted(
            {_task_name(work, task_id) for _r, tasks in held for task_id, _u, _c in tasks}
        )
        holders = ", ".join(appointment_label(org, r, Language.SWEDISH) for r, _tasks in held)
        holders_en = ", ".join(appointment_label(org, r, Language.ENGLISH) for r, _tasks in held)
        unit = _unit_name(work, acting.unit_id)
        role = role_title(acting.role, True, Language.SWEDISH)
        role_en = role_title(acting.role, True, Language.ENGLISH)
        yield Violation(
            "AM-11",
            Severity.WARNING,
            f"{person} är {role} i {unit} men har inga arbetsmiljöuppgifter fördelade "
            f"till sig. Under tiden har {holders} kvar uppgifterna: {', '.join(names)}. Gör en "
            "fördelning till den tillförordnade, eller låt den ordinarie chefens fördelning "
            "säga i frånvaroklausulen att den som är t.f. tar över uppgifterna.",
            f"{person} is {role_en} of {unit} but holds no "
            f"work-environment tasks; meanwhile {holders_en} keeps them: {', '.join(names)}.",
            ObjectKind.APPOINTMENT,
            acting.id,
            None,
            f"{person}, {role}, {unit}",
            f"{person}, {role_en}, {unit}",
        )


def _hands_over(work: WorkSnapshot, regular_id: int, acting: AppointmentRecord, on: date) -> bool:
    """The regular manager's distribution in force says in its absence clause that the acting
    manager (by name, or whoever stands in) takes the tasks over."""
    name = work.org.person_label(acting.person_id).casefold()
    for distribution in work.received_by(regular_id):
        if work.state(distribution, on) is not DistributionState.IN_FORCE:
            continue
        clause = f"{distribution.absence_arrangement.casefold()} "
        if name in clause or any(word in clause for word in _STAND_IN_WORDS):
            return True
    return False


@dataclass(frozen=True, slots=True)
class _Checked:
    """One distribution's violations, and what they were worked out from."""

    violations: tuple[Violation, ...]
    chains: frozenset[tuple[int, int]]


Readers = dict[int, frozenset[int]]  # unit → the distributions whose checks read a chain in it


def _results(work: WorkSnapshot, on: date | None, today: date | None) -> dict[int, _Checked]:
    """Each distribution's violations. A snapshot derived by an edit takes those of the
    snapshot before it and works out again only what the edit can have changed
    (`SnapshotChange`); `tests/services/test_check_cache.py` holds them to a full check."""
    key = ("work results", on, today)
    results: dict[int, _Checked] | None = work.memo.get(key)
    if results is not None:
        return results
    change = work.change
    earlier: dict[int, _Checked] | None = (
        change.earlier.get(key) if change is not None and not change.everything else None
    )
    if change is None or earlier is None:
        results = {d.id: _check_one(work, d, on, today) for d in work.distributions.values()}
        readers = _readers(results)
    else:
        earlier_readers: Readers | None = change.earlier.get(("work readers", on, today))
        if earlier_readers is None:
            earlier_readers = _readers(earlier)
        results = {d_id: c for d_id, c in earlier.items() if d_id in work.distributions}
        again = _to_check_again(work, change, earlier, earlier_readers)
        again |= work.distributions.keys() - results.keys()
        for distribution_id in again:
            distribution = work.distributions.get(distribution_id)
            if distribution is not None:
                results[distribution_id] = _check_one(work, distribution, on, today)
        readers = _readers_after(earlier_readers, earlier, results, again)
    work.memo[key] = results
    work.memo[("work readers", on, today)] = readers
    return results


def _readers(results: dict[int, _Checked]) -> Readers:
    found: dict[int, set[int]] = defaultdict(set)
    for distribution_id, checked in results.items():
        for _task_id, unit_id in checked.chains:
            found[unit_id].add(distribution_id)
    return {unit_id: frozenset(ids) for unit_id, ids in found.items()}


def _readers_after(
    earlier: Readers,
    earlier_results: dict[int, _Checked],
    results: dict[int, _Checked],
    checked_again: set[int],
) -> Readers:
    """`earlier` with the distributions checked again moved to the units they read now
    (the sets are replaced, not changed: the earlier snapshot keeps its own)."""
    readers = dict(earlier)
    removed: dict[int, set[int]] = defaultdict(set)
    added: dict[int, set[int]] = defaultdict(set)
    for distribution_id in checked_again:
        before = earlier_results.get(distribution_id)
        after = results.get(distribution_id)
        for _task_id, unit_id in before.chains if before is not None else ():
            removed[unit_id].add(distribution_id)
        for _task_id, unit_id in after.chains if after is not None else ():
            added[unit_id].add(distribution_id)
    for unit_id in removed.keys() | added.keys():
        ids = (readers.get(unit_id, frozenset()) - removed[unit_id]) | added[unit_id]
        if ids:
            readers[unit_id] = frozenset(ids)
        else:
            readers.pop(unit_id, None)
    return readers


def _to_check_again(
    work: WorkSnapshot, change: SnapshotChange, earlier: dict[int, _Checked], readers: Readers
) -> set[int]:
    again = set(change.distributions)
    if change.units or change.tops:
        # A chain can run otherwise only in a changed unit or below a changed (task, unit):
        # the distributions that read a chain there are looked at, not every one.
        near = set(change.units) | work.org.subtree_ids({unit for _task, unit in change.tops})
        for unit_id in near:
            for distribution_id in readers.get(unit_id, ()):
                if distribution_id in again:
                    continue
                checked = earlier.get(distribution_id)
                if checked is not None and any(
                    change.changes_chain(work.org, task_id, chain_unit)
                    for task_id, chain_unit in checked.chains
                    if chain_unit == unit_id
                ):
                    again.add(distribution_id)
    # AM-7 reads a pair of distributions: when one changes, its partners are checked too.
    partners = set(change.partners)
    for distribution_id in again:
        distribution = work.distributions.get(distribution_id)
        if distribution is not None:
            partners.update(p.id for p in work.same_giver_and_task(distribution))
    return again | partners


def _check_one(
    work: WorkSnapshot, distribution: DistributionRecord, on: date | None, today: date | None
) -> _Checked:
    reads = Reads()
    token = READS.set(reads)
    try:
        found = [
            *_check_distribution(work, distribution, today),
            *_check_one_receiver_per_task(work, distribution),
            *_check_returns(work, distribution),
        ]
        if on is not None:
            found.extend(_check_distribution_on(work, distribution, on))
    finally:
        READS.reset(token)
    return _Checked(tuple(found), frozenset(reads.chains))


def _violation(
    work: WorkSnapshot,
    distribution: DistributionRecord,
    rule_id: str,
    severity: Severity,
    sv: str,
    en: str,
    field: str | None = None,
) -> Violation:
    return Violation(
        rule_id,
        severity,
        sv,
        en,
        ObjectKind.DISTRIBUTION,
        distribution.id,
        field,
        distribution_label(work, distribution, Language.SWEDISH),
        distribution_label(work, distribution, Language.ENGLISH),
    )


def distribution_label(
    work: WorkSnapshot, distribution: DistributionRecord, language: Language
) -> str:
    org = work.org
    receiver = org.appointments.get(distribution.receiver_appointment_id)
    giver = (
        org.appointments.get(distribution.giver_appointment_id)
        if distribution.giver_appointment_id
        else None
    )
    giver_name = org.person_label(giver.person_id) if giver else "KS"
    receiver_name = org.person_label(receiver.person_id) if receiver else "?"
    word = language.pick("Fördelning", "Distribution")
    return f"{word} {distribution.id}: {giver_name} → {receiver_name}"


def _task_name(work: WorkSnapshot, task_id: int) -> str:
    task = work.tasks.get(task_id)
    return task.name if task else f"#{task_id}"


def _unit_name(work: WorkSnapshot, unit_id: int) -> str:
    unit = work.org.units.get(unit_id)
    return unit.name if unit else f"#{unit_id}"


def _check_distribution(
    work: WorkSnapshot, distribution: DistributionRecord, today: date | None = None
) -> Iterator[Violation]:
    org = work.org
    if not distribution.items:
        yield _violation(
            work,
            distribution,
            "DATA-2",
            Severity.ERROR,
            "Fördelningen innehåller inga arbetsmiljöuppgifter.",
            "The distribution holds no tasks.",
            "items",
        )
    if not distribution.unit_ids:
        yield _violation(
            work,
            distribution,
            "DATA-2",
            Severity.ERROR,
            "Fördelningen anger inte vilken enhet den gäller.",
            "The distribution names no unit.",
            "unit_ids",
        )
    if distribution.valid_to is not None and distribution.valid_to <= distribution.valid_from:
        yield _violation(
            work,
            distribution,
            "DATA-1",
            Severity.ERROR,
            f"Fördelningen upphör ({distribution.valid_to}) innan den börjar "
            f"({distribution.valid_from}).",
            f"The distribution ends ({distribution.valid_to}) before it starts "
            f"({distribution.valid_from}).",
            "valid_to",
        )
    receiver = org.appointments.get(distribution.receiver_appointment_id)
    giver = (
        org.appointments.get(distribution.giver_appointment_id)
        if distribution.giver_appointment_id is not None
        else None
    )
    if receiver is None or (distribution.giver_appointment_id is not None and giver is None):
        return
    if not receiver.is_valid_on(distribution.valid_from):
        yield _violation(
            work,
            distribution,
            "AM-1",
            Severity.ERROR if distribution.signed_on is None else Severity.WARNING,
            f"Mottagarens förordnande ({appointment_label(org, receiver, Language.SWEDISH)}) "
            f"gäller inte den "
            f"{distribution.valid_from}, när fördelningen börjar: uppgifter fördelas till den "
            "som har befattningen när fördelningen gäller.",
            f"The receiver's appointment is not valid on {distribution.valid_from}, when the "
            "distribution starts.",
            "valid_from",
        )
    if giver is not None and giver.person_id == receiver.person_id:
        yield _violation(
            work,
            distribution,
            "AM-1",
            Severity.ERROR,
            "Givare och mottagare är samma person.",
            "Giver and receiver are the same person.",
            "receiver",
        )
    # The tree has no history (a unit's parent is not dated): where a distribution lies in
    # the line is checked in today's tree, and only while the distribution still matters
    # today. One that ended, lapsed or was returned is history, and a later reorganisation
    # must not turn it into an error that no edit can remove (a signed one is never edited).
    if today is None or reported_state(work, distribution, today) not in _OVER:
        # A draft that breaks AM-1/AM-9 is refused. A signed one was checked when it was made;
        # if a reorganisation later moves it out of line, that is reported for the user to
        # redo the distribution, and does not block the reorganisation itself.
        severity = Severity.ERROR if distribution.signed_on is None else Severity.WARNING
        yield from _check_within_givers_line(work, distribution, giver, receiver.unit_id, severity)
        yield from _check_giver_holds(work, distribution, severity)
    if distribution.signed_on is not None:
        unconfirmed = [
            _task_name(work, item.task_id)
            for item in distribution.items
            if not item.fully_confirmed
        ]
        if unconfirmed:
            yield _violation(
                work,
                distribution,
                "AM-6",
                Severity.ERROR,
                "Mottagaren har inte bekräftat kunskap, kompetens, befogenheter och resurser "
                f"för: {', '.join(unconfirmed)}. Det ska vara bekräftat när fördelningen "
                "undertecknas.",
                "The receiver has not confirmed knowledge, competence, authority and resources "
                f"for: {', '.join(unconfirmed)}.",
                "items",
            )


_REDO_SV = {
    Severity.ERROR: "",
    Severity.WARNING: " Organisationen har ändrats sedan fördelningen undertecknades: avsluta "
    "den och gör en ny.",
    Severity.INFO: "",
}
_REDO_EN = {
    Severity.ERROR: "",
    Severity.WARNING: " The organisation changed after it was signed: end it and make a new one.",
    Severity.INFO: "",
}


def _check_within_givers_line(
    work: WorkSnapshot,
    distribution: DistributionRecord,
    giver: AppointmentRecord | None,
    receiver_unit_id: int,
    severity: Severity,
) -> Iterator[Violation]:
    org = work.org
    board = org.executive_board()
    if giver is not None:
        top = giver.unit_id
    elif board is not None:
        top = board.id
    else:
        return
    outside = [
        _unit_name(work, unit_id)
        for unit_id in distribution.unit_ids
        if not org.is_within(unit_id, top)
    ]
    outside_en = list(outside)
    if not org.is_within(receiver_unit_id, top):
        outside.append(f"mottagarens enhet {_unit_name(work, receiver_unit_id)}")
        outside_en.append(f"the receiver's unit {_unit_name(work, receiver_unit_id)}")
    if outside:
        yield _violation(
            work,
            distribution,
            "AM-1",
            severity,
            f"{', '.join(outside)} ligger utanför givarens ansvarsområde "
            f"({_unit_name(work, top)}); arbetsmiljöansvaret fördelas nedåt i linjen."
            + _REDO_SV[severity],
            f"{', '.join(outside_en)} lies outside the giver's area ({_unit_name(work, top)})."
            + _REDO_EN[severity],
            "unit_ids",
        )


def _check_giver_holds(
    work: WorkSnapshot, distribution: DistributionRecord, severity: Severity
) -> Iterator[Violation]:
    """AM-1 and AM-9: on the start date the giver holds each task in each unit, through a
    distribution that lets it be passed on. The employer holds every task."""
    if distribution.from_employer:
        return
    giver = distribution.giver_appointment_id
    on = distribution.valid_from
    missing: list[str] = []
    not_passable: list[str] = []
    for item in distribution.items:
        for unit_id in distribution.unit_ids:
            chain = task_chain(work, item.task_id, unit_id, on)
            received = received_by_giver(chain, distribution)
            where = f"{_task_name(work, item.task_id)} ({_unit_name(work, unit_id)})"
            if received is None:
                missing.append(where)
            elif not received.may_pass_on:
                not_passable.append(where)
    giver_appointment = work.org.appointments.get(giver or 0)
    giver_label = appointment_label(work.org, giver_appointment, Language.SWEDISH)
    giver_label_en = appointment_label(work.org, giver_appointment, Language.ENGLISH)
    if missing:
        yield _violation(
            work,
            distribution,
            "AM-1",
            severity,
            f"{giver_label} har inte själv uppgifterna {', '.join(missing)} den {on} och kan "
            "därför inte fördela dem." + _REDO_SV[severity],
            f"{giver_label_en} does not hold {', '.join(missing)} on {on} and cannot distribute "
            "them." + _REDO_EN[severity],
            "items",
        )
    if not_passable:
        yield _violation(
            work,
            distribution,
            "AM-9",
            severity,
            f"{giver_label} fick {', '.join(not_passable)} genom en fördelning som inte "
            "tillåter att uppgifterna fördelas vidare." + _REDO_SV[severity],
            f"{giver_label_en} received {', '.join(not_passable)} through a distribution that "
            "does not allow passing them on." + _REDO_EN[severity],
            "items",
        )


def _active_period(
    work: WorkSnapshot, distribution: DistributionRecord, task_id: int
) -> tuple[date, date | None]:
    start = distribution.starts_on or distribution.valid_from
    ends = [d for d in (distribution.valid_to,) if d is not None]
    lapsed = full_lapse(work, distribution)
    if lapsed is not None:
        ends.append(lapsed[0])
    item = distribution.item_for(task_id)
    if item is not None and item.returned_on is not None:
        ends.append(item.returned_on)
    return start, min(ends) if ends else None


def _check_one_receiver_per_task(
    work: WorkSnapshot, distribution: DistributionRecord
) -> Iterator[Violation]:
    """AM-7: one giver cannot hand the same task for the same unit to two people at once.

    Each pair of signed distributions from one giver that share a task, where one covers a
    unit of the other, is checked once: from the side of the covered one (found by looking
    up its units' lines, never by comparing every pair), the lower id when each covers the
    other. The violation is reported on the later of the two (by id)."""
    if distribution.signed_on is None:
        return
    for other in _covering(work, distribution):
        if other.id > distribution.id and any(
            covers(work.org, distribution, v) for v in other.unit_ids
        ):
            continue  # each covers the other: checked from the lower id's side
        first, second = sorted((distribution, other), key=lambda d: d.id)
        yield from _check_pair(work, first, second)


def _covering(work: WorkSnapshot, distribution: DistributionRecord) -> list[DistributionRecord]:
    """Signed distributions from the same giver that give one of its tasks for one of its
    units or a unit above it, in id order."""
    org = work.org
    found: dict[int, DistributionRecord] = {}
    for task_id in set(distribution.task_ids):
        for unit_id in distribution.unit_ids:
            if unit_id not in org.units:
                continue
            for line_unit in (unit_id, *org.ancestor_ids(unit_id)):
                for other, _item in work.given_for(
                    distribution.giver_appointment_id, line_unit, task_id
                ):
                    if other.id != distribution.id and other.signed_on is not None:
                        found[other.id] = other
    return [found[i] for i in sorted(found)]


def _check_pair(
    work: WorkSnapshot, first: DistributionRecord, second: DistributionRecord
) -> Iterator[Violation]:
    if first.receiver_appointment_id == second.receiver_appointment_id:
        return
    shared_units = [
        u
        for u in second.unit_ids
        if covers(work.org, first, u) or any(covers(work.org, second, v) for v in first.unit_ids)
    ]
    if not shared_units:
        return
    clashes = [
        _task_name(work, task_id)
        for task_id in set(first.task_ids) & set(second.task_ids)
        if periods_overlap(
            *_active_period(work, first, task_id), *_active_period(work, second, task_id)
        )
    ]
    if clashes:
        receiver = work.org.appointments.get(first.receiver_appointment_id)
        other = appointment_label(work.org, receiver, Language.SWEDISH)
        other_en = appointment_label(work.org, receiver, Language.ENGLISH)
        yield _violation(
            work,
            second,
            "AM-7",
            Severity.ERROR,
            f"{', '.join(sorted(clashes))} är redan fördelade till {other} under samma "
            "tid; en uppgift går till en person åt gången.",
            f"{', '.join(sorted(clashes))} are already given to {other_en} at the same "
            "time; a task goes to one person at a time.",
            "items",
        )


def _check_returns(work: WorkSnapshot, distribution: DistributionRecord) -> Iterator[Violation]:
    for task_return in work.returns_of(distribution.id):
        if not task_return.reasons and not task_return.explanation.strip():
            yield Violation(
                "AM-4",
                Severity.ERROR,
                "En återföring ska ange skälet (t.ex. saknad kompetens, befogenheter, resurser "
                "eller tid).",
                "A return states its reason (e.g. lacking competence, authority, resources or "
                "time).",
                ObjectKind.TASK_RETURN,
                task_return.id,
                "reasons",
                distribution_label(work, distribution, Language.SWEDISH),
                distribution_label(work, distribution, Language.ENGLISH),
            )
        starts = distribution.starts_on
        if starts is None or task_return.returned_on < starts:
            yield Violation(
                "AM-4",
                Severity.ERROR,
                "Uppgifter kan bara återföras från en fördelning som har börjat gälla "
                f"(återföring {task_return.returned_on}).",
                f"Tasks can only be returned from a distribution in force "
                f"(return {task_return.returned_on}).",
                ObjectKind.TASK_RETURN,
                task_return.id,
                "returned_on",
                distribution_label(work, distribution, Language.SWEDISH),
                distribution_label(work, distribution, Language.ENGLISH),
            )


def _check_distribution_on(
    work: WorkSnapshot, distribution: DistributionRecord, on: date
) -> Iterator[Violation]:
    state = reported_state(work, distribution, on)
    if state is DistributionState.SIGNED and distribution.communicated_on is None:
        yield _violation(
            work,
            distribution,
            "AM-3",
            Severity.WARNING,
            "Fördelningen är undertecknad men inte kommunicerad muntligen av chefen; den "
            "gäller inte förrän det är gjort.",
            "The distribution is signed but not communicated orally; it is not in force "
            "until it is.",
            "communicated_on",
        )
    if state is DistributionState.IN_FORCE:
        if not distribution.absence_arrangement.strip() or not distribution.retained_tasks.strip():
            yield _violation(
                work,
                distribution,
                "AM-7",
                Severity.WARNING,
                "Fördelningen anger inte vad som gäller vid mottagarens frånvaro och vilka "
                "uppgifter som stannar hos chefen.",
                "The distribution does not say what applies during the receiver's absence "
                "and which tasks stay with the giver.",
                "absence_arrangement",
            )
        due = follow_up_due(distribution)
        if due is not None and due < on:
            yield _violation(
                work,
                distribution,
                "AM-8",
                Severity.WARNING,
                f"Uppföljningen är försenad: fördelningen skulle ha följts upp senast {due}.",
                f"The follow-up is overdue: it was due by {due}.",
                "followed_up_on",
            )
    if state is DistributionState.LAPSED:
        yield from _check_lapsed(work, distribution, on)


def _check_lapsed(
    work: WorkSnapshot, distribution: DistributionRecord, on: date
) -> Iterator[Violation]:
    lapsed = full_lapse(work, distribution)
    assert lapsed is not None
    # Lapsed with the distribution it was passed on from (AM-10), or with an appointment or
    # unit of its own (AM-1).
    rule_id = "AM-10" if lapsed == chain_lapse(work, distribution) else "AM-1"
    open_items = [i for i in distribution.items if not i.is_returned_by(lapsed[0])]
    waiting: list[str] = []
    waiting_en: list[str] = []
    for item in open_items:
        for unit_id in distribution.unit_ids:
            unit = work.org.units.get(unit_id)
            if unit is None or unit.is_closed_by(on):
                continue  # a closed unit has no tasks left to distribute
            chain = task_chain(work, item.task_id, unit_id, on)
            if not _given_anew(work, distribution, item.task_id, unit_id, chain, lapsed[0]):
                holder = work.org.appointments.get(chain.holder_appointment_id or 0)
                task, where = _task_name(work, item.task_id), _unit_name(work, unit_id)
                held_by = appointment_label(work.org, holder, Language.SWEDISH)
                held_by_en = appointment_label(work.org, holder, Language.ENGLISH)
                waiting.append(f"{task} ({where}: innehas nu av {held_by})")
                waiting_en.append(f"{task} ({where}: now held by {held_by_en})")
    if waiting:
        yield _violation(
            work,
            distribution,
            rule_id,
            Severity.WARNING,
            f"Fördelningen upphörde {lapsed[0]} när {lapsed[1]} upphörde. Uppgifterna "
            f"behöver fördelas på nytt: {'; '.join(waiting)}.",
            f"The distribution lapsed on {lapsed[0]}. These tasks need a new distribution: "
            f"{'; '.join(waiting_en)}.",
            "valid_to",
        )


def _given_anew(
    work: WorkSnapshot,
    distribution: DistributionRecord,
    task_id: int,
    unit_id: int,
    chain: TaskChain,
    lapsed_on: date,
) -> bool:
    """The task has been distributed anew since the lapse: whoever holds it now is not the
    giver or someone above the giver in the line the lapsed distribution came down, who hold
    it only because it fell back to them. (A distribution renewed higher up does not count.)"""
    line: set[int | None] = {None, distribution.giver_appointment_id}
    for link in task_chain(work, task_id, unit_id, lapsed_on - timedelta(days=1)).links:
        if link.id == distribution.id:
            break
        line.add(link.receiver_appointment_id)
    return chain.holder_appointment_id not in line
