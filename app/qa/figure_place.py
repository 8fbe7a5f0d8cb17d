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
"""
from __future__ import annotations

from graph import countries


def about_place(results: list, a, text_step) -> list:
    """``results`` without the sentences about another country than the one the question names."""
    named = a.linked("Country")
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
