"""Arbetsmiljö → Underskrifter…: issuing a distribution's letter, signing it on paper and with a
certificate, reading back a letter signed in the portal, and what the dialog shows (issue 13)."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QThread
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from nacka_desktop.domain.dates import today
from nacka_desktop.domain.language import Language
from nacka_desktop.domain.letterhead import Letterhead
from nacka_desktop.domain.signatures import DocumentKind, SignatureParty, SignatureRoute
from nacka_desktop.exports.letters import write_distribution_letter
from nacka_desktop.services.context import Services
from nacka_desktop.services.work_environment import ALL_CONFIRMED
from nacka_desktop.signing.certificates import create_test_certificate
from nacka_desktop.signing.signers import FieldSpec, Pkcs12Signer, StampText
from nacka_desktop.signing.verify import verify_pdf
from nacka_desktop.storage.models import Person
from nacka_desktop.ui.shell.i18n import LanguageSwitcher
from nacka_desktop.ui.shell.main_window import MainWindow
from nacka_desktop.ui.shell.settings import CARD_LIBRARY, CARD_SLOT, Settings
from nacka_desktop.ui.widgets.pdf_preview import PdfPreviewDialog
from nacka_desktop.ui.work.signable import (
    SignableLetter,
    delegate_letter,
    distribution_letter,
    return_letter,
)
from nacka_desktop.ui.work.signatures_dialog import PaperSignatureDialog, SignaturesDialog
from tests.conftest import MODULE, PIN, TODAY, TimeStampService, Token, build_sample

from .helpers import forget_language

pytestmark = pytest.mark.gui
PASSWORD = "hemligt"


@pytest.fixture
def live(tmp_path: Path) -> Iterator[Services]:
    """The sample on the real day: signatures are made now, and dated so."""
    services = Services.open(tmp_path / "sample.db", clock=today)
    build_sample(services.database, TODAY)
    yield services
    services.close()


def open_dialog(
    qtbot: QtBot, services: Services, language: Language, settings: Settings | None = None
) -> SignaturesDialog:
    """The signatures of the sample's draft, its confirmations given (AM-6)."""
    draft = next(v for v in services.work.distributions(TODAY) if v.record.signed_on is None)
    for entry in draft.items:
        services.distributions.set_confirmation(draft.record.id, entry.task.id, ALL_CONFIRMED)
    letter = distribution_letter(services, draft.id, TODAY)
    dialog = SignaturesDialog(services, letter, language, None, settings)
    qtbot.addWidget(dialog)
    return dialog


def settle(dialog: SignaturesDialog) -> None:
    """Until the letter is issued, signed or recorded: that work runs in the background."""
    task = dialog.task
    if task is not None:
        task.wait()
    deadline = 200
    while dialog.busy() and deadline:
        QCoreApplication.processEvents()
        QThread.msleep(10)
        deadline -= 1
    assert not dialog.busy()


def cell(dialog: SignaturesDialog, row: int, column: int) -> str:
    item = dialog.table.item(row, column)
    assert item is not None
    return item.text()


def test_issue_then_both_sign_on_paper_with_the_scan(
    qtbot: QtBot, live: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_dialog(qtbot, live, Language.SWEDISH)
    assert not dialog.paper_button.isEnabled()  # nothing to sign before the letter is issued
    dialog.issue_button.click()
    settle(dialog)
    assert "Väntar på underskrifter" in dialog.status.text()
    assert not dialog.issue_button.isEnabled()  # issued once
    scan = tmp_path / "skannat.png"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(32))

    def fill(paper: PaperSignatureDialog) -> int:
        assert paper.name.text()  # the first party who has not signed, by name
        paper._scan = scan
        return 1

    monkeypatch.setattr(PaperSignatureDialog, "exec", fill)
    dialog.paper_button.click()
    settle(dialog)
    dialog.paper_button.click()
    settle(dialog)
    assert dialog.table.rowCount() == 2
    assert "Undertecknat av alla parter" in dialog.status.text()
    assert cell(dialog, 1, 2) == "på papper"
    assert cell(dialog, 1, 5) == "skannat.png"
    assert not dialog.paper_button.isEnabled()  # the letter is signed by both
    view = live.work.distribution(dialog.subject.object_id, today())
    assert view.record.signed_on == today()  # AM-2


