"""A section of the report named by its title answers with the countries its items are about.

Reports of this kind open their results chapter with a short list ("Most significant results
achieved in 2024"), split by region, one item per country: "In Burkina Faso, ...", "In Kenya, ...".
A reader who checks that list asks for it by its title ("which Arab States countries are in the
most significant results list", "most significant results 2024 africa count", "among the most
significant results, which countries delivered benefits for persons with disabilities?").  The
graph holds no relation "listed among the most significant results", so the question was read as
a region's countries or the results table's, and answered with every country of the region.

Here a section whose sub-sections are the report's regions, and whose sentences open on a
country, is a list of country items.  A question that writes the rarest word of the section's
title (rarer than ``MIN_TITLE_IDF``) and at least one more of its words asks for its items; a region the question
names picks that region's sub-section; further rare words of the question keep the items that
write a fair share of them (``NEAR_BEST`` of the best item's weight: "benefits or registrations
for persons with disabilities" keeps every item on disability, whichever of the words it uses).  Sections, titles, regions and items are all
read from the parsed report: nothing here names one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from app.qa.topics.theme_sections import _LAYOUT, _item_country, same_word
from app.qa.units import terms

MIN_TITLE_IDF = 2.3  # the title's rarest word ("significant") is this rare, and the question writes it
MIN_TOPIC_IDF = 2.3  # a further question word rarer than this narrows the list to the items writing it
NEAR_BEST = 0.4  # an item writing at least this share of the best item's topic weight stays
# A count of the list's countries ("how many countries", a keyword query ending in "count"), not
# a figure its items state ("how many people ...").
COUNTS_COUNTRIES = re.compile(r"\b(?:how many|number of)\s+(?:[\w-]+\s+){0,3}?(?:countries|territories|nations)\b|"
                              r"\bcount\s*\??\s*$", re.I)
_HOW_MANY = re.compile(r"\b(?:how many|number of)\s+(?:(?:the|most)\s+)*([\w-]+)", re.I)


def counts_items(question: str, title_terms: tuple[str, ...]) -> bool:
    """Does a count question count the list's countries: "how many countries ...", a keyword query
    ending in "count", or "how many" followed by the title itself ("how many most significant
    results ... africa")?"""
    if COUNTS_COUNTRIES.search(question):
        return True
    m = _HOW_MANY.search(question)
    return bool(m) and any(same_word(t, w) for w in terms(m.group(1)) for t in title_terms)


@dataclass(frozen=True)
class SectionList:
    title: str
    title_terms: tuple[str, ...]  # the title's words (no years)
    items: tuple[tuple[str, str, int], ...]  # (iso3, region sub-section title, unit index)


def section_lists(text_step) -> list[SectionList]:
    """Sections whose sub-sections are regions and whose sentences open on countries, read once."""
    cached = getattr(text_step, "_section_lists", None)
    if cached is not None:
        return cached
    units, k = text_step.units, text_step.k
    regions = {e["label"] for e in k.of_type("Region")}
    grouped: dict[tuple[str, ...], list[tuple[str, str, int]]] = {}
    for pid, rows in units.by_passage.items():
        p = k.passage(pid)
        if p is None or len(p.section_path) < 2 or p.section_path[-1] not in regions:
            continue
        items = grouped.setdefault(tuple(p.section_path[:-1]), [])
        for i in rows:
            u = units.units[i]
            if u.kind != "sentence" or "|" in u.text:
                continue  # a table row placed under the last region is no item
            iso = _item_country(u.text.replace("*", ""))
            if iso is not None and all(iso != have for have, _, _ in items):
                items.append((iso, p.section_path[-1], int(i)))
    out = [SectionList(path[-1], tuple(t for t in dict.fromkeys(terms(path[-1])) if not t.isdigit()), tuple(items))
           for path, items in grouped.items() if len(items) >= 2]
    text_step._section_lists = out
    return out


def answer(text_step, question: str, region_labels: list[str], stop: set[str],
           counting: bool = False) -> tuple[SectionList, list] | None:
    """(section, its items the question asks for), or None when no section's title is asked.
    ``counting``: the question asks a number (answered only when it counts the list itself)."""
    units = text_step.units
    asked = [t for t in dict.fromkeys(terms(question)) if not t.isdigit()]
    found = []
    for sec in section_lists(text_step):
        rarest = max(sec.title_terms, key=lambda t: units.idf.get(t, 0.0), default=None)
        written = [t for t in sec.title_terms if any(same_word(q, t) for q in asked)]
        if rarest and units.idf.get(rarest, 0.0) >= MIN_TITLE_IDF and rarest in written and len(written) >= 2:
            found.append(sec)
    if len(found) != 1:
        return None
    sec = found[0]
    if counting and not counts_items(question, sec.title_terms):
        return None  # "how many people ...": a figure its items state, not the count of the list
    wanted = {r.lower() for r in region_labels}
    items = [it for it in sec.items if not wanted or it[1].lower() in wanted]
    region_words = {t for r in region_labels for t in terms(r)}
    topic = [q for q in asked if q not in stop and q not in _LAYOUT  # "featured in the section"
             and not any(same_word(q, r) for r in region_words)  # "African countries" names the region
             and units.idf.get(q, 0.0) >= MIN_TOPIC_IDF
             and not any(same_word(q, t) for t in sec.title_terms)]
    if topic and items:
        def weight(i: int) -> float:
            have = set(units.unit_terms[i])
            return sum(units.idf.get(q, 0.0) for q in topic if q in have or any(same_word(q, t) for t in have))
        scored = [(weight(it[2]), it) for it in items]
        best = max(w for w, _ in scored)
        if best <= 0:
            return None
        items = [it for w, it in scored if w >= NEAR_BEST * best]
    return (sec, items) if items else None
