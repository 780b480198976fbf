"""The guarded edit every service uses: one transaction, rule check, audit, or nothing at all."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from nacka_desktop.domain.enums import Severity
from nacka_desktop.domain.rules import ObjectKind, RuleViolationError, Violation
from nacka_desktop.storage.database import Database
from nacka_desktop.storage.errors import DatabaseLockedError
from nacka_desktop.storage.models import AuditEntry

from .checking import Dataset, ViolationCache

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


class Editor:
    """Runs one user edit in one transaction and refuses it if it adds a rule error."""

    def __init__(
        self,
        database: Database,
        clock: Clock,
        actor: str = "",
        cache: ViolationCache | None = None,
    ) -> None:
        self.database = database
        self.clock = clock
        self.actor = actor
        self.cache = cache if cache is not None else ViolationCache()

    @contextmanager
    def edit(self) -> Iterator[Session]:
        """The edit's session. The check before the edit comes from the cache (the database
        as it was after the last edit, or as first checked); the check after it reads and
        re-checks only what the edit changed, and once committed it is what the cache holds,
        so the Problems panel shows it without checking again."""
        today = self.clock()
        try:
            with self.database.transaction() as session:
                before = {v.key for v in self.cache.violations(session, today, today) if v.is_error}
                yield session
                session.flush()
                pending = self.cache.check_pending(session, today, today)
                added = [v for v in pending.violations if v.is_error and v.key not in before]
                if added:
                    raise RuleViolationError(added)
            self.cache.commit(pending)
        except StaleDataError as error:
            raise ConcurrentEditError() from error
        except OperationalError as error:
            if "locked" in str(error.orig).lower():
                raise DatabaseLockedError(self.database.location) from error
            raise

    def committed(self, session: Session) -> Dataset:
        """The records as committed, for an edit to read before it changes anything (the
        cached ones, unless the database has changed since)."""
        return self.cache.dataset(session)

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
