<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="sv_SE">
<context>
    <name>AdoptDialog</name>
    <message>
        <source>Anta delegationsordningen</source>
        <translation>Adopt the delegation order</translation>
    </message>
    <message>
        <source>Nämndens beslut: datum och paragraf. Versionen som gäller i dag ersätts och kan inte längre ändras.</source>
        <translation>The board&apos;s decision: date and paragraph. The version in force today is superseded and can no longer be changed.</translation>
    </message>
    <message>
        <source>Antagen</source>
        <translation>Adopted</translation>
    </message>
    <message>
        <source>Paragraf</source>
        <translation>Paragraph</translation>
    </message>
    <message>
        <source>Ange paragrafen.</source>
        <translation>Enter the paragraph.</translation>
    </message>
</context>
<context>
    <name>AppointDialog</name>
    <message>
        <source>Tillsätt</source>
        <translation>Appoint</translation>
    </message>
    <message>
        <source>Tillförordnad (t.f.)</source>
        <translation>Acting</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Enhet</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Roll</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Fr.o.m.</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Upphör fr.o.m.</source>
        <translation>Ends from</translation>
    </message>
    <message>
        <source>DATA-2: Välj en person.</source>
        <translation>DATA-2: Choose a person.</translation>
    </message>
    <message>
        <source>DATA-2: Välj en enhet.</source>
        <translation>DATA-2: Choose a unit.</translation>
    </message>
    <message>
        <source>DATA-1: Förordnandet måste upphöra efter att det börjat.</source>
        <translation>DATA-1: The appointment must end after it starts.</translation>
    </message>
</context>
<context>
    <name>AppointmentForm</name>
    <message>
        <source>Tillförordnad (t.f.)</source>
        <translation>Acting</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Enhet</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Roll</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Fr.o.m.</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Upphör fr.o.m.</source>
        <translation>Ends from</translation>
    </message>
    <message>
        <source>Spara ändringar</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <source>Förordnande</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <source>DATA-1: Förordnandet måste upphöra efter att det börjat.</source>
        <translation>DATA-1: The appointment must end after it starts.</translation>
    </message>
</context>
<context>
    <name>AppointmentsModel</name>
    <message>
        <source>Enhet</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Roll</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Fr.o.m.</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Upphör fr.o.m.</source>
        <translation>Ends from</translation>
    </message>
    <message>
        <source>t.f. </source>
        <translation>acting </translation>
    </message>
    <message>
        <source>tills vidare</source>
        <translation>until further notice</translation>
    </message>
</context>
<context>
    <name>AppointmentsPanel</name>
    <message>
        <source>Avsluta förordnande…</source>
        <translation>End appointment…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Förordnanden&lt;/b&gt;</source>
        <translation>&lt;b&gt;Appointments&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>BackgroundTask</name>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>BoardSettingDialog</name>
    <message>
        <source>Nämndens förvaltningschef och anmälan</source>
        <translation>The board&apos;s administrative head and reporting</translation>
    </message>
    <message>
        <source>Bara förvaltningschefen får vidaredelegera (KL 7 kap 6 §). Besluten på delegation anmäls till nämnden i den takt nämnden bestämt (KL 6 kap 40 §); ett beslut som inte anmälts i tid visas som en varning.</source>
        <translation>Only the administrative head may pass a right on (KL 7:6). Delegated decisions are reported to the board as often as it decided (KL 6:40); a decision not reported in time is shown as a warning.</translation>
    </message>
    <message>
        <source>(ej utsedd)</source>
        <translation>(not named)</translation>
    </message>
    <message>
        <source>(ingen rytm)</source>
        <translation>(no rhythm)</translation>
    </message>
    <message>
        <source> dagar</source>
        <translation> days</translation>
    </message>
    <message>
        <source>t.ex. KL FL OSL SL (tomt: kontrolleras inte)</source>
        <translation>e.g. KL FL OSL SL (empty: not checked)</translation>
    </message>
    <message>
        <source>Förvaltningschef</source>
        <translation>Administrative head</translation>
    </message>
    <message>
        <source>Anmäls inom</source>
        <translation>Reported within</translation>
    </message>
    <message>
        <source>Reglementets lagar</source>
        <translation>Laws of the reglemente</translation>
    </message>
    <message>
        <source>ord som ärendena använder, t.ex. gator, gatubelysning, parker</source>
        <translation>words the matters use, e.g. gator, gatubelysning, parker</translation>
    </message>
    <message>
        <source>Reglementets områden</source>
        <translation>Areas of the reglemente</translation>
    </message>
    <message>
        <source>DEL-2: okänd lag {laws}; se listan i verktygstipset.</source>
        <translation>DEL-2: unknown law {laws}; see the list in the tooltip.</translation>
    </message>
</context>
<context>
    <name>CalendarPopup</name>
    <message>
        <source>&amp;Idag</source>
        <translation>&amp;Today</translation>
    </message>
    <message>
        <source>Dagens datum (Ctrl+T i datumfältet)</source>
        <translation>Today&apos;s date (Ctrl+T in the date field)</translation>
    </message>
</context>
<context>
    <name>ConfirmationPage</name>
    <message>
        <source>Mottagarens bekräftelse (AM-6)</source>
        <translation>The receiver&apos;s confirmation (AM-6)</translation>
    </message>
    <message>
        <source>Mottagaren bekräftar för varje uppgift att hen har kunskap, kompetens, befogenheter och resurser (inklusive tid). Allt måste vara bekräftat innan fördelningen undertecknas.</source>
        <translation>For each task the receiver confirms having the knowledge, competence, authority and resources (including time). Everything must be confirmed before the distribution is signed.</translation>
    </message>
    <message>
        <source>Uppgift</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Kunskap</source>
        <translation>Knowledge</translation>
    </message>
    <message>
        <source>Kompetens</source>
        <translation>Competence</translation>
    </message>
    <message>
        <source>Befogenheter</source>
        <translation>Authority</translation>
    </message>
    <message>
        <source>Resurser och tid</source>
        <translation>Resources and time</translation>
    </message>
    <message>
        <source>Mottagaren får fördela uppgifterna vidare (AM-9)</source>
        <translation>The receiver may pass the tasks on (AM-9)</translation>
    </message>
    <message>
        <source>Bekräfta allt</source>
        <translation>Confirm all</translation>
    </message>
</context>
<context>
    <name>ConsequencesDialog</name>
    <message>
        <source>… och {count} till</source>
        <translation>… and {count} more</translation>
    </message>
    <message>
        <source>Ändringen kan inte göras</source>
        <translation>The change cannot be made</translation>
    </message>
    <message>
        <source>Underliggande enheter som avslutas</source>
        <translation>Units below that close</translation>
    </message>
    <message>
        <source>Förordnanden som avslutas</source>
        <translation>Appointments that end</translation>
    </message>
    <message>
        <source>Fel som uppstår</source>
        <translation>Errors that arise</translation>
    </message>
    <message>
        <source>Det här behöver åtgärdas efteråt</source>
        <translation>To be seen to afterwards</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <source>Öppnar {name} …</source>
        <translation>Opening {name} …</translation>
    </message>
    <message>
        <source>Exempelorganisationen öppnas i stället.</source>
        <translation>The sample organisation is opened instead.</translation>
    </message>
    <message>
        <source>Öppnar exempelorganisationen …</source>
        <translation>Opening the sample organisation …</translation>
    </message>
    <message>
        <source>Språkfilen för {code} saknas; svenska används.</source>
        <translation>The language file for {code} is missing; Swedish is used.</translation>
    </message>
</context>
<context>
    <name>CouncilMatterDialog</name>
    <message>
        <source>Hänskjut ärende till fullmäktige</source>
        <translation>Refer a matter to the council</translation>
    </message>
    <message>
        <source>Fullmäktige återtar ärende</source>
        <translation>The council takes a matter back</translation>
    </message>
    <message>
        <source>Ett ärende av principiell beskaffenhet eller annars av större vikt hänskjuts till kommunfullmäktige, inte till kommunstyrelsen; kommunstyrelsen bereder det (DEL-4). Det går inte när lagen anger att nämnden beslutar (DEL-3) eller ger beslutet direkt åt en befattning (DEL-5).</source>
        <translation>A matter of principle or otherwise of greater weight is referred to the municipal council, not to the executive board; the executive board prepares it (DEL-4). It cannot be done where a law says the board decides (DEL-3) or gives the decision directly to a position (DEL-5).</translation>
    </message>
    <message>
        <source>Fullmäktige kan återta ett ärende som nämnden har genom fullmäktiges delegation: den allmänna kompetensen, eller en lag som anger kommunen (DEL-3, DEL-4). Från beslutsdagen får ingen besluta i det på nämndens vägnar.</source>
        <translation>The council can take back a matter the board holds by the council&apos;s delegation: the general competence, or a law naming the municipality (DEL-3, DEL-4). From the day of the decision nobody may decide it on the board&apos;s behalf.</translation>
    </message>
    <message>
        <source>Nämnd</source>
        <translation>Board</translation>
    </message>
    <message>
        <source>Punkt i delegationsordningen</source>
        <translation>Item of the delegation order</translation>
    </message>
    <message>
        <source>Ärende</source>
        <translation>Matter</translation>
    </message>
    <message>
        <source>Rättslig grund</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <source>Hänskjuts till</source>
        <translation>Referred to</translation>
    </message>
    <message>
        <source>Nämndens beslut</source>
        <translation>Board&apos;s decision</translation>
    </message>
    <message>
        <source>Paragraf</source>
        <translation>Paragraph</translation>
    </message>
    <message>
        <source>Diarienummer</source>
        <translation>Case number</translation>
    </message>
    <message>
        <source>Berett av kommunstyrelsen</source>
        <translation>Prepared by the executive board</translation>
    </message>
    <message>
        <source>Fullmäktiges beslut</source>
        <translation>Council&apos;s decision</translation>
    </message>
    <message>
        <source>Fullmäktiges paragraf</source>
        <translation>Council&apos;s paragraph</translation>
    </message>
    <message>
        <source>Anteckningar</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>(ingen punkt: ett enskilt ärende)</source>
        <translation>(no item: a single matter)</translation>
    </message>
    <message>
        <source>DATA-2: Beskriv ärendet.</source>
        <translation>DATA-2: Describe the matter.</translation>
    </message>
    <message>
        <source>Det finns ingen nämnd att välja.</source>
        <translation>There is no board to choose.</translation>
    </message>
