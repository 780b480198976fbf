"""Icons from the package's resources (SVG, resources/icons in the repository), one per kind of
object."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from nacka_desktop.domain.enums import UnitKind
from nacka_desktop.resource_files import icons, real_path


@cache
def icon(name: str) -> QIcon:
    return QIcon(str(real_path(icons() / f"{name}.svg")))


def app_icon() -> QIcon:
    """The application's own: the window, the task bar, the dialogs."""
    return icon("app")


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
