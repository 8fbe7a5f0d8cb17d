"""The one country a description names, found by the sentence that says the description.

"the country whose Khyber Pakhtunkhwa province is building a single socioeconomic registry", "the
country that hosted an international conference in Dakar in September 2024": the graph holds no
relation for such an event, and reading the description as a question lets the words it does hold
("South Asian", "Global Accelerator", "hosted") answer alone: every South Asian country, every
pathfinder, or nothing.  The report says the event once, in the entry of the country it happened
in, so the best sentence for the description's own words decides the country; a donor or
government that sentence names as a partner ("in partnership with the Government of Japan") stands
for the entry's country, where the event took place.

Both places that meet a described country read it here: a description that ends a question
(``QuestionEngine._resolve_description``) and one the question opens with or embeds
(:mod:`app.qa.multihop.described_country`, when the naming question's own reading does not give
one country).  Nothing from a report: retrieval, the entry a sentence sits in, and the names the
question itself gives.
"""
from __future__ import annotations

import re

from dataclasses import dataclass
from typing import Callable, Iterable


@dataclass(frozen=True)
class Found:
    """The country (entity key) a description names and the sentence that says so."""

    country: str
    sentence: str


EVENT_WORDS = 5  # a description told in fewer words is a relation the graph reads ("the country Kuwait funds")


def tells_event(desc: str) -> bool:
    """Is the description an event told in words of its own (several), not a short relation the
    graph holds and the naming question reads ("the country that the Social Security Institute
    funds": which institute is the graph's to say, not the nearest sentence's)?"""
    from app.qa.units import terms

    return len(set(terms(desc))) >= EVENT_WORDS


def country_of(rel: str, desc: str, *, analyse: Callable, encode: Callable, text_run: Callable, units,
               passage: Callable, entry_country: Callable, names: Callable[[str], Iterable[str]],
               as_government: Callable, as_donor: Callable, min_score: float, author_orgs: set[str],
               named_inside: set[str] = frozenset()) -> Found | None:
    """The single country whose sentence best says ``desc`` (after ``rel``: "whose", "where",
    "that" ...), or None when the best sentence is weak or names no single country.

    A country named inside the description is its context ("the countries that Japan supports"),
    never the country it describes (the question would have named it)."""
    probe = analyse(f"Which country {rel} {desc}")
    probe.answer_type = "Country"
    qvec = encode(desc)
    required = [set(l.ids) for l in probe.links if l.type in ("Organization", "Scheme", "LegalInstrument")
                and not (set(l.ids) & author_orgs)]
    results = text_run(probe, qvec, required, set()) or text_run(probe, qvec, [], set())
    inside = set(named_inside) | {i for l in probe.links if l.type == "Country" for i in l.ids}
    hits = [f for r in results[:1] for f in r.found if f.type == "Country" and f.key not in inside]
    if len(hits) > 1 and rel.lower() == "whose" and results[0].score >= min_score:
        # "the country whose Bolsa da Mãe programme ...": of the countries a sentence lists, the one
        # it writes as the owner of the described thing ("Timor-Leste's Bolsa da Mãe program")
        owners = [f for f in hits if _owns(units[results[0].unit_id].text, names(f.key), desc)]
        hits = owners if len(owners) == 1 else hits
    if len(hits) != 1 or results[0].score < min_score:
        return None
    country = hits[0].key
    u = units[results[0].unit_id]
    entry = entry_country(passage(u.passage_id))
    if entry and entry != country and (as_government(u.text, names(country)) or as_donor(u.text, names(country))):
        country = entry  # "in partnership with the Government of Japan": the entry's country is where it happened
    return Found(country, u.text)


def _owns(sentence: str, country_names: Iterable[str], desc: str) -> bool:
    """Does the sentence write one of the country's names as the possessor of the description's
    first words ("<country>'s <thing>")?"""
    from app.qa.units import terms

    head = set(terms(" ".join(desc.split()[:3])))
    for n in country_names:
        for m in re.finditer(re.escape(n) + r"['’]s\s+((?:\S+\s+){0,3}\S+)", sentence):
            if head & set(terms(m.group(1))):
                return True
    return False


SAYS_MORE = 0.25  # how much more (a share of its words) of the description a sentence must say to outweigh another reading's evidence
SAYS_ENOUGH = 0.6  # and how much of it it must say at least


def says_better(desc: str, sentence: str, others: Iterable[str]) -> bool:
    """Does ``sentence`` say the description decidedly better than every one of ``others`` (the
    evidence of another reading: "the country whose Minister of National Development Planning
    committed on 7 June 2023" read as every country that joined by a commitment, of which one is
    left, and its sentence says a minister and a commitment but not the date nor the ministry)?"""
    from app.qa.multihop.chains import topic_coverage
    from app.qa.units import terms

    words = list(dict.fromkeys(terms(desc)))
    said = topic_coverage(words, sentence)
    best_other = max((topic_coverage(words, t) for t in others), default=0.0)
    return said >= SAYS_ENOUGH and said > best_other + SAYS_MORE


def in_places(country: str, noun: str, link: Callable, knowledge) -> bool:
    """Does the country (entity key) lie where the noun's modifiers place it ("the South Asian
    country", "the African country", "the Central Asian nation")?  A noun naming no place allows
    every country.  Sub-regions and named groups as :mod:`app.qa.names.subregions` reads them; a
    region the modifiers link to as the graph places its countries."""
    from app.qa.names.subregions import graph_regions, keep_asked_places

    phrase = f"the {noun}"
    links = link(phrase)
    iso3 = country.split(":", 1)[-1]
    kept, places = keep_asked_places(phrase, links, [{"iso3": iso3}], knowledge)
    if places:
        return bool(kept)
    regions = {i for l in links if l.type == "Region" for i in l.ids}
    return not regions or bool(regions & graph_regions(knowledge, iso3))
