"""Negation scoped to one name: set differences between two entities on the same relation ("funders
of A that do not fund B", "countries funded by X but not by Y") and the complement of a relation
among the report's own countries ("arab states countries without X funding").

The real engine over the real build of the bundled report.  Questions are written for these tests
(in no tuning set) from the knowledge base's facts, so they hold on another report with the same
kinds of facts (or skip, saying why).
"""
from __future__ import annotations

import pytest

from app.qa.constraints.negated_names import negated_ids
from tests.support.engine import answer_ids, countries_per_government_funder, funders_per_country


def _negated(engine, question: str) -> set[str]:
    return negated_ids(question, engine.lexicon.link(question))


def _country(engine, name: str) -> str:
    return next(i for l in engine.lexicon.link(name) for i in l.ids if i.startswith("Country:"))


def test_the_negation_governs_the_name_after_it_not_every_name(engine):
    jordan, lebanon = _country(engine, "Jordan"), _country(engine, "Lebanon")
    got = _negated(engine, "funders of Jordan that do not fund Lebanon")
    assert lebanon in got and jordan not in got
    # the relation's own words may stand between ("do not also finance the ILO's work in ...")
    assert lebanon in _negated(engine, "Which of Jordan's funders do not also finance the ILO's work in Lebanon?")
    assert lebanon in _negated(engine, "Who pays for Jordan but not for Lebanon?")
    assert lebanon in _negated(engine, "Which of Jordan's funders are missing from Lebanon's financing line?")
    # a noun of another kind in between: the negation is about it ("no result"), not the name
    assert not _negated(engine, "countries with no result funded by the European Union")
    # a name followed by a negated verb whose subject is something else
    assert not _negated(engine, "which organisations paying for the work in Jordan do not fund Lebanon") - {lebanon}
    assert not _negated(engine, "Which countries are funded by Jordan?")


def _pair(engine):
    """Two countries whose funders overlap and differ, each funder funding directly."""
    funders = funders_per_country(engine.k)
    direct = {c: fs for c, fs in funders.items()
              if not any(engine.k.facts_where(subject=f, predicate="fundedBy") for f in fs)}
    for a, fa in sorted(direct.items()):
        for b, fb in sorted(direct.items()):
            if a != b and fa & fb and fa - fb and fb - fa:
                return a, b, fa, fb
    pytest.skip("no two countries whose funders overlap and differ")


@pytest.mark.parametrize("template", [
    "Which of {a}'s funders do not also fund {b}?",
    "funders of {a} that do not fund {b}",
    "Who pays for the ILO's work in {a} but not for {b}?",
    "Which organisations finance {a} without funding {b}?",
    # the negation on a funder noun ("are not funders of", "not donors to", "not also backers of")
    "Which of {a}'s funders are not funders of {b}?",
    "{a} funders that are not donors to {b}",
    "Which funders of {a} are not also backers of {b}?",
])
def test_funders_of_one_country_minus_another_s(engine, template):
    a, b, fa, fb = _pair(engine)
    res = engine.ask(template.format(a=engine.k.label(a), b=engine.k.label(b)))
    assert res["answer_type"] == "Organization"
    got = answer_ids(engine, res)
    assert got == fa - fb, (got, fa, fb)


@pytest.mark.parametrize("template", [
    "countries funded by {x} but not by {y}",
    # the negated funder named as its country, with an article: its government funds
    "countries funded by {x} but not by the {y_country}",
    "Which countries does {x} finance that the {y_country} does not fund?",
])
def test_countries_funded_by_one_funder_and_not_another(engine, template):
    funded = countries_per_government_funder(engine.k)
    # funders that also fund a pooled fund reach more countries through it: left out here
    pooled = {f["object"] for f in engine.k.facts_where(predicate="fundedBy") if not f["subject"].startswith("Country:")}
    funded = {x: cs for x, cs in funded.items() if x not in pooled}
    pair = next(((x, y) for x in sorted(funded) for y in sorted(funded)
                 if x != y and funded[x] & funded[y] and funded[x] - funded[y]), None)
    if pair is None:
        pytest.skip("no two government funders whose countries overlap and differ")
    x, y = pair
    y_country = engine.k.label("Country:" + y.split("gov-", 1)[1])
    res = engine.ask(template.format(x=engine.k.label(x), y=engine.k.label(y), y_country=y_country))
    assert answer_ids(engine, res) == funded[x] - funded[y]


