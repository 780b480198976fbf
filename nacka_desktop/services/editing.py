"""The guarded edit every service uses: one transaction, rule check, audit, or nothing at all."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Generic, TypeVar

from sqlalchemy import event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from nacka_desktop.domain.enums import Severity
from nacka_desktop.domain.language import Language
from nacka_desktop.domain.rules import ObjectKind, RuleViolationError, Violation
from nacka_desktop.services.checking import Dataset, ViolationCache, table_versions
from nacka_desktop.storage.database import Database
from nacka_desktop.storage.edited_rows import recording
from nacka_desktop.storage.errors import DatabaseLockedError
from nacka_desktop.storage.models import AuditEntry
from nacka_desktop.storage.text_limits import TextTooLongError, refuse_overlong_text, too_long

Clock = Callable[[], date]


# What a NotFoundError names, in English (tests/services/test_editing_language.py finds every
# name the services use, so that an English message never names a thing in Swedish).
_WHAT_EN = {
    "Arbetsmiljöuppgiften": "The work-environment task",
    "Beslutet": "The decision",
    "Brevet": "The letter",
    "Delegationsordningen": "The delegation order",
    "Enheten": "The unit",
    "Fördelningen": "The distribution",
    "Förordnandet": "The appointment",
    "Nämnden": "The board",
    "Personen": "The person",
    "Processen": "The process",
    "Punkten": "The item",
    "Underskriften": "The signature",
    "Uppgiften i fördelningen": "The task in the distribution",
    "Vidaredelegationen": "The subdelegation",
    "Ärendet": "The matter",
    "Återföringen": "The return",
}


class NotFoundError(LookupError):
    def __init__(self, what_sv: str, object_id: int) -> None:
        super().__init__(f"{what_sv} {object_id} finns inte (längre).")
        self.message = str(self)
        what_en = _WHAT_EN.get(what_sv, what_sv)
        self.message_en = f"{what_en} {object_id} does not exist (any more)."

    def text(self, language: Language) -> str:
        return language.pick(self.message, self.message_en)


class ConcurrentEditError(RuntimeError):
    def __init__(self) -> None:
        super().__init__(
            "Någon annan har ändrat samma uppgifter under tiden. Ladda om och gör ändringen igen."
        )
        self.message = str(self)
        self.message_en = (
            "Someone else changed the same data meanwhile. Reload and make the change again."
        )

    def text(self, language: Language) -> str:
        return language.pick(self.message, self.message_en)


class StaleEditError(ConcurrentEditError):
    """The form or dialog was filled from data someone else has changed since: saving it
    would silently undo their change (a lost update), so it is refused and reloaded."""

    def __init__(self, what_sv: str, what_en: str) -> None:
        RuntimeError.__init__(
            self,
            f"Någon annan har ändrat {what_sv} under tiden — ladda om. Uppgifterna visas nu "
            "som de är sparade; gör ändringen igen.",
        )
        self.message = str(self)
        self.message_en = (
            f"Someone else has changed {what_en} meanwhile — reload. The data is now shown as "
            "saved; make the change again."
        )


def refuse_stale(loaded: Any, saved: Any, what_sv: str, what_en: str) -> None:
    """Refuse a save made from `loaded` (a version number, or the record as the form read
    it; None: the caller loaded nothing, e.g. an undo) when the database holds `saved`."""
    if loaded is not None and loaded != saved:
        raise StaleEditError(what_sv, what_en)


def expect_on_undo(
    session: Session, previous: dict[str, Any], loaded: int | None, row: Any
) -> None:
    """A save from a form (`loaded` given) returns, with what it changed, the version it
    left: its undo is then refused if someone else has saved the record since, instead of
    undoing their change too. An undo (no `loaded`) returns nothing of the kind."""
    if loaded is not None:
        session.flush()
        previous["expected_version"] = row.version


class MissingAuditError(RuntimeError):
    """An edit wrote rows but no audit entry: a service that forgot its `Editor.audit`. Every
    change is a record of something done (issue 11); the edit is rolled back instead."""

    def __init__(self, tables: list[str]) -> None:
        super().__init__(f"Ändringen skrev {', '.join(tables)} utan en rad i granskningsloggen.")


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


T = TypeVar("T")


@dataclass
class _PreviewState:
    on: date
    before: set[tuple[str, str, int, str]] = field(default_factory=set)
    added: list[Violation] = field(default_factory=list)


_PREVIEW: ContextVar[_PreviewState | None] = ContextVar("edit_preview", default=None)
# The session of `Editor.joined`: the edits made inside it are parts of that one transaction.
_JOINED: ContextVar[Session | None] = ContextVar("joined_edit", default=None)


# Errors no edit can cause: a broken audit chain (DATA-8) found while an edit runs was made
# behind the app's back; it is shown in the Problems panel, and the edit is not refused for it.
_NOT_OF_AN_EDIT = frozenset({"DATA-8"})


class _RolledBack(Exception):
    """Ends a previewed edit's transaction without committing it."""


