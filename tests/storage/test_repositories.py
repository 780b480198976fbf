"""Repository queries: search (with å ä ö), the tree one level at a time, the snapshot."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from nacka_desktop.domain.enums import Role, UnitKind
from nacka_desktop.storage.database import Database, open_database
from nacka_desktop.storage.models import Appointment, Person, Unit
from nacka_desktop.storage.repositories import org as repositories

ON = date(2026, 11, 26)


@pytest.fixture
def database(db_path: Path) -> Iterator[Database]:
    opened = open_database(db_path)
    yield opened
    opened.close()


@pytest.fixture
def session(database: Database) -> Iterator[Session]:
    with database.transaction() as opened:
        yield opened


def add_unit(
    session: Session,
    code: str,
    name: str,
    parent: Unit | None = None,
    kind: UnitKind = UnitKind.SUPPORT_UNIT,
    valid_to: date | None = None,
) -> Unit:
    unit = Unit(
        code=code,
        name=name,
        kind=kind,
        parent_id=parent.id if parent else None,
        valid_to=valid_to,
    )
    session.add(unit)
    session.flush()
    return unit


def add_person(session: Session, number: str, first: str, last: str, title: str = "") -> Person:
    person = Person(employee_number=number, first_name=first, last_name=last, title=title)
    session.add(person)
    session.flush()
    return person


# --- search -------------------------------------------------------------------------------------


def test_search_folds_swedish_letters(session: Session) -> None:
    person = add_person(session, "1001", "Karin", "Åberg")
    add_person(session, "1002", "Per", "Berg")
    hits = repositories.search(session, "åb")
    assert [(h.object_kind, h.id, h.text) for h in hits] == [("person", person.id, "Karin Åberg")]
    assert [h.text for h in repositories.search(session, "ÅBERG")] == ["Karin Åberg"]


def test_search_finds_units_by_name_and_by_code(session: Session) -> None:
    unit = add_unit(session, "K-4711", "Löneenheten")
    by_code = repositories.search(session, "k-47")
    by_name = repositories.search(session, "LÖNE")
    assert [(h.object_kind, h.id) for h in by_code] == [("unit", unit.id)]
    assert [(h.object_kind, h.id) for h in by_name] == [("unit", unit.id)]
    assert (by_name[0].code, by_name[0].unit_kind) == ("K-4711", UnitKind.SUPPORT_UNIT)


def test_search_needs_every_word_and_matches_full_names(session: Session) -> None:
    add_person(session, "1001", "Karin", "Åberg", title="Enhetschef")
    add_person(session, "1002", "Karin", "Öst")
    assert [h.text for h in repositories.search(session, "karin åberg")] == ["Karin Åberg"]
    assert [h.text for h in repositories.search(session, "karin enhetschef")] == ["Karin Åberg"]
    assert [h.text for h in repositories.search(session, "1002")] == ["Karin Öst"]


def test_search_treats_percent_and_underscore_literally(session: Session) -> None:
    add_unit(session, "A_1", "Enhet 100%")
    add_unit(session, "AB1", "Enhet 1000")
    assert [h.text for h in repositories.search(session, "100%")] == ["Enhet 100%"]
    assert [h.text for h in repositories.search(session, "a_1")] == ["Enhet 100%"]


def test_search_treats_glob_characters_literally(session: Session) -> None:
    add_unit(session, "G1", "Grupp [A]*")
    add_unit(session, "G2", "Grupp BA?")
    assert [h.text for h in repositories.search(session, "[a]*")] == ["Grupp [A]*"]
    assert [h.text for h in repositories.search(session, "ba?")] == ["Grupp BA?"]
    assert repositories.search(session, "]]") == []


def test_search_follows_a_rename(session: Session) -> None:
    unit = add_unit(session, "L1", "Löneenheten")
    person = add_person(session, "1001", "Karin", "Åberg")
    unit.name, person.last_name = "Ekonomienheten", "Öst"
    session.flush()
    assert repositories.search(session, "löne") == []
    assert [h.text for h in repositories.search(session, "ekonomi")] == ["Ekonomienheten"]
    assert [h.text for h in repositories.search(session, "ÖST")] == ["Karin Öst"]


def test_blank_search_finds_nothing(session: Session) -> None:
    add_unit(session, "A1", "Enhet")
    assert repositories.search(session, "   ") == []


# --- the tree -----------------------------------------------------------------------------------


@pytest.fixture
def tree(session: Session) -> dict[str, Unit]:
    top = add_unit(session, "KF", "Kommunfullmäktige", kind=UnitKind.MUNICIPAL_COUNCIL)
    units = {"top": top}
    for code, name in [
        ("O", "Österåker"),
        ("Z", "Zeta"),
        ("AE", "Ängen"),
        ("A", "Alfa"),
        ("AA", "Åsen"),
        ("B", "bravo"),
    ]:
        units[name] = add_unit(session, code, name, top)
    units["closed"] = add_unit(session, "C", "Closed", top, valid_to=date(2026, 1, 1))
    units["child"] = add_unit(session, "Z1", "Zeta barn", units["Zeta"])
    units["old child"] = add_unit(session, "A1", "Gammal", units["Alfa"], valid_to=ON)
    return units


def test_tree_children_returns_one_level_sorted_the_swedish_way(
    session: Session, tree: dict[str, Unit]
) -> None:
    rows = repositories.tree_children(session, tree["top"].id, ON)
    assert [r.name for r in rows] == ["Alfa", "bravo", "Zeta", "Åsen", "Ängen", "Österåker"]
    assert all(r.parent_id == tree["top"].id for r in rows)


def test_tree_children_knows_which_rows_have_children(
    session: Session, tree: dict[str, Unit]
) -> None:
    rows = {r.name: r for r in repositories.tree_children(session, tree["top"].id, ON)}
    assert rows["Zeta"].has_children
    assert not rows["Åsen"].has_children
    # Alfa's only child closes on ON (valid_to is exclusive), so there is nothing to expand
    assert not rows["Alfa"].has_children


def test_tree_children_hides_closed_units_unless_asked(
    session: Session, tree: dict[str, Unit]
) -> None:
    shown = repositories.tree_children(session, tree["top"].id, ON)
    everything = repositories.tree_children(session, tree["top"].id, ON, include_closed=True)
    assert "Closed" not in [r.name for r in shown]
    assert "Closed" in [r.name for r in everything]
    alfa = next(r for r in everything if r.name == "Alfa")
    assert alfa.has_children
    # on a date before the unit closed, it is shown
    earlier = repositories.tree_children(session, tree["top"].id, date(2025, 12, 31))
    assert "Closed" in [r.name for r in earlier]


def test_tree_children_of_none_are_the_roots(session: Session, tree: dict[str, Unit]) -> None:
    rows = repositories.tree_children(session, None, ON)
    assert [(r.id, r.has_children) for r in rows] == [(tree["top"].id, True)]


def test_unit_path_goes_from_the_root_down(session: Session, tree: dict[str, Unit]) -> None:
    path = repositories.unit_path(session, tree["child"].id, date(2026, 11, 26))
    assert path == [tree["top"].id, tree["Zeta"].id, tree["child"].id]


def test_subtree_ids_include_the_unit_and_everything_below(
    session: Session, tree: dict[str, Unit]
) -> None:
    below_zeta = repositories.subtree_ids(session, tree["Zeta"].id, date(2026, 11, 26))
    assert sorted(below_zeta) == sorted([tree["Zeta"].id, tree["child"].id])
    assert len(repositories.subtree_ids(session, tree["top"].id, date(2026, 11, 26))) == len(tree)


# --- the snapshot the rule checks read ----------------------------------------------------------


def test_load_snapshot_reads_units_persons_and_appointments(
    session: Session, tree: dict[str, Unit]
) -> None:
    person = add_person(session, "1001", "Karin", "Åberg", "Enhetschef")
    session.add(
        Appointment(
            person_id=person.id,
            unit_id=tree["Alfa"].id,
            role=Role.UNIT_MANAGER,
            acting=True,
            valid_from=date(2026, 1, 1),
        )
    )
    session.flush()
    snapshot = repositories.load_snapshot(session)
    assert len(snapshot.units) == len(tree)
    assert snapshot.persons[person.id].full_name == "Karin Åberg"
    [appointment] = snapshot.appointments_of(person.id)
    assert appointment.role is Role.UNIT_MANAGER
    assert appointment.acting is True
    assert appointment.valid_from == date(2026, 1, 1)
    assert [c.name for c in snapshot.children(tree["Zeta"].id)] == ["Zeta barn"]


def test_code_in_use_ignores_case_and_the_unit_itself(
    session: Session, tree: dict[str, Unit]
) -> None:
    assert repositories.code_in_use(session, "z1")
    assert repositories.code_in_use(session, " Z1 ")
    assert not repositories.code_in_use(session, "Z1", except_unit_id=tree["child"].id)
    assert not repositories.code_in_use(session, "Z2")


def test_search_finds_a_person_by_the_beginnings_of_their_names_in_any_order(
    session: Session,
) -> None:
    add_person(session, "1001", "Viktor", "Johansson", title="Enhetschef")
    add_person(session, "1002", "Linnéa", "Öberg")
    add_person(session, "1003", "Anna", "Johansson")
    for typed in ("Viktor Jo", "jo vik", "JOHANSSON viktor", "vi enh"):
        assert [h.text for h in repositories.search(session, typed)] == ["Viktor Johansson"], typed
    assert [h.text for h in repositories.search(session, "linnea")] == ["Linnéa Öberg"]
    assert [h.text for h in repositories.search(session, "LINNÉA öb")] == ["Linnéa Öberg"]
    assert repositories.search(session, "oberg") == []  # ö is a letter of its own
    assert repositories.search(session, "hansson") == []  # the middle of a word is not a start
