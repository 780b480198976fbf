"""The planned organisation as table rows, for bulk INSERTs with the ids already given."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from nacka_desktop.domain.delegation.orders import Delegate, DelegationItem
from nacka_desktop.domain.enums import ProcessKind
from nacka_desktop.sample import data as sample_data
from nacka_desktop.sample.scale._delegation import DelegationPlan, Item, Who
from nacka_desktop.sample.scale._org import Appt, Organisation, Person, Unit
from nacka_desktop.sample.scale._work import WorkPlan, texts
from nacka_desktop.storage.models import (
    Base,
    BoardSettingRow,
    DelegatedDecision,
    DelegationItemRow,
    DelegationOrderRow,
    TaskDistribution,
    TaskDistributionItem,
    TaskDistributionUnit,
    TaskReturn,
    TitledPosition,
)
from nacka_desktop.storage.repositories.delegation import item_columns

Row = dict[str, Any]
Batches = list[tuple[type[Base], list[Row]]]
# DEL-11: every board of the scaled organisation hears its delegated decisions monthly.
REPORT_WITHIN_DAYS = 31

GOVERNING = (
    "Ägar- och medborgardialog",
    "Omvärldspaning och analys",
    "Mål- och resultatstyrning",
    "Uppföljning och utvärdering",
    "Strategisk förnyelse",
)


class Rows:
    def __init__(
        self, org: Organisation, first_ids: dict[str, int], tasks: dict[str, int], stamp: datetime
    ) -> None:
        self.org = org
        self.start: date = org.start
        self.first_ids = first_ids
        self.tasks = tasks
        self.stamp = stamp

    def stamped(self, row: dict[str, Any], versioned: bool = True) -> dict[str, Any]:
        row["created_at"] = row["updated_at"] = self.stamp
        if versioned:
            row["version"] = 1
        return row

    def unit(self, unit: Unit) -> dict[str, Any]:
        return self.stamped(
            {
                "id": unit.id,
                "code": unit.code,
                "name": unit.name,
                "kind": unit.kind,
                "parent_id": unit.parent.id if unit.parent else None,
                "welfare_branch": unit.branch,
                "seats": unit.seats,
                "charter": unit.charter,
                "valid_from": self.start,
                "valid_to": None,
            }
        )

    def unit_history(self, unit: Unit) -> dict[str, Any]:
        """The unit's one history period (a bulk insert does not run the ORM's, see
        storage/models.py)."""
        return self.stamped(
            {
                "unit_id": unit.id,
                "valid_from": None,
                "valid_to": None,
                "parent_id": unit.parent.id if unit.parent else None,
                "kind": unit.kind,
                "name": unit.name,
                "code": unit.code,
            },
            versioned=False,
        )

    def person(self, person: Person) -> dict[str, Any]:
        return self.stamped(
            {
                "id": person.id,
                "employee_number": person.number,
                "first_name": person.first,
                "last_name": person.last,
                "title": person.title,
                "email": person.email,
            }
        )

    def appointment(self, appt: Appt) -> dict[str, Any]:
        return self.stamped(
            {
                "id": appt.id,
                "person_id": appt.person.id,
                "unit_id": appt.unit.id,
                "role": appt.role,
                "acting": appt.acting,
                "valid_from": appt.valid_from,
                "valid_to": appt.valid_to,
            }
        )

    def processes(self) -> list[dict[str, Any]]:
        """The city director owns the governing processes; each director their area's."""
        office = self.org.by_code["SLK"]
        rows = [
            (name, ProcessKind.GOVERNING, office.posts[-1].person, "stadsdirektören")
            for name in GOVERNING
        ]
        for area_unit in self.org.areas.values():
            assert area_unit.area is not None
            area = area_unit.area
            rows.append((area.process, area.process_kind, area_unit.posts[-1].person, area.name))
        first = self.first_ids["process"]
        return [
            self.stamped(
                {
                    "id": first + index,
                    "name": name,
                    "kind": kind,
                    "description": f"{kind.label_sv} med {owner.title.casefold()}en som "
                    f"processägare ({where}).",
                    "owner_person_id": owner.id,
                }
            )
            for index, (name, kind, owner, where) in enumerate(rows)
        ]

    def work(self, work: WorkPlan) -> Batches:
        distributions, links, items = [], [], []
        item_id = self.first_ids["task_distribution_item"]
        for dist in work.dists:
            absence, retained = texts(dist)
            distributions.append(
                self.stamped(
                    {
                        "id": dist.id,
                        "giver_appointment_id": dist.giver.id if dist.giver else None,
                        "receiver_appointment_id": dist.receiver.id,
                        "employer_signatory_id": dist.signatory.id if dist.signatory else None,
                        "valid_from": dist.valid_from,
                        "valid_to": dist.valid_to,
                        "signed_on": dist.signed_on,
                        "communicated_on": dist.communicated_on,
                        "may_pass_on": dist.may_pass_on,
                        "absence_arrangement": absence,
                        "retained_tasks": retained,
                        "followed_up_on": dist.followed_up_on,
                    }
                )
            )
            links.append({"distribution_id": dist.id, "unit_id": dist.unit.id})
            knowledge, competence, authority, resources = dist.confirmed
            for task in dist.tasks:
                returned = dist.returned.get(task)
                items.append(
                    self.stamped(
                        {
                            "id": item_id,
                            "distribution_id": dist.id,
                            "task_id": self.tasks[task],
                            "knowledge": knowledge,
                            "competence": competence,
                            "authority": authority,
                            "resources": resources,
                            "returned_on": returned[0] if returned else None,
                            "return_id": returned[1] if returned else None,
                        },
                        versioned=False,
                    )
                )
                item_id += 1
        returns = [
            self.stamped(
                {
                    "id": r.id,
                    "distribution_id": r.distribution.id,
                    "returned_on": r.returned_on,
                    "reasons": ",".join(reason.value for reason in r.reasons),
                    "explanation": r.explanation,
                },
                versioned=False,
            )
            for r in work.returns
        ]
        return [
            (TaskDistribution, distributions),
            (TaskDistributionUnit, links),
            (TaskReturn, returns),
            (TaskDistributionItem, items),
        ]

    def orders(self, plan: DelegationPlan) -> Batches:
        titles = sorted(
            {
                who.title
                for item in plan.items
                for who in (item.delegate, item.substitute)
                if who is not None and who.title
            }
        )
        first = self.first_ids["titled_position"]
        positions = [
            self.stamped(
                {
                    "id": first + index,
                    "title": title,
                    "description": f"{title}: en befattning som delegationsordningarna nämner.",
                }
            )
            for index, title in enumerate(titles)
        ]
        orders = [
            self.stamped(
                {
                    "id": order.id,
                    "board_unit_id": order.board.id,
                    "status": order.status,
                    "adopted_on": order.adopted_on,
                    "paragraph": order.paragraph,
                    "notes": order.notes,
                }
            )
            for order in plan.orders
        ]
        boards = {order.board.id: order.board for order in plan.orders}
        settings = []
        for board_id, board in sorted(boards.items()):
            head = plan.head(board)
            settings.append(
                self.stamped(
                    {
                        "board_unit_id": board_id,
                        "head_role": head.role,
                        "head_title": head.title,
                        "head_unit_id": head.unit_id,
                        "report_within_days": REPORT_WITHIN_DAYS,
                    }
                )
            )
        return [
            (TitledPosition, positions),
            (DelegationOrderRow, orders),
            (DelegationItemRow, [self._item(item) for item in plan.items]),
            (BoardSettingRow, settings),
        ]

    def _item(self, item: Item) -> dict[str, Any]:
        """The row as the services would write it (`item_columns`), in bulk."""
        tpl = item.tpl

        def delegate(who: Who) -> Delegate:
            return Delegate(who.kind, who.role, who.title, who.unit_id)

        record = DelegationItem(
            id=item.id,
            section=item.section,
            number=item.number,
            matter=item.matter,
            decision_kind=item.kind,
            delegate=delegate(item.delegate),
            substitute=delegate(item.substitute) if item.substitute else None,
            lagrum=tpl.lagrum,
            legal_basis=tpl.basis,
            limits=item.limits,
            subdelegation_allowed=item.subdelegation_allowed,
            report_to_board=tpl.report,
            notes=tpl.notes,
        )
        return self.stamped(
            {
                "id": item.id,
                "order_id": item.order.id,
                "position": item.position,
                **item_columns(record),
            },
            versioned=False,
        )

    def decisions(self, plan: DelegationPlan) -> Batches:
        steps = sample_data.delegation()  # who tests the need (HR-2) and who is consulted (HR-3)
        rows = [
            self.stamped(
                {
                    "id": d.id,
                    "item_id": d.item.id,
                    "decided_by_appointment_id": d.by.id,
                    "decided_on": d.decided_on,
                    "description": d.description,
                    "case_number": d.case_number,
                    "subdelegation_id": None,
                    "need_tested_on": d.need_tested_on,
                    "need_tested_by": steps.need_tested_by if d.need_tested_on else "",
                    "consulted_on": d.consulted_on,
                    "consulted_with": steps.consulted_with if d.consulted_on else "",
                    "reported_on": d.reported_on,
                    "appealable": d.appealable,
                    "recorded_separately_on": d.recorded_separately_on,
                }
            )
            for d in plan.decisions
        ]
        return [(DelegatedDecision, rows)]
