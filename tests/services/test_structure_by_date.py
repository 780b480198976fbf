"""The tree, the check and the registers for a date use the organisation of that date
(issue 10: effective-dated structure): a unit moved from a date stays where it was before it,
and the answers for each date agree with one another."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from nacka_desktop import cli
from nacka_desktop.domain.dates import today as local_today
from nacka_desktop.domain.records import UnitRecord
from nacka_desktop.domain.rules import RuleViolationError
from nacka_desktop.domain.work_environment import task_chain
from nacka_desktop.exports.registers.work import HOLDING_SHEET, write_distribution_register
from nacka_desktop.services.checking import check_dataset, load_dataset
from nacka_desktop.services.context import Services
from nacka_desktop.storage.database import open_database
from tests.conftest import TODAY

MOVED = "Hemtjänst Fisksätra"
OLD_AREA, NEW_AREA = "Hemtjänst", "Äldreomsorg"
OLD_HEAD = "Johanna Näslund"  # verksamhetschef of Hemtjänst
MOVED_ON = TODAY - timedelta(days=90)
LEAVES_ON = TODAY + timedelta(days=60)
TWELVE_DATES = [TODAY - timedelta(days=30 * months) for months in range(-6, 6)]
OUTSIDE_OLD_AREA = f"ligger utanför givarens ansvarsområde ({OLD_AREA})"


def _no_gui(database: str | None) -> int:
    raise AssertionError("the window must not open")


def unit_named(services: Services, name: str) -> UnitRecord:
    return next(u for u in services.queries.snapshot().units.values() if u.name == name)


@pytest.fixture
def year(sample: Services) -> Services:
    """The sample, with a unit moved from three months ago to another verksamhetsområde and
    its acting manager's appointment ending in two months."""
    unit = unit_named(sample, MOVED)
    sample.units.move(unit.id, unit_named(sample, NEW_AREA).id, MOVED_ON)
    [acting] = [
        a
        for a in sample.queries.appointments_in_unit(unit.id)
        if a.appointment.acting and a.appointment.is_valid_on(TODAY)
    ]
    sample.appointments.end(acting.appointment.id, LEAVES_ON)
    return sample


def test_the_tree_before_the_move_is_the_tree_as_it_was(year: Services) -> None:
    unit, old, new = (unit_named(year, n) for n in (MOVED, OLD_AREA, NEW_AREA))
    day_before = MOVED_ON - timedelta(days=1)
    assert MOVED in [r.name for r in year.queries.tree_children(old.id, day_before)]
    assert MOVED not in [r.name for r in year.queries.tree_children(new.id, day_before)]
    assert MOVED in [r.name for r in year.queries.tree_children(new.id, MOVED_ON)]
    assert MOVED not in [r.name for r in year.queries.tree_children(old.id, MOVED_ON)]
    assert year.queries.unit_path(unit.id, day_before)[-2:] == [old.id, unit.id]
    assert year.queries.unit_path(unit.id, TODAY)[-2:] == [new.id, unit.id]
    # The unit form of a date names the parent of that date, and lists the history.
    assert year.queries.unit_page(unit.id, day_before).parent_name == OLD_AREA
    page = year.queries.unit_page(unit.id, TODAY)
    assert page.parent_name == NEW_AREA
    assert [(r.valid_from, r.parent_name) for r in page.history] == [
        (None, OLD_AREA),
        (MOVED_ON, NEW_AREA),
    ]


