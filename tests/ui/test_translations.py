"""The English catalogue covers every Swedish UI string, and the compiled .qm matches it."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "nacka_desktop_en.ts"
QM = TS.with_suffix(".qm")
BIN = Path(sys.executable).parent


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(ts)
    return {
        (context.findtext("name") or "", message.findtext("source") or ""): message
        for context in tree.getroot().iter("context")
        for message in context.iter("message")
    }


def _tool(name: str) -> str:
    path = BIN / name
    if path.exists():
        return str(path)
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed")
    return found


def test_every_ui_string_is_in_the_catalogue_and_translated(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    sources = [str(p) for p in (ROOT / "nacka_desktop" / "ui").glob("*.py")]
    subprocess.run(
        [_tool("pyside6-lupdate"), "-locations", "none", *sources, "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    committed = _messages(TS)
    missing = sorted(set(_messages(fresh)) - set(committed))
    assert not missing, f"run `make translations`; new strings: {missing}"
    unfinished = [
        key
        for key, message in committed.items()
        if (message.find("translation") is None)
        or message.find("translation").get("type") in ("unfinished", "obsolete")  # type: ignore[union-attr]
        or not (message.findtext("translation") or "").strip()
    ]
    assert not unfinished, f"untranslated: {unfinished}"


def test_compiled_catalogue_is_up_to_date(tmp_path: Path) -> None:
    compiled = tmp_path / "en.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), str(TS), "-qm", str(compiled)],
        check=True,
        capture_output=True,
    )
    assert compiled.read_bytes() == QM.read_bytes(), "run `make translations`"
