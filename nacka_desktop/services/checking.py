"""Every rule of the app over the whole database, and the cache that runs each part of the
check again only when the tables it reads have changed.

The database keeps a counter per table, moved by triggers on every insert, update and delete
(migration 0006): unchanged counters mean unchanged data, whoever wrote it (this process,
another one, the sqlite3 shell). The records of a table group are read again only when one of
its counters moved, and each family of rules (organisation, work environment, delegation,
council matters, decisions) runs again only when a group it reads changed. Recording a
delegated decision therefore re-reads the decisions and re-checks them alone; an appointment
re-reads the appointments and re-checks everything that depends on who holds what.

The Problems panel, `check` and the Editor's "which errors did this edit add" share the
results. Only committed data is cached: the Editor checks its own flushed changes with
`check_pending` and hands the results over with `commit` once the transaction committed.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from nacka_desktop.domain.delegation.council_matters import CouncilMatter, DecisionRecord
from nacka_desktop.domain.delegation.orders import BoardSetting, DelegationOrder, Subdelegation
from nacka_desktop.domain.records import OrgSnapshot
from nacka_desktop.domain.rules import Violation, sort_violations
from nacka_desktop.domain.rules.council import check_council_matters, check_decisions
from nacka_desktop.domain.rules.delegation import check_delegation
from nacka_desktop.domain.rules.org import (
    check_appointments,
    check_on_date,
    check_persons,
    check_units,
)
from nacka_desktop.domain.rules.work import check_work_environment
from nacka_desktop.domain.work_environment import WorkSnapshot
from nacka_desktop.services.audit import chain_violations
from nacka_desktop.storage.audit_chain import ChainState, follow
from nacka_desktop.storage.edited_rows import EditedRows
from nacka_desktop.storage.models import DataVersion
from nacka_desktop.storage.repositories.delegation import (
    load_board_settings,
    load_council_matters,
    load_decision_records,
    load_orders,
    load_subdelegations,
)
from nacka_desktop.storage.repositories.org import load_snapshot, patch_snapshot, restructured
from nacka_desktop.storage.repositories.work import load_work_snapshot, patch_work_snapshot
from nacka_desktop.storage.unit_history import structure_epoch

# The structure of the tree on the date checked: the last date on or before it when some unit
# moved, was renamed or changed kind (as an ordinal; 0 if none ever did). Not a table, but kept
# among their counters: a date with another structure reads the units again.
STRUCTURE = "unit_history@"
_UNITS = ("unit", "unit_history", STRUCTURE)

# The groups of tables the rules read, each read as a whole when one of its tables changed.
PARTS: dict[str, tuple[str, ...]] = {
    "org": (*_UNITS, "person", "appointment", "process"),
    "units": _UNITS,
    "persons": ("person",),
    "units+persons+appointments": (*_UNITS, "person", "appointment"),
    "work": (
        "work_task",
        "task_distribution",
        "task_distribution_unit",
        "task_distribution_item",
        "task_return",
    ),
    "orders": ("delegation_order", "delegation_item", "board_setting"),
    "subdelegations": ("subdelegation",),
    "matters": ("council_matter",),
    "decisions": ("delegated_decision",),
    "audit": ("audit_entry",),
}

Versions = dict[str, int]  # table → counter
CACHED_FAMILY_RESULTS = 40  # five families, a few dates, before and after an edit


def table_versions(session: Session, on: date | None) -> Versions:
    """Each table's counter as the session sees it (its own flushed changes included), and
    the structure of the tree on the date (`STRUCTURE`; left out without a date)."""
    session.flush()
    rows = session.connection().execute(select(DataVersion.table_name, DataVersion.counter))
    versions = {name: counter for name, counter in rows}
    if on is None:
        return versions
    epoch = structure_epoch(session, on)
    versions[STRUCTURE] = epoch.toordinal() if epoch is not None else 0
    return versions


def _part_version(versions: Versions, part: str) -> tuple[int, ...]:
    return tuple(versions.get(table, 0) for table in PARTS[part])


@dataclass(frozen=True)
class Dataset:
    """Everything the rules read, as plain records, and the table versions it was read at."""

    work: WorkSnapshot
    orders: list[DelegationOrder]
    matters: list[CouncilMatter]
    subdelegations: list[Subdelegation]
    decisions: list[DecisionRecord]
    versions: Versions = field(default_factory=dict, compare=False)
    # each board's förvaltningschef and reporting rhythm (read with the orders)
    settings: dict[int, BoardSetting] = field(default_factory=dict)
    # how far the audit log's hash chain is verified (DATA-8): after the first check, only the
    # entries added since are walked (storage/audit_chain.py `follow`)
    audit: ChainState = field(default_factory=ChainState, compare=False)

    @property
    def org(self) -> OrgSnapshot:
        return self.work.org

    def same(self, versions: Versions, part: str) -> bool:
        return _part_version(self.versions, part) == _part_version(versions, part)


def load_dataset(
    session: Session,
    on: date,
    previous: Dataset | None = None,
    versions: Versions | None = None,
    edited: EditedRows | None = None,
) -> Dataset:
    """The records as the session sees them, the tree as on the date; what `previous` holds
    of the tables that have not changed since is taken from it instead of read again, and
    when `edited` says which rows an edit wrote since `previous` was read, only those rows are
    read again. A `previous` with the structure of another date is brought to this one by
    replacing the units that differ (the check after such a change is an edit's)."""
    versions = versions if versions is not None else table_versions(session, on)

    def kept(part: str) -> bool:
        return previous is not None and previous.same(versions, part)

    def only_structure_differs() -> bool:
        return previous is not None and all(
            previous.versions.get(t) == versions.get(t) for t in versions if t != STRUCTURE
        )

    if previous is not None and kept("org") and kept("work"):
        work = previous.work
    elif (
        previous is not None
        and edited is not None
        and edited.complete
        and _same_tables(previous.versions, edited.start)
    ):
        # Only this edit changed the database since `previous` was read: read its rows alone.
        org = patch_snapshot(
            session,
            previous.org,
            {t: edited.ids(t) for t in PARTS["org"]},
            on,
            restructure=previous.versions.get(STRUCTURE) != versions.get(STRUCTURE),
        )
        work = patch_work_snapshot(session, previous.work, org, edited.ids("task_distribution"))
    elif previous is not None and only_structure_differs():
        org = restructured(session, previous.org, on)
        work = patch_work_snapshot(session, previous.work, org, ())
    else:
        if previous is not None and kept("org"):
            org = previous.org
        else:
            unchanged = (
                [t for t in PARTS["org"] if previous.versions.get(t) == versions.get(t)]
                if previous is not None
                else []
            )
            org = load_snapshot(session, on, previous.org if previous else None, unchanged)
        if previous is not None and kept("work"):
            work = previous.work.with_org(org)
        else:
            work = load_work_snapshot(session, org)
    return Dataset(
        work=work,
        orders=previous.orders if previous and kept("orders") else load_orders(session),
        matters=previous.matters if previous and kept("matters") else load_council_matters(session),
        subdelegations=(
            previous.subdelegations
            if previous and kept("subdelegations")
            else load_subdelegations(session)
        ),
        decisions=(
            previous.decisions if previous and kept("decisions") else load_decision_records(session)
        ),
        versions=versions,
        settings=previous.settings if previous and kept("orders") else load_board_settings(session),
        audit=follow(session, previous.audit if previous else None, versions.get("audit_entry", 0)),
    )


@dataclass(frozen=True)
class _Family:
    """Rules that read the same groups of tables."""

    name: str
    parts: tuple[str, ...]
    run: Callable[[Dataset, date | None, date], list[Violation]]
    # What the family reads of the organisation, when narrower than the whole "org" part.
    org_inputs: Callable[[Dataset], Hashable] | None = None

    def inputs(self, data: Dataset) -> tuple[Hashable, ...]:
        if self.org_inputs is None:
            return tuple(_part_version(data.versions, p) for p in self.parts)
        return (
            self.org_inputs(data),
            *(_part_version(data.versions, p) for p in self.parts if p != "org"),
        )


def _work_org_inputs(data: Dataset) -> Hashable:
    """After an edit the work rules check again only what it touched (`WorkSnapshot.derive`),
    so the versions serve as the key. Records read whole (after a change by someone else)
    are keyed by what the rules read of the organisation: a new employee or an unrelated
    appointment does not re-run the chains."""
    if data.work.change is not None:
        return _part_version(data.versions, "org")
    return data.work.org_inputs()


FAMILIES = (
    # `check_organisation` in its four parts, in its order.
    _Family("units", ("units",), lambda data, _on, _today: check_units(data.org)),
    _Family("persons", ("persons",), lambda data, _on, _today: check_persons(data.org)),
    _Family(
        "appointments",
        ("units+persons+appointments",),
        lambda data, _on, _today: check_appointments(data.org),
    ),
    _Family(
        "organisation on the date",
        ("org",),
        lambda data, on, today: check_on_date(data.org, on, today) if on is not None else [],
    ),
    _Family(
        "work",
        ("org", "work"),
        lambda data, on, today: check_work_environment(data.work, on=on, today=today),
        org_inputs=_work_org_inputs,
    ),
    _Family(
        "delegation",
        ("org", "orders", "subdelegations"),
        lambda data, on, _today: check_delegation(
            data.org, data.orders, on=on, subdelegations=data.subdelegations, settings=data.settings
        ),
    ),
    _Family(
        "council",
        ("org", "matters", "orders"),
        lambda data, on, _today: check_council_matters(data.org, data.matters, data.orders, on=on),
    ),
    _Family(
        "decisions",
        ("orders", "decisions", "matters"),
        lambda data, _on, today: check_decisions(
            data.orders, data.decisions, data.matters, data.settings, today
        ),
    ),
    _Family("audit log", ("audit",), lambda data, _on, _today: chain_violations(data.audit)),
)

FamilyKey = tuple[str, tuple[Hashable, ...], date | None, date]


def _same_tables(versions: Versions, other: Versions) -> bool:
    """The same counters of every table (the structure's date aside)."""
    return all(versions.get(t) == other.get(t) for t in {*versions, *other} if t != STRUCTURE)


def _family_key(family: _Family, data: Dataset, on: date | None, today: date) -> FamilyKey:
    return (family.name, family.inputs(data), on, today)


def check_dataset(data: Dataset, on: date | None, today: date) -> list[Violation]:
    """Every rule of every part of the app (ORG, AM, DEL, HR, DATA), as the GUI and `check`
    show them."""
    return sort_violations([v for family in FAMILIES for v in family.run(data, on, today)])


def all_violations(session: Session, on: date | None, today: date) -> list[Violation]:
    """`check_dataset` over the session's data as it is now (flushed changes included)."""
    return check_dataset(load_dataset(session, on or today), on, today)


@dataclass
class PendingCheck:
    """The check of an edit's flushed changes, to be cached once the edit is committed."""

    data: Dataset
    violations: list[Violation]
    results: dict[FamilyKey, list[Violation]]


class ViolationCache:
    """The records of the newest version of the database, and each family's results by the
    versions of the tables it reads. Thread-safe: the first check of a database runs in a
    worker thread. A session with flushed changes of its own must not call `violations`,
    `dataset` or `loaded` (see `check_pending`)."""

    def __init__(self, size: int = CACHED_FAMILY_RESULTS) -> None:
        self._size = size
        self._results: OrderedDict[FamilyKey, list[Violation]] = OrderedDict()
        self._dataset: Dataset | None = None
        self._org: tuple[tuple[int, ...], OrgSnapshot] | None = None
        self._lock = threading.Lock()

    def violations(self, session: Session, on: date | None, today: date) -> list[Violation]:
        """Every violation on the date; only what changed since it was last asked is read
        and checked again."""
        data = self.dataset(session, on or today)
        found, fresh = self._check(data, on, today)
        self._store(fresh)
        return found

    def cached(self, session: Session, on: date | None, today: date) -> list[Violation] | None:
        """`violations` if nothing needs reading or checking, else None (one small query)."""
        data = self.loaded(session, on or today)
        if data is None:
            return None
        with self._lock:
            parts = [self._results.get(_family_key(f, data, on, today)) for f in FAMILIES]
        if any(part is None for part in parts):
            return None
        return sort_violations([v for part in parts if part is not None for v in part])

    def check_pending(
        self, session: Session, on: date | None, today: date, edited: EditedRows | None = None
    ) -> PendingCheck:
        """Check the session's flushed, uncommitted changes (the rows `edited` names, if it
        is given); nothing is cached yet."""
        with self._lock:
            previous = self._dataset
        data = load_dataset(session, on or today, previous, edited=edited)
        found, fresh = self._check(data, on, today)
        return PendingCheck(data, found, fresh)

    def commit(self, pending: PendingCheck) -> None:
        """The pending check's data is now the database's: keep it."""
        self._store(pending.results)
        with self._lock:
            before, self._dataset = self._dataset, pending.data
        # The records before the edit are history now: they let go of the ones before them.
        if before is not None and before.work is not pending.data.work:
            before.work.forget_earlier()
        if before is not None and before.org is not pending.data.org:
            before.org.change = None

    def loaded(self, session: Session, on: date | None) -> Dataset | None:
        """The records of the database as it is (the tree as on the date; without a date, as
        on any), if they are in memory already."""
        versions = table_versions(session, on)
        with self._lock:
            data = self._dataset
        if data is None:
            return None
        same = (
            data.versions == versions if on is not None else _same_tables(data.versions, versions)
        )
        return data if same else None

    def org(self, session: Session, on: date) -> OrgSnapshot:
        """The organisation as it is, the tree as on the date: from the records in memory,
        else read alone (not the distributions, orders and decisions that a full check would
        read too)."""
        versions = table_versions(session, on)
        with self._lock:
            data, org = self._dataset, self._org
        if data is not None and data.same(versions, "org"):
            return data.org
        version = _part_version(versions, "org")
        if org is not None and org[0] == version:
            return org[1]
        snapshot = load_snapshot(session, on)
        with self._lock:
            self._org = (version, snapshot)
        return snapshot

    def dataset(self, session: Session, on: date) -> Dataset:
        """The records of the database as it is, the tree as on the date (only changed
        tables, or the units of another structure, read again)."""
        versions = table_versions(session, on)
        with self._lock:
            previous = self._dataset
        if previous is not None and previous.versions == versions:
            return previous
        data = load_dataset(session, on, previous, versions)
        with self._lock:
            self._dataset = data
        # As in `commit`: the older records let go of the ones before them.
        if previous is not None and previous.work is not data.work:
            previous.work.forget_earlier()
        if previous is not None and previous.org is not data.org:
            previous.org.change = None
        return data

    def _check(
        self, data: Dataset, on: date | None, today: date
    ) -> tuple[list[Violation], dict[FamilyKey, list[Violation]]]:
        found: list[Violation] = []
        fresh: dict[FamilyKey, list[Violation]] = {}
        for family in FAMILIES:
            key = _family_key(family, data, on, today)
            with self._lock:
                result = self._results.get(key)
            if result is None:
                result = fresh[key] = family.run(data, on, today)
            found.extend(result)
        return sort_violations(found), fresh

    def _store(self, results: dict[FamilyKey, list[Violation]]) -> None:
        with self._lock:
            for key, result in results.items():
                self._results[key] = result
                self._results.move_to_end(key)
            while len(self._results) > self._size:
                self._results.popitem(last=False)
