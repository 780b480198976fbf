"""Reading delegation orders into domain records, and writing an item's delegate fields."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import Row
from sqlalchemy.orm import Session

from nacka_desktop.domain.delegation.council_matters import CouncilMatter, DecisionRecord
from nacka_desktop.domain.delegation.orders import (
    BoardSetting,
    Delegate,
    DelegateKind,
    DelegationItem,
    DelegationOrder,
    Subdelegation,
    area_words,
)
from nacka_desktop.storage.models import (
    BoardSettingRow,
    CouncilMatterRow,
    DelegatedDecision,
    DelegationItemRow,
    DelegationOrderRow,
    SubdelegationRow,
)
from nacka_desktop.storage.repositories.org import plain_rows


def item_record(row: DelegationItemRow | Row[Any]) -> DelegationItem:
    substitute = (
        Delegate(
            row.substitute_kind,
            row.substitute_role,
            row.substitute_title or "",
            row.substitute_unit_id,
        )
        if row.substitute_kind is not None
        else None
    )
    return DelegationItem(
        id=row.id,
        section=row.section or "",
        number=row.number,
        matter=row.matter,
        decision_kind=row.decision_kind,
        delegate=Delegate(
            row.delegate_kind, row.delegate_role, row.delegate_title or "", row.delegate_unit_id
        ),
        substitute=substitute,
        lagrum=row.lagrum or "",
        legal_basis=row.legal_basis,
        limits=row.limits or "",
        subdelegation_allowed=row.subdelegation_allowed,
        report_to_board=row.report_to_board,
        notes=row.notes or "",
        kind_reason=row.kind_reason or "",
        kind_set_by=row.kind_set_by or "",
        kind_set_on=row.kind_set_on,
    )


def item_columns(item: DelegationItem) -> dict[str, Any]:
    """The row's columns for an item (all but id, order and position)."""
    substitute = item.substitute
    return {
        "section": item.section,
        "number": item.number,
        "matter": item.matter,
        "decision_kind": item.decision_kind,
        "delegate_kind": item.delegate.kind,
        "delegate_role": item.delegate.role,
        "delegate_title": item.delegate.title,
        "delegate_unit_id": item.delegate.unit_id,
        "substitute_kind": substitute.kind if substitute else None,
        "substitute_role": substitute.role if substitute else None,
        "substitute_title": substitute.title if substitute else "",
        "substitute_unit_id": substitute.unit_id if substitute else None,
        "lagrum": item.lagrum,
        "legal_basis": item.legal_basis,
        "limits": item.limits,
        "subdelegation_allowed": item.subdelegation_allowed,
        "report_to_board": item.report_to_board,
        "notes": item.notes,
        "kind_reason": item.kind_reason,
        "kind_set_by": item.kind_set_by,
        "kind_set_on": item.kind_set_on,
    }


def board_setting_record(row: BoardSettingRow | Row[Any]) -> BoardSetting:
    head = (
        Delegate(DelegateKind.POSITION, row.head_role, row.head_title or "", row.head_unit_id)
        if row.head_role is not None or row.head_title
        else None
    )
    return BoardSetting(
        row.board_unit_id,
        head,
        row.report_within_days,
        frozenset((row.reglemente_laws or "").split()),
        area_words(row.reglemente_areas or ""),
    )


def load_board_settings(session: Session) -> dict[int, BoardSetting]:
    """Each board's förvaltningschef and reporting rhythm, by board (DEL-10, DEL-11)."""
    return {
        row.board_unit_id: board_setting_record(row)
        for row in plain_rows(session, BoardSettingRow, BoardSettingRow.board_unit_id)
    }


def load_orders(session: Session) -> list[DelegationOrder]:
    """Every version of every board's order, items in document order, in two SELECTs."""
    items: dict[int, list[DelegationItem]] = defaultdict(list)
    for row in plain_rows(
        session,
        DelegationItemRow,
        DelegationItemRow.order_id,
        DelegationItemRow.position,
        DelegationItemRow.id,
    ):
        items[row.order_id].append(item_record(row))
    return [
        DelegationOrder(
            id=order.id,
            board_unit_id=order.board_unit_id,
            status=order.status,
            items=tuple(items[order.id]),
            adopted_on=order.adopted_on,
            paragraph=order.paragraph or "",
        )
        for order in plain_rows(session, DelegationOrderRow, DelegationOrderRow.id)
    ]


def load_subdelegations(session: Session) -> list[Subdelegation]:
    return [
        Subdelegation(
            id=row.id,
            item_id=row.item_id,
            by_appointment_id=row.by_appointment_id,
            to=Delegate(row.to_kind, row.to_role, row.to_title or "", row.to_unit_id),
            valid_from=row.valid_from,
            valid_to=row.valid_to,
            notes=row.notes or "",
        )
        for row in plain_rows(session, SubdelegationRow, SubdelegationRow.id)
    ]


def council_matter_record(row: CouncilMatterRow | Row[Any]) -> CouncilMatter:
    return CouncilMatter(
        id=row.id,
        kind=row.kind,
        board_unit_id=row.board_unit_id,
        matter=row.matter,
        legal_basis=row.legal_basis,
        decided_on=row.decided_on,
        paragraph=row.paragraph or "",
        case_number=row.case_number or "",
        item_id=row.item_id,
        to_unit_id=row.to_unit_id,
        prepared_on=row.prepared_on,
        council_decided_on=row.council_decided_on,
        council_paragraph=row.council_paragraph or "",
        notes=row.notes or "",
    )


def council_matter_columns(matter: CouncilMatter) -> dict[str, Any]:
    """The row's columns for a matter (all but id)."""
    return {
        "kind": matter.kind,
        "board_unit_id": matter.board_unit_id,
        "matter": matter.matter,
        "legal_basis": matter.legal_basis,
        "decided_on": matter.decided_on,
        "paragraph": matter.paragraph,
        "case_number": matter.case_number,
        "item_id": matter.item_id,
        "to_unit_id": matter.to_unit_id,
        "prepared_on": matter.prepared_on,
        "council_decided_on": matter.council_decided_on,
        "council_paragraph": matter.council_paragraph,
        "notes": matter.notes,
    }


def load_council_matters(session: Session) -> list[CouncilMatter]:
    return [
        council_matter_record(row)
        for row in plain_rows(
            session, CouncilMatterRow, CouncilMatterRow.decided_on, CouncilMatterRow.id
        )
    ]


def load_decision_records(session: Session) -> list[DecisionRecord]:
    return [
        DecisionRecord(
            id=row.id,
            item_id=row.item_id,
            decided_on=row.decided_on,
            description=row.description,
            case_number=row.case_number or "",
            appealable=row.appealable,
            reported_on=row.reported_on,
            recorded_separately_on=row.recorded_separately_on,
        )
        for row in plain_rows(session, DelegatedDecision, DelegatedDecision.id)
    ]
