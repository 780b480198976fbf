"""The org chart's question: who leads each unit on a date (manager, t.f., vakant), the tree
as it is then, in a few queries whatever the size."""

from __future__ import annotations

from datetime import date

from sqlalchemy import event

from nacka_desktop.domain.enums import Role, UnitKind
from nacka_desktop.services.context import Services
from nacka_desktop.services.org.orgchart import org_chart
from nacka_desktop.services.org.units import UnitDraft

from .builders import add_person, appoint, build_line


def test_manager_acting_and_vacancy_follow_the_appointments_dates(services: Services) -> None:
    line = build_line(services)
    archive = services.units.create(UnitDraft("ARK", "Arkivet", UnitKind.SUPPORT_UNIT, line.per)).id
    stand_in = add_person(services, "9", "Tove", "Tillförordnad")
    appoint(
        services, stand_in, line.lon, Role.UNIT_MANAGER, date(2025, 3, 1), date(2025, 4, 1), True
    )
    keeper = add_person(services, "10", "Arvid", "Arkivarie")
    appoint(services, keeper, archive, Role.UNIT_MANAGER, date(2025, 5, 1), date(2025, 9, 1))

    before = org_chart(services.database, date(2025, 2, 28))
    manager = before.units[line.lon].manager
    assert manager is not None and manager.person_name == "Karin Åberg"
    assert before.units[line.lon].acting is None
    assert before.units[archive].vacant

    during = org_chart(services.database, date(2025, 3, 1))
    acting = during.units[line.lon].acting
    assert acting is not None and acting.person_name == "Tove Tillförordnad" and acting.acting
    assert during.units[line.lon].manager is not None  # the manager is still appointed
    assert not during.units[line.lon].vacant

    # valid_to is exclusive: on the end date the t.f. is gone
    after = org_chart(services.database, date(2025, 4, 1))
    assert after.units[line.lon].acting is None

    assert not org_chart(services.database, date(2025, 5, 1)).units[archive].vacant
    assert org_chart(services.database, date(2025, 4, 30)).units[archive].vacant
    assert org_chart(services.database, date(2025, 9, 1)).units[archive].vacant


def test_the_tree_is_the_one_of_the_date(services: Services) -> None:
    line = build_line(services)
    later = services.units.create(
        UnitDraft("NY", "Nya enheten", UnitKind.SUPPORT_UNIT, line.per, date(2026, 1, 1))
    ).id
    services.units.create(UnitDraft("AAA", "Analysenheten", UnitKind.SUPPORT_UNIT, line.per))

    chart = org_chart(services.database, date(2025, 12, 31))
    assert later not in chart.units  # not yet open
    assert chart.roots == (line.kf,)
    assert [chart.units[i].name for i in chart.units[line.per].children] == [
        "Analysenheten",
        "Löneenheten",
    ]
    assert chart.by_code("slk") is not None and chart.by_code("slk").id == line.slk  # type: ignore[union-attr]
    assert chart.by_code("NOPE") is None
    assert chart.path_to(line.lon) == [line.kf, line.ks, line.slk, line.per, line.lon]
    assert later in org_chart(services.database, date(2026, 1, 1)).units[line.per].children


def test_a_larger_organisation_costs_no_more_queries(services: Services) -> None:
    line = build_line(services)
    statements: list[str] = []

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    engine = services.database.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        org_chart(services.database, date(2025, 1, 1))
        small = len(statements)
        for number in range(40):
            unit = services.units.create(
                UnitDraft(f"U{number}", f"Enhet {number}", UnitKind.SUPPORT_UNIT, line.per)
            ).id
            person = add_person(services, f"P{number}", "Chef", f"Nummer {number}")
            appoint(services, person, unit, Role.UNIT_MANAGER)
        statements.clear()
        chart = org_chart(services.database, date(2025, 1, 1))
        assert len(statements) == small
        assert sum(1 for u in chart.units.values() if u.manager is not None) >= 40
    finally:
        event.remove(engine, "before_cursor_execute", count)
