"""`demo --scale`: a large organisation, built beside the file and moved over it only when
complete."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from nacka_desktop import cli
from nacka_desktop.sample import scale as scale_sample
from nacka_desktop.sample.scale import ScaleSampleError, ScaleSummary
from nacka_desktop.storage.database import Database

from .test_cli import run


def leftovers(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.name}.partial*"))


def test_demo_scale_builds_the_organisation_and_says_how_long_each_step_took(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "x.db"
    code, out, err = run(["demo", "--db", str(path), "--scale", "60"], capsys)
    assert code == cli.EXIT_OK, err
    lines = out.strip().splitlines()
    assert lines[0] == "Bygger organisationen …"
    made = f"Skalad organisation (60) skapad i {path}: 60 enheter"
    assert any(line.startswith(made) for line in lines)
    assert any(line.startswith("  delegationsbeslut: bygge ") for line in lines)
    assert lines[-1].startswith("Klart på ")
    assert path.exists()
    assert leftovers(path) == []
    code, out, _ = run(["check", "--db", str(path), "--json"], capsys)
    assert code == cli.EXIT_OK
    assert json.loads(out)["counts"]["error"] == 0


def test_demo_help_offers_the_scales(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["demo", "--help"], launch_gui=lambda _db: 0)
    help_text = capsys.readouterr().out
    assert "--scale" in help_text
    assert "stockholm" in help_text


def test_an_unknown_scale_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "x.db"
    code, out, err = run(["demo", "--db", str(path), "--scale", "göteborg"], capsys)
    assert code == cli.EXIT_USAGE
    assert "okänd skala" in err
    assert out == ""
    assert not path.exists()


def test_a_failed_build_leaves_the_file_that_was_there(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(
        database: Database, today: date, units: int, progress: object = None
    ) -> ScaleSummary:
        raise ScaleSampleError("arbetsmiljöuppgifter", [])

    monkeypatch.setattr(scale_sample, "build_scaled_organisation", broken)
    path = tmp_path / "x.db"
    path.write_text("mina anteckningar", encoding="utf-8")
    code, _, err = run(["demo", "--db", str(path), "--scale", "60", "--force"], capsys)
    assert code == cli.EXIT_RULE_ERRORS
    assert "bryter mot reglerna" in err
    assert path.read_text(encoding="utf-8") == "mina anteckningar"
    assert leftovers(path) == []


def test_a_half_made_file_of_a_killed_build_is_no_obstacle(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "x.db"
    Path(f"{path}.partial").write_bytes(b"half-made")
    code, _, err = run(["demo", "--db", str(path), "--scale", "60"], capsys)
    assert code == cli.EXIT_OK, err
    assert path.exists()
    assert leftovers(path) == []
