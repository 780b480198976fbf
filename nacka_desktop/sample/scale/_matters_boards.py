"""Each board's own matters, by the domain of the board (see `_matters` for the notation)."""

from __future__ import annotations

from nacka_desktop.sample.scale._matters import BOARD_LAW, MUNICIPALITY_LAW, ROLE_LAW, Tpl

_SL = "Skollagen"
_RECTOR = "Rektors egen beslutanderätt enligt skollagen; ingen delegering från nämnden."
_FREE = ("fristående förskola", "fristående fritidshem", "pedagogisk omsorg")
_SCHOOL_FORMS = ("förskola", "grundskola", "fritidshem", "gymnasieskola", "anpassad grundskola")
_INSATS = "Biståndsbeslut enligt socialtjänstlagen."


def _rector(matter: str, lagrum: str, report: bool = False) -> Tpl:
    return Tpl(
        "Elevärenden",
        matter,
        "REKTOR",
        f"{_SL} {lagrum}",
        basis=ROLE_LAW,
        report=report,
        notes=_RECTOR,
    )


_SKOLA: tuple[Tpl, ...] = (
    Tpl(
        "Skolskjuts och elevresor",
        "Skolskjuts i {s}",
        "T:Skolhandläggare",
        f"{_SL} 10 kap 32 §",
        variants=("grundskola", "anpassad grundskola"),
        sub="EC@",
        basis=MUNICIPALITY_LAW,
    ),
    Tpl(
        "Skolskjuts och elevresor",
        "Skolskjuts vid växelvis boende",
        "T:Skolhandläggare",
        f"{_SL} 10 kap 32 §",
        sub="EC@",
        basis=MUNICIPALITY_LAW,
        report=False,
        notes="Anmäls inte. Avslag prövas genom förvaltningsbesvär enligt skollagen.",
    ),
    Tpl(
        "Skolskjuts och elevresor",
        "Skolskjuts vid val av annan skolenhet",
        "T:Skolhandläggare",
        f"{_SL} 10 kap 33 §",
        basis=MUNICIPALITY_LAW,
    ),
    Tpl("Skolskjuts och elevresor", "Elevresor för gymnasieelever", "T:Skolhandläggare"),
    Tpl(
        "Skolskjuts och elevresor",
        "Inackorderingstillägg för gymnasieelever",
        "T:Skolhandläggare",
        f"{_SL} 15 kap 32 §",
    ),
    Tpl("Mottagande och placering", "Placering vid skolenhet", "EC@", f"{_SL} 10 kap 30 §"),
    Tpl(
        "Mottagande och placering",
        "Mottagande i anpassade grundskolan",
        "EC@",
        f"{_SL} 7 kap 5 §",
    ),
    Tpl("Mottagande och placering", "Uppskjuten skolplikt", "EC@", f"{_SL} 7 kap 10 §"),
    Tpl(
        "Mottagande och placering",
        "Mottagande av elev från annan kommun i {s}",
        "EC@",
        f"{_SL} 10 kap 25 §",
        variants=("grundskola", "gymnasieskola"),
    ),
    Tpl(
        "Mottagande och placering",
        "Plats i förskola",
        "T:Utbildningsutredare",
        f"{_SL} 8 kap 14 §",
        sub="EC@",
    ),
    Tpl(
        "Mottagande och placering",
        "Skolpliktsbevakning och föreläggande att fullgöra skolplikt",
        "EC@",
        f"{_SL} 7 kap 22–23 §§",
    ),
    _rector("Skolenhetens inre organisation", "2 kap 10 §"),
    _rector("Åtgärdsprogram för elev i behov av särskilt stöd", "3 kap 9 §"),
    _rector("Särskild undervisningsgrupp och enskild undervisning", "3 kap 11 §"),
    _rector("Anpassad studiegång", "3 kap 12 §"),
    _rector("Ledighet för elev", "7 kap 18 §"),
    _rector("Avstängning av elev", "5 kap 14 §", report=True),
    Tpl(
        "Ekonomi och tillsyn",
        "Tilläggsbelopp för elever med omfattande behov av särskilt stöd i {s}",
        "T:Utbildningsutredare",
        f"{_SL} 10 kap 39 §",
        variants=_SCHOOL_FORMS,
        more=(("Över 300 000 kr per elev och år", "DIR"),),
        sub="EC@",
    ),
    Tpl(
        "Ekonomi och tillsyn",
        "Bidrag till fristående huvudman för {s}",
        "T:Kundvalshandläggare",
        f"{_SL} 8 kap 21 §",
        variants=_SCHOOL_FORMS,
        sub="EC@",
    ),
    Tpl(
        "Ekonomi och tillsyn",
        "Interkommunal ersättning för elever i {s}",
        "T:Kundvalshandläggare",
        f"{_SL} 10 kap 34 §",
        variants=_SCHOOL_FORMS,
    ),
    Tpl(
        "Ekonomi och tillsyn",
        "Godkännande av enskild som huvudman för {s}",
        "EC@",
        f"{_SL} 2 kap 5 §",
        variants=_FREE,
        sub="DIR",
    ),
    Tpl(
        "Ekonomi och tillsyn",
        "Föreläggande vid tillsyn över {s}",
        "DIR",
        f"{_SL} 26 kap 10 §",
        variants=_FREE,
    ),
    Tpl(
        "Ekonomi och tillsyn",
        "Anmärkning vid tillsyn över {s}",
        "EC@",
        f"{_SL} 26 kap 11 §",
        variants=_FREE,
    ),
)

