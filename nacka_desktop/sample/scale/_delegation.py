"""The boards' delegationsordningar and the decisions taken on them (DOMAIN.md §2, §4).

Each board has an adopted order of `ITEMS` items (a few also the version it superseded).
Delegates are roles, titled positions, utskott or the ordförande, never named persons
(DEL-8); a delegate nobody holds today is replaced by the board's förvaltningschef, so no
item falls back to the board (DEL-1). Decisions are taken by someone who fills the item's
delegate on the day, under the order in force that day, with the need test (HR-2) or the
consultation (HR-3) the kind asks for.
"""

from __future__ import annotations

import itertools
import random
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from nacka_desktop.domain.delegation.orders import (
    CONSULTATION_KINDS,
    HR_KINDS,
    NEED_TEST_KINDS,
    NON_DELEGABLE_KINDS,
    DecisionKind,
    DelegateKind,
    OrderStatus,
    infer_decision_kind,
)
from nacka_desktop.domain.enums import Role, UnitKind, WelfareBranch
from nacka_desktop.sample.scale._matters import (
    COMMON,
    GENERIC,
    KS_OWN,
    KS_STAFF,
    PROCUREMENT_CATEGORIES,
    RESERVED,
    URGENT,
    URGENT_KS,
    Tpl,
    procurement,
)
from nacka_desktop.sample.scale._matters_boards import DOMAIN_MATTERS
from nacka_desktop.sample.scale._org import Appt, Organisation, Unit

ITEMS = 300
Entry = tuple[Tpl, str, str, str]  # template, matter, delegate, limits
_ROLES = {
    "CD": Role.CITY_DIRECTOR,
    "EC": Role.UNIT_MANAGER,
    "REKTOR": Role.PRINCIPAL,
    "FSC": Role.PRESCHOOL_HEAD,
    "VC": Role.OPERATIONS_MANAGER,
    "PD": Role.PRODUCTION_DIRECTOR,
    "BEC": Role.DEPUTY_UNIT_MANAGER,
    "BR": Role.DEPUTY_PRINCIPAL,
    "GC": Role.GROUP_MANAGER,
}
_SEATED = (Role.CHAIR, Role.VICE_CHAIR, Role.MEMBER)
# How often a decision of the kind is taken, against 1 for the rest.
_FREQUENCY = {
    DecisionKind.SUMMARY_DISMISSAL: 0.03,
    DecisionKind.DISMISSAL: 0.1,
    DecisionKind.WARNING: 0.2,
    DecisionKind.DISCIPLINARY: 0.2,
    DecisionKind.URGENT: 0.3,
}


@dataclass(frozen=True)
class Who:
    kind: DelegateKind
    role: Role | None = None
    title: str = ""
    unit_id: int | None = None


@dataclass(eq=False, slots=True)
class Item:
    id: int
    order: Order
    position: int
    section: str
    number: str
    matter: str
    kind: DecisionKind
    delegate: Who
    substitute: Who | None
    tpl: Tpl
    limits: str
    # DEL-10: only an item delegated to the board's förvaltningschef may be passed on
    subdelegation_allowed: bool = False


@dataclass(eq=False, slots=True)
class Order:
    id: int
    board: Unit
    status: OrderStatus
    adopted_on: date
    paragraph: str
    notes: str
    until: date | None = None  # superseded by the next version on this day
    items: tuple[Item, ...] = ()


@dataclass(eq=False, slots=True)
class Decision:
    id: int
    item: Item
    by: Appt
    decided_on: date
    description: str
    case_number: str
    need_tested_on: date | None
    consulted_on: date | None
    reported_on: date | None
    appealable: bool
    recorded_separately_on: date | None


