"""The rule checks of delegation orders: DEL-1…DEL-11 and HR-1…HR-5 (DOMAIN.md §2, §4).

Errors are what may never stand in an order (a matter of principle delegated, personnel
powers given to a gruppchef…); warnings are what a reorganisation can leave behind (an item
nobody can decide any more)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import date
from functools import partial

from nacka_desktop.domain.delegation.laws import cited_laws
from nacka_desktop.domain.delegation.orders import (
    BELOW_OPERATIONS_MANAGER,
    COMMUNITY_SERVICE_RESERVED,
    HR1_DECIDERS,
    HR1_KINDS,
    HR4_EXCLUDED_ROLES,
    HR_KINDS,
    NON_DELEGABLE_KINDS,
    PERSONNEL_POWERS,
    SUBDELEGATION_MATTER,
    URGENT_DELEGATES,
    BoardSetting,
    DecisionKind,
    Delegate,
    DelegateKind,
    DelegationItem,
    DelegationOrder,
    LegalBasis,
    OrderStatus,
    Subdelegation,
    areas_named,
    as_role,
    concerns_the_delegate,
    head_label,
    infer_decision_kind,
    is_administrative_head,
    is_rector_right_by_law,
    kept_from_officials,
)
from nacka_desktop.domain.delegation.rights import Via, direct_holders, has_holder, orders_in_force
from nacka_desktop.domain.enums import Role, Severity, UnitKind, WelfareBranch
from nacka_desktop.domain.language import Language
from nacka_desktop.domain.records import OrgSnapshot
from nacka_desktop.domain.rules import ObjectKind, Violation, sort_violations

MakeViolation = Callable[[str, Severity, str, str, str], Violation]


def check_delegation(
    org: OrgSnapshot,
    orders: list[DelegationOrder],
    on: date | None = None,
    subdelegations: Sequence[Subdelegation] = (),
    settings: Mapping[int, BoardSetting] | None = None,
) -> list[Violation]:
    found: list[Violation] = list(_check_subdelegations(org, orders, subdelegations))
    for order in orders:
        board = org.units.get(order.board_unit_id)
        if board is None:
            continue
        if board.kind not in (UnitKind.BOARD, UnitKind.EXECUTIVE_BOARD):
            found.append(
                _violation(
                    order,
                    None,
                    "DEL-2",
                    Severity.ERROR,
                    f"{board.name} är ingen nämnd; bara en nämnd kan ha en delegationsordning.",
                    f"{board.name} is not a board; only a board has a delegation order.",
                    "board",
                    board.name,
                )
            )
            continue
        setting = (settings or {}).get(board.id)
        found.extend(_check_numbers(order, board.name))
        for item in order.items:
            found.extend(_check_item(org, order, item, board.kind, board.name))
            found.extend(_check_passing_on(order, item, board.kind, board.name, setting))
            if setting is not None and (setting.laws or setting.areas):
                found.extend(_check_reglemente(org, order, item, board.name, setting, settings))
    if on is not None:
        # DEL-1 only for the orders of real boards: a missing board or a DEL-2 order has no
        # board to fall back to (and a missing one would not be found below).
        boards = {
            u.id for u in org.units.values() if u.kind in (UnitKind.BOARD, UnitKind.EXECUTIVE_BOARD)
        }
        for order in orders_in_force((o for o in orders if o.board_unit_id in boards), on):
            for item in order.items:
                found.extend(_check_holders(org, order, item, on))
    return sort_violations(found)


def check_item(org: OrgSnapshot, board_unit_id: int, item: DelegationItem) -> list[Violation]:
    """The rules about one item on its own (its kind, its delegate and its substitute), as
    the item's form checks it while it is filled in; the whole order (numbers, holders,
    passing on, the board's reglemente) is checked when it is saved."""
    board = org.units.get(board_unit_id)
    if board is None:
        return []
    alone = DelegationOrder(0, board_unit_id, OrderStatus.DRAFT, (item,))
    found = _check_item(org, alone, item, board.kind, board.name, weigh_kind=False)
    return sort_violations(list(found))


def _violation(
    order: DelegationOrder,
    item: DelegationItem | None,
    rule_id: str,
    severity: Severity,
    sv: str,
    en: str,
    field: str | None,
    board_name: str,
) -> Violation:
    if item is None:
        label = f"Delegationsordning {board_name}"
        label_en = f"Delegation order {board_name}"
        return Violation(
            rule_id, severity, sv, en, ObjectKind.DELEGATION_ORDER, order.id, field, label, label_en
        )
    label = f"{board_name} punkt {item.number}: {item.matter}"
    label_en = f"{board_name} item {item.number}: {item.matter}"
    return Violation(
        rule_id, severity, sv, en, ObjectKind.DELEGATION_ITEM, item.id, field, label, label_en
    )


