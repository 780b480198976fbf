"""The matters of the boards' delegationsordningar, as templates.

A template names its delegate symbolically, resolved against the organisation when the order
is built (`_delegation.Resolver`):

- ``CHAIR``, ``VICE_CHAIR``, ``MEMBER``: the board's ordförande, vice ordförande (a ledamot
  the board named: urgent matters, DEL-9), any ledamot;
- ``KSAU``, ``KSVU``, ``KSSU``: one of KS's utskott;
- ``CD``: the stadsdirektör; ``DIR``: the board's förvaltningschef (the director of the area
  serving it; for KS the stadsdirektör); ``DIR:key``: the director of that area;
- ``EC``, ``REKTOR``, ``FSC``, ``VC``, ``PD``, ``BEC``, ``BR``, ``GC``: a manager role in the
  whole organisation; ``EC@`` an enhetschef within the board's area, ``EC@key`` within that area;
- ``T:Title``: a titled position (kommunjurist …).

A template with ``{s}`` in its matter is written once per variant (text, or text and
delegate); ``more`` adds the same matter for larger limits, decided higher up. Matters are
written so that the decision kind recognised from the words (DOMAIN.md DEL-14) is one a
board may delegate (DEL-7) and, outside KS's order, no staff matter (DEL-6): the catalogue
test runs every text through `infer_decision_kind`.
"""

from __future__ import annotations

from dataclasses import dataclass

from nacka_desktop.domain.delegation.orders import LegalBasis

GC = LegalBasis.GENERAL_COMPETENCE
BOARD_LAW = LegalBasis.BOARD_BY_LAW
MUNICIPALITY_LAW = LegalBasis.MUNICIPALITY_BY_LAW
ROLE_LAW = LegalBasis.ROLE_BY_LAW


@dataclass(frozen=True)
class Tpl:
    section: str
    matter: str
    who: str
    lagrum: str = ""
    limits: str = ""
    more: tuple[tuple[str, str], ...] = ()  # (limits, who): the same matter, larger limits
    variants: tuple[str | tuple[str, str], ...] = ()  # "{s}" text, or (text, who)
    sub: str | None = None  # ersättare
    basis: LegalBasis = GC
    report: bool = True
    appealable: bool = False  # its decisions can be appealed by laglighetsprövning
    subdelegation: bool = False
    notes: str = ""


HR2 = "Behovet av anställningen prövas först av stadsdirektören och personaldirektören."
HR3 = "Beslutet föregås av samråd med den egna chefen."
URGENT_NOTE = "Ersättare är vice ordförande. Anmäls vid nästa sammanträde."
SALE_NOTE = (
    "Anmäls inte. Besluten kan laglighetsprövas och protokollförs därför särskilt (KL 6 kap. 40 §)."
)

_JUR = "Juridik"
_PUL = "Personuppgifter"
_HANDL = "Allmänna handlingar och arkiv"
_EKO = "Ekonomi"
_UPH = "Upphandling"

