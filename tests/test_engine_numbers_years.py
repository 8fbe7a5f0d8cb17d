"""Questions whose answer is a number or a year: keyword queries that ask for a figure by its unit
or by what was done to the people counted, a count whose question has an aside ("to share ..."),
a figure written right before the counted noun, stated figures dated to other years, year bounds
("until which year"), the year written next to the asked event, and table cells addressed by
row and column (app/qa/figures/numbers.py, counts.py, textstep.py, tables.py).

The pure pieces run on sentences invented for these tests.  The engine tests ask questions written
for these tests over the real build; expected answers are read from the report's text by a regex
over the passage that holds the cue, never typed in.
"""
from __future__ import annotations

import re

from app.qa.figures.counts import dated_elsewhere
from app.qa.figures.numbers import asked_unit, beside_counted, counted_noun_last
from app.qa.textstep import Found, TextResult, _near, counts_people, prefer_dated_event, whole_over_lead_clause, year_bound
from app.qa.units import make_units
from tests.support.engine import amount_value as _value
from tests.support.engine import answer_labels as _labels
from tests.support.engine import passage_with


# -- pure pieces ----------------------------------------------------------------------------------
def test_people_then_what_was_done_to_them_is_a_count_but_other_things_are_named():
    assert counted_noun_last("freedonia district health scheme workers covered")
    assert counted_noun_last("freedonia pension scheme retirees enrolled 2031")  # a trailing year only dates it
    assert not counted_noun_last("c102 ratifications registered 2031")  # which ones, not how many
    assert not counted_noun_last("freedonia roadmaps endorsed")


def test_how_many_decides_the_unit_over_an_aside():
    assert asked_unit("The board was set up to share information; how many events did it organise?") == "count"
    assert asked_unit("how many per cent of workers are covered") == "percent"
    assert asked_unit("what share of the funds came from Freedonia") == "percent"


def test_a_figure_right_before_the_counted_noun():
    text = "Since 2001, the tool holds approximately 490 entries on 12 countries."
    s = text.index("490")
    assert beside_counted(text, s, s + 3, "How many entries does the tool contain?")
    s = text.index("12")
    assert not beside_counted(text, s, s + 2, "How many entries does the tool contain?")


def test_a_sentence_dates_its_figure_by_its_years_and_ranges():
    assert dated_elsewhere("During Phase I (2016-20), 21 countries reached 20 million people.", ["2021", "2023"])
    assert not dated_elsewhere("During Phase I (2016-20), 21 countries reached 20 million people.", ["2018"])
    assert not dated_elsewhere("The programme reached 20 million people.", ["2021"])  # no year written


def test_a_year_bound_is_read_where_the_sentence_writes_it():
    bound = year_bound("Until which year was the allowance renewed?")
    seg = "In 2030, Freedonia renewed the allowance, instituted in 2029, up to September 2032."
    leads = [seg[max(0, m.start() - 24):m.start()] for m in re.finditer(r"\b20\d\d\b", seg)]
    assert [bool(bound.search(x)) for x in leads] == [False, False, True]
    assert year_bound("since when has the fund paid pensions").search("Since ")
    assert year_bound("When was the allowance renewed?") is None


def test_the_sentence_dating_the_asked_event_goes_first():
    named = TextResult(1, "p1", 0.74, [Found("Year", "2030", "2030")])
    dated = TextResult(2, "p2", 0.67, [Found("Year", "2029", "2029", dates_event=True)])
    assert prefer_dated_event([named, dated])[0] is dated
    far = TextResult(3, "p3", 0.40, [Found("Year", "2029", "2029", dates_event=True)])
    assert prefer_dated_event([named, far])[0] is named  # much weaker evidence does not win


def test_people_counted_by_what_they_did_are_read_as_its_doers():
    # "how many people used / joined ...": the figure is written beside the doers, one way only
    assert counts_people("how many people used the portal in 2031") and counts_people("how many persons joined it")
    assert not counts_people("how many participants joined the course")
    assert _near("users", ["used"]) and _near("viewers", ["viewed"])
    assert _near("participants", ["people", "joined"]) and _near("attendees", ["persons"])
    assert not _near("people", ["participants"])  # "how many participants" is not "56 million people"
    assert not _near("countries", ["people"])


def test_the_whole_sentence_beats_its_lead_clause_when_their_figures_differ():
    from graph.model import Passage

    text = ("Several meetings were held in 2031: one to present the atlas (90 attendees); one to discuss "
            "the pension study (35 attendees); and one on the budget (20 attendees).")
    units = make_units([Passage(id="p1", section_id="s1", section_path=["S"], text=text, start=0, end=len(text))])
    lead = next(u for u in units if u.kind == "clause" and u.start == 0)
    whole = next(u for u in units if u.kind == "sentence")
    a = TextResult(lead.id, "p1", 0.83, [Found("Number", "90", "90")])
    b = TextResult(whole.id, "p1", 0.79, [Found("Number", "35", "35")])
    assert whole_over_lead_clause([a, b], units)[0] is b
    same = TextResult(whole.id, "p1", 0.79, [Found("Number", "90", "90")])
    assert whole_over_lead_clause([a, same], units)[0] is a  # the same figure: the clause stays
    far = TextResult(whole.id, "p1", 0.60, [Found("Number", "35", "35")])
    assert whole_over_lead_clause([a, far], units)[0] is a  # much weaker evidence does not win


