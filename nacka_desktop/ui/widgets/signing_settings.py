"""Arkiv → Inställningar för underskrifter…: the time-stamp service, the trusted root
certificates and the signing card, kept in the settings; and reading them back for the
signatures dialog, the verification panel and the archive copy."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from nacka_desktop.domain.language import Language
from nacka_desktop.ui.org.dialogs import FormDialog
from nacka_desktop.ui.shell.settings import (
    CARD_LIBRARY,
    CARD_SLOT,
    TRUST_ROOTS,
    TSA_URL,
    Settings,
)
from nacka_desktop.ui.widgets.fields import side_by_side
from nacka_desktop.ui.widgets.files import FilePlaces

log = logging.getLogger(__name__)


def time_stamp_service(settings: Settings | None) -> str | None:
    url = settings.get(TSA_URL).strip() if settings is not None else ""
    return url or None


def trust_root_files(settings: Settings | None) -> list[str]:
    stored = settings.get(TRUST_ROOTS) if settings is not None else ""
    return [line for line in str(stored).splitlines() if line.strip()]


def trusted_roots(settings: Settings | None) -> list[Any]:
    """The certificates the kommun trusts; a file gone since it was chosen is left out (and
    logged): its signatures then show as untrusted, never as broken."""
    from nacka_desktop.signing.verify import load_certificates

    roots: list[Any] = []
    for file in trust_root_files(settings):
        try:
            roots += load_certificates([Path(file)])
        except (OSError, ValueError) as error:
            log.warning("Rotcertifikatet %s kunde inte läsas: %s", file, error)
    return roots


class SigningSettingsDialog(FormDialog):
    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        language: Language = Language.SWEDISH,
    ) -> None:
        super().__init__(self.tr("Inställningar för underskrifter"), parent, language)
        self.settings = settings
        self.set_intro(
            self.tr(
                "Med en tidsstämpeltjänst (RFC 3161) får varje underskrift en tidsstämpel "
                "(PAdES B-T), och ett arkivexemplar (PAdES B-LTA) kan göras. De betrodda "
                "rotcertifikaten avgör vilka underskrifter som visas som betrodda. Kortet "
                "(t.ex. SITHS) nås genom kortprogrammets PKCS#11-modul."
            )
        )
        self.tsa = QLineEdit(settings.get(TSA_URL))
        self.tsa.setPlaceholderText(self.tr("t.ex. https://tidsstampel.example.se/tsa"))
        self.roots = QListWidget()
        self.roots.addItems(trust_root_files(settings))
        self.roots.setMaximumHeight(110)
        add_root = QPushButton(self.tr("Lägg till…"))
        remove_root = QPushButton(self.tr("Ta bort"))
        root_buttons = QVBoxLayout()
        root_buttons.addWidget(add_root)
        root_buttons.addWidget(remove_root)
        root_buttons.addStretch(1)
        roots_row = QWidget()
        roots_layout = QHBoxLayout(roots_row)
        roots_layout.setContentsMargins(0, 0, 0, 0)
        roots_layout.addWidget(self.roots, 1)
        roots_layout.addLayout(root_buttons)
        self.library = QLineEdit(settings.get(CARD_LIBRARY))
        self.library.setPlaceholderText(self.tr("t.ex. /usr/lib/x86_64-linux-gnu/…/libpkcs11.so"))
        choose_library = QPushButton(self.tr("Välj…"))
        library_row = side_by_side(self.library, choose_library)
        self.slot = QSpinBox()
        self.slot.setRange(0, 2**31 - 1)
        self.slot.setValue(int(settings.get(CARD_SLOT)))
        self.form.add("tsa", self.tr("Tidsstämpeltjänst"), self.tsa)
        self.form.add("roots", self.tr("Betrodda rotcertifikat"), roots_row)
        self.form.add("library", self.tr("Kortets PKCS#11-modul"), library_row)
        self.form.add("slot", self.tr("Kortläsarens plats (slot)"), self.slot)
        for button in (add_root, remove_root, choose_library):
            button.setAutoDefault(False)  # Enter in a field means OK, not "Lägg till…"
        add_root.clicked.connect(self._add_root)
        remove_root.clicked.connect(self._remove_root)
        choose_library.clicked.connect(self._choose_library)
        self.tsa.textChanged.connect(self.revalidate)
        self.library.textChanged.connect(self.revalidate)
        self.resize(640, self.sizeHint().height())
        self.revalidate()

    def _add_root(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Betrott rotcertifikat"),
            str(FilePlaces.of(self).start_folder()),
            self.tr("Certifikat (*.pem *.crt *.cer *.der);;Alla filer (*)"),
        )
        known = set(self._root_files())
        self.roots.addItems([p for p in paths if p not in known])
        self.form.rows["roots"].touch()  # a file just chosen is told about at once
        self.revalidate()

    def _remove_root(self) -> None:
        for item in self.roots.selectedItems():
            self.roots.takeItem(self.roots.row(item))
        self.revalidate()

    def _choose_library(self) -> None:
        path = FilePlaces.of(self).open_path(
            self,
            self.tr("Kortprogrammets PKCS#11-modul"),
            self.tr("PKCS#11-modul (*.so *.dll *.dylib);;Alla filer (*)"),
            remember=False,  # a program's module, not a document: the next folder stays
        )
        if path is not None:
            self.library.setText(str(path))
            self.form.rows["library"].touch()

    def _root_files(self) -> list[str]:
        return [self.roots.item(row).text() for row in range(self.roots.count())]

    def validate(self) -> bool:
        from nacka_desktop.signing.verify import load_certificates

        valid = True
        url = self.tsa.text().strip()
        if url and not url.lower().startswith(("http://", "https://")):
            self.form.rows["tsa"].set_error(
                self.tr("Ange tjänstens adress, som börjar med https:// eller http://.")
            )
            valid = False
        for file in self._root_files():
            try:
                load_certificates([Path(file)])
            except (OSError, ValueError) as error:
                self.form.rows["roots"].set_error(
                    self.tr("{file} kan inte läsas som certifikat: {why}").format(
                        file=Path(file).name, why=error
                    )
                )
                valid = False
                break
        library = self.library.text().strip()
        if library and not Path(library).is_file():
            self.form.rows["library"].set_error(self.tr("Filen finns inte."))
            valid = False
        return valid

    def accept(self) -> None:
        self.settings.set(TSA_URL, self.tsa.text().strip())
        self.settings.set(TRUST_ROOTS, "\n".join(self._root_files()))
        self.settings.set(CARD_LIBRARY, self.library.text().strip())
        self.settings.set(CARD_SLOT, self.slot.value())
        super().accept()
