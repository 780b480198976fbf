"""The org chart as PDF (A3/A4 landscape, vector, fonts embedded, PDF/A-2b) and SVG (XML with
the names as text), from the sample organisation."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pikepdf
import pytest

from nacka_desktop.domain.enums import Role, UnitKind
from nacka_desktop.domain.language import Language
from nacka_desktop.exports.orgchart import (
    Paper,
    dejavu_measure,
    layout_chart,
    write_orgchart,
)
from nacka_desktop.exports.output import NotARegularFileError
from nacka_desktop.services.context import Services
from nacka_desktop.services.org.orgchart import ChartHolder, ChartUnit, OrgChart, org_chart
from tests.conftest import TODAY, build_sample

from .pdfa_checks import problems

A3_LANDSCAPE = (1190.55, 841.89)
A4_LANDSCAPE = (841.89, 595.28)


@pytest.fixture
def chart(services: Services) -> OrgChart:
    build_sample(services.database, TODAY)
    return org_chart(services.database, TODAY)


def pdf_text(path: Path) -> str:
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return done.stdout


def page_sizes(path: Path) -> list[tuple[float, float]]:
    with pikepdf.open(path) as pdf:
        return [
            (
                round(float(p.mediabox[2]) - float(p.mediabox[0]), 2),
                round(float(p.mediabox[3]) - float(p.mediabox[1]), 2),
            )
            for p in pdf.pages
        ]


@pytest.mark.parametrize(("paper", "size"), [(Paper.A3, A3_LANDSCAPE), (Paper.A4, A4_LANDSCAPE)])
def test_the_whole_sample_on_one_landscape_page(
    chart: OrgChart, tmp_path: Path, paper: Paper, size: tuple[float, float]
) -> None:
    layout = layout_chart(chart, dejavu_measure, Language.SWEDISH)
    target = tmp_path / "schema.pdf"
    write_orgchart(chart, layout, target, Language.SWEDISH, paper)
    sizes = page_sizes(target)
    assert all(s == pytest.approx(size, abs=0.5) for s in sizes)
    if paper is Paper.A3:
        assert len(sizes) == 1  # 44 units fit one A3 sheet at a readable size
    text = pdf_text(target)
    assert "Organisationsschema" in text and f"per {TODAY.isoformat()}" in text
    for name in ("Kommunfullmäktige", "Stadsledningskontoret", "Hemtjänst Fisksätra"):
        assert name in text
    assert "Vakant" in text  # Boende Ältavägen has no manager in the sample
    assert "T.f. enhetschef" in text
    assert problems(target) == []
    fonts = subprocess.run(["pdffonts", str(target)], capture_output=True, text=True).stdout
    assert "DejaVuSans" in fonts
    assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:])  # emb


def test_a_branch_has_its_units_and_no_others(chart: OrgChart, tmp_path: Path) -> None:
    branch = chart.by_code("7000")
    assert branch is not None
    layout = layout_chart(chart, dejavu_measure, Language.ENGLISH, branch.id, 1)
    target = tmp_path / "branch.pdf"
    write_orgchart(chart, layout, target, Language.ENGLISH, Paper.A4)
    text = pdf_text(target)
    assert "Organisation chart" in text and "1 level below" in text
    assert "Välfärd samhällsservice" in text and "Hemtjänst" in text
    assert "Hemtjänst Boo" not in text  # two levels down
    assert "Kommunfullmäktige" not in text


def wide_chart(count: int) -> OrgChart:
    """A top unit with `count` departments, each with two sections with a group each: too
    wide to read on one sheet."""
    units: dict[int, ChartUnit] = {}
    next_id = 2
    departments = []
    for number in range(count):
        department = next_id
        sections = (next_id + 1, next_id + 2)
        for section in sections:
            units[section] = ChartUnit(
                section,
                f"S{section}",
                f"Sektion {section}",
                UnitKind.UNIT,
                department,
                (section + 100000,),
                None,
                None,
                True,
            )
            units[section + 100000] = ChartUnit(
                section + 100000,
                "",
                f"Grupp {section}",
                UnitKind.GROUP,
                section,
                (),
                None,
                None,
                True,
            )
        manager = ChartHolder(f"Chef {number}", Role.DIRECTOR, False, number)
        units[department] = ChartUnit(
            department,
            f"D{number}",
            f"Avdelning {number}",
            UnitKind.DIRECTOR_AREA,
            1,
            sections,
            manager,
            None,
            True,
        )
        departments.append(department)
        next_id += 3
    units[1] = ChartUnit(
        1,
        "TOP",
        "Förvaltningen",
        UnitKind.CITY_MANAGEMENT_OFFICE,
        None,
        tuple(departments),
        None,
        None,
        True,
    )
    return OrgChart(date(2026, 1, 1), units, (1,))


def test_a_chart_too_big_for_one_sheet_is_printed_over_several(tmp_path: Path) -> None:
    chart = wide_chart(40)
    layout = layout_chart(chart, dejavu_measure, Language.SWEDISH)
    target = tmp_path / "big.pdf"
    write_orgchart(chart, layout, target, Language.SWEDISH, Paper.A3)
    sizes = page_sizes(target)
    assert len(sizes) > 1
    assert all(s == pytest.approx(A3_LANDSCAPE, abs=0.5) for s in sizes)
    text = pdf_text(target)
    assert f"Sida 1 av {len(sizes)} · rad 1, kolumn 1" in text
    for number in range(40):
        assert f"Avdelning {number}" in text


def test_svg_is_xml_with_the_names_as_text(chart: OrgChart, tmp_path: Path) -> None:
    layout = layout_chart(chart, dejavu_measure, Language.SWEDISH)
    target = tmp_path / "schema.svg"
    write_orgchart(chart, layout, target)
    root = ET.parse(target).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    texts = [t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "Kommunfullmäktige" in texts and "Stadsledningskontoret" in texts
    assert "Vakant" in texts
    groups = [
        g for g in root.iter("{http://www.w3.org/2000/svg}g") if g.get("id", "").startswith("unit-")
    ]
    assert len(groups) == len(chart.units)
    assert any("vacant" in (g.get("class") or "") for g in groups)


def test_a_file_that_is_no_pdf_or_svg_is_refused_and_nothing_written(
    chart: OrgChart, tmp_path: Path
) -> None:
    layout = layout_chart(chart, dejavu_measure, Language.SWEDISH, None, 1)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ValueError, match=r"\.pdf eller \.svg"):
        write_orgchart(chart, layout, out / "schema.png")
    assert list(out.iterdir()) == []


def test_a_folder_is_not_written_over(chart: OrgChart, tmp_path: Path) -> None:
    layout = layout_chart(chart, dejavu_measure, Language.SWEDISH, None, 1)
    folder = tmp_path / "out" / "schema.svg"
    folder.mkdir(parents=True)
    with pytest.raises(NotARegularFileError):
        write_orgchart(chart, layout, folder)
    assert folder.is_dir() and list(folder.parent.iterdir()) == [folder]


def test_svg_and_pdf_keep_names_with_markup_characters(tmp_path: Path) -> None:
    chart = wide_chart(2)
    top = chart.units[1]
    odd = 'Bygg & <Miljö> "Ö"'
    chart.units[1] = ChartUnit(
        top.id, top.code, odd, top.kind, None, top.children, None, None, True
    )
    layout = layout_chart(chart, dejavu_measure, Language.SWEDISH)
    svg, pdf = tmp_path / "odd.svg", tmp_path / "odd.pdf"
    write_orgchart(chart, layout, svg)
    write_orgchart(chart, layout, pdf)
    texts = [t.text for t in ET.parse(svg).getroot().iter("{http://www.w3.org/2000/svg}text")]
    assert odd in texts
    assert odd in pdf_text(pdf)
