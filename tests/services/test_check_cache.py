"""The Problems list an edit leaves behind (the cached check) is always what a full check of
the database finds: random edits, refused or not, compared after each one."""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nacka_desktop.domain.enums import Role, Severity, UnitKind
from nacka_desktop.domain.rules import RuleViolationError, Violation
from nacka_desktop.domain.work_environment import ReturnReason
from nacka_desktop.services.checking import all_violations
from nacka_desktop.services.context import Services
from nacka_desktop.services.editing import ConcurrentEditError, NotFoundError
from nacka_desktop.services.org.people import AppointmentDraft
from tests.conftest import TODAY, build_sample

from .builders import execute

Edit = Callable[[Services], object]


@pytest.fixture(scope="module")
def sample_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "sample.db"
    services = Services.open(path, clock=lambda: TODAY)
    build_sample(services.database, TODAY)
    services.close()
    return path


def _pick(ids: list[int], index: int) -> int:
    return sorted(ids)[index % len(ids)]


def _rename(index: int, name: str) -> Edit:
    return lambda s: s.units.rename(_pick(list(s.queries.snapshot().units), index), name)


def _move(index: int, parent: int) -> Edit:
    def edit(s: Services) -> object:
        units = list(s.queries.snapshot().units)
        return s.units.move(_pick(units, index), _pick(units, parent))

    return edit


def _move_from(index: int, parent: int, days: int) -> Edit:
    """A move from a date, before or after today: the tree of some dates changes."""

    def edit(s: Services) -> object:
        units = list(s.queries.snapshot().units)
        return s.units.move(_pick(units, index), _pick(units, parent), TODAY + timedelta(days))

    return edit


def _rename_from(index: int, name: str, days: int) -> Edit:
    def edit(s: Services) -> object:
        unit = _pick(list(s.queries.snapshot().units), index)
        return s.units.rename(unit, name, TODAY + timedelta(days))

    return edit


def _close(index: int, days: int) -> Edit:
    def edit(s: Services) -> object:
        unit = _pick(list(s.queries.snapshot().units), index)
        return s.units.close(unit, TODAY + timedelta(days=days))

    return edit


def _end_appointment(index: int, days: int) -> Edit:
    def edit(s: Services) -> object:
        appointment = _pick(list(s.queries.snapshot().appointments), index)
        return s.appointments.end(appointment, TODAY + timedelta(days=days))

    return edit


def _appoint(person: int, unit: int, role: Role, acting: bool) -> Edit:
    def edit(s: Services) -> object:
        org = s.queries.snapshot()
        draft = AppointmentDraft(
            _pick(list(org.persons), person),
            _pick(list(org.units), unit),
            role,
            TODAY - timedelta(days=30),
            TODAY + timedelta(days=60) if acting else None,
            acting,
        )
        return s.appointments.appoint(draft)

    return edit


def _end_distribution(index: int, days: int) -> Edit:
    def edit(s: Services) -> object:
        distribution = _pick(list(s.work.snapshot().distributions), index)
        return s.distributions.end(distribution, TODAY + timedelta(days=days))

    return edit


