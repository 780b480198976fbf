"""The spreadsheet form of a delegation order: its columns, and the delegate written as text
("Enhetschef inom Välfärd samhällsservice", "Utskott: …", "Kommunjurist"), both ways. Shared
by the register the app writes and the import that reads it back, so the two always agree."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from datetime import date

from nacka_desktop.domain.delegation.orders import (
    DecisionKind,
    Delegate,
    DelegateKind,
    LegalBasis,
    roles_by_swedish_name,
)
from nacka_desktop.domain.enums import UnitKind
from nacka_desktop.domain.records import OrgSnapshot, UnitRecord
from nacka_desktop.domain.text import clean_text

# The columns, in the order the register and the template write them.
COL_BOARD = "Nämnd"
COL_SECTION = "Avsnitt"
COL_NUMBER = "Nr"
COL_MATTER = "Ärende"
COL_KIND = "Beslutstyp"
COL_KIND_REASON = "Skäl för beslutstyp"
COL_DELEGATE = "Delegat"
COL_SUBSTITUTE = "Ersättare"
COL_LAGRUM = "Lagrum"
COL_BASIS = "Rättslig grund"
COL_LIMITS = "Begränsningar"
COL_SUBDELEGATION = "Vidaredelegation"
COL_REPORT = "Anmäls till nämnden"
COL_NOTES = "Anmärkning"

ITEM_HEADERS: tuple[str, ...] = (
    COL_BOARD,
    COL_SECTION,
    COL_NUMBER,
    COL_MATTER,
    COL_KIND,
    COL_KIND_REASON,
    COL_DELEGATE,
    COL_SUBSTITUTE,
    COL_LAGRUM,
    COL_BASIS,
    COL_LIMITS,
    COL_SUBDELEGATION,
    COL_REPORT,
    COL_NOTES,
)
REQUIRED_HEADERS: tuple[str, ...] = (COL_NUMBER, COL_MATTER, COL_DELEGATE)
PREFERRED_SHEET = "Delegationer"

COMMITTEE_PREFIX = "Utskott:"
WITHIN = " inom "
YES = "Ja"
NO = "Nej"
NUMBER_PATTERN = re.compile(r"^\d+(\.\d+)*[a-z]?$")

_YES_WORDS = frozenset({"ja", "j", "yes", "y", "x", "sant", "true", "1"})
_NO_WORDS = frozenset({"nej", "n", "no", "falskt", "false", "0"})
# Short forms users write for the legal bases, besides the labels.
_BASIS_ALIASES = {
    "allmän kompetens": LegalBasis.GENERAL_COMPETENCE,
    "lag som anger nämnd": LegalBasis.BOARD_BY_LAW,
    "speciallag": LegalBasis.BOARD_BY_LAW,
    "lag som anger kommunen": LegalBasis.MUNICIPALITY_BY_LAW,
    "rätt direkt enligt lag": LegalBasis.ROLE_BY_LAW,
    "direkt enligt lag": LegalBasis.ROLE_BY_LAW,
}


# --- the delegate text, both ways -------------------------------------------------------------


def _unit_names(org: OrgSnapshot) -> dict[str, list[UnitRecord]]:
    """Units by folded name, built once per snapshot (a register asks for every cell)."""
    by_name: dict[str, list[UnitRecord]] | None = org.memo.get("units_by_name")
    if by_name is None:
        by_name = {}
        for unit in org.units.values():
            by_name.setdefault(unit.name.strip().casefold(), []).append(unit)
        org.memo["units_by_name"] = by_name
    return by_name


def unitcell_text(org: OrgSnapshot, unit_id: int | None) -> str:
    """A unit as the file names it: its name, or "name (code)" when the name is not unique."""
    unit = org.units.get(unit_id or 0)
    if unit is None:
        return "?"
    same = _unit_names(org).get(unit.name.strip().casefold(), [])
    return unit.name if len(same) <= 1 else f"{unit.name} ({unit.code})"


def format_delegate(org: OrgSnapshot, delegate: Delegate | None) -> str:
    """The delegate as the register writes it and `parse_delegate` reads it; "" for none."""
    if delegate is None:
        return ""
    if delegate.kind is DelegateKind.CHAIR:
        return "Ordförande"
    if delegate.kind is DelegateKind.VICE_CHAIR:
        return "Vice ordförande"
    if delegate.kind is DelegateKind.MEMBER:
        return "Ledamot"
    if delegate.kind is DelegateKind.COMMITTEE:
        return f"{COMMITTEE_PREFIX} {unitcell_text(org, delegate.unit_id)}"
    name = delegate.title.strip() or (delegate.role.label_sv if delegate.role else "")
    if delegate.unit_id is not None:
        return f"{name}{WITHIN}{unitcell_text(org, delegate.unit_id)}"
    return name


def find_unit(
    org: OrgSnapshot, text: str, kinds: Iterable[UnitKind] | None = None
) -> UnitRecord | None:
    """A unit by its name, its code, or "name (code)", case-insensitively; None if no single
    unit (of the kinds, if given) answers to it."""
    wanted = text.strip().casefold()
    allowed = set(kinds) if kinds is not None else None
    for by_key in _unit_keys(org):
        found = [u for u in by_key.get(wanted, ()) if allowed is None or u.kind in allowed]
        if len(found) == 1:
            return found[0]
    return None


def _unit_keys(org: OrgSnapshot) -> list[dict[str, list[UnitRecord]]]:
    """Units by folded name, by code and by "name (code)", built once per snapshot (an import
    looks up a unit for every row)."""
    keys: list[dict[str, list[UnitRecord]]] | None = org.memo.get("units_by_key")
    if keys is None:
        keys = [{}, {}, {}]
        for unit in org.units.values():
            for by_key, key in zip(
                keys,
                (unit.name.strip(), unit.code.strip(), f"{unit.name} ({unit.code})".strip()),
                strict=True,
            ):
                by_key.setdefault(key.casefold(), []).append(unit)
        org.memo["units_by_key"] = keys
    return keys


class DelegateTextError(ValueError):
    """The text does not name a delegate; `str()` is the Swedish explanation."""


def parse_delegate(org: OrgSnapshot, text: str) -> Delegate:
    """ "Ordförande", "Vice ordförande", "Ledamot", "Utskott: <namn>", a role's Swedish label
    or a titled position, the last two optionally followed by " inom <enhet>". A look-alike
    of a known role (case, spaces, zero-width characters) is read as that role. A named person
    or a joint delegate is refused (DEL-8: the order names positions, one at a time). Raises
    DelegateTextError."""
    text = normalise_text(text)
    folded = text.casefold()
    if not text:
        raise DelegateTextError("Delegaten saknas.")
    elected = _ELECTED_BY_LABEL.get(folded)
    if elected is not None:
        return Delegate(elected)
    if folded.startswith(COMMITTEE_PREFIX.casefold()):
        name = text[len(COMMITTEE_PREFIX) :].strip()
        committee = find_unit(org, name, [UnitKind.COMMITTEE]) if name else None
        if committee is None:
            raise DelegateTextError(
                f"Det finns inget utskott som heter {name!r}."
                if name
                else 'Ange utskottets namn efter "Utskott:".'
            )
        return Delegate(DelegateKind.COMMITTEE, unit_id=committee.id)
    unit_id: int | None = None
    name = text
    at = folded.rfind(WITHIN.casefold())
    if at > 0:
        name, scope = text[:at].strip(), text[at + len(WITHIN) :].strip()
        unit = find_unit(org, scope) if scope else None
        if unit is None:
            raise DelegateTextError(f'Det finns ingen enhet som heter {scope!r} (efter "inom").')
        unit_id = unit.id
    _refuse_joint_or_named(org, name)
    role = roles_by_swedish_name().get(name.casefold())
    if role is not None:
        return Delegate(DelegateKind.POSITION, role=role, unit_id=unit_id)
    return Delegate(DelegateKind.POSITION, title=name, unit_id=unit_id)


_ELECTED_BY_LABEL = {
    "ordförande": DelegateKind.CHAIR,
    "ordföranden": DelegateKind.CHAIR,
    "nämndens ordförande": DelegateKind.CHAIR,
    "vice ordförande": DelegateKind.VICE_CHAIR,
    "förste vice ordförande": DelegateKind.VICE_CHAIR,
    "1:e vice ordförande": DelegateKind.VICE_CHAIR,
    "andre vice ordförande": DelegateKind.VICE_CHAIR,
    "2:e vice ordförande": DelegateKind.VICE_CHAIR,
    "ledamot": DelegateKind.MEMBER,
}
# Characters that do not show but make two texts differ: zero-width spaces and joiners, the
# soft hyphen, the byte-order mark.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\u00ad\ufeff"))
# "… gemensamt", "i förening", "tillsammans med", "två handläggare": DEL-8 forbids delegating
# to employees jointly, or to an employee and an elected member jointly.
_JOINT = re.compile(r"\b(gemensamt|i förening|tillsammans med|jämte)\b|^(två|tre|fyra|\d+)\s")
# "A och B" is joint when both sides are positions; "Plan- och bygglovschef" and "Chef för
# kultur och fritid" are one title.
_AND = re.compile(r"(?<!-)\s(?:och|&|samt)\s|\s*/\s*")
_POSITION_END = re.compile(
    r"(chef|direktör|ordförande|ledamot|handläggare|sekreterare|jurist|inspektör|rektor"
    r"|controller|strateg|samordnare|assistent|registrator|medarbetare|specialist|ansvarig"
    r"|utskott|utskottet)$"
)


def normalise_text(text: str) -> str:
    """What a user meant: compatibility forms folded (NFKC), invisible characters dropped,
    runs of spaces made one."""
    return " ".join(unicodedata.normalize("NFKC", text).translate(_INVISIBLE).split())


def _refuse_joint_or_named(org: OrgSnapshot, name: str) -> None:
    folded = name.casefold()
    sides = _AND.split(folded)
    if _JOINT.search(folded) or (
        len(sides) > 1 and all(_is_position_word(side.strip()) for side in sides)
    ):
        raise DelegateTextError(
            f"{name!r} är ett gemensamt beslutsfattande. En nämnd delegerar till en befattning "
            "i taget (DEL-8, KL 6 kap 37 §): ange en befattning, och eventuellt en ersättare."
        )
    if _names_a_person(org, name):
        raise DelegateTextError(
            f"{name!r} ser ut att vara en namngiven person. Delegationsordningen anger "
            "befattningar, aldrig personer (DEL-8): ange titeln, t.ex. Kommunjurist."
        )


def _is_position_word(text: str) -> bool:
    return (
        text in roles_by_swedish_name()
        or text in _ELECTED_BY_LABEL
        or bool(_POSITION_END.search(text))
    )


def _names_a_person(org: OrgSnapshot, name: str) -> bool:
    """A person in the register, or a capitalised word after the first: Swedish titles are
    written in lower case ("Biträdande förvaltningschef"), names are not ("Lars Ek",
    "Ekonomidirektör (Per Andersson)"). Abbreviations (IT, HR) and unit names are not names."""
    if name.casefold() in _person_names(org):
        return True
    words = re.findall(r"[^\W\d_][\w-]*", name)
    for word in words[1:]:
        if word[0].isupper() and not word.isupper() and not _in_unit_name(org, name, word):
            return True
    return False


def _person_names(org: OrgSnapshot) -> frozenset[str]:
    names: frozenset[str] | None = org.memo.get("person_names")
    if names is None:
        names = frozenset(
            " ".join(f"{p.first_name} {p.last_name}".split()).casefold()
            for p in org.persons.values()
        )
        org.memo["person_names"] = names
    return names


def _in_unit_name(org: OrgSnapshot, text: str, word: str) -> bool:
    """Is the capitalised word the start of a unit's name written in the title ("Chef för
    Välfärd skola")?"""
    at = text.find(word)
    rest = text[at:].casefold()
    return any(
        rest.startswith(key) for key in _unit_keys(org)[0] if key.startswith(word.casefold())
    )