def test_check_and_registers_agree_with_the_tree_on_twelve_dates(
    year: Services, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    moved_id = unit_named(year, MOVED).id
    year.close()
    today = local_today()  # the clock `check` runs with
    seen_outside, seen_vacant = set(), set()
    for on in TWELVE_DATES:
        code = cli.main(
            ["check", "--db", str(db_path), "--json", "--on", on.isoformat()], launch_gui=_no_gui
        )
        assert code in (cli.EXIT_OK, cli.EXIT_RULE_ERRORS)
        shown = json.loads(capsys.readouterr().out)["violations"]
        # The same as a check read from scratch for the date, with no cache in between.
        database = open_database(db_path)
        try:
            with database.reader() as session:
                fresh = check_dataset(load_dataset(session, on), on, today)
        finally:
            database.close()
        assert shown == [v.to_dict() for v in fresh], on
        moved_elsewhere = on >= MOVED_ON
        outside = [v for v in shown if OUTSIDE_OLD_AREA in v["message"]]
        if outside:
            seen_outside.add(on)
        assert not outside or moved_elsewhere, (on, outside)
        vacant = [
            v
            for v in shown
            if v["rule"] == "ORG-8" and v["object"] == {"kind": "unit", "id": moved_id}
        ]
        if vacant:
            seen_vacant.add(on)
        assert bool(vacant) == (on >= LEAVES_ON), (on, vacant)

        # The register's per-person sheet: the moved unit's tasks come down the line of the
        # date, through the old verksamhetschef before the move and never after it.
        path = tmp_path / f"register-{on}.xlsx"
        services = Services.open(db_path, clock=lambda: TODAY)
        try:
            write_distribution_register(services.work.distribution_register(on), path)
            line = set(services.queries.unit_path(moved_id, on))
            work = services.work.snapshot(on)
            for task_id in work.tasks:
                chain = task_chain(work, task_id, moved_id, on)
                for link in chain.links:  # every holder on the way stands in the line of the date
                    receiver = work.org.appointments[link.receiver_appointment_id]
                    assert receiver.unit_id in line, (on, task_id, link.id)
        finally:
            services.close()
        sheet = load_workbook(path, read_only=True)[HOLDING_SHEET]
        header, *rows = [tuple(r) for r in sheet.iter_rows(values_only=True)]
        chains = [str(r[header.index("Kedja")]) for r in rows if r[header.index("Enhet")] == MOVED]
        if on < MOVED_ON:
            assert chains and all(OLD_HEAD in c for c in chains), (on, chains)
        else:
            assert not any(OLD_HEAD in c for c in chains), (on, chains)
    assert seen_outside and seen_vacant  # both changes showed within the year


def test_one_cache_across_dates_answers_as_a_fresh_check_for_each(
    year: Services, db_path: Path
) -> None:
    """The Problems panel asks for one date after another; the records are brought from the
    tree of one date to the next by replacing the moved units, never read whole again."""
    for on in [*TWELVE_DATES, *reversed(TWELVE_DATES), TODAY, MOVED_ON, TODAY]:
        cached = year.queries.check(on)
        with year.database.reader() as session:
            fresh = check_dataset(load_dataset(session, on), on, TODAY)
        assert [v.key for v in cached] == [v.key for v in fresh], on


def test_a_move_from_a_date_that_breaks_a_later_tree_is_refused(year: Services) -> None:
    """The Editor checks today's tree; a move planned for later is checked on its own date
    and on every later date when the tree changes."""
    unit = unit_named(year, MOVED)
    support = unit_named(year, "Personalenheten")
    later = TODAY + timedelta(days=100)
    with pytest.raises(RuleViolationError) as refused:
        year.units.move(unit.id, support.id, later)
    assert {v.rule_id for v in refused.value.violations} == {"ORG-7"}
    assert f"Trädet den {later.isoformat()}" in refused.value.violations[0].message
    assert year.queries.unit(unit.id, later).parent_id == unit_named(year, NEW_AREA).id


def test_undoing_a_move_gives_back_the_history_it_had(year: Services) -> None:
    unit = unit_named(year, MOVED)
    before = year.queries.history(unit.id)
    previous = year.units.move(unit.id, unit_named(year, OLD_AREA).id, TODAY + timedelta(days=30))
    assert len(year.queries.history(unit.id)) == 3
    year.units.update(unit.id, **previous)
    assert [(p.valid_from, p.valid_to, p.parent_id) for p in year.queries.history(unit.id)] == [
        (p.valid_from, p.valid_to, p.parent_id) for p in before
    ]


def test_a_unit_renamed_from_a_date_is_found_by_either_name(sample: Services) -> None:
    unit = unit_named(sample, "Planenheten")
    sample.units.rename(unit.id, "Enheten för planering", TODAY + timedelta(days=35))
    by_new = sample.queries.search("planering")
    assert [(h.id, h.text) for h in by_new] == [(unit.id, "Enheten för planering")]
    by_old = [h for h in sample.queries.search("planenheten") if h.id == unit.id]
    assert [h.text for h in by_old] == ["Enheten för planering (Planenheten)"]
    # The tree of today still shows the name of today.
    assert "Planenheten" in [r.name for r in sample.queries.tree_children(unit.parent_id, TODAY)]


def test_closing_an_area_emptied_by_a_reorganisation_leaves_the_moved_units_open(
    sample: Services,
) -> None:
    """The usual reorganisation: from 1 January two units move to another verksamhetsområde
    and the emptied one closes the same day. The moved units and their staff stay."""
    new_year = date(2027, 1, 1)
    area, fisksatra, boo = (unit_named(sample, n) for n in (OLD_AREA, MOVED, "Hemtjänst Boo"))
    target = unit_named(sample, "Stöd och omsorg")
    for unit in (fisksatra, boo):
        sample.units.move(unit.id, target.id, new_year)
    closed = sample.units.close(area.id, new_year)
    assert sorted(closed.previous_unit_ends) == [area.id]
    for unit in (fisksatra, boo):
        assert sample.queries.unit(unit.id).valid_to is None
    assert {"Hemtjänst Boo", MOVED} <= {
        r.name for r in sample.queries.tree_children(target.id, new_year)
    }
    # Under the area until it closes, under the new one after: no unit outlives its parent.
    for on in (TODAY, new_year):
        assert not [v for v in sample.queries.check(on) if v.rule_id == "DATA-5"]


def test_a_close_that_a_planned_move_would_outlive_is_refused_in_either_order(
    sample: Services,
) -> None:
    """A unit planned to move under another in March cannot have that one close in
    January, whichever edit comes first: the later tree is checked for both."""
    boo, target = unit_named(sample, "Hemtjänst Boo"), unit_named(sample, "Stöd och omsorg")
    march, january = date(2027, 3, 1), date(2027, 1, 1)
    planned = sample.units.move(boo.id, target.id, march)
    with pytest.raises(RuleViolationError) as refused:
        sample.units.close(target.id, january)
    assert [v.rule_id for v in refused.value.violations] == ["DATA-5"]
    assert "Trädet den 2027-03-01" in refused.value.violations[0].message
    assert sample.queries.unit(target.id).valid_to is None  # nothing written

    sample.units.update(boo.id, **planned)  # the move undone: now the close is allowed
    sample.units.close(target.id, january)
    with pytest.raises(RuleViolationError) as refused_move:
        sample.units.move(boo.id, target.id, march)
    assert [v.rule_id for v in refused_move.value.violations] == ["DATA-5"]


def test_a_history_edit_made_stale_by_someone_elses_is_refused_not_lost(
    sample: Services, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another copy of the app commits a rename while this one is between reading the
    history and writing it: this edit fails as a concurrent edit, the rename stays."""
    import nacka_desktop.services.org.units as units_module
    from nacka_desktop.domain.unit_history import UnitPeriod, changed_from
    from nacka_desktop.services.editing import ConcurrentEditError

    boo = unit_named(sample, "Hemtjänst Boo")
    other = Services.open(db_path, clock=lambda: TODAY)
    done: list[bool] = []

    def meanwhile(
        periods: Sequence[UnitPeriod], start: date | None, changes: Mapping[str, Any]
    ) -> list[UnitPeriod]:
        if not done:
            done.append(True)
            other.units.rename(boo.id, "Hemtjänst Boo nytt namn", date(2027, 1, 1))
        return changed_from(periods, start, changes)

    monkeypatch.setattr(units_module, "changed_from", meanwhile)
    try:
        with pytest.raises(ConcurrentEditError):
            sample.units.move(boo.id, unit_named(sample, "Stöd och omsorg").id, date(2027, 2, 1))
    finally:
        other.close()
    assert [p.name for p in sample.queries.history(boo.id)] == [
        "Hemtjänst Boo",
        "Hemtjänst Boo nytt namn",
    ]
    assert sample.queries.unit(boo.id).name == "Hemtjänst Boo nytt namn"
