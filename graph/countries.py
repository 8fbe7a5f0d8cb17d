"""Countries: ISO 3166 names from pycountry, the spellings UN/ILO documents use, and ILO regions.

General knowledge only.  Which countries a report talks about, and in which region it files them,
is extracted from the report; this module only knows how countries can be spelled and, as a
fallback for countries the report does not place, which ILO region they belong to (derived from
the continent / UN sub-region table shipped by the country_converter package).
"""
from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import pycountry

# The five ILO regions, as the ILO names them.
ILO_REGIONS = ("Africa", "Americas", "Arab States", "Asia and the Pacific", "Europe and Central Asia")
REGION_ALIASES = {
    "africa": "Africa",
    "americas": "Americas",
    "the americas": "Americas",
    "latin america and the caribbean": "Americas",
    "latin america": "Americas",
    "arab states": "Arab States",
    "asia and the pacific": "Asia and the Pacific",
    "asia and pacific": "Asia and the Pacific",
    "asia-pacific": "Asia and the Pacific",
    "asia pacific": "Asia and the Pacific",
    "europe and central asia": "Europe and Central Asia",
    "african": "Africa",
    "arab": "Arab States",
    "latin american": "Americas",
    "asian and pacific": "Asia and the Pacific",
    # Everyday names for the ILO regions (general knowledge): "asia ga pathfinders", "in Central Asia".
    "asia": "Asia and the Pacific",
    "asian": "Asia and the Pacific",
    "the pacific": "Asia and the Pacific",
    "central asia": "Europe and Central Asia",
    "central asian": "Europe and Central Asia",
    "europe": "Europe and Central Asia",
    "european": "Europe and Central Asia",
    "caribbean": "Americas",
    "middle east": "Arab States",
}
# The ILO's Arab States region (general knowledge, ILO regional office for Arab States).
_ARAB_STATES = {"BHR", "IRQ", "JOR", "KWT", "LBN", "OMN", "QAT", "SAU", "SYR", "ARE", "YEM", "PSE"}
_EUROPE_CENTRAL_ASIA_EXTRA = {"ARM", "AZE", "GEO", "TUR", "CYP", "ISR", "KAZ", "KGZ", "TJK", "TKM", "UZB"}

# Spellings used in UN and ILO documents that pycountry does not carry (general knowledge).
_EXTRA_NAMES = {
    "VNM": ["Viet Nam", "Vietnam"],
    "LAO": ["Lao PDR", "Lao People's Democratic Republic", "Laos"],
    "TZA": ["Tanzania", "United Republic of Tanzania", "Tanzania, United Republic of"],
    "PSE": ["Occupied Palestinian Territory", "Occupied Palestinian Territories", "OPT", "Palestine",
            "State of Palestine", "West Bank and Gaza", "Palestinian Territory", "Palestinian Territories"],
    "CIV": ["Côte d'Ivoire", "Cote d'Ivoire", "Ivory Coast"],
    "COD": ["Democratic Republic of the Congo", "Congo, Democratic Republic of the", "DRC", "DR Congo",
            "Democratic Republic of Congo", "Congo-Kinshasa", "Congo Kinshasa"],
    "COG": ["Republic of the Congo", "Congo", "Congo-Brazzaville", "Congo Brazzaville"],
    "KOR": ["Republic of Korea", "South Korea", "Korea"],
    "PRK": ["Democratic People's Republic of Korea", "North Korea"],
    "NLD": ["Netherlands", "Kingdom of the Netherlands", "the Netherlands", "Holland"],
    "GBR": ["United Kingdom", "UK", "Great Britain", "Britain"],
    "USA": ["United States", "United States of America", "USA"],
    "RUS": ["Russia", "Russian Federation"],
    "IRN": ["Iran", "Islamic Republic of Iran"],
    "SYR": ["Syria", "Syrian Arab Republic"],
    "MDA": ["Moldova", "Republic of Moldova"],
    "BOL": ["Bolivia", "Plurinational State of Bolivia"],
    "VEN": ["Venezuela"],
    "TUR": ["Türkiye", "Turkey"],
    "CPV": ["Cabo Verde", "Cape Verde"],
    "SWZ": ["Eswatini", "Swaziland"],
    "TLS": ["Timor-Leste", "East Timor", "Timor Leste", "Timor"],
    "STP": ["Sao Tome and Principe", "São Tomé and Príncipe", "Sao Tome"],
    "MKD": ["North Macedonia", "Macedonia"],
    "CZE": ["Czechia", "Czech Republic"],
    "MMR": ["Myanmar", "Burma"],
    "FSM": ["Micronesia"],
    "BRN": ["Brunei", "Brunei Darussalam"],
    "GMB": ["Gambia", "The Gambia"],
    "BHS": ["Bahamas", "The Bahamas"],
}
# Names that are also ordinary words or that collide with organisations: only matched exactly.
_AMBIGUOUS = {"Chad", "Jordan", "Georgia", "Guinea", "Niger", "Turkey", "Congo", "Dominica", "OPT", "UK", "USA",
              "Korea", "Palestine", "Micronesia", "Laos"}


