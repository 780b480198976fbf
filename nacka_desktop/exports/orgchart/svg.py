"""The org chart as SVG: plain XML, one <rect> and its <text> lines per unit (text as text, so
it can be searched, copied and edited), in points, the font named as in the PDF."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape, quoteattr

from nacka_desktop.domain.language import Language
from nacka_desktop.exports.orgchart.layout import STRIPE, BoxState, ChartLayout
from nacka_desktop.exports.orgchart.writing import (
    ALERT,
    BORDER,
    INK,
    LINE,
    MUTED,
    STATE_COLOURS,
    chart_title,
    dejavu_measure,
    legend,
)
from nacka_desktop.services.org.orgchart import OrgChart

MARGIN = 24.0
HEADER = 44.0
FONT_FAMILY = "'DejaVu Sans', Verdana, sans-serif"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(value: str) -> str:
    return escape(_NOT_XML.sub("", value))


def _n(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def orgchart_svg(chart: OrgChart, layout: ChartLayout, language: Language) -> str:
    title, subtitle = chart_title(chart, layout, language)
    legend_width = sum(dejavu_measure(t, 8, False) + 28 for _s, t in legend(language))
    width = max(layout.width, dejavu_measure(subtitle, 9, False) + legend_width + 24)
    width += 2 * MARGIN
    height = layout.height + 2 * MARGIN + HEADER
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{_n(width)}pt" '
        f'height="{_n(height)}pt" viewBox="0 0 {_n(width)} {_n(height)}" '
        f"font-family={quoteattr(FONT_FAMILY)}>",
        f"<title>{_text(title)} {_text(subtitle)}</title>",
        f'<rect x="0" y="0" width="{_n(width)}" height="{_n(height)}" fill="#FFFFFF"/>',
        f'<text x="{_n(MARGIN)}" y="{_n(MARGIN + 12)}" font-size="14" font-weight="bold" '
        f'fill="{INK}">{_text(title)}</text>',
        f'<text x="{_n(MARGIN)}" y="{_n(MARGIN + 26)}" font-size="9" fill="{MUTED}">'
        f"{_text(subtitle)}</text>",
    ]
    x = width - MARGIN
    for state, text in reversed(legend(language)):
        x -= dejavu_measure(text, 8, False)
        out.append(
            f'<text x="{_n(x)}" y="{_n(MARGIN + 10)}" font-size="8" fill="{INK}">'
            f"{_text(text)}</text>"
        )
        x -= 14
        out.append(_swatch(x, MARGIN + 1, state))
        x -= 14
    out.append(f'<g transform="translate({_n(MARGIN)},{_n(MARGIN + HEADER)})">')
    out.append(f'<g stroke="{LINE}" stroke-width="0.8" fill="none">')
    out += [
        f'<line x1="{_n(a)}" y1="{_n(b)}" x2="{_n(c)}" y2="{_n(d)}"/>'
        for a, b, c, d in layout.lines
    ]
    out.append("</g>")
    for box in layout.boxes:
        vacant = box.state is BoxState.VACANT
        dash = ' stroke-dasharray="3 2"' if vacant else ""
        out.append(f'<g class="unit {box.state.value}" id="unit-{box.unit_id}">')
        out.append(
            f'<rect x="{_n(box.x)}" y="{_n(box.y)}" width="{_n(box.width)}" '
            f'height="{_n(box.height)}" fill="#FFFFFF" stroke="{ALERT if vacant else BORDER}" '
            f'stroke-width="{"1" if vacant else "0.7"}"{dash}/>'
        )
        out.append(
            f'<rect x="{_n(box.x)}" y="{_n(box.y)}" width="{_n(STRIPE)}" '
            f'height="{_n(box.height)}" fill="{STATE_COLOURS[box.state]}"/>'
        )
        for line in box.lines:
            colour = ALERT if line.alert else MUTED if line.muted else INK
            weight = ' font-weight="bold"' if line.bold else ""
            out.append(
                f'<text x="{_n(line.x)}" y="{_n(line.y)}" font-size="{_n(line.size)}"'
                f'{weight} fill="{colour}">{_text(line.text)}</text>'
            )
        out.append("</g>")
    out += ["</g>", "</svg>", ""]
    return "\n".join(out)


def _swatch(x: float, y: float, state: BoxState) -> str:
    vacant = state is BoxState.VACANT
    dash = ' stroke-dasharray="2 1.5"' if vacant else ""
    return (
        f'<rect x="{_n(x)}" y="{_n(y)}" width="10" height="10" fill="#FFFFFF" '
        f'stroke="{ALERT if vacant else BORDER}"{dash}/>'
        f'<rect x="{_n(x)}" y="{_n(y)}" width="3" height="10" fill="{STATE_COLOURS[state]}"/>'
    )
