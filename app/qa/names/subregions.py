"""Sub-regions people name in questions ("West African states", "Southeast Asian countries"):
a filter finer than the ILO's five regions, read from the UN geoscheme in country_converter's table
(general knowledge, not a fact of the report).

The question linker maps "African" to the ILO region Africa, so without this step "Which West
African states ratified C102" answered with every African ratifier (Morocco, Comoros, ...).  Only
country answers are filtered, and only when the question names a sub-region the table knows.
"""
from __future__ import annotations

import re

from app.qa.names.country_groups import group, named_group
from app.qa.names.demonyms import QUESTION_REGIONS
from graph.countries import REGION_ALIASES, _coco_table, find_countries, lookup

_DIRECTION = {"west": "Western", "western": "Western", "east": "Eastern", "eastern": "Eastern",
              "north": "Northern", "northern": "Northern", "south": "Southern", "southern": "Southern",
              "central": "Middle", "middle": "Middle",
              "southeast": "South-eastern", "south-east": "South-eastern", "south east": "South-eastern",
              "southeastern": "South-eastern", "south-eastern": "South-eastern"}
_CONTINENT = {"africa": "Africa", "african": "Africa", "asia": "Asia", "asian": "Asia", "europe": "Europe",
              "european": "Europe", "america": "America", "american": "America"}
_PHRASE = re.compile(r"\b(south[- ]?east(?:ern)?|west(?:ern)?|east(?:ern)?|north(?:ern)?|south(?:ern)?|central|middle)"
                     r"\s+(africa|african|asia|asian|europe|european|america|american)s?\b", re.I)
# A sub-region named by one word ("Caribbean states", "the Pacific", "Oceania").
_ONE_WORD = re.compile(r"\b(car{1,2}ib{1,2}ean|pacific|oceania)\b", re.I)  # "carribean": its letters doubled
# An ILO region named by its parts ("Asia and the Pacific", "Asia-Pacific", "asia pacific", "Latin
# America and the Caribbean", "LatAm & Caribbean", "LAC & Caribbean"): the region, not the part.
_WHOLE_REGION = re.compile(r"\b(?:asia|latin\s+america|latam|americas?|lac)\s*(?:&|and|-)?\s*(?:the\s+)?(?:pacific|caribbean)\b"
                           r"|\w\s*&\s*(?:the\s+)?caribbean\b", re.I)
# One-word names of a whole continent of the UN table (its first column), not a sub-region of it.
_CONTINENT_NAMES = {"Pacific": "Oceania", "Oceania": "Oceania"}
# The UN table's names where the regular pattern does not hold.
_SPECIAL = {("Middle", "Asia"): "Central Asia", ("Southern", "Asia"): "Southern Asia",
            ("Southern", "America"): "South America", ("Middle", "America"): "Central America",
            ("Northern", "America"): "Northern America"}


def named_subregion(question: str) -> str | None:
    """The UN sub-region the question names ("West African" → "Western Africa"), else the country
    group it names ("Andean" → "Andean countries"), or None."""
    names = [(s, e) for s, e, _, _ in find_countries(question or "")]
    # "South Africa", "Central African Republic", "South Sudan": a country's name, not a sub-region.
    low = (question or "").lower()
    # "Europe and Central Asia" is an ILO region, not the sub-region Central Asia.
    names += [(r.start(), r.end()) for alias in (*REGION_ALIASES, *QUESTION_REGIONS, *REGION_ALIASES.values())
              if " and " in alias for r in re.finditer(re.escape(alias.lower()), low)]

    words = set(re.findall(r"[a-z]+", low))

    def a_country(m: re.Match) -> bool:
        if any(s < m.end() and m.start() < e for s, e in names):
            return True
        # "europe central asia", "European or Central Asian": the ILO region that holds the phrase,
        # named by its other words too.
        phrase = re.sub(r"an$", "", m.group(0).lower()).split()
        for region in set(REGION_ALIASES.values()):
            r = region.lower().split()
            if " ".join(phrase) in region.lower() and any(w in words or w + "an" in words
                                                          for w in r if w not in phrase and w not in ("and", "the")):
                return True
        more = re.findall(r"[\w'-]+", question[m.end():])[:2]  # lower-case "south africa", "... republic"
        return any(lookup(" ".join([m.group(0), *more[:k]])) for k in range(len(more) + 1))

    m = next((m for m in _PHRASE.finditer(question or "") if not a_country(m) and not _funders_after(question, m.end())),
             None)
    if m:
        d = _DIRECTION[m.group(1).lower().replace("  ", " ")]
        c = _CONTINENT[m.group(2).lower()]
        name = _SPECIAL.get((d, c), f"{d} {c}")
        known = {v[1] for v in _coco_table().values()}
        return name if name in known else None
    whole = [(r.start(), r.end()) for r in _WHOLE_REGION.finditer(question or "")]
    one = next((o for o in _ONE_WORD.finditer(question or "") if not any(s <= o.start() < e for s, e in whole)
                and not _funders_after(question, o.end())), None)
    if one:
        return "Caribbean" if one.group(1).lower().startswith("car") else one.group(1).capitalize()
    named = named_group(question or "")
    return named[0].name if named and not _funders_after(question, named[2]) else None


# "a Gulf donor", "Nordic funders": the group describes who pays, not where the answers lie
_FUNDERS_AFTER = re.compile(r"\s*(?:states?\s+|countries\s+|governments?\s+)?(?:donors?|funders?|financiers?|sponsors?|"
                            r"contributors?)\b", re.I)


def _funders_after(question: str, end: int) -> bool:
    return bool(_FUNDERS_AFTER.match(question, end))


def in_subregion(iso3: str, subregion: str) -> bool:
    """Is the country in the sub-region, or in the named group (:mod:`app.qa.names.country_groups`)?"""
    declared = group(subregion)
    if declared is not None:
        return iso3 in declared.members
    row = _coco_table().get(iso3, ("", ""))
    if subregion in _CONTINENT_NAMES:  # "the Pacific": every island state of Oceania
        return row[0] == _CONTINENT_NAMES[subregion]
    return row[1] == subregion


def keep_subregion(question: str, answers: list[dict]) -> tuple[list[dict], str | None]:
    """Country answers outside the named sub-region dropped (others untouched), and the sub-region."""
    sub = named_subregion(question)
    if sub is None or not any(a.get("iso3") for a in answers):
        return answers, None
    return [a for a in answers if not a.get("iso3") or in_subregion(a["iso3"], sub)], sub


def members_in(subregion: str, knowledge) -> list[str]:
    """The graph's countries in the sub-region or named group (entity ids, sorted)."""
    return sorted(i for i, e in knowledge.entities.items()
                  if e["type"] == "Country" and in_subregion(i.split(":", 1)[1], subregion))
