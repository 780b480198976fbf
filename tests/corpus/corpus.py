"""The delegation corpus (`delegation_corpus.toml`): rows of delegationsordningar written from
DOMAIN.md alone, by someone who had not read the code, each with the kind its words should be
recognised as and the verdict the law gives. `judge` runs one row through what the import and
the item dialog run: the delegate parsed from its text, the kind from the matter's words, every
rule of an order for the board."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from nacka_desktop.domain.delegation.format import DelegateTextError, parse_delegate
from nacka_desktop.domain.delegation.orders import (
    BoardSetting,
    DelegationItem,
    DelegationOrder,
    OrderStatus,
    infer_decision_kind,
)
from nacka_desktop.domain.enums import Severity
from nacka_desktop.domain.records import OrgSnapshot
from nacka_desktop.domain.rules.delegation import check_delegation

CORPUS = Path(__file__).with_name("delegation_corpus.toml")
# A second corpus by another author, written after the recogniser was tuned on the first and
# measured on it once before any change (the README gives both figures).
HOLDOUT = Path(__file__).with_name("delegation_holdout.toml")


@dataclass(frozen=True)
class Row:
    id: str
    area: str
    board: str
    matter: str
    lagrum: str
    delegate: str
    substitute: str
    kind: str
    verdict: str  # allowed, refused or warning
    rule: str
    why: str


@dataclass(frozen=True)
class Verdict:
    kind: str
    verdict: str
    rules: frozenset[str]  # the rules of the errors (refused) or else of the warnings


def rows(path: Path = CORPUS) -> list[Row]:
    with path.open("rb") as handle:
        return [Row(**row) for row in tomllib.load(handle)["row"]]


def judge(
    org: OrgSnapshot, row: Row, settings: Mapping[int, BoardSetting] | None = None
) -> Verdict:
    kind = infer_decision_kind(row.matter)
    board = next(u for u in org.units.values() if u.name == row.board)
    try:
        delegate = parse_delegate(org, row.delegate)
        substitute = parse_delegate(org, row.substitute) if row.substitute else None
    except DelegateTextError:
        return Verdict(kind.value, "refused", frozenset({"DEL-8"}))
    item = DelegationItem(
        1, "", "1", row.matter, kind, delegate, substitute=substitute, lagrum=row.lagrum
    )
    order = DelegationOrder(1, board.id, OrderStatus.DRAFT, (item,))
    found = check_delegation(org, [order], settings=settings)
    errors = frozenset(v.rule_id for v in found if v.severity is Severity.ERROR)
    warnings = frozenset(v.rule_id for v in found if v.severity is Severity.WARNING)
    if errors:
        return Verdict(kind.value, "refused", errors)
    if warnings:
        return Verdict(kind.value, "warning", warnings)
    return Verdict(kind.value, "allowed", frozenset())
