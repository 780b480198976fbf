"""The checks of matters moved between a board and KF (DEL-3, DEL-4, DEL-5) and of how
decisions taken on delegation reach the record (DEL-11)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date, timedelta

from nacka_desktop.domain.delegation.council_matters import (
    CouncilMatter,
    CouncilMatterKind,
    DecisionRecord,
    ReportRoute,
    recalls_in,
    report_route,
)
from nacka_desktop.domain.delegation.orders import (
    BoardSetting,
    DelegationItem,
    DelegationOrder,
    LegalBasis,
)
from nacka_desktop.domain.delegation.rights import orders_in_force
from nacka_desktop.domain.enums import Severity, UnitKind
from nacka_desktop.domain.language import Language
from nacka_desktop.domain.records import OrgSnapshot
from nacka_desktop.domain.rules import ObjectKind, Violation, sort_violations

_BOARDS = (UnitKind.BOARD, UnitKind.EXECUTIVE_BOARD)
_Make = Callable[[str, Severity, str, str, str], Violation]


def check_council_matters(
    org: OrgSnapshot,
    matters: Sequence[CouncilMatter],
    orders: Sequence[DelegationOrder] = (),
    on: date | None = None,
) -> list[Violation]:
    found: list[Violation] = []
    for matter in matters:
        board = org.units.get(matter.board_unit_id)
        board_name = board.name if board else "?"
        label = matter.label(board_name, Language.SWEDISH)
        label_en = matter.label(board_name, Language.ENGLISH)

        def v(
            rule_id: str,
            severity: Severity,
            sv: str,
            en: str,
            field: str,
            matter: CouncilMatter = matter,
            label: str = label,
            label_en: str = label_en,
        ) -> Violation:
            return Violation(
                rule_id,
                severity,
                sv,
                en,
                ObjectKind.COUNCIL_MATTER,
                matter.id,
                field,
                label,
                label_en,
            )

        if board is not None and board.kind not in _BOARDS:
            found.append(
                v(
                    "DEL-4",
                    Severity.ERROR,
                    f"{board_name} är ingen nämnd: bara en nämnds ärenden hänskjuts till eller "
                    "återtas av fullmäktige.",
                    f"{board_name} is not a board: only a board's matters go to or back to "
                    "the council.",
                    "board",
                )
            )
            continue
        found.extend(_check_basis(matter, board_name, v))
        if matter.kind is CouncilMatterKind.REFERRAL:
            found.extend(_check_referral(org, matter, v))
    if on is not None:
        found.extend(_recalled_items_left_in_orders(org, matters, orders, on))
    return sort_violations(found)


def _check_basis(matter: CouncilMatter, board_name: str, v: _Make) -> Iterator[Violation]:
    referral = matter.kind is CouncilMatterKind.REFERRAL
    if matter.legal_basis is LegalBasis.BOARD_BY_LAW:
        yield v(
            "DEL-3",
            Severity.ERROR,
            (
                f"Lagen anger att {board_name} beslutar i ärendet: nämnden kan inte hänskjuta "
                "det till fullmäktige."
                if referral
                else f"Lagen anger att {board_name} beslutar i ärendet: fullmäktige kan inte "
                "återta det."
            ),
            (
                "A law names the board: it cannot refer the matter to the council."
                if referral
                else "A law names the board: the council cannot take the matter back."
            ),
            "legal_basis",
        )
    elif matter.legal_basis is LegalBasis.ROLE_BY_LAW:
        yield v(
            "DEL-5",
            Severity.ERROR,
            "Lagen ger beslutet direkt åt en befattning (t.ex. rektor): det är ingen delegering "
            "och varken nämnden eller fullmäktige kan flytta det.",
            "A law gives the decision to a role directly: neither the board nor the council "
            "can move it.",
            "legal_basis",
        )


def _check_referral(org: OrgSnapshot, matter: CouncilMatter, v: _Make) -> Iterator[Violation]:
    target = org.units.get(matter.to_unit_id or 0)
    if target is None or target.kind is not UnitKind.MUNICIPAL_COUNCIL:
        if target is not None and target.kind is UnitKind.EXECUTIVE_BOARD:
            wrong = "inte till kommunstyrelsen: kommunstyrelsen bereder ärendet men avgör det inte"
        elif target is not None:
            wrong = f"inte till {target.name}"
        else:
            wrong = "ange fullmäktige som mottagare"
        yield v(
            "DEL-4",
            Severity.ERROR,
            "Ett ärende av principiell beskaffenhet eller större vikt hänskjuts till "
            f"kommunfullmäktige, {wrong}.",
            "A matter of principle is referred to the council, not to the executive board; "
            "the executive board prepares it.",
            "to_unit",
        )
    if matter.prepared_on is not None and matter.prepared_on < matter.decided_on:
        yield v(
            "DATA-1",
            Severity.ERROR,
            "Kommunstyrelsen kan inte ha berett ärendet innan nämnden hänskjutit det.",
            "The executive board cannot have prepared the matter before it was referred.",
            "prepared_on",
        )
    if matter.council_decided_on is not None:
        if matter.prepared_on is None:
            yield v(
                "DEL-4",
                Severity.ERROR,
                "Kommunstyrelsen bereder alla ärenden till fullmäktige, även hänskjutna: ange "
                "när kommunstyrelsen beredde ärendet.",
                "The executive board prepares every matter for the council: give the date.",
                "prepared_on",
            )
        elif matter.council_decided_on < matter.prepared_on:
            yield v(
                "DATA-1",
                Severity.ERROR,
                "Fullmäktige kan inte ha beslutat innan kommunstyrelsen berett ärendet.",
                "The council cannot have decided before the executive board prepared it.",
                "council_decided_on",
            )


def _recalled_items_left_in_orders(
    org: OrgSnapshot,
    matters: Sequence[CouncilMatter],
    orders: Sequence[DelegationOrder],
    on: date,
) -> Iterator[Violation]:
    """A board's order in force that still delegates what KF took back: nobody may decide it
    on the board's behalf, and the next version should leave it out."""
    taken = recalls_in(orders, matters, on)
    if not taken:
        return
    for order in orders_in_force(orders, on):
        board = org.units.get(order.board_unit_id)
        board_name = board.name if board else "?"
        for item in order.items:
            recall = taken.get(item.id)
            if recall is None:
                continue
            paragraph = f" ({recall.paragraph})" if recall.paragraph else ""
            yield Violation(
                "DEL-4",
                Severity.WARNING,
                f"Fullmäktige återtog ärendet den {recall.decided_on.isoformat()}{paragraph}: "
                "ingen får längre besluta i det på nämndens vägnar. Ta bort punkten i nästa "
                "version av delegationsordningen.",
                f"The council took this matter back on {recall.decided_on.isoformat()}: "
                "leave the item out of the next version.",
                ObjectKind.DELEGATION_ITEM,
                item.id,
                "recalled",
                f"{board_name} punkt {item.number}: {item.matter}",
                f"{board_name} item {item.number}: {item.matter}",
            )


