"""Processes (styr-, huvud- och stödprocesser) and their owners (ORG-9)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from nacka_desktop.domain.enums import ProcessKind
from nacka_desktop.domain.rules import ObjectKind
from nacka_desktop.services.editing import Editor, NotFoundError
from nacka_desktop.storage.models import Person, Process


@dataclass(frozen=True)
class ProcessView:
    id: int
    name: str
    kind: ProcessKind
    description: str
    owner_person_id: int | None


class ProcessService:
    def __init__(self, editor: Editor) -> None:
        self._editor = editor

    def create(
        self,
        name: str,
        kind: ProcessKind,
        owner_person_id: int | None,
        description: str = "",
    ) -> int:
        with self._editor.edit() as session:
            _check_owner_exists(session, owner_person_id)
            process = Process(
                name=name, kind=kind, owner_person_id=owner_person_id, description=description
            )
            session.add(process)
            session.flush()
            self._editor.audit(
                session,
                "process.create",
                ObjectKind.PROCESS,
                process.id,
                {"name": name, "kind": kind, "owner": owner_person_id},
            )
            return process.id

    def set_owner(self, process_id: int, owner_person_id: int | None) -> int | None:
        with self._editor.edit() as session:
            process = session.get(Process, process_id)
            if process is None:
                raise NotFoundError("Processen", process_id)
            _check_owner_exists(session, owner_person_id)
            previous = process.owner_person_id
            process.owner_person_id = owner_person_id
            self._editor.audit(
                session,
                "process.owner",
                ObjectKind.PROCESS,
                process_id,
                {"before": previous, "after": owner_person_id},
            )
            return previous

    def list(self) -> list[ProcessView]:
        with self._editor.database.reader() as session:
            return [
                ProcessView(p.id, p.name, p.kind, p.description, p.owner_person_id)
                for p in session.scalars(select(Process).order_by(Process.kind, Process.name))
            ]


def _check_owner_exists(session: Session, person_id: int | None) -> None:
    if person_id is not None and session.get(Person, person_id) is None:
        raise NotFoundError("Personen", person_id)
