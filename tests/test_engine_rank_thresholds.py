"""Rankings and bars asked in words the rankers did not read (round 16): a rank as a verb's complement
("which region *comes second for the number of* countries ..."), a bar on a time series ("years with
*more than 15* new projects"), a ranking of a table's rows named by what its rows are ("which
*branch* ...", "which *step* ..."), a result kind qualified in passing ("improved *social protection*
operations"), a partitive before result kinds ("more than one *of the three* result areas") and two
names compared with no head noun ("which had more results, A or B?").

Expected answers are computed here from the knowledge base's facts and the table cells, not by the
engine; the questions are written here, in several wordings.
"""
from __future__ import annotations

import re
from collections import Counter

import pytest

from app.qa.constraints import result_sets
from app.qa.figures import ordinal, thresholds
from app.qa.question import RESULT_TYPES


def _labels(res) -> list[str]:
    return [a["label"] for a in res["answers"]]


def test_rank_verb_is_read_as_a_ranking_below_the_top():
    for q, rank, rest in [
        ("Which region comes second for the number of countries with a strategy result?", 2,
         "Which region has the most countries with a strategy result?"),
        ("which region ranks third by number of countries funded by the EU", 3,
         "which region has the most countries funded by the EU"),
        ("Which region is in second place in terms of the share of new allocations?", 2,
         "Which region has the largest share of new allocations?"),
    ]:
        got = ordinal.read(q)
        assert got is not None and got.rank == rank and got.question == rest
    assert ordinal.read("What does the second phase of the programme cover?") is None


def test_thresholds_read_bars_not_years():
    bar = thresholds.read("In which years were more than 15 new projects approved?")
    assert (bar.op, bar.value) == (">", 15.0)
    bar = thresholds.read("years with under US$10 million of new funding")
    assert (bar.op, bar.value) == ("<", 10_000_000.0)
    bar = thresholds.read("how many years saw at least twenty projects")
    assert (bar.op, bar.value) == (">=", 20.0)
    assert thresholds.read("Which year after 2021 had the most projects?") is None
    assert thresholds.read("projects approved over 2021 to 2024") is None
    assert thresholds.read("more than 20 per cent").percent


def test_result_kind_wordings():
    assert RESULT_TYPES["operations"].search("Which countries improved social protection operations in 2024?")
    assert RESULT_TYPES["operations"].search("countries improving scheme operations")
    assert RESULT_TYPES["operations"].search("which African countries improved the administration of their schemes?")
    assert RESULT_TYPES["operations"].search("countries strengthening their administrative and financial governance")
    assert not RESULT_TYPES["operations"].search("which countries improved health coverage")
    assert result_sets.MULTI.search("results in more than one of the three result areas")
    assert result_sets.SINGLE.search("only one of the three result types")
    assert result_sets.ALL.search("all of the three result types")


def _operations_countries_by_region(k) -> Counter:
    with_ops = {f["subject"] for f in k.facts_where(predicate="achievedResult")
                if f["attrs"].get("result_type") == "operations" and f["attrs"].get("year") == "2024"}
    return Counter(k.label(f["object"]) for f in k.facts_where(predicate="inRegion") if f["subject"] in with_ops)


@pytest.mark.parametrize("q", [
    "Which region comes second for the number of countries that improved social protection operations in 2024?",
    "which region ranks 2nd by number of countries with an improving operations result in 2024",
])
def test_region_ranked_second_by_a_verb(engine, q):
    counts = _operations_countries_by_region(engine.k).most_common()
    top = counts[0][1]
    second = max(n for _, n in counts if n < top)
    expected = {r for r, n in counts if n == second}
    res = engine.ask(q)
    assert set(_labels(res)) == expected
    assert str(second) in res["answer_text"]  # the value and the rows behind it are said


def test_countries_qualified_operations(engine):
    expected = {engine.k.label(f["subject"]) for f in engine.k.facts_where(predicate="achievedResult")
                if f["attrs"].get("result_type") == "operations" and f["attrs"].get("year") == "2024"}
    assert set(_labels(engine.ask("Which countries improved social protection operations in 2024?"))) == expected


def _year_column(engine, word: str) -> dict[str, float]:
    cells = [c for c in engine.tables.cells if re.fullmatch(r"\s*(?:19|20)\d\d\s*", c.row) and word in c.col.lower()
             and "us" not in c.col.lower()]
    assert cells, f"no table of years with a column on {word}"
    return {c.row.strip(): c.value for c in cells}


@pytest.mark.parametrize("q,bar", [("In which years were more than 15 new projects approved for the programme?", 15),
                                   ("Which years had more than 20 new projects?", 20)])
def test_years_over_a_bar(engine, q, bar):
    rows = _year_column(engine, "projects")
    res = engine.ask(q)
    assert sorted(_labels(res)) == sorted(y for y, v in rows.items() if v > bar)
    assert res["answer_type"] == "Year"


