"""Every persisted setting declared once, with its type and default, over QSettings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar, cast

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")

SETTINGS_VERSION = 1


@dataclass(frozen=True)
class Option(Generic[T]):
    key: str
    default: T


GEOMETRY = Option("window/geometry", QByteArray())
WINDOW_STATE = Option("window/state", QByteArray())
LAST_DATABASE = Option("database/last", "")
LANGUAGE = Option("ui/language", "sv")
SHOW_CLOSED = Option("tree/show_closed", False)
# A signing card (SITHS): the card software's PKCS#11 module and the reader's slot.
CARD_LIBRARY = Option("signing/pkcs11_library", "")
CARD_SLOT = Option("signing/pkcs11_slot", 0)
# The kommun's RFC 3161 time-stamp service (signatures become PAdES B-T, and an archive copy
# B-LTA can be made) and the root certificates it trusts (PEM or DER files, one per line).
TSA_URL = Option("signing/tsa_url", "")
TRUST_ROOTS = Option("signing/trust_roots", "")
# The folder a file was last saved to or opened from: the next file dialog starts there.
LAST_FOLDER = Option("files/last_folder", "")
# The databases opened last, newest first, one per line (a server's address without its
# password): Arkiv → Senaste databaser.
RECENT_DATABASES = Option("database/recent", "")


class Settings:
    """Typed access to QSettings; a test passes its own QSettings (an ini file in tmp)."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store or QSettings()
        self._upgrade()

    def get(self, option: Option[T]) -> T:
        value: Any = self.store.value(option.key, option.default)
        if value is None:
            return option.default
        if isinstance(option.default, bool):
            return cast(T, value in (True, "true", "1", 1))
        return cast(T, value)

    def set(self, option: Option[T], value: T) -> None:
        self.store.setValue(option.key, value)

    def _upgrade(self) -> None:
        stored: Any = self.store.value("settings/version", 0)
        version = int(stored or 0)
        if version < SETTINGS_VERSION:
            # Version 1 is the first layout; later versions rename or convert keys here.
            self.store.setValue("settings/version", SETTINGS_VERSION)