def test_a_region_s_countries_without_a_funder_are_the_report_s_own(engine):
    """The complement is taken among the countries the report has an entry for, not every
    country of the region a gazetteer holds."""
    eu = next(i for l in engine.lexicon.link("European Union") for i in l.ids)
    priority = {e for e, ent in engine.k.entities.items() if ent["type"] == "Country" and ent["attrs"].get("priority")}
    for region_name in ("Arab States", "Asia and the Pacific"):
        region = next(i for l in engine.lexicon.link(region_name) for i in l.ids if i.startswith("Region:"))
        inside = {f["subject"] for f in engine.k.facts_where(predicate="inRegion", obj=region)} & priority
        funded = {f["subject"] for f in engine.k.facts_where(predicate="fundedBy", obj=eu)}
        want = inside - funded
        if not want or not (inside & funded):
            continue
        got = answer_ids(engine, engine.ask(f"{region_name.lower()} countries without european union funding"))
        assert got == want, (region_name, got, want)
        return
    pytest.skip("no region with both EU-funded and other priority countries")


def test_none_from_a_funder_is_a_set_difference(engine):
    gov = "Organization:gov-" + _country(engine, "Netherlands").split(":")[1]
    dutch = {f["subject"] for f in engine.k.facts_where(predicate="fundedBy", obj=gov) if f["subject"].startswith("Country:")}
    eu = next(i for l in engine.lexicon.link("European Union") for i in l.ids)
    eu_funded = {f["subject"] for f in engine.k.facts_where(predicate="fundedBy", obj=eu)}
    if not (dutch - eu_funded and dutch & eu_funded):
        pytest.skip("the Netherlands' countries and the EU's do not overlap and differ")
    res = engine.ask("Which countries get money from the Netherlands but none from the European Union?")
    assert answer_ids(engine, res) == dutch - eu_funded


def test_a_name_set_aside_in_a_dropped_preamble_stays_aside(engine):
    """'We already know about X, so leave X out of it: which countries does F fund?' reads the
    question proper, and X is still not an answer."""
    funded = countries_per_government_funder(engine.k)
    funder, countries = max(funded.items(), key=lambda kv: len(kv[1]))
    if len(countries) < 3:
        pytest.skip("no government funds three countries")
    left = sorted(countries)[0]
    name = engine.k.label(left)
    res = engine.ask(f"We already wrote up {name}'s programme last month, so leave {name} out of it: "
                     f"which countries does {engine.k.label(funder)} fund?")
    got = answer_ids(engine, res)
    assert left not in got and got == countries - {left}, (got, countries)


def _with_result(engine, kind_words: str) -> set[str]:
    from app.qa.graphstep import RESULT_TYPES

    kind = next(k for k in RESULT_TYPES if k.startswith(kind_words))
    ids = {f["subject"] for f in engine.k.facts_where(predicate="achievedResult")
           if (engine.k.entity(f["object"]) or {}).get("attrs", {}).get("result_type") == kind}
    if not ids:
        pytest.skip(f"no {kind} results in the build")
    return ids


def test_a_result_kind_worded_positively_beside_another_relation_s_negation(engine):
    """'countries with a policy result that are not pathfinders': the negation is the pathfinders',
    the results still hold."""
    policy = _with_result(engine, "policies")
    pathfinders = {f["subject"] for f in engine.k.facts_where(predicate="pathfinderOf")}
    want = policy - pathfinders
    if not want or want == policy:
        pytest.skip("no policy-result countries on both sides of the pathfinder list")
    got = answer_ids(engine, engine.ask("Which countries had a policy or strategy result in 2024 but are not pathfinders?"))
    assert got == want, (got, want)


def test_a_region_set_aside_is_no_filter_even_when_the_preamble_names_it(engine):
    operations = _with_result(engine, "operations")
    africa = next(i for l in engine.lexicon.link("Africa") for i in l.ids if i.startswith("Region:"))
    inside = {f["subject"] for f in engine.k.facts_where(predicate="inRegion", obj=africa)}
    if not (operations - inside and operations & inside):
        pytest.skip("operations results not on both sides of Africa")
    res = engine.ask("Our Africa desk keeps its own list, so leave the African ones out of it: "
                     "which countries improved operations in 2024?")
    assert answer_ids(engine, res) == operations - inside


def test_a_region_someone_has_covered_is_set_aside(engine):
    """'We have Africa covered in a separate note, ...: which countries does F fund?'"""
    from app.qa.constraints.exclusion import set_aside

    q = "We have Africa covered in a separate note, so please leave it out: which countries does the EU fund?"
    africa = next(i for l in engine.lexicon.link("Africa") for i in l.ids if i.startswith("Region:"))
    assert africa in set_aside(q, engine.lexicon.link(q)).ids
    eu = next(i for l in engine.lexicon.link("European Union") for i in l.ids)
    inside = {f["subject"] for f in engine.k.facts_where(predicate="inRegion", obj=africa)}
    funded = {f["subject"] for f in engine.k.facts_where(predicate="fundedBy", obj=eu) if f["subject"].startswith("Country:")}
    if not (funded - inside and funded & inside):
        pytest.skip("EU-funded countries not on both sides of Africa")
    assert answer_ids(engine, engine.ask(q)) == funded - inside