@dataclass(frozen=True)
class Preview(Generic[T]):
    """An edit tried and rolled back (`Editor.preview`)."""

    result: T | None  # what the edit returned; None if it would be refused
    added: list[Violation]  # new on the date, warnings included
    refused: list[Violation]  # the errors that would refuse it


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
        so the Problems panel shows it without checking again. Inside `preview`, the edit is
        checked and then rolled back."""
        joined = _JOINED.get()
        if joined is not None:  # part of a larger edit: it checks, audits and commits
            yield joined
            joined.flush()
            return
        today = self.clock()
        preview = _PREVIEW.get()
        if preview is None:  # the database as it was before the day's first edit
            self.database.back_up_daily(today)
        try:
            # A database opened read-only refuses here (DatabaseReadOnlyError), before a row.
            with self.database.transaction() as session:
                event.listen(session, "before_flush", refuse_overlong_text)
                before = {v.key for v in self.cache.violations(session, today, today) if v.is_error}
                if preview is not None:
                    shown = self.cache.violations(session, preview.on, today)
                    preview.before = {v.key for v in shown}
                with recording(session, table_versions(session, today)) as edited:
                    yield session
                    session.flush()
                if edited.writes_without_audit():
                    raise MissingAuditError(sorted(edited.rows))
                pending = self.cache.check_pending(session, today, today, edited)
                added = [
                    v
                    for v in pending.violations
                    if v.is_error and v.key not in before and v.rule_id not in _NOT_OF_AN_EDIT
                ]
                if preview is not None:
                    after = (
                        pending
                        if preview.on == today
                        else self.cache.check_pending(session, preview.on, today, edited)
                    )
                    preview.added = [v for v in after.violations if v.key not in preview.before]
                if added:
                    raise RuleViolationError(added)
                if preview is not None:
                    raise _RolledBack
            self.cache.commit(pending)
        except _RolledBack:
            return
        except StaleDataError as error:
            raise ConcurrentEditError() from error
        except TextTooLongError as error:
            raise _too_long(error) from error
        except OperationalError as error:
            if "locked" in str(error.orig).lower():
                raise DatabaseLockedError(self.database.location) from error
            raise

    @contextmanager
    def joined(self) -> Iterator[None]:
        """The edits made inside the block are one: one transaction, checked once at the
        end and committed, or refused and rolled back together (an import that creates a
        version, adopts it and adds titled positions leaves all of it or none)."""
        with self.edit() as session:
            token = _JOINED.set(session)
            try:
                yield
            finally:
                _JOINED.reset(token)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for what an edit reads before it starts: inside `joined`, the larger
        edit's own (the rows it has added are not committed yet), else a reader."""
        joined = _JOINED.get()
        if joined is not None:
            yield joined
            return
        with self.database.reader() as session:
            yield session

    def preview(self, action: Callable[[], T], on: date) -> Preview[T]:
        """Run the action's edit as far as its check, then roll it back: what it would
        return, and what the rules would find new on the date (warnings included), or the
        errors that would refuse it. Nothing is written, audited or cached."""
        state = _PreviewState(on)
        token = _PREVIEW.set(state)
        try:
            result = action()
        except RuleViolationError as error:
            return Preview(None, state.added, error.violations)
        finally:
            _PREVIEW.reset(token)
        return Preview(result, state.added, [])

    def committed(self, session: Session, on: date | None = None) -> Dataset:
        """The records as committed, the tree as on the date (default today), for an edit
        to read before it changes anything (the cached ones, unless the database has changed
        since)."""
        return self.cache.dataset(session, on or self.clock())

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


# The object a table's rows are shown as, for a refusal at the form's field.
_KIND_OF_TABLE = {
    "unit_history": ObjectKind.UNIT,
    "task_distribution": ObjectKind.DISTRIBUTION,
    "task_distribution_item": ObjectKind.DISTRIBUTION,
    "task_distribution_unit": ObjectKind.DISTRIBUTION,
    "titled_position": ObjectKind.DELEGATION_ITEM,
    "board_setting": ObjectKind.DELEGATION_ORDER,
}


def _too_long(error: TextTooLongError) -> RuleViolationError:
    kinds = {kind.value: kind for kind in ObjectKind}
    kind = _KIND_OF_TABLE.get(error.table) or kinds.get(error.table, ObjectKind.AUDIT_ENTRY)
    sv, en = too_long(error.length, error.limit)
    return RuleViolationError(
        [
            Violation(
                "DATA-2",
                Severity.ERROR,
                sv,
                en,
                kind,
                error.object_id or 0,
                error.field,
            )
        ]
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