class Resolver:
    """The symbolic delegates of the catalogue, as delegates of the organisation."""

    def __init__(self, org: Organisation) -> None:
        self.org = org
        self.by_role: dict[Role, list[Appt]] = defaultdict(list)
        self.by_title: dict[str, list[Appt]] = defaultdict(list)
        for appt in org.appointments:
            if not appt.role.is_political:
                self.by_role[appt.role].append(appt)
                self.by_title[appt.person.title.casefold()].append(appt)
        self._holders: dict[tuple[Who, int], list[Appt]] = {}

    def holders(self, who: Who, board: Unit) -> list[Appt]:
        """Every appointment, of any date, that fills the delegate (`fills`)."""
        key = (who, board.id)
        found = self._holders.get(key)
        if found is None:
            found = self._find(who, board)
            self._holders[key] = found
        return found

    def _find(self, who: Who, board: Unit) -> list[Appt]:
        if who.kind is DelegateKind.CHAIR:
            return [a for a in board.seated if a.role is Role.CHAIR]
        if who.kind is DelegateKind.VICE_CHAIR:
            return [a for a in board.seated if a.role is Role.VICE_CHAIR]
        if who.kind is DelegateKind.MEMBER:
            return [a for a in board.seated if a.role in _SEATED]
        if who.kind is DelegateKind.COMMITTEE:
            committee = next(u for u in board.children if u.id == who.unit_id)
            return [a for a in committee.seated if a.role in _SEATED]
        base = (
            self.by_role[who.role] if who.role is not None else self.by_title[who.title.casefold()]
        )
        if who.unit_id is None:
            return list(base)
        return [a for a in base if who.unit_id in a.unit.line]

    def resolve(self, symbol: str, board: Unit) -> Who:
        who = self._symbol(symbol, board)
        if who is None or not any(a.valid_on(self.org.today) for a in self.holders(who, board)):
            fallback = self._symbol("DIR", board)
            assert fallback is not None
            return fallback
        return who

    def _symbol(self, symbol: str, board: Unit) -> Who | None:
        area = board.board.area if board.board is not None else None
        if symbol == "CHAIR":
            return Who(DelegateKind.CHAIR)
        if symbol == "VICE_CHAIR":
            return Who(DelegateKind.VICE_CHAIR)
        if symbol == "MEMBER":
            return Who(DelegateKind.MEMBER)
        if symbol in ("KSAU", "KSVU", "KSSU"):
            return Who(DelegateKind.COMMITTEE, unit_id=self.org.by_code[symbol].id)
        if symbol.startswith("T:"):
            return Who(DelegateKind.POSITION, title=symbol[2:])
        if symbol == "DIR" and area is None:
            return Who(DelegateKind.POSITION, Role.CITY_DIRECTOR)
        if symbol.startswith(("DIR", "EC@")):
            head, _, key = (
                symbol.partition(":") if symbol.startswith("DIR") else symbol.partition("@")
            )
            scope = self.org.areas.get(key or area or "ekonomi")
            if scope is None:
                return None
            role = Role.DIRECTOR if head == "DIR" else Role.UNIT_MANAGER
            return Who(DelegateKind.POSITION, role, unit_id=scope.id)
        return Who(DelegateKind.POSITION, _ROLES[symbol])


