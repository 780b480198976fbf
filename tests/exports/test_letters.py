"""The PDF letters: a distribution (KS → stadsdirektör, stadsdirektör → direktör, a draft) and a
return, read back with poppler's pdftotext and pdffonts."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from nacka_desktop import cli
from nacka_desktop.domain.enums import Role
from nacka_desktop.domain.letterhead import Letterhead
from nacka_desktop.domain.records import AppointmentRecord, OrgSnapshot
from nacka_desktop.domain.work_environment import DistributionState, ReturnReason
from nacka_desktop.exports.letters import write_distribution_letter, write_return_letter
from nacka_desktop.exports.letters.distribution import provision
from nacka_desktop.services.context import Services
from nacka_desktop.services.work_environment import ALL_CONFIRMED, DistributionDraft
from tests.conftest import build_sample

ON = date(2026, 11, 26)  # tests/conftest.py's TODAY
REPO_ROOT = Path(__file__).resolve().parents[2]
TASK_COUNT = 16  # enough for a letter of several pages (each task is an edit: ~0.25 s)
RETURN_RIGHT = (
    "Du har rätt att när som helst helt eller delvis återföra arbetsmiljöuppgifterna till den "
    "som fördelat dem. Återföringen ska göras skriftligen och behöver inte godkännas."
)
EXPLANATION = "Jag saknar utbildning i brandskydd och tid för skyddsronder under hösten."
SAMPLE = Letterhead()  # Nacka kommun, no logo

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdffonts") is None,
    reason="poppler-utils (pdftotext, pdffonts) is not installed: "
    "apt-get install poppler-utils to read the letters back",
)


@dataclass(frozen=True)
class Letters:
    services: Services
    folder: Path
    task_names: list[str]  # the extra tasks, in the order created
    employer_letter: Path  # KS → stadsdirektör, all extra tasks, in force (several pages)
    employer_id: int
    chair_name: str
    city_director_name: str
    director_letter: Path  # stadsdirektör → direktör, four tasks, in force, two returned
    director_id: int
    director_name: str
    draft_letter: Path  # direktör → enhetschef, not signed, one item not confirmed
    draft_id: int
    return_letter: Path
    return_id: int
    returned: list[str]  # names of the returned tasks
    kept: list[str]  # names of the director's tasks not returned


def _leader(
    snapshot: OrgSnapshot, roles: set[Role], unit_ids: set[int] | None = None
) -> list[AppointmentRecord]:
    return sorted(
        (
            a
            for a in snapshot.appointments.values()
            if a.role in roles and a.is_valid_on(ON) and (unit_ids is None or a.unit_id in unit_ids)
        ),
        key=lambda a: a.id,
    )


def _line(snapshot: OrgSnapshot) -> tuple[AppointmentRecord, AppointmentRecord, AppointmentRecord]:
    """A stadsdirektör, a direktör below and an enhetschef below that, all in post today."""
    city_director = _leader(snapshot, {Role.CITY_DIRECTOR})[0]
    for director in _leader(snapshot, {Role.DIRECTOR}):
        below = {u.id for u in snapshot.children(director.unit_id)}
        managers = _leader(snapshot, {Role.UNIT_MANAGER}, below)
        if managers:
            return city_director, director, managers[0]
    raise AssertionError("the sample has no direktör with an enhetschef below")


@pytest.fixture(scope="module")
def letters(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Letters]:
    folder = tmp_path_factory.mktemp("letters")
    services = Services.open(folder / "letters.db", clock=lambda: ON)
    build_sample(services.database, ON)
    snapshot = services.queries.snapshot()
    city_director, director, manager = _line(snapshot)
    base = max(a.valid_from or date(2019, 1, 1) for a in (city_director, director, manager))
    base += timedelta(days=1)
    assert base + timedelta(days=30) < ON, "the sample's managers started too recently"

    # Tasks of our own: the sample's distributions never hold them, so no AM-7 clash.
    names = [f"Brevuppgift {i:02d} – lokaler på plan {i} i Älvsjö" for i in range(TASK_COUNT)]
    tasks = [
        services.tasks.create(
            f"BREV-{i:02d}",
            name,
            'Riskbedömning "A & B" <före> åtgärd; följs upp med skyddsombudet varje kvartal.',
        )
        for i, name in enumerate(names)
    ]
    confirmed = {task: ALL_CONFIRMED for task in tasks}
    distributions = services.distributions
    employer_id = distributions.create(
        DistributionDraft(
            city_director.id,
            None,
            [city_director.unit_id],
            tasks,
            base,
            may_pass_on=True,
            absence_arrangement="Vid frånvaro längre än två veckor övertar ställföreträdaren.",
            retained_tasks="Kommunstyrelsen behåller arbetsmiljöpolicyn.",
            confirmations=confirmed,
        )
    )
    distributions.sign(employer_id, base)
    distributions.record_oral(employer_id, base)
    director_id = distributions.create(
        DistributionDraft(
            director.id,
            city_director.id,
            [director.unit_id],
            tasks[:4],
            base + timedelta(days=7),
            may_pass_on=True,
            absence_arrangement="Vid frånvaro övertar biträdande direktör uppgifterna.",
            retained_tasks="Stadsdirektören behåller budgetarbetet.",
            confirmations=confirmed,
        )
    )
    distributions.sign(director_id, base + timedelta(days=7))
    distributions.record_oral(director_id, base + timedelta(days=8))
    draft_confirmations = dict(confirmed)
    draft_confirmations[tasks[1]] = (True, True, False, False)
    draft_id = distributions.create(
        DistributionDraft(
            manager.id,
            director.id,
            [manager.unit_id],
            tasks[:2],
            base + timedelta(days=14),
            confirmations=draft_confirmations,
        )
    )
    return_id = distributions.return_tasks(
        director_id,
        [tasks[2], tasks[3]],
        ON - timedelta(days=10),
        [ReturnReason.COMPETENCE, ReturnReason.TIME],
        EXPLANATION,
    )

    work = services.work
    employer_view = work.distribution(employer_id, ON)
    assert employer_view.state is DistributionState.IN_FORCE
    assert employer_view.signatory is not None
    director_view = work.distribution(director_id, ON)
    assert work.distribution(draft_id, ON).state is DistributionState.DRAFT
    result = Letters(
        services=services,
        folder=folder,
        task_names=names,
        employer_letter=folder / "ks.pdf",
        employer_id=employer_id,
        chair_name=employer_view.signatory.person_name,
        city_director_name=employer_view.receiver.person_name,
        director_letter=folder / "direktor.pdf",
        director_id=director_id,
        director_name=director_view.receiver.person_name,
        draft_letter=folder / "utkast.pdf",
        draft_id=draft_id,
        return_letter=folder / "aterforing.pdf",
        return_id=return_id,
        returned=names[2:4],
        kept=names[:2],
    )
    write_distribution_letter(employer_view, result.employer_letter, SAMPLE, ON)
    write_distribution_letter(director_view, result.director_letter, SAMPLE, ON)
    write_distribution_letter(work.distribution(draft_id, ON), result.draft_letter, SAMPLE, ON)
    write_return_letter(work.task_return(return_id, ON), result.return_letter, SAMPLE)
    yield result
    services.close()


def pages(path: Path) -> list[str]:
    """The text of each page, whitespace collapsed (pdftotext breaks lines where the PDF does)."""
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
        encoding="utf-8",
    ).stdout
    return [" ".join(page.split()) for page in text.split("\f") if page.strip()]


def text_of(path: Path) -> str:
    return " ".join(pages(path))


def fonts(path: Path) -> list[tuple[str, str]]:
    """(name, emb) for every font pdffonts lists."""
    output = subprocess.run(
        ["pdffonts", str(path)], check=True, capture_output=True, text=True
    ).stdout
    rows = output.splitlines()[2:]  # a header line and a rule
    # name type… encoding emb sub uni object-number generation: read emb from the right
    return [(row.split()[0], row.split()[-5]) for row in rows if row.strip()]


# --- the distribution letter --------------------------------------------------------------


@needs_poppler
def test_distribution_letter_names_parties_tasks_and_rights(letters: Letters) -> None:
    text = text_of(letters.employer_letter)
    assert "Fördelning av arbetsmiljöuppgifter" in text
    assert "Kommunstyrelsen (arbetsgivaren)" in text
    assert letters.chair_name in text  # KS signs through its ordförande
    assert letters.city_director_name in text
    for name in letters.task_names:
        assert name in text
    assert RETURN_RIGHT in text  # AM-4, with å ä ö intact
    assert "Vid frånvaro längre än två veckor övertar ställföreträdaren." in text  # AM-7
    assert "Kommunstyrelsen behåller arbetsmiljöpolicyn." in text
    assert "Du får fördela uppgifterna vidare" in text  # AM-9
    assert "Nästa uppföljning ska göras senast" in text  # AM-8
    assert "gåtts igenom muntligen" in text  # AM-3
    for item in ("Kunskap", "Kompetens", "Befogen", "Resurser inkl. tid"):  # AM-6
        assert item in text
    assert text.count("\u2611") >= 4 * TASK_COUNT  # every confirmation ticked
    assert "Underskrift" in text and "Ort" in text and "Datum" in text
    assert "UTKAST" not in text


@needs_poppler
def test_user_text_is_escaped_not_read_as_markup(letters: Letters) -> None:
    assert 'Riskbedömning "A & B" <före> åtgärd' in text_of(letters.employer_letter)


@needs_poppler
def test_every_page_has_the_document_id_and_its_number(letters: Letters) -> None:
    texts = pages(letters.employer_letter)
    assert len(texts) >= 3, f"{TASK_COUNT} tasks should make a letter of several pages"
    doc_id = f"AM-FÖR-{letters.employer_id}"
    for number, page in enumerate(texts, start=1):
        assert doc_id in page, f"page {number} lacks {doc_id}"
        assert f"Sida {number} av {len(texts)}" in page


@needs_poppler
def test_director_letter_marks_the_returned_tasks(letters: Letters) -> None:
    text = text_of(letters.director_letter)
    assert letters.director_name in text and letters.city_director_name in text
    assert f"AM-ÅTF-{letters.return_id}" in text
    assert "Återförd" in text
    assert "Sida 1 av" in text


@needs_poppler
def test_draft_is_the_paper_to_sign_and_says_it_is_not_yet_in_force(letters: Letters) -> None:
    text = text_of(letters.draft_letter)
    assert "FÖR UNDERSKRIFT – ännu inte i kraft" in text
    assert "UTKAST" not in text  # no watermark on the paper both parties sign
    # nor a status calling it a draft: it says what the notice says (README, Letters)
    assert "Utkast" not in text and "utkast" not in text
    assert "Status För underskrift – ännu inte i kraft" in text
    assert "Utskriven" in text
    assert "Muntlig genomgång den:" in text  # oral communication still to come
    assert "Du får inte fördela uppgifterna vidare" in text
    assert "\u2610" in text  # the unconfirmed items show as empty boxes
    assert "inte alla förutsättningar bekräftade" in text


@needs_poppler
def test_distribution_letter_cites_afs_2023_1_9_and_keeps_the_responsibility_with_the_employer(
    letters: Letters,
) -> None:
    work = letters.services.work
    recent = next(
        view
        for view in work.distributions(ON)
        if view.record.signed_on is not None
        and view.record.signed_on >= date(2025, 1, 1)
        and view.record.giver_appointment_id is not None
    )
    path = letters.folder / "recent.pdf"
    write_distribution_letter(recent, path, SAMPLE, ON)
    text = text_of(path)
    assert "9 § Arbetsmiljöverkets föreskrifter och allmänna råd" in text
    assert "(AFS 2023:1)" in text
    assert "AFS 2001:1" not in text and "AFS 2015:4" not in text
    assert "3 kap. 2 a § arbetsmiljölagen" in text
    assert "ansvaret ligger kvar hos arbetsgivaren" in text
    assert "Du får i uppgift att" in text
    assert "ansvaret för att utföra" not in text
    assert "organisatoriska och sociala risker" in text  # AM-6 as the provision lists it
    # it lapses with the giver's or receiver's appointment (the employer has none to end)
    assert "upphör när ditt eller givarens förordnande upphör" in text
    assert "upphör när ditt förordnande upphör" in text_of(letters.employer_letter)


@needs_poppler
def test_a_letter_from_the_employer_cites_the_ks_decision(letters: Letters) -> None:
    work = letters.services.work
    decided = next(
        view
        for view in work.distributions(ON)
        if view.record.giver_appointment_id is None and view.record.employer_decision_on
    )
    path = letters.folder / "ks-decided.pdf"
    write_distribution_letter(decided, path, SAMPLE, ON)
    on = decided.record.employer_decision_on
    assert f"Kommunstyrelsens beslut {on}, {decided.record.employer_decision_section}" in (
        text_of(path)
    )
    # Without a recorded decision, the line is left to be filled in.
    assert "Kommunstyrelsens beslut den ____" in text_of(letters.employer_letter)


@needs_poppler
def test_a_letter_signed_before_2025_cites_afs_2001_1_6(letters: Letters) -> None:
    text = text_of(letters.employer_letter)  # signed in 2019
    assert "6 § Arbetsmiljöverkets föreskrifter om systematiskt arbetsmiljöarbete" in text
    assert "(AFS 2001:1)" in text
    assert "AFS 2023:1" not in text


def test_a_letter_cites_the_provision_in_force_on_its_date() -> None:
    assert provision(date(2024, 12, 31)).startswith("6 §")
    assert "AFS&nbsp;2001:1" in provision(date(2024, 12, 31))
    assert provision(date(2025, 1, 1)).startswith("9 §")
    assert "AFS&nbsp;2023:1" in provision(date(2025, 1, 1))


# --- the return letter --------------------------------------------------------------------


@needs_poppler
def test_return_letter_names_tasks_reasons_and_effect(letters: Letters) -> None:
    text = text_of(letters.return_letter)
    assert "Återföring av arbetsmiljöuppgifter" in text
    assert f"AM-ÅTF-{letters.return_id}" in text
    assert f"AM-FÖR-{letters.director_id}" in text
    assert letters.director_name in text and letters.city_director_name in text
    for name in letters.returned:
        assert name in text
    for name in letters.kept:
        assert name not in text
    assert "\u2611 Kompetens" in text and "\u2611 Tid" in text
    assert "\u2610 Kunskap" in text and "\u2610 Befogenheter" in text
    assert EXPLANATION in text
    assert "Återföringen behöver inte godkännas" in text  # AM-4
    assert "9 § AFS 2023:1" in text  # the basis of the right to return
    assert "själv ska se till att uppgifterna blir utförda" in text  # the giver's duty
    assert "Delvis: 2 av 4 uppgifter" in text
    assert "Återfört av" in text and "Mottaget av" in text
    assert "Sida 1 av 1" in text


# --- fonts, and every letter the sample can produce ----------------------------------------


@needs_poppler
def test_every_font_is_embedded(letters: Letters) -> None:
    for path in (
        letters.employer_letter,
        letters.director_letter,
        letters.draft_letter,
        letters.return_letter,
    ):
        found = fonts(path)
        assert found, path
        assert all(emb == "yes" for _name, emb in found), (path, found)
        assert all("DejaVuSans" in name for name, _emb in found), (path, found)
        assert any(name.endswith("DejaVuSans-Bold") for name, _emb in found)


def test_bold_markup_uses_the_bold_file() -> None:
    """Without registerFontFamily, <b> in a Paragraph silently stays regular."""
    from reportlab.lib.fonts import tt2ps

    from nacka_desktop.exports.letters._layout import FONT, FONT_BOLD, FONT_ITALIC, register_fonts

    register_fonts()
    assert tt2ps(FONT, 1, 0) == FONT_BOLD
    assert tt2ps(FONT, 0, 1) == FONT_ITALIC


@needs_poppler
def test_every_sample_distribution_and_return_renders(letters: Letters) -> None:
    """Whatever state the sample's own distributions are in (ended, lapsed, returned, signed
    but not in force), a letter is written, and marked if it is not in force."""
    work = letters.services.work
    folder = letters.folder / "sample"
    folder.mkdir()
    one_per_state = {view.state: view for view in reversed(work.distributions(ON))}
    with_returns = [view for view in work.distributions(ON) if view.returns]
    for view in [*one_per_state.values(), *with_returns]:
        path = folder / f"d{view.id}.pdf"
        write_distribution_letter(view, path, SAMPLE, ON)
        first = pages(path)[0]
        assert f"AM-FÖR-{view.id}" in first
        if view.state is not DistributionState.IN_FORCE:
            assert view.state.label_sv in first or "FÖR UNDERSKRIFT" in first, view.state
        for task_return in view.returns:
            target = folder / f"r{task_return.id}.pdf"
            write_return_letter(work.task_return(task_return.id, ON), target, SAMPLE)
            assert f"AM-ÅTF-{task_return.id}" in text_of(target)


# --- the command line and start-up ----------------------------------------------------------


def test_cli_writes_both_letters(letters: Letters, capsys: pytest.CaptureFixture[str]) -> None:
    database = str(letters.folder / "letters.db")

    def no_gui(_database: str | None) -> int:
        raise AssertionError("the window must not open")

    for kind, object_id in (
        ("distribution", letters.employer_id),
        ("return", letters.return_id),
    ):
        target = letters.folder / f"cli-{kind}.pdf"
        argv = ["export", "letter", kind, str(object_id), "--db", database, "--out", str(target)]
        assert cli.main(argv, launch_gui=no_gui) == cli.EXIT_OK
        assert target.read_bytes().startswith(b"%PDF-")
    assert "Skrev" in capsys.readouterr().out


def test_reportlab_is_not_imported_at_start_up() -> None:
    code = (
        "import sys, nacka_desktop.cli, nacka_desktop.services.context; "
        "sys.exit('reportlab' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, check=False)
    assert result.returncode == 0, "reportlab must be imported only when a letter is written"


def test_texts_longer_than_a_page_go_on_to_the_next_instead_of_failing(
    services: Services, tmp_path: Path
) -> None:
    """10,000 characters in the absence clause, the retained tasks, a matter and its limits
    (issue 11: 1,500 used to stop the export with reportlab's LayoutError)."""
    from dataclasses import replace

    from nacka_desktop.exports.letters.delegation import write_order_letter

    build_sample(services.database, ON)
    long = ("Uppgifterna stannar hos den som har dem tills vidare. " * 200)[:10_000]
    work = services.work.snapshot()
    draft = services.distributions.draft_of(next(iter(work.distributions)))
    draft.absence_arrangement, draft.retained_tasks = long, long + " Slut."
    created = services.distributions.create(draft)
    letter = tmp_path / "letter.pdf"
    write_distribution_letter(services.work.distribution(created, ON), letter, SAMPLE, ON)
    assert len(pages(letter)) > 3
    assert "Slut." in text_of(letter)  # the end of the text is in the letter too

    order = services.delegation.orders()[0]
    draft_id, _made = services.delegation_orders.draft_of(order.id)
    item = next(o for o in services.delegation.orders() if o.id == draft_id).items[0]
    services.delegation_orders.update_item(
        item.id, replace(item, matter=long + " Sista ordet.", limits=long)
    )
    document = tmp_path / "order.pdf"
    write_order_letter(services.delegation_documents.order_letter(draft_id, ON), document, SAMPLE)
    assert "Sista ordet." in text_of(document)


@needs_poppler
@pytest.mark.parametrize("task_count", [4, 5, 6, 7, 10, 16])
def test_the_signatures_never_stand_alone_on_a_page(
    letters: Letters, tmp_path: Path, task_count: int
) -> None:
    """A six-task letter left *Underskrifter* by itself on page 3: the signatures now go with
    the oral communication they close, for letters of any length."""
    view = letters.services.work.distribution(letters.employer_id, ON)
    for state in (DistributionState.IN_FORCE, DistributionState.DRAFT):
        shorter = replace(view, items=view.items[:task_count], state=state)
        path = tmp_path / f"letter-{task_count}-{state.value}.pdf"
        write_distribution_letter(shorter, path, SAMPLE, ON)
        texts = pages(path)
        [signatures] = [page for page in texts if "Underskrifter" in page]
        assert "Muntlig genomgång" in signatures, (task_count, state)
        assert "Mottaget och bekräftat av" in signatures
        assert signatures is texts[-1]
        if task_count <= 4:
            assert len(texts) == 2, (task_count, state)  # it fits; no page for the signatures


@needs_poppler
def test_the_return_letter_signs_under_its_effect(letters: Letters) -> None:
    [signing] = [page for page in pages(letters.return_letter) if "Återfört av" in page]
    assert "Återföringens verkan" in signing and "behöver inte godkännas" in signing
