"""The icons, fonts, colour profile and translations the app ships, found by package name
wherever it runs.

They are the package nacka_desktop.resources: in the repository the top-level folder
resources/, which the build maps to that name (pyproject.toml), so the editable install of a
checkout, an installed wheel and the frozen app (installer/nacka-desktop.spec) all answer to
it. No path is computed from this file's location: in a wheel there is no resources/ beside it.

Pure Python and outside the layers, so exports (fonts) and ui (icons, translations) may both
use it.
"""

from __future__ import annotations

import atexit
from contextlib import ExitStack
from importlib.resources import as_file, files
from importlib.resources.abc import Traversable
from pathlib import Path

PACKAGE = "nacka_desktop.resources"

# Copies that as_file made of resources inside an archive, kept until the program ends (Qt and
# reportlab may open a file again long after it was asked for). From a folder nothing is copied.
_copies = ExitStack()
atexit.register(_copies.close)


def resources() -> Traversable:
    return files(PACKAGE)


def icons() -> Traversable:
    """The SVG icons, one per kind of object (`unit.svg`, `person.svg`, …)."""
    return resources() / "icons"


def fonts() -> Traversable:
    """The DejaVu Sans TrueType fonts the letters embed, and their licence."""
    return resources() / "fonts"


def icc_profiles() -> Traversable:
    """The colour profiles the PDF letters embed: `sRGB.icc`, their PDF/A output intent
    (made by tools/make_srgb_profile.py)."""
    return resources() / "icc"


def translations() -> Traversable:
    """The UI's catalogues: `nacka_desktop_LANG.ts` (the source) and `.qm` (compiled)."""
    return resources() / "translations"


def real_path(resource: Traversable) -> Path:
    """A file on disk with the resource's content, for libraries that open files by name (Qt,
    reportlab). Installed from a wheel or run from a checkout it is the file itself."""
    return _copies.enter_context(as_file(resource))


def help_files() -> Traversable:
    """The user guide: `sv/` and `en/` with the task pages (Markdown) and their screenshots
    (`images/`, made by tools/guide_screenshots.py), and `rules.toml`, the explanation and
    source of every rule, from which the help window builds a page per rule."""
    return resources() / "help"
