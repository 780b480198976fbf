"""The director areas of the stadsledningskontor and the boards they serve.

Each board (nämnd) is served by one director area (its förvaltning): the area's director is
the board's förvaltningschef, and the titled positions its order names (socialsekreterare,
bygglovshandläggare …) work in the area's enheter.
"""

from __future__ import annotations

from dataclasses import dataclass

from nacka_desktop.domain.enums import ProcessKind, UnitKind

_S = UnitKind.SUPPORT_UNIT
_A = UnitKind.AUTHORITY_UNIT


@dataclass(frozen=True)
class Office:
    """An enhet of a director area: its name, kind and staff (title, how many)."""

    name: str
    kind: UnitKind
    staff: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class Area:
    key: str
    name: str
    director_title: str
    offices: tuple[Office, ...]
    process: str  # the process the director owns (ORG-9)
    process_kind: ProcessKind = ProcessKind.MAIN


@dataclass(frozen=True)
class BoardSpec:
    code: str
    name: str
    area: str  # the key of the director area that serves the board
    domain: str  # the key of its matters in the catalogue
    charter: str


AREAS: dict[str, Area] = {
    area.key: area
    for area in (
        Area(
            "personal",
            "Personal och organisation",
            "Personaldirektör",
            (
                Office("Personalenheten", _S, (("HR-konsult", 3), ("HR-specialist", 2))),
                Office("Lönecenter", _S, (("Lönespecialist", 5), ("Pensionshandläggare", 1))),
            ),
            "Personalprocessen",
            ProcessKind.SUPPORT,
        ),
        Area(
            "ekonomi",
            "Ekonomi",
            "Ekonomidirektör",
            (
                Office("Ekonomienheten", _S, (("Controller", 3), ("Redovisningsekonom", 3))),
                Office("Upphandlingsenheten", _S, (("Upphandlare", 4), ("Avtalscontroller", 1))),
            ),
            "Ekonomiprocessen",
            ProcessKind.SUPPORT,
        ),
        Area(
            "kansli",
            "Juridik och kansli",
            "Kanslidirektör",
            (
                Office("Juridikenheten", _S, (("Kommunjurist", 4),)),
                Office(
                    "Kanslienheten",
                    _S,
                    (("Nämndsekreterare", 3), ("Registrator", 2), ("Arkivarie", 1)),
                ),
                Office("Överförmyndarenheten", _A, (("Överförmyndarhandläggare", 4),)),
                Office("Valkansliet", _S, (("Valhandläggare", 2),)),
            ),
            "Juridik- och kansliprocessen",
            ProcessKind.SUPPORT,
        ),
        Area(
            "kommunikation",
            "Kommunikation",
            "Kommunikationsdirektör",
            (
                Office("Kommunikationsenheten", _S, (("Kommunikatör", 4), ("Webbredaktör", 1))),
                Office("Kontaktcenter", _S, (("Kundtjänsthandläggare", 5),)),
            ),
            "Kommunikationsprocessen",
            ProcessKind.SUPPORT,
        ),
        Area(
            "digitalisering",
            "Digitalisering",
            "Digitaliseringsdirektör",
            (
                Office("IT-enheten", _S, (("IT-tekniker", 4), ("Systemförvaltare", 2))),
                Office("Digitaliseringsenheten", _S, (("Digitaliseringsstrateg", 3),)),
            ),
            "Digitaliseringsprocessen",
            ProcessKind.SUPPORT,
        ),
        Area(
            "utbildning",
            "Utbildning",
            "Utbildningsdirektör",
            (
                Office(
                    "Utbildningsenheten",
                    _A,
                    (("Skolhandläggare", 3), ("Utbildningsutredare", 3)),
                ),
                Office("Kundvalsenheten", _A, (("Kundvalshandläggare", 3),)),
                Office("Elevhälsan", _S, (("Skolpsykolog", 3), ("Skolsköterska", 3))),
            ),
            "Utbildningsprocessen",
        ),
        Area(
            "social",
            "Social omsorg",
            "Socialdirektör",
            (
                Office(
                    "Enheten för barn och unga",
                    _A,
                    (("Socialsekreterare", 6), ("Familjebehandlare", 2)),
                ),
                Office("Vuxenenheten", _A, (("Socialsekreterare", 4), ("Biståndshandläggare", 2))),
                Office("Försörjningsstödsenheten", _A, (("Socialsekreterare", 5),)),
                Office("Familjerätten", _A, (("Familjerättssekreterare", 3),)),
            ),
            "Sociala omsorgsprocessen",
        ),
        Area(
            "stadsutveckling",
            "Stadsutveckling",
            "Stadsutvecklingsdirektör",
            (
                Office(
                    "Bygglovsenheten", _A, (("Bygglovshandläggare", 5), ("Byggnadsinspektör", 2))
                ),
                Office("Planenheten", _A, (("Planarkitekt", 4),)),
                Office("Lantmäterienheten", _A, (("Lantmätare", 3),)),
            ),
            "Stadsutvecklingsprocessen",
        ),
        Area(
            "miljo",
            "Miljö och hälsa",
            "Miljödirektör",
            (
                Office("Miljöenheten", _A, (("Miljöinspektör", 5),)),
                Office("Livsmedelsenheten", _A, (("Livsmedelsinspektör", 4),)),
                Office("Hälsoskyddsenheten", _A, (("Hälsoskyddsinspektör", 3),)),
            ),
            "Miljö- och hälsoskyddsprocessen",
        ),
        Area(
            "trafik",
            "Natur och trafik",
            "Trafikdirektör",
            (
                Office("Trafikenheten", _A, (("Trafikingenjör", 3), ("Parkeringshandläggare", 2))),
                Office(
                    "Park- och naturenheten",
                    _S,
                    (("Parkingenjör", 2), ("Naturvårdshandläggare", 2)),
                ),
                Office("Avfallsenheten", _S, (("Avfallsingenjör", 2),)),
            ),
            "Natur- och trafikprocessen",
        ),
        Area(
            "kultur",
            "Kultur och fritid",
            "Kultur- och fritidsdirektör",
            (
                Office("Kulturenheten", _S, (("Kulturstrateg", 2), ("Bibliotekarie", 4))),
                Office(
                    "Fritidsenheten", _S, (("Fritidskonsulent", 3), ("Föreningshandläggare", 2))
                ),
            ),
            "Kultur- och fritidsprocessen",
        ),
        Area(
            "aldre",
            "Äldre",
            "Äldredirektör",
            (
                Office("Biståndsenheten", _A, (("Biståndshandläggare", 6),)),
                Office("Avgiftsenheten", _S, (("Avgiftshandläggare", 3),)),
            ),
            "Äldreomsorgsprocessen",
        ),
        Area(
            "arbete",
            "Arbete och etablering",
            "Arbetsmarknadsdirektör",
            (
                Office("Arbetsmarknadsenheten", _A, (("Arbetsmarknadshandläggare", 4),)),
                Office(
                    "Vuxenutbildningsenheten",
                    _A,
                    (("Studie- och yrkesvägledare", 3), ("Antagningshandläggare", 2)),
                ),
            ),
            "Arbetsmarknadsprocessen",
        ),
        Area(
            "fastighet",
            "Fastighet",
            "Fastighetsdirektör",
            (
                Office("Lokalenheten", _S, (("Lokalstrateg", 2), ("Fastighetsförvaltare", 3))),
                Office("Fastighetsdriften", _S, (("Drifttekniker", 4),)),
            ),
            "Fastighetsprocessen",
        ),
        Area(
            "exploatering",
            "Exploatering",
            "Exploateringsdirektör",
            (
                Office(
                    "Exploateringsenheten",
                    _A,
                    (("Exploateringsingenjör", 4), ("Projektledare", 2)),
                ),
                Office("Markenheten", _A, (("Markingenjör", 2),)),
            ),
            "Exploateringsprocessen",
        ),
        Area(
            "idrott",
            "Idrott",
            "Idrottsdirektör",
            (
                Office(
                    "Idrottsenheten",
                    _S,
                    (("Anläggningsansvarig", 3), ("Föreningshandläggare", 2)),
                ),
            ),
            "Idrottsprocessen",
        ),
        Area(
            "funktionsstod",
            "Funktionsstöd",
            "Funktionsstödsdirektör",
            (Office("LSS-enheten", _A, (("LSS-handläggare", 5),)),),
            "Funktionsstödsprocessen",
        ),
        Area(
            "service",
            "Service",
            "Servicedirektör",
            (
                Office("Måltidsenheten", _S, (("Kock", 4), ("Måltidsbiträde", 3))),
                Office("Lokalvårdsenheten", _S, (("Lokalvårdare", 6),)),
            ),
            "Serviceprocessen",
            ProcessKind.SUPPORT,
        ),
        Area(
            "sakerhet",
            "Säkerhet och beredskap",
            "Säkerhetsdirektör",
            (
                Office(
                    "Säkerhetsenheten",
                    _S,
                    (("Säkerhetssamordnare", 3), ("Beredskapssamordnare", 1)),
                ),
            ),
            "Säkerhets- och beredskapsprocessen",
            ProcessKind.SUPPORT,
        ),
    )
}

