"""Figures attributed to what they describe: the item of a list of figures a question names
(app/qa/figures/figure_owner.py), the currency a question asks an amount in (app/qa/figures/numbers.py), and table
cells addressed by a mostly named row, by the unit asked and by the years a caption dates
(app/qa/figures/tables.py).

The pure pieces run on sentences invented for these tests.  The engine tests ask questions written
for these tests over the real build; expected answers are read from the report's text by a regex
over the passage that holds them, never typed in.
"""
from __future__ import annotations


from app.qa.figures import numbers
from app.qa.figures.figure_owner import owner, parallel
from tests.support.engine import amount_value as _value
from tests.support.engine import answer_labels as _labels
from tests.support.engine import passage_with

SHARES = ("The largest share (41 per cent) of grants went to projects run in the Northern region, "
          "followed by national projects (22 per cent), the Coastal region (13 per cent) and the "
          "Mountain region (9 per cent) (see Figure 2).")


def _figs(seg: str):
    return numbers.spans(seg)


def _pick(seg: str, question: str) -> str | None:
    s = numbers.pick(seg, question, lambda w: False, strict=False)
    return s.label if s else None


# -- pure pieces ----------------------------------------------------------------------------------
def test_the_list_item_a_question_names_owns_its_figure():
    assert _pick(SHARES, "what share of grants went to the Coastal region") == "13 per cent"
    assert _pick(SHARES, "mountain region share of grants") == "9 per cent"
    # the first item is said after its figure: "(41 per cent) of grants ... the Northern region"
    assert _pick(SHARES, "northern region share of grants percent") == "41 per cent"


def test_words_framing_the_whole_list_point_at_no_item():
    seg = "Findings: The Freedonia Fund achieved a 70% disbursement rate and 55% completion rate by 2030."
    # "Freedonia Fund" frames both rates: the rate's own word decides
    assert _pick(seg, "What completion rate had the Freedonia Fund reached by 2030?") == "55%"
    assert owner(seg, [(s.start, s.end) for s in _figs(seg)], "Freedonia Fund rate") is None


def test_meetings_listed_with_their_attendance():
    seg = ("Meetings were held: one on pension reform on 3 May (61 attendees) and one "
           "focused on maternity cash benefits on 9 June (27 attendees).")
    assert _pick(seg, "how many attended the meeting on maternity cash benefits") == "27"
    assert _pick(seg, "pension reform meeting attendees") == "61"


def test_figures_of_unlike_kinds_or_given_respectively_are_not_told_apart_by_words():
    seg = ("Four designs were chosen - one for street vendors and one for fishers, "
           "of which the first two were piloted with the Harbour Board.")
    cands = _figs(seg)
    assert not parallel(seg, [(s.start, s.end, s.kind) for s in cands])
    seg = "The fund reached the districts of Alpha and Beta, with 12,000 and 8,000 persons respectively."
    assert owner(seg, [(s.start, s.end) for s in _figs(seg)], "how many persons in Beta") is None


def test_an_amount_comes_in_the_currency_asked():
    seg = ("New resources came from Freedonia and Ruritania €2 million (US$2.2 million) and "
           "€5 million (US$5.4 million) respectively.")
    assert _pick(seg, "how much did Ruritania give in US dollars") == "US$5.4 million"
    assert _pick(seg, "How many euros did Freedonia give") == "€2 million"
    assert _pick(seg, "how much did Freedonia give") == "€2 million"  # no currency asked: as written first
    assert numbers.asked_unit("how many euros did it cost") == "money"


# -- the engine on the bundled report -------------------------------------------------------------
def test_a_regions_share_in_a_list_of_shares(engine):
    _, m = passage_with(engine, r"allocations received for new projects in 2024 .*?the (Africa) region \((\d+) per cent\)")
    res = engine.ask(f"what percentage of the 2024 allocations for new projects went to the {m.group(1)} region")
    assert [_value(x) for x in _labels(res)] == [float(m.group(2))]


def test_an_amount_in_the_currency_the_question_names(engine):
    _, m = passage_with(engine, r"contributions from (\w+) and \w+ €[\d.]+ million \(US\\?\$([\d.]+) million\)")
    res = engine.ask(f"how much did {m.group(1)} contribute to the M-GA in US dollars")
    assert [_value(x) for x in _labels(res)] == [float(m.group(2)) * 1e6]


def test_how_much_funding_reads_the_amounts_column_not_the_count(engine):
    _, m = passage_with(engine, r"(?m)^(20\d\d) \| (\d+) \| ([\d,]+)\b")
    res = engine.ask(f"How much new funding was approved for Flagship Programme projects in {m.group(1)}?")
    assert res["strategy"] == "graph-table"
    assert [_value(x) for x in _labels(res)] == [float(m.group(3).replace(",", ""))]


def test_a_range_of_years_picks_the_table_dated_so(engine):
    _, m = passage_with(engine, r"Legal coverage \(extension\) \|[^|\n]*\|[^|\n]*\|[^|\n]*\| ([\d,]+) \|")
    res = engine.ask("total legal coverage impacts 2021-2024")
    assert [_value(x) for x in _labels(res)] == [float(m.group(1).replace(",", ""))]


def test_a_mostly_named_total_row(engine):
    _, m = passage_with(engine, r"Total institutional changes achieved \| \d+ \| \d+ \| (\d+) \|")
    res = engine.ask("total institutional changes 2021-2024")
    assert _labels(res) == [m.group(1)]


def test_until_which_year_reads_the_end_of_a_written_span_of_years():
    from app.qa.textstep import year_bound

    bound = year_bound("Until what year does the Freedonia pension policy run?")
    seg = "In May 2031, Freedonia approved a new Pension Policy (2031-2040), which"
    end = seg.index("2040")
    assert bound.search(seg[max(0, end - 24):end])
    start = seg.index("2031-")
    assert not bound.search(seg[max(0, start - 24):start])
    since = year_bound("Since which year has the fund run?")
    assert not since.search(seg[max(0, end - 24):end])  # a span's end is no "since" bound


def test_until_which_year_on_the_report(engine):
    _, m = passage_with(engine, r"Government of (Burundi) approved a new (National Social Protection Policy) "
                                r"\((20\d\d)-(20\d\d)\)")
    res = engine.ask(f"Until what year does {m.group(1)}'s new {m.group(2)} run?")
    assert _labels(res) == [m.group(4)]


def test_a_keyword_query_naming_a_cells_row_and_column_reads_the_cell(engine):
    # "regional and country teams regular budget staff": a cell of the staff table, not the
    # countries the ILO's regular budget finances
    _, m = passage_with(engine, r"(Regional and country teams) \| (\d+) \| \d+ \| \d+")
    res = engine.ask(f"{m.group(1).lower()} regular budget staff")
    assert res["strategy"] == "graph-table" and _labels(res) == [m.group(2)]


def test_a_sum_over_years_is_not_taken_for_one_cell(engine):
    from app.qa.figures.tables import addresses_cell

    assert addresses_cell("regional teams regular budget staff", "Text")
    assert not addresses_cell("total new projects 2021 to 2024", "Text")
    assert not addresses_cell("which countries had regular budget staff", "Country")
