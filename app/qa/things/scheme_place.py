"""A scheme answer is a country's scheme, and the one of the country asked about.

"Which schemes did the ILO support in Germany?" found Nepal's financing line ("Financing support:
Germany, the ILO's Regular Budget and the UN Joint SDG Fund") and answered the Joint SDG Fund, a
pooled fund named like a scheme; "... in Holland" answered Lebanon's disability allowance, from a
sentence naming the Netherlands among Lebanon's donors; "Which pension scheme did the ILO help
Samoa launch?" answered the report's own programme.  The report knows no scheme in those
countries, and the answer should say so.

Two checks, both read from the graph:

* an answer that is not a Scheme must be a country's own institution (``institutionOf``: Kenya's
  National Social Security Fund is one, UNICEF, the IMF and the Joint SDG Fund are not), and an
  agency's programme (an Initiative) is never a scheme;
* when the question names a country as the place ("in Germany", "help Samoa launch"), a scheme or
  institution the graph places only in other countries is not its answer.  A country named as a
  funder or partner ("schemes Germany funds") is no place, and is left alone.
"""
from __future__ import annotations

import re

from graph import countries

PLACED_BY = {"Scheme": "schemeInCountry", "Organization": "institutionOf"}


def _homes(eid: str, type_: str, knowledge) -> set[str]:
    pred = PLACED_BY.get(type_)
    return {f["object"] for f in knowledge.facts_where(subject=eid, predicate=pred)} if pred else set()


def _said_in(x: dict, place: set[str], knowledge) -> bool:
    """Is the answer's evidence in the asked country's own entry?  A name read there is that
    country's, whichever same-named scheme of another country the graph linked it to ("the
    universal health insurance scheme" in Egypt's entry)."""
    for ev in x.get("evidence") or []:
        p = knowledge.passage(ev.get("passage_id", ""))
        iso = next((c for c in map(countries.lookup, reversed(p.section_path)) if c), None) if p else None
        if iso and f"Country:{iso}" in place:
            return True
    return False


def _named(label: str, knowledge) -> dict | None:
    """The one entity a name read from a sentence is the name of ("Multi-donor Programme"), or
    whose acronym it writes ("Fund (UNPDF)")."""
    from app.knowledge import norm

    for name in [label] + re.findall(r"\(([A-Z][A-Za-z-]{1,9})\)", label):  # "... Fund (UNPDF)": the acronym names it
        ids = knowledge.name_index.get(norm(name), set())
        if len(ids) == 1:
            return knowledge.entity(next(iter(ids)))
    return None


# "with which global programme did the ILO develop a course": a programme of no one country is asked
_NOT_NATIONAL = re.compile(r"\b(?:global|international|worldwide|multi-country|inter-?agency)\s+"
                           r"(?:programmes?|programs?|platforms?|initiatives?|networks?)\b", re.I)


def country_schemes(answers: list[dict], a, knowledge) -> list[dict]:
    """Scheme answers that are a country's scheme or institution, placed in the country asked
    (all of them when the question asks for a global or international programme)."""
    if _NOT_NATIONAL.search(a.question):
        return answers
    place = set() if (a.fund or a.partner) else set(a.linked("Country"))
    out = []
    for x in answers:
        ent = knowledge.entity_by_iri(x["iri"]) if x.get("iri") else _named(x.get("label") or "", knowledge)
        if ent is None:
            out.append(x)  # a name read from a sentence that the graph does not know: it cannot say
            continue
        type_ = ent.get("type")
        if type_ == "Initiative":
            continue
        homes = _homes(ent["id"], type_, knowledge)
        if type_ == "Organization" and not homes:
            continue
        if place and homes and not homes & place and not _said_in(x, place, knowledge):
            continue
        out.append(x)
    return out
