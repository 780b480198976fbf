"""Use cases of delegation orders and delegated decisions: versions, items, adoption, the
decision log; each one transaction, checked against DEL-1…DEL-11 and HR-1…HR-5, audited."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from nacka_desktop.domain.delegation.council_matters import (
    ReportRoute,
    recalls_in,
    report_route,
)
from nacka_desktop.domain.delegation.laws import law as law_by_short
from nacka_desktop.domain.delegation.orders import (
    CONSULTATION_KINDS,
    NEED_TEST_KINDS,
    BoardSetting,
    DecisionKind,
    Delegate,
    DelegateKind,
    DelegationItem,
    OrderStatus,
    Subdelegation,
    dropped_rights_by_law,
)
from nacka_desktop.domain.delegation.rights import (
    Right,
    Via,
    rights_of_person,
)
from nacka_desktop.domain.rules import ObjectKind
from nacka_desktop.services.editing import Editor, NotFoundError, refusal, refuse_stale
from nacka_desktop.storage.models import (
    Appointment,
    BoardSettingRow,
    DelegatedDecision,
    DelegationItemRow,
    DelegationOrderRow,
    SubdelegationRow,
    TitledPosition,
    Unit,
)
from nacka_desktop.storage.repositories.delegation import (
    board_setting_record,
    item_columns,
    item_record,
    load_orders,
)


class DelegationOrderService:
    def __init__(self, editor: Editor) -> None:
        self._editor = editor

    def create_order(
        self,
        board_unit_id: int,
        items: Sequence[DelegationItem],
        notes: str = "",
        order_id: int | None = None,
    ) -> int:
        """A new version as a draft; `adopt` makes it the board's order."""
        with self._editor.edit() as session:
            if session.get(Unit, board_unit_id) is None:
                raise NotFoundError("Enheten", board_unit_id)
            order = DelegationOrderRow(
                board_unit_id=board_unit_id, status=OrderStatus.DRAFT, notes=notes
            )
            if order_id is not None:
                order.id = order_id
            session.add(order)
            session.flush()
            for position, item in enumerate(items):
                session.add(
                    DelegationItemRow(
                        order_id=order.id,
                        position=position,
                        **item_columns(self._stamped(item, None)),
                    )
                )
            self._editor.audit(
                session,
                "delegation_order.create",
                ObjectKind.DELEGATION_ORDER,
                order.id,
                {"board": board_unit_id, "items": len(items)},
            )
            return order.id

    def adopt(self, order_id: int, adopted_on: date, paragraph: str) -> list[int]:
        """The board adopts the version (date and §); the version in force until then is
        superseded. Returns the superseded versions' ids (for undo)."""
        if not paragraph.strip():
            raise refusal(
                "DEL-12",
                "Ange paragrafen i nämndens protokoll (t.ex. § 12): det antagna är nämndens "
                "beslut, och beslutet har datum och paragraf.",
                "Give the paragraph of the board's minutes (e.g. § 12).",
                ObjectKind.DELEGATION_ORDER,
                order_id,
                "paragraph",
            )
        with self._editor.edit() as session:
            order = _order(session, order_id)
            _refuse_if_superseded(order)
            superseded = list(
                session.scalars(
                    select(DelegationOrderRow).where(
                        DelegationOrderRow.board_unit_id == order.board_unit_id,
                        DelegationOrderRow.status == OrderStatus.ADOPTED,
                        DelegationOrderRow.id != order_id,
                    )
                )
            )
            items = {o.id: o.items for o in load_orders(session)}
            for older in superseded:
                dropped = dropped_rights_by_law(items[older.id], items[order_id])
                if dropped:
                    raise refusal(
                        "DEL-5",
                        "Den nya versionen saknar "
                        + ", ".join(f"{i.number} {i.matter}" for i in dropped)
                        + ": en rätt som lagen ger en roll direkt (skollagen för rektor) kan "
                        "nämnden inte ta bort. Behåll punkten i den nya versionen.",
                        "The new version leaves out a right the law gives a role directly.",
                        ObjectKind.DELEGATION_ORDER,
                        order_id,
                        "items",
                    )
            for older in superseded:
                older.status = OrderStatus.SUPERSEDED
            order.status = OrderStatus.ADOPTED
            order.adopted_on = adopted_on
            order.paragraph = paragraph.strip()
            self._editor.audit(
                session,
                "delegation_order.adopt",
                ObjectKind.DELEGATION_ORDER,
                order_id,
                {
                    "adopted_on": adopted_on,
                    "paragraph": paragraph,
                    "superseded": [o.id for o in superseded],
                },
            )
            return [o.id for o in superseded]

    def unadopt(self, order_id: int, superseded: Sequence[int]) -> None:
        """The undo of `adopt`: back to a draft, the superseded versions adopted again."""
        with self._editor.edit() as session:
            order = _order(session, order_id)
            order.status, order.adopted_on, order.paragraph = OrderStatus.DRAFT, None, ""
            for older_id in superseded:
                _order(session, older_id).status = OrderStatus.ADOPTED
            self._editor.audit(
                session, "delegation_order.unadopt", ObjectKind.DELEGATION_ORDER, order_id, {}
            )

    def _stamped(self, item: DelegationItem, previous: DelegationItem | None) -> DelegationItem:
        """DEL-14: a kind set by hand against the matter's words is stored with who set it
        and when; a kind that follows the words needs neither (nor a reason). A stamp
        already there (an item restored by undo, copied into a draft, or saved again with
        the same kind and reason) is kept."""
        if not item.kind_set_by_hand:
            return replace(item, kind_reason="", kind_set_by="", kind_set_on=None)
        unchanged = previous is None or (
            previous.decision_kind is item.decision_kind
            and previous.kind_reason == item.kind_reason
        )
        if unchanged and item.kind_set_on is not None:
            return item
        if previous is not None and unchanged and previous.kind_set_on is not None:
            return replace(item, kind_set_by=previous.kind_set_by, kind_set_on=previous.kind_set_on)
        return replace(item, kind_set_by=self._editor.actor, kind_set_on=self._editor.clock())

    def set_board_setting(
        self,
        board_unit_id: int,
        head: Delegate | None,
        report_within_days: int | None,
        laws: frozenset[str] | None = None,
        areas: frozenset[str] | None = None,
        loaded: BoardSetting | None = None,
    ) -> BoardSetting:
        """The board names its förvaltningschef (DEL-10), its reporting rhythm (DEL-11) and
        the laws its reglemente gives it (DEL-2; None keeps them); returns what it was
        before (for undo). `loaded`: the setting as the dialog showed it (changed since:
        refused, not overwritten)."""
        unknown = sorted(short for short in laws or () if law_by_short(short) is None)
        if unknown:
            raise refusal(
                "DEL-2",
                f"Okänd lag i reglementet: {', '.join(unknown)}. Ange lagarnas korta namn, "
                "t.ex. KL, SL, SoL, PBL.",
                f"Unknown law in the reglemente: {', '.join(unknown)}.",
                ObjectKind.DELEGATION_ORDER,
                board_unit_id,
                "laws",
            )
        if head is not None and (
            head.kind is not DelegateKind.POSITION or (head.role is None and not head.title.strip())
        ):
            raise refusal(
                "DEL-10",
                "Förvaltningschefen är en befattning: en roll eller en titel.",
                "The administrative head is a position: a role or a title.",
                ObjectKind.DELEGATION_ORDER,
                board_unit_id,
                "head",
            )
        if report_within_days is not None and not 1 <= report_within_days <= 366:
            raise refusal(
                "DATA-2",
                "Anmälan ska ske inom 1–366 dagar.",
                "Reporting must be within 1–366 days.",
                ObjectKind.DELEGATION_ORDER,
                board_unit_id,
                "report_within_days",
            )
        with self._editor.edit() as session:
            if session.get(Unit, board_unit_id) is None:
                raise NotFoundError("Enheten", board_unit_id)
            row = session.get(BoardSettingRow, board_unit_id)
            previous = _board_setting(board_unit_id, row)
            refuse_stale(loaded, previous, "nämndens inställningar", "the board's settings")
            if row is None:
                row = BoardSettingRow(board_unit_id=board_unit_id)
                session.add(row)
            row.head_role = head.role if head else None
            row.head_title = head.title.strip() if head else ""
            row.head_unit_id = head.unit_id if head else None
            row.report_within_days = report_within_days
            if laws is not None:
                shorts = (law_by_short(short) for short in laws)
                row.reglemente_laws = " ".join(sorted(law.short for law in shorts if law))
            if areas is not None:
                row.reglemente_areas = ", ".join(sorted(areas))
            self._editor.audit(
                session,
                "board_setting.update",
                ObjectKind.DELEGATION_ORDER,
                board_unit_id,
                {
                    "head": (head.title or (head.role.value if head.role else "")) if head else "",
                    "report_within_days": report_within_days,
                    "laws": sorted(laws) if laws is not None else None,
                    "areas": sorted(areas) if areas is not None else None,
                },
            )
            return previous

    def restore_board_setting(self, previous: BoardSetting) -> None:
        """The undo of `set_board_setting`."""
        self.set_board_setting(
            previous.board_unit_id,
            previous.head,
            previous.report_within_days,
            previous.laws,
            previous.areas,
        )

    def draft_of(self, order_id: int) -> tuple[int, bool]:
        """The draft in which the board's order is changed (DEL-12): the board's draft if it
        has one, else a new draft copied from the version. Returns the draft's id and whether
        it was made now (so an undo removes only a draft it made)."""
        with self._editor.edit() as session:
            order = _order(session, order_id)
            if order.status is OrderStatus.DRAFT:
                return order.id, False
            existing = session.scalars(
                select(DelegationOrderRow.id)
                .where(
                    DelegationOrderRow.board_unit_id == order.board_unit_id,
                    DelegationOrderRow.status == OrderStatus.DRAFT,
                )
                .order_by(DelegationOrderRow.id.desc())
                .limit(1)
            ).first()
            if existing is not None:
                return existing, False
            draft = DelegationOrderRow(
                board_unit_id=order.board_unit_id, status=OrderStatus.DRAFT, notes=order.notes
            )
            session.add(draft)
            session.flush()
            rows = session.scalars(
                select(DelegationItemRow)
                .where(DelegationItemRow.order_id == order.id)
                .order_by(DelegationItemRow.position)
            ).all()
            for row in rows:
                session.add(
                    DelegationItemRow(
                        order_id=draft.id,
                        position=row.position,
                        **item_columns(item_record(row)),
                    )
                )
            self._editor.audit(
                session,
                "delegation_order.create",
                ObjectKind.DELEGATION_ORDER,
                draft.id,
                {"board": order.board_unit_id, "copied_from": order.id, "items": len(rows)},
            )
            return draft.id, True

    def delete_draft(self, order_id: int) -> None:
        with self._editor.edit() as session:
            order = _order(session, order_id)
            if order.status is not OrderStatus.DRAFT:
                raise refusal(
                    "DATA-7",
                    "Bara ett utkast kan tas bort; en antagen delegationsordning ersätts av en "
                    "ny version.",
                    "Only a draft can be removed; an adopted order is replaced by a new version.",
                    ObjectKind.DELEGATION_ORDER,
                    order_id,
                )
            session.delete(order)
            self._editor.audit(
                session, "delegation_order.delete", ObjectKind.DELEGATION_ORDER, order_id, {}
            )

    def add_item(
        self,
        order_id: int,
        item: DelegationItem,
        item_id: int | None = None,
        position: int | None = None,
    ) -> int:
        """Add an item, last in its order unless a position is given (the undo of a removal
        puts it back where it was)."""
        with self._editor.edit() as session:
            order = _order(session, order_id)
            _refuse_unless_draft(order)
            last = session.scalars(
                select(DelegationItemRow.position)
                .where(DelegationItemRow.order_id == order_id)
                .order_by(DelegationItemRow.position.desc())
                .limit(1)
            ).first()
            row = DelegationItemRow(
                order_id=order_id,
                position=position if position is not None else (last or 0) + 1,
                **item_columns(self._stamped(item, None)),
            )
            if item_id is not None:
                row.id = item_id
            session.add(row)
            session.flush()
            self._editor.audit(
                session,
                "delegation_item.create",
                ObjectKind.DELEGATION_ITEM,
                row.id,
                {"order": order_id, "number": item.number, "matter": item.matter},
            )
            return row.id

    def update_item(
        self, item_id: int, item: DelegationItem, loaded: DelegationItem | None = None
    ) -> DelegationItem:
        """Replace an item's contents; returns what it was (for undo). `loaded`: the item as
        the dialog showed it (changed since: refused, not overwritten)."""
        with self._editor.edit() as session:
            row = _item(session, item_id)
            _refuse_unless_draft(_order(session, row.order_id))
            previous = item_record(row)
            refuse_stale(loaded, previous, "punkten", "the item")
            for name, value in item_columns(self._stamped(item, previous)).items():
                setattr(row, name, value)
            self._editor.audit(
                session,
                "delegation_item.update",
                ObjectKind.DELEGATION_ITEM,
                item_id,
                {"number": item.number, "matter": item.matter},
            )
            return previous

    def delete_item(self, item_id: int) -> tuple[int, DelegationItem, int]:
        """Remove an item; returns its order, contents and position (for undo)."""
        with self._editor.edit() as session:
            row = _item(session, item_id)
            _refuse_unless_draft(_order(session, row.order_id))
            used = session.scalar(
                select(DelegatedDecision.id).where(DelegatedDecision.item_id == item_id).limit(1)
            )
            if used is not None:
                raise refusal(
                    "DATA-7",
                    "Det finns beslut fattade med stöd av punkten; den kan inte tas bort. Anta "
                    "en ny version av delegationsordningen utan den.",
                    "Decisions were taken under this item; adopt a new version without it.",
                    ObjectKind.DELEGATION_ITEM,
                    item_id,
                )
            previous = (row.order_id, item_record(row), row.position)
            session.delete(row)
            self._editor.audit(
                session, "delegation_item.delete", ObjectKind.DELEGATION_ITEM, item_id, {}
            )
            return previous

    def subdelegate(
        self,
        item_id: int,
        by_appointment_id: int,
        to: Delegate,
        valid_from: date,
        valid_to: date | None = None,
        notes: str = "",
        subdelegation_id: int | None = None,
    ) -> int:
        """The delegate passes the item on (DEL-10); refused where the item does not allow
        it, when the giver does not hold it, or to anything but an employee's position."""
        with self._editor.edit() as session:
            _item(session, item_id)
            if session.get(Appointment, by_appointment_id) is None:
                raise NotFoundError("Förordnandet", by_appointment_id)
            row = SubdelegationRow(
                item_id=item_id,
                by_appointment_id=by_appointment_id,
                to_kind=to.kind,
                to_role=to.role,
                to_title=to.title,
                to_unit_id=to.unit_id,
                valid_from=valid_from,
                valid_to=valid_to,
                notes=notes,
            )
            if subdelegation_id is not None:
                row.id = subdelegation_id
            session.add(row)
            session.flush()
            self._editor.audit(
                session,
                "subdelegation.create",
                ObjectKind.SUBDELEGATION,
                row.id,
                {"item": item_id, "by": by_appointment_id, "from": valid_from},
            )
            return row.id

    def end_subdelegation(self, subdelegation_id: int, on: date | None) -> date | None:
        """End (or, with None, reopen) a vidaredelegation; returns its previous end."""
        with self._editor.edit() as session:
            row = session.get(SubdelegationRow, subdelegation_id)
            if row is None:
                raise NotFoundError("Vidaredelegationen", subdelegation_id)
            previous = row.valid_to
            row.valid_to = on
            self._editor.audit(
                session,
                "subdelegation.end",
                ObjectKind.SUBDELEGATION,
                subdelegation_id,
                {"before": previous, "after": on},
            )
            return previous

    def delete_subdelegation(self, subdelegation_id: int) -> None:
        """The undo of `subdelegate`."""
        with self._editor.edit() as session:
            row = session.get(SubdelegationRow, subdelegation_id)
            if row is None:
                raise NotFoundError("Vidaredelegationen", subdelegation_id)
            self._editor.audit(
                session,
                "subdelegation.delete",
                ObjectKind.SUBDELEGATION,
                subdelegation_id,
                {"item_id": row.item_id},
            )
            session.delete(row)

    def create_from_import(
        self,
        board_unit_id: int,
        items: Sequence[DelegationItem],
        adopted_on: date | None,
        paragraph: str,
        titles: Sequence[str],
    ) -> tuple[int, list[str]]:
        """What an import writes, in one transaction: the new version, its adoption (if a
        date is given) and the titled positions it names that are not known yet. Returns the
        version's id and the positions created."""
        with self._editor.joined():
            order_id = self.create_order(board_unit_id, items)
            if adopted_on is not None:
                self.adopt(order_id, adopted_on, paragraph)
            created = self.ensure_titled_positions(titles) if titles else []
        return order_id, created

    def ensure_titled_positions(
        self, titles: Sequence[str], descriptions: Mapping[str, str] | None = None
    ) -> list[str]:
        """Make the titled positions known (e.g. "Kommunjurist"), a new one with its
        description if one is given; returns the new ones."""
        with self._editor.edit() as session:
            known = {t.casefold() for t in session.scalars(select(TitledPosition.title))}
            created = []
            for title in dict.fromkeys(t.strip() for t in titles if t.strip()):
                if title.casefold() not in known:
                    description = (descriptions or {}).get(title, "").strip()
                    session.add(TitledPosition(title=title, description=description))
                    known.add(title.casefold())
                    created.append(title)
            if created:
                self._editor.audit(
                    session,
                    "titled_position.create",
                    ObjectKind.DELEGATION_ITEM,
                    0,
                    {"titles": created},
                )
            return created


