"""Work-environment task distribution (AM-1…AM-9) on small hand-built snapshots: the states of a
distribution, the derived chain from KS down, and the rule checks with their IDs and severities.

The line used throughout (appointment ids from `snapshots.Org.staff`, plus a group):

    KS (employer, ordförande 202) ─1→ stadsdirektör 203 (SLK) ─2→ personaldirektör 204 (PER)
      ─3→ enhetschef 205 (LON) ─4→ gruppchef 220 (group GRP under LON)

Distributions 1–3 carry every task and may be passed on; 4 carries skyddsronder and brandskydd.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from nacka_desktop.domain.enums import Role, Severity, UnitKind
from nacka_desktop.domain.rules import Violation
from nacka_desktop.domain.rules.catalogue import RULES
from nacka_desktop.domain.rules.work import check_work_environment
from nacka_desktop.domain.work_environment import (
    DistributionItemRecord,
    DistributionRecord,
    DistributionState,
    ReturnReason,
    TaskReturnRecord,
    WorkSnapshot,
    WorkTaskRecord,
    add_months,
    follow_up_due,
    held_tasks,
    item_in_force,
    lapse,
    state_on,
    task_chain,
)

from .snapshots import HTJ, KS, LON, ON, PER, RSK, SLK, Org, found

ERROR = Severity.ERROR
WARNING = Severity.WARNING

GRP = 20  # Lönegruppen, a group under LON
CHAIR, CITY_DIRECTOR, DIRECTOR, UNIT_MANAGER, PRINCIPAL = 202, 203, 204, 205, 207
GROUP_MANAGER, CLERK, OTHER_CLERK = 220, 221, 222  # 221, 222: employees in LON

RISK, SKYDD, BRAND = 1, 2, 3
ALL = (RISK, SKYDD, BRAND)
TASK_NAMES = {RISK: "Riskbedömning", SKYDD: "Skyddsronder", BRAND: "Brandskydd"}

D0 = date(2026, 1, 1)
D1 = date(2026, 1, 8)
D2 = date(2026, 1, 15)
D3 = date(2026, 2, 1)
LATER = date(2026, 6, 1)

ABSENCE = "Vid frånvaro återgår uppgifterna till chefen."
RETAINED = "Chefen behåller rehabilitering och personalärenden."


class Work:
    """A WorkSnapshot under construction: the staffed base organisation, a group, the line."""

    def __init__(self, with_line: bool = True) -> None:
        self.org = Org().staff()
        self.org.unit(GRP, UnitKind.GROUP, LON, code="GRP", name="Lönegruppen")
        self.org.appoint(GROUP_MANAGER, 120, GRP, Role.GROUP_MANAGER, date(2020, 1, 1))
        self.org.appoint(CLERK, 121, LON, Role.EMPLOYEE, date(2020, 1, 1))
        self.org.appoint(OTHER_CLERK, 122, LON, Role.EMPLOYEE, date(2020, 1, 1))
        self.distributions: dict[int, DistributionRecord] = {}
        self.returns: dict[int, TaskReturnRecord] = {}
        if with_line:
            self.give(1, CITY_DIRECTOR, None, [SLK], valid_from=D0, employer_signatory_id=CHAIR)
            self.give(2, DIRECTOR, CITY_DIRECTOR, [PER], valid_from=D1)
            self.give(3, UNIT_MANAGER, DIRECTOR, [LON], valid_from=D2)

    def give(
        self,
        distribution_id: int,
        receiver: int,
        giver: int | None,
        units: list[int],
        tasks: tuple[int, ...] = ALL,
        valid_from: date = D3,
        *,
        signed: date | bool | None = True,
        oral: date | bool | None = True,
        may_pass_on: bool = True,
        confirmed: bool = True,
        **fields: Any,
    ) -> DistributionRecord:
        """Signed and communicated on valid_from unless told otherwise (False/None: not)."""
        fields.setdefault("absence_arrangement", ABSENCE)
        fields.setdefault("retained_tasks", RETAINED)
        distribution = DistributionRecord(
            id=distribution_id,
            receiver_appointment_id=receiver,
            giver_appointment_id=giver,
            unit_ids=tuple(units),
            items=tuple(
                DistributionItemRecord(
                    id=distribution_id * 100 + task_id,
                    task_id=task_id,
                    knowledge=confirmed,
                    competence=confirmed,
                    authority=confirmed,
                    resources=confirmed,
                )
                for task_id in tasks
            ),
            valid_from=valid_from,
            signed_on=valid_from if signed is True else (signed or None),
            communicated_on=valid_from if oral is True else (oral or None),
            may_pass_on=may_pass_on,
            **fields,
        )
        self.distributions[distribution_id] = distribution
        return distribution

    def change(self, distribution_id: int, **fields: Any) -> DistributionRecord:
        changed = replace(self.distributions[distribution_id], **fields)
        self.distributions[distribution_id] = changed
        return changed

    def give_back(
        self,
        return_id: int,
        distribution_id: int,
        tasks: tuple[int, ...],
        on: date,
        reasons: tuple[ReturnReason, ...] = (ReturnReason.COMPETENCE, ReturnReason.TIME),
        explanation: str = "Saknar utbildning och tid.",
    ) -> None:
        distribution = self.distributions[distribution_id]
        items = tuple(
            replace(item, returned_on=on, return_id=return_id) if item.task_id in tasks else item
            for item in distribution.items
        )
        self.change(distribution_id, items=items)
        self.returns[return_id] = TaskReturnRecord(
            return_id, distribution_id, on, reasons, explanation, tasks
        )

    def end_appointment(self, appointment_id: int, on: date) -> None:
        self.org.appointments[appointment_id] = replace(
            self.org.appointments[appointment_id], valid_to=on
        )

    def snapshot(self) -> WorkSnapshot:
        return WorkSnapshot(
            org=self.org.snapshot(),
            tasks={
                task_id: WorkTaskRecord(task_id, f"SAM-{task_id}", name)
                for task_id, name in TASK_NAMES.items()
            },
            distributions=dict(self.distributions),
            returns=dict(self.returns),
        )

    def state(self, distribution_id: int, on: date = ON) -> DistributionState:
        work = self.snapshot()
        return state_on(work.org, work.distributions[distribution_id], on)

    def check(self, on: date | None = ON) -> list[Violation]:
        return check_work_environment(self.snapshot(), on=on, today=ON)

    def found(self, on: date | None = ON) -> set[tuple[str, Severity, str, int]]:
        return found(self.check(on))

    def holder(self, task_id: int, unit_id: int, on: date = ON) -> int | None:
        return task_chain(self.snapshot(), task_id, unit_id, on).holder_appointment_id


def with_group_manager(**fields: Any) -> Work:
    work = Work()
    work.give(4, GROUP_MANAGER, UNIT_MANAGER, [GRP], (SKYDD, BRAND), **fields)
    return work


# --- the baseline ------------------------------------------------------------------------------


def test_the_line_keeps_every_rule() -> None:
    assert with_group_manager().check() == []
    assert with_group_manager().check(on=None) == []


def test_every_reported_rule_id_is_in_the_catalogue() -> None:
    work = with_group_manager(oral=None, confirmed=False, absence_arrangement="")
    work.give(5, UNIT_MANAGER, UNIT_MANAGER, [KS], (), valid_from=D3, valid_to=D2)
    work.give_back(1, 3, (RISK,), D0, reasons=(), explanation="")
    violations = work.check()
    assert {v.rule_id for v in violations} >= {"AM-1", "AM-3", "AM-4", "AM-6", "DATA-1", "DATA-2"}
    assert all(v.rule_id in RULES for v in violations)


# --- states: draft → signed → in force → returned / lapsed / ended ----------------------------


def test_draft_then_signed_then_in_force_once_communicated_orally() -> None:
    work = with_group_manager(signed=None, oral=None)
    assert work.state(4) is DistributionState.DRAFT
    work.change(4, signed_on=D3)
    assert work.state(4) is DistributionState.SIGNED  # AM-2 written, AM-3 oral missing
    work.change(4, communicated_on=date(2026, 2, 10))
    assert work.state(4, date(2026, 2, 9)) is DistributionState.SIGNED
    assert work.state(4, date(2026, 2, 10)) is DistributionState.IN_FORCE
    assert work.distributions[4].starts_on == date(2026, 2, 10)


def test_communicated_before_the_start_date_is_in_force_from_the_start_date() -> None:
    work = with_group_manager(valid_from=date(2026, 12, 1), signed=D3, oral=D3)
    assert work.state(4) is DistributionState.SIGNED
    assert work.state(4, date(2026, 12, 1)) is DistributionState.IN_FORCE


def test_a_draft_is_a_draft_whatever_the_date() -> None:
    work = with_group_manager(signed=None, oral=D3)
    assert work.state(4, D3) is DistributionState.DRAFT
    assert work.state(4, date(2030, 1, 1)) is DistributionState.DRAFT


def test_returning_every_task_makes_it_returned_from_the_return_date() -> None:
    work = with_group_manager()
    work.give_back(1, 4, (SKYDD, BRAND), LATER)
    assert work.state(4, date(2026, 5, 31)) is DistributionState.IN_FORCE
    assert work.state(4, LATER) is DistributionState.RETURNED


def test_returning_some_tasks_keeps_it_in_force_for_the_others() -> None:
    work = with_group_manager()
    work.give_back(1, 4, (BRAND,), LATER)
    snapshot = work.snapshot()
    distribution = snapshot.distributions[4]
    assert work.state(4) is DistributionState.IN_FORCE
    assert item_in_force(snapshot.org, distribution, SKYDD, ON)
    assert not item_in_force(snapshot.org, distribution, BRAND, ON)
    assert item_in_force(snapshot.org, distribution, BRAND, date(2026, 5, 31))


@pytest.mark.parametrize(
    ("ended", "reason"),
    [(GROUP_MANAGER, "mottagarens förordnande"), (UNIT_MANAGER, "givarens förordnande")],
)
def test_lapses_when_the_receivers_or_givers_appointment_ends(ended: int, reason: str) -> None:
    work = with_group_manager()
    work.end_appointment(ended, LATER)
    snapshot = work.snapshot()
    assert lapse(snapshot.org, snapshot.distributions[4]) == (LATER, reason)
    assert work.state(4, date(2026, 5, 31)) is DistributionState.IN_FORCE
    assert work.state(4, LATER) is DistributionState.LAPSED


def test_lapses_when_a_covered_unit_closes() -> None:
    work = with_group_manager()
    work.org.change(GRP, valid_to=LATER)
    snapshot = work.snapshot()
    assert lapse(snapshot.org, snapshot.distributions[4]) == (LATER, "enheten Lönegruppen")
    assert work.state(4) is DistributionState.LAPSED


def test_ends_on_its_end_date_and_does_not_lapse_when_it_ends_first() -> None:
    work = with_group_manager(valid_to=LATER)
    work.end_appointment(GROUP_MANAGER, date(2026, 7, 1))
    snapshot = work.snapshot()
    assert lapse(snapshot.org, snapshot.distributions[4]) is None
    assert work.state(4, date(2026, 5, 31)) is DistributionState.IN_FORCE
    assert work.state(4, LATER) is DistributionState.ENDED
    assert work.state(4) is DistributionState.ENDED


def test_ending_a_lapsed_distribution_afterwards_makes_it_ended() -> None:
    work = with_group_manager()
    work.end_appointment(GROUP_MANAGER, LATER)
    work.change(4, valid_to=ON)  # the giver ends it once the lapse is noticed
    assert work.state(4, date(2026, 7, 1)) is DistributionState.LAPSED
    assert work.state(4, ON) is DistributionState.ENDED


def test_every_state_has_swedish_and_english_labels() -> None:
    for state in DistributionState:
        assert state.label_sv and state.label_en
    for reason in ReturnReason:
        assert reason.label_sv and reason.label_en


# --- the derived chain --------------------------------------------------------------------------


def test_chain_from_ks_down_to_the_group_manager() -> None:
    work = with_group_manager()
    chain = task_chain(work.snapshot(), SKYDD, GRP, ON)
    assert [d.id for d in chain.links] == [1, 2, 3, 4]
    assert chain.links[0].from_employer
    assert chain.holder_appointment_id == GROUP_MANAGER
    # a task the group manager was not given stays with the enhetschef, also in the group
    assert work.holder(RISK, GRP) == UNIT_MANAGER
    assert work.holder(RISK, LON) == UNIT_MANAGER
    assert work.holder(SKYDD, LON) == UNIT_MANAGER  # distribution 4 covers only the group


def test_before_any_distribution_the_employer_holds_every_task() -> None:
    work = Work(with_line=False)
    chain = task_chain(work.snapshot(), RISK, LON, ON)
    assert chain.links == ()
    assert chain.holder_appointment_id is None


def test_a_distribution_not_yet_in_force_is_not_part_of_the_chain() -> None:
    work = with_group_manager(oral=None)
    assert work.holder(SKYDD, GRP) == UNIT_MANAGER
    assert work.holder(SKYDD, GRP, date(2026, 1, 10)) == DIRECTOR  # 3 starts on D2


def test_returned_tasks_fall_back_to_the_giver() -> None:
    work = with_group_manager()
    work.give_back(1, 4, (BRAND,), LATER)
    assert work.holder(BRAND, GRP) == UNIT_MANAGER
    assert work.holder(SKYDD, GRP) == GROUP_MANAGER
    work.give_back(2, 3, (BRAND,), LATER)  # the enhetschef returns brandskydd too
    assert work.holder(BRAND, GRP) == DIRECTOR


def test_lapsed_tasks_fall_back_to_the_givers_line() -> None:
    work = with_group_manager()
    work.end_appointment(UNIT_MANAGER, LATER)  # 3 and 4 both lapse
    assert work.holder(SKYDD, GRP) == DIRECTOR
    assert work.holder(SKYDD, GRP, date(2026, 5, 31)) == GROUP_MANAGER


def test_held_tasks_lists_task_unit_and_chain() -> None:
    work = with_group_manager()
    held = held_tasks(work.snapshot(), GROUP_MANAGER, ON)
    assert sorted((task, unit) for task, unit, _chain in held) == [(SKYDD, GRP), (BRAND, GRP)]
    assert all([d.id for d in chain.links] == [1, 2, 3, 4] for _t, _u, chain in held)
    # the enhetschef still holds every task in LON (and none in the group it passed on)
    assert sorted(t for t, u, _c in held_tasks(work.snapshot(), UNIT_MANAGER, ON)) == [
        RISK,
        SKYDD,
        BRAND,
    ]


def test_follow_up_is_due_a_year_after_the_start_or_the_last_follow_up() -> None:
    work = with_group_manager()
    assert follow_up_due(work.distributions[4]) == date(2027, 2, 1)
    assert follow_up_due(work.change(4, followed_up_on=LATER)) == date(2027, 6, 1)
    assert follow_up_due(work.change(4, signed_on=None, followed_up_on=None)) is None
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2023, 12, 31), 2) == date(2024, 2, 29)
    assert add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)


# --- AM-1: only what one holds, only down one's own line, never to oneself ---------------------


def test_am1_giver_and_receiver_the_same_person_is_an_error() -> None:
    work = Work()
    work.org.appoint(230, 105, GRP, Role.GROUP_MANAGER, date(2020, 1, 1))  # the enhetschef
    work.give(4, 230, UNIT_MANAGER, [GRP], (SKYDD,))
    violations = work.check()
    assert found(violations) == {("AM-1", ERROR, "distribution", 4)}
    assert "samma person" in violations[0].message


def test_am1_unit_outside_the_givers_line_is_an_error() -> None:
    work = Work()
    work.give(4, PRINCIPAL, UNIT_MANAGER, [RSK], (SKYDD,), signed=None, oral=None)
    violations = [v for v in work.check() if "utanför" in v.message]
    assert found(violations) == {("AM-1", ERROR, "distribution", 4)}
    assert "Rösunda skola" in violations[0].message
    assert "mottagarens enhet" in violations[0].message
    assert violations[0].field == "unit_ids"


def test_am1_giver_who_does_not_hold_the_task_cannot_distribute_it() -> None:
    work = Work()
    work.change(3, items=work.distributions[3].items[:1])  # the enhetschef holds RISK only
    work.give(4, GROUP_MANAGER, UNIT_MANAGER, [GRP], (RISK, BRAND), signed=None, oral=None)
    violations = work.check()
    assert found(violations) == {("AM-1", ERROR, "distribution", 4)}
    assert "Brandskydd (Lönegruppen)" in violations[0].message
    assert "Riskbedömning" not in violations[0].message


def test_am1_giver_must_hold_the_task_on_the_start_date() -> None:
    work = Work()
    work.give(
        4, GROUP_MANAGER, UNIT_MANAGER, [GRP], (SKYDD,), valid_from=date(2026, 1, 10), signed=None
    )
    assert work.found() == {("AM-1", ERROR, "distribution", 4)}  # 3 starts on D2


def test_am1_the_employer_gives_only_within_ks() -> None:
    work = Work(with_line=False)
    work.give(1, 214, None, [14], signed=None)  # to utbildningsnämndens ordförande: not below KS
    violations = work.check()
    assert found(violations) == {("AM-1", ERROR, "distribution", 1)}
    assert "Kommunstyrelsen" in violations[0].message


def test_am1_a_signed_distribution_out_of_line_after_a_reorganisation_is_a_warning() -> None:
    # The reorganisation itself must stay possible; the distribution is flagged to be redone.
    work = with_group_manager()
    work.org.change(GRP, parent_id=HTJ)  # reorganised under Hemtjänst
    violations = check_work_environment(work.snapshot(), today=ON)
    assert ("AM-1", WARNING, "distribution", 4) in found(violations)
    assert not [v for v in violations if v.is_error]
    assert any("avsluta den och gör en ny" in v.message for v in violations)


@pytest.mark.parametrize("over", ["ended", "lapsed", "returned"])
def test_am1_a_reorganisation_does_not_turn_history_into_an_error(over: str) -> None:
    work = with_group_manager()
    if over == "ended":
        work.change(4, valid_to=LATER)
    elif over == "lapsed":
        work.end_appointment(GROUP_MANAGER, LATER)
    else:
        work.give_back(1, 4, (SKYDD, BRAND), LATER)
    work.org.change(GRP, parent_id=HTJ)
    assert found(check_work_environment(work.snapshot(), today=ON)) <= {
        ("AM-1", WARNING, "distribution", 4)  # the lapse warning, not an error
    }
    # without today every distribution is checked in the present tree
    assert ("AM-1", WARNING, "distribution", 4) in found(check_work_environment(work.snapshot()))


# --- AM-9: passing on needs the distribution's permission --------------------------------------


def test_am9_passing_on_without_permission_is_an_error() -> None:
    work = Work()
    work.change(3, may_pass_on=False)
    work.give(4, GROUP_MANAGER, UNIT_MANAGER, [GRP], (SKYDD,), signed=None, oral=None)
    violations = work.check()
    assert found(violations) == {("AM-9", ERROR, "distribution", 4)}
    assert "Skyddsronder (Lönegruppen)" in violations[0].message


def test_am9_a_receiver_allowed_to_pass_on_may_give_further() -> None:
    work = with_group_manager()
    work.org.appoint(223, 123, GRP, Role.EMPLOYEE, date(2020, 1, 1))
    work.give(5, 223, GROUP_MANAGER, [GRP], (BRAND,), valid_from=LATER)
    assert work.check() == []
    work.change(4, may_pass_on=False)  # after 5 was signed: flagged, not an error
    assert work.found() == {("AM-9", WARNING, "distribution", 5)}
    work.change(5, signed_on=None, communicated_on=None)  # as a draft it is refused
    assert work.found() == {("AM-9", ERROR, "distribution", 5)}


# --- AM-6: confirmed knowledge, competence, authority, resources on signing --------------------


def test_am6_signed_item_without_every_confirmation_is_an_error() -> None:
    work = with_group_manager(confirmed=False)
    violations = work.check()
    assert found(violations) == {("AM-6", ERROR, "distribution", 4)}
    assert "Skyddsronder, Brandskydd" in violations[0].message


def test_am6_a_draft_may_still_lack_confirmations() -> None:
    work = with_group_manager(confirmed=False, signed=None, oral=None)
    assert work.check() == []


def test_am6_one_missing_confirmation_is_enough() -> None:
    work = with_group_manager()
    first, second = work.distributions[4].items
    work.change(4, items=(first, replace(second, resources=False)))
    violations = work.check(on=None)
    assert found(violations) == {("AM-6", ERROR, "distribution", 4)}
    assert "Brandskydd" in violations[0].message
    assert "Skyddsronder" not in violations[0].message


# --- AM-7: one receiver per task and unit; absence and retained tasks stated -------------------


def test_am7_same_task_same_unit_to_two_people_from_one_giver_is_an_error() -> None:
    work = with_group_manager()
    work.give(5, CLERK, UNIT_MANAGER, [GRP], (BRAND,), valid_from=LATER)
    violations = work.check()
    assert found(violations) == {("AM-7", ERROR, "distribution", 5)}
    assert "Brandskydd" in violations[0].message


def test_am7_the_whole_unit_clashes_with_a_group_inside_it() -> None:
    work = with_group_manager()
    work.give(5, CLERK, UNIT_MANAGER, [LON], (SKYDD,), valid_from=LATER)
    assert work.found() == {("AM-7", ERROR, "distribution", 5)}


def test_am7_no_clash_for_other_tasks_other_units_drafts_or_after_the_first_ended() -> None:
    work = with_group_manager(valid_to=LATER)
    work.give(5, CLERK, UNIT_MANAGER, [GRP], (RISK,))  # another task
    work.give(6, OTHER_CLERK, UNIT_MANAGER, [GRP], (BRAND,), signed=None, oral=None)  # a draft
    work.give(7, OTHER_CLERK, UNIT_MANAGER, [GRP], (SKYDD,), valid_from=LATER)  # after 4 ended
    assert work.check() == []


def test_am7_a_returned_task_may_go_to_someone_else() -> None:
    work = with_group_manager()
    work.give_back(1, 4, (BRAND,), LATER)
    work.give(5, CLERK, UNIT_MANAGER, [GRP], (BRAND,), valid_from=LATER)
    assert work.check() == []
    assert work.holder(BRAND, GRP) == CLERK


def test_am7_missing_absence_arrangement_or_retained_tasks_warns_while_in_force() -> None:
    for missing in ("absence_arrangement", "retained_tasks"):
        work = with_group_manager(**{missing: "  "})
        violations = work.check()
        assert found(violations) == {("AM-7", WARNING, "distribution", 4)}
        assert "frånvaro" in violations[0].message
        assert work.check(on=date(2026, 1, 20)) == []  # not yet in force: nothing to warn
        assert work.check(on=None) == []


# --- AM-3: not in force until communicated orally ----------------------------------------------


def test_am3_signed_but_not_communicated_warns() -> None:
    work = with_group_manager(oral=None)
    violations = work.check()
    assert found(violations) == {("AM-3", WARNING, "distribution", 4)}
    assert violations[0].field == "communicated_on"
    work.change(4, communicated_on=ON)
    assert work.check() == []


def test_am3_no_warning_for_a_draft_or_for_a_later_start() -> None:
    assert with_group_manager(signed=None, oral=None).check() == []
    assert with_group_manager(valid_from=date(2026, 12, 1), oral=ON).check() == []


# --- AM-8: yearly follow-up ---------------------------------------------------------------------


def test_am8_overdue_follow_up_warns_and_a_follow_up_clears_it() -> None:
    work = with_group_manager()
    violations = work.check(on=date(2027, 2, 2))
    assert found(violations) >= {("AM-8", WARNING, "distribution", 4)}
    assert "2027-02-01" in next(v for v in violations if v.object_id == 4).message
    assert ("AM-8", WARNING, "distribution", 4) not in work.found(on=date(2027, 2, 1))
    work.change(4, followed_up_on=date(2027, 1, 20))
    assert ("AM-8", WARNING, "distribution", 4) not in work.found(on=date(2027, 2, 2))


def test_am8_only_for_distributions_in_force() -> None:
    work = with_group_manager(valid_to=LATER)
    assert ("AM-8", WARNING, "distribution", 4) not in work.found(on=date(2027, 6, 1))


# --- AM-4: returns ------------------------------------------------------------------------------


def test_am4_return_without_reason_or_explanation_is_an_error() -> None:
    work = with_group_manager()
    work.give_back(9, 4, (BRAND,), LATER, reasons=(), explanation=" ")
    violations = work.check()
    assert found(violations) == {("AM-4", ERROR, "task_return", 9)}
    assert violations[0].field == "reasons"
    assert violations[0].object_label == (
        "Fördelning 4: Förnamn105 Efternamn105 → Förnamn120 Efternamn120"
    )


def test_am4_an_explanation_alone_is_a_reason() -> None:
    work = with_group_manager()
    work.give_back(9, 4, (BRAND,), LATER, reasons=(), explanation="Har inte tid.")
    assert work.check() == []


def test_am4_return_before_the_distribution_is_in_force_is_an_error() -> None:
    work = with_group_manager()
    work.give_back(9, 4, (BRAND,), date(2026, 1, 31))
    violations = work.check()
    assert found(violations) == {("AM-4", ERROR, "task_return", 9)}
    assert violations[0].field == "returned_on"
    never = with_group_manager(oral=None)
    never.give_back(9, 4, (BRAND,), LATER)
    assert ("AM-4", ERROR, "task_return", 9) in never.found()


# --- DATA: what every distribution needs -------------------------------------------------------


def test_data_no_tasks_no_units_or_end_before_start_are_errors() -> None:
    work = Work()
    work.give(4, GROUP_MANAGER, UNIT_MANAGER, [GRP], ())
    work.give(5, CLERK, UNIT_MANAGER, [], (BRAND,))
    work.give(6, OTHER_CLERK, UNIT_MANAGER, [LON], (BRAND,), valid_to=D3)
    by_rule = {(v.rule_id, v.object_id, v.field) for v in work.check(on=None)}
    assert by_rule == {
        ("DATA-2", 4, "items"),
        ("DATA-2", 5, "unit_ids"),
        ("DATA-1", 6, "valid_to"),
    }


# --- lapse: who holds the tasks meanwhile, and what clears the warning -------------------------


def lapsed_group_manager() -> Work:
    work = with_group_manager()
    work.end_appointment(GROUP_MANAGER, LATER)
    return work


def test_lapse_warning_names_the_tasks_and_who_holds_them_meanwhile() -> None:
    violations = lapsed_group_manager().check()
    assert found(violations) == {("AM-1", WARNING, "distribution", 4)}
    message = violations[0].message
    assert "upphörde 2026-06-01 när mottagarens förordnande upphörde" in message
    assert "Skyddsronder (Lönegruppen: innehas nu av Förnamn105 Efternamn105, enhetschef" in message
    assert "Brandskydd (Lönegruppen: innehas nu av Förnamn105 Efternamn105" in message
    assert violations[0].message_en.startswith("The distribution lapsed on 2026-06-01")


def test_lapse_warning_leaves_out_tasks_returned_before_the_lapse() -> None:
    work = lapsed_group_manager()
    work.give_back(1, 4, (BRAND,), date(2026, 3, 1))
    (violation,) = work.check()
    assert "Skyddsronder" in violation.message
    assert "Brandskydd" not in violation.message


def test_lapse_of_the_giver_names_the_givers_own_giver() -> None:
    work = with_group_manager()
    work.end_appointment(UNIT_MANAGER, LATER)
    violations = work.check()
    assert found(violations) == {
        ("AM-1", WARNING, "distribution", 3),
        ("AM-1", WARNING, "distribution", 4),
    }
    lapsed = next(v for v in violations if v.object_id == 4)
    assert "givarens förordnande" in lapsed.message
    assert "innehas nu av Förnamn104 Efternamn104, direktör" in lapsed.message


def test_lapse_warning_is_cleared_by_a_new_distribution_of_the_tasks() -> None:
    work = lapsed_group_manager()
    work.give(5, CLERK, UNIT_MANAGER, [GRP], (SKYDD, BRAND), valid_from=LATER)
    assert work.check() == []
    assert work.holder(SKYDD, GRP) == CLERK


def test_lapse_warning_stays_for_the_tasks_not_given_anew() -> None:
    work = lapsed_group_manager()
    work.give(5, CLERK, UNIT_MANAGER, [GRP], (SKYDD,), valid_from=LATER)
    (violation,) = work.check()
    assert "Brandskydd" in violation.message
    assert "Skyddsronder" not in violation.message


def test_lapse_warning_is_cleared_by_ending_the_lapsed_distribution() -> None:
    work = lapsed_group_manager()
    work.change(4, valid_to=ON)  # ended today, after it lapsed
    assert work.check() == []
    assert work.found(on=date(2026, 7, 1)) == {("AM-1", WARNING, "distribution", 4)}
    work.change(4, valid_to=LATER)  # ended on the lapse date
    assert work.check() == []


def test_lapse_warning_stays_when_only_a_distribution_higher_up_is_renewed() -> None:
    work = lapsed_group_manager()
    # the stadsdirektör's distribution is renewed after the lapse: nobody got the group's tasks
    work.change(1, valid_to=date(2026, 9, 1))
    work.give(10, CITY_DIRECTOR, None, [SLK], valid_from=date(2026, 9, 1))
    assert work.holder(SKYDD, GRP) == UNIT_MANAGER
    assert ("AM-1", WARNING, "distribution", 4) in work.found()


def test_lapse_by_a_closed_unit_names_only_the_units_still_open() -> None:
    work = Work()
    work.give(4, CLERK, UNIT_MANAGER, [LON, GRP], (BRAND,))
    work.org.change(GRP, valid_to=LATER)
    work.end_appointment(GROUP_MANAGER, LATER)
    violations = work.check()
    assert found(violations) == {("AM-1", WARNING, "distribution", 4)}
    assert "när enheten Lönegruppen upphörde" in violations[0].message
    assert "Brandskydd (Löneenheten: innehas nu av Förnamn105" in violations[0].message
    assert "(Lönegruppen:" not in violations[0].message


def test_no_lapse_warning_when_every_covered_unit_has_closed() -> None:
    work = with_group_manager()
    work.org.change(GRP, valid_to=LATER)
    work.end_appointment(GROUP_MANAGER, LATER)
    assert work.state(4) is DistributionState.LAPSED
    assert work.check() == []  # nothing is left to distribute in a closed group


def test_lapsed_distribution_is_not_checked_for_follow_up_or_texts() -> None:
    work = lapsed_group_manager()
    work.change(4, absence_arrangement="")
    on_four = {f for f in work.found(on=date(2027, 6, 1)) if f[3] == 4}
    assert on_four == {("AM-1", WARNING, "distribution", 4)}
