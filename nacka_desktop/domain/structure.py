"""How the organisation may be shaped: allowed parents, leading roles and roles per unit kind.

Each entry names the rule of DOMAIN.md §1 it comes from, so a refusal can cite it.
"""

from __future__ import annotations

from dataclasses import dataclass

from nacka_desktop.domain.enums import Role, UnitKind, WelfareBranch


@dataclass(frozen=True)
class KindShape:
    parents: frozenset[UnitKind | None]
    leading_roles: frozenset[Role]
    other_roles: frozenset[Role]
    rule_id: str

    @property
    def allowed_roles(self) -> frozenset[Role]:
        return self.leading_roles | self.other_roles


_POLITICAL_SEATS = frozenset({Role.VICE_CHAIR, Role.MEMBER, Role.SUBSTITUTE})
_STAFF = frozenset({Role.EMPLOYEE})

SHAPES: dict[UnitKind, KindShape] = {
    UnitKind.MUNICIPAL_COUNCIL: KindShape(
        frozenset({None}), frozenset({Role.CHAIR}), _POLITICAL_SEATS, "ORG-1"
    ),
    UnitKind.EXECUTIVE_BOARD: KindShape(
        frozenset({UnitKind.MUNICIPAL_COUNCIL}), frozenset({Role.CHAIR}), _POLITICAL_SEATS, "ORG-1"
    ),
    # KS has its three utskott; any nämnd may have utskott of its own (ORG-1, KL 6 kap).
    UnitKind.COMMITTEE: KindShape(
        frozenset({UnitKind.EXECUTIVE_BOARD, UnitKind.BOARD}),
        frozenset({Role.CHAIR}),
        _POLITICAL_SEATS,
        "ORG-1",
    ),
    UnitKind.BOARD: KindShape(
        frozenset({UnitKind.MUNICIPAL_COUNCIL}), frozenset({Role.CHAIR}), _POLITICAL_SEATS, "ORG-1"
    ),
    UnitKind.CITY_MANAGEMENT_OFFICE: KindShape(
        frozenset({UnitKind.EXECUTIVE_BOARD}), frozenset({Role.CITY_DIRECTOR}), _STAFF, "ORG-3"
    ),
    UnitKind.DIRECTOR_AREA: KindShape(
        frozenset({UnitKind.CITY_MANAGEMENT_OFFICE}), frozenset({Role.DIRECTOR}), _STAFF, "ORG-3"
    ),
    UnitKind.PRODUCTION_AREA: KindShape(
        frozenset({UnitKind.CITY_MANAGEMENT_OFFICE}),
        frozenset({Role.PRODUCTION_DIRECTOR}),
        _STAFF,
        "ORG-3",
    ),
    UnitKind.SUPPORT_UNIT: KindShape(
        frozenset({UnitKind.DIRECTOR_AREA}),
        frozenset({Role.UNIT_MANAGER}),
        frozenset({Role.DEPUTY_UNIT_MANAGER, Role.EMPLOYEE}),
        "ORG-4",
    ),
    UnitKind.AUTHORITY_UNIT: KindShape(
        frozenset({UnitKind.DIRECTOR_AREA}),
        frozenset({Role.UNIT_MANAGER}),
        frozenset({Role.DEPUTY_UNIT_MANAGER, Role.EMPLOYEE}),
        "ORG-4",
    ),
    UnitKind.OPERATING_AREA: KindShape(
        frozenset({UnitKind.PRODUCTION_AREA}),
        frozenset({Role.PRINCIPAL, Role.PRESCHOOL_HEAD, Role.OPERATIONS_MANAGER}),
        frozenset({Role.DEPUTY_PRINCIPAL, Role.EMPLOYEE}),
        "ORG-6",
    ),
    UnitKind.UNIT: KindShape(
        frozenset({UnitKind.OPERATING_AREA}),
        frozenset({Role.UNIT_MANAGER}),
        frozenset({Role.DEPUTY_UNIT_MANAGER, Role.EMPLOYEE}),
        "ORG-7",
    ),
    UnitKind.GROUP: KindShape(
        frozenset(
            {UnitKind.SUPPORT_UNIT, UnitKind.AUTHORITY_UNIT, UnitKind.UNIT, UnitKind.OPERATING_AREA}
        ),
        frozenset({Role.GROUP_MANAGER}),
        _STAFF,
        "ORG-5",
    ),
}

# ORG-6 / ORG-7: who may lead a verksamhetsområde depends on the production area it belongs to.
OPERATING_AREA_LEADERS: dict[WelfareBranch, frozenset[Role]] = {
    WelfareBranch.SCHOOL: frozenset({Role.PRINCIPAL, Role.PRESCHOOL_HEAD}),
    WelfareBranch.COMMUNITY_SERVICE: frozenset({Role.OPERATIONS_MANAGER}),
}
OPERATING_AREA_EXTRA_ROLES: dict[WelfareBranch, frozenset[Role]] = {
    WelfareBranch.SCHOOL: frozenset({Role.DEPUTY_PRINCIPAL, Role.EMPLOYEE}),
    WelfareBranch.COMMUNITY_SERVICE: frozenset({Role.EMPLOYEE}),
}

# ORG-1: kommunfullmäktige has 61 ledamöter; the political bodies' charters (reglementen).
COUNCIL_SEATS = 61
SEATED_ROLES = frozenset({Role.CHAIR, Role.VICE_CHAIR, Role.MEMBER})
KINDS_WITH_SEATS = frozenset({UnitKind.MUNICIPAL_COUNCIL})
KINDS_WITH_CHARTER = frozenset({UnitKind.BOARD, UnitKind.EXECUTIVE_BOARD})
KINDS_WITH_WELFARE_BRANCH = frozenset({UnitKind.PRODUCTION_AREA})
# ORG-3/ORG-9: a processägare is a direktör of the process kind (or the stadsdirektör),
# not a produktionsdirektör.
PROCESS_OWNER_ROLES = frozenset({Role.CITY_DIRECTOR, Role.DIRECTOR})
# Roles of which a body has one holder at a time (ORG-1 ordförande/vice, ORG-8 chef).
SINGLE_HOLDER_POLITICAL_ROLES = frozenset({Role.VICE_CHAIR})

MANAGER_ROLES = frozenset(role for shape in SHAPES.values() for role in shape.leading_roles)


def shape_of(kind: UnitKind) -> KindShape:
    return SHAPES[kind]


def allowed_child_kinds(parent: UnitKind | None) -> list[UnitKind]:
    return [kind for kind, shape in SHAPES.items() if parent in shape.parents]