COMMON: tuple[Tpl, ...] = (
    Tpl(
        _JUR,
        "Beslut att inte lämna ut allmän handling eller att lämna ut den med förbehåll",
        "T:Kommunjurist",
        "TF 2 kap, OSL 6 kap 3 §",
    ),
    Tpl(
        _JUR,
        "Föra nämndens talan i mål och ärenden vid domstolar och myndigheter",
        "T:Kommunjurist",
        "KL 6 kap 15 §",
        sub="DIR",
    ),
    Tpl(_JUR, "Utfärda fullmakt att föra nämndens talan", "DIR", "KL 6 kap 15 §"),
    Tpl(
        _JUR,
        "Rättidsprövning och avvisning av skrivelse som kommit in för sent",
        "T:Kommunjurist",
        "FL 45 §",
    ),
    Tpl(_JUR, "Omprövning av beslut som fattats på delegation", "DIR", "FL 37–39 §§"),
    Tpl(_JUR, "Rättelse av skrivfel och liknande förbiseenden", "T:Kommunjurist", "FL 36 §"),
    Tpl(
        _JUR,
        "Beslut i skadeståndsärenden",
        "T:Kommunjurist",
        "SkL 3 kap 2 §",
        "Upp till 1 mnkr",
        more=(("Över 1 mnkr och upp till 5 mnkr", "DIR"),),
    ),
    Tpl(_JUR, "Polisanmälan av brott mot nämndens verksamhet", "DIR", report=False),
    Tpl(_PUL, "Personuppgiftsbiträdesavtal", "T:Kommunjurist", "GDPR art. 28"),
    Tpl(_PUL, "Begäran om registerutdrag", "T:Registrator", "GDPR art. 15", report=False),
    Tpl(_PUL, "Begäran om rättelse av personuppgifter", "T:Kommunjurist", "GDPR art. 16"),
    Tpl(_PUL, "Begäran om radering av personuppgifter", "T:Kommunjurist", "GDPR art. 17"),
    Tpl(
        _PUL,
        "Anmälan av personuppgiftsincident till Integritetsskyddsmyndigheten",
        "T:Kommunjurist",
        "GDPR art. 33",
    ),
    Tpl(_PUL, "Konsekvensbedömning avseende dataskydd", "DIR", "GDPR art. 35"),
    Tpl(
        _HANDL,
        "Undantag från registrering av handlingar av ringa betydelse",
        "T:Registrator",
        "OSL 5 kap 1 §",
        report=False,
    ),
    Tpl(
        _HANDL,
        "Avgift för kopior och utskrifter av allmänna handlingar",
        "T:Registrator",
        "TF 2 kap 16 §",
        "Enligt kommunfullmäktiges taxa",
        report=False,
    ),
    Tpl(
        _HANDL,
        "Gallring av handlingar av tillfällig betydelse",
        "T:Registrator",
        "Arkivlagen 10 §",
        report=False,
    ),
    Tpl(_HANDL, "Dokumenthanteringsplan för nämndens verksamhet", "DIR", "Arkivlagen 6 §"),
    Tpl(_HANDL, "Utlämnande av handlingar för forskningsändamål", "T:Kommunjurist", "OSL 10 kap"),
    Tpl(
        _EKO,
        "Attest av fakturor och utbetalningar",
        "EC",
        limits="Inom enhetens budget",
        report=False,
    ),
    Tpl(_EKO, "Utse beslutsattestanter och ersättare för nämndens verksamheter", "DIR"),
    Tpl(
        _EKO,
        "Försäljning av inventarier och annan lös egendom",
        "EC",
        limits="Upp till 100 000 kr",
        more=(("Över 100 000 kr och upp till 500 000 kr", "DIR"),),
        report=False,
        appealable=True,
        notes=SALE_NOTE,
    ),
    Tpl(
        _EKO,
        "Representation och uppvaktning",
        "DIR",
        limits="Inom budget för representation",
        report=False,
    ),
    Tpl(_EKO, "Ansökan om statsbidrag och EU-bidrag", "DIR"),
    Tpl(
        _EKO,
        "Ersättning för skada på enskild egendom",
        "T:Kommunjurist",
        limits="Upp till ett halvt prisbasbelopp",
    ),
    Tpl(_EKO, "Hyra av lokal för tillfälliga behov", "EC@", limits="Upp till sex månader"),
    Tpl(_UPH, "Avrop från kommunens ramavtal", "EC", limits="Inom enhetens budget", report=False),
    Tpl(_UPH, "Avbrytande av upphandling", "DIR", "LOU 4 kap 12 §"),
)

URGENT = Tpl(
    "Brådskande ärenden",
    "Beslut i ärenden som är så brådskande att nämndens avgörande inte kan avvaktas",
    "CHAIR",
    "KL 6 kap 39 §",
    sub="VICE_CHAIR",
    notes=URGENT_NOTE,
)
URGENT_KS = Tpl(
    "Brådskande ärenden",
    "Beslut i ärenden som är så brådskande att kommunstyrelsens avgörande inte kan avvaktas",
    "CHAIR",
    "KL 6 kap 39 §",
    sub="VICE_CHAIR",
    notes=URGENT_NOTE,
)

