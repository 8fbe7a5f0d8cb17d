"""Chains whose middle is a set of countries described by relations, with no connective.

"Who finances the Global Accelerator pathfinders located in Europe and Central Asia?", "Which
donors fund the African countries that adopted a policy in 2024?": the asked organisations stand in
one relation (funding, partnership) to *countries* the rest of the question describes by other
relations (pathfinder of a named initiative, a result kind, a ratification, a region).  The
description is answered first, as the country question it is; its countries then stand for the
described set (any of them), and the outer relation is asked of them as of named countries.

The outer relation is the one from a country to an organisation the question words (the registry
relations with Country in their domain and Organization in their range); the inner ones are
whatever the graph step reads from the rest.  Nothing names a report fact.
"""
from __future__ import annotations

from dataclasses import replace

import re

from app.qa.question import FUND, PARTNER, RATIFY, Analysis, Link

# The analysis flags of the outer relation (country -> asked thing) the graph step reads, by the
# asked type: organisations fund or partner the countries; conventions are ratified by them.
# A year asked of a described country is its ratification's ("when did the Arab States country
# that Norway funds ratify C102").
_OUTER_BY_TYPE = {"Organization": ("fund", "partner"), "Convention": ("ratify",), "Year": ("ratify",)}
_OUTER_FLAGS = ("fund", "partner", "ratify")
# The cue that words each outer relation, to tell the outer one from the inner one when both are worded.
_CUE = {"fund": FUND, "partner": PARTNER, "ratify": RATIFY}
# The linked types that name the asked end (dropped from the description) for each asked type.
_ASKED_LINKS = {"Organization": ("Organization",), "Convention": ("LegalInstrument",), "Year": ("LegalInstrument",)}
# Flags of the inner description, cleared once its countries stand for it.
_INNER_FLAGS = ("pathfinder", "ratify", "any_result", "priority", "membership", "members", "pending", "chair",
                "fund", "partner")
_WH = re.compile(r"\b(?:who|whom|whose|which|what|where|when|how|why)\b", re.I)
# "the ILO's work in Nepal", "support to Nepal": a country named there receives; it does not fund.
_RECIPIENT_BEFORE = re.compile(r"\b(?:in|to|for|within|inside|of)\s+(?:the\s+)?$", re.I)


def _first_cue(a: Analysis, flag: str) -> int:
    """Where the question first words a relation (outside linked names); past the end when it does not."""
    from app.qa.multihop.chains import _blank

    m = _CUE[flag].search(_blank(a))
    return m.start() if m else len(a.question) + 1


def _outer(a: Analysis) -> str | None:
    """The relation the asked entities stand in to the described countries: of the relations the
    asked type can stand in, the one worded; when two are ("which organisations does the ILO partner
    with in the countries funded by Japan"), the one worded first, as the question's own verb (the
    later one describes the countries)."""
    on = [f for f in _OUTER_BY_TYPE.get(a.answer_type, ()) if getattr(a, f)]
    if not on:
        return None
    return min(on, key=lambda f: _first_cue(a, f))


def _funding_countries(a: Analysis, inner_fund: bool) -> bool:
    """Are the linked countries all named as funders of the described ones ("the countries Germany
    funds", "Japan-funded countries"), not as the place asked about ("the ILO's partners in Nepal")?"""
    countries = [l for l in a.links if any(i.startswith("Country:") for i in l.ids)]
    return inner_fund and all(not _RECIPIENT_BEFORE.search(a.question[:l.start]) for l in countries)


# Words that rank or count the funders of a region's countries: read by the aggregate step.
_RANKED = re.compile(r"\b(?:most|fewest|least|top|biggest|largest|greatest|leading|main|principal|common|more|less|"
                     r"how\s+many|number|count|share|percentage|only|every|all|each|both)\b", re.I)


