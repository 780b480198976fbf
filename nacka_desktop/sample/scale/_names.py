"""Names for the large sample: persons, places, units and titles, all Swedish-looking.

The persons' names are the sample's lists with some more, so that 40,000 people are not all
called Anna Andersson; the places are Nacka's and Stockholm's districts.
"""

from __future__ import annotations

import random
import unicodedata
from collections import Counter

from nacka_desktop.sample import data as sample_data

FIRST_NAMES: tuple[str, ...] = (
    *sample_data.organisation().first_names,
    *[
        "Alice",
        "Alva",
        "Ella",
        "Freja",
        "Ida",
        "Julia",
        "Klara",
        "Lisa",
        "Matilda",
        "Nora",
        "Olivia",
        "Saga",
        "Selma",
        "Stina",
        "Vera",
        "Wilma",
        "Ines",
        "Nadia",
        "Zeynep",
        "Mirja",
        "Kerstin",
        "Margareta",
        "Solveig",
        "Annika",
        "Camilla",
        "Jessica",
        "Petra",
        "Therese",
        "Åsa-Lena",
        "Ellinor",
        "Hedvig",
        "Tyra",
        "Agnes",
        "Ester",
        "Liv",
        "Moa",
        "Siri",
        "Cecilia",
        "Louise",
        "Adam",
        "Albin",
        "Alexander",
        "Anton",
        "Arvid",
        "Axel",
        "Casper",
        "David",
        "Elias",
        "Emil",
        "Filip",
        "Gabriel",
        "Isak",
        "Jakob",
        "Joel",
        "Leo",
        "Liam",
        "Linus",
        "Lucas",
        "Ludvig",
        "Melvin",
        "Noah",
        "Olle",
        "Otto",
        "Samuel",
        "Simon",
        "Theo",
        "Vincent",
        "William",
        "Yusuf",
        "Ibrahim",
        "Mustafa",
        "Milan",
        "Dragan",
        "Jussi",
        "Pekka",
        "Ulf",
        "Leif",
        "Bengt",
        "Rolf",
        "Torbjörn",
        "Örjan",
        "Sune",
        "Gösta",
        "Bertil",
        "Ingvar",
        "Hans",
        "Peter",
        "Christer",
        "Kent",
        "Roger",
        "Jan",
    ],
)
LAST_NAMES: tuple[str, ...] = (
    *sample_data.organisation().last_names,
    *[
        "Abrahamsson",
        "Backman",
        "Berg",
        "Bergman",
        "Blom",
        "Borg",
        "Dahl",
        "Danielsson",
        "Ek",
        "Ekberg",
        "Fransson",
        "Fredriksson",
        "Gran",
        "Hansson",
        "Hedlund",
        "Henriksson",
        "Hermansson",
        "Holmberg",
        "Holmgren",
        "Isaksson",
        "Jakobsson",
        "Jansson",
        "Johnsson",
        "Lund",
        "Lundgren",
        "Lundqvist",
        "Lundin",
        "Malm",
        "Mattsson",
        "Nordin",
        "Norberg",
        "Nyberg",
        "Näslund",
        "Sundberg",
        "Sundström",
        "Söderström",
        "Wallin",
        "Wennberg",
        "Åström",
        "Öhman",
        "Ahmadi",
        "Mohammadi",
        "Rahimi",
        "Aziz",
        "Demir",
        "Kaya",
        "Öztürk",
        "Novak",
        "Horvat",
        "Virtanen",
        "Korhonen",
        "Nieminen",
        "Lindholm",
        "Sjöström",
        "Vikström",
        "Rosén",
        "Falk",
        "Strand",
        "Hallberg",
        "Berglöf",
        "Ehn",
        "Grahn",
    ],
)

