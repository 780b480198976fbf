"""The user guide's pages: the task pages written in Markdown (`resources/help/<lang>/`) and a
page per rule, built from the rule catalogue and the explanations in `resources/help/
rules.toml`, so a rule added to the catalogue without an explanation has no page (and
tests/ui/test_help.py fails).

A page is named by its path inside the guide, the same in both languages: `index.md`,
`organisation.md`, `rules/index.md`, `rules/AM-7.md`, `images/main-window.png` …
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache

from nacka_desktop.domain.enums import Severity
from nacka_desktop.domain.language import Language
from nacka_desktop.domain.rules.catalogue import RULES, Rule
from nacka_desktop.resource_files import help_files

HOME = "index.md"
RULES_INDEX = "rules/index.md"
# The task pages, in the order the contents list shows them (the rules' index comes last).
TASK_PAGES = (
    "index.md",
    "organisation.md",
    "orgchart.md",
    "work-environment.md",
    "delegation-letter.md",
    "delegation-order.md",
)
_RULE_PAGE = re.compile(r"rules/([A-Z]+-\d+)\.md")
_HEADING = re.compile(r"^#\s+(.+)$", re.MULTILINE)
_FAMILIES = ("ORG", "HR", "AM", "DEL", "DATA")


def rule_page(rule_id: str) -> str:
    return f"rules/{rule_id}.md"


@dataclass(frozen=True)
class Explanation:
    sv: str
    en: str
    source_sv: str
    source_en: str

    def text(self, language: Language) -> str:
        return language.pick(self.sv, self.en)

    def source(self, language: Language) -> str:
        return language.pick(self.source_sv, self.source_en)


@cache
def explanations() -> dict[str, Explanation]:
    """The explanation of each rule that has one in rules.toml, by rule ID."""
    data = tomllib.loads((help_files() / "rules.toml").read_text(encoding="utf-8"))
    return {
        rule_id: Explanation(
            str(entry.get("sv", "")).strip(),
            str(entry.get("en", "")).strip(),
            str(entry.get("source_sv", "")).strip(),
            str(entry.get("source_en", "")).strip(),
        )
        for rule_id, entry in data.items()
    }


def page_text(language: Language, page: str) -> str | None:
    """The Markdown of a page in the language, or None if the guide has no such page."""
    if page == RULES_INDEX:
        return rules_index(language)
    match = _RULE_PAGE.fullmatch(page)
    if match is not None:
        return rule_text(language, match.group(1))
    if ".." in page.split("/"):
        return None
    resource = help_files() / language.code / page
    return resource.read_text(encoding="utf-8") if resource.is_file() else None


def image_bytes(language: Language, page: str) -> bytes | None:
    if ".." in page.split("/"):
        return None
    resource = help_files() / language.code / page
    return resource.read_bytes() if resource.is_file() else None


def page_title(language: Language, page: str) -> str:
    """The page's first heading (its file name if it has none)."""
    text = page_text(language, page) or ""
    match = _HEADING.search(text)
    return match.group(1).strip() if match else page


def _severity_line(rule: Rule, language: Language) -> str:
    refused = Severity.ERROR in rule.severities
    warned = Severity.WARNING in rule.severities
    if refused and warned:
        return language.pick(
            "Programmet vägrar en ändring som bryter mot regeln, eller visar en varning i "
            "panelen Problem när läget uppstått på annat sätt (t.ex. efter en omorganisation).",
            "The app refuses a change that breaks the rule, or shows a warning in the "
            "Problems panel when the situation arose another way (after a reorganisation, "
            "for example).",
        )
    if refused:
        return language.pick(
            "Programmet vägrar en ändring som bryter mot regeln (fel).",
            "The app refuses a change that breaks the rule (error).",
        )
    return language.pick(
        "Programmet varnar i panelen Problem men vägrar inte ändringen (varning).",
        "The app warns in the Problems panel but does not refuse the change (warning).",
    )


def rule_text(language: Language, rule_id: str) -> str | None:
    """The page of one rule: its title, what it means, how the app applies it, its source."""
    rule = RULES.get(rule_id)
    explanation = explanations().get(rule_id)
    if rule is None or explanation is None or not explanation.text(language):
        return None
    title = language.pick(rule.title_sv, rule.title_en)
    source_heading = language.pick("Källa", "Source")
    lines = [
        f"# {rule_id}: {title}",
        "",
        explanation.text(language),
        "",
        f"*{_severity_line(rule, language)}*",
    ]
    if rule.reported_as is not None:
        lines += [
            "",
            language.pick(
                f"En vägran enligt regeln anges som [{rule.reported_as}]({rule.reported_as}.md).",
                f"A refusal under this rule is given as [{rule.reported_as}]"
                f"({rule.reported_as}.md).",
            ),
        ]
    lines += [
        "",
        f"## {source_heading}",
        "",
        explanation.source(language),
        "",
        "---",
        "",
        language.pick(
            "[Alla regler](index.md) · [Användarhandboken](../index.md)",
            "[All rules](index.md) · [The user guide](../index.md)",
        ),
        "",
    ]
    return "\n".join(lines)


def rules_index(language: Language) -> str:
    """Every rule of the catalogue that has a page, by family, linked to its page."""
    headings = {
        "ORG": language.pick("Organisationen", "The organisation"),
        "HR": language.pick("Personalbeslut", "Personnel decisions"),
        "AM": language.pick("Arbetsmiljöuppgifter", "Work-environment tasks"),
        "DEL": language.pick("Delegation av beslutanderätt", "Delegation of decision rights"),
        "DATA": language.pick("Korrekta uppgifter", "Correct data"),
    }
    lines = [
        language.pick("# Reglerna", "# The rules"),
        "",
        language.pick(
            "Varje fel eller varning i programmet anger en regel, t.ex. AM-7. Här förklaras "
            "varje regel och var den kommer ifrån. Klicka på regeln i panelen *Problem* eller "
            "på *Hjälp* i ett meddelande för att komma direkt till regeln.",
            "Every error or warning in the app names a rule, AM-7 for example. Each rule is "
            "explained here with where it comes from. Click the rule in the *Problems* panel, "
            "or *Help* in a message, to come straight to it.",
        ),
    ]
    for family in _FAMILIES:
        lines += ["", f"## {headings[family]}", ""]
        for rule in RULES.values():
            if rule.rule_id.family == family and rule.rule_id in explanations():
                title = language.pick(rule.title_sv, rule.title_en)
                lines.append(f"- [{rule.rule_id}]({rule.rule_id}.md): {title}")
    guide = language.pick("[Användarhandboken](../index.md)", "[The user guide](../index.md)")
    lines += ["", guide]
    return "\n".join(lines) + "\n"