_SOCIAL: tuple[Tpl, ...] = (
    Tpl(
        "Bistånd enligt socialtjänstlagen",
        "Bistånd i form av {s}",
        "T:Socialsekreterare",
        "SoL 4 kap 1 §",
        variants=(
            "kontaktperson",
            "kontaktfamilj",
            "öppenvårdsinsats för barn och unga",
            "stödboende för vuxna",
            "behandling i öppenvård vid missbruk",
            "boende för hemlösa",
            "stöd till våldsutsatta",
        ),
        more=(("Insats som kostar mer än 20 000 kr per månad", "EC@"),),
        basis=BOARD_LAW,
        notes=_INSATS,
    ),
    Tpl(
        "Ekonomiskt bistånd",
        "Ekonomiskt bistånd till försörjning",
        "T:Socialsekreterare",
        "SoL 4 kap 1 §",
        "Upp till riksnormen",
        more=(("Över riksnormen", "EC@"),),
        basis=BOARD_LAW,
    ),
    Tpl(
        "Ekonomiskt bistånd",
        "Ekonomiskt bistånd till livsföring i övrigt för {s}",
        "T:Socialsekreterare",
        "SoL 4 kap 1 §",
        "Upp till ett halvt prisbasbelopp",
        more=(("Över ett halvt prisbasbelopp", "EC@"),),
        variants=(
            "tandvård",
            "glasögon",
            "hemutrustning",
            "flyttkostnader",
            "begravningskostnader",
            "läkarvård och medicin",
        ),
        basis=BOARD_LAW,
    ),
    Tpl(
        "Ekonomiskt bistånd",
        "Återkrav av ekonomiskt bistånd",
        "T:Socialsekreterare",
        "SoL 9 kap 1 §",
        sub="EC@",
        basis=BOARD_LAW,
    ),
    Tpl(
        "Barn och unga",
        "Inleda utredning om barns behov av skydd eller stöd",
        "T:Socialsekreterare",
        "SoL 11 kap 1 §",
        basis=BOARD_LAW,
        report=False,
    ),
    Tpl(
        "Barn och unga",
        "Avsluta utredning utan insats",
        "T:Socialsekreterare",
        "SoL 11 kap 1 §",
        basis=BOARD_LAW,
        report=False,
    ),
    Tpl(
        "Barn och unga",
        "Placering av barn och unga i {s}",
        "EC@",
        "SoL 6 kap 1 §",
        variants=("familjehem", "jourhem", "hem för vård eller boende", "stödboende"),
        basis=BOARD_LAW,
    ),
    Tpl(
        "Barn och unga",
        "Medgivande att ta emot barn i familjehem",
        "EC@",
        "SoL 6 kap 6 §",
        basis=BOARD_LAW,
    ),
    Tpl(
        "Barn och unga",
        "Ersättning till familjehem och kontaktfamilj",
        "EC@",
        "SoL 6 kap",
        "Enligt SKR:s riktlinjer",
        basis=BOARD_LAW,
    ),
    Tpl(
        "Familjerätt",
        "Godkännande av avtal om {s}",
        "T:Familjerättssekreterare",
        "FB 6 kap 6 §",
        variants=("vårdnad", "boende", "umgänge"),
        basis=BOARD_LAW,
    ),
    Tpl(
        "Familjerätt",
        "Upplysningar till tingsrätt i mål om vårdnad, boende och umgänge",
        "T:Familjerättssekreterare",
        "FB 6 kap 19 §",
        basis=BOARD_LAW,
    ),
    Tpl(
        "Familjerätt",
        "Fastställande av faderskap och föräldraskap",
        "T:Familjerättssekreterare",
        "FB 1 kap",
        basis=BOARD_LAW,
    ),
    Tpl(
        "Övrigt",
        "Anmälan till överförmyndaren om behov av god man eller förvaltare",
        "T:Socialsekreterare",
        "SoL 5 kap 3 §",
        basis=BOARD_LAW,
    ),
)