def test_sign_with_a_certificate_and_see_it_verified_in_english(
    qtbot: QtBot, live: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    p12 = tmp_path / "givare.p12"
    p12.write_bytes(create_test_certificate("Gunilla Givare", PASSWORD))
    switcher = LanguageSwitcher()
    assert switcher.apply(Language.ENGLISH)
    try:
        dialog = open_dialog(qtbot, live, Language.ENGLISH)
        sign_as_the_first_party(dialog, p12, monkeypatch)
    finally:
        forget_language(switcher)


def sign_as_the_first_party(
    dialog: SignaturesDialog, p12: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog.issue_button.click()
    settle(dialog)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(p12), ""))
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: (PASSWORD, True))
    monkeypatch.setattr(QInputDialog, "getItem", lambda _p, _t, _l, items, *_a: (items[0], True))
    dialog.sign_button.click()
    settle(dialog)
    assert dialog.table.rowCount() == 1
    assert cell(dialog, 0, 0) == "Giver"
    assert cell(dialog, 0, 1) == "Gunilla Givare"
    assert cell(dialog, 0, 2) == "digitally"
    assert "Waiting for signatures" in dialog.status.text()
    text = dialog.verification.toPlainText()
    assert "Givare: Gunilla Givare" in text and "unchanged since signing" in text
    assert "not trusted" in text  # a test certificate: untrusted, not invalid


def test_a_letter_signed_in_the_portal_is_read_back_and_its_field_named(
    qtbot: QtBot, live: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_dialog(qtbot, live, Language.SWEDISH)
    dialog.issue_button.click()
    settle(dialog)
    letter = dialog.letter()
    assert letter is not None
    p12 = tmp_path / "portal.p12"
    p12.write_bytes(create_test_certificate("Måns Mottagare", PASSWORD))
    unsigned = live.signatures.latest_file(letter.issued.id)
    signed = Pkcs12Signer(p12, PASSWORD).sign(
        unsigned, FieldSpec("Signatur1", create=True), StampText()
    )
    returned = tmp_path / "fran-portalen.pdf"
    returned.write_bytes(signed)
    asked: list[Any] = []

    def which_party(_parent: Any, _title: str, label: str, items: list[str], *_a: Any) -> Any:
        asked.append(label)
        return items[1], True  # the receiver

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(returned), ""))
    monkeypatch.setattr(QInputDialog, "getItem", which_party)
    dialog.read_button.click()
    settle(dialog)
    assert asked and "Signatur1" in asked[0]
    (record,) = live.signatures.letters(DocumentKind.DISTRIBUTION_LETTER, dialog.subject.object_id)[
        0
    ].signatures
    assert (record.route, record.party) == (SignatureRoute.PORTAL, SignatureParty.RECEIVER)
    assert cell(dialog, 0, 2) == "i signeringsportalen"


def test_another_file_read_back_is_refused_with_the_reason(
    qtbot: QtBot, live: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, message_boxes
) -> None:
    dialog = open_dialog(qtbot, live, Language.SWEDISH)
    dialog.issue_button.click()
    settle(dialog)
    other = tmp_path / "annat.pdf"
    other.write_bytes(b"%PDF-1.7\n%%EOF\n")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(other), ""))
    dialog.read_button.click()
    settle(dialog)
    assert message_boxes.calls and "inte det utfärdade brevet" in message_boxes.calls[-1][2]
    assert dialog.table.rowCount() == 0


