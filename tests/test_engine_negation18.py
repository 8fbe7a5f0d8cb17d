"""Negation read where it is worded, and the complement taken within the right universe:

* a relation's own match that opens with its negation: "receive no funding from X", "get no money
  from X" (app.qa.question, the relation cue "no money" carries its "no");
* "neither by X nor by Y": both names negated, not only the one after "nor"
  (app.qa.constraints.negated_names);
* "lack any donor other than X": X is the only funder, as "no donor other than X"
  (app.qa.constraints.set_conditions and exclusion);
* a keyword query's "but not X" tail over countries: X's relation negated
  (app.qa.constraints.keyword_negation);
* "countries that ratified C are not pathfinders of I": a ratifier the report has no entry for is
  no less a non-pathfinder (app.qa.multihop.set_by_description keeps the whole reading).

The real engine over the real build.  Funders, regions, conventions and initiatives are read from
the knowledge base's facts, so each test holds on another report (or skips, saying why).
"""
from __future__ import annotations

import pytest

from tests.support.engine import answer_ids


def _subjects(engine, predicate: str, obj: str) -> set[str]:
    return {f["subject"] for f in engine.k.facts_where(predicate=predicate, obj=obj) if f["subject"].startswith("Country:")}


def _funders(engine) -> list[str]:
    """Funding bodies (not governments), most countries funded first."""
    orgs = {f["object"] for f in engine.k.facts_where(predicate="fundedBy")
            if f["object"].startswith("Organization:") and not f["object"].startswith("Organization:gov-")}
    return sorted(orgs, key=lambda o: (-len(_subjects(engine, "fundedBy", o)), o))


def _funded_countries(engine) -> set[str]:
    return {f["subject"] for f in engine.k.facts_where(predicate="fundedBy") if f["subject"].startswith("Country:")}


def _entries(engine) -> set[str]:
    """The countries the report has an entry for (the universe of an unnamed complement)."""
    return {e["id"] for e in engine.k.of_type("Country") if (e.get("attrs") or {}).get("priority")}


def _regions(engine) -> list[str]:
    return sorted({f["object"] for f in engine.k.facts_where(predicate="inRegion")})


def test_no_funding_from_a_funder_is_the_countries_it_does_not_fund(engine):
    funders = _funders(engine)
    if not funders:
        pytest.skip("no funding body in the graph")
    funder = funders[0]
    funded = _subjects(engine, "fundedBy", funder)
    res = engine.ask(f"Which countries receive no funding from the {engine.k.label(funder)}?")
    got = answer_ids(engine, res)
    assert got and not got & funded, res["path"]


def test_named_candidates_with_no_money_from_a_funder(engine):
    """"Which of A, B, C and D get no money from X?": the named ones X does not fund."""
    funders = _funders(engine)
    if not funders:
        pytest.skip("no funding body in the graph")
    funder = funders[0]
    funded = sorted(_subjects(engine, "fundedBy", funder))
    others = sorted(_funded_countries(engine) - set(funded))
    if len(funded) < 2 or len(others) < 2:
        pytest.skip("the biggest funder funds too few or too many countries to name two of each")
    named = [funded[0], others[0], funded[1], others[1]]
    labels = [engine.k.label(c) for c in named]
    res = engine.ask(f"Which of {labels[0]}, {labels[1]}, {labels[2]} and {labels[3]} get no money from the "
                     f"{engine.k.label(funder)}?")
    assert answer_ids(engine, res) == {others[0], others[1]}, res["path"]


def test_neither_nor_negates_both_funders(engine):
    funders = _funders(engine)
    for region in _regions(engine):
        # the universe is the region's countries the report has an entry for, funded or not
        members = _subjects(engine, "inRegion", region) & _entries(engine)
        pair = [f for f in funders if _subjects(engine, "fundedBy", f) & members][:2]
        if len(pair) < 2:
            continue
        left = members - _subjects(engine, "fundedBy", pair[0]) - _subjects(engine, "fundedBy", pair[1])
        if not left:
            continue
        res = engine.ask(f"Which {engine.k.label(region)} countries are funded neither by the "
                         f"{engine.k.label(pair[0])} nor by the {engine.k.label(pair[1])}?")
        got = answer_ids(engine, res)
        assert got == left, res["path"]
        return
    pytest.skip("no region with two funders that leave some of its countries unfunded by both")


