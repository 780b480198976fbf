"""The sample's data files (`data/*.toml`), read into typed values.

The files are what a reader edits to change the sample; this module only gives their rows
names and types, and fails on the first row it cannot read, naming the file and the row.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any, TypeVar

from nacka_desktop.domain.delegation.council_matters import CouncilMatterKind
from nacka_desktop.domain.delegation.orders import DecisionKind, DelegateKind, LegalBasis
from nacka_desktop.domain.enums import ProcessKind, Role, UnitKind, WelfareBranch
from nacka_desktop.domain.work_environment import ReturnReason

T = TypeVar("T")
Table = dict[str, Any]


class SampleDataError(ValueError):
    """A data file the builder cannot read (a developer's mistake, named precisely)."""


# --- organisation.toml --------------------------------------------------------------------------


@dataclass(frozen=True)
class Body:
    code: str
    name: str
    kind: UnitKind
    parent: str | None
    charter: str


@dataclass(frozen=True)
class Office:
    code: str
    name: str
    kind: UnitKind
    parent: str
    leader: Role
    leader_title: str
    staff: tuple[tuple[str, int], ...]  # (title, how many)
    deputy_title: str
    branch: WelfareBranch | None


@dataclass(frozen=True)
class Acting:
    unit: str
    days_ago: int
    days_ahead: int
    regular_manager_leaves: bool


@dataclass(frozen=True)
class Party:
    party: str
    seats: int
    majority: bool


@dataclass(frozen=True)
class ProcessSpec:
    name: str
    kind: ProcessKind
    owner: str  # the unit whose manager owns it
    description: str


@dataclass(frozen=True)
class Organisation:
    seed: int
    history_years: int
    council_seats: int
    bodies: tuple[Body, ...]
    offices: tuple[Office, ...]
    successions: dict[str, int]
    vacancy: tuple[str, int]
    leavers: dict[str, int]
    acting: tuple[Acting, ...]
    parties: tuple[Party, ...]
    board_seats: tuple[int, int]  # majority, opposition
    board_only: dict[bool, tuple[str, ...]]  # by majority: parties of members outside KF
    substitutes: dict[bool, tuple[str, ...]]  # by majority: parties of KF's substitutes
    processes: tuple[ProcessSpec, ...]
    first_names: tuple[str, ...]
    last_names: tuple[str, ...]

    def office(self, code: str) -> Office:
        return next(office for office in self.offices if office.code == code)


# --- work.toml ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class BelowManager:
    giver_unit: str
    unit: str
    role: Role
    title: str  # "" for the post's holder
    tasks: tuple[str, ...]


@dataclass(frozen=True)
class ReturnSpec:
    reasons: tuple[ReturnReason, ...]
    explanation: str


_DIRECTORS = (Role.DIRECTOR, Role.PRODUCTION_DIRECTOR)
AREA_LEADERS = (Role.DIRECTOR, Role.PRODUCTION_DIRECTOR, Role.OPERATIONS_MANAGER)


@dataclass(frozen=True)
class Work:
    tasks: tuple[str, ...]
    giver_names: dict[Role, str]
    texts_by_giver: dict[str, tuple[str, str]]  # ks, director, area, manager: absence, retained
    below_managers: tuple[BelowManager, ...]
    partly_returned: ReturnSpec
    wholly_returned: ReturnSpec

    def texts(
        self, giver: Role | None, receiver: Role, as_area_leader: bool = False
    ) -> tuple[str, str]:
        """What applies during the receiver's absence, and which tasks stay with the giver
        (AM-7): from KS (giver None), to a direktör, from an area's leader (or as one), or
        from any other manager."""
        if giver is None:
            return self.texts_by_giver["ks"]
        if receiver in _DIRECTORS:
            return self.texts_by_giver["director"]
        name = self.giver_names[giver]
        kind = "area" if giver in AREA_LEADERS or as_area_leader else "manager"
        absence, retained = self.texts_by_giver[kind]
        return (
            absence.format(giver=name, Giver=name.capitalize()),
            retained.format(giver=name, Giver=name.capitalize()),
        )


# --- delegation.toml ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Who:
    """A delegate as the data writes it: the part of the organisation by its unit code."""

    kind: DelegateKind
    role: Role | None = None
    title: str = ""
    unit: str | None = None


@dataclass(frozen=True)
class ItemSpec:
    matter: str
    delegate: Who
    substitute: Who | None
    lagrum: str
    limits: str
    kind: DecisionKind | None  # None: the kind the matter's words say
    basis: LegalBasis
    subdelegation: bool
    report: bool
    notes: str


@dataclass(frozen=True)
class OrderSpec:
    board: str
    adopted_days_ago: int
    paragraph: str
    notes: str
    sections: tuple[tuple[str, tuple[ItemSpec, ...]], ...]


@dataclass(frozen=True)
class BoardSpec:
    board: str
    head_role: Role | None
    head_unit: str | None
    report_within_days: int | None
    laws: frozenset[str]
    areas: frozenset[str]


@dataclass(frozen=True)
class DecisionSpec:
    board: str
    matter: str
    limits: str
    unit: str
    role: Role
    title: str
    days_ago: int
    description: str
    need_tested_days_before: int | None
    consulted_days_before: int | None
    reported_days_after: int | None
    appealable: bool
    recorded_separately_days_after: int | None


@dataclass(frozen=True)
class SubdelegationSpec:
    board: str
    matter: str
    limits: str
    by_unit: str  # the post that passes the right on: its unit and role
    by_role: Role
    days_ago: int
    to_title: str
    notes: str


@dataclass(frozen=True)
class CouncilMatterSpec:
    kind: CouncilMatterKind
    board: str
    matter: str  # of a recall: the item's matter
    to: str | None
    basis: LegalBasis | None  # of a recall: the item's
    decided_days_ago: int
    paragraph: str
    case_number: str
    prepared_days_ago: int | None
    council_decided_days_ago: int | None
    council_paragraph: str
    notes: str


@dataclass(frozen=True)
class Delegation:
    need_tested_by: str  # who tests the need before a hire (HR-2)
    consulted_with: str  # whom a manager consults first (HR-3)
    titled_positions: tuple[tuple[str, str], ...]
    boards: tuple[BoardSpec, ...]
    orders: tuple[OrderSpec, ...]
    decisions: tuple[DecisionSpec, ...]
    subdelegations: tuple[SubdelegationSpec, ...]
    council_matters: tuple[CouncilMatterSpec, ...]


# The keys each table's rows may have (`_only`).
_KEYS_BODIES = frozenset({"code", "name", "kind", "parent", "charter"})
_KEYS_OFFICES = frozenset(
    {"code", "name", "kind", "parent", "branch", "leader", "leader_title", "deputy_title", "staff"}
)
_KEYS_ACTING = frozenset({"unit", "days_ago", "days_ahead", "regular_manager_leaves"})
_KEYS_PARTIES = frozenset({"party", "seats", "majority"})
_KEYS_PROCESSES = frozenset({"name", "kind", "owner", "description"})
_KEYS_BELOW_MANAGERS = frozenset({"giver_unit", "unit", "role", "title", "tasks"})
_KEYS_TITLED_POSITIONS = frozenset({"title", "description"})
_KEYS_BOARDS = frozenset({"board", "head_role", "head_unit", "report_within_days", "laws", "areas"})
_KEYS_ORDERS = frozenset({"board", "adopted_days_ago", "paragraph", "notes", "sections"})
_KEYS_DECISIONS = frozenset(
    {
        "board",
        "matter",
        "limits",
        "unit",
        "role",
        "title",
        "days_ago",
        "description",
        "need_tested_days_before",
        "consulted_days_before",
        "reported_days_after",
        "appealable",
        "recorded_separately_days_after",
    }
)
_KEYS_SUBDELEGATIONS = frozenset(
    {"board", "matter", "limits", "by", "days_ago", "to_title", "notes"}
)
_KEYS_COUNCIL_MATTERS = frozenset(
    {
        "kind",
        "board",
        "item",
        "matter",
        "to",
        "basis",
        "decided_days_ago",
        "paragraph",
        "case_number",
        "prepared_days_ago",
        "council_decided_days_ago",
        "council_paragraph",
        "notes",
    }
)
_KEYS_ITEM = frozenset(
    {
        "matter",
        "delegate",
        "substitute",
        "lagrum",
        "limits",
        "kind",
        "basis",
        "subdelegation",
        "report",
        "notes",
    }
)


# --- reading ------------------------------------------------------------------------------------


def _load(name: str) -> Table:
    return _parse(name, (files("nacka_desktop.sample") / "data" / name).read_text("utf-8"))


def _parse(name: str, text: str) -> Table:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise SampleDataError(f"{name}: {error}") from error


def _only(row: Table, keys: frozenset[str]) -> Table:
    """The row, if it has no key the reader would ignore (a misspelt optional key must not
    silently fall back to its default)."""
    unknown = sorted(set(row) - keys)
    if unknown:
        raise ValueError(f"okänd nyckel {', '.join(unknown)}; kända: {', '.join(sorted(keys))}")
    return row


def _rows(
    file: str,
    table: Table,
    key: str,
    read: Callable[[Table], T],
    keys: frozenset[str] | None = None,
) -> tuple[T, ...]:
    rows = []
    for number, row in enumerate(table.get(key, []), start=1):
        try:
            rows.append(read(_only(row, keys) if keys is not None else row))
        except (KeyError, ValueError, TypeError) as error:
            raise SampleDataError(f"{file}: [[{key}]] nr {number}: {error!r}") from error
    return tuple(rows)


def _optional(enum: Callable[[str], T], value: str | None) -> T | None:
    return enum(value) if value is not None else None


@cache
def organisation() -> Organisation:
    file = "organisation.toml"
    data = _load(file)
    history, boards = data["history"], data["boards"]
    return Organisation(
        seed=data["seed"],
        history_years=data["history_years"],
        council_seats=data["council_seats"],
        bodies=_rows(
            file,
            data,
            "bodies",
            lambda r: Body(
                r["code"], r["name"], UnitKind(r["kind"]), r.get("parent"), r.get("charter", "")
            ),
            keys=_KEYS_BODIES,
        ),
        offices=_rows(
            file,
            data,
            "offices",
            lambda r: Office(
                code=r["code"],
                name=r["name"],
                kind=UnitKind(r["kind"]),
                parent=r["parent"],
                leader=Role(r["leader"]),
                leader_title=r["leader_title"],
                staff=tuple((s["title"], s["count"]) for s in r.get("staff", [])),
                deputy_title=r.get("deputy_title", ""),
                branch=_optional(WelfareBranch, r.get("branch")),
            ),
            keys=_KEYS_OFFICES,
        ),
        successions=dict(history["successions"]),
        vacancy=(history["vacancy"]["unit"], history["vacancy"]["days_ago"]),
        leavers=dict(history["leavers"]),
        acting=_rows(
            file,
            history,
            "acting",
            lambda r: Acting(
                r["unit"], r["days_ago"], r["days_ahead"], r["regular_manager_leaves"]
            ),
            keys=_KEYS_ACTING,
        ),
        parties=_rows(
            file,
            data,
            "parties",
            lambda r: Party(r["party"], r["seats"], r["majority"]),
            keys=_KEYS_PARTIES,
        ),
        board_seats=(boards["majority_seats"], boards["opposition_seats"]),
        board_only={
            True: tuple(boards["majority_board_only"]),
            False: tuple(boards["opposition_board_only"]),
        },
        substitutes={
            True: tuple(boards["majority_substitutes"]),
            False: tuple(boards["opposition_substitutes"]),
        },
        processes=_rows(
            file,
            data,
            "processes",
            lambda r: ProcessSpec(
                r["name"], ProcessKind(r["kind"]), r["owner"], r.get("description", "")
            ),
            keys=_KEYS_PROCESSES,
        ),
        first_names=tuple(data["names"]["first"].split()),
        last_names=tuple(data["names"]["last"].split()),
    )


@cache
def work() -> Work:
    file = "work.toml"
    data = _load(file)
    texts, returns = data["texts"], data["returns"]
    return Work(
        tasks=tuple(data["tasks"]),
        giver_names={Role(role): name for role, name in data["giver_names"].items()},
        texts_by_giver={
            kind: (texts[f"{kind}_absence"], texts[f"{kind}_retained"])
            for kind in ("ks", "director", "area", "manager")
        },
        below_managers=_rows(
            file,
            data,
            "below_managers",
            lambda r: BelowManager(
                r["giver_unit"], r["unit"], Role(r["role"]), r.get("title", ""), tuple(r["tasks"])
            ),
            keys=_KEYS_BELOW_MANAGERS,
        ),
        partly_returned=_return(returns["partly"]),
        wholly_returned=_return(returns["wholly"]),
    )


def _return(row: Table) -> ReturnSpec:
    return ReturnSpec(tuple(ReturnReason(r) for r in row["reasons"]), row["explanation"])


def _who(value: str | Table, delegates: dict[str, Who]) -> Who:
    if isinstance(value, str):
        return delegates[value]  # a KeyError names the unknown delegate
    return Who(
        DelegateKind(value["kind"]),
        _optional(Role, value.get("role")),
        value.get("title", ""),
        value.get("unit"),
    )


def _item(row: Table, delegates: dict[str, Who]) -> ItemSpec:
    _only(row, _KEYS_ITEM)
    substitute = row.get("substitute")
    return ItemSpec(
        matter=row["matter"],
        delegate=_who(row["delegate"], delegates),
        substitute=_who(substitute, delegates) if substitute is not None else None,
        lagrum=row.get("lagrum", ""),
        limits=row.get("limits", ""),
        kind=_optional(DecisionKind, row.get("kind")),
        basis=LegalBasis(row.get("basis", LegalBasis.GENERAL_COMPETENCE.value)),
        subdelegation=row.get("subdelegation", False),
        report=row.get("report", True),
        notes=row.get("notes", ""),
    )


def _order(row: Table, delegates: dict[str, Who]) -> OrderSpec:
    return OrderSpec(
        board=row["board"],
        adopted_days_ago=row["adopted_days_ago"],
        paragraph=row["paragraph"],
        notes=row.get("notes", ""),
        sections=tuple(
            (section["title"], _section_items(section, delegates)) for section in row["sections"]
        ),
    )


def _section_items(section: Table, delegates: dict[str, Who]) -> tuple[ItemSpec, ...]:
    items = []
    for number, row in enumerate(section["items"], start=1):
        try:
            items.append(_item(row, delegates))
        except (KeyError, ValueError) as error:
            raise ValueError(f"{section['title']}, punkt {number}: {error!r}") from error
    return tuple(items)


def _decision(row: Table) -> DecisionSpec:
    return DecisionSpec(
        board=row["board"],
        matter=row["matter"],
        limits=row.get("limits", ""),
        unit=row["unit"],
        role=Role(row["role"]),
        title=row.get("title", ""),
        days_ago=row["days_ago"],
        description=row["description"],
        need_tested_days_before=row.get("need_tested_days_before"),
        consulted_days_before=row.get("consulted_days_before"),
        reported_days_after=row.get("reported_days_after"),
        appealable=row.get("appealable", False),
        recorded_separately_days_after=row.get("recorded_separately_days_after"),
    )


def _council_matter(row: Table) -> CouncilMatterSpec:
    item = row.get("item", {})
    return CouncilMatterSpec(
        kind=CouncilMatterKind(row["kind"]),
        board=row["board"],
        matter=item.get("matter", row.get("matter", "")),
        to=row.get("to"),
        basis=_optional(LegalBasis, row.get("basis")),
        decided_days_ago=row["decided_days_ago"],
        paragraph=row.get("paragraph", ""),
        case_number=row.get("case_number", ""),
        prepared_days_ago=row.get("prepared_days_ago"),
        council_decided_days_ago=row.get("council_decided_days_ago"),
        council_paragraph=row.get("council_paragraph", ""),
        notes=row.get("notes", ""),
    )


@cache
def delegation() -> Delegation:
    file = "delegation.toml"
    data = _load(file)
    delegates = {name: _who(value, {}) for name, value in data["delegates"].items()}
    every_board = frozenset(data["every_board_laws"])
    return Delegation(
        need_tested_by=data["need_tested_by"],
        consulted_with=data["consulted_with"],
        titled_positions=_rows(
            file,
            data,
            "titled_positions",
            lambda r: (r["title"], r.get("description", "")),
            keys=_KEYS_TITLED_POSITIONS,
        ),
        boards=_rows(
            file,
            data,
            "boards",
            lambda r: BoardSpec(
                board=r["board"],
                head_role=_optional(Role, r.get("head_role")),
                head_unit=r.get("head_unit"),
                report_within_days=r.get("report_within_days"),
                laws=every_board | frozenset(r.get("laws", [])),
                areas=frozenset(r.get("areas", [])),
            ),
            keys=_KEYS_BOARDS,
        ),
        orders=_rows(file, data, "orders", lambda r: _order(r, delegates), keys=_KEYS_ORDERS),
        decisions=_rows(file, data, "decisions", _decision, keys=_KEYS_DECISIONS),
        subdelegations=_rows(
            file,
            data,
            "subdelegations",
            lambda r: SubdelegationSpec(
                r["board"],
                r["matter"],
                r.get("limits", ""),
                r["by"]["unit"],
                Role(r["by"]["role"]),
                r["days_ago"],
                r["to_title"],
                r.get("notes", ""),
            ),
            keys=_KEYS_SUBDELEGATIONS,
        ),
        council_matters=_rows(
            file, data, "council_matters", _council_matter, keys=_KEYS_COUNCIL_MATTERS
        ),
    )
