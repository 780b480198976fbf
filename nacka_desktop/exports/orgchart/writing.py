"""What the PDF and the SVG of the org chart share: the text metrics (DejaVu Sans, the font
both name), the title, the colours of the states, and the safe write."""

from __future__ import annotations

import os
from enum import Enum
from functools import cache
from pathlib import Path

from nacka_desktop.domain.language import Language
from nacka_desktop.exports.orgchart.layout import BoxState, ChartLayout
from nacka_desktop.exports.output import check_output
from nacka_desktop.services.org.orgchart import OrgChart

EXTENSIONS = (".pdf", ".svg")

INK = "#1F2933"
MUTED = "#5F6B76"
LINE = "#9AA5B1"
BORDER = "#C9D0D6"
ALERT = "#B03A2E"
STATE_COLOURS = {
    BoxState.MANAGER: "#1D4E7A",  # blue: a manager
    BoxState.ACTING: "#D9822B",  # amber: t.f.
    BoxState.VACANT: "#B03A2E",  # red, and a dashed border: vakant
    BoxState.NONE: "#C9D0D6",
}


class Paper(Enum):
    A3 = "a3"
    A4 = "a4"


@cache
def _fonts() -> tuple[str, str]:
    from nacka_desktop.exports.letters._layout import FONT, FONT_BOLD, register_fonts

    register_fonts()
    return FONT, FONT_BOLD


def dejavu_measure(text: str, size: float, bold: bool) -> float:
    """The width of the text in DejaVu Sans (bold) at the size, in points."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    regular, heavy = _fonts()
    return float(stringWidth(text, heavy if bold else regular, size))


def chart_title(chart: OrgChart, layout: ChartLayout, language: Language) -> tuple[str, str]:
    """The heading and the line under it: date, branch and depth."""
    title = language.pick("Organisationsschema", "Organisation chart")
    parts = [language.pick("per", "as of") + f" {chart.on.isoformat()}"]
    if layout.root_id is not None:
        unit = chart.units[layout.root_id]
        parts.append(f"{unit.name} ({unit.code})" if unit.code else unit.name)
    if layout.depth is not None:
        one = layout.depth == 1
        parts.append(
            language.pick(
                f"{layout.depth} {'nivå' if one else 'nivåer'} under",
                f"{layout.depth} {'level' if one else 'levels'} below",
            )
        )
    return title, " · ".join(parts)


def legend(language: Language) -> list[tuple[BoxState, str]]:
    return [
        (BoxState.MANAGER, language.pick("Chef", "Manager")),
        (BoxState.ACTING, language.pick("T.f. (tillförordnad)", "Acting")),
        (BoxState.VACANT, language.pick("Vakant", "Vacant")),
    ]


def write_safely(path: Path, data: bytes) -> None:
    """Written beside the target and moved over it: a failed export leaves no half file."""
    check_output(path)
    partial = path.with_name(f".{path.name}.partial")
    try:
        partial.write_bytes(data)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def write_orgchart(
    chart: OrgChart,
    layout: ChartLayout,
    path: Path,
    language: Language = Language.SWEDISH,
    paper: Paper = Paper.A3,
) -> None:
    """A PDF or an SVG, by the file's extension (anything else: ValueError)."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        write_orgchart_pdf(chart, layout, path, language, paper)
    elif suffix == ".svg":
        write_orgchart_svg(chart, layout, path, language)
    else:
        raise ValueError(
            f"okänd filtyp {path.suffix or '(ingen)'!r} för {path.name}: använd .pdf eller .svg"
        )


def write_orgchart_pdf(
    chart: OrgChart,
    layout: ChartLayout,
    path: Path,
    language: Language = Language.SWEDISH,
    paper: Paper = Paper.A3,
) -> None:
    from nacka_desktop.exports.orgchart.pdf import orgchart_pdf

    write_safely(path, orgchart_pdf(chart, layout, language, paper))


def write_orgchart_svg(
    chart: OrgChart, layout: ChartLayout, path: Path, language: Language = Language.SWEDISH
) -> None:
    from nacka_desktop.exports.orgchart.svg import orgchart_svg

    write_safely(path, orgchart_svg(chart, layout, language).encode("utf-8"))
