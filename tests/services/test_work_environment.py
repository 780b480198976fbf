"""Work-environment task distribution through the services: every state transition, every AM
rule refused (the database left exactly as it was) or reported with its ID and severity, the
derived chain, lapses, and the undo-style restores.

The organisation is `builders.build_line` plus KS's ordförande, a group under Löneenheten with
a gruppchef and a löneassistent, and two employees in Löneenheten. The line of distributions:

    KS (signed by the ordförande) → stadsdirektör (SLK) → personaldirektör (PER)
      → enhetschef (LON), every task, each allowed to pass them on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from nacka_desktop.domain.enums import Role, Severity, UnitKind
from nacka_desktop.domain.language import Language
from nacka_desktop.domain.rules import ObjectKind, Violation
from nacka_desktop.domain.work_environment import (
    DistributionRecord,
    DistributionState,
    ReturnReason,
)
from nacka_desktop.services.context import Services
from nacka_desktop.services.editing import NotFoundError
from nacka_desktop.services.org.units import UnitDraft
from nacka_desktop.services.work_environment import ALL_CONFIRMED, DistributionDraft

from .builders import (
    Line,
    add_person,
    appoint,
    assert_refused,
    audit_trail,
    build_line,
    execute,
    rows,
)

TODAY = date(2026, 11, 26)
LINE_START = date(2026, 1, 1)
GIVEN = date(2026, 3, 1)  # when the enhetschef passes tasks on in these tests
LATER = date(2026, 6, 1)

ABSENCE = "Vid gruppchefens frånvaro återgår uppgifterna till enhetschefen."
RETAINED = "Enhetschefen behåller rehabilitering och alla personalärenden."
COMPETENCE_TIME = (ReturnReason.COMPETENCE, ReturnReason.TIME)


@dataclass(frozen=True)
class Am:
    line: Line
    grp: int
    chair: int  # appointments
    group_manager: int
    assistant: int  # employee in the group
    clerk: int  # employees in Löneenheten
    other_clerk: int
    tasks: dict[str, int]
    ks: int  # distributions
    director: int
    unit_manager: int

    def task(self, *codes: str) -> list[int]:
        return [self.tasks[f"SAM-{code}"] for code in codes]


def build_am(services: Services, start: date = LINE_START) -> Am:
    line = build_line(services)
    grp = services.units.create(UnitDraft("GRP", "Lönegruppen", UnitKind.GROUP, line.lon)).id
    chair = appoint(
        services,
        add_person(services, "F1", "Olle", "Ordförande", "Förtroendevald"),
        line.ks,
        Role.CHAIR,
    )
    group_manager = appoint(
        services,
        add_person(services, "4", "Greta", "Gruppsson", "Gruppchef"),
        grp,
        Role.GROUP_MANAGER,
    )
    assistant = appoint(
        services, add_person(services, "5", "Ali", "Assistentsson"), grp, Role.EMPLOYEE
    )
    clerk = appoint(
        services, add_person(services, "6", "Lars", "Lönesson"), line.lon, Role.EMPLOYEE
    )
    other_clerk = appoint(
        services, add_person(services, "7", "Lisa", "Lindkvist"), line.lon, Role.EMPLOYEE
    )
    tasks = {t.code: t.id for t in services.tasks.list()}
    every = list(tasks.values())
    ks = give(services, line.city_director_post, None, [line.slk], every, start, may_pass_on=True)
    director = give(
        services,
        line.director_post,
        line.city_director_post,
        [line.per],
        every,
        date.fromordinal(start.toordinal() + 7),
        may_pass_on=True,
    )
    unit_manager = give(
        services,
        line.unit_manager_post,
        line.director_post,
        [line.lon],
        every,
        date.fromordinal(start.toordinal() + 14),
        may_pass_on=True,
    )
    return Am(
        line,
        grp,
        chair,
        group_manager,
        assistant,
        clerk,
        other_clerk,
        tasks,
        ks,
        director,
        unit_manager,
    )


def draft(
    receiver: int,
    giver: int | None,
    units: list[int],
    tasks: list[int],
    valid_from: date = GIVEN,
    *,
    may_pass_on: bool = False,
    texts: bool = True,
    confirmed: bool = True,
    **fields: Any,
) -> DistributionDraft:
    return DistributionDraft(
        receiver_appointment_id=receiver,
        giver_appointment_id=giver,
        unit_ids=units,
        task_ids=tasks,
        valid_from=valid_from,
        may_pass_on=may_pass_on,
        absence_arrangement=ABSENCE if texts else "",
        retained_tasks=RETAINED if texts else "",
        confirmations={t: ALL_CONFIRMED for t in tasks} if confirmed else {},
        **fields,
    )


def give(
    services: Services,
    receiver: int,
    giver: int | None,
    units: list[int],
    tasks: list[int],
    valid_from: date = GIVEN,
    *,
    oral: bool = True,
    **options: Any,
) -> int:
    """Create, sign and (unless oral=False) communicate a distribution, all on valid_from."""
    distribution_id = services.distributions.create(
        draft(receiver, giver, units, tasks, valid_from, **options)
    )
    services.distributions.sign(distribution_id, valid_from)
    if oral:
        services.distributions.record_oral(distribution_id, valid_from)
    return distribution_id


@pytest.fixture
def am(services: Services) -> Am:
    return build_am(services)


def to_group_manager(services: Services, am: Am, *, oral: bool = True, **options: Any) -> int:
    """The enhetschef gives the gruppchef skyddsronder and brandskydd in the group."""
    return give(
        services,
        am.group_manager,
        am.line.unit_manager_post,
        [am.grp],
        am.task("SKYDD", "BRAND"),
        oral=oral,
        **options,
    )


def state(services: Services, distribution_id: int, on: date = TODAY) -> DistributionState:
    return services.work.distribution(distribution_id, on).state


def record(services: Services, distribution_id: int) -> DistributionRecord:
    return services.work.snapshot().distributions[distribution_id]


def am_found(services: Services, on: date = TODAY) -> set[tuple[str, Severity, str, int]]:
    return {
        (v.rule_id, v.severity, v.object_kind.value, v.object_id)
        for v in services.queries.check(on)
        if v.rule_id.startswith("AM")
    }


def am_violations(services: Services, on: date = TODAY) -> list[Violation]:
    return [v for v in services.queries.check(on) if v.rule_id.startswith("AM")]


def holder(services: Services, unit_id: int, task_id: int, on: date = TODAY) -> str:
    (held,) = [h for h in services.work.holders_in_unit(unit_id, on) if h.task.id == task_id]
    return held.holder.person_name if held.holder else "Kommunstyrelsen"


def person_of(services: Services, appointment_id: int) -> int:
    return services.queries.snapshot().appointments[appointment_id].person_id


def refused(db_path: Path, rule_id: str, edit: Callable[[], object]) -> Violation:
    """The edit is refused citing rule_id, as an error, and the file is exactly as before."""
    error = assert_refused(db_path, rule_id, edit)
    return next(v for v in error.violations if v.rule_id == rule_id)


# --- the line itself ---------------------------------------------------------------------------


def test_the_line_is_in_force_without_any_am_warning(services: Services, am: Am) -> None:
    for distribution_id in (am.ks, am.director, am.unit_manager):
        assert state(services, distribution_id) is DistributionState.IN_FORCE
    assert am_found(services) == set()


def test_catalogue_holds_the_ten_standard_tasks(services: Services) -> None:
    codes = {t.code for t in services.tasks.list()}
    assert codes == {
        "SAM-RISK",
        "SAM-UTRED",
        "SAM-REHAB",
        "SAM-INTRO",
        "SAM-SKYDD",
        "SAM-KEMI",
        "SAM-BRAND",
        "SAM-HOT",
        "SAM-ENSAM",
        "SAM-OSA",
    }


# --- draft → signed → in force ------------------------------------------------------------------


def test_draft_then_signed_then_in_force_through_the_oral_communication(
    services: Services, am: Am
) -> None:
    distribution_id = services.distributions.create(
        draft(am.group_manager, am.line.unit_manager_post, [am.grp], am.task("SKYDD"))
    )
    assert state(services, distribution_id) is DistributionState.DRAFT
    assert am_found(services) == set()

    services.distributions.sign(distribution_id, GIVEN)
    assert state(services, distribution_id) is DistributionState.SIGNED
    (warning,) = am_violations(services)
    assert (warning.rule_id, warning.severity, warning.object_id) == (
        "AM-3",
        Severity.WARNING,
        distribution_id,
    )
    assert holder(services, am.grp, am.tasks["SAM-SKYDD"]) == "Karin Åberg"  # not yet passed on

    services.distributions.record_oral(distribution_id, date(2026, 3, 3))
    assert state(services, distribution_id, date(2026, 3, 2)) is DistributionState.SIGNED
    assert state(services, distribution_id, date(2026, 3, 3)) is DistributionState.IN_FORCE
    assert am_found(services) == set()
    assert holder(services, am.grp, am.tasks["SAM-SKYDD"]) == "Greta Gruppsson"
    actions = [e.action for e in audit_trail(services)][-3:]
    assert actions == ["distribution.create", "distribution.sign", "distribution.oral"]


def test_ks_distribution_is_signed_by_the_ks_ordforande(services: Services, am: Am) -> None:
    assert record(services, am.ks).employer_signatory_id == am.chair
    assert record(services, am.director).employer_signatory_id is None
    view = services.work.distribution(am.ks, TODAY)
    assert view.giver is None
    assert view.giver_name == "Kommunstyrelsen"
    assert view.giver_role == "arbetsgivaren, genom Olle Ordförande (ordförande)"


def test_ks_distribution_without_a_ks_ordforande_is_refused(
    services: Services, db_path: Path
) -> None:
    line = build_line(services)
    task_ids = [t.id for t in services.tasks.list()]
    distribution_id = services.distributions.create(
        draft(line.city_director_post, None, [line.slk], task_ids, LINE_START)
    )
    violation = refused(
        db_path, "AM-2", lambda: services.distributions.sign(distribution_id, LINE_START)
    )
    assert "ingen ordförande 2026-01-01" in violation.message
    assert violation.field == "signed_on"


def test_ks_distribution_needs_an_ordforande_on_the_signing_day(
    services: Services, db_path: Path
) -> None:
    line = build_line(services)
    chair = add_person(services, "F1", "Olle", "Ordförande")
    appoint(services, chair, line.ks, Role.CHAIR, valid_to=date(2025, 12, 31))
    task_ids = [t.id for t in services.tasks.list()]
    distribution_id = services.distributions.create(
        draft(line.city_director_post, None, [line.slk], task_ids, LINE_START)
    )
    refused(db_path, "AM-2", lambda: services.distributions.sign(distribution_id, LINE_START))
    services.distributions.sign(distribution_id, date(2025, 12, 30))  # while the chair served
    assert record(services, distribution_id).signed_on == date(2025, 12, 30)


# --- AM-1: only tasks one holds, down one's own line, not to oneself ---------------------------


def test_am1_giver_who_does_not_hold_the_tasks_is_refused(
    services: Services, am: Am, db_path: Path
) -> None:
    violation = refused(
        db_path,
        "AM-1",
        lambda: services.distributions.create(
            draft(am.assistant, am.group_manager, [am.grp], am.task("SKYDD"))
        ),
    )
    assert violation.severity is Severity.ERROR
    assert "har inte själv uppgifterna Skyddsronder (Lönegruppen)" in violation.message


def test_am1_unit_outside_the_givers_line_is_refused(
    services: Services, am: Am, db_path: Path
) -> None:
    violation = refused(
        db_path,
        "AM-1",
        lambda: services.distributions.create(
            draft(am.line.director_post, am.line.unit_manager_post, [am.line.per], am.task("RISK"))
        ),
    )
    assert "utanför givarens ansvarsområde (Löneenheten)" in violation.message


def test_am1_giver_and_receiver_the_same_person_is_refused(
    services: Services, am: Am, db_path: Path
) -> None:
    own = appoint(services, am.line.unit_manager, am.grp, Role.EMPLOYEE)
    violation = refused(
        db_path,
        "AM-1",
        lambda: services.distributions.create(
            draft(own, am.line.unit_manager_post, [am.grp], am.task("SKYDD"))
        ),
    )
    assert "samma person" in violation.message


def test_am1_a_draft_that_is_changed_to_break_the_line_is_refused(
    services: Services, am: Am, db_path: Path
) -> None:
    distribution_id = services.distributions.create(
        draft(am.group_manager, am.line.unit_manager_post, [am.grp], am.task("SKYDD"))
    )
    bad = draft(am.group_manager, am.line.unit_manager_post, [am.line.per], am.task("SKYDD"))
    refused(db_path, "AM-1", lambda: services.distributions.replace_draft(distribution_id, bad))


# --- AM-9: passing on needs permission ----------------------------------------------------------


def test_am9_passing_on_without_permission_is_refused(
    services: Services, am: Am, db_path: Path
) -> None:
    to_group_manager(services, am)  # may_pass_on False
    violation = refused(
        db_path,
        "AM-9",
        lambda: services.distributions.create(
            draft(am.assistant, am.group_manager, [am.grp], am.task("BRAND"), LATER)
        ),
    )
    assert "inte tillåter att uppgifterna fördelas vidare" in violation.message


def test_am9_passing_on_with_permission_goes_down_to_the_staff(services: Services, am: Am) -> None:
    to_group_manager(services, am, may_pass_on=True)
    give(services, am.assistant, am.group_manager, [am.grp], am.task("BRAND"), LATER)
    assert holder(services, am.grp, am.tasks["SAM-BRAND"]) == "Ali Assistentsson"
    assert am_found(services) == set()


# --- AM-2: in writing; a signed distribution is not edited --------------------------------------


def test_am2_a_signed_distribution_cannot_be_changed_deleted_or_signed_again(
    services: Services, am: Am, db_path: Path
) -> None:
    distribution_id = to_group_manager(services, am, oral=False)
    task_id = am.tasks["SAM-SKYDD"]
    other = draft(am.group_manager, am.line.unit_manager_post, [am.grp], am.task("RISK"))
    distributions = services.distributions
    refused(db_path, "AM-2", lambda: distributions.replace_draft(distribution_id, other))
    refused(db_path, "AM-2", lambda: distributions.delete_draft(distribution_id))
    refused(
        db_path,
        "AM-2",
        lambda: distributions.set_confirmation(distribution_id, task_id, (True, False, True, True)),
    )
    violation = refused(db_path, "AM-2", lambda: distributions.sign(distribution_id, TODAY))
    assert "undertecknad" in violation.message


def test_am2_a_draft_can_be_changed_confirmed_and_deleted(services: Services, am: Am) -> None:
    distribution_id = services.distributions.create(
        draft(
            am.group_manager, am.line.unit_manager_post, [am.grp], am.task("SKYDD"), confirmed=False
        )
    )
    changed = draft(am.group_manager, am.line.unit_manager_post, [am.grp], am.task("BRAND"))
    previous = services.distributions.replace_draft(distribution_id, changed)
    assert previous.task_ids == am.task("SKYDD")
    assert services.distributions.draft_of(distribution_id) == changed
    services.distributions.delete_draft(distribution_id)
    with pytest.raises(NotFoundError):
        services.distributions.draft_of(distribution_id)


# --- AM-6: confirmations on signing -------------------------------------------------------------


def test_am6_signing_with_an_unconfirmed_item_is_refused(
    services: Services, am: Am, db_path: Path
) -> None:
    distribution_id = services.distributions.create(
        draft(
            am.group_manager,
            am.line.unit_manager_post,
            [am.grp],
            am.task("SKYDD", "BRAND"),
            confirmed=False,
        )
    )
    skydd, brand = am.task("SKYDD", "BRAND")
    services.distributions.set_confirmation(distribution_id, skydd, ALL_CONFIRMED)
    previous = services.distributions.set_confirmation(
        distribution_id, brand, (True, True, True, False)
    )
    assert previous == (False, False, False, False)
    violation = refused(
        db_path, "AM-6", lambda: services.distributions.sign(distribution_id, GIVEN)
    )
    assert "Brandskydd" in violation.message
    assert "Skyddsronder" not in violation.message
    services.distributions.set_confirmation(distribution_id, brand, ALL_CONFIRMED)
    services.distributions.sign(distribution_id, GIVEN)
    assert state(services, distribution_id) is DistributionState.SIGNED


def test_set_confirmation_is_audited(services: Services, am: Am) -> None:
    distribution_id = services.distributions.create(
        draft(
            am.group_manager, am.line.unit_manager_post, [am.grp], am.task("SKYDD"), confirmed=False
        )
    )
    services.distributions.set_confirmation(distribution_id, am.tasks["SAM-SKYDD"], ALL_CONFIRMED)
    entry = audit_trail(services)[-1]
    assert (entry.action, entry.object_kind, entry.object_id) == (
        "distribution.confirm",
        ObjectKind.DISTRIBUTION.value,
        distribution_id,
    )


# --- AM-7: one receiver per task and unit; absence and retained tasks ---------------------------


def test_am7_same_task_same_unit_to_a_second_receiver_is_refused_on_signing(
    services: Services, am: Am, db_path: Path
) -> None:
    to_group_manager(services, am)
    second = services.distributions.create(
        draft(am.clerk, am.line.unit_manager_post, [am.grp], am.task("BRAND"), LATER)
    )
    violation = refused(db_path, "AM-7", lambda: services.distributions.sign(second, LATER))
    assert "Brandskydd är redan fördelade till Greta Gruppsson" in violation.message
    # the whole unit includes the group: the same task for Löneenheten clashes too
    whole = services.distributions.create(
        draft(am.clerk, am.line.unit_manager_post, [am.line.lon], am.task("SKYDD"), LATER)
    )
    refused(db_path, "AM-7", lambda: services.distributions.sign(whole, LATER))


def test_am7_other_tasks_or_other_units_go_to_several_people(services: Services, am: Am) -> None:
    to_group_manager(services, am)
    give(services, am.clerk, am.line.unit_manager_post, [am.grp], am.task("RISK"), LATER)
    give(services, am.other_clerk, am.line.unit_manager_post, [am.line.lon], am.task("KEMI"), LATER)
    assert am_found(services) == set()


def test_am7_a_distribution_without_absence_or_retained_text_cannot_be_signed(
    services: Services, am: Am, db_path: Path
) -> None:
    complete = draft(am.group_manager, am.line.unit_manager_post, [am.grp], am.task("RISK"), LATER)
    for lacking, missing in (
        (replace(complete, absence_arrangement=" "), "absence_arrangement"),
        (replace(complete, retained_tasks=""), "retained_tasks"),
    ):
        distribution_id = services.distributions.create(lacking)
        violation = refused(
            db_path,
            "AM-7",
            lambda d=distribution_id: services.distributions.sign(d, LATER),  # type: ignore[misc]
        )
        assert violation.field == missing
        services.distributions.delete_draft(distribution_id)
    signed = services.distributions.create(complete)
    services.distributions.sign(signed, LATER)
    assert record(services, signed).signed_on == LATER


def test_am7_a_signed_distribution_whose_texts_were_lost_warns(
    services: Services, am: Am, db_path: Path
) -> None:
    """Texts emptied after signing (old data, another program) are flagged, not refused."""
    distribution_id = to_group_manager(services, am)
    execute(
        db_path,
        "UPDATE task_distribution SET absence_arrangement = '', retained_tasks = '' WHERE id = ?",
        distribution_id,
    )
    (warning,) = am_violations(services)
    assert (warning.rule_id, warning.severity, warning.object_id) == (
        "AM-7",
        Severity.WARNING,
        distribution_id,
    )
    assert "frånvaro" in warning.message


def test_am1_the_receivers_appointment_must_hold_on_the_start_date(
    services: Services, am: Am, db_path: Path
) -> None:
    """A distribution to someone appointed only from a later date is refused as a draft."""
    newcomer = appoint(
        services,
        add_person(services, "8", "Nora", "Nyberg"),
        am.grp,
        Role.EMPLOYEE,
        valid_from=LATER + timedelta(days=30),
    )
    violation = refused(
        db_path,
        "AM-1",
        lambda: services.distributions.create(
            draft(newcomer, am.line.unit_manager_post, [am.grp], am.task("RISK"), LATER)
        ),
    )
    assert violation.field == "valid_from"
    assert "gäller inte den" in violation.message
    # From the day the appointment starts, the same distribution is accepted.
    services.distributions.create(
        draft(
            newcomer,
            am.line.unit_manager_post,
            [am.grp],
            am.task("RISK"),
            LATER + timedelta(days=30),
        )
    )


# --- AM-8: yearly follow-up ---------------------------------------------------------------------


def test_am8_overdue_follow_up_warns_and_a_follow_up_clears_it(services: Services) -> None:
    am = build_am(services, start=date(2025, 6, 1))
    assert am_found(services) == {
        ("AM-8", Severity.WARNING, "distribution", am.ks),
        ("AM-8", Severity.WARNING, "distribution", am.director),
        ("AM-8", Severity.WARNING, "distribution", am.unit_manager),
    }
    previous = services.distributions.follow_up(am.ks, TODAY)
    assert previous is None
    assert ("AM-8", Severity.WARNING, "distribution", am.ks) not in am_found(services)
    assert record(services, am.ks).followed_up_on == TODAY
    assert services.work.distribution(am.ks, TODAY).follow_up_due == date(2027, 11, 26)
    services.distributions.restore(am.ks, followed_up_on=previous)
    assert ("AM-8", Severity.WARNING, "distribution", am.ks) in am_found(services)


# --- AM-4: returns ------------------------------------------------------------------------------


def test_am4_partial_return_keeps_it_in_force_and_the_task_falls_back_to_the_giver(
    services: Services, am: Am
) -> None:
    distribution_id = to_group_manager(services, am)
    brand = am.tasks["SAM-BRAND"]
    return_id = services.distributions.return_tasks(
        distribution_id, [brand], LATER, COMPETENCE_TIME, "Saknar utbildning i brandskydd."
    )
    assert state(services, distribution_id) is DistributionState.IN_FORCE
    assert holder(services, am.grp, brand) == "Karin Åberg"
    assert holder(services, am.grp, brand, date(2026, 5, 31)) == "Greta Gruppsson"
    assert holder(services, am.grp, am.tasks["SAM-SKYDD"]) == "Greta Gruppsson"
    view = services.work.task_return(return_id, TODAY)
    assert [t.code for t in view.tasks] == ["SAM-BRAND"]
    assert view.record.reasons == COMPETENCE_TIME
    assert view.record.explanation == "Saknar utbildning i brandskydd."
    assert am_found(services) == set()


def test_am4_returning_every_task_makes_it_returned(services: Services, am: Am) -> None:
    distribution_id = to_group_manager(services, am)
    services.distributions.return_tasks(
        distribution_id, am.task("SKYDD"), LATER, (ReturnReason.AUTHORITY,)
    )
    services.distributions.return_tasks(
        distribution_id, am.task("BRAND"), date(2026, 7, 1), COMPETENCE_TIME
    )
    assert state(services, distribution_id, date(2026, 6, 30)) is DistributionState.IN_FORCE
    assert state(services, distribution_id) is DistributionState.RETURNED
    holders = {
        h.holder.person_name for h in services.work.holders_in_unit(am.grp, TODAY) if h.holder
    }
    assert holders == {"Karin Åberg"}
    assert services.work.held_by_person(person_of(services, am.group_manager), TODAY) == []
    assert am_found(services) == set()


def test_am4_a_return_needs_a_reason(services: Services, am: Am, db_path: Path) -> None:
    distribution_id = to_group_manager(services, am)
    violation = refused(
        db_path,
        "AM-4",
        lambda: services.distributions.return_tasks(
            distribution_id, am.task("BRAND"), LATER, [], " "
        ),
    )
    assert violation.object_kind is ObjectKind.TASK_RETURN
    assert violation.field == "reasons"
    # an explanation alone states the reason
    services.distributions.return_tasks(
        distribution_id, am.task("BRAND"), LATER, [], "Jag har inte tid med brandskyddet."
    )


def test_am4_a_return_before_the_distribution_is_in_force_is_refused(
    services: Services, am: Am, db_path: Path
) -> None:
    distribution_id = to_group_manager(services, am)
    early = date(2026, 2, 28)
    violation = refused(
        db_path,
        "AM-4",
        lambda: services.distributions.return_tasks(
            distribution_id, am.task("BRAND"), early, COMPETENCE_TIME
        ),
    )
    assert violation.field == "returned_on"
    not_oral = to_group_manager(services, am, oral=False, valid_from=LATER, texts=True)
    refused(
        db_path,
        "AM-4",
        lambda: services.distributions.return_tasks(
            not_oral, am.task("BRAND"), TODAY, COMPETENCE_TIME
        ),
    )


def test_am4_a_draft_cannot_be_returned(services: Services, am: Am, db_path: Path) -> None:
    distribution_id = services.distributions.create(
        draft(am.group_manager, am.line.unit_manager_post, [am.grp], am.task("SKYDD"))
    )
    refused(
        db_path,
        "AM-4",
        lambda: services.distributions.return_tasks(
            distribution_id, am.task("SKYDD"), TODAY, COMPETENCE_TIME
        ),
    )


def test_am4_a_task_is_returned_once_and_only_from_its_own_distribution(
    services: Services, am: Am, db_path: Path
) -> None:
    distribution_id = to_group_manager(services, am)
    services.distributions.return_tasks(distribution_id, am.task("BRAND"), LATER, COMPETENCE_TIME)
    again = refused(
        db_path,
        "AM-4",
        lambda: services.distributions.return_tasks(
            distribution_id, am.task("BRAND", "SKYDD"), TODAY, COMPETENCE_TIME
        ),
    )
    assert "inte redan är återförd" in again.message
    refused(
        db_path,
        "AM-4",
        lambda: services.distributions.return_tasks(
            distribution_id, am.task("RISK"), TODAY, COMPETENCE_TIME
        ),
    )


# --- the chain ----------------------------------------------------------------------------------


def test_holders_in_unit_show_the_holder_and_the_steps_from_ks_down(
    services: Services, am: Am
) -> None:
    distribution_id = to_group_manager(services, am)
    held = {h.task.code: h for h in services.work.holders_in_unit(am.grp, TODAY)}
    assert len(held) == 10
    skydd = held["SAM-SKYDD"]
    assert skydd.unit_name == "Lönegruppen"
    assert skydd.holder is not None and skydd.holder.person_name == "Greta Gruppsson"
    # each step names the person with their title (the role where no title is recorded)
    sv = Language.SWEDISH
    assert [(s.distribution_id, s.giver_name(sv), s.receiver_name(sv)) for s in skydd.chain] == [
        (am.ks, "Kommunstyrelsen", "Stina Stadsdirektör (Stadsdirektör)"),
        (am.director, "Stina Stadsdirektör (Stadsdirektör)", "Petra Persson (Personaldirektör)"),
        (am.unit_manager, "Petra Persson (Personaldirektör)", "Karin Åberg (Enhetschef)"),
        (distribution_id, "Karin Åberg (Enhetschef)", "Greta Gruppsson (Gruppchef)"),
    ]
    risk = held["SAM-RISK"]
    assert risk.holder is not None and risk.holder.person_name == "Karin Åberg"
    assert [s.distribution_id for s in risk.chain] == [am.ks, am.director, am.unit_manager]


def test_after_a_return_the_chain_ends_with_the_giver(services: Services, am: Am) -> None:
    distribution_id = to_group_manager(services, am)
    services.distributions.return_tasks(distribution_id, am.task("SKYDD"), LATER, COMPETENCE_TIME)
    (skydd,) = [
        h for h in services.work.holders_in_unit(am.grp, TODAY) if h.task.code == "SAM-SKYDD"
    ]
    assert skydd.holder is not None and skydd.holder.person_name == "Karin Åberg"
    assert [s.distribution_id for s in skydd.chain] == [am.ks, am.director, am.unit_manager]


def test_before_any_distribution_ks_holds_every_task(services: Services) -> None:
    line = build_line(services)
    held = services.work.holders_in_unit(line.lon, TODAY)
    assert len(held) == 10
    assert all(h.holder is None and h.chain == [] for h in held)


def test_held_by_person_lists_the_tasks_per_unit(services: Services, am: Am) -> None:
    to_group_manager(services, am)
    karin = services.work.held_by_person(am.line.unit_manager, TODAY)
    assert {(h.task.code, h.unit_name) for h in karin} == {
        (code, "Löneenheten") for code in am.tasks
    }
    greta = services.work.held_by_person(person_of(services, am.group_manager), TODAY)
    assert [(h.task.code, h.unit_name) for h in greta] == [
        ("SAM-BRAND", "Lönegruppen"),
        ("SAM-SKYDD", "Lönegruppen"),
    ]
    assert [s.distribution_id for s in greta[0].chain][:3] == [am.ks, am.director, am.unit_manager]


# --- lapse: appointments end, units close -------------------------------------------------------


def test_lapse_when_the_receivers_appointment_ends_names_the_tasks_and_the_holder(
    services: Services, am: Am
) -> None:
    distribution_id = to_group_manager(services, am)
    services.appointments.end(am.group_manager, LATER)
    assert state(services, distribution_id, date(2026, 5, 31)) is DistributionState.IN_FORCE
    assert state(services, distribution_id) is DistributionState.LAPSED
    (warning,) = am_violations(services)
    assert (warning.rule_id, warning.severity, warning.object_id) == (
        "AM-1",
        Severity.WARNING,
        distribution_id,
    )
    assert "upphörde 2026-06-01 när mottagarens förordnande upphörde" in warning.message
    assert "Skyddsronder (Lönegruppen: innehas nu av Karin Åberg, enhetschef" in warning.message
    assert "Brandskydd (Lönegruppen: innehas nu av Karin Åberg, enhetschef" in warning.message
    assert holder(services, am.grp, am.tasks["SAM-SKYDD"]) == "Karin Åberg"
    assert services.work.distribution(distribution_id, TODAY).lapse == (
        LATER,
        "mottagarens förordnande",
    )


def test_ending_the_lapsed_distribution_clears_the_warning_and_undo_restores_it(
    services: Services, am: Am
) -> None:
    distribution_id = to_group_manager(services, am)
    services.appointments.end(am.group_manager, LATER)
    previous = services.distributions.end(distribution_id, TODAY)
    assert previous is None
    assert state(services, distribution_id) is DistributionState.ENDED
    assert am_found(services) == set()
    services.distributions.restore(distribution_id, valid_to=previous)
    assert state(services, distribution_id) is DistributionState.LAPSED
    assert am_found(services) == {("AM-1", Severity.WARNING, "distribution", distribution_id)}


def test_a_new_distribution_of_the_lapsed_tasks_clears_the_warning(
    services: Services, am: Am
) -> None:
    lapsed = to_group_manager(services, am)
    services.appointments.end(am.group_manager, LATER)
    give(services, am.clerk, am.line.unit_manager_post, [am.grp], am.task("SKYDD"), LATER)
    (warning,) = am_violations(services)
    assert warning.object_id == lapsed
    assert "Brandskydd" in warning.message and "Skyddsronder" not in warning.message
    give(services, am.other_clerk, am.line.unit_manager_post, [am.grp], am.task("BRAND"), LATER)
    assert am_found(services) == set()
    assert holder(services, am.grp, am.tasks["SAM-BRAND"]) == "Lisa Lindkvist"


def test_lapse_when_the_givers_appointment_ends(services: Services, am: Am) -> None:
    distribution_id = to_group_manager(services, am)
    services.appointments.end(am.line.unit_manager_post, LATER)
    assert state(services, distribution_id) is DistributionState.LAPSED
    assert state(services, am.unit_manager) is DistributionState.LAPSED
    found = {v.object_id: v for v in am_violations(services)}
    assert set(found) == {am.unit_manager, distribution_id}
    assert "givarens förordnande" in found[distribution_id].message
    assert "innehas nu av Petra Persson, direktör" in found[distribution_id].message
    assert holder(services, am.grp, am.tasks["SAM-SKYDD"]) == "Petra Persson"


def test_lapse_when_a_covered_unit_closes(services: Services, am: Am) -> None:
    both = give(
        services,
        am.clerk,
        am.line.unit_manager_post,
        [am.line.lon, am.grp],
        am.task("KEMI"),
    )
    group_only = to_group_manager(services, am)
    services.units.close(am.grp, LATER)  # also ends the gruppchef's appointment
    assert state(services, both) is DistributionState.LAPSED
    assert state(services, group_only) is DistributionState.LAPSED
    (warning,) = am_violations(services)  # nothing to distribute in a closed group
    assert warning.object_id == both
    assert "när enheten Lönegruppen upphörde" in warning.message
    assert "Kemiska risker (Löneenheten: innehas nu av Karin Åberg" in warning.message


def test_moving_a_unit_out_of_its_givers_line_is_allowed_and_flags_the_distribution(
    services: Services, am: Am, db_path: Path
) -> None:
    # A reorganisation is never blocked by a distribution; the distribution is flagged.
    distribution_id = to_group_manager(services, am)
    pensions = services.units.create(
        UnitDraft("PEN", "Pensionsenheten", UnitKind.SUPPORT_UNIT, am.line.per)
    ).id
    services.units.move(am.grp, pensions)
    flagged = [
        v
        for v in services.queries.check(TODAY)
        if v.rule_id == "AM-1" and v.object_id == distribution_id
    ]
    assert flagged and {v.severity.value for v in flagged} == {"warning"}
    assert all("avsluta den och gör en ny" in v.message for v in flagged)
    services.distributions.end(distribution_id, TODAY)
    assert not [
        v for v in services.queries.check(TODAY) if v.object_id == distribution_id
    ]  # ended: history, no longer flagged


# --- undo: every restore gives back exactly the previous state ----------------------------------


def test_undo_of_signing_a_ks_distribution_gives_back_the_draft(
    services: Services, db_path: Path
) -> None:
    line = build_line(services)
    appoint(services, add_person(services, "F1", "Olle", "Ordförande"), line.ks, Role.CHAIR)
    task_ids = [t.id for t in services.tasks.list()]
    distribution_id = services.distributions.create(
        draft(line.city_director_post, None, [line.slk], task_ids, LINE_START)
    )
    before = record(services, distribution_id)
    previous = services.distributions.sign(distribution_id, LINE_START)
    assert record(services, distribution_id).employer_signatory_id is not None
    services.distributions.restore(distribution_id, **previous)
    assert record(services, distribution_id) == before
    assert state(services, distribution_id) is DistributionState.DRAFT


def test_undo_of_oral_follow_up_and_end_gives_back_the_previous_state(
    services: Services, am: Am
) -> None:
    distribution_id = to_group_manager(services, am, oral=False)
    signed = record(services, distribution_id)
    previous_oral = services.distributions.record_oral(distribution_id, GIVEN)
    in_force = record(services, distribution_id)
    previous_follow_up = services.distributions.follow_up(distribution_id, TODAY)
    followed_up = record(services, distribution_id)
    previous_end = services.distributions.end(distribution_id, TODAY)
    assert state(services, distribution_id) is DistributionState.ENDED

    services.distributions.restore(distribution_id, valid_to=previous_end)
    assert record(services, distribution_id) == followed_up
    services.distributions.restore(distribution_id, followed_up_on=previous_follow_up)
    assert record(services, distribution_id) == in_force
    services.distributions.restore(distribution_id, communicated_on=previous_oral)
    assert record(services, distribution_id) == signed
    assert state(services, distribution_id) is DistributionState.SIGNED


def test_undo_of_a_return_gives_back_the_tasks(services: Services, am: Am) -> None:
    distribution_id = to_group_manager(services, am)
    before = record(services, distribution_id)
    return_id = services.distributions.return_tasks(
        distribution_id, am.task("SKYDD", "BRAND"), LATER, COMPETENCE_TIME, "Saknar tid."
    )
    assert state(services, distribution_id) is DistributionState.RETURNED
    services.distributions.undo_return(return_id)
    assert record(services, distribution_id) == before
    assert services.work.snapshot().returns == {}
    assert state(services, distribution_id) is DistributionState.IN_FORCE
    with pytest.raises(NotFoundError):
        services.distributions.undo_return(return_id)


def test_delete_draft_and_create_it_again_gives_back_the_same_draft(
    services: Services, am: Am, db_path: Path
) -> None:
    distribution_id = services.distributions.create(
        draft(am.group_manager, am.line.unit_manager_post, [am.grp], am.task("SKYDD", "BRAND"))
    )
    services.distributions.set_confirmation(
        distribution_id, am.tasks["SAM-BRAND"], (True, False, True, False)
    )
    before = record(services, distribution_id)
    previous = services.distributions.delete_draft(distribution_id)
    for table in ("task_distribution_item", "task_distribution_unit"):  # went with it
        sql = f"SELECT COUNT(*) FROM {table} WHERE distribution_id = ?"
        assert rows(db_path, sql, distribution_id) == [(0,)]
    assert rows(
        db_path, "SELECT COUNT(*) FROM task_distribution WHERE id = ?", distribution_id
    ) == [(0,)]
    again = services.distributions.create(previous, distribution_id=distribution_id)
    assert again == distribution_id
    restored = record(services, distribution_id)
    assert replace(restored, items=()) == replace(before, items=())
    assert [replace(i, id=0) for i in restored.items] == [replace(i, id=0) for i in before.items]


def test_replace_draft_and_back_gives_back_the_same_draft(services: Services, am: Am) -> None:
    distribution_id = services.distributions.create(
        draft(am.group_manager, am.line.unit_manager_post, [am.grp], am.task("SKYDD"))
    )
    before = services.distributions.draft_of(distribution_id)
    previous = services.distributions.replace_draft(
        distribution_id,
        draft(am.clerk, am.line.unit_manager_post, [am.line.lon], am.task("KEMI", "HOT")),
    )
    assert previous == before
    services.distributions.replace_draft(distribution_id, previous)
    assert services.distributions.draft_of(distribution_id) == before


def test_unknown_distribution_is_not_found(services: Services, am: Am) -> None:
    with pytest.raises(NotFoundError):
        services.distributions.sign(999, TODAY)
    with pytest.raises(NotFoundError):
        services.work.distribution(999, TODAY)
    with pytest.raises(NotFoundError):
        services.distributions.create(
            draft(999, am.line.unit_manager_post, [am.grp], am.task("SKYDD"))
        )


def test_an_appointment_in_a_distribution_cannot_be_removed_only_ended(
    services: Services, am: Am, db_path: Path
) -> None:
    distribution_id = to_group_manager(services, am)
    receiver = record(services, distribution_id).receiver_appointment_id
    violation = refused(db_path, "DATA-5", lambda: services.appointments.delete(receiver))
    assert f"fördelning {distribution_id}" in violation.message


def test_the_oral_communication_is_recorded_once(services: Services, am: Am, db_path: Path) -> None:
    distribution_id = to_group_manager(services, am)
    refused(db_path, "AM-3", lambda: services.distributions.record_oral(distribution_id, TODAY))


def test_before_it_was_signed_a_distribution_was_a_draft(services: Services, am: Am) -> None:
    distribution_id = to_group_manager(services, am)
    signed = record(services, distribution_id).signed_on
    assert signed is not None
    assert state(services, distribution_id, signed - timedelta(days=1)) is DistributionState.DRAFT


# --- dates that make sense (issue 10) ------------------------------------------------------------


def test_events_dated_after_today_are_refused(services: Services, am: Am, db_path: Path) -> None:
    ahead = TODAY + timedelta(days=1)
    draft_id = services.distributions.create(
        draft(am.group_manager, am.line.unit_manager_post, [am.grp], am.task("SKYDD"))
    )
    assert refused(db_path, "AM-2", lambda: services.distributions.sign(draft_id, ahead)).field == (
        "signed_on"
    )
    in_force = to_group_manager(services, am)
    for rule_id, field, edit in (
        ("AM-8", "followed_up_on", lambda: services.distributions.follow_up(in_force, ahead)),
        (
            "AM-4",
            "returned_on",
            lambda: services.distributions.return_tasks(
                in_force, am.task("SKYDD"), ahead, (ReturnReason.TIME,)
            ),
        ),
    ):
        assert refused(db_path, rule_id, edit).field == field
    services.distributions.follow_up(in_force, TODAY)  # today is fine


def test_oral_communication_comes_after_the_signature(
    services: Services, am: Am, db_path: Path
) -> None:
    distribution_id = to_group_manager(services, am, oral=False)
    signed = record(services, distribution_id).signed_on
    assert signed is not None
    early = signed - timedelta(days=1)
    found = refused(
        db_path, "AM-3", lambda: services.distributions.record_oral(distribution_id, early)
    )
    assert found.field == "communicated_on"
    services.distributions.record_oral(distribution_id, signed)  # the same day is fine


def test_follow_up_and_return_only_while_the_distribution_has_been_in_force(
    services: Services, am: Am, db_path: Path
) -> None:
    signed_only = to_group_manager(services, am, oral=False)
    assert (
        refused(db_path, "AM-8", lambda: services.distributions.follow_up(signed_only, TODAY)).field
        == "followed_up_on"
    )
    in_force = to_group_manager(services, am)
    starts = record(services, in_force).starts_on
    assert starts is not None
    before = starts - timedelta(days=1)
    assert (
        refused(
            db_path,
            "AM-4",
            lambda: services.distributions.return_tasks(
                in_force, am.task("SKYDD"), before, (ReturnReason.TIME,)
            ),
        ).field
        == "returned_on"
    )


def test_a_return_for_another_reason_says_which(services: Services, am: Am, db_path: Path) -> None:
    distribution_id = to_group_manager(services, am)
    found = refused(
        db_path,
        "AM-4",
        lambda: services.distributions.return_tasks(
            distribution_id, am.task("SKYDD"), LATER, (ReturnReason.OTHER,)
        ),
    )
    assert found.field == "explanation"
    services.distributions.return_tasks(
        distribution_id, am.task("SKYDD"), LATER, (ReturnReason.OTHER,), "Flyttar till annan enhet."
    )


def test_a_distribution_from_the_employer_keeps_the_ks_decision_it_rests_on(
    services: Services, am: Am, db_path: Path
) -> None:
    decided = LINE_START - timedelta(days=20)
    distribution_id = services.distributions.create(
        draft(
            am.line.city_director_post,
            None,
            [am.line.slk],
            am.task("RISK"),
            LATER,
            employer_decision_on=decided,
            employer_decision_section="  §  112 ",
        )
    )
    kept = record(services, distribution_id)
    assert (kept.employer_decision_on, kept.employer_decision_section) == (decided, "§ 112")
    assert services.distributions.draft_of(distribution_id).employer_decision_on == decided
    # Signing before KS decided is refused (AM-2), naming the signature.
    late = services.distributions.create(
        draft(
            am.line.city_director_post,
            None,
            [am.line.slk],
            am.task("KEMI"),
            LATER,
            employer_decision_on=TODAY,
        )
    )
    violation = refused(db_path, "AM-2", lambda: services.distributions.sign(late, LATER))
    assert violation.field == "signed_on" and "beslut" in violation.message
    # Only a distribution from the employer keeps a KS decision.
    own = services.distributions.create(
        draft(
            am.group_manager,
            am.line.unit_manager_post,
            [am.grp],
            am.task("RISK"),
            LATER,
            employer_decision_on=decided,
            employer_decision_section="§ 9",
        )
    )
    assert record(services, own).employer_decision_on is None


# --- AM-11: an acting manager takes over the role, not the tasks ------------------------------


def _acting_unit_manager(services: Services, am: Am) -> int:
    """Lisa Lindkvist stands in as enhetschef of Löneenheten for a quarter around TODAY."""
    return appoint(
        services,
        person_of(services, am.other_clerk),
        am.line.lon,
        Role.UNIT_MANAGER,
        valid_from=TODAY - timedelta(days=30),
        valid_to=TODAY + timedelta(days=60),
        acting=True,
    )


def test_am11_an_acting_manager_without_tasks_is_warned_naming_the_tasks_and_their_holder(
    services: Services, am: Am
) -> None:
    acting = _acting_unit_manager(services, am)
    [warning] = [v for v in services.queries.check(TODAY) if v.rule_id == "AM-11"]
    assert (warning.severity, warning.object_kind.value, warning.object_id) == (
        Severity.WARNING,
        "appointment",
        acting,
    )
    assert "t.f. enhetschef i Löneenheten" in warning.message
    assert "Riskbedömning" in warning.message  # the tasks, named
    regular = services.queries.snapshot().person_label(am.line.unit_manager)
    assert f"har {regular}" in warning.message  # and who keeps them meanwhile
    # Before and after the acting period there is nothing to warn about.
    assert not [
        v for v in services.queries.check(TODAY + timedelta(days=90)) if v.rule_id == "AM-11"
    ]


def test_am11_a_distribution_to_the_acting_manager_clears_the_warning(
    services: Services, am: Am
) -> None:
    """The regular manager passes the tasks on to the stand-in for the acting period (a
    second distribution from the director would give one task to two people, AM-7)."""
    acting = _acting_unit_manager(services, am)
    give(
        services,
        acting,
        am.line.unit_manager_post,
        [am.line.lon],
        am.task("RISK"),
        TODAY - timedelta(days=29),
    )
    assert not [v for v in services.queries.check(TODAY) if v.rule_id == "AM-11"]


def test_am11_an_absence_clause_handing_the_tasks_to_the_stand_in_clears_the_warning(
    services: Services, am: Am, db_path: Path
) -> None:
    execute(
        db_path,
        "UPDATE task_distribution SET absence_arrangement = ? WHERE id = ?",
        "Vid enhetschefens frånvaro övertar den som är tillförordnad uppgifterna.",
        am.unit_manager,
    )
    _acting_unit_manager(services, am)
    assert not [v for v in services.queries.check(TODAY) if v.rule_id == "AM-11"]


# --- AM-10: what was passed on lapses with the distribution it came from -----------------------


def test_am10_ending_a_distribution_lapses_everything_passed_on_from_it_down_the_chain(
    services: Services, am: Am
) -> None:
    group = to_group_manager(services, am)
    assert state(services, am.unit_manager) is DistributionState.IN_FORCE
    ended = TODAY - timedelta(days=10)
    services.distributions.end(am.director, ended)

    for below in (am.unit_manager, group):  # two levels below the one that ended
        view = services.work.distribution(below, TODAY)
        assert view.state is DistributionState.LAPSED, below
        assert view.lapse is not None and view.lapse[0] == ended
        assert f"AM-FÖR-{am.director}" in view.lapse[1] or below == group
        assert state(services, below, ended - timedelta(days=1)) is DistributionState.IN_FORCE
    # The Problems panel lists each, with who holds the tasks meanwhile: the city director.
    city_director = services.queries.snapshot().person_label(am.line.city_director)
    lapses = {
        v.object_id: v.message
        for v in services.queries.check(TODAY)
        if v.rule_id == "AM-10" and v.field == "valid_to"
    }
    assert set(lapses) == {am.unit_manager, group}
    assert all(f"innehas nu av {city_director}" in m for m in lapses.values())
    # The register of distributions and the per-person view agree: nobody below holds them.
    assert services.work.held_by_person(am.line.unit_manager, TODAY) == []
    assert services.work.held_by_person(person_of(services, am.group_manager), TODAY) == []


def test_am10_a_returned_task_lapses_what_was_passed_on_of_it(services: Services, am: Am) -> None:
    group = to_group_manager(services, am)  # skyddsronder and brandskydd
    returned = TODAY - timedelta(days=5)
    services.distributions.return_tasks(
        am.unit_manager, am.task("SKYDD"), returned, [ReturnReason.TIME]
    )
    view = services.work.distribution(group, TODAY)
    assert view.state is DistributionState.LAPSED
    assert view.lapse is not None and view.lapse[0] == returned


def test_am10_a_distribution_in_force_above_keeps_what_was_passed_on(
    services: Services, am: Am
) -> None:
    """Ending a distribution of other tasks, or one elsewhere, lapses nothing below."""
    group = to_group_manager(services, am)
    services.distributions.return_tasks(
        am.unit_manager, am.task("KEMI"), TODAY - timedelta(days=5), [ReturnReason.TIME]
    )
    assert state(services, group) is DistributionState.IN_FORCE
    assert state(services, am.unit_manager) is DistributionState.IN_FORCE
    assert not [v for v in services.queries.check(TODAY) if v.rule_id in ("AM-1", "AM-10")]
