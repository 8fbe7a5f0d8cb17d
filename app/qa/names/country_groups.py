"""Groups of countries people name in questions that no UN geoscheme row holds: "the Andean
countries", "the Horn of Africa", "Sahelian states", "the Gulf", "the Maghreb", "the Great Lakes
region", "the Southern Cone", "the Western Balkans", "Portuguese-speaking countries".

A regional specialist filters by these names as readily as by "West Africa"; the engine knew only
the UN sub-regions, so "which Andean nations are pathfinders" listed every pathfinder and "who
funds the ILO in the Horn of Africa" every African country's funders.  Membership is general
knowledge -- the members of the intergovernmental body of the name (Gulf Cooperation Council,
Arab Maghreb Union, Community of Portuguese Language Countries) or the states the geographic name
covers -- declared once here, never read from a report; a report's countries only ever meet it as
a filter.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Group:
    name: str
    forms: tuple[str, ...]  # how questions name the group (lower case; any case matches)
    members: frozenset[str]  # ISO 3166 alpha-3


def _g(name: str, forms: str, members: str) -> Group:
    return Group(name, tuple(f.strip() for f in forms.split(",")), frozenset(members.split()))


GROUPS = (
    _g("Andean countries", "andean, andes", "BOL COL ECU PER VEN CHL"),
    _g("Horn of Africa", "horn of africa", "DJI ERI ETH SOM"),
    _g("Sahel", "sahel, sahelian", "SEN GMB MRT MLI BFA NER TCD SDN ERI"),
    _g("Great Lakes region", "african great lakes, great lakes", "BDI COD RWA UGA TZA KEN"),
    _g("Maghreb", "maghreb, maghrib, maghrebi", "DZA LBY MRT MAR TUN"),
    _g("Gulf Cooperation Council", "gcc, gulf cooperation council, persian gulf, arabian gulf, arab gulf, gulf",
       "BHR KWT OMN QAT SAU ARE"),
    _g("Southern Cone", "southern cone", "ARG CHL URY PRY"),
    _g("Levant", "levant, levantine", "SYR LBN JOR ISR PSE"),
    _g("Western Balkans", "western balkans, western balkan", "ALB BIH MKD MNE SRB"),
    _g("Balkans", "balkans, balkan", "ALB BIH BGR HRV GRC MKD MNE ROU SRB SVN"),
    _g("South Caucasus", "south caucasus, southern caucasus, caucasus", "ARM AZE GEO"),
    _g("Baltic states", "baltic, baltics", "EST LVA LTU"),
    _g("Nordic countries", "nordic, nordics, scandinavia, scandinavian", "DNK FIN ISL NOR SWE"),
    _g("Benelux", "benelux", "BEL NLD LUX"),
    _g("Mekong countries", "greater mekong, mekong", "KHM LAO MMR THA VNM"),
    _g("Portuguese-speaking countries", "portuguese-speaking, portuguese speaking, lusophone, cplp, palop",
       "AGO BRA CPV GNB GNQ MOZ PRT STP TLS"),
    _g("French-speaking countries", "french-speaking, french speaking, francophone",
       "BEN BFA BDI CMR CAF TCD COM COD COG CIV DJI GNQ GAB GIN MDG MLI NER RWA SEN SYC TGO HTI VUT "
       "FRA BEL CHE LUX MCO CAN"),
    _g("Spanish-speaking countries", "spanish-speaking, spanish speaking, hispanophone",
       "ARG BOL CHL COL CRI CUB DOM ECU SLV GNQ GTM HND MEX NIC PAN PRY PER ESP URY VEN"),
)


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    """Every form of every group, longest first; a form followed by "of" names another place ("the
    Gulf of Guinea")."""
    forms = sorted(((f, i) for i, g in enumerate(GROUPS) for f in g.forms), key=lambda fi: -len(fi[0]))
    alternatives = []
    for n, (form, i) in enumerate(forms):
        words = r"\s+".join(map(re.escape, form.split()))
        alternatives.append(rf"(?P<g{n}_{i}>\b{words}\b)(?!\s+of\b)")
    return re.compile("|".join(alternatives), re.I)


def named_group(question: str) -> tuple[Group, int, int] | None:
    """The first country group the question names, with its span; None when it names none."""
    m = _pattern().search(question or "")
    if m is None:
        return None
    i = int(next(k for k, v in m.groupdict().items() if v is not None).split("_")[1])
    return GROUPS[i], m.start(), m.end()


def ilo_region_of(g: Group, known: set[str] | None = None) -> str | None:
    """The one ILO region the group's members lie in (the Andean countries: the Americas) -- of
    its members the graph knows (``known``, ISO3), when given -- or None when they lie in several
    (the Portuguese-speaking countries)."""
    from graph.countries import ilo_region

    members = g.members & known if known is not None else g.members
    regions = {ilo_region(iso3) for iso3 in members}
    return regions.pop() if len(regions) == 1 else None


def region_forms(known: set[str] | None = None) -> dict[str, str]:
    """Every form of a group whose (known) members share one ILO region -> that region."""
    return {f: r for g in GROUPS if (r := ilo_region_of(g, known)) for f in g.forms}


def group(name: str) -> Group | None:
    """The declared group of that name."""
    return next((g for g in GROUPS if g.name == name), None)