def _distribute(index: int, receiver: int, days: int, sign: bool) -> Edit:
    """A copy of an existing distribution, to another receiver of the giver's line, signed
    and communicated or left a draft: a new link in the chains."""

    def edit(s: Services) -> object:
        source = _pick(list(s.work.snapshot().distributions), index)
        draft = s.distributions.draft_of(source)
        org = s.queries.snapshot()
        draft.receiver_appointment_id = _pick(list(org.appointments), receiver)
        draft.valid_from, draft.valid_to = TODAY + timedelta(days=days // 4), None
        created = s.distributions.create(draft)
        if sign:
            s.distributions.sign(created, TODAY - timedelta(days=40))
            s.distributions.record_oral(created, TODAY - timedelta(days=39))
        return created

    return edit


def _return_tasks(index: int, days: int) -> Edit:
    def edit(s: Services) -> object:
        work = s.work.snapshot()
        distribution = work.distributions[_pick(list(work.distributions), index)]
        return s.distributions.return_tasks(
            distribution.id,
            distribution.task_ids[:1],
            TODAY - timedelta(days=abs(days) // 8),
            [ReturnReason.COMPETENCE],
        )

    return edit


def _rename_person(index: int, name: str) -> Edit:
    def edit(s: Services) -> object:
        person = _pick(list(s.queries.snapshot().persons), index)
        return s.persons.update(person, last_name=name)

    return edit


# Changes another program makes directly in the file (no audit, no service), one per group of
# tables the checks read, so that every group is seen to change.
_BEHIND_THE_BACK = (
    "UPDATE unit SET valid_to = '2020-01-01' WHERE id = (SELECT id FROM unit LIMIT 1 OFFSET ?)",
    "UPDATE unit_history SET name = 'Bakom ryggen' WHERE id = "
    "(SELECT id FROM unit_history LIMIT 1 OFFSET ?)",
    "UPDATE task_distribution SET signed_on = NULL WHERE id = "
    "(SELECT id FROM task_distribution LIMIT 1 OFFSET ?)",
    "UPDATE delegation_item SET decision_kind = 'goals' WHERE id = "
    "(SELECT id FROM delegation_item LIMIT 1 OFFSET ?)",
    "UPDATE delegated_decision SET reported_on = '2001-01-01' WHERE id = "
    "(SELECT id FROM delegated_decision LIMIT 1 OFFSET ?)",
    "DELETE FROM council_matter WHERE id = (SELECT id FROM council_matter LIMIT 1 OFFSET ?)",
)


def _behind_the_back(path: Path, statement: str, index: int) -> Edit:
    def edit(s: Services) -> object:
        execute(path, statement, index % 5)
        return None

    return edit


indexes = st.integers(min_value=0, max_value=10_000)
days = st.integers(min_value=-400, max_value=400)
roles = st.sampled_from([Role.UNIT_MANAGER, Role.EMPLOYEE, Role.GROUP_MANAGER, Role.PRINCIPAL])


def edits(path: Path) -> st.SearchStrategy[Edit]:
    return st.one_of(
        st.builds(_rename, indexes, st.sampled_from(["Ny enhet", "", "Ödeshög"])),
        st.builds(_move, indexes, indexes),
        st.builds(_move_from, indexes, indexes, days),
        st.builds(_rename_from, indexes, st.sampled_from(["Ny enhet", "Ödeshög"]), days),
        st.builds(_close, indexes, days),
        st.builds(_end_appointment, indexes, days),
        st.builds(_appoint, indexes, indexes, roles, st.booleans()),
        st.builds(_end_distribution, indexes, days),
        st.builds(_distribute, indexes, indexes, days, st.booleans()),
        st.builds(_return_tasks, indexes, days),
        st.builds(_rename_person, indexes, st.sampled_from(["Öberg", "Aalto"])),
        st.builds(_behind_the_back, st.just(path), st.sampled_from(_BEHIND_THE_BACK), indexes),
    )


# A problem as the panel shows it: key (rule, kind, id, field), severity, message, label.
Shown = tuple[str, str, int, str, Severity, str, str]


def _shown(violations: list[Violation]) -> list[Shown]:
    return [(*v.key, v.severity, v.message, v.object_label) for v in violations]


def _fresh_check(path: Path, on: date) -> list[Violation]:
    """A full check by a program that has cached nothing."""
    other = Services.open(path, clock=lambda: TODAY, create=False)
    try:
        with other.database.reader() as session:
            return all_violations(session, on, TODAY)
    finally:
        other.close()


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_problems_after_any_edit_equal_a_full_check(
    sample_file: Path, tmp_path: Path, data: st.DataObject
) -> None:
    path = tmp_path / f"edit-{data.draw(st.integers(0, 10**9))}.db"
    shutil.copy2(sample_file, path)
    services = Services.open(path, clock=lambda: TODAY)
    try:
        later, earlier = TODAY + timedelta(days=45), TODAY - timedelta(days=150)
        services.queries.check(TODAY)  # the first check of an opened database
        for edit in data.draw(st.lists(edits(path), min_size=1, max_size=5)):
            # A refused edit must leave the shown problems true as well.
            with contextlib.suppress(
                RuleViolationError, NotFoundError, ConcurrentEditError, ValueError
            ):
                edit(services)
            for on in (TODAY, later, earlier):
                assert _shown(services.queries.check(on)) == _shown(_fresh_check(path, on))
    finally:
        services.close()


def _sweep(path: Path, edit: Callable[[Services, int], object]) -> int:
    """Apply `edit` to every distribution in turn (upper links first), comparing the
    Problems list with a full check after each; how many edits were taken."""
    services = Services.open(path, clock=lambda: TODAY)
    taken = 0
    try:
        services.queries.check(TODAY)
        for distribution_id in sorted(services.work.snapshot().distributions):
            try:
                edit(services, distribution_id)
                taken += 1
            except (RuleViolationError, ValueError):
                pass
            assert _shown(services.queries.check(TODAY)) == _shown(_fresh_check(path, TODAY))
    finally:
        services.close()
    return taken


def test_returns_down_every_chain_leave_the_problems_a_full_check_finds(
    sample_file: Path, tmp_path: Path
) -> None:
    """Each return changes who holds a task below it: the distributions passed on from there
    (checked against the chain on their start date) must be checked again, and only those."""
    path = tmp_path / "returns.db"
    shutil.copy2(sample_file, path)

    def give_back(s: Services, distribution_id: int) -> object:
        distribution = s.work.snapshot().distributions[distribution_id]
        return s.distributions.return_tasks(
            distribution_id,
            distribution.task_ids[:1],
            TODAY - timedelta(days=400),
            [ReturnReason.TIME],
        )

    assert _sweep(path, give_back) > 10


def test_ended_appointments_down_every_chain_leave_the_problems_a_full_check_finds(
    sample_file: Path, tmp_path: Path
) -> None:
    """An appointment's end lapses the distributions given and received by it (the giver's
    line then holds the tasks again): every check reading those chains changes."""
    path = tmp_path / "lapses.db"
    shutil.copy2(sample_file, path)

    def end_receiver(s: Services, distribution_id: int) -> object:
        distribution = s.work.snapshot().distributions[distribution_id]
        return s.appointments.end(distribution.receiver_appointment_id, TODAY - timedelta(days=1))

    assert _sweep(path, end_receiver) > 10

    def rename_giver(s: Services, distribution_id: int) -> object:
        """A lapsed distribution names who holds its tasks now, often someone above its own
        giver: a new name of that person must show in its message too."""
        distribution = s.work.snapshot().distributions[distribution_id]
        org = s.queries.snapshot()
        appointment = org.appointments.get(distribution.giver_appointment_id or 0)
        if appointment is None:
            raise ValueError("given by the employer")
        return s.persons.update(appointment.person_id, last_name=f"Namnbyte {distribution_id}")

    assert _sweep(path, rename_giver) > 10


def test_closing_the_committees_one_by_one_leaves_the_problems_a_full_check_finds(
    sample_file: Path, tmp_path: Path
) -> None:
    """A committee counts for its board (ORG-1: KS has three utskott): closing one changes
    what is found on KS, a unit the edit did not write."""
    path = tmp_path / "committees.db"
    shutil.copy2(sample_file, path)
    services = Services.open(path, clock=lambda: TODAY)
    try:
        services.queries.check(TODAY)
        org = services.queries.snapshot()
        committees = [u.id for u in org.units.values() if u.kind is UnitKind.COMMITTEE]
        assert len(committees) >= 3
        for committee in committees:
            services.units.close(committee, TODAY)
            shown = _shown(services.queries.check(TODAY))
            assert shown == _shown(_fresh_check(path, TODAY))
        assert any(rule == "ORG-1" and "utskott" in message for rule, *_x, message, _l in shown)
    finally:
        services.close()


def test_moves_from_a_date_leave_the_problems_a_full_check_finds_on_every_date(
    sample_file: Path, tmp_path: Path
) -> None:
    """Every unit moved, from a date before or after today, to a place of the same kind
    (so that the move is allowed and the chains through it change): the tree of some dates
    changes and the cached records are brought from one date's tree to another's."""
    path = tmp_path / "moves.db"
    shutil.copy2(sample_file, path)
    services = Services.open(path, clock=lambda: TODAY)
    dates = (TODAY, TODAY - timedelta(days=100), TODAY + timedelta(days=100))
    moved = 0
    try:
        org = services.queries.snapshot()
        for number, unit in enumerate(sorted(org.units.values(), key=lambda u: u.id)):
            parent = org.units.get(unit.parent_id) if unit.parent_id else None
            others = sorted(
                u.id
                for u in org.units.values()
                if parent is not None and u.kind == parent.kind and u.id != parent.id
            )
            if not others:
                continue
            start = dates[number % 3] + timedelta(days=number)
            try:
                services.units.move(unit.id, others[number % len(others)], start)
                moved += 1
            except RuleViolationError:
                pass
            for on in dates:
                assert _shown(services.queries.check(on)) == _shown(_fresh_check(path, on)), (
                    unit.name,
                    on,
                )
    finally:
        services.close()
    assert moved > 10
