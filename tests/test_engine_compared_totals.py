"""Two regions compared by their countries alone ("more priority countries in A or B?",
app/qa/figures/region_rank.py), the figures of a written list added up ("the combined attendance of the
meetings", app/qa/figures/figure_rank.py read_sum), and a year range worded "2021 to 2024" addressing the
table column dated 2021-2024 (app/qa/figures/tables.py).

Expected answers come from the knowledge base's facts, the passages' text and the table cells in
Python; the questions are written here, several wordings per mechanism.
"""
from __future__ import annotations

import re
from collections import Counter

import pytest


def _labels(res) -> list[str]:
    return [a["label"] for a in res["answers"]]


def _countries_per_region(k) -> Counter:
    return Counter(k.label(f["object"]) for f in k.facts if f["predicate"] == "inRegion"
                   and f["subject"].startswith("Country:"))


@pytest.mark.parametrize("question,a,b,fewer", [
    ("Are there more priority countries in the Arab States or in Europe and Central Asia?", "Arab States",
     "Europe and Central Asia", False),
    ("which region has fewer priority countries, the americas or the arab states", "Americas", "Arab States", True),
    ("more countries in asia or in africa?", "Asia and the Pacific", "Africa", False),
    ("Which of the Americas and the Arab States has fewer priority countries?", "Americas", "Arab States", True)])
def test_two_regions_compared_by_their_countries(engine, question, a, b, fewer):
    per = _countries_per_region(engine.k)
    assert per[a] != per[b], "the fixture needs two regions of different sizes"
    want = (min if fewer else max)((a, b), key=per.get)
    res = engine.ask(question)
    assert _labels(res) == [want] and res["answer_type"] == "Region"
    other = b if want == a else a
    assert f"runner-up: {other} ({per[other]})" in res["answer_text"]


def _attendance_figures(engine) -> list[int]:
    """Every '(N attendees)' the report writes in one sentence listing meetings."""
    for p in engine.k.passages.values():
        found = re.findall(r"\((\d[\d,]*) attendees\)", p.text)
        if len(found) >= 3:
            return [int(x.replace(",", "")) for x in found]
    return []


@pytest.mark.parametrize("question", [
    "What was the combined attendance of the four GTT knowledge-sharing meetings held in 2024?",
    "how many attendees did the GTT knowledge-sharing meetings have altogether",
    "gtt knowledge sharing meetings total attendees 2024",
    "How many people attended the knowledge-sharing meetings of 2024 in total?"])
def test_written_figures_added_up(engine, question):
    figures = _attendance_figures(engine)
    assert len(figures) >= 3
    res = engine.ask(question)
    assert _labels(res) == [str(sum(figures))] and res["strategy"] == "text-aggregate"
    assert len(res["answers"][0]["counted"]) == len(figures)


@pytest.mark.parametrize("question", ["How many countries does the EU fund in total?",
                                      "What was the combined attendance of the seven GTT meetings held in 2024?",
                                      # the report writes this total itself ("totalling US$ ..."): said, not added
                                      "global accelerator first funding round total US$",
                                      "how much money did the first Global Accelerator funding round total?"])
def test_no_sum_for_graph_counts_or_a_list_of_another_size(engine, question):
    res = engine.ask(question)
    assert res["strategy"] != "text-aggregate"


@pytest.mark.parametrize("question", ["total people impacted by the flagship programme 2021 to 2024",
                                      "How many people benefited from the Flagship Programme from 2021 through 2024 in total?"])
def test_year_range_in_words_addresses_the_range_column(engine, question):
    cells = [c for c in engine.tables.cells if re.match(r"\s*total\s*$", c.row, re.I) and "2021-2024" in c.col]
    assert len(cells) == 1
    res = engine.ask(question)
    assert [re.sub(r"[^\d]", "", x) for x in _labels(res)] == [f"{cells[0].value:.0f}"]


@pytest.mark.parametrize("question,region,fewest", [
    ("Which result type did the fewest African priority countries achieve in 2024?", "Africa", True),
    ("which kind of result was most common in asia and the pacific in 2024", "Asia and the Pacific", False),
    ("result type most achieved arab states 2024", "Arab States", False)])
