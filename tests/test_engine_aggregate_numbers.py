"""Aggregates and figures asked the way people ask them (keyword, wordy, typos): counts written
in words, result kinds in any word order, 'N kinds of result', regions ranked by any list
condition, keyword superlatives, time-series tables addressed without their number.

Expected answers are computed from the knowledge base (facts and table cells) by a different route
than the engine's SPARQL, never typed from memory; the questions are written for these tests.
"""
from __future__ import annotations

import re
from collections import defaultdict

import pytest

from app.qa.figures import numbers, region_rank, year_series
from app.qa.form.keyword_order import question_word_first
from app.qa.figures.number_words import word_numbers
from app.qa.textstep import _near
from tests.support.engine import funders_per_country, result_kinds


def _ids(res) -> set[str]:
    return {a["iri"].rsplit("/", 1)[-1] if a.get("iri") else a["label"] for a in res["answers"]}


def _countries(res, k) -> set[str]:
    return {k.entity_by_iri(a["iri"])["id"] for a in res["answers"] if a.get("iri")}


def _countries_per_funder(per: dict) -> dict:
    """How many countries each funder funds, from the graph's funders per country."""
    reach: dict = defaultdict(int)
    for fs in per.values():
        for f in fs:
            reach[f] += 1
    return reach


# -- pure functions -------------------------------------------------------------------------------
@pytest.mark.parametrize("text, values", [
    ("Three prototypes were selected", [3]),
    ("two dozen journalists and a dozen officials", [24, 12]),
    ("the group convened twice", [2]),
    ("twenty-five members", [25]),
    ("one of the partners", []),  # "one" is a pronoun far more often than a count
    ("dozens of meetings", []),
])
def test_word_numbers(text, values):
    assert [w.value for w in word_numbers(text)] == values


def test_pick_reads_counts_written_in_words_by_their_noun():
    seg = "Nine country profiles were published after two co-creation workshops."
    span = numbers.pick(seg, "how many country profiles were published", lambda w: _near(w, ["profiles"]))
    assert span is not None and span.value == 9
    # a figure counting something else ("two ... workshops") is not the answer
    seg = "The partner approach piloted the prototypes, following their design in two co-creation workshops."
    assert numbers.pick(seg, "how many prototypes were selected", lambda w: _near(w, ["prototypes"])) is None


def test_pick_times_and_ages():
    seg = "The group convened twice in 2024 and brought 40 experts together."
    assert numbers.pick(seg, "how often did the group meet", lambda w: False).value == 2
    seg = "A benefit for all people above 65 years of age reaches 300,000 people."
    assert numbers.pick(seg, "from what age are people eligible", lambda w: _near(w, ["people"])).value == 65
    # a sentence without an age does not answer an age question
    assert numbers.pick("It reaches 300,000 people.", "at what age do people qualify", lambda w: True) is None


def test_a_sentence_repeating_the_stated_figure_answers_nothing():
    assert numbers.pick("The network welcomed five new members.",
                        "it welcomed five new members; how many members does it have now", lambda w: True) is None


def test_keyword_superlatives_read_as_questions():
    assert question_word_first("funders most countries") == "which funders has the most countries"
    assert question_word_first("region fewest pathfinders?") == "which region has the fewest pathfinders?"
    assert question_word_first("kenya funders count") == "how many kenya funders"


def test_region_rank_keeps_ties_and_names_the_runner_up():
    rows = [("A", ["x", "y"], []), ("B", ["z", "w"], []), ("C", ["v"], [])]
    top, runner = region_rank.rank(rows)
    assert [r[0] for r in top] == ["A", "B"] and runner[0] == "C"
    assert region_rank.counts_objects("which region recorded the most institutional results")
    assert not region_rank.counts_objects("which region has the most countries with results")


# -- on the real build ------------------------------------------------------------------------------
def _regions(k) -> dict[str, str]:
    return {f["subject"]: f["object"] for f in k.facts if f["predicate"] == "inRegion"}


def test_counts_written_in_words_are_answers(engine):
    res = engine.ask("how many prototypes did the ILO and BMZ partner approach select in Rwanda")
    p = engine.k.passage(res["answers"][0]["evidence"][0]["passage_id"])
    assert res["answers"][0]["value"] == 3 and re.search(r"\bThree prototypes\b", p.text)


@pytest.mark.parametrize("wording", [
    "{region} countries with an operations improvement but no new schemes in 2024",
    "Which {region} countries saw an improvement in operations yet no scheme reform in 2024?",
])
def test_result_kinds_in_any_word_order(engine, wording):
    k = engine.k
    kinds, where = result_kinds(k, "2024"), _regions(k)
    region = max({r for r in where.values()}, key=lambda r: sum(
        1 for c, ks in kinds.items() if where.get(c) == r and "operations" in ks and "scheme_reform" not in ks))
    expected = {c for c, ks in kinds.items() if where.get(c) == region and "operations" in ks
                and "scheme_reform" not in ks}
    res = engine.ask(wording.format(region=k.label(region)))
    assert _countries(res, k) == expected


def test_exactly_n_kinds_and_kinds_of_one_country(engine):
    k = engine.k
    kinds = result_kinds(k, "2024")
    two = {c for c, ks in kinds.items() if len(ks) == 2}
    res = engine.ask("which countires got two diffrent kinds of results in 2024")
    assert _countries(res, k) == two
    country = sorted(two)[0]
    res = engine.ask(f"how many kinds of results did {k.label(country)} achieve in 2024")
    assert res["answers"][0]["value"] == 2 and "SELECT DISTINCT ?t" in res["sparql"]


