"""The rule catalogue: every rule's ID, titles, source, severities and covering tests.

`RuleId` names every rule: the IDs of DOMAIN.md, and DATA-* for the app's own integrity rules
(dates, required fields, uniqueness, cycles), kept in the same catalogue so every front end
shows them alike. `RULES` holds, per rule, its titles, its source (as DOMAIN.md gives it), the
severities its violations may have and the tests that cover it; `tests/domain/
test_rule_catalogue.py` holds the catalogue to DOMAIN.md and to the test suite.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from nacka_desktop.domain.enums import Severity


class RuleId(StrEnum):
    """Every rule the app knows: the IDs of DOMAIN.md and the app's own DATA rules.

    A StrEnum, so `RuleId.AM_7 == "AM-7"`, it hashes like the string and JSON shows the ID.
    """

    ORG_1 = "ORG-1"
    ORG_2 = "ORG-2"
    ORG_3 = "ORG-3"
    ORG_4 = "ORG-4"
    ORG_5 = "ORG-5"
    ORG_6 = "ORG-6"
    ORG_7 = "ORG-7"
    ORG_8 = "ORG-8"
    ORG_9 = "ORG-9"
    HR_1 = "HR-1"
    HR_2 = "HR-2"
    HR_3 = "HR-3"
    HR_4 = "HR-4"
    HR_5 = "HR-5"
    AM_1 = "AM-1"
    AM_2 = "AM-2"
    AM_3 = "AM-3"
    AM_4 = "AM-4"
    AM_5 = "AM-5"
    AM_6 = "AM-6"
    AM_7 = "AM-7"
    AM_8 = "AM-8"
    AM_9 = "AM-9"
    AM_10 = "AM-10"
    AM_11 = "AM-11"
    DEL_1 = "DEL-1"
    DEL_2 = "DEL-2"
    DEL_3 = "DEL-3"
    DEL_4 = "DEL-4"
    DEL_5 = "DEL-5"
    DEL_6 = "DEL-6"
    DEL_7 = "DEL-7"
    DEL_8 = "DEL-8"
    DEL_9 = "DEL-9"
    DEL_10 = "DEL-10"
    DEL_11 = "DEL-11"
    DEL_12 = "DEL-12"
    DEL_13 = "DEL-13"
    DEL_14 = "DEL-14"
    DATA_1 = "DATA-1"
    DATA_2 = "DATA-2"
    DATA_3 = "DATA-3"
    DATA_4 = "DATA-4"
    DATA_5 = "DATA-5"
    DATA_6 = "DATA-6"
    DATA_7 = "DATA-7"
    DATA_8 = "DATA-8"

    @property
    def family(self) -> str:
        """ORG, HR, AM, DEL or DATA."""
        return self.value.split("-", 1)[0]

    @property
    def in_domain_brief(self) -> bool:
        """DATA rules are the app's own; every other ID is one of DOMAIN.md's."""
        return self.family != "DATA"


_ERROR = Severity.ERROR
_WARNING = Severity.WARNING


@dataclass(frozen=True)
class Rule:
    """One rule: what it says, where it comes from, how severe its violations are, and the
    tests that show it allowing what it allows and refusing (or flagging) what it forbids.

    `severity` is the usual one; `other_severities` those some cases yield too (a draft
    breaking AM-1 is refused, a signed distribution a reorganisation moved out of line is
    flagged). Tests are pytest node IDs from the repository root. A rule the app does not
    enforce yet has `implemented=False`, no tests, and `pending` says what is missing and
    which issue brings it; an enforced rule with a part still missing says so in `pending`.
    `reported_as` names the rule whose ID a refusal carries when it is not the rule's own
    (AM-5 is a permission: a gruppchef outside the enhetschef's line is refused as AM-1).
    """

    rule_id: RuleId
    title_sv: str
    title_en: str
    source: str
    severity: Severity
    other_severities: frozenset[Severity] = frozenset()
    allowed_tests: tuple[str, ...] = ()
    refused_tests: tuple[str, ...] = ()
    implemented: bool = True
    pending: str = ""
    reported_as: RuleId | None = None

    @property
    def severities(self) -> frozenset[Severity]:
        return frozenset({self.severity}) | self.other_severities

    @property
    def tests(self) -> tuple[str, ...]:
        return self.allowed_tests + self.refused_tests


# Where the covering tests live (node IDs are "<file>::<test>").
_ORG = "tests/domain/test_checks.py::"
_RESPONSIBILITY = "tests/domain/test_responsibility.py::"
_WORK = "tests/domain/test_work_checks.py::"
_DELEGATION = "tests/domain/test_delegation.py::"
_LAW = "tests/domain/test_delegation_law.py::"
_COUNCIL = "tests/domain/test_council_matters.py::"
_COVERAGE = "tests/domain/test_rule_coverage.py::"
_SERVICE_DELEGATION = "tests/services/test_delegation.py::"
_SERVICE_WORK = "tests/services/test_work_environment.py::"
_SERVICE_UNITS = "tests/services/test_units.py::"
_SERVICE_PEOPLE = "tests/services/test_people.py::"
_AUDIT_CHAIN = "tests/storage/test_audit_chain.py::"

# The issue that brings what a rule still lacks.
_DELEGATION_ISSUE = "issue 9"


def _tests(prefix: str, *names: str) -> tuple[str, ...]:
    return tuple(prefix + name for name in names)


_CATALOGUE: tuple[Rule, ...] = (
    # --- 1. The organisation tree ------------------------------------------------------------
    Rule(
        RuleId.ORG_1,
        "KF tillsätter nämnderna och KS och fastställer deras reglementen; KS har tre utskott "
        "och en nämnd kan ha egna",
        "The council appoints the boards and KS and sets their charters; KS has three "
        "committees and a board may have its own",
        '"Nacka kommuns politiska organisation", "Kommunfullmäktige"',
        _ERROR,
        frozenset({_WARNING}),
        allowed_tests=_tests(
            _ORG,
            "test_council_seats_count_persons_not_appointments",
            "test_fully_staffed_organisation_has_no_violations_on_a_date",
        ),
        refused_tests=_tests(
            _ORG,
            "test_two_chairs_at_once_is_an_org1_error",
            "test_council_with_more_seated_members_than_seats_is_an_org1_error",
            "test_executive_board_with_fewer_than_three_committees_is_a_warning",
            "test_board_without_charter_is_a_warning",
            "test_missing_chair_is_an_org1_warning_on_a_date",
        ),
        pending="A nämnd's own utskott (a committee under a board) is still refused as ORG-1: "
        "only KS may have utskott in the unit shapes.",
    ),
    Rule(
        RuleId.ORG_2,
        "Alla medarbetare är anställda av kommunstyrelsen",
        "Every employee is employed by the executive board",
        '"Alla medarbetare i Nacka är anställda av kommunstyrelsen."',
        _ERROR,
        allowed_tests=_tests(_ORG, "test_member_of_a_board_and_employee_of_a_unit_are_fine"),
        refused_tests=_tests(
            _ORG,
            "test_political_role_in_an_official_unit_is_an_org2_error",
            "test_employee_in_a_political_body_is_an_org2_error",
        ),
    ),
    Rule(
        RuleId.ORG_3,
        "Stadsdirektören leder stadsledningskontoret; en direktör är processägare eller "
        "produktionsdirektör",
        "The city director leads the city management office; a director is a process owner "
        "or a production director",
        '"Stadsledningskontoret"',
        _ERROR,
        frozenset({_WARNING}),
        allowed_tests=_tests(_ORG, "test_director_title_check_ignores_case"),
        refused_tests=_tests(
            _ORG,
            "test_director_whose_title_lacks_direktor_is_an_org3_warning",
            "test_unit_under_the_wrong_parent_kind_is_an_error",
        ),
    ),
    Rule(
        RuleId.ORG_4,
        "Stödenhet och myndighets- och huvudmannaenhet leds av en enhetschef som har en "
        "direktör som chef",
        "A support or authority unit is led by one unit manager whose chief is a director",
        '"En enhetschef har en direktör inom stadsledningskontoret som chef."',
        _ERROR,
        allowed_tests=(
            *_tests(_COVERAGE, "test_org4_support_and_authority_units_under_a_director"),
            *_tests(
                _RESPONSIBILITY,
                "test_chief_of_a_support_unit_manager_is_the_director_of_the_director_area",
            ),
        ),
        refused_tests=(
            *_tests(
                _ORG,
                "test_group_manager_in_a_support_unit_is_an_org4_error",
                "test_unit_under_the_wrong_parent_kind_is_an_error",
            ),
            *_tests(_SERVICE_UNITS, "test_create_under_the_wrong_parent_kind_is_refused"),
        ),
    ),
    Rule(
        RuleId.ORG_5,
        "En enhet kan ha biträdande enhetschef och undantagsvis grupper med gruppchefer",
        "A unit may have a deputy manager and, exceptionally, groups led by group managers",
        '"En enhetschef kan ha biträdande enhetschef…"',
        _ERROR,
        allowed_tests=_tests(
            _ORG,
            "test_group_under_a_support_unit_is_allowed",
            "test_deputy_alongside_the_manager_is_not_a_second_manager",
        ),
        refused_tests=_tests(_ORG, "test_unit_under_the_wrong_parent_kind_is_an_error"),
    ),
    Rule(
        RuleId.ORG_6,
        "Välfärd skola: verksamhetsområden leds av rektor (förskolechef), som kan utse "
        "biträdande rektor",
        "Welfare school: operating areas are led by a principal (preschool head), who may "
        "appoint a deputy",
        '"Den kommunala produktionen för välfärdstjänster", footnote 3',
        _ERROR,
        allowed_tests=_tests(_ORG, "test_school_operating_area_accepts_school_roles"),
        refused_tests=_tests(
            _ORG,
            "test_school_operating_area_led_by_an_operations_manager_is_an_org6_error",
            "test_production_area_without_welfare_branch_is_an_org6_error",
        ),
    ),
    Rule(
        RuleId.ORG_7,
        "Välfärd samhällsservice: verksamhetsområden leds av verksamhetschef och kan delas i "
        "enheter med enhetschef",
        "Welfare community service: operating areas are led by an operations manager and may "
        "be split into units with unit managers",
        '"Den kommunala produktionen för välfärdstjänster"',
        _ERROR,
        allowed_tests=_tests(
            _ORG, "test_enhet_under_a_community_service_operating_area_is_allowed"
        ),
        refused_tests=_tests(
            _ORG,
            "test_enhet_under_a_school_operating_area_is_an_org7_error",
            "test_community_service_operating_area_led_by_a_principal_is_an_org7_error",
        ),
    ),
    Rule(
        RuleId.ORG_8,
        "En enhet har exakt en ansvarig chef åt gången; en tillförordnad chef har rollen "
        "medan förordnandet varar",
        "A unit has exactly one responsible manager at a time; an acting manager holds the "
        "role while the acting appointment lasts",
        'implied by "fullständigt ansvar"',
        _ERROR,
        frozenset({_WARNING}),
        allowed_tests=(
            *_tests(
                _ORG,
                "test_acting_manager_overlapping_the_regular_one_is_allowed",
                "test_manager_following_another_on_the_end_date_does_not_overlap",
            ),
            *_tests(
                _RESPONSIBILITY,
                "test_acting_manager_is_responsible_while_the_acting_appointment_lasts",
            ),
        ),
        refused_tests=_tests(
            _ORG,
            "test_two_overlapping_managers_is_an_org8_error_on_the_later_one",
            "test_acting_is_only_for_the_one_who_leads_and_needs_an_end",
            "test_vacant_manager_post_is_a_warning_only_when_a_date_is_given",
        ),
    ),
    Rule(
        RuleId.ORG_9,
        "Processer är inga enheter: varje process har en direktör som processägare; "
        "stadsdirektören äger styrprocesserna",
        "Processes are not units: each has a director as owner; the city director owns the "
        "governing processes",
        '"Processtyrning"',
        _ERROR,
        frozenset({_WARNING}),
        allowed_tests=_tests(_ORG, "test_process_owner_rules"),
        refused_tests=(
            *_tests(
                _ORG,
                "test_process_owner_rules",
                "test_process_owner_who_has_left_the_director_post_is_an_error",
            ),
            *_tests(_SERVICE_PEOPLE, "test_governing_process_owned_by_a_director_is_refused"),
        ),
    ),
    # --- 2. Personnel decision rights ----------------------------------------------------------
    Rule(
        RuleId.HR_1,
        "Enhetschefen (rektor, verksamhetschef) beslutar om anställning, varning, uppsägning "
        "och avsked i enheten",
        "The unit manager (principal, operations manager) decides on hiring, warning, "
        "dismissal and summary dismissal in the unit",
        '"Det är enhetschefen som beslutar om anställning, varning, uppsägning eller avsked"',
        _WARNING,
        allowed_tests=_tests(
            _DELEGATION,
            "test_hr1_hiring_by_the_responsible_manager",
            "test_hr1_the_managers_own_chief_as_ersattare_is_not_warned",
        ),
        refused_tests=_tests(
            _DELEGATION,
            "test_hr1_hiring_by_someone_not_a_manager_is_warned",
            "test_hr1_warning_dismissal_and_avsked_too",
        ),
    ),
    Rule(
        RuleId.HR_2,
        "Behovet av en anställning prövas av stadsdirektören och personaldirektören före "
        "rekrytering",
        "Before recruiting, the need for the position is tested by the city director and the "
        "HR director",
        '"Innan rekrytering sker, ska behovet av anställningen prövas…"',
        _ERROR,
        allowed_tests=_tests(
            _SERVICE_DELEGATION, "test_a_decision_needs_the_right_and_for_hiring_the_need_test"
        ),
        refused_tests=_tests(
            _SERVICE_DELEGATION,
            "test_a_decision_needs_the_right_and_for_hiring_the_need_test",
            "test_hr2_and_hr3_come_before_the_decision",
        ),
    ),
    Rule(
        RuleId.HR_3,
        "Varning, uppsägning och avsked föregås av samråd med enhetschefens chef",
        "A warning, dismissal or summary dismissal is preceded by consultation with the unit "
        "manager's chief",
        '"Beslut om varning, uppsägning eller avsked ska föregås av ett samråd…"',
        _ERROR,
        allowed_tests=_tests(_SERVICE_DELEGATION, "test_a_warning_needs_the_consultation_first"),
        refused_tests=_tests(
            _SERVICE_DELEGATION,
            "test_a_warning_needs_the_consultation_first",
            "test_hr2_and_hr3_come_before_the_decision",
        ),
    ),
    Rule(
        RuleId.HR_4,
        "Rätten att anställa, sätta lön, varna, säga upp och avskeda delegeras aldrig till "
        "biträdande enhetschef eller gruppchef",
        "The right to hire, set salary, warn, dismiss or summarily dismiss never goes to a "
        "deputy unit manager or a group manager",
        '"Enhetschefen kan varken till en biträdande enhetschef eller en gruppchef delegera '
        'rätten att anställa, sätta lön, varna, säga upp eller avskeda."',
        _ERROR,
        allowed_tests=_tests(
            _DELEGATION,
            "test_hr4_personnel_powers_to_the_enhetschef",
            "test_hr4_other_matters_may_go_to_a_deputy_or_group_manager",
        ),
        refused_tests=(
            *_tests(
                _DELEGATION,
                "test_hr4_personnel_powers_never_to_a_deputy_or_group_manager",
                "test_hr4_not_as_ersattare_either",
            ),
            *_tests(_COVERAGE, "test_subdelegation_refusals"),
        ),
    ),
    Rule(
        RuleId.HR_5,
        "I Välfärd samhällsservice får enhetschefen anställa, men bara verksamhetschefen "
        "beslutar om disciplinåtgärder (även skriftlig varning), återbesättning och "
        "sysselsättningsgrad",
        "In Welfare community service a unit manager may hire, but only the operations "
        "manager decides on disciplinary measures (a written warning too), refilling and "
        "employment rate",
        '"En enhetschef inom Välfärd samhällsservice får anställa medarbetare men det är bara '
        'verksamhetschefen…"',
        _ERROR,
        allowed_tests=(
            *_tests(
                _DELEGATION,
                "test_hr5_the_verksamhetschef_decides",
                "test_hr5_enhetschef_in_samhallsservice_may_hire",
                "test_hr5_enhetschef_outside_samhallsservice_is_allowed",
                "test_hr5_an_enhetschef_item_reaching_samhallsservice_is_legal",
            ),
            *_tests(
                _LAW,
                "test_hr5_an_unlimited_enhetschef_item_does_not_reach_the_enhetschef_in_samhallsservice",
            ),
        ),
        refused_tests=(
            *_tests(
                _DELEGATION,
                "test_hr5_enhetschef_within_samhallsservice_is_refused",
                "test_hr5_not_as_ersattare_either",
            ),
            *_tests(
                _LAW,
                "test_hr5_a_titled_position_within_samhallsservice_is_refused_too",
                "test_hr5_a_vidaredelegation_into_samhallsservice_is_refused",
            ),
        ),
    ),
    # --- 3. Work-environment task distribution -----------------------------------------------
    Rule(
        RuleId.AM_1,
        "Ansvarig chef får fördela arbetsmiljöuppgifter vidare, men bara uppgifter som hen "
        "själv har",
        "The responsible manager may distribute work-environment tasks further, but only "
        "tasks they hold themselves",
        '"Enhetliga regler om fördelning av arbetsmiljöansvar"',
        _ERROR,
        frozenset({_WARNING}),
        allowed_tests=_tests(
            _WORK,
            "test_the_line_keeps_every_rule",
            "test_lapse_warning_is_cleared_by_a_new_distribution_of_the_tasks",
        ),
        refused_tests=_tests(
            _WORK,
            "test_am1_giver_who_does_not_hold_the_task_cannot_distribute_it",
            "test_am1_unit_outside_the_givers_line_is_an_error",
            "test_am1_giver_and_receiver_the_same_person_is_an_error",
            "test_am1_a_signed_distribution_out_of_line_after_a_reorganisation_is_a_warning",
            "test_lapse_warning_names_the_tasks_and_who_holds_them_meanwhile",
        )
        + _tests(_SERVICE_WORK, "test_am1_the_receivers_appointment_must_hold_on_the_start_date"),
    ),
    Rule(
        RuleId.AM_2,
        "Fördelningen görs skriftligen",
        "A distribution is made in writing",
        '"Det ska ske skriftligen."',
        _ERROR,
        allowed_tests=(
            *_tests(_COVERAGE, "test_am2_a_distribution_signed_in_writing_passes_the_tasks"),
            *_tests(_SERVICE_WORK, "test_am2_a_draft_can_be_changed_confirmed_and_deleted"),
        ),
        refused_tests=(
            *_tests(_COVERAGE, "test_am2_without_a_signature_the_tasks_stay_with_the_giver"),
            *_tests(
                _SERVICE_WORK,
                "test_am2_a_signed_distribution_cannot_be_changed_deleted_or_signed_again",
                "test_ks_distribution_without_a_ks_ordforande_is_refused",
            ),
        ),
    ),
    Rule(
        RuleId.AM_3,
        "Fördelningen kommuniceras muntligen av chefen personligen; först då gäller den",
        "It is also communicated orally by the manager personally; only then is it in force",
        '"Fördelningen ska även kommuniceras muntligen…av enhetschefen personligen."',
        _WARNING,
        frozenset({_ERROR}),
        allowed_tests=_tests(_WORK, "test_am3_no_warning_for_a_draft_or_for_a_later_start"),
        refused_tests=(
            *_tests(_WORK, "test_am3_signed_but_not_communicated_warns"),
            *_tests(_SERVICE_WORK, "test_the_oral_communication_is_recorded_once"),
        ),
    ),
    Rule(
        RuleId.AM_4,
        "Mottagaren har ensidig rätt att skriftligen återföra uppgifterna, helt eller delvis; "
        "återföringen gäller när den registreras",
        "The receiver may return the tasks in writing, wholly or partly, without approval; "
        "the return takes effect when recorded",
        '"…har ensidig rätt att helt eller delvis återföra ansvaret till enhetschefen. Detta '
        'ska ske skriftligen."',
        _ERROR,
        allowed_tests=_tests(
            _WORK,
            "test_am4_an_explanation_alone_is_a_reason",
            "test_returning_some_tasks_keeps_it_in_force_for_the_others",
        ),
        refused_tests=(
            *_tests(
                _WORK,
                "test_am4_return_without_reason_or_explanation_is_an_error",
                "test_am4_return_before_the_distribution_is_in_force_is_an_error",
            ),
            *_tests(_SERVICE_WORK, "test_am4_a_draft_cannot_be_returned"),
        ),
    ),
    Rule(
        RuleId.AM_5,
        "En enhetschef kan överföra delar av arbetsmiljöansvaret till gruppchefer",
        "A unit manager may hand parts of the work-environment responsibility to group managers",
        '"…med gruppchefer som enhetschefen kan överföra delar av sitt arbetsmiljöansvar till."',
        _ERROR,
        allowed_tests=_tests(
            _COVERAGE, "test_am5_a_unit_manager_hands_part_of_the_tasks_to_a_group_manager"
        ),
        refused_tests=_tests(
            _COVERAGE, "test_am5_a_group_manager_outside_the_unit_managers_line_is_refused"
        ),
        reported_as=RuleId.AM_1,
    ),
    Rule(
        RuleId.AM_6,
        "Mottagaren ska ha befogenheter, resurser, kunskap och kompetens för uppgifterna och "
        "bekräfta dem skriftligen",
        "The receiver must have the authority, resources, knowledge and competence the tasks "
        "need, each confirmed in writing",
        "AFS 2023:1 9 § and its allmänna råd; AFS 2001:1 6 §",
        _ERROR,
        allowed_tests=_tests(
            _WORK, "test_the_line_keeps_every_rule", "test_am6_a_draft_may_still_lack_confirmations"
        ),
        refused_tests=_tests(
            _WORK,
            "test_am6_signed_item_without_every_confirmation_is_an_error",
            "test_am6_one_missing_confirmation_is_enough",
        ),
    ),
    Rule(
        RuleId.AM_7,
        "En uppgift går till en namngiven person åt gången; frånvaro och uppgifter som "
        "stannar hos chefen anges",
        "A task goes to one named person at a time; the absence arrangement and the tasks "
        "that stay with the giver are stated",
        "AFS guidance",
        _ERROR,
        frozenset({_WARNING}),
        allowed_tests=_tests(
            _WORK,
            "test_am7_no_clash_for_other_tasks_other_units_drafts_or_after_the_first_ended",
            "test_am7_a_returned_task_may_go_to_someone_else",
        ),
        refused_tests=_tests(
            _WORK,
            "test_am7_same_task_same_unit_to_two_people_from_one_giver_is_an_error",
            "test_am7_the_whole_unit_clashes_with_a_group_inside_it",
            "test_am7_missing_absence_arrangement_or_retained_tasks_warns_while_in_force",
        )
        + _tests(
            _SERVICE_WORK,
            "test_am7_a_distribution_without_absence_or_retained_text_cannot_be_signed",
        ),
    ),
    Rule(
        RuleId.AM_8,
        "Fördelningen följs upp minst en gång om året; en försenad uppföljning är en varning",
        "Distributions are followed up at least once a year; an overdue follow-up is a warning",
        "AFS 2023:1 14 §; AFS 2001:1 11 §",
        _WARNING,
        frozenset({_ERROR}),  # a follow-up dated ahead, or of a distribution never in force
        allowed_tests=_tests(
            _WORK,
            "test_am8_overdue_follow_up_warns_and_a_follow_up_clears_it",
            "test_am8_only_for_distributions_in_force",
        ),
        refused_tests=(
            *_tests(_WORK, "test_am8_overdue_follow_up_warns_and_a_follow_up_clears_it"),
            *_tests(
                _SERVICE_WORK,
                "test_events_dated_after_today_are_refused",
                "test_follow_up_and_return_only_while_the_distribution_has_been_in_force",
            ),
        ),
    ),
    Rule(
        RuleId.AM_9,
        "En mottagare får fördela vidare bara om fördelningen tillåter det",
        "A receiver may pass a task further down only if the distribution allows it",
        "employer practice (Suntarbetsliv, SKR)",
        _ERROR,
        frozenset({_WARNING}),
        allowed_tests=_tests(_WORK, "test_am9_a_receiver_allowed_to_pass_on_may_give_further"),
        refused_tests=_tests(_WORK, "test_am9_passing_on_without_permission_is_an_error"),
    ),
    Rule(
        RuleId.AM_10,
        "När en fördelning upphör, avslutas eller återförs upphör allt som fördelats vidare "
        "från den samma dag, hela kedjan ned",
        "When a distribution lapses, ends or is returned, everything passed on from it lapses "
        "the same day, down the whole chain",
        "follows from AM-1",
        _WARNING,
        allowed_tests=_tests(
            _SERVICE_WORK, "test_am10_a_distribution_in_force_above_keeps_what_was_passed_on"
        ),
        refused_tests=_tests(
            _SERVICE_WORK,
            "test_am10_ending_a_distribution_lapses_everything_passed_on_from_it_down_the_chain",
            "test_am10_a_returned_task_lapses_what_was_passed_on_of_it",
        ),
    ),
    Rule(
        RuleId.AM_11,
        "En t.f. chef har inga fördelade uppgifter förrän en fördelning (eller den ordinarie "
        "chefens frånvaroklausul) anger dem",
        "An acting manager holds no distributed tasks until a distribution (or the regular "
        "holder's absence clause) names them",
        "follows from ORG-8 and AM-7",
        _WARNING,
        allowed_tests=_tests(
            _SERVICE_WORK,
            "test_am11_a_distribution_to_the_acting_manager_clears_the_warning",
            "test_am11_an_absence_clause_handing_the_tasks_to_the_stand_in_clears_the_warning",
        ),
        refused_tests=_tests(
            _SERVICE_WORK,
            "test_am11_an_acting_manager_without_tasks_is_warned_naming_the_tasks_and_their_holder",
        ),
    ),
    # --- 4. Delegation of decision rights ------------------------------------------------------
    Rule(
        RuleId.DEL_1,
        "Nämnden beslutar om inte rätten delegerats i delegationsordningen eller genom "
        "särskilt beslut",
        "The board decides unless it delegated the right in its delegation order or a special "
        "decision",
        '"När man ska ta reda vem som har rätt att besluta om något ska man alltid utgå från '
        'att det är nämnden."',
        _WARNING,
        frozenset({_ERROR}),
        allowed_tests=_tests(
            _DELEGATION,
            "test_del1_a_titled_position_somebody_holds_is_not_warned",
            "test_del1_an_ersattare_who_holds_the_place_is_enough",
        ),
        refused_tests=(
            *_tests(
                _DELEGATION,
                "test_del1_a_titled_position_nobody_holds_is_warned",
                "test_del1_a_vacant_unit_limited_position_is_warned",
            ),
            *_tests(
                _SERVICE_DELEGATION,
                "test_a_decision_needs_the_right_and_for_hiring_the_need_test",
            ),
        ),
    ),
    Rule(
        RuleId.DEL_2,
        "Bara nämnden med ansvarsområdet i sitt reglemente kan besluta eller delegera",
        "Only the board whose charter defines the area decides in it or delegates it",
        '"Det är bara den nämnd som har ansvarsområdet definierat i sitt reglemente…"',
        _ERROR,
        frozenset({_WARNING}),
        allowed_tests=(
            *_tests(_DELEGATION, "test_del2_boards_and_ks_have_orders"),
            *_tests(
                _LAW,
                "test_del2_the_catalogue_knows_the_laws_orders_cite_and_reads_a_lagrum",
                "test_del2_a_law_in_the_reglemente_is_allowed_and_an_unknown_one_only_flagged",
            ),
        ),
        refused_tests=(
            *_tests(_DELEGATION, "test_del2_an_order_for_something_that_is_not_a_board_is_refused"),
            *_tests(
                _LAW,
                "test_del2_an_item_citing_a_law_outside_the_reglemente_is_refused_naming_who_holds_it",
                "test_del2_a_matter_in_another_boards_area_is_refused_and_its_own_allowed",
            ),
        ),
    ),
    Rule(
        RuleId.DEL_3,
        "Där lagen anger en kommunal nämnd beslutar bara den nämnden: KF kan inte återta "
        "ärendet och nämnden kan inte hänskjuta det",
        "Where a law names a municipal board only that board decides: the council cannot take "
        "it back and the board cannot refer it",
        '"Det står i en lag", "Förhållandet mellan kommunfullmäktige och nämnderna"',
        _ERROR,
        allowed_tests=_tests(
            _COUNCIL,
            "test_a_law_naming_the_municipality_lets_the_board_refer_and_kf_take_back",
        ),
        refused_tests=_tests(_COUNCIL, "test_a_matter_a_law_gives_the_board_cannot_move_to_kf"),
    ),
    Rule(
        RuleId.DEL_4,
        "Allmän kompetens når nämnden på delegation från KF: KF kan återta, principiella "
        "ärenden hänskjuts till KF och KS bereder",
        "General competence reaches the board on delegation from the council: the council may "
        "take it back, matters of principle go to the council, prepared by KS",
        '"Förhållandet mellan kommunfullmäktige och nämnderna", '
        '"Kommunstyrelsens särskilda ansvar"',
        _ERROR,
        frozenset({_WARNING}),
        allowed_tests=_tests(
            _COUNCIL, "test_a_matter_of_general_competence_is_referred_to_kf_prepared_by_ks"
        ),
        refused_tests=_tests(
            _COUNCIL,
            "test_a_referral_to_ks_instead_of_kf_is_refused",
            "test_kf_deciding_a_referred_matter_ks_did_not_prepare_is_refused",
            "test_an_order_in_force_still_delegating_a_recalled_matter_is_a_warning",
            "test_a_decision_taken_after_kf_took_the_matter_back_is_flagged",
        ),
    ),
    Rule(
        RuleId.DEL_5,
        "Skollagen ger vissa beslut direkt till rektor; det är ingen delegering och nämnden "
        "kan inte ta tillbaka dem",
        "The Education Act gives some decisions directly to the principal: no delegation, "
        "and no board can withdraw them",
        'footnote 2, "Skollagen undantagen…"',
        _ERROR,
        frozenset({_WARNING}),
        allowed_tests=(
            *_tests(
                _DELEGATION,
                "test_del5_a_right_by_law_names_the_role",
                "test_del5_does_not_concern_ordinary_delegations",
            ),
            *_tests(
                _LAW, "test_del5_the_rektor_by_law_is_allowed_and_listed_as_a_delegation_is_flagged"
            ),
        ),
        refused_tests=(
            *_tests(_DELEGATION, "test_del5_a_right_by_law_without_a_role_is_refused"),
            *_tests(_COUNCIL, "test_a_right_the_law_gives_a_role_is_no_ones_to_move"),
            *_tests(_LAW, "test_del5_a_rektor_right_given_to_another_role_is_refused"),
            *_tests(
                _SERVICE_DELEGATION,
                "test_del5_a_new_version_cannot_leave_out_the_rektors_rights_by_law",
            ),
        ),
    ),
    Rule(
        RuleId.DEL_6,
        "Kommunstyrelsen beslutar tjänstemannaorganisationens indelning, instruktion och "
        "delegationsordning för personalfrågor",
        "The executive board decides the official organisation, its instruction and the "
        "delegation of staff matters",
        '"Alla bestämmelser om hur tjänstemannaorganisationen är indelad…"',
        _ERROR,
        allowed_tests=_tests(_DELEGATION, "test_del6_other_matters_in_a_boards_order"),
        refused_tests=_tests(
            _DELEGATION, "test_del6_staff_matters_only_in_the_executive_boards_order"
        ),
    ),
    Rule(
        RuleId.DEL_7,
        "Vissa ärenden får inte delegeras: mål och inriktning, yttranden till KF, "
        "principiell myndighetsutövning, medborgarförslag",
        "Some matters may not be delegated: goals and direction, statements to the council, "
        "principled exercise of authority, citizens' proposals",
        "KL 6 kap 38 §",
        _ERROR,
        allowed_tests=_tests(_DELEGATION, "test_del7_an_ordinary_matter_may_be_delegated"),
        refused_tests=(
            *_tests(_DELEGATION, "test_del7_non_delegable_kinds_are_refused"),
            *_tests(_LAW, "test_del7_an_lvu_application_goes_to_an_utskott_never_to_an_official"),
            *_tests(
                _SERVICE_DELEGATION, "test_del7_a_statement_to_the_council_cannot_be_delegated"
            ),
        ),
    ),
    Rule(
        RuleId.DEL_8,
        "Delegering sker till utskott, ledamot eller ersättare eller en befattning – aldrig "
        "gemensamt och aldrig till en namngiven person",
        "Delegation goes to a committee, a member or substitute, or a position – never "
        "jointly and never to a named person",
        "KL 6 kap 37 §, 7 kap 5 §",
        _ERROR,
        allowed_tests=(
            *_tests(
                _DELEGATION,
                "test_del8_ks_may_delegate_to_its_own_utskott",
                "test_del8_chair_and_member_are_delegates_of_their_own",
            ),
            *_tests(
                _LAW, "test_del8_a_look_alike_of_a_role_is_that_role_and_a_title_stays_a_title"
            ),
        ),
        refused_tests=(
            *_tests(
                _DELEGATION,
                "test_del8_a_committee_delegate_must_be_the_boards_own_utskott",
                "test_del8_a_position_needs_a_role_or_a_title",
                "test_del8_a_political_role_is_not_a_position",
            ),
            *_tests(_LAW, "test_del8_a_named_person_or_a_joint_delegate_is_refused"),
            *_tests(_COVERAGE, "test_subdelegation_refusals"),
        ),
    ),
    Rule(
        RuleId.DEL_9,
        "Brådskande ärenden delegeras bara till ordföranden eller en ledamot som nämnden "
        "utsett, och anmäls vid nästa sammanträde",
        "Urgent matters go only to the chair or a member the board named, and are reported "
        "at its next meeting",
        "KL 6 kap 39 §",
        _ERROR,
        allowed_tests=_tests(
            _DELEGATION,
            "test_del9_urgent_matters_to_the_chair_or_a_member_the_board_named",
            "test_del9_the_ersattare_of_an_urgent_matter_is_a_member_too",
        ),
        refused_tests=_tests(
            _DELEGATION,
            "test_del9_urgent_matters_to_anyone_else_are_refused",
            "test_del9_urgent_matters_to_any_ledamot_are_refused",
            "test_del9_urgent_decisions_must_be_reported",
        ),
        pending=f"{_DELEGATION_ISSUE}: the named ledamot is the vice ordförande (a board cannot "
        "name another ledamot yet), and nothing checks the report at the next meeting.",
    ),
    Rule(
        RuleId.DEL_10,
        "Bara förvaltningschefen får vidaredelegera, och bara där nämnden tillåtit det; "
        "besluten anmäls till förvaltningschefen",
        "Only the administrative head may subdelegate, and only where the board allowed it; "
        "decisions are reported to the administrative head",
        "KL 7 kap 6–7 §§",
        _ERROR,
        allowed_tests=(
            *_tests(_COVERAGE, "test_del10_the_delegate_passes_an_allowed_item_on"),
            *_tests(
                _SERVICE_DELEGATION,
                "test_del10_a_delegate_passes_an_item_on_and_decisions_report_back",
            ),
        ),
        refused_tests=(
            *_tests(
                _COVERAGE,
                "test_subdelegation_refusals",
                "test_del10_only_the_forvaltningschef_may_hold_a_passable_item",
            ),
            *_tests(
                _SERVICE_DELEGATION,
                "test_del10_refused_where_not_allowed_by_a_non_holder_or_to_a_group_manager",
            ),
        ),
    ),
    Rule(
        RuleId.DEL_11,
        "Delegationsbeslut anmäls till nämnden som den bestämt; överklagbara beslut som inte "
        "anmäls protokollförs särskilt",
        "Delegated decisions are reported to the board as it decided; appealable ones that "
        "are not reported are recorded separately",
        "KL 6 kap 40 §, 7 kap 8 §",
        _WARNING,
        frozenset({_ERROR}),
        allowed_tests=_tests(
            _COUNCIL,
            "test_a_decision_neither_reported_nor_appealable_needs_no_record",
            "test_a_reported_decision_is_not_also_recorded_separately",
        ),
        refused_tests=_tests(
            _COUNCIL,
            "test_an_appealable_decision_not_reported_must_be_recorded_separately",
            "test_nothing_is_reported_or_recorded_before_the_decision",
            "test_del11_a_decision_not_reported_within_the_boards_rhythm_is_overdue",
        ),
    ),
    Rule(
        RuleId.DEL_12,
        "En antagen delegationsordning ändras aldrig; en ändring är en ny version som "
        "nämnden antar (datum och §) och som ersätter den gamla",
        "An adopted delegation order never changes; a change is a new version the board "
        "adopts (date and §), superseding the old one",
        "KL 6 kap 37 § (the board decides the delegation)",
        _ERROR,
        allowed_tests=_tests(
            _SERVICE_DELEGATION,
            "test_del12_a_change_goes_into_a_draft_copied_from_the_adopted_version",
        ),
        refused_tests=_tests(
            _SERVICE_DELEGATION,
            "test_del12_the_text_of_an_adopted_or_superseded_version_never_changes",
            "test_del12_an_order_is_adopted_with_the_date_and_paragraph_of_the_decision",
        ),
    ),
    Rule(
        RuleId.DEL_13,
        "Jäv: ingen beslutar på delegation i ett ärende som rör hen själv; beslutet anger "
        "vem det rör",
        "Disqualification: nobody decides on delegation a matter that concerns themself; the "
        "decision names the person it concerns",
        "KL 6 kap 28–32 §§, FL 16–18 §§",
        _ERROR,
        allowed_tests=_tests(_LAW, "test_del13_someone_else_deciding_is_allowed"),
        refused_tests=(
            *_tests(
                _LAW,
                "test_del13_an_item_that_lets_the_delegate_decide_their_own_matter_is_refused",
            ),
            *_tests(
                _SERVICE_DELEGATION, "test_del13_a_decision_about_the_decision_maker_is_refused"
            ),
        ),
    ),
    Rule(
        RuleId.DEL_14,
        "Ärendets typ avgör reglerna; en handsatt typ som skulle häva en vägran kräver ett "
        "skriftligt skäl och förblir en varning",
        "The kind of a matter decides the rules; a hand-set kind that would lift a refusal "
        "needs a written reason and stays a warning",
        "guards DEL-7, HR-4, HR-5",
        _WARNING,
        frozenset({_ERROR}),
        allowed_tests=_tests(
            _LAW,
            "test_del14_a_kind_the_words_give_or_that_lifts_nothing_needs_no_reason",
            "test_del14_with_a_reason_it_stays_a_warning_saying_who_and_when",
        ),
        refused_tests=_tests(
            _LAW, "test_del14_a_hand_set_kind_that_lifts_a_refusal_needs_a_written_reason"
        ),
    ),
    # --- The app's own integrity rules ---------------------------------------------------------
    Rule(
        RuleId.DATA_1,
        "Slutdatum måste ligga efter startdatum",
        "The end date must be after the start date",
        "",
        _ERROR,
        allowed_tests=(
            *_tests(_COVERAGE, "test_data1_a_period_of_one_day_ends_after_it_starts"),
            *_tests(
                _COUNCIL, "test_a_matter_of_general_competence_is_referred_to_kf_prepared_by_ks"
            ),
        ),
        refused_tests=_tests(
            _ORG,
            "test_unit_ending_before_it_starts_is_data1",
            "test_unit_ending_on_its_start_date_is_data1",
            "test_appointment_ending_before_it_starts_is_data1",
        ),
    ),
    Rule(
        RuleId.DATA_2,
        "Obligatoriskt fält saknas",
        "A required field is missing",
        "",
        _ERROR,
        allowed_tests=_tests(_DELEGATION, "test_data2_matter_and_number_are_required"),
        refused_tests=(
            *_tests(
                _ORG,
                "test_unit_without_name_or_code_is_data2",
                "test_person_without_last_name_is_data2",
            ),
            *_tests(_DELEGATION, "test_data2_matter_and_number_are_required"),
        ),
    ),
    Rule(
        RuleId.DATA_3,
        "Koder och punktnummer måste vara unika",
        "Codes and item numbers must be unique",
        "",
        _ERROR,
        allowed_tests=_tests(_SERVICE_UNITS, "test_keeping_the_own_code_is_allowed"),
        refused_tests=(
            *_tests(
                _ORG,
                "test_duplicate_unit_codes_are_data3_on_both_units_ignoring_case_and_spaces",
                "test_duplicate_employee_numbers_are_data3",
            ),
            *_tests(_DELEGATION, "test_data3_an_item_number_is_given_once_per_section"),
        ),
    ),
    Rule(
        RuleId.DATA_4,
        "Organisationsträdet får inte innehålla en cykel",
        "The organisation tree may not contain a cycle",
        "",
        _ERROR,
        allowed_tests=_tests(_COVERAGE, "test_data4_a_move_into_another_branch_is_no_cycle"),
        refused_tests=_tests(
            _ORG,
            "test_cycle_is_reported_once_as_data4",
            "test_three_unit_cycle_is_reported_once",
        ),
    ),
    Rule(
        RuleId.DATA_5,
        "Det som ligger i en enhet måste gälla inom enhetens giltighetstid",
        "What belongs to a unit must fall within the unit's validity",
        "",
        _ERROR,
        allowed_tests=_tests(_ORG, "test_appointment_outside_the_unit_validity_is_data5"),
        refused_tests=_tests(
            _ORG,
            "test_appointment_outside_the_unit_validity_is_data5",
            "test_child_outliving_its_parent_is_data5",
            "test_child_starting_before_its_parent_is_data5",
        ),
    ),
    Rule(
        RuleId.DATA_6,
        "E-postadressen måste vara giltig",
        "The e-mail address must be valid",
        "",
        _ERROR,
        allowed_tests=_tests(_COVERAGE, "test_data6_a_well_formed_email_is_accepted"),
        refused_tests=_tests(_ORG, "test_a_malformed_email_is_a_data6_error"),
    ),
    Rule(
        RuleId.DATA_7,
        "Bara ett utkast kan tas bort, och en ersatt version antas inte igen",
        "Only a draft can be removed, and a superseded version is not adopted again",
        "",
        _ERROR,
        allowed_tests=_tests(
            _SERVICE_DELEGATION, "test_adopting_a_new_version_supersedes_the_old_and_undo_restores"
        ),
        refused_tests=_tests(
            _SERVICE_DELEGATION, "test_data7_an_adopted_version_is_never_deleted_nor_readopted"
        ),
    ),
    Rule(
        RuleId.DATA_8,
        "Granskningsloggen får inte ha ändrats",
        "The audit log must not have been changed",
        "",
        _ERROR,
        allowed_tests=_tests(
            _AUDIT_CHAIN,
            "test_entries_written_through_the_services_form_an_unbroken_chain",
            "test_the_problems_check_has_no_data8_on_an_unbroken_chain",
        ),
        refused_tests=_tests(
            _AUDIT_CHAIN,
            "test_the_problems_check_reports_a_changed_entry_as_a_data8_error",
            "test_the_problems_check_finds_a_change_made_after_the_first_check",
        ),
    ),
)

# Keyed by RuleId, which hashes and compares like its string: RULES["AM-7"] works too.
RULES: dict[str, Rule] = {rule.rule_id: rule for rule in _CATALOGUE}
