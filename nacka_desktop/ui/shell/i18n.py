"""Loading the UI language. Sources are Swedish; English comes from a compiled catalogue.

Qt's own texts (OK, Avbryt, the file dialog, context menus) come from Qt's catalogues, so they
follow the chosen language too.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from nacka_desktop.domain.language import Language
from nacka_desktop.resource_files import real_path, translations

LANGUAGES = {"sv": "Svenska", "en": "English"}
LOCALES = {
    "sv": QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
}


class LanguageSwitcher:
    def __init__(self) -> None:
        self._translators: list[QTranslator] = []
        self.language = Language.SWEDISH

    def apply(self, language: Language) -> bool:
        """Install the catalogues for the language. False (and Swedish) if the app's is missing."""
        app = QCoreApplication.instance()
        for translator in self._translators:
            if app is not None:
                app.removeTranslator(translator)
        self._translators = []
        own = QTranslator()
        found = language is Language.SWEDISH or self._load_own(own, language)
        if not found:
            language = Language.SWEDISH
        qt = QTranslator()
        if qt.load(
            LOCALES[language.code],
            "qtbase",
            "_",
            QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        ):
            self._translators.append(qt)
        if language is not Language.SWEDISH:
            self._translators.append(own)
        if app is not None:
            for translator in self._translators:
                app.installTranslator(translator)
        self.language = language
        QLocale.setDefault(LOCALES[language.code])
        return found

    @staticmethod
    def _load_own(translator: QTranslator, language: Language) -> bool:
        catalogue = translations() / f"nacka_desktop_{language.code}.qm"
        return catalogue.is_file() and translator.load(str(real_path(catalogue)))
