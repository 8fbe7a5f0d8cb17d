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

from app.qa.names.country_groups import members, named_groups, near_word
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
# A sub-region named by one word ("Caribbean states", "the Pacific", "Oceania") -- not the ILO region
# "Asia and the Pacific" ("Asia-Pacific", "asia pacific") that holds the word.
# Nor the Americas as "Latin America and the Caribbean" ("LatAm & Caribbean", "LAC").
_ONE_WORD = re.compile(r"(?<!\basia and the )(?<!\basia and )(?<!\basia-)(?<!\basia )"
                       r"(?<!\bamerica and the )(?<!\bamerica and )(?<!\bamerica & the )(?<!\bamerica & )"
                       r"(?<!\blatam and the )(?<!\blatam and )(?<!\blatam & the )(?<!\blatam & )"
                       r"\b(caribbean|pacific|oceania)\b", re.I)
# "Latin America and the Caribbean", "LatAm & Caribbean": the whole of the Americas' south, named
# with the Caribbean, not the Caribbean sub-region alone.
_WHOLE_AMERICAS = re.compile(r"(?:\b(?:latin\s+america|latam|america|americas)\s*(?:&|and)|\w\s*&)\s*(?:the\s+)?caribbean$", re.I)
# One-word names of a whole continent of the UN table (its first column), not a sub-region of it.
_CONTINENT_NAMES = {"Pacific": "Oceania", "Oceania": "Oceania"}
# The UN table's names where the regular pattern does not hold.
_SPECIAL = {("Middle", "Asia"): "Central Asia", ("Southern", "Asia"): "Southern Asia",
            ("Southern", "America"): "South America", ("Middle", "America"): "Central America",
            ("Northern", "America"): "Northern America"}


def named_subregion(question: str) -> str | None:
    """The UN sub-region the question names ("West African" → "Western Africa"), or None."""
    found = subregion_span(question)
    return found[0] if found else None


def subregion_span(question: str) -> tuple[str, int, int] | None:
    """The UN sub-region the question names and where its words are, or None."""
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
        one = _ONE_WORD.search(question or "") or _misspelt_one_word(question or "")
        if one and _WHOLE_AMERICAS.search(low[:one.end()]):
            return None  # "LatAm & Caribbean", "Latin America and the Caribbean": the region, not the islands
        return (_ONE_WORD_NAMES[_mended(one.group(1))], one.start(), one.end()) if one else None
    d = _DIRECTION[m.group(1).lower().replace("  ", " ")]
    c = _CONTINENT[m.group(2).lower()]
    name = _SPECIAL.get((d, c), f"{d} {c}")
    known = {v[1] for v in _coco_table().values()}
    return (name, m.start(), m.end()) if name in known else None


_ONE_WORD_NAMES = {"caribbean": "Caribbean", "pacific": "Pacific", "oceania": "Oceania"}


def _mended(word: str) -> str:
    """The one-word sub-region a (possibly misspelt) word is."""
    low = word.lower()
    return low if low in _ONE_WORD_NAMES else next(n for n in _ONE_WORD_NAMES if near_word(low, n))


class _Mended:
    """A one-word sub-region found in the mended question, placed back on the words as written."""

    def __init__(self, word: str, start: int, end: int):
        self.word, self._start, self._end = word, start, end

    def group(self, _: int = 0) -> str:
        return self.word

    def start(self, _: int = 0) -> int:
        return self._start

    def end(self, _: int = 0) -> int:
        return self._end


def _misspelt_one_word(question: str) -> _Mended | None:
    """A misspelt one-word sub-region ("carribean", "pacfic"): not a report's word, so the speller
    leaves it.  The question is read with the word spelt right, as any question is, so "Asia and
    the Pacfic" stays the ILO region."""
    for m in re.finditer(r"\b[A-Za-z]{6,}\b", question):
        word = m.group(0)
        if word.lower() in _ONE_WORD_NAMES or not any(near_word(word, n) for n in _ONE_WORD_NAMES):
            continue
        right = _mended(word)
        mended = question[:m.start()] + right + question[m.end():]
        hit = _ONE_WORD.search(mended, m.start())
        if hit and hit.start() == m.start():
            return _Mended(right, m.start(), m.end())
    return None


def in_subregion(iso3: str, subregion: str) -> bool:
    row = _coco_table().get(iso3, ("", ""))
    if subregion in _CONTINENT_NAMES:  # "the Pacific": every island state of Oceania
        return row[0] == _CONTINENT_NAMES[subregion]
    return row[1] == subregion


@lru_cache(maxsize=4096)
def named_places(question: str) -> tuple[tuple[str, int, int], ...]:
    """Every place finer than an ILO region the question names: a UN sub-region ("West African")
    and the named groupings of :mod:`app.qa.names.country_groups` ("Nordic", "the Maghreb"), each
    with where its words are."""
    sub = subregion_span(question)
    groups = named_groups(question)
    if sub is not None:  # "Sahel" over "West African" when both name the same words: the finer one stays too
        groups = [g for g in groups if g[2] <= sub[1] or g[1] >= sub[2]] + [sub]
    return tuple(sorted(groups, key=lambda t: t[1]))


def in_place(iso3: str, place: str) -> bool:
    """Is the country in the sub-region or grouping ``place``?"""
    group = members(place)
    return iso3 in group if group else in_subregion(iso3, place)


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
    return {iso for iso in _coco_table() if in_place(iso, place)}


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
            or any(in_place(a["iso3"], p) for p in places)], places


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
