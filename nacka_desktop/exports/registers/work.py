"""The Excel register of work-environment task distributions (DOMAIN.md §3): every
distribution, task by task, and who holds which task (`workbook` writes it)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

from nacka_desktop.domain.labels import DOCUMENT_LANGUAGE
from nacka_desktop.domain.signatures import SignatureRecord
from nacka_desktop.domain.work_environment import DistributionState
from nacka_desktop.exports.registers.signatures import signature_cells
from nacka_desktop.exports.registers.workbook import Progress, Row, SheetData, write_workbook
from nacka_desktop.services.work_queries import (
    DistributionRegisterView,
    DistributionView,
    Holding,
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
    "Undertecknad hur",
    "Underskrifter",
    "Muntligen",
    "Gäller från",
    "Upphör fr.o.m.",
    "Återförd",
    "Skäl",
    "Återföringen undertecknad",
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
    view: DistributionRegisterView, path: Path, progress: Progress | None = None
) -> None:
    """Write the register of every distribution, and who holds which task, as of the view's
    date (`WorkQueries.distribution_register`)."""
    on = view.on
    write_workbook(
        path,
        f"Fördelning av arbetsmiljöuppgifter {on.isoformat()}",
        [
            SheetData(
                DISTRIBUTION_SHEET,
                "Fordelningar",
                DISTRIBUTION_HEADERS,
                distribution_rows(view.distributions, on, view.signatures, view.return_signatures),
            ),
            SheetData(
                HOLDING_SHEET,
                "UppgifterPerPerson",
                HOLDING_HEADERS,
                holding_rows(view.holdings),
            ),
        ],
        progress,
    )


def distribution_rows(
    views: Sequence[DistributionView],
    on: date,
    signatures: Mapping[int, Sequence[SignatureRecord]] | None = None,
    return_signatures: Mapping[int, Sequence[SignatureRecord]] | None = None,
) -> list[Row]:
    """One row per task per distribution, in distribution order, tasks as in the distribution;
    how it was signed from the records of its letters' signatures (none: signed before the
    app kept them, or not yet)."""
    rows: list[Row] = []
    for view in views:
        record = view.record
        how, who = signature_cells((signatures or {}).get(record.id, ()))
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
                    state.label(DOCUMENT_LANGUAGE),
                    record.signed_on,
                    how,
                    who,
                    record.communicated_on,
                    record.valid_from,
                    ends_on,
                    returned_on,
                    ", ".join(r.label(DOCUMENT_LANGUAGE) for r in task_return.reasons)
                    if task_return
                    else None,
                    signature_cells((return_signatures or {}).get(task_return.id, ()))[1]
                    if task_return
                    else None,
                    view.follow_up_due,
                    "Ja" if record.may_pass_on else "Nej",
                )
            )
    return rows


def holding_rows(holdings: Sequence[Holding]) -> list[Row]:
    """One row per (person, role, unit, task) held on the register's date, in the view's
    order, with the chain from KS down."""
    return [
        (
            holding.person_name,
            holding.role_label,
            holding.unit_name,
            holding.unit_code,
            holding.task_name,
            holding.distribution_id,
            CHAIN_ARROW.join(holding.chain),
        )
        for holding in holdings
    ]