# Procurement, one category at a time in four tiers: the stream that fills an order to its
# length (real orders list their procurements in as much detail).
PROCUREMENT_CATEGORIES: tuple[str, ...] = (
    "konsulttjänster",
    "IT-system och licenser",
    "livsmedel",
    "fordon och transporter",
    "städtjänster",
    "kontorsmaterial och möbler",
    "tryck och grafisk produktion",
    "utbildningstjänster",
    "byggentreprenader",
    "fastighetsunderhåll",
    "bevakningstjänster",
    "tolktjänster",
    "hjälpmedel",
    "läromedel",
    "arbetskläder och skyddsutrustning",
    "telefoni och datakommunikation",
    "energi",
    "markentreprenader",
    "snöröjning och halkbekämpning",
    "trädgårdsskötsel",
    "sjukvårdsmaterial",
    "bemanningstjänster",
    "kurser och konferenser",
    "post- och budtjänster",
    "revisionstjänster",
    "juridiska tjänster",
    "kommunikationstjänster",
    "lekutrustning",
    "bibliotekstjänster",
    "inventarier till förskolor och skolor",
    "larm och passersystem",
    "tvätt och textilservice",
    "avfallshantering",
    "resor och logi",
    "medicinteknisk utrustning",
    "programvara som tjänst",
    "konsultstöd inom ekonomi",
    "konst och utsmyckning",
    "maskiner och verktyg",
    "catering",
    "vinterväghållning",
    "belysning",
    "städmaterial",
    "datorer och surfplattor",
    "skrivare och kopiering",
    "mobiltelefoner",
    "bilpool",
    "flyttjänster",
    "arkivtjänster",
    "översättningstjänster",
    "företagshälsovård",
    "annonsering",
    "ledarutveckling",
    "simundervisning",
    "kollektivtrafiknära tjänster",
    "entrémattor",
    "skadedjursbekämpning",
    "hissar och rulltrappor",
    "ventilation",
    "takarbeten",
    "målningsarbeten",
    "elarbeten",
    "VVS-arbeten",
    "låssmedstjänster",
    "hemsjukvårdsmaterial",
    "inkontinensartiklar",
    "matlådor",
    "skolmåltider",
    "fritidsmaterial",
    "idrottsmaterial",
    "musikinstrument",
    "scenteknik",
    "utställningsproduktion",
    "enkätundersökningar",
    "analystjänster",
)
PROCUREMENT_TIERS: tuple[tuple[str, str, bool], ...] = (
    ("Under direktupphandlingsgränsen", "EC", False),
    ("Över direktupphandlingsgränsen och upp till 1 mnkr", "EC@", True),
    ("Över 1 mnkr och upp till 10 mnkr", "DIR", True),
    ("Över 10 mnkr och upp till 30 mnkr", "CD", True),
)


def procurement(category: str) -> tuple[Tpl, ...]:
    return (
        *(
            Tpl(
                _UPH,
                f"Upphandling av {category}, tilldelning och tecknande av avtal",
                who,
                "LOU 19 kap" if index else "LOU 19 kap 12 §",
                limits,
                report=report,
                subdelegation=who in ("DIR", "CD"),
            )
            for index, (limits, who, report) in enumerate(PROCUREMENT_TIERS)
        ),
        Tpl(
            _UPH,
            f"Avrop av {category} från kommunens ramavtal",
            "EC",
            limits="Inom enhetens budget",
            report=False,
        ),
    )


# Every board's dealings with others.
GENERIC: tuple[Tpl, ...] = (
    Tpl(
        "Remisser och samverkan",
        "Yttrande över remiss från {s}",
        "DIR",
        variants=(
            "länsstyrelsen",
            "regionen",
            "andra kommuner",
            "statliga myndigheter",
            "Sveriges Kommuner och Regioner",
            "Storstockholms brandförsvar",
        ),
    ),
    Tpl(
        "Remisser och samverkan",
        "Samverkansavtal med {s}",
        "DIR",
        variants=(
            "andra kommuner",
            "regionen",
            "idéburna organisationer",
            "universitet och högskolor",
            "polismyndigheten",
        ),
    ),
    Tpl(
        "Remisser och samverkan",
        "Ansökan om bidrag från {s}",
        "DIR",
        variants=(
            "Europeiska unionens fonder",
            "Allmänna arvsfonden",
            "Boverket",
            "Naturvårdsverket",
            "Tillväxtverket",
            "länsstyrelsen",
        ),
    ),
)