def region_list_asked(a: Analysis, outer: str) -> bool:
    """"asia funders", "who funds the arab states countries": the funders of every country in a
    region (or the priority countries), listed; a ranking or count of them is the aggregate step's."""
    from app.qa.graphstep import AUTHOR_ORGS

    # (the report's author is where the work is done, not a named funder: "the ILO's work in ...")
    return outer == "fund" and a.answer_type == "Organization" and not a.linked("Country") \
        and not set(a.linked("Organization")) - AUTHOR_ORGS and not _RANKED.search(a.question)


# "every (single) Arab States priority country", "each of the pathfinders": the asked relation holds
# for each country of the set, not for any of them
_EVERY = re.compile(r"\b(?:every|each)\s+(?:single\s+|one\s+of\s+(?:the\s+)?)?(?:[\w'’-]+\s+){0,4}?"
                    r"(?:countr(?:y|ies)|nations?|territor(?:y|ies)|pathfinders?|states?|members?)\b|"
                    r"\beach\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}?(?:countries|nations|pathfinders|states|members)\b", re.I)


# Words for a set of countries: "countries", "nations", "pathfinders", "where", "places"
_COUNTRY_SET = re.compile(r"\b(?:countr(?:y|ies)|nations?|territor(?:y|ies)|pathfinders?|states|places?|where|"
                          r"governments?)\b", re.I)
# The question words the country it relates to ("RAMU country funders", "the Haba Haba scheme's
# country"), not the named thing itself (a scheme's own funders are the graph step's).
_COUNTRY_WORD = re.compile(r"\bcountr(?:y|ies)\b|\bnation\b", re.I)


def _thing_country(probe: Analysis, knowledge):
    """The country at the far end of the one relation the graph holds for the one thing the
    question names (a scheme's country, a law's, a project's), as the inner description, when the
    question words a country; None otherwise.  The description is then that country, and the
    outer relation is asked of it ("RAMU country funders": Burkina Faso's funders)."""
    from app.qa.relation.implied_end import implied_end

    if not _COUNTRY_WORD.search(probe.question) or any(l.type == "Country" for l in probe.links):
        return None
    return implied_end(probe, knowledge)


def clear_described(a: Analysis, start: int) -> None:
    """Once a description from ``start`` on ("... in the countries funded by the EU") stands for
    its countries, a relation worded only inside it no longer applies to the asked entities: its
    flag goes off, so the question's own relation (worded before) is the one asked."""
    from app.qa.question import PATHFINDER

    before, inside = a.question[:start], a.question[start:]
    for flag, cue in (*_CUE.items(), ("pathfinder", PATHFINDER)):
        if getattr(a, flag) and cue.search(inside) and not cue.search(before):
            setattr(a, flag, False)


def outer_relation(flag: str) -> str:
    """The registry relation an outer flag asks ("ratify": ratified)."""
    return {"ratify": "ratified", "fund": "fundedBy", "partner": "partneredWith"}[flag]


def _role_before_countries(question: str, description: str) -> bool:
    """Does the question word the picked role right before "countries" ("who funds the ILO-IMF
    pilot countries"), rather than as a verb of its own ("who committed money to ...")?"""
    role = description.split(" of ")[0].split(":")[-1].strip()
    words = [w for w in re.findall(r"[a-z]+", role.lower()) if w not in ("country", "countries")]
    return bool(words) and bool(re.search(r"\b" + r"\s+".join(map(re.escape, words)) + r"\s+countr", question, re.I))


