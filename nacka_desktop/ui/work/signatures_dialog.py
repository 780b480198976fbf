"""Underskrifter…: a letter as issued for signature (a distribution's, a return's, a
person's delegation letter), who has signed it, how and when, and what the signatures in
it prove (issue 13).

The letter is issued once (kept byte for byte, with one signature field per party), then
signed here with a certificate file, on paper (with the scanned copy), or in the kommun's
signing portal (saved for upload, the signed file read back). Every signature is a record:
nothing here is undone or changed; a mistaken paper record is corrected by a new one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nacka_desktop.domain.language import Language
from nacka_desktop.domain.rules import RuleViolationError
from nacka_desktop.domain.signatures import (
    SignatureParty,
    SignatureRoute,
    field_of,
)
from nacka_desktop.exports.file_names import file_name
from nacka_desktop.services.context import Services
from nacka_desktop.services.signatures import (
    MAX_ATTACHMENT_BYTES,
    Attachment,
    SignedLetter,
    UnknownSignatureFieldsError,
)
from nacka_desktop.signing.documents import write_atomically
from nacka_desktop.signing.errors import SigningError
from nacka_desktop.signing.signers import (
    FieldSpec,
    Pkcs11Signer,
    Pkcs12Signer,
    Signer,
    StampText,
)
from nacka_desktop.signing.verify import VerifyReport
from nacka_desktop.ui.help.links import warn_refusal
from nacka_desktop.ui.org.dialogs import FormDialog
from nacka_desktop.ui.shell.background import (
    BackgroundTask,
    Progress,
    report_failure,
    run_in_background,
)
from nacka_desktop.ui.shell.edits import EXPECTED_REFUSALS
from nacka_desktop.ui.shell.settings import CARD_LIBRARY, CARD_SLOT, Settings
from nacka_desktop.ui.widgets.dialogs import open_with_input_focus
from nacka_desktop.ui.widgets.fields import DateField, side_by_side
from nacka_desktop.ui.widgets.files import FilePlaces
from nacka_desktop.ui.widgets.signing_settings import time_stamp_service, trusted_roots
from nacka_desktop.ui.work.signable import SignableLetter


class SignaturesDialog(QDialog):
    def __init__(
        self,
        services: Services,
        subject: SignableLetter,
        language: Language,
        parent: QWidget | None = None,
        settings: Settings | None = None,
    ) -> None:
        super().__init__(parent)
        open_with_input_focus(self)
        self.services = services
        self.settings = settings
        self.subject = subject
        self.language = language
        self.setWindowTitle(self.tr("Underskrifter – {title}").format(title=subject.title))
        self.intro = QLabel(subject.intro)
        self.intro.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Part"),
                self.tr("Namn"),
                self.tr("Hur"),
                self.tr("Datum"),
                self.tr("Certifikat"),
                self.tr("Fil"),
            ]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.verification = QPlainTextEdit()
        self.verification.setReadOnly(True)
        self.verification.setMaximumHeight(130)

        self.issue_button = QPushButton(self.tr("Utfärda brev för underskrift"))
        self.sign_button = QPushButton(self.tr("Signera…"))
        self.paper_button = QPushButton(self.tr("Pappersunderskrift…"))
        self.portal_button = QPushButton(self.tr("Spara för portalen…"))
        self.read_button = QPushButton(self.tr("Läs in signerat dokument…"))
        self.save_button = QPushButton(self.tr("Spara fil…"))
        self.archive_button = QPushButton(self.tr("Arkivexemplar (B-LTA)…"))
        row = QHBoxLayout()
        for button in (
            self.issue_button,
            self.sign_button,
            self.paper_button,
            self.portal_button,
            self.read_button,
            self.save_button,
            self.archive_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel(self.tr("<b>Kontroll av underskrifterna i filen</b>")))
        layout.addWidget(self.verification)
        layout.addLayout(row)
        layout.addWidget(close)
        self.resize(960, 560)

        self.issue_button.clicked.connect(self.issue)
        self.sign_button.clicked.connect(self.sign_with_certificate)
        self.paper_button.clicked.connect(self.record_paper)
        self.portal_button.clicked.connect(self.save_for_portal)
        self.read_button.clicked.connect(self.read_signed)
        self.save_button.clicked.connect(self.save_selected_file)
        self.archive_button.clicked.connect(self.save_archive_copy)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.task: BackgroundTask | None = None
        self.refresh()

    # -- what is shown -----------------------------------------------------------------------

    def letter(self) -> SignedLetter | None:
        letters = self.services.signatures.letters(self.subject.kind, self.subject.object_id)
        return letters[-1] if letters else None

    def refresh(self, verified: VerifyReport | SigningError | None = None) -> None:
        """The letter's signatures; `verified`: its file already checked (in the background
        after signing), else it is checked here."""
        letter = self.letter()
        signatures = letter.signatures if letter else []
        self.table.setRowCount(len(signatures))
        for row, signature in enumerate(signatures):
            certificate = ""
            if signature.route is not SignatureRoute.PAPER:
                certificate = self.tr("betrott") if signature.trusted else self.tr("inte betrott")
            cells = (
                self.subject.party_label(signature.party, self.language),
                signature.signer_name,
                signature.route.label(self.language),
                signature.signed_on.isoformat(),
                certificate,
                signature.file_name,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, signature.id)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        if letter is None:
            self.status.setText(self.tr("Inget brev är utfärdat för underskrift ännu."))
        elif not letter.current:
            self.status.setText(
                self.tr(
                    "Fördelningen har ändrats sedan brevet utfärdades {issued}: utfärda det "
                    "på nytt innan någon skriver under."
                ).format(issued=_local_day(letter.issued.issued_at))
            )
        elif letter.signed_on is not None and (waiting := letter.unsigned):
            self.status.setText(
                self.tr(
                    "Utfärdat {issued} ({id}). Undertecknat {signed}; {parties} kan ännu "
                    "skriva under."
                ).format(
                    issued=_local_day(letter.issued.issued_at),
                    id=letter.issued.document_id,
                    signed=letter.signed_on.isoformat(),
                    parties=", ".join(self.subject.party_label(p, self.language) for p in waiting),
                )
            )
        elif letter.signed_on is not None:
            self.status.setText(
                self.tr("Utfärdat {issued} ({id}). Undertecknat av alla parter {signed}.").format(
                    issued=_local_day(letter.issued.issued_at),
                    id=letter.issued.document_id,
                    signed=letter.signed_on.isoformat(),
                )
            )
        else:
            self.status.setText(
                self.tr("Utfärdat {issued} ({id}). Väntar på underskrifter.").format(
                    issued=_local_day(letter.issued.issued_at),
                    id=letter.issued.document_id,
                )
            )
        self._show_verification(letter, verified)
        self._update_buttons()

    def _show_verification(
        self, letter: SignedLetter | None, verified: VerifyReport | SigningError | None
    ) -> None:
        if letter is None:
            self.verification.setPlainText("")
            return
        if verified is None:
            verified = _verify(self.services, letter, trusted_roots(self.settings))
        if isinstance(verified, SigningError):
            self.verification.setPlainText(self._signing_text(verified))
            return
        checks = verified.signatures
        if not checks:
            self.verification.setPlainText(self.tr("Filen har inga digitala underskrifter."))
            return
        lines = []
        for check in checks:
            when = check.timestamp or check.signing_time
            lines.append(
                self.tr(
                    "{field}: {signer} (utfärdat av {issuer}), {when} — {intact}, {trust}"
                ).format(
                    field=check.field,
                    signer=check.signer,
                    issuer=check.issuer,
                    when=when.astimezone().strftime("%Y-%m-%d %H:%M") if when else "?",
                    intact=self.tr("oförändrad sedan underskriften")
                    if check.ok
                    else self.tr("BRUTEN"),
                    trust=self.tr("betrott certifikat")
                    if check.trusted
                    else self.tr("certifikatet är inte betrott"),
                )
            )
        self.verification.setPlainText("\n".join(lines))

    def _update_buttons(self) -> None:
        letter = self.letter()
        writable = not self.services.database.read_only
        stale = letter is not None and not letter.current
        reissue = letter is not None and self.subject.reissuable
        self.issue_button.setEnabled(writable and (letter is None or stale or reissue))
        self.issue_button.setText(
            self.tr("Utfärda nytt brev…") if reissue else self.tr("Utfärda brev för underskrift")
        )
        # Open while anyone who signs the letter has not (the services say who): a return is
        # in force with the receiver's signature alone, and the giver may still sign that it
        # arrived.
        waiting = letter is not None and bool(letter.unsigned)
        for button in (self.sign_button, self.paper_button, self.read_button):
            button.setEnabled(writable and waiting and not stale)
        self.portal_button.setEnabled(letter is not None)
        self.save_button.setEnabled(letter is not None)
        digital = letter is not None and any(
            s.route is not SignatureRoute.PAPER for s in letter.signatures
        )
        service = time_stamp_service(self.settings)
        self.archive_button.setEnabled(digital and service is not None)
        self.archive_button.setToolTip(
            self.tr(
                "Sparar brevet med det som validerar varje underskrift och en tidsstämpel "
                "över allt (PAdES B-LTA), för kommunens arkiv."
            )
            if service is not None
            else self.tr("Ange en tidsstämpeltjänst under Arkiv → Inställningar för underskrifter.")
        )

    # -- what the user does ------------------------------------------------------------------

    def issue(self) -> None:
        from nacka_desktop.exports.letters.for_signature import letter_for_signature

        subject, services = self.subject, self.services
        if self.letter() is not None:
            answer = QMessageBox.question(
                self,
                self.tr("Utfärda nytt brev"),
                self.tr(
                    "Ett nytt brev skrivs med det som gäller i dag och utfärdas för "
                    "underskrift. Det tidigare brevet och dess underskrifter finns kvar "
                    "oförändrade. Fortsätta?"
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return

        def write_and_issue() -> object:
            made = letter_for_signature(subject.write)
            return services.signatures.issue(
                subject.kind, subject.object_id, made.pdf, made.document_id, subject.record_title
            )

        self._do(write_and_issue, self.tr("Utfärdar brevet …"))

    def sign_with_certificate(self) -> None:
        """Sign with a certificate file (.p12) or a card (SITHS, through its PKCS#11 module:
        remembered in the settings once chosen); the password or PIN is asked for and kept
        nowhere."""
        letter = self.letter()
        party = self._choose_party(letter)
        if letter is None or party is None:
            return
        role = self.subject.signatory(party).role
        current = self.services.signatures.latest_file(letter.issued.id)
        field, stamp = FieldSpec(field_of(party)), StampText(role=role)
        key = self._choose_key()
        if key is None:
            return
        issued_id, signatures = letter.issued.id, self.services.signatures

        def sign_and_record() -> object:
            signer = key()
            try:
                signed = signer.sign(current, field, stamp)
            finally:
                if isinstance(signer, Pkcs11Signer):
                    signer.close()
            return signatures.record_digital(issued_id, signed)

        self._do(sign_and_record, self.tr("Skriver under …"))

    def _choose_key(self) -> Callable[[], Signer] | None:
        """How the key is opened, once asked for: None if the user cancels."""
        file_choice, card_choice = self.tr("Certifikatfil (.p12)…"), self.tr("Kort (PKCS#11)…")
        how, ok = QInputDialog.getItem(
            self,
            self.tr("Signera"),
            self.tr("Underteckna med:"),
            [file_choice, card_choice],
            1 if self._card() is not None else 0,
            False,
        )
        if not ok:
            return None
        if how == card_choice:
            return self._card_key()
        path = FilePlaces.of(self).open_path(
            self,
            self.tr("Välj certifikatfil"),
            self.tr("Certifikat med nyckel (*.p12 *.pfx);;Alla filer (*)"),
        )
        if path is None:
            return None
        password, ok = QInputDialog.getText(
            self,
            self.tr("Lösenord"),
            self.tr("Lösenordet till {file}:").format(file=Path(path).name),
            QLineEdit.EchoMode.Password,
        )
        if not ok:
            return None
        tsa = time_stamp_service(self.settings)
        return lambda: Pkcs12Signer(Path(path), password, tsa_url=tsa)

    def _card(self) -> tuple[str, int] | None:
        if self.settings is None or not self.settings.get(CARD_LIBRARY):
            return None
        return self.settings.get(CARD_LIBRARY), int(self.settings.get(CARD_SLOT))

    def _card_key(self) -> Callable[[], Signer] | None:
        card = self._card()
        if card is None:
            module = FilePlaces.of(self).open_path(
                self,
                self.tr("Kortprogrammets PKCS#11-modul"),
                self.tr("PKCS#11-modul (*.so *.dll *.dylib);;Alla filer (*)"),
                remember=False,
            )
            if module is None:
                return None
            library = str(module)
            slot, ok = QInputDialog.getInt(
                self, self.tr("Kortläsare"), self.tr("Läsarens plats (slot):"), 0, 0, 2**31 - 1
            )
            if not ok:
                return None
            card = (library, slot)
            if self.settings is not None:
                self.settings.set(CARD_LIBRARY, library)
                self.settings.set(CARD_SLOT, slot)
        library, slot = card
        pin, ok = QInputDialog.getText(
            self, self.tr("PIN-kod"), self.tr("Kortets PIN-kod:"), QLineEdit.EchoMode.Password
        )
        if not ok:
            return None
        tsa = time_stamp_service(self.settings)
        return lambda: Pkcs11Signer(library, slot, pin, tsa_url=tsa)

    def record_paper(self) -> None:
        letter = self.letter()
        if letter is None or not letter.unsigned:
            return
        dialog = PaperSignatureDialog(
            self.subject,
            letter.unsigned,  # a party who has signed is not offered again
            self.services.clock(),
            self,
            self.language,
        )
        try:
            if not dialog.exec():
                return
            party, name, on, scan = dialog.party(), dialog.name.text(), dialog.on(), dialog.scan()
        finally:
            dialog.deleteLater()
        signatures, issued_id = self.services.signatures, letter.issued.id
        self._do(
            lambda: signatures.record_paper(issued_id, party, name, on, scan),
            self.tr("Sparar underskriften …"),
        )

    def save_for_portal(self) -> None:
        letter = self.letter()
        if letter is None:
            return
        self._save(
            self.services.signatures.latest_file(letter.issued.id),
            self._file_name(self.tr("för underskrift")),
        )

    def read_signed(self) -> None:
        letter = self.letter()
        if letter is None:
            return
        path = FilePlaces.of(self).open_path(
            self, self.tr("Läs in signerat dokument"), self.tr("PDF (*.pdf)")
        )
        if path is None:
            return
        try:
            signed = Path(path).read_bytes()
        except OSError as error:
            QMessageBox.warning(self, self.tr("Underskrifter"), str(error))
            return
        signatures = self.services.signatures
        parties: dict[str, SignatureParty] = {}
        while True:  # once more for each field of the portal's own, asking who signed there
            try:
                signatures.record_digital(
                    letter.issued.id, signed, SignatureRoute.PORTAL, party_of_field=parties
                )
            except UnknownSignatureFieldsError as error:
                for field in error.fields:
                    party = self._ask_party_of_field(field)
                    if party is None:
                        return
                    parties[field] = party
                continue
            except SigningError as error:
                QMessageBox.warning(self, self.tr("Underskrifter"), self._signing_text(error))
            except EXPECTED_REFUSALS as error:
                self._report(error)
            break
        self.refresh()

    def save_selected_file(self) -> None:
        letter = self.letter()
        if letter is None:
            return
        items = self.table.selectedItems()
        if items:
            attachment = self.services.signatures.attachment(
                int(items[0].data(Qt.ItemDataRole.UserRole))
            )
            if attachment is not None:
                self._save(attachment.data, attachment.name)
                return
        self._save(
            self.services.signatures.issued_file(letter.issued.id),
            self._file_name(self.tr("utfärdad")),
        )

    def save_archive_copy(self) -> None:
        """The letter as it stands, with what validates each signature and a document time
        stamp over it (PAdES B-LTA), saved for the kommun's archive; fetched from the
        time-stamp service in the background. Saved again later, it is extended anew."""
        from nacka_desktop.signing.archive import extend_for_archive

        letter, service = self.letter(), time_stamp_service(self.settings)
        if letter is None or service is None:
            return
        places = FilePlaces.of(self)
        path = places.save_path(
            self,
            self.tr("Spara arkivexemplar"),
            self._file_name(self.tr("arkivexemplar")),
            self.tr("PDF (*.pdf)"),
        )
        if path is None:
            return
        signed, roots = (
            self.services.signatures.latest_file(letter.issued.id),
            trusted_roots(self.settings),
        )

        def extend(_progress: object) -> None:
            write_atomically(path, extend_for_archive(signed, service, roots))

        self.archive_task = run_in_background(
            self,
            self.tr("Hämtar tidsstämpel från {service} …").format(service=service),
            extend,
            done=lambda _result: places.confirm_saved(path),
            failed=self._archive_failed,
        )

    def _archive_failed(self, error: BaseException) -> None:
        if isinstance(error, SigningError):
            QMessageBox.warning(self, self.tr("Arkivexemplar"), self._signing_text(error))
        else:
            report_failure(self, self.tr("Arkivexemplar"), error)

    # -- helpers -------------------------------------------------------------------------------

    def _choose_party(self, letter: SignedLetter | None) -> SignatureParty | None:
        if letter is None:
            return None
        open_parties = list(letter.unsigned)
        if not open_parties:
            return None
        labels = [self.subject.party_label(p, self.language) for p in open_parties]
        chosen, ok = QInputDialog.getItem(
            self, self.tr("Signera"), self.tr("Vem skriver under?"), labels, 0, False
        )
        return open_parties[labels.index(chosen)] if ok else None

    def _ask_party_of_field(self, field: str) -> SignatureParty | None:
        parties = list(self.services.signatures.parties(self.subject.kind, self.subject.object_id))
        labels = [self.subject.party_label(p, self.language) for p in parties]
        chosen, ok = QInputDialog.getItem(
            self,
            self.tr("Okänt underskriftsfält"),
            self.tr("Portalen skrev under i fältet {field}. Vem skrev under där?").format(
                field=field
            ),
            labels,
            0,
            False,
        )
        return parties[labels.index(chosen)] if ok else None

    def _file_name(self, what: str) -> str:
        return file_name(*self.subject.file_parts, what, extension="pdf")

    def _save(self, data: bytes, name: str) -> None:
        places = FilePlaces.of(self)
        path = places.save_path(self, self.tr("Spara fil"), name)
        if path is not None:
            try:
                path.write_bytes(data)
            except OSError as error:
                QMessageBox.warning(self, self.tr("Underskrifter"), str(error))
            else:
                places.confirm_saved(path)

    def _do(self, action: Callable[[], object], label: str) -> None:
        """Writing a letter, signing (a card can take seconds) and recording run in the
        background with progress; the table shows the outcome when they end."""
        if self.busy():
            return
        services, kind, object_id = self.services, self.subject.kind, self.subject.object_id
        roots = trusted_roots(self.settings)

        def work(_progress: Progress) -> VerifyReport | SigningError | None:
            action()
            letters = services.signatures.letters(kind, object_id)
            return _verify(services, letters[-1], roots) if letters else None  # checked

        self.task = run_in_background(self, label, work, done=self._done, failed=self._failed)

    def busy(self) -> bool:
        """A letter is being issued, signed or recorded (the task deletes itself when done)."""
        return self.task is not None and shiboken6.isValid(self.task)

    def _done(self, verified: VerifyReport | SigningError | None) -> None:
        self.refresh(verified)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, SigningError):
            QMessageBox.warning(self, self.tr("Underskrifter"), self._signing_text(error))
        elif isinstance(error, OSError):
            QMessageBox.warning(self, self.tr("Underskrifter"), str(error))
        elif isinstance(error, EXPECTED_REFUSALS):
            self._report(error)
        else:
            report_failure(self, self.tr("Underskrifter"), error)
        self.refresh()

    def _signing_text(self, error: SigningError) -> str:
        return error.message_en if self.language is Language.ENGLISH else error.message

    def _report(self, error: Exception) -> None:
        if isinstance(error, RuleViolationError):
            warn_refusal(self, self.tr("Underskrifter"), error.violations, self.language)
            return
        text = error.text(self.language) if hasattr(error, "text") else str(error)
        QMessageBox.warning(self, self.tr("Underskrifter"), text)


def _verify(
    services: Services, letter: SignedLetter, trust_roots: Sequence[Any]
) -> VerifyReport | SigningError:
    """The signatures in the letter's latest file (a pyHanko check: ~0.2 s a signature)."""
    from nacka_desktop.signing.verify import verify_pdf

    try:
        return verify_pdf(services.signatures.latest_file(letter.issued.id), trust_roots)
    except SigningError as error:
        return error


