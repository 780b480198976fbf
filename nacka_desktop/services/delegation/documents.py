"""What the delegation letters and registers show, each read in one session: plain, immutable
views the writers in `exports` lay out without the database (and without the organisation:
every name a document prints is resolved here, as it was on the document's date)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from nacka_desktop.domain.delegation.council_matters import (
    CouncilMatter,
    ReportRoute,
    recalls_in,
    without_recalled,
)
from nacka_desktop.domain.delegation.format import format_delegate
from nacka_desktop.domain.delegation.orders import DelegationItem, DelegationOrder
from nacka_desktop.domain.delegation.rights import (
    Right,
    Via,
    orders_in_force,
    rights_of_person,
)
from nacka_desktop.domain.labels import DOCUMENT_LANGUAGE, role_title
from nacka_desktop.domain.records import OrgSnapshot, swedish_sort_key
from nacka_desktop.domain.responsibility import chiefs_of_person
from nacka_desktop.domain.signatures import DocumentKind, IssuedDocument, SignatureRecord
from nacka_desktop.services.checking import ViolationCache
from nacka_desktop.services.delegation.queries import (
    DecisionView,
    cached_matters,
    cached_orders,
    read_decisions,
)
from nacka_desktop.services.editing import NotFoundError
from nacka_desktop.services.org.queries import AppointmentView, appointment_view, unit_on
from nacka_desktop.storage.database import Database
from nacka_desktop.storage.models import Person
from nacka_desktop.storage.repositories.signatures import issued_of_kind, signatures_of

# --- the delegationsordning ---------------------------------------------------------------


@dataclass(frozen=True)
class OrderLine:
    """One item of an order as the document lists it."""

    item: DelegationItem
    delegate: str  # who decides, as the organisation names them ("enhetschef inom …")
    substitute: str  # "" when the item names none
    recall: CouncilMatter | None = None  # KF's decision taking it back (DEL-4), in force today


@dataclass(frozen=True)
class OrderLetterView:
    order: DelegationOrder  # the version: its status, adoption and items
    board: str  # as named when the order was adopted (a draft: as today)
    lines: tuple[OrderLine, ...]  # the order's items, in its own order


# --- the personal letter ------------------------------------------------------------------


@dataclass(frozen=True)
class HeldWay:
    """One way the person holds a matter: the right's route and the position it comes with."""

    via: Via
    position: str  # the person's own position: "enhetschef, Hemtjänst Nord"
    # As the delegate's chief: the delegate; by vidaredelegation: who passed it on.
    through_person: str = ""
    through_role: str = ""
    stands_in_for: str = ""  # as ersättare: the delegate the item names


@dataclass(frozen=True)
class HeldMatter:
    """One matter the person may decide, with every way they hold it."""

    order: DelegationOrder
    board: str
    item: DelegationItem
    ways: tuple[HeldWay, ...]
    by_law: bool  # a right the law gives the role itself (DEL-5), not a delegation
    may_pass_on: bool  # held as the delegate: the förvaltningschef (DEL-10)


@dataclass(frozen=True)
class DelegateLetterView:
    person_id: int
    person_name: str
    on: date
    positions: tuple[str, ...]  # the person's appointments on the date, by id
    units: tuple[str, ...]  # their units, each once
    held: tuple[HeldMatter, ...]
    chief: AppointmentView | None  # who gives the information (signs it): the person's chief
    own_position: str  # under the person's signature: "enhetschef, …" (none: "Delegat")


# --- the board's decisions in a period ----------------------------------------------------


@dataclass(frozen=True)
class DecisionReportView:
    """Anmälan av delegationsbeslut: what the board wants reported, taken in the period."""

    board_unit_id: int
    board: str  # as named on the period's last day
    first: date
    last: date
    decisions: tuple[DecisionView, ...]
    include_reported: bool  # those reported already too (else only those not yet reported)


@dataclass(frozen=True)
class SeparateRecordView:
    """Särskilt protokoll: decisions not reported that may be appealed (DEL-11)."""

    board_unit_id: int
    board: str  # as named on the period's last day
    first: date
    last: date
    decisions: tuple[DecisionView, ...]


# --- the registers ------------------------------------------------------------------------


@dataclass(frozen=True)
class RegisterItem:
    """One item of an order in force, with its delegates as the import reads them."""

    board: str
    order: DelegationOrder
    item: DelegationItem
    delegate: str  # `format_delegate`: "Enhetschef inom …", "Utskott: …"
    substitute: str


