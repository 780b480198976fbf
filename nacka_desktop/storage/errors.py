"""Errors raised when a database cannot be opened, each with a message a user can act on."""

from __future__ import annotations

from nacka_desktop.domain.language import Language


class DatabaseOpenError(Exception):
    def __init__(self, message_sv: str, message_en: str) -> None:
        super().__init__(message_sv)
        self.message_sv = message_sv
        self.message_en = message_en

    def text(self, language: Language) -> str:
        return language.pick(self.message_sv, self.message_en)


class NotADatabaseError(DatabaseOpenError):
    def __init__(self, location: str) -> None:
        super().__init__(
            f"Filen {location} är ingen Nacka Desktop-databas (inte en SQLite-databas). "
            "Välj en annan fil eller skapa en ny.",
            f"The file {location} is not a Nacka Desktop database (not an SQLite database). "
            "Choose another file or create a new one.",
        )


class DatabaseLockedError(DatabaseOpenError):
    def __init__(self, location: str) -> None:
        super().__init__(
            f"Databasen {location} är låst av ett annat program. Stäng det andra programmet "
            "(eller vänta en stund) och försök igen.",
            f"The database {location} is locked by another program. Close it (or wait a "
            "moment) and try again.",
        )


class DatabaseTooNewError(DatabaseOpenError):
    def __init__(self, location: str, revision: str) -> None:
        super().__init__(
            f"Databasen {location} är skapad av en nyare version av Nacka Desktop "
            f"(schemaversion {revision}). Uppdatera programmet för att öppna den.",
            f"The database {location} was created by a newer Nacka Desktop "
            f"(schema version {revision}). Update the app to open it.",
        )


class DatabaseUnavailableError(DatabaseOpenError):
    def __init__(self, location: str, reason: str) -> None:
        super().__init__(
            f"Databasen {location} kunde inte öppnas: {reason}",
            f"The database {location} could not be opened: {reason}",
        )


class ForeignDatabaseError(DatabaseOpenError):
    def __init__(self, location: str) -> None:
        super().__init__(
            f"{location} är en databas, men inte en Nacka Desktop-databas (den saknar "
            "versionsuppgift). Den lämnas orörd; välj en annan fil eller skapa en ny.",
            f"{location} is a database, but not a Nacka Desktop database (it has no schema "
            "version). It is left untouched; choose another file or create a new one.",
        )


class DatabaseDamagedError(DatabaseOpenError):
    """SQLite's own check found the file damaged: it is refused, unchanged, and the message
    names the newest backup and how to put it back."""

    def __init__(self, location: str, detail: str, newest_backup: str | None) -> None:
        self.location = location
        self.detail = detail
        self.newest_backup = newest_backup
        if newest_backup is None:
            backup_sv = "Det finns ingen säkerhetskopia av den."
            backup_en = "There is no backup of it."
        else:
            backup_sv = (
                f"Den senaste säkerhetskopian är {newest_backup}; återställ den med "
                f"`nacka-desktop restore {newest_backup} --db {location}` (den skadade filen "
                "sparas bredvid)."
            )
            backup_en = (
                f"The newest backup is {newest_backup}; restore it with "
                f"`nacka-desktop restore {newest_backup} --db {location}` (the damaged file is "
                "kept beside it)."
            )
        super().__init__(
            f"Databasen {location} är skadad ({detail}) och öppnas inte; inget har skrivits "
            f"i den. {backup_sv} `nacka-desktop doctor --db {location}` visar skadan och "
            "alla säkerhetskopior.",
            f"The database {location} is damaged ({detail}) and is not opened; nothing has "
            f"been written to it. {backup_en} `nacka-desktop doctor --db {location}` shows the "
            "damage and every backup.",
        )


class ReadOnlyNeedsUpgradeError(DatabaseOpenError):
    def __init__(self, location: str, revision: str | None, head: str) -> None:
        version = revision or "ingen"
        super().__init__(
            f"Databasen {location} är skrivskyddad och har schemaversion {version}, men den här "
            f"versionen av Nacka Desktop behöver {head}. En skrivskyddad fil uppgraderas aldrig: "
            "gör filen och mappen skrivbara (eller kopiera filen till en skrivbar mapp) och "
            "öppna den igen.",
            f"The database {location} is read-only and has schema version "
            f"{revision or 'none'}, but this version of Nacka Desktop needs {head}. A read-only "
            "file is never upgraded: make the file and its folder writable (or copy the file "
            "to a writable folder) and open it again.",
        )


class DatabaseReadOnlyError(DatabaseOpenError):
    """An edit in a database opened read-only (the file or its folder cannot be written)."""

    def __init__(self, location: str) -> None:
        super().__init__(
            f"Databasen {location} är skrivskyddad (filen eller mappen går inte att skriva i) "
            "och är öppnad bara för läsning: ändringen sparades inte.",
            f"The database {location} is read-only (the file or its folder cannot be written) "
            "and is open for reading only: the change was not saved.",
        )
