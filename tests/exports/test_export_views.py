"""Exports take data (issue 12): each writer lays out a plain view read in one session, dates a
letter by the caller's clock, and prints the letterhead it is given (name, lines, logo)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageDraw
from sqlalchemy.engine import Engine

from nacka_desktop import cli
from nacka_desktop.domain.letterhead import Letterhead
from nacka_desktop.domain.work_environment import DistributionState
from nacka_desktop.exports.letters import write_distribution_letter, write_return_letter
from nacka_desktop.exports.letters.delegation import (
    write_decisions_report,
    write_delegate_letter,
    write_order_letter,
    write_separate_record,
)
from nacka_desktop.exports.registers.delegation import (
    write_decision_register,
    write_delegation_register,
)
from nacka_desktop.exports.registers.work import write_distribution_register
from nacka_desktop.services.context import Services
from nacka_desktop.storage.database import Database
from tests.conftest import TODAY, build_sample

CLOCK = date(2031, 5, 17)  # the caller's "today": neither TODAY nor the real date
FIRST = date(2026, 1, 1)
LETTERHEAD = Letterhead(
    municipality="Exempelby kommun",
    lines=("Stadsledningskontoret", "Enheten för styrning och ledning"),
)

needs_poppler = pytest.mark.skipif(
    any(shutil.which(tool) is None for tool in ("pdftotext", "pdftoppm", "pdfimages")),
    reason="poppler-utils (pdftotext, pdftoppm, pdfimages) is not installed",
)


@dataclass(frozen=True)
class Sample:
    database: Path
    folder: Path
    draft_id: int  # a distribution not yet signed: dated the day it is printed
    return_id: int
    order_id: int
    person_id: int  # someone who may decide matters on delegation
    board_id: int  # a board with decisions in the period


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sample]:
    folder = tmp_path_factory.mktemp("export_views")
    database = folder / "sample.db"
    services = Services.open(database, clock=lambda: TODAY)
    try:
        build_sample(services.database, TODAY)
        views = services.work.distributions(TODAY)
        draft = next(v for v in views if v.state is DistributionState.DRAFT)
        task_return = next(r for v in views for r in v.returns)
        decision = services.delegation.decisions(FIRST, TODAY)[0]
        person = next(
            p
            for p in sorted(services.queries.snapshot(TODAY).persons)
            if services.delegation.rights_of_person(p, TODAY)
        )
        yield Sample(
            database=database,
            folder=folder,
            draft_id=draft.id,
            return_id=task_return.id,
            order_id=services.delegation.orders()[0].id,
            person_id=person,
            board_id=decision.board_unit_id,
        )
    finally:
        services.close()


@pytest.fixture
def services(sample: Sample) -> Iterator[Services]:
    opened = Services.open(sample.database, clock=lambda: CLOCK)
    try:
        yield opened
    finally:
        opened.close()


def pages_of(path: Path) -> list[str]:
    """The text of each page as laid out (`-layout`): the head's two columns side by side, so
    the letterhead's lines follow one another and a date stands beside its label."""
    text = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
        encoding="utf-8",
    ).stdout
    return [page for page in text.split("\f") if page.strip()]


def head_of(path: Path) -> list[str]:
    """The first page's lines down to the title, each stripped (the head's left column first,
    then whatever stands to its right)."""
    lines = [" ".join(line.split()) for line in pages_of(path)[0].splitlines()]
    return [line for line in lines if line]


def text_of(path: Path) -> str:
    return " ".join(" ".join(pages_of(path)).split())


# Each export as (the view, read from the services) and (the writer, given only the view).
Export = tuple[str, Callable[[Services], Any], Callable[[Any, Path], object]]


