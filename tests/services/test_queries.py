"""Read-only questions: who managed a unit when, whose chief is whom, what the check finds."""

from __future__ import annotations

from datetime import date

import pytest

from nacka_desktop.domain.enums import Role, Severity
from nacka_desktop.services.context import Services
from nacka_desktop.services.editing import NotFoundError

from .builders import Line, add_person, appoint, build_line

TODAY = date(2026, 11, 26)
CHANGE = date(2026, 3, 1)


@pytest.fixture
def line(services: Services) -> Line:
    return build_line(services)


@pytest.fixture
def successor(services: Services, line: Line) -> int:
    """Karin Åberg leads Löneenheten until 2026-03-01 (exclusive); Olof Öst from then on."""
    services.appointments.end(line.unit_manager_post, CHANGE)
    person = add_person(services, "1001", "Olof", "Öst", "Enhetschef")
    return appoint(services, person, line.lon, Role.UNIT_MANAGER, CHANGE)


def test_manager_of_on_two_dates_across_a_change_of_manager(
    services: Services, line: Line, successor: int
) -> None:
    before = services.queries.manager_of(line.lon, date(2026, 2, 28))
    after = services.queries.manager_of(line.lon, CHANGE)
    assert before is not None
    assert after is not None
    assert (before.person_name, before.appointment.id) == ("Karin Åberg", line.unit_manager_post)
    assert (after.person_name, after.appointment.id) == ("Olof Öst", successor)
    assert after.unit_name == "Löneenheten"
    assert after.is_manager


def test_manager_of_before_anyone_was_appointed_is_none(services: Services, line: Line) -> None:
    assert services.queries.manager_of(line.lon, date(2019, 12, 31)) is None


def test_manager_of_a_missing_unit(services: Services) -> None:
    with pytest.raises(NotFoundError):
        services.queries.manager_of(999, TODAY)


def test_chiefs_of_a_unit_manager_is_the_director(services: Services, line: Line) -> None:
    [view] = services.queries.chiefs_of(line.unit_manager, TODAY)
    assert view.appointment.unit_name == "Löneenheten"
    assert view.chief is not None
    assert view.chief.person_name == "Petra Persson"
    assert view.chief.appointment.role is Role.DIRECTOR
    assert view.body_name is None


def test_chiefs_of_an_employee_follow_the_change_of_manager(
    services: Services, line: Line, successor: int
) -> None:
    employee = add_person(services, "1002", "Eva", "Ek")
    appoint(services, employee, line.lon, Role.EMPLOYEE)
    [early] = services.queries.chiefs_of(employee, date(2026, 1, 1))
    [late] = services.queries.chiefs_of(employee, TODAY)
    assert early.chief is not None
    assert late.chief is not None
    assert early.chief.person_name == "Karin Åberg"
    assert late.chief.person_name == "Olof Öst"


def test_line_of_the_city_director_ends_at_the_executive_board(
    services: Services, line: Line
) -> None:
    [view] = services.queries.chiefs_of(line.city_director, TODAY)
    assert view.chief is None
    assert view.body_name == "Kommunstyrelsen"


def test_chiefs_of_a_person_without_appointments_is_empty(services: Services) -> None:
    person = add_person(services, "1001", "Åsa", "Öberg")
    assert services.queries.chiefs_of(person, TODAY) == []
    with pytest.raises(NotFoundError):
        services.queries.chiefs_of(999, TODAY)


def test_check_on_a_date_includes_the_vacancy_warning(services: Services, line: Line) -> None:
    services.appointments.end(line.unit_manager_post, date(2026, 11, 1))
    on_today = services.queries.check(TODAY)
    vacancies = [v for v in on_today if v.rule_id == "ORG-8"]
    assert [(v.severity, v.object_id) for v in vacancies] == [(Severity.WARNING, line.lon)]
    assert "vakant" in vacancies[0].message
    assert not any(v.is_error for v in on_today)
    assert [v for v in services.queries.check(None) if v.rule_id == "ORG-8"] == []
    assert [v for v in services.queries.check(date(2026, 10, 31)) if v.rule_id == "ORG-8"] == []


def test_appointments_in_unit_list_the_manager_first(services: Services, line: Line) -> None:
    employee = add_person(services, "1001", "Anders", "Andersson")
    appoint(services, employee, line.lon, Role.EMPLOYEE)
    views = services.queries.appointments_in_unit(line.lon)
    assert [(v.person_name, v.is_manager) for v in views] == [
        ("Karin Åberg", True),
        ("Anders Andersson", False),
    ]
    assert views[0].role_label == "enhetschef"


def test_search_through_the_services(services: Services, line: Line) -> None:
    hits = services.queries.search("åberg")
    assert [(h.object_kind, h.id) for h in hits] == [("person", line.unit_manager)]
    assert [h.text for h in services.queries.search("lön")] == ["Löneenheten"]


def test_the_database_search_follows_the_one_search_rule(services: Services) -> None:
    """The SQL of the main search and the rule the pickers apply in Python
    (`domain.text.matches_search`) find the same persons, over the sample."""
    from nacka_desktop.domain.text import matches_search, search_words
    from tests.conftest import build_sample

    build_sample(services.database)
    persons = services.queries.snapshot().persons.values()
    sizes: dict[str, int] = {}
    for typed in ("an jo", "Linnea", "LINNÉA", "ö", "o", "enhetsch", "chef", "-", "hansson"):
        words = search_words(typed)
        expected = {
            p.id
            for p in persons
            if matches_search(
                words, "\n".join([p.first_name, p.last_name, p.employee_number, p.title, p.email])
            )
        }
        found = {
            h.id for h in services.queries.search(typed, limit=10_000) if h.object_kind == "person"
        }
        assert found == expected, typed
        sizes[typed] = len(found)
    assert sizes["Linnea"] == sizes["LINNÉA"] > 0 and sizes["enhetsch"] > 0 and sizes["o"] > 0
