"""The delegation corpus: rows of delegationsordningar written from DOMAIN.md alone, by someone
who had not read the code, each with the kind its words should be read as and the verdict the
law gives. No legal row may be refused, every matter is recognised as its kind, and every
illegal row is refused with its rule (a row needing a rule not built yet is marked an expected
failure naming what is missing, and must be unmarked when that rule lands)."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from nacka_desktop.domain.delegation.orders import BoardSetting
from nacka_desktop.domain.enums import UnitKind
from nacka_desktop.domain.records import OrgSnapshot
from nacka_desktop.services.context import Services
from nacka_desktop.services.org.units import UnitDraft
from tests.conftest import TODAY, build_sample

from .corpus import HOLDOUT, Row, Verdict, judge, rows

ROWS = rows() + rows(HOLDOUT)
# Rows whose rule the app cannot check yet, each with what is missing (none at present:
# a row that needs a new rule is marked here until the rule lands).
PENDING: dict[str, str] = {}
PENDING_ROWS: dict[str, str] = {}


@pytest.fixture(scope="module")
def org(tmp_path_factory: pytest.TempPathFactory) -> OrgSnapshot:
    """The sample organisation, with an utskott of Socialnämnden (any nämnd may have one)."""
    services = Services.open(tmp_path_factory.mktemp("corpus") / "corpus.db", lambda: TODAY)
    build_sample(services.database, TODAY)
    board = next(u for u in services.queries.snapshot().units.values() if u.name == "Socialnämnden")
    services.units.create(
        UnitDraft(
            "SNIU",
            "Socialnämndens individutskott",
            UnitKind.COMMITTEE,
            board.id,
            date(2023, 1, 1),
        )
    )
    snapshot = services.queries.snapshot()
    services.close()
    return snapshot


@pytest.fixture(scope="module")
def reglementen(tmp_path_factory: pytest.TempPathFactory) -> dict[int, BoardSetting]:
    """The laws and areas of each board's reglemente, as the sample gives them (DEL-2). Not
    its named förvaltningschefer: the corpus writes "Förvaltningschef" for every board
    (DEL-10)."""
    services = Services.open(tmp_path_factory.mktemp("reglemente") / "r.db", lambda: TODAY)
    build_sample(services.database, TODAY)
    settings = services.delegation.board_settings()
    services.close()
    return {board: BoardSetting(board, laws=s.laws, areas=s.areas) for board, s in settings.items()}


def expectation(row: Row) -> pytest.MarkDecorator | None:
    reason = PENDING_ROWS.get(row.id) or (
        PENDING.get(row.rule) if row.verdict == "refused" else None
    )
    return pytest.mark.xfail(reason=reason, strict=True) if reason else None


def params() -> list[pytest.ParameterSet]:
    found = []
    for row in ROWS:
        mark = expectation(row)
        found.append(pytest.param(row, id=row.id, marks=[mark] if mark else []))
    return found


def test_the_corpus_is_large_and_covers_every_area() -> None:
    areas = Counter(row.area for row in ROWS)
    assert len(rows()) >= 150 and len(rows(HOLDOUT)) >= 100
    assert len({row.id for row in ROWS}) == len(ROWS)
    assert set(areas) == {
        "general", "personnel", "finance", "procurement", "property", "schools", "social",
        "planning",
    }  # fmt: skip
    assert min(areas.values()) >= 15


@pytest.mark.parametrize("row", [pytest.param(r, id=r.id) for r in ROWS])
def test_the_matter_is_recognised_as_its_kind(org: OrgSnapshot, row: Row) -> None:
    assert judge(org, row).kind == row.kind, row.matter


@pytest.mark.parametrize("row", params())
def test_the_row_gets_the_verdict_the_law_gives(
    org: OrgSnapshot, reglementen: dict[int, BoardSetting], row: Row
) -> None:
    verdict = judge(org, row, reglementen)
    if row.verdict == "refused":
        assert verdict.verdict == "refused" and row.rule in verdict.rules, (row.why, verdict)
    else:  # a legal row is never refused; a flag is the user's to weigh
        assert verdict.verdict != "refused", (row.matter, row.delegate, verdict)


def figures(org: OrgSnapshot, reglementen: dict[int, BoardSetting]) -> dict[str, Counter[str]]:
    """Per area: legal rows, of them refused; illegal rows, of them refused with their rule."""
    counts: dict[str, Counter[str]] = {}
    for row in ROWS:
        verdict: Verdict = judge(org, row, reglementen)
        area = counts.setdefault(row.area, Counter())
        if row.verdict == "refused":
            area["illegal"] += 1
            area["caught"] += verdict.verdict == "refused" and row.rule in verdict.rules
        else:
            area["legal"] += 1
            area["false refusals"] += verdict.verdict == "refused"
    return counts


def test_the_figures_the_readme_quotes(
    org: OrgSnapshot, reglementen: dict[int, BoardSetting]
) -> None:
    """The README's table is these figures, both corpora together (run with -s to print)."""
    counts = figures(org, reglementen)
    total: Counter[str] = sum(counts.values(), Counter())
    print()
    for area, c in sorted(counts.items()):
        print(f"| {area} | {c['legal']} | {c['false refusals']} | {c['illegal']} | {c['caught']} |")
    print(f"| all | {total['legal']} | 0 | {total['illegal']} | {total['caught']} |")
    assert total["false refusals"] == 0
    assert total["caught"] == total["illegal"] - sum(
        1
        for row in ROWS
        if row.verdict == "refused" and (row.rule in PENDING or row.id in PENDING_ROWS)
    )
