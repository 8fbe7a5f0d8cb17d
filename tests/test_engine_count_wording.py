"""Counts, figures and results asked in the words people type: symbol shorthand ("# of", "w/"),
a share described by "at least one benefit", "two of the three result types", "zero results",
"Table 4 count: ...", the marks of one country's row asked keyword-first, a region's share in a
sentence that lists other regions, and a table cell named outright when no reading answers.

The pure pieces run on strings invented for these tests.  The engine tests ask questions written
for these tests over the real build; expected answers come from the knowledge base's facts or from
the report's text by a regex, never typed in, and each mechanism is checked with several wordings.
"""
from __future__ import annotations

from collections import defaultdict

import pytest

from app.qa.form.symbol_shorthand import spell_out
from tests.support.engine import amount_value as _value
from tests.support.engine import answer_labels as _labels
from tests.support.engine import passage_with


# -- pure pieces ----------------------------------------------------------------------------------
@pytest.mark.parametrize("typed, spelled", [
    ("# of donors w/ two countries", "number of donors with two countries"),
    ("no. of countries w/o a result", "number of countries without a result"),
    ("#countries in asia", "number of countries in asia"),
    ("nr of projects 2023", "number of projects 2023"),
    ("% of resources from the EU", "percentage of resources from the EU"),
])
def test_symbol_shorthand_is_spelled_out(typed, spelled):
    assert spell_out(typed)[0] == spelled


@pytest.mark.parametrize("kept", ["Convention No. 102 ratifications", "EU share was 53% of resources",
                                  "the #1 funder", "see https://example.org/w/index"])
def test_symbols_with_other_uses_are_left_alone(kept):
    assert spell_out(kept) == (kept, [])


# -- the knowledge base's own answers -------------------------------------------------------------
def _kinds_by_country(engine) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for f in engine.k.facts_where(predicate="achievedResult"):
        out[f["subject"]].add(f["attrs"].get("result_type"))
    if len(out) < 3:
        pytest.skip("the build holds too few institutional results")
    return out


def _ids(engine, res) -> set[str]:
    return {engine.k.entity_by_iri(x["iri"])["id"] for x in res["answers"] if x.get("iri")}


# -- engine ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("typed", ["# of countries w/ institutional changes 2024",
                                   "no. of countries w/ an institutional result in 2024"])
def test_a_count_typed_with_symbols_is_a_count(engine, typed):
    res = engine.ask(typed)
    assert res["answer_type"] == "Number"
    assert [_value(x) for x in _labels(res)] == [float(len(_kinds_by_country(engine)))]


@pytest.mark.parametrize("wording", ["Which countries scored in two of the three result types in 2024?",
                                     "countries with 2 out of 3 result types"])
def test_n_of_the_m_result_types_counts_n_kinds(engine, wording):
    two = {c for c, kinds in _kinds_by_country(engine).items() if len(kinds) == 2}
    if not two:
        pytest.skip("no country has exactly two kinds of result")
    assert _ids(engine, engine.ask(wording)) == two


@pytest.mark.parametrize("wording", ["priority countries with zero institutional results in 2024",
                                     "Which priority countries had nothing in the results table for 2024?"])
def test_zero_results_negates_as_no_result_does(engine, wording):
    none = {e for e, ent in engine.k.entities.items() if ent["type"] == "Country" and ent["attrs"].get("priority")} \
        - set(_kinds_by_country(engine))
    if not none:
        pytest.skip("every priority country has a result")
    assert _ids(engine, engine.ask(wording)) == none


@pytest.mark.parametrize("wording", ["Table 4 count: countries with both a Result 1 and a Result 2 in 2024?",
                                     "count - countries with a Result 1 and a Result 2"])
def test_a_count_word_labelling_a_list_asks_its_size(engine, wording):
    both = [c for c, kinds in _kinds_by_country(engine).items() if {"policies_strategies", "scheme_reform"} <= kinds]
    res = engine.ask(wording)
    assert res["answer_type"] == "Number"
    assert [_value(x) for x in _labels(res)] == [float(len(both))]


def test_a_rows_marks_asked_keyword_first(engine):
    kinds = _kinds_by_country(engine)
    country = next(c for c, ks in sorted(kinds.items()) if len(ks) == 2)
    name = engine.k.label(country)
    plain = set(_labels(engine.ask(f"which results did {name} get in 2024")))
    assert len(plain) == 2
    for wording in (f"{name} results 2024 - which columns ticked", f"{name} results in 2024 which ones"):
        assert set(_labels(engine.ask(wording))) == plain


def test_a_share_described_by_at_least_one_benefit_is_a_figure(engine):
    _, m = passage_with(engine, r"or ([\d.]+) per cent — of the world's population are now covered by at least one")
    res = engine.ask("What percentage of the world's population is covered by at least one social protection benefit?")
    assert [_value(x) for x in _labels(res)] == [float(m.group(1))]
    _, m = passage_with(engine, r"covered by at least one social protection benefit will be at ([\d.]+) per cent in "
                                r"(20\d\d) or ([\d.]+) billion people")
    res = engine.ask(f"what share of the population would be covered by at least one benefit in {m.group(2)} "
                     "under the call to action?")
    assert [_value(x) for x in _labels(res)] == [float(m.group(1))]
    res = engine.ask(f"How many people would be covered by at least one benefit in {m.group(2)} if countries "
                     "followed the call to action?")
    assert _labels(res) == [f"{m.group(3)} billion"]


