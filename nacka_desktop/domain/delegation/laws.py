"""The laws delegationsordningar cite (DEL-2): each with its SFS number, its name and the short
form orders write, so a lagrum can be read as law + chapter + section and held to the laws a
board's reglemente gives it. Data, not code: a law missing here is a warning, never a refusal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Law:
    short: str  # as orders cite it: "KL", "SoL"
    name: str  # "kommunallagen"
    sfs: str  # "2017:725"


LAWS: tuple[Law, ...] = (
    Law("KL", "kommunallagen", "2017:725"),
    Law("FL", "förvaltningslagen", "2017:900"),
    Law("OSL", "offentlighets- och sekretesslagen", "2009:400"),
    Law("TF", "tryckfrihetsförordningen", "1949:105"),
    Law("ArkL", "arkivlagen", "1990:782"),
    Law("GDPR", "dataskyddsförordningen", "EU 2016/679"),
    Law("DSL", "lagen med kompletterande bestämmelser till EU:s dataskyddsförordning", "2018:218"),
    Law("LAS", "lagen om anställningsskydd", "1982:80"),
    Law("MBL", "lagen om medbestämmande i arbetslivet", "1976:580"),
    Law("AB", "allmänna bestämmelser (kollektivavtal)", "AB 25"),
    Law("LOA", "lagen om offentlig anställning", "1994:260"),
    Law("AML", "arbetsmiljölagen", "1977:1160"),
    Law("DL", "diskrimineringslagen", "2008:567"),
    Law("LOU", "lagen om offentlig upphandling", "2016:1145"),
    Law("LUF", "lagen om upphandling inom försörjningssektorerna", "2016:1146"),
    Law("LUK", "lagen om upphandling av koncessioner", "2016:1147"),
    Law("LOV", "lagen om valfrihetssystem", "2008:962"),
    Law("SL", "skollagen", "2010:800"),
    Law("SoL", "socialtjänstlagen", "2025:400"),
    Law("LSS", "lagen om stöd och service till vissa funktionshindrade", "1993:387"),
    Law("LVU", "lagen med särskilda bestämmelser om vård av unga", "1990:52"),
    Law("LVM", "lagen om vård av missbrukare i vissa fall", "1988:870"),
    Law("FB", "föräldrabalken", "1949:381"),
    Law("HSL", "hälso- och sjukvårdslagen", "2017:30"),
    Law("PSL", "patientsäkerhetslagen", "2010:659"),
    Law("AlkL", "alkohollagen", "2010:1622"),
    Law("LTLP", "lagen om tobak och liknande produkter", "2018:2088"),
    Law("PBL", "plan- och bygglagen", "2010:900"),
    Law("PBF", "plan- och byggförordningen", "2011:338"),
    Law("MB", "miljöbalken", "1998:808"),
    Law("LL", "livsmedelslagen", "2006:804"),
    Law("SSL", "strålskyddslagen", "2018:396"),
    Law("FBL", "fastighetsbildningslagen", "1970:988"),
    Law("JB", "jordabalken", "1970:994"),
    Law("AL", "anläggningslagen", "1973:1149"),
    Law("LedL", "ledningsrättslagen", "1973:1144"),
    Law("ExpL", "expropriationslagen", "1972:719"),
    Law("BoL", "bostadsrättslagen", "2018:672"),
    Law("LMA", "lagen om riktlinjer för kommunala markanvisningar", "2014:899"),
    Law("TrF", "trafikförordningen", "1998:1276"),
    Law("LFS", "lagen om felparkeringsavgift", "1976:206"),
    Law("OL", "ordningslagen", "1993:1617"),
    Law("LSO", "lagen om skydd mot olyckor", "2003:778"),
    Law("BibL", "bibliotekslagen", "2013:801"),
    Law("LBE", "lagen om bostadsanpassningsbidrag", "2018:222"),
    Law("FärdtjL", "lagen om färdtjänst", "1997:736"),
    Law("SmL", "smittskyddslagen", "2004:168"),
    Law("VL", "vallagen", "2005:837"),
    Law("SkL", "skadeståndslagen", "1972:207"),
    Law("RB", "rättegångsbalken", "1942:740"),
    Law("FPL", "förvaltningsprocesslagen", "1971:291"),
    Law("UB", "utsökningsbalken", "1981:774"),
    Law("FMH", "förordningen om miljöfarlig verksamhet och hälsoskydd", "1998:899"),
    Law("AvfF", "avfallsförordningen", "2020:614"),
)

_BY_SHORT = {law.short.casefold(): law for law in LAWS}
_BY_NAME = sorted(((law.name.casefold(), law) for law in LAWS), key=lambda kv: -len(kv[0]))
# A law's short form as orders write it: 2–7 letters, capitalised, before a chapter, section
# or the end ("KL 6 kap.", "LAS 7 §", "AB § 11", "SoL 4 kap 1 §").
_SHORT = re.compile(r"\b([A-ZÅÄÖ][A-Za-zÅÄÖåäö]{1,6})\b(?=\s*(\d|§|$|,))")


def law(short: str) -> Law | None:
    return _BY_SHORT.get(short.strip().casefold())


def cited_laws(lagrum: str) -> tuple[list[Law], list[str]]:
    """The laws a lagrum cites, and the short forms it seems to cite that the catalogue does
    not know (a warning: the catalogue may simply lack them)."""
    known: list[Law] = []
    text = " ".join(lagrum.split())
    for name, entry in _BY_NAME:
        for written in _written_names(name):
            at = text.casefold().find(written)
            if at >= 0:
                if entry not in known:
                    known.append(entry)
                text = text[:at] + " " + text[at + len(written) :]
    unknown: list[str] = []
    for match in _SHORT.finditer(text):
        token = match.group(1)
        found = law(token)
        if found is None:
            if token not in unknown:
                unknown.append(token)
        elif found not in known:
            known.append(found)
    return known, unknown


def _written_names(name: str) -> tuple[str, ...]:
    """ "lagen om X" is also written "lag om X" or "lag (SFS) om X"."""
    if name.startswith("lagen "):
        return (name, "lag " + name[len("lagen ") :])
    return (name,)
