"""Build the sample organisation through the front door: every row is entered by the services
a user's edits go through, and the whole sample is one edit, checked once by the rules at the
end and committed, or refused and rolled back. So the sample cannot hold anything the services
would refuse, and its audit trail tells how it was made."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from nacka_desktop.domain.rules import RuleViolationError
from nacka_desktop.sample import data
from nacka_desktop.sample.delegation import DelegationBuilder
from nacka_desktop.sample.organisation import OrganisationBuilder
from nacka_desktop.sample.work import WorkBuilder
from nacka_desktop.services.context import Services
from nacka_desktop.storage.database import Database


@dataclass(frozen=True)
class SampleSummary:
    units: int
    persons: int
    appointments: int
    processes: int
    distributions: int
    delegation_items: int
    decisions: int


class SampleRefusedError(RuntimeError):
    """The sample's data breaks a rule: a developer's mistake in `data/*.toml`."""


def build_sample_organisation(database: Database, today: date) -> SampleSummary:
    """Enter the sample organisation into an empty database, valid and checked on `today`."""
    services = Services.for_database(database, clock=lambda: today)
    if services.queries.snapshot().units:
        raise ValueError(
            "Databasen innehåller redan enheter. Exempelorganisationen kan bara läggas in "
            "i en tom databas."
        )
    try:
        with services.joined():
            organisation = OrganisationBuilder(services, data.organisation(), today).build()
            distributions = WorkBuilder(
                services, data.work(), data.organisation(), organisation, today
            ).build()
            delegation = DelegationBuilder(services, data.delegation(), organisation, today).build()
    except RuleViolationError as error:
        listed = "; ".join(f"{v.rule_id} {v.object_label}: {v.message}" for v in error.violations)
        raise SampleRefusedError(f"Exempelorganisationen bryter mot reglerna: {listed}") from error
    return SampleSummary(
        units=len(organisation.units),
        persons=len(organisation.persons),
        appointments=len(organisation.appointments),
        processes=organisation.processes,
        distributions=len(distributions),
        delegation_items=delegation.items,
        decisions=len(delegation.decisions),
    )
