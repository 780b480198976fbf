"""The sample's data files: what a reader edits to change the sample, read with clear errors."""

from __future__ import annotations

from importlib.resources import files

import pytest

from nacka_desktop.domain.delegation.orders import DelegateKind
from nacka_desktop.domain.enums import Role, UnitKind
from nacka_desktop.sample import data


def test_the_files_ship_inside_the_package() -> None:
    folder = files("nacka_desktop.sample") / "data"
    names = sorted(entry.name for entry in folder.iterdir() if entry.name.endswith(".toml"))
    assert names == ["delegation.toml", "organisation.toml", "work.toml"]


def test_every_unit_a_row_names_is_in_the_organisation() -> None:
    """Parents, owners, delegates' units, decisions' units: a misspelt code is caught here,
    not as a KeyError in the middle of the build."""
    organisation, work, delegation = data.organisation(), data.work(), data.delegation()
    codes = [b.code for b in organisation.bodies] + [o.code for o in organisation.offices]
    assert len(codes) == len(set(codes))
    known = set(codes)
    named = {b.parent for b in organisation.bodies if b.parent} | {
        o.parent for o in organisation.offices
    }
    named |= {p.owner for p in organisation.processes} | set(organisation.successions)
    named |= set(organisation.leavers) | {a.unit for a in organisation.acting}
    named |= {organisation.vacancy[0]}
    named |= {b.giver_unit for b in work.below_managers} | {b.unit for b in work.below_managers}
    for order in delegation.orders:
        named.add(order.board)
        for _, items in order.sections:
            for item in items:
                for who in (item.delegate, item.substitute):
                    if who is not None and who.unit is not None:
                        named.add(who.unit)
    named |= {d.unit for d in delegation.decisions} | {d.board for d in delegation.decisions}
    named |= {b.board for b in delegation.boards} | {s.by_unit for s in delegation.subdelegations}
    assert named - known == set()


def test_kinds_and_roles_are_read_as_the_domain_s_values() -> None:
    organisation, delegation = data.organisation(), data.delegation()
    assert organisation.bodies[0].kind is UnitKind.MUNICIPAL_COUNCIL
    assert organisation.office("SLK").leader is Role.CITY_DIRECTOR
    delegates = {item.delegate.kind for o in delegation.orders for _, i in o.sections for item in i}
    assert DelegateKind.POSITION in delegates and DelegateKind.CHAIR in delegates
    assert sum(len(items) for o in delegation.orders for _, items in o.sections) == 103


def test_a_wrapped_text_reads_as_one_line() -> None:
    """The files wrap long texts with TOML's line-ending backslash: no newline, no doubled
    space, and the word before the break keeps its space."""
    charter = data.organisation().bodies[0].charter
    assert charter.startswith("Kommunfullmäktige är kommunens högsta beslutande organ.")
    assert "\n" not in charter and "  " not in charter and "mål, budget" in charter


def test_a_row_that_cannot_be_read_is_named_by_file_table_and_number() -> None:
    table = {"offices": [{"code": "A", "name": "Enheten", "kind": "unit"}, {"code": "B"}]}
    with pytest.raises(data.SampleDataError, match=r"organisation\.toml: \[\[offices\]\] nr 1"):
        data._rows("organisation.toml", table, "offices", lambda r: UnitKind(r["kind"]) and r["x"])
    with pytest.raises(data.SampleDataError, match=r"\[\[offices\]\] nr 2: KeyError\('kind'\)"):
        data._rows("organisation.toml", table, "offices", lambda r: UnitKind(r["kind"]))


def test_a_file_that_is_not_toml_is_named() -> None:
    with pytest.raises(data.SampleDataError, match=r"^work\.toml: "):
        data._parse("work.toml", 'tasks = ["SAM-RISK"\n')


def test_a_misspelt_key_is_refused_not_read_as_its_default() -> None:
    """`delegat = "chair"` must not quietly become an item without its delegate's, nor
    `report = false` misspelt a reported item."""
    table = {"processes": [{"name": "P", "kind": "main", "owner": "SLK", "descripton": "x"}]}
    with pytest.raises(data.SampleDataError, match="okänd nyckel descripton"):
        data._rows("organisation.toml", table, "processes", dict, keys=data._KEYS_PROCESSES)
    with pytest.raises(ValueError, match="okänd nyckel reprt"):
        data._item(
            {"matter": "M", "delegate": "chair", "reprt": False},
            {"chair": data.Who(DelegateKind.CHAIR)},
        )
