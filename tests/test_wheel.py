"""The wheel is the app: built from this checkout and installed in a fresh environment, it writes
a PDF/A letter with the embedded fonts and colour profile and finds its icons and English
catalogue, with the checkout out of sight.

The slow packaging test (marker `packaging`, about ten seconds): it builds the wheel without
build isolation (no network; setuptools comes from the dev extra), makes a venv without pip
whose dependencies are the dev environment's site-packages, added as a plain path so that none
of that directory's .pth files run (the editable install of this checkout is one of them), and
installs the wheel there with the dev environment's pip.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pikepdf
import pytest

pytestmark = pytest.mark.packaging

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "resources"
# What the build reads: a copy of it is built, so no build/ or .egg-info lands in the checkout
# and nothing a previous build left there can slip into the wheel.
BUILD_INPUTS = ("pyproject.toml", "README.md", "nacka_desktop", "resources")
TIMEOUT = 180  # seconds for one step; a hang fails the test instead of the whole run


@dataclass(frozen=True)
class Installed:
    wheel: Path
    python: Path
    command: Path  # the nacka-desktop console script
    site_packages: Path
    workdir: Path  # outside the checkout, the cwd of every run


def _run(args: list[str | Path], cwd: Path, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        [str(arg) for arg in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert result.returncode == 0, f"{args} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def _build_wheel(folder: Path) -> Path:
    source = folder / "source"
    source.mkdir()
    for name in BUILD_INPUTS:
        if (ROOT / name).is_dir():
            shutil.copytree(
                ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            shutil.copy2(ROOT / name, source / name)
    wheels = folder / "wheels"
    pip_wheel = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps"]
    _run([*pip_wheel, "--no-build-isolation", "--no-index", "--wheel-dir", wheels, source], folder)
    (wheel,) = wheels.glob("nacka_desktop-*.whl")
    return wheel


def _fresh_environment(folder: Path) -> tuple[Path, Path]:
    venv = folder / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", venv], cwd=folder)
    python = venv / "bin" / "python"
    site_packages = Path(
        _run(
            [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], folder
        ).strip()
    )
    dev_site_packages = dict.fromkeys(sysconfig.get_paths()[key] for key in ("purelib", "platlib"))
    # A plain path line only appends to sys.path (site.addpackage): the .pth files there,
    # the editable finder's among them, are not processed.
    (site_packages / "dev_dependencies.pth").write_text(
        "".join(f"{path}\n" for path in dev_site_packages), "utf-8"
    )
    return python, site_packages


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    folder = tmp_path_factory.mktemp("wheel")
    wheel = _build_wheel(folder)
    python, site_packages = _fresh_environment(folder)
    # pip's --python installs into an environment that has no pip of its own.
    pip: list[str | Path] = [sys.executable, "-m", "pip", "--python", python]
    _run([*pip, "install", "--quiet", "--no-deps", "--no-index", wheel], folder)
    workdir = folder / "work"
    workdir.mkdir()
    return Installed(wheel, python, python.parent / "nacka-desktop", site_packages, workdir)


def _environment() -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP")
    }
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONNOUSERSITE="1")
    return env


def _resource_files(folder: Path) -> set[str]:
    return {
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


def test_the_wheel_holds_every_package_and_every_resource(installed: Installed) -> None:
    """pyproject.toml lists the packages (the mapped resources/ cannot be discovered): a new
    package folder missing from the list, or a resource outside package-data, fails here."""
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    packages = {
        path.parent.relative_to(ROOT).as_posix()
        for path in (ROOT / "nacka_desktop").rglob("__init__.py")
    }
    in_wheel = {name.removesuffix("/__init__.py") for name in names if name.endswith("__init__.py")}
    assert packages | {"nacka_desktop/resources"} == in_wheel
    resources = {f"nacka_desktop/resources/{name}" for name in _resource_files(RESOURCES)}
    assert resources <= names, f"not in the wheel: {sorted(resources - names)}"
    assert not [name for name in names if name.startswith("resources/")], "a top-level package"


PROBE = """
import importlib.resources, json, sys
import nacka_desktop
from nacka_desktop.resource_files import fonts, help_files, icc_profiles, icons, translations
resources = importlib.resources.files("nacka_desktop.resources")
def walk(folder, prefix):
    for entry in folder.iterdir():
        if entry.is_dir():
            yield from walk(entry, f"{prefix}{entry.name}/")
        else:
            yield f"{prefix}{entry.name}"