def _local_day(moment: datetime) -> str:
    return moment.astimezone().date().isoformat()


class PaperSignatureDialog(FormDialog):
    """Who signed the letter in ink, as which party, on which day, with the scanned copy.
    `parties`: those who have not signed the letter yet, in the order they sign (the
    services'); the first is proposed."""

    def __init__(
        self,
        subject: SignableLetter,
        parties: tuple[SignatureParty, ...],
        today: date,
        parent: QWidget | None = None,
        language: Language = Language.SWEDISH,
    ) -> None:
        super().__init__(self.tr("Pappersunderskrift"), parent, language)
        self.set_intro(
            self.tr(
                "Registrera en underskrift på det utskrivna brevet. Bifoga gärna den "
                "inskannade kopian (PDF eller bild); den sparas med underskriften."
            )
        )
        self.parties = list(parties)
        first = self.parties[0]
        self.party_box = QComboBox()
        for party in self.parties:
            self.party_box.addItem(subject.party_label(party, language))
        self.names = {party: subject.signatory(party).name for party in self.parties}
        self.name = QLineEdit(self.names[first])
        self.date_field = DateField(optional=False)
        self.date_field.set_date(today)
        self.file_label = QLabel(self.tr("Ingen fil vald"))
        choose = QPushButton(self.tr("Välj fil…"))
        file_row = side_by_side(self.file_label, choose)
        self._scan: Path | None = None
        self.form.add("party", self.tr("Part"), self.party_box)
        self.form.add("name", self.tr("Namn"), self.name)
        self.form.add("signed_on", self.tr("Undertecknad"), self.date_field)
        self.form.add("scan", self.tr("Inskannad kopia"), file_row)
        self.party_box.currentIndexChanged.connect(self._party_changed)
        self.name.textChanged.connect(self.revalidate)
        self.date_field.textChanged.connect(self.revalidate)
        choose.clicked.connect(self._choose_file)
        self.name.setFocus()
        self.revalidate()

    def _party_changed(self, index: int) -> None:
        self.name.setText(self.names[self.parties[index]])

    def _choose_file(self) -> None:
        path = FilePlaces.of(self).open_path(
            self,
            self.tr("Inskannad kopia"),
            self.tr("PDF eller bild (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)"),
        )
        if path is not None:
            self._scan = path
            self.file_label.setText(self._scan.name)
            self.revalidate()

    def validate(self) -> bool:
        valid = True
        if not self.name.text().strip():
            self.form.rows["name"].set_error(self.tr("Ange vem som skrev under."))
            valid = False
        if problem := self.date_field.problem():
            self.form.rows["signed_on"].set_error(problem)
            valid = False
        if self._scan is not None and self._size(self._scan) > MAX_ATTACHMENT_BYTES:
            self.form.rows["scan"].set_error(self.tr("Filen är större än 20 MB."))
            valid = False
        return valid

    @staticmethod
    def _size(path: Path) -> int:
        try:
            return path.stat().st_size
        except OSError:
            return 0  # reading it will say why

    def party(self) -> SignatureParty:
        return self.parties[self.party_box.currentIndex()]

    def on(self) -> date:
        value = self.date_field.date()
        assert value is not None
        return value

    def scan(self) -> Attachment | None:
        """The chosen copy (OSError if it cannot be read)."""
        if self._scan is None:
            return None
        return Attachment(self._scan.name, self._scan.read_bytes())
