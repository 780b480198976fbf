"""Use cases of matters moved between a board and KF: a board refers a matter of principle to
KF, KF takes a matter back, KS prepares and KF decides (DEL-3, DEL-4, DEL-5). Each one
transaction, checked, audited."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from nacka_desktop.domain.delegation.council_matters import CouncilMatter, CouncilMatterKind
from nacka_desktop.domain.rules import ObjectKind
from nacka_desktop.services.editing import Editor, NotFoundError, refusal, refuse_stale
from nacka_desktop.storage.models import (
    CouncilMatterRow,
    DelegationItemRow,
    DelegationOrderRow,
    Unit,
)
from nacka_desktop.storage.repositories.delegation import (
    council_matter_columns,
    council_matter_record,
)


class CouncilMatterService:
    def __init__(self, editor: Editor) -> None:
        self._editor = editor

    def record(self, matter: CouncilMatter, matter_id: int | None = None) -> int:
        """Record a referral to KF or KF taking a matter back; refused where the law keeps
        the matter with the board (DEL-3) or a role (DEL-5), or a referral goes to KS (DEL-4).
        `matter_id` puts a removed one back (undo)."""
        with self._editor.edit() as session:
            matter = self._validated(session, matter)
            row = CouncilMatterRow(**council_matter_columns(matter))
            if matter_id is not None:
                row.id = matter_id
            session.add(row)
            session.flush()
            self._editor.audit(
                session,
                f"council_matter.{matter.kind.value}",
                ObjectKind.COUNCIL_MATTER,
                row.id,
                {"board": matter.board_unit_id, "matter": matter.matter, "on": matter.decided_on},
            )
            return row.id

    def update(
        self, matter_id: int, matter: CouncilMatter, loaded: CouncilMatter | None = None
    ) -> CouncilMatter:
        """Change a matter (e.g. KS prepared it, KF decided it); returns what it was.
        `loaded`: the matter as the dialog showed it (changed since: refused)."""
        with self._editor.edit() as session:
            row = _row(session, matter_id)
            previous = council_matter_record(row)
            refuse_stale(loaded, previous, "ärendet", "the matter")
            matter = self._validated(session, matter)
            for name, value in council_matter_columns(matter).items():
                setattr(row, name, value)
            self._editor.audit(
                session,
                "council_matter.update",
                ObjectKind.COUNCIL_MATTER,
                matter_id,
                {
                    "prepared_on": matter.prepared_on,
                    "council_decided_on": matter.council_decided_on,
                },
            )
            return previous

    def delete(self, matter_id: int) -> CouncilMatter:
        """Remove a matter recorded by mistake; returns it (for undo)."""
        with self._editor.edit() as session:
            row = _row(session, matter_id)
            previous = council_matter_record(row)
            session.delete(row)
            self._editor.audit(
                session, "council_matter.delete", ObjectKind.COUNCIL_MATTER, matter_id, {}
            )
            return previous

    def _validated(self, session: Session, matter: CouncilMatter) -> CouncilMatter:
        if session.get(Unit, matter.board_unit_id) is None:
            raise NotFoundError("Nämnden", matter.board_unit_id)
        if matter.item_id is not None:
            item = session.get(DelegationItemRow, matter.item_id)
            if item is None:
                raise NotFoundError("Punkten", matter.item_id)
            if item.legal_basis is not matter.legal_basis:
                raise refusal(
                    "DEL-3",
                    f"Punkten {item.number} har rättslig grund "
                    f"”{item.legal_basis.label_sv}”; det är lagen som avgör om "
                    "fullmäktige kan återta ärendet. Rätta punkten om grunden är fel.",
                    "The item's legal basis decides; correct the item if it is wrong.",
                    ObjectKind.COUNCIL_MATTER,
                    matter.id,
                    "legal_basis",
                )
            order = session.get(DelegationOrderRow, item.order_id)
            if order is not None and order.board_unit_id != matter.board_unit_id:
                raise refusal(
                    "DEL-2",
                    "Punkten hör till en annan nämnds delegationsordning; bara den nämnden "
                    "har ärendet i sitt reglemente.",
                    "The item belongs to another board's order.",
                    ObjectKind.COUNCIL_MATTER,
                    matter.id,
                    "item",
                )
        if matter.kind is CouncilMatterKind.RECALL and matter.item_id is not None:
            earlier = session.scalars(
                select(CouncilMatterRow).where(
                    CouncilMatterRow.kind == CouncilMatterKind.RECALL,
                    CouncilMatterRow.item_id == matter.item_id,
                    CouncilMatterRow.id != matter.id,
                )
            ).first()
            if earlier is not None:
                raise refusal(
                    "DEL-4",
                    f"Fullmäktige har redan återtagit ärendet den {earlier.decided_on}"
                    f"{' (' + earlier.paragraph + ')' if earlier.paragraph else ''}.",
                    "The council has already taken this matter back.",
                    ObjectKind.COUNCIL_MATTER,
                    matter.id,
                    "item",
                )
        if not matter.matter.strip():
            raise refusal(
                "DATA-2",
                "Beskriv ärendet.",
                "Describe the matter.",
                ObjectKind.COUNCIL_MATTER,
                matter.id,
                "matter",
            )
        return replace(
            matter,
            matter=matter.matter.strip(),
            paragraph=matter.paragraph.strip(),
            case_number=matter.case_number.strip(),
            council_paragraph=matter.council_paragraph.strip(),
            notes=matter.notes.strip(),
        )


def _row(session: Session, matter_id: int) -> CouncilMatterRow:
    row = session.get(CouncilMatterRow, matter_id)
    if row is None:
        raise NotFoundError("Ärendet", matter_id)
    return row
