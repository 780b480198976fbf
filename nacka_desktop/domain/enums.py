"""Unit kinds and roles, with their Swedish names (the glossary in DOMAIN.md §5)."""

from __future__ import annotations

from enum import StrEnum


class UnitKind(StrEnum):
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
    def label_sv(self) -> str:
        return _UNIT_KIND_SV[self]

    @property
    def label_en(self) -> str:
        return _UNIT_KIND_EN[self]

    @property
    def is_political(self) -> bool:
        return self in POLITICAL_KINDS


class WelfareBranch(StrEnum):
    """The two production areas of the welfare services (ORG-6, ORG-7)."""

    SCHOOL = "school"
    COMMUNITY_SERVICE = "community_service"

    @property
    def label_sv(self) -> str:
        return "Välfärd skola" if self is WelfareBranch.SCHOOL else "Välfärd samhällsservice"

    @property
    def label_en(self) -> str:
        return "Welfare school" if self is WelfareBranch.SCHOOL else "Welfare community service"


class Role(StrEnum):
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
    def label_sv(self) -> str:
        return _ROLE_SV[self]

    @property
    def label_en(self) -> str:
        return _ROLE_EN[self]

    @property
    def is_political(self) -> bool:
        return self in POLITICAL_ROLES


class ProcessKind(StrEnum):
    GOVERNING = "governing"
    MAIN = "main"
    SUPPORT = "support"

    @property
    def label_sv(self) -> str:
        return {"governing": "Styrprocess", "main": "Huvudprocess", "support": "Stödprocess"}[
            self.value
        ]

    @property
    def label_en(self) -> str:
        return {
            "governing": "Governing process",
            "main": "Main process",
            "support": "Support process",
        }[self.value]


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def label_sv(self) -> str:
        return {"error": "Fel", "warning": "Varning", "info": "Information"}[self.value]

    @property
    def label_en(self) -> str:
        return {"error": "Error", "warning": "Warning", "info": "Information"}[self.value]

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


POLITICAL_KINDS = frozenset(
    {UnitKind.MUNICIPAL_COUNCIL, UnitKind.EXECUTIVE_BOARD, UnitKind.COMMITTEE, UnitKind.BOARD}
)
POLITICAL_ROLES = frozenset({Role.CHAIR, Role.VICE_CHAIR, Role.MEMBER, Role.SUBSTITUTE})

_UNIT_KIND_SV = {
    UnitKind.MUNICIPAL_COUNCIL: "Kommunfullmäktige",
    UnitKind.EXECUTIVE_BOARD: "Kommunstyrelse",
    UnitKind.COMMITTEE: "Utskott",
    UnitKind.BOARD: "Nämnd",
    UnitKind.CITY_MANAGEMENT_OFFICE: "Stadsledningskontor",
    UnitKind.DIRECTOR_AREA: "Direktörsområde",
    UnitKind.PRODUCTION_AREA: "Produktionsområde",
    UnitKind.SUPPORT_UNIT: "Stödenhet",
    UnitKind.AUTHORITY_UNIT: "Myndighets- och huvudmannaenhet",
    UnitKind.OPERATING_AREA: "Verksamhetsområde",
    UnitKind.UNIT: "Enhet",
    UnitKind.GROUP: "Grupp",
}
_UNIT_KIND_EN = {
    UnitKind.MUNICIPAL_COUNCIL: "Municipal council",
    UnitKind.EXECUTIVE_BOARD: "Executive board",
    UnitKind.COMMITTEE: "Committee",
    UnitKind.BOARD: "Board",
    UnitKind.CITY_MANAGEMENT_OFFICE: "City management office",
    UnitKind.DIRECTOR_AREA: "Director's area",
    UnitKind.PRODUCTION_AREA: "Production area",
    UnitKind.SUPPORT_UNIT: "Support unit",
    UnitKind.AUTHORITY_UNIT: "Authority and provider unit",
    UnitKind.OPERATING_AREA: "Operating area",
    UnitKind.UNIT: "Unit",
    UnitKind.GROUP: "Group",
}
_ROLE_SV = {
    Role.CHAIR: "Ordförande",
    Role.VICE_CHAIR: "Vice ordförande",
    Role.MEMBER: "Ledamot",
    Role.SUBSTITUTE: "Ersättare",
    Role.CITY_DIRECTOR: "Stadsdirektör",
    Role.DIRECTOR: "Direktör (processägare)",
    Role.PRODUCTION_DIRECTOR: "Produktionsdirektör",
    Role.UNIT_MANAGER: "Enhetschef",
    Role.DEPUTY_UNIT_MANAGER: "Biträdande enhetschef",
    Role.GROUP_MANAGER: "Gruppchef",
    Role.PRINCIPAL: "Rektor",
    Role.DEPUTY_PRINCIPAL: "Biträdande rektor",
    Role.PRESCHOOL_HEAD: "Förskolechef",
    Role.OPERATIONS_MANAGER: "Verksamhetschef",
    Role.EMPLOYEE: "Medarbetare",
}
_ROLE_EN = {
    Role.CHAIR: "Chair",
    Role.VICE_CHAIR: "Vice chair",
    Role.MEMBER: "Member",
    Role.SUBSTITUTE: "Substitute",
    Role.CITY_DIRECTOR: "City director",
    Role.DIRECTOR: "Director (process owner)",
    Role.PRODUCTION_DIRECTOR: "Production director",
    Role.UNIT_MANAGER: "Unit manager",
    Role.DEPUTY_UNIT_MANAGER: "Deputy unit manager",
    Role.GROUP_MANAGER: "Group manager",
    Role.PRINCIPAL: "Principal",
    Role.DEPUTY_PRINCIPAL: "Deputy principal",
    Role.PRESCHOOL_HEAD: "Preschool head",
    Role.OPERATIONS_MANAGER: "Operations manager",
    Role.EMPLOYEE: "Employee",
}
