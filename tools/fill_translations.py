"""Fill the English Qt catalogue from the Swedish source strings.

    python tools/fill_translations.py resources/translations/nacka_desktop_en.ts

The sources in nacka_desktop/ui are Swedish; pyside6-lupdate extracts them into the .ts file and
this script writes the English text into every <translation>. A source string with no entry here
is printed, left unfinished, and the script exits 1, so a new untranslated string is caught
before lrelease.
Placeholders ({name}), HTML tags (<b>) and keyboard accelerators (&) are checked against the
source.

Terms follow the glossary in DOMAIN.md §5 (enhet = unit, förordnande = appointment, tillsätt =
appoint, tillförordnad = acting, nämnd = board, reglemente = charter, …).
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

# Swedish source → English, for every context.
TRANSLATIONS: dict[str, str] = {
    # Menus and actions (MainWindow). Accelerators are unique within each English menu:
    # File: N O Q · Edit: U R N E M C P A D · View: S C P L · Help: A
    "&Arkiv": "&File",
    "&Ny databas…": "&New database…",
    "&Öppna databas…": "&Open database…",
    "&Avsluta": "&Quit",
    "&Redigera": "&Edit",
    "&Ångra": "&Undo",
    "&Gör om": "&Redo",
    "Ny &enhet…": "&New unit…",
    "&Byt namn": "R&ename",
    "&Flytta till…": "&Move to…",
    "Avsluta enhe&t…": "&Close unit…",
    "Ny &person…": "New &person…",
    "&Tillsätt…": "&Appoint…",
    "Avsluta för&ordnande…": "En&d appointment…",
    "&Visa": "&View",
    "&Sök": "&Search",
    "Visa &avslutade enheter": "Show &closed units",
    "&Processer…": "&Processes…",
    "&Språk": "&Language",
    "&Hjälp": "&Help",
    "&Om Nacka Desktop": "&About Nacka Desktop",
    "Skapa en enhet under den valda": "Create a unit under the selected one",
    "Sätt slutdatum för enheten": "Set the end date of the unit",
    "Verktyg": "Toolbar",
    " Visa per: ": " View as of: ",
    # Main window: pages, undo texts, messages
    "Välj en enhet i trädet eller sök efter en person.": (
        "Select a unit in the tree or search for a person."
    ),
    "Ändringen kunde inte göras": "The change could not be made",
    "Skapa {name}": "Create {name}",
    "Byt namn till {name}": "Rename to {name}",
    "Flytta {name}": "Move {name}",
    "Avsluta enhet": "Close unit",
    "Avsluta {name}": "Close {name}",
    "<b>{name}</b> upphör att gälla från och med datumet nedan. Underliggande enheter och "
    "förordnanden som fortfarande gäller avslutas samma dag. Ändringen kan ångras.": (
        "<b>{name}</b> ceases to be valid from the date below. Units below it and appointments "
        "that are still valid end on the same day. The change can be undone."
    ),
    "Ny person {name}": "New person {name}",
    "Tillsätt {role}": "Appoint {role}",
    "Avsluta förordnande": "End appointment",
    "{person} som {role} i {unit}: förordnandet upphör från och med:": (
        "{person} as {role} in {unit}: the appointment ends from:"
    ),
    "Ändra enhet": "Edit unit",
    "Ändra person": "Edit person",
    "Ändra förordnande": "Edit appointment",
    "Öppna databas": "Open database",
    "Ny databas": "New database",
    "Nacka Desktop-databaser (*.db *.sqlite);;Alla filer (*)": (
        "Nacka Desktop databases (*.db *.sqlite);;All files (*)"
    ),
    "Databaser (*.db)": "Databases (*.db)",
    "Databasen kunde inte öppnas": "The database could not be opened",
    "Om Nacka Desktop": "About Nacka Desktop",
    "<b>Nacka Desktop {version}</b><p>Organisation, ansvarslinjer, arbetsmiljöuppgifter och "
    "delegationsordning för en kommun.</p><p>Databas: {db}</p>": (
        "<b>Nacka Desktop {version}</b><p>Organisation, lines of responsibility, work "
        "environment tasks and delegation order for a municipality.</p><p>Database: {db}</p>"
    ),
    # Search and problems
    "Sök enhet eller person…  (Ctrl+F)": "Search unit or person…  (Ctrl+F)",
    "Problem": "Problem",  # a column of the Problems panel; the panel title is below
    "Allvarlighet": "Severity",
    "Regel": "Rule",
    "Gäller": "Concerns",
    # Written as "label: count" in English so that 1 needs no singular form.
    "Fel: {errors}, varningar: {warnings}, upplysningar: {infos}": (
        "Errors: {errors}, warnings: {warnings}, information: {infos}"
    ),
    "Exempelorganisationen öppnas i stället.": "The sample organisation is opened instead.",
    "Språkfilen för {code} saknas; svenska används.": (
        "The language file for {code} is missing; Swedish is used."
    ),
    # Units
    "Ny enhet": "New unit",
    "Den nya enheten läggs under <b>{parent}</b>.": "The new unit is placed under <b>{parent}</b>.",
    "toppen av trädet": "the top of the tree",
    "Namn": "Name",
    "Kod (ansvar)": "Code (cost centre)",
    "Typ": "Type",
    "Produktionsområde": "Production area",
    "Antal platser": "Number of seats",
    "Reglemente": "Charter",
    "Gäller fr.o.m.": "Valid from",
    "Upphör fr.o.m.": "Ends from",
    "Inga enheter kan läggas under den här typen av enhet.": (
        "No units can be placed under this type of unit."
    ),
    "Flytta {unit} till…": "Move {unit} to…",
    "Välj den enhet som {unit} ska ligga under:": "Choose the unit to place {unit} under:",
    "{kind} · kod {code} · under {parent}": "{kind} · code {code} · under {parent}",
    "(högst upp)": "(top level)",
    "<b>Ansvarig {on}:</b> vakant": "<b>Responsible on {on}:</b> vacant",
    "<b>Ansvarig {on}:</b> {name}, {acting}{role}": (
        "<b>Responsible on {on}:</b> {name}, {acting}{role}"
    ),
    "Spara ändringar": "Save changes",
    "Återställ": "Revert",
    "DATA-2: Ange ett namn.": "DATA-2: Enter a name.",
    "DATA-2: Ange en kod.": "DATA-2: Enter a code.",
    "DATA-2: Ange en kod (ansvar).": "DATA-2: Enter a code (cost centre).",
    "DATA-1: Slutdatum måste ligga efter startdatum.": (
        "DATA-1: The end date must be after the start date."
    ),
    # Persons
    "Ny person": "New person",
    "Anställningsnummer": "Employee number",
    "Förnamn": "First name",
    "Efternamn": "Last name",
    "Titel": "Title",
    "E-post": "E-mail",
    "E-postadressen saknar @.": "The e-mail address has no @.",
    "DATA-2: Ange anställningsnummer.": "DATA-2: Enter an employee number.",
    "DATA-2: Ange förnamn.": "DATA-2: Enter a first name.",
    "DATA-2: Ange efternamn.": "DATA-2: Enter a last name.",
    "<b>Chef {on}:</b>": "<b>Chief on {on}:</b>",
    "{role} i {unit} — chef: {chief}": "{role} in {unit} — chief: {chief}",
    "ingen chef i linjen": "no chief in the line",
    "inga förordnanden som gäller {on}": "no appointments valid on {on}",
    # Appointments
    "Tillsätt": "Appoint",
    "Tillsätt…": "Appoint…",
    "Tillsätt i enhet…": "Appoint to unit…",
    "Tillförordnad (t.f.)": "Acting",
    "t.f. ": "acting ",
    "Förordnande": "Appointment",
    "<b>Förordnanden</b>": "<b>Appointments</b>",
    "Avsluta förordnande…": "End appointment…",
    "Person": "Person",
    "Enhet": "Unit",
    "Roll": "Role",
    "Fr.o.m.": "From",
    "tills vidare": "until further notice",
    "DATA-2: Välj en person.": "DATA-2: Choose a person.",
    "DATA-2: Välj en enhet.": "DATA-2: Choose a unit.",
    "DATA-1: Förordnandet måste upphöra efter att det börjat.": (
        "DATA-1: The appointment must end after it starts."
    ),
    # Dates
    "ÅÅÅÅ-MM-DD": "YYYY-MM-DD",
    "ÅÅÅÅ-MM-DD (krävs)": "YYYY-MM-DD (required)",
    "Ange ett datum.": "Enter a date.",
    "Ogiltigt datum; skriv ÅÅÅÅ-MM-DD, t.ex. 2026-01-31.": (
        "Invalid date; type YYYY-MM-DD, e.g. 2026-01-31."
    ),
    # Processes
    "Processer och processägare": "Processes and process owners",
    "Process": "Process",
    "Processägare": "Process owner",
    "Varje process har en processägare som är direktör; stadsdirektören äger styrprocesserna "
    "(ORG-9).": (
        "Every process has a process owner who is a director; the city director owns the "
        "governing processes (ORG-9)."
    ),
    "(ingen)": "(none)",
    "Byt processägare": "Change process owner",
    # Unexpected errors
    "Oväntat fel": "Unexpected error",
    "Ett oväntat fel inträffade: {error}\n\nProgrammet fortsätter. Detaljerna finns i "
    "loggfilen:\n{path}": (
        "An unexpected error occurred: {error}\n\nThe program keeps running. The details are in "
        "the log file:\n{path}"
    ),
}

# (context, Swedish source) → English, only where one Swedish string needs different English.
IN_CONTEXT: dict[tuple[str, str], str] = {
    ("MainWindow", "Problem"): "Problems",  # the panel's title
}

PLACEHOLDER = re.compile(r"\{\w*\}")
TAG = re.compile(r"</?\w+[^>]*>")
ACCELERATOR = re.compile(r"&(?!&)")


def english(context: str, source: str) -> str | None:
    return IN_CONTEXT.get((context, source), TRANSLATIONS.get(source))


def problems_with(source: str, target: str) -> list[str]:
    """What the translation must keep from the source: placeholders, tags, one accelerator."""
    found = []
    if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(target)):
        found.append("placeholders differ")
    if sorted(TAG.findall(source)) != sorted(TAG.findall(target)):
        found.append("HTML tags differ")
    if len(ACCELERATOR.findall(source)) != len(ACCELERATOR.findall(target)):
        found.append("accelerator (&) missing or extra")
    return found


def fill(path: Path) -> int:
    tree = ET.parse(path)
    root = tree.getroot()
    missing: list[tuple[str, str]] = []
    broken: list[tuple[str, str, str]] = []
    used: set[str] = set()
    count = 0
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            if translation.get("type") in ("vanished", "obsolete"):
                continue  # no longer in the sources; lupdate -no-obsolete drops these
            if message.get("numerus") == "yes":
                broken.append((name, source, "plural forms are not supported here"))
                continue
            target = english(name, source)
            if target is None:
                missing.append((name, source))
                continue
            used.add(source)
            problems = problems_with(source, target)
            if problems:
                broken.extend((name, source, problem) for problem in problems)
                continue
            translation.text = target
            translation.attrib.pop("type", None)
            count += 1

    for name, source in missing:
        print(f"No translation [{name}]: {source!r}")
    for name, source, problem in broken:
        print(f"Bad translation [{name}]: {source!r}: {problem}")
    for source in sorted(set(TRANSLATIONS) - used):
        print(f"Note: entry no longer in the sources: {source!r}")

    # Written like lupdate writes it (declaration, DOCTYPE, "<tag/>"), so a re-run diffs cleanly;
    # text is escaped by ElementTree, so " />" can only occur in a tag.
    body = ET.tostring(root, encoding="unicode").replace(" />", "/>")
    path.write_text(
        f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', encoding="utf-8"
    )
    print(f"{count} messages translated in {path}.")
    if missing or broken:
        print(f"{len(missing)} missing and {len(broken)} bad translations left unfinished.")
        return 1
    return 0


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(f"usage: {argv[0]} FILE.ts", file=sys.stderr)
        return 2
    return fill(Path(argv[1]))


if __name__ == "__main__":
    sys.exit(main(sys.argv))
