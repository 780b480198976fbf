"""The large organisation of `demo --scale`: its proportions, that it keeps every rule, that
each distribution state occurs, that decisions are taken by those who hold the right, and
that the same size always gives the same organisation."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nacka_desktop.domain.delegation.orders import (
    CONSULTATION_KINDS,
    HR_KINDS,
    NEED_TEST_KINDS,
    NON_DELEGABLE_KINDS,
    DecisionKind,
    OrderStatus,
    infer_decision_kind,
)
from nacka_desktop.domain.delegation.rights import rights_of_person
from nacka_desktop.domain.enums import Role, Severity, UnitKind
from nacka_desktop.domain.rules import ObjectKind, Violation
from nacka_desktop.domain.work_environment import DistributionState, follow_up_due, state_on
from nacka_desktop.sample import scale as scale_sample
from nacka_desktop.sample.scale import (
    SCALES,
    ScaleSampleError,
    ScaleSummary,
    build_scaled_organisation,
    scale_units,
)
from nacka_desktop.sample.scale._delegation import ITEMS, _expand
from nacka_desktop.sample.scale._matters import (
    COMMON,
    GENERIC,
    KS_OWN,
    KS_STAFF,
    PROCUREMENT_CATEGORIES,
    URGENT,
    procurement,
)
from nacka_desktop.sample.scale._matters_boards import DOMAIN_MATTERS
from nacka_desktop.sample.scale._org import Ids, Organisation
from nacka_desktop.services.checking import PendingCheck, ViolationCache, all_violations
from nacka_desktop.storage.database import Database, open_database
from nacka_desktop.storage.models import DelegatedDecision, TaskDistribution, Unit, UnitHistory
from nacka_desktop.storage.repositories.delegation import load_decision_records, load_orders
from nacka_desktop.storage.repositories.work import load_work_snapshot
from tests.conftest import build_sample

TODAY = date(2026, 11, 26)
UNITS = 90
# What the Problems panel shows on the day it is built: a vacancy, a few distributions not
# yet communicated orally and overdue follow-ups; at larger sizes also an appealable
# decision of the last days not yet recorded separately.
ALLOWED_WARNINGS = {"ORG-8", "AM-3", "AM-8", "DEL-11"}


def _build(path: Path, units: int) -> tuple[Database, ScaleSummary]:
    database = open_database(path)
    return database, build_scaled_organisation(database, TODAY, units)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, ScaleSummary]]:
    database, summary = _build(tmp_path_factory.mktemp("scale") / "scale.db", UNITS)
    yield database, summary
    database.close()


@pytest.fixture(scope="module")
def violations(built: tuple[Database, ScaleSummary]) -> list[Violation]:
    with built[0].reader() as session:
        return all_violations(session, TODAY, TODAY)


def test_the_named_scales_and_numbers() -> None:
    assert SCALES == {"nacka": 600, "stockholm": 5000}
    assert scale_units("nacka") == 600
    assert scale_units("Stockholm") == 5000
    assert scale_units("120") == 120
    for bad in ("49", "göteborg", ""):
        with pytest.raises(ValueError):
            scale_units(bad)


def test_the_counts_follow_the_proportions(built: tuple[Database, ScaleSummary]) -> None:
    database, summary = built
    assert summary.units == UNITS
    assert summary.boards == 3  # KS and two nämnder: one per 250 units, three at least
    assert 6 <= summary.persons / UNITS <= 11
    assert 4 <= summary.distributions / UNITS <= 8
    assert summary.decisions == 4 * UNITS
    assert [step.name for step in summary.steps] == [
        "organisationen",
        "personer och förordnanden",
        "arbetsmiljöuppgifter",
        "delegationsordningar",
        "delegationsbeslut",
    ]
    with database.reader() as session:
        assert session.scalar(select(func.count(Unit.id))) == UNITS
        # Each unit has its history from the bulk insert too: one period, its present values.
        units = {u.id: (u.parent_id, u.kind, u.name, u.code) for u in session.scalars(select(Unit))}
        periods = {
            p.unit_id: (p.parent_id, p.kind, p.name, p.code)
            for p in session.scalars(select(UnitHistory))
        }
        assert periods == units
        orders = load_orders(session)
    adopted = [o for o in orders if o.status is OrderStatus.ADOPTED]
    assert len(adopted) == summary.boards
    assert all(len(o.items) == ITEMS for o in adopted)
    assert any(o.status is OrderStatus.SUPERSEDED for o in orders)
    sections = {i.section for o in adopted for i in o.items}
    assert {"Personalärenden", "Ekonomi", "Upphandling", "Juridik"} <= sections


def test_every_manager_role_deputies_acting_vacancies_and_history(
    built: tuple[Database, ScaleSummary], violations: list[Violation]
) -> None:
    with built[0].reader() as session:
        org = load_work_snapshot(session).org
    roles = Counter(a.role for a in org.appointments.values())
    for role in (
        Role.CITY_DIRECTOR,
        Role.DIRECTOR,
        Role.PRODUCTION_DIRECTOR,
        Role.UNIT_MANAGER,
        Role.PRINCIPAL,
        Role.PRESCHOOL_HEAD,
        Role.OPERATIONS_MANAGER,
        Role.GROUP_MANAGER,
        Role.DEPUTY_UNIT_MANAGER,
        Role.DEPUTY_PRINCIPAL,
        Role.CHAIR,
    ):
        assert roles[role] > 0, role
    acting = [a for a in org.appointments.values() if a.acting]
    assert acting
    assert all(a.valid_to is not None and a.valid_to > TODAY for a in acting)
    assert any(a.valid_to is not None and a.valid_to <= TODAY for a in org.appointments.values())
    kinds = Counter(u.kind for u in org.units.values())
    assert kinds[UnitKind.COMMITTEE] == 3
    assert kinds[UnitKind.GROUP] > 0
    assert any(v.rule_id == "ORG-8" for v in violations)  # a handful of vacancies
    numbers = [p.employee_number for p in org.persons.values()]
    assert len(numbers) == len(set(numbers))


def test_no_rule_is_broken_and_the_warnings_are_the_expected_ones(
    violations: list[Violation], built: tuple[Database, ScaleSummary]
) -> None:
    errors = [v for v in violations if v.is_error]
    assert errors == []
    assert {v.rule_id for v in violations} <= ALLOWED_WARNINGS
    counted = Counter(v.rule_id for v in violations if v.severity is Severity.WARNING)
    assert dict(built[1].warnings) == dict(counted)


def test_every_distribution_state_occurs(built: tuple[Database, ScaleSummary]) -> None:
    with built[0].reader() as session:
        work = load_work_snapshot(session)
    states = Counter(state_on(work.org, d, TODAY) for d in work.distributions.values())
    assert set(states) == set(DistributionState)
    assert states[DistributionState.IN_FORCE] > sum(states.values()) / 2
    in_force = [
        d
        for d in work.distributions.values()
        if state_on(work.org, d, TODAY) is DistributionState.IN_FORCE
    ]
    assert any(any(i.returned_on for i in d.items) for d in in_force)  # partly returned
    assert any((due := follow_up_due(d)) is not None and due < TODAY for d in in_force)
    signed = [
        d
        for d in work.distributions.values()
        if state_on(work.org, d, TODAY) is DistributionState.SIGNED
    ]
    assert any(d.communicated_on is None for d in signed)
    employer = [d for d in work.distributions.values() if d.from_employer]
    assert employer and all(d.employer_signatory_id is not None for d in employer)


def test_decisions_are_taken_by_holders_of_the_right(built: tuple[Database, ScaleSummary]) -> None:
    with built[0].reader() as session:
        org = load_work_snapshot(session).org
        orders = load_orders(session)
        records = {r.id: r for r in load_decision_records(session)}
        rows = list(session.scalars(select(DelegatedDecision)))
    items = {i.id: i for o in orders for i in o.items}
    assert len(rows) == len(records) == 4 * UNITS
    kinds = Counter(items[row.item_id].decision_kind for row in rows)
    assert kinds[DecisionKind.HIRE] > 0
    for row in rows:
        item = items[row.item_id]
        only = [replace(o, items=tuple(i for i in o.items if i.id == item.id)) for o in orders]
        appointment = org.appointments[row.decided_by_appointment_id]
        rights = rights_of_person(org, only, appointment.person_id, row.decided_on)
        assert any(r.item.id == item.id and r.appointment.id == appointment.id for r in rights), (
            row.description
        )
        assert row.decided_on <= TODAY
        if item.decision_kind in NEED_TEST_KINDS:
            assert row.need_tested_on is not None and row.need_tested_on < row.decided_on
        if item.decision_kind in CONSULTATION_KINDS:
            assert row.consulted_on is not None and row.consulted_on < row.decided_on
        if row.reported_on is not None:
            assert row.decided_on <= row.reported_on <= TODAY
    assert any(row.reported_on is None for row in rows)
    assert any(row.reported_on is not None for row in rows)


def test_the_same_size_gives_the_same_organisation(
    built: tuple[Database, ScaleSummary], tmp_path: Path
) -> None:
    database, summary = _build(tmp_path / "again.db", UNITS)
    try:
        counts = {k: v for k, v in vars(summary).items() if k != "steps"}
        assert counts == {k: v for k, v in vars(built[1]).items() if k != "steps"}
        with database.reader() as again, built[0].reader() as first:
            names = select(Unit.code, Unit.name).order_by(Unit.id)
            assert list(again.execute(names)) == list(first.execute(names))
            dates = select(TaskDistribution.valid_from).order_by(TaskDistribution.id)
            assert list(again.scalars(dates)) == list(first.scalars(dates))
    finally:
        database.close()


def test_every_matter_of_the_catalogue_may_be_delegated_by_its_board() -> None:
    """DEL-7 everywhere, DEL-6 outside KS: the boards only larger sizes build included."""
    board_matters = [*COMMON, *GENERIC, URGENT]
    board_matters += [t for c in PROCUREMENT_CATEGORIES for t in procurement(c)]
    board_matters += [t for matters in DOMAIN_MATTERS.values() for t in matters]
    for tpl in board_matters:
        for _, matter, _, _ in _expand(tpl):
            kind = infer_decision_kind(matter)
            assert kind not in NON_DELEGABLE_KINDS | HR_KINDS, matter
    for tpl in (*KS_STAFF, *KS_OWN):
        for _, matter, _, _ in _expand(tpl):
            assert infer_decision_kind(matter) not in NON_DELEGABLE_KINDS, matter


def test_refuses_a_database_that_holds_an_organisation(tmp_path: Path) -> None:
    database = open_database(tmp_path / "sample.db")
    try:
        build_sample(database, TODAY)
        with pytest.raises(ValueError, match="tom databas"):
            build_scaled_organisation(database, TODAY, 60)
    finally:
        database.close()


def test_a_step_that_breaks_a_rule_is_rolled_back_and_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked = scale_sample.check_step

    def refuse_distributions(
        session: Session, today: date, cache: ViolationCache | None = None
    ) -> PendingCheck:
        pending = checked(session, today, cache)
        if session.scalar(select(func.count(TaskDistribution.id))):
            pending.violations.append(
                Violation("AM-7", Severity.ERROR, "Dubbelt.", "Twice.", ObjectKind.DISTRIBUTION, 1)
            )
        return pending

    monkeypatch.setattr(scale_sample, "check_step", refuse_distributions)
    database = open_database(tmp_path / "broken.db")
    progress: list[str] = []
    try:
        with pytest.raises(
            ScaleSampleError, match="arbetsmiljöuppgifter bryter mot reglerna: AM-7"
        ):
            build_scaled_organisation(database, TODAY, 60, progress.append)
        with database.reader() as session:
            assert session.scalar(select(func.count(Unit.id))) == 60  # earlier steps stay
            assert session.scalar(select(func.count(TaskDistribution.id))) == 0
    finally:
        database.close()
    assert progress[0] == "Bygger organisationen …"
    assert progress[-1] == "Bygger arbetsmiljöuppgifter …"


@pytest.mark.parametrize("size", [UNITS, 600, 5000])
def test_no_two_units_under_one_parent_share_a_name(size: int) -> None:
    plan = Organisation(size, TODAY, random.Random(size), Ids())
    plan.build_units()
    names = Counter((unit.parent.code if unit.parent else None, unit.name) for unit in plan.units)
    assert [name for name, count in names.items() if count > 1] == []
