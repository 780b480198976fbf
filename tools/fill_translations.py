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
    "Det finns ingen nämnd att välja.": ("There is no board to choose."),
    "Kan överklagas genom laglighetsprövning (KL 13 kap.)": (
        "Can be appealed by judicial review of legality (KL ch. 13)"
    ),
    (
        "Inte för beslut som överklagas genom förvaltningsbesvär enligt en annan lag, "
        "till exempel skollagen eller socialtjänstlagen."
    ): (
        "Not for decisions appealed under another law, for example the Education Act or "
        "the Social Services Act."
    ),
    "Anmäls inte, men kan laglighetsprövas: protokollförs särskilt (DEL-11).": (
        "Not reported, but open to judicial review: recorded separately (DEL-11)."
    ),
    "Kan laglighetsprövas": ("Open to judicial review"),
    (
        "Beslut som nämnden inte vill få anmälda men som kan laglighetsprövas "
        "protokollförs särskilt (DEL-11)."
    ): (
        "Decisions the board does not want reported but which are open to judicial review"
        " are recorded separately (DEL-11)."
    ),
    "Laglighetsprövning: ja/nej": ("Judicial review: yes/no"),
    (
        "Datum då besluten protokollfördes särskilt. De kan laglighetsprövas men anmäls "
        "inte till nämnden (DEL-11)."
    ): (
        "Date the decisions were recorded separately. They are open to judicial review "
        "but not reported to the board (DEL-11)."
    ),
    "Kan inte laglighetsprövas": ("Not open to judicial review"),
    (
        "Ingen i den valda enheten får besluta i ärendet; välj hela organisationen för "
        "att se vem som får."
    ): (
        "Nobody in the chosen unit may decide this matter; choose the whole organisation "
        "to see who may."
    ),
    (
        "Ingen innehar den {day} den befattning ärendet är delegerat till: nämnden "
        "beslutar själv (DEL-1)."
    ): (
        "Nobody holds the position the matter is delegated to on {day}: the board decides"
        " itself (DEL-1)."
    ),
    (
        "Återtaget av fullmäktige den {day} {paragraph} (DEL-4): beslutas inte längre på "
        "delegation."
    ): "Taken back by the council on {day} {paragraph} (DEL-4): no longer decided on delegation.",
    "(ingen punkt: ett enskilt ärende)": "(no item: a single matter)",
    "Anteckningar": "Notes",
    "Berett av kommunstyrelsen": "Prepared by the executive board",
    "DATA-2: Beskriv ärendet.": "DATA-2: Describe the matter.",
    (
        "Ett ärende av principiell beskaffenhet eller annars av större vikt hänskjuts till "
        "kommunfullmäktige, inte till kommunstyrelsen; kommunstyrelsen bereder det (DEL-4). "
        "Det går inte när lagen anger att nämnden beslutar (DEL-3) eller ger beslutet direkt "
        "åt en befattning (DEL-5)."
    ): (
        "A matter of principle or otherwise of greater weight is referred to the municipal "
        "council, not to the executive board; the executive board prepares it (DEL-4). It cannot "
        "be done where a law says the board decides (DEL-3) or gives the decision directly to a "
        "position (DEL-5)."
    ),
    (
        "Fullmäktige kan återta ett ärende som nämnden har genom fullmäktiges delegation: den"
        " allmänna kompetensen, eller en lag som anger kommunen (DEL-3, DEL-4). Från "
        "beslutsdagen får ingen besluta i det på nämndens vägnar."
    ): (
        "The council can take back a matter the board holds by the council's delegation: the "
        "general competence, or a law naming the municipality (DEL-3, DEL-4). From the day of the "
        "decision nobody may decide it on the board's behalf."
    ),
    "Fullmäktige återtar ärende": "The council takes a matter back",
    "Fullmäktiges beslut": "Council's decision",
    "Fullmäktiges paragraf": "Council's paragraph",
    "Hänskjut ärende till fullmäktige": "Refer a matter to the council",
    "Hänskjuts till": "Referred to",
    "Nämndens beslut": "Board's decision",
    "Punkt i delegationsordningen": "Item of the delegation order",
    "Avgjort av fullmäktige {day} {paragraph}": "Decided by the council {day} {paragraph}",
    "Berett av kommunstyrelsen {day}; väntar på fullmäktige": (
        "Prepared by the executive board {day}; awaiting the council"
    ),
    "Beslutas av fullmäktige från {day}": "Decided by the council from {day}",
    "Beslutat": "Decided",
    "Fullmäktige återtar…": "Council takes back…",
    "Hos kommunstyrelsen för beredning": "With the executive board for preparation",
    "Hänskjut till fullmäktige…": "Refer to the council…",
    "Läge": "Status",
    "Ta bort": "Remove",
    "Ta bort ärende hos fullmäktige": "Remove council matter",
    "Till exempel när kommunstyrelsen berett ärendet eller fullmäktige beslutat.": (
        "For example when the executive board has prepared the matter or the council has decided "
        "it."
    ),
    "Vad": "What",
    "Ändra ärende hos fullmäktige": "Change council matter",
    "Ändra…": "Change…",
    (
        "Ärenden av principiell beskaffenhet eller större vikt hänskjuts av nämnden till "
        "kommunfullmäktige, som kommunstyrelsen bereder (DEL-4). Fullmäktige kan återta det "
        "den har lämnat till en nämnd, men inte det som lagen anger att nämnden beslutar "
        "(DEL-3). Ett återtaget ärende beslutas inte längre på delegation."
    ): (
        "Matters of principle or of greater weight are referred by the board to the municipal "
        "council, and the executive board prepares them (DEL-4). The council can take back what it"
        " gave a board, but not what a law says the board decides (DEL-3). A matter taken back is "
        "no longer decided on delegation."
    ),
    "Anmälan": "Reporting",
    "Anmäls inte till nämnden.": "Not reported to the board.",
    "Anmäls till nämnden (DEL-11).": "Reported to the board (DEL-11).",
    "Överklagande": "Appeal",
    "Alla beslut": "All decisions",
    "Anmält / protokollfört": "Reported / recorded",
    "Att anmäla, inte anmälda": "To report, not yet reported",
    "Att protokollföra särskilt, inte gjort": "To record separately, not yet done",
    "Protokollför särskilt": "Record separately",
    "Protokollför särskilt…": "Record separately…",
    "Protokollförda": "Recorded",
    "Protokollförda särskilt": "Recorded separately",
    "Särskilt protokoll (PDF)…": "Separate record (PDF)…",
    "Särskilt protokoll över delegationsbeslut": "Separate record of delegated decisions",
    "Visa": "Show",
    "Fullmäktige": "Council",
    (
        "Fullmäktige återtog ärendet den {day} {paragraph}: ingen får besluta i det på "
        "nämndens vägnar (DEL-4)."
    ): (
        "The council took this matter back on {day} {paragraph}: nobody may decide it on the "
        "board's behalf (DEL-4)."
    ),
    "DATA-1: Vidaredelegationen måste upphöra efter att den börjat.": (
        "DATA-1: The subdelegation must end after it starts."
    ),
    "Ingen har rätten i dag; den kan inte vidaredelegeras.": (
        "Nobody holds the right today; it cannot be subdelegated."
    ),
    (
        "Punkt {number}: {matter}. Den som har fått rätten kan föra den vidare till en annan "
        "anställds befattning, om nämnden tillåtit det; besluten anmäls då till den som "
        "vidaredelegerade (DEL-10)."
    ): (
        "Item {number}: {matter}. Whoever holds the right may pass it on to another employee's "
        "position, if the board allowed it; the decisions are then reported to the one who passed "
        "it on (DEL-10)."
    ),
    "Till": "To",
    "Vidaredelegera punkt {number}": "Subdelegate item {number}",
    "Vidaredelegera": "Subdelegate",
    "Vidaredelegera…": "Subdelegate…",
    "(titel)": "(title)",
    "Ange paragrafen.": "Enter the paragraph.",
    "Anmälda till nämnden": "Reported to the board",
    "Anmälda": "Reported",
    "Anmärkning": "Notes",
    "Anta delegationsordningen": "Adopt the delegation order",
    "Antagen": "Adopted",
    "Anta…": "Adopt…",
    "Behovet prövat (HR-2)": "Need tested (HR-2)",
    "Besluten anmäls till nämnden (DEL-11)": "Decisions are reported to the board (DEL-11)",
    "Beslutsdatum": "Decision date",
    "DATA-2: Ange ett nummer som 3, 3.2 eller 3.2a.": (
        "DATA-2: Enter a number such as 3, 3.2 or 3.2a."
    ),
    "DATA-2: Ange ärendet.": "DATA-2: Enter the matter.",
    "DATA-2: Beskriv beslutet.": "DATA-2: Describe the decision.",
    "Datum för nämndens sammanträde där besluten anmäldes (DEL-11).": (
        "Date of the board meeting at which the decisions were reported (DEL-11)."
    ),
    "Får vidaredelegeras (DEL-10)": "May be subdelegated (DEL-10)",
    "Markera som anmälda": "Mark as reported",
    "Markera som anmälda…": "Mark as reported…",
    "Ny punkt {number}": "New item {number}",
    "Ny punkt": "New item",
    "Ny punkt…": "New item…",
    "Ny version (kopia)": "New version (copy)",
    "Ny version av delegationsordningen": "New version of the delegation order",
    "Nytt beslut…": "New decision…",
    "Nytt delegationsbeslut": "New delegated decision",
    (
        "Nämndens beslut: datum och paragraf. Versionen som gäller i dag ersätts och kan inte "
        "längre ändras."
    ): (
        "The board's decision: date and paragraph. The version in force today is superseded "
        "and can no longer be changed."
    ),
    "Paragraf": "Paragraph",
    "Punkt": "Item",
    "Rättslig grund": "Legal basis",
    "Samråd hölls (HR-3)": "Consultation held (HR-3)",
    "Ta bort punkt {number}": "Remove item {number}",
    "Ta bort punkt": "Remove item",
    "Välj punkten i delegationsordningen.": "Choose the item of the delegation order.",
    "Välj vem som beslutade.": "Choose who decided.",
    "inom {unit}": "within {unit}",
    "t.ex. Kommunjurist": "e.g. Municipal lawyer",
    "Ändra punkt {number}": "Edit item {number}",
    "Ändra punkt": "Edit item",
    "Ändra punkt…": "Edit item…",
    "{name} (används inte)": "{name} (not in use)",
    # Menus and actions (MainWindow). Accelerators are unique within each English menu:
    # Menu bar: F E V W D H · File: N O Q · Edit: U R N E M C P A D · View: S C P L ·
    # Work environment: N T R · Delegation: D · Help: A
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
    "Arbets&miljö": "&Work environment",
    "&Ny fördelning av arbetsmiljöuppgifter…": "&New distribution of work-environment tasks…",
    "&Uppgiftskatalog…": "&Task catalogue…",
    "&Register över fördelningar (Excel)…": "&Register of distributions (Excel)…",
    "&Delegation": "&Delegation",
    "&Delegationsordningar och beslut…": "&Delegation orders and decisions…",
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
    "{title} (skrivskyddad)": "{title} (read-only)",
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
    "Kontrollerar reglerna…": "Checking the rules…",
    "Avbryt": "Cancel",
    "Skriver {name} …": "Writing {name} …",
    "Läser in {name} …": "Reading {name} …",
    "Ändra i utkast till ny version": "Change in a draft of a new version",
    "Fortsätt i utkastet": "Continue in the draft",
    "Ändra i nytt utkast": "Change in a new draft",
    "Skäl för beslutstyp": "Reason for the decision kind",
    "Ta med beslut som redan anmälts": "Include decisions already reported",
    "Perioden slutar innan den börjar.": "The period ends before it starts.",
    "Nämndens förvaltningschef och anmälan": "The board's administrative head and reporting",
    (
        "Bara förvaltningschefen får vidaredelegera (KL 7 kap 6 §). Besluten på delegation "
        "anmäls till nämnden i den takt nämnden bestämt (KL 6 kap 40 §); ett beslut som inte "
        "anmälts i tid visas som en varning."
    ): (
        "Only the administrative head may pass a right on (KL 7:6). Delegated decisions are "
        "reported to the board as often as it decided (KL 6:40); a decision not reported in "
        "time is shown as a warning."
    ),
    "(ej utsedd)": "(not named)",
    "(ingen rytm)": "(no rhythm)",
    " dagar": " days",
    "Förvaltningschef": "Administrative head",
    "Anmäls inom": "Reported within",
    "{head} (ej utsedd; standard)": "{head} (not named; default)",
    "{head} inom {unit}": "{head} within {unit}",
    "besluten anmäls inom {days} dagar": "decisions reported within {days} days",
    "ingen anmälningsrytm angiven": "no reporting rhythm given",
    "Förvaltningschef (får vidaredelegera): {head} · {rhythm} · {laws}": (
        "Administrative head (may pass rights on): {head} · {rhythm} · {laws}"
    ),
    "reglemente: {n} lagar": "reglemente: {n} laws",
    "inget reglemente angivet": "no reglemente given",
    "t.ex. KL FL OSL SL (tomt: kontrolleras inte)": "e.g. KL FL OSL SL (empty: not checked)",
    "Reglementets lagar": "Laws of the reglemente",
    "Reglementets områden": "Areas of the reglemente",
    "ord som ärendena använder, t.ex. gator, gatubelysning, parker": (
        "words the matters use, e.g. gator, gatubelysning, parker"
    ),
    "DEL-2: okänd lag {laws}; se listan i verktygstipset.": (
        "DEL-2: unknown law {laws}; see the list in the tooltip."
    ),
    "Förvaltningschef och anmälan": "Administrative head and reporting",
    "t.ex. stadsdirektören och personaldirektören": "e.g. the city director and the HR director",
    "t.ex. enhetschefens chef": "e.g. the unit manager's chief",
    "(ingen särskild person)": "(no particular person)",
    "Gäller person": "Concerns",
    "Prövat av": "Tested by",
    "Samråd med": "Consulted",
    "Varför ärendet är av en annan typ än orden säger": (
        "Why the matter is of another kind than its words say"
    ),
    "Antagen {when}: nämndens beslut, texten ändras inte.": (
        "Adopted {when}: the board's decision; its text does not change."
    ),
    "Ersatt version, antagen {when}: texten ändras inte.": (
        "Superseded version, adopted {when}: its text does not change."
    ),
    "Ändringar görs i ett utkast som nämnden antar.": (
        "Changes are made in a draft that the board adopts."
    ),
    "Nytt utkast till delegationsordning": "New draft of the delegation order",
    "Importera": "Import",
    "Reglerna kunde inte kontrolleras: {error}": "The rules could not be checked: {error}",
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
    # Work environment (Arbetsmiljö): the view, its tables and its actions
    "Arbetsmiljö": "Work environment",
    "Arbetsmiljöuppgifter i {unit}": "Work-environment tasks in {unit}",
    "<b>Vem har uppgiften {on}</b> (och genom vilken kedja från KS)": (
        "<b>Who holds each task on {on}</b>, and through which chain from the executive board (KS)"
    ),
    "Arbetsmiljöuppgifter för {name}": "Work-environment tasks of {name}",
    "<b>Uppgifter som {name} har {on}</b>": "<b>Tasks that {name} holds on {on}</b>",
    "Välj en enhet eller en person.": "Select a unit or a person.",
    "Uppgift": "Task",
    "Uppgifter": "Tasks",  # MainWindow's tab of unit/person details: see IN_CONTEXT
    "<b>Uppgifter</b>": "<b>Tasks</b>",
    "Enheter": "Units",
    "<b>Enheter</b>": "<b>Units</b>",
    "Innehas av": "Held by",
    "Kedja": "Chain",
    "Kommunstyrelsen (ingen fördelning)": "The executive board (KS, no distribution)",
    "Fördelning {id}: {giver} → {receiver}": "Distribution {id}: {giver} → {receiver}",
    "Ingen fördelning: uppgiften ligger hos KS.": (
        "No distribution: the task rests with the executive board (KS)."
    ),
    "Nr": "No.",
    "Status": "Status",
    "Givare": "Giver",
    "Mottagare": "Receiver",
    "Uppföljning senast": "Follow-up due",
    # Written as "label: count" in English so that 1 needs no singular form.
    "{n} uppgift(er) återförda": "Tasks returned: {n}",
    "<b>Fördelningar</b>": "<b>Distributions</b>",
    "Ny fördelning…": "New distribution…",
    "Undertecknad…": "Signed…",
    "Muntligen kommunicerad…": "Communicated orally…",
    "Återför uppgifter…": "Return tasks…",
    "Följ upp…": "Follow up…",
    "Avsluta…": "End…",
    "Ta bort utkast": "Delete draft",
    "Brev (PDF)…": "Letter (PDF)…",
    "Återföringsbrev…": "Return letter…",
    "Register (Excel)…": "Register (Excel)…",
    "Ny fördelning": "New distribution",
    "Undertecknad": "Signed",
    "Datum då givaren och mottagaren skrev under fördelningen (AM-2). För "
    "kommunstyrelsen skriver ordföranden under. Mottagarens bekräftelser måste "
    "vara ifyllda (AM-6).": (
        "The date on which the giver and the receiver signed the distribution (AM-2). For the "
        "executive board (KS), the chair signs. The receiver's confirmations must be filled in "
        "(AM-6)."
    ),
    "Muntligen kommunicerad": "Communicated orally",
    "Datum då givaren personligen gick igenom fördelningen muntligen med "
    "mottagaren (AM-3). Fördelningen gäller när den också är undertecknad.": (
        "The date on which the giver personally went through the distribution orally with the "
        "receiver (AM-3). The distribution is in force once it is also signed."
    ),
    "Kommunicerad": "Communicated",
    "Uppföljning": "Follow-up",
    "Datum för årets uppföljning av fördelningen (AM-8).": (
        "The date of this year's follow-up of the distribution (AM-8)."
    ),
    "Följdes upp": "Followed up",
    "Avsluta fördelning": "End distribution",
    "Fördelningen upphör från och med datumet. Uppgifterna går tillbaka till givaren.": (
        "The distribution ends from the date below. The tasks go back to the giver."
    ),
    "Återför uppgifter": "Return tasks",
    "Fördelning av arbetsmiljöuppgifter {id}": "Distribution of work-environment tasks {id}",
    "Återföring av arbetsmiljöuppgifter {id}": "Return of work-environment tasks {id}",
    "Spara registret": "Save the register",
    "Excel (*.xlsx)": "Excel (*.xlsx)",
    "Registret kunde inte sparas": "The register could not be saved",
    # New distribution (wizard)
    "Ny fördelning av arbetsmiljöuppgifter": "New distribution of work-environment tasks",
    "Givare och mottagare": "Giver and receiver",
    "Den som fördelar måste själv ha uppgifterna (AM-1). Mottagaren finns i givarens linje.": (
        "Whoever distributes the tasks must hold them (AM-1). The receiver is in the giver's line."
    ),
    "Kommunstyrelsen (arbetsgivaren)": "The executive board (KS, the employer)",
    "Enheter och uppgifter": "Units and tasks",
    "Välj vilka enheter fördelningen gäller och vilka uppgifter som fördelas.": (
        "Choose the units the distribution covers and the tasks that are distributed."
    ),
    "Givaren har inga uppgifter som får fördelas vidare i de valda enheterna (AM-1, AM-9).": (
        "The giver holds no tasks in the chosen units that may be passed on (AM-1, AM-9)."
    ),
    "Mottagarens bekräftelse (AM-6)": "The receiver's confirmation (AM-6)",
    "Mottagaren bekräftar för varje uppgift att hen har kunskap, kompetens, befogenheter och "
    "resurser (inklusive tid). Allt måste vara bekräftat innan fördelningen undertecknas.": (
        "For each task the receiver confirms having the knowledge, competence, authority and "
        "resources (including time). Everything must be confirmed before the distribution is "
        "signed."
    ),
    "Kunskap": "Knowledge",
    "Kompetens": "Competence",
    "Befogenheter": "Authority",
    "Resurser och tid": "Resources and time",
    "Mottagaren får fördela uppgifterna vidare (AM-9)": "The receiver may pass the tasks on (AM-9)",
    "Bekräfta allt": "Confirm all",
    "Villkor (AM-7)": "Terms (AM-7)",
    "Ange vad som gäller när mottagaren är frånvarande och vilka uppgifter som stannar hos dig; "
    "båda behövs för att den ska kunna undertecknas. Fördelningen sparas som utkast; den gäller "
    "när den är undertecknad (AM-2) och muntligen kommunicerad av dig personligen (AM-3).": (
        "State what applies when the receiver is absent and which tasks stay with you; both are "
        "needed before it can be signed. The distribution is saved as a draft; it is in force "
        "once it is signed (AM-2) and communicated orally by you in person (AM-3)."
    ),
    "T.ex.: Vid frånvaro längre än två veckor återgår uppgifterna till mig.": (
        "E.g.: During an absence of more than two weeks, the tasks go back to me."
    ),
    "T.ex.: Rehabilitering och arbetsanpassning stannar hos mig.": (
        "E.g.: Rehabilitation and work adjustments stay with me."
    ),
    "Vid frånvaro": "During absence",
    "Stannar hos givaren": "Stays with the giver",
    # Consequences before risky edits
    "Om <b>{name}</b> flyttas till <b>{target}</b> fr.o.m. {on} följer det här. Flytta ändå?": (
        "If <b>{name}</b> moves to <b>{target}</b> from {on}, this follows. Move anyway?"
    ),
    # Moves and renames from a date (the unit's history)
    "Flyttas fr.o.m.": "Moves from",
    (
        "Trädet före datumet ändras inte: den som frågar hur organisationen såg ut "
        "tidigare får svaret som det var då. Ändringen kan ångras."
    ): (
        "The tree before the date does not change: whoever asks how the organisation looked "
        "earlier gets the answer as it was then. The change can be undone."
    ),
    (
        "<b>{name}</b> flyttas till <b>{target}</b>. Från vilket datum gäller flytten? "
        "Trädet före datumet ändras inte. Ändringen kan ångras."
    ): (
        "<b>{name}</b> moves to <b>{target}</b>. From which date does the move apply? The "
        "tree before the date does not change. The change can be undone."
    ),
    "<b>Historik:</b>": "<b>History:</b>",
    "Nytt namn/kod gäller fr.o.m.": "New name/code applies from",
    "Rättelse: det gamla var fel från början": "Correction: the old one was wrong from the start",
    (
        "Ändrar namnet eller koden för hela den period som visas, utan att dela "
        "historiken; tidigare namn finns kvar."
    ): (
        "Changes the name or code for the whole period shown, without splitting the "
        "history; earlier names remain."
    ),
    "från start": "from the start",
    "högst upp": "top level",
    "och framåt": "onwards",
    "t.o.m. {day}": "to {day}",
    "{start} {end}: {name} ({code}), under {place}": (
        "{start} {end}: {name} ({code}), under {place}"
    ),
    "Flytta": "Move",
    "När <b>{name}</b> avslutas från och med {day} följer det här. Avsluta ändå?": (
        "When <b>{name}</b> closes from {day}, this follows. Close anyway?"
    ),
    "Avsluta enheten": "Close the unit",
    "När förordnandet upphör från och med {day} följer det här. Avsluta ändå?": (
        "When the appointment ends from {day}, this follows. End it anyway?"
    ),
    "Avsluta förordnandet": "End the appointment",
    "Leder redan en annan enhet": "Already leads another unit",
    "{person} är redan {units}. Ska {person} också bli {role} för {unit}?": (
        "{person} is already {units}. Should {person} also become {role} of {unit}?"
    ),
    "… och {count} till": "… and {count} more",
    "Ändringen kan inte göras": "The change cannot be made",
    "Underliggande enheter som avslutas": "Units below that close",
    "Förordnanden som avslutas": "Appointments that end",
    "Fel som uppstår": "Errors that arise",
    "Det här behöver åtgärdas efteråt": "To be seen to afterwards",
    "Kommunstyrelsens beslut": "Executive board's decision",
    "T.ex. § 112": "E.g. § 112",
    # Return of tasks
    "Återför arbetsmiljöuppgifter": "Return work-environment tasks",
    "{receiver} återför uppgifter till {giver}. Återföringen görs skriftligen, behöver inte "
    "godkännas och gäller från datumet nedan (AM-4).": (
        "{receiver} returns tasks to {giver}. The return is made in writing, needs no approval "
        "and applies from the date below (AM-4)."
    ),
    "Beskriv kort vad som saknas.": "Briefly describe what is lacking.",
    "Skäl: saknar": "Reason: lacking",  # followed by the reasons: knowledge, competence, …
    "Förklaring": "Explanation",
    "Välj minst en uppgift.": "Choose at least one task.",
    "AM-4: Ange skälet till återföringen.": "AM-4: Give the reason for the return.",
    # Letters (PDF preview)
    "Skriv ut…": "Print…",
    "Spara som…": "Save as…",
    "Spara brevet": "Save the letter",
    "PDF (*.pdf)": "PDF (*.pdf)",
    "Skrivaren kunde inte öppnas.": "The printer could not be opened.",
    # Task catalogue
    "Uppgiftskatalog – arbetsmiljöuppgifter": "Task catalogue – work-environment tasks",
    "Används (kan fördelas)": "In use (can be distributed)",
    "Kod": "Code",
    "Beskrivning": "Description",
    "Ny uppgift": "New task",
    "Spara": "Save",
    "Uppgifterna som chefer fördelar. En uppgift som inte längre används finns kvar i gamla "
    "fördelningar men kan inte fördelas på nytt.": (
        "The tasks that managers distribute. A task that is no longer in use remains in old "
        "distributions but cannot be distributed again."
    ),
    "Ny arbetsmiljöuppgift": "New work-environment task",
    "Ändra arbetsmiljöuppgift": "Edit work-environment task",
    # Delegation: delegation orders, who may decide, delegated decisions
    "Delegation": "Delegation",
    "Delegationsordning": "Delegation order",
    "Vem får besluta?": "Who may decide?",
    "Delegationsbeslut": "Delegated decisions",
    "Filtrera: ärende, delegat, lagrum…": "Filter: matter, delegate, legal reference…",
    "Avsnitt": "Section",
    "Ärende": "Matter",
    "Beslutstyp": "Decision kind",
    "Delegat": "Delegate",
    "Ersättare": "Substitute",
    "Lagrum": "Legal reference",
    "Begränsningar": "Restrictions",
    "Vidaredelegation": "Subdelegation",
    "Anmäls": "Reported",
    "Ändring": "Change",
    "Före": "Before",
    "Efter": "After",
    "Fält": "Field",
    "Delegationsordningen (PDF)…": "Delegation order (PDF)…",
    "Importmall (Excel)…": "Import template (Excel)…",
    "Importera…": "Import…",
    "Nämnd": "Board",
    "Version": "Version",
    "Jämför med": "Compare with",
    "{status} (nr {id})": "{status} (no. {id})",
    "(ingen jämförelse)": "(no comparison)",
    "Ja": "Yes",
    "Nej": "No",
    "Alla avsnitt": "All sections",
    # Written as "label: count" in English so that 1 needs no singular form.
    "{n} ändringar": "Changes: {n}",
    "Inga skillnader": "No differences",
    "Beslutar": "Decides",
    "Hur": "How",
    "Delegeringsbrev (PDF)…": "Delegation letter (PDF)…",
    "Datum": "Date",
    "i enhet": "in unit",
    "<b>Vad får en person besluta?</b> Som delegat, som ersättare, som chef för delegaten eller "
    "direkt enligt lag.": (
        "<b>What may a person decide?</b> As delegate, as substitute, as manager of the delegate "
        "or directly by law."
    ),
    "<b>Vem får besluta i ett ärende?</b>": "<b>Who may decide in a matter?</b>",
    "(hela organisationen)": "(the whole organisation)",
    "Beslut": "Decision",
    "Beslutsfattare": "Decision-maker",
    "Diarienummer": "Case number",
    "Anmälan till nämnden (PDF)…": "Report to the board (PDF)…",
    "Beslutsregister (Excel)…": "Register of decisions (Excel)…",
    "Från": "From",
    "till": "to",
    "Delegeringsbrev": "Delegation letter",
    "Anmälan av delegationsbeslut": "Report of delegated decisions",
    "Spara delegationsregistret": "Save the delegation register",
    "Spara beslutsregistret": "Save the register of decisions",
    "Spara importmallen": "Save the import template",
    "Importera delegationsordning": "Import delegation order",
    "Importerad som utkast": "Imported as draft",
    "Inget importerades": "Nothing was imported",
}

# (context, Swedish source) → English, only where one Swedish string needs different English.
IN_CONTEXT: dict[tuple[str, str], str] = {
    ("MainWindow", "Problem"): "Problems",  # the panel's title
    # The tab of the unit/person/appointment forms: "uppgifter" as in details, not tasks.
    ("MainWindow", "Uppgifter"): "Details",
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