</context>
<context>
    <name>CouncilTab</name>
    <message>
        <source>Nämnd</source>
        <translation>Board</translation>
    </message>
    <message>
        <source>Vad</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Ärende</source>
        <translation>Matter</translation>
    </message>
    <message>
        <source>Rättslig grund</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <source>Beslutat</source>
        <translation>Decided</translation>
    </message>
    <message>
        <source>Diarienummer</source>
        <translation>Case number</translation>
    </message>
    <message>
        <source>Läge</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Hänskjut till fullmäktige…</source>
        <translation>Refer to the council…</translation>
    </message>
    <message>
        <source>Fullmäktige återtar…</source>
        <translation>Council takes back…</translation>
    </message>
    <message>
        <source>Ändra…</source>
        <translation>Change…</translation>
    </message>
    <message>
        <source>Till exempel när kommunstyrelsen berett ärendet eller fullmäktige beslutat.</source>
        <translation>For example when the executive board has prepared the matter or the council has decided it.</translation>
    </message>
    <message>
        <source>Ta bort</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Ärenden av principiell beskaffenhet eller större vikt hänskjuts av nämnden till kommunfullmäktige, som kommunstyrelsen bereder (DEL-4). Fullmäktige kan återta det den har lämnat till en nämnd, men inte det som lagen anger att nämnden beslutar (DEL-3). Ett återtaget ärende beslutas inte längre på delegation.</source>
        <translation>Matters of principle or of greater weight are referred by the board to the municipal council, and the executive board prepares them (DEL-4). The council can take back what it gave a board, but not what a law says the board decides (DEL-3). A matter taken back is no longer decided on delegation.</translation>
    </message>
    <message>
        <source>Beslutas av fullmäktige från {day}</source>
        <translation>Decided by the council from {day}</translation>
    </message>
    <message>
        <source>Avgjort av fullmäktige {day} {paragraph}</source>
        <translation>Decided by the council {day} {paragraph}</translation>
    </message>
    <message>
        <source>Berett av kommunstyrelsen {day}; väntar på fullmäktige</source>
        <translation>Prepared by the executive board {day}; awaiting the council</translation>
    </message>
    <message>
        <source>Hos kommunstyrelsen för beredning</source>
        <translation>With the executive board for preparation</translation>
    </message>
    <message>
        <source>Ändra ärende hos fullmäktige</source>
        <translation>Change council matter</translation>
    </message>
    <message>
        <source>Ta bort ärende hos fullmäktige</source>
        <translation>Remove council matter</translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <source>Oväntat fel</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <source>Ett oväntat fel inträffade: {error}

Programmet fortsätter. Detaljerna finns i loggfilen:
{path}</source>
        <translation>An unexpected error occurred: {error}

The program keeps running. The details are in the log file:
{path}</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>ÅÅÅÅ-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>ÅÅÅÅ-MM-DD (krävs)</source>
        <translation>YYYY-MM-DD (required)</translation>
    </message>
    <message>
        <source>Välj i kalendern</source>
        <translation>Pick in the calendar</translation>
    </message>
    <message>
        <source>Välj i kalendern (Alt+Ned)</source>
        <translation>Pick in the calendar (Alt+Down)</translation>
    </message>
    <message>
        <source>Ange ett datum.</source>
        <translation>Enter a date.</translation>
    </message>
    <message>
        <source>Ogiltigt datum; skriv ÅÅÅÅ-MM-DD, t.ex. 2026-01-31.</source>
        <translation>Invalid date; type YYYY-MM-DD, e.g. 2026-01-31.</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Nytt delegationsbeslut</source>
        <translation>New delegated decision</translation>
    </message>
    <message>
        <source>Visa alla befattningar</source>
        <translation>Show all positions</translation>
    </message>
    <message>
        <source>Visar alla anställdas befattningar, inte bara de som har rätt att besluta i punkten den dagen.</source>
        <translation>Shows every employee&apos;s position, not only those entitled to decide the item on that day.</translation>
    </message>
    <message>
        <source>t.ex. stadsdirektören och personaldirektören</source>
        <translation>e.g. the city director and the HR director</translation>
    </message>
    <message>
        <source>t.ex. enhetschefens chef</source>
        <translation>e.g. the unit manager&apos;s chief</translation>
    </message>
    <message>
        <source>(ingen särskild person)</source>
        <translation>(no particular person)</translation>
    </message>
    <message>
        <source>Kan överklagas genom laglighetsprövning (KL 13 kap.)</source>
        <translation>Can be appealed by judicial review of legality (KL ch. 13)</translation>
    </message>
    <message>
        <source>Inte för beslut som överklagas genom förvaltningsbesvär enligt en annan lag, till exempel skollagen eller socialtjänstlagen.</source>
        <translation>Not for decisions appealed under another law, for example the Education Act or the Social Services Act.</translation>
    </message>
    <message>
        <source>Punkt</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Beslutsfattare</source>
        <translation>Decision-maker</translation>
    </message>
    <message>
        <source>Beslutsdatum</source>
        <translation>Decision date</translation>
    </message>
    <message>
        <source>Beslut</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Diarienummer</source>
        <translation>Case number</translation>
    </message>
    <message>
        <source>Gäller person</source>
        <translation>Concerns</translation>
    </message>
    <message>
        <source>Behovet prövat (HR-2)</source>
        <translation>Need tested (HR-2)</translation>
    </message>
    <message>
        <source>Prövat av</source>
        <translation>Tested by</translation>
    </message>
    <message>
        <source>Samråd hölls (HR-3)</source>
        <translation>Consultation held (HR-3)</translation>
    </message>
    <message>
        <source>Samråd med</source>
        <translation>Consulted</translation>
    </message>
    <message>
        <source>Överklagande</source>
        <translation>Appeal</translation>
    </message>
    <message>
        <source>Anmälan</source>
        <translation>Reporting</translation>
    </message>
    <message>
        <source>Välj punkten först</source>
        <translation>Choose the item first</translation>
    </message>
    <message>
        <source>Ingen har rätt att besluta i punkten den dagen</source>
        <translation>Nobody may decide the item on that day</translation>
    </message>
    <message>
        <source>Skriv för att söka</source>
        <translation>Type to search</translation>
    </message>
    <message>
        <source>Anmäls till nämnden (DEL-11).</source>
        <translation>Reported to the board (DEL-11).</translation>
    </message>
    <message>
        <source>Anmäls inte, men kan laglighetsprövas: protokollförs särskilt (DEL-11).</source>
        <translation>Not reported, but open to judicial review: recorded separately (DEL-11).</translation>
    </message>
    <message>
        <source>Anmäls inte till nämnden.</source>
        <translation>Not reported to the board.</translation>
    </message>
    <message>
        <source>Välj punkten i delegationsordningen.</source>
        <translation>Choose the item of the delegation order.</translation>
    </message>
    <message>
        <source>Välj vem som beslutade.</source>
        <translation>Choose who decided.</translation>
    </message>
    <message>
        <source>DATA-2: Beskriv beslutet.</source>
        <translation>DATA-2: Describe the decision.</translation>
    </message>
</context>
<context>
    <name>DecisionsTab</name>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Nämnd</source>
        <translation>Board</translation>
    </message>
    <message>
        <source>Nr</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Ärende</source>
        <translation>Matter</translation>
    </message>
    <message>
        <source>Beslut</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Beslutsfattare</source>
        <translation>Decision-maker</translation>
    </message>
    <message>
        <source>Diarienummer</source>
        <translation>Case number</translation>
    </message>
    <message>
        <source>Kan laglighetsprövas</source>
        <translation>Open to judicial review</translation>
    </message>
    <message>
        <source>Anmälan</source>
        <translation>Reporting</translation>
    </message>
    <message>
        <source>Anmält / protokollfört</source>
        <translation>Reported / recorded</translation>
    </message>
    <message>
        <source>Alla beslut</source>
        <translation>All decisions</translation>
    </message>
    <message>
        <source>Att anmäla, inte anmälda</source>
        <translation>To report, not yet reported</translation>
    </message>
    <message>
        <source>Att protokollföra särskilt, inte gjort</source>
        <translation>To record separately, not yet done</translation>
    </message>
    <message>
        <source>Anmälan till nämnden (PDF)…</source>
        <translation>Report to the board (PDF)…</translation>
    </message>
    <message>
        <source>Beslutsregister (Excel)…</source>
        <translation>Register of decisions (Excel)…</translation>
    </message>
    <message>
        <source>Nytt beslut…</source>
        <translation>New decision…</translation>
    </message>
    <message>
        <source>Markera som anmälda…</source>
        <translation>Mark as reported…</translation>
    </message>
    <message>
        <source>Protokollför särskilt…</source>
        <translation>Record separately…</translation>
    </message>
    <message>
        <source>Beslut som nämnden inte vill få anmälda men som kan laglighetsprövas protokollförs särskilt (DEL-11).</source>
        <translation>Decisions the board does not want reported but which are open to judicial review are recorded separately (DEL-11).</translation>
    </message>
    <message>
        <source>Laglighetsprövning: ja/nej</source>
        <translation>Judicial review: yes/no</translation>
    </message>
    <message>
        <source>Särskilt protokoll</source>
        <translation>Separate record</translation>
    </message>
    <message>
        <source>Datum då besluten protokollfördes särskilt. De kan laglighetsprövas men anmäls inte till nämnden (DEL-11).</source>
        <translation>Date the decisions were recorded separately. They are open to judicial review but not reported to the board (DEL-11).</translation>
    </message>
    <message>
        <source>Kan inte laglighetsprövas</source>
        <translation>Not open to judicial review</translation>
    </message>
    <message>
        <source>Särskilt protokoll (PDF)…</source>
        <translation>Separate record (PDF)…</translation>
    </message>
    <message>
        <source>Visa</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Från</source>
        <translation>From</translation>
    </message>
    <message>
        <source>till</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Ja</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Särskilt protokoll över delegationsbeslut</source>
        <translation>Separate record of delegated decisions</translation>
    </message>
    <message>
        <source>Protokollförda särskilt</source>
        <translation>Recorded separately</translation>
    </message>
    <message>
        <source>Protokollförda</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <source>Protokollför särskilt</source>
        <translation>Record separately</translation>
    </message>
    <message>
        <source>Anmälan av delegationsbeslut</source>
        <translation>Report of delegated decisions</translation>
    </message>
    <message>
        <source>Delegationsbeslut</source>
        <translation>Delegated decisions</translation>
    </message>
    <message>
        <source>Spara beslutsregistret</source>
        <translation>Save the register of decisions</translation>
    </message>
    <message>
        <source>Nytt delegationsbeslut</source>
        <translation>New delegated decision</translation>
    </message>
    <message>
        <source>Anmälda till nämnden</source>
        <translation>Reported to the board</translation>
    </message>
    <message>
        <source>Datum för nämndens sammanträde där besluten anmäldes (DEL-11).</source>
        <translation>Date of the board meeting at which the decisions were reported (DEL-11).</translation>
    </message>
    <message>
        <source>Anmälda</source>
        <translation>Reported</translation>
    </message>
    <message>
        <source>Markera som anmälda</source>
        <translation>Mark as reported</translation>
    </message>
</context>
<context>
    <name>DelegateEditor</name>
    <message>
        <source>(ingen)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>(titel)</source>
        <translation>(title)</translation>
    </message>
    <message>
        <source>t.ex. Kommunjurist</source>
        <translation>e.g. Municipal lawyer</translation>
    </message>
    <message>
        <source>(hela organisationen)</source>
        <translation>(the whole organisation)</translation>
    </message>
    <message>
        <source>inom {unit}</source>
        <translation>within {unit}</translation>
    </message>
</context>
<context>
    <name>DelegationTab</name>
    <message>
        <source>Skriver {name} …</source>
        <translation>Writing {name} …</translation>
    </message>
</context>
<context>
    <name>DelegationWindow</name>
    <message>
        <source>Delegation</source>
        <translation>Delegation</translation>
    </message>
    <message>
        <source>Delegationsordning</source>
        <translation>Delegation order</translation>
    </message>
    <message>
        <source>Vem får besluta?</source>
        <translation>Who may decide?</translation>
    </message>
    <message>
        <source>Delegationsbeslut</source>
        <translation>Delegated decisions</translation>
    </message>
    <message>
        <source>Fullmäktige</source>
        <translation>Council</translation>
    </message>
    <message>
        <source>Ångra</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Gör om</source>
        <translation>Redo</translation>
    </message>
