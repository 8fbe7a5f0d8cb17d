"""The ILO instruments a country's own entry cites, for a convention question the graph's relations
do not cover ("ukrainian pension reform aligned with which convention", "which recommendation is
named next to the convention in Sierra Leone's entry").

Why: the graph relates countries to ILO instruments by ratification, inquiry and assessment.  A
country entry also cites instruments as the standard its work is "in line with" ("... in line with
Convention No. 102 (ratified in 2013) and Recommendation No. 202").  A question asking which
convention or recommendation goes with a country, worded by no relation the graph holds (the graph
step gave no answer of its own and the text none of the asked kind), is answered by the ILO instruments the entry's passages mention,
of the kind asked (:mod:`app.qa.things.instrument_kind`).  A graph answer, even an empty one ("which
conventions has Timor-Leste ratified": none), stands.  Only when exactly one country is named; an
instrument the question names narrows or sets aside the answer (:func:`app.qa.things.instrument_kind.keep_named`).
"""
from __future__ import annotations

from app.qa.multihop.entry_country import entry_country


def entry_instruments(country: str, knowledge, lexicon) -> dict[str, list[str]]:
    """ILO instrument id -> the passages of ``country``'s entry that mention it."""
    out: dict[str, list[str]] = {}
    for pid, p in knowledge.passages.items():
        if getattr(p, "section_kind", "") != "country":
            continue
        ilo = [f"{m['type']}:{m['key']}" for m in knowledge.mentions_in(pid) if m["type"] == "LegalInstrument"]
        ilo = [i for i in ilo if ((knowledge.entity(i) or {}).get("role") or "").startswith("ILO")]
        if ilo and entry_country(p, lexicon) == country:
            for i in ilo:
                out.setdefault(i, []).append(pid)
    return out


def asks_entry_instruments(a, out: dict) -> str | None:
    """The one country a convention question with no answer and no graph query names, or None."""
    if out.get("answers") or str(out.get("strategy", "")).startswith("graph") or out.get("answer_type") != "Convention":
        return None
    countries = list(dict.fromkeys(a.linked("Country")))
    if len(countries) != 1 or a.negated:
        return None
    return countries[0]
