"""Loading the UI language. Sources are Swedish; English comes from a compiled catalogue.

Qt's own texts (OK, Avbryt, the file dialog, context menus) come from Qt's catalogues, so they
follow the chosen language too.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from nacka_desktop.resource_files import real_path, translations

LANGUAGES = {"sv": "Svenska", "en": "English"}
LOCALES = {
    "sv": QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
}


class LanguageSwitcher:
    def __init__(self) -> None:
        self._translators: list[QTranslator] = []
        self.language = "sv"

    def apply(self, language: str) -> bool:
        """Install the catalogues for the language. False (and Swedish) if the app's is missing."""
        app = QCoreApplication.instance()
        for translator in self._translators:
            if app is not None:
                app.removeTranslator(translator)
        self._translators = []
        if language not in LANGUAGES:
            language = "sv"
        own = QTranslator()
        found = language == "sv" or self._load_own(own, language)
        if not found:
            language = "sv"
        qt = QTranslator()
        if qt.load(
            LOCALES[language],
            "qtbase",
            "_",
            QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        ):
            self._translators.append(qt)
        if language != "sv":
            self._translators.append(own)
        if app is not None:
            for translator in self._translators:
                app.installTranslator(translator)
        self.language = language
        QLocale.setDefault(LOCALES[language])
        return found

    @staticmethod
    def _load_own(translator: QTranslator, language: str) -> bool:
        catalogue = translations() / f"nacka_desktop_{language}.qm"
        return catalogue.is_file() and translator.load(str(real_path(catalogue)))