_AGED: tuple[Tpl, ...] = (
    Tpl(
        "Bistånd till äldre",
        "Bistånd i form av {s} för äldre",
        "T:Biståndshandläggare",
        "SoL 4 kap 1 §",
        variants=(
            "hemtjänst",
            "särskilt boende",
            "korttidsvistelse",
            "trygghetslarm",
            "dagverksamhet",
            "matdistribution",
            "ledsagning",
            "avlösning i hemmet",
        ),
        more=(("Över 120 timmar hemtjänst per månad", "EC@"),),
        basis=BOARD_LAW,
        notes=_INSATS,
    ),
    Tpl(
        "Avgifter",
        "Avgift för {s}",
        "T:Avgiftshandläggare",
        "SoL 8 kap 2 §",
        variants=("hemtjänst", "särskilt boende", "trygghetslarm", "korttidsvistelse"),
        basis=BOARD_LAW,
        report=False,
    ),
    Tpl("Avgifter", "Nedsättning av avgift", "EC@", "SoL 8 kap 8 §", basis=BOARD_LAW),
    Tpl("Avgifter", "Jämkning av förbehållsbelopp", "EC@", "SoL 8 kap 7 §", basis=BOARD_LAW),
    Tpl(
        "Övrigt", "Färdtjänst och riksfärdtjänst", "T:Biståndshandläggare", "Lag om färdtjänst 6 §"
    ),
)

_LSS: tuple[Tpl, ...] = (
    Tpl(
        "Insatser enligt LSS",
        "Insats enligt LSS i form av {s}",
        "T:LSS-handläggare",
        "LSS 9 §",
        variants=(
            "personlig assistans",
            "ledsagarservice",
            "biträde av kontaktperson",
            "avlösarservice i hemmet",
            "korttidsvistelse utanför det egna hemmet",
            "korttidstillsyn för skolungdom",
            "boende i familjehem för barn och ungdomar",
            "bostad med särskild service för vuxna",
            "daglig verksamhet",
        ),
        more=(("Insats som kostar mer än 50 000 kr per månad", "EC@"),),
        basis=MUNICIPALITY_LAW,
    ),
    Tpl("Insatser enligt LSS", "Upprättande av individuell plan", "T:LSS-handläggare", "LSS 10 §"),
    Tpl("Insatser enligt LSS", "Återbetalning av ersättning enligt LSS", "EC@", "LSS 12 §"),
)