# --- other cells --------------------------------------------------------------------------------


def parse_decision_kind(text: str) -> DecisionKind | None:
    """A decision kind by its Swedish or English label or its code; None if unknown."""
    wanted = text.strip().casefold()
    for kind in DecisionKind:
        if wanted in (kind.label_sv.casefold(), kind.label_en.casefold(), kind.value):
            return kind
    return None


def parse_legal_basis(text: str) -> LegalBasis | None:
    wanted = text.strip().casefold()
    for basis in LegalBasis:
        if wanted in (basis.label_sv.casefold(), basis.value):
            return basis
    return _BASIS_ALIASES.get(wanted)


def yes_no(value: bool) -> str:
    return YES if value else NO


def parse_yes_no(value: object) -> bool | None:
    """Ja/Nej (and the usual alternatives, or an Excel boolean); None if it is neither."""
    if isinstance(value, bool):
        return value
    text = cell_text(value).casefold()
    if text in _YES_WORDS:
        return True
    if text in _NO_WORDS:
        return False
    return None


def column_help() -> Mapping[str, str]:
    """What each column holds, for the template's instructions."""
    return {
        COL_BOARD: "Nämndens namn eller kod (valfri). Rader för en annan nämnd läses inte in.",
        COL_SECTION: "Avsnittets rubrik, t.ex. Personalärenden (valfri).",
        COL_NUMBER: "Punktens nummer, t.ex. 3, 3.2 eller 3.2a (krävs).",
        COL_MATTER: "Ärendet som delegeras (krävs).",
        COL_KIND: "Beslutstypen, se listan nedan. Tom: gissas från ärendets ord.",
        COL_KIND_REASON: (
            "Krävs när beslutstypen avviker från ärendets ord så att en vägran hävs "
            "(t.ex. Avsked angivet som Övrigt): varför (DEL-14)."
        ),
        COL_DELEGATE: "Vem som beslutar, se formaten nedan (krävs). Aldrig en namngiven person.",
        COL_SUBSTITUTE: "Ersättare när delegaten är frånvarande, samma format (valfri).",
        COL_LAGRUM: "Lagrum, t.ex. 6 kap. 39 § KL (valfri).",
        COL_BASIS: "Rättslig grund, se listan nedan. Tom: allmän kompetens, delegerad av KF.",
        COL_LIMITS: "Begränsningar, t.ex. beloppsgränser (valfri).",
        COL_SUBDELEGATION: "Ja om delegaten får vidaredelegera (DEL-10). Tom: Nej.",
        COL_REPORT: "Ja om besluten anmäls till nämnden (DEL-11). Tom: Ja.",
        COL_NOTES: "Anmärkning (valfri).",
    }


