"""A large, rule-abiding organisation for benchmarks and for trying the app at real size.

`build_scaled_organisation(database, today, units)` plans an organisation of about `units`
units in memory (seeded, so the same size gives the same organisation) and writes it in five
steps, one transaction each: the organisation, its people and appointments, the
work-environment distributions, the delegation orders, and the decisions taken on them. Each
step is written in bulk and then checked with every rule of the app; a step that breaks a
rule of severity error is rolled back and the build stops, naming the first violations.

Proportions per unit: about 8 persons, 6 distributions and 4 delegated decisions; one board
per 250 units (KS included, three at least), each with an adopted order of 300 items.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from nacka_desktop.domain.rules import ObjectKind, Violation
from nacka_desktop.sample.scale._delegation import DelegationPlan
from nacka_desktop.sample.scale._org import MIN_UNITS, Ids, Organisation
from nacka_desktop.sample.scale._rows import GOVERNING, Batches, Rows
from nacka_desktop.sample.scale._work import ALL_TASKS, WorkPlan
from nacka_desktop.services.checking import PendingCheck, ViolationCache
from nacka_desktop.storage.database import Database
from nacka_desktop.storage.models import (
    Appointment,
    AuditEntry,
    DelegatedDecision,
    DelegationItemRow,
    DelegationOrderRow,
    Person,
    Process,
    TaskDistribution,
    TaskDistributionItem,
    TaskReturn,
    TitledPosition,
    Unit,
    UnitHistory,
    WorkTask,
)

SCALES: dict[str, int] = {"nacka": 600, "stockholm": 5000}
SEED = 2026
_SHOWN_ERRORS = 5

Progress = Callable[[str], None]


@dataclass(frozen=True)
class StepTiming:
    name: str
    rows: int
    build_seconds: float  # planning and writing
    check_seconds: float  # every rule over the database as it is after the step


@dataclass(frozen=True)
class ScaleSummary:
    units: int
    persons: int
    appointments: int
    processes: int
    boards: int
    distributions: int
    task_returns: int
    delegation_orders: int
    delegation_items: int
    decisions: int
    steps: tuple[StepTiming, ...]
    warnings: tuple[tuple[str, int], ...]  # rule → count, after the last step

    @property
    def build_seconds(self) -> float:
        return sum(step.build_seconds for step in self.steps)

    @property
    def check_seconds(self) -> float:
        return sum(step.check_seconds for step in self.steps)


class ScaleSampleError(RuntimeError):
    """A step broke a rule of severity error; nothing of that step was written."""

    def __init__(self, step: str, errors: Sequence[Violation]) -> None:
        shown = "; ".join(
            f"{v.rule_id} {v.object_label}: {v.message}" for v in errors[:_SHOWN_ERRORS]
        )
        more = f" (och {len(errors) - _SHOWN_ERRORS} till)" if len(errors) > _SHOWN_ERRORS else ""
        super().__init__(f"Steget {step} bryter mot reglerna: {shown}{more}")
        self.step = step
        self.errors = list(errors)


def scale_units(text: str) -> int:
    """`nacka`, `stockholm` or a number of units (at least MIN_UNITS)."""
    named = SCALES.get(text.strip().casefold())
    if named is not None:
        return named
    try:
        units = int(text)
    except ValueError:
        raise ValueError(
            f"okänd skala {text!r}: ange nacka, stockholm eller ett antal enheter"
        ) from None
    if units < MIN_UNITS:
        raise ValueError(f"en skalad organisation behöver minst {MIN_UNITS} enheter")
    return units


def check_step(session: Session, today: date, cache: ViolationCache | None = None) -> PendingCheck:
    """Every rule, as `check` and the Problems panel run them, on the step's flushed rows;
    with the cache of the earlier steps, only the rules that read what the step wrote run."""
    return (cache or ViolationCache()).check_pending(session, today, today)


def build_scaled_organisation(
    database: Database,
    today: date,
    units: int,
    progress: Progress | None = None,
) -> ScaleSummary:
    """Build an organisation of about `units` units into an empty database, checked on
    `today` after each step. Raises ValueError for a database that holds units already or
    a size below MIN_UNITS, and ScaleSampleError when a step breaks a rule."""
    return _Builder(database, today, units, progress or (lambda _text: None)).run()


class _Builder:
    def __init__(self, database: Database, today: date, units: int, progress: Progress) -> None:
        self.database = database
        self.today = today
        self.progress = progress
        self.rng = random.Random(f"{SEED}-{units}")
        self.steps: list[StepTiming] = []
        self._checks = ViolationCache()
        self.last: list[Violation] = []
        with database.reader() as session:
            if session.scalar(select(Unit.id).limit(1)) is not None:
                raise ValueError(
                    "Databasen innehåller redan enheter. Den skalade organisationen kan bara "
                    "läggas in i en tom databas."
                )
            self.first_ids = {
                model.__tablename__: (session.scalar(select(func.max(model.id))) or 0) + 1
                for model in (
                    Unit,
                    Person,
                    Appointment,
                    Process,
                    TaskDistribution,
                    TaskDistributionItem,
                    TaskReturn,
                    TitledPosition,
                    DelegationOrderRow,
                    DelegationItemRow,
                    DelegatedDecision,
                    AuditEntry,
                )
            }
            self.tasks = {task.code: task.id for task in session.scalars(select(WorkTask))}
        missing = [code for code in ALL_TASKS if code not in self.tasks]
        if missing:
            raise RuntimeError(
                f"Arbetsmiljöuppgifterna {', '.join(missing)} saknas i databasen; "
                "den skalade organisationen kräver standardkatalogen."
            )
        ids = self.first_ids
        self.org = Organisation(
            units,
            today,
            self.rng,
            Ids(ids["unit"], ids["person"], ids["appointment"]),
        )

    def run(self) -> ScaleSummary:
        org = self.org
        rows = Rows(org, self.first_ids, self.tasks, datetime.now(UTC))
        with self._step("organisationen") as session:
            org.build_units()
            self._write(
                session,
                [
                    (Unit, [rows.unit(u) for u in org.units]),
                    (UnitHistory, [rows.unit_history(u) for u in org.units]),
                ],
            )
        with self._step("personer och förordnanden") as session:
            org.build_people()
            self._write(
                session,
                [
                    (Person, [rows.person(p) for p in org.persons]),
                    (Appointment, [rows.appointment(a) for a in org.appointments]),
                    (Process, rows.processes()),
                ],
            )
        ids = self.first_ids
        work = WorkPlan(org, self.rng, ids["task_distribution"], ids["task_return"])
        with self._step("arbetsmiljöuppgifter") as session:
            work.build()
            self._write(session, rows.work(work))
        delegation = DelegationPlan(
            org,
            self.rng,
            {
                "order": ids["delegation_order"],
                "item": ids["delegation_item"],
                "decision": ids["delegated_decision"],
            },
        )
        with self._step("delegationsordningar") as session:
            delegation.build_orders()
            self._write(session, rows.orders(delegation))
        with self._step("delegationsbeslut") as session:
            delegation.build_decisions()
            self._write(session, rows.decisions(delegation))
            session.add(
                AuditEntry(
                    action="sample.scale",
                    object_kind=ObjectKind.UNIT.value,
                    object_id=org.units[0].id,
                    details={
                        "today": self.today.isoformat(),
                        "seed": SEED,
                        **_counts(self._summary(work, delegation)),
                    },
                )
            )
        return self._summary(work, delegation)

    # --- steps --------------------------------------------------------------------------------

    @contextmanager
    def _step(self, name: str) -> Iterator[Session]:
        self.progress(f"Bygger {name} …")
        started = time.perf_counter()
        self._rows = 0
        with self.database.transaction() as session:
            yield session
            session.flush()
            built = time.perf_counter()
            pending = check_step(session, self.today, self._checks)
            found = pending.violations
            errors = [v for v in found if v.is_error]
            if errors:
                raise ScaleSampleError(name, errors)
        self._checks.commit(pending)
        checked = time.perf_counter()
        self.last = found
        step = StepTiming(name, self._rows, built - started, checked - built)
        self.steps.append(step)
        warnings = sum(1 for v in found if not v.is_error)
        self.progress(
            f"{name.capitalize()}: {step.rows} rader på {_seconds(step.build_seconds)}, "
            f"kontrollerade på {_seconds(step.check_seconds)} ({warnings} "
            f"{'varning' if warnings == 1 else 'varningar'}, inga fel)."
        )

    def _write(self, session: Session, batches: Batches) -> None:
        for model, rows in batches:
            if rows:
                session.execute(insert(model), rows)
                self._rows += len(rows)

    def _summary(self, work: WorkPlan, delegation: DelegationPlan) -> ScaleSummary:
        org = self.org
        warnings = Counter(v.rule_id for v in self.last if not v.is_error)
        return ScaleSummary(
            units=len(org.units),
            persons=len(org.persons),
            appointments=len(org.appointments),
            processes=len(GOVERNING) + len(org.areas),
            boards=len(org.boards),
            distributions=len(work.dists),
            task_returns=len(work.returns),
            delegation_orders=len(delegation.orders),
            delegation_items=len(delegation.items),
            decisions=len(delegation.decisions),
            steps=tuple(self.steps),
            warnings=tuple(sorted(warnings.items())),
        )


def _seconds(value: float) -> str:
    return f"{value:.1f} s".replace(".", ",")


def _counts(summary: ScaleSummary) -> dict[str, int]:
    return {k: v for k, v in asdict(summary).items() if isinstance(v, int)}
