"""Sub-regions people name in questions ("West African states", "Southeast Asian countries"):
a filter finer than the ILO's five regions, read from the UN geoscheme in country_converter's table
(general knowledge, not a fact of the report).

The question linker maps "African" to the ILO region Africa, so without this step "Which West
African states ratified C102" answered with every African ratifier (Morocco, Comoros, ...).  Only
country answers are filtered, and only when the question names a sub-region the table knows.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from app.qa.names.country_groups import group, named_groups, near_word
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
    group it names ("Andean" → "Andean countries"), or None.  A place right before a funder noun
    ("a Gulf donor", "Nordic funders") describes who pays, not where the answers lie."""
    found = subregion_span(question)
    if found is not None and not _funders_after(question, found[2]):
        return found[0]
    named = next((g for g in named_groups(question or "") if not _funders_after(question, g[2])), None)
    return named[0] if named else None


def subregion_span(question: str, joined: bool = True) -> tuple[str, int, int] | None:
    """The UN sub-region the question names and where its words are, or None.  With ``joined``, a
    direction coordinated before it names a second sub-region too ("South and South-East Asia")."""
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

    m = next((m for m in _PHRASE.finditer(question or "") if not a_country(m)), None)
    if not m:
        return _one_word_subregion(question or "")
    d = _DIRECTION[m.group(1).lower().replace("  ", " ")]
    c = _CONTINENT[m.group(2).lower()]
    name = _SPECIAL.get((d, c), f"{d} {c}")
    known = {v[1] for v in _coco_table().values()}
    if name not in known:
        return None
    # "South and South-East Asia", "West and Central Africa": a direction coordinated before the
    # phrase shares its continent, so both sub-regions are named (joined by "|")
    both = _COORDINATED.search(question[:m.start()]) if joined else None
    if both is not None:
        d0 = _DIRECTION[" ".join(both.group(1).lower().split())]
        first = _SPECIAL.get((d0, c), f"{d0} {c}")
        if first in known and first != name:
            return f"{first}|{name}", both.start(), m.end()
    return name, m.start(), m.end()


_COORDINATED = re.compile(r"\b(south[- ]?east(?:ern)?|west(?:ern)?|east(?:ern)?|north(?:ern)?|south(?:ern)?|central|middle)"
                          r"\s+(?:and|&|or)\s+$", re.I)


_ONE_WORD_NAMES = {"caribbean": "Caribbean", "pacific": "Pacific", "oceania": "Oceania"}


def _one_word_subregion(question: str) -> tuple[str, int, int] | None:
    """A sub-region named by one word, spelt right or misspelt ("Caribbean states", "carribean",
    "pacfic": not a report's word, so the speller leaves it), outside an ILO region named by its
    parts: the question is read with the word spelt right, so "Asia and the Pacfic" stays the
    region."""
    for w in re.finditer(r"\b[A-Za-z]{6,}\b", question):
        low = w.group(0).lower()
        name = low if low in _ONE_WORD_NAMES else next((n for n in _ONE_WORD_NAMES if near_word(low, n)), None)
        if name is None:
            continue
        mended = question[:w.start()] + name + question[w.end():]
        if any(r.start() <= w.start() < r.end() for r in _WHOLE_REGION.finditer(mended)):
            continue
        return _ONE_WORD_NAMES[name], w.start(), w.end()
    return None


# "a Gulf donor", "Nordic funders": the group describes who pays, not where the answers lie
_FUNDERS_AFTER = re.compile(r"\s*(?:states?\s+|countries\s+|governments?\s+)?(?:donors?|funders?|financiers?|sponsors?|"
                            r"contributors?)\b", re.I)


def _funders_after(question: str, end: int) -> bool:
    return bool(_FUNDERS_AFTER.match(question, end))


def in_subregion(iso3: str, subregion: str) -> bool:
    """Is the country in the sub-region, or in the named group (:mod:`app.qa.names.country_groups`)?"""
    if "|" in subregion:  # two sub-regions named together ("South and South-East Asia")
        return any(in_subregion(iso3, part) for part in subregion.split("|"))
    declared = group(subregion)
    if declared is not None:
        return iso3 in declared.members
    row = _coco_table().get(iso3, ("", ""))
    if subregion in _CONTINENT_NAMES:  # "the Pacific": every island state of Oceania
        return row[0] == _CONTINENT_NAMES[subregion]
    return row[1] == subregion


