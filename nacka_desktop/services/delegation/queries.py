"""What the Delegation window, the letters and `rights` / `who` read of delegation: the orders,
who may decide (both views, one answer), the decision log, each board's settings. Read-only;
the edits are in `services.delegation`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from nacka_desktop.domain.delegation.council_matters import (
    CouncilMatter,
    ReportRoute,
    recalls_in,
    report_route,
    without_recalled,
)
from nacka_desktop.domain.delegation.orders import (
    BoardSetting,
    DelegationItem,
    DelegationOrder,
    Subdelegation,
)
from nacka_desktop.domain.delegation.rights import (
    Right,
    Via,
    orders_in_force,
    rights_of_person,
    who_may_decide,
)
from nacka_desktop.domain.enums import UnitKind
from nacka_desktop.domain.language import Language
from nacka_desktop.domain.records import OrgSnapshot
from nacka_desktop.services.checking import Dataset, ViolationCache
from nacka_desktop.storage.database import Database
from nacka_desktop.storage.models import (
    DelegatedDecision,
    DelegationItemRow,
    DelegationOrderRow,
    Unit,
)
from nacka_desktop.storage.repositories.delegation import (
    load_board_settings,
    load_council_matters,
    load_orders,
    load_subdelegations,
)


@dataclass(frozen=True)
class DecisionView:
    id: int
    item: DelegationItem
    board_unit_id: int
    decided_by: str
    decided_on: date
    description: str
    case_number: str
    reported_on: date | None
    report_to: str = ""  # DEL-10: the delegate who passed the right on, when it was
    appealable: bool = False
    recorded_separately_on: date | None = None

    @property
    def route(self) -> ReportRoute:
        return report_route(self.item, self.appealable)

    @property
    def awaits_report(self) -> bool:
        return self.route is ReportRoute.REPORT_TO_BOARD and self.reported_on is None

    @property
    def awaits_separate_record(self) -> bool:
        return self.route is ReportRoute.SEPARATE_RECORD and self.recorded_separately_on is None


@dataclass(frozen=True)
class RightView:
    """One way one person may decide one matter, as the GUI's *Vem får besluta?* tables and
    the command line's `rights` and `who` show it (so the two never differ)."""

    board: str
    item_id: int
    number: str
    matter: str
    person_id: int
    person: str
    appointment_id: int
    role: str  # as the command line prints it: Swedish
    unit: str
    via: Via
    limits: str
    subordinate: str = ""  # for Via.CHIEF: whose chief the person is

    def how(self, language: Language) -> str:
        """ "som chef (Anna Berg)", "as chief (Anna Berg)"."""
        how = self.via.label(language)
        return f"{how} ({self.subordinate})" if self.subordinate else how

    def as_json(self) -> dict[str, object]:
        return {
            "board": self.board,
            "item": self.item_id,
            "number": self.number,
            "matter": self.matter,
            "person": self.person_id,
            "name": self.person,
            "appointment": self.appointment_id,
            "role": self.role,
            "unit": self.unit,
            "via": self.via.value,
            "how": self.how(Language.SWEDISH),
            "limits": self.limits,
        }


def right_view(org: OrgSnapshot, right: Right) -> RightView:
    subordinate = org.person_label(right.through.person_id) if right.through else ""
    unit = org.units.get(right.appointment.unit_id)
    board = org.units.get(right.order.board_unit_id)
    return RightView(
        board=board.name if board else "?",
        item_id=right.item.id,
        number=right.item.number,
        matter=right.item.matter,
        person_id=right.appointment.person_id,
        person=org.person_label(right.appointment.person_id),
        appointment_id=right.appointment.id,
        role=right.appointment.role.label(Language.SWEDISH),
        unit=unit.name if unit else "?",
        via=right.via,
        limits=right.item.limits,
        subordinate=subordinate,
    )


def cached_orders(cache: ViolationCache, session: Session) -> list[DelegationOrder]:
    """The orders from the records in memory, else read alone (a register or a letter needs
    no distributions)."""
    loaded = cache.loaded(session, None)
    return loaded.orders if loaded is not None else load_orders(session)


def cached_matters(cache: ViolationCache, session: Session) -> list[CouncilMatter]:
    loaded = cache.loaded(session, None)
    return loaded.matters if loaded is not None else load_council_matters(session)


