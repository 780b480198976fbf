"""Errors raised when a database cannot be opened, each with a message a user can act on."""

from __future__ import annotations


class DatabaseOpenError(Exception):
    def __init__(self, message_sv: str, message_en: str) -> None:
        super().__init__(message_sv)
        self.message_sv = message_sv
        self.message_en = message_en


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
