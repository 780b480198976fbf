"""The rule catalogue (`nacka_desktop.domain.rules`) against DOMAIN.md, the test suite and
the code: every rule of the brief is in it, with the brief's source; every rule the app
enforces names an existing test that shows it allowing and one that shows it refusing or
flagging; every rule ID and severity the code uses is one the catalogue knows.

Rules the app does not enforce yet are listed with `implemented=False` and a reason naming
the issue that brings them; their coverage test is an expected failure (strict, so that it
fails once they get tests and the catalogue still calls them unimplemented).
"""

from __future__ import annotations

import ast
import json
import re
from functools import cache
from pathlib import Path

import pytest

from nacka_desktop.domain.enums import Severity
from nacka_desktop.domain.language import Language
from nacka_desktop.domain.rules import ObjectKind, Violation, violation
from nacka_desktop.domain.rules.catalogue import RULES, Rule, RuleId

REPO = Path(__file__).parents[2]
DOMAIN_MD = REPO / ".." / "shared" / "DOMAIN.md"
PACKAGE = REPO / "nacka_desktop"

_ROW = re.compile(r"^\|\s*((?:ORG|HR|AM|DEL)-\d+)\s*\|(.*)\|(.*)\|\s*$")
_RULE_ID = re.compile(r"^(?:ORG|HR|AM|DEL|DATA)-\d+$")
# DOMAIN.md says "same section" where a rule shares the passage of the row above it.
_SAME_SECTION = "same section"


@cache
def _domain_rows() -> dict[str, tuple[str, str]] | None:
    """Rule ID → (rule text, source) of each row of DOMAIN.md's rule tables."""
    if not DOMAIN_MD.is_file():
        return None
    rows: dict[str, tuple[str, str]] = {}
    for line in DOMAIN_MD.read_text(encoding="utf-8").splitlines():
        match = _ROW.match(line)
        if match:
            rows[match.group(1)] = (match.group(2).strip(), match.group(3).strip())
    return rows


@pytest.fixture(scope="module")
def domain() -> dict[str, tuple[str, str]]:
    rows = _domain_rows()
    if rows is None:
        pytest.skip(f"the domain brief is not here: {DOMAIN_MD.resolve()}")
    return rows


# --- the catalogue and the domain brief ---------------------------------------------------------


def test_the_brief_has_rule_tables_for_each_part(domain: dict[str, tuple[str, str]]) -> None:
    # A guard on the parser: a change of table layout must not make every test below vacuous.
    assert {rule_id.split("-")[0] for rule_id in domain} == {"ORG", "HR", "AM", "DEL"}
    assert all(text and source for text, source in domain.values())


def test_every_rule_of_the_brief_is_a_rule_id_in_the_catalogue(
    domain: dict[str, tuple[str, str]],
) -> None:
    missing = [rule_id for rule_id in domain if rule_id not in {r.value for r in RuleId}]
    assert missing == []
    assert [rule_id for rule_id in domain if rule_id not in RULES] == []


def test_the_catalogue_has_no_rule_the_brief_lacks(domain: dict[str, tuple[str, str]]) -> None:
    own = {r.value for r in RuleId if r.in_domain_brief}
    assert own == set(domain)


def test_rules_is_keyed_by_every_rule_id_and_by_its_string() -> None:
    assert set(RULES) == set(RuleId)
    assert all(key == rule.rule_id for key, rule in RULES.items())
    assert RULES["AM-7"] is RULES[RuleId.AM_7]
    # mypy takes a StrEnum member's name for its value (python/mypy#19576, a false positive)
    assert RuleId.AM_7 == "AM-7" and f"{RuleId.DEL_10}" == "DEL-10"  # type: ignore[comparison-overlap]


@pytest.mark.parametrize("rule_id", [r for r in RuleId if r.in_domain_brief], ids=str)
def test_the_source_is_the_briefs(rule_id: RuleId, domain: dict[str, tuple[str, str]]) -> None:
    _text, source = domain[rule_id.value]
    catalogued = RULES[rule_id].source
    if _SAME_SECTION in source:  # the catalogue names the section; the rest must be there
        rest = source.replace(_SAME_SECTION, "").strip(" ;,")
        assert catalogued and rest in catalogued
    else:
        assert catalogued == source