def check_decisions(
    orders: Sequence[DelegationOrder],
    decisions: Sequence[DecisionRecord],
    matters: Sequence[CouncilMatter] = (),
    settings: Mapping[int, BoardSetting] | None = None,
    today: date | None = None,
) -> list[Violation]:
    """DEL-11: a decision is reported as the board decided, within the board's rhythm (a
    warning once overdue), one that is not reported but may be appealed by
    laglighetsprövning (KL 13 kap.) is recorded separately, and neither happens before the
    decision. DEL-4: no decision on the board's behalf in a matter KF had taken back."""
    items: dict[int, DelegationItem] = {i.id: i for o in orders for i in o.items}
    boards: dict[int, int] = {i.id: o.board_unit_id for o in orders for i in o.items}
    ever_taken = recalls_in(orders, matters)
    found: list[Violation] = []
    for decision in decisions:
        item = items.get(decision.item_id)
        if item is None:
            continue

        def v(
            severity: Severity, sv: str, en: str, field: str, decision: DecisionRecord = decision
        ) -> Violation:
            return Violation(
                "DEL-11",
                severity,
                sv,
                en,
                ObjectKind.DELEGATED_DECISION,
                decision.id,
                field,
                decision.label(Language.SWEDISH),
                decision.label(Language.ENGLISH),
            )

        for when, field in (
            (decision.reported_on, "reported_on"),
            (decision.recorded_separately_on, "recorded_separately_on"),
        ):
            if when is not None and when < decision.decided_on:
                found.append(
                    v(
                        Severity.ERROR,
                        f"Beslutet fattades den {decision.decided_on.isoformat()} och kan inte "
                        f"ha anmälts eller protokollförts dessförinnan ({when.isoformat()}).",
                        "A decision cannot be reported or recorded before it was taken.",
                        field,
                    )
                )
        recall = ever_taken.get(item.id)
        if recall is not None and recall.decided_on <= decision.decided_on:
            found.append(
                Violation(
                    "DEL-4",
                    Severity.WARNING,
                    f"Beslutet fattades efter att fullmäktige återtagit ärendet "
                    f"({recall.decided_on.isoformat()}): det kan inte fattas på delegation.",
                    "The decision was taken after the council took the matter back.",
                    ObjectKind.DELEGATED_DECISION,
                    decision.id,
                    "decided_on",
                    decision.label(Language.SWEDISH),
                    decision.label(Language.ENGLISH),
                )
            )
        route = report_route(item, decision.appealable)
        setting = (settings or {}).get(boards[item.id])
        within = setting.report_within_days if setting is not None else None
        if (
            route is ReportRoute.REPORT_TO_BOARD
            and decision.reported_on is None
            and within is not None
            and today is not None
            and today > decision.decided_on + timedelta(days=within)
        ):
            due = decision.decided_on + timedelta(days=within)
            found.append(
                v(
                    Severity.WARNING,
                    f"Beslutet är inte anmält till nämnden; enligt nämndens rytm (inom {within} "
                    f"dagar) skulle det ha anmälts senast {due.isoformat()} (KL 6 kap 40 §).",
                    f"The decision is not reported; by the board's rhythm it was due by {due}.",
                    "reported_on",
                )
            )
        if route is ReportRoute.SEPARATE_RECORD and decision.recorded_separately_on is None:
            found.append(
                v(
                    Severity.WARNING,
                    "Beslutet kan laglighetsprövas men anmäls inte till nämnden: det ska "
                    "protokollföras särskilt (KL 6 kap. 40 §), annars börjar tiden för "
                    "överklagande inte löpa.",
                    "The decision may be appealed (KL 13 kap.) but is not reported to the "
                    "board: record it separately, or the time to appeal does not start.",
                    "recorded_separately_on",
                )
            )
    return sort_violations(found)
