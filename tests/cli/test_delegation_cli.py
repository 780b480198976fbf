"""The delegation commands of the command line on the demo database: letters, reports,
registers, the template and the import, each writing a file a user can open."""

from __future__ import annotations

import shutil
import subprocess
from datetime import timedelta
from pathlib import Path

import openpyxl
import pytest

from nacka_desktop import cli
from nacka_desktop.domain.dates import today
from nacka_desktop.domain.delegation.orders import OrderStatus
from nacka_desktop.domain.enums import Role
from nacka_desktop.services.context import Services

from .test_cli import no_gui, run

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed"
)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("delegation-cli") / "demo.db"
    assert cli.main(["demo", "--db", str(path)], launch_gui=no_gui) == cli.EXIT_OK
    return path


def pdf_text(path: Path) -> str:
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(done.stdout.split())


def export(demo: Path, out: Path, *argv: str, capsys: pytest.CaptureFixture[str]) -> Path:
    code, _out, err = run(["export", *argv, "--db", str(demo), "--out", str(out)], capsys)
    assert code == cli.EXIT_OK, err
    assert out.exists()
    return out


@needs_poppler
def test_the_reports_to_the_board_and_the_separate_record(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    period = ["--from", (today() - timedelta(days=60)).isoformat()]
    period += ["--to", today().isoformat()]

    def report(kind: str, board: str, *extra: str) -> str:
        out = tmp_path / f"{kind}-{board}{'-'.join(extra)}.pdf"
        argv = ["report", kind, "--board", board, *period, *extra]
        return pdf_text(export(demo, out, *argv, capsys=capsys))

    school = report("decisions", "UN", "--all")
    assert "Anmälan av delegationsbeslut till Utbildningsnämnden" in school
    assert "Skolskjuts beviljad" in school
    assert "Skolskjuts beviljad" not in report("decisions", "UN")  # reported already
    assert "avslagen" not in school  # not reported (and appealed by förvaltningsbesvär)
    assert "avslagen" not in report("separate", "UN")
    board = report("decisions", "KS")
    separate = report("separate", "KS")
    assert "Särskilt protokoll över delegationsbeslut, Kommunstyrelsen" in separate
    assert "6 kap. 40 §" in separate and "laglighetsprövning" in separate
    assert "tjänstebilar" in separate and "kontorsmöbler" in separate
    assert "Protokollfört" in separate  # the sale recorded already
    assert "tjänstebilar" not in board and "kontorsmöbler" not in board
    assert "Justerat" in separate


@needs_poppler
def test_the_order_and_a_delegate_letter(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    services = Services.open(demo)
    try:
        order = next(o for o in services.delegation.orders() if o.status is OrderStatus.ADOPTED)
        principal = next(
            a
            for a in services.queries.snapshot().appointments.values()
            if a.role is Role.PRINCIPAL and a.is_valid_on(today())
        )
    finally:
        services.close()
    order_text = pdf_text(
        export(demo, tmp_path / "o.pdf", "letter", "order", str(order.id), capsys=capsys)
    )
    assert order.paragraph in order_text
    letter = export(
        demo, tmp_path / "d.pdf", "letter", "delegate", str(principal.person_id), capsys=capsys
    )
    assert "Skollagen" in pdf_text(letter) or "skollagen" in pdf_text(letter)


def test_registers_template_and_import_round_trip(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register = export(demo, tmp_path / "r.xlsx", "register", "delegations", capsys=capsys)
    decisions = export(
        demo, tmp_path / "b.xlsx", "register", "decisions", "--from", "2000-01-01", capsys=capsys
    )
    template = export(demo, tmp_path / "t.xlsx", "template", "delegations", capsys=capsys)
    sheet = openpyxl.load_workbook(decisions).worksheets[0]
    headers = [c.value for c in sheet[1]]
    rows = [dict(zip(headers, (c.value for c in row), strict=True)) for row in sheet.iter_rows(2)]
    assert {r["Anmälan"] for r in rows} == {
        "Anmäls till nämnden",
        "Protokollförs särskilt",
        "Anmäls inte",  # the skolskjuts refusals, appealed by förvaltningsbesvär
    }
    assert sum(1 for r in rows if r["Kan laglighetsprövas"] == "Ja") == 2
    assert openpyxl.load_workbook(template).sheetnames[:1] == ["Delegationer"]

    code, out, err = run(
        ["import", "delegations", str(register), "--board", "KS", "--dry-run", "--db", str(demo)],
        capsys,
    )
    assert code == cli.EXIT_OK, err
    assert "Provläsning: 70 punkter kan läsas in; ingenting sparades." in out