def _check_numbers(order: DelegationOrder, board_name: str) -> Iterator[Violation]:
    """DATA-3: an item's number names it in decisions, letters and the register, so two
    items of one section may not share it. Some orders number each section from 1; the same
    number in two sections is allowed, but the register then needs the section too."""
    first: dict[tuple[str, str], DelegationItem] = {}
    for item in order.items:
        number = item.number.strip()
        if not number:
            continue  # DATA-2
        key = (item.section.strip().casefold(), number.casefold())
        earlier = first.setdefault(key, item)
        if earlier is item:
            continue
        where = f" i avsnittet {item.section.strip()}" if item.section.strip() else ""
        where_en = f" in the section {item.section.strip()}" if item.section.strip() else ""
        yield _violation(
            order,
            item,
            "DATA-3",
            Severity.ERROR,
            f"Punkt {number} finns redan{where} ({earlier.matter}); ge punkten ett eget nummer.",
            f"Item {number} already exists{where_en} ({earlier.matter}); give it a number of "
            "its own.",
            "number",
            board_name,
        )


def _check_item(
    org: OrgSnapshot,
    order: DelegationOrder,
    item: DelegationItem,
    board_kind: UnitKind,
    board_name: str,
    weigh_kind: bool = True,
) -> Iterator[Violation]:
    def v(rule_id: str, severity: Severity, sv: str, en: str, field: str) -> Violation:
        return _violation(order, item, rule_id, severity, sv, en, field, board_name)

    if weigh_kind and item.kind_set_by_hand:
        yield from _check_hand_set_kind(org, order, item, board_kind, board_name, v)

    yield from _check_required(item, v)
    kind = item.decision_kind
    if kind in NON_DELEGABLE_KINDS:
        yield v(
            "DEL-7",
            Severity.ERROR,
            f"{kind.label_sv} får inte delegeras (KL 6 kap 38 §); nämnden beslutar själv.",
            f"{kind.label_en} may not be delegated (KL 6:38); the board decides itself.",
            "decision_kind",
        )
    if kind is DecisionKind.URGENT:
        yield from _check_urgent(item, v)
    if kind in HR_KINDS and board_kind is not UnitKind.EXECUTIVE_BOARD:
        yield v(
            "DEL-6",
            Severity.ERROR,
            "Personalfrågor delegeras i kommunstyrelsens delegationsordning, inte i en nämnds "
            "(alla medarbetare är anställda av kommunstyrelsen).",
            "Staff matters are delegated in the executive board's order, not a board's.",
            "decision_kind",
        )
    for field, delegate in (("delegate", item.delegate), ("substitute", item.substitute)):
        if delegate is not None:
            yield from _check_delegate(org, order, item, delegate, field, v)
    if concerns_the_delegate(item.matter, as_role(item.delegate)):
        yield v(
            "DEL-13",
            Severity.ERROR,
            "Ärendet gäller delegaten själv: ingen beslutar i ett ärende som rör hen själv "
            "(jäv, KL 6 kap 28 §, DEL-13). Delegera till en annan befattning, t.ex. "
            "ordföranden eller chefen.",
            "The matter concerns the delegate themself: nobody decides their own matter "
            "(disqualification). Delegate it to another position.",
            "delegate",
        )
    yield from _check_kept_from_officials(item, v)
    if is_rector_right_by_law(item.matter):
        yield from _check_rector_right(item, v)
    if item.legal_basis is LegalBasis.ROLE_BY_LAW and (
        item.delegate.kind is not DelegateKind.POSITION or item.delegate.role is None
    ):
        yield v(
            "DEL-5",
            Severity.ERROR,
            "En rätt som lagen ger direkt åt en roll (t.ex. rektor enligt skollagen) anges "
            "med den rollen som beslutsfattare.",
            "A right the law gives a role directly (e.g. the principal) names that role.",
            "delegate",
        )


def _check_required(item: DelegationItem, v: MakeViolation) -> Iterator[Violation]:
    """DATA-2: an item names its matter and its number."""
    if not item.matter.strip():
        yield v("DATA-2", Severity.ERROR, "Ärendet saknas.", "The matter is missing.", "matter")
    if not item.number.strip():
        yield v(
            "DATA-2", Severity.ERROR, "Punktens nummer saknas.", "The number is missing.", "number"
        )