_BUILD: tuple[Tpl, ...] = (
    Tpl(
        "Bygglov",
        "Bygglov för {s}",
        "T:Bygglovshandläggare",
        "PBL 9 kap 2 §",
        variants=(
            "nybyggnad av en- och tvåbostadshus",
            "tillbyggnad av en- och tvåbostadshus",
            "komplementbyggnad",
            "ändrad användning",
            "fasadändring",
            "skylt och ljusanordning",
            "mur och plank",
            "parkeringsplats",
            "flerbostadshus",
            "verksamhetslokaler",
        ),
        more=(("Liten avvikelse från detaljplan", "EC@"),),
        basis=BOARD_LAW,
    ),
    Tpl(
        "Bygglov",
        "{s}",
        "T:Bygglovshandläggare",
        "PBL 9 kap",
        variants=(
            "Rivningslov",
            "Marklov",
            "Förhandsbesked",
            "Tidsbegränsat bygglov",
            "Avskrivning av ärende om lov",
        ),
        basis=BOARD_LAW,
    ),
    Tpl(
        "Byggskede",
        "{s}",
        "T:Byggnadsinspektör",
        "PBL 10 kap",
        variants=("Startbesked", "Slutbesked", "Interimistiskt slutbesked", "Tekniskt samråd"),
        basis=BOARD_LAW,
        report=False,
    ),
    Tpl(
        "Tillsyn",
        "Byggsanktionsavgift",
        "EC@",
        "PBL 11 kap 51 §",
        "Upp till 50 000 kr",
        more=(("Över 50 000 kr", "DIR"),),
        basis=BOARD_LAW,
    ),
    Tpl(
        "Tillsyn",
        "Föreläggande om åtgärd vid ovårdad tomt",
        "EC@",
        "PBL 11 kap 19 §",
        basis=BOARD_LAW,
    ),
    Tpl("Planering", "Planbesked", "EC@", "PBL 5 kap 2 §", basis=BOARD_LAW),
    Tpl(
        "Planering", "Samråd och granskning av detaljplan", "EC@", "PBL 5 kap 11 §", basis=BOARD_LAW
    ),
    Tpl("Planering", "Begäran om lantmäteriförrättning", "T:Lantmätare", "FBL 4 kap 8 §"),
    Tpl("Planering", "Yttrande i lantmäteriförrättning", "T:Lantmätare", "FBL 4 kap 25 §"),
)

_ENV: tuple[Tpl, ...] = (
    Tpl(
        "Miljötillsyn",
        "Föreläggande och förbud enligt miljöbalken vid {s}",
        "T:Miljöinspektör",
        "MB 26 kap 9 §",
        variants=(
            "miljöfarlig verksamhet",
            "avloppsanläggningar",
            "förorenade områden",
            "kemiska produkter",
            "buller",
            "avfallshantering",
        ),
        more=(("Förenat med vite", "EC@"),),
        basis=BOARD_LAW,
    ),
    Tpl(
        "Miljötillsyn",
        "Tillstånd för enskild avloppsanläggning",
        "T:Miljöinspektör",
        "FMH 13 §",
        basis=BOARD_LAW,
    ),
    Tpl(
        "Miljötillsyn",
        "Miljösanktionsavgift",
        "EC@",
        "MB 30 kap",
        "Upp till 50 000 kr",
        more=(("Över 50 000 kr", "DIR"),),
        basis=BOARD_LAW,
    ),
    Tpl(
        "Miljötillsyn",
        "Strandskyddsdispens",
        "T:Miljöinspektör",
        "MB 7 kap 18 b §",
        basis=BOARD_LAW,
    ),
    Tpl(
        "Livsmedel",
        "Registrering av livsmedelsanläggning",
        "T:Livsmedelsinspektör",
        "Livsmedelslagen 11 §",
        basis=BOARD_LAW,
        report=False,
    ),
    Tpl(
        "Livsmedel",
        "Avgift för offentlig kontroll av livsmedel",
        "T:Livsmedelsinspektör",
        "Förordning (2021:176)",
        basis=BOARD_LAW,
        report=False,
    ),
    Tpl(
        "Livsmedel",
        "Föreläggande och förbud enligt livsmedelslagen",
        "T:Livsmedelsinspektör",
        "Livsmedelslagen 22 §",
        basis=BOARD_LAW,
    ),
    Tpl(
        "Hälsoskydd",
        "Dispens från föreskrifter om hälsoskydd för {s}",
        "T:Hälsoskyddsinspektör",
        "FMH 39 §",
        variants=("djurhållning", "värmepumpar", "latrinkompost", "gödselhantering"),
        basis=BOARD_LAW,
    ),
)