def test_any_pdf_shows_its_signatures_beside_the_preview(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Arkiv → Kontrollera underskrifter i PDF…: a signed file shows each signature as whole;
    one changed byte shows it broken; a file without signatures says so."""
    p12 = tmp_path / "k.p12"
    p12.write_bytes(create_test_certificate("Karin Kontroll", PASSWORD))
    letter = tmp_path / "brev.pdf"
    services = Services.open(tmp_path / "s.db", clock=lambda: TODAY)
    try:
        build_sample(services.database, TODAY)
        view = services.work.distributions(TODAY)[0]
        write_distribution_letter(view, letter, Letterhead(), TODAY)
    finally:
        services.close()
    signed = Pkcs12Signer(p12, PASSWORD).sign(
        letter.read_bytes(), FieldSpec("Kontroll", create=True), StampText()
    )
    good = tmp_path / "signerad.pdf"
    good.write_bytes(signed)
    dialog = PdfPreviewDialog(good, "signerad.pdf", "signerad.pdf", show_signatures=True)
    qtbot.addWidget(dialog)
    assert not dialog.signatures.isHidden()
    assert "Alla 1 underskrifter är hela" in dialog.signatures.summary.text()
    assert "Karin Kontroll" in dialog.signatures.details.text()
    at = signed.index(b"/Contents <") + 60
    broken = tmp_path / "bruten.pdf"
    broken.write_bytes(
        signed[:at] + (b"1" if signed[at : at + 1] == b"0" else b"0") + signed[at + 1 :]
    )
    dialog = PdfPreviewDialog(broken, "bruten.pdf", "bruten.pdf")
    qtbot.addWidget(dialog)
    assert not dialog.signatures.isHidden()  # a signed file shows its panel unasked
    assert "1 av 1 underskrifter håller inte" in dialog.signatures.summary.text()
    plain = PdfPreviewDialog(letter, "brev.pdf", "brev.pdf")
    qtbot.addWidget(plain)
    assert plain.signatures.isHidden() and plain.signatures.report is None  # not even checked
    # No taller than the screen (here 800×600): Skriv ut and Stäng stay on it.
    screen = plain.screen().availableGeometry()
    assert plain.height() <= screen.height() and plain.width() <= screen.width()


def test_a_half_downloaded_or_unreadable_file_is_told_not_a_crash(
    qtbot: QtBot, live: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, message_boxes
) -> None:
    dialog = open_dialog(qtbot, live, Language.SWEDISH)
    dialog.issue_button.click()
    settle(dialog)
    letter = dialog.letter()
    assert letter is not None
    half = tmp_path / "halv.pdf"
    whole = live.signatures.latest_file(letter.issued.id)
    half.write_bytes(whole[: len(whole) // 2])
    for chosen in (half, tmp_path):  # a cut file, and a folder
        monkeypatch.setattr(
            QFileDialog, "getOpenFileName", lambda *_a, c=chosen, **_k: (str(c), "")
        )
        dialog.read_button.click()
        settle(dialog)
        assert message_boxes.calls, chosen
        message_boxes.calls.clear()
    assert dialog.table.rowCount() == 0


def test_sign_with_a_card_remembered_in_the_settings(
    qtbot: QtBot,
    live: Services,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    token: Token,
    settings: Settings,
) -> None:
    """A SITHS card through its PKCS#11 module (here SoftHSM2, set up as the README says):
    the module and slot are asked for once and remembered; the PIN every time, never kept."""
    dialog = open_dialog(qtbot, live, Language.SWEDISH, settings)
    dialog.issue_button.click()
    settle(dialog)
    picks = iter([0, 1])  # the first party (the giver), then "Kort (PKCS#11)…"
    monkeypatch.setattr(
        QInputDialog, "getItem", lambda _p, _t, _l, items, *_a: (items[next(picks)], True)
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (MODULE, ""))
    monkeypatch.setattr(QInputDialog, "getInt", lambda *_a, **_k: (token.slot, True))
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: (PIN, True))
    dialog.sign_button.click()
    settle(dialog)
    assert cell(dialog, 0, 1) == "Kort Kortsson"
    assert settings.get(CARD_LIBRARY) == MODULE and settings.get(CARD_SLOT) == token.slot
    assert PIN not in Path(settings.store.fileName()).read_text(encoding="utf-8")


def test_the_paper_signature_offers_only_those_who_have_not_signed(
    qtbot: QtBot, live: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After the giver signed, *Pappersunderskrift…* proposes the receiver, by name, and does
    not offer the giver again; once both have signed it is off."""
    dialog = open_dialog(qtbot, live, Language.SWEDISH)
    dialog.issue_button.click()
    settle(dialog)
    subject = dialog.subject
    offered: list[tuple[list[str], str, str]] = []

    def fill(paper: PaperSignatureDialog) -> int:
        box = paper.party_box
        offered.append(
            ([box.itemText(i) for i in range(box.count())], box.currentText(), paper.name.text())
        )
        return 1

    monkeypatch.setattr(PaperSignatureDialog, "exec", fill)
    dialog.paper_button.click()
    settle(dialog)
    dialog.paper_button.click()
    settle(dialog)
    giver = subject.party_label(SignatureParty.GIVER, Language.SWEDISH)
    receiver = subject.party_label(SignatureParty.RECEIVER, Language.SWEDISH)
    receiver_name = subject.signatory(SignatureParty.RECEIVER).name
    assert offered[0][:2] == ([giver, receiver], giver)
    assert offered[1] == ([receiver], receiver, receiver_name) and receiver_name
    (letter,) = live.signatures.letters(DocumentKind.DISTRIBUTION_LETTER, subject.object_id)
    assert [s.party for s in letter.signatures] == [SignatureParty.GIVER, SignatureParty.RECEIVER]
    assert not dialog.paper_button.isEnabled()


def returned_distribution(services: Services) -> tuple[int, int]:
    """A distribution of the sample with a return: (distribution id, return id)."""
    view = next(v for v in services.work.distributions(TODAY) if v.returns)
    return view.id, view.returns[-1].id


def test_a_return_letter_is_in_force_once_the_receiver_signs_and_the_giver_may_still_sign(
    qtbot: QtBot, live: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """AM-4: the one who returns signs; the giver signs only that it arrived, afterwards."""
    _distribution, return_id = returned_distribution(live)
    subject = return_letter(live, return_id, TODAY)
    dialog = SignaturesDialog(live, subject, Language.SWEDISH)
    qtbot.addWidget(dialog)
    assert "Återföring av arbetsmiljöuppgifter" in dialog.windowTitle()
    dialog.issue_button.click()
    settle(dialog)
    names: list[str] = []

    def fill(paper: PaperSignatureDialog) -> int:
        names.append(paper.name.text())
        return 1  # the first party offered: the receiver, who returns

    monkeypatch.setattr(PaperSignatureDialog, "exec", fill)
    dialog.paper_button.click()
    settle(dialog)
    assert names == [subject.signatory(SignatureParty.RECEIVER).name] and names[0]
    assert "Undertecknat 20" in dialog.status.text()
    assert "Givare kan ännu skriva under" in dialog.status.text()
    assert dialog.paper_button.isEnabled()  # the giver has not signed yet

    def giver(paper: PaperSignatureDialog) -> int:
        assert paper.party() is SignatureParty.GIVER  # the receiver is not offered again
        paper.name.setText("Gunilla Givare")
        return 1

    monkeypatch.setattr(PaperSignatureDialog, "exec", giver)
    dialog.paper_button.click()
    settle(dialog)
    assert "Undertecknat av alla parter" in dialog.status.text()
    assert not dialog.paper_button.isEnabled()
    (letter,) = live.signatures.letters(DocumentKind.RETURN_LETTER, return_id)
    assert [s.party for s in letter.signatures] == [SignatureParty.RECEIVER, SignatureParty.GIVER]


def test_the_delegate_signs_the_delegation_letter_with_a_certificate_and_a_new_one_can_follow(
    qtbot: QtBot, live: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    person_id = a_delegate(live)
    subject = delegate_letter(live, person_id, TODAY)
    dialog = SignaturesDialog(live, subject, Language.SWEDISH)
    qtbot.addWidget(dialog)
    dialog.issue_button.click()
    settle(dialog)
    assert dialog.issue_button.text() == "Utfärda nytt brev…"
    p12 = tmp_path / "delegat.p12"
    p12.write_bytes(create_test_certificate("Dora Delegat", PASSWORD))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(p12), ""))
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: (PASSWORD, True))
    # Who signs: the second party offered, the delegate; then a certificate file.
    picks = iter([1, 0])
    monkeypatch.setattr(
        QInputDialog, "getItem", lambda _p, _t, _l, items, *_a: (items[next(picks)], True)
    )
    dialog.sign_button.click()
    settle(dialog)
    assert cell(dialog, 0, 0) == "Delegat" and cell(dialog, 0, 1) == "Dora Delegat"
    assert "Undertecknat 20" in dialog.status.text()
    first = dialog.letter()
    assert first is not None
    stamp = subprocess_text(live.signatures.latest_file(first.issued.id), tmp_path)
    assert subject.signatory(SignatureParty.DECISION_MAKER).role.split(",")[0] in stamp
    # What the person may decide changes: a new letter is issued; the signed one stays.
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    dialog.issue_button.click()
    settle(dialog)
    letters = live.signatures.letters(DocumentKind.DELEGATE_LETTER, person_id)
    assert len(letters) == 2 and len(letters[0].signatures) == 1 and not letters[1].signatures
    assert dialog.table.rowCount() == 0  # the dialog shows the new letter


