"""The violation value every check returns, and the one factory that makes it.

`violation()` makes a violation only of a rule and severity the catalogue
(`rule_catalogue.py`) knows.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dataclass_field

from nacka_desktop.domain.enums import Severity
from nacka_desktop.domain.language import LabelledEnum, Language
from nacka_desktop.domain.rules.catalogue import RULES, RuleId


class ObjectKind(LabelledEnum):
    UNIT = "unit"
    PERSON = "person"
    APPOINTMENT = "appointment"
    PROCESS = "process"
    WORK_TASK = "work_task"
    DISTRIBUTION = "distribution"
    TASK_RETURN = "task_return"
    DELEGATION_ORDER = "delegation_order"
    DELEGATION_ITEM = "delegation_item"
    SUBDELEGATION = "subdelegation"
    DELEGATED_DECISION = "delegated_decision"
    COUNCIL_MATTER = "council_matter"
    AUDIT_ENTRY = "audit_entry"  # an entry of the audit log (DATA-8)


def violation(
    rule: RuleId | str,
    severity: Severity,
    sv: str,
    en: str,
    object_kind: ObjectKind,
    object_id: int,
    field: str | None = None,
    label: str = "",
    label_en: str = "",
) -> Violation:
    """The one way to make a violation: the rule must be in the catalogue and the severity
    one the catalogue gives it (ValueError otherwise), so a typo or a warning turned error
    shows up at once instead of in a user's Problems panel."""
    try:
        rule_id = RuleId(rule)
    except ValueError:
        raise ValueError(f"{rule} is not a rule of the catalogue") from None
    entry = RULES[rule_id]
    if severity not in entry.severities:
        allowed = ", ".join(sorted(s.value for s in entry.severities))
        raise ValueError(f"{rule_id} is never {severity.value} (the catalogue says {allowed})")
    return Violation(rule_id, severity, sv, en, object_kind, object_id, field, label, label_en)


@dataclass(frozen=True)
class Violation:
    rule_id: str
    severity: Severity
    message: str
    message_en: str
    object_kind: ObjectKind
    object_id: int
    field: str | None = None
    object_label: str = dataclass_field(default="", compare=False)
    object_label_en: str = dataclass_field(default="", compare=False)

    def label(self, language: Language) -> str:
        return language.pick(self.object_label, self.object_label_en or self.object_label)

    def text(self, language: Language) -> str:
        return language.pick(self.message, self.message_en)

    @property
    def key(self) -> tuple[str, str, int, str]:
        """Identity across edits: not the message, which names things a rename changes."""
        return (self.rule_id, self.object_kind.value, self.object_id, self.field or "")

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def to_dict(self) -> dict[str, object]:
        return {
            "rule": str(self.rule_id),
            "severity": self.severity.value,
            "message": self.message,
            "message_en": self.message_en,
            "object": {"kind": self.object_kind.value, "id": self.object_id},
            "object_label": self.object_label,
            "object_label_en": self.object_label_en or self.object_label,
            "field": self.field,
        }


def sort_violations(violations: list[Violation]) -> list[Violation]:
    return sorted(
        violations, key=lambda v: (v.severity.rank, v.rule_id, v.object_label, v.object_id)
    )


class RuleViolationError(Exception):
    """An edit was refused because it would break one or more rules of severity error."""

    def __init__(self, violations: list[Violation]) -> None:
        self.violations = violations
        text = "; ".join(f"{v.rule_id}: {v.message}" for v in violations)
        super().__init__(text)

    @property
    def message(self) -> str:
        return "\n".join(f"{v.rule_id}: {v.message}" for v in self.violations)
