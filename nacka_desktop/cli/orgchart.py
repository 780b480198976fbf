"""`nacka-desktop export orgchart`: the org chart as of a date, a branch or all of it."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from nacka_desktop.services.context import Services


def export_orgchart(services: Services, args: argparse.Namespace, on: date, target: Path) -> None:
    """Refusals (an unknown code, a file that is neither .pdf nor .svg) are ValueErrors, which
    the export command reports with exit code 2."""
    from nacka_desktop.domain.language import Language
    from nacka_desktop.exports.orgchart import (
        EXTENSIONS,
        Paper,
        dejavu_measure,
        layout_chart,
        write_orgchart,
    )
    from nacka_desktop.services.org.orgchart import org_chart

    if target.suffix.lower() not in EXTENSIONS:
        raise ValueError(
            f"okänd filtyp {target.suffix or '(ingen)'!r} för {target.name}: använd .pdf eller .svg"
        )
    chart = org_chart(services.database, on)
    root_id = None
    if args.unit:
        unit = chart.by_code(args.unit)
        if unit is None:
            raise ValueError(f"ingen enhet har koden {args.unit!r} den {on.isoformat()}")
        root_id = unit.id
    layout = layout_chart(chart, dejavu_measure, Language.SWEDISH, root_id, args.depth)
    write_orgchart(chart, layout, target, Language.SWEDISH, Paper(args.paper))