def _check_urgent(item: DelegationItem, v: MakeViolation) -> Iterator[Violation]:
    """DEL-9: an urgent matter goes to the chair or a member the board named, and is always
    reported."""
    for field, delegate in (("delegate", item.delegate), ("substitute", item.substitute)):
        if delegate is not None and delegate.kind not in URGENT_DELEGATES:
            yield v(
                "DEL-9",
                Severity.ERROR,
                "Brådskande ärenden får bara delegeras till ordföranden eller en ledamot som "
                "nämnden utsett, t.ex. vice ordföranden (KL 6 kap 39 §); inte till vilken "
                "ledamot som helst, ett utskott eller en anställd.",
                "Urgent matters may be delegated only to the chair or a member the board "
                "named, e.g. the vice chair (KL 6:39); not to any member, a committee or an "
                "employee.",
                field,
            )
    if not item.report_to_board:
        yield v(
            "DEL-9",
            Severity.ERROR,
            "Beslut i brådskande ärenden ska alltid anmälas vid nämndens nästa sammanträde.",
            "Urgent decisions are always reported at the board's next meeting.",
            "report_to_board",
        )


def _check_kept_from_officials(item: DelegationItem, v: MakeViolation) -> Iterator[Violation]:
    """DEL-7: a matter the law keeps from officials goes to the board or a committee."""
    kept = kept_from_officials(item.matter, item.lagrum)
    if kept is not None:
        for field, delegate in (("delegate", item.delegate), ("substitute", item.substitute)):
            if delegate is not None and delegate.kind is DelegateKind.POSITION:
                yield v(
                    "DEL-7",
                    Severity.ERROR,
                    f"Ärendet får inte delegeras till en tjänsteperson ({kept}): bara nämnden "
                    "eller ett av dess utskott beslutar.",
                    f"The matter may not be delegated to an official ({kept}): only the board "
                    "or one of its committees decides.",
                    field,
                )


def _check_rector_right(item: DelegationItem, make: MakeViolation) -> Iterator[Violation]:
    """DEL-5: skollagen gives the decision to the rektor; the board cannot give it to anyone
    else, and listing it is no delegation."""
    for field, delegate in (("delegate", item.delegate), ("substitute", item.substitute)):
        if delegate is None:
            continue
        # the rektor may let a biträdande rektor decide within the school (SL 2 kap 10 §)
        if as_role(delegate).role not in (Role.PRINCIPAL, Role.DEPUTY_PRINCIPAL):
            who = delegate.title or (delegate.role.label_sv.lower() if delegate.role else "")
            yield make(
                "DEL-5",
                Severity.ERROR,
                "Skollagen ger rektorn det här beslutet direkt: nämnden kan inte ge det till "
                f"{who or 'någon annan'}.",
                "The Education Act gives this decision to the principal; the board cannot give "
                "it to anyone else.",
                field,
            )
    if item.legal_basis is not LegalBasis.ROLE_BY_LAW and as_role(item.delegate).role is (
        Role.PRINCIPAL
    ):
        yield make(
            "DEL-5",
            Severity.WARNING,
            "Beslutet är rektorns enligt skollagen, ingen delegering från nämnden: ange "
            'rättslig grund "Rätt direkt enligt lag" (beslutet anmäls då inte till nämnden).',
            "The decision is the principal's by law, not a delegation: set the legal basis.",
            "legal_basis",
        )