class DelegatedDecisionService:
    def __init__(self, editor: Editor) -> None:
        self._editor = editor

    def record(
        self,
        item_id: int,
        appointment_id: int,
        decided_on: date,
        description: str,
        case_number: str = "",
        need_tested_on: date | None = None,
        consulted_on: date | None = None,
        appealable: bool = False,
        *,
        need_tested_by: str = "",
        consulted_with: str = "",
        concerns_person_id: int | None = None,
    ) -> int:
        """Record a decision taken on delegation; refused unless the decision-maker held the
        right that day (DEL-1; not after KF took the matter back, DEL-4), it is not dated
        ahead, and for HR-2/HR-3 decisions the prior step is recorded: when (on or before
        the decision) and by whom. A decision about the decision-maker is refused (DEL-13)."""
        today = self._editor.clock()
        need_tested_by, consulted_with = need_tested_by.strip(), consulted_with.strip()
        with self._editor.edit() as session:
            row = _item(session, item_id)
            item = item_record(row)
            appointment = session.get(Appointment, appointment_id)
            if appointment is None:
                raise NotFoundError("Förordnandet", appointment_id)
            if not description.strip():
                raise refusal(
                    "DATA-2",
                    "Beskriv beslutet kort.",
                    "Describe the decision briefly.",
                    ObjectKind.DELEGATION_ITEM,
                    item_id,
                    "description",
                )
            if decided_on > today:
                raise refusal(
                    "DATA-1",
                    f"Beslutet är daterat {decided_on}, efter i dag ({today}): ett beslut "
                    "registreras när det har fattats.",
                    f"The decision is dated {decided_on}, after today ({today}).",
                    ObjectKind.DELEGATION_ITEM,
                    item_id,
                    "decided_on",
                )
            if concerns_person_id is not None and concerns_person_id == appointment.person_id:
                raise refusal(
                    "DEL-13",
                    "Beslutet gäller beslutsfattaren själv: ingen beslutar i ett ärende som rör "
                    "hen själv (jäv, KL 6 kap 28 §). Ärendet beslutas av ersättaren, chefen "
                    "eller nämnden.",
                    "The decision concerns the decision-maker: nobody decides their own matter.",
                    ObjectKind.DELEGATION_ITEM,
                    item_id,
                    "concerns",
                )
            data = self._editor.committed(session, decided_on)
            org, subdelegations, orders = data.org, data.subdelegations, data.orders
            recall = recalls_in(orders, data.matters, decided_on).get(item_id)
            if recall is not None:
                raise refusal(
                    "DEL-4",
                    f"Fullmäktige återtog ärendet ({item.number} {item.matter}) den "
                    f"{recall.decided_on}{_paragraph_text(recall.paragraph)}: det kan inte "
                    "längre beslutas på delegation.",
                    f"The council took this matter back on {recall.decided_on}.",
                    ObjectKind.DELEGATION_ITEM,
                    item_id,
                    "item",
                )
            rights = [
                r
                for r in rights_of_person(
                    org, orders, appointment.person_id, decided_on, subdelegations, {item_id}
                )
                if r.item.id == item_id and r.appointment.id == appointment_id
            ]
            if not rights:
                raise refusal(
                    "DEL-1",
                    f"{org.person_label(appointment.person_id)} hade inte rätt att besluta i "
                    f"ärendet ({item.number} {item.matter}) den {decided_on}; nämnden beslutar.",
                    f"The decision-maker did not hold the right for this matter on {decided_on}.",
                    ObjectKind.DELEGATION_ITEM,
                    item_id,
                    "decided_by",
                )
            _refuse_a_late_or_unnamed_step(
                item,
                NEED_TEST_KINDS,
                need_tested_on,
                need_tested_by,
                decided_on,
                "HR-2",
                "need_tested",
                "Behovet av anställningen",
            )
            _refuse_a_late_or_unnamed_step(
                item,
                CONSULTATION_KINDS,
                consulted_on,
                consulted_with,
                decided_on,
                "HR-3",
                "consulted",
                "Samrådet",
            )
            if item.decision_kind in NEED_TEST_KINDS and need_tested_on is None:
                raise refusal(
                    "HR-2",
                    "Innan rekrytering ska behovet av anställningen ha prövats av "
                    "stadsdirektören och personaldirektören; ange när det gjordes.",
                    "The need for the position must have been tested first; give the date.",
                    ObjectKind.DELEGATION_ITEM,
                    item_id,
                    "need_tested_on",
                )
            if item.decision_kind in CONSULTATION_KINDS and consulted_on is None:
                raise refusal(
                    "HR-3",
                    "Beslutet ska föregås av samråd med enhetschefens chef; ange när det skedde.",
                    "The decision must be preceded by consultation with the manager's chief.",
                    ObjectKind.DELEGATION_ITEM,
                    item_id,
                    "consulted_on",
                )
            decision = DelegatedDecision(
                subdelegation_id=_subdelegation_used(rights, subdelegations),
                item_id=item_id,
                decided_by_appointment_id=appointment_id,
                decided_on=decided_on,
                description=description.strip(),
                case_number=case_number.strip(),
                need_tested_on=need_tested_on,
                consulted_on=consulted_on,
                appealable=appealable,
                need_tested_by=need_tested_by,
                consulted_with=consulted_with,
                concerns_person_id=concerns_person_id,
            )
            session.add(decision)
            session.flush()
            self._editor.audit(
                session,
                "delegated_decision.create",
                ObjectKind.DELEGATION_ITEM,
                item_id,
                {"decision": decision.id, "on": decided_on, "case": case_number},
            )
            return decision.id

    def mark_reported(
        self, decision_ids: Sequence[int], reported_on: date
    ) -> dict[int, date | None]:
        """Record that the decisions were reported to the board (DEL-11); returns the
        previous dates (for undo)."""
        with self._editor.edit() as session:
            previous: dict[int, date | None] = {}
            for decision_id in decision_ids:
                decision = _decision(session, decision_id)
                previous[decision_id] = decision.reported_on
                decision.reported_on = reported_on
            self._editor.audit(
                session,
                "delegated_decision.reported",
                ObjectKind.DELEGATION_ITEM,
                0,
                {"decisions": list(decision_ids), "on": reported_on},
            )
            return previous

    def restore_reported(self, previous: dict[int, date | None]) -> None:
        with self._editor.edit() as session:
            for decision_id, reported_on in previous.items():
                decision = session.get(DelegatedDecision, decision_id)
                if decision is not None:
                    decision.reported_on = reported_on
            self._editor.audit(
                session,
                "delegated_decision.reported.undo",
                ObjectKind.DELEGATED_DECISION,
                0,
                {"restored": previous},
            )

    def mark_recorded_separately(
        self, decision_ids: Sequence[int], recorded_on: date
    ) -> dict[int, date | None]:
        """Record that decisions the board does not want reported, but which may be appealed by
        laglighetsprövning, were recorded separately (protokollförts särskilt, DEL-11);
        returns the previous dates (for undo)."""
        with self._editor.edit() as session:
            previous: dict[int, date | None] = {}
            for decision_id in decision_ids:
                decision = _decision(session, decision_id)
                item = item_record(_item(session, decision.item_id))
                if report_route(item, decision.appealable) is not ReportRoute.SEPARATE_RECORD:
                    raise refusal(
                        "DEL-11",
                        f"Beslutet {decision.case_number or decision_id} "
                        + (
                            "anmäls till nämnden och protokollförs inte särskilt."
                            if item.report_to_board
                            else "kan inte laglighetsprövas och protokollförs inte särskilt."
                        ),
                        "Only a decision that is not reported but may be appealed under KL 13 "
                        "kap. is recorded separately.",
                        ObjectKind.DELEGATED_DECISION,
                        decision_id,
                        "recorded_separately_on",
                    )
                previous[decision_id] = decision.recorded_separately_on
                decision.recorded_separately_on = recorded_on
            self._editor.audit(
                session,
                "delegated_decision.recorded_separately",
                ObjectKind.DELEGATED_DECISION,
                0,
                {"decisions": list(decision_ids), "on": recorded_on},
            )
            return previous

    def restore_recorded_separately(self, previous: dict[int, date | None]) -> None:
        with self._editor.edit() as session:
            for decision_id, recorded_on in previous.items():
                _decision(session, decision_id).recorded_separately_on = recorded_on
            self._editor.audit(
                session,
                "delegated_decision.recorded_separately.undo",
                ObjectKind.DELEGATED_DECISION,
                0,
                {"restored": previous},
            )

    def set_appealable(
        self, decision_ids: Sequence[int], appealable: bool
    ) -> dict[int, tuple[bool, date | None]]:
        """Correct whether decisions may be appealed by laglighetsprövning; one that may not
        loses its separate record. Returns what they were (for undo)."""
        with self._editor.edit() as session:
            previous: dict[int, tuple[bool, date | None]] = {}
            for decision_id in decision_ids:
                decision = _decision(session, decision_id)
                previous[decision_id] = (decision.appealable, decision.recorded_separately_on)
                decision.appealable = appealable
                if not appealable:
                    decision.recorded_separately_on = None
            self._editor.audit(
                session,
                "delegated_decision.appealable",
                ObjectKind.DELEGATED_DECISION,
                0,
                {"decisions": list(decision_ids), "appealable": appealable},
            )
            return previous

    def restore_appealable(self, previous: dict[int, tuple[bool, date | None]]) -> None:
        with self._editor.edit() as session:
            for decision_id, (appealable, recorded_on) in previous.items():
                decision = _decision(session, decision_id)
                decision.appealable, decision.recorded_separately_on = appealable, recorded_on
            self._editor.audit(
                session,
                "delegated_decision.appealable.undo",
                ObjectKind.DELEGATED_DECISION,
                0,
                {"restored": {k: list(v) for k, v in previous.items()}},
            )

    def delete(self, decision_id: int) -> None:
        """Remove a decision recorded by mistake (the undo of recording it)."""
        with self._editor.edit() as session:
            decision = _decision(session, decision_id)
            self._editor.audit(
                session,
                "delegated_decision.delete",
                ObjectKind.DELEGATED_DECISION,
                decision_id,
                {
                    "item_id": decision.item_id,
                    "decided_on": decision.decided_on,
                    "case_number": decision.case_number,
                    "description": decision.description,
                },
            )
            session.delete(decision)


