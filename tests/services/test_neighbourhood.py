"""A unit's or person's page read from its neighbourhood says exactly what the whole
organisation says: who leads, whose chief is whom, which appointments, on any date."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from nacka_desktop.domain.responsibility import responsible_manager
from nacka_desktop.services.context import Services
from nacka_desktop.services.org.queries import (
    _appointments_in_unit,
    _appointments_of_person,
    _chiefs,
    appointment_view,
)
from tests.conftest import TODAY


def test_pages_from_the_neighbourhood_equal_pages_from_the_whole(
    sample: Services, db_path: Path
) -> None:
    whole = sample.queries.snapshot()
    local = Services.open(db_path, clock=lambda: TODAY, create=False)
    try:
        for on in (TODAY, TODAY - timedelta(days=900), TODAY + timedelta(days=200)):
            for unit_id in whole.units:
                unit_page = local.queries.unit_page(unit_id, on)
                manager = responsible_manager(whole, unit_id, on)
                assert unit_page.manager == (appointment_view(whole, manager) if manager else None)
                assert unit_page.appointments == _appointments_in_unit(whole, unit_id)
            for person_id in whole.persons:
                person_page = local.queries.person_page(person_id, on)
                assert person_page.chiefs == _chiefs(whole, person_id, on)
                assert person_page.appointments == _appointments_of_person(whole, person_id)
        # The pages were read without ever loading the whole organisation.
        with local.database.reader() as session:
            assert local.queries._cache.loaded(session, None) is None
    finally:
        local.close()


def test_work_views_from_the_neighbourhood_equal_those_from_the_whole(
    sample: Services, db_path: Path
) -> None:
    whole = Services.open(db_path, clock=lambda: TODAY, create=False)
    whole.work.snapshot()  # the whole organisation in memory: every view reads from it
    local = Services.open(db_path, clock=lambda: TODAY, create=False)
    try:
        work = whole.work.snapshot()
        for on in (TODAY, TODAY - timedelta(days=700)):
            for unit_id in work.org.units:
                assert local.work.holders_in_unit(unit_id, on) == whole.work.holders_in_unit(
                    unit_id, on
                )
                assert local.work.distributions_in_unit(
                    unit_id, on
                ) == whole.work.distributions_in_unit(unit_id, on)
            for person_id in work.org.persons:
                assert local.work.held_by_person(person_id, on) == whole.work.held_by_person(
                    person_id, on
                )
                assert local.work.distributions_of_person(
                    person_id, on
                ) == whole.work.distributions_of_person(person_id, on)
            for distribution_id in work.distributions:
                assert local.work.distribution(distribution_id, on) == whole.work.distribution(
                    distribution_id, on
                )
            for return_id in work.returns:
                assert local.work.task_return(return_id, on) == whole.work.task_return(
                    return_id, on
                )
        with local.database.reader() as session:
            assert local.work._cache.loaded(session, None) is None
    finally:
        local.close()
        whole.close()
