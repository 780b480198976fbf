"""The org chart (Organisationsschema) as PDF (A3/A4 landscape, vector, PDF/A-2b) and SVG,
drawn from the one layout (`layout.py`) the window draws too."""

from __future__ import annotations

from nacka_desktop.exports.orgchart.layout import ChartLayout, layout_chart
from nacka_desktop.exports.orgchart.writing import (
    EXTENSIONS,
    Paper,
    chart_title,
    dejavu_measure,
    write_orgchart,
    write_orgchart_pdf,
    write_orgchart_svg,
)

__all__ = [
    "EXTENSIONS",
    "ChartLayout",
    "Paper",
    "chart_title",
    "dejavu_measure",
    "layout_chart",
    "write_orgchart",
    "write_orgchart_pdf",
    "write_orgchart_svg",
]
