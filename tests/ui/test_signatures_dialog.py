"""Arbetsmiljö → Underskrifter…: issuing a distribution's letter, signing it on paper and with a
certificate, reading back a letter signed in the portal, and what the dialog shows (issue 13)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QThread
from PySide6.QtWidgets import QFileDialog, QInputDialog
from pytestqt.qtbot import QtBot

from nacka_desktop.domain.dates import today
from nacka_desktop.domain.language import Language
from nacka_desktop.domain.letterhead import Letterhead
from nacka_desktop.domain.signatures import DocumentKind, SignatureParty, SignatureRoute
from nacka_desktop.exports.letters import write_distribution_letter
from nacka_desktop.services.context import Services
from nacka_desktop.services.work_environment import ALL_CONFIRMED
from nacka_desktop.signing.certificates import create_test_certificate
from nacka_desktop.signing.signers import FieldSpec, Pkcs12Signer, StampText
from nacka_desktop.ui.shell.i18n import LanguageSwitcher
from nacka_desktop.ui.shell.settings import CARD_LIBRARY, CARD_SLOT, Settings
from nacka_desktop.ui.widgets.pdf_preview import PdfPreviewDialog
from nacka_desktop.ui.work.signatures_dialog import PaperSignatureDialog, SignaturesDialog
from tests.conftest import MODULE, PIN, TODAY, Token, build_sample

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


def open_dialog(qtbot: QtBot, services: Services, language: Language) -> SignaturesDialog:
    draft = next(v for v in services.work.distributions(TODAY) if v.record.signed_on is None)
    for entry in draft.items:
        services.distributions.set_confirmation(draft.record.id, entry.task.id, ALL_CONFIRMED)
    view = services.work.distribution(draft.id, TODAY)
    dialog = SignaturesDialog(services, view, language)
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
    chosen = iter([0, 1])

    def fill(paper: PaperSignatureDialog) -> int:
        paper.party_box.setCurrentIndex(next(chosen))
        assert paper.name.text()  # the party's name is filled in
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
    view = live.work.distribution(dialog.view.id, today())
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
    assert asked and "Signatur1" in asked[0]
    (record,) = live.signatures.letters(DocumentKind.DISTRIBUTION_LETTER, dialog.view.id)[
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
    draft = next(v for v in live.work.distributions(TODAY) if v.record.signed_on is None)
    for entry in draft.items:
        live.distributions.set_confirmation(draft.record.id, entry.task.id, ALL_CONFIRMED)
    dialog = SignaturesDialog(
        live, live.work.distribution(draft.id, TODAY), Language.SWEDISH, None, settings
    )
    qtbot.addWidget(dialog)
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