</context>
<context>
    <name>DistributionWizard</name>
    <message>
        <source>Ny fördelning av arbetsmiljöuppgifter</source>
        <translation>New distribution of work-environment tasks</translation>
    </message>
</context>
<context>
    <name>DistributionsModel</name>
    <message>
        <source>Nr</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Givare</source>
        <translation>Giver</translation>
    </message>
    <message>
        <source>Mottagare</source>
        <translation>Receiver</translation>
    </message>
    <message>
        <source>Enheter</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>Uppgifter</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <source>Gäller fr.o.m.</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <source>Uppföljning senast</source>
        <translation>Follow-up due</translation>
    </message>
    <message>
        <source>{n} uppgift(er) återförda</source>
        <translation>Tasks returned: {n}</translation>
    </message>
</context>
<context>
    <name>EditRunner</name>
    <message>
        <source>Ändringen kunde inte göras</source>
        <translation>The change could not be made</translation>
    </message>
</context>
<context>
    <name>HeldTasksModel</name>
    <message>
        <source>Uppgift</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Enhet</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Innehas av</source>
        <translation>Held by</translation>
    </message>
    <message>
        <source>Kedja</source>
        <translation>Chain</translation>
    </message>
    <message>
        <source>Kommunstyrelsen (ingen fördelning)</source>
        <translation>The executive board (KS, no distribution)</translation>
    </message>
    <message>
        <source>Fördelning {id}: {giver} → {receiver}</source>
        <translation>Distribution {id}: {giver} → {receiver}</translation>
    </message>
    <message>
        <source>Ingen fördelning: uppgiften ligger hos KS.</source>
        <translation>No distribution: the task rests with the executive board (KS).</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>Användarhandbok – Nacka Desktop</source>
        <translation>User guide – Nacka Desktop</translation>
    </message>
    <message>
        <source>Sök på sidan…  (Ctrl+F)</source>
        <translation>Search the page…  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Navigering</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>Bakåt</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Framåt</source>
        <translation>Forward</translation>
    </message>
    <message>
        <source>Början</source>
        <translation>Start</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <source>Ändra punkt</source>
        <translation>Edit item</translation>
    </message>
    <message>
        <source>Ny punkt</source>
        <translation>New item</translation>
    </message>
    <message>
        <source>Varför ärendet är av en annan typ än orden säger</source>
        <translation>Why the matter is of another kind than its words say</translation>
    </message>
    <message>
        <source>Får vidaredelegeras (DEL-10)</source>
        <translation>May be subdelegated (DEL-10)</translation>
    </message>
    <message>
        <source>Besluten anmäls till nämnden (DEL-11)</source>
        <translation>Decisions are reported to the board (DEL-11)</translation>
    </message>
    <message>
        <source>Avsnitt</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>Nr</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Ärende</source>
        <translation>Matter</translation>
    </message>
    <message>
        <source>Beslutstyp</source>
        <translation>Decision kind</translation>
    </message>
    <message>
        <source>Skäl för beslutstyp</source>
        <translation>Reason for the decision kind</translation>
    </message>
    <message>
        <source>Delegat</source>
        <translation>Delegate</translation>
    </message>
    <message>
        <source>Ersättare</source>
        <translation>Substitute</translation>
    </message>
    <message>
        <source>Lagrum</source>
        <translation>Legal reference</translation>
    </message>
    <message>
        <source>Rättslig grund</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <source>Begränsningar</source>
        <translation>Restrictions</translation>
    </message>
    <message>
        <source>Anmärkning</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>DATA-2: Ange ärendet.</source>
        <translation>DATA-2: Enter the matter.</translation>
    </message>
    <message>
        <source>DATA-2: Ange ett nummer som 3, 3.2 eller 3.2a.</source>
        <translation>DATA-2: Enter a number such as 3, 3.2 or 3.2a.</translation>
    </message>
