"""A refusal the services raise reads in the language it is shown in, whole: the English
message of a NotFoundError names the missing thing in English ("Punkten 5 does not exist"
mixed the two), and the stale and concurrent refusals pick their own text."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from nacka_desktop.domain.language import Language
from nacka_desktop.services.editing import ConcurrentEditError, NotFoundError, StaleEditError

PACKAGE = Path(__file__).resolve().parents[2] / "nacka_desktop"


def _names_the_services_raise() -> list[str]:
    """The first argument of every `NotFoundError("…", …)` in the package."""
    names: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "NotFoundError"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                names.add(node.args[0].value)
    return sorted(names)


def test_the_scan_finds_the_names_the_services_use() -> None:
    assert {"Enheten", "Punkten", "Vidaredelegationen"} <= set(_names_the_services_raise())


@pytest.mark.parametrize("what", _names_the_services_raise())
def test_a_missing_thing_is_named_in_english_in_the_english_message(what: str) -> None:
    error = NotFoundError(what, 7)
    assert error.text(Language.SWEDISH) == f"{what} 7 finns inte (längre)."
    english = error.text(Language.ENGLISH)
    assert english.endswith(" 7 does not exist (any more).")
    assert what not in english


def test_a_refusal_to_save_over_someone_elses_change_picks_its_language() -> None:
    stale = StaleEditError("enheten", "the unit")
    assert "Någon annan har ändrat enheten" in stale.text(Language.SWEDISH)
    assert "Someone else has changed the unit" in stale.text(Language.ENGLISH)
    concurrent = ConcurrentEditError()
    assert concurrent.text(Language.ENGLISH).startswith("Someone else changed the same data")
