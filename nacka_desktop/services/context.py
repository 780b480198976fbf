"""The application's services, built once per open database and passed to every front end."""

from __future__ import annotations

import getpass
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path

from nacka_desktop.domain.dates import today
from nacka_desktop.services.checking import ViolationCache
from nacka_desktop.services.delegation.council_matters import CouncilMatterService
from nacka_desktop.services.delegation.documents import DelegationDocuments
from nacka_desktop.services.delegation.orders import (
    DelegatedDecisionService,
    DelegationOrderService,
)
from nacka_desktop.services.delegation.queries import DelegationQueries
from nacka_desktop.services.editing import Clock, Editor
from nacka_desktop.services.letterhead import LetterheadService
from nacka_desktop.services.org.consequences import ConsequenceService
from nacka_desktop.services.org.people import AppointmentService, PersonService
from nacka_desktop.services.org.processes import ProcessService
from nacka_desktop.services.org.queries import OrgQueries
from nacka_desktop.services.org.units import UnitService
from nacka_desktop.services.signatures import SignatureService
from nacka_desktop.services.work_environment import DistributionService, TaskCatalogueService
from nacka_desktop.services.work_queries import WorkQueries
from nacka_desktop.storage.database import (
    Database,
    open_database,
    remembered_location,
    without_password,
)
from nacka_desktop.storage.errors import DatabaseOpenError

# What the window and the command line need of opening a database, so that they import the
# services only (an import contract keeps `ui` away from `storage`).
__all__ = [
    "DatabaseOpenError",
    "Services",
    "login_name",
    "remembered_location",
    "without_password",
]


def login_name() -> str:
    """Who is at the keyboard, for the audit trail and what a record says was set by whom."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or the password database
        return ""


@dataclass
class Services:
    database: Database
    clock: Clock
    units: UnitService
    persons: PersonService
    appointments: AppointmentService
    processes: ProcessService
    queries: OrgQueries
    tasks: TaskCatalogueService
    distributions: DistributionService
    work: WorkQueries
    delegation_orders: DelegationOrderService
    delegated_decisions: DelegatedDecisionService
    delegation: DelegationQueries
    delegation_documents: DelegationDocuments  # what the letters and registers show
    council_matters: CouncilMatterService
    consequences: ConsequenceService
    letterhead: LetterheadService
    signatures: SignatureService
    editor: Editor

    @classmethod
    def for_database(cls, database: Database, clock: Clock = today) -> Services:
        cache = ViolationCache()
        editor = Editor(database, clock, actor=login_name(), cache=cache)
        units, appointments = UnitService(editor), AppointmentService(editor)
        distributions = DistributionService(editor)
        queries = OrgQueries(database, clock, cache)
        return cls(
            database=database,
            clock=clock,
            units=units,
            persons=PersonService(editor),
            appointments=appointments,
            processes=ProcessService(editor),
            queries=queries,
            tasks=TaskCatalogueService(editor),
            distributions=distributions,
            work=WorkQueries(database, clock, cache),
            delegation_orders=DelegationOrderService(editor),
            delegated_decisions=DelegatedDecisionService(editor),
            delegation=DelegationQueries(database, cache),
            delegation_documents=DelegationDocuments(database, cache),
            council_matters=CouncilMatterService(editor),
            consequences=ConsequenceService(editor, units, appointments, queries),
            letterhead=LetterheadService(editor),
            signatures=SignatureService(editor, distributions),
            editor=editor,
        )

    @classmethod
    def open(cls, location: str | Path, clock: Clock = today, *, create: bool = True) -> Services:
        return cls.for_database(open_database(location, create=create), clock)

    def joined(self) -> AbstractContextManager[None]:
        """The edits made inside the block are one: checked once at the end, and committed
        or refused together (an import, the sample)."""
        return self.editor.joined()

    def close(self) -> None:
        self.database.close()