@lru_cache(maxsize=4096)
def named_places(question: str, joined: bool = True) -> tuple[tuple[str, int, int], ...]:
    """Every place finer than an ILO region the question names: a UN sub-region ("West African")
    and the named groupings of :mod:`app.qa.names.country_groups` ("Nordic", "the Maghreb"), each
    with where its words are (``joined``: see :func:`subregion_span`)."""
    sub = subregion_span(question, joined)
    if sub is not None and _funders_after(question, sub[2]):
        sub = None  # "West African donors", "a Gulf donor": who pays, not where the answers lie
    groups = [g for g in named_groups(question) if not _funders_after(question, g[2])]
    if sub is not None:  # "Sahel" over "West African" when both name the same words: the finer one stays too
        groups = [g for g in groups if g[2] <= sub[1] or g[1] >= sub[2]] + [sub]
    return tuple(sorted(groups, key=lambda t: t[1]))



# A place right after one of these is set aside, not asked ("outside West Africa", "except the
# Nordic countries", "non-Sahel"): :mod:`app.qa.constraints.exclusion` takes its countries out.
_ASIDE_BEFORE = re.compile(r"\b(?:outside(?:\s+of)?|except(?:\s+(?:for|in))?|excluding|excepting|not\s+in|other\s+than|"
                           r"apart\s+from|aside\s+from|besides|beyond|leaving\s+(?:out|aside)|not\s+counting|"
                           r"not\s+including|but\s+not|minus|without|non)[\s-]+(?:(?:the|of|in|those|ones|countries)\s+){0,2}$",
                           re.I)


def set_aside_places(question: str) -> list[tuple[str, int, int]]:
    """The places the question sets aside, each with the span from its cue to its end."""
    out = []
    for place, start, end in named_places(question):
        cue = _ASIDE_BEFORE.search(question[:start])
        if cue:
            out.append((place, cue.start(), end))
    return out


def place_members(place: str) -> set[str]:
    """Every country (ISO3) of a sub-region or grouping, from the general tables."""
    return {iso for iso in _coco_table() if in_subregion(iso, place)}


def keep_places(question: str, answers: list[dict], also_in: Callable[[str], bool] = lambda iso3: False
                ) -> tuple[list[dict], list[str]]:
    """Country answers outside every place the question names dropped (others untouched), and the
    places.  Answers in none of them leave none: "which Maghreb countries are pathfinders" has no
    answer when no pathfinder is in the Maghreb, not every pathfinder.  A place set aside
    ("outside West Africa") is no filter here.  ``also_in`` keeps a country in a region the question
    names beside the place ("in Europe or the Middle East")."""
    aside = {p for p, _, _ in set_aside_places(question)}
    places = [p for p, _, _ in named_places(question) if p not in aside]
    if not places or not any(a.get("iso3") for a in answers):
        return answers, []
    return [a for a in answers if not a.get("iso3") or also_in(a["iso3"])
            or any(in_subregion(a["iso3"], p) for p in places)], places


def beside_regions(question: str, links) -> set[str]:
    """The regions the question links apart from the places it names ("Europe" in "in Europe or
    the Middle East"), not the region a place's own words link to ("Africa" in "West Africa")."""
    spans = [(s, e) for _, s, e in named_places(question)]
    return {i for l in links if l.type == "Region" and not any(s < l.end and l.start < e for s, e in spans)
            for i in l.ids}


def graph_regions(knowledge, iso3: str) -> set[str]:
    """The regions the graph places a country in; one it places nowhere (a pathfinder with no
    entry), the general ILO region table's, as the region filters do."""
    from graph.countries import ilo_region

    placed = {f["object"] for f in knowledge.facts_where(subject=f"Country:{iso3}", predicate="inRegion")}
    return placed or {r["id"] for r in knowledge.of_type("Region") if r.get("label") == ilo_region(iso3)}


def keep_asked_places(question: str, links, answers: list[dict], knowledge) -> tuple[list[dict], list[str]]:
    """:func:`keep_places` for an analysed question: a region it links beside the places ("in
    Europe or the Middle East") keeps its countries too."""
    beside = beside_regions(question, links)
    return keep_places(question, answers, lambda iso3: bool(beside and beside & graph_regions(knowledge, iso3)))


def members_in(subregion: str, knowledge) -> list[str]:
    """The graph's countries in the sub-region or named group (entity ids, sorted)."""
    return sorted(i for i, e in knowledge.entities.items()
                  if e["type"] == "Country" and in_subregion(i.split(":", 1)[1], subregion))