PLACES: tuple[str, ...] = tuple(
    [
        "Boo",
        "Fisksätra",
        "Saltsjöbaden",
        "Älta",
        "Sickla",
        "Orminge",
        "Järla",
        "Björknäs",
        "Finntorp",
        "Henriksdal",
        "Kvarnholmen",
        "Ektorp",
        "Skuru",
        "Tollare",
        "Lännersta",
        "Eknäs",
        "Myrsjö",
        "Kummelnäs",
        "Duvnäs",
        "Storängen",
        "Danviken",
        "Hästhagen",
        "Neglinge",
        "Tattby",
        "Igelboda",
        "Solsidan",
        "Kista",
        "Rinkeby",
        "Tensta",
        "Spånga",
        "Hässelby",
        "Vällingby",
        "Bromma",
        "Enskede",
        "Årsta",
        "Vantör",
        "Farsta",
        "Skärholmen",
        "Hägersten",
        "Liljeholmen",
        "Södermalm",
        "Norrmalm",
        "Östermalm",
        "Kungsholmen",
        "Älvsjö",
        "Skarpnäck",
        "Bagarmossen",
        "Högdalen",
        "Rågsved",
        "Hökarängen",
        "Sköndal",
        "Fruängen",
        "Aspudden",
        "Midsommarkransen",
        "Gröndal",
        "Hammarby",
        "Akalla",
        "Husby",
        "Blackeberg",
        "Råcksta",
        "Alvik",
        "Abrahamsberg",
        "Ulvsunda",
        "Traneberg",
        "Hjorthagen",
        "Gärdet",
        "Vasastan",
        "Essingen",
        "Mälarhöjden",
        "Bredäng",
        "Sätra",
        "Vårberg",
        "Kärrtorp",
        "Björkhagen",
        "Hammarbyhöjden",
        "Tallkrogen",
        "Gubbängen",
        "Svedmyra",
        "Stureby",
        "Örby",
        "Bandhagen",
    ]
)

# Where names would repeat: the parts of a district.
QUARTERS: tuple[str, ...] = ("norra", "södra", "östra", "västra", "centrala")


def ascii_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace(" ", "")


class NameBook:
    """Persons' names and unique e-mail addresses, and unit names that do not repeat."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._emails: Counter[str] = Counter()
        self._unit_names: Counter[str] = Counter()

    def person(self) -> tuple[str, str, str]:
        first = self.rng.choice(FIRST_NAMES)
        last = self.rng.choice(LAST_NAMES)
        local = f"{ascii_fold(first)}.{ascii_fold(last)}"
        self._emails[local] += 1
        count = self._emails[local]
        suffix = "" if count == 1 else str(count)
        return first, last, f"{local}{suffix}@nacka.se"

    def unit(self, name: str) -> str:
        """The name, or the name with a district part when it is taken already."""
        self._unit_names[name] += 1
        count = self._unit_names[name]
        if count == 1:
            return name
        quarter = QUARTERS[(count - 2) % len(QUARTERS)]
        round_ = (count - 2) // len(QUARTERS)
        return f"{name} {quarter}" + (f" {round_ + 1}" if round_ else "")

    def place(self) -> str:
        return self.rng.choice(PLACES)


SCHOOL_NAMES = ("{place}skolan", "{place} skola", "Skolan i {place}", "{place} grundskola")
PRESCHOOL_NAMES = ("Förskolorna i {place}", "{place} förskoleenhet")
SCHOOL_STAFF = (
    ("Lärare", 5),
    ("Fritidspedagog", 2),
    ("Elevassistent", 1),
    ("Specialpedagog", 1),
    ("Skolkurator", 1),
)
PRESCHOOL_STAFF = (("Förskollärare", 4), ("Barnskötare", 4))
SERVICE_AREAS = (
    "Äldreomsorg {place}",
    "Hemtjänst {place}",
    "Stöd och omsorg {place}",
    "Socialpsykiatri {place}",
)
SERVICE_UNITS = (
    "Vård- och omsorgsboendet {place}",
    "Hemtjänst {place}",
    "Dagverksamheten {place}",
    "Boende {place}",
    "Daglig verksamhet {place}",
    "Korttidsboendet {place}",
)
SERVICE_STAFF = (
    ("Undersköterska", 5),
    ("Vårdbiträde", 2),
    ("Sjuksköterska", 1),
    ("Stödassistent", 2),
    ("Aktivitetssamordnare", 1),
)
AREA_STAFF = (("Verksamhetsutvecklare", 1), ("Planerare", 1))
GROUP_NAMES = ("Nattpatrullen {place}", "Arbetslag {place}", "Team {place}", "Gruppen {place}")