def test_a_letter_issued_in_the_english_window_is_kept_with_its_swedish_title(
    qtbot: QtBot, live: Services, tmp_path: Path
) -> None:
    """A record never changes and the letters are Swedish documents: the English window
    shows an English title, but the letter is kept, and listed in the delegation register's
    Delegeringsbrev sheet, under its Swedish one."""
    from nacka_desktop.exports.registers.delegation import letter_rows

    person_id = a_delegate(live)
    switcher = LanguageSwitcher()
    assert switcher.apply(Language.ENGLISH)
    try:
        subject = delegate_letter(live, person_id, TODAY)
        dialog = SignaturesDialog(live, subject, Language.ENGLISH)
        qtbot.addWidget(dialog)
        assert dialog.windowTitle().startswith("Signatures – Delegation letter for ")
        dialog.issue_button.click()
        settle(dialog)
        work = open_dialog(qtbot, live, Language.ENGLISH)  # a distribution's letter too
        assert work.windowTitle().startswith("Signatures – Distribution of work-environment")
        work.issue_button.click()
        settle(work)
    finally:
        forget_language(switcher)
    distribution_id = work.subject.object_id
    (issued,) = live.signatures.letters(DocumentKind.DISTRIBUTION_LETTER, distribution_id)
    assert issued.issued.title == f"Fördelning av arbetsmiljöuppgifter {distribution_id}"
    (letter,) = live.signatures.letters(DocumentKind.DELEGATE_LETTER, person_id)
    name = live.delegation_documents.delegate_letter(person_id, TODAY).person_name
    swedish = f"Delegeringsbrev för {name} per {TODAY.isoformat()}"
    assert letter.issued.title == swedish
    register = live.delegation_documents.delegation_register(today())
    assert [row[1] for row in letter_rows(register.letters)] == [swedish]