def test_count_of_years_under_a_bar(engine):
    rows = _year_column(engine, "projects")
    res = engine.ask("how many years had fewer than 20 new projects approved")
    assert _labels(res) == [str(sum(1 for v in rows.values() if v < 20))]


def _table_rows(engine, no: str, group: str | None = None) -> dict[str, float]:
    cells = [c for c in engine.tables.cells if c.table_no == no and (group is None or c.row.startswith(group + " >"))]
    return {c.row.split(">")[-1].strip(): c.value for c in cells}


def test_branch_ranked_without_naming_the_table(engine):
    rows = _table_rows(engine, "1", "Effective coverage")
    low, high = min(rows.values()), max(rows.values())
    res = engine.ask("Which branch saw the smallest number of people gaining effective coverage in 2024?")
    assert _labels(res) == [r for r, v in rows.items() if v == low]
    # a branch is asked: a group row whose words the question also says ("coverage extension") is no branch
    res = engine.ask("Which branch of social security accounted for the largest effective coverage extension in 2024?")
    assert _labels(res) == [r for r, v in rows.items() if v == high]


def test_step_ranked_without_naming_the_table(engine):
    cells = [c for c in engine.tables.cells if c.table_no == "3" and c.col.strip().lower().startswith("results achieved in 2024")
             and not c.row.lower().startswith("total")]
    best = max(c.value for c in cells)
    res = engine.ask("Which step of institutional change produced the most results in 2024?")
    assert _labels(res) == [c.row for c in cells if c.value == best]


def test_two_names_compared_with_no_head_noun(engine):
    kinds: dict[str, set] = {}
    for f in engine.k.facts_where(predicate="achievedResult"):
        if f["attrs"].get("year") == "2024":
            kinds.setdefault(f["subject"], set()).add(f["attrs"].get("result_type"))
    one = next(c for c, v in kinds.items() if len(v) == 1)
    two = next(c for c, v in kinds.items() if len(v) == 2)
    a, b = engine.k.label(one), engine.k.label(two)
    for q in (f"Which had more results in 2024, {a} or {b}?", f"{b} vs {a} which had fewer results in 2024"):
        res = engine.ask(q)
        want = b if "more" in q else a
        assert _labels(res) == [want], q


def test_people_added_up_under_another_name(engine):
    """"How many people attended ... combined": the list counts attendees; "people" names them too."""
    texts = [engine.k.passage(u.passage_id).text for u in engine.units.units if "knowledge-sharing meetings" in u.text
             and "attendees" in u.text]
    assert texts, "the report no longer lists the meetings' attendees"
    total = sum(int(n) for n in re.findall(r"\((\d+) attendees\)", texts[0]))
    for q in ("How many people attended all of the GTT knowledge-sharing meetings in 2024 combined?",
              "how many people attended the GTT knowledge-sharing meetings in total"):
        res = engine.ask(q)
        assert _labels(res) == [str(total)], q


@pytest.mark.parametrize("q,bar", [("Which regions received more than 12 per cent of new project allocations in 2024?", 12),
                                   ("regions with at least 14 per cent of the allocations for new projects in 2024", 14)])
def test_regions_over_a_share(engine, q, bar):
    from tests.test_engine_figure_rank import _shares_by_region

    shares = _shares_by_region(engine)
    assert len(shares) >= 3
    res = engine.ask(q)
    over = {r for r, v in shares.items() if (v > bar if "more than" in q else v >= bar)}
    assert set(_labels(res)) == over
    assert all(r in res["answer_text"] for r in over) and str(bar) in res["answer_text"]


def test_attendance_keyword_asks_a_figure(engine):
    from app.qa.figures.keyword_figures import asks_figure

    assert asks_figure("attendance africa social protection clock gtt meeting")
    assert asks_figure("turnout informality dashboard meeting")
    assert not asks_figure("attendance of which countries")
    text = next(u.text for u in engine.units.units if "Social Protection Clock" in u.text and "attendees" in u.text)
    want = re.search(r"Social Protection Clock[^()]*\((\d+) attendees\)", text).group(1)
    assert _labels(engine.ask("attendance africa social protection clock gtt meeting")) == [want]


def test_two_rows_of_one_column_added_or_subtracted(engine):
    t1 = {c.row: c.value for c in engine.tables.cells if c.table_no == "1"}
    legal, effective = t1["Legal coverage > Old-age pensions"], t1["Effective coverage > Old-age pensions"]
    res = engine.ask("Per Table 1, how many people in total got old-age pension coverage extended in 2024, "
                     "counting legal and effective coverage together?")
    assert res["answers"][0]["label"].replace(",", "") == f"{legal + effective:.0f}"
    gap = t1["Legal coverage"] - t1["Effective coverage"]
    for q in ("By how many persons did legal coverage extension exceed effective coverage extension in 2024?",
              "By how many persons was effective coverage extension lower than legal coverage extension in 2024?"):
        res = engine.ask(q)
        assert res["answers"][0]["label"].replace(",", "") == f"{abs(gap):.0f}", q
        assert "−" in res["answer_text"]  # the two rows behind the figure are said