def test_a_regions_share_from_the_sentence_that_names_it(engine):
    _, m = passage_with(engine, r"implemented in the (Americas) accounted for over (\d+) per cent of all contributions for "
                                r"new projects in 2024, followed by activities implemented in (Europe and Central Asia) "
                                r"\((\d+) per cent\)")
    for wording, share in ((f"{m.group(1).lower()} share of 2024 new project allocations", m.group(2)),
                           ("europe central asia share new project allocations percent", m.group(4)),
                           (f"What share of the 2024 allocations for new projects went to {m.group(3)}?", m.group(4))):
        assert [_value(x) for x in _labels(engine.ask(wording))] == [float(share)], wording


def test_a_cell_named_outright_answers_when_no_reading_does(engine):
    _, m = passage_with(engine, r"Resources required for the Flagship Programme[^|]*\| US\\?\$ ([\d,]+)")
    res = engine.ask("What were the estimated resources required for the Flagship Programme, according to the "
                     "funding gap table?")
    assert res["strategy"] == "graph-table"
    assert [_value(x) for x in _labels(res)] == [float(m.group(1).replace(",", ""))]


def test_two_figures_of_one_row_compared_by_their_years(engine):
    _, m = passage_with(engine, r"(Legal coverage) \(extension\) \| [\d,]+ \| ([\d,]+) \| ([\d,]+) \|")
    y2023, y2024 = (float(g.replace(",", "")) for g in m.groups()[1:])
    bigger = "2024" if y2024 > y2023 else "2023"
    smaller = "2023" if bigger == "2024" else "2024"
    assert _labels(engine.ask(f"{m.group(1)} extension: was it bigger in 2023 or in 2024?")) == [bigger]
    assert _labels(engine.ask(f"was {m.group(1).lower()} lower in 2024 or 2023")) == [smaller]


def test_two_figures_of_one_row_compared_by_their_columns(engine):
    _, m = passage_with(engine, r"ILO Headquarters \(SOCPRO\) \| (\d+) \| (\d+) \|")
    fewer = "Regular budget" if int(m.group(1)) < int(m.group(2)) else "Technical cooperation"
    res = engine.ask("were there fewer regular budget or technical cooperation staff at ILO headquarters?")
    assert _labels(res) == [fewer]


def test_how_far_a_total_row_is_from_its_target(engine):
    _, m = passage_with(engine, r"Total institutional changes achieved \| \d+ \| \d+ \| (\d+) \| (\d+)\b")
    gap = int(m.group(1)) - int(m.group(2))
    for wording in ("by how many did total institutional changes 2021-2024 exceed the ambition",
                    "how far above its ambition was the total number of institutional changes"):
        assert _labels(engine.ask(wording)) == [str(gap)], wording
    # a margin asked over the steps still ranks the steps, not the total row
    res = engine.ask("Which institutional change step exceeded its ambition by the widest margin?")
    assert not any(x.lower().startswith("total") for x in _labels(res)) and len(_labels(res)) == 1


# -- figures in text --------------------------------------------------------------------------------
def test_a_compound_typed_without_its_hyphen_still_names_its_item():
    from app.qa.figures import numbers

    seg = ("For low- and middle-income districts, the gap is 2.2 per cent of revenue, but for "
           "low-income districts, it reaches 40.1 per cent of their revenue.")
    pick = lambda q: numbers.pick(seg, q, lambda w: False, strict=False).label  # noqa: E731
    assert pick("gap for low income districts as a share of revenue") == "40.1 per cent"
    assert pick("low-income districts gap percent") == "40.1 per cent"
    assert pick("gap for low and middle income districts as a share of revenue") == "2.2 per cent"


def test_a_list_items_bracketed_marker_is_no_figure():
    from app.qa.figures.numbers import spans

    assert [s.label for s in spans("and (3) the extension of coverage to 2 million additional workers")] == ["2 million"]
    assert [s.label for s in spans("(ii) reforms, and (4) new rules for 12 agencies")] == ["12"]
    assert "10" in [s.label for s in spans("an additional ten (10) members joined")]


def test_columns_set_side_by_side_are_compared_whatever_type_other_words_suggest(engine):
    _, m = passage_with(engine, r"(?m)^Total \| (\d+) \| (\d+) \| \d+$")
    more = "Technical cooperation" if int(m.group(2)) > int(m.group(1)) else "Regular budget"
    less = "Regular budget" if more == "Technical cooperation" else "Technical cooperation"
    assert _labels(engine.ask("gtt staff regular budget vs technical cooperation which more")) == [more]
    assert _labels(engine.ask("regular budget or technical cooperation: which has fewer staff in total")) == [less]