print(json.dumps({
    "package": nacka_desktop.__file__,
    "resources": str(resources),
    "files": sorted(
        f"{folder.name}/{entry.name}"
        for folder in (icons(), fonts(), icc_profiles(), translations())
        for entry in folder.iterdir()
    ) + sorted(walk(help_files(), "help/")),
    "editable_finders": [repr(finder) for finder in sys.meta_path if "editable" in repr(finder)],
}))
"""


def test_the_installed_package_and_its_resources_come_from_the_fresh_environment(
    installed: Installed,
) -> None:
    found = json.loads(_run([installed.python, "-c", PROBE], installed.workdir, _environment()))
    assert Path(found["package"]).is_relative_to(installed.site_packages), found["package"]
    assert Path(found["resources"]) == installed.site_packages / "nacka_desktop" / "resources"
    assert found["editable_finders"] == []
    expected = _resource_files(RESOURCES) - {"__init__.py"}
    assert set(found["files"]) == expected


def test_the_installed_command_writes_a_letter_with_the_dejavu_fonts_embedded(
    installed: Installed,
) -> None:
    env = _environment()
    database = installed.workdir / "exempel.db"
    _run([installed.command, "demo", "--db", database], installed.workdir, env)
    letter = installed.workdir / "brev.pdf"
    argv: list[str | Path] = ["export", "letter", "distribution", "1", "--db", database]
    _run([installed.command, *argv, "--out", letter], installed.workdir, env)
    pdf = letter.read_bytes()
    assert pdf.startswith(b"%PDF-")
    assert b"/FontFile2" in pdf  # an embedded TrueType font, not a reference to one
    assert b"+DejaVuSans" in pdf
    # PDF/A-2b, its output intent's sRGB profile read from the installed package
    assert b"<pdfaid:part>2</pdfaid:part>" in pdf
    with pikepdf.open(letter) as opened:
        (intent,) = opened.Root.OutputIntents
        profile = intent.DestOutputProfile.read_bytes()
    assert profile == (RESOURCES / "icc" / "sRGB.icc").read_bytes()


QT_PROBE = """
import json, sys
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from nacka_desktop.domain.language import Language
from nacka_desktop.ui.shell.i18n import LanguageSwitcher
from nacka_desktop.ui.shell.icons import icon
app = QGuiApplication([])
context, source = sys.argv[1:3]
switcher = LanguageSwitcher()
print(json.dumps({
    "icon_drawn": not icon("unit").pixmap(32, 32).isNull(),
    "catalogue_loaded": switcher.apply(Language.ENGLISH),
    "translated": QCoreApplication.translate(context, source),
}))
"""


def _a_translated_message() -> tuple[str, str, str]:
    ts = ET.parse(RESOURCES / "translations" / "nacka_desktop_en.ts")
    for context in ts.getroot().iter("context"):
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.findtext("translation") or ""
            if translation and translation != source:
                return context.findtext("name") or "", source, translation
    raise AssertionError("the catalogue translates nothing")


def test_qt_draws_an_icon_and_loads_the_english_catalogue_from_the_installed_package(
    installed: Installed,
) -> None:
    context, source, translation = _a_translated_message()
    output = _run(
        [installed.python, "-c", QT_PROBE, context, source], installed.workdir, _environment()
    )
    assert json.loads(output) == {
        "icon_drawn": True,
        "catalogue_loaded": True,
        "translated": translation,
    }