class DelegationPlan:
    def __init__(self, org: Organisation, rng: random.Random, ids: dict[str, int]) -> None:
        self.org = org
        self.rng = rng
        self.today = org.today
        self.resolver = Resolver(org)
        self.orders: list[Order] = []
        self.items: list[Item] = []
        self.decisions: list[Decision] = []
        self._order_ids = itertools.count(ids["order"])
        self._item_ids = itertools.count(ids["item"])
        self._decision_ids = itertools.count(ids["decision"])

    # --- orders -------------------------------------------------------------------------------

    def build_orders(self) -> None:
        superseded = max(1, len(self.org.boards) // 5)
        for index, board in enumerate(self.org.boards):
            templates = self._templates(board, index)
            adopted = self.today - timedelta(days=self.rng.randint(250, 800))
            if index < superseded:
                earlier = max(
                    self.org.start + timedelta(days=30),
                    adopted - timedelta(days=self.rng.randint(700, 1400)),
                )
                self._order(
                    board,
                    OrderStatus.SUPERSEDED,
                    earlier,
                    templates[: ITEMS - 20] + templates[-1:],
                    f"Ersatt av {_genitive(board.name[0].lower() + board.name[1:])} beslut om "
                    "ny delegationsordning.",
                    until=adopted,
                )
            self._order(
                board,
                OrderStatus.ADOPTED,
                adopted,
                templates,
                f"{_genitive(board.name)} delegationsordning.",
            )

    def _templates(self, board: Unit, index: int) -> list[Entry]:
        """The board's templates, filled with procurement to `ITEMS` items; urgent last."""
        if board.kind is UnitKind.EXECUTIVE_BOARD:
            head = [*KS_STAFF, *self._reserved(), *KS_OWN, *COMMON, *GENERIC]
            urgent = URGENT_KS
        else:
            assert board.board is not None
            head = [*DOMAIN_MATTERS[board.board.domain], *COMMON, *GENERIC]
            urgent = URGENT
        expanded = [one for tpl in head for one in _expand(tpl)]
        categories = PROCUREMENT_CATEGORIES[index * 7 % len(PROCUREMENT_CATEGORIES) :]
        categories += PROCUREMENT_CATEGORIES[: index * 7 % len(PROCUREMENT_CATEGORIES)]
        for category in itertools.cycle(categories):
            if len(expanded) >= ITEMS - 1:
                break
            expanded += [one for tpl in procurement(category) for one in _expand(tpl)]
        return expanded[: ITEMS - 1] + _expand(urgent)

    def _reserved(self) -> list[Tpl]:
        """HR-5: in Välfärd samhällsservice the verksamhetschef, elsewhere the enhetschef
        within each director's area and the rektor within each school production area."""
        found = []
        schools = [p for p in self.org.production if p.branch is WelfareBranch.SCHOOL]
        for matter, lagrum in RESERVED:
            found.append(
                Tpl(
                    "Personalärenden",
                    f"{matter} inom Välfärd samhällsservice",
                    "VC",
                    lagrum,
                    sub="PD",
                    notes="Enhetschefen får anställa men beslutar inte i frågan.",
                )
            )
            found += [Tpl("Personalärenden", matter, f"EC@{key}", lagrum) for key in self.org.areas]
            found += [Tpl("Personalärenden", matter, f"REKTOR@{p.code}", lagrum) for p in schools]
        return found

    def _order(
        self,
        board: Unit,
        status: OrderStatus,
        adopted_on: date,
        templates: list[Entry],
        notes: str,
        until: date | None = None,
    ) -> None:
        order = Order(
            next(self._order_ids),
            board,
            status,
            adopted_on,
            f"§ {self.rng.randint(20, 240)}",
            notes,
            until,
        )
        sections: dict[str, list[Entry]] = {}
        for entry in templates:
            sections.setdefault(entry[0].section, []).append(entry)
        items: list[Item] = []
        position = itertools.count()
        for section_number, (section, entries) in enumerate(sections.items(), start=1):
            for number, (tpl, matter, who, limits) in enumerate(entries, start=1):
                kind = infer_decision_kind(matter)
                _refuse_wrong_kind(board, matter, kind)
                delegate = self._delegate(who, board)
                items.append(
                    Item(
                        next(self._item_ids),
                        order,
                        next(position),
                        section,
                        f"{section_number}.{number}",
                        matter,
                        kind,
                        delegate,
                        self._delegate(tpl.sub, board) if tpl.sub else None,
                        tpl,
                        limits,
                        tpl.subdelegation and delegate == self.head(board),
                    )
                )
        order.items = tuple(items)
        self.orders.append(order)
        self.items += items

    def head(self, board: Unit) -> Who:
        """The board's förvaltningschef (DEL-10): the director of the area serving it, for
        KS the stadsdirektör."""
        head = self.resolver.resolve("DIR", board)
        return Who(head.kind, head.role, head.title, head.unit_id)

    def _delegate(self, symbol: str, board: Unit) -> Who:
        if symbol.startswith("REKTOR@"):
            scope = self.org.by_code[symbol.partition("@")[2]]
            who = Who(DelegateKind.POSITION, Role.PRINCIPAL, unit_id=scope.id)
            if any(a.valid_on(self.today) for a in self.resolver.holders(who, board)):
                return who
            symbol = "DIR"
        return self.resolver.resolve(symbol, board)

    # --- decisions ----------------------------------------------------------------------------

    def build_decisions(self, per_unit: int = 4) -> None:
        """`per_unit` decisions for each unit, taken by someone in it where someone there
        holds a right (an enhetschef, a handläggare, an ordförande), else anywhere."""
        rights: dict[int, list[Item]] = defaultdict(list)
        for item in self.items:
            for appt in self.resolver.holders(item.delegate, item.order.board):
                rights[appt.id].append(item)
        everyone = [a for a in self.org.appointments if a.id in rights]
        sequence = itertools.count(1)
        for unit in self.org.units:
            local = [
                a
                for a in (*unit.posts, *unit.deputies, *unit.staff, *unit.seated)
                if a.id in rights
            ]
            for _ in range(per_unit):
                self._decide(local or everyone, everyone, rights, sequence)

    def _decide(
        self,
        local: list[Appt],
        everyone: list[Appt],
        rights: dict[int, list[Item]],
        sequence: itertools.count[int],
    ) -> None:
        for attempt in range(40):
            appt = self.rng.choice(local if attempt < 20 else everyone)
            item = self.rng.choice(rights[appt.id])
            if self.rng.random() > _FREQUENCY.get(item.kind, 1.0) and attempt < 30:
                continue
            first = max(appt.valid_from, item.order.adopted_on)
            ends = [d for d in (appt.valid_to, item.order.until) if d is not None]
            last = min([*ends, self.today + timedelta(days=1)]) - timedelta(days=1)
            if first > last:
                continue
            on = self.org.random_date(first, last)
            self.decisions.append(self._decision(item, appt, on, next(sequence)))
            return
        raise RuntimeError(
            "Inget delegationsbeslut gick att fatta; delegationsordningarna saknar innehavare."
        )

    def _decision(self, item: Item, appt: Appt, on: date, number: int) -> Decision:
        today = self.today
        tpl = item.tpl
        reported = on + timedelta(days=self.rng.randint(7, 45)) if tpl.report else None
        appealable = tpl.appealable
        recorded = (
            on + timedelta(days=self.rng.randint(2, 20)) if appealable and not tpl.report else None
        )
        return Decision(
            next(self._decision_ids),
            item,
            appt,
            on,
            _description(item, appt, self.rng),
            f"{item.order.board.code} {on.year}/{number:05d}",
            on - timedelta(days=self.rng.randint(10, 60)) if item.kind in NEED_TEST_KINDS else None,
            on - timedelta(days=self.rng.randint(2, 14))
            if item.kind in CONSULTATION_KINDS
            else None,
            reported if reported is not None and reported <= today else None,
            appealable,
            recorded if recorded is not None and recorded <= today else None,
        )


def _expand(tpl: Tpl) -> list[Entry]:
    """(template, matter, delegate, limits) for each variant and each level of limits."""
    variants: list[tuple[str, str]] = [
        (v, tpl.who) if isinstance(v, str) else v for v in tpl.variants
    ] or [("", tpl.who)]
    found = []
    for text, who in variants:
        matter = tpl.matter.replace("{s}", text).strip()
        found.append((tpl, matter, who, tpl.limits))
        found += [(tpl, matter, more_who, limits) for limits, more_who in tpl.more]
    return found


def _refuse_wrong_kind(board: Unit, matter: str, kind: DecisionKind) -> None:
    """The catalogue's own guard: no matter a board may not delegate (DEL-7), and staff
    matters only in KS's order (DEL-6)."""
    if kind in NON_DELEGABLE_KINDS or (
        kind in HR_KINDS and board.kind is not UnitKind.EXECUTIVE_BOARD
    ):
        raise RuntimeError(f"{board.name}: ärendet {matter!r} kan inte delegeras ({kind.value}).")


# How a decision came out, by the kind of matter: an application, a purchase, the rest.
_APPLICATION = ("bifall", "avslag", "delvis bifall", "bifall med villkor")
_PURCHASE = ("tilldelning och avtal med vald leverantör", "avtal tecknat", "avbruten")
_OTHER = ("beslutat enligt förslag", "beslutat", "beslutat med ändringar")


def _genitive(name: str) -> str:
    return name if name.endswith(("s", "x", "z")) else f"{name}s"


# The sections every board shares; the others hold the boards' own matters, applications
# from the kommun's residents (bistånd, bygglov, föreningsstöd …).
_SHARED_SECTIONS = frozenset(t.section for t in (*COMMON, *GENERIC, *KS_OWN, *KS_STAFF))


def _outcome(item: Item, rng: random.Random) -> str:
    if item.matter.startswith("Avrop"):
        return "avrop gjort"
    if item.section == "Upphandling":
        return rng.choice(_PURCHASE)
    if item.section in _SHARED_SECTIONS:
        return rng.choice(_OTHER)
    return rng.choice(_APPLICATION)


def _description(item: Item, appt: Appt, rng: random.Random) -> str:
    unit = appt.unit.name
    titles = [t for t, _ in appt.unit.staff_titles] or ["medarbetare"]
    who = rng.choice(titles).casefold()
    kind = item.kind
    if kind is DecisionKind.HIRE:
        if "Visstid" in item.matter:
            return f"Vikariat som {who} vid {unit} i sex månader."
        if "Timanställning" in item.matter:
            return f"Timanställning av {who} vid {unit}."
        return f"Tillsvidareanställning av {who} vid {unit}."
    texts = {
        DecisionKind.SET_SALARY: f"Lön fastställd för {who} vid {unit}.",
        DecisionKind.WARNING: f"Skriftlig varning till {who} vid {unit} efter upprepade "
        "förseningar trots tillsägelse.",
        DecisionKind.DISMISSAL: f"Uppsägning av {who} vid {unit}.",
        DecisionKind.SUMMARY_DISMISSAL: f"Avsked av {who} vid {unit} efter grovt åsidosättande "
        "av åligganden.",
        DecisionKind.DISCIPLINARY: f"Disciplinåtgärd mot {who} vid {unit}.",
        DecisionKind.REFILL: f"Tjänsten som {who} vid {unit} återbesätts.",
        DecisionKind.EMPLOYMENT_RATE: f"Sysselsättningsgraden för {who} vid {unit} ändrad till "
        f"{rng.choice((75, 80, 90, 100))} %.",
        DecisionKind.URGENT: "Yttrande med kort svarstid lämnat före nämndens sammanträde.",
    }
    if kind in texts:
        return texts[kind]
    limits = f" ({item.limits.casefold()})" if item.limits else ""
    return f"{item.matter}{limits}: {_outcome(item, rng)}."