def test_result_type_ranked_within_a_region(engine, question, region, fewest):
    marks = [c for c in engine.tables.cells if c.unit == "marked" and c.row.split(">")[0].strip() == region]
    per = Counter()
    for c in marks:
        per[c.col] += 1 if c.value > 0 else 0
    best = (min if fewest else max)(per.values())
    want = sorted(c.split(":", 1)[-1].strip() for c, n in per.items() if n == best)
    res = engine.ask(question)
    assert sorted(_labels(res)) == want and region in res["path"][-1]


def _gap_rows(engine, table_words: str) -> dict[str, float]:
    """Each row's achievement minus its ambition in the table whose caption has ``table_words``."""
    cells = [c for c in engine.tables.cells if table_words in c.table and c.unit != "marked"]
    aim = {c.row: c.value for c in cells if "ambition" in c.col.lower()}
    done = {c.row: c.value for c in cells if c.col.lower().startswith("total") and "2021-2024" in c.col}
    return {r.split(">")[-1].strip(): done[r] - aim[r] for r in aim if r in done}


@pytest.mark.parametrize("question,row", [
    ("how far is effective coverage extension still short of its 2021-25 ambition", "Effective coverage (extension)"),
    ("By how much did legal coverage extension exceed its 2021-25 ambition?", "Legal coverage (extension)"),
    ("what is the gap between effective coverage extension and its ambition", "Effective coverage (extension)")])
def test_one_rows_distance_from_its_ambition(engine, question, row):
    gaps = _gap_rows(engine, "Impacts on people during implementation of the Flagship Programme, 2021-2024")
    res = engine.ask(question)
    assert res["answer_type"] == "Number"
    assert [float(x.replace(",", "")) for x in _labels(res)] == [abs(gaps[row])]


@pytest.mark.parametrize("question,a,b,fewer", [
    ("Which had more kinds of institutional result in 2024, Cape Verde or Burundi?", "CPV", "BDI", False),
    ("Did Nigeria or Kenya achieve more result types in 2024?", "NGA", "KEN", False),
    ("lebanon vs jordan fewer kinds of results", "LBN", "JOR", True)])
def test_two_countries_compared_by_their_kinds_of_result(engine, question, a, b, fewer):
    from tests.support.engine import result_kinds

    kinds = result_kinds(engine.k, "2024")
    n = {c: len(kinds.get(f"Country:{c}", set())) for c in (a, b)}
    assert n[a] != n[b]
    want = (min if fewer else max)((a, b), key=n.get)
    res = engine.ask(question)
    assert [x.get("iso3") for x in res["answers"]] == [want] and res["answer_type"] == "Country"


@pytest.mark.parametrize("question", ["In how many countries were measures to improve operations adopted in 2024?",
                                      "how many countries took measures to improve operational efficiency in 2024"])
def test_a_list_of_examples_does_not_replace_the_count(engine, question):
    """'... in 21 countries (in India, Jordan, Nigeria, Tajikistan and elsewhere)': the four named are
    examples; the count is every country with the result, not the names the sentence lists."""
    from tests.support.engine import result_kinds

    kinds = result_kinds(engine.k, "2024")
    n = sum("operations" in ks for ks in kinds.values())
    res = engine.ask(question)
    assert _labels(res) == [str(n)]


@pytest.mark.parametrize("question", ["how many priority countries host gtt staff",
                                      "In how many priority countries is GTT staff based?"])
def test_a_count_the_report_states_for_the_qualified_phrase(engine, question):
    """The sentence about GTT staff writes how many priority countries they are in; that figure, not
    the graph's count of priority countries, nor a figure before plain 'countries', answers."""
    rx = re.compile(r"\b(\d+)\s+(?:[A-Za-z-]+\s+){0,5}?priority countries\b")
    sentences = [x for p in engine.k.passages.values() for x in re.split(r"(?<=\.)\s+", p.text) if "GTT staff" in x]
    stated = {int(m.group(1)) for x in sentences for m in rx.finditer(x)}
    assert len(stated) == 1
    res = engine.ask(question)
    assert _labels(res) == [str(stated.pop())] and "states the count" in res["path"][-1]


@pytest.mark.parametrize("question", ["How many countries does the EU fund?",
                                      "In how many countries were new RBSA activities funded in 2024?"])
def test_no_stated_figure_for_a_plain_counted_noun(engine, question):
    """A count of plain "countries" stays the graph's count: a figure written before "countries"
    in a sentence sharing some words ("allocated across 14 countries") is not the count asked."""
    res = engine.ask(question)
    assert res["strategy"] == "graph"
