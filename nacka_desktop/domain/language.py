"""The language data is shown in: Swedish, the app's own, or English.

One value travels from the setting (or the window's menu) to every model, form and dialog, so
a label can never be picked in one language and its sentence in the other. Qt's own UI text
is translated by Qt (`self.tr`); this is for data: the names of kinds, roles and states
(`domain/labels.py`) and the messages of the rules, which carry both languages.
"""

from __future__ import annotations

from enum import Enum, StrEnum


class Language(Enum):
    SWEDISH = "sv"
    ENGLISH = "en"

    @classmethod
    def parse(cls, code: object) -> Language:
        """The language a stored setting or a command-line option names ("sv", "en", any
        case). Anything else is Swedish: an unknown or damaged setting must not stop the app,
        and Swedish is what it speaks without one."""
        text = code.strip().casefold() if isinstance(code, str) else ""
        return next((language for language in cls if language.value == text), cls.SWEDISH)

    @property
    def code(self) -> str:
        """ "sv" or "en", as settings, the command line and Qt's catalogue names spell it."""
        return self.value

    def pick(self, swedish: str, english: str) -> str:
        return english if self is Language.ENGLISH else swedish


class LabelledEnum(StrEnum):
    """An enum whose values users see by name. The names are in the one catalogue,
    `domain/labels.py`; a value reads its own there, which also serves the modules the
    catalogue imports (they cannot import it back). `label_sv` and `label_en` are for a text
    written in both languages at once, as a rule's message is."""

    def label(self, language: Language) -> str:
        from nacka_desktop.domain.labels import label  # the catalogue imports the enums

        return label(self, language)

    @property
    def label_sv(self) -> str:
        return self.label(Language.SWEDISH)

    @property
    def label_en(self) -> str:
        return self.label(Language.ENGLISH)
