"""Figures of list sentences attached to their own item, round 11 (app/qa/figures/respective_nouns.py,
app/qa/figures/numbers.py, app/qa/figures/figure_owner.py), keyword queries that ask a count of people something
was done to (app/qa/figures/keyword_figures.py), stated counts dated by a span (app/qa/figures/counts.py), the
column a superlative ranks by (app/qa/figures/year_series.py) and regions kept by how many of their
countries qualify (app/qa/figures/region_answers.py).

The pure pieces run on sentences invented here; the engine tests ask questions written here over
the real build, with expected answers read from the report's passages by regex, never typed in.
"""
from __future__ import annotations

import pytest

from app.qa.figures import numbers
from app.qa.constraints.count_conditions import holds, members_condition
from app.qa.figures.keyword_figures import asks_figure, closes_on_measure
from app.qa.figures.respective_nouns import asked_item, items
from tests.support.engine import amount_value as _value
from tests.support.engine import answer_labels as _labels
from tests.support.engine import passage_with


def _pick(seg: str, question: str, near=lambda w: False) -> str | None:
    s = numbers.pick(seg, question, near, strict=False)
    return s.label if s else None


# -- pure pieces ----------------------------------------------------------------------------------
ALLOWANCES = ("The ministry began paying grants for widowed mothers, orphaned children and older farmers "
              "in the valley, reaching 4,200, 6,100 and 9,300 persons respectively with monthly transfers.")


def test_a_respectively_list_of_common_nouns_is_read_in_order():
    before = ALLOWANCES[:ALLOWANCES.index("4,200")]
    assert items(before, 3) == ["widowed mothers", "orphaned children", "older farmers"]
    assert asked_item(before, 3, "how many orphaned children got the grant") == 1
    assert _pick(ALLOWANCES, "How many widowed mothers did the new grants reach?") == "4,200"
    assert _pick(ALLOWANCES, "older farmers reached by the valley grants") == "9,300"
    assert _pick(ALLOWANCES, "number of orphans children paid monthly") == "6,100"
    # words every item shares tell none apart
    assert asked_item(before, 3, "how many persons in the valley") is None


def test_the_asking_clause_chooses_among_several_named_items():
    seg = ("Pledges came from Freedonia and Ruritania €2 million (US$2.2 million) and "
           "€5 million (US$5.4 million) respectively.")
    assert _pick(seg, "Freedonia and Ruritania both pledged - how much did Ruritania give, in US dollars?") \
        == "US$5.4 million"
    assert _pick(seg, "Ruritania pledged too, but what did Freedonia give?") == "€2 million"
    assert numbers.asking_clause("A and B gave; how much did B give?") == " how much did B give?"


def test_a_respectively_list_of_other_countries_answers_nothing():
    seg = "In addition, France and Japan committed US$2 million and US$3 million, respectively."
    assert _pick(seg, "how much did the Germans contribute") is None
    assert _pick(seg, "how much did Japan contribute") == "US$3 million"


def test_a_contrast_parts_the_items_of_a_list_of_shares():
    seg = ("For upper-income states, the shortfall is 1.2 per cent of output each year, but for "
           "lower-income states, it reaches an alarming 31.5 per cent of their output.")
    assert _pick(seg, "lower-income states shortfall percent of output") == "31.5 per cent"
    assert _pick(seg, "What is the yearly shortfall for upper-income states, as a share of output?") == "1.2 per cent"


def test_the_words_of_what_a_share_is_of_point_at_no_item():
    seg = ("The largest share (41 per cent) of grants for new schools in 2030 went to the Northern "
           "region, followed by national programmes (22 per cent) and the Coastal region (13 per cent).")
    assert _pick(seg, "What share of the 2030 grants for new schools went to national programmes?") == "22 per cent"
    assert _pick(seg, "what proportion of grants for new schools in 2030 went to the Coastal region") \
        == "13 per cent"