_TRAFFIC: tuple[Tpl, ...] = (
    Tpl(
        "Trafik",
        "Lokala trafikföreskrifter om {s}",
        "T:Trafikingenjör",
        "TrF 10 kap 1 §",
        variants=(
            "hastighetsbegränsning",
            "parkeringsförbud",
            "förbud mot trafik med tung lastbil",
            "gågata och gångfartsområde",
            "laddplatser",
            "lastplatser",
            "cykelfält",
        ),
        basis=BOARD_LAW,
    ),
    Tpl(
        "Trafik",
        "Parkeringstillstånd för rörelsehindrade",
        "T:Parkeringshandläggare",
        "TrF 13 kap 8 §",
        basis=BOARD_LAW,
    ),
    Tpl("Trafik", "Dispens från trafikföreskrifter", "T:Trafikingenjör", "TrF 13 kap 3 §"),
    Tpl("Trafik", "Flyttning av fordon", "T:Parkeringshandläggare", "LFF 2 §", report=False),
    Tpl(
        "Gator och parker",
        "Tillstånd för grävning i allmän mark",
        "T:Trafikingenjör",
        report=False,
    ),
    Tpl(
        "Gator och parker",
        "Yttrande till polisen om upplåtelse av offentlig plats",
        "T:Trafikingenjör",
        "OL 3 kap 2 §",
    ),
    Tpl("Gator och parker", "Trädfällning på allmän platsmark", "T:Parkingenjör", report=False),
    Tpl(
        "Avfall",
        "Dispens från föreskrifter om {s}",
        "T:Avfallsingenjör",
        "MB 15 kap",
        variants=("hämtningsintervall", "gemensam avfallsbehållare", "egen kompostering"),
    ),
)

_CULTURE: tuple[Tpl, ...] = (
    Tpl(
        "Föreningsstöd",
        "Bidrag till {s}",
        "T:Föreningshandläggare",
        limits="Upp till 50 000 kr",
        more=(("Över 50 000 kr och upp till 200 000 kr", "EC@"), ("Över 200 000 kr", "DIR")),
        variants=(
            "kulturföreningar",
            "studieförbund",
            "barn- och ungdomsföreningar",
            "kulturarrangemang",
            "lokalhållande föreningar",
            "pensionärsföreningar",
        ),
    ),
    Tpl("Kultur", "Inköp av konst", "T:Kulturstrateg", limits="Upp till 100 000 kr"),
    Tpl("Kultur", "Utdelning av kulturstipendium", "DIR"),
    Tpl("Kultur", "Gallring av bibliotekets medier", "T:Bibliotekarie", report=False),
    Tpl(
        "Lokaler",
        "Uthyrning av {s}",
        "T:Fritidskonsulent",
        variants=("samlingslokaler", "fritidsgårdar", "replokaler"),
        report=False,
    ),
)

_SPORT: tuple[Tpl, ...] = (
    Tpl(
        "Anläggningar",
        "Bokning och uthyrning av {s}",
        "T:Anläggningsansvarig",
        variants=("idrottshallar", "fotbollsplaner", "ishallar", "simhallar", "friidrottsarenor"),
        report=False,
    ),
    Tpl(
        "Föreningsstöd",
        "Bidrag till idrottsföreningar för {s}",
        "T:Föreningshandläggare",
        limits="Upp till 50 000 kr",
        more=(("Över 50 000 kr", "EC@"),),
        variants=("aktiviteter", "anläggningar", "läger", "tävlingar"),
    ),
)

_WORK: tuple[Tpl, ...] = (
    Tpl(
        "Vuxenutbildning",
        "Antagning till kommunal vuxenutbildning i {s}",
        "T:Antagningshandläggare",
        "SL 20 kap",
        variants=("svenska för invandrare", "grundläggande nivå", "gymnasial nivå"),
        basis=MUNICIPALITY_LAW,
    ),
    Tpl(
        "Vuxenutbildning",
        "Upphörande av utbildning i kommunal vuxenutbildning",
        "T:Studie- och yrkesvägledare",
        "SL 20 kap 9 §",
    ),
    Tpl(
        "Arbetsmarknad",
        "Deltagande i {s}",
        "T:Arbetsmarknadshandläggare",
        variants=(
            "arbetsträning",
            "praktik",
            "feriepraktik för ungdomar",
            "språkstöd på arbetsplats",
        ),
        report=False,
    ),
    Tpl("Arbetsmarknad", "Samverkansavtal med Arbetsförmedlingen", "DIR"),
)

_GUARDIANSHIP: tuple[Tpl, ...] = (
    Tpl(
        "Ställföreträdarskap",
        "Arvode till {s}",
        "T:Överförmyndarhandläggare",
        "FB 12 kap 16 §",
        variants=("god man", "förvaltare", "god man för ensamkommande barn"),
        basis=BOARD_LAW,
    ),
    Tpl(
        "Ställföreträdarskap",
        "Samtycke till uttag från spärrat konto",
        "T:Överförmyndarhandläggare",
        "FB 15 kap",
        basis=BOARD_LAW,
    ),
    Tpl(
        "Ställföreträdarskap",
        "Granskning av årsräkning och sluträkning",
        "T:Överförmyndarhandläggare",
        "FB 16 kap",
        basis=BOARD_LAW,
        report=False,
    ),
    Tpl(
        "Ställföreträdarskap",
        "Tillstånd till försäljning av fast egendom för huvudman",
        "EC@",
        "FB 14 kap 11 §",
        basis=BOARD_LAW,
    ),
)

