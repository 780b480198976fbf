"""`nacka-desktop export orgchart`: the file, and clear refusals with exit code 2."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pikepdf
import pytest

from nacka_desktop import cli
from nacka_desktop.services.context import Services
from tests.conftest import TODAY, build_sample

from .test_cli import run


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("orgchart") / "sample.db"
    services = Services.open(path)
    build_sample(services.database, TODAY)
    services.close()
    return path


def export(db: Path, out: Path, *options: str) -> list[str]:
    return ["export", "orgchart", "--db", str(db), "--out", str(out), *options]


def test_pdf_of_the_whole_organisation(
    sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "schema.pdf"
    code, out, err = run(export(sample_db, target, "--on", TODAY.isoformat()), capsys)
    assert (code, err) == (cli.EXIT_OK, "")
    assert f"Skrev {target}" in out
    with pikepdf.open(target) as pdf:
        box = [float(v) for v in pdf.pages[0].mediabox]
    assert box[2] > box[3]  # landscape, A3 by default
    assert round(box[2]) == 1191
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True).stdout
    assert "Kommunfullmäktige" in text and "Stadsledningskontoret" in text


def test_svg_of_a_branch_on_a4(
    sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "gren.svg"
    options = ("--on", TODAY.isoformat(), "--unit", "slk", "--depth", "1", "--paper", "a4")
    code, _out, err = run(export(sample_db, target, *options), capsys)
    assert (code, err) == (cli.EXIT_OK, "")
    texts = {t.text for t in ET.parse(target).getroot().iter("{http://www.w3.org/2000/svg}text")}
    assert "Stadsledningskontoret" in texts and "Välfärd skola" in texts
    assert "Kommunfullmäktige" not in texts  # above the branch
    assert "Fisksätra skola" not in texts  # two levels down


def test_an_unknown_unit_code_is_named(
    sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "schema.pdf"
    code, _out, err = run(export(sample_db, target, "--unit", "XYZ"), capsys)
    assert code == cli.EXIT_USAGE
    assert "ingen enhet har koden 'XYZ'" in err
    assert not target.exists()


def test_a_file_type_other_than_pdf_or_svg_is_refused(
    sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "schema.png"
    code, _out, err = run(export(sample_db, target), capsys)
    assert code == cli.EXIT_USAGE
    assert "använd .pdf eller .svg" in err
    assert not target.exists()


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--on", "2026-13-01", "ogiltigt datum"),
        ("--depth", "-1", "ogiltigt djup"),
        ("--depth", "två", "ogiltigt djup"),
        ("--paper", "a5", "invalid choice"),
    ],
)
def test_a_bad_option_is_a_usage_error(
    sample_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    option: str,
    value: str,
    message: str,
) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(export(sample_db, tmp_path / "s.pdf", option, value), launch_gui=lambda _db: 1)
    assert exited.value.code == cli.EXIT_USAGE
    assert message in capsys.readouterr().err
    assert not (tmp_path / "s.pdf").exists()


def test_a_missing_database_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(export(tmp_path / "none.db", tmp_path / "s.pdf"), capsys)
    assert code == cli.EXIT_CANNOT_OPEN
    assert err