def test_two_changes_from_a_to_b_are_two_items():
    seg = ("Membership grew quickly in Freedonia, with insured farmers increasing from 12,000 to 30,000 "
           "and cooperatives from 80 to 610 between 2015 and 2022.")
    assert _pick(seg, "How many cooperatives were there in 2015?") == "80"
    assert _pick(seg, "freedonia cooperatives 2022") == "610"
    assert _pick(seg, "How many insured farmers did Freedonia have in 2022?") == "30,000"
    assert _pick(seg, "insured farmers in 2015") == "12,000"


def test_a_part_counted_after_the_whole_is_asked_by_its_clause():
    seg = ("In Freedonia, help went to 8,400 fishers through the Coastal Relief Fund, 2,100 of whom "
           "also received a storm bonus.")
    assert _pick(seg, "Of the fishers the Coastal Relief Fund helped, how many also got the storm bonus?") == "2,100"
    assert _pick(seg, "how many fishers did the Coastal Relief Fund help") == "8,400"


@pytest.mark.parametrize("query", [
    "freedonia persons with disabilities registered mis", "ruritania registered workers 2023",
    "pension fund headcount as of june", "valley farmers enrolled health insurance",
])
def test_people_something_was_done_to_are_counted(query):
    assert asks_figure(query)


@pytest.mark.parametrize("query", ["harbour fund affiliates", "freedonia health fund enrollees", "gtt headcount"])
def test_a_closing_count_of_members_asks_a_figure(query):
    assert closes_on_measure(query)


@pytest.mark.parametrize("query", ["registered schemes freedonia", "ruritania registered organisations",
                                   "countries registered workers"])
def test_a_kind_of_entity_is_still_listed(query):
    assert not asks_figure(query)


def test_a_condition_on_how_many_countries_a_region_holds():
    assert members_condition("Which regions had more than one country with a strategy result?") == (">", 1)
    assert members_condition("regions where at least two countries got a result") == (">=", 2)
    assert members_condition("which regions had a single country with a result") == ("=", 1)
    assert members_condition("which regions fund Result 2 countries") is None
    assert holds(">", 2, 1) and not holds(">", 1, 1) and holds("=", 1, 1)


# -- the engine on the bundled report -------------------------------------------------------------
def test_respectively_nouns_on_the_report(engine):
    _, m = passage_with(engine, r"for (persons with disabilities) and (older persons) in the West Bank, "
                                r"reaching ([\d,]+) and ([\d,]+) persons respectively")
    first, second = float(m.group(3).replace(",", "")), float(m.group(4).replace(",", ""))
    for q, want in [("How many persons with disabilities in the West Bank got the new allowance?", first),
                    ("west bank older persons allowance number reached", second),
                    ("how many older people in the West Bank were reached by the social allowances", second)]:
        assert [_value(x) for x in _labels(engine.ask(q))] == [want], q


def test_a_change_between_two_years_on_the_report(engine):
    _, m = passage_with(engine, r"registered workers increasing from ([\d,]+) to ([\d,]+) and employers "
                                r"from ([\d,]+) to ([\d,]+) between (20\d\d) and (20\d\d)")
    workers_end, employers_start = m.group(2), m.group(3)
    assert _labels(engine.ask(f"How many employers were registered in Timor-Leste in {m.group(5)}?")) == [employers_start]
    assert _labels(engine.ask(f"timor-leste registered workers {m.group(6)}")) == [workers_end]


def test_a_stated_count_dated_by_the_span_asked(engine):
    _, m = passage_with(engine, r"Between (20\d\d) and (20\d\d), the Flagship Programme achieved (\d+) institutional changes")
    res = engine.ask(f"How many institutional changes did the Flagship Programme achieve between {m.group(1)} and {m.group(2)}?")
    assert _labels(res) == [m.group(3)]


def test_a_superlative_ranks_by_the_column_it_names(engine):
    import re

    row = r"(?m)^(20\d\d) \| (\d+) \| ([\d,]+)\s*$"  # a table of years: year | count | amount
    p, _ = passage_with(engine, row)
    rows = [(y, int(n), int(v.replace(",", ""))) for y, n, v in re.findall(row, p.text)]
    most_projects = max(rows, key=lambda r: r[1])[0]
    most_funding = max(rows, key=lambda r: r[2])[0]
    assert most_projects != most_funding  # otherwise the test tells nothing apart
    res = engine.ask("Looking at the table of new projects and funding approved, which year had the largest "
                     "number of new projects?")
    assert _labels(res) == [most_projects]
    res = engine.ask("Glancing at the table of new projects and the funding approved, in which year was the "
                     "largest amount of new funding approved?")
    assert _labels(res) == [most_funding]