def resolve(a: Analysis, knowledge, run) -> str | None:
    """Replace the described countries by a link to the set; the path step, or None."""
    from app.qa.multihop.chains import compose
    from app.qa.graphstep import constraints_for, to_sparql

    if a.negation:
        return None
    outer = _outer(a)
    if outer is None:
        return None
    inner_flags = {f: getattr(a, f) for f in _OUTER_FLAGS if f != outer}
    if inner_flags.get("fund") or inner_flags.get("partner"):
        # Funding and partnership both worded: the inner one describes the countries only by its
        # named other end ("funded by Japan", "where the ILO works with the World Bank").
        from app.qa.graphstep import AUTHOR_ORGS

        if not any(l.type in ("Organization", "Country") and not set(l.ids) & AUTHOR_ORGS for l in a.links):
            return None
        if any(_first_cue(a, f) > len(a.question) for f in _OUTER_FLAGS if getattr(a, f)):
            return None  # a relation switched on by the intent guess, not by the question's words
    if a.linked("Country") and not _funding_countries(a, inner_flags.get("fund", False)):
        return None
    probe = replace(a, answer_type="Country", **{outer: False}, links=list(a.links),
                    negated=set(a.negated), excluded=set(a.excluded))
    asked = _ASKED_LINKS.get(a.answer_type, ())
    if not any(inner_flags.values()):  # the asked end is not described ("who funds the pathfinders")
        probe.links = [l for l in probe.links if l.type not in asked]
    else:  # a named organisation is the inner relation's end; a named convention is still asked
        probe.links = [l for l in probe.links if l.type not in asked or l.type == "Organization"]
    inner = compose(probe, constraints_for(probe, knowledge), knowledge)
    inner = [c for c in inner if c.relation != outer]
    implied = _thing_country(probe, knowledge) if not inner else None
    if implied is not None:  # "RAMU country funders": the country of the one thing named
        inner = [implied]
    # "donors of the ilo-imf pilot countries": in a keyword query, a role the graph holds for an
    # initiative's list (pilot, expanded phase) describes the countries as a relation would (a
    # sentence's own clauses say more than its role word: left to the rules above)
    from app.qa.constraints.qualified_members import qualified_members

    picked = qualified_members(probe, inner, knowledge)
    if _WH.search(a.question):  # a full question: only a role worded as the countries' own noun
        picked = [c for c in picked if _role_before_countries(a.question, c.description)]  # ("the ILO-IMF pilot countries")
    inner += picked
    # "Which development partners have contributed to the RBSA?": funding or partnership with a
    # named organisation describes countries only where the question words some ("the countries
    # funded by the EU", "pathfinders"); otherwise it is the organisation's own relation
    if not _COUNTRY_SET.search(a.question) and not a.regions and \
            all(c.relation in ("fund", "partner") for c in inner):
        return None
    # A region or priority filter alone names no relation: the funders of a region's countries
    # are asked the usual way.
    if not inner or any(not c.strong for c in inner if c is not implied):
        return None
    year_of_one = a.answer_type == "Year" and all(c.relation == "region" and c.within for c in inner)
    every = bool(_EVERY.search(a.question)) and outer == "fund" and a.answer_type == "Organization"
    if all(c.relation in ("region", "priority") for c in inner) and not region_list_asked(a, outer) and not year_of_one \
            and not every:
        return None
    ids = [i for i in run(to_sparql(inner)) if i.startswith("Country:")]
    if year_of_one:  # "central america c102 ratification year": the one country there that holds the relation
        held = set(a.linked(*_ASKED_LINKS["Year"]))
        ids = [i for i in ids if any(f["object"] in held for f in knowledge.facts_where(subject=i, predicate=outer_relation(outer)))]
    if not ids or (a.answer_type == "Year" and len(ids) > 1):
        return None  # one year is dated for one country: a described set of several has none
    used = {e for c in inner for t in c.evidence for e in (t[0], t[2]) if ":" in e} | set(a.regions)
    consumed = [l for l in a.links if set(l.ids) & used or (l.type == "Country" and l in probe.links)]
    start = min((l.start for l in consumed), default=len(a.question))
    end = max((l.end for l in consumed), default=len(a.question))
    a.links = [l for l in a.links if l not in consumed] + [Link(start, end, a.question[start:end], ids)]
    a.any_of, a.all_of = not every, every
    a.regions, a.result_types, a.years = [], [], []
    for f in _INNER_FLAGS:
        if f != outer:
            setattr(a, f, False)
    return ("each of the " if every else "") + "countries described by: " + "; ".join(c.description for c in inner)