def test_every_rule_has_titles_in_swedish_and_english() -> None:
    for rule in RULES.values():
        assert rule.title_sv.strip() and rule.title_en.strip(), rule.rule_id
        assert rule.severity in rule.severities


# --- the catalogue and the tests ----------------------------------------------------------------


def _coverage_params() -> list[object]:
    params: list[object] = []
    for rule in RULES.values():
        marks = (
            []
            if rule.implemented
            else [pytest.mark.xfail(reason=f"{rule.rule_id}: {rule.pending}", strict=True)]
        )
        params.append(pytest.param(rule.rule_id, marks=marks, id=str(rule.rule_id)))
    return params


@pytest.mark.parametrize("rule_id", _coverage_params())
def test_every_rule_has_an_allowed_and_a_refused_test(rule_id: RuleId) -> None:
    rule = RULES[rule_id]
    assert rule.allowed_tests, f"{rule_id} names no test of what it allows"
    assert rule.refused_tests, f"{rule_id} names no test of what it refuses or flags"


def test_a_rule_not_enforced_yet_says_what_is_missing_and_which_issue_brings_it() -> None:
    for rule in RULES.values():
        if not rule.implemented:
            assert rule.tests == (), f"{rule.rule_id} is not enforced but names tests"
            assert "issue" in rule.pending, f"{rule.rule_id} does not name its issue"


@cache
def _test_module(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _find_test(node_id: str) -> tuple[Path, ast.FunctionDef | ast.AsyncFunctionDef] | None:
    """The file and function a pytest node ID names ("file::[Class::]test[params]")."""
    file_part, *names = node_id.split("::")
    path = REPO / file_part
    if not names or not path.is_file():
        return None
    names[-1] = names[-1].split("[", 1)[0]  # a parametrised case runs the same function
    body: list[ast.stmt] = _test_module(path).body
    for name in names[:-1]:
        cls = next((n for n in body if isinstance(n, ast.ClassDef) and n.name == name), None)
        if cls is None:
            return None
        body = cls.body
    function = next(
        (
            n
            for n in body
            if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef) and n.name == names[-1]
        ),
        None,
    )
    return (path, function) if function is not None else None


def _all_node_ids() -> list[str]:
    return sorted({node_id for rule in RULES.values() for node_id in rule.tests})


@pytest.mark.parametrize("node_id", _all_node_ids())
def test_every_listed_test_exists(node_id: str) -> None:
    file_part = node_id.split("::", 1)[0]
    assert file_part.startswith("tests/") and Path(file_part).name.startswith("test_")
    found = _find_test(node_id)
    assert found is not None, f"no such test: {node_id}"
    assert found[1].name.startswith("test_"), f"pytest does not collect {node_id}"


def _source_of(node_id: str) -> str:
    found = _find_test(node_id)
    assert found is not None, node_id
    path, function = found
    lines = path.read_text(encoding="utf-8").splitlines()
    first = min([function.lineno, *(d.lineno for d in function.decorator_list)])
    return "\n".join(lines[first - 1 : function.end_lineno])


@pytest.mark.parametrize("rule_id", [r.rule_id for r in RULES.values() if r.implemented], ids=str)
def test_a_refused_test_asserts_the_rules_id(rule_id: RuleId) -> None:
    """At least one refused test of each rule names its ID (or the ID its refusals carry)."""
    rule = RULES[rule_id]
    cited = f'"{rule.reported_as or rule.rule_id}"'
    assert any(cited in _source_of(node_id) for node_id in rule.refused_tests), (
        f"no refused test of {rule_id} mentions {cited}"
    )


# --- the catalogue and the code -----------------------------------------------------------------


