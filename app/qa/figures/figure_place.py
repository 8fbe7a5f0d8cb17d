"""A figure asked of one country comes from a sentence about that country.

"How many vulnerable workers did the Estidama++ pilot subsidise in Lebanon?" was answered 37,500
from "In Jordan, introduction of a pilot, following the Estidama++ programme, ... will subsidise
contributions for 37,500 vulnerable workers": the passage (the Arab States highlights) names
Lebanon elsewhere, so the filter on the asked country let the sentence through.  The question's
premise is wrong, and the report gives no such figure for Lebanon: the answer should be empty.

A sentence is about the asked country when it names it, or sits in its country entry, or names
no country at all (a sentence in a regional passage that names none cannot be told apart).  A
sentence that names only other countries, outside the asked country's entry, is about them.
When the best sentence was about another country and wrote the question's rarest word (the
thing asked about), and no sentence left writes it, the thing is that other country's: nothing is
answered, rather than a figure of the asked country's on something else.

Only a figure or year asked of exactly one country is checked: two named countries may be giver
and receiver, and the sentence may name either.

A count or figure (not a year) asked of one region about a named body ("usp2030 members asia
count", "how many USP2030 members are in Africa?") is checked the same way: it comes from a sentence that names the region (any of its
names, or the first word of its name: "Asia" for "Asia and the Pacific"), names a country of it,
or sits under its heading.  A total stated for the whole ("53 members") says nothing of one
region's share, and answering it would be answering another question.
"""
from __future__ import annotations

import re

from graph import countries


def about_place(results: list, a, text_step) -> list:
    """``results`` without the sentences about another country than the one the question names."""
    named = a.linked("Country")
    if a.answer_type == "Number" and not named and not a.linked("Region") and _WORLD.search(a.question):
        return about_world(results, text_step)
    if a.answer_type == "Number" and not named and len(set(a.linked("Region"))) == 1 \
            and a.linked("Initiative", "Organization", "Project") and not _SUBREGION.search(a.question):
        return about_region(results, a.linked("Region")[0], text_step)
    if a.answer_type not in ("Number", "Year") or len(named) != 1:
        return results
    iso = named[0].split(":", 1)[1]
    out = []
    for r in results:
        u = text_step.units.units[r.unit_id]
        said = {c for *_, c in countries.find_countries(u.text)}
        p = text_step.k.passage(r.passage_id)
        entry = text_step._entry_country(p) if p is not None else None
        if not said or iso in said or entry == iso:
            out.append(r)
    if results and out and out[0] is not results[0] and _rarest_only_in(results[0], out, a.question, text_step.units):
        return []  # the thing asked about is another country's: no sentence of this one says it
    return out


def _rarest_only_in(best, kept: list, question: str, units) -> bool:
    """Does the best sentence write the question's rarest word (the thing asked about: "Estidama++")
    and no sentence left after the check?"""
    from app.qa.units import terms

    known = [t for t in terms(question) if t in units.idf]
    if not known:
        return False
    rare = max(known, key=lambda t: units.idf[t])
    return rare in units.unit_terms[best.unit_id] and not any(rare in units.unit_terms[r.unit_id] for r in kept)


# "central and western asia", "south-east asia": a part of the region (or a title naming it), not the region
_SUBREGION = re.compile(r"\b(?:western|eastern|northern|southern|central|south[- ]?east(?:ern)?|north[- ]?east(?:ern)?|"
                        r"south[- ]?west(?:ern)?|north[- ]?west(?:ern)?)\s+(?:asia|africa|europe|americas?)\b", re.I)


def about_region(results: list, region: str, text_step) -> list:
    """``results`` whose sentence names ``region`` (or the first word of a name of it), names one
    of its countries, or sits in a passage under its heading."""
    k = text_step.k
    words = {n for n in k.names(region)} | {n.split()[0] for n in k.names(region)}
    said_region = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b", re.I)
    members = {f["subject"].split(":", 1)[1] for f in k.facts_where(predicate="inRegion", obj=region)
               if f["subject"].startswith("Country:")}
    out = []
    for r in results:
        u = text_step.units.units[r.unit_id]
        p = k.passage(r.passage_id)
        path = " > ".join(p.section_path) if p is not None else ""
        if said_region.search(u.text) or said_region.search(path) or \
                members & {c for *_, c in countries.find_countries(u.text)}:
            out.append(r)
    return out


# A figure asked of the whole world ("% world pop covered", "share of the world's population").
_WORLD = re.compile(r"\bworld(?:'s|’s)?\s+(?:pop\w*|people|workforce|total)\b|\b(?:of|in|across)\s+the\s+world\b|"
                    r"\bworldwide\b|\bglobal(?:ly)?\s+(?:pop\w*|coverage|average|rate)\b", re.I)


def about_world(results: list, text_step) -> list:
    """``results`` whose sentence is about no one country (names none, and sits in no country entry):
    a country's figure ("48.8 percent in India") is not the world's.  Unchanged when none is left."""
    out = []
    for r in results:
        u = text_step.units.units[r.unit_id]
        p = text_step.k.passage(r.passage_id)
        if not countries.find_countries(u.text) and not (p is not None and text_step._entry_country(p)):
            out.append(r)
    return out or results
