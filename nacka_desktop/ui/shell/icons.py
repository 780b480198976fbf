"""Icons from resources/icons (SVG), one per kind of object."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon

from nacka_desktop.domain.enums import UnitKind

ICONS = Path(__file__).resolve().parents[3] / "resources" / "icons"


@cache
def icon(name: str) -> QIcon:
    return QIcon(str(ICONS / f"{name}.svg"))


def unit_icon(kind: UnitKind) -> QIcon:
    if kind.is_political:
        return icon("political")
    if kind is UnitKind.GROUP:
        return icon("group")
    if kind in (
        UnitKind.CITY_MANAGEMENT_OFFICE,
        UnitKind.DIRECTOR_AREA,
        UnitKind.PRODUCTION_AREA,
    ):
        return icon("office")
    return icon("unit")