@dataclass(frozen=True)
class IssuedDelegateLetter:
    """A person's delegation letter as issued for signature, with its signatures."""

    person_name: str
    letter: IssuedDocument
    signatures: tuple[SignatureRecord, ...]


@dataclass(frozen=True)
class DelegationRegisterView:
    on: date
    items: tuple[RegisterItem, ...]  # boards by Swedish name, items in each order's own order
    # Every delegation letter issued for signature up to the date, oldest first (issue 13).
    letters: tuple[IssuedDelegateLetter, ...] = ()


@dataclass(frozen=True)
class DecisionRegisterView:
    first: date
    last: date
    decisions: tuple[DecisionView, ...]  # oldest first
    boards: Mapping[int, str]  # each board's name on `last`


class DelegationDocuments:
    """The views of the delegation letters and registers, each read in one session."""

    def __init__(self, database: Database, cache: ViolationCache | None = None) -> None:
        self._database = database
        self._cache = cache if cache is not None else ViolationCache()

    def order_letter(self, order_id: int, today: date) -> OrderLetterView:
        """One version of a board's order; struck through what KF has taken back by `today`."""
        with self._database.reader() as session:
            orders = self._orders(session)
            order = next((o for o in orders if o.id == order_id), None)
            if order is None:
                raise NotFoundError("Delegationsordningen", order_id)
            org = self._cache.org(session, order.adopted_on or today)
            taken = recalls_in(orders, self._matters(session), today)
        return OrderLetterView(
            order=order,
            board=_board_name(org, order.board_unit_id),
            lines=tuple(
                OrderLine(
                    item,
                    item.delegate.label(org),
                    item.substitute.label(org) if item.substitute is not None else "",
                    taken.get(item.id),
                )
                for item in order.items
            ),
        )

    def delegate_letter(self, person_id: int, on: date) -> DelegateLetterView:
        """What the person may decide on the date, and how, without what KF took back."""
        with self._database.reader() as session:
            data = self._cache.dataset(session, on)
        org = data.org
        person = org.persons.get(person_id)
        if person is None:
            raise NotFoundError("Personen", person_id)
        orders = without_recalled(data.orders, data.matters, on)
        rights = rights_of_person(org, orders, person_id, on, list(data.subdelegations))
        own = sorted(
            (a for a in org.appointments_of(person_id) if a.is_valid_on(on)), key=lambda a: a.id
        )
        chiefs = [
            link.chief for link in chiefs_of_person(org, person_id, on) if link.chief is not None
        ]
        # The signature names the first appointment the organisation lists for the person.
        first = next((a for a in org.appointments_of(person_id) if a.is_valid_on(on)), None)
        return DelegateLetterView(
            person_id=person_id,
            person_name=person.full_name,
            on=on,
            positions=tuple(
                f"{role_title(a.role, a.acting, DOCUMENT_LANGUAGE)}, {_unit_name(org, a.unit_id)}"
                for a in own
            ),
            units=tuple(dict.fromkeys(_unit_name(org, a.unit_id) for a in own)),
            held=_held(org, rights),
            chief=appointment_view(org, chiefs[0]) if chiefs else None,
            own_position=(
                f"{first.role.label(DOCUMENT_LANGUAGE).lower()}, {_unit_name(org, first.unit_id)}"
                if first
                else "Delegat"
            ),
        )

    def decision_report(
        self, board_unit_id: int, first: date, last: date, include_reported: bool = False
    ) -> DecisionReportView:
        """The decisions on the board's delegation from `first` to `last` that are reported to
        it (DEL-11): those not reported yet, or with `include_reported` all of them."""
        with self._database.reader() as session:
            board = unit_on(session, board_unit_id, last).name
            decisions = self._decisions(
                session, board_unit_id, first, last, ReportRoute.REPORT_TO_BOARD
            )
        return DecisionReportView(
            board_unit_id,
            board,
            first,
            last,
            tuple(d for d in decisions if include_reported or d.reported_on is None),
            include_reported,
        )

    def separate_record(self, board_unit_id: int, first: date, last: date) -> SeparateRecordView:
        """The decisions on the board's delegation from `first` to `last` that are recorded
        separately: not reported, but open to laglighetsprövning (DEL-11)."""
        with self._database.reader() as session:
            board = unit_on(session, board_unit_id, last).name
            decisions = self._decisions(
                session, board_unit_id, first, last, ReportRoute.SEPARATE_RECORD
            )
        return SeparateRecordView(board_unit_id, board, first, last, tuple(decisions))

    def delegation_register(self, on: date) -> DelegationRegisterView:
        """Every item of every board's order in force on the date, board by board."""
        with self._database.reader() as session:
            org = self._cache.org(session, on)
            orders = orders_in_force(self._orders(session), on)
            letters = _issued_delegate_letters(session, on)

        def board_name(order: DelegationOrder) -> str:
            board = org.units.get(order.board_unit_id)
            return board.name if board else "?"

        return DelegationRegisterView(
            on,
            tuple(
                RegisterItem(
                    board_name(order),
                    order,
                    item,
                    format_delegate(org, item.delegate),
                    format_delegate(org, item.substitute),
                )
                for order in sorted(orders, key=lambda o: (swedish_sort_key(board_name(o)), o.id))
                for item in order.items
            ),
            letters,
        )

    def decision_register(self, first: date, last: date) -> DecisionRegisterView:
        """The decisions taken on delegation from `first` to `last` (inclusive)."""
        with self._database.reader() as session:
            data = self._cache.dataset(session, last)
            decisions = read_decisions(session, data, first, last)
        org = data.org
        boards = {d.board_unit_id: _board_name(org, d.board_unit_id, "?") for d in decisions}
        return DecisionRegisterView(first, last, tuple(decisions), boards)

    def _orders(self, session: Session) -> list[DelegationOrder]:
        return cached_orders(self._cache, session)

    def _matters(self, session: Session) -> list[CouncilMatter]:
        return cached_matters(self._cache, session)

    def _decisions(
        self, session: Session, board_unit_id: int, first: date, last: date, route: ReportRoute
    ) -> list[DecisionView]:
        return [
            d
            for d in read_decisions(session, self._cache.dataset(session, last), first, last)
            if d.board_unit_id == board_unit_id and d.route is route
        ]


