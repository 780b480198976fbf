"""The guarded edit every service uses: one transaction, rule check, audit, or nothing at all."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from nacka_desktop.domain.checks import check_organisation
from nacka_desktop.domain.council_checks import check_council_matters, check_decisions
from nacka_desktop.domain.delegation_checks import check_delegation
from nacka_desktop.domain.enums import Severity
from nacka_desktop.domain.rules import ObjectKind, RuleViolationError, Violation, sort_violations
from nacka_desktop.domain.work_checks import check_work_environment
from nacka_desktop.storage.database import Database
from nacka_desktop.storage.delegation_repository import (
    load_council_matters,
    load_decision_records,
    load_orders,
    load_subdelegations,
)
from nacka_desktop.storage.errors import DatabaseLockedError
from nacka_desktop.storage.models import AuditEntry
from nacka_desktop.storage.work_repository import load_work_snapshot

Clock = Callable[[], date]


_WHAT_EN = {"Enheten": "The unit", "Personen": "The person", "Förordnandet": "The appointment"}


class NotFoundError(LookupError):
    def __init__(self, what_sv: str, object_id: int) -> None:
        super().__init__(f"{what_sv} {object_id} finns inte (längre).")
        self.message = str(self)
        what_en = _WHAT_EN.get(what_sv, what_sv)
        self.message_en = f"{what_en} {object_id} does not exist (any more)."


class ConcurrentEditError(RuntimeError):
    def __init__(self) -> None:
        super().__init__(
            "Någon annan har ändrat samma uppgifter under tiden. Ladda om och gör ändringen igen."
        )
        self.message = str(self)
        self.message_en = (
            "Someone else changed the same data meanwhile. Reload and make the change again."
        )


def refusal(
    rule_id: str,
    sv: str,
    en: str,
    object_kind: ObjectKind,
    object_id: int,
    field: str | None = None,
) -> RuleViolationError:
    return RuleViolationError(
        [Violation(rule_id, Severity.ERROR, sv, en, object_kind, object_id, field)]
    )


def all_violations(session: Session, on: date | None, today: date) -> list[Violation]:
    """Every rule of every part of the app (ORG, AM, DATA), as the GUI and `check` show them."""
    work = load_work_snapshot(session)
    orders = load_orders(session)
    matters = load_council_matters(session)
    return sort_violations(
        check_organisation(work.org, on=on, today=today)
        + check_work_environment(work, on=on, today=today)
        + check_delegation(work.org, orders, on=on, subdelegations=load_subdelegations(session))
        + check_council_matters(work.org, matters, orders, on=on)
        + check_decisions(orders, load_decision_records(session), matters)
    )


class Editor:
    """Runs one user edit in one transaction and refuses it if it adds a rule error."""

    def __init__(self, database: Database, clock: Clock, actor: str = "") -> None:
        self.database = database
        self.clock = clock
        self.actor = actor

    def _error_keys(self, session: Session) -> set[tuple[str, str, int, str]]:
        return {v.key for v in self._errors(session)}

    def _errors(self, session: Session) -> list[Violation]:
        return [v for v in all_violations(session, self.clock(), self.clock()) if v.is_error]

    @contextmanager
    def edit(self) -> Iterator[Session]:
        try:
            with self.database.transaction() as session:
                before = self._error_keys(session)
                yield session
                session.flush()
                added = [v for v in self._errors(session) if v.key not in before]
                if added:
                    raise RuleViolationError(added)
        except StaleDataError as error:
            raise ConcurrentEditError() from error
        except OperationalError as error:
            if "locked" in str(error.orig).lower():
                raise DatabaseLockedError(self.database.location) from error
            raise

    def audit(
        self,
        session: Session,
        action: str,
        object_kind: ObjectKind,
        object_id: int,
        details: dict[str, Any],
    ) -> None:
        session.add(
            AuditEntry(
                action=action,
                object_kind=object_kind.value,
                object_id=object_id,
                actor=self.actor,
                details=_jsonable(details),
            )
        )


def _jsonable(details: dict[str, Any]) -> dict[str, Any]:
    def convert(value: Any) -> Any:
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, dict):
            return {str(k): convert(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [convert(v) for v in value]
        if hasattr(value, "value"):
            return value.value
        return value

    return {k: convert(v) for k, v in details.items()}