def _check_reglemente(
    org: OrgSnapshot,
    order: DelegationOrder,
    item: DelegationItem,
    board_name: str,
    setting: BoardSetting,
    settings: Mapping[int, BoardSetting] | None,
) -> Iterator[Violation]:
    """DEL-2: the board decides, and delegates, only what its reglemente gives it: an item
    citing a law outside it is refused, naming the board whose reglemente holds it; a law the
    catalogue does not know is a warning (the catalogue may lack it), never a refusal."""
    if setting.areas and not areas_named(item.matter, setting.areas):
        for other in (settings or {}).values():
            named = areas_named(item.matter, other.areas)
            if other.board_unit_id == setting.board_unit_id or not named:
                continue
            holder = org.units.get(other.board_unit_id)
            yield _violation(
                order,
                item,
                "DEL-2",
                Severity.ERROR,
                f"Ärendet gäller {', '.join(sorted(named))}, som hör till "
                f"{holder.name if holder else 'en annan nämnd'}s reglemente, inte "
                f"{board_name}s: nämnden kan inte besluta, eller delegera, i det.",
                f"The matter concerns {', '.join(sorted(named))}, which another board's "
                "reglemente holds.",
                "matter",
                board_name,
            )
    known, unknown = cited_laws(item.lagrum)
    for law in known:
        if not setting.laws or law.short in setting.laws:
            continue
        holders = sorted(
            org.units[other.board_unit_id].name
            for other in (settings or {}).values()
            if law.short in other.laws and other.board_unit_id in org.units
        )
        elsewhere = f" Den hör till {', '.join(holders)}." if holders else ""
        yield _violation(
            order,
            item,
            "DEL-2",
            Severity.ERROR,
            f"{law.name[:1].upper()}{law.name[1:]} ({law.short}) hör inte till {board_name}s "
            f"reglemente: nämnden kan inte besluta, eller delegera, i ärenden enligt den."
            + elsewhere,
            f"{law.short} is not in {board_name}'s reglemente." + elsewhere,
            "lagrum",
            board_name,
        )
    for token in unknown if setting.laws else ():
        yield _violation(
            order,
            item,
            "DEL-2",
            Severity.WARNING,
            f"Lagrummet nämner {token!r}, som inte finns i appens lagkatalog; kontrollera att "
            f"lagen hör till {board_name}s reglemente.",
            f"The lagrum cites {token!r}, which the law catalogue does not know.",
            "lagrum",
            board_name,
        )


def _check_passing_on(
    order: DelegationOrder,
    item: DelegationItem,
    board_kind: UnitKind,
    board_name: str,
    setting: BoardSetting | None,
) -> Iterator[Violation]:
    """DEL-10 (KL 7 kap 6 §): only the board's förvaltningschef may pass a right on, so only
    an item delegated to that position may allow it, or be the right to do so."""
    executive = board_kind is UnitKind.EXECUTIVE_BOARD
    if is_administrative_head(item.delegate, setting, executive):
        return
    head = head_label(setting, executive, Language.SWEDISH)
    head_en = head_label(setting, executive, Language.ENGLISH)
    if item.subdelegation_allowed:
        field, what = "subdelegation_allowed", "får vidaredelegeras"
    elif SUBDELEGATION_MATTER.search(item.matter):
        field, what = "delegate", "gäller rätten att vidaredelegera"
    else:
        return
    yield _violation(
        order,
        item,
        "DEL-10",
        Severity.ERROR,
        f"Punkten {what}, men bara nämndens förvaltningschef ({head}) får vidaredelegera "
        "(KL 7 kap 6 §). Delegera punkten till förvaltningschefen, eller ta bort rätten att "
        "vidaredelegera.",
        f"Only the board's administrative head ({head_en}) may pass a right on (KL 7:6).",
        field,
        board_name,
    )


def _check_hand_set_kind(
    org: OrgSnapshot,
    order: DelegationOrder,
    item: DelegationItem,
    board_kind: UnitKind,
    board_name: str,
    make: MakeViolation,
) -> Iterator[Violation]:
    """DEL-14: a kind set by hand that lifts a refusal the matter's words would give needs a
    written reason, and stays a warning (with who set it and when) until it is put back."""
    words = infer_decision_kind(item.matter)

    def errors(kind: DecisionKind) -> set[str]:
        checked = replace(item, decision_kind=kind)
        return {
            found.rule_id
            for found in _check_item(org, order, checked, board_kind, board_name, False)
            if found.severity is Severity.ERROR
        }

    lifted = sorted(errors(words) - errors(item.decision_kind))
    if not lifted:
        return
    rules = ", ".join(lifted)
    kind, read = item.decision_kind, words
    if not item.kind_reason.strip():
        yield make(
            "DEL-14",
            Severity.ERROR,
            f"Beslutstypen {kind.label_sv} är satt för hand, men ärendets ord läses som "
            f"{read.label_sv}, och då gäller {rules}. Ange ett skriftligt skäl för den valda "
            "beslutstypen, eller ändra tillbaka den.",
            f"The kind {kind.label_en} was set by hand, but the matter's words read as "
            f"{read.label_en}, for which {rules} apply. Give a written reason, or put it back.",
            "decision_kind",
        )
        return
    who = " ".join(
        part
        for part in (item.kind_set_by, item.kind_set_on.isoformat() if item.kind_set_on else "")
        if part
    )
    yield make(
        "DEL-14",
        Severity.WARNING,
        f"Beslutstypen {kind.label_sv} är satt för hand{f' ({who})' if who else ''} och häver "
        f"{rules}, som ärendets ord ({read.label_sv}) skulle ge. Skäl: {item.kind_reason}",
        f"The kind {kind.label_en} was set by hand{f' ({who})' if who else ''} and lifts "
        f"{rules}, which the matter's words ({read.label_en}) would give. Reason: "
        f"{item.kind_reason}",
        "decision_kind",
    )


