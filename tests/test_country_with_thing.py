"""A country named by a thing it has: "the country with the <scheme>" (engine `_DESCRIBED`,
app/qa/multihop/embedded_country.py, app/qa/multihop/described_country.py).

"Who finances the ILO's work in the country with the Estidama++ pilot programme?" and "In which
year did the country with the Estidama++ pilot programme ratify C102?" name the country by a thing
the report places there.  "with" was no connective of a description, so the question was read
whole: the programme's sentence answered (its administrator, a year of its own).  The scheme's own
sentence settles the country, then the question proper is asked of it by name.  The engine checks
compare with the question that names the country, for schemes the graph places in exactly one
country (knowledge base facts); a ranking ("the country with the most donors") is never such a
description.
"""
from __future__ import annotations

import re

import pytest

from app.qa.multihop.described_country import split
from tests.support.engine import answer_labels, funders_per_country


@pytest.mark.parametrize("question, inner, outer", [
    ("When did the country with the Utopia pension scheme join the Global Accelerator?",
     "Which country with the Utopia pension scheme?", "When did {} join the Global Accelerator?"),
    ("In which year did the country with the Atlantis health fund launched in 2019 ratify C102?",
     "Which country with the Atlantis health fund launched in 2019?", "In which year did {} ratify C102?"),
])
def test_a_thing_the_country_has_ends_at_the_question_propers_verb(question, inner, outer):
    named = split(question)
    assert named is not None and (named.inner, named.outer) == (inner, outer)


@pytest.mark.parametrize("question", [
    "When did the country with the most donors join the Global Accelerator?",
    "When did the country with the largest scheme ratify C102?",
    "When did the country with which Utopia partnered ratify C102?",
])
def test_a_ranking_or_with_which_is_no_description(question):
    assert split(question) is None


def _placed_schemes(engine, want_ratified: bool) -> list[tuple[str, str]]:
    """(scheme label, country key) for schemes whose name is theirs alone, placed in one country."""
    k = engine.k
    ratifiers = {f["subject"] for f in k.facts if f["predicate"] == "ratified" and (f.get("attrs") or {}).get("year")}
    funded = funders_per_country(k)
    places: dict[str, set[str]] = {}
    for f in k.facts:
        if f["predicate"] == "schemeInCountry":
            places.setdefault(f["subject"], set()).add(f["object"])
    labels: dict[str, int] = {}
    for e in k.entities.values() if isinstance(k.entities, dict) else k.entities:
        if e["id"].startswith("Scheme:"):
            labels[e["label"].lower()] = labels.get(e["label"].lower(), 0) + 1
    out = []
    for sid, cs in sorted(places.items()):
        label = k.entity(sid)["label"]
        if len(cs) != 1 or labels.get(label.lower(), 0) != 1 or not re.search(r"[A-Z]", label[1:]):
            continue
        country = next(iter(cs))
        if (country in ratifiers) if want_ratified else bool(funded.get(country)):
            out.append((label, country))
    if not out:
        pytest.skip("no scheme of its own name in one country")
    return out[:3]


def test_funders_of_the_country_with_a_scheme_are_that_countrys(engine):
    for scheme, country in _placed_schemes(engine, want_ratified=False):
        want = answer_labels(engine.ask(f"Who funds the ILO's work in {engine.k.label(country)}?"))
        assert want
        got = answer_labels(engine.ask(f"Who funds the ILO's work in the country with the {scheme}?"))
        assert got == want, scheme


def test_a_year_of_the_country_with_a_scheme_is_that_countrys(engine):
    for scheme, country in _placed_schemes(engine, want_ratified=True):
        want = answer_labels(engine.ask(f"When did {engine.k.label(country)} ratify Convention No. 102?"))
        assert want
        got = answer_labels(engine.ask(f"In which year did the country with the {scheme} ratify Convention No. 102?"))
        assert got == want, scheme


# -- a year in the other condition's clause (app/qa/multihop/chains.py year_in_other_clause) --------
def _pathfinders(k) -> tuple[str, dict[str, set[str]]]:
    """The initiative with the most pathfinders, and its pathfinders by the year they joined."""
    by_init: dict[str, dict[str, set[str]]] = {}
    for f in k.facts_where(predicate="pathfinderOf"):
        y = str((f.get("attrs") or {}).get("year") or "")
        by_init.setdefault(f["object"], {}).setdefault(y, set()).add(f["subject"])
    if not by_init:
        pytest.skip("no pathfinders in the graph")
    init = max(by_init, key=lambda i: sum(len(v) for v in by_init[i].values()))
    return init, by_init[init]


def test_a_year_in_the_other_clause_does_not_date_the_pathfinders(engine):
    k = engine.k
    init, by_year = _pathfinders(k)
    every = set().union(*by_year.values())
    alloc: dict[str, set[str]] = {}
    for f in k.facts_where(predicate="receivedAllocationFrom"):
        if f["subject"].startswith("Country:"):
            alloc.setdefault(f["object"], set()).add(f["subject"])
    org = next((o for o, cs in sorted(alloc.items(), key=lambda x: -len(x[1])) if cs & every and
                any(cs & ys for y, ys in by_year.items() if y) and (cs & every) - max(by_year.values(), key=len)), None)
    if org is None:
        pytest.skip("no allocation shared with pathfinders of several years")
    year = max(y for y in by_year if y)
    want = {k.label(c) for c in alloc[org] & every}
    q = f"Which of the countries where new {k.label(org)} money was allocated in {year} are {k.label(init)} pathfinders?"
    assert set(answer_labels(engine.ask(q))) == want, q


def test_a_year_in_the_pathfinders_own_clause_dates_them(engine):
    k = engine.k
    init, by_year = _pathfinders(k)
    year = max((y for y in by_year if y), key=lambda y: len(by_year[y]))
    q = f"Which countries became {k.label(init)} pathfinders in {year}?"
    assert set(answer_labels(engine.ask(q))) == {k.label(c) for c in by_year[year]}, q