_HR = "Personalärenden"
# HR-1: who decides on the staff of their unit, with the words that say where.
_DECIDERS: tuple[tuple[str, str], ...] = (
    ("inom enheten", "EC"),
    ("vid skolenheten", "REKTOR"),
    ("vid förskoleenheten", "FSC"),
    ("inom verksamhetsområdet", "VC"),
)
_LONEPOLICY = "Inom ramen för kommunens lönepolicy"

KS_STAFF: tuple[Tpl, ...] = (
    Tpl(
        _HR,
        "Tillsvidareanställning av medarbetare {s}",
        "",
        "LAS 4–6 §§",
        variants=_DECIDERS,
        notes=HR2,
    ),
    Tpl(
        _HR,
        "Visstidsanställning och vikariat {s}",
        "",
        "LAS 5 §",
        "Upp till sex månader",
        variants=_DECIDERS,
        notes=HR2,
    ),
    Tpl(_HR, "Timanställning {s}", "", "LAS 5 §", variants=_DECIDERS, report=False, notes=HR2),
    Tpl(_HR, "Lönesättning vid nyanställning {s}", "", limits=_LONEPOLICY, variants=_DECIDERS),
    Tpl(_HR, "Lönesättning vid lönerevision {s}", "", limits=_LONEPOLICY, variants=_DECIDERS),
    Tpl(_HR, "Varning till medarbetare {s}", "", "AB § 11", variants=_DECIDERS, notes=HR3),
    Tpl(
        _HR,
        "Uppsägning av medarbetare av personliga skäl {s}",
        "",
        "LAS 7 §",
        variants=_DECIDERS,
        notes=HR3,
    ),
    Tpl(
        _HR,
        "Uppsägning av medarbetare på grund av arbetsbrist {s}",
        "",
        "LAS 7 §, 22 §",
        variants=_DECIDERS,
        notes=f"{HR3} Personaldirektören ska höras.",
    ),
    Tpl(_HR, "Avsked av medarbetare {s}", "", "LAS 18 §", variants=_DECIDERS, notes=HR3),
    Tpl(_HR, "Tjänstledighet upp till sex månader {s}", "", variants=_DECIDERS, report=False),
    Tpl(_HR, "Förbud mot bisyssla {s}", "", "LOA 7–7 d §§", variants=_DECIDERS),
    Tpl(_HR, "Omplacering av medarbetare {s}", "", "LAS 7 §", variants=_DECIDERS),
    Tpl(_HR, "Arbetstidens förläggning {s}", "", "AB § 13", variants=_DECIDERS, report=False),
    Tpl(
        _HR,
        "Anställning av enhetschef inom verksamhetsområdet",
        "VC",
        "LAS 4 §",
        sub="PD",
        notes=HR2,
    ),
    Tpl(_HR, "Lön vid anställning av direktör och enhetschef", "DIR:personal", sub="CD"),
    Tpl(_HR, "Tjänstledighet längre än sex månader", "DIR:personal", sub="CD"),
    Tpl(
        _HR,
        "Förhandlingar enligt MBL och tecknande av lokala kollektivavtal",
        "DIR:personal",
        "MBL 10–14 §§, 38 §",
        sub="CD",
        subdelegation=True,
    ),
    Tpl(
        _HR,
        "Särskild avtalspension och överenskommelse om avslut",
        "DIR:personal",
        limits="Upp till 24 månaders ersättning",
        sub="CD",
    ),
    # HR-4: what a biträdande chef or gruppchef may decide (no personnel powers).
    Tpl(_HR, "Beviljande av semester och kompensationsledighet inom gruppen", "GC", report=False),
    Tpl(_HR, "Schemaläggning inom gruppen", "GC", report=False),
    Tpl(_HR, "Beviljande av semester och kortare ledighet inom enheten", "BEC", report=False),
    Tpl(_HR, "Beviljande av ledighet för medarbetare vid skolenheten", "BR", report=False),
)
# HR-5: decided by the verksamhetschef in Välfärd samhällsservice, elsewhere by the
# enhetschef within each director's area and the rektor within each school production area.
RESERVED: tuple[tuple[str, str], ...] = (
    ("Disciplinåtgärd mot medarbetare", "AB § 11"),
    ("Återbesättning av vakant tjänst", ""),
    ("Ändrad sysselsättningsgrad för medarbetare", "AB § 12"),
)