# -- the engine on the bundled report -------------------------------------------------------------
def test_the_figure_of_the_meeting_asked_not_of_the_first_one_listed(engine):
    _, m = passage_with(engine, r"meetings were organized in 2024: one to present .*?\((\d+) attendees\); "
                                r"one to discuss the findings of the study on the (financing gap) .*?\((\d+) attendees\)")
    res = engine.ask(f"For the GTT knowledge-sharing sessions in 2024, how many people attended the one where the "
                     f"study on the {m.group(2)} was discussed?")
    assert _labels(res) == [m.group(3)]


def test_how_many_people_did_something_reads_the_sentence_on_that_not_any_people_count(engine):
    # every "N million people" sentence shares the frame "how many people"; the topic chooses
    _, m = passage_with(engine, r"the (Platform) boasted over ([\d,]+) users")
    res = engine.ask(f"How many people used the Social Protection {m.group(1)} in 2024?")
    assert _labels(res) == [m.group(2)]
    _, m = passage_with(engine, r"disseminated through a (webinar) \((\d+) participants")
    res = engine.ask(f"How many people joined the {m.group(1)} where the Connect Asia findings on disability were presented?")
    assert _labels(res) == [m.group(2)]


def test_a_keyword_query_ending_in_percent_reads_the_share(engine):
    _, m = passage_with(engine, r"Indonesia committed.*?income replacement level at (\d+) percent")
    res = engine.ask("indonesia unemployment insurance income replacement level percent")
    assert res["answer_type"] == "Number" and [_value(x) for x in _labels(res)] == [float(m.group(1))]


def test_a_count_with_an_aside_about_sharing(engine):
    p, m = passage_with(engine, r"(Global Accelerator Steering Group) was established.*?organized (\d+) events")
    res = engine.ask(f"The {m.group(1)} was set up to share information, and I wonder how many events "
                     f"this platform organised in 2024?")
    assert _labels(res) == [m.group(2)] and res["answers"][0]["evidence"][0]["passage_id"] == p.id


def test_a_figure_before_the_counted_noun_answers_at_lower_similarity(engine):
    _, m = passage_with(engine, r"the (RMT) encompasses approximately (\d+) entries")
    res = engine.ask("How many entries does the Results Monitoring Tool contain?")
    assert _labels(res) == [m.group(2)]


def test_a_stated_figure_of_other_years_is_not_the_asked_years(engine):
    _, m = passage_with(engine, r"Between (20\d\d) and (20\d\d), the Flagship Programme contributed to .*?"
                                r"extending social protection to ([\d.]+ million) people")
    res = engine.ask(f"To how many people did the Flagship Programme extend social protection between "
                     f"{m.group(1)} and {m.group(2)}?")
    assert [_value(x) for x in _labels(res)] == [_value(m.group(3))]


def test_until_which_year(engine):
    _, m = passage_with(engine, r"renewed the (National Disability Allowance) \(NDA\).*?up to \w+ (20\d\d)")
    for q in (f"Until which year was Lebanon's {m.group(1)} renewed?", "lebanon nda renewed until what year"):
        assert _labels(engine.ask(q)) == [m.group(2)], q


def test_the_year_next_to_the_asked_event(engine):
    _, m = passage_with(engine, r"Italian energy company (Eni) S\.p\.A\..*?The initiative, launched in \w+ (20\d\d)")
    assert _labels(engine.ask(f"In what year was the initiative with the Italian energy company {m.group(1)} launched?")) \
        == [m.group(2)]


def test_a_table_branch_row_over_its_group(engine):
    _, m = passage_with(engine, r"\nDisability benefits \| ([\d,]+)")
    res = engine.ask("In Table 1, how many persons gained effective coverage for disability benefits in 2024?")
    assert [_value(x) for x in _labels(res)] == [_value(m.group(1))]


def test_a_table_column_dated_exactly_as_asked(engine):
    _, m = passage_with(engine, r"\nImpacts (20\d\d-\d\d) \|.*\nLegal coverage \(extension\) \| ([\d,]+) \|")
    res = engine.ask(f"table 2 legal coverage impacts {m.group(1)}")
    assert [_value(x) for x in _labels(res)] == [_value(m.group(2))]


def test_the_figure_the_sentence_calls_previous():
    from app.qa.figures.numbers import pick

    seg = "The gap declined to US$12.5 million at the end of 2031, a reduction from the previous gap of US$20 million."
    got = pick(seg, "What was the previous funding gap?", lambda w: w.lower() in ("funding", "gap"), strict=False)
    assert got is not None and got.value == 20e6
    got = pick(seg, "To what did the funding gap decline?", lambda w: w.lower().startswith(("funding", "gap", "declin")),
               strict=False)
    assert got is not None and got.value == 12.5e6  # no earlier state asked: the cue does not apply


def test_of_two_rates_in_one_sentence_the_one_the_question_labels(engine):
    _, m = passage_with(engine, r"achieving a (\d+)% financial execution rate and (\d+)% expenditure rate by (20\d\d)")
    res = engine.ask(f"What expenditure rate had the Flagship Programme reached by {m.group(3)}?")
    assert [_value(x) for x in _labels(res)] == [float(m.group(2))]
    res = engine.ask(f"What financial execution rate had the Flagship Programme achieved by {m.group(3)}?")
    assert [_value(x) for x in _labels(res)] == [float(m.group(1))]


def test_in_dollars_asks_for_an_amount(engine):
    _, m = passage_with(engine, r"monthly allowance of around US\\?\$(\d+)")
    res = engine.ask("whats the nda monthly allowance in lebanon in dollars")
    assert res["answer_type"] == "Number" and [_value(x) for x in _labels(res)] == [float(m.group(1))]