# A Spanish or French article that opens a country's name ("El Salvador"); "The" is folded away already.
_LEADING_ARTICLE = re.compile(r"^(?:El|La|Le|Les|Los|Las)\s+(\S.*)$")


@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str
    name: str  # the report-friendly common name
    names: tuple[str, ...]  # every spelling we accept


@lru_cache(maxsize=65536)
def fold(s: str) -> str:
    """Case-, accent- and apostrophe-insensitive key for names (cached: extractors fold the same
    labels for every organisation they compare)."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("’", "'").replace("`", "'").casefold()
    s = re.sub(r"^the\s+", "", s)
    return " ".join(re.sub(r"[^a-z0-9' -]", " ", s).split())


def _inverted(name: str) -> list[str]:
    """'Korea, Republic of' -> 'Republic of Korea'; 'Congo, The Democratic Republic of the' -> ..."""
    if ", " not in name:
        return []
    head, tail = name.split(", ", 1)
    return [f"{tail} {head}".replace(" the the ", " the "), head]


@lru_cache(maxsize=1)
def all_countries() -> dict[str, Country]:
    out: dict[str, Country] = {}
    for c in pycountry.countries:
        names = [c.name]
        for attr in ("official_name", "common_name"):
            v = getattr(c, attr, None)
            if v:
                names.append(v)
        for n in list(names):
            names.extend(_inverted(n))
        names.extend(_EXTRA_NAMES.get(c.alpha_3, []))
        # "Salvador" for El Salvador: a name's leading article is often dropped in speech.
        names.extend(m.group(1) for n in list(names) if (m := _LEADING_ARTICLE.match(n)))
        display = _EXTRA_NAMES.get(c.alpha_3, [getattr(c, "common_name", None) or c.name])[0]
        if ", " in display:
            display = _inverted(display)[0]
        seen, uniq = set(), []
        for n in names:
            if n and n not in seen:
                seen.add(n)
                uniq.append(n)
        out[c.alpha_3] = Country(c.alpha_3, c.alpha_2, display, tuple(uniq))
    for iso3, former in _former_names().items():  # "the former Zaire": the Democratic Republic of the Congo
        c = out[iso3]
        out[iso3] = Country(c.iso3, c.iso2, c.name, c.names + tuple(n for n in former if n not in c.names))
    return out


def _former_names() -> dict[str, list[str]]:
    """Former names of today's countries from pycountry's ISO 3166-3 list, whose four-letter code
    ends on the successor's two-letter code ("ZRCD": Zaire, now CD; "HVBF": Upper Volta, now BF);
    a code ending "HH" or "XX" was divided among several and names none."""
    out: dict[str, list[str]] = {}
    for h in pycountry.historic_countries:
        successor = pycountry.countries.get(alpha_2=h.alpha_4[2:])
        if successor is None:
            continue
        forms = [h.name.split(", ")[0]] + [n for n in _inverted(h.name)[:1] if "," not in n]
        out.setdefault(successor.alpha_3, []).extend(f for f in forms if f)
    return out


@lru_cache(maxsize=1)
def _name_index() -> dict[str, str]:
    idx: dict[str, str] = {}
    for iso3, c in all_countries().items():
        for n in c.names:
            idx.setdefault(fold(n), iso3)
    # The display names we chose win over pycountry collisions.
    for iso3, names in _EXTRA_NAMES.items():
        for n in names:
            idx[fold(n)] = iso3
    for k, (_, iso3) in _slips().items():  # "Keyna": a swapped pair of letters (graph.name_slips)
        idx.setdefault(k, iso3)
    return idx


@lru_cache(maxsize=1)
def _slips() -> dict[str, tuple[str, str]]:
    from graph.name_slips import slips

    return slips(((iso3, c.names) for iso3, c in all_countries().items()), fold)


@lru_cache(maxsize=16384)
def lookup(name: str) -> str | None:
    """ISO3 for an exact (folded) country name, or None.  Cached: text repeats the same few
    hundred surfaces, and folding (NFKD, confusables) costs more than the match that found them."""
    from graph.text import fold_confusables, strip_emoji

    key = fold(fold_confusables(strip_emoji(name)).strip(" .,;:"))
    if not key:
        return None
    iso = _name_index().get(key)
    if iso is None and key.startswith("republic of "):
        iso = _name_index().get(key[len("republic of "):])
    return iso


@lru_cache(maxsize=1)
def mention_pattern() -> re.Pattern:
    """One regex matching any country spelling in running text, longest spelling first."""
    names = set()
    for c in all_countries().values():
        for n in c.names:
            if len(n) >= 4 or n in _AMBIGUOUS or n.isupper():
                names.add(n)
            if "'" in n:
                names.add(n.replace("'", "’"))
    names |= {written for written, _ in _slips().values()}
    from graph.trie_regex import alternation  # longest first, as a trie: one test per position

    return re.compile(r"(?<![\w-])" + alternation(names) + r"(?![\w-])")


def find_countries(text: str) -> list[tuple[int, int, str, str]]:
    """All country mentions in text as (start, end, surface, iso3)."""
    out = []
    for m in mention_pattern().finditer(text):
        surface = m.group(0)
        iso = lookup(surface)
        if iso:
            out.append((m.start(), m.end(), surface, iso))
    return out


def display_name(iso3: str) -> str:
    return all_countries()[iso3].name


@lru_cache(maxsize=1)
def _coco_table() -> dict[str, tuple[str, str]]:
    path = resources.files("country_converter") / "country_data.tsv"
    with path.open(encoding="utf-8") as fh:
        return {row["ISO3"]: (row["continent"], row["UNregion"]) for row in csv.DictReader(fh, delimiter="\t")}


def ilo_region(iso3: str) -> str | None:
    """The ILO region of a country from general tables (the report's own placement wins elsewhere)."""
    if iso3 in _ARAB_STATES:
        return "Arab States"
    if iso3 in _EUROPE_CENTRAL_ASIA_EXTRA:
        return "Europe and Central Asia"
    continent, _ = _coco_table().get(iso3, ("", ""))
    return {
        "Africa": "Africa",
        "America": "Americas",
        "Europe": "Europe and Central Asia",
        "Asia": "Asia and the Pacific",
        "Oceania": "Asia and the Pacific",
    }.get(continent)


@lru_cache(maxsize=16384)
def region_name(text: str) -> str | None:
    """The ILO region a heading or table row names, tolerant of cells split mid-word."""
    import difflib

    key = fold(text).replace(" ", "")
    if not key or len(key) > 40:
        return None
    for alias, region in REGION_ALIASES.items():
        a = alias.replace(" ", "")
        if key == a or (len(key) >= 8 and difflib.SequenceMatcher(None, key, a).ratio() >= 0.9):
            return region
    return None
