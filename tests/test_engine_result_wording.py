"""Results-table questions worded loosely: "got a result", "with any result", a keyword query
closing on "count", "of A, B and C, which ones ...", "what result did X achieve".  Expected sets
come from the knowledge base's achievedResult facts (computed here), the questions are written here.
"""
from __future__ import annotations

import pytest


def _with_result(k) -> set[str]:
    return {f["subject"] for f in k.facts if f["predicate"] == "achievedResult"}


def _region_of(k) -> dict[str, str]:
    return {f["subject"]: f["object"] for f in k.facts if f["predicate"] == "inRegion"}


@pytest.mark.parametrize("question,region", [
    ("which arab states countries recorded any result in 2024", "Region:arab-states"),
    ("In the Americas, which priority countries have any result for 2024?", "Region:americas"),
])
def test_any_result_wordings_list_the_region_countries_with_a_result(engine, question, region):
    want = {i for i in _with_result(engine.k) if _region_of(engine.k).get(i) == region}
    assert want
    r = engine.ask(question)
    assert {"Country:" + a["iso3"] for a in r["answers"]} == want


def test_keyword_count_closing_on_count(engine):
    want = {i for i in _with_result(engine.k) if _region_of(engine.k).get(i) == "Region:europe-and-central-asia"}
    r = engine.ask("europe and central asia countries that got some result in 2024 count")
    assert r["answers"][0]["label"] == str(len(want))


def test_which_ones_of_a_named_pool(engine):
    pool = ["Country:SWZ", "Country:CIV", "Country:GHA", "Country:KEN"]
    want = {i for i in pool if i in _with_result(engine.k)}
    assert 0 < len(want) < len(pool)
    r = engine.ask("Of Swaziland, the Ivory Coast, Ghana and Kenya, which ones recorded a result in 2024?")
    assert {"Country:" + a["iso3"] for a in r["answers"]} == want


def test_what_result_singular_reads_the_table_marks(engine):
    r = engine.ask("What result did the DRC record in 2024 according to Table 4?")
    assert r["strategy"] == "graph-table" and len(r["answers"]) >= 1
    assert all("result" not in a["label"].lower() or ":" not in a["label"] for a in r["answers"])


@pytest.mark.parametrize("question,low", [
    ("most common result type 2024 table 4", False),
    ("least common result type 2024", True),
    ("result kind achieved by most countries 2024", False),
])
def test_keyword_superlative_over_result_kinds(engine, question, low):
    """A keyword superlative over the kinds of result ranks the kinds by their countries, never the
    table's total row: the expected kinds are counted from the achievedResult facts' types."""
    from collections import Counter

    kinds = Counter()
    for f in engine.k.facts:
        if f["predicate"] == "achievedResult":
            kinds[(engine.k.entity(f["object"]) or {}).get("attrs", {}).get("result_type")
                  or f["object"].rsplit(":", 1)[-1].rsplit("-", 1)[0]] += 1
    r = engine.ask(question)
    assert r["answers"] and not any("total" in a["label"].lower() for a in r["answers"])
    values = {a.get("value") for a in r["answers"]}
    assert values == {float((min if low else max)(kinds.values()))}, (kinds, r["answers"])