def test_lacking_any_donor_other_than_one_is_funded_only_by_it(engine):
    for funder in _funders(engine):
        for region in _regions(engine):
            members = _subjects(engine, "inRegion", region)
            only = {c for c in members & _subjects(engine, "fundedBy", funder)
                    if {f["object"] for f in engine.k.facts_where(subject=c, predicate="fundedBy")} == {funder}}
            rest = (members & _funded_countries(engine)) - only
            if not only or not rest:
                continue
            res = engine.ask(f"Which {engine.k.label(region)} countries lack any donor other than the "
                             f"{engine.k.label(funder)}?")
            assert answer_ids(engine, res) == only, res["path"]
            return
    pytest.skip("no region with countries funded only by one funder beside others")


def test_keyword_but_not_a_funder_is_a_set_difference(engine):
    funders = _funders(engine)
    for a in funders:
        for b in funders:
            fa, fb = _subjects(engine, "fundedBy", a), _subjects(engine, "fundedBy", b)
            if a != b and fa & fb and fa - fb:
                res = engine.ask(f"countries funded by {engine.k.label(a).lower()} but not {engine.k.label(b).lower()}")
                assert answer_ids(engine, res) == fa - fb, res["path"]
                return
    pytest.skip("no two funders whose countries overlap in part")


def test_ratifiers_not_pathfinders_keep_ratifiers_the_report_has_no_entry_for(engine):
    """The complement is taken within the ratifiers, not within the countries with an entry."""
    convs = sorted({f["object"] for f in engine.k.facts_where(predicate="ratified")},
                   key=lambda c: (-len(_subjects(engine, "ratified", c)), c))
    inits = sorted({f["object"] for f in engine.k.facts_where(predicate="pathfinderOf")},
                   key=lambda i: (-len(_subjects(engine, "pathfinderOf", i)), i))
    if not convs or not inits:
        pytest.skip("no ratifications or no pathfinders in the graph")
    ratifiers, pathfinders = _subjects(engine, "ratified", convs[0]), _subjects(engine, "pathfinderOf", inits[0])
    entries = _entries(engine)
    if not ratifiers & pathfinders or not (ratifiers - pathfinders) - entries:
        pytest.skip("no ratifier is a pathfinder, or every non-pathfinder ratifier has an entry")
    res = engine.ask(f"Which countries that ratified {engine.k.label(convs[0])} are not pathfinders of the "
                     f"{engine.k.label(inits[0])}?")
    got = answer_ids(engine, res)
    # (a ratification the report calls not yet valid may be left out: the no-entry ratifiers must stay)
    assert (ratifiers - pathfinders) - entries <= got and not got & pathfinders, res["path"]


def test_a_number_naming_the_set_of_result_kinds_is_no_count(engine):
    """"nothing ticked under any of the three result types": the countries with no result, not
    those with exactly three kinds (app.qa.constraints.result_sets skips a determined number)."""
    achieved = {f["subject"] for f in engine.k.facts_where(predicate="achievedResult")}
    kinds = {(engine.k.entity(f["object"]) or {}).get("attrs", {}).get("result_type")
             for f in engine.k.facts_where(predicate="achievedResult")} - {None}
    words = {2: "two", 3: "three", 4: "four"}.get(len(kinds))
    for region in _regions(engine):
        members = _subjects(engine, "inRegion", region) & _entries(engine)
        if words and members & achieved and members - achieved:
            res = engine.ask(f"For {engine.k.label(region)}, which countries in the results table have nothing ticked "
                             f"under any of the {words} result types?")
            assert answer_ids(engine, res) == members - achieved, res["path"]
            return
    pytest.skip("no region with countries both with and without a result")