def _check_delegate(
    org: OrgSnapshot,
    order: DelegationOrder,
    item: DelegationItem,
    delegate: Delegate,
    field: str,
    make: MakeViolation,
) -> Iterator[Violation]:
    kind = item.decision_kind
    delegate = as_role(delegate)
    if delegate.kind is DelegateKind.COMMITTEE:
        committee = org.units.get(delegate.unit_id or 0)
        if (
            committee is None
            or committee.kind is not UnitKind.COMMITTEE
            or (committee.parent_id != order.board_unit_id)
        ):
            yield make(
                "DEL-8",
                Severity.ERROR,
                "Delegaten ska vara ett av nämndens egna utskott.",
                "The delegate must be one of the board's own committees.",
                field,
            )
    if delegate.kind is DelegateKind.POSITION:
        if delegate.role is None and not delegate.title.strip():
            yield make(
                "DEL-8",
                Severity.ERROR,
                "Ange en befattning (en chefsroll eller en titel, t.ex. kommunjurist) – aldrig "
                "en namngiven person eller en grupp av anställda.",
                "Name a position (a manager role or a title) – never a named person or a group.",
                field,
            )
        if delegate.role is not None and delegate.role.is_political:
            yield make(
                "DEL-8",
                Severity.ERROR,
                "En politisk roll anges som ordförande, ledamot eller utskott, inte som "
                "befattning.",
                "A political role is given as chair, member or committee, not as a position.",
                field,
            )
        if kind in PERSONNEL_POWERS and delegate.role in HR4_EXCLUDED_ROLES:
            yield make(
                "HR-4",
                Severity.ERROR,
                f"{kind.label_sv} kan aldrig delegeras till "
                f"{delegate.role.label_sv.lower() if delegate.role else ''}: rätten att anställa, "
                "sätta lön, varna, säga upp eller avskeda stannar hos enhetschefen.",
                f"{kind.label_en} can never be delegated to a deputy unit manager or a group "
                "manager.",
                field,
            )
        elif kind in HR1_KINDS and delegate.role not in HR1_DECIDERS and field == "delegate":
            yield make(
                "HR-1",
                Severity.WARNING,
                f"{kind.label_sv} beslutas av enhetschefen (rektor, verksamhetschef) för "
                "medarbetarna i enheten; kontrollera att delegaten är rätt.",
                f"{kind.label_en} is decided by the unit manager; check the delegate.",
                field,
            )
        below = delegate.role in BELOW_OPERATIONS_MANAGER or (
            delegate.role is None and delegate.title.strip() != ""
        )
        # "Varning: enhetschef" unlimited is how ordinary orders write it, and legal: the right
        # does not reach the enhetschefer within Välfärd samhällsservice, whom
        # `delegation_rights.reserved_from` leaves out of who may decide.
        if (
            kind in COMMUNITY_SERVICE_RESERVED
            and below
            and _within_community_service(org, delegate.unit_id)
        ):
            yield make(
                "HR-5",
                Severity.ERROR,
                f"Inom Välfärd samhällsservice beslutar bara verksamhetschefen om "
                f"{kind.label_sv.lower()}, inte enhetschefen eller någon under hen.",
                f"In Welfare community service only the operations manager decides on "
                f"{kind.label_en.lower()}.",
                field,
            )
    elif kind in PERSONNEL_POWERS | COMMUNITY_SERVICE_RESERVED:
        yield make(
            "HR-1",
            Severity.WARNING,
            f"{kind.label_sv} är ett personalbeslut som normalt fattas av chefen för enheten.",
            f"{kind.label_en} is a staff decision normally taken by the unit's manager.",
            field,
        )


def _within_community_service(org: OrgSnapshot, scope_id: int | None) -> bool:
    return (
        scope_id is not None
        and scope_id in org.units
        and org.welfare_branch_of(scope_id) is WelfareBranch.COMMUNITY_SERVICE
    )