class DelegationQueries:
    def __init__(self, database: Database, cache: ViolationCache | None = None) -> None:
        self._database = database
        self._cache = cache if cache is not None else ViolationCache()

    def _load(self, on: date) -> tuple[OrgSnapshot, list[DelegationOrder], list[Subdelegation]]:
        """The organisation, the orders without what KF took back by the date (DEL-4), and
        the vidaredelegationer."""
        with self._database.reader() as session:
            data = self._cache.dataset(session, on)
            orders = without_recalled(data.orders, data.matters, on)
            return data.org, orders, list(data.subdelegations)

    def _orders(self, session: Session) -> list[DelegationOrder]:
        return cached_orders(self._cache, session)

    def _matters(self, session: Session) -> list[CouncilMatter]:
        return cached_matters(self._cache, session)

    def council_matters(self, board_unit_id: int | None = None) -> list[CouncilMatter]:
        with self._database.reader() as session:
            return [
                m
                for m in self._matters(session)
                if board_unit_id is None or m.board_unit_id == board_unit_id
            ]

    def recall_of_item(self, item_id: int, on: date) -> CouncilMatter | None:
        """KF's decision taking the item back, when one is in force on the date (DEL-4)."""
        with self._database.reader() as session:
            data = self._cache.dataset(session, on)
            taken = recalls_in(data.orders, data.matters, on)
            return taken.get(item_id)

    def subdelegations(self) -> list[Subdelegation]:
        with self._database.reader() as session:
            loaded = self._cache.loaded(session, None)
            return list(loaded.subdelegations if loaded else load_subdelegations(session))

    def board_by_name(self, name: str) -> int:
        """A board (nämnd or KS) by its name or code, as a user types it; ValueError if none."""
        wanted = name.strip().casefold()
        with self._database.reader() as session:
            boards = session.execute(
                select(Unit.id, Unit.name, Unit.code).where(
                    Unit.kind.in_([UnitKind.BOARD, UnitKind.EXECUTIVE_BOARD])
                )
            ).all()
        for unit_id, unit_name, code in boards:
            if wanted in (unit_name.casefold(), code.casefold()):
                return int(unit_id)
        names = ", ".join(sorted(f"{n} ({c})" for _i, n, c in boards))
        raise ValueError(f"Ingen nämnd heter {name!r}. Nämnder: {names}.")

    def orders(self, board_unit_id: int | None = None) -> list[DelegationOrder]:
        with self._database.reader() as session:
            return [
                o
                for o in self._orders(session)
                if board_unit_id is None or o.board_unit_id == board_unit_id
            ]

    def rights_of_person(self, person_id: int, on: date) -> list[Right]:
        org, orders, subdelegations = self._load(on)
        return rights_of_person(org, orders, person_id, on, subdelegations)

    def who_may_decide(self, item_id: int, unit_id: int | None, on: date) -> list[Right]:
        org, orders, subdelegations = self._load(on)
        return who_may_decide(org, orders, item_id, unit_id, on, subdelegations)

    def board_settings(self) -> dict[int, BoardSetting]:
        """Each board's förvaltningschef and reporting rhythm (boards without one are left
        out: they follow the defaults, see `domain.delegation.is_administrative_head`)."""
        with self._database.reader() as session:  # a few rows: never the whole dataset
            loaded = self._cache.loaded(session, None)
            return dict(loaded.settings if loaded is not None else load_board_settings(session))

    def rights_view(self, person_id: int, on: date) -> list[RightView]:
        """What the person may decide on the date, and how (the person view)."""
        org, orders, subdelegations = self._load(on)
        rights = rights_of_person(org, orders, person_id, on, subdelegations)
        return [right_view(org, r) for r in rights]

    def who_view(self, item_id: int, unit_id: int | None, on: date) -> list[RightView]:
        """Who may decide the matter on the date, in the unit if given (the matter view)."""
        org, orders, subdelegations = self._load(on)
        rights = who_may_decide(org, orders, item_id, unit_id, on, subdelegations)
        return [right_view(org, r) for r in rights]

    def items_in_force(
        self, on: date, matter: str = "", board_unit_id: int | None = None
    ) -> list[tuple[DelegationOrder, DelegationItem]]:
        """The items in force on the date whose matter contains the text (any case), of the
        board if given: what `who --matter` looks among."""
        wanted = " ".join(matter.split()).casefold()
        _org, orders, _subs = self._load(on)
        return [
            (order, item)
            for order in orders_in_force(orders, on)
            if board_unit_id is None or order.board_unit_id == board_unit_id
            for item in order.items
            if wanted in " ".join(item.matter.split()).casefold()
        ]

    def decisions(self, first: date, last: date) -> list[DecisionView]:
        """Decisions taken from `first` to `last` (inclusive), oldest first."""
        with self._database.reader() as session:
            return read_decisions(session, self._cache.dataset(session, last), first, last)


def read_decisions(session: Session, data: Dataset, first: date, last: date) -> list[DecisionView]:
    """Decisions taken from `first` to `last` (inclusive), oldest first, in the session (the
    organisation and the orders: `data`, the dataset as on `last`)."""
    org = data.org
    passed_on = {sub.id: sub for sub in data.subdelegations}
    # Plain rows, not ORM objects: a period of a large kommun holds thousands.
    rows = (
        session.connection()
        .execute(
            select(
                DelegatedDecision.__table__,
                DelegationOrderRow.board_unit_id.label("order_board_unit_id"),
            )
            .join(DelegationItemRow, DelegationItemRow.id == DelegatedDecision.item_id)
            .join(DelegationOrderRow, DelegationOrderRow.id == DelegationItemRow.order_id)
            .where(DelegatedDecision.decided_on.between(first, last))
            .order_by(DelegatedDecision.decided_on, DelegatedDecision.id)
        )
        .all()
    )
    items = {item.id: item for order in data.orders for item in order.items}
    result = []
    for decision in rows:
        appointment = org.appointments.get(decision.decided_by_appointment_id)
        result.append(
            DecisionView(
                id=decision.id,
                item=items[decision.item_id],
                board_unit_id=decision.order_board_unit_id,
                decided_by=org.person_label(appointment.person_id) if appointment else "?",
                decided_on=decision.decided_on,
                description=decision.description,
                case_number=decision.case_number or "",
                reported_on=decision.reported_on,
                report_to=_passed_on_by(org, passed_on.get(decision.subdelegation_id or 0)),
                appealable=decision.appealable,
                recorded_separately_on=decision.recorded_separately_on,
            )
        )
    return result


def _passed_on_by(org: OrgSnapshot, sub: Subdelegation | None) -> str:
    if sub is None:
        return ""
    appointment = org.appointments.get(sub.by_appointment_id)
    return org.person_label(appointment.person_id) if appointment else ""
