"""*Arkiv → Brevhuvud…*: who the letters are from (the organisation's, for every user of the
database): the municipality's name, up to three lines under it, and a logo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from nacka_desktop.domain.language import Language
from nacka_desktop.domain.letterhead import Letterhead
from nacka_desktop.ui.org.dialogs import FormDialog
from nacka_desktop.ui.widgets.fields import side_by_side
from nacka_desktop.ui.widgets.files import FilePlaces

LOGO_PREVIEW_HEIGHT = 48


class LetterheadDialog(FormDialog):
    def __init__(
        self, shown: Letterhead, parent: QWidget | None, language: Language = Language.SWEDISH
    ) -> None:
        super().__init__(self.tr("Brevhuvud"), parent, language)
        self.set_intro(
            self.tr(
                "Överst i varje brev och rapport: kommunens namn, upp till tre rader under det "
                "(t.ex. förvaltningen) och en logotyp. Samma för alla som använder databasen."
            )
        )
        self.name_edit = QLineEdit(shown.municipality)
        self.lines_edit = QPlainTextEdit("\n".join(shown.lines))
        self.lines_edit.setPlaceholderText(self.tr("En rad för varje, t.ex. Stadsledningskontoret"))
        self.lines_edit.setMaximumHeight(80)
        self._logo = shown.logo
        self.logo_preview = QLabel()
        self.logo_preview.setMinimumHeight(LOGO_PREVIEW_HEIGHT)
        self.choose_logo_button = QPushButton(self.tr("Välj bild…"))
        self.remove_logo_button = QPushButton(self.tr("Ta bort"))
        logo_row = side_by_side(self.logo_preview, self.choose_logo_button, self.remove_logo_button)
        self.form.add("municipality", self.tr("Kommunens namn"), self.name_edit)
        self.form.add("lines", self.tr("Rader under namnet"), self.lines_edit)
        self.form.add("logo", self.tr("Logotyp"), logo_row)
        self.name_edit.textChanged.connect(self.revalidate)
        self.choose_logo_button.clicked.connect(self._choose_logo)
        self.remove_logo_button.clicked.connect(lambda: self._set_logo(None))
        self._set_logo(shown.logo)
        self.name_edit.setFocus()

    def letterhead(self) -> Letterhead:
        lines = tuple(
            line.strip() for line in self.lines_edit.toPlainText().splitlines() if line.strip()
        )
        return Letterhead(self.name_edit.text().strip(), lines, self._logo)

    def validate(self) -> bool:
        return self.form.require("municipality", self.name_edit, self.tr("Ange ett namn."))

    def _choose_logo(self) -> None:
        path = FilePlaces.of(self).open_path(
            self, self.tr("Välj logotyp"), self.tr("Bilder (*.png *.jpg *.jpeg)")
        )
        if path is None:
            return
        with open(path, "rb") as image:
            data = image.read()
        if not QPixmap().loadFromData(data):
            QMessageBox.warning(
                self, self.tr("Logotyp"), self.tr("Filen {name} är ingen bild.").format(name=path)
            )
            return
        self._set_logo(data)

    def _set_logo(self, logo: bytes | None) -> None:
        self._logo = logo
        pixmap = QPixmap()
        if logo is not None and pixmap.loadFromData(logo):
            self.logo_preview.setPixmap(
                pixmap.scaledToHeight(
                    LOGO_PREVIEW_HEIGHT, Qt.TransformationMode.SmoothTransformation
                )
            )
        else:
            self.logo_preview.setText(
                self.tr("(ingen logotyp)") if logo is None else self.tr("(ingen bild)")
            )
        self.remove_logo_button.setEnabled(logo is not None)
