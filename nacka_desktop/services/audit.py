"""The audit log's hash chain as the user sees it: DATA-8 in the Problems panel and `check`,
and the sentences `nacka-desktop audit verify` prints (storage/audit_chain.py verifies)."""

from __future__ import annotations

from datetime import UTC, datetime

from nacka_desktop.domain.enums import Severity
from nacka_desktop.domain.rules import ObjectKind, Violation, violation
from nacka_desktop.storage.audit_chain import BreakKind, BrokenLink, ChainState, verify
from nacka_desktop.storage.database import Database

_WHY_SV = {
    BreakKind.CONTENT_CHANGED: "innehållet har ändrats efter att det skrevs",
    BreakKind.LINK_BROKEN: (
        "länken till föregående post stämmer inte: en post har tagits bort eller lagts till"
    ),
    BreakKind.UNCHAINED: "posten saknar kedjans hashvärden: den har skrivits förbi appen",
}
_WHY_EN = {
    BreakKind.CONTENT_CHANGED: "its content was changed after it was written",
    BreakKind.LINK_BROKEN: (
        "the link to the entry before does not match: an entry was deleted or inserted"
    ),
    BreakKind.UNCHAINED: "the entry has no chain hashes: it was written past the app",
}
# What an action did, in words ("unit.update" → "Ändra enhet"); one not listed is shown as is.
_VERBS = {
    "create": ("Skapa", "Create"),
    "update": ("Ändra", "Change"),
    "delete": ("Ta bort", "Delete"),
    "close": ("Avveckla", "Close"),
    "reopen": ("Återöppna", "Reopen"),
    "end": ("Avsluta", "End"),
    "sign": ("Underteckna", "Sign"),
    "adopt": ("Anta", "Adopt"),
}
_OBJECTS = {
    "unit": ("enhet", "unit"),
    "person": ("person", "person"),
    "appointment": ("förordnande", "appointment"),
    "process": ("process", "process"),
    "work_task": ("arbetsmiljöuppgift", "work-environment task"),
    "distribution": ("fördelning", "distribution"),
    "delegation_order": ("delegationsordning", "delegation order"),
    "delegation_item": ("delegationspunkt", "delegation item"),
    "subdelegation": ("vidaredelegation", "subdelegation"),
    "delegated_decision": ("delegationsbeslut", "delegated decision"),
    "council_matter": ("ärende", "council matter"),
    "titled_position": ("befattning", "titled position"),
}


def action_label(action: str, english: bool = False) -> str:
    kind, _, verb = action.partition(".")
    if verb in _VERBS and kind in _OBJECTS:
        words = _VERBS[verb][english], _OBJECTS[kind][english]
        return f"{words[0]} {words[1]}"
    return action


def local_date(moment: datetime) -> str:
    """The entry's day on this computer's clock (stored in UTC; SQLite gives it back naive)."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.astimezone().date().isoformat()


def describe(link: BrokenLink, english: bool = False) -> str:
    """ "Post 123 (2026-05-01, Ändra enhet): innehållet har ändrats efter att det skrevs"."""
    entry = "Entry" if english else "Post"
    why = (_WHY_EN if english else _WHY_SV)[link.kind]
    when = local_date(link.created_at)
    return f"{entry} {link.entry_id} ({when}, {action_label(link.action, english)}): {why}"


def chain_violations(state: ChainState) -> list[Violation]:
    """DATA-8 at the first broken link, if the chain has one."""
    link = state.broken
    if link is None:
        return []
    return [
        violation(
            "DATA-8",
            Severity.ERROR,
            f"Granskningsloggen är bruten. {describe(link)}.",
            f"The audit log is broken. {describe(link, english=True)}.",
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