def _subdelegation_used(rights: list[Right], subdelegations: list[Subdelegation]) -> int | None:
    """When the decision-maker holds the right only through a vidaredelegation: which one."""
    if any(r.via is not Via.SUBDELEGATION for r in rights):
        return None
    for right in rights:
        for sub in subdelegations:
            if (
                sub.item_id == right.item.id
                and right.through is not None
                and (sub.by_appointment_id == right.through.id)
            ):
                return sub.id
    return None


def _paragraph_text(paragraph: str) -> str:
    return f" ({paragraph})" if paragraph else ""


def _decision(session: Session, decision_id: int) -> DelegatedDecision:
    decision = session.get(DelegatedDecision, decision_id)
    if decision is None:
        raise NotFoundError("Beslutet", decision_id)
    return decision


def _order(session: Session, order_id: int) -> DelegationOrderRow:
    order = session.get(DelegationOrderRow, order_id)
    if order is None:
        raise NotFoundError("Delegationsordningen", order_id)
    return order


def _item(session: Session, item_id: int) -> DelegationItemRow:
    row = session.get(DelegationItemRow, item_id)
    if row is None:
        raise NotFoundError("Punkten", item_id)
    return row


def _board_setting(board_unit_id: int, row: BoardSettingRow | None) -> BoardSetting:
    return BoardSetting(board_unit_id) if row is None else board_setting_record(row)