def _check_holders(
    org: OrgSnapshot, order: DelegationOrder, item: DelegationItem, on: date
) -> Iterator[Violation]:
    """DEL-1: an item nobody fills today falls back to the board; a reorganisation that
    leaves an item without a holder is reported."""
    if has_holder(org, order, item, on):
        return
    board = org.units[order.board_unit_id]
    who = item.delegate.label(org, Language.SWEDISH)
    who_en = item.delegate.label(org, Language.ENGLISH)
    yield _violation(
        order,
        item,
        "DEL-1",
        Severity.WARNING,
        f"Ingen innehar {who} {on}: ingen kan besluta på delegation, så ärendet går till "
        f"{board.name}.",
        f"Nobody holds the delegate's place ({who_en}) on {on}: the board decides.",
        "delegate",
        board.name,
    )


def _check_subdelegations(
    org: OrgSnapshot, orders: list[DelegationOrder], subdelegations: Sequence[Subdelegation]
) -> Iterator[Violation]:
    """DEL-10: a delegate passes an item on only where the item allows it, only while they
    hold it, and only to an employee's position (DEL-8); never personnel powers to a
    biträdande enhetschef or gruppchef (HR-4)."""
    if not subdelegations:
        return
    wanted = {sub.item_id for sub in subdelegations}
    items = {
        item.id: (order, item) for order in orders for item in order.items if item.id in wanted
    }
    for sub in subdelegations:
        found = items.get(sub.item_id)
        if found is None:
            continue
        order, item = found
        label = f"Vidaredelegation av punkt {item.number}: {item.matter}"
        label_en = f"Subdelegation of item {item.number}: {item.matter}"

        refused = partial(_subdelegation_refusal, sub.id, label, label_en)

        if not item.subdelegation_allowed:
            yield refused(
                "DEL-10",
                f"Punkt {item.number} får inte vidaredelegeras; nämnden har inte tillåtit det.",
                f"Item {item.number} may not be subdelegated; the board did not allow it.",
                "item",
            )
        giver = org.appointments.get(sub.by_appointment_id)
        holders = {
            r.appointment.id
            for r in direct_holders(org, order, item, sub.valid_from)
            if r.via is Via.DELEGATE
        }
        if giver is None or giver.id not in holders:
            yield refused(
                "DEL-10",
                f"Bara delegaten för punkt {item.number} kan vidaredelegera den, och bara medan "
                "hen själv har rätten.",
                f"Only the delegate of item {item.number} can subdelegate it, while they hold it.",
                "by",
            )
        if (
            sub.to.kind is not DelegateKind.POSITION
            or (sub.to.role is not None and sub.to.role.is_political)
            or (sub.to.role is None and not sub.to.title.strip())
        ):
            yield refused(
                "DEL-8",
                "Vidaredelegation sker till en anställds befattning (en roll eller en titel).",
                "Subdelegation goes to an employee's position (a role or a title).",
                "to",
            )
        if item.decision_kind in PERSONNEL_POWERS and as_role(sub.to).role in HR4_EXCLUDED_ROLES:
            yield refused(
                "HR-4",
                f"{item.decision_kind.label_sv} kan aldrig delegeras vidare till biträdande "
                "enhetschef eller gruppchef.",
                f"{item.decision_kind.label_en} can never be passed on to a deputy or a group "
                "manager.",
                "to",
            )
        to = as_role(sub.to)
        if (
            item.decision_kind in COMMUNITY_SERVICE_RESERVED
            and (to.role in BELOW_OPERATIONS_MANAGER or (to.role is None and to.title.strip()))
            and _within_community_service(org, to.unit_id)
        ):
            yield refused(
                "HR-5",
                f"Inom Välfärd samhällsservice beslutar bara verksamhetschefen om "
                f"{item.decision_kind.label_sv.lower()}; rätten kan inte vidaredelegeras dit.",
                f"In Welfare community service only the operations manager decides on "
                f"{item.decision_kind.label_en.lower()}; it cannot be passed on there.",
                "to",
            )
        if sub.valid_to is not None and sub.valid_to <= sub.valid_from:
            yield refused(
                "DATA-1",
                "Vidaredelegationen upphör innan den börjar.",
                "The subdelegation ends before it starts.",
                "valid_to",
            )


def _subdelegation_refusal(
    sub_id: int, label: str, label_en: str, rule_id: str, sv: str, en: str, field: str
) -> Violation:
    return Violation(
        rule_id, Severity.ERROR, sv, en, ObjectKind.SUBDELEGATION, sub_id, field, label, label_en
    )
