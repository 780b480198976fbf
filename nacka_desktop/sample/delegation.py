"""The sample's delegation orders, board settings, decisions taken on delegation and matters of
the council (DOMAIN.md §2, §4), through the services as a board secretary enters them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from nacka_desktop.domain.delegation.council_matters import CouncilMatter, CouncilMatterKind
from nacka_desktop.domain.delegation.orders import (
    Delegate,
    DelegateKind,
    DelegationItem,
    infer_decision_kind,
)
from nacka_desktop.domain.enums import Role
from nacka_desktop.domain.records import AppointmentRecord
from nacka_desktop.domain.rules import RuleViolationError
from nacka_desktop.sample.data import (
    CouncilMatterSpec,
    DecisionSpec,
    Delegation,
    ItemSpec,
    OrderSpec,
    SubdelegationSpec,
    Who,
)
from nacka_desktop.sample.organisation import BuiltOrganisation
from nacka_desktop.services.context import Services

_MatterKey = tuple[str, str, str]  # board, matter, limits


class UndelegatedDecisionError(RuntimeError):
    """A sample decision that nobody of its unit and role held the right to take."""


@dataclass
class BuiltDelegation:
    items: int = 0
    decisions: list[int] = field(default_factory=list)


class DelegationBuilder:
    def __init__(
        self, services: Services, data: Delegation, built: BuiltOrganisation, today: date
    ) -> None:
        self.services = services
        self.data = data
        self.built = built
        self.today = today
        self.result = BuiltDelegation()
        # The items of the orders in force, by matter: one matter may go to several scoped
        # delegates (HR-5), so a decision finds its own among them.
        self._in_force: dict[_MatterKey, list[tuple[int, ItemSpec]]] = {}

    def build(self) -> BuiltDelegation:
        orders = self.services.delegation_orders
        orders.ensure_titled_positions(
            [title for title, _ in self.data.titled_positions], dict(self.data.titled_positions)
        )
        for spec in self.data.orders:
            self._order(spec)
        for board in self.data.boards:
            head = None
            if board.head_role is not None:
                head = Delegate(
                    DelegateKind.POSITION, board.head_role, "", self._unit_id(board.head_unit)
                )
            orders.set_board_setting(
                self.built.units[board.board].id,
                head,
                board.report_within_days,
                board.laws,
                board.areas,
            )
        for decision in self.data.decisions:
            self._decision(decision)
        for sub in self.data.subdelegations:
            self._subdelegation(sub)
        for matter in self.data.council_matters:
            self._council_matter(matter)
        return self.result

    def _days_ago(self, days: int) -> date:
        return self.today - timedelta(days=days)

    def _unit_id(self, code: str | None) -> int | None:
        return self.built.units[code].id if code is not None else None

    def _delegate(self, who: Who) -> Delegate:
        return Delegate(who.kind, who.role, who.title, self._unit_id(who.unit))

    def _order(self, spec: OrderSpec) -> None:
        """A version written as a draft and adopted by the board; it supersedes the board's
        order in force until then."""
        items = [
            DelegationItem(
                id=0,
                section=section,
                number=f"{section_number}.{item_number}",
                matter=item.matter,
                decision_kind=item.kind or infer_decision_kind(item.matter),
                delegate=self._delegate(item.delegate),
                substitute=self._delegate(item.substitute) if item.substitute else None,
                lagrum=item.lagrum,
                legal_basis=item.basis,
                limits=item.limits,
                subdelegation_allowed=item.subdelegation,
                report_to_board=item.report,
                notes=item.notes,
            )
            for section_number, (section, section_items) in enumerate(spec.sections, start=1)
            for item_number, item in enumerate(section_items, start=1)
        ]
        orders = self.services.delegation_orders
        order_id = orders.create_order(self.built.units[spec.board].id, [], spec.notes)
        item_ids = [
            orders.add_item(order_id, item, position=position)
            for position, item in enumerate(items)
        ]
        orders.adopt(order_id, self._days_ago(spec.adopted_days_ago), spec.paragraph)
        self.result.items += len(items)
        specs = [item for _, section_items in spec.sections for item in section_items]
        for key in [k for k in self._in_force if k[0] == spec.board]:
            del self._in_force[key]  # superseded
        for item_id, item in zip(item_ids, specs, strict=True):
            key = (spec.board, item.matter, item.limits)
            self._in_force.setdefault(key, []).append((item_id, item))

    def _decision(self, spec: DecisionSpec) -> None:
        """Taken by whoever held the unit's post that day, on the one item of the matter the
        services find that they held the right to (DEL-1)."""
        decided_on = self._days_ago(spec.days_ago)
        appointment = self._holder(spec.unit, spec.role, decided_on, title=spec.title)
        case = len(self.result.decisions) + 1
        decided = self.services.delegated_decisions
        for item_id, _item in self._in_force[(spec.board, spec.matter, spec.limits)]:
            try:
                decision = decided.record(
                    item_id,
                    appointment.id,
                    decided_on,
                    spec.description,
                    f"{spec.board} {decided_on.year}/{100 + 17 * case:04d}",
                    _before(decided_on, spec.need_tested_days_before),
                    _before(decided_on, spec.consulted_days_before),
                    spec.appealable,
                    need_tested_by=self.data.need_tested_by
                    if spec.need_tested_days_before is not None
                    else "",
                    consulted_with=self.data.consulted_with
                    if spec.consulted_days_before is not None
                    else "",
                )
            except RuleViolationError as error:
                if {v.rule_id for v in error.violations} == {"DEL-1"}:
                    continue  # another delegate's item of the same matter (HR-5)
                raise
            break
        else:
            raise UndelegatedDecisionError(
                f"Exempelbeslutet {spec.description!r} saknar delegation."
            )
        reported_on = _after(decided_on, spec.reported_days_after)
        if reported_on is not None:
            decided.mark_reported([decision], reported_on)
        recorded_on = _after(decided_on, spec.recorded_separately_days_after)
        if recorded_on is not None:
            decided.mark_recorded_separately([decision], recorded_on)
        self.result.decisions.append(decision)

    def _holder(self, unit: str, role: Role, *days: date, title: str = "") -> AppointmentRecord:
        """The one who held the unit's post of that role (and title) on each of the days."""
        unit_id = self.built.units[unit].id
        for appointment in self.built.appointments:
            if (
                appointment.unit_id == unit_id
                and appointment.role is role
                and (not title or self.built.title_of(appointment) == title)
                and all(appointment.is_valid_on(day) for day in days)
            ):
                return appointment
        raise UndelegatedDecisionError(
            f"Ingen {title or role.value} vid {unit} den {', '.join(map(str, days))}."
        )

    def _only_item(self, board: str, matter: str, limits: str) -> tuple[int, ItemSpec]:
        (item,) = self._in_force[(board, matter, limits)]
        return item

    def _subdelegation(self, spec: SubdelegationSpec) -> None:
        since = self._days_ago(spec.days_ago)
        item_id, _ = self._only_item(spec.board, spec.matter, spec.limits)
        self.services.delegation_orders.subdelegate(
            item_id,
            self._holder(spec.by_unit, spec.by_role, since, self.today).id,
            Delegate(DelegateKind.POSITION, title=spec.to_title),
            since,
            notes=spec.notes,
        )

    def _council_matter(self, spec: CouncilMatterSpec) -> None:
        item_id, item = None, None
        if spec.kind is CouncilMatterKind.RECALL:
            item_id, item = self._only_item(spec.board, spec.matter, "")
        basis = spec.basis or (item.basis if item else None)
        assert basis is not None, spec  # data.py requires one of a referral
        self.services.council_matters.record(
            CouncilMatter(
                id=0,
                kind=spec.kind,
                board_unit_id=self.built.units[spec.board].id,
                matter=spec.matter,
                legal_basis=basis,
                decided_on=self._days_ago(spec.decided_days_ago),
                paragraph=spec.paragraph,
                case_number=spec.case_number,
                item_id=item_id,
                to_unit_id=self._unit_id(spec.to),
                prepared_on=_before(self.today, spec.prepared_days_ago),
                council_decided_on=_before(self.today, spec.council_decided_days_ago),
                council_paragraph=spec.council_paragraph,
                notes=spec.notes,
            )
        )


def _before(day: date, days: int | None) -> date | None:
    return day - timedelta(days=days) if days is not None else None


def _after(day: date, days: int | None) -> date | None:
    return day + timedelta(days=days) if days is not None else None