def _refuse_a_late_or_unnamed_step(
    item: DelegationItem,
    kinds: frozenset[DecisionKind],
    done_on: date | None,
    done_by: str,
    decided_on: date,
    rule_id: str,
    field: str,
    what: str,
) -> None:
    """HR-2 / HR-3: the step before the decision is on or before it, and names who took it."""
    if item.decision_kind not in kinds or done_on is None:
        return  # a missing date is refused with its own message
    if done_on > decided_on:
        raise refusal(
            rule_id,
            f"{what} är daterat {done_on}, efter beslutet ({decided_on}); det ska föregå beslutet.",
            f"The step is dated {done_on}, after the decision ({decided_on}); it comes first.",
            ObjectKind.DELEGATION_ITEM,
            item.id,
            f"{field}_on",
        )
    if not done_by:
        raise refusal(
            rule_id,
            f"Ange vem som genomförde steget ({what.lower()}): "
            + (
                "stadsdirektören och personaldirektören."
                if rule_id == "HR-2"
                else "enhetschefen och hens chef."
            ),
            "Name who took the step.",
            ObjectKind.DELEGATION_ITEM,
            item.id,
            "need_tested_by" if rule_id == "HR-2" else "consulted_with",
        )


def _refuse_unless_draft(order: DelegationOrderRow) -> None:
    """DEL-12: the text of an adopted (or superseded) version is a record of the board's
    decision; changes go into a draft that the board then adopts."""
    if order.status is not OrderStatus.DRAFT:
        adopted = f" {order.adopted_on.isoformat()}" if order.adopted_on else ""
        paragraph = f" {order.paragraph}" if order.paragraph else ""
        raise refusal(
            "DEL-12",
            f"Versionen antagen{adopted}{paragraph} är nämndens beslut och ändras aldrig. "
            "Gör ändringen i ett utkast till ny version och låt nämnden anta det.",
            f"The version adopted{adopted}{paragraph} is the board's decision and never "
            "changes. Make the change in a draft of a new version for the board to adopt.",
            ObjectKind.DELEGATION_ORDER,
            order.id,
        )


def _refuse_if_superseded(order: DelegationOrderRow) -> None:
    if order.status is OrderStatus.SUPERSEDED:
        raise refusal(
            "DATA-7",
            "Den här versionen av delegationsordningen är ersatt och kan inte ändras.",
            "This version of the delegation order is superseded and cannot be changed.",
            ObjectKind.DELEGATION_ORDER,
            order.id,
        )
