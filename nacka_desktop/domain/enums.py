"""Unit kinds and roles (the glossary in DOMAIN.md §5); their names, in Swedish and English,
are in the catalogue `domain/labels.py`."""

from __future__ import annotations

from nacka_desktop.domain.language import LabelledEnum


class UnitKind(LabelledEnum):
    MUNICIPAL_COUNCIL = "municipal_council"
    EXECUTIVE_BOARD = "executive_board"
    COMMITTEE = "committee"
    BOARD = "board"
    CITY_MANAGEMENT_OFFICE = "city_management_office"
    DIRECTOR_AREA = "director_area"
    PRODUCTION_AREA = "production_area"
    SUPPORT_UNIT = "support_unit"
    AUTHORITY_UNIT = "authority_unit"
    OPERATING_AREA = "operating_area"
    UNIT = "unit"
    GROUP = "group"

    @property
    def is_political(self) -> bool:
        return self in POLITICAL_KINDS


class WelfareBranch(LabelledEnum):
    """The two production areas of the welfare services (ORG-6, ORG-7)."""

    SCHOOL = "school"
    COMMUNITY_SERVICE = "community_service"


class Role(LabelledEnum):
    CHAIR = "chair"
    VICE_CHAIR = "vice_chair"
    MEMBER = "member"
    SUBSTITUTE = "substitute"
    CITY_DIRECTOR = "city_director"
    DIRECTOR = "director"
    PRODUCTION_DIRECTOR = "production_director"
    UNIT_MANAGER = "unit_manager"
    DEPUTY_UNIT_MANAGER = "deputy_unit_manager"
    GROUP_MANAGER = "group_manager"
    PRINCIPAL = "principal"
    DEPUTY_PRINCIPAL = "deputy_principal"
    PRESCHOOL_HEAD = "preschool_head"
    OPERATIONS_MANAGER = "operations_manager"
    EMPLOYEE = "employee"

    @property
    def is_political(self) -> bool:
        return self in POLITICAL_ROLES


class ProcessKind(LabelledEnum):
    GOVERNING = "governing"
    MAIN = "main"
    SUPPORT = "support"


class Severity(LabelledEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


POLITICAL_KINDS = frozenset(
    {UnitKind.MUNICIPAL_COUNCIL, UnitKind.EXECUTIVE_BOARD, UnitKind.COMMITTEE, UnitKind.BOARD}
)
POLITICAL_ROLES = frozenset({Role.CHAIR, Role.VICE_CHAIR, Role.MEMBER, Role.SUBSTITUTE})