def test_region_ranked_by_any_list_condition(engine):
    k = engine.k
    where = _regions(k)
    per = funders_per_country(k)
    funder = max({f for fs in per.values() for f in fs}, key=lambda f: sum(1 for fs in per.values() if f in fs))
    counts = defaultdict(int)
    for c, fs in per.items():
        if funder in fs and c in where:
            counts[where[c]] += 1
    best = max(counts.values())
    res = engine.ask(f"Which region has the most countries financed by the {k.label(funder)}?")
    assert res["answer_type"] == "Region"
    assert {a["label"] for a in res["answers"]} == {k.label(r) for r, n in counts.items() if n == best}
    kinds = result_kinds(k, "2024")
    ops = defaultdict(int)
    for c, ks in kinds.items():
        if "operations" in ks and c in where:
            ops[where[c]] += 1
    top = max(ops.values())
    res = engine.ask("region most countries improving operations 2024")
    assert {a["label"] for a in res["answers"]} == {k.label(r) for r, n in ops.items() if n == top}


def test_keyword_superlative_and_funder_count_wordings(engine):
    k = engine.k
    per = funders_per_country(k)
    reach = _countries_per_funder(per)
    top = max(reach.values())
    res = engine.ask("funders most countries")
    assert {a["label"] for a in res["answers"]} == {k.label(f) for f, n in reach.items() if n == top}
    country = max(per, key=lambda c: len(per[c]))
    res = engine.ask(f"number of financing sources for {k.label(country)}")
    assert res["answers"][0]["value"] == len(per[country])


def test_a_funder_before_the_counted_countries_binds(engine):
    k = engine.k
    where = _regions(k)
    per = funders_per_country(k)
    funder = max({f for fs in per.values() for f in fs}, key=lambda f: sum(1 for fs in per.values() if f in fs))
    acronym = next((n for n in k.names(funder) if n.isupper() and len(n) <= 5), k.label(funder))
    region = max(set(where.values()), key=lambda r: sum(1 for c, fs in per.items() if funder in fs and where.get(c) == r))
    expected = sum(1 for c, fs in per.items() if funder in fs and where.get(c) == region)
    res = engine.ask(f"how many {acronym} countries in {k.label(region)}")
    assert res["answers"][0]["value"] == expected


def test_time_series_table_without_its_number(engine):
    series = year_series._series(engine.tables.cells)
    (table, col), rows = next((key, rows) for key, rows in series.items() if "project" in key[1].lower())
    years = sorted(rows)
    most = max(years, key=lambda y: rows[y].value)
    res = engine.ask("year with the most new projects approved")
    assert res["answers"][0]["label"] == str(most) and res["strategy"] == "graph-table"
    res = engine.ask(f"total number of new projects {years[0]} to {years[-1]}")
    assert res["answers"][0]["value"] == sum(rows[y].value for y in years)
    a, b = years[-2], years[-1]
    res = engine.ask(f"By how much did the number of new projects change from {a} to {b}?")
    assert res["answers"][0]["value"] == abs(rows[b].value - rows[a].value)


def test_argmax_within_the_questions_other_condition(engine):
    k = engine.k
    per = funders_per_country(k)
    pathfinders = {f["subject"] for f in k.facts if f["predicate"] == "pathfinderOf" and f["subject"] in per}
    assert pathfinders
    top = max(len(per[c]) for c in pathfinders)
    res = engine.ask("Which pathfinder country has the most funders?")
    assert _countries(res, k) == {c for c in pathfinders if len(per[c]) == top}


def test_the_figure_said_of_the_counted_noun():
    seg = "The team stood at 180 in May, with 60 per cent based in 40 designated countries (staff in 25 offices)."
    near = lambda w: _near(w, ["team"])
    assert numbers.pick(seg, "how many team members were there in May", near).value == 180
    assert numbers.asked_unit("team headcount total may") == "count"


def test_a_negation_of_a_thing_named_before_the_region_leaves_the_region_a_filter(engine):
    k = engine.k
    where = _regions(k)
    kinds = result_kinds(k, "2024")
    priority = {f["subject"] for f in k.facts if f["predicate"] == "priorityCountryOf"}
    region = next(r for r in set(where.values()) if any(where.get(c) == r and c not in kinds for c in priority))
    expected = {c for c in priority if where.get(c) == region and c not in kinds}
    res = engine.ask(f"countries without any result in {k.label(region)}")
    assert _countries(res, k) == expected
    res = engine.ask(f"which pathfinders are not located in {k.label(region)}")
    assert not any(where.get(c) == region for c in _countries(res, k))


def test_how_many_more_between_two_compared_funders(engine):
    k = engine.k
    per = funders_per_country(k)
    reach = _countries_per_funder(per)
    named = [f for f in reach if f.startswith("Organization:") and any(n.isupper() and len(n) <= 4 for n in k.names(f))]
    a, b = sorted(named, key=lambda f: -reach[f])[:2]
    short = lambda f: next(n for n in k.names(f) if n.isupper() and len(n) <= 4)
    res = engine.ask(f"how many more countries does the {short(a)} fund compared with the {short(b)}")
    assert res["answer_type"] == "Number" and res["answers"][0]["value"] == abs(reach[a] - reach[b])