KS_OWN: tuple[Tpl, ...] = (
    Tpl(
        _EKO,
        "Upptagande och omsättning av lån",
        "DIR:ekonomi",
        "KL 11 kap",
        "Inom den låneram kommunfullmäktige fastställt",
        sub="CD",
    ),
    Tpl(_EKO, "Placering av likvida medel enligt finanspolicyn", "DIR:ekonomi", subdelegation=True),
    Tpl(
        _EKO,
        "Avskrivning av fordringar",
        "EC@ekonomi",
        limits="Upp till ett prisbasbelopp per fordran",
        more=(("Över ett och upp till tio prisbasbelopp per fordran", "DIR:ekonomi"),),
    ),
    Tpl(
        _EKO,
        "Ombudgetering inom kommunstyrelsens verksamheter",
        "DIR:ekonomi",
        limits="Upp till 5 mnkr",
    ),
    Tpl(_EKO, "Tecknande av försäkringar för kommunens räkning", "DIR:ekonomi"),
    Tpl(_EKO, "Anstånd och avbetalningsplan för fordringar", "T:Redovisningsekonom", report=False),
    Tpl(
        _UPH,
        "Direktupphandling",
        "T:Upphandlare",
        "LOU 19 kap 8 §",
        "Under direktupphandlingsgränsen",
        sub="EC@ekonomi",
        report=False,
    ),
    Tpl(
        _UPH,
        "Företräda kommunstyrelsen vid överprövning av upphandling",
        "T:Kommunjurist",
        "LOU 20 kap",
    ),
    Tpl(
        "Övergripande ärenden",
        "Yttranden över remisser från myndigheter och andra kommuner",
        "KSAU",
        "KL 6 kap 37 §",
        notes="Remisser av större vikt avgörs av kommunstyrelsen.",
    ),
    Tpl(
        "Övergripande ärenden",
        "Markreservation och markanvisning enligt markanvisningspolicyn",
        "KSSU",
        "Lag om riktlinjer för kommunala markanvisningar",
    ),
    Tpl(
        "Övergripande ärenden",
        "Uppföljning av avtal i valfrihetssystem inom Välfärd samhällsservice",
        "KSVU",
        "LOV 10 kap",
    ),
    Tpl(
        "Övergripande ärenden",
        "Representation och uppvaktning för kommunen",
        "CD",
        limits="Inom budget för representation",
        subdelegation=True,
        report=False,
    ),
    Tpl(
        "Övergripande ärenden",
        "Deltagande i kurser och konferenser för kommunstyrelsens ledamöter",
        "CHAIR",
    ),
    Tpl("Övergripande ärenden", "Förordnande av tillförordnad direktör", "CD"),
    Tpl(
        "Kommunikation och digitalisering",
        "Publicering på kommunens webbplats och i sociala medier",
        "T:Kommunikatör",
        report=False,
    ),
    Tpl(
        "Kommunikation och digitalisering",
        "Användning av kommunens logotyp och grafiska profil",
        "DIR:kommunikation",
        report=False,
    ),
    Tpl(
        "Kommunikation och digitalisering",
        "Anskaffning av IT-system",
        "DIR:digitalisering",
        limits="Upp till 5 mnkr",
        more=(("Över 5 mnkr och upp till 20 mnkr", "CD"),),
    ),
    Tpl(
        "Kommunikation och digitalisering",
        "Behörighet till kommunens gemensamma IT-system",
        "T:Systemförvaltare",
        report=False,
    ),
    Tpl(
        "Säkerhet och beredskap",
        "Tillträdesskydd för kommunens lokaler",
        "DIR:sakerhet",
        "Skyddslagen 7 §",
    ),
    Tpl(
        "Säkerhet och beredskap",
        "Säkerhetsprövning och registerkontroll",
        "DIR:personal",
        "Säkerhetsskyddslagen 3 kap",
    ),
)
