"""Aggregates, set conditions, year filters, table cells and numbers with units.

Pure pieces are tested on made-up sentences; the engine is asked over the bundled report with
questions written here, and the expected answers are computed from the knowledge base's facts
and the table cells by a different route than the engine's SPARQL (set operations in Python).
"""
from __future__ import annotations

from collections import defaultdict

import pytest

from app.qa.figures import numbers
from app.qa.relation.relation_choice import prospective
from app.qa.question import RATIFY
from tests.support.engine import funders_per_country


# -- pure pieces ---------------------------------------------------------------------------------
def test_number_spans_are_typed_and_labels_are_not_numbers():
    kinds = [(s.label, s.kind) for s in numbers.spans("In Table 3, 40 per cent of US$2.5 million went to 1,200 "
                                                       "farmers under Convention No. 102 in 2023.")]
    assert kinds == [("40 per cent", "percent"), ("US$2.5 million", "money"), ("1,200", "plain")]


@pytest.mark.parametrize("question, unit", [
    ("What share of the budget went to training?", "percent"),
    ("how much money did the fund disburse", "money"),
    ("How many herders joined the scheme?", "count"),
    ("In what year was it set up?", None),
])
def test_asked_unit(question, unit):
    assert numbers.asked_unit(question) == unit


def test_pick_reads_the_value_reached_and_the_unit_asked():
    near = lambda w: w.lower().startswith("herder")  # noqa: E731
    seg = "Registered herders rose from 1,500 to 9,800 between 2019 and 2023, while 12 per cent of them were women."
    assert numbers.pick(seg, "How many registered herders were there in 2023?", near).value == 9800
    assert numbers.pick(seg, "How many registered herders were there initially, from the start?", near).value == 1500
    assert numbers.pick(seg, "What share of the herders were women?", near).label == "12 per cent"
    assert numbers.pick(seg, "How much money did the herders receive?", near) is None  # no amount stated


def test_counts_entities_only_when_how_many_names_a_type():
    assert numbers.counts_entities("How many countries does Portugal fund?", "Country")
    assert not numbers.counts_entities("How many beneficiaries does the fund have?", "Country")
    assert not numbers.counts_entities("how much money did the round total?", "Organization")


def test_prospective_relation_words():
    assert prospective("which standard was it assessed against, with a view to eventually ratifying it?", RATIFY)
    assert not prospective("which countries ratified the convention in 2020?", RATIFY)


# -- the engine on the bundled report ---------------------------------------------------------------
def _ids(res) -> set[str]:
    return {"Country:" + a["iso3"] for a in res["answers"] if a.get("iso3")}




def test_funded_only_by_a_named_funder(engine):
    per = funders_per_country(engine.k)
    sole = defaultdict(set)
    for c, fs in per.items():
        if len(fs) == 1:
            sole[next(iter(fs))].add(c)
    funder, expected = max(sole.items(), key=lambda kv: len(kv[1]))
    name = engine.k.label(funder)
    res = engine.ask(f"Which countries have their ILO work paid for solely by the {name}?")
    assert _ids(res) == expected
    assert "FILTER NOT EXISTS" in res["sparql"]
    counted = engine.ask(f"how many countries get money exclusively from the {name}, no other donor?")
    assert counted["answers"][0]["value"] == len(expected)


def test_funded_only_by_their_own_national_institutions(engine):
    k = engine.k
    inst = {(f["subject"], f["object"]) for f in k.facts if f["predicate"] == "institutionOf"}
    expected = {c for c, fs in funders_per_country(k).items() if all((o, c) in inst for o in fs)}
    assert expected
    res = engine.ask("Which countries' ILO work is financed only by their own national institution?")
    assert _ids(res) == expected


def test_count_of_countries_with_any_institutional_result_under_a_region(engine):
    k = engine.k
    africa = {f["subject"] for f in k.facts if f["predicate"] == "inRegion" and f["object"] == "Region:africa"}
    achieved = {f["subject"] for f in k.facts if f["predicate"] == "achievedResult"}
    res = engine.ask("How many African countries recorded at least one institutional result?")
    assert res["answers"][0]["value"] == len(africa & achieved)
    results = [f for f in k.facts if f["predicate"] == "achievedResult" and f["subject"] in africa]
    res = engine.ask("How many institutional results did the countries of Africa achieve altogether?")
    assert res["answers"][0]["value"] == len({f["object"] for f in results})
    assert "COUNT" in res["sparql"]


def test_ratification_year_filters_anchored_by_an_event(engine):
    k = engine.k
    stmts = [f for f in k.facts if f["predicate"] == "ratified" and f["object"] == "LegalInstrument:c102"
             and f["attrs"].get("status") in (None, "registered")]
    before = {f["subject"] for f in stmts if f["attrs"].get("year") and int(f["attrs"]["year"]) < 2015}
    since = {f["subject"] for f in stmts if int(f["attrs"].get("year") or f["attrs"].get("since") or 0) >= 2022}
    assert before and since
    res = engine.ask("Which countries had ratified Convention No. 102 before the new social security code came in 2015?")
    assert _ids(res) == before
    res = engine.ask("Since the reform debate opened in 2022, which states have ratified Convention No. 102?")
    assert _ids(res) == since
    since_2021 = {f["subject"] for f in stmts if int(f["attrs"].get("year") or f["attrs"].get("since") or 0) >= 2021}
    assert since_2021 < {f["subject"] for f in stmts}
    # the opening clause names another relation's word ("the C102 campaign") with its own verb: it still dates
    # the question proper ("have ratified"), as "since 2021" would
    for q in ("Since the C102 campaign started in 2021, which member states have ratified the Social Security "
              "(Minimum Standards) Convention?",
              "After the ILO launched its ratification campaign in 2021, which countries ratified C102?"):
        assert _ids(engine.ask(q)) == since_2021, q


