"""Matters between a board and KF (DOMAIN.md §4 DEL-3, DEL-4, DEL-5) and how decisions taken
on delegation reach the record (DEL-11): both the allowed and the refused case of each."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

import pytest

from nacka_desktop.domain.delegation.council_matters import (
    CouncilMatter,
    CouncilMatterKind,
    DecisionRecord,
    ReportRoute,
    recalls_in,
    report_route,
    without_recalled,
)
from nacka_desktop.domain.delegation.orders import (
    BoardSetting,
    DecisionKind,
    DelegationOrder,
    LegalBasis,
)
from nacka_desktop.domain.delegation.rights import rights_of_person, who_may_decide
from nacka_desktop.domain.enums import Severity
from nacka_desktop.domain.rules.catalogue import RULES
from nacka_desktop.domain.rules.council import check_council_matters, check_decisions

from .snapshots import KF, KS, LON, ON, SLK, UBN, Org
from .test_delegation import Hit, hits, item, order, staffed

ERROR = Severity.ERROR
WARNING = Severity.WARNING
MATTER = "council_matter"
DECISION = "delegated_decision"
GENERAL = LegalBasis.GENERAL_COMPETENCE


def referral(
    basis: LegalBasis = GENERAL,
    to: int | None = KF,
    board: int = UBN,
    **fields: object,
) -> CouncilMatter:
    matter = CouncilMatter(
        id=7,
        kind=CouncilMatterKind.REFERRAL,
        board_unit_id=board,
        matter="Ny skolplan för kommunen",
        legal_basis=basis,
        decided_on=date(2026, 3, 1),
        paragraph="§ 12",
        to_unit_id=to,
    )
    return replace(matter, **fields)  # type: ignore[arg-type]


def recall(
    basis: LegalBasis = GENERAL, item_id: int | None = 1, matter: str = "Övrigt"
) -> CouncilMatter:
    return CouncilMatter(
        id=8,
        kind=CouncilMatterKind.RECALL,
        board_unit_id=UBN,
        matter=matter,
        legal_basis=basis,
        decided_on=date(2026, 6, 15),
        paragraph="KF § 88",
        item_id=item_id,
    )


def check(
    *matters: CouncilMatter, orders: Sequence[DelegationOrder] = (), on: date | None = None
) -> set[Hit]:
    violations = check_council_matters(staffed(), list(matters), list(orders), on)
    assert all(v.rule_id in RULES and v.message and v.message_en for v in violations)
    return hits(violations)


# -- DEL-4: a referral goes to KF, prepared by KS ------------------------------------------------


def test_a_matter_of_general_competence_is_referred_to_kf_prepared_by_ks() -> None:
    assert check(referral(prepared_on=date(2026, 3, 10), council_decided_on=date(2026, 4, 20))) == (
        set()
    )


def test_a_referral_to_ks_instead_of_kf_is_refused() -> None:
    assert check(referral(to=KS)) == {("DEL-4", ERROR, MATTER, 7, "to_unit")}


def test_a_referral_to_no_body_is_refused() -> None:
    assert check(referral(to=None)) == {("DEL-4", ERROR, MATTER, 7, "to_unit")}


def test_kf_deciding_a_referred_matter_ks_did_not_prepare_is_refused() -> None:
    found = check(referral(council_decided_on=date(2026, 4, 20)))
    assert found == {("DEL-4", ERROR, MATTER, 7, "prepared_on")}


def test_preparation_and_decision_follow_the_referral_in_time() -> None:
    assert check(referral(prepared_on=date(2026, 2, 1))) == {
        ("DATA-1", ERROR, MATTER, 7, "prepared_on")
    }
    late = referral(prepared_on=date(2026, 3, 10), council_decided_on=date(2026, 3, 5))
    assert check(late) == {("DATA-1", ERROR, MATTER, 7, "council_decided_on")}


def test_only_a_boards_matters_go_to_kf() -> None:
    assert check(referral(board=SLK)) == {("DEL-4", ERROR, MATTER, 7, "board")}


# -- DEL-3: where a law names the board, only it decides; DEL-5: a role's own right ---------------


def test_a_law_naming_the_municipality_lets_the_board_refer_and_kf_take_back() -> None:
    basis = LegalBasis.MUNICIPALITY_BY_LAW
    assert basis.council_may_take_back
    assert check(referral(basis), recall(basis)) == set()


@pytest.mark.parametrize("kind", list(CouncilMatterKind))
def test_a_matter_a_law_gives_the_board_cannot_move_to_kf(kind: CouncilMatterKind) -> None:
    matter = replace(referral(LegalBasis.BOARD_BY_LAW), kind=kind)
    assert check(matter) == {("DEL-3", ERROR, MATTER, 7, "legal_basis")}


@pytest.mark.parametrize("kind", list(CouncilMatterKind))
def test_a_right_the_law_gives_a_role_is_no_ones_to_move(kind: CouncilMatterKind) -> None:
    matter = replace(referral(LegalBasis.ROLE_BY_LAW), kind=kind)
    assert check(matter) == {("DEL-5", ERROR, MATTER, 7, "legal_basis")}


def test_the_refusal_names_the_board_and_the_rule() -> None:
    [violation] = check_council_matters(staffed(), [referral(LegalBasis.BOARD_BY_LAW)])
    assert "Utbildningsnämnden" in violation.message
    assert "hänskjuta" in violation.message
    assert violation.object_label.startswith("Utbildningsnämnden: hänskjutet till KF")


# -- DEL-4: what KF took back is no longer decided on the board's behalf -------------------------


def test_a_recalled_item_leaves_the_order_from_the_recall_date() -> None:
    kept, taken = item(item_id=1), item(DecisionKind.HIRE, item_id=2)
    orders = [order(UBN, kept, taken)]
    matters = [recall(item_id=2, matter="Något annat")]
    before = without_recalled(orders, matters, date(2026, 6, 14))
    after = without_recalled(orders, matters, date(2026, 6, 15))
    assert [i.id for i in before[0].items] == [1, 2]
    assert [i.id for i in after[0].items] == [1]


def test_a_recall_follows_the_item_into_a_new_version_but_not_to_its_siblings() -> None:
    small = replace(item(item_id=1, matter="Upphandling"), limits="Upp till 1 mnkr")
    large = replace(item(item_id=2, matter="Upphandling"), limits="Över 1 mnkr")
    first = order(UBN, small, large, order_id=1)
    successor = replace(small, id=31, matter="  UPPHANDLING ")
    second = order(UBN, successor, replace(large, id=32), order_id=2)
    taken = recalls_in([first, second], [recall(item_id=1)], date(2026, 7, 1))
    assert sorted(taken) == [1, 31]  # not the larger procurements of the same wording


def test_a_recall_whose_item_is_gone_takes_back_the_matter_by_its_words() -> None:
    orders = [order(UBN, item(item_id=1), item(item_id=2, matter="Annat"))]
    taken = recalls_in(orders, [recall(item_id=None)], date(2026, 7, 1))
    assert sorted(taken) == [1]
    assert recalls_in(orders, [recall(item_id=None)], date(2026, 6, 14)) == {}


def test_a_recall_reaches_only_its_own_boards_order() -> None:
    orders = [order(KS, item(item_id=1)), order(UBN, item(item_id=2), order_id=2)]
    after = without_recalled(orders, [recall(item_id=None)], date(2026, 7, 1))
    assert [len(o.items) for o in after] == [1, 0]


def test_no_one_may_decide_a_recalled_matter() -> None:
    snapshot = Org().staff().snapshot()
    lon_manager = 100 + LON
    orders = [order(UBN, item(item_id=1))]
    assert who_may_decide(snapshot, orders, 1, None, ON)
    recalled = without_recalled(orders, [recall()], ON)
    assert who_may_decide(snapshot, recalled, 1, None, ON) == []
    assert rights_of_person(snapshot, recalled, lon_manager, ON) == []
    assert rights_of_person(snapshot, orders, lon_manager, ON)


def test_an_order_in_force_still_delegating_a_recalled_matter_is_a_warning() -> None:
    orders = [order(UBN, item(item_id=1))]
    assert check(recall(), orders=orders, on=date(2026, 6, 14)) == set()
    assert check(recall(), orders=orders, on=ON) == {
        ("DEL-4", WARNING, "delegation_item", 1, "recalled")
    }


# -- DEL-11: reported, or recorded separately when appealable -----------------------------------


def decision(**fields: object) -> DecisionRecord:
    base = DecisionRecord(
        id=5, item_id=1, decided_on=date(2026, 9, 1), description="Avslag", case_number="UBN 1"
    )
    return replace(base, **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("report_to_board", "appealable", "route"),
    [
        (True, False, ReportRoute.REPORT_TO_BOARD),
        (True, True, ReportRoute.REPORT_TO_BOARD),
        (False, True, ReportRoute.SEPARATE_RECORD),
        (False, False, ReportRoute.NONE),
    ],
)
def test_the_route_of_a_decision(
    report_to_board: bool, appealable: bool, route: ReportRoute
) -> None:
    assert report_route(item(report_to_board=report_to_board), appealable) is route


def check_decision(*decisions: DecisionRecord, report_to_board: bool = False) -> set[Hit]:
    orders = [order(UBN, item(item_id=1, report_to_board=report_to_board))]
    violations = check_decisions(orders, list(decisions))
    assert all(v.rule_id in RULES for v in violations)
    return hits(violations)


def test_an_appealable_decision_not_reported_must_be_recorded_separately() -> None:
    assert check_decision(decision(appealable=True)) == {
        ("DEL-11", WARNING, DECISION, 5, "recorded_separately_on")
    }
    recorded = decision(appealable=True, recorded_separately_on=date(2026, 9, 3))
    assert check_decision(recorded) == set()


def test_a_decision_neither_reported_nor_appealable_needs_no_record() -> None:
    assert check_decision(decision()) == set()


def test_a_reported_decision_is_not_also_recorded_separately() -> None:
    assert check_decision(decision(appealable=True), report_to_board=True) == set()


def test_nothing_is_reported_or_recorded_before_the_decision() -> None:
    early = decision(reported_on=date(2026, 8, 1), recorded_separately_on=date(2026, 8, 2))
    assert check_decision(early) == {
        ("DEL-11", ERROR, DECISION, 5, "reported_on"),
        ("DEL-11", ERROR, DECISION, 5, "recorded_separately_on"),
    }


def test_a_decision_taken_after_kf_took_the_matter_back_is_flagged() -> None:
    orders = [order(UBN, item(item_id=1))]
    before = decision(decided_on=date(2026, 6, 14))
    after = decision(id=6, decided_on=date(2026, 6, 15))
    found = hits(check_decisions(orders, [before, after], [recall()]))
    assert found == {("DEL-4", WARNING, DECISION, 6, "decided_on")}


def test_del11_a_decision_not_reported_within_the_boards_rhythm_is_overdue() -> None:
    orders = [order(UBN, item(item_id=1, report_to_board=True))]
    monthly = {UBN: BoardSetting(UBN, report_within_days=30)}
    taken = decision()  # decided 2026-09-01, not reported

    def found(today: date, settings: dict[int, BoardSetting]) -> set[Hit]:
        return hits(check_decisions(orders, [taken], (), settings, today))

    assert found(date(2026, 10, 1), monthly) == set()  # the 30th day: still in time
    assert found(date(2026, 10, 2), monthly) == {("DEL-11", WARNING, DECISION, 5, "reported_on")}
    assert found(date(2027, 1, 1), {}) == set()  # no rhythm decided: nothing is overdue
    reported = replace(taken, reported_on=date(2026, 9, 20))
    assert hits(check_decisions(orders, [reported], (), monthly, date(2027, 1, 1))) == set()
