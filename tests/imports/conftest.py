"""Fixtures of the hostile-file and fuzz tests of the import: the sample organisation built
once per module, a copy of its file per test."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from nacka_desktop.services.context import Services
from tests.conftest import TODAY

from .hostile_files import sample_template


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_template(tmp_path_factory.mktemp("template") / "sample.db")


@pytest.fixture
def sample(template: Path, db_path: Path) -> Iterator[Services]:
    """The sample organisation without its delegation orders, a copy of the file per test."""
    shutil.copy2(template, db_path)
    services = Services.open(db_path, clock=lambda: TODAY, create=False)
    yield services
    services.close()
