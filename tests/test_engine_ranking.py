"""Rankings the question's own nouns state (app/qa/figures/ranking.py): keyword superlatives ("top
funder of ..."), the stated asked type over the template's, superlatives over a named pool of
three, a country compared with an organisation as its government, and the counted end typed.

Expected answers are computed from the knowledge base's fundedBy facts in Python, not by the
engine's SPARQL; the questions are written here.
"""
from __future__ import annotations

from collections import Counter, defaultdict

import pytest

from tests.support.engine import funders_per_country, result_kinds


def _countries_per_funder(k, region: str | None = None) -> Counter:
    inside = {f["subject"] for f in k.facts if f["predicate"] == "inRegion" and f["object"] == region} if region else None
    n: Counter = Counter()
    for f in k.facts:
        if f["predicate"] == "fundedBy" and f["subject"].startswith("Country:") and (inside is None or f["subject"] in inside):
            n[f["object"]] += 1
    return n




def _unique_top(counter) -> str:
    (top, n), (_, m) = counter.most_common(2)
    assert n > m, "the fixture needs a clear winner"
    return top


def _labels(res) -> list[str]:
    return [a["label"] for a in res["answers"]]


def test_keyword_superlative_names_the_ranked_thing(engine):
    k = engine.k
    top = _unique_top(_countries_per_funder(k))
    res = engine.ask("top funder of priority countries")
    assert res["answer_type"] == "Organization" and _labels(res) == [k.label(top)]


def test_most_funded_country_ranks_countries_by_their_funders(engine):
    k = engine.k
    per = Counter({c: len(fs) for c, fs in funders_per_country(k).items()})
    top = _unique_top(per)
    res = engine.ask("most funded country")
    assert res["answer_type"] == "Country" and _labels(res) == [k.label(top)]
    assert len(res["answers"][0]["counted"]) == per[top]


def test_stated_type_wins_over_the_template(engine):
    k = engine.k
    top = _unique_top(_countries_per_funder(k))
    res = engine.ask("Which single funder backs the largest number of countries overall?")
    assert _labels(res) == [k.label(top)]
    # only countries are counted: an initiative the funder also funds is not one of them
    assert all(c in {k.label(x) for x in funders_per_country(k)} for c in res["answers"][0]["counted"])


def test_superlative_over_a_pool_of_three(engine):
    k = engine.k
    per = _countries_per_funder(k)
    govs = sorted((per[f"Organization:gov-{iso}"], iso) for iso in ("FRA", "DEU", "PRT", "IRL", "JPN")
                  if per[f"Organization:gov-{iso}"])
    (n0, a), (n1, b), (_, c) = govs[0], govs[1], govs[-1]
    if n0 == n1:
        pytest.skip("no unique fewest among the pool in this build")
    names = [k.label(f"Country:{x}") for x in (c, a, b)]
    res = engine.ask(f"Which of these funds the fewest countries: {names[0]}, {names[1]} or {names[2]}?")
    assert _labels(res) and res["answers"][0]["iri"] == k.iri(f"Organization:gov-{a}")


def test_demonym_compared_with_an_organisation(engine):
    k = engine.k
    per = _countries_per_funder(k)
    nl, eu = per["Organization:gov-NLD"], per["Organization:eu"]
    assert nl != eu
    res = engine.ask("Does the Dutch government or the EU back more countries?")
    want = "Organization:gov-NLD" if nl > eu else "Organization:eu"
    assert [a["iri"] for a in res["answers"]] == [k.iri(want)]


def test_a_quantity_wh_typo_is_read_as_how(engine):
    res = engine.ask("hwo many countries does the European Union fund")
    assert res["answer_type"] == "Number"
    assert res["answers"][0]["value"] == _countries_per_funder(engine.k)["Organization:eu"]


# -- counts under filters (app/qa/figures/region_count.py, result_sets "only", graphstep region union) ------
def _region_of(k) -> dict[str, str]:
    return {f["subject"]: f["object"] for f in k.facts if f["predicate"] == "inRegion"}


def test_count_of_regions_a_funder_reaches(engine):
    k = engine.k
    where = _region_of(k)
    eu = {c for c, fs in funders_per_country(k).items() if "Organization:eu" in fs}
    res = engine.ask("In how many regions does the European Union finance countries?")
    assert res["answers"][0]["value"] == len({where[c] for c in eu if c in where})


def test_count_honours_a_region_set_aside_and_two_regions_are_a_union(engine):
    k = engine.k
    where = _region_of(k)
    eu = {c for c, fs in funders_per_country(k).items() if "Organization:eu" in fs}
    by_region = Counter(where.get(c) for c in eu)
    (top, n_top), (second, n_second) = by_region.most_common(2)
    names = {r: k.label(r) for r in (top, second)}
    res = engine.ask(f"Leaving out {names[top]}, how many countries get EU financing?")
    assert res["answers"][0]["value"] == len(eu) - n_top
    both = engine.ask(f"Taking {names[top]} and {names[second]} together, how many countries does the EU fund?")
    assert both["answers"][0]["value"] == n_top + n_second