def cell_text(value: object) -> str:
    """A cell as text: numbers as typed ("2", "1.5"), dates as ISO dates, None as "", text
    cleaned (`clean_text`: "Stadsdirektör" with a zero-width space is "Stadsdirektör")."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, date):
        return value.isoformat()
    return clean_text(str(value))


# --- citations --------------------------------------------------------------------------------

# The laws delegationsordningar cite most, by the name written out and the short form.
_LAW_SHORT = {
    "kommunallagen": "KL",
    "förvaltningslagen": "FL",
    "offentlighets- och sekretesslagen": "OSL",
    "skollagen": "SL",
    "socialtjänstlagen": "SoL",
    "plan- och bygglagen": "PBL",
    "miljöbalken": "MB",
    "lagen om anställningsskydd": "LAS",
    "lagen om offentlig upphandling": "LOU",
    "lagen om stöd och service till vissa funktionshindrade": "LSS",
    "arkivlagen": "ArkL",
    "tryckfrihetsförordningen": "TF",
}
_SHORT_FORMS = frozenset(_LAW_SHORT.values()) | {"AB", "MBL", "LOA", "LVU", "LVM", "LOV", "HSL"}
_NBSP = "\u00a0"


def format_citation(text: str) -> str:
    """One citation style everywhere: the law's short form first, then "6 kap. 39 §", with
    non-breaking spaces so a line never starts with "§" ("6 kap. 40 § kommunallagen",
    "6 kap 39 § KL" and "KL 6 kap 39§" all become "KL 6 kap. 39 §"). Text it does not
    recognise is kept as written, spaces tidied."""
    cited = " ".join(text.split())
    if not cited:
        return ""
    folded = cited.casefold()
    for name, short in _LAW_SHORT.items():
        if folded.endswith(" " + name):
            cited = f"{short} {cited[: -len(name) - 1]}"
            break
    words = cited.rsplit(" ", 1)
    if len(words) == 2 and words[1] in _SHORT_FORMS and not cited.startswith(words[1]):
        cited = f"{words[1]} {words[0]}"
    cited = re.sub(r"(\d+)\s*kap\.?(?=\s|$)", rf"\1{_NBSP}kap.", cited)
    cited = re.sub(r"(\d+(?:\s*[–-]\s*\d+)?)\s*(§§?)", rf"\1{_NBSP}\2", cited)
    return re.sub(r"kap\.\s+(\d)", rf"kap.{_NBSP}\1", cited)
