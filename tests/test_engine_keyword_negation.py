"""Negations that name their relation's other end without the relation's verb: a keyword query's
trailing "no <convention>" / "not <funder>" over countries (app.qa.constraints.keyword_negation),
and "did not get <funder> funding" (the funding cue across a linked name, app.qa.question.FUND).

The real engine over the real build.  Conventions, funders, regions and their countries are read
from the knowledge base's facts, so the test holds on another report (or skips, saying why).
"""
from __future__ import annotations

import pytest

from tests.support.engine import answer_ids


def _subjects(engine, predicate: str, obj: str) -> set[str]:
    return {f["subject"] for f in engine.k.facts_where(predicate=predicate, obj=obj) if f["subject"].startswith("Country:")}


def _most(engine, predicate: str) -> str:
    counts: dict[str, int] = {}
    for f in engine.k.facts_where(predicate=predicate):
        counts[f["object"]] = counts.get(f["object"], 0) + 1
    if not counts:
        pytest.skip(f"the report holds no {predicate} facts")
    return max(sorted(counts), key=counts.get)


def test_pathfinders_no_convention_are_those_that_have_not_ratified_it(engine):
    conv, init = _most(engine, "ratified"), _most(engine, "pathfinderOf")
    pathfinders, ratifiers = _subjects(engine, "pathfinderOf", init), _subjects(engine, "ratified", conv)
    if not pathfinders & ratifiers:
        pytest.skip("no pathfinder has ratified the most ratified convention: the reading would not show")
    res = engine.ask(f"pathfinders no {engine.k.label(conv)}")
    assert answer_ids(engine, res) == pathfinders - ratifiers, res["path"]


def test_region_countries_not_a_funder_are_those_it_does_not_fund(engine):
    funder = next((f for f in sorted({f["object"] for f in engine.k.facts_where(predicate="fundedBy")},
                                      key=lambda o: -len(_subjects(engine, "fundedBy", o)))
                   if f.startswith("Organization:") and not f.startswith("Organization:gov-")), None)
    if funder is None:
        pytest.skip("no funding body in the graph")
    funded = _subjects(engine, "fundedBy", funder)
    region = next((r for r in sorted({f["object"] for f in engine.k.facts_where(predicate="inRegion")})
                   if _subjects(engine, "inRegion", r) & funded and _subjects(engine, "inRegion", r) - funded), None)
    if region is None:
        pytest.skip("no region is partly funded by the biggest funder")
    res = engine.ask(f"{engine.k.label(region)} countries not {engine.k.label(funder)}")
    got = answer_ids(engine, res)
    assert got and not got & funded, res["path"]
    assert got <= _subjects(engine, "inRegion", region)


def test_a_funder_set_aside_from_funders_stays_a_set_aside(engine):
    """"<country> donors not <funder>": the answers are funders, so the funder is set aside."""
    country = max(sorted({f["subject"] for f in engine.k.facts_where(predicate="fundedBy") if f["subject"].startswith("Country:")}),
                  key=lambda c: len(engine.k.facts_where(subject=c, predicate="fundedBy")))
    funders = {f["object"] for f in engine.k.facts_where(subject=country, predicate="fundedBy")}
    gone = sorted(f for f in funders if f.startswith("Organization:") and not f.startswith("Organization:gov-"))[0]
    res = engine.ask(f"{engine.k.label(country)} donors not {engine.k.label(gone)}")
    got = answer_ids(engine, res)
    assert got and gone not in got and got <= funders, res["path"]


def test_did_not_get_funder_funding_is_a_negated_funding(engine):
    """"Which of A, B and C did not get <funder> funding": the funding cue spans the funder's name."""
    funder = next(f for f in sorted({f["object"] for f in engine.k.facts_where(predicate="fundedBy")},
                                    key=lambda o: -len(_subjects(engine, "fundedBy", o))))
    funded = sorted(_subjects(engine, "fundedBy", funder))
    other = sorted({f["subject"] for f in engine.k.facts_where(predicate="fundedBy")
                    if f["subject"].startswith("Country:")} - set(funded))
    if len(funded) < 2 or not other:
        pytest.skip("the biggest funder funds too few countries, or every country")
    picked = [funded[0], funded[1], other[0]]
    names = [engine.k.label(c) for c in picked]
    q = f"Which of {names[0]}, {names[1]} and {names[2]} did not get {engine.k.label(funder)} funding?"
    assert answer_ids(engine, engine.ask(q)) == {other[0]}, q
