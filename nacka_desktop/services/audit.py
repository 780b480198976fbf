"""The audit log's hash chain as the user sees it: DATA-8 in the Problems panel and `check`,
and the sentences `nacka-desktop audit verify` prints (storage/audit_chain.py verifies)."""

from __future__ import annotations

from datetime import UTC, datetime

from nacka_desktop.domain.enums import Severity
from nacka_desktop.domain.labels import audit_action_label
from nacka_desktop.domain.language import Language
from nacka_desktop.domain.rules import ObjectKind, Violation, violation
from nacka_desktop.storage.audit_chain import BreakKind, BrokenLink, ChainState, verify
from nacka_desktop.storage.database import Database

# Why the chain breaks at an entry, in words.
_WHY: dict[BreakKind, tuple[str, str]] = {
    BreakKind.CONTENT_CHANGED: (
        "innehållet har ändrats efter att det skrevs",
        "its content was changed after it was written",
    ),
    BreakKind.LINK_BROKEN: (
        "länken till föregående post stämmer inte: en post har tagits bort eller lagts till",
        "the link to the entry before does not match: an entry was deleted or inserted",
    ),
    BreakKind.UNCHAINED: (
        "posten saknar kedjans hashvärden: den har skrivits förbi appen",
        "the entry has no chain hashes: it was written past the app",
    ),
}


def local_date(moment: datetime) -> str:
    """The entry's day on this computer's clock (stored in UTC; SQLite gives it back naive)."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.astimezone().date().isoformat()


def describe(link: BrokenLink, language: Language = Language.SWEDISH) -> str:
    """ "Post 123 (2026-05-01, Ändra enhet): innehållet har ändrats efter att det skrevs"."""
    entry = language.pick("Post", "Entry")
    why = language.pick(*_WHY[link.kind])
    action = audit_action_label(link.action, language)
    return f"{entry} {link.entry_id} ({local_date(link.created_at)}, {action}): {why}"


def chain_violations(state: ChainState) -> list[Violation]:
    """DATA-8 at the first broken link, if the chain has one."""
    link = state.broken
    if link is None:
        return []
    return [
        violation(
            "DATA-8",
            Severity.ERROR,
            f"Granskningsloggen är bruten. {describe(link, Language.SWEDISH)}.",
            f"The audit log is broken. {describe(link, Language.ENGLISH)}.",
            ObjectKind.AUDIT_ENTRY,
            link.entry_id,
            label=f"Granskningsloggen, post {link.entry_id}",
            label_en=f"Audit log, entry {link.entry_id}",
        )
    ]


def verify_database(database: Database) -> ChainState:
    """The whole chain verified, as `nacka-desktop audit verify` reports it."""
    with database.reader() as session:
        return verify(session)
