"""Groups of countries people name in questions that no UN geoscheme row holds: "the Andean
countries", "the Horn of Africa", "Sahelian states", "the Gulf", "the Maghreb", "Nordic", "the
Great Lakes region", "the Southern Cone", "PALOP", "francophone Africa", "sub-Saharan".

A regional specialist filters by these names as readily as by "West Africa"; the engine knew only
the UN sub-regions, so "which Andean nations are pathfinders" listed every pathfinder, "who funds
the ILO in the Horn of Africa" every African country's funders, and "which Maghreb countries are
pathfinders" every pathfinder where the honest answer was none.

Membership is general knowledge -- the members of the intergovernmental body of the name (Gulf
Cooperation Council, Arab Maghreb Union, Community of Portuguese Language Countries, ASEAN) or the
states the geographic name covers -- declared once here, never read from a report; a report's
countries only ever meet it as a filter.  Groupings that are also bodies a report names as actors
(the European Union, the OECD, the G20, ASEAN) are left out: "EU countries" and "EU-funded countries"
would be confused.  Sub-Saharan Africa is read from the UN geoscheme (Africa outside Northern
Africa).  A group with a ``stem`` is also read misspelt ("magreb", "scandanavian"): these words are
not in a report's vocabulary, so the speller cannot mend them.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Group:
    name: str
    forms: tuple[str, ...]  # how questions name the group (lower case; any case matches)
    members: frozenset[str]  # ISO 3166 alpha-3
    stem: str | None = None  # the one word a misspelling is measured against (None: too short to mend)


def _g(name: str, forms: str, members: str, stem: str | None = None) -> Group:
    return Group(name, tuple(f.strip() for f in forms.split(",")), frozenset(members.split()), stem)


@lru_cache(maxsize=1)
def _sub_saharan() -> frozenset[str]:
    """Africa outside Northern Africa in the UN geoscheme, current ISO codes only (the table also
    holds historical ones: Tanganyika, Zanzibar)."""
    import pycountry

    from graph.countries import _coco_table
    return frozenset(iso for iso, (continent, unregion) in _coco_table().items()
                     if continent == "Africa" and unregion != "Northern Africa" and pycountry.countries.get(alpha_3=iso))


_GCC = "BHR KWT OMN QAT SAU ARE"
_LEVANT = "SYR LBN JOR ISR PSE"
_PALOP = "AGO CPV GNB GNQ MOZ STP"

GROUPS: tuple[Group, ...] = (
    _g("Andean countries", "andean, andes", "BOL COL ECU PER VEN CHL"),
    _g("Horn of Africa", "horn of africa", "DJI ERI ETH SOM"),
    _g("Sahel", "sahel, sahelian", "SEN GMB MRT MLI BFA NER TCD SDN ERI"),
    _g("Great Lakes region", "african great lakes, great lakes", "BDI COD RWA UGA TZA KEN"),
    _g("Maghreb", "maghreb, maghrib, maghrebi, maghrebian", "DZA LBY MRT MAR TUN", "maghreb"),
    _g("Gulf Cooperation Council", "gcc, gulf cooperation council, persian gulf, arabian gulf, arab gulf, gulf",
       _GCC),
    _g("Southern Cone", "southern cone, cono sur", "ARG CHL URY PRY"),
    _g("Levant", "levant, levantine", _LEVANT),
    _g("Middle East", "middle east, middle-east, middle eastern, mena",
       f"{_GCC} {_LEVANT} EGY IRN IRQ YEM TUR CYP"),
    _g("Western Balkans", "western balkans, western balkan", "ALB BIH MKD MNE SRB"),
    _g("Balkans", "balkans, balkan", "ALB BIH BGR HRV GRC MKD MNE ROU SRB SVN", "balkans"),
    _g("South Caucasus", "south caucasus, southern caucasus, caucasus", "ARM AZE GEO"),
    _g("Baltic states", "baltic, baltics", "EST LVA LTU", "baltic"),
    _g("Nordic countries", "nordic, nordics, scandinavia, scandinavian, scandinavians", "DNK FIN ISL NOR SWE",
       "nordic"),
    _g("Benelux", "benelux", "BEL NLD LUX", "benelux"),
    _g("Mekong countries", "greater mekong, mekong", "KHM LAO MMR THA VNM"),
    _g("Lusophone Africa", "palop, lusophone africa, lusophone african, portuguese-speaking africa, "
       "portuguese speaking africa, portuguese-speaking african, portuguese speaking african", _PALOP),
    _g("Portuguese-speaking countries", "portuguese-speaking, portuguese speaking, lusophone, cplp",
       f"{_PALOP} BRA PRT TLS", "lusophone"),
    _g("Francophone Africa", "francophone africa, francophone african, french-speaking africa, "
       "french speaking africa, french-speaking african, french speaking african",
       "BEN BFA BDI CMR CAF TCD COM COG COD CIV DJI GAB GIN MDG MLI NER RWA SEN SYC TGO MAR TUN DZA MRT"),
    _g("French-speaking countries", "french-speaking, french speaking, francophone",
       "BEN BFA BDI CMR CAF TCD COM COD COG CIV DJI GNQ GAB GIN MDG MLI NER RWA SEN SYC TGO HTI VUT "
       "FRA BEL CHE LUX MCO CAN", "francophone"),
    _g("Spanish-speaking countries", "spanish-speaking, spanish speaking, hispanophone",
       "ARG BOL CHL COL CRI CUB DOM ECU SLV GNQ GTM HND MEX NIC PAN PRY PER ESP URY VEN"),
    Group("Sub-Saharan Africa", ("sub-saharan africa", "sub saharan africa", "subsaharan africa", "sub-saharan",
                                 "sub saharan", "subsaharan", "south of the sahara"), _sub_saharan()),
)


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    """Every form of every group, longest first; a form followed by "of" or "sea" names another
    place ("the Gulf of Guinea", "the Baltic Sea")."""
    forms = sorted(((f, i) for i, g in enumerate(GROUPS) for f in g.forms), key=lambda fi: -len(fi[0]))
    alternatives = []
    for n, (form, i) in enumerate(forms):
        words = r"[\s-]+".join(map(re.escape, re.split(r"[\s-]+", form)))
        alternatives.append(rf"(?P<g{n}_{i}>\b{words}\b)(?!\s+(?:of|sea)\b)")
    return re.compile("|".join(alternatives), re.I)


def _index(m: re.Match) -> int:
    return int(next(k for k, v in m.groupdict().items() if v is not None).split("_")[1])


def near_word(word: str, stem: str) -> bool:
    """Is ``word`` a misspelling of ``stem`` ("carribean", "magreb")?  Same first letter, one or
    two letters off; only for words of six letters or more."""
    word = word.lower()
    return len(word) >= 6 and word[0] == stem[0] and \
        difflib.SequenceMatcher(None, word.rstrip("s"), stem.rstrip("s")).ratio() >= 0.84


def named_group(question: str) -> tuple[Group, int, int] | None:
    """The first country group the question names (spelt right), with its span; None when none."""
    m = _pattern().search(question or "")
    return (GROUPS[_index(m)], m.start(), m.end()) if m else None


@lru_cache(maxsize=4096)
def named_groups(question: str) -> tuple[tuple[str, int, int], ...]:
    """Every group the question names, spelt right or (with a stem) misspelt, with where its words
    are, in order."""
    text = question or ""
    found: dict[str, tuple[int, int]] = {}
    for m in _pattern().finditer(text):
        found.setdefault(GROUPS[_index(m)].name, m.span())
    taken = list(found.values())
    for m in re.finditer(r"[A-Za-z]{6,}", text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        for g in GROUPS:
            if g.stem and g.name not in found and m.group(0).lower().rstrip("s") != g.stem.rstrip("s") \
                    and near_word(m.group(0), g.stem):  # the word spelt right failed the pattern: "the Baltic Sea"
                found[g.name] = m.span()
    return tuple(sorted(((n, s, e) for n, (s, e) in found.items()), key=lambda t: t[1]))


def group(name: str) -> Group | None:
    """The declared group of that name."""
    return next((g for g in GROUPS if g.name == name), None)


def members(name: str) -> frozenset[str]:
    """The ISO3 codes of a group this module names (empty for any other name)."""
    g = group(name)
    return g.members if g else frozenset()


def ilo_region_of(g: Group, known: set[str] | None = None) -> str | None:
    """The one ILO region the group's members lie in (the Andean countries: the Americas) -- of
    its members the graph knows (``known``, ISO3), when given -- or None when they lie in several
    (the Portuguese-speaking countries)."""
    from graph.countries import ilo_region

    inside = g.members & known if known is not None else g.members
    regions = {ilo_region(iso3) for iso3 in inside}
    return regions.pop() if len(regions) == 1 else None


def region_forms(known: set[str] | None = None) -> dict[str, str]:
    """Every form of a group whose (known) members share one ILO region -> that region."""
    return {f: r for g in GROUPS if (r := ilo_region_of(g, known)) for f in g.forms}
