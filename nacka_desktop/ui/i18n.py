"""Loading the UI language. Sources are Swedish; English comes from a compiled catalogue."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"
LANGUAGES = {"sv": "Svenska", "en": "English"}


class LanguageSwitcher:
    def __init__(self) -> None:
        self._translator: QTranslator | None = None
        self.language = "sv"

    def apply(self, language: str) -> bool:
        """Install the catalogue for the language; Swedish needs none. False if it is missing."""
        app = QCoreApplication.instance()
        if self._translator is not None and app is not None:
            app.removeTranslator(self._translator)
            self._translator = None
        self.language = "sv"
        QLocale.setDefault(QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden))
        if language == "sv":
            return True
        translator = QTranslator()
        if not translator.load(f"nacka_desktop_{language}", str(TRANSLATIONS)):
            return False
        if app is not None:
            app.installTranslator(translator)
        self._translator = translator
        self.language = language
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        return True