# Always there (KS's own order names them), then the ones a larger kommun has.
CORE_AREAS = ("personal", "ekonomi", "kansli")
LARGER_AREAS = ((200, "kommunikation"), (1000, "digitalisering"))


def _charter(text: str) -> str:
    return (
        f"{text} Nämnden ansvarar för sin verksamhets ekonomi och arbetsmiljö enligt KS riktlinjer."
    )


BOARDS: tuple[BoardSpec, ...] = (
    BoardSpec(
        "UN",
        "Utbildningsnämnden",
        "utbildning",
        "skola",
        _charter(
            "Utbildningsnämnden fullgör kommunens uppgifter som huvudman för förskola, "
            "grundskola, gymnasieskola och vuxenutbildning enligt skollagen."
        ),
    ),
    BoardSpec(
        "SN",
        "Socialnämnden",
        "social",
        "social",
        _charter(
            "Socialnämnden fullgör kommunens uppgifter inom socialtjänsten enligt "
            "socialtjänstlagen, LVU och LVM."
        ),
    ),
    BoardSpec(
        "MSN",
        "Miljö- och stadsbyggnadsnämnden",
        "stadsutveckling",
        "bygg",
        _charter(
            "Miljö- och stadsbyggnadsnämnden är kommunens byggnadsnämnd enligt plan- och bygglagen."
        ),
    ),
    BoardSpec(
        "NTN",
        "Natur- och trafiknämnden",
        "trafik",
        "trafik",
        _charter(
            "Natur- och trafiknämnden ansvarar för gator, parker och naturområden och är "
            "kommunens trafiknämnd."
        ),
    ),
    BoardSpec(
        "KFN",
        "Kultur- och fritidsnämnden",
        "kultur",
        "kultur",
        _charter(
            "Kultur- och fritidsnämnden ansvarar för bibliotek, kulturskola och fritidsgårdar "
            "och fördelar stöd till föreningslivet."
        ),
    ),
    BoardSpec(
        "ÄN",
        "Äldrenämnden",
        "aldre",
        "aldre",
        _charter("Äldrenämnden fullgör socialtjänstens uppgifter för äldre personer."),
    ),
    BoardSpec(
        "AMN",
        "Arbetsmarknadsnämnden",
        "arbete",
        "arbete",
        _charter(
            "Arbetsmarknadsnämnden ansvarar för arbetsmarknadsinsatser, etablering och "
            "kommunal vuxenutbildning."
        ),
    ),
    BoardSpec(
        "ÖFN",
        "Överförmyndarnämnden",
        "kansli",
        "overformyndare",
        _charter("Överförmyndarnämnden utövar tillsyn över gode män, förvaltare och förmyndare."),
    ),
    BoardSpec(
        "FN",
        "Fastighetsnämnden",
        "fastighet",
        "fastighet",
        _charter("Fastighetsnämnden förvaltar kommunens fastigheter och lokaler."),
    ),
    BoardSpec(
        "EXN",
        "Exploateringsnämnden",
        "exploatering",
        "exploatering",
        _charter(
            "Exploateringsnämnden ansvarar för markförvärv och exploatering av kommunens mark."
        ),
    ),
    BoardSpec(
        "MHN",
        "Miljö- och hälsoskyddsnämnden",
        "miljo",
        "miljo",
        _charter(
            "Miljö- och hälsoskyddsnämnden är tillsynsmyndighet enligt miljöbalken och "
            "livsmedelslagstiftningen."
        ),
    ),
    BoardSpec(
        "VN",
        "Valnämnden",
        "kansli",
        "val",
        _charter("Valnämnden ansvarar för genomförandet av allmänna val och folkomröstningar."),
    ),
    BoardSpec(
        "IDN",
        "Idrottsnämnden",
        "idrott",
        "idrott",
        _charter(
            "Idrottsnämnden ansvarar för idrottsanläggningar och stöd till idrottsföreningar."
        ),
    ),
    BoardSpec(
        "FSN",
        "Funktionsstödsnämnden",
        "funktionsstod",
        "funktionsstod",
        _charter(
            "Funktionsstödsnämnden fullgör kommunens uppgifter enligt lagen om stöd och service "
            "till vissa funktionshindrade."
        ),
    ),
    BoardSpec(
        "SVN",
        "Servicenämnden",
        "service",
        "service",
        _charter("Servicenämnden ansvarar för måltider, lokalvård och intern service."),
    ),
    BoardSpec(
        "KLN",
        "Krisledningsnämnden",
        "sakerhet",
        "kris",
        _charter(
            "Krisledningsnämnden fullgör uppgifterna enligt lagen om kommuners åtgärder inför "
            "och vid extraordinära händelser."
        ),
    ),
    BoardSpec(
        "FÖN",
        "Förskolenämnden",
        "utbildning",
        "forskola",
        _charter("Förskolenämnden fullgör kommunens uppgifter som huvudman för förskolan."),
    ),
    BoardSpec(
        "GVN",
        "Gymnasie- och vuxenutbildningsnämnden",
        "arbete",
        "gymnasium",
        _charter(
            "Gymnasie- och vuxenutbildningsnämnden ansvarar för gymnasieskola och kommunal "
            "vuxenutbildning."
        ),
    ),
)


def district_board(number: int, place: str) -> BoardSpec:
    """Past the named boards: stadsdelsnämnder, served by the social area."""
    return BoardSpec(
        f"SDN{number}",
        f"Stadsdelsnämnden {place}",
        "social",
        "stadsdel",
        _charter(
            f"Stadsdelsnämnden {place} ansvarar för socialtjänst, äldreomsorg och "
            "fritidsverksamhet i stadsdelen."
        ),
    )