@pytest.fixture
def exports(sample: Sample) -> list[Export]:
    return [
        (
            "distribution.pdf",
            lambda s: s.work.distribution(sample.draft_id, TODAY),
            lambda v, p: write_distribution_letter(v, p, LETTERHEAD, CLOCK),
        ),
        (
            "return.pdf",
            lambda s: s.work.task_return(sample.return_id, TODAY),
            lambda v, p: write_return_letter(v, p, LETTERHEAD),
        ),
        (
            "order.pdf",
            lambda s: s.delegation_documents.order_letter(sample.order_id, s.clock()),
            lambda v, p: write_order_letter(v, p, LETTERHEAD),
        ),
        (
            "delegate.pdf",
            lambda s: s.delegation_documents.delegate_letter(sample.person_id, TODAY),
            lambda v, p: write_delegate_letter(v, p, LETTERHEAD),
        ),
        (
            "report.pdf",
            lambda s: s.delegation_documents.decision_report(
                sample.board_id, FIRST, TODAY, include_reported=True
            ),
            lambda v, p: write_decisions_report(v, p, LETTERHEAD),
        ),
        (
            "separate.pdf",
            lambda s: s.delegation_documents.separate_record(sample.board_id, FIRST, TODAY),
            lambda v, p: write_separate_record(v, p, LETTERHEAD),
        ),
        (
            "distributions.xlsx",
            lambda s: s.work.distribution_register(TODAY),
            lambda v, p: write_distribution_register(v, p),
        ),
        (
            "delegations.xlsx",
            lambda s: s.delegation_documents.delegation_register(TODAY),
            lambda v, p: write_delegation_register(v, p),
        ),
        (
            "decisions.xlsx",
            lambda s: s.delegation_documents.decision_register(FIRST, TODAY),
            lambda v, p: write_decision_register(v, p),
        ),
    ]


# --- one read session per export, and none while writing -----------------------------------


def test_each_view_is_read_in_one_session(
    services: Services, exports: list[Export], monkeypatch: pytest.MonkeyPatch
) -> None:
    sessions: list[str] = []
    reader = Database.reader

    def counted(database: Database) -> AbstractContextManager[Any]:
        sessions.append("reader")
        return reader(database)

    def refused(_database: Database) -> None:
        raise AssertionError("an export must not write")

    monkeypatch.setattr(Database, "reader", counted)
    monkeypatch.setattr(Database, "transaction", refused)
    for name, read, _write in exports:
        sessions.clear()
        read(services)
        assert sessions == ["reader"], name