def test_only_a_named_result_kind(engine):
    k = engine.k
    kinds = result_kinds(k, "2024")
    expected = {c for c, ks in kinds.items() if ks == {"operations"}}
    assert expected and expected != {c for c, ks in kinds.items() if "operations" in ks}
    res = engine.ask("How many countries had only an improving operations result and nothing else in 2024?")
    assert res["answers"][0]["value"] == len(expected)
    listed = engine.ask("Which countries achieved solely improving operations in 2024?")
    assert {"Country:" + a["iso3"] for a in listed["answers"]} == expected


# -- chains through a described set of countries (app/qa/multihop/country_chain.py) -------------------------
def test_funders_of_pathfinders_in_a_region(engine):
    k = engine.k
    where = _region_of(k)
    pathfinders = {f["subject"] for f in k.facts if f["predicate"] == "pathfinderOf" and f["subject"].startswith("Country:")}
    funders = funders_per_country(k)
    by_region = Counter(where.get(c) for c in pathfinders if funders.get(c))
    region = next(r for r, _ in by_region.most_common() if r)
    expected = {o for c in pathfinders if where.get(c) == region for o in funders.get(c, ())}
    res = engine.ask(f"Who pays for the ILO's work in the pathfinder countries located in {k.label(region)}?")
    assert {a["iri"] for a in res["answers"]} == {k.iri(o) for o in expected}
    kw = engine.ask(f"donors of the {k.label(region)} pathfinder countries")
    assert kw["answer_type"] == "Organization" and {a["iri"] for a in kw["answers"]} == {k.iri(o) for o in expected}


# -- an entity named by what happened there (engine._DESCRIBED + app/qa/multihop/entry_country.py) ---------
def test_entry_country_wins_over_a_partner_government():
    from app.qa.multihop.entry_country import named_as_government

    assert named_as_government("efforts in partnership with the Government of Japan to help farmers", ["Japan"])
    assert named_as_government("with Japan's government", ["Japan"])
    assert not named_as_government("Japan and the Government of Japan agreed", ["Japan"])


def test_count_of_funders_of_a_described_country(engine):
    k = engine.k
    res = engine.ask("How many funders are listed for the country whose National Assembly passed the Older Persons' Act?")
    assert res["answer_type"] == "Number"
    counted = set(res["answers"][0]["counted"])
    # the counted funders are exactly one country's funders: the described country's
    assert any({k.label(o) for o in fs} == counted for fs in funders_per_country(k).values())
    assert res["answers"][0]["value"] == len(counted) > 0


# -- regions asked (app/qa/figures/region_answers.py) ------------------------------------------------------
def test_regions_a_funder_reaches_and_regions_all_of_whose_countries_it_funds(engine):
    k = engine.k
    where = _region_of(k)
    eu = {c for c, fs in funders_per_country(k).items() if "Organization:eu" in fs}
    res = engine.ask("Which regions does the European Union finance countries in?")
    assert {a["label"] for a in res["answers"]} == {k.label(where[c]) for c in eu if c in where}
    members = defaultdict(set)
    for c, r in where.items():
        members[r].add(c)
    every = {k.label(r) for r, cs in members.items() if cs <= eu}
    res = engine.ask("Which region's countries are all financed by the European Union?")
    assert {a["label"] for a in res["answers"]} == every


def test_at_least_is_not_a_superlative():
    from app.qa.figures.aggregate import SUPERLATIVE_WORD

    assert SUPERLATIVE_WORD.search("which region had at least one result") is None
    assert SUPERLATIVE_WORD.search("which funder supports the least countries")


def test_a_dated_phrase_belongs_to_the_verb_before_it():
    from app.qa.multihop.chains import year_owner
    from app.qa.question import Analysis

    a = Analysis("Which countries that ratified the convention in 2023 are funded by the Dutch?", "Country")
    assert year_owner(a, "2023") == "ratify"
    b = Analysis("Which pathfinder countries had a policy result in 2024?", "Country")
    assert year_owner(b, "2024") == "result"


def test_one_result_kind_but_not_another(engine):
    k = engine.k
    kinds = result_kinds(k, "2024")
    expected = {c for c, ks in kinds.items() if "policies_strategies" in ks and "scheme_reform" not in ks}
    assert expected
    res = engine.ask("Which countries had a policy result but no scheme reform result in 2024?")
    assert {"Country:" + a["iso3"] for a in res["answers"]} == expected