def test_regions_kept_by_how_many_countries_qualify(engine):
    from tests.support.engine import result_kinds

    per_country = result_kinds(engine.k, "2024")
    where = {f["subject"]: f["object"] for f in engine.k.facts_where(predicate="inRegion")}
    counts: dict[str, int] = {}
    for c, kinds in per_country.items():
        if any("policies" in k for k in kinds) and c in where:
            counts[where[c]] = counts.get(where[c], 0) + 1
    want = {engine.k.label(r) for r, n in counts.items() if n > 1}
    res = engine.ask("Which regions had more than one country with a policies and strategies result in 2024?")
    assert set(_labels(res)) == want and 0 < len(want) < len(counts)


def test_by_how_much_reads_the_size_written_after_by():
    seg = ("In March 2031, Freedonia adopted a decree which raised the reference wage for all family "
           "allowances by nearly 25 percent for some 2 million recipients.")
    assert numbers.asked_unit("By how much did the decree raise the reference wage?") is None
    assert _pick(seg, "By how much did Freedonia's 2031 decree raise the reference wage for family allowances?") \
        == "25 percent"
    assert _pick(seg, "by how much was the reference wage increased") == "25 percent"
    assert numbers.asked_unit("by how much money did funding grow") == "money"


def test_a_count_opening_a_relative_clause_is_a_count(engine):
    funded = {}
    for f in engine.k.facts_where(predicate="fundedBy"):
        if f["subject"].startswith("Country:"):
            funded.setdefault(f["object"], set()).add(f["subject"])
    donor = max((o for o in funded if o.startswith("Organization:gov-")), key=lambda o: len(funded[o]))
    name = engine.k.label(donor.replace("Organization:gov-", "Country:"))
    for q in [f"Number of countries whose financing line names {name}?",
              f"The number of priority countries that list {name} among their funders"]:
        res = engine.ask(q)
        assert res["answer_type"] == "Number" and [_value(x) for x in _labels(res)] == [float(len(funded[donor]))], q


def test_by_how_much_from_one_year_to_the_next_in_a_table(engine):
    _, m = passage_with(engine, r"Legal coverage \(extension\) \| [\d,]+ \| ([\d,]+) \| ([\d,]+) \|")
    a, b = (float(x.replace(",", "")) for x in m.groups())
    res = engine.ask("By how much did legal coverage impacts grow from 2023 to 2024?")
    assert [_value(x) for x in _labels(res)] == [abs(b - a)]


def test_a_count_of_a_countrys_funders_counts_its_financing_line(engine):
    k = engine.k
    direct = {}
    for f in k.facts_where(predicate="fundedBy"):
        if f["subject"].startswith("Country:"):
            direct.setdefault(f["subject"], set()).add(f["object"])
    pooled = {c for c, fs in direct.items() if any(k.facts_where(subject=o, predicate="fundedBy") for o in fs)}
    assert pooled, "the report names a pooled fund with its own donors on some financing line"
    for c in sorted(pooled)[:2]:
        name = k.label(c)
        for q in [f"How many funders are listed for {name}?", f"number donors {name.lower()}"]:
            res = engine.ask(q)
            assert [_value(x) for x in _labels(res)] == [float(len(direct[c]))], q
        listed = engine.ask(f"Who funds the work in {name}?")
        assert len(_labels(listed)) > len(direct[c])  # the list still names the fund's own donors


def test_shorthand_in_counts_is_spelled_out(engine):
    _, m = passage_with(engine, r"Effective coverage[^\n]*\n[^\n]*\n[^\n]*\n\s*\|?\s*\|?\s*Health protection \| ([\d,]+)")
    want = float(m.group(1).replace(",", ""))
    for q in ["how many ppl got effective health protection coverage in 2024",
              "num of ppl with effective health protection coverage in 2024"]:
        assert [_value(x) for x in _labels(engine.ask(q))] == [want], q
