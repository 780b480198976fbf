"""Reading work-environment tasks, distributions and returns into domain records."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from typing import Any

from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from nacka_desktop.domain.records import OrgSnapshot
from nacka_desktop.domain.work_environment import (
    DistributionItemRecord,
    DistributionRecord,
    ReturnReason,
    TaskReturnRecord,
    WorkSnapshot,
    WorkTaskRecord,
)
from nacka_desktop.storage.models import (
    TaskDistribution,
    TaskDistributionItem,
    TaskDistributionUnit,
    TaskReturn,
    WorkTask,
)
from nacka_desktop.storage.repositories.org import load_snapshot, plain_rows


def parse_reasons(text: str) -> tuple[ReturnReason, ...]:
    return tuple(ReturnReason(part) for part in text.split(",") if part)


def load_work_snapshot(
    session: Session,
    org: OrgSnapshot | None = None,
    distribution_ids: Collection[int] | None = None,
) -> WorkSnapshot:
    """The organisation plus every task, distribution and return (or only the distributions
    named, with their returns), in a handful of SELECTs."""
    org = org if org is not None else load_snapshot(session)
    only = list(distribution_ids) if distribution_ids is not None else None

    def of(column: Any) -> ColumnElement[bool] | None:
        return column.in_(only) if only is not None else None

    units: dict[int, list[int]] = defaultdict(list)
    for link in plain_rows(
        session, TaskDistributionUnit, where=of(TaskDistributionUnit.distribution_id)
    ):
        units[link.distribution_id].append(link.unit_id)
    items: dict[int, list[DistributionItemRecord]] = defaultdict(list)
    returned_tasks: dict[int, list[int]] = defaultdict(list)
    for item in plain_rows(
        session,
        TaskDistributionItem,
        TaskDistributionItem.id,
        where=of(TaskDistributionItem.distribution_id),
    ):
        items[item.distribution_id].append(
            DistributionItemRecord(
                id=item.id,
                task_id=item.task_id,
                knowledge=item.knowledge,
                competence=item.competence,
                authority=item.authority,
                resources=item.resources,
                returned_on=item.returned_on,
                return_id=item.return_id,
            )
        )
        if item.return_id is not None:
            returned_tasks[item.return_id].append(item.task_id)
    return WorkSnapshot(
        org=org,
        tasks={
            t.id: WorkTaskRecord(t.id, t.code, t.name, t.description or "", t.active)
            for t in plain_rows(session, WorkTask, WorkTask.id)
        },
        distributions={
            d.id: DistributionRecord(
                id=d.id,
                receiver_appointment_id=d.receiver_appointment_id,
                giver_appointment_id=d.giver_appointment_id,
                unit_ids=tuple(sorted(units[d.id])),
                items=tuple(items[d.id]),
                valid_from=d.valid_from,
                valid_to=d.valid_to,
                signed_on=d.signed_on,
                communicated_on=d.communicated_on,
                may_pass_on=d.may_pass_on,
                absence_arrangement=d.absence_arrangement or "",
                retained_tasks=d.retained_tasks or "",
                followed_up_on=d.followed_up_on,
                employer_signatory_id=d.employer_signatory_id,
                employer_decision_on=d.employer_decision_on,
                employer_decision_section=d.employer_decision_section or "",
            )
            for d in plain_rows(
                session, TaskDistribution, TaskDistribution.id, where=of(TaskDistribution.id)
            )
        },
        returns={
            r.id: TaskReturnRecord(
                id=r.id,
                distribution_id=r.distribution_id,
                returned_on=r.returned_on,
                reasons=parse_reasons(r.reasons or ""),
                explanation=r.explanation or "",
                task_ids=tuple(returned_tasks[r.id]),
            )
            for r in plain_rows(
                session, TaskReturn, TaskReturn.id, where=of(TaskReturn.distribution_id)
            )
        },
    )


def patch_work_snapshot(
    session: Session, previous: WorkSnapshot, org: OrgSnapshot, distribution_ids: Collection[int]
) -> WorkSnapshot:
    """`previous` over `org`, with the distributions named (and their returns) read again:
    the snapshot after an edit, at the cost of what the edit wrote (`WorkSnapshot.derive`)."""
    ids = sorted(distribution_ids)
    read = load_work_snapshot(session, org, ids)
    returns: dict[int, list[TaskReturnRecord]] = defaultdict(list)
    for task_return in read.returns.values():
        returns[task_return.distribution_id].append(task_return)
    return previous.derive(org, {i: read.distributions.get(i) for i in ids}, returns, read.tasks)