_ELECTION: tuple[Tpl, ...] = (
    Tpl("Val", "Förordnande av röstmottagare", "T:Valhandläggare", "Vallagen 3 kap 5 §"),
    Tpl("Val", "Lokaler för förtidsröstning", "EC@", "Vallagen 4 kap 20 §"),
    Tpl(
        "Val",
        "Ersättning till röstmottagare",
        "T:Valhandläggare",
        limits="Enligt fastställda belopp",
    ),
)

_PROPERTY: tuple[Tpl, ...] = (
    Tpl(
        "Lokaler",
        "Inhyrning av lokaler",
        "EC@",
        limits="Upp till tre år",
        more=(("Över tre år och upp till tio år", "DIR"),),
    ),
    Tpl("Lokaler", "Uthyrning av kommunens lokaler och bostäder", "T:Lokalstrateg", report=False),
    Tpl("Lokaler", "Arrendeavtal", "T:Fastighetsförvaltare", limits="Upp till fem år"),
    Tpl(
        "Underhåll",
        "Underhållsåtgärder i {s}",
        "T:Fastighetsförvaltare",
        limits="Upp till 1 mnkr",
        more=(("Över 1 mnkr och upp till 10 mnkr", "EC@"),),
        variants=("skolor", "förskolor", "äldreboenden", "idrottsanläggningar", "kontorslokaler"),
    ),
)

_LAND: tuple[Tpl, ...] = (
    Tpl(
        "Mark",
        "Förvärv av mark",
        "EC@",
        limits="Upp till 5 mnkr",
        more=(("Över 5 mnkr och upp till 20 mnkr", "DIR"),),
    ),
    Tpl("Mark", "Upplåtelse av servitut och ledningsrätt", "T:Exploateringsingenjör"),
    Tpl("Mark", "Överenskommelse om fastighetsreglering", "EC@", "FBL 5 kap"),
    Tpl("Mark", "Markupplåtelse för tillfälliga arbeten", "T:Markingenjör", report=False),
)

_SERVICE: tuple[Tpl, ...] = (
    Tpl(
        "Intern service",
        "Tjänsteutbud och leveransvillkor för {s}",
        "EC@",
        variants=("måltider", "lokalvård", "transporter"),
    ),
    Tpl("Intern service", "Specialkost av medicinska skäl", "T:Kock", report=False),
)

_CRISIS: tuple[Tpl, ...] = (
    Tpl(
        "Extraordinära händelser",
        "Aktivering av krisledningsorganisationen",
        "DIR",
        "LEH 2 kap 2 §",
    ),
    Tpl("Extraordinära händelser", "Begäran om stöd från andra kommuner", "DIR", "LEH 2 kap 5 §"),
    Tpl(
        "Extraordinära händelser",
        "Inköp av förnödenheter vid extraordinär händelse",
        "T:Säkerhetssamordnare",
        limits="Upp till 500 000 kr",
        more=(("Över 500 000 kr", "DIR"),),
    ),
)

DOMAIN_MATTERS: dict[str, tuple[Tpl, ...]] = {
    "skola": _SKOLA,
    "forskola": tuple(t for t in _SKOLA if "förskola" in t.matter or t.variants == _FREE),
    "gymnasium": (*_WORK[:2], *_SKOLA[3:5]),
    "social": _SOCIAL,
    "aldre": _AGED,
    "funktionsstod": _LSS,
    "bygg": (*_BUILD, *_ENV[:4]),
    "miljo": _ENV,
    "trafik": _TRAFFIC,
    "kultur": _CULTURE,
    "idrott": _SPORT,
    "arbete": _WORK,
    "overformyndare": _GUARDIANSHIP,
    "val": _ELECTION,
    "fastighet": _PROPERTY,
    "exploatering": _LAND,
    "service": _SERVICE,
    "kris": _CRISIS,
    "stadsdel": (*_SOCIAL[:4], *_AGED[:2], *_CULTURE[:1]),
}