def subprocess_text(pdf: bytes, folder: Path) -> str:
    """The letter's text as poppler reads it, the stamp included."""
    path = folder / "letter.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_underskrifter_offers_the_distribution_and_each_return(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = window.services
    distribution_id, return_id = returned_distribution(services)
    opened: list[SignableLetter] = []
    monkeypatch.setattr(SignaturesDialog, "exec", lambda dialog: remember(opened, dialog))
    panel = window.work_panel
    panel.show_rows(
        "", "", [], [services.work.distribution(distribution_id, TODAY)], Language.SWEDISH
    )
    panel.select(distribution_id)
    menu = panel.signatures_menu
    assert panel.signatures_button.menu() is menu
    entries = [a.text() for a in menu.actions()]
    assert entries[0] == "Fördelningsbrevet" and entries[1].startswith("Återföringen 20")
    menu.actions()[1].trigger()
    menu.actions()[0].trigger()
    assert [(s.kind, s.object_id) for s in opened] == [
        (DocumentKind.RETURN_LETTER, return_id),
        (DocumentKind.DISTRIBUTION_LETTER, distribution_id),
    ]


def test_the_delegation_window_opens_the_persons_letter_for_signature(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[SignableLetter] = []
    monkeypatch.setattr(SignaturesDialog, "exec", lambda dialog: remember(opened, dialog))
    window.main_actions.delegation_action.trigger()
    delegation = window._delegation_window
    assert delegation is not None
    tab = delegation.rights_tab
    person_id = a_delegate(window.services)
    tab.select_person(person_id)
    tab.delegate_signatures_button.click()
    assert [(s.kind, s.object_id) for s in opened] == [(DocumentKind.DELEGATE_LETTER, person_id)]
    assert opened[0].signatory(SignatureParty.DECISION_MAKER).name


def a_delegate(services: Services) -> int:
    """Someone of the sample who decides on a board's behalf."""
    with services.database.reader() as session:
        people = session.scalars(select(Person.id).order_by(Person.id)).all()
    return next(p for p in people if services.delegation_documents.delegate_letter(p, TODAY).held)


def remember(opened: list[SignableLetter], dialog: SignaturesDialog) -> int:
    opened.append(dialog.subject)
    return 0


def test_signing_settings_keep_the_service_the_roots_and_the_card(
    qtbot: QtBot, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from asn1crypto import pem

    from nacka_desktop.ui.widgets.signing_settings import (
        SigningSettingsDialog,
        time_stamp_service,
        trusted_roots,
    )

    dialog = SigningSettingsDialog(settings)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    dialog.tsa.setText("tidsstampel.example.se")  # no scheme: refused, and said why
    dialog.form.rows["tsa"].touch()  # the user leaves the field
    assert not ok.isEnabled()
    assert "https://" in dialog.form.rows["tsa"].error.text()
    dialog.tsa.setText("https://tidsstampel.example.se/tsa")
    assert ok.isEnabled()
    broken = tmp_path / "trasig.pem"
    broken.write_text("inget certifikat", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *_a, **_k: ([str(broken)], ""))
    dialog._add_root()
    assert not ok.isEnabled() and "trasig.pem" in dialog.form.rows["roots"].error.text()
    dialog.roots.setCurrentRow(0)
    dialog._remove_root()
    root = tmp_path / "rot.pem"
    certificate = Pkcs12Signer(write_p12(tmp_path / "rot.p12", "Rot Rotsson"), PASSWORD).certificate
    root.write_bytes(pem.armor("CERTIFICATE", certificate.dump()))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *_a, **_k: ([str(root)], ""))
    dialog._add_root()
    assert ok.isEnabled()
    ok.click()
    assert time_stamp_service(settings) == "https://tidsstampel.example.se/tsa"
    assert [c.dump() for c in trusted_roots(settings)] == [certificate.dump()]


def write_p12(path: Path, name: str) -> Path:
    path.write_bytes(create_test_certificate(name, PASSWORD))
    return path


def test_an_archive_copy_is_made_with_the_kommuns_time_stamp_service(
    qtbot: QtBot,
    live: Services,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    settings: Settings,
    tsa: TimeStampService,
) -> None:
    """PAdES B-LTA from the dialog: nothing to do before a digital signature or without a
    service; with both, the copy is fetched in the background and saved where asked."""
    from asn1crypto import pem

    from nacka_desktop.ui.shell.settings import TRUST_ROOTS, TSA_URL

    p12 = write_p12(tmp_path / "givare.p12", "Gunilla Givare")
    roots = tmp_path / "betrodda.pem"
    roots.write_bytes(
        pem.armor("CERTIFICATE", Pkcs12Signer(p12, PASSWORD).certificate.dump())
        + pem.armor("CERTIFICATE", tsa.certificate.dump())
    )
    dialog = open_dialog(qtbot, live, Language.SWEDISH, settings)
    dialog.issue_button.click()
    settle(dialog)
    assert not dialog.archive_button.isEnabled()  # nothing signed, no service configured
    assert "Inställningar för underskrifter" in dialog.archive_button.toolTip()
    settings.set(TSA_URL, tsa.url)
    settings.set(TRUST_ROOTS, str(roots))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(p12), ""))
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: (PASSWORD, True))
    monkeypatch.setattr(QInputDialog, "getItem", lambda _p, _t, _l, items, *_a: (items[0], True))
    dialog.sign_button.click()
    settle(dialog)
    assert "betrott certifikat" in dialog.verification.toPlainText()  # the roots are used
    assert dialog.archive_button.isEnabled()
    target = tmp_path / "arkiv.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    dialog.archive_button.click()
    qtbot.waitUntil(target.exists, timeout=20_000)
    checks = verify_pdf(target.read_bytes()).signatures
    assert [c.kind for c in checks] == ["signature", "timestamp"]
    assert checks[0].timestamp is not None  # signed with the service's time stamp: B-T


