"""`nacka-desktop rights` and `who` answer what the Delegation window's *Vem får besluta?*
shows: the same rows, from the same service, in JSON."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from nacka_desktop import cli
from nacka_desktop.domain.enums import Role
from nacka_desktop.services.context import Services

from .test_cli import no_gui, run

ON = date(2026, 11, 20)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("rights-cli") / "demo.db"
    assert cli.main(["demo", "--db", str(path)], launch_gui=no_gui) == cli.EXIT_OK
    return path


def test_rights_of_a_person_by_employee_number_in_json(demo: Path, capsys) -> None:
    services = Services.open(demo, create=False)
    try:
        org = services.queries.snapshot()
        manager = next(
            a for a in org.appointments.values()
            if a.role is Role.UNIT_MANAGER and a.is_valid_on(ON) and not a.acting
        )  # fmt: skip
        person = org.persons[manager.person_id]
        expected = [r.as_json() for r in services.delegation.rights_view(person.id, ON)]
    finally:
        services.close()
    code, out, err = run(
        ["rights", "--person", person.employee_number, "--on", ON.isoformat(), "--json",
         "--db", str(demo)],
        capsys,
    )  # fmt: skip
    assert code == cli.EXIT_OK, err
    answer = json.loads(out)
    assert answer["person"]["name"] == person.full_name
    assert answer["rights"] == expected and len(expected) >= 3
    assert {r["via"] for r in answer["rights"]} >= {"delegate"}


def test_who_may_decide_a_matter_in_a_unit_in_json(demo: Path, capsys) -> None:
    services = Services.open(demo, create=False)
    try:
        org = services.queries.snapshot()
        school = next(u for u in org.units.values() if u.name == "Sickla skola")
        (_order, item), *_ = services.delegation.items_in_force(ON, "Anställning av lärare")
        expected = [r.as_json() for r in services.delegation.who_view(item.id, school.id, ON)]
    finally:
        services.close()
    code, out, err = run(
        ["who", "--item", str(item.id), "--unit", school.code, "--on", ON.isoformat(),
         "--json", "--db", str(demo)],
        capsys,
    )  # fmt: skip
    assert code == cli.EXIT_OK, err
    (answer,) = json.loads(out)["items"]
    assert answer["matter"] == item.matter and answer["holders"] == expected
    assert {h["via"] for h in expected} == {"delegate", "chief"}  # the rektor and the chiefs


def test_who_by_matter_text_and_an_unknown_one(demo: Path, capsys) -> None:
    code, out, _err = run(["who", "--matter", "BRÅDSKANDE", "--db", str(demo)], capsys)
    assert code == cli.EXIT_OK
    assert "ordförande i Kommunstyrelsen: delegat" in out
    assert "vice ordförande i Kommunstyrelsen: ersättare" in out
    code, _out, err = run(["who", "--matter", "bygglov för rymdhamn", "--db", str(demo)], capsys)
    assert code == cli.EXIT_USAGE and "rymdhamn" in err
    code, _out, err = run(["rights", "--person", "X-000", "--db", str(demo)], capsys)
    assert code == cli.EXIT_USAGE and "X-000" in err


def test_an_import_adopted_without_its_paragraph_is_refused(demo: Path, capsys, tmp_path) -> None:
    code, _out, err = run(
        ["import", "delegations", str(tmp_path / "x.xlsx"), "--board", "KS", "--adopted",
         "2026-11-01", "--db", str(demo)],
        capsys,
    )  # fmt: skip
    assert code == cli.EXIT_USAGE and "--paragraph" in err
