"""The Excel register of work-environment task distributions (DOMAIN.md §3): every
distribution, task by task, and who holds which task (`workbook` writes it)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from nacka_desktop.domain.records import swedish_sort_key
from nacka_desktop.domain.work_environment import (
    DistributionState,
    TaskChain,
    WorkSnapshot,
    item_in_force,
    state_on,
    task_chain,
)
from nacka_desktop.exports.registers.workbook import Progress, Row, SheetData, write_workbook
from nacka_desktop.services.org.queries import AppointmentView, appointment_view
from nacka_desktop.services.work_queries import (
    EMPLOYER_NAME,
    DistributionView,
    WorkQueries,
    distribution_view,
    sorted_distributions,
)

CHAIN_ARROW = " → "

DISTRIBUTION_SHEET = "Fördelningar"
DISTRIBUTION_HEADERS: tuple[str, ...] = (
    "Fördelning",
    "Enhet",
    "Kod",
    "Givare",
    "Givarens roll",
    "Mottagare",
    "Mottagarens roll",
    "Uppgift",
    "Status",
    "Undertecknad",
    "Muntligen",
    "Gäller från",
    "Upphör fr.o.m.",
    "Återförd",
    "Skäl",
    "Uppföljning senast",
    "Får fördelas vidare",
)

HOLDING_SHEET = "Uppgifter per person"
HOLDING_HEADERS: tuple[str, ...] = (
    "Person",
    "Roll",
    "Enhet",
    "Kod",
    "Uppgift",
    "Fördelning",
    "Kedja",
)

_ACTIVE = (DistributionState.SIGNED, DistributionState.IN_FORCE)


def write_distribution_register(
    work: WorkQueries, on: date, path: Path, progress: Progress | None = None
) -> None:
    """Write the register of every distribution, and who holds which task, as of `on`."""
    # One snapshot, the tree as on the date: both sheets describe the same moment.
    snapshot = work.snapshot(on)
    views = [distribution_view(snapshot, d, on) for d in sorted_distributions(snapshot)]
    write_workbook(
        path,
        f"Fördelning av arbetsmiljöuppgifter {on.isoformat()}",
        [
            SheetData(
                DISTRIBUTION_SHEET,
                "Fordelningar",
                DISTRIBUTION_HEADERS,
                distribution_rows(views, on),
            ),
            SheetData(
                HOLDING_SHEET, "UppgifterPerPerson", HOLDING_HEADERS, holding_rows(snapshot, on)
            ),
        ],
        progress,
    )


def distribution_rows(views: Sequence[DistributionView], on: date) -> list[Row]:
    """One row per task per distribution, in distribution order, tasks as in the distribution."""
    rows: list[Row] = []
    for view in views:
        record = view.record
        returns = {r.id: r for r in view.returns}
        codes = ", ".join(code for _id, _name, code in view.units)
        # The first day it no longer applies: its own end, or an earlier lapse (both exclusive).
        ends_on = view.lapse[0] if view.lapse is not None else record.valid_to
        for entry in view.items:
            item = entry.item
            returned_on = item.returned_on if item.is_returned_by(on) else None
            task_return = returns.get(item.return_id or 0) if returned_on else None
            state = view.state
            if returned_on is not None and state in _ACTIVE:
                state = DistributionState.RETURNED
            rows.append(
                (
                    record.id,
                    view.unit_names,
                    codes,
                    view.giver_name,
                    view.giver_role,
                    view.receiver.person_name,
                    view.receiver.role_label,
                    entry.task.name,
                    state.label_sv,
                    record.signed_on,
                    record.communicated_on,
                    record.valid_from,
                    ends_on,
                    returned_on,
                    ", ".join(r.label_sv for r in task_return.reasons) if task_return else None,
                    view.follow_up_due,
                    "Ja" if record.may_pass_on else "Nej",
                )
            )
    return rows


def holding_rows(snapshot: WorkSnapshot, on: date) -> list[Row]:
    """One row per (person, role, unit, task) held on the date, with the chain from KS down.

    The same answer as `held_tasks` for every receiver, but each (task, unit) chain is
    followed once for the whole register instead of once per appointment asked about."""
    org = snapshot.org
    in_force = [
        d
        for d in sorted_distributions(snapshot)
        if state_on(org, d, on) is DistributionState.IN_FORCE
    ]
    chains: dict[tuple[int, int], TaskChain] = {}
    holders: dict[int, AppointmentView] = {}
    found: dict[tuple[int, str, int, int], tuple[tuple[str, ...], Row]] = {}
    for distribution in in_force:
        receiver_id = distribution.receiver_appointment_id
        for item in distribution.items:
            if not item_in_force(org, distribution, item.task_id, on):
                continue
            for unit_id in distribution.unit_ids:
                key = (item.task_id, unit_id)
                chain = chains.get(key)
                if chain is None:
                    chain = chains[key] = task_chain(snapshot, item.task_id, unit_id, on)
                if chain.holder_appointment_id != receiver_id:
                    continue
                holder = holders.get(receiver_id)
                if holder is None:
                    holder = holders[receiver_id] = appointment_view(
                        org, org.appointments[receiver_id]
                    )
                person_id = holder.appointment.person_id
                row_key = (person_id, holder.role_label, unit_id, item.task_id)
                if row_key in found:
                    continue
                unit = org.units.get(unit_id)
                unit_name = unit.name if unit else "?"
                task_name = snapshot.tasks[item.task_id].name
                names = [EMPLOYER_NAME] + [
                    org.person_label(org.appointments[link.receiver_appointment_id].person_id)
                    if link.receiver_appointment_id in org.appointments
                    else "?"
                    for link in chain.links
                ]
                found[row_key] = (
                    (
                        swedish_sort_key(holder.person_name),
                        holder.role_label,
                        swedish_sort_key(unit_name),
                        swedish_sort_key(task_name),
                    ),
                    (
                        holder.person_name,
                        holder.role_label,
                        unit_name,
                        unit.code if unit else "",
                        task_name,
                        chain.links[-1].id,
                        CHAIN_ARROW.join(names),
                    ),
                )
    return [row for _key, row in sorted(found.values(), key=lambda pair: pair[0])]