def test_inquiry_about_a_ratification_campaign_is_not_a_ratification(engine):
    expected = {f["subject"] for f in engine.k.facts if f["predicate"] == "inquiredAbout"}
    assert expected
    res = engine.ask("which member states enquired about the C102 ratification campaign")
    assert _ids(res) == expected


def _table1_groups(engine):
    groups = defaultdict(list)
    for c in engine.tables.cells:
        if ">" in c.row and c.unit != "marked":
            groups[(c.table_no, c.row.split(">", 1)[0].strip())].append(c)
    return groups


def test_table_argmax_ranks_branch_rows_not_their_group(engine):
    groups = _table1_groups(engine)
    (no, group), cells = next((g, cs) for g, cs in groups.items() if len({c.value for c in cs}) == len(cs) > 1)
    best = max(cells, key=lambda c: c.value)
    res = engine.ask(f"In Table {no}, which branch had the highest figure for {group}?")
    assert [a["label"] for a in res["answers"]] == [best.row.split(">")[-1].strip()]


def test_table_sum_of_two_row_groups(engine):
    groups = _table1_groups(engine)
    by_child = defaultdict(list)
    for (no, group), cells in groups.items():
        for c in cells:
            by_child[(no, c.row.split(">")[-1].strip(), c.col)].append((group, c))
    (no, child, _), pairs = next((k, v) for k, v in by_child.items() if len(v) == 2)
    (g1, c1), (g2, c2) = pairs
    res = engine.ask(f"table {no} {child} {g1.lower()} plus {g2.lower()}")
    assert res["answers"][0]["value"] == c1.value + c2.value


def test_result_types_of_a_country_from_the_marked_columns(engine):
    from app.qa.figures.tables import heading
    from graph import countries

    marked = defaultdict(set)
    for c in engine.tables.cells:
        if c.unit == "marked" and c.value > 0:
            marked[c.row.split(">")[-1].strip()].add(heading(c.col))
    row, expected = next((r, cols) for r, cols in marked.items() if len(cols) > 1)
    iso = countries.lookup(row)
    res = engine.ask(f"What kinds of institutional result did {countries.display_name(iso)} record?")
    assert {a["label"] for a in res["answers"]} == expected
    assert all(a["type"] == "Text" for a in res["answers"])


def test_keyword_query_ending_in_counted_people_asks_a_number():
    assert numbers.counted_noun_last("bulletin newsletter subscribers")
    assert numbers.asked_unit("pension fund new enrollees") == "count"
    assert not numbers.counted_noun_last("kenya funders")
    assert not numbers.counted_noun_last("which countries had trainees")
    assert not numbers.counted_noun_last("network members")


def test_earliest_and_latest_by_the_statement_year(engine):
    years = {}
    for f in engine.k.facts:
        if f["predicate"] == "ratified" and f["object"] == "LegalInstrument:c102" and f["attrs"].get("year") \
                and f["attrs"].get("status") in (None, "registered"):
            years[f["subject"]] = int(f["attrs"]["year"])
    first = {c for c, y in years.items() if y == min(years.values())}
    last = {c for c, y in years.items() if y == max(years.values())}
    assert _ids(engine.ask("Which state was the first to ratify Convention No. 102?")) == first
    res = engine.ask("which countries ratified C102 most recently")
    assert _ids(res) == last and any(p.startswith("runner-up") for p in res["path"])


def test_keyword_table_cell_with_a_year_in_the_column(engine):
    import re

    dated = [c for c in engine.tables.cells if c.table_no and re.fullmatch(r"\D*(19|20)\d\d", c.col)
             and c.unit != "marked" and ">" not in c.row]
    by_row = {}
    for c in dated:
        by_row.setdefault((c.table_no, c.row), []).append(c)
    rows = [(k, v) for k, v in sorted(by_row.items()) if len({c.col for c in v}) > 1]
    assert rows
    # every such row, in a fixed order (a store may return the cells in any order), a "Total" row too
    for (no, row), cells in rows:
        for c in cells:
            res = engine.ask(f"table {no} {row.lower()} {c.col.lower()}")
            assert [a["value"] for a in res["answers"]] == [c.value], (row, c.col)


def test_which_region_has_the_most(engine):
    from collections import Counter

    k = engine.k
    region = {f["subject"]: f["object"] for f in k.facts if f["predicate"] == "inRegion"}
    priority = {f["subject"] for f in k.facts if f["predicate"] == "priorityCountryOf"}
    per = Counter(region[c] for c in priority if c in region)
    most = max(per.values())
    res = engine.ask("Which region counts the most priority countries?")
    assert res["answer_type"] == "Region"
    assert {a["label"] for a in res["answers"]} == {k.label(r) for r, n in per.items() if n == most}
    assert res["answers"][0]["value"] == most