def test_the_letter_is_written_issued_and_signed_off_the_gui_thread(
    qtbot: QtBot, live: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A card can take seconds to sign: the window shows progress and stays usable."""
    import threading

    threads: dict[str, threading.Thread] = {}
    issue, sign = live.signatures.issue, Pkcs12Signer.sign

    def issuing(*args: Any, **kwargs: Any) -> Any:
        threads["issue"] = threading.current_thread()
        return issue(*args, **kwargs)

    def signing(self: Pkcs12Signer, *args: Any, **kwargs: Any) -> Any:
        threads["sign"] = threading.current_thread()
        return sign(self, *args, **kwargs)

    monkeypatch.setattr(live.signatures, "issue", issuing)
    monkeypatch.setattr(Pkcs12Signer, "sign", signing)
    p12 = tmp_path / "givare.p12"
    p12.write_bytes(create_test_certificate("Gunilla Givare", PASSWORD))
    dialog = open_dialog(qtbot, live, Language.SWEDISH)
    dialog.issue_button.click()
    assert dialog.busy()  # not done yet when the click returns
    settle(dialog)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(p12), ""))
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: (PASSWORD, True))
    monkeypatch.setattr(QInputDialog, "getItem", lambda _p, _t, _l, items, *_a: (items[0], True))
    dialog.sign_button.click()
    settle(dialog)
    assert cell(dialog, 0, 1) == "Gunilla Givare"
    assert set(threads) == {"issue", "sign"}
    assert all(thread is not threading.main_thread() for thread in threads.values())