def _board_name(org: OrgSnapshot, board_unit_id: int, unknown: str | None = None) -> str:
    unit = org.units.get(board_unit_id)
    if unit is not None:
        return unit.name
    return unknown if unknown is not None else f"nämnd {board_unit_id}"


def _unit_name(org: OrgSnapshot, unit_id: int) -> str:
    unit = org.units.get(unit_id)
    return unit.name if unit else "–"


def _held(org: OrgSnapshot, rights: list[Right]) -> tuple[HeldMatter, ...]:
    """The rights by matter, each matter once with every way the person holds it."""
    merged: dict[tuple[int, int], tuple[Right, list[HeldWay], bool, bool]] = {}
    for right in rights:
        key = (right.order.id, right.item.id)
        first, ways, by_law, may_pass_on = merged.get(key, (right, [], False, False))
        way = _way(org, right)
        if way not in ways:
            ways.append(way)
        merged[key] = (
            first,
            ways,
            by_law or right.via is Via.LAW,
            may_pass_on or right.via is Via.DELEGATE,
        )
    return tuple(
        HeldMatter(
            first.order,
            _board_name(org, first.order.board_unit_id),
            first.item,
            tuple(ways),
            by_law,
            may_pass_on,
        )
        for first, ways, by_law, may_pass_on in merged.values()
    )


def _way(org: OrgSnapshot, right: Right) -> HeldWay:
    appointment = right.appointment
    role = appointment.role.label(DOCUMENT_LANGUAGE).lower()
    position = f"{role}, {_unit_name(org, appointment.unit_id)}"
    # As the delegate's chief: through the delegate; by vidaredelegation: from who passed it on.
    if right.via in (Via.CHIEF, Via.SUBDELEGATION) and right.through is not None:
        through = right.through
        return HeldWay(
            right.via,
            position,
            through_person=org.person_label(through.person_id),
            through_role=through.role.label(DOCUMENT_LANGUAGE).lower(),
        )
    if right.via is Via.SUBSTITUTE:
        return HeldWay(right.via, position, stands_in_for=right.item.delegate.label(org))
    return HeldWay(right.via, position)


def _issued_delegate_letters(session: Session, on: date) -> tuple[IssuedDelegateLetter, ...]:
    issued = [
        letter
        for letter in issued_of_kind(session, DocumentKind.DELEGATE_LETTER)
        if letter.issued_at.astimezone().date() <= on
    ]
    signatures = signatures_of(session, [letter.id for letter in issued])
    names = {
        person_id: f"{first} {last}"
        for person_id, first, last in session.execute(
            select(Person.id, Person.first_name, Person.last_name).where(
                Person.id.in_({letter.object_id for letter in issued})
            )
        )
    }
    return tuple(
        IssuedDelegateLetter(
            names.get(letter.object_id, "?"),
            letter,
            tuple(s for s in signatures if s.issued_id == letter.id and s.signed_on <= on),
        )
        for letter in issued
    )
