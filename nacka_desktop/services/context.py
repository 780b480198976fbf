"""The application's services, built once per open database and passed to every front end."""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from nacka_desktop.storage.database import Database, open_database

from .checking import ViolationCache
from .consequences import ConsequenceService
from .council_matters import CouncilMatterService
from .delegation import DelegatedDecisionService, DelegationOrderService
from .delegation_queries import DelegationQueries
from .editing import Clock, Editor
from .people import AppointmentService, PersonService
from .processes import ProcessService
from .queries import OrgQueries
from .units import UnitService
from .work_environment import DistributionService, TaskCatalogueService
from .work_queries import WorkQueries


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
    council_matters: CouncilMatterService
    consequences: ConsequenceService

    @classmethod
    def for_database(cls, database: Database, clock: Clock = date.today) -> Services:
        cache = ViolationCache()
        editor = Editor(database, clock, actor=login_name(), cache=cache)
        units, appointments = UnitService(editor), AppointmentService(editor)
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
            distributions=DistributionService(editor),
            work=WorkQueries(database, clock, cache),
            delegation_orders=DelegationOrderService(editor),
            delegated_decisions=DelegatedDecisionService(editor),
            delegation=DelegationQueries(database, cache),
            council_matters=CouncilMatterService(editor),
            consequences=ConsequenceService(editor, units, appointments, queries),
        )

    @classmethod
    def open(
        cls, location: str | Path, clock: Clock = date.today, *, create: bool = True
    ) -> Services:
        return cls.for_database(open_database(location, create=create), clock)

    def close(self) -> None:
        self.database.close()