def _package_modules() -> list[tuple[Path, ast.Module]]:
    return [
        (path, ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
        for path in sorted(PACKAGE.rglob("*.py"))
    ]


def test_every_rule_id_in_the_code_is_in_the_catalogue() -> None:
    unknown = [
        f"{path.relative_to(REPO)}:{node.lineno}: {node.value}"
        for path, module in _package_modules()
        for node in ast.walk(module)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and _RULE_ID.match(node.value)
        and node.value not in RULES
    ]
    assert unknown == []


# Calls whose severity is always ERROR without naming it: the services' refusal and the
# refusals of a vidaredelegation.
_ALWAYS_ERROR = {"refusal", "refused", "_subdelegation_refusal"}


def _called_name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else ""


def _severities_in(argument: ast.expr) -> set[str]:
    """Severity.X named in an argument, not looking inside calls nested in it."""
    found: set[str] = set()
    pending: list[ast.AST] = [argument]
    while pending:
        node = pending.pop()
        if isinstance(node, ast.Call):
            continue
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id == "Severity"
        ):
            found.add(node.attr)
        pending.extend(ast.iter_child_nodes(node))
    return found


def test_the_code_gives_each_rule_only_severities_the_catalogue_allows() -> None:
    """Every call that names a rule and a severity outright (`Violation("AM-8", Severity.
    WARNING, …)`, a check's helper, `violation(…)`, a service's `refusal("DEL-1", …)`) gives a
    severity the catalogue allows that rule: the factory's check, done for the code that does
    not use the factory yet."""
    wrong: list[str] = []
    for path, module in _package_modules():
        for call in (n for n in ast.walk(module) if isinstance(n, ast.Call)):
            arguments = [*call.args, *(k.value for k in call.keywords)]
            rule_ids = {
                a.value
                for a in arguments
                if isinstance(a, ast.Constant)
                and isinstance(a.value, str)
                and _RULE_ID.match(a.value)
            }
            if len(rule_ids) != 1:
                continue
            (rule_id,) = rule_ids
            names = set().union(*(_severities_in(a) for a in arguments))
            if _called_name(call) in _ALWAYS_ERROR:
                names.add("ERROR")
            for name in names:
                severity = Severity[name]
                if rule_id in RULES and severity not in RULES[rule_id].severities:
                    wrong.append(f"{path.relative_to(REPO)}:{call.lineno}: {rule_id} {name}")
    assert wrong == []


# --- the one violation factory ------------------------------------------------------------------


def test_the_factory_makes_the_same_violation_as_before() -> None:
    made = violation("AM-7", Severity.WARNING, "Saknas.", "Missing.", ObjectKind.DISTRIBUTION, 4)
    assert made == Violation(
        "AM-7", Severity.WARNING, "Saknas.", "Missing.", ObjectKind.DISTRIBUTION, 4
    )
    assert made.rule_id is RuleId.AM_7
    assert json.loads(json.dumps(made.to_dict()))["rule"] == "AM-7"
    labelled = violation(
        RuleId.ORG_8, Severity.ERROR, "a", "b", ObjectKind.UNIT, 1, "valid_from", "Enhet", "Unit"
    )
    assert (labelled.field, labelled.label(Language.SWEDISH), labelled.label(Language.ENGLISH)) == (
        "valid_from",
        "Enhet",
        "Unit",
    )


def test_the_factory_refuses_an_unknown_rule() -> None:
    with pytest.raises(ValueError, match="AM-99"):
        violation("AM-99", Severity.ERROR, "a", "b", ObjectKind.UNIT, 1)


@pytest.mark.parametrize(
    ("rule_id", "severity"),
    [(RuleId.HR_1, Severity.ERROR), (RuleId.HR_4, Severity.WARNING), (RuleId.ORG_2, Severity.INFO)],
    ids=str,
)
def test_the_factory_refuses_a_severity_the_catalogue_does_not_give(
    rule_id: RuleId, severity: Severity
) -> None:
    with pytest.raises(ValueError, match=rule_id.value):
        violation(rule_id, severity, "a", "b", ObjectKind.UNIT, 1)


def test_each_rule_s_usual_severity_is_accepted() -> None:
    rule: Rule
    for rule in RULES.values():
        for severity in rule.severities:
            assert violation(rule.rule_id, severity, "a", "b", ObjectKind.UNIT, 1).severity is (
                severity
            )
