"""Referrals to KF, KF taking matters back (DEL-3, DEL-4, DEL-5) and the separate record of
appealable decisions (DEL-11), through the services on the sample organisation."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from nacka_desktop.domain.delegation.council_matters import (
    CouncilMatter,
    CouncilMatterKind,
    ReportRoute,
)
from nacka_desktop.domain.delegation.orders import LegalBasis
from nacka_desktop.domain.enums import Role, UnitKind
from nacka_desktop.domain.rules import RuleViolationError
from nacka_desktop.services.context import Services
from tests.conftest import TODAY

from .test_delegation import adopted_order, holder, item, ks_id

HR2_BY = "Stadsdirektören och personaldirektören"  # who tested the need (HR-2)


def unit_of_kind(services: Services, kind: UnitKind) -> int:
    return next(u.id for u in services.queries.snapshot().units.values() if u.kind is kind)


def referral(
    services: Services, to: int, basis: LegalBasis = LegalBasis.GENERAL_COMPETENCE
) -> CouncilMatter:
    return CouncilMatter(
        0,
        CouncilMatterKind.REFERRAL,
        ks_id(services),
        "  Ny arbetsgivarpolicy  ",
        basis,
        date(2026, 9, 1),
        "§ 140",
        "KFKS 2026/300",
        to_unit_id=to,
    )


def refused_rule(error: pytest.ExceptionInfo[RuleViolationError]) -> str:
    return error.value.violations[0].rule_id


def test_a_referral_goes_to_kf_and_ks_prepares_it(sample: Services) -> None:
    kf = unit_of_kind(sample, UnitKind.MUNICIPAL_COUNCIL)
    matter_id = sample.council_matters.record(referral(sample, kf))
    [stored] = sample.delegation.council_matters(ks_id(sample))
    assert (stored.id, stored.matter, stored.to_unit_id) == (matter_id, "Ny arbetsgivarpolicy", kf)

    decided = replace(stored, council_decided_on=date(2026, 10, 12), council_paragraph="KF § 9")
    with pytest.raises(RuleViolationError) as unprepared:
        sample.council_matters.update(matter_id, decided)
    assert refused_rule(unprepared) == "DEL-4"

    previous = sample.council_matters.update(
        matter_id, replace(decided, prepared_on=date(2026, 9, 20))
    )
    assert previous == stored
    [now] = sample.delegation.council_matters()
    assert (now.prepared_on, now.council_paragraph) == (date(2026, 9, 20), "KF § 9")


def test_a_referral_to_ks_is_refused_and_nothing_written(sample: Services) -> None:
    with pytest.raises(RuleViolationError) as refused:
        sample.council_matters.record(referral(sample, ks_id(sample)))
    assert refused_rule(refused) == "DEL-4"
    assert "inte till kommunstyrelsen" in refused.value.violations[0].message
    assert sample.delegation.council_matters() == []


@pytest.mark.parametrize(
    ("basis", "rule"), [(LegalBasis.BOARD_BY_LAW, "DEL-3"), (LegalBasis.ROLE_BY_LAW, "DEL-5")]
)
def test_what_a_law_keeps_with_the_board_or_a_role_cannot_go_to_kf(
    sample: Services, basis: LegalBasis, rule: str
) -> None:
    kf = unit_of_kind(sample, UnitKind.MUNICIPAL_COUNCIL)
    with pytest.raises(RuleViolationError) as refused:
        sample.council_matters.record(referral(sample, kf, basis))
    assert refused_rule(refused) == rule


def test_kf_taking_a_matter_back_ends_the_delegation_from_that_day(sample: Services) -> None:
    adopted_order(sample)
    hire = next(i for i in sample.delegation.orders()[0].items if i.number == "1.1")
    manager = holder(sample, Role.UNIT_MANAGER)
    assert any(
        r.item.id == hire.id for r in sample.delegation.rights_of_person(manager.person_id, TODAY)
    )

    recall = CouncilMatter(
        0,
        CouncilMatterKind.RECALL,
        ks_id(sample),
        hire.matter,
        hire.legal_basis,
        date(2026, 11, 1),
        "KF § 120",
        item_id=hire.id,
    )
    with pytest.raises(RuleViolationError) as other_basis:  # the item's basis decides
        sample.council_matters.record(replace(recall, legal_basis=LegalBasis.BOARD_BY_LAW))
    assert refused_rule(other_basis) == "DEL-3"
    recall_id = sample.council_matters.record(recall)
    with pytest.raises(RuleViolationError) as twice:
        sample.council_matters.record(recall)
    assert refused_rule(twice) == "DEL-4"
    assert "redan återtagit" in twice.value.violations[0].message
    assert not any(
        r.item.id == hire.id for r in sample.delegation.rights_of_person(manager.person_id, TODAY)
    )
    assert sample.delegation.who_may_decide(hire.id, None, TODAY) == []
    assert sample.delegation.who_may_decide(hire.id, None, date(2026, 10, 31))
    found = sample.delegation.recall_of_item(hire.id, TODAY)
    assert found is not None and found.paragraph == "KF § 120"
    with pytest.raises(RuleViolationError) as refused:
        sample.delegated_decisions.record(
            hire.id,
            manager.id,
            TODAY,
            "Anställning",
            need_tested_on=date(2026, 11, 2),
            need_tested_by=HR2_BY,
        )
    assert refused_rule(refused) == "DEL-4"
    warnings = [v for v in sample.queries.check(TODAY) if v.rule_id == "DEL-4"]
    assert [(v.object_id, v.field) for v in warnings] == [(hire.id, "recalled")]

    assert sample.council_matters.delete(recall_id).paragraph == "KF § 120"
    assert sample.delegation.who_may_decide(hire.id, None, TODAY)


def test_an_appealable_decision_not_reported_is_recorded_separately(sample: Services) -> None:
    draft, _made = sample.delegation_orders.draft_of(adopted_order(sample))
    sample.delegation_orders.add_item(
        draft, item("1.9", "Beslut om tjänstledighet", report_to_board=False)
    )
    sample.delegation_orders.adopt(draft, date(2025, 6, 1), "§ 40")
    in_force = next(o for o in sample.delegation.orders() if o.id == draft)
    item_id = next(i.id for i in in_force.items if i.number == "1.9")
    reported = next(i for i in in_force.items if i.number == "1.1")
    manager = holder(sample, Role.UNIT_MANAGER)
    decisions = sample.delegated_decisions
    leave = decisions.record(
        item_id, manager.id, TODAY, "Avslag på tjänstledighet", appealable=True
    )
    plain = decisions.record(item_id, manager.id, TODAY, "Beviljad tjänstledighet")
    hired = decisions.record(
        reported.id,
        manager.id,
        TODAY,
        "Anställning",
        need_tested_on=TODAY,
        need_tested_by=HR2_BY,
        appealable=True,
    )
    views = {d.id: d for d in sample.delegation.decisions(TODAY, TODAY)}
    assert [views[i].route for i in (leave, plain, hired)] == [
        ReportRoute.SEPARATE_RECORD,
        ReportRoute.NONE,
        ReportRoute.REPORT_TO_BOARD,
    ]
    pending = [v for v in sample.queries.check(TODAY) if v.rule_id == "DEL-11"]
    assert [(v.object_id, v.field) for v in pending] == [(leave, "recorded_separately_on")]

    for not_separate in (plain, hired):
        with pytest.raises(RuleViolationError) as refused:
            decisions.mark_recorded_separately([not_separate], TODAY)
        assert refused_rule(refused) == "DEL-11"
    with pytest.raises(RuleViolationError) as too_early:
        decisions.mark_recorded_separately([leave], date(2026, 11, 1))
    assert refused_rule(too_early) == "DEL-11"

    previous = decisions.mark_recorded_separately([leave], TODAY)
    assert previous == {leave: None}
    assert not [v for v in sample.queries.check(TODAY) if v.rule_id == "DEL-11"]
    decisions.restore_recorded_separately(previous)
    assert sample.delegation.decisions(TODAY, TODAY)[0].recorded_separately_on is None

    was = decisions.set_appealable([plain], True)
    assert was == {plain: (False, None)}
    pending_ids = [v.object_id for v in sample.queries.check(TODAY) if v.rule_id == "DEL-11"]
    assert pending_ids == [leave, plain]
    decisions.mark_recorded_separately([leave], TODAY)
    undo = decisions.set_appealable([leave], False)  # not appealable: no separate record
    views = {d.id: d for d in sample.delegation.decisions(TODAY, TODAY)}
    assert (views[leave].route, views[leave].recorded_separately_on) == (ReportRoute.NONE, None)
    decisions.restore_appealable(undo)
    assert sample.delegation.decisions(TODAY, TODAY)[0].recorded_separately_on == TODAY
