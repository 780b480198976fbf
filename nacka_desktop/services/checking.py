"""Every rule of the app, run over the whole database, and the cache that runs it once per
version of the database.

The version of a database is the counter of its `data_version` row, which triggers move on
every insert, update and delete (migration 0006): an unchanged version means unchanged data,
whoever wrote it, in this process, another one, or the sqlite3 shell. A result is kept per
(version, date, today), so the Problems panel, `check` and the Editor's "which errors did
this edit add" share one run.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from nacka_desktop.domain.checks import check_organisation
from nacka_desktop.domain.council_checks import check_council_matters, check_decisions
from nacka_desktop.domain.council_matters import CouncilMatter, DecisionRecord
from nacka_desktop.domain.delegation import DelegationOrder, Subdelegation
from nacka_desktop.domain.delegation_checks import check_delegation
from nacka_desktop.domain.records import OrgSnapshot
from nacka_desktop.domain.rules import Violation, sort_violations
from nacka_desktop.domain.work_checks import check_work_environment
from nacka_desktop.domain.work_environment import WorkSnapshot
from nacka_desktop.storage.delegation_repository import (
    load_council_matters,
    load_decision_records,
    load_orders,
    load_subdelegations,
)
from nacka_desktop.storage.models import DataVersion
from nacka_desktop.storage.work_repository import load_work_snapshot

CACHED_RESULTS = 4  # today's and the view date's, before and after an edit


@dataclass(frozen=True)
class Dataset:
    """Everything the rules read, as plain records: the whole database in a few SELECTs."""

    work: WorkSnapshot
    orders: list[DelegationOrder]
    matters: list[CouncilMatter]
    subdelegations: list[Subdelegation]
    decisions: list[DecisionRecord]

    @property
    def org(self) -> OrgSnapshot:
        return self.work.org


def load_dataset(session: Session) -> Dataset:
    return Dataset(
        work=load_work_snapshot(session),
        orders=load_orders(session),
        matters=load_council_matters(session),
        subdelegations=load_subdelegations(session),
        decisions=load_decision_records(session),
    )


def check_dataset(data: Dataset, on: date | None, today: date) -> list[Violation]:
    """Every rule of every part of the app (ORG, AM, DEL, HR, DATA), as the GUI and `check`
    show them."""
    return sort_violations(
        check_organisation(data.org, on=on, today=today)
        + check_work_environment(data.work, on=on, today=today)
        + check_delegation(data.org, data.orders, on=on, subdelegations=data.subdelegations)
        + check_council_matters(data.org, data.matters, data.orders, on=on)
        + check_decisions(data.orders, data.decisions, data.matters)
    )


def all_violations(session: Session, on: date | None, today: date) -> list[Violation]:
    """`check_dataset` over the session's data as it is now (flushed changes included)."""
    return check_dataset(load_dataset(session), on, today)


def database_version(session: Session) -> int:
    """The data's version as the session sees it (its own flushed changes included)."""
    return session.scalar(select(DataVersion.counter).where(DataVersion.id == 1)) or 0


Key = tuple[int, date | None, date]


class ViolationCache:
    """The results of full checks, by (database version, date, today), and the records of
    the newest version, for the reads that need the whole organisation (who is whose chief,
    who holds a task). Thread-safe: the first check of a database runs in a worker thread.

    Only committed data is cached: a session with pending or flushed changes of its own
    must not call `violations` or `dataset` (the Editor checks those with `all_violations`
    and caches the result only once it is committed)."""

    def __init__(self, size: int = CACHED_RESULTS) -> None:
        self._size = size
        self._results: OrderedDict[Key, list[Violation]] = OrderedDict()
        self._dataset: tuple[int, Dataset] | None = None
        self._lock = threading.Lock()

    def violations(self, session: Session, on: date | None, today: date) -> list[Violation]:
        """Every violation on the date, from the cache when the database is unchanged."""
        version = database_version(session)
        key = (version, on, today)
        found = self.get(key)
        if found is None:
            found = check_dataset(self._dataset_of(session, version), on, today)
            self.put(key, found)
        return found

    def cached(self, session: Session, on: date | None, today: date) -> list[Violation] | None:
        return self.get((database_version(session), on, today))

    def loaded(self, session: Session) -> Dataset | None:
        """The records of the database as it is, if they are in memory already."""
        version = database_version(session)
        with self._lock:
            cached = self._dataset
        return cached[1] if cached is not None and cached[0] == version else None

    def dataset(self, session: Session) -> Dataset:
        """The records of the database as it is (loaded again only after a change)."""
        return self._dataset_of(session, database_version(session))

    def _dataset_of(self, session: Session, version: int) -> Dataset:
        with self._lock:
            cached = self._dataset
        if cached is not None and cached[0] == version:
            return cached[1]
        data = load_dataset(session)
        self.put_dataset(version, data)
        return data

    def put_dataset(self, version: int, data: Dataset) -> None:
        with self._lock:
            self._dataset = (version, data)

    def get(self, key: Key) -> list[Violation] | None:
        with self._lock:
            found = self._results.get(key)
            if found is not None:
                self._results.move_to_end(key)
            return None if found is None else list(found)

    def put(self, key: Key, violations: list[Violation]) -> None:
        with self._lock:
            self._results[key] = list(violations)
            self._results.move_to_end(key)
            while len(self._results) > self._size:
                self._results.popitem(last=False)
