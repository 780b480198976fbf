"""The delegation rules as the law writes them, for what issue 9 names as false refusals or
bypasses: the delegate written as text (DEL-8), a vice ordförande for urgent matters (DEL-9),
the delegate's own matter (DEL-13), a hand-set kind (DEL-14), HR-5 on every path."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from nacka_desktop.domain.delegation.format import DelegateTextError, parse_delegate
from nacka_desktop.domain.delegation.laws import LAWS, cited_laws
from nacka_desktop.domain.delegation.orders import (
    BoardSetting,
    DecisionKind,
    Delegate,
    DelegateKind,
    DelegationItem,
    LegalBasis,
    Subdelegation,
    infer_decision_kind,
)
from nacka_desktop.domain.delegation.rights import rights_of_person, who_may_decide
from nacka_desktop.domain.enums import Role, Severity
from nacka_desktop.domain.records import OrgSnapshot
from nacka_desktop.domain.rules.delegation import check_delegation

from .snapshots import AO, HTJ, KS, KSAU, LON, ON, UBN, Org
from .test_delegation import ERROR, ITEM, WARNING, check, item, order, position

# -- DEL-8: the delegate written as text --------------------------------------------------------


@pytest.fixture
def org() -> OrgSnapshot:
    snapshot = Org().staff()
    snapshot.person(900, first_name="Anna", last_name="Andersson")
    return snapshot.snapshot()


@pytest.mark.parametrize(
    "text",
    [
        "Anna Andersson",  # a person in the register
        "anna  andersson",
        "Enhetschef Lars Ek",  # a name after the title
        "Ekonomidirektör (Per Andersson)",
        "Per Nilsson, bygglovshandläggare",
        "Enhetschef och ordförande gemensamt",  # jointly
        "Två medarbetare i förening",
        "Upphandlingschef och ekonomidirektör",
        "Socialsekreterare tillsammans med enhetschef",
    ],
)
def test_del8_a_named_person_or_a_joint_delegate_is_refused(org: OrgSnapshot, text: str) -> None:
    with pytest.raises(DelegateTextError, match="DEL-8"):
        parse_delegate(org, text)


def title(text: str) -> Delegate:
    return Delegate(DelegateKind.POSITION, title=text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("GRUPPCHEF", Delegate(DelegateKind.POSITION, Role.GROUP_MANAGER)),
        ("  Gruppchef ", Delegate(DelegateKind.POSITION, Role.GROUP_MANAGER)),
        ("Biträdande\u200b  enhetschef", Delegate(DelegateKind.POSITION, Role.DEPUTY_UNIT_MANAGER)),
        ("Förste vice ordförande", Delegate(DelegateKind.VICE_CHAIR)),
        ("Vice ordförande", Delegate(DelegateKind.VICE_CHAIR)),
        ("ORDFÖRANDE", Delegate(DelegateKind.CHAIR)),
        ("Plan- och bygglovschef", title("Plan- och bygglovschef")),
        ("Chef för kultur och fritid", title("Chef för kultur och fritid")),
        ("IT-chef", title("IT-chef")),
    ],
)  # fmt: skip
def test_del8_a_look_alike_of_a_role_is_that_role_and_a_title_stays_a_title(
    org: OrgSnapshot, text: str, expected: Delegate
) -> None:
    assert parse_delegate(org, text) == expected


def test_hr4_a_title_written_as_a_role_is_held_to_the_role() -> None:
    hire = item(DecisionKind.HIRE, position(title="Gruppchef", unit_id=LON))
    assert check(KS, hire) == {("HR-4", ERROR, ITEM, 1, "delegate")}


# -- DEL-13: the delegate's own matter ----------------------------------------------------------


@pytest.mark.parametrize(
    ("matter", "delegate"),
    [
        ("Lönesättning av stadsdirektören", position(Role.CITY_DIRECTOR)),
        ("Beslut om bisyssla för personaldirektören", position(title="Personaldirektör")),
        ("Attest av egna reseräkningar och utlägg", position(Role.UNIT_MANAGER, unit_id=LON)),
    ],
)
def test_del13_an_item_that_lets_the_delegate_decide_their_own_matter_is_refused(
    matter: str, delegate: Delegate
) -> None:
    found = check(KS, item(infer_decision_kind(matter), delegate, matter=matter))
    assert ("DEL-13", ERROR, ITEM, 1, "delegate") in found


@pytest.mark.parametrize(
    ("matter", "delegate"),
    [
        ("Lönesättning av stadsdirektören", Delegate(DelegateKind.CHAIR)),
        ("Attest av fakturor inom egen budget", position(Role.UNIT_MANAGER, unit_id=LON)),
        ("Anställning av enhetschef", position(Role.DIRECTOR)),
    ],
)
def test_del13_someone_else_deciding_is_allowed(matter: str, delegate: Delegate) -> None:
    found = check(KS, item(infer_decision_kind(matter), delegate, matter=matter))
    assert "DEL-13" not in {hit[0] for hit in found}


# -- DEL-14: a kind set by hand ----------------------------------------------------------------

AVSKED = "Avsked av medarbetare"


def hand_set(reason: str = "") -> DelegationItem:
    return replace(
        item(DecisionKind.OTHER, position(Role.GROUP_MANAGER, unit_id=LON), matter=AVSKED),
        kind_reason=reason,
        kind_set_by="hr",
        kind_set_on=date(2026, 11, 30),
    )


def test_del14_a_hand_set_kind_that_lifts_a_refusal_needs_a_written_reason() -> None:
    assert check(KS, hand_set()) == {("DEL-14", ERROR, ITEM, 1, "decision_kind")}


def test_del14_with_a_reason_it_stays_a_warning_saying_who_and_when() -> None:
    (found,) = check_delegation(
        Org().staff().snapshot(), [order(KS, hand_set("Avser förtroendevalda, ej anställda"))]
    )
    assert (found.rule_id, found.severity) == ("DEL-14", WARNING)
    assert "HR-4" in found.message and "hr 2026-11-30" in found.message


def test_del14_a_kind_the_words_give_or_that_lifts_nothing_needs_no_reason() -> None:
    words = item(DecisionKind.SUMMARY_DISMISSAL, position(Role.UNIT_MANAGER, unit_id=LON))
    assert check(KS, replace(words, matter=AVSKED)) == set()
    harmless = item(DecisionKind.OTHER, position(Role.UNIT_MANAGER, unit_id=LON), matter=AVSKED)
    assert check(KS, harmless) == set()  # an enhetschef may decide an avsked either way


# -- HR-5 on every path --------------------------------------------------------------------------


def test_hr5_a_titled_position_within_samhallsservice_is_refused_too() -> None:
    warning = item(DecisionKind.WARNING, position(title="Samordnare", unit_id=HTJ))
    assert ("HR-5", ERROR, ITEM, 1, "delegate") in check(KS, warning)


def test_hr5_a_vidaredelegation_into_samhallsservice_is_refused() -> None:
    passable = replace(
        item(DecisionKind.DISCIPLINARY, position(Role.OPERATIONS_MANAGER, unit_id=AO)),
        subdelegation_allowed=True,
    )
    org = Org().staff().snapshot()
    giver = next(a for a in org.appointments.values() if a.role is Role.OPERATIONS_MANAGER)
    sub = Subdelegation(
        1, 1, giver.id, Delegate(DelegateKind.POSITION, Role.UNIT_MANAGER, unit_id=HTJ), ON
    )
    found = {
        (v.rule_id, v.severity, v.field)
        for v in check_delegation(org, [order(KS, passable)], None, [sub])
    }
    assert ("HR-5", Severity.ERROR, "to") in found


def test_hr5_an_unlimited_enhetschef_item_does_not_reach_the_enhetschef_in_samhallsservice() -> (
    None
):
    org = Org().staff().snapshot()
    warning = item(DecisionKind.WARNING, position(Role.UNIT_MANAGER))
    hire = item(DecisionKind.HIRE, position(Role.UNIT_MANAGER), item_id=2)
    orders = [order(KS, warning, hire)]
    in_service = next(
        a for a in org.appointments.values() if a.role is Role.UNIT_MANAGER and a.unit_id == HTJ
    )
    elsewhere = next(
        a for a in org.appointments.values() if a.role is Role.UNIT_MANAGER and a.unit_id != HTJ
    )
    deciders = {r.appointment.id for r in who_may_decide(org, orders, 1, None, ON)}
    assert elsewhere.id in deciders and in_service.id not in deciders
    assert in_service.id in {r.appointment.id for r in who_may_decide(org, orders, 2, None, ON)}
    own = rights_of_person(org, orders, in_service.person_id, ON)
    assert {r.item.id for r in own if r.appointment.id == in_service.id} == {2}


# -- DEL-5: the rektor's rights under skollagen -------------------------------------------------


@pytest.mark.parametrize(
    "matter", ["Avstängning av elev", "Skriftlig varning till elev", "Åtgärdsprogram"]
)
def test_del5_a_rektor_right_given_to_another_role_is_refused(matter: str) -> None:
    found = check(UBN, item(DecisionKind.OTHER, position(title="Förvaltningschef"), matter=matter))
    assert ("DEL-5", ERROR, ITEM, 1, "delegate") in found


def test_del5_the_rektor_by_law_is_allowed_and_listed_as_a_delegation_is_flagged() -> None:
    by_law = replace(
        item(DecisionKind.OTHER, position(Role.PRINCIPAL), matter="Avstängning av elev"),
        legal_basis=LegalBasis.ROLE_BY_LAW,
    )
    assert check(UBN, by_law) == set()
    as_delegation = replace(by_law, legal_basis=LegalBasis.GENERAL_COMPETENCE)
    assert check(UBN, as_delegation) == {("DEL-5", WARNING, ITEM, 1, "legal_basis")}


# -- DEL-2: the laws of the board's reglemente ---------------------------------------------------


def test_del2_the_catalogue_knows_the_laws_orders_cite_and_reads_a_lagrum() -> None:
    assert len(LAWS) >= 40
    assert len({law.short.casefold() for law in LAWS}) == len(LAWS)
    for written in ("KL 6 kap 39 §", "6 kap. 39 § kommunallagen", "6 kap 39 § KL"):
        assert [law.short for law in cited_laws(written)[0]] == ["KL"]
    assert cited_laws("Lag om riktlinjer för kommunala markanvisningar")[0][0].short == "LMA"
    assert cited_laws("XYZ 3 §") == ([], ["XYZ"])


def reglemente(*laws: str) -> dict[int, BoardSetting]:
    return {
        UBN: BoardSetting(UBN, laws=frozenset(laws)),
        KS: BoardSetting(KS, laws=frozenset({"PBL"})),
    }


def test_del2_an_item_citing_a_law_outside_the_reglemente_is_refused_naming_who_holds_it() -> None:
    bygglov = replace(item(DecisionKind.OTHER, position(Role.UNIT_MANAGER)), lagrum="PBL 9 kap 2 §")
    violations = check_delegation(
        Org().staff().snapshot(), [order(UBN, bygglov)], settings=reglemente("SL", "KL")
    )
    assert [(v.rule_id, v.severity, v.field) for v in violations] == [("DEL-2", ERROR, "lagrum")]
    assert "Kommunstyrelsen" in violations[0].message  # whose reglemente holds PBL


def test_del2_a_law_in_the_reglemente_is_allowed_and_an_unknown_one_only_flagged() -> None:
    school = replace(item(DecisionKind.OTHER, position(Role.UNIT_MANAGER)), lagrum="SL 10 kap 32 §")
    org = Org().staff().snapshot()
    assert check_delegation(org, [order(UBN, school)], settings=reglemente("SL")) == []
    odd = replace(school, lagrum="XYZ 3 §")
    found = check_delegation(org, [order(UBN, odd)], settings=reglemente("SL"))
    assert [(v.rule_id, v.severity) for v in found] == [("DEL-2", WARNING)]
    assert check_delegation(org, [order(UBN, odd)]) == []  # no reglemente entered: not checked


# -- DEL-7: a matter another law keeps from officials --------------------------------------------


def test_del7_an_lvu_application_goes_to_an_utskott_never_to_an_official() -> None:
    matter = "Beslut om att ansöka om vård enligt LVU"
    to_official = replace(
        item(DecisionKind.OTHER, position(title="Socialsekreterare"), matter=matter),
        lagrum="LVU 4 §",
    )
    assert ("DEL-7", ERROR, ITEM, 1, "delegate") in check(UBN, to_official)
    to_committee = replace(to_official, delegate=Delegate(DelegateKind.COMMITTEE, unit_id=KSAU))
    assert "DEL-7" not in {hit[0] for hit in check(KS, to_committee)}


def test_del2_a_matter_in_another_boards_area_is_refused_and_its_own_allowed() -> None:
    areas = {
        UBN: BoardSetting(UBN, areas=frozenset({"skol", "elev"})),
        KS: BoardSetting(KS, areas=frozenset({"gatu", "park"})),
    }
    org = Org().staff().snapshot()
    lights = item(
        DecisionKind.OTHER, position(Role.UNIT_MANAGER), matter="Upphandling av gatubelysning"
    )
    found = check_delegation(org, [order(UBN, lights)], settings=areas)
    assert [(v.rule_id, v.severity, v.field) for v in found] == [("DEL-2", ERROR, "matter")]
    assert "Kommunstyrelsen" in found[0].message
    school_lights = replace(lights, matter="Belysning av skolgården och gatubelysning vid skolan")
    assert check_delegation(org, [order(UBN, school_lights)], settings=areas) == []  # its own
    assert check_delegation(org, [order(UBN, lights)]) == []  # no reglemente: not checked
