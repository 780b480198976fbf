"""The English catalogue covers every Swedish UI string, and the compiled .qm matches it.

The `.ts` file is the source of the English text (edit it in Qt Linguist or by hand);
`make translations` only runs lupdate (which adds new strings, unfinished) and lrelease, so a
string added to the UI fails here until it is translated."""

from __future__ import annotations

import re
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
    sources = [str(p) for p in sorted((ROOT / "nacka_desktop" / "ui").rglob("*.py"))]
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
        if (translation := message.find("translation")) is None
        or translation.get("type") in ("unfinished", "obsolete")
        or not (message.findtext("translation") or "").strip()
    ]
    assert not unfinished, f"untranslated: {unfinished}"


PLACEHOLDER = re.compile(r"\{\w*\}")
TAG = re.compile(r"</?\w+[^>]*>")
ACCELERATOR = re.compile(r"&(?!&)")


def test_each_translation_keeps_the_placeholders_tags_and_accelerator_of_its_source() -> None:
    """A lost {name} shows a raw placeholder (or raises), a lost <b> breaks the layout, and a
    lost & takes a menu's keyboard shortcut away."""
    broken = []
    for (context, source), message in _messages(TS).items():
        target = message.findtext("translation") or ""
        for pattern, what in (
            (PLACEHOLDER, "placeholders"),
            (TAG, "HTML tags"),
            (ACCELERATOR, "accelerator (&)"),
        ):
            if sorted(pattern.findall(source)) != sorted(pattern.findall(target)):
                broken.append(f"[{context}] {source!r} → {target!r}: {what} differ")
    assert not broken, "\n".join(broken)


def test_compiled_catalogue_is_up_to_date(tmp_path: Path) -> None:
    compiled = tmp_path / "en.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), str(TS), "-qm", str(compiled)],
        check=True,
        capture_output=True,
    )
    assert compiled.read_bytes() == QM.read_bytes(), "run `make translations`"