def test_each_export_is_written_from_its_view_without_the_database(
    services: Services, exports: list[Export], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    views = [(name, read(services), write) for name, read, write in exports]
    services.close()

    def no_database(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a writer reached for the database")

    monkeypatch.setattr(Engine, "connect", no_database)
    monkeypatch.setattr(Engine, "raw_connection", no_database)
    for name, view, write in views:
        write(view, tmp_path / name)
        assert (tmp_path / name).stat().st_size > 0, name


# --- the clock and the letterhead ------------------------------------------------------------


@needs_poppler
def test_an_unsigned_letter_is_dated_by_the_callers_clock(
    services: Services, sample: Sample, tmp_path: Path
) -> None:
    path = tmp_path / "utkast.pdf"
    view = services.work.distribution(sample.draft_id, TODAY)
    assert view.record.signed_on is None
    write_distribution_letter(view, path, LETTERHEAD, CLOCK)
    text = text_of(path)
    # CLOCK is neither the sample's day nor (until 2031) the real one: the date is the clock's.
    assert f"Utskriven {CLOCK.isoformat()}" in text
    assert text.count("Utskriven") == 1


@needs_poppler
def test_every_letter_shows_the_letterhead(
    services: Services, exports: list[Export], tmp_path: Path
) -> None:
    for name, read, write in exports:
        if not name.endswith(".pdf"):
            continue
        path = tmp_path / name
        write(read(services), path)
        head = head_of(path)
        name_at = next(i for i, line in enumerate(head) if line.startswith("Exempelby kommun"))
        assert head[name_at + 1].startswith("Stadsledningskontoret"), (name, head[:6])
        assert head[name_at + 2].startswith("Enheten för styrning och ledning"), name
        assert "Nacka kommun" not in text_of(path), name
        for page in pages_of(path)[1:]:  # a later page's running header names the sender
            assert page.lstrip().startswith("Exempelby kommun"), name


@needs_poppler
def test_the_sample_letterhead_is_the_default(
    services: Services, sample: Sample, tmp_path: Path
) -> None:
    path = tmp_path / "nacka.pdf"
    write_return_letter(services.work.task_return(sample.return_id, TODAY), path, Letterhead())
    assert head_of(path)[1].startswith("Nacka kommun")  # under the Dnr/Dok-ID label
    assert Letterhead() == Letterhead("Nacka kommun", (), None)


GREEN = (0, 160, 0)  # a colour no letter uses


def _logo(path: Path) -> Path:
    image = Image.new("RGB", (240, 80), "white")
    ImageDraw.Draw(image).rectangle([0, 0, 239, 79], fill=GREEN)
    image.save(path)
    return path


def _images(path: Path) -> list[str]:
    listed = subprocess.run(
        ["pdfimages", "-list", str(path)], check=True, capture_output=True, text=True
    ).stdout
    return listed.splitlines()[2:]  # a header line and a rule


def _green_pixels(path: Path, box: tuple[int, int, int, int]) -> int:
    """The logo's green in the box (left, top, right, bottom; at 50 dpi) of the first page."""
    stem = path.with_suffix("")
    subprocess.run(
        ["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", "-singlefile", str(path), stem],
        check=True,
    )
    with Image.open(stem.with_suffix(".png")) as page:
        data = page.convert("RGB").crop(box).tobytes()
    pixels = zip(data[0::3], data[1::3], data[2::3], strict=True)
    return sum(1 for r, g, b in pixels if g > 120 and r < 80 and b < 80)


@needs_poppler
def test_the_logo_is_drawn_in_the_head(services: Services, sample: Sample, tmp_path: Path) -> None:
    view = services.work.task_return(sample.return_id, TODAY)
    plain, with_logo = tmp_path / "utan.pdf", tmp_path / "med.pdf"
    write_return_letter(view, plain, LETTERHEAD)
    image = _logo(tmp_path / "logo.png").read_bytes()
    logo = Letterhead(LETTERHEAD.municipality, LETTERHEAD.lines, image)
    write_return_letter(view, with_logo, logo)

    assert _images(plain) == []
    assert len(_images(with_logo)) == 1
    # A4 at 50 dpi is 413 × 585 pixels; the head starts 20 mm (39 px) from the top, 22 mm
    # (43 px) from the left, and the logo is 14 mm (28 px) high.
    box = (43, 39, 130, 66)
    assert _green_pixels(plain, box) == 0
    assert _green_pixels(with_logo, box) > 1_500  # most of the box
    head = head_of(with_logo)
    name_at = head.index(next(line for line in head if line.startswith("Exempelby kommun")))
    assert head[name_at + 1].startswith("Stadsledningskontoret")


def test_a_logo_that_is_no_image_fails_plainly_and_writes_nothing(
    services: Services, sample: Sample, tmp_path: Path
) -> None:
    not_an_image = tmp_path / "logo.png"
    not_an_image.write_text("ingen bild", encoding="utf-8")
    path = tmp_path / "brev.pdf"
    view = services.work.task_return(sample.return_id, TODAY)
    with pytest.raises(ValueError, match="logotypen"):
        write_return_letter(view, path, Letterhead(logo=not_an_image.read_bytes()))
    assert list(tmp_path.iterdir()) == [not_an_image]


@needs_poppler
def test_the_command_line_takes_the_letterhead(
    sample: Sample, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "ordning.pdf"
    argv = ["export", "letter", "order", str(sample.order_id), "--db", str(sample.database)]
    argv += ["--out", str(out), "--municipality", "Exempelby kommun"]
    argv += ["--letterhead", "Stadsledningskontoret", "--logo", str(_logo(tmp_path / "l.png"))]
    assert cli.main(argv, launch_gui=lambda _db: 99) == cli.EXIT_OK
    head = head_of(out)
    name_at = head.index(next(line for line in head if line.startswith("Exempelby kommun")))
    assert head[name_at + 1].startswith("Stadsledningskontoret")
    assert len(_images(out)) == 1

    missing = [*argv[:-1], str(tmp_path / "saknas.png")]
    assert cli.main(missing, launch_gui=lambda _db: 99) == cli.EXIT_USAGE
    assert "logotypen" in capsys.readouterr().err

    default = tmp_path / "standard.pdf"
    report = ["export", "report", "separate", "--board", "KS", "--db", str(sample.database)]
    assert cli.main([*report, "--out", str(default)], launch_gui=lambda _db: 99) == cli.EXIT_OK
    assert head_of(default)[1].startswith("Nacka kommun")

    # The organisation's own letterhead, saved in the database, is every letter's default.
    saved = Services.open(sample.database, create=False)
    try:
        saved.letterhead.set_letterhead(Letterhead("Värmdö kommun", ("Kommunstyrelsen",)))
    finally:
        saved.close()
    own = tmp_path / "egen.pdf"
    assert cli.main([*report, "--out", str(own)], launch_gui=lambda _db: 99) == cli.EXIT_OK
    head = head_of(own)
    name_at = head.index(next(line for line in head if line.startswith("Värmdö kommun")))
    assert head[name_at + 1].startswith("Kommunstyrelsen")