</context>
<context>
    <name>LetterheadDialog</name>
    <message>
        <source>Brevhuvud</source>
        <translation>Letterhead</translation>
    </message>
    <message>
        <source>Överst i varje brev och rapport: kommunens namn, upp till tre rader under det (t.ex. förvaltningen) och en logotyp. Samma för alla som använder databasen.</source>
        <translation>At the top of every letter and report: the municipality&apos;s name, up to three lines under it (e.g. the administration) and a logo. The same for everyone who uses the database.</translation>
    </message>
    <message>
        <source>En rad för varje, t.ex. Stadsledningskontoret</source>
        <translation>One line each, e.g. City Management Office</translation>
    </message>
    <message>
        <source>Välj bild…</source>
        <translation>Choose image…</translation>
    </message>
    <message>
        <source>Ta bort</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Kommunens namn</source>
        <translation>Municipality&apos;s name</translation>
    </message>
    <message>
        <source>Rader under namnet</source>
        <translation>Lines under the name</translation>
    </message>
    <message>
        <source>Logotyp</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>Ange ett namn.</source>
        <translation>Enter a name.</translation>
    </message>
    <message>
        <source>Välj logotyp</source>
        <translation>Choose logo</translation>
    </message>
    <message>
        <source>Bilder (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Filen {name} är ingen bild.</source>
        <translation>The file {name} is not an image.</translation>
    </message>
    <message>
        <source>(ingen logotyp)</source>
        <translation>(no logo)</translation>
    </message>
    <message>
        <source>(ingen bild)</source>
        <translation>(not an image)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Välj en enhet i trädet eller sök efter en person.</source>
        <translation>Select a unit in the tree or search for a person.</translation>
    </message>
    <message>
        <source>Uppgifter</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Arbetsmiljö</source>
        <translation>Work environment</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>&amp;Ny databas…</source>
        <translation>&amp;New database…</translation>
    </message>
    <message>
        <source>&amp;Kontrollera underskrifter i PDF…</source>
        <translation>&amp;Check signatures in a PDF…</translation>
    </message>
    <message>
        <source>Inställningar för &amp;underskrifter…</source>
        <translation>&amp;Signature settings…</translation>
    </message>
    <message>
        <source>&amp;Brevhuvud…</source>
        <translation>&amp;Letterhead…</translation>
    </message>
    <message>
        <source>&amp;Öppna databas…</source>
        <translation>&amp;Open database…</translation>
    </message>
    <message>
        <source>&amp;Avsluta</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Ångra</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>&amp;Gör om</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>Ny &amp;enhet…</source>
        <translation>&amp;New unit…</translation>
    </message>
    <message>
        <source>Skapa en enhet under den valda</source>
        <translation>Create a unit under the selected one</translation>
    </message>
    <message>
        <source>&amp;Byt namn</source>
        <translation>R&amp;ename</translation>
    </message>
    <message>
        <source>&amp;Flytta till…</source>
        <translation>&amp;Move to…</translation>
    </message>
    <message>
        <source>Avsluta enhe&amp;t…</source>
        <translation>&amp;Close unit…</translation>
    </message>
    <message>
        <source>Sätt slutdatum för enheten</source>
        <translation>Set the end date of the unit</translation>
    </message>
    <message>
        <source>Ny &amp;person…</source>
        <translation>New &amp;person…</translation>
    </message>
    <message>
        <source>&amp;Tillsätt…</source>
        <translation>&amp;Appoint…</translation>
    </message>
    <message>
        <source>Avsluta för&amp;ordnande…</source>
        <translation>En&amp;d appointment…</translation>
    </message>
    <message>
        <source>Visa &amp;avslutade enheter</source>
        <translation>Show &amp;closed units</translation>
    </message>
    <message>
        <source>&amp;Processer…</source>
        <translation>&amp;Processes…</translation>
    </message>
    <message>
        <source>&amp;Organisationsschema…</source>
        <translation>&amp;Organisation chart…</translation>
    </message>
    <message>
        <source>Rita organisationen per visningsdatumet, med chef, t.f. och vakanser</source>
        <translation>Draw the organisation as of the view date, with managers, acting managers and vacancies</translation>
    </message>
    <message>
        <source>&amp;Sök</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>&amp;Användarhandbok</source>
        <translation>&amp;User guide</translation>
    </message>
    <message>
        <source>&amp;Om Nacka Desktop</source>
        <translation>&amp;About Nacka Desktop</translation>
    </message>
    <message>
        <source>&amp;Ny fördelning av arbetsmiljöuppgifter…</source>
        <translation>&amp;New distribution of work-environment tasks…</translation>
    </message>
    <message>
        <source>&amp;Uppgiftskatalog…</source>
        <translation>&amp;Task catalogue…</translation>
    </message>
    <message>
        <source>&amp;Delegationsordningar och beslut…</source>
        <translation>&amp;Delegation orders and decisions…</translation>
    </message>
    <message>
        <source>&amp;Register över fördelningar (Excel)…</source>
        <translation>&amp;Register of distributions (Excel)…</translation>
    </message>
    <message>
        <source>&amp;Arkiv</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Senaste databaser</source>
        <translation>&amp;Recent databases</translation>
    </message>
    <message>
        <source>&amp;Redigera</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Visa</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Språk</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Arbets&amp;miljö</source>
        <translation>&amp;Work environment</translation>
    </message>
    <message>
        <source>&amp;Delegation</source>
        <translation>&amp;Delegation</translation>
    </message>
    <message>
        <source>&amp;Hjälp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Verktyg</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source> Visa per: </source>
        <translation> View as of: </translation>
    </message>
    <message>
        <source>{title} (skrivskyddad)</source>
        <translation>{title} (read-only)</translation>
    </message>
    <message>
        <source>Arbetsmiljöuppgifter i {unit}</source>
        <translation>Work-environment tasks in {unit}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Vem har uppgiften {on}&lt;/b&gt; (och genom vilken kedja från KS)</source>
        <translation>&lt;b&gt;Who holds each task on {on}&lt;/b&gt;, and through which chain from the executive board (KS)</translation>
    </message>
    <message>
        <source>Arbetsmiljöuppgifter för {name}</source>
        <translation>Work-environment tasks of {name}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Uppgifter som {name} har {on}&lt;/b&gt;</source>
        <translation>&lt;b&gt;Tasks that {name} holds on {on}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Välj en enhet eller en person.</source>
        <translation>Select a unit or a person.</translation>
    </message>
    <message>
        <source>Ändra enhet</source>
        <translation>Edit unit</translation>
    </message>
    <message>
        <source>Ändra person</source>
        <translation>Edit person</translation>
    </message>
    <message>
        <source>Ändra förordnande</source>
        <translation>Edit appointment</translation>
    </message>
    <message>
        <source>Ändra brevhuvud</source>
        <translation>Change letterhead</translation>
    </message>
    <message>
        <source>(inga ännu)</source>
        <translation>(none yet)</translation>
    </message>
    <message>
        <source>Töm listan</source>
        <translation>Clear the list</translation>
    </message>
    <message>
        <source>Öppna databas</source>
        <translation>Open database</translation>
    </message>
    <message>
        <source>Nacka Desktop-databaser (*.db *.sqlite);;Alla filer (*)</source>
        <translation>Nacka Desktop databases (*.db *.sqlite);;All files (*)</translation>
    </message>
    <message>
        <source>Ny databas</source>
        <translation>New database</translation>
    </message>
    <message>
        <source>Databaser (*.db)</source>
        <translation>Databases (*.db)</translation>
    </message>
    <message>
        <source>Databasen kunde inte öppnas</source>
        <translation>The database could not be opened</translation>
    </message>
    <message>
        <source>Öppnar {name} …</source>
        <translation>Opening {name} …</translation>
    </message>
    <message>
        <source>Om Nacka Desktop</source>
        <translation>About Nacka Desktop</translation>
    </message>
    <message>
        <source>&lt;b&gt;Nacka Desktop {version}&lt;/b&gt;&lt;p&gt;Organisation, ansvarslinjer, arbetsmiljöuppgifter och delegationsordning för en kommun.&lt;/p&gt;&lt;p&gt;Databas: {db}&lt;/p&gt;</source>
        <translation>&lt;b&gt;Nacka Desktop {version}&lt;/b&gt;&lt;p&gt;Organisation, lines of responsibility, work environment tasks and delegation order for a municipality.&lt;/p&gt;&lt;p&gt;Database: {db}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MoveUnitDialog</name>
    <message>
        <source>Flytta {unit} till…</source>
        <translation>Move {unit} to…</translation>
    </message>
    <message>
        <source>Flyttas fr.o.m.</source>
        <translation>Moves from</translation>
    </message>
    <message>
        <source>Trädet före datumet ändras inte: den som frågar hur organisationen såg ut tidigare får svaret som det var då. Ändringen kan ångras.</source>
        <translation>The tree before the date does not change: whoever asks how the organisation looked earlier gets the answer as it was then. The change can be undone.</translation>
    </message>
    <message>
        <source>Flytta</source>
        <translation>Move</translation>
    </message>
    <message>
        <source>Välj den enhet som {unit} ska ligga under:</source>
        <translation>Choose the unit to place {unit} under:</translation>
    </message>
</context>
<context>
    <name>NewUnitDialog</name>
    <message>
        <source>Ny enhet</source>
        <translation>New unit</translation>
    </message>
    <message>
        <source>Den nya enheten läggs under &lt;b&gt;{parent}&lt;/b&gt;.</source>
        <translation>The new unit is placed under &lt;b&gt;{parent}&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>toppen av trädet</source>
        <translation>the top of the tree</translation>
    </message>
    <message>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kod (ansvar)</source>
        <translation>Code (cost centre)</translation>
    </message>
    <message>
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Produktionsområde</source>
        <translation>Production area</translation>
    </message>
    <message>
        <source>Gäller fr.o.m.</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <source>Inga enheter kan läggas under den här typen av enhet.</source>
        <translation>No units can be placed under this type of unit.</translation>
    </message>
    <message>
        <source>DATA-2: Ange ett namn.</source>
        <translation>DATA-2: Enter a name.</translation>
    </message>
    <message>
        <source>DATA-2: Ange en kod.</source>
        <translation>DATA-2: Enter a code.</translation>
    </message>
</context>
<context>
    <name>OrderTab</name>
    <message>
        <source>Filtrera: ärende, delegat, lagrum…</source>
        <translation>Filter: matter, delegate, legal reference…</translation>
    </message>
    <message>
        <source>Avsnitt</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>Nr</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Ärende</source>
        <translation>Matter</translation>
    </message>
    <message>
        <source>Beslutstyp</source>
        <translation>Decision kind</translation>
    </message>
    <message>
        <source>Delegat</source>
        <translation>Delegate</translation>
    </message>
    <message>
        <source>Ersättare</source>
        <translation>Substitute</translation>
    </message>
    <message>
        <source>Lagrum</source>
        <translation>Legal reference</translation>
    </message>
    <message>
        <source>Begränsningar</source>
        <translation>Restrictions</translation>
    </message>
    <message>
        <source>Vidaredelegation</source>
        <translation>Subdelegation</translation>
    </message>
    <message>
        <source>Anmäls</source>
        <translation>Reported</translation>
    </message>
    <message>
        <source>Ändring</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Före</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>Efter</source>
        <translation>After</translation>
    </message>
    <message>
        <source>Fält</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Delegationsordningen (PDF)…</source>
        <translation>Delegation order (PDF)…</translation>
    </message>
    <message>
        <source>Register (Excel)…</source>
        <translation>Register (Excel)…</translation>
    </message>
    <message>
        <source>Importmall (Excel)…</source>
        <translation>Import template (Excel)…</translation>
    </message>
    <message>
        <source>Importera…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>Ny punkt…</source>
        <translation>New item…</translation>
    </message>
    <message>
        <source>Ändra punkt…</source>
        <translation>Edit item…</translation>
    </message>
    <message>
        <source>Ta bort punkt</source>
        <translation>Remove item</translation>
    </message>
    <message>
        <source>Ändra i utkast till ny version</source>
        <translation>Change in a draft of a new version</translation>
    </message>
    <message>
        <source>Anta…</source>
        <translation>Adopt…</translation>
    </message>
    <message>
        <source>Vidaredelegera…</source>
        <translation>Subdelegate…</translation>
    </message>
    <message>
        <source>Ändra…</source>
        <translation>Change…</translation>
    </message>
    <message>
        <source>Nämnd</source>
        <translation>Board</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Jämför med</source>
        <translation>Compare with</translation>
    </message>
    <message>
        <source>{status} (nr {id})</source>
        <translation>{status} (no. {id})</translation>
    </message>
    <message>
        <source>{head} (ej utsedd; standard)</source>
        <translation>{head} (not named; default)</translation>
    </message>
    <message>
        <source>{head} inom {unit}</source>
        <translation>{head} within {unit}</translation>
    </message>
    <message>
        <source>besluten anmäls inom {days} dagar</source>
        <translation>decisions reported within {days} days</translation>
    </message>
    <message>
        <source>ingen anmälningsrytm angiven</source>
        <translation>no reporting rhythm given</translation>
    </message>
    <message>
        <source>reglemente: {n} lagar</source>
        <translation>reglemente: {n} laws</translation>
    </message>
    <message>
        <source>inget reglemente angivet</source>
        <translation>no reglemente given</translation>
    </message>
    <message>
        <source>Förvaltningschef (får vidaredelegera): {head} · {rhythm} · {laws}</source>
        <translation>Administrative head (may pass rights on): {head} · {rhythm} · {laws}</translation>
    </message>
    <message>
        <source>Förvaltningschef och anmälan</source>
        <translation>Administrative head and reporting</translation>
    </message>
    <message>
        <source>(ingen jämförelse)</source>
        <translation>(no comparison)</translation>
    </message>
    <message>
        <source>Återtaget av fullmäktige den {day} {paragraph} (DEL-4): beslutas inte längre på delegation.</source>
        <translation>Taken back by the council on {day} {paragraph} (DEL-4): no longer decided on delegation.</translation>
    </message>
    <message>
        <source>Ja</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Nej</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Alla avsnitt</source>
        <translation>All sections</translation>
    </message>
    <message>
        <source>Fortsätt i utkastet</source>
        <translation>Continue in the draft</translation>
    </message>
    <message>
        <source>Ändra i nytt utkast</source>
        <translation>Change in a new draft</translation>
    </message>
    <message>
        <source>Antagen {when}: nämndens beslut, texten ändras inte.</source>
        <translation>Adopted {when}: the board&apos;s decision; its text does not change.</translation>
    </message>
    <message>
        <source>Ersatt version, antagen {when}: texten ändras inte.</source>
        <translation>Superseded version, adopted {when}: its text does not change.</translation>
    </message>
    <message>
        <source>Ändringar görs i ett utkast som nämnden antar.</source>
        <translation>Changes are made in a draft that the board adopts.</translation>
    </message>
    <message>
        <source>{n} ändringar</source>
        <translation>Changes: {n}</translation>
    </message>
    <message>
        <source>Inga skillnader</source>
        <translation>No differences</translation>
    </message>
    <message>
        <source>Delegationsordning</source>
        <translation>Delegation order</translation>
    </message>
    <message>
        <source>Spara delegationsregistret</source>
        <translation>Save the delegation register</translation>
    </message>
    <message>
        <source>Delegationsregister</source>
        <translation>Delegation register</translation>
    </message>
    <message>
        <source>Spara importmallen</source>
        <translation>Save the import template</translation>
    </message>
    <message>
        <source>Delegationsordning mall</source>
        <translation>Delegation order template</translation>
    </message>
    <message>
        <source>Importera delegationsordning</source>
        <translation>Import delegation order</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Importerad som utkast</source>
        <translation>Imported as draft</translation>
    </message>
    <message>
        <source>Inget importerades</source>
        <translation>Nothing was imported</translation>
    </message>
    <message>
        <source>Läser in {name} …</source>
        <translation>Reading {name} …</translation>
    </message>
    <message>
        <source>Importera</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Ny punkt {number}</source>
        <translation>New item {number}</translation>
    </message>
    <message>
        <source>Ändra punkt {number}</source>
        <translation>Edit item {number}</translation>
    </message>
    <message>
        <source>Ta bort punkt {number}</source>
        <translation>Remove item {number}</translation>
    </message>
    <message>
        <source>Nytt utkast till delegationsordning</source>
        <translation>New draft of the delegation order</translation>
    </message>
    <message>
        <source>Anta delegationsordningen</source>
        <translation>Adopt the delegation order</translation>
    </message>
    <message>
        <source>Vidaredelegera punkt {number}</source>
        <translation>Subdelegate item {number}</translation>
    </message>
</context>
<context>
    <name>OrgActions</name>
    <message>
        <source>Skapa {name}</source>
        <translation>Create {name}</translation>
    </message>
    <message>
        <source>Byt namn till {name}</source>
        <translation>Rename to {name}</translation>
    </message>
    <message>
        <source>Flytta {name}</source>
        <translation>Move {name}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt; flyttas till &lt;b&gt;{target}&lt;/b&gt;. Från vilket datum gäller flytten? Trädet före datumet ändras inte. Ändringen kan ångras.</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; moves to &lt;b&gt;{target}&lt;/b&gt;. From which date does the move apply? The tree before the date does not change. The change can be undone.</translation>
    </message>
    <message>
        <source>Flyttas fr.o.m.</source>
        <translation>Moves from</translation>
    </message>
    <message>
        <source>Om &lt;b&gt;{name}&lt;/b&gt; flyttas till &lt;b&gt;{target}&lt;/b&gt; fr.o.m. {on} följer det här. Flytta ändå?</source>
        <translation>If &lt;b&gt;{name}&lt;/b&gt; moves to &lt;b&gt;{target}&lt;/b&gt; from {on}, this follows. Move anyway?</translation>
    </message>
    <message>
        <source>Flytta</source>
        <translation>Move</translation>
    </message>
    <message>
        <source>Avsluta enhet</source>
        <translation>Close unit</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt; upphör att gälla från och med datumet nedan. Underliggande enheter och förordnanden som fortfarande gäller avslutas samma dag. Ändringen kan ångras.</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; ceases to be valid from the date below. Units below it and appointments that are still valid end on the same day. The change can be undone.</translation>
    </message>
    <message>
        <source>Upphör fr.o.m.</source>
        <translation>Ends from</translation>
    </message>
    <message>
        <source>När &lt;b&gt;{name}&lt;/b&gt; avslutas från och med {day} följer det här. Avsluta ändå?</source>
        <translation>When &lt;b&gt;{name}&lt;/b&gt; closes from {day}, this follows. Close anyway?</translation>
    </message>
    <message>
        <source>Avsluta enheten</source>
        <translation>Close the unit</translation>
    </message>
    <message>
        <source>Avsluta {name}</source>
        <translation>Close {name}</translation>
    </message>
    <message>
        <source>Ny person {name}</source>
        <translation>New person {name}</translation>
    </message>
    <message>
        <source>Tillsätt {role}</source>
        <translation>Appoint {role}</translation>
    </message>
    <message>
        <source>{role} för {unit}</source>
        <translation>{role} of {unit}</translation>
    </message>
    <message>
        <source>Leder redan en annan enhet</source>
        <translation>Already leads another unit</translation>
    </message>
    <message>
        <source>{person} är redan {units}. Ska {person} också bli {role} för {unit}?</source>
        <translation>{person} is already {units}. Should {person} also become {role} of {unit}?</translation>
    </message>
    <message>
        <source>Avsluta förordnande</source>
        <translation>End appointment</translation>
    </message>
    <message>
        <source>{person} som {role} i {unit}: förordnandet upphör från och med:</source>
        <translation>{person} as {role} in {unit}: the appointment ends from:</translation>
    </message>
    <message>
        <source>När förordnandet upphör från och med {day} följer det här. Avsluta ändå?</source>
        <translation>When the appointment ends from {day}, this follows. End it anyway?</translation>
    </message>
    <message>
        <source>Avsluta förordnandet</source>
        <translation>End the appointment</translation>
    </message>
</context>
<context>
    <name>OrgChartWindow</name>
    <message>
        <source>Läser in organisationen …</source>
        <translation>Loading the organisation …</translation>
    </message>
    <message>
        <source>Organisationsschema per {date}</source>
        <translation>Organisation chart as of {date}</translation>
    </message>
    <message>
        <source>Per {date}</source>
        <translation>As of {date}</translation>
    </message>
    <message>
        <source>Organisationen som den ser ut den dag som står i Visa per i huvudfönstret</source>
        <translation>The organisation as it is on the day in View as of in the main window</translation>
    </message>
    <message>
        <source>Chef</source>
        <translation>Manager</translation>
    </message>
    <message>
        <source>T.f. (tillförordnad)</source>
        <translation>Acting (t.f.)</translation>
    </message>
    <message>
        <source>Vakant (streckad ram)</source>
        <translation>Vacant (dashed border)</translation>
    </message>
    <message>
        <source>&amp;Upp</source>
        <translation>&amp;Up</translation>
    </message>
    <message>
        <source>Visa grenen ovanför</source>
        <translation>Show the branch above</translation>
    </message>
    <message>
        <source>Ö&amp;verst</source>
        <translation>&amp;Top</translation>
    </message>
    <message>
        <source>Visa hela organisationen</source>
        <translation>Show the whole organisation</translation>
    </message>
    <message>
        <source>Zooma &amp;ut</source>
        <translation>Zoom &amp;out</translation>
    </message>
    <message>
        <source>Zooma &amp;in</source>
        <translation>Zoom &amp;in</translation>
    </message>
    <message>
        <source>&amp;Anpassa</source>
        <translation>&amp;Fit</translation>
    </message>
    <message>
        <source>Visa hela grenen i fönstret</source>
        <translation>Show the whole branch in the window</translation>
    </message>
    <message>
        <source>&amp;Exportera…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <source>Spara schemat som PDF eller SVG</source>
        <translation>Save the chart as PDF or SVG</translation>
    </message>
    <message>
        <source>&amp;Hjälp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Handbokens sida om organisationsschemat (F1)</source>
        <translation>The guide&apos;s page about the organisation chart (F1)</translation>
    </message>
    <message>
        <source>alla</source>
        <translation>all</translation>
    </message>
    <message>
        <source>Hur många nivåer under enheten som visas</source>
        <translation>How many levels below the unit are shown</translation>
    </message>
    <message>
        <source>Organisationsschema</source>
        <translation>Organisation chart</translation>
    </message>
    <message>
        <source> Nivåer: </source>
        <translation> Levels: </translation>
    </message>
    <message>
        <source>Organisationsschemat kunde inte visas</source>
        <translation>The organisation chart could not be shown</translation>
    </message>
    <message>
        <source>Enheter som visas: {count}. Dubbelklicka på en ruta för att visa dess gren; dra för att flytta, Ctrl+hjul för att zooma.</source>
        <translation>Units shown: {count}. Double-click a box to show its branch; drag to move, Ctrl+wheel to zoom.</translation>
    </message>
    <message>
        <source>Hela organisationen</source>
        <translation>The whole organisation</translation>
    </message>
    <message>
        <source>Läser in organisationen per {date} …</source>
        <translation>Loading the organisation as of {date} …</translation>
    </message>
    <message>
        <source>Ritar schemat …</source>
        <translation>Drawing the chart …</translation>
    </message>
    <message>
        <source>PDF, A3 liggande (*.pdf)</source>
        <translation>PDF, A3 landscape (*.pdf)</translation>
    </message>
    <message>
        <source>PDF, A4 liggande (*.pdf)</source>
        <translation>PDF, A4 landscape (*.pdf)</translation>
    </message>
    <message>
        <source>SVG (*.svg)</source>
        <translation>SVG (*.svg)</translation>
    </message>
    <message>
        <source>Exportera organisationsschemat</source>
        <translation>Export the organisation chart</translation>
    </message>
    <message>
        <source>Skriver {name} …</source>
        <translation>Writing {name} …</translation>
    </message>
    <message>
        <source>Sparade {path}</source>
        <translation>Saved {path}</translation>
    </message>
    <message>
        <source>Organisationsschemat kunde inte sparas</source>
        <translation>The organisation chart could not be saved</translation>
    </message>
</context>
<context>
    <name>PaperSignatureDialog</name>
    <message>
        <source>Pappersunderskrift</source>
        <translation>Paper signature</translation>
    </message>
    <message>
        <source>Registrera en underskrift på det utskrivna brevet. Bifoga gärna den inskannade kopian (PDF eller bild); den sparas med underskriften.</source>
        <translation>Record a signature on the printed letter. Attach the scanned copy if you can (PDF or image); it is kept with the signature.</translation>
    </message>
    <message>
        <source>Ingen fil vald</source>
        <translation>No file chosen</translation>
    </message>
    <message>
        <source>Välj fil…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Party</translation>
    </message>
    <message>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Undertecknad</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>Inskannad kopia</source>
        <translation>Scanned copy</translation>
    </message>
    <message>
        <source>PDF eller bild (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)</source>
        <translation>PDF or image (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)</translation>
    </message>
    <message>
        <source>Ange vem som skrev under.</source>
        <translation>Enter who signed.</translation>
    </message>
    <message>
        <source>Filen är större än 20 MB.</source>
        <translation>The file is larger than 20 MB.</translation>
    </message>
</context>
<context>
    <name>PartiesPage</name>
    <message>
        <source>Givare och mottagare</source>
        <translation>Giver and receiver</translation>
    </message>
    <message>
        <source>Den som fördelar måste själv ha uppgifterna (AM-1). Mottagaren finns i givarens linje.</source>
        <translation>Whoever distributes the tasks must hold them (AM-1). The receiver is in the giver&apos;s line.</translation>
    </message>
    <message>
        <source>Kommunstyrelsen (arbetsgivaren)</source>
        <translation>The executive board (KS, the employer)</translation>
    </message>
    <message>
        <source>Visa även övriga medarbetare</source>
        <translation>Also show other staff</translation>
    </message>
    <message>
        <source>Givare</source>
        <translation>Giver</translation>
    </message>
    <message>
        <source>Mottagare</source>
        <translation>Receiver</translation>
    </message>
    <message>
        <source>Gäller fr.o.m.</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <source>Visa även övriga medarbetare ({count})</source>
        <translation>Also show other staff ({count})</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>Skriv ut…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Spara som…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <source>Spara brevet</source>
        <translation>Save the letter</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Skriver {name} …</source>
        <translation>Writing {name} …</translation>
    </message>
    <message>
        <source>Kontrollera underskrifter i PDF</source>
        <translation>Check signatures in a PDF</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Ny person</source>
        <translation>New person</translation>
    </message>
    <message>
        <source>Anställningsnummer</source>
        <translation>Employee number</translation>
    </message>
    <message>
        <source>Förnamn</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>Efternamn</source>
        <translation>Last name</translation>
    </message>
    <message>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>E-post</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>DATA-2: Ange anställningsnummer.</source>
        <translation>DATA-2: Enter an employee number.</translation>
    </message>
    <message>
        <source>DATA-2: Ange förnamn.</source>
        <translation>DATA-2: Enter a first name.</translation>
    </message>
    <message>
        <source>DATA-2: Ange efternamn.</source>
        <translation>DATA-2: Enter a last name.</translation>
    </message>
    <message>
        <source>E-postadressen saknar @.</source>
        <translation>The e-mail address has no @.</translation>
    </message>
</context>
<context>
    <name>PersonForm</name>
    <message>
        <source>Anställningsnummer</source>
        <translation>Employee number</translation>
    </message>
    <message>
        <source>Förnamn</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>Efternamn</source>
        <translation>Last name</translation>
    </message>
    <message>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>E-post</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Spara ändringar</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <source>Återställ</source>
        <translation>Revert</translation>
    </message>
    <message>
        <source>Tillsätt i enhet…</source>
        <translation>Appoint to unit…</translation>
    </message>
    <message>
        <source>t.f. </source>
        <translation>acting </translation>
    </message>
    <message>
        <source>ingen chef i linjen</source>
        <translation>no chief in the line</translation>
    </message>
    <message>
        <source>{role} i {unit} — chef: {chief}</source>
        <translation>{role} in {unit} — chief: {chief}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Chef {on}:&lt;/b&gt;</source>
        <translation>&lt;b&gt;Chief on {on}:&lt;/b&gt;</translation>
    </message>
    <message>
        <source>inga förordnanden som gäller {on}</source>
        <translation>no appointments valid on {on}</translation>
    </message>
    <message>
        <source>DATA-2: Ange anställningsnummer.</source>
        <translation>DATA-2: Enter an employee number.</translation>
    </message>
    <message>
        <source>DATA-2: Ange förnamn.</source>
        <translation>DATA-2: Enter a first name.</translation>
    </message>
    <message>
        <source>DATA-2: Ange efternamn.</source>
        <translation>DATA-2: Enter a last name.</translation>
    </message>
    <message>
        <source>E-postadressen saknar @.</source>
        <translation>The e-mail address has no @.</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Datorn har ingen utskriftstjänst (lp).</source>
        <translation>This computer has no print service (lp).</translation>
    </message>
    <message>
        <source>Utskriftstjänsten svarar inte.</source>
        <translation>The print service does not answer.</translation>
    </message>
    <message>
        <source>Utskriften kunde inte skickas: {reason}</source>
        <translation>The print job could not be sent: {reason}</translation>
    </message>
    <message>
        <source>Skrivaren kunde inte öppnas.</source>
        <translation>The printer could not be opened.</translation>
    </message>
    <message>
        <source>Skickar till {printer} …</source>
        <translation>Sending to {printer} …</translation>
    </message>
    <message>
        <source>Skickat till {printer}.</source>
        <translation>Sent to {printer}.</translation>
    </message>
    <message>
        <source>Sparar {file} …</source>
        <translation>Saving {file} …</translation>
    </message>
    <message>
        <source>Sparat som {file}.</source>
        <translation>Saved as {file}.</translation>
    </message>
    <message>
        <source>Skriver ut …</source>
        <translation>Printing …</translation>
    </message>
    <message>
        <source>Utskriften är klar.</source>
        <translation>Printing is done.</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <source>Allvarlighet</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Regel</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>Gäller</source>
        <translation>Concerns</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Klicka för att läsa om regel {rule}</source>
        <translation>Click to read about rule {rule}</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <source>Visa det som berörs</source>
        <translation>Show what it concerns</translation>
    </message>
    <message>
        <source>Hjälp om regeln</source>
        <translation>Help on the rule</translation>
    </message>
    <message>
        <source>Kopiera</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Fel: {errors}, varningar: {warnings}, upplysningar: {infos}</source>
        <translation>Errors: {errors}, warnings: {warnings}, information: {infos}</translation>
    </message>
    <message>
        <source>Kontrollerar reglerna…</source>
        <translation>Checking the rules…</translation>
    </message>
    <message>
        <source>Reglerna kunde inte kontrolleras: {error}</source>
        <translation>The rules could not be checked: {error}</translation>
    </message>
</context>
<context>
    <name>ProcessesDialog</name>
    <message>
        <source>Processer och processägare</source>
        <translation>Processes and process owners</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>Process</translation>
    </message>
    <message>
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Processägare</source>
        <translation>Process owner</translation>
    </message>
    <message>
        <source>Varje process har en processägare som är direktör; stadsdirektören äger styrprocesserna (ORG-9).</source>
        <translation>Every process has a process owner who is a director; the city director owns the governing processes (ORG-9).</translation>
    </message>
    <message>
        <source>(ingen)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Byt processägare</source>
        <translation>Change process owner</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Ta med beslut som redan anmälts</source>
        <translation>Include decisions already reported</translation>
    </message>
    <message>
        <source>Nämnd</source>
        <translation>Board</translation>
    </message>
    <message>
        <source>Från</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Perioden slutar innan den börjar.</source>
        <translation>The period ends before it starts.</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>Återför arbetsmiljöuppgifter</source>
        <translation>Return work-environment tasks</translation>
    </message>
    <message>
        <source>{receiver} återför uppgifter till {giver}. Återföringen görs skriftligen, behöver inte godkännas och gäller från datumet nedan (AM-4).</source>
        <translation>{receiver} returns tasks to {giver}. The return is made in writing, needs no approval and applies from the date below (AM-4).</translation>
    </message>
    <message>
        <source>Beskriv kort vad som saknas.</source>
        <translation>Briefly describe what is lacking.</translation>
    </message>
    <message>
        <source>Uppgifter</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <source>Gäller fr.o.m.</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <source>Skäl: saknar</source>
        <translation>Reason: lacking</translation>
    </message>
    <message>
        <source>Förklaring</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>Återför</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>Välj minst en uppgift.</source>
        <translation>Choose at least one task.</translation>
    </message>
    <message>
        <source>AM-4: Ange skälet till återföringen.</source>
        <translation>AM-4: Give the reason for the return.</translation>
    </message>
</context>
<context>
    <name>RightsTab</name>
    <message>
        <source>Nämnd</source>
        <translation>Board</translation>
    </message>
    <message>
        <source>Nr</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Ärende</source>
        <translation>Matter</translation>
    </message>
    <message>
        <source>Beslutar</source>
        <translation>Decides</translation>
    </message>
    <message>
        <source>Hur</source>
        <translation>How</translation>
    </message>
    <message>
        <source>Begränsningar</source>
        <translation>Restrictions</translation>
    </message>
    <message>
        <source>Delegeringsbrev (PDF)…</source>
        <translation>Delegation letter (PDF)…</translation>
    </message>
    <message>
        <source>Underskrifter…</source>
        <translation>Signatures…</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>i enhet</source>
        <translation>in unit</translation>
    </message>
    <message>
        <source>&lt;b&gt;Vad får en person besluta?&lt;/b&gt; Som delegat, som ersättare, som chef för delegaten eller direkt enligt lag.</source>
        <translation>&lt;b&gt;What may a person decide?&lt;/b&gt; As delegate, as substitute, as manager of the delegate or directly by law.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Vem får besluta i ett ärende?&lt;/b&gt;</source>
        <translation>&lt;b&gt;Who may decide in a matter?&lt;/b&gt;</translation>
    </message>
    <message>
        <source>(hela organisationen)</source>
        <translation>(the whole organisation)</translation>
    </message>
    <message>
        <source>Fullmäktige återtog ärendet den {day} {paragraph}: ingen får besluta i det på nämndens vägnar (DEL-4).</source>
        <translation>The council took this matter back on {day} {paragraph}: nobody may decide it on the board&apos;s behalf (DEL-4).</translation>
    </message>
    <message>
        <source>Ingen i den valda enheten får besluta i ärendet; välj hela organisationen för att se vem som får.</source>
        <translation>Nobody in the chosen unit may decide this matter; choose the whole organisation to see who may.</translation>
    </message>
    <message>
        <source>Ingen innehar den {day} den befattning ärendet är delegerat till: nämnden beslutar själv (DEL-1).</source>
        <translation>Nobody holds the position the matter is delegated to on {day}: the board decides itself (DEL-1).</translation>
    </message>
    <message>
        <source>Delegeringsbrev</source>
        <translation>Delegation letter</translation>
    </message>
</context>
<context>
    <name>RuleHelp</name>
    <message>
        <source>Klicka för att läsa om regel {rule}</source>
        <translation>Click to read about rule {rule}</translation>
    </message>
</context>
<context>
    <name>SavedNotice</name>
    <message>
        <source>Öppna mappen</source>
        <translation>Open the folder</translation>
    </message>
    <message>
        <source>Sparat: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
</context>
<context>
    <name>ScopePage</name>
    <message>
        <source>Enheter och uppgifter</source>
        <translation>Units and tasks</translation>
    </message>
    <message>
        <source>Välj vilka enheter fördelningen gäller och vilka uppgifter som fördelas.</source>
        <translation>Choose the units the distribution covers and the tasks that are distributed.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Enheter&lt;/b&gt;</source>
        <translation>&lt;b&gt;Units&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Uppgifter&lt;/b&gt;</source>
        <translation>&lt;b&gt;Tasks&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Givaren har inga uppgifter som får fördelas vidare i de valda enheterna (AM-1, AM-9).</source>
        <translation>The giver holds no tasks in the chosen units that may be passed on (AM-1, AM-9).</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Sök enhet eller person…  (Ctrl+F)</source>
        <translation>Search unit or person…  (Ctrl+F)</translation>
    </message>
</context>
<context>
    <name>SignableLetter</name>
    <message>
        <source>Fördelning av arbetsmiljöuppgifter {id}</source>
        <translation>Distribution of work-environment tasks {id}</translation>
    </message>
    <message>
        <source>Fördelningen från {giver} till {receiver} görs skriftligen (AM-2): båda skriver under brevet. Utfärda brevet först; det sparas oförändrat och kan sedan undertecknas med certifikat, på papper eller i kommunens signeringsportal.</source>
        <translation>The distribution from {giver} to {receiver} is made in writing (AM-2): both sign the letter. Issue the letter first; it is kept unchanged and can then be signed with a certificate, on paper or in the municipality&apos;s signing portal.</translation>
    </message>
    <message>
        <source>Fördelning av arbetsmiljöuppgifter</source>
        <translation>Distribution of work-environment tasks</translation>
    </message>
    <message>
        <source>Återföring av arbetsmiljöuppgifter {id}</source>
        <translation>Return of work-environment tasks {id}</translation>
    </message>
    <message>
        <source>{receiver} återför uppgifter till {giver} (AM-4). Återföringen behöver inte godkännas och gäller från den dag den registrerades; brevet är den skriftliga återföringen, som {receiver} skriver under. {giver} skriver under bara för att bekräfta att den kommit fram.</source>
        <translation>{receiver} returns tasks to {giver} (AM-4). The return needs no approval and takes effect on the day it was recorded; the letter is the return in writing, which {receiver} signs. {giver} signs only to confirm that it arrived.</translation>
    </message>
    <message>
        <source>Återföring av arbetsmiljöuppgifter</source>
        <translation>Return of work-environment tasks</translation>
    </message>
    <message>
        <source>Delegeringsbrev för {name} per {on}</source>
        <translation>Delegation letter for {name} as of {on}</translation>
    </message>
    <message>
        <source>Brevet berättar för {name} vad hen får besluta på nämndens vägnar per {on}. Chefen skriver under att informationen är lämnad och delegaten att hen tagit del av den; delegatens underskrift är den som räknas.</source>
        <translation>The letter tells {name} what they may decide on the board&apos;s behalf as of {on}. The manager signs that the information was given and the delegate that they have read it; the delegate&apos;s signature is the one that counts.</translation>
    </message>
    <message>
        <source>Delegeringsbrev</source>
        <translation>Delegation letter</translation>
    </message>
    <message>
        <source>Chef</source>
        <translation>Manager</translation>
    </message>
</context>
<context>
    <name>SignaturePanel</name>
    <message>
        <source>&lt;b&gt;Underskrifter&lt;/b&gt;</source>
        <translation>&lt;b&gt;Signatures&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Filen har inga underskrifter.</source>
        <translation>The file has no signatures.</translation>
    </message>
    <message>
        <source>Alla {n} underskrifter är hela: filen är oförändrad sedan dess.</source>
        <translation>All {n} signatures are intact: the file is unchanged since.</translation>
    </message>
    <message>
        <source>{broken} av {n} underskrifter håller inte.</source>
        <translation>{broken} of {n} signatures do not hold.</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#1b7f3b&apos;&gt;✔ oförändrad sedan underskriften&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#1b7f3b&apos;&gt;✔ unchanged since signing&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b00020&apos;&gt;✖ bruten eller ändrad efteråt&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b00020&apos;&gt;✖ broken or changed afterwards&lt;/span&gt;</translation>
    </message>
    <message>
        <source>betrott certifikat</source>
        <translation>trusted certificate</translation>
    </message>
    <message>
        <source>certifikatet är inte betrott</source>
        <translation>the certificate is not trusted</translation>
    </message>
    <message>
        <source>utfärdat av {issuer}</source>
        <translation>issued by {issuer}</translation>
    </message>
</context>
<context>
    <name>SignaturesDialog</name>
    <message>
        <source>Part</source>
        <translation>Party</translation>
    </message>
    <message>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Hur</source>
        <translation>How</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Certifikat</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <source>Fil</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Utfärda brev för underskrift</source>
        <translation>Issue letter for signature</translation>
    </message>
    <message>
        <source>Pappersunderskrift…</source>
        <translation>Paper signature…</translation>
    </message>
    <message>
        <source>Spara för portalen…</source>
        <translation>Save for the portal…</translation>
    </message>
    <message>
        <source>Läs in signerat dokument…</source>
        <translation>Read signed document…</translation>
    </message>
    <message>
        <source>Spara fil…</source>
        <translation>Save file…</translation>
    </message>
    <message>
        <source>Arkivexemplar (B-LTA)…</source>
        <translation>Archive copy (B-LTA)…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Kontroll av underskrifterna i filen&lt;/b&gt;</source>
        <translation>&lt;b&gt;Check of the signatures in the file&lt;/b&gt;</translation>
    </message>
    <message>
        <source>betrott</source>
        <translation>trusted</translation>
    </message>
    <message>
        <source>inte betrott</source>
        <translation>not trusted</translation>
    </message>
    <message>
        <source>Inget brev är utfärdat för underskrift ännu.</source>
        <translation>No letter has been issued for signature yet.</translation>
    </message>
    <message>
        <source>Fördelningen har ändrats sedan brevet utfärdades {issued}: utfärda det på nytt innan någon skriver under.</source>
        <translation>The distribution has changed since the letter was issued {issued}: issue it again before anyone signs.</translation>
    </message>
    <message>
        <source>Utfärdat {issued} ({id}). Undertecknat av alla parter {signed}.</source>
        <translation>Issued {issued} ({id}). Signed by every party {signed}.</translation>
    </message>
    <message>
        <source>Utfärdat {issued} ({id}). Väntar på underskrifter.</source>
        <translation>Issued {issued} ({id}). Waiting for signatures.</translation>
    </message>
    <message>
        <source>Filen har inga digitala underskrifter.</source>
        <translation>The file has no digital signatures.</translation>
    </message>
    <message>
        <source>{field}: {signer} (utfärdat av {issuer}), {when} — {intact}, {trust}</source>
        <translation>{field}: {signer} (issued by {issuer}), {when} — {intact}, {trust}</translation>
    </message>
    <message>
        <source>oförändrad sedan underskriften</source>
        <translation>unchanged since signing</translation>
    </message>
    <message>
        <source>BRUTEN</source>
        <translation>BROKEN</translation>
    </message>
    <message>
        <source>betrott certifikat</source>
        <translation>trusted certificate</translation>
    </message>
    <message>
        <source>certifikatet är inte betrott</source>
        <translation>the certificate is not trusted</translation>
    </message>
    <message>
        <source>Sparar brevet med det som validerar varje underskrift och en tidsstämpel över allt (PAdES B-LTA), för kommunens arkiv.</source>
        <translation>Saves the letter with what validates each signature and a time stamp over it all (PAdES B-LTA), for the municipality&apos;s archive.</translation>
    </message>
    <message>
        <source>Ange en tidsstämpeltjänst under Arkiv → Inställningar för underskrifter.</source>
        <translation>Enter a time-stamp service under File → Signature settings.</translation>
    </message>
    <message>
        <source>Utfärdar brevet …</source>
        <translation>Issuing the letter …</translation>
    </message>
    <message>
        <source>Skriver under …</source>
        <translation>Signing …</translation>
    </message>
    <message>
        <source>Certifikatfil (.p12)…</source>
        <translation>Certificate file (.p12)…</translation>
    </message>
    <message>
        <source>Kort (PKCS#11)…</source>
        <translation>Card (PKCS#11)…</translation>
    </message>
    <message>
        <source>Underteckna med:</source>
        <translation>Sign with:</translation>
    </message>
    <message>
        <source>Välj certifikatfil</source>
        <translation>Choose certificate file</translation>
    </message>
    <message>
        <source>Certifikat med nyckel (*.p12 *.pfx);;Alla filer (*)</source>
        <translation>Certificate with key (*.p12 *.pfx);;All files (*)</translation>
    </message>
    <message>
        <source>Lösenord</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Lösenordet till {file}:</source>
        <translation>The password of {file}:</translation>
    </message>
    <message>
        <source>Kortprogrammets PKCS#11-modul</source>
        <translation>The card software&apos;s PKCS#11 module</translation>
    </message>
    <message>
        <source>PKCS#11-modul (*.so *.dll *.dylib);;Alla filer (*)</source>
        <translation>PKCS#11 module (*.so *.dll *.dylib);;All files (*)</translation>
    </message>
    <message>
        <source>Kortläsare</source>
        <translation>Card reader</translation>
    </message>
    <message>
        <source>Läsarens plats (slot):</source>
        <translation>The reader&apos;s slot:</translation>
    </message>
    <message>
        <source>PIN-kod</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Kortets PIN-kod:</source>
        <translation>The card&apos;s PIN:</translation>
    </message>
    <message>
        <source>Sparar underskriften …</source>
        <translation>Saving the signature …</translation>
    </message>
    <message>
        <source>för underskrift</source>
        <translation>for signature</translation>
    </message>
    <message>
        <source>Läs in signerat dokument</source>
        <translation>Read signed document</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Signera</source>
        <translation>Sign</translation>
    </message>
    <message>
        <source>Underskrifter – {title}</source>
        <translation>Signatures – {title}</translation>
    </message>
    <message>
        <source>Signera…</source>
        <translation>Sign…</translation>
    </message>
    <message>
        <source>Utfärdat {issued} ({id}). Undertecknat {signed}; {parties} kan ännu skriva under.</source>
        <translation>Issued {issued} ({id}). Signed {signed}; {parties} may still sign.</translation>
    </message>
    <message>
        <source>Utfärda nytt brev…</source>
        <translation>Issue a new letter…</translation>
    </message>
    <message>
        <source>Utfärda nytt brev</source>
        <translation>Issue a new letter</translation>
    </message>
    <message>
        <source>Ett nytt brev skrivs med det som gäller i dag och utfärdas för underskrift. Det tidigare brevet och dess underskrifter finns kvar oförändrade. Fortsätta?</source>
        <translation>A new letter is written with what applies today and issued for signature. The earlier letter and its signatures remain unchanged. Continue?</translation>
    </message>
    <message>
        <source>utfärdad</source>
        <translation>issued</translation>
    </message>
    <message>
        <source>Spara arkivexemplar</source>
        <translation>Save archive copy</translation>
    </message>
    <message>
        <source>arkivexemplar</source>
        <translation>archive copy</translation>
    </message>
    <message>
        <source>Hämtar tidsstämpel från {service} …</source>
        <translation>Fetching a time stamp from {service} …</translation>
    </message>
    <message>
        <source>Arkivexemplar</source>
        <translation>Archive copy</translation>
    </message>
    <message>
        <source>Vem skriver under?</source>
        <translation>Who signs?</translation>
    </message>
    <message>
        <source>Okänt underskriftsfält</source>
        <translation>Unknown signature field</translation>
    </message>
    <message>
        <source>Portalen skrev under i fältet {field}. Vem skrev under där?</source>
        <translation>The portal signed in the field {field}. Who signed there?</translation>
    </message>
    <message>
        <source>Spara fil</source>
        <translation>Save file</translation>
    </message>
    <message>
        <source>Underskrifter</source>
        <translation>Signatures</translation>
    </message>
</context>
<context>
    <name>SigningSettingsDialog</name>
    <message>
        <source>Inställningar för underskrifter</source>
        <translation>Signature settings</translation>
    </message>
    <message>
        <source>Med en tidsstämpeltjänst (RFC 3161) får varje underskrift en tidsstämpel (PAdES B-T), och ett arkivexemplar (PAdES B-LTA) kan göras. De betrodda rotcertifikaten avgör vilka underskrifter som visas som betrodda. Kortet (t.ex. SITHS) nås genom kortprogrammets PKCS#11-modul.</source>
        <translation>With a time-stamp service (RFC 3161) every signature gets a time stamp (PAdES B-T), and an archive copy (PAdES B-LTA) can be made. The trusted root certificates decide which signatures are shown as trusted. The card (e.g. SITHS) is reached through the card software&apos;s PKCS#11 module.</translation>
    </message>
    <message>
        <source>t.ex. https://tidsstampel.example.se/tsa</source>
        <translation>e.g. https://timestamp.example.se/tsa</translation>
    </message>
    <message>
        <source>Lägg till…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>Ta bort</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>t.ex. /usr/lib/x86_64-linux-gnu/…/libpkcs11.so</source>
        <translation>e.g. /usr/lib/x86_64-linux-gnu/…/libpkcs11.so</translation>
    </message>
    <message>
        <source>Välj…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Tidsstämpeltjänst</source>
        <translation>Time-stamp service</translation>
    </message>
    <message>
        <source>Betrodda rotcertifikat</source>
        <translation>Trusted root certificates</translation>
    </message>
    <message>
        <source>Kortets PKCS#11-modul</source>
        <translation>Card&apos;s PKCS#11 module</translation>
    </message>
    <message>
        <source>Kortläsarens plats (slot)</source>
        <translation>Card reader slot</translation>
    </message>
    <message>
        <source>Betrott rotcertifikat</source>
        <translation>Trusted root certificate</translation>
    </message>
    <message>
        <source>Certifikat (*.pem *.crt *.cer *.der);;Alla filer (*)</source>
        <translation>Certificates (*.pem *.crt *.cer *.der);;All files (*)</translation>
    </message>
    <message>
        <source>Kortprogrammets PKCS#11-modul</source>
        <translation>The card software&apos;s PKCS#11 module</translation>
    </message>
    <message>
        <source>PKCS#11-modul (*.so *.dll *.dylib);;Alla filer (*)</source>
        <translation>PKCS#11 module (*.so *.dll *.dylib);;All files (*)</translation>
    </message>
    <message>
        <source>Ange tjänstens adress, som börjar med https:// eller http://.</source>
        <translation>Enter the service&apos;s address, starting with https:// or http://.</translation>
    </message>
    <message>
        <source>{file} kan inte läsas som certifikat: {why}</source>
        <translation>{file} cannot be read as a certificate: {why}</translation>
    </message>
    <message>
        <source>Filen finns inte.</source>
        <translation>The file does not exist.</translation>
    </message>
</context>
<context>
    <name>SubdelegationDialog</name>
    <message>
        <source>Vidaredelegera</source>
        <translation>Subdelegate</translation>
    </message>
    <message>
        <source>Punkt {number}: {matter}. Den som har fått rätten kan föra den vidare till en annan anställds befattning, om nämnden tillåtit det; besluten anmäls då till den som vidaredelegerade (DEL-10).</source>
        <translation>Item {number}: {matter}. Whoever holds the right may pass it on to another employee&apos;s position, if the board allowed it; the decisions are then reported to the one who passed it on (DEL-10).</translation>
    </message>
    <message>
        <source>Från</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Gäller fr.o.m.</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <source>Upphör fr.o.m.</source>
        <translation>Ends from</translation>
    </message>
    <message>
        <source>DATA-1: Vidaredelegationen måste upphöra efter att den börjat.</source>
        <translation>DATA-1: The subdelegation must end after it starts.</translation>
    </message>
    <message>
        <source>Ingen har rätten i dag; den kan inte vidaredelegeras.</source>
        <translation>Nobody holds the right today; it cannot be subdelegated.</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Sammanfattning</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Kontrollera fördelningen. Färdig sparar den som utkast.</source>
        <translation>Check the distribution. Finish saves it as a draft.</translation>
    </message>
    <message>
        <source>Givare</source>
        <translation>Giver</translation>
    </message>
    <message>
        <source>Mottagare</source>
        <translation>Receiver</translation>
    </message>
    <message>
        <source>Enheter</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>Uppgifter ({count})</source>
        <translation>Tasks ({count})</translation>
    </message>
    <message>
        <source>Mottagarens bekräftelse</source>
        <translation>Receiver&apos;s confirmation</translation>
    </message>
    <message>
        <source>{confirmed} av {count} uppgifter helt bekräftade (AM-6)</source>
        <translation>{confirmed} of {count} tasks fully confirmed (AM-6)</translation>
    </message>
    <message>
        <source>Får fördelas vidare</source>
        <translation>May be passed on</translation>
    </message>
    <message>
        <source>Ja</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Nej</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Gäller fr.o.m.</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <source>Upphör fr.o.m.</source>
        <translation>Ends from</translation>
    </message>
    <message>
        <source>tills vidare</source>
        <translation>until further notice</translation>
    </message>
    <message>
        <source>Vid frånvaro</source>
        <translation>During absence</translation>
    </message>
    <message>
        <source>Stannar hos givaren</source>
        <translation>Stays with the giver</translation>
    </message>
    <message>
        <source>Kommunstyrelsens beslut</source>
        <translation>Executive board decision</translation>
    </message>
    <message>
        <source>&lt;b&gt;Färdig&lt;/b&gt; sparar fördelningen som ett &lt;b&gt;utkast&lt;/b&gt;. Den gäller först när den är undertecknad av er båda (AM-2) och du har gått igenom den muntligen med mottagaren (AM-3). Brevet för underskrift skriver du ut från Arbetsmiljö-vyn.</source>
        <translation>&lt;b&gt;Finish&lt;/b&gt; saves the distribution as a &lt;b&gt;draft&lt;/b&gt;. It is in force only once you have both signed it (AM-2) and you have gone through it orally with the receiver (AM-3). You print the letter for signature from the Work environment view.</translation>
    </message>
</context>
<context>
    <name>TaskCatalogueDialog</name>
    <message>
        <source>Uppgiftskatalog – arbetsmiljöuppgifter</source>
        <translation>Task catalogue – work-environment tasks</translation>
    </message>
    <message>
        <source>Används (kan fördelas)</source>
        <translation>In use (can be distributed)</translation>
    </message>
    <message>
        <source>Kod</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Beskrivning</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Ny uppgift</source>
        <translation>New task</translation>
    </message>
    <message>
        <source>Spara</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Uppgifterna som chefer fördelar. En uppgift som inte längre används finns kvar i gamla fördelningar men kan inte fördelas på nytt.</source>
        <translation>The tasks that managers distribute. A task that is no longer in use remains in old distributions but cannot be distributed again.</translation>
    </message>
    <message>
        <source>{name} (används inte)</source>
        <translation>{name} (not in use)</translation>
    </message>
    <message>
        <source>Ny arbetsmiljöuppgift</source>
        <translation>New work-environment task</translation>
    </message>
    <message>
        <source>Ändra arbetsmiljöuppgift</source>
        <translation>Edit work-environment task</translation>
    </message>
</context>
<context>
    <name>TermsPage</name>
    <message>
        <source>Villkor (AM-7)</source>
        <translation>Terms (AM-7)</translation>
    </message>
    <message>
        <source>Ange vad som gäller när mottagaren är frånvarande och vilka uppgifter som stannar hos dig; båda behövs för att den ska kunna undertecknas. Fördelningen sparas som utkast; den gäller när den är undertecknad (AM-2) och muntligen kommunicerad av dig personligen (AM-3).</source>
        <translation>State what applies when the receiver is absent and which tasks stay with you; both are needed before it can be signed. The distribution is saved as a draft; it is in force once it is signed (AM-2) and communicated orally by you in person (AM-3).</translation>
    </message>
    <message>
        <source>T.ex.: Vid frånvaro längre än två veckor återgår uppgifterna till mig.</source>
        <translation>E.g.: During an absence of more than two weeks, the tasks go back to me.</translation>
    </message>
    <message>
        <source>T.ex.: Rehabilitering och arbetsanpassning stannar hos mig.</source>
        <translation>E.g.: Rehabilitation and work adjustments stay with me.</translation>
    </message>
    <message>
        <source>T.ex. § 112</source>
        <translation>E.g. § 112</translation>
    </message>
    <message>
        <source>Upphör fr.o.m.</source>
        <translation>Ends from</translation>
    </message>
    <message>
        <source>Vid frånvaro</source>
        <translation>During absence</translation>
    </message>
    <message>
        <source>Stannar hos givaren</source>
        <translation>Stays with the giver</translation>
    </message>
    <message>
        <source>Kommunstyrelsens beslut</source>
        <translation>Executive board&apos;s decision</translation>
    </message>
    <message>
        <source>Paragraf</source>
        <translation>Paragraph</translation>
    </message>
</context>
<context>
    <name>UnitForm</name>
    <message>
        <source>Rättelse: det gamla var fel från början</source>
        <translation>Correction: the old one was wrong from the start</translation>
    </message>
    <message>
        <source>Ändrar namnet eller koden för hela den period som visas, utan att dela historiken; tidigare namn finns kvar.</source>
        <translation>Changes the name or code for the whole period shown, without splitting the history; earlier names remain.</translation>
    </message>
    <message>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kod (ansvar)</source>
        <translation>Code (cost centre)</translation>
    </message>
    <message>
        <source>Nytt namn/kod gäller fr.o.m.</source>
        <translation>New name/code applies from</translation>
    </message>
    <message>
        <source>Produktionsområde</source>
        <translation>Production area</translation>
    </message>
    <message>
        <source>Antal platser</source>
        <translation>Number of seats</translation>
    </message>
    <message>
        <source>Reglemente</source>
        <translation>Charter</translation>
    </message>
    <message>
        <source>Gäller fr.o.m.</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <source>Upphör fr.o.m.</source>
        <translation>Ends from</translation>
    </message>
    <message>
        <source>Spara ändringar</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <source>Återställ</source>
        <translation>Revert</translation>
    </message>
    <message>
        <source>Tillsätt…</source>
        <translation>Appoint…</translation>
    </message>
    <message>
        <source>{kind} · kod {code} · under {parent}</source>
        <translation>{kind} · code {code} · under {parent}</translation>
    </message>
    <message>
        <source>(högst upp)</source>
        <translation>(top level)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ansvarig {on}:&lt;/b&gt; vakant</source>
        <translation>&lt;b&gt;Responsible on {on}:&lt;/b&gt; vacant</translation>
    </message>
    <message>
        <source>t.f. </source>
        <translation>acting </translation>
    </message>
    <message>
        <source>&lt;b&gt;Ansvarig {on}:&lt;/b&gt; {name}, {acting}{role}</source>
        <translation>&lt;b&gt;Responsible on {on}:&lt;/b&gt; {name}, {acting}{role}</translation>
    </message>
    <message>
        <source>från start</source>
        <translation>from the start</translation>
    </message>
    <message>
        <source>t.o.m. {day}</source>
        <translation>to {day}</translation>
    </message>
    <message>
        <source>och framåt</source>
        <translation>onwards</translation>
    </message>
    <message>
        <source>högst upp</source>
        <translation>top level</translation>
    </message>
    <message>
        <source>{start} {end}: {name} ({code}), under {place}</source>
        <translation>{start} {end}: {name} ({code}), under {place}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Historik:&lt;/b&gt;</source>
        <translation>&lt;b&gt;History:&lt;/b&gt;</translation>
    </message>
    <message>
        <source>DATA-2: Ange ett namn.</source>
        <translation>DATA-2: Enter a name.</translation>
    </message>
    <message>
        <source>DATA-2: Ange en kod (ansvar).</source>
        <translation>DATA-2: Enter a code (cost centre).</translation>
    </message>
    <message>
        <source>DATA-1: Slutdatum måste ligga efter startdatum.</source>
        <translation>DATA-1: The end date must be after the start date.</translation>
    </message>
</context>
<context>
    <name>WorkActions</name>
    <message>
        <source>Ny fördelning</source>
        <translation>New distribution</translation>
    </message>
    <message>
        <source>Undertecknad</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>Datum då givaren och mottagaren skrev under fördelningen (AM-2). För kommunstyrelsen skriver ordföranden under. Mottagarens bekräftelser måste vara ifyllda (AM-6).</source>
        <translation>The date on which the giver and the receiver signed the distribution (AM-2). For the executive board (KS), the chair signs. The receiver&apos;s confirmations must be filled in (AM-6).</translation>
    </message>
    <message>
        <source>Muntligen kommunicerad</source>
        <translation>Communicated orally</translation>
    </message>
    <message>
        <source>Datum då givaren personligen gick igenom fördelningen muntligen med mottagaren (AM-3). Fördelningen gäller när den också är undertecknad.</source>
        <translation>The date on which the giver personally went through the distribution orally with the receiver (AM-3). The distribution is in force once it is also signed.</translation>
    </message>
    <message>
        <source>Kommunicerad</source>
        <translation>Communicated</translation>
    </message>
    <message>
        <source>Uppföljning</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Datum för årets uppföljning av fördelningen (AM-8).</source>
        <translation>The date of this year&apos;s follow-up of the distribution (AM-8).</translation>
    </message>
    <message>
        <source>Följdes upp</source>
        <translation>Followed up</translation>
    </message>
    <message>
        <source>Avsluta fördelning</source>
        <translation>End distribution</translation>
    </message>
    <message>
        <source>Fördelningen upphör från och med datumet. Uppgifterna går tillbaka till givaren.</source>
        <translation>The distribution ends from the date below. The tasks go back to the giver.</translation>
    </message>
    <message>
        <source>Upphör fr.o.m.</source>
        <translation>Ends from</translation>
    </message>
    <message>
        <source>Ta bort utkast</source>
        <translation>Delete draft</translation>
    </message>
    <message>
        <source>Återför uppgifter</source>
        <translation>Return tasks</translation>
    </message>
    <message>
        <source>Fördelning av arbetsmiljöuppgifter {id}</source>
        <translation>Distribution of work-environment tasks {id}</translation>
    </message>
    <message>
        <source>Fördelning av arbetsmiljöuppgifter</source>
        <translation>Distribution of work environment tasks</translation>
    </message>
    <message>
        <source>Återföring av arbetsmiljöuppgifter {id}</source>
        <translation>Return of work-environment tasks {id}</translation>
    </message>
    <message>
        <source>Återföring av arbetsmiljöuppgifter</source>
        <translation>Return of work environment tasks</translation>
    </message>
    <message>
        <source>Spara registret</source>
        <translation>Save the register</translation>
    </message>
    <message>
        <source>Arbetsmiljöfördelningar</source>
        <translation>Work environment distributions</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Skriver {name} …</source>
        <translation>Writing {name} …</translation>
    </message>
    <message>
        <source>Registret kunde inte sparas</source>
        <translation>The register could not be saved</translation>
    </message>
</context>
<context>
    <name>WorkPanel</name>
    <message>
        <source>Ny fördelning…</source>
        <translation>New distribution…</translation>
    </message>
    <message>
        <source>Undertecknad…</source>
        <translation>Signed…</translation>
    </message>
    <message>
        <source>Muntligen kommunicerad…</source>
        <translation>Communicated orally…</translation>
    </message>
    <message>
        <source>Återför uppgifter…</source>
        <translation>Return tasks…</translation>
    </message>
    <message>
        <source>Följ upp…</source>
        <translation>Follow up…</translation>
    </message>
    <message>
        <source>Avsluta…</source>
        <translation>End…</translation>
    </message>
    <message>
        <source>Ta bort utkast</source>
        <translation>Delete draft</translation>
    </message>
    <message>
        <source>Brev (PDF)…</source>
        <translation>Letter (PDF)…</translation>
    </message>
    <message>
        <source>Återföringsbrev…</source>
        <translation>Return letter…</translation>
    </message>
    <message>
        <source>Fördelningsbrevet</source>
        <translation>The distribution letter</translation>
    </message>
    <message>
        <source>Återföringen {day}</source>
        <translation>The return of {day}</translation>
    </message>
    <message>
        <source>Register (Excel)…</source>
        <translation>Register (Excel)…</translation>
    </message>
    <message>
        <source>Underskrifter…</source>
        <translation>Signatures…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Fördelningar&lt;/b&gt;</source>
        <translation>&lt;b&gt;Distributions&lt;/b&gt;</translation>
    </message>
</context>
</TS>
